"""What a change to the registries does, in words: the records added, removed or changed (field
by field), the pages of the site that change, and the check's result. Compares two versions of
the registries, each a folder holding the four YAML files (hooks/changes.py fills them from git).

The records are compared as the editors wrote them (the YAML trees), so that a version with a
mistake in it can still be described; the check's result comes from the loader."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .formatting import day, route
from .load import FILES, load_registries
from .markdown_text import cap, code, fenced, inline, lines_kept
from .models import PARTIAL_DATE_PATTERN, REGISTRIES, URL_PATTERN, VOCABULARIES, in_language, label
from .problems import Problem, RegistryError
from .settings import Settings
from .words import WORDS
from .yamltree import YamlProblem, read_tree

MARKER = "<!-- kb-change-summary -->"
KIND = {"partners": "partner", "initiatives": "initiative", "contracts": "contract", "emissions": "year"}
NOUN = {
    "partner": ("Part", "Partner"),
    "initiative": ("Insats", "Initiative"),
    "contract": ("Kontraktshändelse", "Contract event"),
    "year": ("Utsläpp år", "Emissions in"),
    "emissions": ("Utsläppsregistret", "The emissions registry"),
}
# Field names in running text: the page's own words where it has them, else these.
FIELD_WORDS = {
    "id": ("id", "id"),
    "name": ("namn", "name"),
    "name_en": ("engelskt namn", "English name"),
    "title": ("rubrik", "title"),
    "summary": ("sammanfattning", "summary"),
    "description": ("beskrivning", "description"),
    "status_as_of": ("status enligt källa", "status as of"),
    "partners": WORDS["participants"],
    "value": ("värde", "value"),
    "values": ("värden per sektor", "values by sector"),
    "sectors": ("sektorer", "sectors"),
    "population": ("befolkning", "population"),
    "scope_note": WORDS["scope"],
    "url": ("adress", "address"),
    "caveat": ("förbehåll", "caveat"),
}
IN_LANGUAGE = {"sv": ("på svenska", "in Swedish"), "en": ("på engelska", "in English")}
T = {
    "heading": ("Ändringar i registren", "Changes to the registries"),
    "none": ("Inga ändringar i registren.", "No changes to the registries."),
    "revision": ("Sammanfattningen gäller {rev}.", "This summary is of {rev}."),
    "none_readable": (
        "Inga ändringar i de register som går att läsa.",
        "No changes in the registries that can be read.",
    ),
    "pages_unreadable": (
        "Vilka sidor som ändras står här när alla register går att läsa.",
        "Which pages change is shown here once every registry can be read.",
    ),
    "renamed": ("id {old} → {new}: sidans adress ändras", "id {old} → {new}: the page's address changes"),
    "field_removed": ("{field} borttagen", "{field} removed"),
    "changed": ("{field} ändrad", "{field} changed"),
    "pages": ("Sidor som ändras", "Pages that change"),
    "more": ("- … och {n} till", "- … and {n} more"),
    "more_fields": ("… och {n} fält till", "… and {n} more fields"),
    "and_more": ("och {n} till", "and {n} more"),
    "no_pages": ("Inga sidor ändras.", "No pages change."),
    "own": ("Posternas egna sidor", "The records' own pages"),
    "list": ("Listor och översikter", "Lists and overviews"),
    "named": ("Sidor som nämner posterna", "Pages that name the records"),
    "home": ("Startsidan, vars nyckeltal räknar posterna", "The home page, whose key figures count the records"),
    "new": ("ny", "new"),
    "gone": ("tas bort", "removed"),
    "in_preview": (
        "Nya sidor finns i [förhandsvisningen]({url}) tills ändringen är publicerad. Förhandsvisningen är byggd"
        " av ändringens egen kod.",
        "New pages are in the [preview]({url}) until the change is published. The preview is built by the"
        " change's own code.",
    ),
    "after_merge": ("Nya sidor finns när ändringen är publicerad.", "New pages exist once the change is published."),
    "unreadable": (
        "**{file} kan inte läsas**, så dess poster jämförs inte och inget i den visas som borttaget."
        " Felet står med sin rad bland kontrollens fel nedan.",
        "**{file} cannot be read**, so its records are not compared and nothing in it is shown as removed."
        " The mistake is among the check's, below, with its line.",
    ),
    "check_ok": ("**Kontrollen:** inga fel.", "**The check:** no mistakes."),
    "check_failed_one": (
        "**Kontrollen hittade 1 fel** – rätta det, annars kan ändringen inte publiceras:",
        "**The check found 1 mistake** — fix it, or the change cannot be published:",
    ),
    "check_failed": (
        "**Kontrollen hittade {n} fel** – rätta dem, annars kan ändringen inte publiceras:",
        "**The check found {n} mistakes** — fix them, or the change cannot be published:",
    ),
}
Record = dict[str, Any]  # a record as the editor wrote it: YAML values, not checked by the models
FieldPath = tuple[str, ...]  # ("effect", "value"): a field's keys from the record's top
MAX_LINES = 100  # records listed; the rest are counted
LIMIT = 60_000  # characters in the whole summary: a pull request comment holds 65,536
NAME = 100  # characters of a name, id or address in a line
FIELDS = 12  # changed fields listed for one record
DETAILS = 20  # fields of a new record listed
PROBLEMS = 40  # the check's messages listed, each at most PROBLEM characters
PROBLEM = 400
SHORT = 60  # longer texts are said to have changed, not quoted: the page diff shows them


@dataclass(frozen=True)
class Version:
    """One version of the registries: {registry: {record id: record as written}}, and the check's result."""

    records: dict[str, dict[str, Record]]
    problems: tuple[Problem, ...]
    unreadable: tuple[str, ...] = ()  # registries whose YAML cannot be read: their records are unknown


