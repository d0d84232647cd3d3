"""Reading Open Referral directories into one neutral shape, whatever the form they come in.

Forms read (see ``docs/bronnen.md``):

- **HSDS 3.0 JSON** as an HSDS API serves it: a paginated list (``{"total_items": ...,
  "contents": [...]}``) or one object (service, organization with its ``services``,
  service_at_location; a location, taxonomy, taxonomy term or the API info have nothing to load
  and are counted as "genegeerd"). A JSON object whose keys are CSV file names (the ``tabular.json``
  example) is read as the tabular form.
- **HSDS tabular data packages**: a folder (or its ``datapackage.json``) with CSV files, in
  version 3.0 (``attributes.csv``, ``taxonomy_terms.csv`` with ``name``, ``addresses.csv``), 2.0
  (``service_attributes.csv``, ``taxonomy_terms.csv`` with ``term``, ``physical_addresses.csv``)
  or 1.1 (``services_taxonomy.csv`` and ``taxonomy.csv``). Columns are matched by name, so the
  versions share one reader; organisations' website is ``website`` (3.0) or ``url`` (1.x/2.0).
- **Open Referral UK**: v1 service lists (``{"totalElements": ..., "content": [...]}`` with
  ``service_taxonomys``, ``service_areas``, ``eligibilitys``) and v2 service lists (a JSON array of
  services with ``pc_targetAudience``, as the openplace.directory ``/v2/services`` serves them).

Every problem is an :class:`~ingest.rapport.Afwijzing` with a place (``file:line`` for CSV,
``file:contents[3]`` or ``file:[17]`` for JSON, with the record id when there is one), the
field and the reason. A record that cannot be used is *afgewezen*; a reference that cannot be
followed (a service naming an unknown organisation, an attribute linking to nothing) is a
*waarschuwing*: the record itself still loads.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.rapport import Afwijzing

# --- the neutral shape ----------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """A taxonomy term attached to a service (HSDS attribute, ORUK taxonomy or audience)."""

    naam: str
    code: str | None = None
    taxonomie: str | None = None


@dataclass(frozen=True)
class Locatie:
    """Where a service is offered: a name, the address's city and country, coordinates."""

    naam: str | None = None
    plaats: str | None = None
    land: str | None = None
    breedte: float | None = None
    lengte: float | None = None


@dataclass
class Organisatie:
    id: str
    naam: str
    plaats: str
    website: str | None = None
    email: str | None = None
    kvk: str | None = None


@dataclass
class Dienst:
    id: str
    naam: str
    plaats: str
    omschrijving: str | None = None
    url: str | None = None
    email: str | None = None
    telefoon: list[str] = field(default_factory=list)
    status: str | None = None
    organisatie: str | None = None  # the source's organisation id
    termen: list[Term] = field(default_factory=list)
    gebieden: list[str] = field(default_factory=list)  # service area names
    locaties: list[Locatie] = field(default_factory=list)
    min_leeftijd: float | None = None
    max_leeftijd: float | None = None


@dataclass
class Bundel:
    """Everything read from one path: records, problems, and what had nothing to load."""

    naam: str
    formaat: str = "onbekend"
    organisaties: dict[str, Organisatie] = field(default_factory=dict)
    diensten: dict[str, Dienst] = field(default_factory=dict)
    afgewezen: list[Afwijzing] = field(default_factory=list)
    waarschuwingen: list[Afwijzing] = field(default_factory=list)
    genegeerd: Counter[str] = field(default_factory=Counter)

    def voeg_organisatie_toe(self, org: Organisatie) -> None:
        """Add an organisation; the same id again (embedded in every service of an ORUK list)
        only fills fields still missing."""
        bestaand = self.organisaties.get(org.id)
        if bestaand is None:
            self.organisaties[org.id] = org
            return
        if org.naam != bestaand.naam:
            self.waarschuwingen.append(
                Afwijzing(
                    org.plaats,
                    "name",
                    f"organisatie {org.id} heet hier {org.naam!r}, eerder {bestaand.naam!r} "
                    f"({bestaand.plaats}); de eerste naam blijft",
                )
            )
        for veld in ("website", "email", "kvk"):
            if getattr(bestaand, veld) is None:
                setattr(bestaand, veld, getattr(org, veld))

    def voeg_dienst_toe(self, dienst: Dienst) -> None:
        bestaand = self.diensten.get(dienst.id)
        if bestaand is not None:
            self.afgewezen.append(
                Afwijzing(dienst.plaats, "id", f"dubbel (ook in {bestaand.plaats})")
            )
            return
        self.diensten[dienst.id] = dienst


