"""An issue form's answers as a registry record: read the Markdown GitHub writes for an issue
form (`### Label`, a blank line, the answer; `_No response_` when empty), make the record, and
say what is wrong with an answer in words the person who filled in the form understands.

The record is appended to its YAML file as text, so that the file's comments and layout stay."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .checks import outdated
from .formatting import day, slug
from .markdown_text import inline
from .models import EFFECT_KINDS, ID_PATTERN, PARTIAL_DATE_PATTERN, STATUSES, URL_PATTERN
from .problems import Problem

NO_RESPONSE = "_No response_"
LENGTH = 1000  # characters of one message on the issue; an answer quoted in it is cut to fit
ANSWER = 5_000  # characters in one answer: more is not a registry text, and the comment must fit
# What github.com renders as nothing: an HTML comment, a processing instruction, a declaration,
# CDATA, and a link reference definition on a line of its own.
# and HTML tags, whose attributes github.com hides
HIDDEN = re.compile(r"<!--|<\?|<![A-Za-z\[]|</?[A-Za-z]|^[ >*+\-\d.)]*\[(?:[^\]\\]|\\.)+\]:", re.MULTILINE)
DIGITS = 15  # in an effect's value: more than a double holds is not a measured quantity
REGISTRY_OF_FORM = {"new-partner.yml": "partners", "new-initiative.yml": "initiatives"}
LANGUAGE_OF_SUFFIX = {"_sv": ("på svenska", "in Swedish"), "_en": ("på engelska", "in English")}
Question = dict[str, Any]  # one question of an issue form template, as YAML reads it
Record = dict[str, Any]  # a registry record as YAML writes it: texts, numbers, dates, and lists and mappings of them


@dataclass(frozen=True)
class Message:
    """What is wrong with one answer: the question's label, then what to do, in Swedish and English."""

    label: str
    sv: str
    en: str

    def __str__(self) -> str:
        """A line of the comment on the issue: the answers quoted in it are the issue's text, made inert."""
        english = f" *({inline(self.en, LENGTH)})*" if self.en else ""
        return f"- **{inline(self.label)}**: {inline(self.sv, LENGTH)}{english}"


class FormError(Exception):
    """What must be corrected, and `notes`: what the proposer should know that is no mistake."""

    def __init__(self, messages: list[Message], notes: list[Message] | None = None):
        super().__init__("\n".join(map(str, messages)))
        self.messages = messages
        self.notes = notes or []


def parse_body(body: str) -> dict[str, str]:
    """{heading: answer} from an issue body; code fences around an answer are dropped."""
    answers: dict[str, list[str]] = {}
    current = None
    for line in body.replace("\r\n", "\n").split("\n"):
        if line.startswith("### "):
            current = line[4:].strip()
            answers[current] = []
        elif current is not None:
            answers[current].append(line)
    return {label: _answer("\n".join(lines)) for label, lines in answers.items()}


def _answer(text: str) -> str:
    text = text.strip()
    fenced = re.fullmatch(r"```[a-z]*\n(.*?)\n?```", text, re.DOTALL)
    text = fenced.group(1).strip() if fenced else text
    return "" if text == NO_RESPONSE else text


def read_form(path: Path) -> dict[str, Question]:
    """{label: question} of an issue form template, for the questions that have an id."""
    body = yaml.safe_load(path.read_text(encoding="utf-8"))["body"]
    return {item["attributes"]["label"]: item for item in body if "id" in item}


