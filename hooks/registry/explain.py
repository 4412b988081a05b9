"""Turn a validation error from the models into a message an editor can act on."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from datetime import date

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from .formatting import iso_date, slug
from .models import UNION_TAGS, VOCABULARIES, pattern_name

LANGUAGES = {"sv": "Swedish", "en": "English"}
YAML_BOOLEANS = "yes, no, on, off, true and false"


def did_you_mean(word: object, choices: Iterable[object]) -> str:
    close = difflib.get_close_matches(str(word), [c for c in choices if isinstance(c, str)], n=3, cutoff=0.6)
    return " or ".join(f"'{c}'" for c in close)


def _shown(value: object) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return "yes/no (true/false)"
    if isinstance(value, (dict, list)):
        return "a group of fields" if isinstance(value, dict) else "a list"
    return f"'{value}'"


def _text_expected(value: object) -> str:
    if value is None:
        return "this field is empty — write the text after the colon, or remove the line if the field is optional"
    if isinstance(value, bool):
        return (
            "YAML reads a bare " + YAML_BOOLEANS + ' as a yes/no value, not as text — put the text in quotes, e.g. "no"'
        )
    if isinstance(value, (int, float)):
        return f'a number where text is expected — put it in quotes: "{value}"'
    if isinstance(value, date):
        return f'a date where text is expected — put it in quotes: "{value.isoformat()}"'
    if isinstance(value, list):
        return "a list where a text is expected — write one text, without '- '"
    if isinstance(value, dict):
        return "a group of fields where a text is expected — write one text on the same line"
    return "expected a text"


def explain(error: ErrorDetails, model: type[BaseModel] | None = None, record: object = None) -> str:
    """`error` is one item of pydantic's `ValidationError.errors()`; `record` is what `model`
    validated, as read, to tell a known field at the wrong level from an unknown one."""
    kind, value = error["type"], error.get("input")
    loc = tuple(part for part in error["loc"] if part not in UNION_TAGS)
    last = loc[-1] if loc else ""
    if kind == "missing":
        outer = _value_along(record, loc[:-2])
        if last in LANGUAGES and len(loc) >= 2 and isinstance(outer, dict) and last in outer:
            return f"`{last}:` is not indented under `{loc[-2]}:` — indent it like the other language's line"
        if last in LANGUAGES:
            return f"the {LANGUAGES[last]} text is missing — add `{last}: …` beside the other language"
        return f"this required field is missing — add the line `{last}:` with its value to the record"
    if kind == "extra_forbidden":
        home = _belongs_under(_model_along(model, loc[:-1]), str(last), _value_along(record, loc[:-1]))
        if home:
            return f"`{last}:` belongs under `{home}:` — indent it two spaces more than `{home}:`, on a line below it"
        known = _known_fields(model, loc)
        hint = did_you_mean(last, known)
        if hint:
            return f"unknown field '{last}' — did you mean {hint}?"
        return f"unknown field '{last}' — remove it; the fields here are: {', '.join(known)}"
    if kind == "literal_error":
        allowed = [a.strip(" '") for a in error["ctx"]["expected"].replace(" or ", ", ").split(", ")]
        hint = _by_label(value, allowed) or did_you_mean(value, allowed)
        if hint:
            return f"{_shown(value)} is not an allowed value — did you mean {hint}? (allowed: {', '.join(allowed)})"
        return f"{_shown(value)} is not an allowed value — use one of: {', '.join(allowed)}"
    if kind == "string_type":
        return _text_expected(value)
    if kind == "string_too_long":  # only ids have a greatest length
        limit = error["ctx"]["max_length"]
        return f"the id is {len(str(value))} characters long, more than {limit} — shorten it, e.g. to its first words"
    if kind in ("string_too_short",):
        return "this text is empty — write the text, or remove the field if it is optional"
    if kind == "string_pattern_mismatch":
        return _pattern_message(pattern_name(error["ctx"]["pattern"]), value)
    if kind.startswith("date") or kind == "datetime_type":
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) and _is_date(value):
            return f"the date '{value}' is in quotes, so YAML reads it as text — remove the quotes"
        better = iso_date(value) if isinstance(value, str) else None
        if better and better.count("-") == 2:
            return f"'{value}' is not written as a date here — write {better}"
        return f"{_shown(value)} is not a date — write it as YYYY-MM-DD, e.g. 2022-04-11"
    if kind in ("model_type", "dict_type") and value is None:
        parent = _value_along(record, loc[:-1])
        inner = _model_of(_annotation_along(model, loc))
        strays = [k for k in (parent if isinstance(parent, dict) else {}) if inner and k in inner.model_fields]
        if strays:
            lines = " and ".join(f"`{k}:`" for k in strays)
            return f"{lines} are not indented under `{last}:` — indent them two spaces more than `{last}:`"
    if kind == "model_type" or kind == "dict_type":
        if isinstance(value, str):
            return (
                "a single text where texts in both languages are expected"
                " — write `sv: …` and `en: …` on indented lines below"
            )
        return f"expected a group of fields, found {_shown(value)} — check the indentation"
    if kind == "list_type":
        example = f"[{value}]" if isinstance(value, str) else "[first, second]"
        return (
            f"expected a list, found {_shown(value)} — write the items in brackets, e.g. {example},"
            " or each on its own line starting with '- '"
        )
    if kind == "too_short":
        return "the list is empty — give at least one item"
    if kind in ("int_type", "int_parsing", "float_type", "float_parsing", "int_from_float", "finite_number"):
        return f"expected a number, found {_shown(value)} — write digits only, e.g. 23"
    if kind in ("greater_than", "greater_than_equal", "less_than_equal"):
        return f"{value} is out of range — {error['msg'].lower()}"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    return error["msg"]


def _by_label(value: object, allowed: list[str]) -> str:
    """Editors often write the Swedish (or English) label: 'Genomförd' -> 'completed' (Genomförd)."""
    for vocabulary in VOCABULARIES.values():
        if set(allowed) == set(vocabulary):
            for key, labels in vocabulary.items():
                if str(value).strip().lower() in (labels[0].lower(), labels[1].lower()):
                    return f"'{key}' ({labels[0]})"
    return ""


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
        return True
    except ValueError:
        return False


def _pattern_message(name: str, value: object) -> str:
    if name == "id":
        better = slug(str(value))
        if better and better != value:
            return (
                f"'{value}' is not a valid id — write {better} (lowercase a–z, digits and hyphens; å, ä, ö as a, a, o)"
            )
        return (
            f"'{value}' is not a valid id — use lowercase a–z, digits and hyphens,"
            " e.g. borlange-energi (write å, ä, ö as a, a, o)"
        )
    if name == "url" and re.fullmatch(r"(www\.)?[\w-]+(\.[\w-]+)+(/\S*)?", str(value)):
        return f"'{value}' is not a web address this site links to — write it in full: https://{value}"
    if name == "url" and "@" in str(value).split("://", 1)[-1].split("/", 1)[0]:
        host = str(value).split("://", 1)[-1].split("/", 1)[0].rsplit("@", 1)[-1]
        return (
            f"'{value}' leads to {host}: what stands before '@' is a user name, not the site"
            " — write the address of the page itself, with nothing before the host but https://"
        )
    if name == "url":
        return (
            f"'{value}' is not a web address this site links to"
            " — write it in full, starting with https://, http:// or mailto:"
        )
    if name == "partial-date":
        written = iso_date(str(value))
        if written:
            return f"'{value}' is not written as a date here — write {written}"
        return f"'{value}' is not a date — write YYYY-MM-DD, or YYYY-MM or YYYY when only that is known"
    return f"'{value}' has the wrong form"


def _known_fields(model: type[BaseModel] | None, loc: tuple[int | str, ...]) -> list[str]:
    """The field names allowed where the unknown field stands."""
    current = _model_along(model, loc[:-1])
    return list(current.model_fields) if current else []


def _model_along(model: type[BaseModel] | None, loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model of the mapping at `loc` below `model`: the record's own, or a nested one."""
    current = model
    for part in loc:
        if current is None or isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        current = _model_of(field.annotation) if field else None
    return current


def _annotation_along(model: type[BaseModel] | None, loc: tuple[int | str, ...]) -> object:
    parent = _model_along(model, loc[:-1])
    field = parent.model_fields.get(str(loc[-1])) if parent and loc else None
    return field.annotation if field else None


def _value_along(value: object, loc: tuple[int | str, ...]) -> object:
    for part in loc:
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and isinstance(part, int) and part < len(value):
            value = value[part]
        else:
            return None
    return value


def _belongs_under(model: type[BaseModel] | None, name: str, here: object) -> str:
    """The field of `model` whose own fields include `name` (`sv` under `description`), preferring
    one that is empty where the stray field stands; '' when `name` belongs to none."""
    if model is None or not isinstance(here, dict):
        return ""
    homes = [
        field
        for field, info in model.model_fields.items()
        if (inner := _model_of(info.annotation)) is not None and name in inner.model_fields
    ]
    lacking = [h for h in homes if isinstance(here.get(h), dict) and name not in here[h]]  # `en:` of a lone `sv:`
    empty = [h for h in homes if h in here and not here[h]]  # `description:` with nothing under it
    return (lacking or empty or homes or [""])[0]


def _model_of(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_of(arg)
        if found:
            return found
    return None
