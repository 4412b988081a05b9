"""Hostile and broken input: the loader stops every YAML hazard quickly with its own message,
random input never crashes it, and a site full of script payloads runs none of them."""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL, REGISTRY_FILES, ROOT, TEMPLATES, Quiet, build, copy_project
from registry import RegistryError, load_registries
from registry.content import build_site
from registry.render import SECTION_MARKERS, Renderer
from registry.settings import read_settings
from registry.template_cache import template_cache

CHECK = ROOT / "hooks" / "check.py"
SETTINGS = read_settings(ROOT / "mkdocs.yml")
COMPILED = template_cache(ROOT)  # the build's own cache: each example compiles no template again
HAND_WRITTEN = {
    lang: {
        p.relative_to(ROOT / "docs").as_posix(): p.read_text(encoding="utf-8")
        for p in (ROOT / "docs").rglob(f"*.{lang}.md")
    }
    for lang in SETTINGS.languages
}


def billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join(f"*{prev}" for _ in range(9)) + "]")
    return "\n".join(lines) + "\n"


HAZARDS = [
    (
        "alias bomb",
        billion_laughs(),
        "partners.yaml:1:4: the anchor &a is not allowed — remove it and write values out in full",
    ),
    ("alias", "partners:\n  - *x\n", "partners.yaml:2:5: the alias *x is not allowed — write the value out in full"),
    (
        "deep nesting",
        "partners: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "partners.yaml:1:30: the data is nested more than 20 levels deep — check the indentation",
    ),
    (
        "python tag",
        'partners: !!python/object/apply:os.system ["echo owned"]\n',
        "partners.yaml:1:11: the tag tag:yaml.org,2002:python/object/apply:os.system is not allowed — remove it",
    ),
    (
        "custom tag",
        "partners:\n  - id: !secret x\n",
        "partners.yaml:2:9: the tag !secret is not allowed — remove it and write plain text",
    ),
    (
        "huge file",
        "partners: []\n" + "# " + "x" * 10_000_000 + "\n",
        "partners.yaml:1:1: the file is 10,000,016 bytes, more than the limit of 5,000,000"
        " — split it or remove what does not belong in a registry",
    ),
    (
        "two documents",
        "partners: []\n---\npartners: []\n",
        "partners.yaml:2:1: a second document (---) in one file — keep one document per registry file",
    ),
]


def limited_memory():
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # 1 GiB: a bomb would hit it, not the machine


@pytest.mark.parametrize("name, text, message", HAZARDS, ids=[h[0] for h in HAZARDS])
def test_yaml_hazards_stop_quickly_with_bounded_memory_and_a_clear_message(tmp_path, name, text, message):
    shutil.copytree(MINIMAL, tmp_path / "r")
    (tmp_path / "r" / "partners.yaml").write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(CHECK), "--root", str(tmp_path / "r")],
        capture_output=True,
        text=True,
        timeout=30,
        preexec_fn=limited_memory,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == message


# --- Random input: the only outcomes are a valid model or our own error with a place. ---


