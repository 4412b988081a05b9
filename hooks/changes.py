"""The change summary of a pull request: `python hooks/changes.py [--preview URL] BASE HEAD`.

Reads the four registries at the git revisions BASE and HEAD and prints, in Markdown, the
records added, removed and changed (field by field), the pages of the published site that
change, and the check's result, in Swedish and then in English. The site's address is SITE_URL
when set, else the default in mkdocs.yml; URL is where the built site can be downloaded, linked
for the pages that are new. Always exits 0: the check's own step fails a change.

The registries are only read (`git show REVISION:FILE`), never checked out or run: the comment
workflow runs this, main's code, on a pull request's revision.

`python hooks/changes.py --pages OLD_SITE NEW_SITE` prints, for each page whose visible text
differs between two built sites, a collapsed word-level diff (for the job summary), and
`--index OLD_SITE NEW_SITE FOLDER` the preview's index.html, linking those pages in FOLDER.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from registry.changes import read_version, summary
from registry.load import FILES
from registry.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent


def export(revision: str, folder: Path, repo: Path | None = None) -> Path:
    """The registries as they were at `revision` in the git repository `repo` (default: the
    current folder), written to `folder`; a file missing there stays missing."""
    for file in FILES.values():
        shown = subprocess.run(["git", "show", f"{revision}:{file}"], cwd=repo, capture_output=True)
        if shown.returncode == 0:
            (folder / file).write_bytes(shown.stdout)
    return folder


def main(argv: list[str]) -> int:
    preview = ""
    if argv[:1] == ["--preview"] and len(argv) > 1:
        preview, argv = argv[1], argv[2:]
        if not re.fullmatch(r"https://[^\s()<>\[\]`]+", preview):
            print(f"changes.py: the preview address must be an https:// address, not '{preview}'", file=sys.stderr)
            return 2
    if argv[:1] == ["--index"] and len(argv) == 4:
        from registry.pagediff import site_index

        print(site_index(Path(argv[1]), Path(argv[2]), argv[3]), end="")
        return 0
    if argv[:1] == ["--pages"] and len(argv) == 3:
        from registry.pagediff import site_diff

        print(site_diff(Path(argv[1]), Path(argv[2]), read_settings(ROOT / "mkdocs.yml").site_url), end="")
        return 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    for revision in argv:
        if subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], capture_output=True
        ).returncode:
            print(f"changes.py: '{revision}' is not a commit in this repository", file=sys.stderr)
            return 2
    with tempfile.TemporaryDirectory() as base, tempfile.TemporaryDirectory() as head:
        old = read_version(export(argv[0], Path(base)))
        new = read_version(export(argv[1], Path(head)))
    short = subprocess.run(["git", "rev-parse", "--short", argv[1]], capture_output=True, text=True).stdout.strip()
    print(summary(old, new, read_settings(ROOT / "mkdocs.yml"), preview, short), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
