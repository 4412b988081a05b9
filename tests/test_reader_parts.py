"""What a reader finds on the built pages of issue #13's remaining parts: each partner's part (what
it leads and joins, its signatures on a timeline, its embeddable badge), the join page's steps and
contact, one quiet sources block per record page, and empty areas and statuses that are not links."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from test_content import minimal_with, render

from conftest import MINIMAL, ROOT, TEMPLATES, page
from registry import load_registries
from registry.badges import badge_svg
from registry.render import Renderer
from registry.settings import read_settings

REG = load_registries(ROOT)
SETTINGS = read_settings(ROOT / "mkdocs.yml")
LANGS = ["sv", "en"]
BADGE_TEXT = {"sv": "Vi är med i Klimatneutrala Borlänge 2030", "en": "We take part in Climate Neutral Borlänge 2030"}
SVG = "{http://www.w3.org/2000/svg}"


def article(html: BeautifulSoup) -> BeautifulSoup:
    return html.find("article")


def link_text(a) -> str:
    """A link's visible text, without the words for screen readers ('(extern webbplats)')."""
    return "".join(s for s in a.find_all(string=True) if "md-visually-hidden" not in (s.parent.get("class") or []))


# --- A partner's part ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_partner_has_a_badge_file_and_a_snippet_linking_back_to_its_page(site, lang):
    prefix = "" if lang == "sv" else "en/"
    for p in REG.partners:
        svg = ElementTree.parse(site / prefix / "parter" / p.id / "badge.svg").getroot()
        assert svg.findtext(f"{SVG}title") == f"{p.name_in(lang)}: {BADGE_TEXT[lang]}"
        html = page(site, f"parter/{p.id}/", lang)
        code = html.find("textarea", id="kb-badge-code")
        assert html.find("label", attrs={"for": "kb-badge-code"}) is not None
        snippet = BeautifulSoup(code.get_text(), "html.parser")  # the text a partner copies
        page_url = f"{SETTINGS.site_url}{prefix}parter/{p.id}/"
        assert snippet.a["href"] == page_url
        assert snippet.img["src"] == page_url + "badge.svg"
        assert snippet.img["alt"] == f"{p.name_in(lang)}: {BADGE_TEXT[lang]}"
        assert html.find("img", src="badge.svg")["alt"] == snippet.img["alt"]


def test_a_badge_escapes_the_name_and_needs_nothing_from_elsewhere():
    partner = REG.partners[0].model_copy(update={"name": 'Ett & två <AB> "test"', "name_en": None})
    text = badge_svg(partner, "sv").decode("utf-8")
    svg = ElementTree.fromstring(text)  # well-formed, whatever the name
    assert svg.findtext(f"{SVG}title") == 'Ett & två <AB> "test": Vi är med i Klimatneutrala Borlänge 2030'
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "t"
    rest = text.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert not re.search(r"https?:|@import|@font-face|href=|url\(", rest)


@pytest.mark.parametrize(
    "lang, leads, joins", [("sv", "Leder (1)", "Deltar i (3)"), ("en", "Leads (1)", "Takes part in (3)")]
)
def test_a_partner_page_shows_what_it_leads_and_joins_and_its_dated_signatures(site, lang, leads, joins):
    html = article(page(site, "parter/ssab/", lang))
    headings = [h.get_text(strip=True) for h in html.find_all("h3")]
    assert leads in headings and joins in headings
    assert len(html.select("ul.kb-cards li.kb-icard")) == 4
    timeline = html.select("ol.kb-timeline > li")
    signed = [c for c in REG.contracts if "ssab" in c.signatories]
    assert [li.time["datetime"] for li in timeline] == sorted((c.date.isoformat() for c in signed), reverse=True)


@pytest.mark.parametrize(
    "lang, none", [("sv", "Registret har ingen underskrift av"), ("en", "The registry has no signature by")]
)
def test_a_partner_without_signatures_says_what_would_be_there(site, lang, none):
    unsigned = next(p for p in REG.partners if not any(p.id in c.signatories for c in REG.contracts))
    text = article(page(site, f"parter/{unsigned.id}/", lang)).get_text(" ", strip=True)
    assert none in text


# --- The join page and its contact -------------------------------------------------------------------


