"""The site can move from MkDocs to ProperDocs, the maintained fork of MkDocs 1.6: each engine
builds the real site (strict, both languages) once, and a reader gets the same pages with the
same text and links, the same search, feeds and data files, and an editor the same message for a
registry mistake. ProperDocs runs our hooks, Material and mkdocs-static-i18n unchanged: it maps
every `mkdocs.*` import to its own modules, so it can sit next to mkdocs in .venv."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import MINIMAL, ROOT, copy_project

ENGINES = ("mkdocs", "properdocs")


def engine_build(engine: str, project: Path, site: Path) -> subprocess.CompletedProcess:
    """`<engine> build --strict`, without --quiet: with it, both engines drop warnings before
    strict mode counts them, and a build with warnings passes (mkdocs/mkdocs#4126)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1780000000"}  # same sitemap dates
    return subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    built = {}
    for engine in ENGINES:
        site = tmp_path_factory.mktemp(engine) / "site"
        result = engine_build(engine, ROOT, site)
        assert result.returncode == 0, f"{engine} failed:\n{result.stderr}"
        warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
        assert not warnings, f"{engine} warned:\n" + "\n".join(warnings)
        built[engine] = site
    return built


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def reading(html: str) -> tuple:
    """What a reader gets from a page: its language, title, visible text and where its links go."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    main = soup.find("main")
    return (
        soup.html.get("lang"),
        soup.title.get_text(strip=True),
        " ".join(main.get_text(" ").split()),
        " ".join(soup.body.get_text(" ").split()),
        sorted(a.get("href", "") for a in soup.find_all("a")),
    )


def test_both_engines_make_the_same_pages_in_both_languages(sites):
    made = {engine: files(site) for engine, site in sites.items()}
    assert made["mkdocs"] == made["properdocs"], {e: sorted(made[e] - made[o]) for e, o in (ENGINES, ENGINES[::-1])}
    pages = {path for path in made["mkdocs"] if path.endswith(".html")}
    assert {"index.html", "en/index.html", "parter/index.html", "en/parter/index.html"} <= pages
    english = {path for path in pages if path.startswith("en/")}
    assert {f"en/{path}" for path in pages - english} == english  # every page in both languages


def test_every_page_reads_the_same_under_both_engines(sites):
    pages = sorted(path for path in files(sites["mkdocs"]) if path.endswith(".html"))
    differ = []
    for path in pages:
        html = {engine: (site / path).read_text(encoding="utf-8") for engine, site in sites.items()}
        if html["mkdocs"] != html["properdocs"] and reading(html["mkdocs"]) != reading(html["properdocs"]):
            differ.append(path)  # the same bytes read the same: only pages that differ are read
    assert not differ, f"{len(differ)} of {len(pages)} pages read differently, e.g. {differ[:5]}"
    assert reading((sites["properdocs"] / "en/parter/index.html").read_text(encoding="utf-8"))[0] == "en"


def test_search_feeds_data_and_sitemaps_are_the_same_bytes(sites):
    other = sorted(path for path in files(sites["mkdocs"]) if not path.endswith(".html"))
    assert {"search/search_index.json", "en/search/search_index.json", "feed.xml", "sitemap.xml"} <= set(other)
    differ = [
        path for path in other if (sites["mkdocs"] / path).read_bytes() != (sites["properdocs"] / path).read_bytes()
    ]
    assert not differ, f"these files differ between the engines: {differ}"


def test_an_editors_mistake_stops_both_engines_with_the_same_message(tmp_path):
    project = copy_project(tmp_path / "project", registries=MINIMAL)
    partners = project / "partners.yaml"
    partners.write_text(partners.read_text(encoding="utf-8").replace("    website:", "    webbsite:"), encoding="utf-8")
    results = {engine: engine_build(engine, project, tmp_path / engine) for engine in ENGINES}
    for engine, result in results.items():
        assert result.returncode == 1, engine
        assert "Traceback" not in result.stdout + result.stderr, engine
        assert (
            "partners.yaml:6:5: record borlange-kommun, field webbsite: unknown field 'webbsite'"
            " — did you mean 'website'?"
        ) in result.stdout, engine
    assert results["mkdocs"].stdout == results["properdocs"].stdout
