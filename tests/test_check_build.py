"""What the editors' check accepts, the strict build of both languages renders; what the build
would refuse, the check refuses first, with a located message. Builds run in this process
(about 0.5 s each) in one copy of the project, given each set of generated registries in turn: its
templates then compile once (the compiled code names each template's file)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from conftest import MINIMAL, REGISTRY_FILES, copy_project
from registry import RegistryError, load_registries
from registry_shapes import registries

MINIMAL_DATA = {name: yaml.safe_load((MINIMAL / name).read_text(encoding="utf-8")) for name in REGISTRY_FILES}


def strict_build(project: Path) -> str | None:
    """None when the strict build of both languages succeeds, else what MkDocs said."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        build(load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(project / "site")))
    except (MkDocsException, SystemExit) as err:
        return str(err)
    if not (project / "site" / "en" / "index.html").exists():
        return "the English site was not built"
    return None


def check_then_build(files: dict[str, dict], project: Path) -> None:
    """Write the registries into the project, run the check; if it says OK, the strict build
    must succeed."""
    for name, data in files.items():
        (project / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        load_registries(project)
    except RegistryError as err:
        for p in err.problems:  # refused: every mistake has its place
            assert p.file in REGISTRY_FILES and p.line >= 1 and p.column >= 1 and p.message, p
        return
    failure = strict_build(project)
    assert failure is None, f"the check said OK but the build failed:\n{failure}"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("check-build") / "project", registries=MINIMAL)


def edited(**changes) -> dict[str, dict]:
    """The minimal registries with some top-level values replaced: edited(contracts=[])."""
    files = copy.deepcopy(MINIMAL_DATA)
    for key, value in changes.items():
        name = "emissions.yaml" if key in files["emissions.yaml"] else f"{key}.yaml"
        files[name][key] = value
    return files


def zero_first_year():
    years = copy.deepcopy(MINIMAL_DATA["emissions.yaml"]["years"])
    years[0] |= {"total": 0, "values": {sector: 0 for sector in years[0]["values"]}}
    return years


EDGES = {
    "no contract events": edited(contracts=[]),
    "no initiatives": edited(initiatives=[]),
    "no contracts and no initiatives": edited(contracts=[], initiatives=[]),
    "first year's total is zero": edited(years=zero_first_year()),
    "one year of emissions": edited(years=MINIMAL_DATA["emissions.yaml"]["years"][-1:]),
    "no population figure": edited(population=[]),
    "a source whose address ends in a year": edited(
        partners=[{**MINIMAL_DATA["partners.yaml"]["partners"][0], "sources": ["https://example.se/nyheter/2022"]}]
        + MINIMAL_DATA["partners.yaml"]["partners"][1:]
    ),
}


@pytest.mark.parametrize("files", EDGES.values(), ids=EDGES.keys())
def test_registries_at_the_edges_that_the_check_accepts_build(files, project):
    check_then_build(files, project)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(files=registries())
def test_whenever_the_check_says_ok_the_strict_build_succeeds(files, project):
    check_then_build(files, project)
