"""Hypothesis strategies for whole, valid-looking registries at the edges: empty lists, one
record, optional fields absent, very long and unusual text, zero and tiny numbers. Used to test
that whatever the check accepts, the build renders."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from registry.models import CATEGORIES, CONTRACT_KINDS, EFFECT_KINDS, PARTNER_TYPES, ROLES, STATUSES

# Letters of several scripts, marks, emoji, quotes, markup and template syntax, spaces. Characters
# nobody sees (controls, format characters, separators, unassigned and private ones) are left out:
# the check refuses them (tests/test_messages.py), and drawn here they would make most examples
# ones the check refuses, which test nothing about the build.
ODD = "åäöÅÄÖéüßøæ漢字עבריתالعربية😀🇸🇪\u0301\u00a0<>&\"'`*_[](){}#|\\/:;,.!?-–—…%$@~^=+ "
text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cf", "Co", "Cn", "Zl", "Zp"))
    | st.sampled_from(ODD),
    min_size=1,
    max_size=40,
) | st.tuples(st.text(alphabet="ab ", min_size=1, max_size=8), st.integers(300, 2000)).map(
    lambda piece_length: (piece_length[0] * piece_length[1])[: piece_length[1]]
)  # long text, 300 to 2,000 characters: a repeated piece is as long as a drawn one, and 100 times cheaper to draw
url = st.sampled_from(
    [
        "https://example.org",
        "https://example.org/a/b?c=d#e",
        "http://x.se/" + "y" * 200,
        "mailto:info@example.org",
        "https://exämple.se/ö",
        "https://example.se/nyheter/2022",  # a year as the last part of the address
        "https://example.se/2022/05/x",
        "https://example.se/2022-04-11-nyhet",
    ]
)
day = st.dates(min_value=date(1990, 1, 1), max_value=date(2026, 12, 31))
partial_date = st.one_of(day, day.map(lambda d: d.isoformat()[:7]), st.integers(1990, 2040))


def bilingual():
    return st.fixed_dictionaries({"sv": text, "en": text})


def optional(**fields):
    """A dict strategy of which each field may be absent."""
    return st.fixed_dictionaries({}, optional=fields)


def subset(items, min_size=0):
    return st.lists(st.sampled_from(items), min_size=min_size, unique=True) if items else st.just([])


@st.composite
def partners(draw):
    ids = draw(
        st.lists(
            st.from_regex(r"\A[a-z0-9]{1,12}(-[a-z0-9]{1,12}){0,2}\Z"), min_size=1, max_size=4, unique=True
        ).filter(lambda ids: "index" not in ids)
    )
    records = []
    for pid in ids:
        record = {
            "id": pid,
            "name": draw(text),
            "type": draw(st.sampled_from(list(PARTNER_TYPES))),
            "roles": draw(subset(list(ROLES), 1)),
            "description": draw(bilingual()),
            "sources": draw(st.lists(url, min_size=1, max_size=3)),
            "last_reviewed": draw(day),
        }
        record |= draw(optional(name_en=text, website=url, joined=partial_date, caveat=bilingual()))
        records.append(record)
    return records


@st.composite
def initiatives(draw, partner_ids):
    records = []
    for n in range(draw(st.integers(0, 4))):
        lead = draw(st.sampled_from(partner_ids))
        record = {
            "id": f"i{n}",
            "title": draw(bilingual()),
            "summary": draw(bilingual()),
            "category": draw(st.sampled_from(list(CATEGORIES))),
            "status": draw(st.sampled_from(list(STATUSES))),
            "lead": lead,
            "sources": draw(st.lists(url, min_size=1, max_size=2)),
            "last_reviewed": draw(day),
        }
        effect = st.fixed_dictionaries(
            {
                "kind": st.sampled_from(list(EFFECT_KINDS)),
                "value": st.integers(-(10**9), 10**9) | st.floats(-1e9, 1e9),
                "unit": bilingual(),
                "description": bilingual(),
                "source": url,
            }
        )
        links = st.lists(st.fixed_dictionaries({"title": bilingual(), "url": url}), max_size=2)
        record |= draw(
            optional(
                status_as_of=partial_date,
                partners=subset([p for p in partner_ids if p != lead]),
                start=st.just("1990"),
                end=st.just(2040),
                effect=effect,
                links=links,
                caveat=bilingual(),
            )
        )
        records.append(record)
    return records


@st.composite
def contracts(draw, partner_ids):
    records = []
    for n in range(draw(st.integers(0, 3))):
        record = {
            "id": f"c{n}",
            "date": draw(day),
            "kind": draw(st.sampled_from(list(CONTRACT_KINDS))),
            "title": draw(bilingual()),
            "summary": draw(bilingual()),
            "signatories": draw(subset(partner_ids)),
            "sources": [draw(url)],
            "last_reviewed": draw(day),
        }
        documents = st.lists(st.fixed_dictionaries({"title": bilingual(), "url": url}), max_size=2)
        record |= draw(
            optional(cities=st.integers(1, 10**6), agencies=st.integers(1, 99), documents=documents, caveat=bilingual())
        )
        records.append(record)
    return records


@st.composite
def emissions(draw):
    sector_ids = draw(
        st.lists(st.sampled_from(["industry", "transport", "energy", "s-1", "x"]), min_size=1, max_size=5, unique=True)
    )
    sectors = [
        {"id": s, "name": draw(bilingual()), "category": draw(st.sampled_from(list(CATEGORIES)))} for s in sector_ids
    ]
    years = sorted(draw(st.lists(st.integers(1990, 2030), min_size=1, max_size=6, unique=True)))
    amount = st.sampled_from([0.0, 0.001, 1.0, 123456.789, 1e9]) | st.floats(0, 1e7)
    rows = []
    for year in years:
        values = {s: draw(amount) for s in sector_ids}
        rows.append({"year": year, "total": sum(values.values()), "values": values})
    population = st.lists(
        st.fixed_dictionaries({"date": day, "value": st.integers(0, 10**7), "source": url}), max_size=2
    )
    link = st.fixed_dictionaries({"title": bilingual(), "url": url})
    data = {
        "unit": draw(bilingual()),
        "source": draw(link),
        "upstream": draw(link),
        "scope_note": draw(bilingual()),
        "sectors": sectors,
        "years": rows,
        "sources": [draw(url)],
        "last_reviewed": draw(day),
    }
    return data | draw(optional(population=population))


@st.composite
def registries(draw) -> dict:
    """{file name: data} for the four registries."""
    people = draw(partners())
    ids = [p["id"] for p in people]
    return {
        "partners.yaml": {"partners": people},
        "initiatives.yaml": {"initiatives": draw(initiatives(ids))},
        "contracts.yaml": {"contracts": draw(contracts(ids))},
        "emissions.yaml": draw(emissions()),
    }
