"""Charts of the registries as inline SVG, and who signed what as an HTML table.

Pure Python, standard library only: each function returns a string of markup that the
templates embed with `|safe`, so every text put in here goes through `esc()` first.
The SVGs scale to their container (width="100%"); the viewBoxes are narrow enough and the
fonts large enough to stay legible on a 320 px wide phone.
"""

from __future__ import annotations

import itertools
import math
import textwrap
from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from . import models, ontrack
from .formatting import number, signed_percent
from .words import WORDS

Scale = Callable[[float], float]  # a year or a value -> its place in the SVG
Point = tuple[int, float]  # (year, tonnes)

# Segment colours: each has at least 3:1 contrast against white (WCAG 1.4.11, tested).
PALETTE = ("#1f4e79", "#b3541e", "#2e7d32", "#6a3d9a", "#8a6d00", "#c2185b", "#00796b", "#5d4037", "#546e7a")
BAR_COLOUR = "#1e5631"
GRID_COLOUR = "#949494"  # 3.0:1 on white
BORDER_COLOUR = "#1f1f1f"
FONT = 20  # in viewBox units: the emissions chart (560 wide) on a 290 px column gives 10 px


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def word(key: str, lang: str, **values: object) -> str:
    return models.in_language(WORDS["chart_" + key], lang).format(**values)


def svg_open(id: str, width: float, height: float, title: str, desc: str) -> str:
    """The root of an accessible SVG: an image named by its title and described by its desc."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{esc(id)}-title {esc(id)}-desc" '
        f'viewBox="0 0 {width:g} {height:g}" width="100%" class="kb-chart__svg" font-size="{FONT}">'
        f'<title id="{esc(id)}-title">{esc(title)}</title><desc id="{esc(id)}-desc">{esc(desc)}</desc>'
    )


def text(x: float, y: float, content: str, anchor: str = "middle", cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f'<text x="{x:g}" y="{y:g}" text-anchor="{anchor}" fill="currentColor"{klass}>{esc(content)}</text>'


# Emissions: one stacked bar per year ---------------------------------------------------------

TOP, PLOT_HEIGHT, BOTTOM, LEFT, RIGHT, PLOT_WIDTH, BAR = 52, 280, 34, 52, 28, 500, 34


def nice_step(top: float, most_steps: int = 8) -> float:
    """The smallest of 1, 2, 5, 10, 20, 50, … that divides 0..top into at most `most_steps` steps."""
    magnitude = 10 ** math.floor(math.log10(top)) if top > 0 else 1
    for step in (magnitude / 10, magnitude / 5, magnitude / 2, magnitude, magnitude * 2, magnitude * 5):
        if step >= 1 and math.ceil(top / step) <= most_steps:
            return step
    return magnitude * 10


def fill(index: int, id: str) -> str:
    """Every other sector is striped, so neighbours differ in more than colour."""
    return f"url(#{esc(id)}-p{index})" if index % 2 else PALETTE[index % len(PALETTE)]


def patterns(count: int, id: str) -> str:
    defs = []
    for i in range(1, count, 2):
        colour = PALETTE[i % len(PALETTE)]
        defs.append(
            f'<pattern id="{esc(id)}-p{i}" width="8" height="8" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="8" height="8" fill="{colour}"/>'
            f'<rect width="3" height="8" fill="#fff"/></pattern>'
        )
    return "<defs>" + "".join(defs) + "</defs>"


def emissions_chart(emissions: models.Emissions, lang: str, id: str = "kb-emissions") -> str:
    """Emissions by sector as stacked bars (thousands of tonnes), totals above, legend below.
    Each bar stands at its year's place on a proportional axis, so missing years are gaps."""
    years, sectors = emissions.years, emissions.sectors
    highest = max(y.total for y in years) / 1000
    step = nice_step(highest)
    top = max(step * math.ceil(highest / step), step)
    scale = PLOT_HEIGHT / top  # viewBox units per kt
    first, last = years[0].year, years[-1].year
    unit = PLOT_WIDTH / (last - first + 1)  # viewBox units per year
    width = LEFT + PLOT_WIDTH + RIGHT
    x = year_scale(first, last + 1, LEFT + unit / 2, PLOT_WIDTH)  # the middle of each year's slot
    parts = [
        svg_open(id, width, TOP + PLOT_HEIGHT + BOTTOM, *emissions_words(emissions, lang)),
        patterns(len(sectors), id),
        text(0, FONT, word("axis_unit", lang), "start"),
    ]
    parts += y_axis(top, step, scale, width, lang)
    totals = labelled([y.year for y in years], x, room=FONT * 2.2)
    ticks = labelled([y.year for y in years], x, room=FONT * 2.8)
    bar = min(BAR, unit * 0.8)
    for year in years:
        parts.append(
            stacked_bar(year, sectors, x(year.year), bar, scale, lang, id, year.year in totals, year.year in ticks)
        )
    parts.append("</svg>")
    return "".join(parts)