def read_records(root: Path) -> Version:
    """The records as written, without the check's result (compare needs no more)."""
    records, unreadable = {}, []
    for name, file in FILES.items():
        try:
            records[name] = _records(root / file, name)
        except YamlProblem:
            records[name] = {}
            unreadable.append(name)
    return Version(records, (), tuple(unreadable))


def read_version(root: Path) -> Version:
    """The records as written and the check's result."""
    try:
        load_registries(root)
        problems: tuple[Problem, ...] = ()
    except RegistryError as err:
        problems = tuple(err.problems)
    return replace(read_records(root), problems=problems)


def _records(path: Path, name: str) -> dict[str, Record]:
    """The records of one registry by id; none when the file is missing. Raises YamlProblem."""
    try:
        value = read_tree(path.read_bytes(), path.name).value
    except OSError:
        return {}
    key = REGISTRIES[name][1]
    if not isinstance(value, dict) or not isinstance(value.get(key), list):
        return {}
    found = {str(r.get("id", r.get("year"))): r for r in value[key] if isinstance(r, dict)}
    if name == "emissions":
        found["*"] = {k: v for k, v in value.items() if k != key}
    return found


def _t(key: str, lang: str, **values: object) -> str:
    return in_language(T[key], lang).format(**values)


def _field(part: str, lang: str) -> str:
    if part in IN_LANGUAGE:
        return IN_LANGUAGE[part][lang == "en"]
    text = in_language(FIELD_WORDS.get(part) or WORDS.get(part) or (part, part), lang)
    keep = text[:2] == text[:2].upper() or text.split(" ")[0] in ("English", "Swedish")
    return text if keep else text[0].lower() + text[1:]


def field_label(path: FieldPath, lang: str) -> str:
    """('summary', 'en') -> 'sammanfattning på engelska'; ('effect', 'value') -> 'effekt, värde'."""
    words = [_field(str(p), lang) for p in path]
    text = words[0]
    for part, word in zip(path[1:], words[1:], strict=True):
        text += f" {word}" if part in IN_LANGUAGE else f", {word}"
    return text