def outcome(files: dict[str, bytes]):
    """Load registries made of `files` (name -> content, the rest from the minimal fixture)."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name in REGISTRY_FILES:
            shutil.copy(MINIMAL / name, root / name)
        for name, content in files.items():
            (root / name).write_bytes(content)
        try:
            return load_registries(root)
        except RegistryError as err:
            assert err.problems
            for p in err.problems:
                assert p.file in REGISTRY_FILES and p.line >= 1 and p.column >= 1 and p.message
            return None


def renders(reg) -> None:
    """Every page of an accepted registry renders in both languages (what the build does), and
    so does every marker a hand-written page may hold."""
    for lang in SETTINGS.languages:
        for page in build_site(reg, SETTINGS, lang, HAND_WRITTEN[lang], TEMPLATES, COMPILED).pages.values():
            assert page.html  # made when asked for, as the build asks
    renderer = Renderer(reg, SETTINGS, TEMPLATES, COMPILED)
    for marker in sorted(SECTION_MARKERS):
        for lang in SETTINGS.languages:
            renderer.render_marker(marker, None, "", lang)


scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30) | st.dates()
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=25,
)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(document=documents, file=st.sampled_from(REGISTRY_FILES))
def test_random_documents_give_a_model_or_our_error(document, file):
    reg = outcome({file: yaml.safe_dump(document, allow_unicode=True).encode()})
    if reg is not None:
        renders(reg)


REAL = {name: (ROOT / name).read_text(encoding="utf-8") for name in REGISTRY_FILES}
mutation = st.sampled_from(["delete", "duplicate", "insert", "replace", "indent", "swap"])


@FUZZ
@given(file=st.sampled_from(REGISTRY_FILES), kind=mutation, where=st.integers(0, 10_000), junk=st.text(max_size=8))
def test_mutated_real_registries_give_a_model_or_our_error(file, kind, where, junk):
    lines = REAL[file].splitlines(keepends=True)
    i = where % len(lines)
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "insert":
        lines[i] = lines[i][: where % (len(lines[i]) or 1)] + junk + lines[i][where % (len(lines[i]) or 1) :]
    elif kind == "replace":
        lines[i] = lines[i].split(":")[0] + ": " + junk + "\n" if ":" in lines[i] else junk + "\n"
    elif kind == "indent":
        lines[i] = " " * (where % 5) + lines[i].lstrip(" ")
    else:
        j = (i + 1) % len(lines)
        lines[i], lines[j] = lines[j], lines[i]
    reg = outcome({file: "".join(lines).encode("utf-8", "surrogatepass")})
    if reg is not None:
        renders(reg)


def test_every_hazard_free_real_registry_is_accepted():
    assert outcome({}) is not None


# --- A site built from registries full of payloads shows them as text and runs none. ---

PAYLOAD = (
    "<script>window.__pwned=1;console.log('PWNED')</script><img src=x onerror=\"window.__pwned=1\">"
    "\"'><svg onload=window.__pwned=1>{{ 7*7 }}{% raw %}[klick](javascript:window.__pwned=1)"
    "<a href='data:text/html,x'>x</a>"
)


def poison(value):
    if isinstance(value, dict):
        return {
            k: (PAYLOAD + " " + v if isinstance(v, str) and k in ("sv", "en", "name", "name_en") else poison(v))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [poison(v) for v in value]
    return value


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory):
    import functools
    import http.server
    import threading

    folder = tmp_path_factory.mktemp("payload")
    (folder / "registries").mkdir()
    for name in REGISTRY_FILES:
        data = poison(yaml.safe_load((MINIMAL / name).read_text(encoding="utf-8")))
        data = data if name != "partners.yaml" else {"partners": [{**p, "name_en": PAYLOAD} for p in data["partners"]]}
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        (folder / "registries" / name).write_text(text, encoding="utf-8")
    assert load_registries(folder / "registries")  # the payloads are valid text
    project = copy_project(folder / "project", registries=folder / "registries")

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder / "www")))
    base = f"http://127.0.0.1:{server.server_port}/site/"
    result = build(project, folder / "www" / "site", site_url=base)
    assert result.returncode == 0, result.stdout + result.stderr
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base, folder / "www" / "site"
    server.shutdown()
    server.server_close()


def test_payload_pages_run_no_script_request_nothing_and_show_the_text(payload_site, browser):
    base, site = payload_site
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) > 40
    page = browser.new_page()
    dialogs, consoles, outside = [], [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: consoles.append(m.text))
    page.on("request", lambda r: None if r.url.startswith(base) else outside.append(r.url))
    for path in pages:
        page.goto(base + path, wait_until="load")  # after every script and image on the page has run
        assert page.evaluate("window.__pwned") is None, path
    for lang, word in (("", "samordnar"), ("en/", "coordinates")):  # from the partner's description
        page.goto(f"{base}{lang}parter/borlange-kommun/")
        assert "<script>window.__pwned=1;" in page.inner_text("article")
        assert "{{ 7*7 }}" in page.inner_text("article")
        page.keyboard.press("/")  # search results show the (lean) record entries as text too
        page.keyboard.type(word)
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
        assert "<script>window.__pwned=1;" in page.inner_text(".md-search-result")
        assert page.evaluate("window.__pwned") is None
    page.close()
    assert dialogs == [] and outside == []
    assert not any("PWNED" in c for c in consoles)
