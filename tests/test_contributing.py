"""The example messages in CONTRIBUTING.md are real output of the check.

Each row makes one mistake in a copy of the registries (a frozen snapshot of the real ones) (replace `old` with `new` in
`file`; `old=None` replaces the whole file) and lists the lines the guide quotes for it.
When the check's wording or a registry changes, the test fails and prints the new lines:
paste them into both places, the guide and this table.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import check
import pytest

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
# The guide's examples were made on the registries as they were on 2026-11-29; a frozen copy
# keeps this test from failing whenever an editor adds or moves a record.
SNAPSHOT = ROOT / "tests" / "fixtures" / "snapshot"
P, I, C, E = "partners.yaml", "initiatives.yaml", "contracts.yaml", "emissions.yaml"

SSAB_ROLES = '    type: company\n    roles: [contributing]\n    website: "https://www.ssab.com"'
SSAB_JOINED = '    joined: 2022-04-11\n    sources:\n      - "https://www.ssab.com'
SSAB_REVIEWED = 'till-2030"\n    last_reviewed: 2026-11-29\n\n  - id: ikea'
ARENA_STATUS = "    status: completed\n    lead: borlange-energi\n"
ARENA_CAVEAT = (
    '      sv: "Avtalet gällde 2021–2023. Om samarbetet har förlängts och vad det har gett är inte bekräftat."\n'
)
ARENA_PARTNERS = "    partners:\n      - ik-brage\n"
ARENA_SOURCES = (
    '    sources:\n      - "https://newsroom.notified.com/borlange-energi-1/posts/pressreleases/'
    'den-1-januari-byter-domnarvsvallen-namn-till"\n'
)
STATUS_FINISHED = (
    "initiatives.yaml:399:5: record hallbar-arena, field status: 'finished' is not an allowed value"
    " — use one of: planned, ongoing, completed, paused"
)

CASES = {
    "tab": (
        P,
        '    name: "SSAB"\n',
        '\tname: "SSAB"\n',
        [
            "partners.yaml:90:1: YAML syntax: a tab is used for indentation — use spaces only",
            '    90 | →name: "SSAB"',
            "       | ^",
        ],
    ),
    "unclosed-quote": (
        P,
        'fossilfri produktion."\n',
        "fossilfri produktion.\n",
        [
            "partners.yaml:95:11: YAML syntax: a quote is opened on this line but not closed, or a quote mark inside"
            " the text ends it early — close the quote, or use ” ” inside the text",
            '    95 |       sv: "Stålföretag med valsverk och vidareförädling i Borlänge. SSAB Borlänge skrev under'
            " det lokala klimatkontraktet i april 2022 och förbereder övergången till fossilfri produktion.",
            "       |           ^",
        ],
    ),
    "inner-quotes": (
        I,
        'sv: "Hållbar arena och hållbara evenemang"',
        'sv: "Hållbar arena och "hållbara" evenemang"',
        [
            "initiatives.yaml:393:11: YAML syntax: a quote is opened on this line but not closed, or a quote mark inside"
            " the text ends it early — close the quote, or use ” ” inside the text",
            '    393 |       sv: "Hållbar arena och "hållbara" evenemang"',
            "        |           ^",
        ],
    ),
    "missing-colon": (
        P,
        '    name: "SSAB"\n',
        '    name "SSAB"\n',
        [
            "partners.yaml:90:5: YAML syntax: a field name without its colon — write `name: value`",
            '    90 |     name "SSAB"',
            "       |     ^",
        ],
    ),
    "colon-in-text": (
        I,
        'sv: "Hållbar arena och hållbara evenemang"',
        "sv: Hållbar arena: hållbara evenemang",
        [
            "initiatives.yaml:393:24: YAML syntax: a colon followed by a space inside a text — put the whole text"
            " in quotes, or check the indentation of this line",
            "    393 |       sv: Hållbar arena: hållbara evenemang",
            "        |                        ^",
        ],
    ),
    "indentation": (
        P,
        '    website: "https://www.ssab.com"',
        '      website: "https://www.ssab.com"',
        [
            "partners.yaml:93:7: YAML syntax: the indentation is off — align this line with the fields of its record",
            '    93 |       website: "https://www.ssab.com"',
            "       |       ^",
        ],
    ),
    "empty-file": (
        C,
        None,
        "",
        ["contracts.yaml:1:1: the file is empty — undo the change that emptied it (on GitHub: the file's History)"],
    ),
    "field-twice": (
        P,
        '    website: "https://www.ssab.com"\n',
        '    website: "https://www.ssab.com"\n    website: "https://www.ssab.com/sv-se"\n',
        [
            "partners.yaml:93:5: record ssab, field website: the field 'website' appears twice, on lines 93 and 94"
            " (YAML would keep only the last) — keep only one"
        ],
    ),
    "unknown-field": (
        P,
        '    website: "https://www.ssab.com"',
        '    webiste: "https://www.ssab.com"',
        ["partners.yaml:93:5: record ssab, field webiste: unknown field 'webiste' — did you mean 'website'?"],
    ),
    "missing-field": (
        P,
        SSAB_ROLES,
        SSAB_ROLES.replace("    roles: [contributing]\n", ""),
        [
            "partners.yaml:89:5: record ssab, field roles: this required field is missing"
            " — add the line `roles:` with its value to the record"
        ],
    ),
    "bare-no": (
        I,
        ARENA_CAVEAT,
        "      sv: no\n",
        [
            "initiatives.yaml:406:7: record hallbar-arena, field caveat.sv: YAML reads a bare yes, no, on, off, true"
            ' and false as a yes/no value, not as text — put the text in quotes, e.g. "no"'
        ],
    ),
    "not-allowed": (I, ARENA_STATUS, ARENA_STATUS.replace("completed", "finished"), [STATUS_FINISHED]),
    "swedish-label": (
        I,
        ARENA_STATUS,
        ARENA_STATUS.replace("completed", "Genomförd"),
        [
            "initiatives.yaml:399:5: record hallbar-arena, field status: 'Genomförd' is not an allowed value"
            " — did you mean 'completed' (Genomförd)? (allowed: planned, ongoing, completed, paused)"
        ],
    ),
    "impossible-date": (
        P,
        SSAB_JOINED,
        SSAB_JOINED.replace("2022-04-11", "2022-04-31"),
        ["partners.yaml:97:5: record ssab, field joined: 2022-04-31 is not a real date — check the month and day"],
    ),
    "not-a-date": (
        P,
        SSAB_JOINED,
        SSAB_JOINED.replace("2022-04-11", "11/4 2022"),
        [
            "partners.yaml:97:5: record ssab, field joined: '11/4 2022' is not a date"
            " — write YYYY-MM-DD, or YYYY-MM or YYYY when only that is known"
        ],
    ),
    "month-only": (
        P,
        SSAB_REVIEWED,
        SSAB_REVIEWED.replace("2026-11-29", "2026-11"),
        [
            "partners.yaml:102:5: record ssab, field last_reviewed: '2026-11' is not a date"
            " — write it as YYYY-MM-DD, e.g. 2022-04-11"
        ],
    ),
    "quoted-date": (
        P,
        SSAB_REVIEWED,
        SSAB_REVIEWED.replace("2026-11-29", '"2026-11-29"'),
        [
            "partners.yaml:102:5: record ssab, field last_reviewed: the date '2026-11-29' is in quotes,"
            " so YAML reads it as text — remove the quotes"
        ],
    ),
    "end-before-start": (
        I,
        '    end: "2023"\n',
        "    end: 2020\n",
        [
            "initiatives.yaml:404:5: record hallbar-arena, field end: the end 2020 is before the start 2021-01-01"
            " — correct one of them"
        ],
    ),
    "bad-url": (
        P,
        '    website: "https://www.ssab.com"',
        '    website: "www.ssab.com"',
        [
            "partners.yaml:93:5: record ssab, field website: 'www.ssab.com' is not a web address this site links to"
            " — write it in full: https://www.ssab.com"
        ],
    ),
    "missing-english": (
        I,
        '      en: "Sustainable arena and sustainable events"\n',
        "",
        [
            "initiatives.yaml:392:5: record hallbar-arena, field title.en: the English text is missing"
            " — add `en: …` beside the other language"
        ],
    ),
    "empty-text": (
        I,
        '      en: "Sustainable arena and sustainable events"\n',
        '      en: ""\n',
        [
            "initiatives.yaml:394:7: record hallbar-arena, field title.en: this text is empty"
            " — write the text, or remove the field if it is optional"
        ],
    ),
    "list-as-text": (
        I,
        ARENA_PARTNERS,
        "    partners: ik-brage\n",
        [
            "initiatives.yaml:401:5: record hallbar-arena, field partners: expected a list, found 'ik-brage'"
            " — write the items in brackets, e.g. [ik-brage], or each on its own line starting with '- '"
        ],
    ),
    "roles-as-text": (
        P,
        SSAB_ROLES,
        SSAB_ROLES.replace("[contributing]", "contributing"),
        [
            "partners.yaml:92:5: record ssab, field roles: expected a list, found 'contributing'"
            " — write the items in brackets, e.g. [contributing], or each on its own line starting with '- '"
        ],
    ),
    "list-left-empty": (
        I,
        ARENA_SOURCES,
        "    sources:\n",
        [
            "initiatives.yaml:408:5: record hallbar-arena, field sources: expected a list, found nothing (an empty value)"
            " — write the items in brackets, e.g. [first, second], or each on its own line starting with '- '"
        ],
    ),
    "empty-list": (
        I,
        ARENA_SOURCES,
        "    sources: []\n",
        ["initiatives.yaml:408:5: record hallbar-arena, field sources: the list is empty — give at least one item"],
    ),
    "number-as-text": (
        P,
        '    name: "2047 Science Center"',
        "    name: 2047",
        [
            "partners.yaml:73:5: record 2047-science-center, field name: a number where text is expected"
            ' — put it in quotes: "2047"'
        ],
    ),
    "id-twice": (
        I,
        "  - id: avfallstaxa\n",
        "  - id: hallbar-arena\n",
        [
            "initiatives.yaml:413:5: record hallbar-arena, field id: the id 'hallbar-arena' is used twice"
            " (also by the record on line 391) — give each record its own id"
        ],
    ),
    "invalid-id": (
        P,
        "  - id: byggdialog-dalarna\n",
        "  - id: Byggdialog-Dalarna\n",
        [
            "partners.yaml:374:5: record Byggdialog-Dalarna, field id: 'Byggdialog-Dalarna' is not a valid id"
            " — write byggdialog-dalarna (lowercase a–z, digits and hyphens; å, ä, ö as a, a, o)"
        ],
    ),
    "misspelt-partner": (
        I,
        ARENA_PARTNERS,
        ARENA_PARTNERS.replace("ik-brage", "ik-brag"),
        [
            "initiatives.yaml:402:9: record hallbar-arena, field partners, item 1: no partner has the id 'ik-brag'"
            " — did you mean 'ik-brage'?"
        ],
    ),
    "new-partner": (
        I,
        ARENA_PARTNERS,
        ARENA_PARTNERS.replace("ik-brage", "dalarnas-fotbollforbund"),
        [
            "initiatives.yaml:402:9: record hallbar-arena, field partners, item 1: no partner has the id"
            " 'dalarnas-fotbollforbund' — add the partner to partners.yaml first"
        ],
    ),
    "missing-sector": (
        E,
        "      international-transport: 45.41\n\npopulation:",
        "\npopulation:",
        [
            "emissions.yaml:182:5: record 2024, field total: the total 423,795.83 differs from the sum of the sectors"
            " 423,750.42 — correct the total or a sector value",
            "emissions.yaml:183:5: record 2024, field values: no value for the sector 'international-transport'"
            " — add `international-transport: 0` if it had none",
        ],
    ),
    # On GitHub the check also prints each mistake as an annotation (on stdout), shown beside the diff.
    "github-annotation": (
        I,
        ARENA_STATUS,
        ARENA_STATUS.replace("completed", "finished"),
        ["::error file=initiatives.yaml,line=399,col=5::" + STATUS_FINISHED.split(": ", 1)[1]],
    ),
    "line-break-in-a-name": (
        P,
        '    name: "SSAB"\n',
        '    name: "SSAB\\n## Godkänd"\n',
        [
            "partners.yaml:90:5: record ssab, field name: a name or title is one line — remove the line break"
            " after 'SSAB'"
        ],
    ),
    "invisible-character": (
        P,
        '    name: "SSAB"\n',
        '    name: "SS\\u200BAB"\n',
        [
            "partners.yaml:90:5: record ssab, field name: the text has an invisible character"
            " (U+200B ZERO WIDTH SPACE) after 'SS' — delete it: retype the text around it, or copy it from"
            " a plain-text source"
        ],
    ),
    "user-name-in-an-address": (
        P,
        '    website: "https://www.ssab.com"\n',
        '    website: "https://www.ssab.com@example.net/"\n',
        [
            "partners.yaml:93:5: record ssab, field website: 'https://www.ssab.com@example.net/' leads to"
            " example.net: what stands before '@' is a user name, not the site — write the address of the page"
            " itself, with nothing before the host but https://"
        ],
    ),
}


def run_check(root: Path, monkeypatch, capsys, **env: str) -> subprocess.CompletedProcess:
    """`python hooks/check.py --root ROOT` with `env`, as its main() in this process: the same
    text (tests/test_messages.py runs the script itself), without starting Python 40 times."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    code = check.main(["--root", str(root)])
    printed = capsys.readouterr()
    return subprocess.CompletedProcess(["hooks/check.py"], code, printed.out, printed.err)


