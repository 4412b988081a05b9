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
