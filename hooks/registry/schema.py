"""JSON Schema files for the registries, generated from the models (schemas/*.schema.json).

Editors' YAML support (e.g. VS Code with the YAML extension) reads them through the first
line of each registry file, completes field names and describes every allowed value.
"""

from __future__ import annotations

import json
from pathlib import Path

from .models import REGISTRIES, VOCABULARIES, pattern_name

TITLES = {
    "partners": "Parter / Partners — Klimatneutrala Borlänge 2030",
    "initiatives": "Insatser / Initiatives — Klimatneutrala Borlänge 2030",
    "contracts": "Klimatkontraktets historia / Contract history — Klimatneutrala Borlänge 2030",
    "emissions": "Utsläpp / Emissions — Klimatneutrala Borlänge 2030",
}


def _describe_enums(node: object) -> None:
    """Give each allowed value its Swedish and English label (shown by the editor)."""
    if isinstance(node, dict):
        values = node.get("enum")
        if values:
            for vocabulary in VOCABULARIES.values():
                if set(values) <= set(vocabulary):
                    labels = [f"{vocabulary[v][0]} / {vocabulary[v][1]}" for v in values]
                    node["enumDescriptions"] = labels
                    node["markdownEnumDescriptions"] = labels
                    node["description"] = "Tillåtna värden / allowed values: " + "; ".join(
                        f"{v} = {label}" for v, label in zip(values, labels, strict=True)
                    )
                    break
        for child in node.values():
            _describe_enums(child)
    elif isinstance(node, list):
        for child in node:
            _describe_enums(child)


# What the editor says when a value does not match its pattern: Swedish, then English (the
# yaml-language-server shows `patternErrorMessage` instead of the regular expression).
PATTERN_MESSAGES = {
    "id": (
        "Ett id skrivs med små bokstäver a–z, siffror och bindestreck, till exempel borlange-energi (å, ä, ö som a, a, o)",
        "An id is lowercase a–z, digits and hyphens, e.g. borlange-energi (å, ä, ö as a, a, o)",
    ),
    "url": (
        "Skriv hela webbadressen, som börjar med https://, utan namn och @ före adressen",
        "Write the whole web address, starting with https://, with no name and @ before the host",
    ),
    "partial-date": (
        "Skriv datumet ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM eller ÅÅÅÅ när bara det är känt, till exempel 2022-04-11",
        "Write the date as YYYY-MM-DD, or YYYY-MM or YYYY when only that is known, e.g. 2022-04-11",
    ),
}


def _error_messages(node: object) -> None:
    """Words instead of regular expressions and lists: `patternErrorMessage` for a pattern and
    `errorMessage` for a list of allowed values, in Swedish and English."""
    if isinstance(node, dict):
        name = pattern_name(node["pattern"]) if isinstance(node.get("pattern"), str) else ""
        if name in PATTERN_MESSAGES:
            node["patternErrorMessage"] = " / ".join(PATTERN_MESSAGES[name])
        if isinstance(node.get("enum"), list):
            allowed = ", ".join(str(v) for v in node["enum"])
            node["errorMessage"] = f"Tillåtna värden: {allowed} / Allowed values: {allowed}"
        for child in node.values():
            _error_messages(child)
    elif isinstance(node, list):
        for child in node:
            _error_messages(child)


def schema_for(name: str) -> dict[str, object]:
    model, _ = REGISTRIES[name]
    schema = model.model_json_schema()
    _describe_enums(schema)
    _error_messages(schema)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": TITLES[name]}


def schema_texts() -> dict[str, str]:
    return {
        f"{name}.schema.json": json.dumps(schema_for(name), ensure_ascii=False, indent=2) + "\n" for name in REGISTRIES
    }


def write_schemas(folder: Path) -> list[str]:
    """Write the schema files that differ from the models; return their names."""
    folder.mkdir(exist_ok=True)
    changed = []
    for file, text in schema_texts().items():
        path = folder / file
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(file)
    return changed
