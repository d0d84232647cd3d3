"""Zichtbaarheid van een organisatie: kennen de teams haar waar zij actief is?

Een organisatie is **actief** in de gebieden waar zij zelf ACTIEF_IN is en waar haar aanbod
(BIEDT_AAN) ACTIEF_IN is. Per **wijk**: een gebied op gemeenteniveau telt voor elke wijk van die
gemeente, een buurt voor haar wijk. ``via`` noemt de feiten (gebied, eventueel het aanbod, met
``bron`` en ``bevestigd_op``) die haar in die wijk actief maken.

De **teams van een wijk** zijn de teams die WERKT_IN de wijk, een buurt ervan of haar gemeente.
Een team **kent** de organisatie als er tussen hen een WERKT_SAMEN_MET of VERWIJST_NAAR bestaat,
in welke richting ook, met de organisatie zelf of met een van haar aanbod (dan staat ook de
BIEDT_AAN erbij). Een eigen team (ONDERDEEL_VAN de organisatie) kent haar vanzelf: het staat
bij de teams die haar kennen, met ``eigen_team: true`` en de ONDERDEEL_VAN als reden. Status
per wijk:

- ``gezien``: minstens één team van de wijk kent haar;
- ``actief maar onzichtbaar``: er werken teams, maar geen enkel kent haar;
- ``geen teams``: er werkt geen team in de wijk.

``netwerk`` plaatst de organisatie in het actorennetwerk van elke gemeente waar zij deel van is
(zie :mod:`netwerk.analyse.landschap`: actief daar, aanbod daar, of een team van haar werkt
daar): haar ``graad``, ``betweenness`` (genormaliseerd, 6 decimalen) en ``rang`` onder de
organisaties van dat netwerk (betweenness hoog eerst, dan graad hoog eerst, dan id; vanaf 1),
``van`` het aantal organisaties.

De feiten zijn per gemeente dezelfde als die van de vraag ``landschap``; :func:`antwoord` is
gedeeld door beide stores.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from netwerk import model
from netwerk.analyse.graaf import label
from netwerk.analyse.landschap import betweenness, bouw_netwerk, gemeente_feiten
from netwerk.fouten import NietGevonden, OngeldigeInvoer

GEZIEN = "gezien"
ONZICHTBAAR = "actief maar onzichtbaar"
GEEN_TEAMS = "geen teams"
STATUSSEN = (GEZIEN, ONZICHTBAAR, GEEN_TEAMS)

RANG = "rang onder de organisaties van het netwerk: betweenness hoog eerst, dan graad, dan id"


def _controleer(organisatie: Any) -> str:
    if not isinstance(organisatie, str) or not organisatie:
        raise OngeldigeInvoer(f"geen organisatie-id: {organisatie!r}")
    return organisatie


def _gemeenten_boven(G: nx.MultiDiGraph, gebied: str) -> set[str]:
    """The gemeenten an area is or lies in (LIGT_IN, at most two steps up)."""
    uit, rand = set(), {gebied}
    for _ in range(3):
        uit |= {x for x in rand if label(G, x) == model.GEMEENTE}
        rand = {
            v for x in rand for _, v, d in G.out_edges(x, data=True) if d["type"] == model.LIGT_IN
        }
    return uit


def feiten(G: nx.MultiDiGraph, organisatie: str) -> dict[str, Any]:
    """Gather the facts behind the zichtbaarheid question for ``organisatie``.

    The organisation, and the network facts (:func:`~netwerk.analyse.landschap.gemeente_feiten`)
    of every gemeente whose actor network it belongs to: where it, one of its offers or one of
    its teams is active. Raises :class:`NietGevonden` when there is no such Organisatie.

    Examples
    --------
    >>> from netwerk.stores.geheugen import MemoryStore
    >>> from netwerk.model import Knoop, Relatie
    >>> s = MemoryStore()
    >>> _ = s.upsert_knopen([Knoop("Gemeente", "GM0001", {"naam": "G"}),
    ...                      Knoop("Organisatie", "o", {"naam": "O", "rol": "nuldelijn"})])
    >>> _ = s.upsert_relaties([Relatie("o", "ACTIEF_IN", "GM0001", "x", "2026-01-01")])
    >>> f = feiten(s.graaf(), "o")
    >>> f["organisatie"], [n["gemeente"]["code"] for n in f["netwerken"]]
    ({'id': 'o', 'naam': 'O', 'rol': 'nuldelijn'}, ['GM0001'])
    """
    _controleer(organisatie)
    if label(G, organisatie) != model.ORGANISATIE:
        raise NietGevonden(f"organisatie {organisatie} is niet bekend")
    gebieden = set()
    for _, x, d in G.out_edges(organisatie, data=True):
        if d["type"] == model.ACTIEF_IN:
            gebieden.add(x)
        elif d["type"] == model.BIEDT_AAN and label(G, x) == model.AANBOD:
            gebieden |= {v for _, v, e in G.out_edges(x, data=True) if e["type"] == model.ACTIEF_IN}
    for t, _, d in G.in_edges(organisatie, data=True):
        if d["type"] == model.ONDERDEEL_VAN and label(G, t) == model.TEAM:
            gebieden |= {v for _, v, e in G.out_edges(t, data=True) if e["type"] == model.WERKT_IN}
    gemeenten = sorted({g for a in gebieden for g in _gemeenten_boven(G, a)})
    o = G.nodes[organisatie]
    return {
        "organisatie": {"id": organisatie, "naam": o.get("naam"), "rol": o.get("rol")},
        "netwerken": [gemeente_feiten(G, g) for g in gemeenten],
    }


CYPHER = "zichtbaarheid"


def feiten_uit_neo4j(rijen: list[dict[str, Any]], organisatie: str) -> dict[str, Any]:
    """The facts from the rows of ``cypher/zichtbaarheid.cypher``."""
    _controleer(organisatie)
    if not rijen:
        raise NietGevonden(f"organisatie {organisatie} is niet bekend")
    return rijen[0]


def _werk(e: dict[str, Any]) -> dict[str, Any]:
    return {k: e[k] for k in ("gebied", "soort", "bron", "bevestigd_op")}


def _via(e: dict[str, Any]) -> dict[str, Any]:
    return {k: e[k] for k in ("gebied", "soort", "aanbod", "bron", "bevestigd_op")}


def antwoord(feiten: dict[str, Any], **_params: Any) -> dict[str, Any]:
    """The zichtbaarheid answer from the facts (shared by both stores; pure).

    Examples
    --------
    >>> r = {"bron": "x", "bevestigd_op": "2026-01-01"}
    >>> netwerk = {
    ...     "gemeente": {"code": "GM0001", "naam": "G", "inwoners": None},
    ...     "wijken": [{"code": "WK000101", "naam": "W1"}, {"code": "WK000102", "naam": "W2"}],
    ...     "buurten": [],
    ...     "gebied_relaties": [{"van": "o", "type": "ACTIEF_IN", "naar": "GM0001", **r},
    ...                         {"van": "t", "type": "WERKT_IN", "naar": "WK000101", **r}],
    ...     "actoren": [{"id": "t", "label": "Team", "naam": "T", "soort": "buurtteam",
    ...                  "rol": None, "leefgebieden": []},
    ...                 {"id": "o", "label": "Organisatie", "naam": "O", "soort": None,
    ...                  "rol": "nuldelijn", "leefgebieden": []}],
    ...     "aanbod": [], "relaties": [],
    ... }
    >>> a = antwoord({"organisatie": {"id": "o", "naam": "O", "rol": "nuldelijn"},
    ...               "netwerken": [netwerk]})
    >>> [(w["wijk"]["code"], w["status"]) for w in a["wijken"]]
    [('WK000101', 'actief maar onzichtbaar'), ('WK000102', 'geen teams')]
    >>> a["netwerk"][0]["rang"], a["netwerk"][0]["van"]
    (1, 1)
    """
    org = {k: feiten["organisatie"].get(k) for k in ("id", "naam", "rol")}
    o = org["id"]
    gebieden: list[dict[str, Any]] = []
    wijken: list[dict[str, Any]] = []
    netwerk: list[dict[str, Any]] = []
    for nf in sorted(feiten["netwerken"], key=lambda f: f["gemeente"]["code"]):
        net = bouw_netwerk(nf)
        if o not in net.actoren:
            continue
        gm = net.gemeente
        aanbod_naam = {x["id"]: x.get("naam") for x in nf["aanbod"]}
        eigen = net.aanwezig[o]
        for e in eigen:
            gebieden.append(
                {
                    "gebied": e["gebied"],
                    "soort": e["soort"],
                    "naam": net.gebied_naam.get(e["gebied"]),
                    "gemeente": gm["code"],
                    "aanbod": e["aanbod"],
                    "aanbod_naam": aanbod_naam.get(e["aanbod"]) if e["aanbod"] else None,
                    "bron": e["bron"],
                    "bevestigd_op": e["bevestigd_op"],
                }
            )
        via: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for e in eigen:
            for w in net.gebied_wijken[e["gebied"]]:
                via[w].append(_via(e))
        werk: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
        for t, a in sorted(net.actoren.items()):
            if a["label"] != model.TEAM:
                continue
            for e in net.aanwezig[t]:
                for w in net.gebied_wijken[e["gebied"]]:
                    werk[w][t].append(_werk(e))
        for w in sorted(via):
            kennen, niet = [], []
            for t in sorted(werk.get(w, {})):
                onder = net.verbinding(t, o)
                team = {
                    "id": t,
                    "naam": net.actoren[t].get("naam"),
                    "soort": net.actoren[t].get("soort"),
                    "eigen_team": any(r["type"] == model.ONDERDEEL_VAN for r in onder),
                    "werkt_in": werk[w][t],
                }
                if onder:
                    kennen.append({**team, "relaties": onder})
                else:
                    niet.append(team)
            status = GEZIEN if kennen else ONZICHTBAAR if niet else GEEN_TEAMS
            wijken.append(
                {
                    "wijk": {"code": w, "naam": net.wijk_naam.get(w), "gemeente": gm["code"]},
                    "via": via[w],
                    "teams_die_haar_kennen": kennen,
                    "teams_die_haar_niet_kennen": niet,
                    "status": status,
                }
            )
        G = net.graaf
        bc = betweenness(G)
        organisaties = sorted(
            (n for n in G.nodes if net.actoren[n]["label"] == model.ORGANISATIE),
            key=lambda n: (-bc[n], -G.degree(n), n),
        )
        netwerk.append(
            {
                "gemeente": {"code": gm["code"], "naam": gm["naam"]},
                "graad": G.degree(o),
                "betweenness": bc[o],
                "rang": organisaties.index(o) + 1,
                "van": len(organisaties),
                "verbonden_met": sorted(G.neighbors(o)),
            }
        )
    wijken.sort(key=lambda w: w["wijk"]["code"])
    statussen = [w["status"] for w in wijken]
    return {
        "organisatie": org,
        "gebieden": gebieden,
        "wijken": wijken,
        "netwerk": netwerk,
        "samenvatting": {
            "gemeenten": len(netwerk),
            "gebieden": len({g["gebied"] for g in gebieden}),
            "wijken": len(wijken),
            "gezien": statussen.count(GEZIEN),
            "onzichtbaar": statussen.count(ONZICHTBAAR),
            "geen_teams": statussen.count(GEEN_TEAMS),
        },
        "rang": RANG,
    }


def zichtbaarheid(G: nx.MultiDiGraph, organisatie: str) -> dict[str, Any]:
    """Where ``organisatie`` is active and whether the teams there know it (see the module).

    Examples
    --------
    >>> from netwerk.stores.geheugen import MemoryStore
    >>> from netwerk.model import Knoop, Relatie
    >>> s = MemoryStore()
    >>> _ = s.upsert_knopen([Knoop("Organisatie", "o", {"naam": "O", "rol": "nuldelijn"})])
    >>> zichtbaarheid(s.graaf(), "o")["wijken"]
    []
    """
    return antwoord(feiten(G, organisatie))
