"""JSON Schema files for the registries, generated from the models (schemas/*.schema.json).

Editors' YAML support (e.g. VS Code with the YAML extension) reads them through the first
line of each registry file, completes field names and describes every allowed value.
"""

from __future__ import annotations

import json
from pathlib import Path

from .models import REGISTRIES, VOCABULARIES

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


def schema_for(name: str) -> dict[str, object]:
    model, _ = REGISTRIES[name]
    schema = model.model_json_schema()
    _describe_enums(schema)
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
