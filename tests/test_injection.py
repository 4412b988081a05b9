"""Hostile text from a pull request or an issue, in everything made of it for other people: the
change summary that the bot posts, the converter's comment on an issue, and the open data's CSV
files. Line breaks, Markdown, @mentions, bare addresses, very long values, formula cells, bidi
and format characters, and user names in addresses. Quick tier: no browser, no site build."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT, convert_form, copy_project
from registry import RegistryError, load_registries
from registry.changes import LIMIT, Version, summary
from registry.exports import FORMULA_START, csv_cell, data_files
from registry.formatting import slug
from registry.markdown_text import code, fenced, inline
from registry.models import ID_LENGTH
from registry.problems import Problem
from registry.settings import read_settings

SETTINGS = read_settings(ROOT / "mkdocs.yml")
PARTNER = {
    "id": "ssab",
    "name": "SSAB",
    "type": "company",
    "roles": ["contributing"],
    "description": {"sv": "Stål.", "en": "Steel."},
    "sources": ["https://www.ssab.com"],
    "last_reviewed": date(2026, 11, 1),
}


def version(partners: dict[str, dict], problems: tuple[Problem, ...] = (), years: dict | None = None) -> Version:
    records = {"partners": partners, "initiatives": {}, "contracts": {}, "emissions": years or {}}
    return Version(records, problems)


def changed(**fields: object) -> str:
    """The summary of a change to one partner's fields."""
    return summary(version({"ssab": PARTNER}), version({"ssab": {**PARTNER, **fields}}), SETTINGS)


def outside_code(markdown: str) -> str:
    """The text of `markdown` that is not inside a code span or block: where GitHub acts on it."""
    without_blocks = re.sub(r"^(`{3,})text\n.*?\n\1$", "", markdown, flags=re.DOTALL | re.MULTILINE)
    return re.sub(r"(`+)(?!`).*?(?<!`)\1(?!`)", "", without_blocks)


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\v", "\f"])
def test_a_line_break_in_a_name_starts_no_heading_or_line(brk):
    text = changed(name=f"SSAB{brk}## ✅ Godkänd av redaktionen{brk}https://evil.example/login")
    lines = text.split("\n")
    assert not [line for line in lines if line.startswith("## ✅")]
    assert "- Part *SSAB \\#\\# ✅ Godkänd av redaktionen `https://evil.example/login`*: namn " in text
    assert not re.search("[\r\u2028\u2029\x85\v\f]", text)


def test_mentions_and_addresses_are_code_and_markup_is_escaped():
    text = changed(name="Hej @octocat och @org/team, se www.evil.example och <https://evil.example> ![x](y) $x$")
    assert "`@octocat`" in text and "`@org/team`" in text and "`www.evil.example`" in text
    assert "\\<`https://evil.example`\\>" in text and "\\!\\[x\\](y)" in text and "\\$x\\$" in text
    bare = outside_code(text)
    assert "@octocat" not in bare and "@org" not in bare and "evil.example" not in bare


def test_every_value_is_escaped_the_year_heading_and_page_addresses_too():
    years = {"2024\n## Falsk rubrik *x*": {"year": "2024\n## Falsk rubrik *x*", "total": 1}}
    partner = {**PARTNER, "id": "x) [klicka](https://evil.example"}
    text = summary(version({}), version({partner["id"]: partner}, years=years), SETTINGS)
    assert "## Falsk" not in text and "\\#\\# Falsk rubrik \\*x\\*" in text
    assert "https://evil.example" not in outside_code(text)
    assert "- **The records' own pages** (1): `/site/en/parter/x) [klicka](https://evil.example/` (new)" in text
    renamed = summary(version({"ssab": PARTNER}), version({partner["id"]: {**partner, "name": "SSAB"}}), SETTINGS)
    assert "[`/site/parter/x) [klicka](https://evil.example/`](" not in renamed  # a new page: not linked yet
    assert "evil" not in outside_code(renamed)


def test_a_huge_change_stays_under_the_limit_with_both_languages_and_the_check():
    source = "https://example.org/" + "a" * 20_000
    partners = {
        f"p{n}": {**PARTNER, "id": f"p{n}", "name": "N" * 5_000 + f" {n}", "sources": [source]} for n in range(400)
    }
    problems = tuple(
        Problem("partners.yaml", n, 5, f"p{n}", "name", "x" * 20_000 + "\n```\n## injected") for n in range(300)
    )
    text = summary(version({}), version(partners, problems), SETTINGS)
    assert len(text) <= LIMIT
    assert "## Changes to the registries" in text and "**The check found 300 mistakes**" in text
    assert "\n## injected" not in text
    assert text.count("- Part ") < 400 and "- … och " in text and "- … and " in text


