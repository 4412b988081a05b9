"""The site's content for one language, from the registries: the one entry point of the core.

`build_site` returns plain values: the generated pages (one per record, area and status) with
their title and description, and their HTML made when asked for; the hand-written pages with
the HTML for their registry markers; the lean search entries; and the files (feed, open data)
to put beside the pages. It knows nothing of MkDocs: an engine adapter (hooks/site.py) delivers
these values to the engine.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from html import unescape
from pathlib import Path

import jinja2

from .badges import badge_files
from .exports import data_files
from .feed import atom_feed
from .formatting import page_route
from .load import Registries
from .relations import relations
from .render import MARKER, MarkerError, Renderer
from .render import marker_problems as render_marker_problems
from .settings import Settings
from .stubs import generated_pages, search_entry

ANCHOR = re.compile(r'\sid="([^"]+)"')
NESTED = re.compile(r"<!--\s*registry\b.*?(?=-->|$)", re.DOTALL)  # a marker's start inside a comment


@dataclass(frozen=True)
class Page:
    """A page made from the registries."""

    src_uri: str  # its path among the hand-written pages: 'parter/ssab.en.md'
    route: str  # its address under the language's root: 'parter/ssab/'
    title: str  # plain text
    description: str  # plain text, at most 160 characters
    record: str | None  # 'partner ssab' for a record's page; None for an area or a status
    structured_data: dict[str, object] | None  # schema.org JSON-LD for a record's page
    render: Callable[[], str] = field(repr=False, compare=False)

    @property
    def html(self) -> str:
        """The page's content, made on each call. An engine asks for it when it writes the page,
        so a build of 3,000 records holds one record page's HTML at a time, not 6,000."""
        return self.render()


@dataclass(frozen=True)
class HandWrittenPage:
    """A hand-written page: its Markdown, and the HTML for its registry markers. The engine
    converts the Markdown, where each marker is an HTML comment in a block of its own and comes
    through as it is, and then fills in the markers (`fill`). The registry's HTML, tens of KB on
    some pages, is not parsed as Markdown only to be passed through: that was 0.15 s of a 1.0 s
    build (bench/README.md, the preview)."""

    markdown: str  # as written, with each marker's line set apart by blank lines
    markers: dict[str, str]  # the marker's text ('<!-- registry:contact -->') -> its HTML

    def fill(self, text: str) -> str:
        """`text` (the converted HTML, or the Markdown itself) with each marker that stands as a
        comment of its own replaced; one inside another comment stays (see `problems`)."""
        pieces, done = [], 0
        for start, end in _comments(text):
            if text[start:end] in self.markers:
                pieces += [text[done:start], self.markers[text[start:end]]]
                done = end
        return "".join(pieces) + text[done:]

    def problems(self, html: str) -> list[str]:
        """Markers that the converted page has inside another HTML comment: filled in, they would
        leave that comment open to the end of the page. Checked in the HTML, where code spans
        and code blocks are escaped and cannot pass for comments."""
        found = (NESTED.search(html, start + 4, end) for start, end in _comments(html))
        return [
            f"the marker '{html[m.start() : m.end()]}-->' is inside another HTML comment (<!-- … -->); "
            "take it out of the comment, or delete it"
            for m in found
            if m
        ]

    @property
    def anchors(self) -> set[str]:
        """The ids in the markers' HTML, which links may point to."""
        return {anchor for html in self.markers.values() for anchor in anchor_ids(html)}


def _comments(text: str) -> Iterator[tuple[int, int]]:
    """Where each HTML comment starts and ends, as a browser reads them: from `<!--` to the
    first `-->` (`<!-->` and `<!--->` are empty comments). One pass: no backtracking."""
    start = text.find("<!--")
    while start != -1:
        if text.startswith(">", start + 4):
            end = start + 5
        elif text.startswith("->", start + 4):
            end = start + 6
        else:
            close = text.find("-->", start + 4)
            end = len(text) if close == -1 else close + 3
        yield start, end
        start = text.find("<!--", end)


def anchor_ids(html: str) -> set[str]:
    """The ids in HTML made by our templates: they write every id in double quotes, and a quote
    in a value or in text is escaped."""
    return {unescape(anchor) for anchor in ANCHOR.findall(html)}


@dataclass(frozen=True)
class SiteContent:
    lang: str
    pages: dict[str, Page]  # by src_uri
    hand_written: dict[str, HandWrittenPage]  # by src_uri
    search: list[dict[str, str]]  # one lean entry per generated page: location, title, text
    files: dict[str, bytes]  # path under the site's root -> content


class ContentError(Exception):
    """Markers in hand-written pages that cannot be filled in, one line each."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def marker_problems(registries: Registries, pages: Mapping[str, str]) -> list[str]:
    """Every mistake in the registry markers of `pages` (a page's path -> its whole text, in
    any language), one line each with the line in the file: an adapter asks before it builds,
    so that all are reported at once, not one language's at a time."""
    records = relations(registries).records
    return [
        problem for path, text in pages.items() for problem in render_marker_problems(text, path, records, lines=True)
    ]


def generated_paths(registries: Registries, settings: Settings) -> list[str]:
    """The src_uri of every generated page in every language (cheap: nothing is rendered)."""
    return [page.src_uri(lang) for page in generated_pages(registries) for lang in settings.languages]


def build_site(
    registries: Registries,
    settings: Settings,
    lang: str,
    hand_written: Mapping[str, str],
    templates: Path,
    compiled: jinja2.BytecodeCache | None = None,
) -> SiteContent:
    """Everything the registries put on the site in `lang`. `hand_written` maps the src_uri of
    each hand-written page of that language to its Markdown. Raises ContentError."""
    renderer = Renderer(registries, settings, templates, compiled)
    filled, problems = {}, []
    for src_uri, markdown in hand_written.items():
        try:
            markers = renderer.render_markers(markdown, src_uri, lang)
            filled[src_uri] = HandWrittenPage(MARKER.sub("\n\\g<0>\n", markdown) if markers else markdown, markers)
        except MarkerError as err:
            problems.append(str(err))
    if problems:
        raise ContentError(problems)
    pages, stubs = {}, generated_pages(registries)
    for stub in stubs:
        src_uri = stub.src_uri(lang)
        url = settings.site_url + settings.prefix(lang) + page_route(src_uri)
        record = f"{stub.kind} {stub.id}" if stub.is_record else None
        pages[src_uri] = Page(
            src_uri,
            page_route(src_uri),
            stub.titles[lang],
            stub.summary(lang),
            record,
            renderer.structured_data(record, lang, url) if record else None,
            partial(_html, renderer, stub.kind, stub.id, src_uri, lang),
        )
    search = [search_entry(stub, lang) for stub in stubs]
    return SiteContent(lang, pages, filled, search, _files(registries, settings, lang))


def _html(renderer: Renderer, kind: str, record_id: str | None, src_uri: str, lang: str) -> str:
    return renderer.render_marker(kind, record_id, page_route(src_uri), lang, src_uri).strip()


def _files(registries: Registries, settings: Settings, lang: str) -> dict[str, bytes]:
    files = {f"{settings.prefix(lang)}feed.xml": atom_feed(registries, settings, lang)}
    files |= {settings.prefix(lang) + path: svg for path, svg in badge_files(registries.partners, lang).items()}
    if lang == settings.default_language:
        for name, content in data_files(registries, settings.site_url, settings.contact).items():
            files[f"data/{name}"] = content
    return files
