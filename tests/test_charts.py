"""The charts in hooks/registry/charts.py: valid, accessible, proportional and escaped."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from registry import load_registries
from registry.charts import BAR_COLOUR, PALETTE, bar_chart, emissions_chart
from registry.formatting import day, number
from registry.models import ContractEvent, Emissions, Partner
from registry.relations import PUBLIC_TYPES
from registry.render import Renderer
from registry.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"
TEMPLATES = ROOT / "overrides" / "partials" / "registry"
SETTINGS = read_settings(ROOT / "mkdocs.yml")


@pytest.fixture(scope="module")
def reg():
    return load_registries(ROOT)


def parse(markup: str) -> ET.Element:
    return ET.fromstring(markup)


def chart_svg(markup: str) -> ET.Element:
    root = parse(markup)
    return root if root.tag == f"{SVG}svg" else root.find(f"{SVG}svg")


def marker(reg, name: str, lang: str) -> str:
    """A section marker's HTML as the start page (the language root) shows it."""
    return Renderer(reg, SETTINGS, TEMPLATES).render_marker(name, None, "", lang)


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(colour: str) -> float:
    return 1.05 / (luminance(colour) + 0.05)


@pytest.mark.parametrize("colour", [*PALETTE, BAR_COLOUR])
def test_every_colour_has_3_to_1_contrast_against_white(colour):
    assert contrast_with_white(colour) >= 3


def test_contrast_formula_matches_known_values():
    assert contrast_with_white("#000000") == pytest.approx(21)
    assert contrast_with_white("#767676") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_emissions_chart_is_an_image_with_title_and_desc(reg, lang):
    svg = chart_svg(emissions_chart(reg.emissions, lang, id="em"))
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "em-title em-desc"
    assert svg.get("width") == "100%" and svg.get("height") is None
    assert svg.find(f"{SVG}title").get("id") == "em-title"
    desc = svg.find(f"{SVG}desc")
    assert desc.get("id") == "em-desc"
    years = reg.emissions.years
    assert number(years[0].total, lang) in desc.text
    assert number(years[-1].total, lang) in desc.text
    change = (years[-1].total - years[0].total) / years[0].total * 100
    assert number(change, lang, 1) in desc.text


def test_swedish_numbers_use_swedish_separators(reg):
    desc = chart_svg(emissions_chart(reg.emissions, "sv")).find(f"{SVG}desc").text
    assert "539\u00a0459" in desc and "−21,4\u00a0%" in desc
    desc = chart_svg(emissions_chart(reg.emissions, "en")).find(f"{SVG}desc").text
    assert "539,459" in desc and "−21.4%" in desc  # a real minus sign in both languages


def test_every_year_has_a_bar_placed_by_its_distance_in_years(reg):
    svg = chart_svg(emissions_chart(reg.emissions, "sv"))
    x = {int(g.get("data-year")): float(g.get("data-x")) for g in svg.iter(f"{SVG}g")}
    assert list(x) == [y.year for y in reg.emissions.years]
    assert x[2000] - x[1990] == pytest.approx(10 * (x[2021] - x[2020]), abs=0.1)
    for g in svg.iter(f"{SVG}g"):
        rect = g.find(f"{SVG}rect")
        assert float(rect.get("x")) + float(rect.get("width")) / 2 == pytest.approx(float(g.get("data-x")), abs=0.01)
        assert float(rect.get("width")) < x[2021] - x[2020]  # neighbouring years' bars do not touch


@pytest.mark.parametrize("cls", ["kb-chart__year", "kb-chart__total"])
def test_year_and_total_labels_never_overlap_and_the_last_year_has_both(reg, cls):
    svg = chart_svg(emissions_chart(reg.emissions, "en"))
    labels = [(float(t.get("x")), t.text) for t in svg.iter(f"{SVG}text") if t.get("class") == cls]
    font = int(svg.get("font-size"))
    for (x1, a), (x2, b) in itertools.pairwise(labels):
        assert x2 - x1 >= (len(a) + len(b)) / 2 * font * 0.6 + 4, (a, b)
    last = reg.emissions.years[-1]
    assert labels[-1][1] == (str(last.year) if cls == "kb-chart__year" else number(last.total / 1000, "en"))
    assert len(labels) >= 5


