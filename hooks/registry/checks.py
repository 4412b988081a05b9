"""Rules across records: unique ids, references that resolve, dates in order, sums that add up.

These read the parsed trees rather than the models, so that a record with a mistake in one
field still takes part (its id is known) and one mistake does not hide or cause another.
"""

from __future__ import annotations

import re
from datetime import date

from .explain import did_you_mean
from .models import PARTIAL_DATE_PATTERN

RESERVED_IDS = {"index"}  # would collide with the section's own page


def _records(trees: dict, name: str, key: str) -> list[tuple[int, dict]]:
    tree = trees.get(name)
    value = tree.value if tree else None
    items = value.get(key) if isinstance(value, dict) else None
    return [(i, r) for i, r in enumerate(items or []) if isinstance(r, dict)]


def _ids(trees, name, key) -> dict[str, int]:
    return {r["id"]: i for i, r in _records(trees, name, key) if isinstance(r.get("id"), str)}


def across_records(trees: dict, problem_at) -> list:
    problems = []
    for name in ("partners", "initiatives", "contracts"):
        problems += _unique_ids(trees, name, problem_at)
    partner_ids = set(_ids(trees, "partners", "partners")) if "partners" in trees else None
    if partner_ids is not None:
        problems += _references(trees, "initiatives", "initiatives", ("lead", "partners"), partner_ids, problem_at)
        problems += _references(trees, "contracts", "contracts", ("signatories",), partner_ids, problem_at)
    problems += _dates_in_order(trees, problem_at)
    problems += _emissions(trees, problem_at)
    return problems


def _unique_ids(trees, name, problem_at) -> list:
    problems, seen = [], {}
    file = f"{name}.yaml"
    tree = trees.get(name)
    for i, record in _records(trees, name, name):
        rid = record.get("id")
        if not isinstance(rid, str):
            continue
        if rid in RESERVED_IDS:
            problems.append(problem_at(file, tree, name, (name, i, "id"),
                                       f"the id '{rid}' is reserved — choose another id"))
        if rid in seen:
            first = tree.place((name, seen[rid]))[0]
            problems.append(problem_at(file, tree, name, (name, i, "id"),
                                       f"the id '{rid}' is used twice (also by the record on line {first})"
                                       " — give each record its own id"))
        else:
            seen[rid] = i
    return problems


def _references(trees, name, key, fields, partner_ids, problem_at) -> list:
    problems = []
    tree = trees.get(name)
    for i, record in _records(trees, name, key):
        lead = record.get("lead")
        for field in fields:
            value = record.get(field)
            items = [(None, value)] if isinstance(value, str) else list(enumerate(value or [])) \
                if isinstance(value, list) else []
            seen = set()
            for j, ref in items:
                if not isinstance(ref, str):
                    continue
                loc = (key, i, field) if j is None else (key, i, field, j)
                if ref not in partner_ids:
                    hint = did_you_mean(ref, partner_ids)
                    hint = f"did you mean {hint}?" if hint else "add the partner to partners.yaml first"
                    problems.append(problem_at(f"{name}.yaml", tree, key, loc,
                                               f"no partner has the id '{ref}' — {hint}"))
                elif ref in seen:
                    problems.append(problem_at(f"{name}.yaml", tree, key, loc,
                                               f"'{ref}' is listed twice — remove one"))
                elif field == "partners" and ref == lead:
                    problems.append(problem_at(f"{name}.yaml", tree, key, loc,
                                               f"'{ref}' is already the lead — remove it from partners"))
                seen.add(ref)
    return problems


def _as_date_text(value) -> str | None:
    text = value.isoformat() if isinstance(value, date) else str(value) if isinstance(value, (str, int)) else None
    return text if text and re.match(PARTIAL_DATE_PATTERN, text) else None


def _dates_in_order(trees, problem_at) -> list:
    problems = []
    for i, record in _records(trees, "initiatives", "initiatives"):
        start, end = _as_date_text(record.get("start")), _as_date_text(record.get("end"))
        if start and end and end < start[: len(end)]:
            problems.append(problem_at("initiatives.yaml", trees["initiatives"], "initiatives",
                                       ("initiatives", i, "end"),
                                       f"the end {end} is before the start {start} — correct one of them"))
    return problems


def _emissions(trees, problem_at) -> list:
    tree = trees.get("emissions")
    data = tree.value if tree else None
    if not isinstance(data, dict) or not isinstance(data.get("sectors"), list) or not isinstance(data.get("years"), list):
        return []
    problems = []

    def add(loc, message):
        problems.append(problem_at("emissions.yaml", tree, "years", loc, message))

    sectors = [s.get("id") for s in data["sectors"] if isinstance(s, dict)]
    previous = None
    for i, row in enumerate(data["years"]):
        if not isinstance(row, dict):
            continue
        year, values = row.get("year"), row.get("values")
        if isinstance(year, int) and previous is not None and year <= previous:
            add(("years", i, "year"), f"{year} comes after {previous} — list the years once each, oldest first")
        previous = year if isinstance(year, int) else previous
        if not isinstance(values, dict):
            continue
        for sector in values:
            if sector not in sectors:
                hint = did_you_mean(sector, sectors)
                add(("years", i, "values", sector), f"'{sector}' is not a sector in 'sectors:'"
                    + (f" — did you mean {hint}?" if hint else " — add it to 'sectors:' first"))
        for sector in sectors:
            if sector not in values:
                add(("years", i, "values"), f"no value for the sector '{sector}' — add `{sector}: 0` if it had none")
        numbers = [v for v in values.values() if isinstance(v, (int, float)) and not isinstance(v, bool)]
        total = row.get("total")
        if len(numbers) == len(values) and isinstance(total, (int, float)) and abs(sum(numbers) - total) > 1:
            add(("years", i, "total"), f"the total {total:,.2f} differs from the sum of the sectors"
                f" {sum(numbers):,.2f} — correct the total or a sector value")
    return problems
