"""The two settings of mkdocs.yml that the editors' check needs, read without MkDocs.

mkdocs.yml is not plain YAML for a safe loader: `site_url: !ENV [SITE_URL, "https://…"]` takes
the first environment variable that is set, else the last item. These few lines read just that,
as MkDocs does, so that `hooks/check.py` and the build agree on the site's address.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

SETTING = r"^{name}:[ \t]*(.+?)[ \t]*(?:#.*)?$"
ENV_TAG = re.compile(r"^!ENV\s+(?:\[(.*)\]|(\S+))$")
REVIEW_MONTHS = re.compile(r"^[ \t]+review_months:[ \t]*(\d+)[ \t]*(?:#.*)?$", re.MULTILINE)


def _unquote(text: str) -> str:
    text = text.strip()
    return text[1:-1] if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"" else text


def _resolve(value: str, environ) -> str | None:
    """'!ENV [A, B, "default"]' -> the first of A, B that is set, else "default"; plain values as they are."""
    tag = ENV_TAG.match(value)
    if not tag:
        return _unquote(value) or None
    items = [_unquote(item) for item in (tag.group(1) or tag.group(2)).split(",")]
    for name in items[:-1] if tag.group(1) and len(items) > 1 else items:
        if environ.get(name):
            return environ[name]
    return items[-1] if tag.group(1) and len(items) > 1 else None


def _config(root: Path) -> str:
    try:
        return (Path(root) / "mkdocs.yml").read_text(encoding="utf-8")
    except OSError:
        return ""


def site_url(root: Path, environ=os.environ) -> str | None:
    """The address the site is published at; without a mkdocs.yml, the SITE_URL variable."""
    found = re.search(SETTING.format(name="site_url"), _config(root), re.MULTILINE)
    return _resolve(found.group(1), environ) if found else environ.get("SITE_URL") or None


def review_months(root: Path, default: int = 12) -> int:
    found = REVIEW_MONTHS.search(_config(root))
    return int(found.group(1)) if found else default
