"""One small Markdown page per record (and per initiative area and status) and language.

Each page holds its title and description and one marker; the content itself is rendered
from the registry at build time (render.py). The pages live in memory only: hooks/site.py
hands them to MkDocs as files of docs/ that are never written to disk.

Search indexes these pages lean: one entry per page with its title, text and facts, made
here from the registry (search_entries), instead of every section of the rendered page.
"""

from __future__ import annotations

import html
import json
from .load import Registries
from .models import CATEGORIES, PARTNER_TYPES, ROLES, STATUSES, label
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
    """(kind, id, {lang: title}, {lang: description}, {lang: [facts]}) for every generated page."""
    both = lambda text: {lang: getattr(text, lang) for lang in LANGS}  # noqa: E731
    name = lambda p, lang: p.name_en if lang == "en" and p.name_en else p.name  # noqa: E731
    for p in reg.partners:
        facts = {lang: [label(ROLES, r, lang) for r in p.roles] + [label(PARTNER_TYPES, p.type, lang)]
                 for lang in LANGS}
        yield "partner", p.id, {"sv": p.name, "en": p.name_en or p.name}, both(p.description), facts
    for i in reg.initiatives:
        facts = {lang: [label(CATEGORIES, i.category, lang), label(STATUSES, i.status, lang)]
                 + [name(reg.partner(pid), lang) for pid in [i.lead, *i.partners]] for lang in LANGS}
        yield "initiative", i.id, both(i.title), both(i.summary), facts
    for c in reg.contracts:
        yield "contract", c.id, both(c.title), both(c.summary), {lang: [] for lang in LANGS}
    for kind, vocabulary, intro in (("category", CATEGORIES, VIEW_INTROS["category"]),
                                    ("status", STATUSES, VIEW_INTROS["status"])):
        for value, (sv, en) in vocabulary.items():
            titles = {"sv": f"{WORDS['initiatives'][0]}: {sv}", "en": f"{WORDS['initiatives'][1]}: {en}"}
            yield (kind, value, titles, {"sv": intro[0].format(sv.lower()), "en": intro[1].format(en.lower())},
                   {lang: [] for lang in LANGS})


VIEW_INTROS = {
    "category": ("Alla insatser inom området {}, med status och vem som leder dem.",
                 "All initiatives in the area {}, with their status and who leads them."),
    "status": ("Alla insatser med status {}, per område och med vem som leder dem.",
               "All initiatives with the status {}, by area and with who leads them."),
}


def stub_texts(reg: Registries) -> dict[str, str]:
    """{path relative to docs/: file text} for every generated page in both languages."""
    pages = {}
    for kind, record_id, titles, descriptions, _ in _pages(reg):
        for lang in LANGS:
            meta = {"title": _escape(titles[lang]), "description": _escape(_summary(descriptions[lang])),
                    "search": {"exclude": True}}  # indexed lean instead: search_entries()
            if kind in ("partner", "initiative", "contract"):
                meta["record"] = f"{kind} {record_id}"
            # A JSON string is a valid YAML double-quoted scalar, and json.dumps is ~70x faster than yaml.safe_dump
            front = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
            pages[f"{RECORD_ROUTES[kind]}/{record_id}.{lang}.md"] = (
                f"---\n{HEADER}\n{front}---\n\n<!-- registry:{kind} {record_id} -->\n")
    return pages



def search_entries(reg: Registries) -> dict[str, list[dict]]:
    """{lang: search index entries}, one per generated page, located relative to the language
    root. Material shows an entry's title and text as HTML, so both are escaped as Material
    escapes the text it takes from pages."""
    entries = {lang: [] for lang in LANGS}
    for kind, record_id, titles, descriptions, facts in _pages(reg):
        for lang in LANGS:
            text = descriptions[lang] + (" (" + ", ".join(facts[lang]) + ")" if facts[lang] else "")
            entries[lang].append({"location": f"{RECORD_ROUTES[kind]}/{record_id}/",
                                  "title": html.escape(titles[lang], quote=False),
                                  "text": html.escape(text, quote=False)})
    return entries
