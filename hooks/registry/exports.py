"""The registries as open data: JSON, CSV, JSON Schema, a Frictionless Data Package and a
DCAT-AP-SE catalogue (RDF/XML) that Sweden's data portal can harvest. All under /data/."""

from __future__ import annotations

import csv
import io
import json
from typing import Any
from xml.etree import ElementTree as ET

from .load import Registries
from .models import REGISTRIES
from .schema import schema_texts

LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
PUBLISHER = "Borlänge kommun"
JsonObject = dict[str, Any]  # a JSON object as pydantic's model_dump makes it: values of any JSON type
TITLES = {
    "partners": ("Parter i Klimatneutrala Borlänge 2030", "Partners in Klimatneutrala Borlänge 2030"),
    "initiatives": ("Insatser i Klimatneutrala Borlänge 2030", "Initiatives in Klimatneutrala Borlänge 2030"),
    "contracts": ("Klimatkontraktets historia i Borlänge", "Borlänge's climate contract history"),
    "emissions": (
        "Borlänges territoriella utsläpp av växthusgaser per sektor",
        "Borlänge's territorial greenhouse-gas emissions by sector",
    ),
}


def registry_json(reg: Registries, name: str) -> JsonObject:
    """The same shape as the YAML file, so the published JSON validates against its schema."""
    if name == "emissions":
        return reg.emissions.model_dump(mode="json", exclude_none=True)
    return {name: [r.model_dump(mode="json", exclude_none=True) for r in getattr(reg, name)]}


def _flatten(record: JsonObject, prefix: str = "") -> dict[str, object]:
    row: dict[str, object] = {}
    for key, value in record.items():
        column = f"{prefix}{key}"
        if isinstance(value, dict):
            row.update(_flatten(value, column + "_"))
        elif isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value):
            row[column] = "; ".join(str(v) for v in value)
        elif isinstance(value, list):
            row[column] = json.dumps(value, ensure_ascii=False)
        else:
            row[column] = value
    return row


def registry_rows(reg: Registries, name: str) -> list[dict[str, object]]:
    if name == "emissions":
        sectors = [s.id for s in reg.emissions.sectors]
        return [{"year": y.year, **{s: y.values[s] for s in sectors}, "total": y.total} for y in reg.emissions.years]
    return [_flatten(r) for r in registry_json(reg, name)[name]]


FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")  # what a spreadsheet may read as a formula


def csv_cell(value: object) -> object:
    """A cell a spreadsheet shows as text: a text that starts like a formula gets a leading
    apostrophe (OWASP, "CSV Injection"). Numbers stay numbers, negative ones included."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


def registry_csv(reg: Registries, name: str) -> str:
    rows = [{column: csv_cell(value) for column, value in row.items()} for row in registry_rows(reg, name)]
    columns = list(dict.fromkeys(c for row in rows for c in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _field_type(values: list[object]) -> str:
    present = [v for v in values if v not in (None, "")]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "integer"
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "number"
    return "string"


def datapackage(reg: Registries, site_url: str) -> JsonObject:
    resources: list[JsonObject] = []
    for name in REGISTRIES:
        rows = registry_rows(reg, name)
        columns = list(dict.fromkeys(c for row in rows for c in row))
        fields = [{"name": c, "type": _field_type([r.get(c) for r in rows])} for c in columns]
        resources.append(
            {
                "name": f"{name}-csv",
                "path": f"{name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "title": TITLES[name][1],
                "schema": {"fields": fields},
            }
        )
        resources.append(
            {
                "name": f"{name}-json",
                "path": f"{name}.json",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                "title": TITLES[name][1],
                "schema": f"{name}.schema.json",
            }
        )
    return {
        "name": "klimatneutrala-borlange-2030",
        "title": "Klimatneutrala Borlänge 2030",
        "homepage": site_url,
        "licenses": [LICENSE],
        "resources": resources,
        "sources": [{"title": reg.emissions.source.title.en, "path": reg.emissions.source.url}],
    }


NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xml": "http://www.w3.org/XML/1998/namespace",
}
for _prefix, _uri in NS.items():
    if _prefix != "xml":
        ET.register_namespace(_prefix, _uri)


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def _add(
    parent: ET.Element, name: str, text: str | None = None, lang: str | None = None, resource: str | None = None
) -> ET.Element:
    node = ET.SubElement(parent, _q(name))
    if text is not None:
        node.text = text
    if lang:
        node.set(_q("xml:lang"), lang)
    if resource:
        node.set(_q("rdf:resource"), resource)
    return node


def dcat_catalogue(reg: Registries, site_url: str, contact: dict[str, str]) -> bytes:
    data = f"{site_url}data/"
    root = ET.Element(_q("rdf:RDF"))
    catalogue = _add(root, "dcat:Catalog")
    catalogue.set(_q("rdf:about"), f"{data}catalog.rdf")
    _add(catalogue, "dct:title", "Klimatneutrala Borlänge 2030 – öppna data", "sv")
    _add(catalogue, "dct:title", "Klimatneutrala Borlänge 2030 – open data", "en")
    _add(catalogue, "dct:description", "Register över parter, insatser, klimatkontrakt och utsläpp.", "sv")
    _add(catalogue, "dct:description", "Registries of partners, initiatives, climate contracts and emissions.", "en")
    _add(catalogue, "foaf:homepage", resource=site_url)
    _publisher(catalogue)
    _add(catalogue, "dct:license", resource=LICENSE["path"])
    for name in REGISTRIES:
        _dataset(_add(catalogue, "dcat:dataset"), name, site_url, contact)
    return _xml(root)


def dataset_address(site_url: str, name: str) -> str:
    """A dataset's identifier: the address of its own description (data/NAME.rdf), so it resolves."""
    return f"{site_url}data/{name}.rdf"


