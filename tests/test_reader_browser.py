"""What a reader sees of the reader's views in Chromium: proportional time axes, the landing page
without docs sidebars, sector links that open the filtered portfolio, and both colour schemes
free of WCAG violations. Uses the served site and the browser of test_browser.py."""

from __future__ import annotations

import json

import pytest
from test_browser import axe, open_page, url


def centre_x(page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    return box["x"] + box["width"] / 2


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_years_are_spaced_by_their_distance_in_pixels(served, tabs, lang, width):
    _, page, _ = open_page(tabs, url(served, lang, "klimatneutralt/"), width)
    for bar in ("svg g[data-year='{}'] rect", "svg.kb-ontrack__svg circle[data-year='{}']"):
        x = {year: centre_x(page, bar.format(year)) for year in (1990, 2000, 2020, 2021)}
        assert x[2021] - x[2020] > 0
        assert (x[2000] - x[1990]) / (x[2021] - x[2020]) == pytest.approx(10, rel=0.01), bar


@pytest.mark.parametrize(
    "lang, actions",
    [("sv", ["Se vad som görs", "Bli en del av arbetet"]), ("en", ["See what is being done", "Join the work"])],
)
def test_the_start_page_is_a_landing_page_without_docs_sidebars(served, tabs, lang, actions):
    _, page, _ = open_page(tabs, url(served, lang, ""), 1280)
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-sidebar--secondary").is_visible()
    assert page.locator(".kb-hero h1").is_visible()
    buttons = page.locator(".kb-hero a.md-button")
    assert buttons.all_inner_texts() == actions
    assert [b.get_attribute("href") for b in buttons.all()] == ["insatser/", "bli-en-del-av/"]
    assert page.locator(".kb-ontrack--compact svg[role=img]").is_visible()
    assert page.locator("ol.kb-events > li").count() == 3
    assert all(t for t in page.locator("ol.kb-events time").evaluate_all("els => els.map(e => e.dateTime)"))


def test_the_menu_is_still_there_on_a_phone(served, tabs):
    _, page, _ = open_page(tabs, url(served, "sv", ""), 390)
    page.click("label.md-header__button[for=__drawer]")
    assert page.locator(".md-sidebar--primary a[href='insatser/']").first.is_visible()


def test_a_sector_opens_the_portfolio_filtered_to_its_area(served, tabs):
    from conftest import ROOT
    from registry import load_registries

    reg = load_registries(ROOT)
    _, page, _ = open_page(tabs, url(served, "en", "klimatneutralt/"), 390)
    page.click("li[data-sector=transport] a.kb-sector__link")
    page.wait_for_url("**/insatser/?omrade=transport")
    shown = page.eval_on_selector_all(".kb-portfolio li:not([hidden])", "els => els.map(e => e.dataset.category)")
    assert shown and set(shown) == {"transport"}
    assert len(shown) == sum(i.category == "transport" for i in reg.initiatives)


DARK_PAGES = {
    "start": "",
    "content": "klimatneutralt/",
    "portfolio": "insatser/",
    "directory": "parter/",
    "partner": "parter/ssab/",
    "area": "insatser/omrade/energy/",
}


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("kind", DARK_PAGES)
def test_the_dark_scheme_has_no_wcag_violation_and_stores_nothing(served, tabs, kind, lang):
    _, page, _ = open_page(tabs, url(served, lang, DARK_PAGES[kind]), color_scheme="dark")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    result = axe(page)
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5]) for v in result["violations"]]
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0


def test_the_toggle_switches_the_scheme_and_keeps_the_readers_choice(served, tabs):
    _, page, traffic = open_page(tabs, url(served, "en", ""))
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.click("label[title='Switch to dark mode']")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.goto(url(served, "en", "parter/"))
    traffic.settle()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_emissions_tables_sector_column_stays_in_view_on_a_phone(served, tabs, lang):
    _, page, _ = open_page(tabs, url(served, lang, "klimatneutralt/"), 390)
    wrapper = page.locator(".md-typeset__scrollwrap:has(table.kb-emissions)")
    left = wrapper.bounding_box()["x"]
    wrapper.evaluate("e => e.scrollLeft = e.scrollWidth")
    assert wrapper.evaluate("e => e.scrollLeft") > 100  # the table does scroll sideways
    for cell in ("tbody th", "thead th", "caption"):
        assert page.locator(f"table.kb-emissions {cell}").first.bounding_box()["x"] >= left - 1, cell


def test_the_signing_matrix_says_it_scrolls_and_keeps_the_partner_in_view_on_a_phone(served, tabs):
    _, page, _ = open_page(tabs, url(served, "sv", "klimatkontraktet/"), 390)
    assert page.locator(".kb-scroll-hint").is_visible()
    wrapper = page.locator(".kb-scroll-shadow")
    left = wrapper.bounding_box()["x"]
    wrapper.evaluate("e => e.scrollLeft = e.scrollWidth")
    row = page.locator("table.kb-matrix tbody tr:not(.kb-matrix__group)").last
    assert row.locator("th").bounding_box()["x"] >= left - 1
    assert row.locator("td").last.is_visible()
    _, page, _ = open_page(tabs, url(served, "sv", "klimatkontraktet/"), 1280)
    assert not page.locator(".kb-scroll-hint").is_visible()


STANDALONE = {
    "": [
        ".kb-figures a",
        ".kb-hero a",
        ".kb-events a",
        ".kb-strip a",
        ".kb-more a",
        ".kb-footer-links a",
        ".kb-ontrack--compact > p > a",
    ],  # the source line's links are inline text
    "insatser/": ["li.kb-icard a", ".kb-filter select", ".kb-filter input", ".kb-filter button"],
    "parter/": ["li.kb-pcard a"],
    "klimatneutralt/": [".kb-sector__link"],
}


@pytest.mark.parametrize("route", STANDALONE)
def test_links_that_stand_alone_are_at_least_24_px_tall_on_a_phone(served, tabs, route):
    _, page, _ = open_page(tabs, url(served, "sv", route), 390)
    for selector in STANDALONE[route]:
        heights = page.locator(selector).evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
        assert heights and min(heights) >= 24, (selector, min(heights or [0]))