# --- small helpers -------------------------------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")
_BLOK = re.compile(r"<\s*(br|/p|/div|/li|/h\d)\s*/?>", re.IGNORECASE)


def platte_tekst(waarde: Any) -> str | None:
    """Text without HTML (HSDS descriptions may hold HTML or Markdown), whitespace folded.

    >>> platte_tekst("<p>Hulp bij&nbsp;geld</p><p><br></p>")
    'Hulp bij geld'
    >>> platte_tekst("<p><br></p>") is None
    True
    """
    if waarde is None:
        return None
    tekst = _BLOK.sub(" ", str(waarde))
    tekst = html.unescape(_TAG.sub("", tekst)).replace("\xa0", " ")
    tekst = " ".join(tekst.split())
    return tekst or None


def _tekst(waarde: Any) -> str | None:
    if waarde is None or isinstance(waarde, (dict, list)):
        return None
    tekst = str(waarde).strip()
    return tekst or None


def _getal(waarde: Any) -> float | None:
    if waarde is None or isinstance(waarde, bool):
        return None
    try:
        return float(str(waarde).strip().replace(",", "."))
    except ValueError:
        return None


def _lijst(waarde: Any) -> list[Any]:
    return waarde if isinstance(waarde, list) else []


def _id(waarde: Any) -> str | None:
    if isinstance(waarde, (int, str)) and not isinstance(waarde, bool):
        return str(waarde).strip() or None
    return None


_KVK_SCHEMA = {"nl-kvk", "kvk", "nl-kvk-nummer"}


def kvk_uit(schema: str | None, soort: str | None, waarde: str | None) -> str | None:
    """A KvK number from an HSDS organization identifier (scheme ``NL-KVK`` in org-id.guide
    terms, or a type that says KvK / Kamer van Koophandel); None when it is not one.

    >>> kvk_uit("NL-KVK", None, "4123 4567")
    '41234567'
    >>> kvk_uit("GB-COH", "Company number", "1234567") is None
    True
    """
    if not waarde:
        return None
    s, t = (schema or "").strip().lower(), (soort or "").strip().lower()
    if s not in _KVK_SCHEMA and "kvk" not in t and "kamer van koophandel" not in t:
        return None
    cijfers = re.sub(r"[\s.]", "", waarde)
    return cijfers if cijfers.isdigit() and len(cijfers) == 8 else None


# --- JSON -----------------------------------------------------------------------------------------


def _soort_object(obj: dict[str, Any]) -> str:
    """What an HSDS/ORUK JSON object is, by its fields."""
    if isinstance(obj.get("service"), dict) and isinstance(obj.get("location"), dict):
        return "service_at_location"
    if "openapi_url" in obj or ("version" in obj and "profile" in obj and "name" not in obj):
        return "api"
    dienst_velden = {
        "status",
        "service_areas",
        "service_at_locations",
        "service_taxonomys",
        "pc_targetAudience",
        "fees",
        "eligibilitys",
        "organization",
        "organization_id",
    }
    if dienst_velden & obj.keys():
        return "service"
    org_velden = {
        "website",
        "tax_status",
        "tax_id",
        "legal_status",
        "year_incorporated",
        "organization_identifiers",
        "services",
    }
    if org_velden & obj.keys():
        return "organization"
    if {"latitude", "longitude", "addresses", "location_type", "physical_addresses"} & obj.keys():
        return "location"
    if {"taxonomy_detail", "term_uri", "parent_id", "code", "taxonomy"} & obj.keys():
        return "taxonomy_term"
    if {"uri", "version"} & obj.keys():
        return "taxonomy"
    return "onbekend"