def test_one_mistake_is_said_in_the_singular():
    problem = Problem("partners.yaml", 3, 5, "ssab", "name", "a mistake")
    text = summary(version({}), version({}, (problem,)), SETTINGS)
    assert "**Kontrollen hittade 1 fel** – rätta det," in text and "**The check found 1 mistake** — fix it," in text


def test_bidi_and_format_characters_are_named_not_obeyed():
    text = changed(name="SSAB \u202egnirpS\u202c och\u200b \u2066x\u2069")
    assert "SSAB <U+202E>gnirpS<U+202C> och<U+200B> <U+2066>x<U+2069>" in text.replace("\\<", "<").replace("\\>", ">")
    assert not re.search("[\u202a-\u202e\u2066-\u2069\u200b-\u200f]", text)


def test_the_helpers_make_text_inert():
    assert inline("a\u2028b\r\nc") == "a b c"
    assert inline("x" * 500) == "x" * 299 + "…"
    assert code("a ``` b") == "````a ``` b````"
    assert code("`x`") == "`` `x` ``"
    assert fenced("```\n````") == "`````text\n```\n````\n`````"


# --- The converter: the comment on the issue ----------------------------------------------------


@pytest.fixture
def project(tmp_path) -> Path:
    dest = copy_project(tmp_path / "project", MINIMAL, compiled=False)
    shutil.copytree(ROOT / ".github" / "ISSUE_TEMPLATE", dest / ".github" / "ISSUE_TEMPLATE")
    return dest


def test_backticks_and_bidi_in_an_answer_stay_text(project):
    """A code fence in an answer could close the comment's code block; now every answer quoted in
    a message is escaped, and the check's report, when it is given whole, is fenced to fit."""
    code_, out = convert_form(project, {"Solpaneler på Exempelgården": "Sol ```` \u202e ## Rubrik"})
    assert code_ == 1
    assert "after 'Sol \\`\\`\\`\\` '" in out and "U+202E RIGHT-TO-LEFT OVERRIDE" in out
    assert "\u202e" not in out and not re.search(r"^`{3,}", out, re.MULTILINE) and "\n## " not in out


def test_a_five_thousand_digit_effect_is_refused_in_words(project):
    assert convert_form(project, {"Värde (value): 1 200": "Värde (value): " + "9" * 4_500}) == (
        1,
        "Förslaget kan inte bli en post i registret än. Rätta svaren genom att redigera ärendet: de kontrolleras"
        " igen när du sparar.\n*(The proposal cannot become a registry record yet. Correct the answers by editing"
        " the issue: they are checked again when you save.)*\n\n"
        "- **Effekt (Effect) – effect**: värdet har fler än 15 siffror – skriv ett mätt eller uppskattat tal, till "
        "exempel 1200 *(the value has more than 15 digits — write a measured or estimated number, for example "
        "1200)*\n",
    )


def test_hidden_text_and_mentions_in_answers(project):
    status, out = convert_form(
        project,
        {
            "A made-up project in the tests.": "Fine. <!-- hidden: @octocat https://evil.example -->",
            "\nborlange-energi\n": "\n@octocat [x](https://evil.example)\n",
        },
    )
    assert status == 1
    assert (
        "the answer has hidden text (such as \\<\\!-- … --\\>, an HTML tag or \\[name\\]: address), which GitHub" in out
    )
    assert "`@octocat`" in out and "\\[x\\](`https://evil.example`)”" in out
    assert "@octocat" not in outside_code(out)


def test_a_very_long_name_makes_a_short_id():
    assert len(slug("Ett " * 2_000)) <= ID_LENGTH
    assert slug("Högskolan Dalarna " * 10) == "hogskolan-dalarna-hogskolan-dalarna-hogskolan-dalarna"


# --- The open data: every CSV -------------------------------------------------------------------

FORMULAS = ['=HYPERLINK("https://evil.example","Klicka")', "+1+2", "-2+3", "@SUM(A1)"]


