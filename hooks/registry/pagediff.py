"""What readers will see change: the visible text of each page of two built sites, compared word
by word, as collapsed sections (<details>) for a pull request's job summary."""

from __future__ import annotations

import difflib
import html
from html.parser import HTMLParser
from pathlib import Path

from .markdown_text import inline

CONTEXT = 8  # unchanged words shown on each side of a change
RUN = 2_000  # characters of one run of removed or added words
MAX_WORDS = 400  # per page: a phone should not have to scroll through a whole new page
SKIP = {"script", "style", "template", "svg"}
HEADING = "### Sidornas text före och efter (The pages' text before and after)"
STATES = {"new": "ny sida, new page", "gone": "sidan tas bort, page removed", "changed": "ändrad, changed"}


class _Text(HTMLParser):
    """The words inside <article> (Material's content area), without scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = self.skipping = 0
        self.words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.depth += tag == "article" or (self.depth > 0 and tag not in VOID)
        self.skipping += self.depth > 0 and tag in SKIP

    def handle_endtag(self, tag: str) -> None:
        if self.depth > 0 and tag not in VOID:
            self.skipping -= tag in SKIP and self.skipping > 0
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth > 0 and not self.skipping:
            self.words += data.split()


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def page_words(path: Path) -> list[str]:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser.words


def _pages(site: Path) -> dict[str, Path]:
    """{route: file}: '' for the home page, 'en/parter/ssab/' for a page below it."""
    pages = {}
    for path in site.rglob("index.html"):
        folder = path.parent.relative_to(site).as_posix()
        pages["" if folder == "." else folder + "/"] = path
    return pages


def _unchanged(words: list[str], first: bool, last: bool) -> list[str]:
    """A run of unchanged words, shortened to the words next to the changes around it."""
    if len(words) <= 2 * CONTEXT:
        return words
    return ([] if first else words[:CONTEXT]) + ["…"] + ([] if last else words[-CONTEXT:])


def word_diff(old: list[str], new: list[str]) -> str:
    """Markdown with HTML tags: unchanged words, <del>removed</del> and <ins>added</ins>, long
    unchanged runs as …; every word made inert by markdown_text (it is the built pages' text)."""
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out += [inline(w) for w in _unchanged(old[a1:a2], a1 == 0, (a2, b2) == (len(old), len(new)))]
            continue
        if a2 > a1:
            out.append(f"<del>{inline(' '.join(old[a1:a2]), RUN)}</del>")
        if b2 > b1:
            out.append(f"<ins>{inline(' '.join(new[b1:b2]), RUN)}</ins>")
    return " ".join(out if len(out) <= MAX_WORDS else [*out[:MAX_WORDS], "…"])


def site_diff(old_site: Path, new_site: Path, site_url: str) -> str:
    """Markdown: one collapsed section per page whose visible text differs."""
    old, new = _pages(old_site), _pages(new_site)
    parts = []
    for route in sorted(old.keys() | new.keys()):
        before = page_words(old[route]) if route in old else []
        after = page_words(new[route]) if route in new else []
        if before == after:
            continue
        state = "new" if route not in old else "gone" if route not in new else "changed"
        url = html.escape(site_url + route.lstrip("/"))
        parts.append(f"<details><summary>{url} ({STATES[state]})</summary>\n\n{word_diff(before, after)}\n\n</details>")
    if not parts:
        return f"{HEADING}\n\nIngen sida ändras. (No page changes.)\n"
    return f"{HEADING}\n\n" + "\n\n".join(parts) + "\n"


INDEX = """<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Förhandsvisning: sidor som ändras (Preview: pages that change)</title></head>
<body>
<h1>Sidor som ändras <span lang="en">(Pages that change)</span></h1>
<p>Den byggda webbplatsen finns i mappen <code>{folder}/</code>. Öppna en sida nedan.
<span lang="en">(The built site is in the folder <code>{folder}/</code>. Open a page below.)</span></p>
{items}
</body>
</html>
"""


def site_index(old_site: Path, new_site: Path, folder: str) -> str:
    """The preview's own index.html: a list of the pages whose visible text differs, each linked
    to its file in `folder` (the built site beside it), so a downloaded preview can be browsed."""
    old, new = _pages(old_site), _pages(new_site)
    items = []
    for route in sorted(old.keys() | new.keys()):
        if route in new and route in old and page_words(old[route]) == page_words(new[route]):
            continue
        state = "new" if route not in old else "gone" if route not in new else "changed"
        shown = html.escape("/" + route)
        if state == "gone":
            items.append(f"<li>{shown} ({STATES[state]})</li>")
        else:
            href = html.escape(f"{folder}/{route}index.html", quote=True)
            items.append(f'<li><a href="{href}">{shown}</a> ({STATES[state]})</li>')
    listed = "<ul>\n" + "\n".join(items) + "\n</ul>" if items else "<p>Ingen sida ändras. (No page changes.)</p>"
    return INDEX.format(folder=html.escape(folder), items=listed)
