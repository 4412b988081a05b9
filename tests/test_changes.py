"""The change summary of a pull request (hooks/changes.py BASE HEAD): exact text for each kind of
change, computed from two revisions of the registries in a throw-away git repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT

SITE = "https://example.org/site/"
NEW_PARTNER = """  - id: hogskolan-dalarna
    name: Högskolan Dalarna
    name_en: Dalarna University
    type: university
    roles: [contributing]
    description:
      sv: Högskolan forskar om energi.
      en: The university does research on energy.
    sources:
      - https://www.du.se
    last_reviewed: 2026-11-01
"""


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def repo(tmp_path) -> Path:
    """A git repository holding the minimal registries, committed once (revision `base`)."""
    for file in MINIMAL.glob("*.yaml"):
        shutil.copy(file, tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "--allow-empty", "-m", "x")
    git(tmp_path, "add", ".")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "base")
    git(tmp_path, "tag", "base")
    return tmp_path


def edit(repo: Path, file: str, old: str, new: str) -> None:
    path = repo / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def summary(repo: Path) -> str:
    git(repo, "add", ".")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "--allow-empty", "-m", "head")
    result = subprocess.run(
        [sys.executable, str(ROOT / "hooks" / "changes.py"), "base", "HEAD"],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, "SITE_URL": SITE},
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (0, "")
    short = git(repo, "rev-parse", "--short", "HEAD")
    about = f"Sammanfattningen gäller `{short}`. *(This summary is of `{short}`.)*\n\n"
    assert result.stdout.startswith("<!-- kb-change-summary -->\n\n" + about)  # the commit it describes
    return result.stdout.replace(about, "", 1)


CHECK_OK = "**Kontrollen:** inga fel. *(**The check:** no mistakes.)*"


def expected(sv_changes: str, en_changes: str, sv_pages: str, en_pages: str, check: str = CHECK_OK) -> str:
    return (
        f"<!-- kb-change-summary -->\n\n{check}\n\n## Ändringar i registren\n\n{sv_changes}\n\n### Sidor som ändras\n\n"
        f"{sv_pages}\n\n## Changes to the registries\n\n{en_changes}\n\n### Pages that change\n\n{en_pages}\n"
    )


WHY = {
    "sv": (
        "Posternas egna sidor",
        "Listor och översikter",
        "Sidor som nämner posterna",
        "Startsidan, vars nyckeltal räknar posterna",
        "ny",
        "tas bort",
        "Nya sidor finns när ändringen är publicerad.",
    ),
    "en": (
        "The records' own pages",
        "Lists and overviews",
        "Pages that name the records",
        "The home page, whose key figures count the records",
        "new",
        "removed",
        "New pages exist once the change is published.",
    ),
}


def urls(
    own: tuple[str, ...] = (),
    lists: tuple[str, ...] = (),
    named: tuple[str, ...] = (),
    home: bool = False,
    lang: str = "sv",
    new: tuple[str, ...] = (),
    gone: tuple[str, ...] = (),
) -> str:
    """The pages part of a summary, grouped by why they change: changed pages link to the live
    site; new and removed ones (record pages, listed in `own` too) are named by their path."""
    prefix = "site/" + ("" if lang == "sv" else "en/")
    words = WHY[lang]

    def item(r: str) -> str:
        if r in new:
            return f"`/{prefix}{r}` ({words[4]})"
        if r in gone:
            return f"`/{prefix}{r}` ({words[5]})"
        return f"[`/{prefix}{r}`](https://example.org/{prefix}{r})"

    groups = [(words[0], own), (words[1], lists), (words[2], named), (words[3], ("",) if home else ())]
    lines = [f"- **{why}** ({len(rs)}): " + " · ".join(item(r) for r in rs) for why, rs in groups if rs]
    return "\n".join(lines + (["", words[6]] if new else []))


def test_a_new_partner(repo):
    (repo / "partners.yaml").write_text(
        (repo / "partners.yaml").read_text(encoding="utf-8") + NEW_PARTNER, encoding="utf-8"
    )
    assert summary(repo) == expected(
        "- Part *Högskolan Dalarna* (`hogskolan-dalarna`) läggs till\n"
        "  - namn: Högskolan Dalarna\n"
        "  - engelskt namn: Dalarna University\n"
        "  - typ av organisation: Högskola eller universitet\n"
        "  - roller: Bidragande organisation\n"
        "  - beskrivning på svenska: Högskolan forskar om energi.\n"
        "  - beskrivning på engelska: The university does research on energy.\n"
        "  - källor: <https://www.du.se>\n"
        "  - senast granskad: 1 november 2026",
        "- Partner *Dalarna University* (`hogskolan-dalarna`) added\n"
        "  - name: Högskolan Dalarna\n"
        "  - English name: Dalarna University\n"
        "  - type of organisation: University\n"
        "  - roles: Contributing organisation\n"
        "  - description in Swedish: Högskolan forskar om energi.\n"
        "  - description in English: The university does research on energy.\n"
        "  - sources: <https://www.du.se>\n"
        "  - last reviewed: 1 November 2026",
        *(
            urls(("parter/hogskolan-dalarna/",), ("parter/",), home=True, lang=lang, new=("parter/hogskolan-dalarna/",))
            for lang in ("sv", "en")
        ),
    )


def test_a_removed_initiative(repo):
    (repo / "initiatives.yaml").write_text("initiatives: []\n", encoding="utf-8")
    assert summary(repo) == expected(
        "- Insats *Solceller* (`solceller`) tas bort",
        "- Initiative *Solar power* (`solceller`) removed",
        *(urls(OWN, LISTS, NAMED, home=True, lang=lang, gone=("insatser/solceller/",)) for lang in ("sv", "en")),
    )


def test_a_renamed_id(repo):
    edit(repo, "partners.yaml", "id: borlange-energi", "id: borlange-energi-ab")
    edit(repo, "initiatives.yaml", "lead: borlange-energi", "lead: borlange-energi-ab")
    own = ("insatser/solceller/", "parter/borlange-energi-ab/", "parter/borlange-energi/")
    listed = {
        lang: urls(
            own,
            (*LISTS, "parter/"),
            ("parter/borlange-kommun/",),
            lang=lang,
            new=("parter/borlange-energi-ab/",),
            gone=("parter/borlange-energi/",),
        )
        for lang in ("sv", "en")
    }
    assert summary(repo) == expected(
        "- Part *Borlänge Energi*: id `borlange-energi` → `borlange-energi-ab`: sidans adress ändras\n"
        "- Insats *Solceller*: leds av borlange-energi → borlange-energi-ab",
        "- Partner *Borlänge Energi*: id `borlange-energi` → `borlange-energi-ab`: the page's address changes\n"
        "- Initiative *Solar power*: led by borlange-energi → borlange-energi-ab",
        listed["sv"],
        listed["en"],
    )


OWN = ("insatser/solceller/",)
LISTS = ("insatser/", "insatser/omrade/energy/", "insatser/status/ongoing/")
NAMED = ("parter/borlange-energi/", "parter/borlange-kommun/")


def test_a_changed_status(repo):
    edit(repo, "initiatives.yaml", "status: ongoing\n", "status: completed\n    status_as_of: 2026-05-02\n")
    lists = (*LISTS[:2], "insatser/status/completed/", LISTS[2])
    assert summary(repo) == expected(
        "- Insats *Solceller*: status Pågår → Genomförd; status enligt källa 2026-05-02",
        "- Initiative *Solar power*: status Ongoing → Completed; status as of 2026-05-02",
        *(urls(OWN, lists, NAMED, home=True, lang=lang) for lang in ("sv", "en")),
    )


def test_a_text_changed_in_one_language(repo):
    edit(
        repo,
        "initiatives.yaml",
        "en: Solar panels on municipal roofs.",
        "en: Solar panels on the roofs of the municipality's buildings, a long text that is not quoted.",
    )
    edit(repo, "initiatives.yaml", "en: Solar power", "en: Solar panels")
    assert summary(repo) == expected(
        "- Insats *Solceller*: rubrik på engelska Solar power → Solar panels; sammanfattning på engelska ändrad",
        "- Initiative *Solar panels*: title in English Solar power → Solar panels; summary in English changed",
        *(urls(OWN, LISTS, NAMED, lang=lang) for lang in ("sv", "en")),
    )


def test_a_mistake_introduced(repo):
    edit(repo, "initiatives.yaml", "status: ongoing\n", "status: finished\n")
    edit(repo, "initiatives.yaml", "lead: borlange-energi", "lead: borlange_energi")
    mistakes = (
        "\n\n```text\n"
        "initiatives.yaml:10:5: record solceller, field status: 'finished' is not an allowed value"
        " — use one of: planned, ongoing, completed, paused\n"
        "initiatives.yaml:11:5: record solceller, field lead: 'borlange_energi' is not a valid id"
        " — write borlange-energi (lowercase a–z, digits and hyphens; å, ä, ö as a, a, o)\n"
        "initiatives.yaml:11:5: record solceller, field lead: no partner has the id 'borlange_energi'"
        " — did you mean 'borlange-energi' or 'borlange-kommun'?\n```"
    )
    assert summary(repo) == expected(
        "- Insats *Solceller*: status Pågår → finished; leds av borlange-energi → borlange\\_energi",
        "- Initiative *Solar power*: status Ongoing → finished; led by borlange-energi → borlange\\_energi",
        *(urls(OWN, LISTS, NAMED, home=True, lang=lang) for lang in ("sv", "en")),  # no page for the new status
        "**Kontrollen hittade 3 fel** – rätta dem, annars kan ändringen inte publiceras:"
        " *(**The check found 3 mistakes** — fix them, or the change cannot be published:)*" + mistakes,
    )


def test_no_change_and_a_bad_revision(repo):
    assert summary(repo) == expected(
        "Inga ändringar i registren.", "No changes to the registries.", "Inga sidor ändras.", "No pages change."
    )
    result = subprocess.run(
        [sys.executable, str(ROOT / "hooks" / "changes.py"), "base", "nope"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        "changes.py: 'nope' is not a commit in this repository\n",
    )


def test_text_from_a_pull_request_cannot_make_markup_or_a_second_marker(repo):
    edit(repo, "partners.yaml", "name: Borlänge Energi", 'name: "Evil <!-- kb-change-summary --> *b* [x](y)"')
    text = summary(repo)
    assert text.count("<!-- kb-change-summary -->") == 1
    assert (
        "- Part *Evil \\<\\!-- kb-change-summary --\\> \\*b\\* \\[x\\](y)*: namn Borlänge Energi → "
        "Evil \\<\\!-- kb-change-summary --\\> \\*b\\* \\[x\\](y)\n"
    ) in text


def test_a_large_change_lists_what_fits_and_counts_the_rest(repo):
    many = "".join(
        NEW_PARTNER.replace("hogskolan-dalarna", f"part-{n}")
        .replace("Högskolan Dalarna", f"Part {n}")
        .replace("    name_en: Dalarna University\n", "")
        for n in range(120)
    )
    (repo / "partners.yaml").write_text((repo / "partners.yaml").read_text(encoding="utf-8") + many, encoding="utf-8")
    text = summary(repo)
    sv, en = text.split("## Changes to the registries")
    listed = sv.count("läggs till\n")
    assert 40 < listed < 120 and f"\n- … och {120 - listed} till\n" in sv
    in_english = en.count(" added\n")  # English words are shorter: a few more fit
    assert listed <= in_english < 120 and f"\n- … and {120 - in_english} more\n" in en
    assert sv.count("  - källor: <https://www.du.se>\n") == listed  # each listed record whole
    # pages: the 120 new ones are named, and the partner list and the home page linked
    assert "- **Posternas egna sidor** (120): `/site/parter/part-0/` (ny) · `/site/parter/part-1/` (ny)" in sv
    assert re.search(r"`/site/parter/part-\d+/` \(ny\) och \d+ till\n", sv)
    assert "- **Listor och översikter** (1): [`/site/parter/`]" in sv


def test_a_registry_that_cannot_be_read_is_said_first_and_nothing_is_removed(repo):
    """Issue #22: one tab in partners.yaml made the summary list every partner as removed."""
    edit(repo, "partners.yaml", "    type: municipality\n", "\ttype: municipality\n")
    text = summary(repo)
    assert text.startswith(
        "<!-- kb-change-summary -->\n\n**`partners.yaml` kan inte läsas**, så dess poster jämförs inte och inget i den"
        " visas som borttaget. Felet står med sin rad bland kontrollens fel nedan. *(**`partners.yaml` cannot be"
        " read**, so its records are not compared and nothing in it is shown as removed. The mistake is among the"
        " check's, below, with its line.)*\n\n**Kontrollen hittade 1 fel**"
    )
    assert "partners.yaml:4:1: YAML syntax: a tab is used for indentation" in text
    assert "tas bort" not in text and "removed" not in text.split("*(**`partners.yaml`")[1].split("\n", 1)[1]
    assert "Inga ändringar i de register som går att läsa." in text and "No changes in the registries that can" in text
    assert "Vilka sidor som ändras står här när alla register går att läsa." in text
    assert "YAML syntax: a tab is used for indentation — use spaces only\n    4 | →type: municipality\n" in text


