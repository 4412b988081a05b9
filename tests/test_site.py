"""The real site, built in both languages: what a reader finds on it."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import MINIMAL, ROOT, build, copy_project, page
from registry import load_registries
from registry.models import source_url

REG = load_registries(ROOT)
LANGS = ("sv", "en")


def partner_title(p, lang):
    return p.name_en if lang == "en" and p.name_en else p.name


@pytest.fixture(scope="module")
def pages(site: Path) -> list[tuple[Path, BeautifulSoup]]:
    """Every page of the built site, read once for the tests below, which only look."""
    return [
        (path, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"))
        for path in sorted(site.rglob("index.html"))
    ]


def url_of(site: Path, path: Path) -> str:
    rel = path.parent.relative_to(site).as_posix()
    return "/" if rel == "." else f"/{rel}/"


SITE_PATH = "/site/"  # the path of mkdocs.yml's default site_url, which absolute links start with


def resolve(base: str, href: str) -> str:
    if href.startswith("/"):
        assert href.startswith(SITE_PATH), href
        href = "/" + href[len(SITE_PATH) :]
    target = posixpath.normpath(posixpath.join(base, href.split("#")[0]))
    return target if target.endswith("/") or "." in posixpath.basename(target) else target + "/"


@pytest.mark.parametrize("lang", LANGS)
def test_every_partner_has_a_page_with_its_name_role_and_sources(site, lang):
    for p in REG.partners:
        html = page(site, f"parter/{p.id}/", lang)
        assert html.html["lang"] == lang
        assert html.find("h1").get_text(strip=True) == partner_title(p, lang)
        text = html.find("article").get_text(" ", strip=True)
        assert ("Källor" if lang == "sv" else "Sources") in text
        hrefs = {a["href"] for a in html.find("article").find_all("a")}
        assert {source_url(s) for s in p.sources} <= hrefs


@pytest.mark.parametrize("lang", LANGS)
def test_every_initiative_page_links_its_lead_and_participants(site, lang):
    for i in REG.initiatives:
        html = page(site, f"insatser/{i.id}/", lang)
        assert html.find("h1").get_text(strip=True) == getattr(i.title, lang)
        hrefs = {a["href"] for a in html.find("article").find_all("a")}
        for pid in (i.lead, *i.partners):
            assert f"../../parter/{pid}/" in hrefs, (i.id, pid)


@pytest.mark.parametrize("lang", LANGS)
def test_every_contract_event_has_a_page_and_is_on_the_timeline_newest_first(site, lang):
    timeline = page(site, "klimatkontraktet/", lang)
    dates = [t["datetime"] for t in timeline.select(".kb-timeline time")]
    assert dates == sorted((c.date.isoformat() for c in REG.contracts), reverse=True)
    for c in REG.contracts:
        html = page(site, f"klimatkontraktet/{c.id}/", lang)
        assert html.find("h1").get_text(strip=True) == getattr(c.title, lang)


def test_english_pages_mark_swedish_names_with_their_language(site):
    swedish_only = next(p for p in REG.partners if not p.name_en)
    html = page(site, f"parter/{swedish_only.id}/", "en")
    assert html.find("h1")["lang"] == "sv"
    directory = page(site, "parter/", "en")
    names = [s.get_text() for s in directory.select("article span[lang=sv]")]
    assert swedish_only.name in names


def test_the_language_switcher_links_every_page_to_its_twin(site, pages):
    checked = 0
    for path, html in pages:
        here = url_of(site, path)
        if not html.find("article"):
            continue
        links = {a["hreflang"]: resolve(here, a["href"]) for a in html.select("a.md-select__link")}
        twin = here[3:] if here.startswith("/en/") else "/en" + here
        sv, en = (twin, here) if here.startswith("/en/") else (here, twin)
        assert links == {"sv": sv, "en": en}, here
        assert (site / links["en" if here == sv else "sv"].strip("/") / "index.html").exists()
        checked += 1
    assert checked >= 2 * (len(REG.partners) + len(REG.initiatives) + len(REG.contracts))


def test_every_internal_link_resolves(site, pages):
    """Every link within the site reaches a file, and its #part an id on that page: links in
    record pages and in the registry's HTML are made by templates, which MkDocs does not check."""
    ids = {path: {e["id"] for e in html.select("[id]")} for path, html in pages}
    broken = []
    for path, html in pages:
        here = url_of(site, path)
        for a in html.select("a[href]"):
            href = a["href"]
            if href.startswith(("http:", "https:", "mailto:", "tel:")) or href == "#":
                continue
            address, _, anchor = href.partition("#")
            file = path
            if address:
                target = resolve(here, address.split("?")[0]).lstrip("/")  # ?omrade=… is for the page's script
                file = site / target / "index.html" if target.endswith("/") or not target else site / target
            if not file.exists():
                broken.append(f"{here} -> {href}")
            elif anchor and file.suffix == ".html" and anchor not in ids.get(file, set()):
                broken.append(f"{here} -> {href} (no such id)")
    assert broken == []


