"""Freshness on record pages: last reviewed, the stale flag, the editors' list, and the
"Suggest a change" link to the record's line in the repository."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from conftest import MINIMAL, ROOT, TEMPLATES
from registry import load_registries
from registry.render import Renderer
from registry.settings import read_settings

REPO = "https://github.com/example/site"


def renderer(today: date) -> Renderer:
    settings = replace(read_settings(ROOT / "mkdocs.yml"), repository=REPO, review_months=12, today=today)
    return Renderer(load_registries(MINIMAL), settings, TEMPLATES)


def test_a_record_reviewed_within_the_age_is_not_flagged():
    html = renderer(date(2027, 10, 31)).render_marker("partner", "borlange-energi", "parter/borlange-energi/", "sv")
    assert 'Senast granskad: <time datetime="2026-11-01">1 november 2026</time>' in html
    assert "har inte granskats" not in html
    overview = renderer(date(2027, 10, 31)).render_marker("review-overview", None, "redaktorer/", "en")
    assert "Every record has been reviewed within 12 months." in overview


def test_a_record_older_than_the_age_is_flagged_on_its_page_and_listed_for_editors():
    html = renderer(date(2027, 11, 1)).render_marker("partner", "borlange-energi", "parter/borlange-energi/", "en")
    assert "This information has not been reviewed for 12 months or more and may be out of date." in html
    overview = renderer(date(2027, 11, 1)).render_marker("review-overview", None, "redaktorer/", "sv")
    assert 'href="../parter/borlange-energi/"' in overview and "initiatives.yaml" in overview


def test_suggest_a_change_links_to_the_line_where_the_record_starts():
    html = renderer(date(2026, 11, 29)).render_marker("initiative", "solceller", "insatser/solceller/", "sv")
    assert f'href="{REPO}/blob/main/initiatives.yaml#L2"' in html and "Föreslå en ändring" in html
    html = renderer(date(2026, 11, 29)).render_marker("partner", "borlange-energi", "parter/borlange-energi/", "en")
    assert f'href="{REPO}/blob/main/partners.yaml#L14"' in html and "Suggest a change" in html