def _show(value: object, field: str, lang: str) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and field in VOCABULARIES and value in VOCABULARIES[field]:
        return label(VOCABULARIES[field], value, lang)
    return str(value)


def _flat(record: Record, prefix: FieldPath = ()) -> dict[FieldPath, object]:
    out: dict[FieldPath, object] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            out.update(_flat(value, (*prefix, key)))
        else:
            out[(*prefix, key)] = value
    return out


def field_changes(old: Record, new: Record, lang: str) -> list[str]:
    """Each changed field of one record, in words."""
    before, after = _flat(old), _flat(new)
    said = []
    for path in dict.fromkeys([*after, *before]):
        if path == ("id",) or before.get(path) == after.get(path):
            continue
        said.append(_one_change(path, before.get(path), after.get(path), lang))
    return said


def _one_change(path: FieldPath, old: object, new: object, lang: str) -> str:
    name, last = field_label(path, lang), str(path[-1])
    if new is None:
        return _t("field_removed", lang, field=name)
    if isinstance(old, list) and isinstance(new, list) and all(_scalar(v) for v in old + new):
        gone = [f"−{_show(v, last, lang)}" for v in old if v not in new]
        came = [f"+{_show(v, last, lang)}" for v in new if v not in old]
        return f"{name} " + ", ".join(came + gone) if came or gone else _t("changed", lang, field=name)
    if not _scalar(new) or len(str(new)) > SHORT or len(str(old or "")) > SHORT:
        return _t("changed", lang, field=name)
    if old is None:
        return f"{name} {_show(new, last, lang)}"
    return f"{name} {_show(old, last, lang)} → {_show(new, last, lang)}"


def _shown_value(value: object, field: str, lang: str) -> str:
    """A value of a new record as the reviewer reads it: a date in words, a label for an allowed
    value, an address as a link; made inert for Markdown."""
    if isinstance(value, date) or (isinstance(value, str) and re.fullmatch(PARTIAL_DATE_PATTERN, value)):
        try:
            return inline(day(value, lang))
        except (ValueError, IndexError):  # '2024-13': shown as written
            return inline(value)
    if isinstance(value, dict):
        return "; ".join(
            f"{inline(_field(str(k), lang), NAME)} {_shown_value(v, str(k), lang)}" for k, v in value.items()
        )
    if isinstance(value, list):
        return ", ".join(_shown_value(v, field, lang) for v in value)
    if isinstance(value, str) and re.fullmatch(URL_PATTERN, value) and value.isprintable() and len(value) <= NAME * 2:
        return f"<{value}>"  # a link the reviewer can open: the pattern admits no space, < or >
    return inline(_show(value, field, lang))  # an address the pattern refuses is put in code by inline


def record_details(record: Record, lang: str) -> list[str]:
    """Each field of a new record, as 'label: value', so the reviewer approves what readers will see."""
    lines = []
    for path, value in _flat(record).items():
        if path == ("id",):
            continue
        lines.append(f"{inline(field_label(path, lang))}: {_shown_value(value, str(path[-1]), lang)}")
    return lines[:DETAILS] + ([_t("more_fields", lang, n=len(lines) - DETAILS)] if len(lines) > DETAILS else [])


def _scalar(value: object) -> bool:
    return not isinstance(value, (dict, list))


def record_name(kind: str, record: Record, lang: str) -> str | None:
    """How the summary names a record: a partner's name, a title in `lang`, a year."""
    if kind == "partner":
        text = record.get("name_en") if lang == "en" and record.get("name_en") else record.get("name")
    elif kind == "year":
        text = record.get("year")
    else:
        title = record.get("title")
        text = title.get(lang) if isinstance(title, dict) else None
    return None if text is None else str(text)