def dataset_rdf(name: str, site_url: str, contact: dict[str, str]) -> bytes:
    """One dataset's DCAT description, published at its identifier."""
    root = ET.Element(_q("rdf:RDF"))
    _dataset(root, name, site_url, contact)
    return _xml(root)


def _xml(root: ET.Element) -> bytes:
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)  # typeshed: Any for an encoding
    return data


def _dataset(parent: ET.Element, name: str, site_url: str, contact: dict[str, str]) -> None:
    data = f"{site_url}data/"
    dataset = _add(parent, "dcat:Dataset")
    dataset.set(_q("rdf:about"), dataset_address(site_url, name))
    _add(dataset, "dct:identifier", dataset_address(site_url, name))
    _add(dataset, "dcat:landingPage", resource=f"{site_url}oppna-data/")
    for lang, title in zip(("sv", "en"), TITLES[name], strict=True):
        _add(dataset, "dct:title", title, lang)
        _add(
            dataset,
            "dct:description",
            title + (". Uppdateras av redaktörerna." if lang == "sv" else ". Kept current by the editors."),
            lang,
        )
    _publisher(dataset)
    point = _add(_add(dataset, "dcat:contactPoint"), "vcard:Organization")
    _add(point, "vcard:fn", contact.get("name", PUBLISHER))
    if contact.get("url"):
        _add(point, "vcard:hasURL", resource=contact["url"])
    _add(dataset, "dcat:theme", resource="http://publications.europa.eu/resource/authority/data-theme/ENVI")
    _add(dataset, "dcat:keyword", "klimat", "sv")
    _add(dataset, "dcat:keyword", "climate", "en")
    for fmt, media in (("csv", "text/csv"), ("json", "application/json")):
        dist = _add(_add(dataset, "dcat:distribution"), "dcat:Distribution")
        dist.set(_q("rdf:about"), f"{data}{name}.{fmt}")
        _add(dist, "dct:title", f"{TITLES[name][0]} ({fmt.upper()})", "sv")
        _add(dist, "dcat:accessURL", resource=f"{data}{name}.{fmt}")
        _add(dist, "dcat:downloadURL", resource=f"{data}{name}.{fmt}")
        _add(dist, "dcat:mediaType", resource=f"http://www.iana.org/assignments/media-types/{media}")
        _add(dist, "dct:format", resource=f"http://publications.europa.eu/resource/authority/file-type/{fmt.upper()}")
        _add(dist, "dct:license", resource=LICENSE["path"])


def _publisher(parent: ET.Element) -> None:
    agent = _add(_add(parent, "dct:publisher"), "foaf:Agent")
    _add(agent, "foaf:name", PUBLISHER, "sv")


def data_files(reg: Registries, site_url: str, contact: dict[str, str]) -> dict[str, bytes]:
    """{file name under /data/: content}."""
    files = {}
    for name in REGISTRIES:
        files[f"{name}.json"] = json.dumps(registry_json(reg, name), ensure_ascii=False, indent=1).encode()
        files[f"{name}.csv"] = registry_csv(reg, name).encode()
    for file, text in schema_texts().items():
        files[file] = text.encode()
    files["datapackage.json"] = json.dumps(datapackage(reg, site_url), ensure_ascii=False, indent=1).encode()
    files["catalog.rdf"] = dcat_catalogue(reg, site_url, contact)
    for name in REGISTRIES:
        files[f"{name}.rdf"] = dataset_rdf(name, site_url, contact)
    return files
