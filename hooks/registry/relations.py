"""Who leads, takes part in and signed what, and the records grouped by their vocabularies:
computed once per build from the registries, read by every template."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from . import models
from .formatting import source_host
from .load import Registries

R = TypeVar("R", models.Partner, models.Initiative)  # a record that _group sorts by a vocabulary
PUBLIC_TYPES = ("municipality", "region", "county-administrative-board", "government-agency", "innovation-programme")


@dataclass(frozen=True)
class SigningMatrix:
    """Who signed what: contract events with known signatories (columns, oldest first) and the
    partners who signed one of them (rows, the public sector first, then the others)."""

    events: list[models.ContractEvent]
    groups: list[tuple[str, list[models.Partner]]]  # ("public" or "others", partners), never empty


def signing_matrix(partners: Sequence[models.Partner], contracts: Sequence[models.ContractEvent]) -> SigningMatrix:
    """Rows in the order of `partners`. Events with no signatories listed are left out: an empty
    column would say nobody signed, where the registry only says no signed document was found."""
    events = sorted((c for c in contracts if c.signatories), key=lambda c: c.date)
    signed = [p for p in partners if any(p.id in c.signatories for c in events)]
    groups = [
        ("public", [p for p in signed if p.type in PUBLIC_TYPES]),
        ("others", [p for p in signed if p.type not in PUBLIC_TYPES]),
    ]
    return SigningMatrix(events, [(name, members) for name, members in groups if members])


@dataclass(frozen=True)
class Relations:
    counts: dict[str, dict[str, int]]  # vocabulary -> {value: how many records have it}
    by_role: dict[str, list[models.Partner]]
    by_category: dict[str, list[models.Initiative]]
    by_status: dict[str, list[models.Initiative]]
    by_type: dict[str, list[models.Partner]]
    leads: dict[str, list[models.Initiative]]  # partner id -> the initiatives it leads
    takes_part: dict[str, list[models.Initiative]]  # partner id -> the initiatives it takes part in
    signed: dict[str, list[models.ContractEvent]]  # partner id -> what it signed, newest first
    contracts: list[models.ContractEvent]  # newest first
    records: dict[str, dict[str, Any]]  # kind -> {id: record}; for an area or a status, the value itself
    by_host: dict[str, models.Partner]  # a partner by the site its website is on: whose page a source is


def _group(records: Iterable[R], attribute: str, vocabulary: models.Vocabulary) -> dict[str, list[R]]:
    """{value: records with that value} for every allowed value, in the vocabulary's order."""
    groups: dict[str, list[R]] = {value: [] for value in vocabulary}
    for record in records:
        groups[getattr(record, attribute)].append(record)
    return groups


def relations(reg: Registries) -> Relations:
    """Who leads, takes part in and signed what: computed once, not per page."""
    leads: dict[str, list[models.Initiative]] = {p.id: [] for p in reg.partners}
    takes_part: dict[str, list[models.Initiative]] = {p.id: [] for p in reg.partners}
    signed: dict[str, list[models.ContractEvent]] = {p.id: [] for p in reg.partners}
    for initiative in reg.initiatives:
        leads[initiative.lead].append(initiative)
        for pid in initiative.partners:
            takes_part[pid].append(initiative)
    contracts = sorted(reg.contracts, key=lambda c: c.date, reverse=True)
    for contract in contracts:
        for pid in contract.signatories:
            signed[pid].append(contract)
    by_role = {
        role: sorted((p for p in reg.partners if role in p.roles), key=lambda p: p.name) for role in models.ROLES
    }
    by_category = _group(reg.initiatives, "category", models.CATEGORIES)
    by_status = _group(reg.initiatives, "status", models.STATUSES)
    by_type = _group(reg.partners, "type", models.PARTNER_TYPES)
    counts = {
        name: {value: len(items) for value, items in groups.items()}
        for name, groups in (("category", by_category), ("status", by_status), ("roles", by_role), ("type", by_type))
    }
    records: dict[str, dict[str, Any]] = {
        "category": {c: c for c in models.CATEGORIES},
        "status": {s: s for s in models.STATUSES},
        "partner": {p.id: p for p in reg.partners},
        "initiative": {i.id: i for i in reg.initiatives},
        "contract": {c.id: c for c in reg.contracts},
    }
    by_host = {source_host(p.website): p for p in reg.partners if p.website}
    return Relations(
        counts, by_role, by_category, by_status, by_type, leads, takes_part, signed, contracts, records, by_host
    )
