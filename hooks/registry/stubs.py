"""One small Markdown file per record and language, written into docs/ for MkDocs to pick up.

Each file holds the page's title and description and one marker; the content itself is
rendered from the registry at build time (render.py). A file is written only when its text
changed (else `mkdocs serve` would rebuild in a loop), and stale ones are removed.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .load import Registries
from .render import RECORD_ROUTES

HEADER = "# Generated from the registries by hooks/registry/stubs.py: do not edit, edit the YAML."
LANGS = ("sv", "en")


def _summary(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def stub_texts(reg: Registries) -> dict[str, str]:
    """{path relative to docs/: file text} for every record page in both languages."""
    pages = {}
    records = [("partner", p, lambda p, lang: p.name_en if lang == "en" and p.name_en else p.name,
                lambda p, lang: getattr(p.description, lang)) for p in reg.partners]
    records += [("initiative", i, lambda i, lang: getattr(i.title, lang),
                 lambda i, lang: getattr(i.summary, lang)) for i in reg.initiatives]
    records += [("contract", c, lambda c, lang: getattr(c.title, lang),
                 lambda c, lang: getattr(c.summary, lang)) for c in reg.contracts]
    for kind, record, title, description in records:
        for lang in LANGS:
            meta = {"title": title(record, lang), "description": _summary(description(record, lang)),
                    "record": f"{kind} {record.id}"}
            front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
            pages[f"{RECORD_ROUTES[kind]}/{record.id}.{lang}.md"] = (
                f"---\n{HEADER}\n{front}---\n\n<!-- registry:{kind} {record.id} -->\n")
    return pages


def write_stubs(docs: Path, reg: Registries) -> int:
    """Bring docs/ in line with the registries; return how many files were written or removed."""
    wanted = stub_texts(reg)
    changed = 0
    for folder in set(RECORD_ROUTES.values()):
        for path in (docs / folder).glob("*.md"):
            rel = path.relative_to(docs).as_posix()
            if rel not in wanted and path.read_text(encoding="utf-8").startswith(f"---\n{HEADER}"):
                path.unlink()
                changed += 1
    for rel, text in wanted.items():
        path = docs / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed += 1
    return changed
