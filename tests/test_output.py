"""What machines and other languages get from the built site: per-language search and 404,
hreflang and sitemaps, structured data, open data that equals the registries, feeds."""

from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree as ET

import feedparser
import pytest
import rdflib

from conftest import ROOT, page
from registry import load_registries
from registry.models import REGISTRIES

REG = load_registries(ROOT)
SITE_URL = "https://klimatneutrala-borlange-2030.github.io/site/"


def test_each_language_has_its_own_search_index_with_record_pages(site):
    sv = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert sv["config"]["lang"] == ["sv"] and en["config"]["lang"] == ["en"]
    assert not any(d["location"].startswith("en/") for d in sv["docs"])
    sv_titles = {d["title"] for d in sv["docs"]}
    en_titles = {d["title"] for d in en["docs"]}
    assert "Vad är ett klimatneutralt Borlänge?" in sv_titles and "Vad är ett klimatneutralt Borlänge?" not in en_titles
    assert "What is a climate-neutral Borlänge?" in en_titles and "What is a climate-neutral Borlänge?" not in sv_titles
    for p in REG.partners:
        assert p.name in sv_titles and (p.name_en or p.name) in en_titles


@pytest.mark.parametrize("lang, prefix", [("sv", ""), ("en", "en/")])
def test_record_pages_are_indexed_lean_one_entry_each_with_their_facts(site, lang, prefix):
    """Not every section ('Källor', 'Senast granskad' …) of thousands of record pages: one entry
    per record with its text, and the facts a reader searches by (role, area, status, partners)."""
    docs = json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    ssab = [d for d in docs if d["location"].startswith("parter/ssab/")]
    assert len(ssab) == 1 and ssab[0]["location"] == "parter/ssab/"
    assert ssab[0]["text"].startswith(getattr(REG.partner("ssab").description, lang).split("\n")[0][:40])
    assert ("Bidragande organisation" if lang == "sv" else "Contributing organisation") in ssab[0]["text"]
    initiative = next(i for i in REG.initiatives if i.lead == "ssab")
    (entry,) = [d for d in docs if d["location"].startswith(f"insatser/{initiative.id}/")]
    assert "SSAB" in entry["text"] and ("Industri" if lang == "sv" else "Industry") in entry["text"]
    portfolio = " ".join(d["text"] for d in docs if d["location"].startswith("insatser/#"))
    assert not [i.id for i in REG.initiatives if getattr(i.title, lang) in portfolio]  # listed once: as records
    records = len(REG.partners) + len(REG.initiatives) + len(REG.contracts)
    assert (
        sum(
            d["location"].startswith(("parter/", "insatser/", "klimatkontraktet/"))
            and "#" not in d["location"]
            and d["location"].count("/") == 2
            for d in docs
        )
        == records
    )


@pytest.mark.parametrize(
    "lang, path, heading", [("sv", "404.html", "Sidan finns inte"), ("en", "en/404.html", "Page not found")]
)
def test_each_language_has_a_not_found_page_in_its_language(site, lang, path, heading):
    from bs4 import BeautifulSoup

    html = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
    assert html.html["lang"] == lang
    assert html.h1.get_text(strip=True) == heading
    switcher = {a["hreflang"]: a["href"] for a in html.select("a.md-select__link")}
    assert switcher == {"sv": SITE_URL, "en": SITE_URL + "en/"}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_hreflang_alternates_are_left_to_the_sitemap_not_the_head(site, lang):
    """Material fetches `sitemap.xml` beside every <link rel=alternate>: beside a twin page it is
    a failed request on every view. The sitemap holds the alternates (tested below)."""
    html = page(site, "parter/ssab/", lang)
    assert html.select("link[rel=alternate][hreflang]") == []
    assert [link["href"] for link in html.select("link[rel=alternate]")] == ["../../feed.xml"]