def which_form(answers: dict[str, str], forms: Path) -> tuple[str, dict[str, Question]]:
    """The form whose questions the body answers: (file name, {label: question}). A heading that
    is none of its questions is named, so the proposer knows which one to move or remove."""
    best: tuple[int, str, dict[str, Question]] | None = None
    for path in sorted(forms.glob("*.yml")):
        if path.name == "config.yml":
            continue
        questions = read_form(path)
        if answers and set(answers) <= set(questions):
            return path.name, questions
        shared = len(set(answers) & set(questions))
        if shared and (best is None or shared > best[0]):
            best = (shared, path.name, questions)
    if best is not None and best[0] >= len(answers) // 2:
        raise FormError(
            [
                Message(
                    "### " + heading,
                    "rubriken är ingen fråga i formuläret – flytta texten under den till frågan där den hör "
                    "hemma, och ta bort rubriken",
                    "the heading is not a question of the form — move the text under it to the question it "
                    "belongs to, and remove the heading",
                )
                for heading in answers
                if heading not in best[2]
            ]
        )
    raise FormError(
        [
            Message(
                "?",
                "ärendet är inte skrivet med något av formulären för registret",
                "the issue was not written with one of the registry's forms",
            )
        ]
    )


def quoted(text: str) -> str:
    """A YAML double-quoted string (JSON's string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _scalar(value: str | date | float) -> str:
    """Dates and numbers bare, ids and allowed values bare as in the registries, other text quoted."""
    if isinstance(value, (date, int, float)):
        return value.isoformat() if isinstance(value, date) else str(value)
    try:
        plain = re.fullmatch(ID_PATTERN, value) and yaml.safe_load(value) == value
    except ValueError:  # e.g. 5,000 digits, more than Python turns into a number
        plain = False
    return value if plain else quoted(value)


def record_yaml(record: Record) -> str:
    """The record as a list item of its registry, indented as the registries are."""
    lines: list[str] = []
    for key, value in record.items():
        lead = "  - " if not lines else "    "
        if isinstance(value, dict):
            lines.append(f"{lead}{key}:")
            lines += [f"      {k}: {_scalar(v)}" for k, v in value.items() if not isinstance(v, dict)]
            lines += [
                line
                for k, v in value.items()
                if isinstance(v, dict)
                for line in (f"      {k}:", *(f"        {kk}: {_scalar(vv)}" for kk, vv in v.items()))
            ]
        elif isinstance(value, list):
            lines.append(f"{lead}{key}:")
            lines += [f"      - {_scalar(v)}" if not isinstance(v, dict) else _link_yaml(v) for v in value]
        else:
            lines.append(f"{lead}{key}: {_scalar(value)}")
    return "\n".join(lines) + "\n"


def _link_yaml(link: Record) -> str:
    title = link["title"]
    return (
        f"      - title:\n          sv: {quoted(title['sv'])}\n          en: {quoted(title['en'])}\n"
        f"        url: {quoted(link['url'])}"
    )


def append_record(path: Path, record: Record) -> str:
    """Append the record to the end of its file as text; returns the file's text before."""
    before = path.read_text(encoding="utf-8")
    path.write_text(before + ("" if before.endswith("\n") else "\n") + "\n" + record_yaml(record), encoding="utf-8")
    return before