def test_segment_heights_are_proportional_to_the_values(reg):
    svg = chart_svg(emissions_chart(reg.emissions, "en"))
    lines = {float(line.get("data-value")): float(line.get("y1")) for line in svg.iter(f"{SVG}line")}
    top = max(lines)
    units_per_kt = (lines[0] - lines[top]) / top
    for year, group in zip(reg.emissions.years, svg.iter(f"{SVG}g"), strict=True):
        heights = [float(r.get("height")) for r in group.iter(f"{SVG}rect")]
        assert sum(heights) == pytest.approx(year.total / 1000 * units_per_kt, abs=1)
        total = [t.text for t in group.iter(f"{SVG}text") if t.get("class") == "kb-chart__total"]
        assert total in ([], [number(year.total / 1000, "en")])
        bottom = max(float(r.get("y")) + float(r.get("height")) for r in group.iter(f"{SVG}rect"))
        assert bottom == pytest.approx(lines[0], abs=0.1)


def test_legend_is_a_list_in_stack_order_with_bordered_swatches_and_patterns(reg):
    html = marker(reg, "emissions-chart", "sv")
    root = parse(html[html.index('<div class="kb-chart">') : html.index("</ul></div>") + len("</ul></div>")])
    items = root.find("ul").findall("li")
    sectors = reg.emissions.sectors
    assert ["".join(li.itertext()).strip() for li in items] == [s.name.sv for s in reversed(sectors)]
    swatches = [li.find(f"{SVG}svg/{SVG}rect") for li in items]
    assert all(s.get("stroke") and s.get("stroke-width") for s in swatches)
    fills = [s.get("fill") for s in reversed(swatches)]  # back in stack order
    assert fills[1] == "url(#kb-emissions-p1)" and fills[0] == PALETTE[0]
    patterns = {p.get("id") for p in root.find(f"{SVG}svg").iter(f"{SVG}pattern")}
    assert patterns == {f"kb-emissions-p{i}" for i in range(1, len(sectors), 2)}


def test_font_size_stays_legible_when_scaled(reg):
    svg = chart_svg(emissions_chart(reg.emissions, "sv"))
    width = float(svg.get("viewBox").split()[2])
    assert int(svg.get("font-size")) / width * 290 >= 10  # px on a 320 px phone's content column


def test_two_charts_have_different_ids(reg):
    ids = []
    for chart in (emissions_chart(reg.emissions, "sv", id="a"), bar_chart("T", [("x", 1)], "sv", "b")):
        ids += [e.get("id") for e in parse(chart).iter() if e.get("id")]
    assert len(ids) == len(set(ids))


HOSTILE = "<script>alert(1)</script> & Co"


def test_text_in_the_emissions_chart_is_escaped(reg):
    data = reg.emissions.model_dump()
    data["sectors"][0]["name"] = {"sv": HOSTILE, "en": HOSTILE}
    hostile = Emissions.model_validate(data)
    markup = emissions_chart(hostile, "en", id='x"><script>')
    assert "<script>" not in markup
    parse(markup)
    html = marker(replace(reg, emissions=hostile), "emissions-chart", "en")  # the legend names the sectors
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html


def test_bar_chart_lists_every_label_and_count_in_desc():
    counts = [("Energi", 5), ("Nationell motpart i Klimatkontrakt 2030", 12), ("Avfall", 0)]
    svg = chart_svg(bar_chart("Insatser per område", counts, "sv", "cat"))
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "cat-title cat-desc"
    assert svg.find(f"{SVG}title").text == "Insatser per område"
    desc = svg.find(f"{SVG}desc").text
    for label, count in counts:
        assert f"{label}: {count}" in desc
    widths = {int(r.get("data-count")): float(r.get("width")) for r in svg.iter(f"{SVG}rect")}
    assert widths[0] == 0 and widths[5] == pytest.approx(widths[12] * 5 / 12, abs=0.01)
    assert max(widths.values()) < float(svg.get("viewBox").split()[2])


