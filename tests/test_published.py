"""The published site as GitHub Pages serves it: the root 404.html for every unknown address in
both languages (tested with a server that behaves like Pages), robots.txt, sitemap dates from the
records, feed ids that survive a move, and DCAT dataset identifiers that resolve."""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import threading
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import rdflib

from conftest import ROOT
from registry import load_registries
from registry.feed import atom_feed
from registry.languages import page_dates
from registry.settings import read_settings

REG = load_registries(ROOT)
SITE_URL = "https://klimatneutrala-borlange-2030.github.io/site/"
PREFIX = "/site/"  # the site's path, as on a project site: OWNER.github.io/REPO/


class PagesLike(http.server.BaseHTTPRequestHandler):
    """Like GitHub Pages: files under PREFIX; any other address, at any depth, gets the root
    404.html with status 404; gzip when the browser accepts it."""

    root: Path

    def do_GET(self):
        found = self._file(urllib.parse.urlsplit(self.path).path)
        file = found or self.root / "404.html"
        body = file.read_bytes()
        zipped = "gzip" in self.headers.get("Accept-Encoding", "")
        self.send_response(200 if found else 404)
        self.send_header(
            "Content-Type",
            (mimetypes.guess_type(file.name)[0] or "application/octet-stream")
            + ("; charset=utf-8" if file.suffix in (".html", ".js", ".css", ".json") else ""),
        )
        if zipped:
            body = gzip.compress(body)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _file(self, path: str) -> Path | None:
        if not path.startswith(PREFIX):
            return None
        target = (self.root / urllib.parse.unquote(path[len(PREFIX) :])).resolve()
        if target != self.root and self.root not in target.parents:
            return None
        target = target / "index.html" if target.is_dir() else target
        return target if target.is_file() else None

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def pages(site):
    """The built site served like GitHub Pages at http://127.0.0.1:PORT/site/."""
    handler = type("Handler", (PagesLike,), {"root": site.resolve()})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}{PREFIX}"
    server.shutdown()
    server.server_close()


def test_the_test_server_answers_any_unknown_address_with_the_root_404_gzipped(pages):
    request = urllib.request.Request(pages + "en/x/y/", headers={"Accept-Encoding": "gzip"})
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(request, timeout=10)
    assert answer.value.code == 404 and answer.value.headers["Content-Encoding"] == "gzip"
    html = gzip.decompress(answer.value.read()).decode("utf-8")
    assert "Sidan finns inte" in html and "Page not found" in html


def headings(page) -> list[tuple[str, str]]:
    """Each h1 in the order a reader meets it, with the language of the text around it."""
    return page.eval_on_selector_all(
        "article h1", "hs => hs.map(h => [h.textContent.trim(), h.closest('[lang]').getAttribute('lang')])"
    )


@pytest.mark.parametrize("javascript", [False, True])
@pytest.mark.parametrize(
    ("path", "first"), [("x/y/", "sv"), ("en/x/y/", "en"), ("en/parter/finns-inte/", "en"), ("insatser/a/b/c/", "sv")]
)
def test_a_dead_link_gets_the_not_found_page_in_both_languages(pages, tabs, path, first, javascript):
    """Without JavaScript both languages are there, each marked; with it, the reader's comes first."""
    _, page, _ = tabs.get(1280, java_script_enabled=javascript)
    response = page.goto(pages + path)
    assert response.status == 404
    sv, en = ["Sidan finns inte", "sv"], ["Page not found", "en"]
    assert headings(page) == ([en, sv] if javascript and first == "en" else [sv, en])
    assert page.get_attribute("html", "lang") == "sv"
    assert page.get_attribute("#kb-not-found-en a", "href") == SITE_URL + "en/"


def test_english_dead_links_search_the_english_index(pages, tabs):
    _, page, _ = tabs.get(1280)
    page.goto(pages + "en/x/y/")
    config = page.evaluate("JSON.parse(document.getElementById('__config').textContent)")
    assert config["base"] == PREFIX + "en/"
    page.goto(pages + "x/y/")
    assert page.evaluate("JSON.parse(document.getElementById('__config').textContent).base") == PREFIX


def test_robots_txt_points_at_the_sitemap(site):
    assert (site / "robots.txt").read_text(encoding="utf-8") == (
        f"User-agent: *\nAllow: /\n\nSitemap: {SITE_URL}sitemap.xml\n"
    )


def test_sitemap_dates_are_the_records_own_not_the_build_date(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    dates = page_dates(REG)
    for prefix in ("", "en/"):
        urls = ET.parse(site / prefix / "pages.xml").getroot().findall("s:url", ns)
        found = {
            u.findtext("s:loc", namespaces=ns).removeprefix(SITE_URL + prefix): u.findtext("s:lastmod", namespaces=ns)
            for u in urls
        }
        assert found["parter/ssab/"] == REG.partner("ssab").last_reviewed.isoformat()
        assert found["om-viable-cities/"] is None  # a hand-written page: no date rather than a wrong one
        assert {page: day for page, day in found.items() if day} == {
            page: dates[page].isoformat() for page in found if page in dates
        }


def test_feed_ids_are_tag_uris_under_the_configured_authority_whatever_the_address(site):
    authority = read_settings(ROOT / "mkdocs.yml").feed_authority
    atom = "{http://www.w3.org/2005/Atom}"
    for path in ("feed.xml", "en/feed.xml"):
        ids = [e.findtext(f"{atom}id") for e in ET.parse(site / path).getroot().findall(f"{atom}entry")]
        assert ids and all(i.startswith(f"tag:{authority}:") for i in ids)

    def ids_at(address: str) -> list[str]:
        settings = replace(read_settings(ROOT / "mkdocs.yml"), site_url=address)
        root = ET.fromstring(atom_feed(REG, settings, "sv"))
        return [e.findtext(f"{atom}id") for e in root.findall(f"{atom}entry")]

    assert ids_at("https://klimat.example.se/") == ids_at(SITE_URL)


def test_each_dcat_dataset_identifier_resolves_to_its_description(site):
    DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    catalogue = rdflib.Graph().parse(site / "data" / "catalog.rdf", format="xml")
    datasets = sorted(str(d) for d in catalogue.subjects(rdflib.RDF.type, DCAT.Dataset))
    assert datasets == sorted(
        f"{SITE_URL}data/{name}.rdf" for name in ("partners", "initiatives", "contracts", "emissions")
    )
    for dataset in datasets:
        own = rdflib.Graph().parse(site / dataset.removeprefix(SITE_URL), format="xml")
        subject = rdflib.URIRef(dataset)
        assert (subject, rdflib.RDF.type, DCAT.Dataset) in own
        assert str(own.value(subject, rdflib.DCTERMS.identifier)) == dataset
        assert own.value(subject, rdflib.DCTERMS.title, any=True) is not None
