"""The graph as an HSDS 3.0 feed (Open Referral): services and organizations, as lists of pages
and as single records, so any Open Referral tool can read Wijkgraaf.

Parameters: ``soort`` (``services`` or ``organizations``), ``id`` (one record; an unknown id
raises NietGevonden), ``pagina`` (from 1) and ``per_pagina`` (1..:data:`MAX_PER_PAGINA`), and
for services ``organisatie`` (only the services that organisation offers).

What is served (read-only; nothing is stored for the feed):

- **service** <- ``Aanbod``: ``name`` (naam), ``description`` (omschrijving), ``email``, ``url`` and
  ``phones`` (taken apart from ``contact``: an e-mail address, a web address, the rest phone
  numbers), ``status`` (``active`` while some source still confirms it, using that source's
  status; ``inactive`` when every source that named it no longer does), ``assured_date`` (the
  latest ``bevestigd_op``), ``organization`` / ``organization_id`` (the Organisatie offering it),
  ``service_areas`` (the CBS areas it is ``ACTIEF_IN``), ``attributes`` (its leefgebieden and
  doelgroepen as taxonomy terms of the taxonomies "ZRM 2017 leefgebieden" and "Wijkgraaf
  doelgroepen");
- **organization** <- ``Organisatie``: ``name``, ``description`` (empty: the graph holds none),
  ``website``, ``organization_identifiers`` (the KvK number, scheme ``NL-KVK``) and for a single
  organization its ``services``. Organisations merged into another (an accepted samenvoeging
  proposal) are not served.

Relationships marked ``bevestigd: false`` (no longer in their source) are left out. Ids are the node
keys: UUIDs for everything imported from HSDS/ORUK (see ``ingest.hsds``); nodes from other
adapters keep their own keys, which are not UUIDs. Ids of the feed's own sub-objects (phones,
service areas, attributes, taxonomy terms) are UUIDs derived from what they stand for.
"""

from __future__ import annotations

import math
import re
import uuid
from typing import Any

import networkx as nx

import cypher as cypher_pakket
from netwerk import model
from netwerk.fouten import NietGevonden, OngeldigeInvoer

