"""An issue form's answers become a registry record: `python hooks/issue_form.py BODY_FILE`.

Reads the issue body (the Markdown GitHub writes for a new-partner or new-initiative form),
appends the record to partners.yaml or initiatives.yaml (keeping the file's comments), and runs
the check. Prints what it added and exits 0; or prints, in Swedish and English, what to correct
in the answers, leaves the registries as they were and exits 1.
`--root FOLDER` works on another copy of the project; `--today YYYY-MM-DD` sets last_reviewed.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from registry import RegistryError, load_registries
from registry.forms import FormError, Message, append_record, from_the_check, make_record
from registry.load import FILES
from registry.markdown_text import fenced
from registry.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
MESSAGES = 30  # messages shown at most
ROOM = 50_000  # characters of messages in one comment (GitHub takes 65,536)
FAILED = (
    "Förslaget kan inte bli en post i registret än. Rätta svaren genom att redigera ärendet: "
    "de kontrolleras igen när du sparar.\n"
    "*(The proposal cannot become a registry record yet. Correct the answers by editing the issue: "
    "they are checked again when you save.)*\n"
)


def _option(argv: list[str], name: str, default: str) -> str:
    return argv[argv.index(name) + 1] if name in argv else default


def convert(body: str, root: Path, today: date) -> tuple[str, list[Message]]:
    """Append the record; return what was added, and the notes about it. Raises FormError or
    RegistryError (file restored)."""
    reg = load_registries(root)
    partner_ids = [p.id for p in reg.partners]
    taken = {*partner_ids, *(i.id for i in reg.initiatives)}  # ids of either kind: a form may write both
    months = read_settings(root / "mkdocs.yml").review_months if (root / "mkdocs.yml").is_file() else 12
    forms = root / ".github" / "ISSUE_TEMPLATE"
    registry, record, notes = make_record(body, forms, partner_ids, today, taken, months)
    path = root / FILES[registry]
    before = append_record(path, record)
    try:
        load_registries(root)
    except RegistryError as err:
        path.write_text(before, encoding="utf-8")
        said = from_the_check(err.problems, body, forms, record["id"])
        if len(said) == len(err.problems):  # all about the new record: say them about the questions
            raise FormError(said, notes) from None
        raise
    return f"{FILES[registry]}: {record['id']}", notes


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("--"):
        print(__doc__, file=sys.stderr)
        return 2
    root = Path(_option(argv, "--root", str(ROOT)))
    today = date.fromisoformat(_option(argv, "--today", date.today().isoformat()))
    body = Path(argv[0]).read_text(encoding="utf-8")
    try:
        added, notes = convert(body, root, today)
    except FormError as err:
        shown: list[str] = []
        for message in map(str, err.messages):  # a comment holds 65,536 characters: stop well before
            if len(shown) == MESSAGES or sum(len(m) + 1 for m in shown) + len(message) > ROOM:
                break
            shown.append(message)
        if len(shown) < len(err.messages):
            rest = len(err.messages) - len(shown)
            shown.append(f"- … och {rest} till *(and {rest} more)*")
        print(FAILED + "\n" + "\n".join([*shown, *map(str, err.notes)]))
        return 1
    except RegistryError as err:
        print(FAILED + "\nKontrollen av registren (The registry check):\n\n" + fenced(err.report()))
        return 1
    print("\n\n".join([added, "\n".join(map(str, notes))]) if notes else added)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