class Answers:
    """The answers of one form by question id, collecting every problem with them."""

    def __init__(self, answers: dict[str, str], questions: dict[str, Question]):
        self.values = {questions[label]["id"]: value for label, value in answers.items()}
        self.labels = {q["id"]: label for label, q in questions.items()}
        self.messages: list[Message] = []
        for field, value in self.values.items():
            if len(value) > ANSWER:
                self.say(
                    field,
                    f"svaret är {len(value):,} tecken långt – korta det till under {ANSWER:,}".replace(",", " "),
                    f"the answer is {len(value):,} characters long — shorten it to under {ANSWER:,}",
                )
                self.values[field] = value[:ANSWER]
            if HIDDEN.search(value):  # github.com hides it: the reviewer would not see what is recorded
                self.say(
                    field,
                    "svaret har dold text (till exempel <!-- … -->, en HTML-tagg eller [namn]: adress), som GitHub inte visar "
                    "– ta bort den, så att det som syns är det som sparas",
                    "the answer has hidden text (such as <!-- … -->, an HTML tag or [name]: address), which GitHub does not show "
                    "— remove it, so that what is seen is what is recorded",
                )

    def say(self, field: str, sv: str, en: str) -> None:
        self.messages.append(Message(self.labels.get(field, field), sv, en))

    def messages_about(self, field: str) -> bool:
        return any(m.label == self.labels.get(field, field) for m in self.messages)

    def text(self, field: str, required: bool = True) -> str | None:
        value = self.values.get(field, "")
        if not value and required:
            self._missing(field)
        return value or None

    def _missing(self, field: str) -> None:
        language = LANGUAGE_OF_SUFFIX.get(field[-3:])
        if language is None:
            self.say(field, "svaret saknas – fyll i det", "the answer is missing — fill it in")
            return
        sv, en = language
        self.say(
            field,
            f"svaret saknas – skriv texten {sv}; webbplatsen visar varje text på svenska och engelska",
            f"the answer is missing — write the text {en}; the site shows every text in Swedish and English",
        )

    def pair(self, field: str, required: bool = True) -> dict[str, str] | None:
        sv, en = self.text(f"{field}_sv", required), self.text(f"{field}_en", required)
        if not required and bool(sv) != bool(en):
            missing = f"{field}_en" if sv else f"{field}_sv"
            self.text(missing, True)
        return {"sv": sv, "en": en} if sv and en else None

    def choice(self, field: str) -> str | None:
        """A dropdown's answer 'ongoing — Pågår (Ongoing)' -> 'ongoing'."""
        value = self.text(field)
        return value.split(" — ")[0].strip() if value else None

    def choices(self, field: str) -> list[str]:
        value = self.text(field) or ""
        return [part.split(" — ")[0].strip() for part in re.split(r",\s*(?=[a-z-]+ — )", value) if part.strip()]

    def lines(self, field: str, required: bool = False) -> list[str]:
        value = self.text(field, required) or ""
        return [line.strip().removeprefix("- ").strip() for line in value.split("\n") if line.strip()]

    def day(self, field: str) -> str | None:
        value = self.text(field, required=False)
        if value and not re.fullmatch(PARTIAL_DATE_PATTERN, value):
            self.say(
                field,
                f"”{value}” är inget datum – skriv ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ, till exempel 2023-03-15",
                f"“{value}” is not a date — write YYYY-MM-DD, YYYY-MM or YYYY, for example 2023-03-15",
            )
            return None
        return value

    def urls(self, field: str, required: bool = True) -> list[str]:
        found = self.lines(field, required)
        for url in found:
            if len(re.findall(r"https?://", url)) > 1:
                self.say(
                    field,
                    f"”{url}” är flera adresser på en rad – skriv en adress per rad",
                    f"“{url}” is several addresses on one line — write one address per line",
                )
            elif not re.fullmatch(URL_PATTERN, url):
                self.say(
                    field,
                    f"”{url}” är ingen webbadress – skriv hela adressen, som börjar med https://",
                    f"“{url}” is not a web address — write the whole address, starting with https://",
                )
        return found

    def partner_ids(self, field: str, known: list[str], required: bool) -> list[str]:
        """Partner ids: one per line, or separated by commas or semicolons; the lead is one id."""
        ids = [p.strip() for line in self.lines(field, required) for p in re.split(r"[,;]", line) if p.strip()]
        if field == "lead" and len(ids) > 1:
            self.say(
                field,
                f"en part leder insatsen – skriv ett id här (”{ids[0]}”?) och de andra under "
                f"{self.labels.get('partners', 'partners')}",
                f"one partner leads the initiative — write one id here (“{ids[0]}”?) and the others under "
                f"{self.labels.get('partners', 'partners')}",
            )
            return ids[:1]
        for pid in ids:
            if pid not in known:
                close = difflib.get_close_matches(pid, known, n=1)
                hint_sv = f" Menade du ”{close[0]}”?" if close else ""
                hint_en = f" Did you mean “{close[0]}”?" if close else ""
                self.say(
                    field,
                    f"ingen part har id ”{pid}” – skriv id för en part som finns i partners.yaml "
                    f"(sist i adressen till partens sida), eller föreslå parten först med formuläret Ny part.{hint_sv}",
                    f"no partner has the id “{pid}” — write the id of a partner in partners.yaml (the end of "
                    f"the partner page's address), or propose the partner first with the New partner form.{hint_en}",
                )
        return ids

    def record_id(self, name: str | None) -> str | None:
        value = self.text("id", required=False) or slug(name or "")
        if value and not re.fullmatch(ID_PATTERN, value):
            self.say(
                "id",
                f"”{value}” går inte som id – använd små bokstäver a–z, siffror och bindestreck",
                f"“{value}” cannot be an id — use lowercase a–z, digits and hyphens",
            )
        return value or None


