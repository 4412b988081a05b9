"""The assumptions hooks/site.py lists at its top about MkDocs, mkdocs-static-i18n and Material,
one test each (numbered as there), so that an upgrade that breaks one says which."""

from __future__ import annotations

import importlib.util
import json
import re
from functools import partial
from pathlib import Path

import material
import pytest

from conftest import MINIMAL, ROOT, build, copy_project, said

MATERIAL = Path(material.__file__).parent / "templates"

PROBE = """
import json
from pathlib import Path

LOG = Path(__file__).parent.parent / "events.jsonl"


def record(event, config, **more):
    i18n = config.plugins["i18n"]
    entry = {"event": event, "lang": config.theme["language"], "config": id(config),
             "building": bool(getattr(i18n, "building", None)), **more}
    with LOG.open("a", encoding="utf-8") as log:
        log.write(json.dumps(entry) + "\\n")


def on_pre_build(config):
    record("pre_build", config)


def on_files(files, config):
    record("files", config, generated=sorted(f.src_uri for f in files if f.src_uri.startswith("parter/")
                                              and not f.src_uri.startswith("parter/index")))
    return files


def on_nav(nav, config, files):
    pages = files.documentation_pages()
    record("nav", config, generated=sorted(f.src_uri for f in pages if f.src_uri.startswith("parter/")
                                           and not f.src_uri.startswith("parter/index")))
    return nav


def on_page_content(html, page, config, files):
    record("page_content", config, page=page.file.src_uri, html=html if page.file.src_uri.startswith("index.") else "")
    return html


def on_page_context(context, page, config, nav):
    record("page_context", config, page=page.file.src_uri, content=page.content)
    return context


def on_env(env, config, files):
    record("env", config, loader=type(env.loader).__name__)
    return env


def on_post_build(config):
    handlers = [getattr(h, "__self__", h).__class__.__name__ if hasattr(h, "__self__") else h.__module__
                for h in config.plugins.events["page_context"]]
    record("post_build", config, page_context=handlers)
"""