@dataclass(frozen=True)
class Change:
    """One record that differs: what it was and is (None when added or removed)."""

    registry: str
    old_id: str | None
    new_id: str | None
    old: Record | None
    new: Record | None


def _identity(record: Record) -> object:
    """What stays when an id is renamed: the name or the Swedish title."""
    title = record.get("title")
    return record.get("name") or (title.get("sv") if isinstance(title, dict) else None) or object()


def compare(base: Version, head: Version) -> list[Change]:
    """The records that differ; a registry that cannot be read in either version is left out."""
    changes = []
    for name in FILES:
        if name in base.unreadable or name in head.unreadable:
            continue
        old, new = base.records[name], head.records[name]
        came = [i for i in new if i not in old]
        renamed: dict[str, str | None] = {}
        for gone in (i for i in old if i not in new):
            match = next(
                (c for c in came if c not in renamed.values() and _identity(new[c]) == _identity(old[gone])), None
            )
            renamed[gone] = match
        back = {v: k for k, v in renamed.items() if v}
        for rid, record in new.items():
            before = rid if rid in old else back.get(rid)
            if before is None or old[before] != record:
                changes.append(Change(name, before, rid, None if before is None else old[before], record))
        changes += [Change(name, rid, None, old[rid], None) for rid, to in renamed.items() if to is None]
    return changes


def change_line(change: Change, lang: str) -> str:
    """'Insats *Biogas vid Fågelmyra*: status Pågår → Genomförd; status enligt källa 2026-05-02'.
    Every value in it is the pull request's text, made inert by markdown_text."""
    rid = change.new_id or change.old_id
    kind = "emissions" if rid == "*" else KIND[change.registry]
    name = record_name(kind, change.new or change.old or {}, lang) if kind != "emissions" else None  # one is set
    head = NOUN[kind][lang == "en"]
    if name:
        head += f" {inline(name, NAME)}" if kind == "year" else f" *{inline(name, NAME)}*"
    if change.new is None or change.old is None:
        state = ("läggs till", "added") if change.old is None else ("tas bort", "removed")
        line = f"{head}{'' if kind == 'year' else f' ({code(cap(str(rid), NAME))})'} {state[lang == 'en']}"
        details = record_details(change.new, lang) if change.new is not None and kind != "emissions" else []
        return "\n".join([line, *(f"  - {d}" for d in details)])
    said = [inline(s) for s in field_changes(change.old, change.new, lang)]
    if len(said) > FIELDS:
        said = [*said[:FIELDS], _t("more_fields", lang, n=len(said) - FIELDS)]
    if change.old_id != change.new_id:
        old, new = code(cap(str(change.old_id), NAME)), code(cap(str(change.new_id), NAME))
        said.insert(0, _t("renamed", lang, old=old, new=new))
    return f"{head}: " + "; ".join(said)


def _references(version: Version) -> dict[str, list[str]]:
    """{partner id: the pages of the initiatives and contract events that name it}, made once per
    version: looked up per changed partner, it would grow with partners times initiatives."""
    found: dict[str, list[str]] = {}
    for i, r in version.records["initiatives"].items():
        lead = r.get("lead")
        for partner in dict.fromkeys([*([lead] if isinstance(lead, str) else []), *_ids(r.get("partners"))]):
            found.setdefault(partner, []).append(route("initiative", i))
    for c, r in version.records["contracts"].items():
        for partner in dict.fromkeys(_ids(r.get("signatories"))):
            found.setdefault(partner, []).append(route("contract", c))
    return found


def _ids(value: object) -> list[str]:
    """The ids in a list field as written; nothing when the field is not a list of texts."""
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


Page = tuple[str, str]  # (route, why it changes): "own", "list", "named" or "home"