def test_sitemaps_list_both_languages_with_alternates_behind_small_indexes(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    index = ET.parse(site / "sitemap.xml").getroot()
    assert [loc.text for loc in index.findall("s:sitemap/s:loc", ns)] == [
        SITE_URL + "pages.xml",
        SITE_URL + "en/pages.xml",
    ]
    assert [loc.text for loc in ET.parse(site / "en" / "sitemap.xml").getroot().findall("s:sitemap/s:loc", ns)] == [
        SITE_URL + "en/pages.xml"
    ]
    # Material's language selector downloads sitemap.xml of each alternate on every page view
    assert (site / "sitemap.xml").stat().st_size < 400 and (site / "en" / "sitemap.xml").stat().st_size < 400
    pages = {lang: ET.parse(site / prefix / "pages.xml").getroot() for lang, prefix in (("sv", ""), ("en", "en"))}
    locs = {
        lang: [u.findtext("s:loc", namespaces=ns) for u in root.findall("s:url", ns)] for lang, root in pages.items()
    }
    assert SITE_URL + "parter/ssab/" in locs["sv"] and SITE_URL + "en/parter/ssab/" in locs["en"]
    assert all(loc.startswith(SITE_URL + "en/") for loc in locs["en"])
    assert not any(loc.startswith(SITE_URL + "en/") for loc in locs["sv"])
    assert len(locs["sv"]) == len(locs["en"]) > 70
    ssab = next(
        u
        for u in pages["en"].findall("s:url", ns)
        if u.findtext("s:loc", namespaces=ns) == SITE_URL + "en/parter/ssab/"
    )
    alternates = {link.get("hreflang"): link.get("href") for link in ssab.findall("x:link", ns)}
    assert alternates == {
        "sv": SITE_URL + "parter/ssab/",
        "en": SITE_URL + "en/parter/ssab/",
        "x-default": SITE_URL + "parter/ssab/",
    }


@pytest.mark.parametrize(
    "route, kind",
    [
        ("parter/borlange-kommun/", "GovernmentOrganization"),
        ("parter/ssab/", "Organization"),
        ("insatser/biogas-fagelmyra/", "Project"),
        ("klimatkontraktet/lokalt-klimatkontrakt-2022/", "Event"),
    ],
)
def test_record_pages_carry_structured_data_and_a_description(site, route, kind):
    for lang in ("sv", "en"):
        html = page(site, route, lang)
        data = json.loads(html.find("script", type="application/ld+json").string)
        assert data["@type"] == kind and data["inLanguage"] == lang
        description = html.find("meta", attrs={"name": "description"})["content"]
        assert description and description == html.find("meta", property="og:description")["content"]
        assert data["url"] == SITE_URL + ("en/" if lang == "en" else "") + route


@pytest.mark.parametrize("name", list(REGISTRIES))
def test_published_json_and_csv_equal_the_registries(site, name):
    model = REGISTRIES[name][0]
    published = model.model_validate_json((site / "data" / f"{name}.json").read_text(encoding="utf-8"))
    expected = REG.emissions if name == "emissions" else getattr(REG, name)
    assert (published if name == "emissions" else getattr(published, name)) == expected
    rows = list(csv.DictReader(io.StringIO((site / "data" / f"{name}.csv").read_text(encoding="utf-8"))))
    if name == "emissions":
        assert [int(r["year"]) for r in rows] == [y.year for y in REG.emissions.years]
        assert [float(r["total"]) for r in rows] == [y.total for y in REG.emissions.years]
    else:
        assert [r["id"] for r in rows] == [r.id for r in expected]
    schema = json.loads((site / "data" / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))


def test_datapackage_describes_every_file_with_its_licence(site):
    package = json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    for resource in package["resources"]:
        assert (site / "data" / resource["path"]).exists()
        if resource["format"] == "csv":
            header = (site / "data" / resource["path"]).read_text(encoding="utf-8").splitlines()[0]
            assert [f["name"] for f in resource["schema"]["fields"]] == header.split(",")


def test_dcat_catalogue_is_rdf_with_publisher_licence_and_downloads(site):
    graph = rdflib.Graph().parse(site / "data" / "catalog.rdf", format="xml")
    DCAT, DCT, FOAF = rdflib.Namespace("http://www.w3.org/ns/dcat#"), rdflib.DCTERMS, rdflib.FOAF
    datasets = list(graph.subjects(rdflib.RDF.type, DCAT.Dataset))
    assert len(datasets) == len(REGISTRIES)
    for dataset in datasets:
        publisher = graph.value(dataset, DCT.publisher)
        assert str(graph.value(publisher, FOAF.name)) == "Borlänge kommun"
        downloads = {str(graph.value(d, DCAT.downloadURL)) for d in graph.objects(dataset, DCAT.distribution)}
        assert all(u.startswith(SITE_URL + "data/") for u in downloads) and len(downloads) == 2
        for d in graph.objects(dataset, DCAT.distribution):
            assert str(graph.value(d, DCT.license)) == "https://creativecommons.org/licenses/by/4.0/"


@pytest.mark.parametrize("lang, path", [("sv", "feed.xml"), ("en", "en/feed.xml")])
def test_the_feed_parses_and_is_advertised(site, lang, path):
    feed = feedparser.parse((site / path).read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert len(feed.entries) == len(REG.contracts) + len(REG.initiatives)
    ids = [e.id for e in feed.entries]
    assert len(set(ids)) == len(ids)
    assert all(e.link.startswith(SITE_URL + ("en/" if lang == "en" else "")) for e in feed.entries)
    link = page(site, "", lang).find("link", type="application/atom+xml")
    assert link["href"].endswith("feed.xml")