@pytest.fixture(scope="module")
def events(tmp_path_factory) -> list[dict]:
    """What a probe hook, listed after ours, saw during a build of both languages."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = copy_project(tmp_path_factory.mktemp("adapter") / "project", registries=MINIMAL)
    (project / "hooks" / "probe.py").write_text(PROBE, encoding="utf-8")
    config_file = project / "mkdocs.yml"
    config_file.write_text(
        config_file.read_text(encoding="utf-8").replace(
            "  - hooks/output.py\n", "  - hooks/output.py\n  - hooks/probe.py\n"
        ),
        encoding="utf-8",
    )
    build(load_config(str(config_file), site_dir=str(project / "site")))
    return [json.loads(line) for line in (project / "events.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def probe_site(events, tmp_path_factory) -> Path:
    return next(tmp_path_factory.getbasetemp().glob("adapter*/project/site"))


def test_1_each_language_is_built_in_turn_with_the_same_config(events):
    assert [(e["event"], e["lang"]) for e in events if e["event"] in ("pre_build", "files", "nav", "post_build")] == [
        ("pre_build", "sv"),
        ("files", "sv"),
        ("nav", "sv"),
        ("post_build", "sv"),
        ("pre_build", "en"),
        ("files", "en"),
        ("nav", "en"),
        ("post_build", "en"),
    ], "the i18n plugin no longer builds each language in turn, from the first build's on_post_build"
    assert len({e["config"] for e in events}) == 1, "the i18n plugin builds languages with different config objects"
    assert {e["building"] for e in events if e["lang"] == "en"} == {True}, "i18n.building is no longer set"


def test_2_the_theme_language_is_the_language_being_built(events):
    assert {e["lang"] for e in events} == {"sv", "en"}, "config.theme['language'] does not follow the i18n build"


def test_3_files_added_before_the_i18n_plugin_are_sorted_by_language(events):
    added = [e["generated"] for e in events if e["event"] == "files"]
    per_language = {e["lang"]: e["generated"] for e in events if e["event"] == "nav"}
    assert added[0] == [
        "parter/borlange-energi.en.md",
        "parter/borlange-energi.sv.md",
        "parter/borlange-kommun.en.md",
        "parter/borlange-kommun.sv.md",
    ]
    assert per_language == {
        lang: [f"parter/borlange-energi.{lang}.md", f"parter/borlange-kommun.{lang}.md"] for lang in ("sv", "en")
    }, "the i18n plugin no longer keeps one language's pages"


def test_4_a_file_that_is_not_on_disk_takes_its_text_from_content_string(tmp_path):
    from mkdocs.structure.files import File

    file = File("parter/x.sv.md", str(tmp_path), str(tmp_path / "site"), True)
    file.content_string = "---\ntitle: X\n---\n"
    assert file.content_string == "---\ntitle: X\n---\n" and not (tmp_path / "parter").exists()


def test_5_material_renders_page_content_and_skips_excluded_pages_in_search():
    search = (Path(material.__file__).parent / "plugins" / "search" / "plugin.py").read_text(encoding="utf-8")
    assert 'page.meta.get("search")' in search and 'get("exclude")' in search, (
        "Material's search plugin no longer reads `search: exclude` from a page's meta"
    )
    assert "page.content" in (MATERIAL / "partials" / "content.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "template, blocks",
    [
        ("base.html", ["site_meta", "fonts", "header", "content"]),
        ("partials/alternate.html", []),
        ("partials/search.html", []),
        ("partials/copyright.html", []),
        ("404.html", []),
    ],
)
def test_6_the_theme_templates_we_replace_or_extend_still_exist(template, blocks):
    text = (MATERIAL / template).read_text(encoding="utf-8")
    for block in blocks:
        assert re.search(r"{%-?\s*block " + block + r"\b", text), f"Material's {template} has no block {block}"


def test_6_our_copy_of_materials_search_differs_only_by_the_dialogs_name():
    ours = (ROOT / "overrides" / "partials" / "search.html").read_text(encoding="utf-8").splitlines()[1:]
    theirs = (MATERIAL / "partials" / "search.html").read_text(encoding="utf-8").splitlines()[3:]
    ours[0] = ours[0].replace(" aria-label=\"{{ lang.t('search') }}\"", "")
    assert ours == theirs, (
        "Material's partials/search.html changed: copy it again into overrides/ and add the dialog's aria-label"
    )


def _load_adapter():
    spec = importlib.util.spec_from_file_location("adapter_under_test", ROOT / "hooks" / "site.py")
    adapter = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(adapter)
    return adapter


def test_7_registry_files_are_watched_as_often_as_the_adapter_asks(tmp_path):
    import inspect

    from mkdocs.commands import serve
    from mkdocs.livereload import LiveReloadServer

    source = inspect.getsource(serve.serve)
    assert source.index("on_serve(") < source.index("for item in config.watch"), (
        "mkdocs serve now watches `watch:` paths before on_serve: the interval would not reach them"
    )
    adapter = _load_adapter()
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        adapter.on_serve(server, config=None, builder=None)
        server.watch(str(tmp_path))
        assert [e.timeout for e in server.observer.emitters] == [adapter.WATCH_SECONDS], (
            "watchdog no longer takes an emitter's interval from the observer's _timeout"
        )
        assert "timeout=self.build_delay" in inspect.getsource(LiveReloadServer._build_loop), (
            "MkDocs' server no longer waits build_delay for more edits: the adapter's setting does nothing"
        )
        assert server.build_delay < 0.1
    finally:
        server.server_close()


def test_8_every_page_is_converted_before_any_is_rendered_and_nothing_reads_it_after(events):
    for lang in ("sv", "en"):
        order = [e["event"] for e in events if e["lang"] == lang and e["event"].startswith("page_")]
        converted = order.count("page_content")
        assert converted > 2 and order == ["page_content"] * converted + ["page_context"] * converted, (
            "MkDocs no longer converts every page's Markdown before it renders the first page to HTML"
        )
        rendered = {e["page"]: e["content"] for e in events if e["lang"] == lang and e["event"] == "page_context"}
        assert 'class="kb-facts' in rendered[f"parter/borlange-kommun.{lang}.md"], (
            "a record page has no HTML when MkDocs renders it"
        )
    handlers = next(e["page_context"] for e in events if e["event"] == "post_build")
    assert handlers.index("hooks/site.py") < handlers.index("SearchPlugin"), (
        "the search plugin now reads a page's content before the adapter has made it"
    )
    # The adapter drops a record page's HTML in on_post_page (page.content = None): had anything
    # read it later, as text, the build behind `events` would have failed.


def test_9_the_output_we_finish_is_where_the_packages_write_it(probe_site):
    for language_root in (probe_site, probe_site / "en"):
        index = json.loads((language_root / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["docs"], f"no search index at {language_root}: Material or i18n write it elsewhere now"
        assert (language_root / "404.html").exists() and (language_root / "sitemap.xml").exists()
    assert (probe_site / "pages.xml").exists() and (probe_site / "en" / "pages.xml").exists()


def test_10_a_marker_comes_through_the_markdown_as_it_is_and_is_filled_in(events):
    import markdown
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    convert = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs).convert
    marker = "<!-- registry:key-figures -->"
    for text in (f"Text.\n\n{marker}\n\nMore.", f'<div class="x" markdown>\n\n# Title\n\n{marker}\n\n</div>'):
        assert f"\n{marker}\n" in convert(text), (
            f"Python-Markdown no longer passes a comment that is a block of its own through unchanged: {text!r}"
        )
    for lang in ("sv", "en"):
        order = [
            e["event"] for e in events if e["lang"] == lang and e["event"] in ("page_content", "env", "page_context")
        ]
        assert order.index("env") == order.count("page_content") and order[-1] == "page_context", (
            "MkDocs no longer converts every page before on_env, or renders one before it"
        )
        start = next(e["html"] for e in events if e["event"] == "page_content" and e["page"] == f"index.{lang}.md")
        assert "<!-- registry:" not in start and 'class="kb-figures' in start, (
            f"the start page ({lang}) has a marker left, or no key figures"
        )


def test_11_the_theme_files_are_listed_without_hidden_folders_and_are_the_same(events, tmp_path):
    import inspect

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    source = inspect.getsource(build)
    assert (
        source.index("on_pre_build(")
        < source.index("config.theme.get_env()")
        < source.index("add_files_from_theme(env")
    ), "MkDocs no longer makes the theme's environment with config.theme.get_env() after on_pre_build"
    assert {e["lang"]: e["loader"] for e in events if e["event"] == "env"} == {"sv": "ThemeLoader", "en": "ThemeLoader"}
    adapter = _load_adapter()
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path))
    listed = {}
    for name, get_env in (
        ("MkDocs", config.theme.get_env),
        ("ours", partial(adapter._theme_env, config.theme.get_env)),
    ):
        files = Files([])
        files.add_files_from_theme(get_env(), config)
        listed[name] = sorted(f.src_uri for f in files)
    assert len(listed["MkDocs"]) > 20 and listed["ours"] == listed["MkDocs"], (
        "MkDocs now copies a file from a hidden folder of the theme: the adapter's ThemeLoader would leave it out"
    )


def test_10_links_to_anchors_in_the_registrys_html_are_checked_against_it(tmp_path):
    project = copy_project(tmp_path / "project", registries=MINIMAL)
    page = project / "docs" / "om-viable-cities.sv.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n[Samordnaren](parter/index.md#coordinator), "
        "[kommunens insatser](parter/borlange-kommun.md#insatser), [fel](parter/index.md#ingen-sadan)\n",
        encoding="utf-8",
    )
    result = build(project, tmp_path / "site")
    assert [line for line in said(result) if "anchor" in line] == [
        "WARNING -  Doc file 'om-viable-cities.sv.md' contains a link 'parter/index.md#ingen-sadan', but the doc "
        "'parter/index.sv.md' does not contain an anchor '#ingen-sadan'."
    ], "MkDocs no longer finds the ids of HTML the adapter puts in after converting (a marker's, a record page's)"
