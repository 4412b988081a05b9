"""Per-language finishing of the built site (called from hooks/output.py)."""

from __future__ import annotations

import gzip
import json
import re
from datetime import date
from pathlib import Path
from xml.etree import ElementTree as ET

from .formatting import route
from .load import Registries

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
ET.register_namespace("xhtml", XHTML)

_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')
_ORPHAN_TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.DOTALL)
_CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">[^<]*?"base": ")([^"]*)(")')


def fix_page_html(html: str, lang: str, default_lang: str) -> str:
    """Drop the `autocomplete` the HTML checker rejects on Material's checkbox toggles and the
    label of a table-of-contents toggle that is not there, and
    point the English pages' search at the English index (Material looks under its `base`)."""
    html = _TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
    if 'id="__toc"' not in html:  # pages outside the menu: Material labels a toggle it did not render
        html = _ORPHAN_TOC_LABEL.sub(r'<div class="md-nav__title">\1</div>', html)
    if lang != default_lang:
        html = _CONFIG_BASE.sub(lambda m: m.group(1) + m.group(2).rstrip("/") + f"/{lang}/" + m.group(3), html, 1)
    return html


def split_search_index(site: Path, langs: tuple[str, ...], extra: dict[str, list[dict[str, str]]]) -> None:
    """The i18n plugin merges every language into one index; write one per language root,
    with the `extra` entries of each language (locations relative to its root) added."""
    path = site / "search" / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    default, *others = langs
    for lang in langs:
        prefix = "" if lang == default else f"{lang}/"
        if lang == default:
            docs = [d for d in index["docs"] if not d["location"].startswith(tuple(f"{o}/" for o in others))]
        else:
            docs = [
                {**d, "location": d["location"][len(prefix) :]}
                for d in index["docs"]
                if d["location"].startswith(prefix)
            ]
        docs += extra.get(lang, [])
        out = site / prefix / "search" / "search_index.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(
            json.dumps(
                {**index, "config": {**index["config"], "lang": [lang]}, "docs": docs},
                ensure_ascii=False,
                separators=(",", ":"),
            ),
            encoding="utf-8",
        )


def page_dates(reg: Registries) -> dict[str, date]:
    """{route: the date its content was last reviewed}: a record's page has the record's
    `last_reviewed`; a list of records the latest of theirs. Other pages get no date."""
    dates: dict[str, date] = {}

    def note(page: str, day: date) -> None:
        dates[page] = max(day, dates.get(page, day))

    for kind, records, section in (
        ("partner", reg.partners, "parter/"),
        ("initiative", reg.initiatives, "insatser/"),
        ("contract", reg.contracts, "klimatkontraktet/"),
    ):
        for record in records:
            for page in (route(kind, record.id), section, ""):
                note(page, record.last_reviewed)
    for initiative in reg.initiatives:
        note(route("category", initiative.category), initiative.last_reviewed)
        note(route("status", initiative.status), initiative.last_reviewed)
    note("klimatneutralt/", reg.emissions.last_reviewed)
    note("", reg.emissions.last_reviewed)
    return dates


def write_robots(site: Path, site_url: str) -> None:
    """robots.txt: everything may be read; the sitemap is at the site's root. (Crawlers read it
    only at the host's root: on a project site, github.io/REPO/, it is found once the site has a
    custom domain.)"""
    (site / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n", encoding="utf-8")


def write_sitemaps(site: Path, site_url: str, langs: tuple[str, ...], dates: dict[str, date] | None = None) -> None:
    """Each language root gets `pages.xml`, its pages with their alternates and x-default (the
    default language), and a `sitemap.xml` that only points at sitemaps: the root one at all the
    `pages.xml`, the others at their own. Material's language selector downloads the
    `sitemap.xml` of every alternate on every page view, which at thousands of pages would be
    megabytes; crawlers follow the index. `lastmod` is the date of each page's content from
    `dates` (see page_dates), never the build's date; a page without one has no `lastmod`."""
    path = site / "sitemap.xml"
    if not path.exists() or not site_url:
        return
    urls = ET.parse(path).getroot().findall(f"{{{SITEMAP}}}url")
    default = langs[0]
    entries: dict[str, _Entry] = {}
    for url in urls:
        alternates = {link.attrib["hreflang"]: link.attrib["href"] for link in url.findall(f"{{{XHTML}}}link")}
        alternates.pop("x-default", None)
        for lang, href in alternates.items():
            entries[href] = (lang, alternates, _lastmod(href, site_url, langs, dates or {}))
    prefixes = {lang: "" if lang == default else f"{lang}/" for lang in langs}
    for lang, prefix in prefixes.items():
        _write(site / prefix / "pages.xml", _urlset({h: e for h, e in entries.items() if e[0] == lang}, default))
        own = list(prefixes.values()) if lang == default else [prefix]
        _write(site / prefix / "sitemap.xml", _index([f"{site_url}{p}pages.xml" for p in own]))


def _lastmod(href: str, site_url: str, langs: tuple[str, ...], dates: dict[str, date]) -> str | None:
    page = href.removeprefix(site_url)
    for lang in langs[1:]:
        page = page.removeprefix(f"{lang}/")
    day = dates.get(page)
    return day.isoformat() if day else None


_Entry = tuple[str, dict[str, str], str | None]  # a page's (language, {hreflang: address}, lastmod)


def _urlset(entries: dict[str, _Entry], default: str) -> ET.Element:
    root = ET.Element("urlset", xmlns=SITEMAP)
    for href in sorted(entries):
        _, alternates, lastmod = entries[href]
        url = ET.SubElement(root, "url")
        ET.SubElement(url, "loc").text = href
        if lastmod:
            ET.SubElement(url, "lastmod").text = lastmod
        for lang, alt in sorted(alternates.items()) + [("x-default", alternates.get(default))]:
            if alt:
                ET.SubElement(url, f"{{{XHTML}}}link", rel="alternate", hreflang=lang, href=alt)
    return root


def _index(locations: list[str]) -> ET.Element:
    root = ET.Element("sitemapindex", xmlns=SITEMAP)
    for location in locations:
        ET.SubElement(ET.SubElement(root, "sitemap"), "loc").text = location
    return root


def _write(path: Path, root: ET.Element) -> None:
    data = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    path.with_suffix(".xml.gz").write_bytes(gzip.compress(data, mtime=0))
