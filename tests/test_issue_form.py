"""Issue form -> registry record (hooks/issue_form.py): recorded issue bodies, exactly as GitHub
writes them, good and bad; the YAML it appends, the messages it gives, and a build of the result."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT, build, convert_form, copy_project, page

BODIES = ROOT / "tests" / "fixtures" / "issue-forms"
FAILED = (
    "Förslaget kan inte bli en post i registret än. Rätta svaren genom att redigera ärendet: "
    "de kontrolleras igen när du sparar.\n*(The proposal cannot become a registry record yet. Correct the answers "
    "by editing the issue: they are checked again when you save.)*\n\n"
)
PARTNER_YAML = """
  - id: solgarden-exempel-ab
    name: "Solgården Exempel AB"
    type: company
    roles:
      - contributing
      - project-partner
    website: "https://www.example.org"
    description:
      sv: "Ett påhittat företag som bara finns i testerna: \\"citat\\" och kolon: här."
      en: "A made-up company that exists only in the tests."
    joined: 2024-05
    sources:
      - "https://www.example.org/om-oss"
      - "https://www.example.org/nyheter/1"
    last_reviewed: 2026-11-30
"""
INITIATIVE_YAML = """
  - id: solpaneler-pa-exempelgarden
    title:
      sv: "Solpaneler på Exempelgården"
      en: "Solar panels at Exempelgården"
    summary:
      sv: "Ett påhittat projekt i testerna.\\nTvå rader."
      en: "A made-up project in the tests."
    category: energy
    status: planned
    status_as_of: "2026-05-02"
    lead: solgarden-exempel-ab
    partners:
      - borlange-kommun
    start: "2027"
    effect:
      kind: expected
      value: 1200
      source: "https://www.example.org/effekt"
      unit:
        sv: "ton CO₂e per år"
        en: "tonnes CO₂e per year"
      description:
        sv: "Beräknad minskning."
        en: "Estimated reduction."
    links:
      - title:
          sv: "Projektets sida"
          en: "The project's page"
        url: "https://www.example.org/projekt"
    sources:
      - "https://www.example.org/projekt"
    last_reviewed: 2026-11-30
"""


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project with the minimal registries and the issue forms."""
    dest = copy_project(tmp_path / "project", MINIMAL)
    shutil.copytree(ROOT / ".github" / "ISSUE_TEMPLATE", dest / ".github" / "ISSUE_TEMPLATE")
    return dest


def convert(project: Path, body: str) -> tuple[int, str]:
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "hooks" / "issue_form.py"),
            str(BODIES / body),
            "--root",
            str(project),
            "--today",
            "2026-11-30",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stderr == ""
    return result.returncode, result.stdout


def registries(project: Path) -> dict[str, str]:
    return {name: (project / name).read_text(encoding="utf-8") for name in ("partners.yaml", "initiatives.yaml")}


