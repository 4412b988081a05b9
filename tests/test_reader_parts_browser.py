"""In Chromium: the language switch keeps the reader's place, the back-to-top button never lies over
a chart, the search index waits until the reader turns to search, the badge code can be selected,
and the scheme is stored only when the reader chooses one. Uses test_browser.py's served site."""

from __future__ import annotations

import pytest
from test_browser import axe, open_page, url


@pytest.mark.parametrize("lang, other", [("sv", "en"), ("en", "sv")])
def test_the_language_switch_keeps_the_readers_place(served, tabs, lang, other):
    _, page, traffic = open_page(tabs, url(served, lang, "parter/ssab/#klimatkontraktet"), 390)
    page.click(".md-select > button")
    page.click(f"a.md-select__link[hreflang={other}]")
    page.wait_for_url(url(served, other, "parter/ssab/#klimatkontraktet"), timeout=10_000)
    traffic.settle()
    top = page.evaluate("document.getElementById('klimatkontraktet').getBoundingClientRect().top")
    assert 0 <= top < 200  # the same section is in view, not the top of the page


# Every chart on the page, as a reader sees it: each drawing and each legend (and the bar
# charts' figures). The button's helper (overrides/assets/javascripts/navigation.js) must step
# aside for each of them.
CHARTS = ".kb-chart__svg, .kb-chart__legend, figure"

# Whether the shown back-to-top button lies over a chart; null while it is not shown.
COVERS = f"""() => {{
  const button = document.querySelector('.md-top'), style = getComputedStyle(button);
  const spot = button.getBoundingClientRect();
  if (button.hidden || style.visibility === 'hidden' || style.opacity === '0' || !spot.width) return null;
  return [...document.querySelectorAll('{CHARTS}')].some(chart => {{
    const box = chart.getBoundingClientRect();
    return box.width && spot.left < box.right && box.left < spot.right && spot.top < box.bottom && box.top < spot.bottom;
  }});
}}"""

# Where the button sits in the viewport (it is fixed), and each chart's top and bottom in the page.
LAYOUT = f"""() => {{
  const spot = document.querySelector('.md-top').getBoundingClientRect();
  return {{
    spot: [spot.top, spot.bottom],
    charts: [...document.querySelectorAll('{CHARTS}')].map(c => {{
      const box = c.getBoundingClientRect();
      return [box.top + scrollY, box.bottom + scrollY];
    }}),
    end: document.documentElement.scrollHeight - innerHeight,
  }};
}}"""


# Scroll to a little below y, then up to y, as a reader does (Material shows the button only
# while the reader scrolls up); after each scroll, two frames: the scroll events, then the
# helper's requestAnimationFrame. Then whether the shown button covers a chart (COVERS).
SCROLL_UP_TO = f"""async ([below, y]) => {{
  const frames = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  scrollTo(0, below); await frames();
  scrollTo(0, y); await frames();
  return [scrollY, ({COVERS})()];
}}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_the_back_to_top_button_never_covers_a_chart_or_its_legend(served, tabs, width):
    """The button is checked where it matters: one pixel before and after each chart's top and
    bottom edge pass under it, and with the chart's middle under it."""
    _, page, _ = open_page(tabs, url(served, "sv", "klimatneutralt/"), width)
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")  # final states at once
    page.evaluate(SCROLL_UP_TO, [1500, 1200])  # the button shows: its place can be measured
    layout = page.evaluate(LAYOUT)
    (top, bottom), charts = layout["spot"], layout["charts"]
    assert len(charts) >= 12, "the explainer's on-track, emissions and sector charts are missing"
    places = sorted(
        {
            round(y)
            for chart_top, chart_bottom in charts
            for y in (
                chart_top - bottom - 1,  # the chart just below the button
                chart_top - bottom + 1,  # its top edge under the button
                (chart_top + chart_bottom - top - bottom) / 2,  # its middle under the button
                chart_bottom - top - 1,  # its bottom edge under the button
                chart_bottom - top + 1,  # the chart just above the button
            )
        }
    )
    checked, shown = 0, 0
    for y in places:
        below = min(y + 300, layout["end"])
        if y < 0 or below - y < 100:  # the page cannot scroll that far
            continue
        checked += 1
        at, over = page.evaluate(SCROLL_UP_TO, [below, y])
        if over is not None:
            shown += 1
            assert not over, f"the button lies over a chart at scrollY {at}"
    assert checked >= 2 * len(charts), f"only {checked} of {len(places)} places could be reached"
    assert shown > 0, "the button never showed while scrolling up"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_search_index_is_fetched_only_when_the_reader_turns_to_search(served, tabs, lang):
    _, page, requests = open_page(tabs, url(served, lang, ""), 390)
    assert not [r for r in requests if "search_index.json" in r]
    page.keyboard.press("/")
    page.keyboard.type("biogas")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert [r for r in requests if "search_index.json" in r]


def test_a_search_results_highlight_still_works_on_arrival(served, tabs):
    _, page, requests = open_page(tabs, url(served, "sv", "insatser/biogas-fagelmyra/?h=biogas"), 1280)
    page.wait_for_selector("article mark", timeout=10_000)
    assert [r for r in requests if "search_index.json" in r]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_badge_code_is_one_tap_away_and_the_page_passes_axe_on_a_phone(served, tabs, lang):
    _, page, _ = open_page(tabs, url(served, lang, "parter/din-bil/"), 390)
    page.click("label[for=kb-badge-code]")
    assert page.evaluate("document.activeElement.id") == "kb-badge-code"
    assert page.locator(".kb-badge img").evaluate("img => img.complete && img.naturalWidth > 0")
    assert [v["id"] for v in axe(page)["violations"]] == []


def test_the_scheme_is_stored_only_after_the_readers_choice_also_by_keyboard(served, tabs):
    _, page, _ = open_page(tabs, url(served, "sv", "klimatneutralt/"))
    page.goto(url(served, "sv", "parter/"))
    page.wait_for_load_state("load")
    assert page.evaluate("localStorage.length") == 0  # two page views, no choice: nothing kept
    page.focus("form[data-md-component=palette] label:not([hidden])")
    page.keyboard.press("Enter")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.reload()
    page.wait_for_load_state("load")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"  # the choice is kept
    assert page.evaluate("localStorage.length") > 0
