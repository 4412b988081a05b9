"""MkDocs hooks: adapt MkDocs' events to the registry core in hooks/registry/ (which does
not import MkDocs). The i18n plugin builds once per language; loading is cached."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import Abort

sys.path.insert(0, str(Path(__file__).parent))

from registry import RegistryError, load_registries  # noqa: E402
from registry.render import MarkerError, Renderer, Settings  # noqa: E402
from registry.exports import data_files  # noqa: E402
from registry.external_links import ExternalLinks  # noqa: E402
from registry.feed import atom_feed  # noqa: E402
from registry.stubs import write_stubs  # noqa: E402

_renderer: Renderer | None = None
_stubs_for: tuple = (None, None)  # (registries, docs_dir) the stubs were last written for
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
    global _stubs_for
    if _stubs_for[0] is not registries or _stubs_for[1] != config.docs_dir:  # once, not once per language
        write_stubs(Path(config.docs_dir), registries)
        _stubs_for = (registries, config.docs_dir)
    extra = config.extra
    settings = Settings(contact=dict(extra.get("contact", {})), repository=extra.get("repository", ""),
                        review_months=int(extra.get("review_months", 12)))
    if _renderer is None or _renderer.reg is not registries or _renderer.settings != settings:
        _renderer = Renderer(registries, settings, _root(config) / "overrides" / "partials" / "registry")


def on_page_markdown(markdown, page, config, files):
    try:
        return _renderer.render_page(markdown, page.file.src_uri, page.file.locale)
    except MarkerError as err:
        raise Abort(str(err)) from None


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
