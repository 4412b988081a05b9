"""One small Markdown file per record (and per initiative area and status) and language,
written into docs/ for MkDocs to pick up.

Each file holds the page's title and description and one marker; the content itself is
rendered from the registry at build time (render.py). A file is written only when its text
changed (else `mkdocs serve` would rebuild in a loop), and stale ones are removed.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from .load import Registries
from .models import CATEGORIES, STATUSES
from .render import RECORD_ROUTES
from .words import WORDS

HEADER = "# Generated from the registries by hooks/registry/stubs.py: do not edit, edit the YAML."
LANGS = ("sv", "en")


def _summary(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _escape(text: str) -> str:
    """MkDocs renders page titles and meta without autoescaping: escape what could break out
    of text or a double-quoted attribute (an apostrophe cannot, and stays readable in search)."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def _pages(reg: Registries):
    """(kind, id, {lang: title}, {lang: description}) for every generated page."""
    both = lambda text: {lang: getattr(text, lang) for lang in LANGS}  # noqa: E731
    for p in reg.partners:
        yield "partner", p.id, {"sv": p.name, "en": p.name_en or p.name}, both(p.description)
    for i in reg.initiatives:
        yield "initiative", i.id, both(i.title), both(i.summary)
    for c in reg.contracts:
        yield "contract", c.id, both(c.title), both(c.summary)
    for kind, vocabulary, intro in (("category", CATEGORIES, VIEW_INTROS["category"]),
                                    ("status", STATUSES, VIEW_INTROS["status"])):
        for value, (sv, en) in vocabulary.items():
            titles = {"sv": f"{WORDS['initiatives'][0]}: {sv}", "en": f"{WORDS['initiatives'][1]}: {en}"}
            yield kind, value, titles, {"sv": intro[0].format(sv.lower()), "en": intro[1].format(en.lower())}


VIEW_INTROS = {
    "category": ("Alla insatser inom området {}, med status och vem som leder dem.",
                 "All initiatives in the area {}, with their status and who leads them."),
    "status": ("Alla insatser med status {}, per område och med vem som leder dem.",
               "All initiatives with the status {}, by area and with who leads them."),
}


def stub_texts(reg: Registries) -> dict[str, str]:
    """{path relative to docs/: file text} for every generated page in both languages."""
    pages = {}
    for kind, record_id, titles, descriptions in _pages(reg):
        for lang in LANGS:
            meta = {"title": _escape(titles[lang]), "description": _escape(_summary(descriptions[lang]))}
            if kind in ("partner", "initiative", "contract"):
                meta["record"] = f"{kind} {record_id}"
            # A JSON string is a valid YAML double-quoted scalar, and json.dumps is ~70x faster than yaml.safe_dump
            front = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
            pages[f"{RECORD_ROUTES[kind]}/{record_id}.{lang}.md"] = (
                f"---\n{HEADER}\n{front}---\n\n<!-- registry:{kind} {record_id} -->\n")
    return pages


def write_stubs(docs: Path, reg: Registries) -> int:
    """Bring docs/ in line with the registries; return how many files were written or removed."""
    wanted = stub_texts(reg)
    changed = 0
    for folder in set(RECORD_ROUTES.values()):
        for path in (docs / folder).glob("*.md"):
            rel = path.relative_to(docs).as_posix()
            if rel not in wanted and path.read_text(encoding="utf-8").startswith(f"---\n{HEADER}"):
                path.unlink()
                changed += 1
    for rel, text in wanted.items():
        path = docs / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed += 1
    return changed
