"""The exact message an editor reads for each kind of mistake: one bad fixture per rule."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import MINIMAL, ROOT, build, copy_project, said
from registry import RegistryError, load_registries
from registry.render import SECTION_MARKERS

P, I, C, E = "partners.yaml", "initiatives.yaml", "contracts.yaml", "emissions.yaml"
CASES = [
    (
        "tab",
        P,
        "    type: municipality\n",
        "\ttype: municipality\n",
        [
            "partners.yaml:4:1: YAML syntax: a tab is used for indentation — use spaces only\n"
            "    4 | →type: municipality\n      | ^"
        ],
    ),
    (
        "unclosed-quote",
        P,
        "    name: Borlänge Energi\n",
        "    name: 'Borlänge Energi\n",
        [
            "partners.yaml:15:11: YAML syntax: a quote is opened but not closed — close it with the same quote mark\n"
            "    15 |     name: 'Borlänge Energi\n       |           ^"
        ],
    ),
    (
        "missing-colon",
        P,
        "    name: Borlänge Energi\n",
        "    name Borlänge Energi\n",
        [
            "partners.yaml:15:5: YAML syntax: a field name without its colon — write `name: value`\n"
            "    15 |     name Borlänge Energi\n       |     ^"
        ],
    ),
    (
        "colon-in-text",
        P,
        "    name: Borlänge Energi\n",
        "    name: Borlänge: Energi\n",
        [
            "partners.yaml:15:19: YAML syntax: a colon followed by a space inside a text — put the whole text"
            " in quotes, or check the indentation of this line\n"
            "    15 |     name: Borlänge: Energi\n       |                   ^"
        ],
    ),
    (
        "bad-indentation",
        P,
        "    roles: [driving-party]\n",
        "   roles: [driving-party]\n",
        [
            "partners.yaml:17:4: YAML syntax: the indentation is off — `roles:` is indented 3 spaces: indent it 4"
            " spaces, like the other fields of its record\n"
            "    17 |    roles: [driving-party]\n       |    ^"
        ],
    ),
    (
        "duplicate-key",
        P,
        "    name: Borlänge Energi\n",
        "    name: Borlänge Energi\n    name: Borlänge energi\n",
        [
            "partners.yaml:15:5: record borlange-energi, field name: the field 'name' appears twice, on lines 15"
            " and 16 (YAML would keep only the last) — keep only one"
        ],
    ),
    (
        "unknown-field",
        P,
        "    website:",
        "    webbsite:",
        [
            "partners.yaml:6:5: record borlange-kommun, field webbsite: unknown field 'webbsite' — did you mean 'website'?"
        ],
    ),
    (
        "missing-field",
        P,
        "    name: Borlänge kommun\n",
        "",
        [
            "partners.yaml:2:5: record borlange-kommun, field name: this required field is missing — add the line `name:` with its value to the record"
        ],
    ),
    (
        "yaml-boolean",
        P,
        "    name: Borlänge kommun\n",
        "    name: no\n",
        [
            "partners.yaml:3:5: record borlange-kommun, field name: YAML reads a bare yes, no, on, off, true and false"
            ' as a yes/no value, not as text — put the text in quotes, e.g. "no"'
        ],
    ),
    (
        "number-as-text",
        P,
        "    name: Borlänge kommun\n",
        "    name: 2047\n",
        [
            'partners.yaml:3:5: record borlange-kommun, field name: a number where text is expected — put it in quotes: "2047"'
        ],
    ),
    (
        "list-as-text",
        P,
        "    name: Borlänge kommun\n",
        "    name: [Borlänge, kommun]\n",
        [
            "partners.yaml:3:5: record borlange-kommun, field name: a list where a text is expected — write one text, without '- '"
        ],
    ),
    (
        "not-allowed",
        P,
        "    roles: [coordinator]\n",
        "    roles: [coordinater]\n",
        [
            "partners.yaml:5:13: record borlange-kommun, field roles, item 1: 'coordinater' is not an allowed value"
            " — did you mean 'coordinator'? (allowed: coordinator, driving-party, contributing, national-counterparty,"
            " twin-city, regional-partner, project-partner)"
        ],
    ),
    (
        "bad-date",
        P,
        "    joined: 2021-12-08\n",
        "    joined: 8 december 2021\n",
        [
            "partners.yaml:10:5: record borlange-kommun, field joined: '8 december 2021' is not written as a date"
            " here — write 2021-12-08"
        ],
    ),
    (
        "impossible-date",
        P,
        "    last_reviewed: 2026-11-01\n  - id: borlange-energi",
        "    last_reviewed: 2026-13-01\n  - id: borlange-energi",
        [
            "partners.yaml:13:5: record borlange-kommun, field last_reviewed: '2026-13-01' is not a date"
            " — write it as YYYY-MM-DD, e.g. 2022-04-11"
        ],
    ),
    (
        "end-before-start",
        I,
        "    end: 2030\n",
        "    end: 2021\n",
        [
            "initiatives.yaml:14:5: record solceller, field end: the end 2021 is before the start 2022-01 — correct one of them"
        ],
    ),
    (
        "duplicate-id",
        P,
        "id: borlange-energi",
        "id: borlange-kommun",
        [
            "initiatives.yaml:11:5: record solceller, field lead: no partner has the id 'borlange-energi'"
            " — did you mean 'borlange-kommun'?",
            "partners.yaml:14:5: record borlange-kommun, field id: the id 'borlange-kommun' is used twice"
            " (also by the record on line 2) — give each record its own id",
        ],
    ),
    (
        "unknown-reference",
        I,
        "lead: borlange-energi",
        "lead: borlange-energy",
        [
            "initiatives.yaml:11:5: record solceller, field lead: no partner has the id 'borlange-energy'"
            " — did you mean 'borlange-energi' or 'borlange-kommun'?"
        ],
    ),
    (
        "bad-url",
        P,
        "    website: https://www.borlange.se\n",
        "    website: www.borlange.se\n",
        [
            "partners.yaml:6:5: record borlange-kommun, field website: 'www.borlange.se' is not a web address"
            " this site links to — write it in full: https://www.borlange.se"
        ],
    ),
    (
        "script-url",
        P,
        "    website: https://www.borlange.se\n",
        "    website: javascript:alert(1)\n",
        [
            "partners.yaml:6:5: record borlange-kommun, field website: 'javascript:alert(1)' is not a web address"
            " this site links to — write it in full, starting with https://, http:// or mailto:"
        ],
    ),
    (
        "missing-translation",
        P,
        "      en: The municipality coordinates the work.\n",
        "",
        [
            "partners.yaml:7:5: record borlange-kommun, field description.en: the English text is missing"
            " — add `en: …` beside the other language"
        ],
    ),
    (
        "one-language-only",
        P,
        "    description:\n      sv: Kommunens energibolag.\n      en: The municipal energy company.\n",
        "    description: Kommunens energibolag.\n",
        [
            "partners.yaml:18:5: record borlange-energi, field description: a single text where texts in both languages"
            " are expected — write `sv: …` and `en: …` on indented lines below"
        ],
    ),
    (
        "unknown-sector",
        E,
        "      transport: 100\n",
        "      transprt: 100\n",
        [
            "emissions.yaml:36:5: record 2024, field values: no value for the sector 'transport' — add `transport: 0` if it had none",
            "emissions.yaml:38:7: record 2024, field values.transprt: 'transprt' is not a sector in 'sectors:'"
            " — did you mean 'transport'?",
        ],
    ),
    (
        "total-does-not-add-up",
        E,
        "    total: 250\n",
        "    total: 260\n",
        [
            "emissions.yaml:35:5: record 2024, field total: the total 260.00 differs from the sum of the sectors"
            " 250.00 — correct the total or a sector value"
        ],
    ),
    (
        "infinite-total",
        E,
        "    total: 250\n",
        "    total: INF\n",
        ["emissions.yaml:35:5: record 2024, field total: expected a number, found 'INF' — write digits only, e.g. 23"],
    ),
    (
        "no-residents",
        E,
        "    value: 51425\n",
        "    value: 0\n",
        ["emissions.yaml:41:5: field population, item 1.value: 0 is out of range — input should be greater than 0"],
    ),
    (
        "swedish-label",
        I,
        "status: ongoing",
        "status: Pågår",
        [
            "initiatives.yaml:10:5: record solceller, field status: 'Pågår' is not an allowed value"
            " — did you mean 'ongoing' (Pågår)? (allowed: planned, ongoing, completed, paused)"
        ],
    ),
    (
        "text-instead-of-list",
        P,
        "    roles: [coordinator]\n",
        "    roles: coordinator\n",
        [
            "partners.yaml:5:5: record borlange-kommun, field roles: expected a list, found 'coordinator'"
            " — write the items in brackets, e.g. [coordinator], or each on its own line starting with '- '"
        ],
    ),
    (
        "quoted-date",
        P,
        "    last_reviewed: 2026-11-01\n  - id: borlange-energi",
        '    last_reviewed: "2026-11-01"\n  - id: borlange-energi',
        [
            "partners.yaml:13:5: record borlange-kommun, field last_reviewed: the date '2026-11-01' is in quotes,"
            " so YAML reads it as text — remove the quotes"
        ],
    ),
    (
        "quote-inside-quoted-text",
        P,
        "    name: Borlänge Energi\n",
        '    name: "Borlänge "Energi" AB"\n',
        [
            "partners.yaml:15:11: YAML syntax: a quote is opened on this line but not closed, or a quote mark inside"
            " the text ends it early — close the quote, or use ” ” inside the text\n"
            '    15 |     name: "Borlänge "Energi" AB"\n       |           ^'
        ],
    ),
    (
        "not-a-number",
        C,
        "cities: 23",
        "cities: tjugotre",
        [
            "contracts.yaml:12:5: record avsiktsforklaring-2021, field cities: expected a number, found 'tjugotre'"
            " — write digits only, e.g. 23"
        ],
    ),
    (
        "agencies-signed-count",
        C,
        "    cities: 23\n",
        "    cities: 23\n    agencies: 2\n    agencies_count: signed\n",
        [
            "contracts.yaml:13:5: record avsiktsforklaring-2021, field agencies: 2 agencies are shown as having signed,"
            " but the signatories list 0 — list every agency that signed, or correct the number"
        ],
    ),
    (
        "agencies-count-label",
        C,
        "    cities: 23\n",
        "    cities: 23\n    agencies: 2\n    agencies_count: undertecknade\n",
        [
            "contracts.yaml:14:5: record avsiktsforklaring-2021, field agencies_count: 'undertecknade' is not an allowed"
            " value — use one of: signed, taking-part"
        ],
    ),
    (
        "archived-misspelt",
        I,
        "      - https://www.borlange-energi.se\n",
        "      - url: https://www.borlange-energi.se\n        archivd: https://archive.example/x\n",
        [
            "initiatives.yaml:17:9: record solceller, field sources, item 1.archivd: unknown field 'archivd'"
            " — did you mean 'archived' or 'archived_on'?"
        ],
    ),
    (
        "source-with-archive-bad-url",
        I,
        "      - https://www.borlange-energi.se\n",
        "      - url: www.borlange-energi.se\n        archived:\n",
        [
            "initiatives.yaml:16:9: record solceller, field sources, item 1.url: 'www.borlange-energi.se' is not a web"
            " address this site links to — write it in full: https://www.borlange-energi.se"
        ],
    ),
    (
        "line-break-in-a-name",
        P,
        "    name: Borlänge Energi\n",
        '    name: "Borlänge Energi\\n## Godkänd av redaktionen"\n',
        [
            "partners.yaml:15:5: record borlange-energi, field name: a name or title is one line"
            " — remove the line break after 'Borlänge Energi'"
        ],
    ),
    (
        "invisible-character",
        P,
        "      sv: Kommunens energibolag.\n",
        '      sv: "Kommunens \\u202Eenergibolag."\n',
        [
            "partners.yaml:19:7: record borlange-energi, field description.sv: the text has an invisible character"
            " (U+202E RIGHT-TO-LEFT OVERRIDE) after 'Kommunens ' — delete it: retype the text around it, or copy it"
            " from a plain-text source"
        ],
    ),
    (
        "zero-width-space-in-a-title",
        I,
        "      sv: Solceller\n",
        '      sv: "Sol\\u200Bceller"\n',
        [
            "initiatives.yaml:4:7: record solceller, field title.sv: the text has an invisible character"
            " (U+200B ZERO WIDTH SPACE) after 'Sol' — delete it: retype the text around it, or copy it"
            " from a plain-text source"
        ],
    ),
    (
        "user-name-in-an-address",
        P,
        "    website: https://www.borlange.se\n",
        "    website: https://www.borlange.se@evil.example/\n",
        [
            "partners.yaml:6:5: record borlange-kommun, field website: 'https://www.borlange.se@evil.example/'"
            " leads to evil.example: what stands before '@' is a user name, not the site — write the address of"
            " the page itself, with nothing before the host but https://"
        ],
    ),
    (
        "reserved-initiative-id",
        I,
        "  - id: solceller\n",
        "  - id: omrade\n",
        [
            "initiatives.yaml:2:5: record omrade, field id: the id 'omrade' is reserved: another page has the"
            " address it would get — choose another id"
        ],
    ),
    (
        "id-too-long",
        I,
        "  - id: solceller\n",
        "  - id: " + "solceller-" * 6 + "ab\n",
        [
            "initiatives.yaml:2:5: record " + "solceller-" * 6 + "ab, field id: the id is 62 characters long,"
            " more than 60 — shorten it, e.g. to its first words"
        ],
    ),
    (
        "tab-after-a-quoted-line",
        P,
        "    name: Borlänge Energi\n    type: municipal-company\n",
        '    name: "Borlänge Energi"\n\ttype: municipal-company\n',
        [
            "partners.yaml:16:1: YAML syntax: a tab is used for indentation — use spaces only\n"
            "    16 | →type: municipal-company\n       | ^"
        ],
    ),
    (
        "tab-before-a-list-item",
        P,
        "      - https://www.borlange-energi.se\n",
        "\t- https://www.borlange-energi.se\n",
        [
            "partners.yaml:22:1: YAML syntax: a tab is used for indentation — use spaces only\n"
            "    22 | →- https://www.borlange-energi.se\n       | ^"
        ],
    ),
    (
        "sv-not-under-description",
        P,
        "      sv: Kommunens energibolag.\n",
        "    sv: Kommunens energibolag.\n",
        [
            "partners.yaml:19:5: YAML syntax: the indentation is off — `sv:` belongs under `description:`: indent it"
            " 6 spaces, like `en:` below it\n    19 |     sv: Kommunens energibolag.\n       |     ^"
        ],
    ),
    (
        "sv-and-en-not-under-description",
        P,
        "      sv: Kommunens energibolag.\n      en: The municipal energy company.\n",
        "    sv: Kommunens energibolag.\n    en: The municipal energy company.\n",
        [
            "partners.yaml:18:5: record borlange-energi, field description: `sv:` and `en:` are not indented under"
            " `description:` — indent them two spaces more than `description:`",
            "partners.yaml:19:5: record borlange-energi, field sv: `sv:` belongs under `description:` — indent it two"
            " spaces more than `description:`, on a line below it",
            "partners.yaml:20:5: record borlange-energi, field en: `en:` belongs under `description:` — indent it two"
            " spaces more than `description:`, on a line below it",
        ],
    ),
    (
        "name-indented-too-far",
        P,
        "    name: Borlänge Energi\n",
        '      name: "Borlänge Energi"\n',
        [
            "partners.yaml:15:7: YAML syntax: the indentation is off — `name:` is indented more than the line above:"
            ' indent it 4 spaces, like `id:` above it\n    15 |       name: "Borlänge Energi"\n'
            "       |       ^"
        ],
    ),
    (
        "type-indented-too-little",
        P,
        "    type: municipal-company\n",
        "  type: municipal-company\n",
        [
            "partners.yaml:16:3: YAML syntax: the indentation is off — `type:` is indented 2 spaces: indent it 4"
            " spaces, like the other fields of its record\n    16 |   type: municipal-company\n"
            "       |   ^"
        ],
    ),
    *(
        (
            f"record-at-column-{len(spaces) + 1}",
            P,
            "  - id: borlange-energi\n",
            f"{spaces}- id: borlange-energi\n",
            [
                f"partners.yaml:14:{len(spaces) + 1}: YAML syntax: the indentation is off — start `- id:` where the"
                " other records' `- id:` start (2 spaces before the -)\n"
                f"    14 | {spaces}- id: borlange-energi\n       | {spaces}^"
            ],
        )
        for spaces in ("", "    ")
    ),
    (
        "non-breaking-space-as-indentation",
        P,
        "    type: municipal-company\n",
        "\u00a0   type: municipal-company\n",
        [
            "partners.yaml:16:1: YAML syntax: a non-breaking space (pasted from Word or a web page) is used for"
            " indentation — delete the indentation and type it again with ordinary spaces\n"
            "    16 | ␣   type: municipal-company\n       | ^"
        ],
    ),
    (
        "non-breaking-space-after-a-colon",
        P,
        "    type: municipal-company\n",
        "    type:\u00a0municipal-company\n",
        [
            "partners.yaml:16:10: YAML syntax: a non-breaking space (pasted from Word or a web page) after `type:`"
            " — delete it and type an ordinary space\n    16 |     type:␣municipal-company\n"
            "       |          ^"
        ],
    ),
    (
        "typographic-quotes",
        P,
        "    name: Borlänge Energi\n",
        "    name: ”Borlänge Energi”\n",
        [
            "partners.yaml:15:5: record borlange-energi, field name: the text is in typographic quotes (”…”), which"
            ' would show on the page — write straight quotes "…" around it, or none'
        ],
    ),
    (
        "date-with-slashes",
        P,
        "    joined: 2021-12-08\n",
        "    joined: 2021/12/08\n",
        [
            "partners.yaml:10:5: record borlange-kommun, field joined: '2021/12/08' is not written as a date here — write 2021-12-08"
        ],
    ),
    (
        "a-field-after-a-nested-one-indented-too-little",
        P,
        "    sources:\n      - https://www.borlange-energi.se\n",
        "  sources:\n      - https://www.borlange-energi.se\n",
        [
            "partners.yaml:21:3: YAML syntax: the indentation is off — `sources:` is indented 2 spaces: indent it 4"
            " spaces, like the other fields of its record\n    21 |   sources:\n       |   ^"
        ],
    ),
    (
        "en-between-two-levels",
        P,
        "      en: The municipal energy company.\n",
        "     en: The municipal energy company.\n",
        [
            "partners.yaml:20:6: YAML syntax: the indentation is off — `en:` is indented 5 spaces: indent it 6 spaces,"
            " like `sv:` above it, or 4, like the other fields of its record\n"
            "    20 |      en: The municipal energy company.\n       |      ^"
        ],
    ),
    (
        "en-at-the-records-level",
        P,
        "      en: The municipal energy company.\n",
        "    en: The municipal energy company.\n",
        [
            "partners.yaml:18:5: record borlange-energi, field description.en: `en:` is not indented under"
            " `description:` — indent it like the other language's line",
            "partners.yaml:20:5: record borlange-energi, field en: `en:` belongs under `description:` — indent it two"
            " spaces more than `description:`, on a line below it",
        ],
    ),
    (
        "typographic-quotes-around-a-text-with-a-colon",
        P,
        "      sv: Kommunens energibolag.\n",
        "      sv: ”Kommunens energibolag: här”\n",
        [
            "partners.yaml:19:11: YAML syntax: the text is in typographic quotes (”…), which YAML does not read as"
            ' quotes, so its colon ends the field — write straight quotes "…" around the text\n'
            "    19 |       sv: ”Kommunens energibolag: här”\n       |           ^"
        ],
    ),
    (
        "straight-quote-closed-by-a-typographic-one",
        P,
        "    name: Borlänge Energi\n",
        '    name: "Borlänge Energi”\n',
        [
            "partners.yaml:15:27: YAML syntax: the text ends with a typographic quote (”), which does not close the"
            " straight quote it starts with — end it with the same straight quote\n"
            '    15 |     name: "Borlänge Energi”\n       |                           ^'
        ],
    ),
    (
        "typographic-and-straight-quotes",
        P,
        "    name: Borlänge Energi\n",
        '    name: ”Borlänge Energi"\n',
        [
            'partners.yaml:15:5: record borlange-energi, field name: the text is in typographic quotes (”…"), which'
            ' would show on the page — write straight quotes "…" around it, or none'
        ],
    ),
    (
        "date-without-zeros",
        P,
        "    joined: 2021-12-08\n",
        "    joined: 2021-12-8\n",
        [
            "partners.yaml:10:5: record borlange-kommun, field joined: '2021-12-8' is not written as a date here — write 2021-12-08"
        ],
    ),
    (
        "backslash-in-an-address",
        P,
        "    website: https://www.borlange.se\n",
        "    website: https://evil.example\\.borlange.se/\n",
        [
            "partners.yaml:6:5: record borlange-kommun, field website: 'https://evil.example\\.borlange.se/' is not a"
            " web address this site links to — write it in full, starting with https://, http:// or mailto:"
        ],
    ),
    (
        "an-effect-of-4000-digits",
        I,
        "    sources:\n",
        "    effect:\n      kind: expected\n      value: 1"
        + "0" * 4_000
        + "\n      unit: {sv: ton, en: tonnes}\n      description: {sv: x, en: y}\n"
        "      source: https://www.example.org\n    sources:\n",
        [
            "initiatives.yaml:17:7: record solceller, field effect.value: the value has more than 15 digits — write a"
            " measured or estimated number"
        ],
    ),
    (
        "empty-file",
        C,
        None,
        "",
        ["contracts.yaml:1:1: the file is empty — undo the change that emptied it (on GitHub: the file's History)"],
    ),
    (
        "not-utf8",
        P,
        "Borlänge kommun".encode(),
        "Borlänge kommun".encode("latin-1"),
        ["partners.yaml:3:15: byte 0xe4 is not UTF-8 — save the file as UTF-8 (å, ä and ö must be UTF-8)"],
    ),
    (
        "byte-order-mark",
        P,
        b"partners:",
        b"\xef\xbb\xbfpartners:",
        ["partners.yaml:1:1: the file starts with a byte-order mark (BOM) — save it as UTF-8 without BOM"],
    ),
]


def with_mistake(tmp_path, file, old, new):
    root = tmp_path / "registries"
    shutil.copytree(MINIMAL, root)
    path = root / file
    if old is None:
        path.write_text(new, encoding="utf-8")
    elif isinstance(old, bytes):
        assert old in path.read_bytes()
        path.write_bytes(path.read_bytes().replace(old, new, 1))
    else:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


@pytest.mark.parametrize("name, file, old, new, expected", CASES, ids=[c[0] for c in CASES])
def test_the_editor_reads_exactly(tmp_path, name, file, old, new, expected):
    root = with_mistake(tmp_path, file, old, new)
    with pytest.raises(RegistryError) as caught:
        load_registries(root)
    assert [str(p) for p in caught.value.problems] == expected


def test_a_file_that_cannot_be_read_causes_no_mistakes_in_the_others(tmp_path):
    """With partners.yaml unreadable, rules that need the partners (who is an agency) wait: the
    editor sees the one real mistake, not three made-up ones in contracts.yaml."""
    for name in (P, I, C, E):
        shutil.copy(ROOT / name, tmp_path / name)
    text = (tmp_path / P).read_text(encoding="utf-8")
    (tmp_path / P).write_text(text.replace("- id: ssab", '- id: "ssab', 1), encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        load_registries(tmp_path)
    assert {p.file for p in caught.value.problems} == {P}


def test_the_fixture_itself_is_valid():
    assert load_registries(MINIMAL).partners[0].id == "borlange-kommun"


def check(root, **env):
    return subprocess.run(
        [sys.executable, str(ROOT / "hooks" / "check.py"), "--root", str(root)],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
    )


def test_the_check_reports_every_mistake_in_every_file_at_once(tmp_path):
    root = with_mistake(tmp_path, P, "    website:", "    webbsite:")
    text = (root / I).read_text(encoding="utf-8").replace("status: ongoing", "status: pågår")
    (root / I).write_text(text, encoding="utf-8")
    result = check(root, GITHUB_ACTIONS="false")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "initiatives.yaml:10:5: record solceller, field status: 'pågår' is not an allowed value"
        " — did you mean 'ongoing' (Pågår)? (allowed: planned, ongoing, completed, paused)",
        "partners.yaml:6:5: record borlange-kommun, field webbsite: unknown field 'webbsite' — did you mean 'website'?",
        "2 mistakes in the registries — fix them and try again.",
    ]


def test_in_github_actions_the_check_annotates_the_diff(tmp_path):
    root = with_mistake(tmp_path, P, "    website:", "    webbsite:")
    result = check(root, GITHUB_ACTIONS="true")
    assert result.stdout.splitlines() == [
        "::error file=partners.yaml,line=6,col=5::record borlange-kommun, field webbsite:"
        " unknown field 'webbsite' — did you mean 'website'?"
    ]


def test_a_name_in_two_alphabets_is_a_warning_on_its_line(tmp_path):
    """'Воrlänge kommun' with a Cyrillic В and о passes for Borlänge kommun on the page."""
    root = with_mistake(tmp_path, P, "name: Borlänge kommun", "name: \u0412\u043erlänge kommun")
    result = check(root, GITHUB_ACTIONS="true")
    warning = (
        "record borlange-kommun, field name: warning: the name mixes alphabets: Cyrillic (Во), Latin (egklmnoruä)"
        " — if it was copied, type it again; letters that look alike make a name look like another"
    )
    assert result.returncode == 0
    assert result.stdout.splitlines()[-2:] == [
        f"partners.yaml:3:5: {warning}",
        f"::warning file=partners.yaml,line=3,col=5::{warning}",
    ]


def test_the_check_passes_the_real_registries():
    result = check(ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: ")


def test_a_broken_registry_stops_the_build_without_traceback_and_keeps_the_old_site(tmp_path):
    project = copy_project(tmp_path / "project", registries=MINIMAL)
    site = tmp_path / "site"
    assert build(project, site).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    text = (project / P).read_text(encoding="utf-8").replace("    website:", "    webbsite:")
    (project / P).write_text(text, encoding="utf-8")

    result = build(project, site)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert said(result) == [
        "partners.yaml:6:5: record borlange-kommun, field webbsite: unknown field 'webbsite' — did you mean 'website'?",
        "1 mistake in the registries — fix them and try again.",
        "Nothing was built: the site is unchanged.",
    ]
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_a_hand_written_page_where_a_record_page_goes_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project", registries=MINIMAL)
    (project / "docs" / "parter" / "borlange-kommun.sv.md").write_text("# Borlänge\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert said(result) == [
        "docs/parter/borlange-kommun.sv.md: this hand-written page has the address of the page made for partner"
        " 'borlange-kommun' from the registries; rename or move the page.",
        "Nothing was built: the site is unchanged.",
    ]


def test_markers_out_of_place_in_any_language_stop_the_build_all_at_once(tmp_path):
    """An indented marker would be filled in or not depending on the rest of the page. Every
    page of every language is checked before the first is built, each mistake with its line."""
    project = copy_project(tmp_path / "project", registries=MINIMAL)
    join = project / "docs" / "bli-en-del-av.sv.md"  # has <!-- registry:contact --> alone on its line
    join.write_text(
        join.read_text(encoding="utf-8") + "\n- Kontakt:\n\n    <!-- registry:contact -->\n", encoding="utf-8"
    )
    about = project / "docs" / "om-viable-cities.en.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n<!-- registry:contakt -->\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert said(result) == [
        "docs/bli-en-del-av.sv.md:45: the marker '<!-- registry:contact -->' is not of the form "
        "'<!-- registry:NAME -->' alone on its line",
        "docs/om-viable-cities.en.md:51: unknown marker 'registry:contakt'; known markers: "
        + ", ".join(sorted(SECTION_MARKERS)),
        "Nothing was built: the site is unchanged.",
    ]


def test_a_marker_inside_another_comment_stops_the_build_and_code_that_looks_like_one_does_not(tmp_path):
    """Filled in, a marker inside another comment would leave that comment open to the end of
    the page. Code spans and blocks that show `<!--` are not comments."""
    project = copy_project(tmp_path / "project", registries=MINIMAL)
    join = project / "docs" / "bli-en-del-av.sv.md"  # has <!-- registry:contact --> alone on its line
    text = join.read_text(encoding="utf-8")  # the code goes right after the front matter, before the marker
    join.write_text(
        text.replace(
            "\n---\n", "\n---\n\nSkriv `<!--` för en kommentar. Text <!--> mer.\n\n```html\n<!-- start\n```\n", 1
        ),
        encoding="utf-8",
    )
    assert build(project, tmp_path / "site").returncode == 0
    assert 'class="kb-contact' in (tmp_path / "site" / "bli-en-del-av" / "index.html").read_text(encoding="utf-8")
    join.write_text(text + "\n<!--\n<!-- registry:contact -->\n-->\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert said(result) == [
        "docs/bli-en-del-av.sv.md: the marker '<!-- registry:contact -->' is inside another HTML comment "
        "(<!-- … -->); take it out of the comment, or delete it",
        "Nothing was built: the site is unchanged.",
    ]


def test_scripts_build_is_all_or_nothing(tmp_path):
    """A mistake found late (a bad marker in a page) must not leave half a site behind."""
    project = copy_project(tmp_path / "project", registries=MINIMAL)
    shutil.copytree(ROOT / "scripts", project / "scripts")
    for name in ("requirements.txt", "requirements-dev.txt"):
        shutil.copy(ROOT / name, project / name)
    os.symlink(ROOT / ".venv", project / ".venv")

    def run() -> subprocess.CompletedProcess:
        return subprocess.run(["bash", "scripts/build"], cwd=project, capture_output=True, text=True, timeout=300)

    assert run().returncode == 0
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    page = project / "docs" / "om-viable-cities.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- registry:no-such-thing -->\n", encoding="utf-8")
    result = run()
    assert result.returncode != 0
    assert "unknown marker 'registry:no-such-thing'" in result.stdout + result.stderr
    assert {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()} == before
    assert not (project / "site.new").exists()
