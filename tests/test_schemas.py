"""The JSON Schema files editors' tools read are generated from the models and current."""

from __future__ import annotations

import json

from conftest import ROOT
from registry.models import REGISTRIES
from registry.schema import schema_texts


def test_committed_schemas_equal_the_models():
    stale = [
        file for file, text in schema_texts().items() if (ROOT / "schemas" / file).read_text(encoding="utf-8") != text
    ]
    assert stale == [], "run: .venv/bin/python hooks/check.py --write-schemas"


def test_each_registry_names_its_schema_on_its_first_line():
    for name in REGISTRIES:
        first = (ROOT / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=schemas/{name}.schema.json"


def test_every_allowed_value_is_described_in_swedish_and_english():
    schema = json.loads((ROOT / "schemas" / "initiatives.schema.json").read_text(encoding="utf-8"))
    status = schema["$defs"]["Initiative"]["properties"]["status"]
    assert status["enum"] == ["planned", "ongoing", "completed", "paused"]
    assert status["enumDescriptions"] == [
        "Planerad / Planned",
        "Pågår / Ongoing",
        "Genomförd / Completed",
        "Pausad / Paused",
    ]


def _nodes(node):
    if isinstance(node, dict):
        yield node
        for child in node.values():
            yield from _nodes(child)
    elif isinstance(node, list):
        for child in node:
            yield from _nodes(child)


def test_the_editor_says_in_words_what_a_pattern_or_a_list_of_values_wants():
    """Issue #22: VS Code showed raw regular expressions ('String does not match the pattern of …')."""
    for file in sorted((ROOT / "schemas").glob("*.schema.json")):
        nodes = list(_nodes(json.loads(file.read_text(encoding="utf-8"))))
        patterns = [n for n in nodes if isinstance(n.get("pattern"), str)]
        enums = [n for n in nodes if isinstance(n.get("enum"), list)]
        assert patterns, file.name
        for node in patterns:
            sv, en = node["patternErrorMessage"].split(" / ")
            assert ("Skriv" in sv or "skrivs" in sv) and ("Write" in en or "is lowercase" in en), file.name
        for node in enums:
            assert (
                node["errorMessage"].startswith("Tillåtna värden: ") and " / Allowed values: " in node["errorMessage"]
            )