@pytest.mark.parametrize("lang", LANGS)
def test_directory_groups_partners_by_role_and_portfolio_by_category(site, lang):
    directory = page(site, "parter/", lang)
    coordinators = directory.find(id="coordinator").find_next("ul")
    assert "borlange-kommun" in coordinators.a["href"]
    linked = {a["href"] for a in directory.select("article a")}
    assert {f"{p.id}/" for p in REG.partners} <= linked
    portfolio = page(site, "insatser/", lang)
    for i in REG.initiatives:
        item = portfolio.find("a", href=f"{i.id}/")
        assert item is not None, i.id
        assert item.find_parent("ul").find_previous("h2")["id"] == i.category


@pytest.mark.parametrize("lang", LANGS)
def test_start_page_key_figures_come_from_the_registries(site, lang):
    figures = page(site, "", lang).select(".kb-figures strong")
    numbers = [f.get_text() for f in figures]
    assert numbers[0] == str(len(REG.partners))
    assert numbers[1] == str(len(REG.initiatives))
    assert numbers[3] == str(len(REG.contracts))


def test_record_pages_stay_out_of_the_navigation(site):
    nav = page(site, "", "sv").select("nav.md-nav--primary a")
    hrefs = " ".join(a["href"] for a in nav)
    assert "parter/ssab" not in hrefs and "insatser/" in hrefs


@pytest.mark.parametrize("lang, home", [("sv", "Startsida"), ("en", "Home")])
def test_the_menu_names_the_start_page_for_what_it_is(site, lang, home):
    links = page(site, "klimatneutralt/", lang).select("nav.md-nav--primary > ul > li > a")
    assert links[0].get_text(strip=True) == home


def test_an_editor_adds_a_partner_and_sees_it_everywhere(tmp_path):
    """Copy a partner record, change it, name it in an initiative, rebuild."""
    project = copy_project(tmp_path / "project")
    partners = (project / "partners.yaml").read_text(encoding="utf-8")
    start = partners.index("  - id: ssab")
    end = partners.index("\n  - id:", start + 1)
    record = re.sub(
        r"name: .*", "name: Ny Partner AB", partners[start:end].replace("id: ssab", "id: ny-partner"), count=1
    )
    (project / "partners.yaml").write_text(partners + "\n" + record + "\n", encoding="utf-8")
    initiatives = (project / "initiatives.yaml").read_text(encoding="utf-8")
    first = initiatives.index("    partners:")
    initiatives = initiatives[:first] + "    partners:\n      - ny-partner\n" + initiatives[first:].split("\n", 1)[1]
    (project / "initiatives.yaml").write_text(initiatives, encoding="utf-8")

    site = tmp_path / "site"
    docs_before = sorted(p for p in (project / "docs").rglob("*"))
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    reg = load_registries(project)
    named = next(i for i in reg.initiatives if "ny-partner" in i.partners)
    for lang in LANGS:
        assert page(site, "parter/ny-partner/", lang).find("h1").get_text(strip=True) == "Ny Partner AB"
        assert "Ny Partner AB" in page(site, "parter/", lang).get_text()
        assert "Ny Partner AB" in page(site, f"insatser/{named.id}/", lang).find("article").get_text()
        index = json.loads((site / ("" if lang == "sv" else "en") / "search" / "search_index.json").read_bytes())
        assert [d["title"] for d in index["docs"] if d["location"] == "parter/ny-partner/"] == ["Ny Partner AB"]
    assert sorted(p for p in (project / "docs").rglob("*")) == docs_before  # record pages never touch docs/


def test_links_to_other_sites_are_marked_external_and_open_safely(site, pages):
    checked = 0
    for _path, html in pages:
        article = html.find("article")
        if article is None:
            continue
        lang = html.html["lang"]
        for a in article.select('a[href^="http"]'):
            assert "noopener" in a.get("rel", []) and "noreferrer" in a.get("rel", []), a
            hidden = a.find("span", class_="md-visually-hidden")
            assert hidden is not None and hidden.get_text(strip=True) == (
                "(extern webbplats)" if lang == "sv" else "(external website)"
            ), a
            checked += 1
    assert checked > 100


def test_a_warning_stops_the_build(tmp_path):
    """--strict counts warnings only at MkDocs' normal log level (with -q, none are counted)."""
    project = copy_project(tmp_path / "project", registries=MINIMAL)
    page_file = project / "docs" / "bli-en-del-av.sv.md"
    page_file.write_text(page_file.read_text(encoding="utf-8") + "\n[Trasig länk](finns-inte.md)\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "finns-inte.md" in result.stderr and "Aborted with 1 warnings in strict mode!" in result.stdout


def test_an_edited_template_shows_in_the_next_build(tmp_path):
    """Compiled templates are cached between builds; an edit must still reach the pages."""
    project = copy_project(tmp_path / "project", registries=MINIMAL)
    site = tmp_path / "site"
    assert build(project, site).returncode == 0
    template = project / "overrides" / "partials" / "registry" / "partner.html"
    template.write_text(template.read_text(encoding="utf-8") + "<p>Mallen ändrad</p>\n", encoding="utf-8")
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    for lang in LANGS:
        assert "Mallen ändrad" in page(site, "parter/borlange-kommun/", lang).find("article").get_text()
