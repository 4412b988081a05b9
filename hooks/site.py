"""The MkDocs adapter: delivers the core's content (hooks/registry/content.py, which does not
import MkDocs) to MkDocs 1.6 with mkdocs-static-i18n 1.3 and Material 9. hooks/output.py
finishes the built output. Nothing else in the project imports MkDocs.

What this adapter assumes about those packages, each checked by tests/test_adapter.py:
 1. The i18n plugin builds the site once per language: its on_post_build (priority -100) calls
    MkDocs' build() again with the same config object for each further language, setting
    `i18n.building` meanwhile. So every event below runs once per language, in this order:
    on_config, on_pre_build, on_files, on_nav, on_env, page events, on_post_build.
 2. The i18n plugin's on_config (priority -100, after ours) sets `config.theme["language"]` to
    the language being built; from on_pre_build on it is the current language.
 3. The i18n plugin's on_files (priority -100, after ours) sorts the files by their suffix
    (`page.en.md`) and replaces each File object with a copy for the language being built, so
    record pages are added as files before it runs and get their text in on_nav.
 4. `File(src_uri, docs_dir, site_dir, use_directory_urls)` accepts a path that is not on disk,
    and a File's `content_string` can be set; MkDocs then reads no file.
 5. Material renders `page.content` as the page's body and indexes it for search unless the
    page's meta says `search: {exclude: true}`; titles and meta are rendered without escaping.
 6. Material's templates that overrides/ replaces or extends still exist with the blocks we
    use: main.html (blocks site_meta, fonts, header, content), partials/alternate.html,
    partials/search.html, partials/copyright.html, 404.html.
 7. `mkdocs serve` calls on_serve before it watches the paths under `watch:` (the registries),
    and its watchdog PollingObserver gives each path scheduled later the interval in its
    `_timeout`; so a registry edit is seen within WATCH_SECONDS, not MkDocs' 0.5 s. The server's
    `build_delay` is how long it then waits for more edits before it rebuilds.
 8. MkDocs renders every page's Markdown (on_page_content) before it renders any page to HTML
    (on_page_context, once per page, with the search plugin's handler at priority 0 reading
    `page.content`); nothing reads a page's content after on_post_page. The i18n plugin builds
    the further languages from inside the first one's on_post_build, so the first language's
    pages live on until the build ends. A record page's HTML is therefore made in on_page_context
    and dropped in on_post_page: a build holds one at a time (bench/README.md, peak memory).
 9. (hooks/output.py) Each language build renders 404.html to the site's root (on_post_template
    sees it); Material writes search/search_index.json per language build and i18n merges
    them; MkDocs writes sitemap.xml at the root with i18n's alternates; an on_post_build at
    priority -200 runs after i18n's, once every language is built.
10. MkDocs converts a page's Markdown with Python-Markdown and the configured extensions, which
    pass an HTML comment that stands as a block of its own into the HTML unchanged, also inside
    a `markdown` block (md_in_html): a hand-written page's registry markers come through to
    on_page_content, where the content is filled in. MkDocs checks links to anchors against
    `page.present_anchor_ids`, set while converting and read once every page is written: the
    adapter adds the ids of the HTML it puts in later (markers, record pages). MkDocs converts
    every page before on_env and writes nothing before it: a problem found while converting
    stops the build there, with the site dir as after an on_nav error.
11. MkDocs' build() makes the theme's Jinja environment with `config.theme.get_env()` after
    on_pre_build, and lists the theme's files with `env.list_templates(filter_func=...)`, whose
    filter drops every path with a part that starts with a dot. A loader that does not go
    into hidden folders therefore lists the same files, without Material's 14,000 icons.
The state of one build (all its languages) lives in one object, kept in MkDocs' config under
KEY: `mkdocs serve` loads a new config, so a rebuild starts from a new state.
"""

from __future__ import annotations

import json
import os
import sys
from functools import partial
from pathlib import Path

import jinja2
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

sys.path.insert(0, str(Path(__file__).parent))

from registry import RegistryError, load_registries
from registry.content import ContentError, SiteContent, anchor_ids, build_site, generated_paths, marker_problems
from registry.external_links import ExternalLinks
from registry.formatting import RECORD_ROUTES
from registry.settings import settings_from_config
from registry.template_cache import template_cache

KEY = "kb_build"
WATCH_SECONDS = 0.05  # how often `mkdocs serve` looks for a registry edit
HEADER = "# Generated from the registries by hooks/site.py: do not edit, edit the YAML."
STOPPED = "\nNothing was built: the site is unchanged."


class Build:
    """One build: the settings and registries, read once, and the content of the language
    being built."""

    def __init__(self, config):
        self.root = Path(config.config_file_path).parent
        i18n = config.plugins["i18n"]
        languages = tuple(sorted(i18n.build_languages, key=lambda lang: lang != i18n.default_language))
        self.settings = settings_from_config(config.site_url or "", dict(config.extra), languages)
        try:
            self.registries = load_registries(self.root)
        except RegistryError as err:
            raise Abort(err.report() + STOPPED) from None
        self.templates = self.root / "overrides" / "partials" / "registry"
        self.compiled = template_cache(self.root)
        self.external_links = ExternalLinks()
        self.generated = set(generated_paths(self.registries, self.settings))
        self.content: SiteContent | None = None
        self.search: dict[str, list[dict]] = {}  # every language's entries, for hooks/output.py
        self.not_found: dict[str, str] = {}  # every language's 404 page, for hooks/output.py
        self.problems: list[str] = []  # markers found inside another comment as pages are converted

    def make_content(self, lang: str, files) -> None:
        hand_written = {
            f.src_uri: get_data(f.content_string)[0]
            for f in files.documentation_pages()
            if f.src_uri not in self.generated
        }  # the Markdown after the front matter
        self.content = None  # the previous language's, dropped before this one's is made
        try:
            self.content = build_site(self.registries, self.settings, lang, hand_written, self.templates, self.compiled)
        except ContentError as err:
            raise Abort(str(err) + STOPPED) from None
        self.search[lang] = self.content.search