def labelled(years: list[int], x: Scale, room: float) -> set[int]:
    """The years that get a label: the last one, then each that is at least `room` from the next labelled."""
    chosen, edge = set(), math.inf
    for year in reversed(years):
        if edge - x(year) >= room:
            chosen.add(year)
            edge = x(year)
    return chosen


def emissions_words(emissions: models.Emissions, lang: str) -> tuple[str, str]:
    first, last = emissions.years[0], emissions.years[-1]
    title = word("emissions_title", lang, first=first.year, last=last.year)
    change = (last.total - first.total) / first.total * 100 if first.total else 0.0
    percent = signed_percent(change, lang, 1)
    desc = word(
        "emissions_desc",
        lang,
        first=first.year,
        last=last.year,
        change=percent,
        a=number(first.total, lang),
        b=number(last.total, lang),
    )
    return title, desc


def y_axis(top: float, step: float, scale: float, width: float, lang: str) -> list[str]:
    """Gridlines with their value in kt (data-value, for tests) and a label on the left."""
    parts = []
    for i in range(round(top / step) + 1):
        value = i * step
        y = TOP + PLOT_HEIGHT - value * scale
        parts.append(
            f'<line x1="{LEFT - 4}" x2="{width - RIGHT:g}" y1="{y:g}" y2="{y:g}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1" data-value="{value:g}"/>'
        )
        parts.append(text(LEFT - 8, y + FONT * 0.35, number(value, lang), "end"))
    return parts


def stacked_bar(
    year: models.EmissionsYear,
    sectors: Sequence[models.Sector],
    centre: float,
    bar: float,
    scale: float,
    lang: str,
    id: str,
    with_total: bool = True,
    with_year: bool = True,
) -> str:
    """One year's bar: the first sector at the bottom; negative values are not drawn."""
    y: float = TOP + PLOT_HEIGHT
    x = centre - bar / 2
    rects = []
    for i, sector in enumerate(sectors):
        height = max(year.values.get(sector.id, 0.0), 0.0) / 1000 * scale
        if height > 0:
            y -= height
            rects.append(
                f'<rect x="{x:.2f}" y="{y:.2f}" width="{bar:.2f}" height="{height:.2f}" fill="{fill(i, id)}" '
                f'stroke="#fff" stroke-width="0.5" data-sector="{esc(sector.id)}"/>'
            )
    if with_total:
        rects.append(text(centre, y - 6, number(year.total / 1000, lang), cls="kb-chart__total"))
    if with_year:
        rects.append(text(centre, TOP + PLOT_HEIGHT + FONT + 6, str(year.year), cls="kb-chart__year"))
    return f'<g data-year="{year.year}" data-x="{centre:.2f}">' + "".join(rects) + "</g>"


def legend(sectors: Sequence[models.Sector], id: str) -> list[tuple[str, models.Sector]]:
    """(fill, sector) for the legend below the SVG (partials/registry/emissions-chart.html), the top
    of the stack first, as the eye reads the bars."""
    return [(fill(i, id), sectors[i]) for i in reversed(range(len(sectors)))]


# Counts: horizontal bars, each label on its own line above its bar ---------------------------

BAR_WIDTH, LINE, BAR_HEIGHT, GAP, WRAP = 480, 24, 22, 16, 40


def bar_chart(title: str, counts: list[tuple[str, int]], lang: str, id: str) -> str:
    """A horizontal bar per (label, count); long labels wrap onto more lines above the bar."""
    most = max((count for _, count in counts), default=0) or 1
    room = BAR_WIDTH - 56  # leave room for the count after the longest bar
    desc = "; ".join(f"{label}: {number(count, lang)}" for label, count in counts)
    rows, y = [], 0.0
    for label, count in counts:
        for line in textwrap.wrap(label, WRAP) or [""]:
            y += LINE
            rows.append(text(0, y - 5, line, "start"))
        length = count / most * room
        rows.append(
            f'<rect x="0" y="{y + 2:g}" width="{length:.2f}" height="{BAR_HEIGHT}" fill="{BAR_COLOUR}" '
            f'data-count="{count}"/>'
        )
        rows.append(text(length + 6, y + 2 + BAR_HEIGHT - 5, number(count, lang), "start"))
        y += 2 + BAR_HEIGHT + GAP
    return '<div class="kb-chart">' + svg_open(id, BAR_WIDTH, max(y, 1), title, desc) + "".join(rows) + "</svg></div>"