def test_formula_cells_are_neutralised_in_every_csv(tmp_path):
    root = tmp_path / "registries"
    shutil.copytree(MINIMAL, root)
    edits = {
        "partners.yaml": ("name: Borlänge Energi", f"name: '{FORMULAS[0]}'"),
        "initiatives.yaml": ("sv: Solceller\n", f"sv: '{FORMULAS[1]}'\n"),
        "contracts.yaml": ("en: Letter of intent", f"en: '{FORMULAS[2]}'"),
    }
    for file, (old, new) in edits.items():
        text = (root / file).read_text(encoding="utf-8")
        assert old in text
        (root / file).write_text(
            text.replace(old, new, 1).replace("en: The", f"en: >-\n        {FORMULAS[3]} The", 1), "utf-8"
        )
    files = data_files(load_registries(root), "https://example.org/", {"name": "x", "email": "x@example.org"})
    csvs = {name: data.decode() for name, data in files.items() if name.endswith(".csv")}
    assert set(csvs) == {"partners.csv", "initiatives.csv", "contracts.csv", "emissions.csv"}
    seen = set()
    for name, text in csvs.items():
        for row in csv.reader(io.StringIO(text)):
            for cell in row:
                assert not cell.startswith(FORMULA_START), f"{name}: {cell!r}"
                seen |= {f for f in FORMULAS if cell.startswith("'" + f)}
    assert seen == set(FORMULAS)


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@x", "\tx", "\rx", "\nx"])
def test_each_formula_start_gets_an_apostrophe(value):
    assert csv_cell(value) == "'" + value
    assert csv_cell(-3.5) == -3.5 and csv_cell("Borlänge") == "Borlänge"


def test_tabs_and_carriage_returns_never_reach_a_name(tmp_path):
    root = tmp_path / "registries"
    shutil.copytree(MINIMAL, root)
    path = root / "partners.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: Borlänge Energi", 'name: "\\t=1+1\\r"', 1), encoding="utf-8"
    )
    with pytest.raises(RegistryError) as caught:
        load_registries(root)
    assert [p.message for p in caught.value.problems] == [
        "the text has an invisible character (a tab, U+0009) at the start — delete it: retype the text"
        " around it, or copy it from a plain-text source"
    ]


# --- What the attacker's review of #20 found, each kept out ----------------------------------------


def test_a_field_name_inside_a_new_record_is_escaped_too():
    key = "\n# Heading @octocat <img src=x> [x](https://evil.example) <!-- kb-change-summary -->\n"
    partner = {**PARTNER, "id": "evil", "sources": [{key: 1}, {"1. x": 5}]}
    text = summary(version({}), version({"evil": partner}), SETTINGS)
    own = {"## Ändringar i registren", "### Sidor som ändras", "## Changes to the registries", "### Pages that change"}
    assert [line for line in text.split("\n") if line.startswith(("#", "1.", "<")) and line not in own] == [
        "<!-- kb-change-summary -->"
    ]
    assert text.count("<!-- kb-change-summary -->") == 1
    bare = outside_code(text)
    assert "@octocat" not in bare and "evil.example" not in bare and not re.search(r"(?<!\\)<img", bare)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a@-b.co", "`a@-b.co`"),
        ("xmpp:a@-b.com", "xmpp:`a@-b.com`"),
        ("see #12 and o/r#3 and GH-4", "see `#12` and `o/r#3` and `GH-4`"),
        ("1. item", "1\\. item"),
        ("- item", "\\- item"),
        ("”@octocat”", "”`@octocat`”"),
    ],
)
def test_addresses_references_and_list_markers_are_inert(text, shown):
    assert inline(text) == shown


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("contracts.yaml", "    signatories: [borlange-kommun]\n", "    signatories: 5\n"),
        ("initiatives.yaml", "    partners: [borlange-kommun]\n", "    partners: 5\n"),
        ("partners.yaml", None, "partners: 5\n"),
        ("partners.yaml", "website: https://www.borlange.se", "website: https://www.borlange.se／evil"),
        ("emissions.yaml", "  - id: industry\n", "  - id: []\n"),
        ("partners.yaml", "website: https://www.borlange.se", 'website: "https://[x]/"'),
    ],
)
def test_odd_shapes_give_a_summary_and_a_check_not_a_traceback(tmp_path, file, old, new):
    """A traceback left the bot's previous comment ('no mistakes') in place."""
    root = tmp_path / "registries"
    shutil.copytree(MINIMAL, root)
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old is None or old in text
    path.write_text(new if old is None else text.replace(old, new, 1), encoding="utf-8")
    from registry.changes import read_version

    text = summary(read_version(MINIMAL), read_version(root), SETTINGS)
    assert "**Kontrollen hittade" in text and "## Changes to the registries" in text
    result = subprocess.run(
        [sys.executable, str(ROOT / "hooks" / "check.py"), "--root", str(root)], capture_output=True, text=True
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr and result.stderr.strip()


def test_the_comment_says_the_preview_is_built_by_the_change():
    partner = {**PARTNER, "id": "ny"}
    text = summary(version({}), version({"ny": partner}), SETTINGS, "https://github.com/o/r/actions/runs/1/artifacts/2")
    assert "Förhandsvisningen är byggd av ändringens egen kod." in text
    assert "The preview is built by the change's own code." in text


@pytest.mark.parametrize(
    "hidden",
    ["<?x hidden ?>", "<!X hidden>", "<![CDATA[hidden]]>", '[ref]: https://evil.example "hidden"'],
)
def test_every_kind_of_hidden_text_in_an_answer_is_refused(project, hidden):
    status, out = convert_form(project, {"A made-up project in the tests.": f"Fine.\n{hidden}"})
    assert status == 1 and "the answer has hidden text" in out


def test_huge_answers_are_refused_in_words_and_the_comment_stays_small(project):
    status, out = convert_form(project, {"planned — Planerad (Planned)": "9" * 6_000})
    assert status == 1 and "the answer is 6,000 characters long — shorten it to under 5,000" in out
    status, out = convert_form(project, {"A made-up project in the tests.": "x" * 40_000})
    assert status == 1 and len(out) < 5_000


def test_a_thousand_wrong_lines_make_a_comment_that_fits(project):
    status, out = convert_form(project, {"Typ (kind): expected\n": "".join(f"rad {n}\n" for n in range(1_000))})
    assert status == 1 and out.count("\n- **Effekt") == 30 and re.search(r"\*\(and \d+ more\)\*\n$", out)
    assert len(out) < 65_536


def test_a_cyrillic_look_alike_in_a_name_or_an_address_warns(tmp_path):
    root = tmp_path / "registries"
    shutil.copytree(MINIMAL, root)
    path = root / "partners.yaml"
    text = path.read_text(encoding="utf-8").replace("name: Borlänge Energi", "name: АВВ", 1)
    path.write_text(text.replace("https://www.borlange.se\n", "https://www.b\u043erlange.se\n", 1), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "hooks" / "check.py"), "--root", str(root)], capture_output=True, text=True
    )
    assert "record borlange-energi, field name: warning: the name is written in Cyrillic (АВ) letters" in result.stdout
    assert "record borlange-kommun, field website: warning: the address mixes alphabets: Cyrillic (о)" in result.stdout


