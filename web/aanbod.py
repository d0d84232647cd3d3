"""Aanbod zoeken for the pages: the store's question ``zoek`` (see netwerk/analyse/zoek.py) when
it is registered, and until then a stand-in with the same answer shape built from the
``lijst`` and ``detail`` questions. Also the collectieve alternatieven shown beside individual
(maatwerk) offers.
"""

from __future__ import annotations

import math
from typing import Any

import netwerk.analyse
from netwerk import model
from netwerk.fouten import NietGevonden, OngeldigeInvoer
from netwerk.stores.basis import GraphStore
from web import gebieden

MAATWERK = "individueel-maatwerk"
PER_PAGINA = 20
#: How many alternatives are shown beside one individual offer on the search page.
ALTERNATIEVEN_NAAST = 3
#: How many alternatives (the first page, nearest first) are shown per individual offer.
ALTERNATIEVEN_PER_PAGINA = 20

VORM_NAAM = {
    "collectief": "Collectief aanbod",
    "algemeen": "Algemene voorziening",
    MAATWERK: "Individueel maatwerk (na een beschikking)",
}


def zoek_geregistreerd() -> bool:
    return "zoek" in netwerk.analyse.VRAGEN


def zoek(store: GraphStore, **params: Any) -> dict[str, Any]:
    """One page of offers for ``params`` (tekst, leefgebied, doelgroep, vorm, gebied, pagina,
    per_pagina), in the shape of the ``zoek`` question."""
    params = {k: v for k, v in params.items() if v not in (None, "")}
    if zoek_geregistreerd():
        return store.vraag("zoek", **params)
    return zoek_zonder_zoekvraag(store, **params)


# --- stand-in until the zoek question is registered -------------------------------------------


def _alle(store: GraphStore, label: str) -> list[str]:
    ids, pagina = [], 1
    while True:
        deel = store.vraag("lijst", label=label, pagina=pagina, per_pagina=100)
        ids += [r["id"] for r in deel["resultaten"]]
        if pagina >= deel["paginas"]:
            return ids
        pagina += 1


def _feiten(store: GraphStore, id: str) -> dict[str, Any]:
    d = store.vraag("detail", id=id, label=model.AANBOD)
    rel = d.get("relaties", [])

    def bron(r: dict[str, Any]) -> dict[str, str]:
        return {"bron": r["bron"], "bevestigd_op": r["bevestigd_op"]}

    return {
        "id": id,
        "naam": d.get("naam"),
        "vorm": d.get("vorm"),
        "omschrijving": d.get("omschrijving"),
        "contact": d.get("contact"),
        "doelgroepen": list(d.get("doelgroepen") or []),
        "leefgebieden": [
            {"id": r["ander"]["id"], "naam": r["ander"]["naam"], **bron(r)}
            for r in rel
            if r["type"] == model.RICHT_ZICH_OP
        ],
        "aanbieders": [
            {**r["ander"], **bron(r)}
            for r in rel
            if r["type"] == model.BIEDT_AAN and r["richting"] == "in"
        ],
        "werkgebied": [
            {"code": r["ander"]["id"], "naam": r["ander"]["naam"], "soort": r["ander"]["label"]}
            for r in rel
            if r["type"] == model.ACTIEF_IN
        ],
    }


def _omvat(code: str) -> set[str]:
    """The area, the areas it lies in and the areas inside it."""
    uit = {code}
    if code.startswith("BU"):
        uit |= {"WK" + code[2:8], "GM" + code[2:6]}
    elif code.startswith("WK"):
        uit |= {"GM" + code[2:6], *gebieden.onderdelen(code)}
    else:
        uit |= set(gebieden.onderdelen(code))
    return uit


