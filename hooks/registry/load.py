"""Load the four registries, check each record and the links between them, or say every mistake."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import cast

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from . import checks
from .explain import explain
from .models import (
    REGISTRIES,
    UNION_TAGS,
    ContractEvent,
    ContractsFile,
    Emissions,
    Initiative,
    InitiativesFile,
    Model,
    Partner,
    PartnersFile,
)
from .problems import Problem, RegistryError
from .settings import read_settings
from .yamltree import Tree, YamlProblem, problem_at, read_tree

FILES = {name: f"{name}.yaml" for name in REGISTRIES}
RECORD_MODELS: dict[str, type[Model]] = {"partners": Partner, "initiatives": Initiative, "contracts": ContractEvent}


@dataclass(frozen=True)
class Registries:
    partners: Sequence[Partner]  # the lists the models read, not to be changed
    initiatives: Sequence[Initiative]
    contracts: Sequence[ContractEvent]
    emissions: Emissions
    lines: dict[tuple[str, str], int]  # (registry, record id) -> the line where the record starts

    def partner(self, partner_id: str) -> Partner:
        return self._partners_by_id[partner_id]

    @cached_property  # works on a frozen dataclass: it writes to the instance's __dict__ directly
    def _partners_by_id(self) -> dict[str, Partner]:
        return {p.id: p for p in self.partners}


def _loc(error: ErrorDetails) -> tuple[int | str, ...]:
    """The error's place in the file: pydantic's names for the forms of a source are not fields."""
    return tuple(part for part in error["loc"] if part not in UNION_TAGS)


def _validate(name: str, tree: Tree, file: str) -> tuple[Model | None, list[Problem]]:
    """Check the file's shape, then each record on its own, so one bad record hides no other."""
    model, key = REGISTRIES[name]
    record_model = RECORD_MODELS.get(name)
    problems: list[Problem] = []
    value = tree.value
    if record_model is None or not isinstance(value, dict) or not isinstance(value.get(key), list):
        try:
            return model.model_validate(value), []
        except ValidationError as err:
            return None, [
                problem_at(file, tree, key, _loc(e), explain(e, model, value)) for e in err.errors(include_url=False)
            ]
    for extra in sorted(set(value) - {key}):
        problems.append(
            problem_at(file, tree, key, (extra,), f"unknown top-level field '{extra}' — the file holds only '{key}:'")
        )
    records: list[Model] = []
    for i, raw in enumerate(value[key]):
        try:
            records.append(record_model.model_validate(raw))
        except ValidationError as err:
            problems += [
                problem_at(file, tree, key, (key, i, *_loc(e)), explain(e, record_model, raw))
                for e in err.errors(include_url=False)
            ]
    return model.model_construct(None, **{key: records}), problems  # None: the default _fields_set


def load_registries(root: Path | str) -> Registries:
    """Read and check the registries in `root`, and the cited addresses on the site's own host
    against the hand-written pages in `root`/docs (mkdocs.yml's site_url, or SITE_URL).

    Not cached: an adapter reads them once per build (hooks/site.py), and reading all four
    takes a few hundredths of a second.
    """
    root = Path(root)
    paths = {name: root / file for name, file in FILES.items()}
    return _load(paths, _site_url(root), root / "docs")


def _site_url(root: Path) -> str | None:
    """Where the site is published: mkdocs.yml's site_url (as MkDocs reads it, with SITE_URL), or
    without a mkdocs.yml (registries alone, as in the tests) the SITE_URL variable."""
    config = root / "mkdocs.yml"
    if config.is_file():
        return read_settings(config).site_url or None
    return os.environ.get("SITE_URL") or None


def status_warnings(root: Path | str, today: date, review_months: int) -> list[Problem]:
    """Statuses said in the present tense on an old or undated source (warnings: the build goes on)."""
    trees = {"initiatives": read_tree((Path(root) / FILES["initiatives"]).read_bytes(), FILES["initiatives"])}
    return sorted(checks.status_warnings(trees, today, review_months))


def script_warnings(root: Path | str) -> list[Problem]:
    """Partner names that mix alphabets (warnings: the build goes on)."""
    path = Path(root) / FILES["partners"]
    try:
        trees = {"partners": read_tree(path.read_bytes(), FILES["partners"])}
    except (OSError, YamlProblem):
        return []
    return sorted(checks.script_warnings(trees))


def _load(paths: dict[str, Path], site_url: str | None = None, docs: Path | None = None) -> Registries:
    problems: list[Problem] = []
    trees: dict[str, Tree] = {}
    models: dict[str, Model | None] = {}
    for name, path in paths.items():
        file = path.name
        try:
            trees[name] = read_tree(path.read_bytes(), file)
        except FileNotFoundError:
            problems.append(Problem(file, 1, 1, None, None, "the file is missing — restore it from the repository"))
            continue
        except YamlProblem as err:
            problems.append(err.problem)
            continue
        key = REGISTRIES[name][1]
        problems += [problem_at(file, trees[name], key, path, message) for path, message in trees[name].duplicates]
        models[name], found = _validate(name, trees[name], file)
        problems += found
    problems += checks.across_records(trees)
    if site_url and docs is not None:
        problems += checks.own_site_links(trees, site_url, docs)
    if problems:
        raise RegistryError(problems)
    # Here every file was read and is valid: each tree is a mapping of records, each model is set.
    lines = {}
    for name, (_, key) in REGISTRIES.items():
        records = cast(dict[str, list[dict[str, object]]], trees[name].value)
        for i, record in enumerate(records.get(key, [])):
            lines[(name, str(record.get("id", record.get("year"))))] = trees[name].place((key, i))[0]
    return Registries(
        cast(PartnersFile, models["partners"]).partners,
        cast(InitiativesFile, models["initiatives"]).initiatives,
        cast(ContractsFile, models["contracts"]).contracts,
        cast(Emissions, models["emissions"]),
        lines,
    )
