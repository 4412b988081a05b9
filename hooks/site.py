"""MkDocs hooks: adapt MkDocs' events to the registry core in hooks/registry/ (which does
not import MkDocs). The i18n plugin builds once per language; loading is cached. Record pages
exist only in memory, and their HTML goes into the page without a pass through Markdown."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).parent))

from registry import RegistryError, load_registries  # noqa: E402
from registry.render import RECORD_ROUTES, MarkerError, Renderer, Settings  # noqa: E402
from registry.exports import data_files  # noqa: E402
from registry.external_links import ExternalLinks  # noqa: E402
from registry.feed import atom_feed  # noqa: E402
from registry.stubs import HEADER, stub_texts  # noqa: E402
from registry.template_cache import template_cache  # noqa: E402

_renderer: Renderer | None = None
_pages: dict[str, str] = {}  # generated record pages: {path under docs/: Markdown}, never written to disk
_record_html: dict[str, str] = {}  # a record page's content from on_page_markdown to on_page_content
_external_links = ExternalLinks()


def _root(config) -> Path:
    return Path(config.config_file_path).parent


def on_config(config):
    if _external_links not in config.markdown_extensions:
        config.markdown_extensions.append(_external_links)
    return config


def on_pre_build(config) -> None:
    global _renderer
    _external_links.lang = config.theme["language"]  # set by the i18n plugin's on_config, which runs after ours
    try:
        registries = load_registries(_root(config))
    except RegistryError as err:
        raise Abort(err.report() + "\nNothing was built: the site is unchanged.") from None
    extra = config.extra
    settings = Settings(contact=dict(extra.get("contact", {})), repository=extra.get("repository", ""),
                        review_months=int(extra.get("review_months", 12)))
    if _renderer is None or _renderer.reg is not registries or _renderer.settings != settings:
        _renderer = Renderer(registries, settings, _root(config) / "overrides" / "partials" / "registry",
                             template_cache(_root(config)))
        _pages.clear()
        _pages.update(stub_texts(registries))


def on_files(files, config):
    """Add the record pages as files of docs/, before the i18n plugin sorts the files by language.
    Their text is in memory (see on_nav); nothing is written to docs/."""
    clashes = []
    for src_uri in _pages:
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            if not existing.content_string.startswith(f"---\n{HEADER}"):
                folder, name = src_uri.rsplit("/", 1)
                kind = next(k for k, route in RECORD_ROUTES.items() if route == folder)
                clashes.append(f"docs/{src_uri}: this hand-written page has the address of the page made for "
                               f"{kind} '{name.split('.')[0]}' from the registries; rename or move the page.")
                continue
            files.remove(existing)  # a copy written to disk by an earlier version of the hooks
        files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    if clashes:
        raise Abort("\n".join(clashes) + "\nNothing was built: the site is unchanged.")
    return files


def on_nav(nav, config, files):
    """Give the record pages their text. Done here, not in on_files, because the i18n plugin's
    on_files replaces every File object with a new one for the language being built."""
    for file in files.documentation_pages():
        text = _pages.get(file.src_uri)
        if text is not None:
            file.content_string = text
    return nav


def on_env(env, config, files):
    env.bytecode_cache = _renderer.env.bytecode_cache  # Material's templates too: compiled once, not per build
    return env


def on_page_markdown(markdown, page, config, files):
    try:
        text = _renderer.render_page(markdown, page.file.src_uri, page.file.locale)
    except MarkerError as err:
        raise Abort(str(err)) from None
    if page.file.src_uri in _pages:  # a record page is all HTML: Markdown would only parse it to pass it on
        _record_html[page.file.src_uri] = text.strip()
        return ""
    return text


def on_page_content(html, page, config, files):
    return _record_html.pop(page.file.src_uri, html)


def on_page_context(context, page, config, nav):
    if page.meta.get("record"):
        page.meta["jsonld"] = _renderer.structured_data(page.meta["record"], page.file.locale, page.canonical_url)
    return context


def on_post_build(config):
    """Each language build writes its feed; the default language build writes the open data."""
    site, lang, reg = Path(config.site_dir), config.theme["language"], _renderer.reg
    feed = site / ("" if lang == "sv" else lang) / "feed.xml"
    feed.write_bytes(atom_feed(reg, config.site_url or "", lang))
    if lang == "sv":
        (site / "data").mkdir(exist_ok=True)
        for name, content in data_files(reg, config.site_url or "", dict(config.extra.get("contact", {}))).items():
            (site / "data" / name).write_bytes(content)