def _present(record: Record) -> Record:
    return {key: value for key, value in record.items() if value not in (None, [], "")}


def partner_record(a: Answers, today: date) -> Record:
    name = a.text("name")
    return _present(
        {
            "id": a.record_id(name),
            "name": name,
            "name_en": a.text("name_en", required=False),
            "type": a.choice("type"),
            "roles": a.choices("roles"),
            "website": next(iter(a.urls("website", required=False)), None),
            "description": a.pair("description"),
            "joined": a.day("joined"),
            "caveat": a.pair("caveat", required=False),
            "sources": a.urls("sources"),
            "last_reviewed": today,
        }
    )


def initiative_record(a: Answers, today: date, partners: list[str]) -> Record:
    title = a.pair("title")
    return _present(
        {
            "id": a.record_id(a.values.get("title_sv")),
            "title": title,
            "summary": a.pair("summary"),
            "category": a.choice("category"),
            "status": a.choice("status"),
            "status_as_of": a.day("status_as_of"),
            "lead": next(iter(a.partner_ids("lead", partners, True)), None),
            "partners": a.partner_ids("partners", partners, False),
            "start": a.day("start"),
            "end": a.day("end"),
            "effect": effect(a),
            "links": links(a),
            "caveat": a.pair("caveat", required=False),
            "sources": a.urls("sources"),
            "last_reviewed": today,
        }
    )


EFFECT_KEYS = {"kind": "kind", "value": "value", "unit": "unit", "svenska": "sv", "english": "en", "source": "source"}
# The six lines of an effect, as the form's example writes them.
EFFECT_LINES = {
    "kind": "Typ (kind)",
    "value": "Värde (value)",
    "unit": "Enhet (unit)",
    "sv": "Svenska",
    "en": "English",
    "source": "Källa (source)",
}


