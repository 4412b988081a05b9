"""What a change to the registries does, in words: the records added, removed or changed (field
by field), the pages of the site that change, and the check's result. Compares two versions of
the registries, each a folder holding the four YAML files (hooks/changes.py fills them from git).

The records are compared as the editors wrote them (the YAML trees), so that a version with a
mistake in it can still be described; the check's result comes from the loader."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .formatting import route
from .load import FILES, load_registries
from .models import REGISTRIES, VOCABULARIES, in_language, label
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
    "renamed": ("id {old} → {new}: sidans adress ändras", "id {old} → {new}: the page's address changes"),
    "field_removed": ("{field} borttagen", "{field} removed"),
    "changed": ("{field} ändrad", "{field} changed"),
    "pages": ("Sidor som ändras", "Pages that change"),
    "more": ("- … och {n} till", "- … and {n} more"),
    "no_pages": ("Inga sidor ändras.", "No pages change."),
    "new_page": ("ny sida", "new page"),
    "gone_page": ("sidan tas bort", "page removed"),
    "check_ok": ("**Kontrollen:** inga fel.", "**The check:** no mistakes."),
    "check_failed": (
        "**Kontrollen hittade {n} fel** – rätta dem, annars kan ändringen inte publiceras:",
        "**The check found {n} mistake{s}** — fix them, or the change cannot be published:",
    ),
}
Record = dict[str, Any]  # a record as the editor wrote it: YAML values, not checked by the models
FieldPath = tuple[str, ...]  # ("effect", "value"): a field's keys from the record's top
MAX_LINES = 100  # records or pages listed; the rest are counted
SHORT = 60  # longer texts are said to have changed, not quoted: the page diff shows them


@dataclass(frozen=True)
class Version:
    """One version of the registries: {registry: {record id: record as written}}, and the check's result."""

    records: dict[str, dict[str, Record]]
    problems: tuple[Problem, ...]


def read_version(root: Path) -> Version:
    records = {name: _records(root / file, name) for name, file in FILES.items()}
    try:
        load_registries(root)
        problems: tuple[Problem, ...] = ()
    except RegistryError as err:
        problems = tuple(err.problems)
    return Version(records, problems)


def _records(path: Path, name: str) -> dict[str, Record]:
    try:
        value = read_tree(path.read_bytes(), path.name).value
    except (OSError, YamlProblem):
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
    return text[0].lower() + text[1:] if text[:2] != text[:2].upper() else text


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
    changes = []
    for name in FILES:
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
    """'Insats *Biogas vid Fågelmyra*: status Pågår → Genomförd; status enligt källa 2026-05-02'."""
    rid = change.new_id or change.old_id
    kind = "emissions" if rid == "*" else KIND[change.registry]
    name = record_name(kind, change.new or change.old or {}, lang) if kind != "emissions" else None  # one is set
    head = NOUN[kind][lang == "en"] + (f" {name}" if kind == "year" else f" *{md_escape(name)}*" if name else "")
    if change.new is None or change.old is None:
        state = ("läggs till", "added") if change.old is None else ("tas bort", "removed")
        return f"{head}{'' if kind == 'year' else f' ({code(rid)})'} {state[lang == 'en']}"
    said = [md_escape(s) for s in field_changes(change.old, change.new, lang)]
    if change.old_id != change.new_id:
        said.insert(0, _t("renamed", lang, old=code(change.old_id), new=code(change.new_id)))
    return f"{head}: " + "; ".join(said)


def code(text: object) -> str:
    return "`" + str(text).replace("`", "'") + "`"


def md_escape(text: str) -> str:
    """Text from the registries inside Markdown: shown as written, never as markup or HTML."""
    for char in "\\`*_[]<>|":
        text = text.replace(char, "\\" + char)
    return text


def _refs(version: Version, partner: str) -> list[str]:
    """The pages of the initiatives and contract events that name a partner."""
    pages = [
        route("initiative", i)
        for i, r in version.records["initiatives"].items()
        if partner == r.get("lead") or partner in (r.get("partners") or [])
    ]
    return pages + [
        route("contract", c) for c, r in version.records["contracts"].items() if partner in (r.get("signatories") or [])
    ]


