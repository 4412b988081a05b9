"""MkDocs hooks that finish the built output per language, where Material and the i18n plugin
fall short: one search index per language, a not-found page per language, a sitemap at each
language root with x-default alternates, and HTML the Nu checker accepts. The work itself is
in hooks/registry/languages.py (pure, tested without MkDocs)."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))

from registry import languages


def _lang(config) -> str:
    return config.theme["language"]


def on_post_page(output, page, config):
    return languages.fix_page_html(output, _lang(config), config["kb_build"].settings.default_language)


def on_post_template(output_content, template_name, config):
    """Each language build renders 404.html to the site root; keep the Swedish one there."""
    if template_name != "404.html":
        return output_content
    lang, build = _lang(config), config["kb_build"]  # the state of hooks/site.py
    build.not_found[lang] = languages.fix_page_html(output_content, lang, build.settings.default_language)
    if lang != build.settings.default_language:
        target = Path(config.site_dir) / build.settings.prefix(lang) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(build.not_found[lang], encoding="utf-8")
    return build.not_found.get(build.settings.default_language, build.not_found[lang])


@event_priority(-200)  # after the i18n plugin's handler, which builds the other languages
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # an inner (per-language) build; the outer one finishes the whole site
    site, build = Path(config.site_dir), config["kb_build"]  # the state of hooks/site.py
    languages.split_search_index(site, build.settings.languages, build.search)
    languages.write_sitemaps(site, config.site_url, build.settings.languages, languages.page_dates(build.registries))
    languages.write_robots(site, config.site_url or "/")
