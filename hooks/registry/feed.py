"""An Atom feed per language of what changes: contract events, and initiatives — a new
initiative, or a new status of one, is a new entry (its id names the status)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import TypedDict
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from .formatting import route
from .load import Registries
from .models import STATUSES, label
from .settings import Settings

ATOM = "http://www.w3.org/2005/Atom"
FEED_TITLES = {
    "sv": "Klimatneutrala Borlänge 2030 – nytt och ändrat",
    "en": "Klimatneutrala Borlänge 2030 – what's new",
}


def _stamp(day: date) -> str:
    return datetime.combine(day, time(0, 0), tzinfo=UTC).isoformat().replace("+00:00", "Z")


class _Entry(TypedDict):
    key: str
    route: str
    updated: date
    title: str
    summary: str


def _entries(reg: Registries, lang: str) -> list[_Entry]:
    entries: list[_Entry] = []
    for c in reg.contracts:
        entries.append(
            {
                "key": f"contract/{c.id}",
                "route": route("contract", c.id),
                "updated": c.date,
                "title": getattr(c.title, lang),
                "summary": getattr(c.summary, lang),
            }
        )
    for i in reg.initiatives:
        status = label(STATUSES, i.status, lang)
        entries.append(
            {
                "key": f"initiative/{i.id}/{i.status}",
                "route": route("initiative", i.id),
                "updated": i.last_reviewed,
                "title": f"{getattr(i.title, lang)} ({status.lower()})",
                "summary": getattr(i.summary, lang),
            }
        )
    return sorted(entries, key=lambda e: (e["updated"], e["key"]), reverse=True)


def atom_feed(reg: Registries, settings: Settings, lang: str) -> bytes:
    """The feed of `lang`. Entry ids are tag URIs (RFC 4151) under `settings.feed_authority`
    ("domain,year", mkdocs.yml `extra.feed_authority`), so they stay the same when the site
    moves to another address; without it they fall back to the site's host and 2021."""
    site_url = settings.site_url
    root_url = site_url + settings.prefix(lang)
    authority = settings.feed_authority or f"{urlsplit(site_url).hostname or 'localhost'},2021"
    entries = _entries(reg, lang)
    feed = ET.Element("feed", xmlns=ATOM)
    feed.set("{http://www.w3.org/XML/1998/namespace}lang", lang)
    ET.SubElement(feed, "title").text = FEED_TITLES[lang]
    ET.SubElement(feed, "id").text = f"{root_url}feed.xml"
    ET.SubElement(feed, "link", rel="self", href=f"{root_url}feed.xml")
    ET.SubElement(feed, "link", rel="alternate", href=root_url)
    # With no entries, the feed was last updated when the emissions data was reviewed.
    updated = max((e["updated"] for e in entries), default=reg.emissions.last_reviewed)
    ET.SubElement(feed, "updated").text = _stamp(updated)
    ET.SubElement(ET.SubElement(feed, "author"), "name").text = "Borlänge kommun"
    for e in entries:
        entry = ET.SubElement(feed, "entry")
        ET.SubElement(entry, "id").text = f"tag:{authority}:{e['key']}"
        ET.SubElement(entry, "title").text = e["title"]
        ET.SubElement(entry, "link", rel="alternate", href=root_url + e["route"])
        ET.SubElement(entry, "updated").text = _stamp(e["updated"])
        ET.SubElement(entry, "summary").text = e["summary"]
    data: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return data
