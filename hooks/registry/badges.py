"""The "Vi är med" / "We take part" badge: an SVG file per partner and language, which a partner
can put on its own website, linking back to its page here. Self-contained: system fonts only,
no external references, every text escaped, with a <title> for screen readers."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from .models import Partner
from .words_reader import READER_WORDS

GREEN = "#1e5631"  # the site's brand green (kb.css --kb-green): white text on it 8.4:1
WIDTH, HEIGHT = 290, 64


def badge_path(partner_id: str) -> str:
    """The badge's path under a language's root, beside the partner's page."""
    return f"parter/{partner_id}/badge.svg"


def badge_title(partner: Partner, lang: str) -> str:
    """The badge's text as one sentence (its <title>, and the alt text of the embedding snippet)."""
    lead, programme = _words(lang)
    return f"{partner.name_in(lang)}: {lead} {programme}"


def badge_svg(partner: Partner, lang: str) -> bytes:
    lead, programme = _words(lang)
    title = escape(badge_title(partner, lang))
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="t" lang="{lang}">'
        f'<title id="t">{title}</title>'
        f'<rect width="{WIDTH}" height="{HEIGHT}" rx="8" fill="{GREEN}"/>'
        '<g fill="#ffffff" font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif">'
        f'<text x="16" y="26" font-size="14">{escape(lead)}</text>'
        f'<text x="16" y="46" font-size="15" font-weight="700">{escape(programme)}</text>'
        "</g></svg>\n"
    )
    return svg.encode("utf-8")


def badge_files(partners: Sequence[Partner], lang: str) -> dict[str, bytes]:
    """{path under the language's root: SVG} for every partner."""
    return {badge_path(p.id): badge_svg(p, lang) for p in partners}


def _words(lang: str) -> tuple[str, str]:
    index = 0 if lang == "sv" else 1
    return READER_WORDS["badge_lead"][index], READER_WORDS["badge_programme"][index]