def _plaats(naam: str, pad: str, obj: dict[str, Any] | None = None) -> str:
    ident = _id(obj.get("id")) if isinstance(obj, dict) else None
    plaats = f"{naam}:{pad}" if pad else naam
    return f"{plaats} (id {ident})" if ident else plaats


def _org_uit_json(obj: dict[str, Any], plaats: str, bundel: Bundel) -> Organisatie | None:
    ident, naam = _id(obj.get("id")), _tekst(obj.get("name"))
    if ident is None or naam is None:
        bundel.afgewezen.append(
            Afwijzing(plaats, "id" if ident is None else "name", "ontbreekt (organisatie)")
        )
        return None
    kvk = None
    for oi in _lijst(obj.get("organization_identifiers")):
        if isinstance(oi, dict):
            kvk = kvk or kvk_uit(
                _tekst(oi.get("identifier_scheme")),
                _tekst(oi.get("identifier_type")),
                _tekst(oi.get("identifier")),
            )
    org = Organisatie(
        ident,
        naam,
        plaats,
        website=_tekst(obj.get("website")) or _tekst(obj.get("url")),
        email=_tekst(obj.get("email")),
        kvk=kvk,
    )
    bundel.voeg_organisatie_toe(org)
    return org


def _locatie_uit_json(loc: dict[str, Any]) -> Locatie:
    adressen = _lijst(loc.get("addresses")) or _lijst(loc.get("physical_addresses"))
    adres = next((a for a in adressen if isinstance(a, dict)), {})
    return Locatie(
        naam=_tekst(loc.get("name")),
        plaats=_tekst(adres.get("city")),
        land=_tekst(adres.get("country")),
        breedte=_getal(loc.get("latitude")),
        lengte=_getal(loc.get("longitude")),
    )


def _term_uit_json(t: dict[str, Any]) -> Term | None:
    naam = _tekst(t.get("name")) or _tekst(t.get("term"))
    if naam is None:
        return None
    taxonomie = _tekst(t.get("taxonomy")) or _tekst(t.get("vocabulary"))
    detail = t.get("taxonomy_detail")
    if isinstance(detail, dict):
        taxonomie = taxonomie or _tekst(detail.get("name"))
    return Term(naam, _tekst(t.get("code")), taxonomie)