CYPHER = "hsds_diensten"
SOORTEN = {"services": "hsds_diensten", "organizations": "hsds_organisaties"}
MAX_PER_PAGINA = 500
HSDS_VERSIE = "3.0"
NAAMRUIMTE = uuid.uuid5(uuid.NAMESPACE_URL, "https://wijkgraaf.nl/hsds/feed")
TAXONOMIE_LEEFGEBIEDEN = "ZRM 2017 leefgebieden"
TAXONOMIE_DOELGROEPEN = "Wijkgraaf doelgroepen"
_LEEFGEBIED_NAAM = dict(model.LEEFGEBIEDEN)
_DOELGROEP_NAAM = dict(model.DOELGROEPEN)
_EMAIL = re.compile(r"^[^@\s;]+@[^@\s;]+\.[^@\s;]+$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _controleer(soort: str, pagina: int, per_pagina: int) -> None:
    if soort not in SOORTEN:
        raise OngeldigeInvoer(f"onbekende soort {soort!r}; kies uit {', '.join(SOORTEN)}")
    if pagina < 1:
        raise OngeldigeInvoer("page begint bij 1")
    if not 1 <= per_pagina <= MAX_PER_PAGINA:
        raise OngeldigeInvoer(f"per_page moet tussen 1 en {MAX_PER_PAGINA} liggen")


def _uuid(*delen: str) -> str:
    return str(uuid.uuid5(NAAMRUIMTE, "|".join(delen)))


# --- facts from the memory store's graph ---------------------------------------------------------


def _bevestigd(d: dict[str, Any]) -> bool:
    return d.get("bevestigd", True) is not False


def _props(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in attrs.items() if k != "label"}


def _vermeldingen(G: nx.MultiDiGraph, n: str) -> list[dict[str, Any]]:
    return [
        {
            "bron": b,
            "record": d.get("record"),
            "bevestigd": _bevestigd(d),
            "bevestigd_op": d.get("bevestigd_op"),
            "status": d.get("status"),
        }
        for _, b, d in G.out_edges(n, data=True)
        if d["type"] == model.GENOEMD_IN and G.nodes[b].get("label") == model.BRON
    ]


def _uniek(items: list[dict[str, Any]], sleutel: str) -> list[dict[str, Any]]:
    return list({i[sleutel]: i for i in items}.values())


def _dienst_feiten(G: nx.MultiDiGraph, n: str) -> dict[str, Any]:
    aanbieders, leefgebieden, gebieden = [], [], []
    for u, _, d in G.in_edges(n, data=True):
        if (
            d["type"] == model.BIEDT_AAN
            and _bevestigd(d)
            and G.nodes[u]["label"] == model.ORGANISATIE
        ):
            aanbieders.append({"id": u, "props": _props(G.nodes[u])})
    for _, v, d in G.out_edges(n, data=True):
        if not _bevestigd(d):
            continue
        if d["type"] == model.RICHT_ZICH_OP and G.nodes[v]["label"] == model.LEEFGEBIED:
            leefgebieden.append({"id": v, "naam": G.nodes[v].get("naam")})
        elif d["type"] == model.ACTIEF_IN:
            gebieden.append(
                {"code": v, "naam": G.nodes[v].get("naam"), "label": G.nodes[v]["label"]}
            )
    return {
        "id": n,
        "props": _props(G.nodes[n]),
        "vermeldingen": _vermeldingen(G, n),
        "aanbieders": _uniek(aanbieders, "id"),
        "leefgebieden": _uniek(leefgebieden, "id"),
        "gebieden": _uniek(gebieden, "code"),
    }


def _org_feiten(G: nx.MultiDiGraph, n: str, met_diensten: bool) -> dict[str, Any]:
    diensten = []
    if met_diensten:
        for _, a, d in G.out_edges(n, data=True):
            if (
                d["type"] == model.BIEDT_AAN
                and _bevestigd(d)
                and G.nodes[a]["label"] == model.AANBOD
            ):
                diensten.append(
                    {"id": a, "props": _props(G.nodes[a]), "vermeldingen": _vermeldingen(G, a)}
                )
    return {
        "id": n,
        "props": _props(G.nodes[n]),
        "vermeldingen": _vermeldingen(G, n),
        "diensten": _uniek(diensten, "id"),
    }


def feiten(
    G: nx.MultiDiGraph,
    soort: str,
    id: str | None = None,
    pagina: int = 1,
    per_pagina: int = 50,
    organisatie: str | None = None,
) -> dict[str, Any]:
    """One page (or the one record ``id``) of services or organizations, as facts.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a1", label="Aanbod", naam="Inloop")
    >>> f = feiten(G, "services")
    >>> f["totaal"], f["items"][0]["props"]["naam"]
    (1, 'Inloop')
    """
    _controleer(soort, pagina, per_pagina)
    label = model.AANBOD if soort == "services" else model.ORGANISATIE
    samengevoegd = {
        a.get("van")
        for _, a in G.nodes(data=True)
        if a.get("label") == model.VOORSTEL
        and a.get("soort") == "samenvoeging"
        and a.get("status") == "geaccepteerd"
    }
    ids = sorted(n for n, lab in G.nodes(data="label") if lab == label)
    if id is not None:
        ids = [n for n in ids if n == id]
    if label == model.ORGANISATIE:
        ids = [n for n in ids if n not in samengevoegd]
    if organisatie is not None and label == model.AANBOD:
        ids = [
            n
            for n in ids
            if any(
                u == organisatie
                and d["type"] == model.BIEDT_AAN
                and _bevestigd(d)
                and G.nodes[u]["label"] == model.ORGANISATIE
                for u, _, d in G.in_edges(n, data=True)
            )
        ]
    begin = (pagina - 1) * per_pagina
    pagina_ids = ids[begin : begin + per_pagina]
    if label == model.AANBOD:
        items = [_dienst_feiten(G, n) for n in pagina_ids]
    else:
        items = [_org_feiten(G, n, met_diensten=id is not None) for n in pagina_ids]
    if id is not None and not items:
        raise NietGevonden(
            f"{'dienst' if label == model.AANBOD else 'organisatie'} {id} is niet bekend"
        )
    return {"totaal": len(ids), "items": items}


# --- facts from Neo4j ---------------------------------------------------------------------------


def cypher(soort: str, **_params: Any) -> str:
    """The query for ``soort``: ``cypher/hsds_diensten.cypher`` or ``hsds_organisaties``."""
    _controleer(soort, 1, 1)
    return cypher_pakket.laad(SOORTEN[soort])


def parameters(
    soort: str,
    id: str | None = None,
    pagina: int = 1,
    per_pagina: int = 50,
    organisatie: str | None = None,
) -> dict[str, Any]:
    _controleer(soort, pagina, per_pagina)
    return {
        "id": id,
        "organisatie": organisatie,
        "overslaan": (pagina - 1) * per_pagina,
        "aantal": per_pagina,
    }


def feiten_uit_neo4j(
    rijen: list[dict[str, Any]],
    soort: str,
    id: str | None = None,
    **_params: Any,
) -> dict[str, Any]:
    feiten = rijen[0] if rijen else {"totaal": 0, "items": []}
    if id is not None and not feiten["items"]:
        raise NietGevonden(
            f"{'dienst' if soort == 'services' else 'organisatie'} {id} is niet bekend"
        )
    return feiten


# --- the HSDS objects (shared, pure) -----------------------------------------------------------


def _status(vermeldingen: list[dict[str, Any]]) -> str:
    if not vermeldingen:
        return "active"
    bevestigd = [v for v in vermeldingen if v["bevestigd"]]
    if not bevestigd:
        return "inactive"
    statussen = {v.get("status") or "active" for v in bevestigd}
    return "active" if "active" in statussen else sorted(statussen)[0]


def _datum(vermeldingen: list[dict[str, Any]]) -> str | None:
    bevestigd = [v for v in vermeldingen if v["bevestigd"]] or vermeldingen
    data = [v["bevestigd_op"] for v in bevestigd if _DATUM.match(str(v.get("bevestigd_op") or ""))]
    return max(data) if data else None


def _contact(contact: str | None) -> tuple[str | None, str | None, list[str]]:
    """E-mail, URL and phone numbers out of a ``contact`` text."""
    email = url = None
    telefoons: list[str] = []
    for deel in (contact or "").split(";"):
        deel = deel.strip()
        if not deel:
            continue
        if email is None and _EMAIL.match(deel):
            email = deel
        elif url is None and _URL.match(deel):
            url = deel
        elif any(c.isdigit() for c in deel) and "@" not in deel and "://" not in deel:
            telefoons.append(deel)
    return email, url, telefoons


def _zonder_leeg(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None and v != []}


def _organisatie_kort(o: dict[str, Any]) -> dict[str, Any]:
    p = o["props"]
    website = p.get("website")
    return _zonder_leeg(
        {
            "id": o["id"],
            "name": p.get("naam") or o["id"],
            "description": "",
            "website": website if website and _URL.match(website) else None,
        }
    )


def _term(soort: str, code: str, naam: str) -> dict[str, Any]:
    taxonomie = TAXONOMIE_LEEFGEBIEDEN if soort == "leefgebied" else TAXONOMIE_DOELGROEPEN
    omschrijving = (
        "Leefgebied van de Zelfredzaamheid-Matrix (ZRM 2017)"
        if soort == "leefgebied"
        else "Doelgroep in Wijkgraaf"
    )
    return {
        "id": _uuid("term", soort, code),
        "code": code,
        "name": naam,
        "description": omschrijving,
        "taxonomy": taxonomie,
        "taxonomy_id": _uuid("taxonomie", taxonomie),
        "language": "nl",
    }


def _dienst(f: dict[str, Any], volledig: bool) -> dict[str, Any]:
    p = f["props"]
    email, url, telefoons = _contact(p.get("contact"))
    aanbieders = sorted(f.get("aanbieders", []), key=lambda o: o["id"])
    dienst: dict[str, Any] = {
        "id": f["id"],
        "name": p.get("naam") or f["id"],
        "description": p.get("omschrijving") or "",
        "url": url,
        "email": email,
        "status": _status(f["vermeldingen"]),
        "assured_date": _datum(f["vermeldingen"]),
        "organization_id": aanbieders[0]["id"] if aanbieders else None,
    }
    if aanbieders:
        dienst["organization"] = _organisatie_kort(aanbieders[0])
    if volledig:
        dienst["phones"] = [{"id": _uuid("telefoon", f["id"], t), "number": t} for t in telefoons]
        dienst["service_areas"] = [
            _zonder_leeg(
                {
                    "id": _uuid("gebied", f["id"], g["code"]),
                    "service_id": f["id"],
                    "name": g.get("naam") or g["code"],
                    "description": f"{g['label']} {g['code']} (CBS-indeling)",
                    "extent": g["code"],
                    "extent_type": "cbs-code",
                }
            )
            for g in sorted(f.get("gebieden", []), key=lambda g: g["code"])
        ]
        termen = [
            _term(
                "leefgebied", lg["id"], lg.get("naam") or _LEEFGEBIED_NAAM.get(lg["id"], lg["id"])
            )
            for lg in sorted(f.get("leefgebieden", []), key=lambda lg: lg["id"])
        ] + [
            _term("doelgroep", dg, _DOELGROEP_NAAM.get(dg, dg))
            for dg in sorted(p.get("doelgroepen") or [])
        ]
        dienst["attributes"] = [
            {
                "id": _uuid("attribuut", f["id"], t["id"]),
                "link_id": f["id"],
                "link_type": "leefgebied"
                if t["taxonomy"] == TAXONOMIE_LEEFGEBIEDEN
                else "doelgroep",
                "link_entity": "service",
                "taxonomy_term_id": t["id"],
                "value": t["code"],
                "taxonomy_term": t,
            }
            for t in termen
        ]
    return _zonder_leeg(dienst)


def _organisatie(f: dict[str, Any], volledig: bool) -> dict[str, Any]:
    org = _organisatie_kort(f)
    if not volledig:
        return org
    kvk = f["props"].get("kvk")
    if kvk:
        org["organization_identifiers"] = [
            {
                "id": _uuid("kvk", f["id"], kvk),
                "organization_id": f["id"],
                "identifier_scheme": "NL-KVK",
                "identifier_type": "KvK-nummer",
                "identifier": kvk,
            }
        ]
    org["services"] = [
        _zonder_leeg(
            {
                "id": d["id"],
                "organization_id": f["id"],
                "name": d["props"].get("naam") or d["id"],
                "description": d["props"].get("omschrijving") or "",
                "status": _status(d["vermeldingen"]),
                "assured_date": _datum(d["vermeldingen"]),
            }
        )
        for d in sorted(f.get("diensten", []), key=lambda d: d["id"])
    ]
    return org


def antwoord(
    feiten: dict[str, Any],
    soort: str = "services",
    id: str | None = None,
    pagina: int = 1,
    per_pagina: int = 50,
    **_params: Any,
) -> dict[str, Any]:
    """The HSDS answer: one fully nested record when ``id`` is given, else a page.

    Examples
    --------
    >>> f = {"totaal": 1, "items": [{"id": "a1", "props": {"naam": "Inloop"},
    ...      "vermeldingen": [], "aanbieders": [], "leefgebieden": [], "gebieden": []}]}
    >>> p = antwoord(f, "services")
    >>> p["total_items"], p["contents"][0]["name"], p["contents"][0]["status"]
    (1, 'Inloop', 'active')
    """
    maak = _dienst if soort == "services" else _organisatie
    items = sorted(feiten["items"], key=lambda i: i["id"])
    if id is not None:
        return maak(items[0], volledig=True)
    totaal = feiten["totaal"]
    paginas = math.ceil(totaal / per_pagina)
    return {
        "total_items": totaal,
        "total_pages": paginas,
        "page_number": pagina,
        "size": len(items),
        "first_page": pagina == 1,
        "last_page": pagina >= paginas,
        "empty": not items,
        "contents": [maak(i, volledig=False) for i in items],
    }
