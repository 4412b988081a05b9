"""The colour tokens in kb.css, one block per scheme: every text colour 4.5:1 and every line 3:1
against both the page and the cards, in the light and in the dark scheme (WCAG 1.4.3, 1.4.11)."""

from __future__ import annotations

import re

import pytest
from test_charts import luminance

from conftest import ROOT

CSS = (ROOT / "overrides" / "assets" / "stylesheets" / "kb.css").read_text(encoding="utf-8")
TEXT = [
    "--kb-ink",
    "--kb-ink-muted",
    "--kb-brand-text",
    "--kb-line-trend",
    "--kb-line-path",
    "--kb-status-ongoing",
    "--kb-status-planned",
    "--kb-status-completed",
    "--kb-status-paused",
]
LINES = ["--kb-border", "--kb-line-history", "--kb-line-goal", "--kb-grid"]


def tokens(selector: str) -> dict[str, str]:
    block = re.search(re.escape(selector) + r"\s*\{(.*?)\n\}", CSS, re.DOTALL).group(1)
    return dict(re.findall(r"(--kb-[a-z-]+):\s*(#[0-9a-f]{6})", block))


LIGHT = tokens(':root, [data-md-color-scheme="default"]')
DARK = {**LIGHT, **tokens('[data-md-color-scheme="slate"]')}


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize("background", ["--kb-surface", "--kb-surface-raised"])
def test_text_and_lines_meet_aa_in_both_schemes(scheme, background):
    for name in TEXT:
        assert contrast(scheme[name], scheme[background]) >= 4.5, name
    for name in LINES:
        assert contrast(scheme[name], scheme[background]) >= 3, name


def test_the_dark_scheme_sets_its_own_colours():
    assert {"--kb-ink", "--kb-surface", "--kb-brand-text", "--kb-line-trend"} <= tokens(
        '[data-md-color-scheme="slate"]'
    ).keys()
    assert DARK["--kb-surface"] != LIGHT["--kb-surface"]