def _dienst_uit_json(
    obj: dict[str, Any], plaats: str, bundel: Bundel, organisatie: str | None = None
) -> None:
    ident, naam = _id(obj.get("id")), _tekst(obj.get("name"))
    if ident is None:
        bundel.afgewezen.append(Afwijzing(plaats, "id", "ontbreekt (dienst)"))
        return
    if naam is None:
        bundel.afgewezen.append(Afwijzing(plaats, "name", "ontbreekt (dienst)"))
        return
    org = obj.get("organization")
    if isinstance(org, dict):
        gelezen = _org_uit_json(org, f"{plaats}.organization", bundel)
        organisatie = gelezen.id if gelezen else organisatie
    organisatie = organisatie or _id(obj.get("organization_id"))
    dienst = Dienst(
        ident,
        naam,
        plaats,
        omschrijving=platte_tekst(obj.get("description")),
        url=_tekst(obj.get("url")),
        email=_tekst(obj.get("email")),
        status=(_tekst(obj.get("status")) or "").lower() or None,
        organisatie=organisatie,
        min_leeftijd=_getal(obj.get("minimum_age")),
        max_leeftijd=_getal(obj.get("maximum_age")),
    )
    for telefoon in _lijst(obj.get("phones")):
        if isinstance(telefoon, dict) and _tekst(telefoon.get("number")):
            dienst.telefoon.append(_tekst(telefoon.get("number")).strip('"'))
    for contact in _lijst(obj.get("contacts")):
        for telefoon in _lijst(contact.get("phones")) if isinstance(contact, dict) else []:
            if isinstance(telefoon, dict) and _tekst(telefoon.get("number")):
                dienst.telefoon.append(_tekst(telefoon.get("number")).strip('"'))
    dienst.telefoon = list(dict.fromkeys(dienst.telefoon))
    # HSDS 3.0 attributes; ORUK v1 service_taxonomys; ORUK v2 pc_targetAudience
    for attribuut in _lijst(obj.get("attributes")):
        term = attribuut.get("taxonomy_term") if isinstance(attribuut, dict) else None
        if isinstance(term, dict) and (t := _term_uit_json(term)):
            dienst.termen.append(t)
    for st in _lijst(obj.get("service_taxonomys")):
        term = st.get("taxonomy") if isinstance(st, dict) else None
        if isinstance(term, dict) and (t := _term_uit_json(term)):
            dienst.termen.append(t)
    for doelgroep in _lijst(obj.get("pc_targetAudience")):
        if isinstance(doelgroep, dict) and _tekst(doelgroep.get("audienceType")):
            dienst.termen.append(
                Term(
                    _tekst(doelgroep.get("audienceType")),
                    _tekst(doelgroep.get("id")),
                    "targetAudience",
                )
            )
    for eligibility in _lijst(obj.get("eligibilitys")):
        if isinstance(eligibility, dict):
            dienst.min_leeftijd = dienst.min_leeftijd or _getal(eligibility.get("minimum_age"))
            dienst.max_leeftijd = dienst.max_leeftijd or _getal(eligibility.get("maximum_age"))
    for gebied in _lijst(obj.get("service_areas")):
        if isinstance(gebied, dict):
            naam_gebied = _tekst(gebied.get("name")) or _tekst(gebied.get("service_area"))
            if naam_gebied:
                dienst.gebieden.append(naam_gebied)
    for sal in _lijst(obj.get("service_at_locations")):
        loc = sal.get("location") if isinstance(sal, dict) else None
        if isinstance(loc, dict):
            dienst.locaties.append(_locatie_uit_json(loc))
    bundel.voeg_dienst_toe(dienst)


def _object(obj: Any, naam: str, pad: str, bundel: Bundel) -> None:
    plaats = _plaats(naam, pad, obj if isinstance(obj, dict) else None)
    if not isinstance(obj, dict):
        bundel.afgewezen.append(Afwijzing(plaats, "record", "verwacht een object"))
        return
    soort = _soort_object(obj)
    if soort == "service":
        _dienst_uit_json(obj, plaats, bundel)
    elif soort == "organization":
        org = _org_uit_json(obj, plaats, bundel)
        for i, dienst in enumerate(_lijst(obj.get("services"))):
            sub = f"{pad}.services[{i}]" if pad else f"services[{i}]"
            if isinstance(dienst, dict):
                _dienst_uit_json(
                    dienst, _plaats(naam, sub, dienst), bundel, org.id if org else None
                )
    elif soort == "service_at_location":
        dienst = dict(obj["service"])
        dienst.setdefault("service_at_locations", [{"location": obj["location"]}])
        _dienst_uit_json(dienst, plaats, bundel)
    elif soort == "onbekend":
        bundel.afgewezen.append(
            Afwijzing(plaats, "record", "geen HSDS-dienst, -organisatie of -locatie herkend")
        )
    else:
        bundel.genegeerd[soort] += 1