def test_good_forms_become_records_that_pass_the_check_and_build(project, tmp_path):
    before = registries(project)
    assert convert(project, "new-partner.md") == (0, "partners.yaml: solgarden-exempel-ab\n")
    assert convert(project, "new-initiative.md") == (0, "initiatives.yaml: solpaneler-pa-exempelgarden\n")
    after = registries(project)
    assert after["partners.yaml"] == before["partners.yaml"] + PARTNER_YAML
    assert after["initiatives.yaml"] == before["initiatives.yaml"] + INITIATIVE_YAML
    check = subprocess.run(
        [sys.executable, str(project / "hooks" / "check.py"), "--root", str(project)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert check.returncode == 0, check.stderr
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (
        page(tmp_path / "site", "insatser/solpaneler-pa-exempelgarden/").h1.get_text(strip=True)
        == "Solpaneler på Exempelgården"
    )
    assert (
        page(tmp_path / "site", "insatser/solpaneler-pa-exempelgarden/", "en").h1.get_text(strip=True)
        == "Solar panels at Exempelgården"
    )
    assert (
        page(tmp_path / "site", "parter/solgarden-exempel-ab/", "en").h1.get_text(strip=True) == "Solgården Exempel AB"
    )


def test_bad_answers_are_said_in_words_and_nothing_is_written(project):
    before = registries(project)
    assert convert(project, "bad-initiative.md") == (
        1,
        FAILED
        + (
            "- **Offentligt (Public)**: rutan är inte ikryssad – allt i registret är offentligt, så bara kryssade "
            "förslag blir poster *(the box is not ticked — everything in the registry is public, so only ticked "
            "proposals become records)*\n"
            "- **Sammanfattning på engelska (Summary in English) – summary.en**: svaret saknas – skriv texten på "
            "engelska; webbplatsen visar varje text på svenska och engelska *(the answer is missing — write the text "
            "in English; the site shows every text in Swedish and English)*\n"
            "- **Leds av (Led by) – lead**: ingen part har id ”solgarden” – skriv id för en part som finns i "
            "partners.yaml (sist i adressen till partens sida), eller föreslå parten först med formuläret Ny part. "
            "*(no partner has the id “solgarden” — write the id of a partner in partners.yaml (the end of the "
            "partner page's address), or propose the partner first with the New partner form.)*\n"
            "- **Start (Start) – start**: ”mars 2027” är inget datum – skriv ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ, till "
            "exempel 2023-03-15 *(“mars 2027” is not a date — write YYYY-MM-DD, YYYY-MM or YYYY, for example "
            "2023-03-15)*\n"
        ),
    )
    assert registries(project) == before


def test_a_correction_is_left_to_an_editor(project):
    assert convert(project, "correction.md") == (
        1,
        FAILED
        + (
            "- **correction.yml**: en rättelse görs av en redaktör, som ändrar posten direkt i registret "
            "*(a correction is made by an editor, who changes the record in the registry)*\n"
        ),
    )


def test_an_id_in_use_is_said_about_the_question(project):
    assert convert(project, "new-partner.md")[0] == 0
    before = registries(project)
    assert convert(project, "new-partner.md") == (
        1,
        FAILED
        + "- **Förslag på id (Suggested id) – id**: id ”solgarden-exempel-ab” finns redan – skriv ett annat under"
        " Förslag på id *(the id “solgarden-exempel-ab” is taken — write another one under Suggested id)*\n",
    )
    assert registries(project) == before


def test_a_record_the_check_rejects_is_not_kept_and_its_mistake_is_said_about_the_question(project):
    """Issue #22: a mistake only the registry check finds came back as 'initiatives.yaml:469:7: …',
    about a file the proposer never saw."""
    before = registries(project)
    status, out = convert_form(
        project, {"Källa (source): https://www.example.org/effekt": "Källa (source): www.example.org"}
    )
    assert (status, out) == (
        1,
        FAILED + "- **Effekt (Effect) – effect**: kontrollen av registret (på engelska): '`www.example.org`' is not a"
        " web address this site links to — write it in full: `https://www.example.org`\n",
    )
    assert registries(project) == before


EFFECT = (
    "Typ (kind): expected\nVärde (value): 1 200\nEnhet (unit): ton CO₂e per år / tonnes CO₂e per year\n"
    "Svenska: Beräknad minskning.\nEnglish: Estimated reduction.\nKälla (source): https://www.example.org/effekt"
)


def test_a_free_text_effect_is_named_not_dropped(project):
    """Issue #22: 'Roughly 300 tonnes CO2e per year less diesel' vanished from the record."""
    assert convert_form(project, {EFFECT: "Roughly 300 tonnes CO2e per year less diesel"}) == (
        1,
        FAILED + "- **Effekt (Effect) – effect**: raden ”Roughly 300 tonnes CO2e per year less diesel” är ingen av de"
        " sex raderna – börja den med till exempel ”Värde (value):” eller ”Svenska:”, som i exemplet *(the line"
        " “Roughly 300 tonnes CO2e per year less diesel” is not one of the six lines — start it with, for example,"
        " “Värde (value):” or “English:”, as in the example)*\n",
    )


def test_a_partly_right_effect_names_the_wrong_line(project):
    assert convert_form(project, {"Värde (value): 1 200": "Värde (value): ca 300"}) == (
        1,
        FAILED + "- **Effekt (Effect) – effect**: raden ”Värde (value): ca 300” – värdet är ett tal med bara siffror,"
        " till exempel 300 *(the line “Värde (value): ca 300” — the value is a number in digits only, for example"
        " 300)*\n",
    )
    status, out = convert_form(project, {"\nEnglish: Estimated reduction.": ""})
    assert status == 1 and "the lines “English:” are missing — an effect has all six lines" in out


def test_partners_separated_by_commas_are_each_a_partner(project):
    """Issue #22: 'borlange-energi, borlange-kommun' was one unknown id, and the advice dropped one."""
    partners = project / "partners.yaml"
    partners.write_text(partners.read_text(encoding="utf-8") + PARTNER_YAML, encoding="utf-8")
    before = (project / "initiatives.yaml").read_text(encoding="utf-8")
    assert convert_form(
        project, {"```text\nborlange-kommun\n```": "```text\nborlange-kommun, solgarden-exempel-ab\n```"}
    ) == (0, "initiatives.yaml: solpaneler-pa-exempelgarden\n")
    added = (project / "initiatives.yaml").read_text(encoding="utf-8")[len(before) :]
    assert "    partners:\n      - borlange-kommun\n      - solgarden-exempel-ab\n" in added


def test_a_stale_status_is_said_while_the_record_is_made(project):
    """Issue #22: a record with status_as_of 2025-03 says 'Was ongoing', and the converter said nothing."""
    status, out = convert_form(
        project, {"planned — Planerad (Planned)": "ongoing — Pågår (Ongoing)", "\n2026-05-02\n": "\n2025-03\n"}
    )
    assert (status, out) == (
        0,
        "initiatives.yaml: solpaneler-pa-exempelgarden\n\n"
        "- **Status (Status) – status**: statusen ”Pågår” bygger på en uppgift från mars 2025, äldre än 12 månader,"
        " så sidan säger den i dåtid – ange en nyare källa och dess datum under Status bekräftad, om det finns"
        " *(the status “Ongoing” rests on a fact from March 2025, older than 12 months, so the page says it in the"
        " past tense — give a newer source and its date under Status confirmed, if there is one)*\n",
    )


def test_what_the_form_cannot_place_is_named(project):
    """The newcomer's trial: text after the checkbox, a heading of one's own, two addresses on one line."""
    status, out = convert_form(project, {"\n### Källor": "\n### Kommentar\n\nRing mig.\n\n### Källor"})
    assert (status, out) == (
        1,
        FAILED + "- **\\#\\#\\# Kommentar**: rubriken är ingen fråga i formuläret – flytta texten under den till frågan"
        " där den hör hemma, och ta bort rubriken *(the heading is not a question of the form — move the text under"
        " it to the question it belongs to, and remove the heading)*\n",
    )
    status, out = convert_form(
        project,
        {
            "https://www.example.org/projekt\n```\n\n### Förslag": "https://a.example https://b.example\n```\n\n### Förslag"
        },
    )
    assert status == 1 and "“`https://a.example` `https://b.example`” is several addresses on one line" in out
    status, out = convert_form(project, {"is public.)": "is public.)\nPS: ring mig."})
    assert (status, out) == (
        1,
        FAILED + "- **Offentligt (Public)**: svaret har text som posten inte har plats för: ”PS: ring mig.” – skriv"
        " den under frågan där den hör hemma, eller ta bort den *(the answer has text the record has no place for:"
        " “PS: ring mig.” — write it under the question it belongs to, or remove it)*\n",
    )


def test_the_lead_among_the_partners_and_an_end_before_the_start_are_said_in_both_languages(project):
    status, out = convert_form(
        project,
        {
            "```text\nborlange-kommun\n```": "```text\nborlange-kommun, borlange-energi\n```",
            "### Slut (End) – end\n\n_No response_": "### Slut (End) – end\n\n2026",
        },
    )
    assert status == 1
    assert (
        "- **Övriga deltagande parter (Other partners taking part) – partners**: ”borlange-energi” leder redan" in out
    )
    assert "- **Slut (End) – end**: slutet 2026 är före starten 2027 – rätta det ena *(the end 2026 is before" in out
