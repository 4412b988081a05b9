"""A Python-Markdown extension: links to other sites in hand-written pages get
rel="noopener noreferrer", the class `external` (an arrow, see kb.css) and a text for
screen readers, as the registry templates give their own links (macros.html `ext`)."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .models import LANGUAGES, in_language
from .words import WORDS


class _Marker(Treeprocessor):
    def __init__(self, md: Markdown, extension: ExternalLinks):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            if not link.get("href", "").startswith(("http://", "https://")):
                continue
            link.set("rel", "noopener noreferrer")
            link.set("class", (link.get("class", "") + " external").strip())
            hidden = etree.SubElement(link, "span", {"class": "md-visually-hidden"})
            hidden.text = " " + in_language(WORDS["external"], self.extension.lang)


class ExternalLinks(Extension):
    lang = LANGUAGES[0]  # set per language build by the adapter

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_Marker(md, self), "kb_external_links", 1)