def _lees_json(tekst: str, naam: str) -> Bundel:
    bundel = Bundel(naam)
    try:
        data = json.loads(tekst)
    except json.JSONDecodeError as e:
        bundel.afgewezen.append(Afwijzing(f"{naam}:{e.lineno}", "json", e.msg))
        return bundel
    if isinstance(data, dict) and data and all(str(k).endswith(".csv") for k in data):
        return _lees_tabellen(_tabellen_uit_json(data, naam), naam, bundel, versie=None)
    if isinstance(data, list):
        oruk_v2 = any(isinstance(x, dict) and any(k.startswith("pc_") for k in x) for x in data)
        bundel.formaat = "ORUK v2 (dienstenlijst)" if oruk_v2 else "HSDS JSON (lijst)"
        for i, obj in enumerate(data):
            _object(obj, naam, f"[{i}]", bundel)
    elif isinstance(data, dict) and isinstance(data.get("contents"), list):
        bundel.formaat = "HSDS 3.0 JSON (pagina)"
        for i, obj in enumerate(data["contents"]):
            _object(obj, naam, f"contents[{i}]", bundel)
    elif isinstance(data, dict) and isinstance(data.get("content"), list):
        bundel.formaat = "ORUK v1 (dienstenlijst)"
        for i, obj in enumerate(data["content"]):
            _object(obj, naam, f"content[{i}]", bundel)
    elif isinstance(data, dict):
        bundel.formaat = "HSDS 3.0 JSON (object)"
        _object(data, naam, "", bundel)
    else:
        bundel.afgewezen.append(Afwijzing(naam, "json", "verwacht een object of een lijst"))
    return bundel


# --- tabular data packages --------------------------------------------------------------------

#: resource -> file names it has had in HSDS 1.1, 2.0 and 3.0
BESTANDEN: dict[str, tuple[str, ...]] = {
    "organization": ("organizations.csv",),
    "service": ("services.csv",),
    "location": ("locations.csv",),
    "service_at_location": ("service_at_location.csv", "services_at_location.csv"),
    "address": ("addresses.csv",),
    "physical_address": ("physical_addresses.csv",),
    "service_area": ("service_areas.csv",),
    "taxonomy_term": ("taxonomy_terms.csv",),
    "taxonomy": ("taxonomies.csv", "taxonomy.csv"),
    "attribute": ("attributes.csv",),
    "service_attribute": ("service_attributes.csv",),
    "other_attribute": ("other_attributes.csv",),
    "service_taxonomy": ("services_taxonomy.csv",),
    "phone": ("phones.csv",),
    "organization_identifier": ("organization_identifiers.csv",),
}
VERPLICHTE_KOLOMMEN = {"organization": ("id", "name"), "service": ("id", "name")}

Rij = tuple[str, dict[str, str]]  # (place, row with lower-case column names, empty cells left out)


def _rijen_csv(tekst: str, naam: str) -> tuple[list[str], list[Rij]]:
    lezer = csv.DictReader(io.StringIO(tekst, newline=""))
    kolommen = [k.strip().lower() for k in (lezer.fieldnames or []) if k]
    rijen: list[Rij] = []
    regel = lezer.line_num + 1
    for rij in lezer:
        schoon = {
            k.strip().lower(): v.strip()
            for k, v in rij.items()
            if k is not None and isinstance(v, str) and v.strip()
        }
        if schoon:
            rijen.append((f"{naam}:{regel}", schoon))
        regel = lezer.line_num + 1
    return kolommen, rijen


@dataclass
class _Tabellen:
    """The tables of a package by resource name: (file name, columns, rows)."""

    tabellen: dict[str, tuple[str, list[str], list[Rij]]] = field(default_factory=dict)
    versie: str | None = None
    fouten: list[Afwijzing] = field(default_factory=list)

    def rijen(self, resource: str) -> list[Rij]:
        return self.tabellen[resource][2] if resource in self.tabellen else []

    def kolommen(self, resource: str) -> list[str]:
        return self.tabellen[resource][1] if resource in self.tabellen else []