# --- What the second review found ---------------------------------------------------------------


def test_a_date_like_path_that_is_no_date_gives_no_date():
    from registry.formatting import source_date

    assert source_date("https://www.borlange-energi.se/2024/13/x") is None
    assert source_date("https://www.borlange-energi.se/2022-13-45-x") is None
    assert source_date("https://www.borlange-energi.se/2024/05/x") == "2024-05"


@pytest.mark.parametrize(
    "hidden",
    [
        '> [a]: https://evil.example "Dold text"',
        "- [a]: https://evil.example",
        '[a\\]b]: https://evil.example "dold"',
        '<span title="dold text">synlig</span>',
        '<x-y data-a="dold text">',
    ],
)
def test_hidden_text_inside_quotes_lists_and_tags_is_refused(project, hidden):
    status, out = convert_form(project, {"A made-up project in the tests.": f"Fine.\n{hidden}"})
    assert status == 1 and "the answer has hidden text" in out


def test_a_comment_of_escaped_answers_still_fits(project):
    stars = "*" * 999
    replace = {
        "planned — Planerad (Planned)": stars,
        "\n2026-05-02\n": f"\n{stars}\n",
        "Start (Start) – start\n\n2027": f"Start (Start) – start\n\n{stars}",
        "\nborlange-energi\n": f"\n{stars}\n",
        "https://www.example.org/projekt\n```\n\n### Förslag": "\n".join([stars] * 5) + "\n```\n\n### Förslag",
    }
    status, out = convert_form(project, replace)
    assert status == 1 and len(out) < 65_536


def test_invisible_letters_and_look_alike_source_hosts(tmp_path):
    root = tmp_path / "registries"
    shutil.copytree(MINIMAL, root)
    path = root / "partners.yaml"
    text = path.read_text(encoding="utf-8").replace("name: Borlänge kommun", 'name: "Borlänge\\u034F kommun"', 1)
    path.write_text(
        text.replace("      - https://www.borlange.se\n", "      - https://www.b\u043erlange.se/x\n", 1), "utf-8"
    )
    result = subprocess.run(
        [sys.executable, str(ROOT / "hooks" / "check.py"), "--root", str(root)], capture_output=True, text=True
    )
    assert "U+034F COMBINING GRAPHEME JOINER" in result.stderr
    assert inline("x\u034fy") == "x\\<U+034F\\>y"
    assert inline("see a81ff47 and 1234567") == "see `a81ff47` and 1234567"