@pytest.mark.parametrize(("file", "old", "new", "quoted"), CASES.values(), ids=CASES.keys())
def test_guide_quotes_the_real_message(tmp_path, monkeypatch, capsys, file, old, new, quoted):
    for name in (P, I, C, E):
        shutil.copy(SNAPSHOT / name, tmp_path / name)
    path = tmp_path / file
    text = path.read_text(encoding="utf-8")
    if old is not None:
        assert text.count(old) == 1, f"{file} no longer holds {old!r} exactly once: choose another example"
    path.write_text(new if old is None else text.replace(old, new), encoding="utf-8")
    result = run_check(tmp_path, monkeypatch, capsys, GITHUB_ACTIONS="true")
    assert result.returncode == 1, result.stdout + result.stderr
    *lines, summary = result.stderr.splitlines()
    if quoted[0].startswith("::error"):
        lines = result.stdout.splitlines()
    assert lines == quoted, "the check now says (update CONTRIBUTING.md and this table):\n" + "\n".join(lines)
    assert "\n".join(quoted) in GUIDE, "CONTRIBUTING.md does not quote these lines as they are"
    assert f"`{summary}`" in GUIDE, f"CONTRIBUTING.md does not quote the last line: {summary}"


def test_guide_quotes_the_message_for_a_source_on_the_sites_own_address(tmp_path, monkeypatch, capsys):
    """With the site published at the programme's old domain, a source there without an archived copy."""
    for name in (P, I, C, E):
        shutil.copy(SNAPSHOT / name, tmp_path / name)
    path = tmp_path / C
    source = '      - "https://klimatneutralaborlange2030.se/734-2/"\n'
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            source, '      - url: "https://klimatneutralaborlange2030.se/734-2/"\n        archived:\n'
        ),
        encoding="utf-8",
    )
    result = run_check(tmp_path, monkeypatch, capsys, SITE_URL="https://klimatneutralaborlange2030.se/")
    assert result.returncode == 1
    quoted = [line for line in result.stderr.splitlines() if "/734-2/" in line]
    assert quoted == [
        "contracts.yaml:82:9: record klimatkontrakt-2030-2022, field sources, item 2.url:"
        " https://klimatneutralaborlange2030.se/734-2/ is on klimatneutralaborlange2030.se, this site's own address"
        " (site_url), where the site has no such page — add the address of an archived copy to `archived:`"
        " (e.g. from the Internet Archive, https://web.archive.org/), or remove the source"
    ]
    assert quoted[0] in GUIDE, "CONTRIBUTING.md does not quote this message as it is"
