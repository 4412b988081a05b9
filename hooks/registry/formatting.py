"""How the site writes things: addresses of pages, numbers, dates and source names, in each
language. Plain functions of their arguments, used by the templates, the charts and the files."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from .models import ID_LENGTH, LANGUAGES

FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u", "æ": "ae", "ø": "o"})
RECORD_ROUTES = {
    "partner": "parter",
    "initiative": "insatser",
    "contract": "klimatkontraktet",
    "category": "insatser/omrade",
    "status": "insatser/status",
}
MONTHS = {
    "sv": [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def slug(text: str) -> str:
    """'Högskolan Dalarna' -> 'hogskolan-dalarna'; at most ID_LENGTH characters, cut between words."""
    full = re.sub(r"[^a-z0-9]+", "-", text.lower().translate(FOLD)).strip("-")
    if len(full) <= ID_LENGTH:
        return full
    cut = full[: ID_LENGTH + 1].rsplit("-", 1)[0] if "-" in full[:ID_LENGTH] else full[:ID_LENGTH]
    return cut.strip("-")


def route(kind: str, record_id: str) -> str:
    return f"{RECORD_ROUTES[kind]}/{record_id}/"


def page_route(src_uri: str) -> str:
    """'parter/ssab.sv.md' -> 'parter/ssab/'; 'parter/index.en.md' -> 'parter/'; 'index.sv.md' -> ''."""
    stem = re.sub(r"(\.(sv|en))?\.md$", "", src_uri)
    stem = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
    return stem


def relative(target: str, here: str) -> str:
    """A link from the page at route `here` to the route `target`, both relative to the language
    root, folders ending in '/': ('parter/ssab/', 'insatser/x/') -> '../../parter/ssab/'. Plain
    string work: posixpath.relpath asks the operating system for the working folder every call."""
    folders, parts = here.split("/")[:-1], target.split("/")
    common = 0
    while common < min(len(folders), len(parts) - 1) and folders[common] == parts[common]:
        common += 1
    return "../" * (len(folders) - common) + "/".join(parts[common:]) or "./"


def number(value: float, lang: str, digits: int = 0) -> str:
    text = f"{value:,.{digits}f}"
    if lang == LANGUAGES[0]:  # Swedish: a space between thousands, a decimal comma
        text = text.replace(",", "\u00a0").replace(".", ",")
    return text.replace("-", "−")


DATE_IN_PATH = re.compile(r"/(\d{4}-\d{2}-\d{2})|/(\d{4})/(\d{2})(?=/|$)")


def source_host(address: str) -> str:
    """The site a source is on, as a reader names it: 'https://www.borlange.se/x' -> 'borlange.se'."""
    return urlsplit(address).netloc.removeprefix("www.") or address


def source_date(address: str) -> str | None:
    """The date a source's address carries ('/2022-04-11-nu-startar-…' or '/2022/05/…'), or None."""
    found = DATE_IN_PATH.search(urlsplit(address).path)
    if found is None:
        return None
    text = found.group(1) or f"{found.group(2)}-{found.group(3)}"
    try:  # '/2024/13/' is a path, not a date
        date.fromisoformat(text + "-01" * (2 - text.count("-")))
    except ValueError:
        return None
    return text


def day(value: date | str, lang: str) -> str:
    """A date or partial date as a reader writes it: '8 december 2021', 'March 2023', '2023'."""
    text = value.isoformat() if isinstance(value, date) else str(value)
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = MONTHS[lang][parts[1] - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{parts[2]} {month} {parts[0]}"


def signed_percent(value: float, lang: str, digits: int = 0) -> str:
    """'+12,5 %' in Swedish, '+12.5%' in English."""
    sign = "+" if value > 0 else ""
    return sign + number(value, lang, digits) + ("\u00a0%" if lang == LANGUAGES[0] else "%")


def months_between(earlier: date, later: date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)


def iso_date(text: str) -> str | None:
    """A date written another way, as the registries write it: '2021/12/08' and '8 december 2021'
    -> '2021-12-08', 'March 2023' -> '2023-03'; None when it is not a date written another way."""
    text = " ".join(text.strip().lower().split())
    found = re.fullmatch(r"(\d{4})[/.-](\d{1,2})(?:[/.-](\d{1,2}))?", text)
    if found:
        parts = [found.group(1), *(f"{int(p):02d}" for p in found.groups()[1:] if p)]
        return "-".join(parts) if 1 <= int(parts[1]) <= 12 else None
    months = {name.lower(): n for names in MONTHS.values() for n, name in enumerate(names, 1)}
    found = re.fullmatch(r"(?:(\d{1,2})\.? )?([a-zåäö]+) (\d{4})", text)
    if found and found.group(2) in months:
        day_part = f"-{int(found.group(1)):02d}" if found.group(1) else ""
        return f"{found.group(3)}-{months[found.group(2)]:02d}{day_part}"
    return None