def _tabellen_uit_map(map_: Path, naam: str) -> _Tabellen:
    uit = _Tabellen()
    paden: dict[str, Path] = {}
    descriptor = map_ / "datapackage.json"
    if descriptor.is_file():
        try:
            dp = json.loads(descriptor.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError) as e:
            uit.fouten.append(Afwijzing(f"{naam}/datapackage.json", "json", str(e)))
            dp = {}
        uit.versie = _tekst(dp.get("version")) if isinstance(dp, dict) else None
        for res in _lijst(dp.get("resources") if isinstance(dp, dict) else None):
            if isinstance(res, dict) and res.get("name") in BESTANDEN and res.get("path"):
                pad = map_ / str(res["path"])
                if pad.is_file():
                    paden[res["name"]] = pad
    for resource, namen in BESTANDEN.items():
        if resource in paden:
            continue
        for bestandsnaam in namen:
            if (map_ / bestandsnaam).is_file():
                paden[resource] = map_ / bestandsnaam
                break
    for resource, pad in paden.items():
        bestand = f"{naam}/{pad.name}"
        try:
            tekst = pad.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as e:
            uit.fouten.append(Afwijzing(bestand, "bestand", f"geen UTF-8-tekst ({e.reason})"))
            continue
        kolommen, rijen = _rijen_csv(tekst, bestand)
        uit.tabellen[resource] = (bestand, kolommen, rijen)
    return uit


def _tabellen_uit_json(data: dict[str, Any], naam: str) -> _Tabellen:
    uit = _Tabellen()
    per_bestand = {n: r for r, namen in BESTANDEN.items() for n in namen}
    for bestandsnaam, rijen in data.items():
        resource = per_bestand.get(bestandsnaam)
        if resource is None or not isinstance(rijen, list):
            continue
        bestand = f"{naam}:{bestandsnaam}"
        schoon: list[Rij] = []
        kolommen: set[str] = set()
        for i, rij in enumerate(rijen):
            if isinstance(rij, dict):
                kolommen |= {str(k).lower() for k in rij}
                waarden = {str(k).lower(): _tekst(v) for k, v in rij.items()}
                schoon.append((f"{bestand}[{i}]", {k: v for k, v in waarden.items() if v}))
        uit.tabellen[resource] = (bestand, sorted(kolommen), schoon)
    return uit


def _versie(tabellen: _Tabellen) -> str:
    if tabellen.versie:
        delen = tabellen.versie.split(".")
        return ".".join(delen[:2])
    if "attribute" in tabellen.tabellen or "address" in tabellen.tabellen:
        return "3.0"
    if "service_attribute" in tabellen.tabellen or "term" in tabellen.kolommen("taxonomy_term"):
        return "2.0"
    if "service_taxonomy" in tabellen.tabellen:
        return "1.1"
    return "?"


