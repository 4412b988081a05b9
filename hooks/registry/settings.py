"""What the site's configuration (mkdocs.yml) says that the content depends on, read once.

The engine adapter builds Settings from the engine's own configuration; the editors' check,
the tests and the benchmark read the same file with `read_settings` (and vary it with
dataclasses.replace).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Settings:
    languages: tuple[str, ...]  # language codes; the first is the default, at the site's root
    site_url: str = ""  # where the site is published, with its sub-path and a closing slash
    contact: dict[str, str] = field(default_factory=dict)
    repository: str = ""  # https://github.com/owner/repo: "Suggest a change" links go there
    feed_authority: str | None = None  # "domain,year": the feed's entry ids, whatever the address
    branch: str = "main"
    review_months: int = 12
    today: date = field(default_factory=date.today)

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def prefix(self, lang: str) -> str:
        """The folder of a language's pages under the site's root: '' or 'en/'."""
        return "" if lang == self.default_language else f"{lang}/"


def settings_from_config(site_url: str, extra: dict[str, Any], languages: tuple[str, ...]) -> Settings:
    """Settings from the values of mkdocs.yml: `site_url`, `extra` and the i18n plugin's languages."""
    return Settings(
        languages=languages,
        site_url=site_url.rstrip("/") + "/" if site_url else "",
        contact=dict(extra.get("contact") or {}),
        repository=extra.get("repository") or "",
        feed_authority=extra.get("feed_authority"),
        review_months=int(extra.get("review_months", 12)),
    )


def configured_languages(config: dict[str, Any]) -> tuple[str, ...]:
    """The languages that mkdocs.yml's i18n plugin builds, the default first."""
    plugins = config.get("plugins") or []
    entries = [p["i18n"] for p in plugins if isinstance(p, dict) and "i18n" in p]
    listed = [lang for lang in (entries[0]["languages"] if entries else []) if lang.get("build", True)]
    ordered = sorted(listed, key=lambda lang: not lang.get("default", False))
    return tuple(lang["locale"] for lang in ordered)


class ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it: `!ENV [NAME, default]` is the variable's value, else the default."""


def _env(loader: ConfigLoader, node: yaml.ScalarNode | yaml.SequenceNode | yaml.MappingNode) -> Any:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[name] for name in variables if name in os.environ), default)


ConfigLoader.add_constructor("!ENV", _env)


def read_settings(config_file: Path) -> Settings:
    """Settings from a mkdocs.yml, read as MkDocs reads it (for the check, tests and benchmarks)."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), ConfigLoader)
    return settings_from_config(config.get("site_url") or "", config.get("extra") or {}, configured_languages(config))