def _pages_of(change: Change, record: Record, rid: str, version: Version) -> list[str]:
    """The pages that show a record: its own, the section's, and those of records it names."""
    kind = KIND[change.registry]
    if kind == "year" or rid == "*":
        return ["", "klimatneutralt/"]
    own = [route(kind, rid)]
    if kind == "partner":
        return own + ["parter/"] + _refs(version, rid)
    if kind == "contract":
        named = [("partner", p) for p in record.get("signatories") or []]
        return own + ["klimatkontraktet/"] + _existing(named, version)
    named = [
        ("category", record.get("category")),
        ("status", record.get("status")),
        ("partner", record.get("lead")),
        *(("partner", p) for p in record.get("partners") or []),
    ]
    return own + ["insatser/"] + _existing(named, version)


def _existing(named: list[tuple[str, object]], version: Version) -> list[str]:
    """The routes of the named partners, areas and statuses that have a page in `version`."""
    known: dict[str, Mapping[str, object]] = {"partner": version.records["partners"], **VOCABULARIES}
    return [route(kind, value) for kind, value in named if isinstance(value, str) and value in known[kind]]


def _status(record: Record | None) -> object:
    return (record or {}).get("status")


def changed_pages(base: Version, head: Version, changes: list[Change]) -> dict[str, str]:
    """{route: 'new' | 'gone' | 'changed'} for every page the changes touch, in both versions."""
    pages: dict[str, str] = {}
    for change in changes:
        for record, rid, version in ((change.old, change.old_id, base), (change.new, change.new_id, head)):
            if record is not None and rid is not None:  # a record's id is set with it
                for page in _pages_of(change, record, rid, version):
                    pages.setdefault(page, "changed")
        if change.old is None or change.new is None or _status(change.old) != _status(change.new):
            pages[""] = "changed"  # the key figures on the home page count records and ongoing initiatives
        if change.registry != "emissions" and change.old_id != change.new_id:
            kind = KIND[change.registry]
            if change.new_id:
                pages[route(kind, change.new_id)] = "new"
            if change.old_id:
                pages[route(kind, change.old_id)] = "gone"
    return dict(sorted(pages.items()))


def summary(base: Version, head: Version, settings: Settings) -> str:
    """The change summary in Markdown: Swedish, then English."""
    changes = compare(base, head)
    pages = changed_pages(base, head, changes)
    parts = [MARKER]
    for lang in settings.languages:
        parts += _section(changes, pages, head.problems, settings.site_url + settings.prefix(lang), lang)
    return "\n".join(parts) + "\n"


def _section(
    changes: list[Change], pages: dict[str, str], problems: tuple[Problem, ...], prefix: str, lang: str
) -> list[str]:
    lines = ["", f"## {_t('heading', lang)}", ""]
    lines += _capped([f"- {change_line(c, lang)}" for c in changes], lang) or [_t("none", lang)]
    lines += ["", f"### {_t('pages', lang)}", ""]
    notes = {"new": f" ({_t('new_page', lang)})", "gone": f" ({_t('gone_page', lang)})", "changed": ""}
    lines += _capped([f"- {prefix}{page}{notes[state]}" for page, state in pages.items()], lang) or [
        _t("no_pages", lang)
    ]
    lines += ["", *_check_lines(problems, lang)]
    return lines


def _capped(lines: list[str], lang: str) -> list[str]:
    """At most MAX_LINES lines: a pull request comment has room for some 65,000 characters."""
    if len(lines) <= MAX_LINES:
        return lines
    return lines[:MAX_LINES] + [_t("more", lang, n=len(lines) - MAX_LINES)]


def _check_lines(problems: tuple[Problem, ...], lang: str) -> list[str]:
    if not problems:
        return [_t("check_ok", lang)]
    head = _t("check_failed", lang, n=len(problems), s="s" if len(problems) != 1 else "")
    text = [str(p) for p in problems]
    fence = "`" * max(3, 1 + max(len(run) for line in text for run in re.findall("`+", line) or [""]))
    return [head, "", fence + "text", *text, fence]