def _pages_of(change: Change, record: Record, rid: str, version: Version, refs: dict[str, list[str]]) -> list[Page]:
    """The pages that show a record, each with why: its own, the lists, and the pages of records
    it names or that name it."""
    kind = KIND[change.registry]
    if kind == "year" or rid == "*":
        return [("", "home"), ("klimatneutralt/", "list")]
    own = [(route(kind, rid), "own")]
    if kind == "partner":
        return [*own, ("parter/", "list"), *((r, "named") for r in refs.get(rid, []))]
    if kind == "contract":
        signed: list[tuple[str, object]] = [("partner", p) for p in _ids(record.get("signatories"))]
        return [*own, ("klimatkontraktet/", "list"), *_existing(signed, version)]
    named: list[tuple[str, object]] = [
        ("category", record.get("category")),
        ("status", record.get("status")),
        ("partner", record.get("lead")),
        *(("partner", p) for p in _ids(record.get("partners"))),
    ]
    return [*own, ("insatser/", "list"), *_existing(named, version)]


def _existing(named: Sequence[tuple[str, object]], version: Version) -> list[Page]:
    """The pages of the named partners, areas and statuses that exist in `version`: an area's or a
    status's page is a list, a partner's page names the record."""
    known: dict[str, Mapping[str, object]] = {"partner": version.records["partners"], **VOCABULARIES}
    return [
        (route(kind, value), "named" if kind == "partner" else "list")
        for kind, value in named
        if isinstance(value, str) and value in known[kind]
    ]


def _status(record: Record | None) -> object:
    return (record or {}).get("status")


PageState = tuple[str, str]  # ('new' | 'gone' | 'changed', why)
WHY_ORDER = ("own", "list", "named", "home")  # a page that is a record's own and names another is its own


def changed_pages(base: Version, head: Version, changes: list[Change]) -> dict[str, PageState]:
    """{route: (state, why)} for every page the changes touch, in both versions."""
    pages: dict[str, PageState] = {}
    refs = (_references(base), _references(head))
    for change in changes:
        for record, rid, version, named in (
            (change.old, change.old_id, base, refs[0]),
            (change.new, change.new_id, head, refs[1]),
        ):
            if record is not None and rid is not None:  # a record's id is set with it
                for page, why in _pages_of(change, record, rid, version, named):
                    state, before = pages.get(page, ("changed", why))
                    pages[page] = (state, min(before, why, key=WHY_ORDER.index))
        if change.old is None or change.new is None or _status(change.old) != _status(change.new):
            pages[""] = ("changed", "home")  # the key figures on the home page count records and ongoing initiatives
        if change.registry != "emissions" and change.old_id != change.new_id:
            kind = KIND[change.registry]
            if change.new_id:
                pages[route(kind, change.new_id)] = ("new", "own")
            if change.old_id:
                pages[route(kind, change.old_id)] = ("gone", "own")
    return dict(sorted(pages.items()))


def summary(base: Version, head: Version, settings: Settings, preview: str = "", revision: str = "") -> str:
    """The change summary in Markdown: the check's result first, then the changes in Swedish and
    in English. At most LIMIT characters whatever the registries hold: a comment takes 65,536.
    `preview` is the address of the built site's download, where new pages can be seen."""
    changes = compare(base, head)
    pages = changed_pages(base, head, changes)
    check = _check_lines(head.problems)
    unreadable = [
        f"{_t('unreadable', 'sv', file=code(FILES[n]))} *({_t('unreadable', 'en', file=code(FILES[n]))})*"
        for n in head.unreadable
    ]
    about = [f"{_t('revision', 'sv', rev=code(revision))} *({_t('revision', 'en', rev=code(revision))})*", ""]
    parts = [MARKER, "", *(about if revision else []), *(line for u in unreadable for line in (u, "")), *check]
    budget = (LIMIT - len("\n".join(parts))) // len(settings.languages) - 200  # 200: the headings
    for lang in settings.languages:
        parts += _section(
            changes, pages, settings.site_url + settings.prefix(lang), preview, lang, budget, bool(head.unreadable)
        )
    return "\n".join(parts) + "\n"


