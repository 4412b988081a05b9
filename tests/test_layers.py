"""The core's imports run one way (hooks/README.md, "The flow"), the core never imports the
engine, and no hook module keeps state at module level: a contract checked on every run."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

CORE = ROOT / "hooks" / "registry"
# Lowest first: a module may import only modules listed before it.
ORDER = [
    "problems",
    "yamltree",
    "words_reader",
    "words",
    "models",
    "markdown_text",
    "formatting",
    "schema",
    "explain",
    "checks",
    "settings",
    "load",
    "template_cache",
    "relations",
    "ontrack",
    "charts",
    "reader",
    "render",
    "external_links",
    "stubs",
    "feed",
    "exports",
    "badges",
    "languages",
    "content",
    "changes",
    "pagediff",
    "forms",
]
ENGINES = ("mkdocs", "material", "mkdocs_static_i18n", "properdocs")


def imports(path: Path) -> set[str]:
    """The modules of the package that `path` imports, wherever in the file ('from .x import' and
    'from . import x')."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found |= {node.module} if node.module else {alias.name for alias in node.names}
    return found


def top_level(path: Path) -> set[str]:
    """Every top-level package a module imports."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_every_core_module_has_its_place_in_the_flow():
    modules = {p.stem for p in CORE.glob("*.py")} - {"__init__"}
    assert modules == set(ORDER), "add the new module to ORDER here and to hooks/README.md's flow"


@pytest.mark.parametrize("module", ORDER)
def test_imports_run_one_way(module):
    allowed = set(ORDER[: ORDER.index(module)])
    upward = imports(CORE / f"{module}.py") - allowed
    assert not upward, f"registry/{module}.py imports {sorted(upward)}, which come after it in the flow"


@pytest.mark.parametrize("module", ORDER)
def test_the_core_does_not_import_the_engine(module):
    assert not top_level(CORE / f"{module}.py") & set(ENGINES)


MUTABLE = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)


@pytest.mark.parametrize(
    "path", sorted([*CORE.glob("*.py"), *(ROOT / "hooks").glob("*.py")]), ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_no_module_level_state(path):
    """Constants are fine (UPPER_CASE, never assigned again); a lower-case name bound to a dict,
    list or set at module level is state that `mkdocs serve` would carry between rebuilds."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    state = [
        target.id
        for node in tree.body
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
        and not target.id.isupper()
        and target.id != "__all__"
        and isinstance(node.value, MUTABLE)
    ]
    assert not state, f"module-level state: {state}"
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.Global)], "a function rebinds a module-level name"