def effect(a: Answers) -> Record | None:
    """'Typ (kind): expected' / 'Värde (value): 1200' / … -> the effect, or None when not given.
    Every line that cannot be placed is named in a message: nothing typed is dropped unsaid."""
    parts: dict[str, str] = {}
    for line in a.lines("effect"):
        key, colon, value = line.partition(":")
        found = next((v for k, v in EFFECT_KEYS.items() if k in key.lower()), None) if colon else None
        if found is None:
            a.say(
                "effect",
                f"raden ”{line}” är ingen av de sex raderna – börja den med till exempel ”Värde (value):” "
                "eller ”Svenska:”, som i exemplet",
                f"the line “{line}” is not one of the six lines — start it with, for example, “Värde (value):” "
                "or “English:”, as in the example",
            )
            continue
        parts[found] = value.strip()
    if not parts:
        return None
    missing = [EFFECT_LINES[k] for k in EFFECT_LINES if not parts.get(k)]
    if missing:
        a.say(
            "effect",
            f"raderna {', '.join(f'”{m}:”' for m in missing)} saknas – en effekt har alla sex raderna",
            f"the lines {', '.join(f'“{m}:”' for m in missing)} are missing — an effect has all six lines",
        )
    unit = parts.get("unit", "").split(" / ")
    if parts.get("unit") and (len(unit) != 2 or not all(u.strip() for u in unit)):
        a.say(
            "effect",
            f"raden ”Enhet (unit): {parts['unit']}” – skriv enheten på svenska / engelska, till exempel "
            "”ton CO₂e per år / tonnes CO₂e per year”",
            f"the line “Enhet (unit): {parts['unit']}” — write the unit in Swedish / English, for example "
            "“ton CO₂e per år / tonnes CO₂e per year”",
        )
    if parts.get("kind") and parts["kind"] not in EFFECT_KINDS:
        a.say(
            "effect",
            f"raden ”Typ (kind): {parts['kind']}” – skriv {' eller '.join(EFFECT_KINDS)}",
            f"the line “Typ (kind): {parts['kind']}” — write {' or '.join(EFFECT_KINDS)}",
        )
    number = parts.get("value", "").replace(" ", "").replace("\u00a0", "").replace(",", ".")
    if parts.get("value") and len(re.sub(r"\D", "", number)) > DIGITS:
        a.say(
            "effect",
            f"värdet har fler än {DIGITS} siffror – skriv ett mätt eller uppskattat tal, till exempel 1200",
            f"the value has more than {DIGITS} digits — write a measured or estimated number, for example 1200",
        )
        return None
    if parts.get("value") and not re.fullmatch(r"-?\d+(\.\d+)?", number):
        a.say(
            "effect",
            f"raden ”Värde (value): {parts['value']}” – värdet är ett tal med bara siffror, till exempel 300",
            f"the line “Värde (value): {parts['value']}” — the value is a number in digits only, for example 300",
        )
        return None
    if a.messages_about("effect"):
        return None
    amount = float(number) if "." in number else int(number)
    return {
        "kind": parts["kind"],
        "value": amount,
        "unit": {"sv": unit[0].strip(), "en": unit[1].strip()},
        "description": {"sv": parts["sv"], "en": parts["en"]},
        "source": parts["source"],
    }


def links(a: Answers) -> list[Record]:
    found: list[Record] = []
    for line in a.lines("links"):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 3 or not all(parts):
            a.say(
                "links",
                f"”{line}”: skriv rubrik på svenska | rubrik på engelska | https://…",
                f"“{line}”: write title in Swedish | title in English | https://…",
            )
            continue
        found.append({"title": {"sv": parts[0], "en": parts[1]}, "url": parts[2]})
    return found


def stale_status(record: Record, today: date, review_months: int) -> Message | None:
    """A note when the page would say the status in the past tense: its date is older than
    review_months (mkdocs.yml), or it has none."""
    status, as_of = record.get("status"), record.get("status_as_of")
    try:
        if status not in STATUSES or not outdated(status, as_of, today, review_months):
            return None
    except (ValueError, IndexError):  # a month or day that does not exist: said by the check
        return None
    label = STATUSES[status]
    if not as_of:
        return Message(
            "Status (Status) – status",
            f"statusen ”{label[0]}” har inget datum, så sidan säger den i dåtid – skriv under Status bekräftad "
            "när källan sist bekräftade den",
            f"the status “{label[1]}” has no date, so the page says it in the past tense — write under Status "
            "confirmed when the source last confirmed it",
        )
    return Message(
        "Status (Status) – status",
        f"statusen ”{label[0]}” bygger på en uppgift från {day(as_of, 'sv')}, äldre än {review_months} månader, så "
        "sidan säger den i dåtid – ange en nyare källa och dess datum under Status bekräftad, om det finns",
        f"the status “{label[1]}” rests on a fact from {day(as_of, 'en')}, older than {review_months} months, so the "
        "page says it in the past tense — give a newer source and its date under Status confirmed, if there is one",
    )