def _lees_tabellen(tabellen: _Tabellen, naam: str, bundel: Bundel, versie: str | None) -> Bundel:
    bundel.formaat = f"HSDS {versie or _versie(tabellen)} (tabelpakket)"
    bundel.afgewezen.extend(tabellen.fouten)
    for resource, verplicht in VERPLICHTE_KOLOMMEN.items():
        if resource not in tabellen.tabellen:
            continue
        bestand, kolommen, _ = tabellen.tabellen[resource]
        ontbreekt = [k for k in verplicht if k not in kolommen]
        if ontbreekt:
            bundel.afgewezen.extend(
                Afwijzing(f"{bestand}:1", k, "verplichte kolom ontbreekt") for k in ontbreekt
            )
            del tabellen.tabellen[resource]
    if "service" not in tabellen.tabellen and "organization" not in tabellen.tabellen:
        bundel.afgewezen.append(
            Afwijzing(naam, "bestand", "geen organizations.csv of services.csv gevonden")
        )
        return bundel

    kvk: dict[str, str] = {}
    for _, rij in tabellen.rijen("organization_identifier"):
        nummer = kvk_uit(
            rij.get("identifier_scheme"), rij.get("identifier_type"), rij.get("identifier")
        )
        if nummer and rij.get("organization_id"):
            kvk.setdefault(rij["organization_id"], nummer)
    for plaats, rij in tabellen.rijen("organization"):
        if not rij.get("id") or not rij.get("name"):
            veld = "id" if not rij.get("id") else "name"
            bundel.afgewezen.append(Afwijzing(plaats, veld, "ontbreekt (organisatie)"))
            continue
        bundel.voeg_organisatie_toe(
            Organisatie(
                rij["id"],
                rij["name"],
                plaats,
                website=rij.get("website") or rij.get("url"),
                email=rij.get("email"),
                kvk=kvk.get(rij["id"]),
            )
        )

    # taxonomy terms: 3.0/2.0 taxonomy_terms.csv (name or term), 1.1 taxonomy.csv (vocabulary)
    taxonomie_namen = {
        rij["id"]: rij.get("name") for _, rij in tabellen.rijen("taxonomy") if rij.get("id")
    }
    termen: dict[str, Term] = {}
    for _, rij in tabellen.rijen("taxonomy_term"):
        term_naam = rij.get("name") or rij.get("term")
        if rij.get("id") and term_naam:
            taxonomie = rij.get("taxonomy") or taxonomie_namen.get(rij.get("taxonomy_id", ""))
            termen[rij["id"]] = Term(term_naam, rij.get("code"), taxonomie)
    if "taxonomy_term" not in tabellen.tabellen:  # 1.1: taxonomy.csv holds the terms
        for _, rij in tabellen.rijen("taxonomy"):
            if rij.get("id") and rij.get("name"):
                termen[rij["id"]] = Term(rij["name"], None, rij.get("vocabulary"))

    for plaats, rij in tabellen.rijen("service"):
        if not rij.get("id") or not rij.get("name"):
            veld = "id" if not rij.get("id") else "name"
            bundel.afgewezen.append(Afwijzing(plaats, veld, "ontbreekt (dienst)"))
            continue
        dienst = Dienst(
            rij["id"],
            rij["name"],
            plaats,
            omschrijving=platte_tekst(rij.get("description")),
            url=rij.get("url"),
            email=rij.get("email"),
            status=(rij.get("status") or "").lower() or None,
            organisatie=rij.get("organization_id"),
            min_leeftijd=_getal(rij.get("minimum_age")),
            max_leeftijd=_getal(rij.get("maximum_age")),
        )
        for term_id in (rij.get("taxonomy_ids") or "").split(","):  # HSDS 1.0/1.1 column
            if term_id.strip() in termen:
                dienst.termen.append(termen[term_id.strip()])
        bundel.voeg_dienst_toe(dienst)
    diensten = bundel.diensten

    def dienst_van(plaats: str, kolom: str, waarde: str | None) -> Dienst | None:
        if waarde in diensten:
            return diensten[waarde]
        bundel.waarschuwingen.append(
            Afwijzing(plaats, kolom, f"verwijst naar onbekende dienst {waarde!r}; rij genegeerd")
        )
        return None

    for _, rij in tabellen.rijen("phone"):
        if rij.get("service_id") in diensten and rij.get("number"):
            diensten[rij["service_id"]].telefoon.append(rij["number"].strip('"'))
    for plaats, rij in tabellen.rijen("service_area"):
        gebied = rij.get("name") or rij.get("service_area")
        if gebied and (d := dienst_van(plaats, "service_id", rij.get("service_id"))):
            d.gebieden.append(gebied)

    def koppel_term(plaats: str, dienst: Dienst, term_id: str | None, detail: str | None) -> None:
        if term_id in termen:
            dienst.termen.append(termen[term_id])
        elif detail:
            dienst.termen.append(Term(detail))
        else:
            bundel.waarschuwingen.append(
                Afwijzing(plaats, "taxonomy_term_id", f"onbekende term {term_id!r}; rij genegeerd")
            )

    for plaats, rij in tabellen.rijen("attribute"):  # 3.0
        entiteit = (rij.get("link_entity") or rij.get("link_type") or "").lower()
        if rij.get("link_id") in diensten:
            koppel_term(plaats, diensten[rij["link_id"]], rij.get("taxonomy_term_id"), None)
        elif entiteit == "service":
            dienst_van(plaats, "link_id", rij.get("link_id"))
        elif entiteit not in ("organization", "location", "service_at_location", "contact"):
            bundel.waarschuwingen.append(
                Afwijzing(
                    plaats,
                    "link_id",
                    f"koppeling naar onbekend object {rij.get('link_id')!r} "
                    f"(link_entity {rij.get('link_entity')!r}); rij genegeerd",
                )
            )
    for plaats, rij in tabellen.rijen("service_attribute"):  # 2.0
        if d := dienst_van(plaats, "service_id", rij.get("service_id")):
            koppel_term(plaats, d, rij.get("taxonomy_term_id"), None)
    for plaats, rij in tabellen.rijen("other_attribute"):  # 2.0
        if (rij.get("link_type") or "").lower() == "service":
            if d := dienst_van(plaats, "link_id", rij.get("link_id")):
                koppel_term(plaats, d, rij.get("taxonomy_term_id"), None)
    for plaats, rij in tabellen.rijen("service_taxonomy"):  # 1.1
        if d := dienst_van(plaats, "service_id", rij.get("service_id")):
            koppel_term(plaats, d, rij.get("taxonomy_id"), rij.get("taxonomy_detail"))

    # locations with their address (3.0 addresses.csv, 1.x/2.0 physical_addresses.csv): a
    # physical address first, a postal one only for a location without
    adressen: dict[str, dict[str, str]] = {}
    rijen = tabellen.rijen("address") + tabellen.rijen("physical_address")
    for _, rij in sorted(rijen, key=lambda r: r[1].get("address_type") == "postal"):
        if rij.get("location_id"):
            adressen.setdefault(rij["location_id"], rij)
    locaties: dict[str, Locatie] = {}
    for _, rij in tabellen.rijen("location"):
        if rij.get("id"):
            adres = adressen.get(rij["id"], {})
            locaties[rij["id"]] = Locatie(
                naam=rij.get("name"),
                plaats=adres.get("city"),
                land=adres.get("country"),
                breedte=_getal(rij.get("latitude")),
                lengte=_getal(rij.get("longitude")),
            )
    for plaats, rij in tabellen.rijen("service_at_location"):
        d = dienst_van(plaats, "service_id", rij.get("service_id"))
        if d is None:
            continue
        if rij.get("location_id") in locaties:
            d.locaties.append(locaties[rij["location_id"]])
        else:
            bundel.waarschuwingen.append(
                Afwijzing(plaats, "location_id", f"onbekende locatie {rij.get('location_id')!r}")
            )
    for d in diensten.values():
        d.telefoon = list(dict.fromkeys(d.telefoon))
    return bundel