def _section(
    changes: list[Change],
    pages: dict[str, PageState],
    prefix: str,
    preview: str,
    lang: str,
    budget: int,
    unreadable: bool = False,
) -> list[str]:
    lines = ["", f"## {_t('heading', lang)}", ""]
    listed = _capped([f"- {change_line(c, lang)}" for c in changes], lang, budget * 2 // 3)
    lines += listed or [_t("none_readable" if unreadable else "none", lang)]
    lines += ["", f"### {_t('pages', lang)}", ""]
    if unreadable:
        lines.append(_t("pages_unreadable", lang))
    else:
        lines += _page_lines(pages, prefix, preview, lang, budget - sum(len(line) + 1 for line in listed))
    return lines


def _page_lines(pages: dict[str, PageState], prefix: str, preview: str, lang: str, budget: int) -> list[str]:
    """The pages grouped by why they change; changed pages link to the published site, new pages
    (which it does not have yet) and removed ones are named by their address."""
    if not pages:
        return [_t("no_pages", lang)]
    lines = []
    for why in WHY_ORDER:
        items = []
        for page, (state, reason) in pages.items():
            if reason != why:
                continue
            path = code("/" + _path(prefix + page))
            items.append(f"[{path}]({_href(prefix + page)})" if state == "changed" else f"{path} ({_t(state, lang)})")
        if items:
            lines.append(f"- **{_t(why, lang)}** ({len(items)}): {_joined(items, lang, budget // 4)}")
    if any(state == "new" for state, _ in pages.values()):
        lines += ["", _t("in_preview", lang, url=preview) if preview else _t("after_merge", lang)]
    return lines


def _path(address: str) -> str:
    """The part of an address after the host: 'https://x.org/site/en/parter/' -> 'site/en/parter/'."""
    return cap(address.split("://", 1)[-1].partition("/")[2], NAME)


def _href(address: str) -> str:
    """An address as a Markdown link's destination: a record id from the pull request is percent-encoded."""
    scheme, _, rest = address.partition("://")
    return f"{scheme}://{quote(rest, safe='/')}"


def _joined(items: list[str], lang: str, budget: int) -> str:
    """Items separated by ' · ', as many as `budget` characters hold, then how many more there are."""
    kept: list[str] = []
    for item in items:
        if kept and sum(len(k) + 3 for k in kept) + len(item) > budget:
            break
        kept.append(item)
    rest = len(items) - len(kept)
    return " · ".join(kept) + (" " + _t("and_more", lang, n=rest) if rest else "")


def _capped(lines: list[str], lang: str, budget: int) -> list[str]:
    """At most MAX_LINES lines and `budget` characters; the rest are counted."""
    kept: list[str] = []
    used = 0
    for line in lines[:MAX_LINES]:
        if used + len(line) + 1 > budget:
            break
        kept.append(line)
        used += len(line) + 1
    return kept + ([_t("more", lang, n=len(lines) - len(kept))] if len(kept) < len(lines) else [])


def _check_lines(problems: tuple[Problem, ...]) -> list[str]:
    """The check's result, in both languages; its messages as the check prints them (in English)."""
    if not problems:
        return [f"{_t('check_ok', 'sv')} *({_t('check_ok', 'en')})*"]
    n = len(problems)
    sv = _t("check_failed_one" if n == 1 else "check_failed", "sv", n=n)
    en = _t("check_failed_one" if n == 1 else "check_failed", "en", n=n)
    text = [cap(lines_kept(str(p)), PROBLEM) for p in problems[:PROBLEMS]]
    if n > PROBLEMS:
        text.append(f"… {_t('and_more', 'sv', n=n - PROBLEMS)} ({_t('and_more', 'en', n=n - PROBLEMS)})")
    return [f"{sv} *({en})*", "", fenced("\n".join(text))]