def make_record(
    body: str,
    forms: Path,
    partner_ids: list[str],
    today: date,
    taken: Collection[str] = (),
    review_months: int = 12,
) -> tuple[str, Record, list[Message]]:
    """(registry, record, notes) from an issue body, or FormError with every problem in the
    answers. A note says what the record would make the page say that is no mistake: a status
    shown in the past tense, as it rests on a date older than review_months (mkdocs.yml)."""
    raw = parse_body(body)
    form, questions = which_form(raw, forms)
    if form not in REGISTRY_OF_FORM:
        raise FormError(
            [
                Message(
                    form,
                    "en rättelse görs av en redaktör, som ändrar posten direkt i registret",
                    "a correction is made by an editor, who changes the record in the registry",
                )
            ]
        )
    a = Answers(raw, questions)
    if not re.match(r"- \[[xX]\] ", a.values.get("public", "")):
        a.say(
            "public",
            "rutan är inte ikryssad – allt i registret är offentligt, så bara kryssade förslag blir poster",
            "the box is not ticked — everything in the registry is public, so only ticked proposals become records",
        )
    extra = [line for line in a.values.get("public", "").split("\n") if line.strip() and not line.startswith("- [")]
    if extra:
        a.say(
            "public",
            f"svaret har text som posten inte har plats för: ”{' '.join(extra)}” – skriv den under frågan där den hör "
            "hemma, eller ta bort den",
            f"the answer has text the record has no place for: “{' '.join(extra)}” — write it under the question it "
            "belongs to, or remove it",
        )
    registry = REGISTRY_OF_FORM[form]
    record = partner_record(a, today) if registry == "partners" else initiative_record(a, today, partner_ids)
    _across(a, record, taken)
    dated = not a.messages_about("status_as_of")  # a date that is wrong has a message of its own
    note = stale_status(record, today, review_months) if registry == "initiatives" and dated else None
    notes = [note] if note else []
    if a.messages:
        raise FormError(a.messages, notes)
    return registry, record, notes


def _across(a: Answers, record: Record, taken: Collection[str]) -> None:
    """The registry check's rules between fields, said about the questions: an id in use, the
    lead among the other partners, a partner twice, an end before the start."""
    if record.get("id") in taken:
        a.say(
            "id",
            f"id ”{record['id']}” finns redan – skriv ett annat under Förslag på id",
            f"the id “{record['id']}” is taken — write another one under Suggested id",
        )
    others = record.get("partners") or []
    if record.get("lead") in others:
        a.say(
            "partners",
            f"”{record['lead']}” leder redan insatsen – ta bort den här",
            f"“{record['lead']}” already leads the initiative — remove it here",
        )
    for twice in sorted({p for p in others if others.count(p) > 1}):
        a.say("partners", f"”{twice}” står två gånger – ta bort den ena", f"“{twice}” is listed twice — remove one")
    start, end = str(record.get("start") or ""), str(record.get("end") or "")
    if start and end and end < start[: len(end)]:
        a.say(
            "end",
            f"slutet {end} är före starten {start} – rätta det ena",
            f"the end {end} is before the start {start} — correct one of them",
        )


def question_of(field: str | None, questions: dict[str, Question]) -> str:
    """The label of the question that a record's field came from: 'description.en' -> the
    question 'description_en', 'effect.kind' and 'sources, item 2' -> 'effect' and 'sources'."""
    labels = {q["id"]: label for label, q in questions.items()}
    head = (field or "").split(",")[0]
    first, _, rest = head.partition(".")
    for candidate in (f"{first}_{rest}", first):
        if candidate in labels:
            return labels[candidate]
    return field or "?"


def from_the_check(problems: list[Problem], body: str, forms: Path, record_id: str) -> list[Message]:
    """The registry check's mistakes in the new record, each under the question it came from (the
    proposer never saw the YAML file or its lines). The check's words are English."""
    _, questions = which_form(parse_body(body), forms)
    return [
        Message(question_of(p.field, questions), f"kontrollen av registret (på engelska): {p.message}", "")
        for p in problems
        if p.record == record_id
    ]