def state(config) -> Build:
    return config[KEY]


def on_config(config):
    if KEY not in config:  # the first language; the i18n plugin builds the others with this config
        config[KEY] = Build(config)
        config.markdown_extensions.append(state(config).external_links)
    return config


def on_pre_build(config) -> None:
    state(config).external_links.lang = config.theme["language"]
    theme = config.theme
    if "get_env" not in vars(theme):  # the i18n plugin may give a language a Theme of its own
        theme.get_env = partial(_theme_env, theme.get_env)


def _theme_env(get_env) -> jinja2.Environment:
    env = get_env()
    env.loader = ThemeLoader(env.loader.searchpath)
    return env


class ThemeLoader(jinja2.FileSystemLoader):
    """Material's templates hold 14,000 icons in a hidden folder (.icons), which MkDocs lists on
    every build of every language and then drops (assumption 11): 0.08 s of a 0.85 s build.
    This loader lists the same files without going into hidden folders."""

    def list_templates(self) -> list[str]:
        found = set()
        for root in self.searchpath:
            for folder, subfolders, names in os.walk(root, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                found.update(Path(folder, name).relative_to(root).as_posix() for name in names)
        return sorted(found)


def on_files(files, config):
    """Add the generated pages as files of docs/, before the i18n plugin sorts them by language;
    before the first language is built, check the markers of every language's pages."""
    build, problems = state(config), []
    for src_uri in sorted(build.generated):
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            if not existing.content_string.startswith("---\n# Generated from the registries"):
                folder, name = src_uri.rsplit("/", 1)
                kind = next(k for k, route in RECORD_ROUTES.items() if route == folder)
                problems.append(
                    f"docs/{src_uri}: this hand-written page has the address of the page made for "
                    f"{kind} '{name.split('.')[0]}' from the registries; rename or move the page."
                )
                continue
            files.remove(existing)  # a copy written to disk by an earlier version of the hooks
        files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    if config.theme["language"] == build.settings.languages[0]:  # every language's pages are here
        pages = files.documentation_pages()
        problems += marker_problems(
            build.registries, {f"docs/{f.src_uri}": f.content_string for f in pages if f.src_uri not in build.generated}
        )
    if problems:
        raise Abort("\n".join(problems) + STOPPED)
    return files


def on_nav(nav, config, files):
    """Make this language's content and give the generated pages their front matter."""
    build = state(config)
    build.make_content(config.theme["language"], files)
    for file in files.documentation_pages():
        page = build.content.pages.get(file.src_uri)
        if page is not None:
            meta = {
                "title": _escape(page.title),
                "description": _escape(page.description),
                "search": {"exclude": True},
            }  # indexed lean instead: SiteContent.search
            front = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
            file.content_string = f"---\n{HEADER}\n{front}---\n"  # a JSON string is a YAML scalar
    return nav


def _escape(text: str) -> str:
    """MkDocs renders titles and meta unescaped: escape what could break out of text or a
    double-quoted attribute (an apostrophe cannot, and stays readable in search)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def on_env(env, config, files):
    """Every page is converted, and nothing written yet (assumption 10): stop here if a page's
    markers cannot be filled in."""
    build = state(config)
    if build.problems:
        raise Abort("\n".join(build.problems) + STOPPED)
    env.bytecode_cache = build.compiled  # Material's templates too: compiled once
    return env


def on_page_markdown(markdown, page, config, files):
    content = state(config).content
    return markdown if page.file.src_uri in content.pages else content.hand_written[page.file.src_uri].markdown


def on_page_content(html, page, config, files):
    """A hand-written page gets its markers filled in; a record page gets its HTML later
    (on_page_context)."""
    content = state(config).content
    if page.file.src_uri in content.pages:
        return ""
    hand_written = content.hand_written[page.file.src_uri]
    state(config).problems += [f"docs/{page.file.src_uri}: {problem}" for problem in hand_written.problems(html)]
    page.present_anchor_ids = {*(page.present_anchor_ids or ()), *hand_written.anchors}
    return hand_written.fill(html)


@event_priority(50)  # before the search plugin's, which reads the content (assumption 8)
def on_page_context(context, page, config, nav):
    """A record page's HTML is made now, when MkDocs renders the page, and dropped once it is
    written (on_post_page): a build holds one record page's HTML at a time."""
    generated = state(config).content.pages.get(page.file.src_uri)
    if generated is not None:
        page.content = generated.html
        page.present_anchor_ids = anchor_ids(page.content)
        if generated.structured_data:
            page.meta["jsonld"] = generated.structured_data
    return context


def on_post_page(output, page, config):
    if page.file.src_uri in state(config).content.pages:
        page.content = None
    return output


def on_post_build(config):
    """Each language build writes its files (its feed; the default language, the open data)."""
    site = Path(config.site_dir)
    for path, data in state(config).content.files.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(data)


def on_serve(server, config, builder):
    """Look for registry edits every WATCH_SECONDS: the preview shows them sooner (assumption 7)."""
    server.observer._timeout = WATCH_SECONDS
    server.build_delay = WATCH_SECONDS / 4  # MkDocs then waits this long for more edits (0.1 s by default)
    return server