def zoek_zonder_zoekvraag(store: GraphStore, **params: Any) -> dict[str, Any]:
    """The search answer from ``lijst`` and ``detail`` (every offer read one by one: fine for a
    sociale kaart of a few hundred offers). Text: every word must start a word of the naam,
    omschrijving or aanbieder (accents and case ignored)."""
    tekst = params.get("tekst") or None
    termen = gebieden.vouw(tekst or "").split()
    leefgebied = model.leefgebied(params["leefgebied"]) if params.get("leefgebied") else None
    doelgroep = model.doelgroep(params["doelgroep"]) if params.get("doelgroep") else None
    vorm = (
        model.uit_lijst(params["vorm"], model.AANBOD_VORMEN, "vorm") if params.get("vorm") else None
    )
    gebied = (params.get("gebied") or "").upper() or None
    if gebied and not store.labels_van([gebied]):
        raise NietGevonden(f"gebied {gebied} is niet bekend")
    try:
        pagina = int(params.get("pagina") or 1)
        per_pagina = int(params.get("per_pagina") or PER_PAGINA)
    except ValueError as e:
        raise OngeldigeInvoer("pagina en per_pagina moeten gehele getallen zijn") from e
    if pagina < 1 or not 1 <= per_pagina <= 100:
        raise OngeldigeInvoer("pagina moet 1 of meer zijn, per_pagina tussen 1 en 100")
    omvat = _omvat(gebied) if gebied else None

    gevonden = []
    for id in _alle(store, model.AANBOD):
        o = _feiten(store, id)
        if vorm and o["vorm"] != vorm:
            continue
        if doelgroep and not {doelgroep, "iedereen"} & set(o["doelgroepen"]):
            continue
        if leefgebied and leefgebied not in {x["id"] for x in o["leefgebieden"]}:
            continue
        if omvat is not None and not omvat & {w["code"] for w in o["werkgebied"]}:
            continue
        woorden = {
            "naam": gebieden.vouw(o["naam"] or "").split(),
            "omschrijving": gebieden.vouw(o["omschrijving"] or "").split(),
            "aanbieder": [
                w for a in o["aanbieders"] for w in gebieden.vouw(a["naam"] or "").split()
            ],
        }
        treffers = []
        for t in termen:
            velden = [v for v, ws in woorden.items() if any(w.startswith(t) for w in ws)]
            if not velden:
                break
            treffers.append({"term": t, "velden": velden, "woorden": []})
        else:
            gevonden.append((o, treffers))
    gevonden.sort(key=lambda x: (gebieden.vouw(x[0]["naam"] or ""), x[0]["id"]))
    begin = (pagina - 1) * per_pagina
    resultaten = []
    for o, treffers in gevonden[begin : begin + per_pagina]:
        eerste = min(o["aanbieders"], key=lambda a: a["id"]) if o["aanbieders"] else None
        resultaten.append(
            {
                "id": o["id"],
                "naam": o["naam"],
                "vorm": o["vorm"],
                "omschrijving": o["omschrijving"],
                "contact": o["contact"],
                "doelgroepen": [
                    {"id": d, "naam": dict(model.DOELGROEPEN).get(d, d)} for d in o["doelgroepen"]
                ],
                "leefgebieden": [{"id": x["id"], "naam": x["naam"]} for x in o["leefgebieden"]],
                "aanbieder": (
                    {"id": eerste["id"], "naam": eerste["naam"], "label": eerste["label"]}
                    if eerste
                    else None
                ),
                "werkgebied": sorted(
                    {w["code"]: w for w in o["werkgebied"]}.values(), key=lambda w: w["code"]
                ),
                "waarom": {"tekst": treffers or None},
            }
        )
    return {
        "resultaten": resultaten,
        "totaal": len(gevonden),
        "pagina": pagina,
        "per_pagina": per_pagina,
        "paginas": math.ceil(len(gevonden) / per_pagina),
        "zoekvraag": {
            "tekst": tekst,
            "leefgebied": leefgebied,
            "doelgroep": doelgroep,
            "vorm": vorm,
            "gebied": gebied,
        },
    }


# --- collectieve alternatieven ------------------------------------------------------------------


def alternatieven_voor(
    store: GraphStore, wijk: str | None, resultaten: list[dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """Per individual (maatwerk) offer among ``resultaten``: its collectieve alternatieven as
    seen from ``wijk`` (the answer of that question: the first page of
    :data:`ALTERNATIEVEN_PER_PAGINA`, with the ``totaal``). Nothing without a wijk."""
    if not wijk:
        return {}
    uit = {}
    for r in resultaten:
        if r.get("vorm") == MAATWERK:
            try:
                uit[r["id"]] = store.collectieve_alternatieven(
                    wijk, aanbod=r["id"], per_pagina=ALTERNATIEVEN_PER_PAGINA
                )
            except NietGevonden:
                continue
    return uit


def bereik_aanbieders(store: GraphStore, resultaten: list[dict[str, Any]]) -> dict[str, str]:
    """For offers without their own contact: the website of their aanbieder, if it has one."""
    uit = {}
    for r in resultaten:
        if r.get("contact") or not r.get("aanbieder"):
            continue
        knoop = store.knoop(r["aanbieder"]["id"])
        website = knoop.eigenschappen.get("website") if knoop is not None else None
        if isinstance(website, str) and website.startswith(("https://", "http://")):
            uit[r["id"]] = website
    return uit
