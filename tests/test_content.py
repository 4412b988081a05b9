"""Content as the publisher would publish it: the rules that keep claims backed.

- A status said in the present tense needs a source from the last review_months; otherwise the
  page says it in the past tense with the source's date, and the editors' page lists it.
- A target is not an effect; an agency count says "signed" only when it counts signatures.
- A source may carry an archived copy, shown beside the original.
- Cited addresses on the site's own host must be pages of the site (custom domain vs Pages URL).
- The built pages use one name per thing (words.GLOSSARY) and not the variants in words.FORBIDDEN,
  and a Swedish page addresses its reader either as "du" or as "ni", never both.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT, build, copy_project, page
from registry import RegistryError, load_registries
from registry.render import Renderer
from registry.settings import read_settings
from registry.words import FORBIDDEN, GLOSSARY

TEMPLATES = ROOT / "overrides" / "partials" / "registry"
CUSTOM_DOMAIN = "https://klimatneutralaborlange2030.se/"
PAGES_URL = "https://klimatneutrala-borlange-2030.github.io/site/"


def minimal_with(tmp_path: Path, file: str, old: str, new: str) -> Path:
    root = tmp_path / "registries"
    shutil.copytree(MINIMAL, root)
    text = (root / file).read_text(encoding="utf-8")
    assert old in text
    (root / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


def render(root: Path, marker: str, record: str | None, here: str, lang: str, today: date) -> str:
    settings = replace(read_settings(ROOT / "mkdocs.yml"), review_months=12, today=today)
    return Renderer(load_registries(root), settings, TEMPLATES).render_marker(marker, record, here, lang)


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


# --- Present tense needs a recent source -----------------------------------------------------------


def test_a_status_with_a_recent_source_is_said_in_the_present(tmp_path):
    root = minimal_with(
        tmp_path, "initiatives.yaml", "    status: ongoing\n", "    status: ongoing\n    status_as_of: 2026-03-15\n"
    )
    html = text(render(root, "initiative", "solceller", "insatser/solceller/", "sv", date(2026, 11, 30)))
    assert "Pågår" in html and "Status enligt källa från 15 mars 2026." in html and "Pågick" not in html


def test_a_status_on_an_old_source_is_said_in_the_past_with_its_date(tmp_path):
    root = minimal_with(
        tmp_path, "initiatives.yaml", "    status: ongoing\n", '    status: ongoing\n    status_as_of: "2023-03"\n'
    )
    sv = text(render(root, "initiative", "solceller", "insatser/solceller/", "sv", date(2026, 11, 30)))
    en = text(render(root, "initiative", "solceller", "insatser/solceller/", "en", date(2026, 11, 30)))
    assert "Enligt källan från mars 2023 pågick insatsen." in sv and "Pågick" in sv
    assert "According to the source from March 2023, the initiative was ongoing." in en
    assert "Pågår" not in sv and "Ongoing" not in en


def test_an_undated_status_says_the_sources_do_not_say_when():
    sv = text(render(MINIMAL, "initiative", "solceller", "insatser/solceller/", "sv", date(2026, 11, 30)))
    assert "Källorna beskriver insatsen som pågående men anger inte när." in sv


def test_the_editors_page_lists_each_status_on_an_old_source(tmp_path):
    root = minimal_with(
        tmp_path, "initiatives.yaml", "    status: ongoing\n", "    status: ongoing\n    status_as_of: 2025-11-30\n"
    )
    fresh = text(render(root, "review-overview", None, "redaktorer/", "en", date(2026, 11, 29)))
    assert "Every initiative said to be ongoing or planned has a source from the last 12 months." in fresh
    old = text(render(root, "review-overview", None, "redaktorer/", "sv", date(2026, 11, 30)))
    assert "Status i presens utan en källa från de senaste 12 månaderna (1)" in old
    assert "Solceller ongoing 30 november 2025" in old


def test_a_completed_initiative_is_never_flagged(tmp_path):
    root = minimal_with(tmp_path, "initiatives.yaml", "    status: ongoing\n", "    status: completed\n")
    overview = text(render(root, "review-overview", None, "redaktorer/", "sv", date(2040, 1, 1)))
    assert "Status i presens" not in overview


def check(root: Path, **env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "SITE_URL"} | env | {"PYTHONUTF8": "1"}
    return subprocess.run(
        [sys.executable, str(ROOT / "hooks" / "check.py"), "--root", str(root)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        timeout=120,
    )


def test_the_check_warns_but_passes_on_an_old_status(tmp_path):
    root = minimal_with(
        tmp_path, "initiatives.yaml", "    status: ongoing\n", "    status: ongoing\n    status_as_of: 2020\n"
    )
    result = check(root, GITHUB_ACTIONS="true")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [
        "initiatives.yaml:11:5: record solceller, field status_as_of: warning: the status 'ongoing' rests on a"
        " source from 2020, not on one from the last 12 months, so the page says it in the past tense — find a"
        " newer source and update status and status_as_of",
        "1 warning: shown on the editors' page (För redaktörer); the site is built all the same.",
    ]


def test_the_built_site_says_old_statuses_in_the_past(site):
    team = page(site, "insatser/innovationsteam/")
    assert "Enligt källan från mars 2023 pågick insatsen." in team.get_text(" ")
    assert "According to the source from March 2023, the initiative was ongoing." in page(
        site, "insatser/innovationsteam/", "en"
    ).get_text(" ")
    editors = page(site, "redaktorer/").find("table", class_="kb-outdated-table")
    assert editors is not None and "Innovationsteam för klimatåtgärder" in editors.get_text(" ")


# --- Target vs effect; what an agency count counts ------------------------------------------------


def test_a_target_is_not_shown_as_an_effect(site):
    for lang, target, effect in (("sv", "Mål", "Förväntad effekt"), ("en", "Target", "Expected effect")):
        article = page(site, "insatser/res-hallbart/", lang).find("article").get_text(" ")
        assert f"{target}: 20" in article and effect not in article


def test_agencies_are_labelled_signed_only_where_they_count_signatures(site):
    expansion = page(site, "klimatkontraktet/regional-utvidgning-2024/").find("article").get_text(" ")
    assert "Myndigheter i Klimatneutrala städer 2030" in expansion and "undertecknade" not in expansion
    letter = page(site, "klimatkontraktet/avsiktsforklaring-2021/", "en").find("article").get_text(" ")
    assert "Agencies" not in letter  # the national 2021 figures belong to the national event
    national = page(site, "klimatkontraktet/klimatkontrakt-2030-2021/", "en").find("article").get_text(" ")
    assert re.search(r"Agencies that signed\s+5", national)


def test_a_signed_count_must_match_the_agencies_among_the_signatories(tmp_path):
    root = minimal_with(
        tmp_path, "contracts.yaml", "    cities: 23\n", "    cities: 23\n    agencies: 2\n    agencies_count: signed\n"
    )
    with pytest.raises(RegistryError) as caught:
        load_registries(root)
    assert [str(p) for p in caught.value.problems] == [
        "contracts.yaml:13:5: record avsiktsforklaring-2021, field agencies: 2 agencies are shown as having signed,"
        " but the signatories list 0 — list every agency that signed, or correct the number"
    ]


# --- Archived copies and the site's own address ---------------------------------------------------

ARCHIVED = (
    "    sources:\n      - url: https://www.borlange-energi.se\n"
    "        archived: https://archive.example/borlange-energi\n        archived_on: 2024-05-01\n"
)


def test_an_archived_copy_is_shown_beside_the_original(tmp_path):
    root = minimal_with(
        tmp_path, "initiatives.yaml", "    sources:\n      - https://www.borlange-energi.se\n", ARCHIVED
    )
    html = render(root, "initiative", "solceller", "insatser/solceller/", "sv", date(2026, 11, 30))
    item = re.search(r'<ul class="kb-sources">\s*<li>(.*?)</li>', html, re.DOTALL).group(1)
    assert 'href="https://www.borlange-energi.se"' in item and 'href="https://archive.example/borlange-energi"' in item
    assert "arkiverad kopia från 1 maj 2024" in text(item)


OLD_SITE_PAGES = [
    "/om-satsningen/aktuellt/",
    "/borlanges-klimatpaverkan/",
    "/om-projektet/",
    "/infor-european-viable-cities-day-2022/",
    "/734-2/",
    "/borlange-kommun-deltar-i-sveriges-forsta-innovationsprogram/",
]


def test_at_the_custom_domain_every_source_on_the_old_site_is_a_located_error():
    result = check(ROOT, SITE_URL=CUSTOM_DOMAIN)
    assert result.returncode == 1
    lines = result.stderr.splitlines()[:-1]
    assert lines and all(re.match(r"^(\w+\.yaml|docs/[\w/.-]+\.md):\d+:\d+: ", line) for line in lines), lines
    assert all("this site's own address (site_url), where the site has no such page" in line for line in lines)
    cited = {re.search(r"https://klimatneutralaborlange2030\.se(/\S*/) is on", line).group(1) for line in lines}
    assert cited == set(OLD_SITE_PAGES)
    assert any("add the address of an archived copy to `archived:`" in line for line in lines)


def test_at_the_pages_address_the_old_site_is_just_another_site():
    result = check(ROOT, SITE_URL=PAGES_URL)
    assert result.returncode == 0, result.stderr


def test_a_source_that_is_a_page_of_this_site_is_not_an_error(tmp_path):
    root = minimal_with(
        tmp_path,
        "initiatives.yaml",
        "      - https://www.borlange-energi.se\n",
        "      - https://www.borlange-energi.se\n      - https://klimatneutralaborlange2030.se/parter/borlange-energi/\n"
        "      - https://klimatneutralaborlange2030.se/nothing-here/\n",
    )
    (root / "docs").mkdir()
    result = check(root, SITE_URL=CUSTOM_DOMAIN)
    assert result.stderr.splitlines() == [
        "initiatives.yaml:18:9: record solceller, field sources, item 3: https://klimatneutralaborlange2030.se/nothing-here/"
        " is on klimatneutralaborlange2030.se, this site's own address (site_url), where the site has no such page —"
        " write the source as `url:` with `archived:` and the address of an archived copy (e.g. from the Internet"
        " Archive, https://web.archive.org/), or remove the source",
        "1 mistake in the registries — fix them and try again.",
    ]


def test_the_build_for_the_custom_domain_stops_with_the_same_located_errors(tmp_path):
    project = copy_project(tmp_path / "project")
    result = build(project, tmp_path / "site", site_url=CUSTOM_DOMAIN)
    output = (result.stdout + result.stderr).strip().splitlines()
    assert result.returncode == 1 and "Traceback" not in "\n".join(output)
    assert output[-1] == "Nothing was built: the site is unchanged."
    assert any(line.startswith("docs/klimatneutralt.sv.md:") and "/om-projektet/" in line for line in output)
    assert any(line.startswith("contracts.yaml:") and "/734-2/" in line for line in output)


# --- One name per thing, the publisher's voice -----------------------------------------------------


def _articles(site: Path, lang: str):
    folder = site if lang == "sv" else site / "en"
    for path in sorted(folder.rglob("index.html")):
        if lang == "sv" and path.relative_to(site).parts[0] == "en":
            continue
        html = path.read_text(encoding="utf-8")
        body = re.search(r"<article[^>]*>(.*?)</article>", html, re.DOTALL)
        yield path.relative_to(site).as_posix(), text(body.group(1) if body else "")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_page_uses_a_forbidden_variant(site, lang):
    found = [(route, bad) for route, words in _articles(site, lang) for bad in FORBIDDEN[lang] if bad in words]
    assert found == []


def test_the_glossary_names_are_the_ones_on_the_pages(site):
    about = {lang: dict(_articles(site, lang)) for lang in ("sv", "en")}
    sv, en = about["sv"]["om-programmet/index.html"], about["en"]["en/om-programmet/index.html"]
    assert GLOSSARY["platform"][0] in sv and "medborgarengagemang" in sv
    assert GLOSSARY["programme"][1] in en and GLOSSARY["initiative"][1] in page(site, "", "en").get_text(" ")


DU = re.compile(r"\b(du|dig|din|ditt|dina)\b", re.IGNORECASE)
NI = re.compile(r"\b(ni|er|ert|era)\b", re.IGNORECASE)


def test_a_swedish_page_says_du_or_ni_never_both(site):
    pages = [(route, words.replace("Din Bil", "")) for route, words in _articles(site, "sv")]  # a name
    both = [route for route, words in pages if DU.search(words) and NI.search(words)]
    assert both == []


def test_the_about_page_links_each_part_to_the_registries(site):
    about = page(site, "om-programmet/")
    links = {a["href"] for a in about.find("article").find_all("a")}
    # Section pages only: a link to one record would break the build of registries without it.
    assert {
        "../klimatkontraktet/",
        "../insatser/omrade/collaboration/",
        "../insatser/",
        "../klimatkontraktet/#det-lokala-klimatkontraktet",
        "../parter/",
    } <= links
    assert "Källorna innehåller ingen klimatinvesteringsplan för Borlänge." in about.get_text(" ")
    nav = " ".join(n.get_text(" ") for n in page(site, "", "en").find_all("nav"))
    assert "About the programme" in nav