def render_contact(config_text: str, tmp_path, lang: str) -> str:
    config = tmp_path / "mkdocs.yml"
    config.write_text(config_text, encoding="utf-8")
    settings = replace(read_settings(config), today=date(2026, 11, 30))
    return Renderer(REG, settings, TEMPLATES).render_marker("contact", None, "bli-en-del-av/", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_the_contact_shows_no_address_or_function_the_configuration_lacks(tmp_path, lang):
    html = BeautifulSoup(
        render_contact((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), tmp_path, lang), "html.parser"
    )
    assert SETTINGS.contact.get("email") == "" and SETTINGS.contact.get("function") == ""  # left for editors
    assert not html.select("a[href^='mailto:']") and not html.select(".kb-contact__direct")
    assert "Borlänge kommun, Servicecenter" in html.get_text()


@pytest.mark.parametrize("lang, word", [("sv", "E-post"), ("en", "E-mail")])
def test_the_contact_shows_the_configured_address_and_function(tmp_path, lang, word):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace('    email: ""', "    email: klimat@example.org").replace(
        '    function: ""', "    function: Testfunktionen"
    )
    html = BeautifulSoup(render_contact(config, tmp_path, lang), "html.parser")
    direct = html.select_one(".kb-contact__direct")
    assert direct.strong.get_text() == "Testfunktionen"
    assert direct.a["href"] == "mailto:klimat@example.org" and f"{word}: klimat@example.org" in direct.get_text()


@pytest.mark.parametrize("lang, heading", [("sv", "Så blir ni en del av arbetet"), ("en", "How to join")])
def test_the_join_page_has_three_steps_before_the_contact(site, lang, heading):
    html = article(page(site, "bli-en-del-av/", lang))
    h2 = next(h for h in html.find_all("h2") if h.get_text(strip=True) == heading)
    steps = h2.find_next("div", class_="kb-steps").select("ol > li")
    assert len(steps) == 3 and all(li.strong for li in steps)
    assert html.select_one(".kb-contact") is not None


# --- Sources and review: one quiet block ----------------------------------------------------------

RECORD_PAGES = [
    "parter/ssab/",
    "insatser/innovationsteam/",
    "insatser/biogas-fagelmyra/",
    "klimatkontraktet/lokalt-klimatkontrakt-2022/",
]


@pytest.mark.parametrize("lang, heading", [("sv", "Källor och granskning"), ("en", "Sources and review")])
@pytest.mark.parametrize("route", RECORD_PAGES)
def test_a_record_page_has_one_sources_and_review_block_with_titles_not_addresses(site, route, lang, heading):
    html = article(page(site, route, lang))
    blocks = html.select("section.kb-provenance")
    assert len(blocks) == 1 and blocks[0].h2.get_text(strip=True) == heading
    assert len(html.find_all("time", datetime=True, string=re.compile("."))) >= 1
    reviewed = "Senast granskad" if lang == "sv" else "Last reviewed"
    assert html.get_text().count(reviewed) == 1 and reviewed in blocks[0].get_text()
    for a in blocks[0].select("ul.kb-sources a"):
        label = link_text(a)
        assert "/" not in label and "›" not in label and "http" not in label, label


def test_an_initiative_page_dates_its_status_once_in_the_sources_block(tmp_path):
    root = minimal_with(
        tmp_path, "initiatives.yaml", "    status: ongoing\n", "    status: ongoing\n    status_as_of: 2026-03-15\n"
    )
    html = BeautifulSoup(
        render(root, "initiative", "solceller", "insatser/solceller/", "sv", date(2026, 11, 30)), "html.parser"
    )
    assert html.get_text().count("15 mars 2026") == 1
    assert "Status enligt källa från 15 mars 2026." in html.select_one("section.kb-provenance").get_text()


def test_a_source_is_named_by_its_site_owner_and_the_date_in_its_address(site):
    sources = article(page(site, "insatser/innovationsteam/", "sv")).select("ul.kb-sources a")
    labels = {a["href"]: link_text(a) for a in sources}
    assert (
        labels["https://www.ssab.com/sv-se/nyheter/2022/05/nu-ska-ssab-borlange-aven-bli-klimatneutralt-2030"]
        == "SSAB (maj 2022)"
    )
    assert labels["https://klimatkommunerna.se/medlemmar/borlange/"] == "klimatkommunerna.se"


@pytest.mark.parametrize(
    "lang, words", [("sv", "Öppna data: insatser (CSV, JSON)"), ("en", "Open data: initiatives (CSV, JSON)")]
)
def test_charts_name_their_open_data_not_a_file(site, lang, words):
    text = article(page(site, "insatser/", lang)).get_text(" ", strip=True)
    text = re.sub(r"\s+([),])", r"\1", re.sub(r"\(\s+", "(", text))
    assert words in text
    assert "initiatives.json" not in text and "partners.json" not in text


# --- Empty areas and statuses ----------------------------------------------------------------------


def test_an_empty_area_or_status_is_a_count_not_a_link_and_its_page_says_what_belongs_there(tmp_path):
    reg = load_registries(MINIMAL)
    settings = replace(SETTINGS, today=date(2026, 11, 30))
    renderer = Renderer(reg, settings, TEMPLATES)
    empty_area = next(c for c, items in renderer.relations.by_category.items() if not items)
    empty_status = next(s for s, items in renderer.relations.by_status.items() if not items)
    for lang in LANGS:
        html = BeautifulSoup(renderer.render_marker("initiative-portfolio", None, "insatser/", lang), "html.parser")
        browse = html.select_one("nav.kb-browse")
        hrefs = [a["href"] for a in browse.find_all("a")]
        assert f"omrade/{empty_area}/" not in hrefs and f"status/{empty_status}/" not in hrefs
        assert all(
            not a.get_text().endswith("(0)") and a.next_sibling.strip()[:3] != "(0)" for a in browse.find_all("a")
        )
        assert any(s.get_text().endswith("(0)") for s in browse.select(".kb-empty"))
    area = BeautifulSoup(
        renderer.render_marker("category", empty_area, f"insatser/omrade/{empty_area}/", "sv"), "html.parser"
    )
    assert "Inga insatser i registret hör till området" in area.get_text() and "Inga ännu" not in area.get_text()
    status = BeautifulSoup(
        renderer.render_marker("status", empty_status, f"insatser/status/{empty_status}/", "en"), "html.parser"
    )
    assert "No initiative in the registry has the status" in status.get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_the_start_pages_latest_events_are_the_three_newest_newest_first(site, lang):
    """Issue #21: sorting the events oldest first passed every test."""
    dates = [
        str(d)
        for d in [
            *(c.date for c in REG.contracts),
            *(p.joined for p in REG.partners if p.joined),
            *(i.start for i in REG.initiatives if i.start),
        ]
    ]
    shown = [t["datetime"] for t in page(site, "", lang).select("ol.kb-events > li > time")]
    assert shown == sorted(dates, reverse=True)[:3]
    assert shown == sorted(shown, reverse=True)
