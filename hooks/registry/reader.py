"""The reader's views (start page, on-track chart, sectors, cards): their markers, and what their
templates get besides render.py's context."""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from . import charts
from .formatting import route

if TYPE_CHECKING:
    from datetime import date

    from .load import Registries
    from .models import ContractEvent, Initiative, Partner, Text

READER_MARKERS = {"on-track-chart", "on-track-compact", "latest-events", "partner-strip", "sector-trends"}

# An icon per area, from the Material Design icons bundled with the theme (inlined: no request).
AREA_ICONS = {
    "energy": "lightning-bolt",
    "transport": "bus",
    "industry": "factory",
    "buildings": "home-city",
    "consumption-food": "food-apple",
    "waste": "recycle",
    "carbon-sinks": "pine-tree",
    "collaboration": "account-group",
}
SMALL_WORDS = {"ab", "och", "i", "av", "för", "the", "of", "and"}


def reader_context(reg: Registries, lang: str) -> dict[str, object]:
    """Added to every registry template's context by render.py."""
    return {
        "on_track": lambda compact: charts.on_track_figure(reg.emissions, lang, compact),
        "latest_events": lambda n=3: latest_events(reg, lang)[:n],
        "sector_figures": lambda: charts.sector_figures(reg.emissions, lang),
        "monogram": monogram,
        "monogram_colour": monogram_colour,
        "area_icon": area_icon,
    }


def latest_events(reg: Registries, lang: str) -> list[dict[str, str]]:
    """What happened, newest first, each on the day it happened: contract events, partners joining,
    initiatives starting. (The Atom feed also dates initiatives by their review; that is no event.)
    Titles are markup (escaped here, a Swedish name marked as such); summaries are plain text."""

    def event(
        when: date | str, kind: str, record: ContractEvent | Partner | Initiative, title: str, summary: Text
    ) -> dict[str, str]:
        return {"date": str(when), "route": route(kind, record.id), "title": title, "summary": getattr(summary, lang)}

    events = [event(c.date, "contract", c, charts.esc(getattr(c.title, lang)), c.summary) for c in reg.contracts]
    events += [
        event(p.joined, "partner", p, charts.word("joined", lang, name=charts.partner_name(p, lang)), p.description)
        for p in reg.partners
        if p.joined
    ]
    events += [
        event(
            i.start, "initiative", i, charts.word("started", lang, title=charts.esc(getattr(i.title, lang))), i.summary
        )
        for i in reg.initiatives
        if i.start
    ]
    return sorted(events, key=lambda e: e["date"], reverse=True)


def monogram(name: str) -> str:
    """Up to two initials of an organisation's name: 'Borlänge Energi' -> 'BE', 'SSAB' -> 'SS'."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in SMALL_WORDS and w[0].isalnum()]
    if len(words) == 1:
        return words[0][:2].upper() if not words[0][:2].isdigit() else words[0][:4]
    return "".join(w[0] for w in words[:2]).upper() or "?"


def monogram_colour(record_id: str) -> str:
    """A palette colour picked by the id, the same on every build (white text on it: 4.5:1 or more)."""
    return MONOGRAM_PALETTE[sum(record_id.encode()) % len(MONOGRAM_PALETTE)]


MONOGRAM_PALETTE = ("#1f4e79", "#9c4418", "#2e6b30", "#6a3d9a", "#6e5700", "#ad1457", "#00695c", "#5d4037", "#455a64")


@functools.cache
def area_icon(category: str) -> str:
    """The area's icon as inline SVG, hidden from screen readers (the area's name is next to it)."""
    svg = (icons_folder() / "material" / f"{AREA_ICONS[category]}.svg").read_text(encoding="utf-8")
    return svg.replace(
        "<svg ",
        '<svg class="kb-icon" aria-hidden="true" focusable="false" width="24" height="24" fill="currentColor" ',
        1,
    )


def icons_folder() -> Path:
    """Material's bundled icons (material/templates/.icons), found without importing the theme."""
    spec = importlib.util.find_spec("material")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("the theme mkdocs-material is not installed: run ./scripts/setup")
    return Path(spec.origin).parent / "templates" / ".icons"
