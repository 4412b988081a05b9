"""The code passes ruff (lint and format) and the core (hooks/registry/) passes mypy in strict
mode, with the configuration in pyproject.toml."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from conftest import ROOT


def mypy(project: Path) -> subprocess.CompletedProcess[str]:
    """mypy as CI and editors run it: from the project's root, with its pyproject.toml."""
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "pyproject.toml", "--cache-dir", str(project / ".mypy_cache")],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )


def checked_files() -> list[str]:
    """The core's modules that the configuration checks: all but those its `exclude` leaves out."""
    exclude = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"].get("exclude", [])
    patterns = [exclude] if isinstance(exclude, str) else exclude  # TOML allows one pattern or a list
    files = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "hooks" / "registry").glob("*.py"))
    return [f for f in files if not any(re.search(pattern, f) for pattern in patterns)]


def test_the_core_passes_mypy_strict():
    result = mypy(ROOT)
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"mypy found type errors in hooks/registry/:\n{output}"
    assert f"Success: no issues found in {len(checked_files())} source files" in output, output


def test_mypy_reports_a_wrong_type_in_the_core(tmp_path):
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copytree(
        ROOT / "hooks" / "registry", tmp_path / "hooks" / "registry", ignore=shutil.ignore_patterns("__pycache__")
    )
    problems = tmp_path / "hooks" / "registry" / "problems.py"
    with problems.open("a", encoding="utf-8") as file:
        file.write("\n\ndef line_text(problem: Problem) -> str:\n    return problem.line\n")
    result = mypy(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(
        r"hooks/registry/problems\.py:\d+: error: Incompatible return value type "
        r"\(got \"int\", expected \"str\"\)",
        result.stdout,
    ), result.stdout


def ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, "--no-cache", "."], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_the_code_passes_ruff_lint():
    result = ruff("check")
    assert result.returncode == 0, f"ruff check found problems (ruff check --fix . mends most):\n{result.stdout}"


def test_the_code_is_formatted_as_ruff_formats_it():
    result = ruff("format", "--check")
    assert result.returncode == 0, f"run `ruff format .` to format these:\n{result.stdout}"