# --- entry point -------------------------------------------------------------------------------


def lees(pad: Path, naam: str | None = None) -> Bundel:
    """Read one path: a JSON file, a tabular package folder, or its ``datapackage.json``."""
    naam = naam or pad.name
    if pad.is_dir() or pad.name == "datapackage.json":
        map_ = pad if pad.is_dir() else pad.parent
        naam = map_.name if pad.is_dir() or naam == "datapackage.json" else naam
        return _lees_tabellen(_tabellen_uit_map(map_, naam), naam, Bundel(naam), versie=None)
    if pad.suffix.lower() == ".csv":
        bundel = Bundel(naam)
        bundel.afgewezen.append(
            Afwijzing(
                naam,
                "bestand",
                "één CSV-bestand is geen HSDS-pakket; geef de map of de datapackage.json",
            )
        )
        return bundel
    try:
        tekst = pad.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        bundel = Bundel(naam)
        bundel.afgewezen.append(Afwijzing(naam, "bestand", f"geen UTF-8-tekst ({e.reason})"))
        return bundel
    except OSError as e:
        bundel = Bundel(naam)
        bundel.afgewezen.append(Afwijzing(naam, "bestand", f"kan niet gelezen worden: {e}"))
        return bundel
    return _lees_json(tekst, naam)
