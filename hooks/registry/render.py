"""Registry content as HTML for the site's pages: the markers in hand-written pages and the
record pages. Python prepares the data; the Jinja templates in overrides/partials/registry/
render it, with every value escaped and a strict Undefined so that a typo fails the build."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2

from . import charts, checks, models, reader
from .formatting import (
    RECORD_ROUTES,
    day,
    months_between,
    number,
    page_route,
    relative,
    route,
    source_date,
    source_host,
)
from .load import Registries
from .relations import relations, signing_matrix
from .settings import Settings
from .words import WORDS

MARKER = re.compile(r"^<!-- registry:([a-z-]+)(?: ([a-z0-9-]+))? -->$", re.MULTILINE)
MARKER_LIKE = re.compile(r"<!--\s*registry\b.*?-->", re.DOTALL)
SECTION_MARKERS = {
    "emissions-chart",
    "initiative-charts",
    "partner-charts",
    "signing-matrix",
    "key-figures",
    "emissions-table",
    "partner-directory",
    "initiative-portfolio",
    "contract-timeline",
    "contact",
    "review-overview",
    "data-files",
} | reader.READER_MARKERS


class MarkerError(Exception):
    pass


def marker_problems(
    text: str, where: str, records: Mapping[str, Mapping[str, object]], lines: bool = False
) -> list[str]:
    """Every mistake in the markers of a page's text, one line each, starting with `where` (the
    page's path) and, with `lines`, the line in `text`. `records`: the ids of each kind of record
    a marker may name (Relations.records)."""

    def at(position: int) -> str:
        line = text.count("\n", 0, position) + 1
        return f"{where}:{line}" if lines else where

    alone = {m.start(): m for m in MARKER.finditer(text)}
    problems = [
        (
            m.start(),
            f"{at(m.start())}: the marker {m.group(0)!r} is not of the form '<!-- registry:NAME -->' alone on its line",
        )
        for m in MARKER_LIKE.finditer(text)
        if m.start() not in alone
    ]
    problems += [
        (m.start(), f"{at(m.start())}: {problem}")
        for m in alone.values()
        if (problem := _marker_problem(m.group(1), m.group(2), records))
    ]
    return [problem for _, problem in sorted(problems)]


def _marker_problem(name: str, record_id: str | None, records: Mapping[str, Mapping[str, object]]) -> str | None:
    if record_id is None and name in SECTION_MARKERS:
        return None
    if record_id is not None and name in RECORD_ROUTES:
        return None if record_id in records[name] else f"no {name} has the id '{record_id}'"
    return (
        f"unknown marker 'registry:{name}{' ' + record_id if record_id else ''}'; "
        f"known markers: {', '.join(sorted(SECTION_MARKERS))}"
    )


class Renderer:
    def __init__(
        self, registries: Registries, settings: Settings, templates: Path, compiled: jinja2.BytecodeCache | None = None
    ):
        self.reg = registries
        self.settings = settings
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=compiled,
        )
        self.relations = relations(registries)

    def render_markers(self, markdown: str, src_uri: str, lang: str) -> dict[str, str]:
        """The HTML for each marker in a page's Markdown, by the marker's text. A page with a
        mistake in its markers is an error (MarkerError, every mistake one line)."""
        problems = marker_problems(markdown, src_uri, self.relations.records)
        if problems:
            raise MarkerError("\n".join(problems))
        here = page_route(src_uri)
        return {
            m.group(0): self.render_marker(m.group(1), m.group(2), here, lang, src_uri).strip()
            for m in MARKER.finditer(markdown)
        }

    def render_marker(self, name: str, record_id: str | None, here: str, lang: str, src_uri: str = "") -> str:
        problem = _marker_problem(name, record_id, self.relations.records)
        if problem:
            raise MarkerError(f"{src_uri}: {problem}")
        context = {}
        if record_id is not None:
            record = self.relations.records[name][record_id]
            context = {name: record, "registry_line": self.reg.lines.get((name + "s", record_id), 1)}
        html = self.env.get_template(f"{name}.html").render(self._context(here, lang), **context)
        return "\n" + html.strip() + "\n"

    def _context(self, here: str, lang: str) -> dict[str, Any]:
        def t(key: str, **values: object) -> str:
            sv, en = WORDS[key]
            return (sv if lang == "sv" else en).format(**values)

        def label(vocabulary: str, value: str) -> str:
            return models.label(models.VOCABULARIES[vocabulary], value, lang)

        return {
            "lang": lang,
            "other_lang": "en" if lang == "sv" else "sv",
            "reg": self.reg,
            "rel": self.relations,
            "site": self.settings,
            "t": t,
            "label": label,
            "tx": lambda text: getattr(text, lang),
            "num": lambda v, d=0: number(v, lang, d),
            "day": lambda v: day(v, lang),
            "source_owner": lambda address: self.relations.by_host.get(source_host(address)),
            "source_host": source_host,
            "source_date": source_date,
            "url": lambda target: relative(target, here),
            "route": route,
            "stale": self.is_stale,
            "vocab": models.VOCABULARIES,
            "outdated": lambda i: checks.outdated(
                i.status, i.status_as_of, self.settings.today, self.settings.review_months
            ),
            "emissions_chart": lambda: charts.emissions_chart(self.reg.emissions, lang),
            "emissions_legend": lambda: charts.legend(self.reg.emissions.sectors, "kb-emissions"),
            "border_colour": charts.BORDER_COLOUR,
            "bar_chart": lambda title, counts, id: charts.bar_chart(title, counts, lang, id),
            "signing_matrix": lambda: signing_matrix(
                sorted(self.reg.partners, key=lambda p: p.name_in(lang)), self.reg.contracts
            ),
            "per_resident": self.per_resident,
            "counts": lambda vocabulary: [
                (label(vocabulary, value), n) for value, n in self.relations.counts[vocabulary].items() if n
            ],
            "data_url": lambda file: (
                relative("", here) + "../" * self.settings.prefix(lang).count("/") + "data/" + file
            ),
            **reader.reader_context(self.reg, lang),
        }

    def structured_data(self, record_ref: str, lang: str, page_url: str) -> dict[str, Any]:
        """schema.org data for a record page (JSON-LD): Organization, Project or Event."""
        kind, record_id = record_ref.split()
        record = self.relations.records[kind][record_id]
        data: dict[str, Any] = {"@context": "https://schema.org", "url": page_url, "inLanguage": lang}
        if kind == "partner":
            public = record.type in ("municipality", "government-agency", "region", "county-administrative-board")
            data |= {
                "@type": "GovernmentOrganization" if public else "Organization",
                "name": record.name,
                "description": getattr(record.description, lang),
            }
            data |= {"alternateName": record.name_en} if record.name_en else {}
            data |= {"sameAs": record.website} if record.website else {}
        elif kind == "initiative":
            lead = self.reg.partner(record.lead)
            data |= {
                "@type": "Project",
                "name": getattr(record.title, lang),
                "description": getattr(record.summary, lang),
                "parentOrganization": {"@type": "Organization", "name": lead.name},
            }
        else:
            data |= {
                "@type": "Event",
                "name": getattr(record.title, lang),
                "startDate": record.date.isoformat(),
                "description": getattr(record.summary, lang),
                "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            }
        return data

    def per_resident(self) -> tuple[int, float, models.Population] | None:
        """(emissions year, tonnes per resident, Population) for the latest year with a population
        figure, or None."""
        population = {p.date.year: p for p in self.reg.emissions.population}
        for year in reversed(self.reg.emissions.years):
            if year.year in population:
                return year.year, year.total / population[year.year].value, population[year.year]
        return None

    def is_stale(self, record: models.Partner | models.Initiative | models.ContractEvent) -> bool:
        return months_between(record.last_reviewed, self.settings.today) >= self.settings.review_months
