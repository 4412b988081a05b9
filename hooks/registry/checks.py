"""Rules across records: unique ids, references that resolve, dates in order, sums that add up.

These read the parsed trees rather than the models, so that a record with a mistake in one
field still takes part (its id is known) and one mistake does not hide or cause another.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from .explain import did_you_mean
from .formatting import RECORD_ROUTES, page_route
from .models import CATEGORIES, PARTIAL_DATE_PATTERN, REGISTRIES, STATUSES
from .problems import Problem
from .yamltree import Tree, problem_at

RECORD_KIND = {"partners": "partner", "initiatives": "initiative", "contracts": "contract"}


def reserved_ids(name: str) -> set[str]:
    """Ids whose page address another page has: 'index' (the section's own page), and the first
    folder of every page kind below the registry's section ('omrade', 'status' under insatser/)."""
    section = RECORD_ROUTES[RECORD_KIND[name]] + "/"
    below = {r.removeprefix(section).split("/")[0] for r in RECORD_ROUTES.values() if r.startswith(section)}
    return {"index"} | below


Trees = dict[str, Tree]  # registry name -> its parsed file
Record = dict[str, object]  # a record as read, before the models check it: field -> value
Routes = Callable[[], set[str]]  # the pages of the build, made when first asked for


def _records(trees: Trees, name: str, key: str) -> list[tuple[int, Record]]:
    tree = trees.get(name)
    value = tree.value if tree else None
    items = value.get(key) if isinstance(value, dict) else None
    return [(i, r) for i, r in enumerate(items if isinstance(items, list) else []) if isinstance(r, dict)]


def _ids(trees: Trees, name: str, key: str) -> dict[str, int]:
    return {rid: i for i, r in _records(trees, name, key) if isinstance(rid := r.get("id"), str)}


def across_records(trees: Trees) -> list[Problem]:
    problems: list[Problem] = []
    for name in ("partners", "initiatives", "contracts"):
        problems += _unique_ids(trees, name)
    partner_ids = set(_ids(trees, "partners", "partners")) if "partners" in trees else None
    if partner_ids is not None:
        problems += _references(trees, "initiatives", "initiatives", ("lead", "partners"), partner_ids)
        problems += _references(trees, "contracts", "contracts", ("signatories",), partner_ids)
    problems += _dates_in_order(trees)
    problems += _emissions(trees)
    problems += agencies_signed(trees)
    return problems


def _unique_ids(trees: Trees, name: str) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    file = f"{name}.yaml"
    if name not in trees:
        return problems  # the file could not be read: it has no records
    tree = trees[name]
    reserved = reserved_ids(name)
    for i, record in _records(trees, name, name):
        rid = record.get("id")
        if not isinstance(rid, str):
            continue
        if rid in reserved:
            problems.append(
                problem_at(
                    file,
                    tree,
                    name,
                    (name, i, "id"),
                    f"the id '{rid}' is reserved: another page has the address it would get — choose another id",
                )
            )
        if rid in seen:
            first = tree.place((name, seen[rid]))[0]
            problems.append(
                problem_at(
                    file,
                    tree,
                    name,
                    (name, i, "id"),
                    f"the id '{rid}' is used twice (also by the record on line {first}) — give each record its own id",
                )
            )
        else:
            seen[rid] = i
    return problems


def _references(trees: Trees, name: str, key: str, fields: tuple[str, ...], partner_ids: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    if name not in trees:
        return problems  # the file could not be read: it has no records
    tree = trees[name]
    for i, record in _records(trees, name, key):
        lead = record.get("lead")
        for field in fields:
            value = record.get(field)
            items: list[tuple[int | None, object]] = (
                [(None, value)]
                if isinstance(value, str)
                else list(enumerate(value or []))
                if isinstance(value, list)
                else []
            )
            seen: set[str] = set()
            for j, ref in items:
                if not isinstance(ref, str):
                    continue
                loc: tuple[object, ...] = (key, i, field) if j is None else (key, i, field, j)
                if ref not in partner_ids:
                    hint = did_you_mean(ref, partner_ids)
                    hint = f"did you mean {hint}?" if hint else "add the partner to partners.yaml first"
                    problems.append(
                        problem_at(f"{name}.yaml", tree, key, loc, f"no partner has the id '{ref}' — {hint}")
                    )
                elif ref in seen:
                    problems.append(problem_at(f"{name}.yaml", tree, key, loc, f"'{ref}' is listed twice — remove one"))
                elif field == "partners" and ref == lead:
                    problems.append(
                        problem_at(
                            f"{name}.yaml", tree, key, loc, f"'{ref}' is already the lead — remove it from partners"
                        )
                    )
                seen.add(ref)
    return problems


def _as_date_text(value: object) -> str | None:
    text = value.isoformat() if isinstance(value, date) else str(value) if isinstance(value, (str, int)) else None
    return text if text and re.match(PARTIAL_DATE_PATTERN, text) else None


def _dates_in_order(trees: Trees) -> list[Problem]:
    problems: list[Problem] = []
    for i, record in _records(trees, "initiatives", "initiatives"):
        start, end = _as_date_text(record.get("start")), _as_date_text(record.get("end"))
        if start and end and end < start[: len(end)]:
            problems.append(
                problem_at(
                    "initiatives.yaml",
                    trees["initiatives"],
                    "initiatives",
                    ("initiatives", i, "end"),
                    f"the end {end} is before the start {start} — correct one of them",
                )
            )
    return problems


def _emissions(trees: Trees) -> list[Problem]:
    tree = trees.get("emissions")
    data = tree.value if tree else None
    if (
        tree is None
        or not isinstance(data, dict)
        or not isinstance(data.get("sectors"), list)
        or not isinstance(data.get("years"), list)
    ):
        return []
    problems: list[Problem] = []

    def add(loc: tuple[object, ...], message: str) -> None:
        problems.append(problem_at("emissions.yaml", tree, "years", loc, message))

    sectors = [s.get("id") for s in data["sectors"] if isinstance(s, dict) and isinstance(s.get("id"), str)]
    previous: int | None = None
    for i, row in enumerate(data["years"]):
        if not isinstance(row, dict):
            continue
        year, values = row.get("year"), row.get("values")
        if isinstance(year, int) and previous is not None and year <= previous:
            add(("years", i, "year"), f"{year} comes after {previous} — list the years once each, oldest first")
        previous = year if isinstance(year, int) else previous
        if not isinstance(values, dict):
            continue
        for sector in values:
            if sector not in sectors:
                hint = did_you_mean(sector, sectors)
                add(
                    ("years", i, "values", sector),
                    f"'{sector}' is not a sector in 'sectors:'"
                    + (f" — did you mean {hint}?" if hint else " — add it to 'sectors:' first"),
                )
        for sector in sectors:
            if sector not in values:
                add(("years", i, "values"), f"no value for the sector '{sector}' — add `{sector}: 0` if it had none")
        numbers = [v for v in values.values() if isinstance(v, (int, float)) and not isinstance(v, bool)]
        total = row.get("total")
        if len(numbers) == len(values) and isinstance(total, (int, float)) and abs(sum(numbers) - total) > 1:
            add(
                ("years", i, "total"),
                f"the total {total:,.2f} differs from the sum of the sectors"
                f" {sum(numbers):,.2f} — correct the total or a sector value",
            )
    return problems


# --- Agencies: a number shown as "signed" agrees with the agencies listed as signatories ---------


def agencies_signed(trees: Trees) -> list[Problem]:
    """`agencies_count: signed` with signatories listed: the number must be the agencies among them.
    Not checked while partners.yaml cannot be read: every count would look wrong, and the editor
    would correct contracts.yaml instead of the one real mistake."""
    if "partners" not in trees:
        return []
    agency_ids = {
        r["id"]
        for _, r in _records(trees, "partners", "partners")
        if r.get("type") == "government-agency" and isinstance(r.get("id"), str)
    }
    problems: list[Problem] = []
    for i, record in _records(trees, "contracts", "contracts"):
        count, signatories = record.get("agencies"), record.get("signatories")
        if record.get("agencies_count") != "signed" or not isinstance(count, int) or not signatories:
            continue
        listed = len([s for s in signatories if s in agency_ids]) if isinstance(signatories, list) else 0
        if listed != count:
            problems.append(
                problem_at(
                    "contracts.yaml",
                    trees["contracts"],
                    "contracts",
                    ("contracts", i, "agencies"),
                    f"{count} agencies are shown as having signed, but the signatories list"
                    f" {listed} — list every agency that signed, or correct the number",
                )
            )
    return problems


# --- Present tense: a status said in the present needs a recent source ---------------------------

PRESENT_TENSE = {"ongoing", "planned", "paused"}


def months_since(as_of: str, today: date) -> int:
    """Whole months from a (partial) date to today; a year alone counts from its December."""
    parts = [int(p) for p in str(as_of).split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    months = (today.year - year) * 12 + today.month - month
    return months - (1 if len(parts) == 3 and today.day < parts[2] else 0)


def outdated(status: str, as_of: str | None, today: date, review_months: int) -> bool:
    """True when the page would say in the present tense what no source within review_months says."""
    if status not in PRESENT_TENSE:
        return False
    return as_of is None or months_since(as_of, today) >= review_months


def status_warnings(trees: Trees, today: date, review_months: int) -> list[Problem]:
    """A warning (not a mistake: the build goes on) for each status that rests on an old source."""
    warnings: list[Problem] = []
    for i, record in _records(trees, "initiatives", "initiatives"):
        status, as_of = record.get("status"), _as_date_text(record.get("status_as_of"))
        if not isinstance(status, str) or not outdated(status, as_of, today, review_months):
            continue
        field = "status_as_of" if as_of else "status"
        said = f"a source from {as_of}" if as_of else "a source without a date (no status_as_of)"
        warnings.append(
            problem_at(
                "initiatives.yaml",
                trees["initiatives"],
                "initiatives",
                ("initiatives", i, field),
                f"warning: the status '{status}' rests on {said}, not on one from the last"
                f" {review_months} months, so the page says it in the past tense — find a newer"
                " source and update status and status_as_of",
            )
        )
    return warnings


def script_warnings(trees: Trees) -> list[Problem]:
    """A warning for each name that mixes alphabets ('Воrlänge kommun' with a Cyrillic В and о):
    look-alike letters make one organisation's name pass for another's."""
    warnings: list[Problem] = []
    everything = [(n, i, r) for n in ("partners", "initiatives", "contracts") for i, r in _records(trees, n, n)]
    for name, i, record in everything:
        key = name
        for field, value in _names_and_addresses(record):
            scripts = _scripts(_host_or_text(value, field)) if isinstance(value, str) else {}
            if len(scripts) > 1 or scripts.keys() & LOOK_ALIKE:
                said = ", ".join(f"{s.title()} ({''.join(sorted(c))})" for s, c in sorted(scripts.items()))
                warnings.append(
                    problem_at(
                        f"{name}.yaml",
                        trees[name],
                        key,
                        (key, i, *(int(p) if p.isdigit() else p for p in field.split("."))),
                        f"warning: the {'name' if field in ('name', 'name_en') else 'address'} "
                        + (f"mixes alphabets: {said}" if len(scripts) > 1 else f"is written in {said} letters")
                        + " — if it was copied, type it again; letters that look alike make a name look like another",
                    )
                )
    return warnings


LOOK_ALIKE = {"CYRILLIC", "GREEK"}  # alphabets with letters that look like Latin ones (А, В, Е, О, Р, С)


def _names_and_addresses(record: dict[str, object]) -> list[tuple[str, object]]:
    """(field, value) of a record's names and of every address it links: website, sources, links."""
    found: list[tuple[str, object]] = [(f, record.get(f)) for f in ("name", "name_en", "website") if f in record]
    for field in ("sources", "links", "documents"):
        items = record.get(field)
        for n, item in enumerate(items if isinstance(items, list) else []):
            url = item.get("url") if isinstance(item, dict) else item
            found.append((f"{field}.{n}" + (".url" if isinstance(item, dict) else ""), url))
    return found


def _host_or_text(value: str, field: str) -> str:
    return value if field in ("name", "name_en") else value.split("://", 1)[-1].split("/", 1)[0]


def _scripts(text: str) -> dict[str, set[str]]:
    """{alphabet: its letters in `text`}: 'LATIN', 'CYRILLIC', 'GREEK', … from the letters' Unicode names."""
    found: dict[str, set[str]] = {}
    for char in text:
        if char.isalpha():
            found.setdefault(unicodedata.name(char, "?").split(" ")[0], set()).add(char)
    return found


# --- Sources on the site's own address: they would point into this site -------------------------

URL_IN_TEXT = re.compile(r"https?://[^\s()<>\[\]\"'`]+")
ARCHIVE_HINT = "e.g. from the Internet Archive, https://web.archive.org/"


def _host_and_path(url: str) -> tuple[str, str]:
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:  # a host the models refuse (characters like ／ or ＠): not this site's
        return "", "/"
    return host.removeprefix("www."), parts.path or "/"


def site_routes(trees: Trees, docs: Path) -> set[str]:
    """Every page of the build, relative to site_url: 'parter/ssab/', 'en/om-programmet/', ''."""
    routes = {page_route(p.relative_to(docs).as_posix()) for p in docs.rglob("*.md")}
    for kind, (name, key) in {
        "partner": ("partners", "partners"),
        "initiative": ("initiatives", "initiatives"),
        "contract": ("contracts", "contracts"),
    }.items():
        routes |= {f"{RECORD_ROUTES[kind]}/{rid}/" for rid in _ids(trees, name, key)}
    routes |= {f"{RECORD_ROUTES['category']}/{c}/" for c in CATEGORIES}
    routes |= {f"{RECORD_ROUTES['status']}/{s}/" for s in STATUSES}
    return routes | {f"en/{r}" for r in routes}


def _missing_page(url: str, site_url: str, routes: Routes) -> bool:
    """True for an address under site_url that is not a page of the build."""
    (host, path), (site_host, site_path) = _host_and_path(url), _host_and_path(site_url)
    site_path = site_path if site_path.endswith("/") else site_path + "/"
    if host != site_host or not (path + "/").startswith(site_path):
        return False
    route = path[len(site_path) :]
    route = route if route.endswith("/") or not route else route + "/"
    return route.removesuffix("index.html") not in routes()


def _cited(value: object, loc: tuple[object, ...] = ()) -> Iterator[tuple[tuple[object, ...], str]]:
    """(place, url) for every address in a registry, except one that has an archived copy beside it."""
    if isinstance(value, dict):
        if value.get("archived"):
            value = {k: v for k, v in value.items() if k != "url"}
        for key, item in value.items():
            yield from _cited(item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _cited(item, (*loc, i))
    elif isinstance(value, str) and re.fullmatch(URL_IN_TEXT, value):
        yield loc, value


def own_site_links(trees: Trees, site_url: str, docs: Path) -> list[Problem]:
    routes = functools.cache(lambda: site_routes(trees, docs))  # made only when an address needs them
    host = _host_and_path(site_url)[0]
    problems: list[Problem] = []
    for name, tree in trees.items():
        key = REGISTRIES[name][1]
        for loc, url in _cited(tree.value):
            if _missing_page(url, site_url, routes):
                problems.append(
                    problem_at(
                        f"{name}.yaml",
                        tree,
                        key,
                        loc,
                        f"{url} is on {host}, this site's own address (site_url), where the site"
                        f" has no such page — {_what_to_do(loc)}",
                    )
                )
    for path in sorted(docs.rglob("*.md")):
        problems += _page_links(path, docs, site_url, host, routes)
    return problems


def _what_to_do(loc: tuple[object, ...]) -> str:
    if len(loc) >= 3 and loc[-3] == "sources" and loc[-1] == "url":
        return f"add the address of an archived copy to `archived:` ({ARCHIVE_HINT}), or remove the source"
    if len(loc) >= 2 and loc[-2] == "sources":
        return (
            f"write the source as `url:` with `archived:` and the address of an archived copy ({ARCHIVE_HINT}),"
            " or remove the source"
        )
    return f"use the address of an archived copy instead ({ARCHIVE_HINT}), or remove it"


def _page_links(path: Path, docs: Path, site_url: str, host: str, routes: Routes) -> list[Problem]:
    text = path.read_text(encoding="utf-8")
    problems: list[Problem] = []
    for found in URL_IN_TEXT.finditer(text):
        if _missing_page(found.group(0), site_url, routes):
            line = text.count("\n", 0, found.start()) + 1
            column = found.start() - text.rfind("\n", 0, found.start())
            problems.append(
                Problem(
                    f"{docs.name}/{path.relative_to(docs).as_posix()}",
                    line,
                    column,
                    None,
                    None,
                    f"{found.group(0)} is on {host}, this site's own address (site_url), where the"
                    f" site has no such page — link to an archived copy instead ({ARCHIVE_HINT}),"
                    " or remove the link",
                )
            )
    return problems
