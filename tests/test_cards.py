"""The portfolio and the partner directory as cards, and the start page's partner strip."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from conftest import ROOT, page
from registry import load_registries
from registry.reader import AREA_ICONS, monogram

REG = load_registries(ROOT)
ICONS = Path(importlib.util.find_spec("material").origin).parent / "templates" / ".icons" / "material"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_initiative_is_a_card_with_area_icon_status_date_and_lead(site, lang):
    cards = {c.a["href"].strip("/"): c for c in page(site, "insatser/", lang).select("li.kb-icard")}
    assert sorted(cards) == sorted(i.id for i in REG.initiatives)
    for i in REG.initiatives:
        card = cards[i.id]
        assert card.select_one(".kb-icard__title").get_text() == getattr(i.title, lang)
        icon = card.select_one(".kb-icard__area svg")
        assert icon["aria-hidden"] == "true"
        assert icon.path["d"] in (ICONS / f"{AREA_ICONS[i.category]}.svg").read_text()
        assert card.select_one(f".kb-status--{i.status}")
        time = card.select_one(".kb-as-of time")
        assert (time["datetime"] if time else None) == (str(i.status_as_of) if i.status_as_of else None)
        assert card.select_one(".kb-lead a")["href"] == f"../parter/{i.lead}/"


def test_every_area_has_an_icon_in_the_installed_theme():
    from registry.models import CATEGORIES

    assert set(AREA_ICONS) == set(CATEGORIES)
    assert all((ICONS / f"{name}.svg").exists() for name in AREA_ICONS.values())


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_partner_cards_show_monogram_type_and_counts(site, lang):
    cards = page(site, "parter/", lang).select("li.kb-pcard")
    by_id = {c.a["href"].strip("/"): c for c in cards}
    assert set(by_id) == {p.id for p in REG.partners}
    ssab = by_id["ssab"]
    assert ssab.select_one(".kb-monogram").get_text() == "SS" and ssab.select_one(".kb-monogram")["aria-hidden"]
    leads = sum(i.lead == "ssab" for i in REG.initiatives)
    joins = sum("ssab" in i.partners for i in REG.initiatives)
    signed = sum("ssab" in c.signatories for c in REG.contracts)
    expected = {
        "sv": f"leder {leads} · deltar i {joins} · undertecknat {signed}",
        "en": f"leads {leads} · takes part in {joins} · signed {signed}",
    }[lang]
    assert ssab.select_one(".kb-pcard__counts").get_text() == expected


def test_monograms_are_initials_never_images(site):
    assert monogram("Borlänge Energi") == "BE" and monogram("IK Brage") == "IB" and monogram("SSAB") == "SS"
    assert monogram("Fastighets AB Hushagen") == "FH"
    strip = page(site, "", "sv").select("ul.kb-strip li")
    assert len(strip) == len(REG.partners)
    assert not page(site, "", "sv").select(".kb-strip img, .kb-pcard img")


def counted_on(site, href: str, lang: str) -> int:
    """How many items the page a key figure links to shows (partners once each, however many roles)."""
    route = href.split("#")[0]
    html = page(site, route, lang)
    if route == "parter/":
        return len({a["href"] for a in html.select("li.kb-pcard > a")})
    if route.startswith("insatser/"):
        return len(html.select("li.kb-icard"))
    if route == "klimatkontraktet/":
        return len(html.select("ol.kb-timeline > li"))
    return None


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_each_key_figure_leads_to_exactly_what_it_counts(site, lang):
    doors = page(site, "", lang).select("ul.kb-figures a")
    checked = 0
    for door in doors:
        number = door.strong.get_text()
        shown = counted_on(site, door["href"], lang)
        if shown is not None:
            assert int(number) == shown, door["href"]
            checked += 1
        else:  # the emissions figures lead to the chart of the same numbers
            assert door["href"] == "klimatneutralt/#pa-vag"
    assert checked == 4


def test_each_area_shows_its_initiatives_by_status_above_the_cards(site):
    groups = page(site, "insatser/", "en").select("section.kb-group")
    assert len(groups) == len({i.category for i in REG.initiatives})
    for group in groups:
        area = group.h2["id"]
        items = [i for i in REG.initiatives if i.category == area]
        text = group.select_one(".kb-statusbar__text").get_text()
        for status in {i.status for i in items}:
            assert f"{status.capitalize()}: {sum(i.status == status for i in items)}" in text  # labels are the ids
        parts = group.select(".kb-statusbar__part")
        assert sum(int(p["style"].split(":")[1]) for p in parts) == len(items)