def test_bar_chart_wraps_long_labels_and_escapes_them():
    label = HOSTILE + " " + "mycket lång etikett " * 4
    markup = bar_chart("A & B", [(label, 1_234)], "sv", "b")
    assert "<script>" not in markup and "A &amp; B" in markup
    svg = chart_svg(markup)
    lines = [t.text for t in svg.iter(f"{SVG}text")]
    assert len(lines) >= 3 and all(len(line) <= 40 for line in lines)
    assert "1\u00a0234" in svg.find(f"{SVG}desc").text


def test_bar_chart_with_no_counts_is_still_valid():
    svg = chart_svg(bar_chart("Inget", [], "en", "none"))
    assert svg.get("role") == "img"


def matrix(reg, lang):
    """The markup, and its scrolling region (after the hint for phones)."""
    markup = marker(reg, "signing-matrix", lang)
    hint, region, _ = parse("<div>" + markup.replace("<br>", "<br/>") + "</div>")
    assert hint.get("class") == "kb-scroll-hint" and hint.text
    return markup, region


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_matrix_has_a_tick_exactly_where_a_partner_signed(reg, lang):
    _, root = matrix(reg, lang)
    assert root.get("role") == "region" and root.get("tabindex") == "0" and root.get("aria-label")
    events = sorted((c for c in reg.contracts if c.signatories), key=lambda c: c.date)
    heads = root.findall(".//thead/tr/th")
    assert all(th.get("scope") == "col" for th in heads)
    assert [th.find("time").get("datetime") for th in heads[1:]] == [c.date.isoformat() for c in events]
    by_name = sorted(reg.partners, key=lambda p: p.name_in(lang))  # as the page lists them
    signers = [p for p in by_name if any(p.id in c.signatories for c in reg.contracts)]
    public = [p for p in signers if p.type in PUBLIC_TYPES]
    signers = public + [p for p in signers if p not in public]  # the public sector first
    groups = root.findall(".//tbody/tr[@class='kb-matrix__group']/th")
    assert [g.get("scope") for g in groups] == ["rowgroup", "rowgroup"]
    rows = [tr for tr in root.findall(".//tbody/tr") if tr.get("class") != "kb-matrix__group"]
    assert len(rows) == len(signers)
    for partner, row in zip(signers, rows, strict=True):
        header = row.find("th")
        assert header.get("scope") == "row" and header.find("a").get("href") == f"parter/{partner.id}/"
        ticks = ["✓" in "".join(td.itertext()) for td in row.findall("td")]
        assert ticks == [partner.id in c.signatories for c in events]


def test_matrix_cells_have_hidden_words_and_headers_name_the_kind(reg):
    markup, root = matrix(reg, "sv")
    assert "undertecknade" in markup
    first = root.find(".//thead/tr/th[2]")
    assert "Avsiktsförklaring" in "".join(first.itertext())
    assert first.find("time").text == day(first.find("time").get("datetime"), "sv")  # the date, not only the year
    assert first.find("a").get("href") == "klimatkontraktet/avsiktsforklaring-2021/"
    hidden = [s.text for s in root.iter("span") if s.get("class") == "md-visually-hidden"]
    assert set(hidden) == {"undertecknade", "–"}


def test_matrix_marks_swedish_names_on_english_pages(reg):
    def partner(id: str, name: str, type: str = "company", **more) -> Partner:
        return Partner(
            id=id,
            name=name,
            type=type,
            roles=["contributing"],
            description={"sv": "x", "en": "x"},
            sources=[f"https://{id}.se"],
            last_reviewed=date(2024, 1, 1),
            **more,
        )

    partners = [
        partner("a", "Åkeri & Söner <AB>"),
        partner("b", "Statens x", "government-agency", name_en="State X"),
        partner("c", "Unsigned"),
    ]
    contract = ContractEvent(
        id="k",
        date=date(2022, 1, 1),
        kind="local-contract",
        title={"sv": "t", "en": "t"},
        summary={"sv": "s", "en": "s"},
        signatories=["a", "b"],
        sources=["https://k.se"],
        last_reviewed=date(2024, 1, 1),
    )
    markup = marker(
        replace(reg, partners=tuple(partners), initiatives=(), contracts=(contract,)), "signing-matrix", "en"
    )
    assert '<span lang="sv">Åkeri &amp; Söner &lt;AB&gt;</span>' in markup
    assert ">State X</a>" in markup and "Statens" not in markup and "Unsigned" not in markup