# Who signed what --------------------------------------------------------------------------


def partner_name(partner: models.Partner, lang: str) -> str:
    """As macros.html: the name in the page's language where there is one, else marked with its own."""
    name, its_language = esc(partner.name_in(lang)), partner.name_language(lang)
    return name if its_language == lang else f'<span lang="{its_language}">{name}</span>'


# Are we on track? History, trend and Carbon Law path (drawn by on-track-chart.html) --------

OT_WIDTH, OT_TOP, OT_LEFT, OT_RIGHT, OT_BOTTOM = 580, 60, 52, 132, 34


def year_scale(first: int, last: int, left: float, width: float) -> Scale:
    """x of a year: proportional to the distance in years (1990→2000 is ten times 2020→2021)."""
    unit = width / max(last - first, 1)
    return lambda year: left + (year - first) * unit


def tonnes_scale(highest: float, top: float, height: float) -> tuple[Scale, list[tuple[float, float]]]:
    """(y of a value in tonnes, the gridlines as [(y, kt)]) for 0..highest, in thousands of tonnes."""
    step = nice_step(highest / 1000)
    ceiling = max(step * math.ceil(highest / 1000 / step), step)

    def y(tonnes: float) -> float:
        return top + height - tonnes / 1000 / ceiling * height

    return y, [(y(i * step * 1000), i * step) for i in range(round(ceiling / step) + 1)]


def runs(points: Sequence[Point]) -> tuple[list[list[Point]], list[tuple[Point, Point]]]:
    """Consecutive years as runs (drawn solid) and the gaps between runs (drawn dotted)."""
    groups: list[list[Point]] = []
    gaps: list[tuple[Point, Point]] = []
    for point in points:
        if groups and point[0] == groups[-1][-1][0] + 1:
            groups[-1].append(point)
        else:
            if groups:
                gaps.append((groups[-1][-1], point))
            groups.append([point])
    return groups, gaps


def polyline(points: Sequence[Point], x: Scale, y: Scale) -> str:
    """SVG points for (year, tonnes) pairs."""
    return " ".join(f"{x(a):.1f},{y(b):.1f}" for a, b in points)


def series(points: Sequence[Point], x: Scale, y: Scale) -> dict[str, Any]:
    """A reported series: solid runs of consecutive years, dotted gaps, a dot per year."""
    groups, gaps = runs(points)
    return {
        "runs": [polyline(run, x, y) for run in groups if len(run) > 1],
        "gaps": [polyline(gap, x, y) for gap in gaps],
        "dots": [(x(a), y(b), a, b) for a, b in points],
    }


def spread(labels: list[dict[str, Any]], room: float) -> list[dict[str, Any]]:
    """Move end labels apart vertically so that no two are closer than `room`."""
    ordered = sorted(labels, key=lambda label: label["y"])
    for above, below in itertools.pairwise(ordered):
        below["y"] = max(below["y"], above["y"] + room)
    return labels


