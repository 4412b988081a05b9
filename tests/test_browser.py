"""What a reader's browser shows: WCAG 2.1 A/AA (axe-core), no third-party requests, no cookies,
keyboard use, and search that stays in the page's language. Debian's Chromium via Playwright."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE_TYPES = {
    "start": "",
    "content": "klimatneutralt/",
    "directory": "parter/",
    "partner": "parter/borlange-energi/",
    "portfolio": "insatser/",
    "initiative": "insatser/biogas-fagelmyra/",
    "contract history": "klimatkontraktet/",
    "contract event": "klimatkontraktet/lokalt-klimatkontrakt-2022/",
    "join": "bli-en-del-av/",
    "open data": "oppna-data/",
    "accessibility statement": "tillganglighet/",
    "not found": "404.html",
}


def url(base: str, lang: str, route: str) -> str:
    return base + ("" if lang == "sv" else "en/") + route


def axe(page) -> dict:
    """axe's WCAG 2.1 A/AA results for the page once it has settled. While a CSS transition
    runs (the search results fade in over 0.4 s), colours are blended with the background,
    and axe would measure a contrast that no reader sees once the page is still."""
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')", timeout=5_000)
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_AA
    )


def open_page(tabs, address: str, width: int = 1280, **options):
    """The page at `address`, loaded in a tab for a reader with that screen width (and options
    such as a colour scheme), as on a first visit; returns the tab's context, the page and its
    Traffic."""
    context, page, traffic = tabs.get(width, **options)
    page.goto(address)
    traffic.settle()
    return context, page, traffic


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_wcag_violation_no_third_party_request_no_cookie(served, tabs, kind, lang, width):
    context, page, requests = open_page(tabs, url(served, lang, PAGE_TYPES[kind]), width)
    result = axe(page)
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5]) for v in result["violations"]]
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
    assert page.evaluate("document.documentElement.lang") == lang
    assert [r for r in requests if not r.startswith(served)] == []  # nothing from another host, none failed
    assert context.cookies() == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    if width == 320:
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, "the page scrolls sideways at 320 px"


@pytest.mark.parametrize("lang, skip", [("sv", "Gå till innehållet"), ("en", "Skip to content")])
def test_keyboard_skip_link_and_visible_focus(served, tabs, lang, skip):
    _, page, _ = open_page(tabs, url(served, lang, "parter/borlange-energi/"))
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "[document.activeElement.textContent.trim(), getComputedStyle(document.activeElement).outlineStyle]"
    )
    assert focused[0] == skip
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") in ("#innehall", "#borlange-energi")
    for _ in range(6):  # every focused element shows where the focus is
        page.keyboard.press("Tab")
        style = page.evaluate(
            "(e => [getComputedStyle(e).outlineStyle, getComputedStyle(e).outlineWidth])(document.activeElement)"
        )
        assert style[0] != "none" and style[1] != "0px", style


@pytest.mark.parametrize("lang, other", [("sv", "en"), ("en", "sv")])
def test_language_switcher_by_keyboard_goes_to_the_twin(served, tabs, lang, other):
    _, page, _ = open_page(tabs, url(served, lang, "insatser/biogas-fagelmyra/"))
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.getAttribute('hreflang') === '{other}'"):
            break
    else:
        pytest.fail("the language link cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(url(served, other, "insatser/biogas-fagelmyra/"), timeout=10_000)
    assert page.evaluate("document.documentElement.lang") == other


@pytest.mark.parametrize(
    "lang, query, expected",
    [
        ("sv", "biogas", "insatser/biogas-fagelmyra/"),
        ("en", "biogas", "en/insatser/biogas-fagelmyra/"),
        ("sv", "Tunabyggen", "parter/tunabyggen/"),
        ("en", "Tunabyggen", "en/parter/tunabyggen/"),
    ],
)
def test_search_by_keyboard_finds_records_in_the_page_language_only(served, tabs, lang, query, expected):
    _, page, requests = open_page(tabs, url(served, lang, ""))
    page.keyboard.press("/")  # Material's shortcut to the search field
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    links = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    assert any(link.split("#")[0].split("?")[0] == served + expected for link in links), links
    own = served + ("en/" if lang == "en" else "")
    assert all(link.startswith(own) for link in links)
    if lang == "sv":
        assert not any(link.startswith(served + "en/") for link in links)
    assert [r for r in requests if not r.startswith(served)] == []
    assert [v["id"] for v in axe(page)["violations"]] == []  # the search results, a page type of their own
    page.keyboard.press("ArrowDown")  # the first result focused, with its tinted background
    assert page.evaluate("document.activeElement.closest('.md-search-result__item') !== null")
    assert [v["id"] for v in axe(page)["violations"]] == []


@pytest.mark.parametrize("lang, name", [("sv", "Sök"), ("en", "Search")])
def test_the_search_dialog_has_a_name_in_the_page_language(served, tabs, lang, name):
    _, page, _ = open_page(tabs, url(served, lang, ""))
    page.keyboard.press("/")
    assert page.get_by_role("dialog", name=name, exact=True).count() == 1


@pytest.mark.parametrize("lang, placeholder, label", [("sv", "Sök", "Välj språk"), ("en", "Search", "Select language")])
def test_material_interface_texts_are_in_the_page_language(served, tabs, lang, placeholder, label):
    _, page, _ = open_page(tabs, url(served, lang, "parter/"))
    assert page.get_attribute("input.md-search__input", "placeholder") == placeholder
    assert page.get_attribute(".md-select > button", "aria-label") == label


def visible_initiatives(page) -> list[str]:
    return page.eval_on_selector_all(
        ".kb-portfolio li:not([hidden]) > a:first-child", "els => els.map(e => e.getAttribute('href'))"
    )


def test_portfolio_lists_everything_without_javascript(served, browser):
    from registry import load_registries

    reg = load_registries(ROOT)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url(served, "sv", "insatser/"))
    assert page.is_hidden("#kb-filter")
    assert sorted(visible_initiatives(page)) == sorted(f"{i.id}/" for i in reg.initiatives)
    page.goto(url(served, "sv", "insatser/omrade/transport/"))
    expected = sorted(f"../../{i.id}/" for i in reg.initiatives if i.category == "transport")
    assert sorted(visible_initiatives(page)) == expected
    context.close()


def test_filters_are_shareable_announced_and_follow_the_back_button(served, tabs):
    from registry import load_registries

    reg = load_registries(ROOT)
    _, page, _ = open_page(tabs, url(served, "en", "insatser/"), 390)
    page.select_option("#kb-filter-category", "transport")
    page.select_option("#kb-filter-status", "ongoing")
    expected = sorted(f"{i.id}/" for i in reg.initiatives if i.category == "transport" and i.status == "ongoing")
    assert sorted(visible_initiatives(page)) == expected
    assert page.url.endswith("?omrade=transport&status=ongoing")
    assert page.text_content("[role=status]") == f"{len(expected)} initiatives shown"
    page.go_back()
    assert page.url.endswith("?omrade=transport")
    assert len(visible_initiatives(page)) == sum(i.category == "transport" for i in reg.initiatives)


def test_the_language_switcher_keeps_the_filter(served, tabs):
    _, page, _ = open_page(tabs, url(served, "sv", "insatser/"), 390)
    page.select_option("#kb-filter-category", "transport")
    page.select_option("#kb-filter-status", "ongoing")
    page.click(".md-select > button")  # the language menu
    page.click("a.md-select__link[hreflang=en]")
    page.wait_for_url(url(served, "en", "insatser/?omrade=transport&status=ongoing"), timeout=10_000)
    assert page.input_value("#kb-filter-category") == "transport"
    assert page.text_content("[role=status]").endswith("initiatives shown")


def test_a_shared_filter_address_opens_filtered(served, tabs):
    _, page, _ = open_page(tabs, url(served, "sv", "insatser/?part=maserfrakt"))
    assert page.input_value("#kb-filter-partner") == "maserfrakt"
    partners = page.eval_on_selector_all(".kb-portfolio li:not([hidden])", "els => els.map(e => e.dataset.partners)")
    assert partners and all("maserfrakt" in p.split() for p in partners)


def test_two_taps_from_home_to_ongoing_transport_and_who_runs_it(served, tabs):
    _, page, _ = open_page(tabs, url(served, "sv", ""), 390)
    page.click("a.kb-card[href*='status/ongoing']")
    page.click("article a[href='#transport']")
    section = page.locator("h2#transport + ul.kb-portfolio")
    assert section.is_visible()
    assert "leds av" in section.inner_text()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_charts_show_with_their_table_source_and_unit_at_320_px(served, tabs, lang):
    _, page, _ = open_page(tabs, url(served, lang, "klimatneutralt/"), 320)
    chart = page.locator("svg[role=img]").first
    assert chart.is_visible() and chart.bounding_box()["width"] <= 320
    assert page.locator("svg[role=img] title").first.text_content().strip()
    assert page.locator("table.kb-emissions").is_visible() or page.locator("table.kb-emissions").count() == 1
    text = page.inner_text("article")
    assert "t CO₂e" in text and ("Källa" in text if lang == "sv" else "Source" in text)
