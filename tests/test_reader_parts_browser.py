"""In Chromium: the language switch keeps the reader's place, the back-to-top button never lies over
a chart, the search index waits until the reader turns to search, the badge code can be selected,
and the scheme is stored only when the reader chooses one. Uses test_browser.py's served site."""

from __future__ import annotations

import pytest
from test_browser import axe, open_page, url


@pytest.mark.parametrize("lang, other", [("sv", "en"), ("en", "sv")])
def test_the_language_switch_keeps_the_readers_place(served, browser, lang, other):
    context, page, _ = open_page(browser, url(served, lang, "parter/ssab/#klimatkontraktet"), 390)
    page.click(".md-select > button")
    page.click(f"a.md-select__link[hreflang={other}]")
    page.wait_for_url(url(served, other, "parter/ssab/#klimatkontraktet"), timeout=10_000)
    page.wait_for_load_state("networkidle")
    top = page.evaluate("document.getElementById('klimatkontraktet').getBoundingClientRect().top")
    assert 0 <= top < 200  # the same section is in view, not the top of the page
    context.close()


# Whether the shown back-to-top button lies over a chart or a legend; null while it is not shown.
COVERS = """() => {
  const button = document.querySelector('.md-top'), style = getComputedStyle(button);
  const spot = button.getBoundingClientRect();
  if (button.hidden || style.visibility === 'hidden' || style.opacity === '0' || !spot.width) return null;
  return [...document.querySelectorAll('figure, .kb-chart__legend')].some(chart => {
    const box = chart.getBoundingClientRect();
    return box.width && spot.left < box.right && box.left < spot.right && spot.top < box.bottom && box.top < spot.bottom;
  });
}"""


def settle(page) -> None:
    """Wait for the page to have handled the scroll: two frames (the scroll events, then the
    helper's requestAnimationFrame), then every transition (the button fading) at its end."""
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')", timeout=5_000)


@pytest.mark.parametrize("width", [390, 1280])
def test_the_back_to_top_button_never_covers_a_chart_or_its_legend(served, browser, width):
    context, page, _ = open_page(browser, url(served, "sv", "klimatneutralt/"), width)
    seen = 0
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(1200, height - 900, 150):
        page.mouse.wheel(0, y + 300 - page.evaluate("scrollY"))  # down, then a little up: the button shows
        settle(page)
        page.mouse.wheel(0, -300)
        settle(page)
        over = page.evaluate(COVERS)
        if over is None:  # the button is not shown here
            continue
        seen += 1
        assert not over, f"over a chart at scrollY {page.evaluate('scrollY')}"
    assert seen > 0  # the button did show while scrolling up
    context.close()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_search_index_is_fetched_only_when_the_reader_turns_to_search(served, browser, lang):
    context, page, requests = open_page(browser, url(served, lang, ""), 390)
    assert not [r for r in requests if "search_index.json" in r]
    page.keyboard.press("/")
    page.keyboard.type("biogas")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert [r for r in requests if "search_index.json" in r]
    context.close()


def test_a_search_results_highlight_still_works_on_arrival(served, browser):
    context, page, requests = open_page(browser, url(served, "sv", "insatser/biogas-fagelmyra/?h=biogas"), 1280)
    page.wait_for_selector("article mark", timeout=10_000)
    assert [r for r in requests if "search_index.json" in r]
    context.close()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_badge_code_is_one_tap_away_and_the_page_passes_axe_on_a_phone(served, browser, lang):
    context, page, _ = open_page(browser, url(served, lang, "parter/din-bil/"), 390)
    page.click("label[for=kb-badge-code]")
    assert page.evaluate("document.activeElement.id") == "kb-badge-code"
    assert page.locator(".kb-badge img").evaluate("img => img.complete && img.naturalWidth > 0")
    assert [v["id"] for v in axe(page)["violations"]] == []
    context.close()


def test_the_scheme_is_stored_only_after_the_readers_choice_also_by_keyboard(served, browser):
    context, page, _ = open_page(browser, url(served, "sv", "klimatneutralt/"))
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
    context.close()
