"""'Are we on track?': the trend and the Carbon Law path, recomputed here independently from
emissions.yaml (plain YAML, no project code) and compared with what the built pages show."""

from __future__ import annotations

import re
from itertools import combinations

import pytest
import yaml

from conftest import ROOT, build, copy_project, page
from registry.ontrack import change_since, lad_slope, on_track

SENTENCE = {
    "sv": re.compile(r"Med nuvarande trend: ([\d\u00a0]+) t år 2030; Carbon Law-banan: ([\d\u00a0]+) t\."),
    "en": re.compile(r"On the current trend: ([\d,]+) t in 2030; Carbon Law path: ([\d,]+) t\."),
}


def totals(registry_file) -> list[tuple[int, float]]:
    data = yaml.safe_load(registry_file.read_text(encoding="utf-8"))
    return [(row["year"], float(row["total"])) for row in data["years"]]


def brute_force_lad(points):
    """The line through two of the points with the least sum of absolute deviations: (slope, cost)."""
    best = None
    for (x1, y1), (x2, y2) in combinations(points, 2):
        slope = (y2 - y1) / (x2 - x1)
        cost = sum(abs(y - (y1 + slope * (x - x1))) for x, y in points)
        if best is None or cost < best[1] - 1e-6:
            best = (slope, cost)
    return best


def expected_lines(points):
    """{year: trend} from the last year to 2030 and {year: path} 2025–2030, as the method says."""
    recent = [(x, y) for x, y in points if x >= 2015]
    slope, _ = brute_force_lad(recent)
    last_year, last_value = points[-1]
    trend = {year: max(last_value + slope * (year - last_year), 0) for year in range(last_year, 2031)}
    start = dict(points).get(2025, last_value + slope * (2025 - last_year))
    path = {year: start * 0.8828 ** (year - 2025) for year in range(2025, 2031)}
    return trend, path


def drawn(soup, line: str) -> dict[int, float]:
    values = soup.select_one(
        f"#kb-on-track polyline.kb-ontrack__{line}, svg[aria-labelledby^='kb-on-track-title'] "
        f"polyline.kb-ontrack__{line}"
    )["data-values"]
    return {int(year): float(value) for year, value in (pair.split(":") for pair in values.split())}


def thousands(text: str) -> int:
    return int(re.sub(r"[^\d]", "", text))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_chart_lines_and_sentence_match_an_independent_calculation(site, lang):
    trend, path = expected_lines(totals(ROOT / "emissions.yaml"))
    soup = page(site, "klimatneutralt/", lang)
    for line, expected in (("trend", trend), ("path", path)):
        shown = drawn(soup, line)
        assert shown.keys() == expected.keys()
        for year, value in expected.items():
            assert shown[year] == pytest.approx(value, abs=0.01), (line, year)
    sentence = SENTENCE[lang].search(soup.select_one(".kb-ontrack__reading").get_text())
    assert thousands(sentence.group(1)) == round(trend[2030], -3)
    assert thousands(sentence.group(2)) == round(path[2030], -3)
    verdict = soup.select_one(".kb-ontrack__verdict").get_text()  # the answer to "Are we on track?"
    answers = {
        "sv": ("Ja, i dagens takt.", "Nej, inte i dagens takt."),
        "en": ("Yes, at today's pace.", "No, not at today's pace."),
    }
    assert verdict == answers[lang][0 if trend[2030] <= path[2030] else 1]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_each_line_is_named_in_the_chart_and_the_goal_year_is_marked(site, lang):
    svg = page(site, "klimatneutralt/", lang).select_one("svg.kb-ontrack__svg")
    labels = {t["data-line"]: t.get_text(" ") for t in svg.select("text[data-line]")}
    assert labels["trend"].startswith("Trend") and labels["path"].startswith("Carbon Law")
    assert (
        svg.select_one(".kb-ontrack__label--history").get_text().startswith("Utsläpp" if lang == "sv" else "Emissions")
    )
    assert svg.select_one("line.kb-ontrack__goal")["data-year"] == "2030"
    assert "2030" in svg.select_one(".kb-ontrack__goal-label").get_text()
    assert svg.find("title").get_text() and svg.find("desc").get_text()


@pytest.mark.parametrize(
    "lang, words",
    [("sv", ("SSAB", "koldioxidbudget", "CO₂e", "Källa")), ("en", ("SSAB", "carbon budget", "CO₂e", "Source"))],
)
def test_the_method_sources_scope_and_table_are_beside_the_chart(site, lang, words):
    block = page(site, "klimatneutralt/", lang).select_one(".kb-ontrack")
    text = block.get_text(" ")
    assert all(word in text for word in words)
    assert block.select_one("a[href*='trend_calculations.py']")
    rows = block.select("table.kb-ontrack__table tbody tr")
    assert [r.th.get_text() for r in rows][-1] == "2030"


def test_years_are_spaced_by_their_distance_and_gaps_are_dotted(site):
    svg = page(site, "klimatneutralt/", "sv").select_one("svg.kb-ontrack__svg")
    x = {int(c["data-year"]): float(c["cx"]) for c in svg.select("circle.kb-ontrack__dot")}
    assert x[2000] - x[1990] == pytest.approx(10 * (x[2021] - x[2020]), abs=0.2)
    gaps = svg.select("polyline.kb-ontrack__gap")
    assert len(gaps) == 5  # 1990–2000–2005–2010–2015–2020: no figures between
    assert len(svg.select("polyline.kb-ontrack__history")) == 1  # 2020–2024; lone years are dots


