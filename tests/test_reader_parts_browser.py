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


def boxes_overlap(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


@pytest.mark.parametrize("width", [390, 1280])
def test_the_back_to_top_button_never_covers_a_chart_or_its_legend(served, browser, width):
    context, page, _ = open_page(browser, url(served, "sv", "klimatneutralt/"), width)
    button = page.locator(".md-top")
    seen = 0
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(1200, height - 900, 150):
        page.mouse.wheel(0, y + 300 - page.evaluate("scrollY"))  # down, then a little up: the button shows
        page.wait_for_timeout(60)
        page.mouse.wheel(0, -300)
        page.wait_for_timeout(250)
        if (
            not button.is_visible()
            or page.evaluate("getComputedStyle(document.querySelector('.md-top')).visibility") == "hidden"
            or page.evaluate("getComputedStyle(document.querySelector('.md-top')).opacity") == "0"
        ):
            continue
        seen += 1
        spot = button.bounding_box()
        for chart in page.locator("figure, .kb-chart__legend").all():
            box = chart.bounding_box()
            assert not (box and boxes_overlap(spot, box)), f"over a chart at scrollY {page.evaluate('scrollY')}"
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
