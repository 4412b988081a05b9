"""The change summary of a pull request (hooks/changes.py BASE HEAD): exact text for each kind of
change, computed from two revisions of the registries in a throw-away git repository."""

from __future__ import annotations

import os
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
    return result.stdout


CHECK_OK = "**Kontrollen:** inga fel. *(**The check:** no mistakes.)*"


def expected(sv_changes: str, en_changes: str, sv_pages: str, en_pages: str, check: str = CHECK_OK) -> str:
    return (
        f"<!-- kb-change-summary -->\n\n{check}\n\n## Ändringar i registren\n\n{sv_changes}\n\n### Sidor som ändras\n\n"
        f"{sv_pages}\n\n## Changes to the registries\n\n{en_changes}\n\n### Pages that change\n\n{en_pages}\n"
    )


def urls(*routes: str, lang: str = "sv", new: tuple[str, ...] = (), gone: tuple[str, ...] = ()) -> str:
    """The pages part of a summary: changed pages as links to the live site, new and removed by path."""
    prefix = "site/" + ("" if lang == "sv" else "en/")
    words = {
        "sv": ("Ändras", "Nya sidor", "som finns när ändringen är publicerad", "Tas bort"),
        "en": ("Changed", "New pages", "there once the change is published", "Removed"),
    }[lang]
    links = [f"[`/{prefix}{r}`](https://example.org/{prefix}{r})" for r in routes]
    lines = [f"{words[0]} ({len(links)}): " + " · ".join(links)] if links else []
    if new:
        lines.append(f"{words[1]} ({len(new)}), {words[2]}: " + " · ".join(f"`/{prefix}{r}`" for r in new))
    if gone:
        lines.append(f"{words[3]} ({len(gone)}): " + " · ".join(f"`/{prefix}{r}`" for r in gone))
    return "\n\n".join(lines)


def test_a_new_partner(repo):
    (repo / "partners.yaml").write_text(
        (repo / "partners.yaml").read_text(encoding="utf-8") + NEW_PARTNER, encoding="utf-8"
    )
    assert summary(repo) == expected(
        "- Part *Högskolan Dalarna* (`hogskolan-dalarna`) läggs till",
        "- Partner *Dalarna University* (`hogskolan-dalarna`) added",
        urls("", "parter/", new=("parter/hogskolan-dalarna/",)),
        urls("", "parter/", lang="en", new=("parter/hogskolan-dalarna/",)),
    )


def test_a_removed_initiative(repo):
    (repo / "initiatives.yaml").write_text("initiatives: []\n", encoding="utf-8")
    pages = [
        "",
        "insatser/",
        "insatser/omrade/energy/",
        "insatser/solceller/",
        "insatser/status/ongoing/",
        "parter/borlange-energi/",
        "parter/borlange-kommun/",
    ]
    assert summary(repo) == expected(
        "- Insats *Solceller* (`solceller`) tas bort",
        "- Initiative *Solar power* (`solceller`) removed",
        urls(*[p for p in pages if p != "insatser/solceller/"], gone=("insatser/solceller/",)),
        urls(*[p for p in pages if p != "insatser/solceller/"], lang="en", gone=("insatser/solceller/",)),
    )


def test_a_renamed_id(repo):
    edit(repo, "partners.yaml", "id: borlange-energi", "id: borlange-energi-ab")
    edit(repo, "initiatives.yaml", "lead: borlange-energi", "lead: borlange-energi-ab")
    pages = [
        "insatser/",
        "insatser/omrade/energy/",
        "insatser/solceller/",
        "insatser/status/ongoing/",
        "parter/",
        "parter/borlange-energi-ab/",
        "parter/borlange-energi/",
        "parter/borlange-kommun/",
    ]
    changed = [p for p in pages if p not in ("parter/borlange-energi-ab/", "parter/borlange-energi/")]
    listed = {
        lang: urls(*changed, lang=lang, new=("parter/borlange-energi-ab/",), gone=("parter/borlange-energi/",))
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


INITIATIVE_PAGES = [
    "insatser/",
    "insatser/omrade/energy/",
    "insatser/solceller/",
    "insatser/status/ongoing/",
    "parter/borlange-energi/",
    "parter/borlange-kommun/",
]


def test_a_changed_status(repo):
    edit(repo, "initiatives.yaml", "status: ongoing\n", "status: completed\n    status_as_of: 2026-05-02\n")
    pages = ["", *INITIATIVE_PAGES[:3], "insatser/status/completed/", *INITIATIVE_PAGES[3:]]
    assert summary(repo) == expected(
        "- Insats *Solceller*: status Pågår → Genomförd; status enligt källa 2026-05-02",
        "- Initiative *Solar power*: status Ongoing → Completed; status as of 2026-05-02",
        urls(*pages),
        urls(*pages, lang="en"),
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
        urls(*INITIATIVE_PAGES),
        urls(*INITIATIVE_PAGES, lang="en"),
    )


def test_a_mistake_introduced(repo):
    edit(repo, "initiatives.yaml", "status: ongoing\n", "status: finished\n")
    edit(repo, "initiatives.yaml", "lead: borlange-energi", "lead: borlange_energi")
    mistakes = (
        "\n\n```text\n"
        "initiatives.yaml:10:5: record solceller, field status: 'finished' is not an allowed value"
        " — use one of: planned, ongoing, completed, paused\n"
        "initiatives.yaml:11:5: record solceller, field lead: 'borlange_energi' is not a valid id"
        " — use lowercase a–z, digits and hyphens, e.g. borlange-energi (write å, ä, ö as a, a, o)\n"
        "initiatives.yaml:11:5: record solceller, field lead: no partner has the id 'borlange_energi'"
        " — did you mean 'borlange-energi' or 'borlange-kommun'?\n```"
    )
    pages = ["", *INITIATIVE_PAGES]  # no page for the status or lead that do not exist
    assert summary(repo) == expected(
        "- Insats *Solceller*: status Pågår → finished; leds av borlange-energi → borlange\\_energi",
        "- Initiative *Solar power*: status Ongoing → finished; led by borlange-energi → borlange\\_energi",
        urls(*pages),
        urls(*pages, lang="en"),
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


def test_a_large_change_is_listed_up_to_a_hundred_lines(repo):
    many = "".join(
        NEW_PARTNER.replace("hogskolan-dalarna", f"part-{n}")
        .replace("Högskolan Dalarna", f"Part {n}")
        .replace("    name_en: Dalarna University\n", "")
        for n in range(120)
    )
    (repo / "partners.yaml").write_text((repo / "partners.yaml").read_text(encoding="utf-8") + many, encoding="utf-8")
    sv, en = summary(repo).split("## Changes to the registries")
    assert sv.count("läggs till\n") == 100 and "\n- … och 20 till\n" in sv
    assert en.count(" added\n") == 100 and "\n- … and 20 more\n" in en
    # pages: the partner list and the home page change; the 120 new ones are named on one line
    assert "Ändras (2): " in sv and "Nya sidor (120), " in sv and "`/site/parter/part-119/`" in sv