def test_the_start_page_has_the_compact_chart_with_the_same_sentence(site):
    for lang in ("sv", "en"):
        full = page(site, "klimatneutralt/", lang).select_one(".kb-ontrack__reading").get_text()
        start = page(site, "", lang).select_one(".kb-ontrack--compact")
        assert start.select_one(".kb-ontrack__reading").get_text() == full
        assert start.select_one("a[href$='klimatneutralt/#pa-vag']")


def test_a_new_year_in_the_registry_moves_the_lines_and_the_sentence(tmp_path, site):
    project = copy_project(tmp_path / "project")
    registry = project / "emissions.yaml"
    data = yaml.safe_load(registry.read_text(encoding="utf-8"))
    values = {sector: round(value * 0.8, 2) for sector, value in data["years"][-1]["values"].items()}
    row = f"  - year: 2025\n    total: {sum(values.values()):.2f}\n    values:\n" + "".join(
        f"      {sector}: {value:.2f}\n" for sector, value in values.items()
    )
    registry.write_text(
        registry.read_text(encoding="utf-8").replace("\npopulation:", row + "\npopulation:"), encoding="utf-8"
    )
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for lang in ("sv", "en"):
        before = page(site, "klimatneutralt/", lang).select_one(".kb-ontrack__reading").get_text()
        after = page(tmp_path / "site", "klimatneutralt/", lang).select_one(".kb-ontrack__reading").get_text()
        assert after != before
        trend, path = expected_lines(totals(registry))
        sentence = SENTENCE[lang].search(after)
        assert thousands(sentence.group(1)) == round(trend[2030], -3)
        assert thousands(sentence.group(2)) == round(path[2030], -3)


# The module on its own ---------------------------------------------------------------------


def test_lad_ignores_one_outlier_where_least_squares_would_not():
    points = [(2015, 100.0), (2016, 90.0), (2017, 80.0), (2018, 500.0), (2019, 60.0)]
    assert lad_slope(points) == pytest.approx(-10)


def test_the_trend_passes_through_the_last_year_and_stops_at_zero():
    result = on_track([(2015, 300.0), (2016, 200.0), (2017, 100.0), (2018, 50.0)])
    assert result.trend[0] == (2018, 50.0)
    assert result.trend_at(2019) == pytest.approx(0) or result.trend_at(2019) > 0
    assert all(value >= 0 for _, value in result.trend) and result.trend[-1][1] == 0


def test_years_before_2015_do_not_count_for_the_trend():
    result = on_track([(1990, 1e9), (2015, 100.0), (2020, 100.0), (2024, 100.0)])
    assert result.slope == 0 and result.trend_at(2030) == 100


def test_the_path_starts_at_a_reported_2025_value():
    result = on_track([(2015, 100.0), (2024, 90.0), (2025, 50.0)])
    assert result.path[0] == (2025, 50.0)
    assert result.path_at(2030) == pytest.approx(50 * 0.8828**5)


def test_change_since_2015():
    assert change_since([(2010, 1.0), (2015, 200.0), (2024, 150.0)]) == pytest.approx(-25)
    assert change_since([(2024, 150.0)]) is None


# Sector by sector ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_each_sector_has_its_own_trend_on_one_scale_and_links_to_its_area(site, lang):
    data = yaml.safe_load((ROOT / "emissions.yaml").read_text(encoding="utf-8"))
    items = page(site, "klimatneutralt/", lang).select("ul.kb-sectors > li")
    assert len(items) == len(data["sectors"])
    tops = {(item.select("svg line.kb-grid")[-1]["y1"], item.select("svg text")[1].get_text()) for item in items}
    assert len(tops) == 1  # one scale: the top gridline at the same place with the same value in every chart
    for sector in data["sectors"]:
        item = next(i for i in items if i["data-sector"] == sector["id"])
        points = [(row["year"], float(row["values"][sector["id"]])) for row in data["years"]]
        trend, _ = expected_lines(points)
        values = dict(pair.split(":") for pair in item.select_one("polyline.kb-ontrack__trend")["data-values"].split())
        assert {int(k): float(v) for k, v in values.items()} == pytest.approx(trend, abs=0.01)
        assert item.select_one("a.kb-sector__link")["href"] == f"../insatser/?omrade={sector['category']}"


def test_sectors_come_largest_first_with_their_change_since_2015(site):
    data = yaml.safe_load((ROOT / "emissions.yaml").read_text(encoding="utf-8"))
    last, base = data["years"][-1]["values"], next(r for r in data["years"] if r["year"] == 2015)["values"]
    items = page(site, "klimatneutralt/", "en").select("ul.kb-sectors > li")
    assert [i["data-sector"] for i in items] == sorted(last, key=lambda s: -last[s])
    industry = items[0].select_one(".kb-sector__figures").get_text()
    change = (last["industry"] - base["industry"]) / base["industry"] * 100
    assert f"{change:+.0f}%".replace("-", "−") + " since 2015" in industry


@pytest.mark.parametrize("lang, prefix", [("sv", "../data/"), ("en", "../../data/")])
def test_the_emissions_table_links_its_own_open_data(site, lang, prefix):
    links = {a.get_text(): a["href"] for a in page(site, "klimatneutralt/", lang).select("a[download]")}
    assert links == {"CSV": prefix + "emissions.csv", "JSON": prefix + "emissions.json"}
    assert (site / "data" / "emissions.csv").exists()
