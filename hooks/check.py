"""Check the registries without building the site: `python hooks/check.py`.

Prints every mistake as `file:line:column: record <id>, field <name>: what is wrong — what to
write instead` and exits 1; inside GitHub Actions it also prints annotations for the diff.
Cited addresses on the site's own host (mkdocs.yml's site_url, or SITE_URL) must be pages of
the site. Warnings (a status in the present tense on an old source) do not fail the check.
`python hooks/check.py --write-schemas` regenerates schemas/*.schema.json from the models.
`--base REVISION` (a pull request's base): warnings only about the records the change touches,
the others counted in one line.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from changes import export

from registry import RegistryError, load_registries
from registry.changes import compare, read_records
from registry.load import FILES, script_warnings, status_warnings
from registry.problems import Problem
from registry.schema import write_schemas
from registry.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent


def touched_records(root: Path, base: str) -> set[tuple[str, str | None]]:
    """(file, record id) of every record that differs from the registries at git revision `base`."""
    with tempfile.TemporaryDirectory() as folder:
        old = read_records(export(base, Path(folder), root))
    return {(FILES[c.registry], c.new_id) for c in compare(old, read_records(root)) if c.new_id}


def main(argv: list[str]) -> int:
    root = Path(argv[argv.index("--root") + 1]) if "--root" in argv else ROOT
    if "--write-schemas" in argv:
        changed = write_schemas(root / "schemas")
        print(f"schemas: {len(changed)} file(s) updated" + (f": {', '.join(changed)}" if changed else ""))
        return 0
    try:
        reg = load_registries(root)
    except RegistryError as err:
        print(err.report(), file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            for problem in err.problems:
                print(problem.annotation())
        return 1
    print(
        f"OK: {len(reg.partners)} partners, {len(reg.initiatives)} initiatives, "
        f"{len(reg.contracts)} contract events, {len(reg.emissions.years)} years of emissions."
    )
    config = root / "mkdocs.yml"
    months = read_settings(config).review_months if config.is_file() else 12
    warnings = status_warnings(root, date.today(), months)
    untouched: list[Problem] = []
    if "--base" in argv:
        touched = touched_records(root, argv[argv.index("--base") + 1])
        untouched = [w for w in warnings if (w.file, w.record) not in touched]
        warnings = [w for w in warnings if (w.file, w.record) in touched]
    for warning in warnings:  # in the log only: as annotations they would sit on every pull request
        print(warning)
    if warnings:
        print(
            f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}: shown on the editors' page"
            " (För redaktörer); the site is built all the same."
        )
    if untouched:
        print(
            f"{len(untouched)} more warning{'s' if len(untouched) != 1 else ''} about records this change does"
            " not touch: shown on the editors' page (För redaktörer)."
        )
    for warning in script_warnings(root):  # rare, and about a name the change may have just added
        print(warning)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(warning.annotation().replace("::error", "::warning", 1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
