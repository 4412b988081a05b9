"""The pages made from the registries: one per record, initiative area and status, with their
titles and descriptions in each language (the content is rendered by content.py).

Search indexes these pages lean: one entry per page with its title, text and facts, made
here from the registry (search_entry), instead of every section of the rendered page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .formatting import RECORD_ROUTES
from .load import Registries
from .models import CATEGORIES, PARTNER_TYPES, ROLES, STATUSES, Text, label
from .words import WORDS

LANGS = tuple(Text.model_fields)  # the languages every text of the registries is written in


def _summary(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


@dataclass(frozen=True)
class Generated:
    """A page made from the registries, before it is rendered."""

    kind: str  # partner, initiative, contract; or category, status (the portfolio's views)
    id: str
    titles: dict[str, str]  # {lang: title}
    descriptions: dict[str, str]  # {lang: the text search and the page's description use}
    facts: dict[str, list[str]]  # {lang: labels added to the search entry}

    @property
    def is_record(self) -> bool:
        return self.kind in ("partner", "initiative", "contract")

    def src_uri(self, lang: str) -> str:
        return f"{RECORD_ROUTES[self.kind]}/{self.id}.{lang}.md"

    def summary(self, lang: str) -> str:
        return _summary(self.descriptions[lang])


def generated_pages(reg: Registries) -> list[Generated]:
    """Every page made from the registries: one per record, initiative area and status."""

    def both(text: Text) -> dict[str, str]:
        return {lang: getattr(text, lang) for lang in LANGS}

    none: dict[str, list[str]] = {lang: [] for lang in LANGS}
    pages = []
    for p in reg.partners:
        facts = {
            lang: [label(ROLES, r, lang) for r in p.roles] + [label(PARTNER_TYPES, p.type, lang)] for lang in LANGS
        }
        pages.append(Generated("partner", p.id, {lang: p.name_in(lang) for lang in LANGS}, both(p.description), facts))
    for i in reg.initiatives:
        facts = {
            lang: [label(CATEGORIES, i.category, lang), label(STATUSES, i.status, lang)]
            + [reg.partner(pid).name_in(lang) for pid in [i.lead, *i.partners]]
            for lang in LANGS
        }
        pages.append(Generated("initiative", i.id, both(i.title), both(i.summary), facts))
    pages += [Generated("contract", c.id, both(c.title), both(c.summary), none) for c in reg.contracts]
    for kind, vocabulary in (("category", CATEGORIES), ("status", STATUSES)):
        intro = VIEW_INTROS[kind]
        for value, (sv, en) in vocabulary.items():
            titles = {"sv": f"{WORDS['initiatives'][0]}: {sv}", "en": f"{WORDS['initiatives'][1]}: {en}"}
            pages.append(
                Generated(
                    kind, value, titles, {"sv": intro[0].format(sv.lower()), "en": intro[1].format(en.lower())}, none
                )
            )
    return pages


VIEW_INTROS = {
    "category": (
        "Alla insatser inom området {}, med status och vem som leder dem.",
        "All initiatives in the area {}, with their status and who leads them.",
    ),
    "status": (
        "Alla insatser med status {}, per område och med vem som leder dem.",
        "All initiatives with the status {}, by area and with who leads them.",
    ),
}


def search_entry(page: Generated, lang: str) -> dict[str, str]:
    """The page's search index entry in `lang`, located relative to the language root. Material
    shows an entry's title and text as HTML, so both are escaped as Material escapes page text."""
    facts = page.facts[lang]
    text = page.descriptions[lang] + (" (" + ", ".join(facts) + ")" if facts else "")
    return {
        "location": f"{RECORD_ROUTES[page.kind]}/{page.id}/",
        "title": html.escape(page.titles[lang], quote=False),
        "text": html.escape(text, quote=False),
    }