def on_track_figure(emissions: models.Emissions, lang: str, compact: bool = False) -> dict[str, Any]:
    """Everything the on-track template draws: lines as SVG point lists, labels, axes, sentence, table."""
    result = ontrack.on_track([(y.year, y.total) for y in emissions.years])
    goal = ontrack.GOAL_YEAR
    first = min(max(result.history[0][0], 2010), result.last[0]) if compact else result.history[0][0]
    height = 200 if compact else 280
    x = year_scale(first, goal, OT_LEFT, OT_WIDTH - OT_LEFT - OT_RIGHT)
    y, grid = tonnes_scale(max(v for _, v in result.history), OT_TOP, height)
    shown = [(year, v) for year, v in result.history if year >= first]
    values = ontrack_values(result, lang)
    ends = spread(
        [
            {"key": "trend", "y": y(result.trend_at(goal)), "value": values["trend"]},
            {"key": "path", "y": y(result.path_at(goal)), "value": values["path"]},
        ],
        FONT * 2.2,
    )
    step = 10 if goal - first > 25 else 5
    return {
        "id": "kb-on-track-compact" if compact else "kb-on-track",
        "compact": compact,
        "width": OT_WIDTH,
        "height": OT_TOP + height + OT_BOTTOM,
        "font": FONT,
        "base": OT_TOP + height,
        "top": OT_TOP,
        "left": OT_LEFT,
        "right": x(goal),
        "goal_x": x(goal),
        "cutoff": ontrack.CUTOFF_YEAR,
        "goal": goal,
        "grid": [(round(gy, 1), number(kt, lang), kt) for gy, kt in grid],
        "ticks": [(x(year), year) for year in range(first - first % step, goal + 1, step) if year >= first],
        **series(shown, x, y),
        "trend": polyline(result.trend, x, y),
        "path": polyline(result.path, x, y),
        "ends": ends,
        "history_label": history_label(shown, x, y),
        "result": result,
        "values": values,
        "path_from": ontrack.PATH_FROM,
    }


def history_label(shown: Sequence[Point], x: Scale, y: Scale) -> tuple[float, float]:
    """Where "Emissions <last year>" goes: just below the last point, ending at it. The years
    before lie above it where emissions fell, and the trend and path lines run off to the right."""
    last_year, last_value = shown[-1]
    return x(last_year), y(last_value) + FONT * 1.2


def ontrack_values(result: ontrack.OnTrack, lang: str) -> dict[str, Any]:
    """The numbers the sentence, the labels and the description say, rounded to thousands of tonnes."""
    goal = ontrack.GOAL_YEAR
    return {
        "trend": number(round(result.trend_at(goal), -3), lang),
        "path": number(round(result.path_at(goal), -3), lang),
        "last_value": number(result.last[1], lang),
        "last": result.last[0],
        "slope": number(result.slope, lang),
        "on_track": result.trend_at(goal) <= result.path_at(goal),
    }


# Sector by sector: small multiples on one scale, each with its own trend ---------------------

SM_WIDTH, SM_TOP, SM_HEIGHT, SM_LEFT, SM_RIGHT, SM_BOTTOM = 320, 30, 120, 52, 16, 30


def sector_figures(emissions: models.Emissions, lang: str) -> list[dict[str, Any]]:
    """One small chart per sector, all on the scale of the largest value of any sector; largest
    sector (in the last year) first."""
    first, goal = emissions.years[0].year, ontrack.GOAL_YEAR
    series = {s.id: [(y.year, y.values.get(s.id, 0.0)) for y in emissions.years] for s in emissions.sectors}
    highest = max((v for points in series.values() for _, v in points), default=0) or 1
    x = year_scale(first, goal, SM_LEFT, SM_WIDTH - SM_LEFT - SM_RIGHT)
    y, grid = tonnes_scale(highest, SM_TOP, SM_HEIGHT)
    figures = [sector_figure(sector, series[sector.id], x, y, lang) for sector in emissions.sectors]
    for figure in figures:
        figure["grid"] = [(round(gy, 1), number(kt, lang)) for gy, kt in (grid[0], grid[-1])]
    return sorted(figures, key=lambda f: -f["last"][1])


def sector_figure(sector: models.Sector, points: list[Point], x: Scale, y: Scale, lang: str) -> dict[str, Any]:
    result = ontrack.on_track(points)
    change = ontrack.change_since(points)
    return {
        "id": sector.id,
        "name": getattr(sector.name, lang),
        "category": sector.category,
        **series(points, x, y),
        "trend": polyline(result.trend, x, y),
        "trend_values": result.trend,
        "slope": ("+" if result.slope > 0 else "") + number(result.slope, lang),
        "change": change,
        "change_text": "–" if change is None else signed_percent(change, lang),
        "since": next((year for year, _ in points if year >= ontrack.CUTOFF_YEAR), None),
        "last": result.last,
        "last_text": number(result.last[1], lang),
        "first": points[0][0],
        "base": SM_TOP + SM_HEIGHT,
        "left": SM_LEFT,
        "right": SM_WIDTH - SM_RIGHT,
        "width": SM_WIDTH,
        "height": SM_TOP + SM_HEIGHT + SM_BOTTOM,
        "font": FONT,
        "ticks": [(x(year), year) for year in (points[0][0], ontrack.GOAL_YEAR)],
    }
