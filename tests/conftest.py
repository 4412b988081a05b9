"""Shared fixtures: the real site built once, and throw-away copies of the project."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from registry.template_cache import FOLDER as CACHE

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
REGISTRY_FILES = ("partners.yaml", "initiatives.yaml", "contracts.yaml", "emissions.yaml")
GENERATED = ("parter", "insatser", "klimatkontraktet")
TEMPLATES = ROOT / "overrides" / "partials" / "registry"


def copy_project(dest: Path, registries: Path = ROOT, compiled: bool = True) -> Path:
    """A copy of the project (config, hooks, templates, hand-written pages) with the given
    registries; with `compiled`, also the repository's compiled templates (.cache/jinja, keyed on
    each template's source and options, so an edited template is compiled again), as in a
    checkout that has been built before: compiling Material's templates is most of a first build."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest)
    for folder in ("hooks", "overrides", "schemas"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=_generated_stubs)
    for name in REGISTRY_FILES:
        shutil.copy(registries / name, dest / name)
    if compiled and (ROOT / CACHE).is_dir():
        shutil.copytree(ROOT / CACHE, dest / CACHE, ignore=shutil.ignore_patterns("*.tmp*", "tmp*"))
    return dest


def _generated_stubs(folder: str, names: list[str]) -> list[str]:
    if Path(folder).name in GENERATED:
        return [n for n in names if n.endswith(".md") and not n.startswith("index.")]
    return []


def build(project: Path, site: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `site`, published at `site_url` (else mkdocs.yml's)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"} | ({"SITE_URL": site_url} if site_url else {})
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def said(result: subprocess.CompletedProcess) -> list[str]:
    """What a build printed for its reader, without MkDocs' progress lines (INFO)."""
    return [line for line in (result.stdout + result.stderr).strip().splitlines() if not line.startswith("INFO ")]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built from the repository's registries in both languages."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session", autouse=True)
def compiled_templates(site) -> Path:
    """The repository's compiled templates (.cache/jinja), made by the build of `site` before any
    test copies the project: on a fresh clone too, no copy compiles Material's templates again."""
    return ROOT / CACHE


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """The site built for, and served at, http://127.0.0.1:PORT/site/ (same origin as site_url)."""
    root = tmp_path_factory.mktemp("served")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    base = f"http://127.0.0.1:{server.server_port}/site/"
    result = build(ROOT, root / "site", site_url=base)
    assert result.returncode == 0, result.stdout + result.stderr
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (one instance for the whole run)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield b
        b.close()


FRAMES = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


class Traffic(list):
    """Every address a page asked for, failed requests and error responses marked; and the
    requests still on their way."""

    def __init__(self, page):
        super().__init__()
        self.page, self.in_flight = page, set()
        self.handlers = {
            "request": self.sent,
            "requestfinished": lambda r: self.in_flight.discard(r),
            "requestfailed": self.failed,
            "response": lambda r: self.append(f"{r.status}: {r.url}") if r.status >= 400 else None,
        }
        for event, handler in self.handlers.items():
            page.on(event, handler)

    def sent(self, request) -> None:
        self.append(request.url)
        self.in_flight.add(request)

    def failed(self, request) -> None:
        self.append(f"failed: {request.url}")
        self.in_flight.discard(request)

    def stop(self) -> None:
        for event, handler in self.handlers.items():
            self.page.remove_listener(event, handler)

    def settle(self) -> None:
        """Wait until the page has loaded, its scripts have had two frames and nothing it asked
        for is on its way: what Playwright's "networkidle" waits for, without its fixed half
        second of quiet (on every page of the site, nothing more was asked for afterwards)."""
        self.page.wait_for_load_state("load")
        self.page.evaluate(FRAMES)
        while self.in_flight:
            self.page.evaluate(FRAMES)


class Tabs:
    """Browser tabs kept open for the whole run, one per kind of reader (screen width, colour
    scheme): a new browser context and tab cost about 0.4 s, a page in an open tab 0.15 s. Each
    test gets its tab as a first visit finds it: no cookies, no stored data, no cache."""

    def __init__(self, browser):
        self.browser, self.open, self.traffic = browser, {}, {}

    def get(self, width: int, **options):
        key = (width, *sorted(options.items()))
        if key not in self.open:
            context = self.browser.new_context(viewport={"width": width, "height": 900}, **options)
            page = context.new_page()
            context.new_cdp_session(page).send("Network.setCacheDisabled", {"cacheDisabled": True})
            self.open[key] = context, page
        context, page = self.open[key]
        if key in self.traffic:
            self.traffic[key].stop()
            if page.url.startswith("http") and options.get("java_script_enabled", True):
                page.evaluate("localStorage.clear(); sessionStorage.clear()")  # none is kept without scripts
            page.goto("about:blank")  # leave the site: what the last test left running stops
        context.clear_cookies()
        context.clear_permissions()
        page.mouse.move(0, 0)
        self.traffic[key] = Traffic(page)
        return context, page, self.traffic[key]

    def close(self) -> None:
        for context, _ in self.open.values():
            context.close()


@pytest.fixture(scope="session")
def tabs(browser):
    pool = Tabs(browser)
    yield pool
    pool.close()


def page(site: Path, route: str, lang: str = "sv") -> BeautifulSoup:
    """The built page at `route` ('parter/ssab/') in `lang`, to look at (tests share it: the
    same file read again gives the same object, so change nothing in it)."""
    prefix = "" if lang == "sv" else "en/"
    path = site / prefix / route / "index.html"
    assert path.exists(), f"no page {prefix}{route}"
    return _parsed(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=512)
def _parsed(path: Path, modified: int) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pytest_collection_modifyitems(items):
    """Tests that drive Chromium are marked `browser`: `./scripts/test -m "not browser"` is the quick run."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


def pytest_sessionfinish(session, exitstatus):
    """A skipped test is not a passed test: fail the run if anything was skipped."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and reporter.stats.get("skipped") and exitstatus == 0:
        session.exitstatus = 1


def convert_form(project: Path, replace: dict[str, str], today: str = "2026-11-30") -> tuple[int, str]:
    """hooks/issue_form.py on the good "Ny insats" body (tests/fixtures/issue-forms) led by a
    partner of the minimal registries, with some answers replaced: (exit code, what it printed)."""
    body = (ROOT / "tests" / "fixtures" / "issue-forms" / "new-initiative.md").read_text(encoding="utf-8")
    body = body.replace("\nsolgarden-exempel-ab\n", "\nborlange-energi\n")
    for old, new in replace.items():
        assert old in body, old
        body = body.replace(old, new, 1)
    path = project / "issue.md"
    path.write_text(body, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "hooks" / "issue_form.py"), str(path), "--root", str(project), "--today", today],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stderr == ""  # never a traceback
    return result.returncode, result.stdout