NEW_INITIATIVE = """  - id: vindkraft
    title:
      sv: Vindkraft
      en: Wind power
    summary:
      sv: Vindkraft på kommunens mark.
      en: Wind power on municipal land.
    category: energy
    status: ongoing
    status_as_of: 2023-03
    lead: borlange-energi
    sources:
      - https://www.borlange-energi.se
    last_reviewed: 2026-11-01
"""


def test_the_check_warns_only_about_what_the_change_touches(repo):
    """Issue #22: every run printed the old warnings about records the editor did not touch."""
    path = repo / "initiatives.yaml"
    path.write_text(path.read_text(encoding="utf-8") + NEW_INITIATIVE, encoding="utf-8")
    summary(repo)  # commits the change as HEAD
    result = subprocess.run(
        [sys.executable, str(ROOT / "hooks" / "check.py"), "--root", str(repo), "--base", "base"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.splitlines()[1:] == [
        "initiatives.yaml:27:5: record vindkraft, field status_as_of: warning: the status 'ongoing' rests on a source"
        " from 2023-03, not on one from the last 12 months, so the page says it in the past tense — find a newer"
        " source and update status and status_as_of",
        "1 warning: shown on the editors' page (För redaktörer); the site is built all the same.",
        "1 more warning about records this change does not touch: shown on the editors' page (För redaktörer).",
    ]
