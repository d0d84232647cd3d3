"""Nuldelijn-gaten in a wijk: for every one of the 13 leefgebieden, which teams work on it, which
nuldelijn and voorliggend-veld support exists for it, and whether the two are connected.

Per leefgebied the answer gathers:

- **teams**: teams working in the wijk (WERKT_IN a buurt of the wijk, the wijk itself or its
  gemeente: a team at wijk or gemeente level covers every buurt under it) that RICHT_ZICH_OP the
  leefgebied;
- **nuldelijn-aanbod**: Aanbod available in the wijk (ACTIEF_IN a buurt of the wijk, the wijk or
  its gemeente) that RICHT_ZICH_OP the leefgebied and counts as nuldelijn or voorliggend veld:
  its ``vorm`` is ``collectief`` or ``algemeen`` AND at least one aanbieder (BIEDT_AAN) is an
  Initiatief or an Organisatie with a rol in :data:`netwerk.model.NULDELIJN_ROLLEN`, or it has no
  aanbieder at all. Collective offers of an eerstelijn, tweedelijn or gemeente organisatie, and
  all individueel-maatwerk, do not count;
- **initiatieven**: Initiatieven active in the wijk (ACTIEF_IN as above) that RICHT_ZICH_OP the
  leefgebied or offer (BIEDT_AAN) an Aanbod that does (wherever that Aanbod is offered);
- **verbindingen**: a WERKT_SAMEN_MET or VERWIJST_NAAR, in either direction, between one of the
  leefgebied's teams and a nuldelijn-aanbod, one of its aanbieders, an initiatief, or an Aanbod
  of that initiatief. Links of teams that do not work on the leefgebied do not count for it.

Status per leefgebied:

- ``geen aanbod``: teams work on it, but there is no nuldelijn-aanbod and no initiatief;
- ``niet verbonden``: teams and nuldelijn support exist, but no team is linked to any of it;
- ``verbonden``: at least one verbinding;
- ``geen teams``: no team in the wijk works on it (whatever the nuldelijn offers).

Counts per 10,000 inwoners: ``round(aantal * 10000 / inwoners, 2)`` with the wijk's CBS
``inwoners``; ``None`` when that is unknown or 0. ``verbindingen`` counts distinct (team, type,
partner) facts: the same link stated by several sources, or stored in both directions, is one
verbinding (every stored relationship is still listed with its bron and bevestigd_op).

Order (worst gaps first): status (``geen aanbod`` < ``niet verbonden`` < ``verbonden`` <
``geen teams``), then more teams first, then the ZRM order of the leefgebied.

As every question, in two steps: :func:`feiten` (networkx) or the Cypher query
``nuldelijn_gaten`` with :func:`feiten_uit_neo4j` gather the facts; the shared, pure
:func:`antwoord` turns them into the answer, so both stores answer identically.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from netwerk import model
from netwerk.analyse.graaf import label, wijk_kop
from netwerk.fouten import NietGevonden

GEEN_AANBOD, NIET_VERBONDEN, VERBONDEN, GEEN_TEAMS = (
    "geen aanbod",
    "niet verbonden",
    "verbonden",
    "geen teams",
)
#: Status order: the worst gap first.
STATUSSEN = (GEEN_AANBOD, NIET_VERBONDEN, VERBONDEN, GEEN_TEAMS)
NULDELIJN_VORMEN = ("collectief", "algemeen")

REGELS = {
    "nuldelijn": (
        "aanbod telt als nuldelijn of voorliggend veld als de vorm collectief of algemeen is en "
        "een aanbieder een initiatief is of een organisatie met rol "
        + " of ".join(model.NULDELIJN_ROLLEN)
        + ", of als er geen aanbieder bekend is"
    ),
    "initiatief": (
        "een initiatief telt op een leefgebied als het zich erop richt of aanbod op dat "
        "leefgebied biedt"
    ),
    "verbinding": (
        "WERKT_SAMEN_MET of VERWIJST_NAAR (beide richtingen) tussen een team op het leefgebied "
        "en het aanbod, een aanbieder ervan, het initiatief of aanbod van het initiatief"
    ),
    "status": (
        "geen aanbod: teams maar geen nuldelijn; niet verbonden: wel nuldelijn, geen verbinding; "
        "verbonden: minstens één verbinding; geen teams: geen team in de wijk op dit leefgebied"
    ),
    "per_10000_inwoners": "round(aantal × 10000 / inwoners, 2); null als inwoners onbekend of 0",
    "volgorde": (
        "status (geen aanbod, niet verbonden, verbonden, geen teams), dan meer teams eerst, "
        "dan de ZRM-volgorde van het leefgebied"
    ),
}

_LEEFGEBIED_NAAM = dict(model.LEEFGEBIEDEN)
_LEEFGEBIED_VOLGORDE = {lg: n for n, lg in enumerate(model.LEEFGEBIED_IDS)}
_GEBIED_RANG = {model.BUURT: 0, model.WIJK: 1, model.GEMEENTE: 2}


def _werkgebied(G: nx.MultiDiGraph, gebieden: list[str], soort: str, doel: str) -> dict:
    """Per node labelled ``doel``: its ``soort`` (WERKT_IN/ACTIEF_IN) relationships into
    ``gebieden``."""
    uit: dict[str, list[dict[str, Any]]] = {}
    for gebied in gebieden:
        for x, _, d in G.in_edges(gebied, data=True):
            if d["type"] == soort and label(G, x) == doel:
                uit.setdefault(x, []).append(
                    {
                        "gebied": gebied,
                        "soort": label(G, gebied),
                        "bron": d["bron"],
                        "bevestigd_op": d["bevestigd_op"],
                    }
                )
    return uit


def _leefgebieden(G: nx.MultiDiGraph, n: str) -> list[dict[str, Any]]:
    return [
        {"id": v, "bron": d["bron"], "bevestigd_op": d["bevestigd_op"]}
        for _, v, d in G.out_edges(n, data=True)
        if d["type"] == model.RICHT_ZICH_OP and label(G, v) == model.LEEFGEBIED
    ]


def _contacten(G: nx.MultiDiGraph, t: str) -> list[dict[str, Any]]:
    contacten = []
    for richting, randen in (("uit", G.out_edges(t, data=True)), ("in", G.in_edges(t, data=True))):
        for u, v, d in randen:
            if d["type"] in model.KENNIS_RELATIES:
                x = v if richting == "uit" else u
                contacten.append(
                    {
                        "id": x,
                        "naam": G.nodes[x].get("naam"),
                        "label": label(G, x),
                        "type": d["type"],
                        "richting": richting,
                        "bron": d["bron"],
                        "bevestigd_op": d["bevestigd_op"],
                    }
                )
    return contacten


def feiten(G: nx.MultiDiGraph, wijk: str) -> dict[str, Any]:
    """Gather the facts behind the nuldelijn question for ``wijk`` from a Wijkgraaf graph.

    The teams working in the wijk (with their areas, leefgebieden and acquaintances), the Aanbod
    available in the wijk (with its areas, leefgebieden and aanbieders) and the Initiatieven
    active in it (with their leefgebieden and the Aanbod they offer). Raises
    :class:`NietGevonden` when the graph has no such wijk.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("WK001401", label="Wijk", naam="Oost", inwoners=5000)
    >>> G.add_node("BU00140100", label="Buurt", naam="A")
    >>> _ = G.add_edge("BU00140100", "WK001401", key="LIGT_IN|cbs", type="LIGT_IN")
    >>> G.add_node("t1", label="Team", naam="T1", soort="buurtteam")
    >>> _ = G.add_edge("t1", "BU00140100", key="WERKT_IN|x", type="WERKT_IN", bron="x",
    ...                bevestigd_op="2026-01-01")
    >>> f = feiten(G, "WK001401")
    >>> f["wijk"]["inwoners"], [t["id"] for t in f["teams"]], f["aanbod"], f["initiatieven"]
    (5000, ['t1'], [], [])
    """
    if label(G, wijk) != model.WIJK:
        raise NietGevonden(f"wijk {wijk} is niet bekend")
    gemeenten = sorted(
        {
            v
            for _, v, d in G.out_edges(wijk, data=True)
            if d["type"] == model.LIGT_IN and label(G, v) == model.GEMEENTE
        }
    )
    buurten = sorted(
        {
            u
            for u, _, d in G.in_edges(wijk, data=True)
            if d["type"] == model.LIGT_IN and label(G, u) == model.BUURT
        }
    )
    gebieden = [*buurten, wijk, *gemeenten]

    teams = [
        {
            "id": t,
            "naam": G.nodes[t].get("naam"),
            "soort": G.nodes[t].get("soort"),
            "werkgebied": werk,
            "leefgebieden": _leefgebieden(G, t),
            "contacten": _contacten(G, t),
        }
        for t, werk in _werkgebied(G, gebieden, model.WERKT_IN, model.TEAM).items()
    ]
    aanbod = []
    for o, werk in _werkgebied(G, gebieden, model.ACTIEF_IN, model.AANBOD).items():
        attrs = G.nodes[o]
        aanbod.append(
            {
                "id": o,
                "naam": attrs.get("naam"),
                "vorm": attrs.get("vorm"),
                "doelgroepen": list(attrs.get("doelgroepen", [])),
                "werkgebied": werk,
                "leefgebieden": _leefgebieden(G, o),
                "aanbieders": [
                    {
                        "id": p,
                        "naam": G.nodes[p].get("naam"),
                        "label": label(G, p),
                        "rol": G.nodes[p].get("rol"),
                        "bron": d["bron"],
                        "bevestigd_op": d["bevestigd_op"],
                    }
                    for p, _, d in G.in_edges(o, data=True)
                    if d["type"] == model.BIEDT_AAN
                ],
            }
        )
    initiatieven = []
    for i, werk in _werkgebied(G, gebieden, model.ACTIEF_IN, model.INITIATIEF).items():
        attrs = G.nodes[i]
        initiatieven.append(
            {
                "id": i,
                "naam": attrs.get("naam"),
                "soort": attrs.get("soort"),
                "doelgroepen": list(attrs.get("doelgroepen", [])),
                "werkgebied": werk,
                "leefgebieden": _leefgebieden(G, i),
                "aanbod": [
                    {
                        "id": o,
                        "naam": G.nodes[o].get("naam"),
                        "bron": d["bron"],
                        "bevestigd_op": d["bevestigd_op"],
                        "leefgebieden": sorted({lg["id"] for lg in _leefgebieden(G, o)}),
                    }
                    for _, o, d in G.out_edges(i, data=True)
                    if d["type"] == model.BIEDT_AAN and label(G, o) == model.AANBOD
                ],
            }
        )
    return {
        "wijk": wijk_kop(G, wijk, gemeenten),
        "buurten": [{"code": b, "naam": G.nodes[b].get("naam")} for b in buurten],
        "teams": teams,
        "aanbod": aanbod,
        "initiatieven": initiatieven,
    }


CYPHER = "nuldelijn_gaten"


def feiten_uit_neo4j(rijen: list[dict[str, Any]], wijk: str) -> dict[str, Any]:
    """The facts from the rows of ``cypher/nuldelijn_gaten.cypher`` (one row, none when the
    wijk is unknown).

    Examples
    --------
    >>> feiten_uit_neo4j([], "WK999999")
    Traceback (most recent call last):
    ...
    netwerk.fouten.NietGevonden: wijk WK999999 is niet bekend
    """
    if not rijen:
        raise NietGevonden(f"wijk {wijk} is niet bekend")
    return rijen[0]


# --- the shared answer -------------------------------------------------------------------


def _per_10000(aantal: int, inwoners: int | None) -> float | None:
    """Count per 10,000 inwoners, 2 decimals; None when the population is unknown or 0.

    >>> _per_10000(3, 10615), _per_10000(3, 0), _per_10000(3, None)
    (2.83, None, None)
    """
    if not inwoners:
        return None
    return round(aantal * 10000 / inwoners, 2)


def _bronnen(rijen: list[dict[str, Any]], *sleutels: str) -> list[dict[str, Any]]:
    """Deduplicated, sorted copies of fact rows, keeping only ``sleutels``."""
    uniek = {tuple(r.get(k) for k in sleutels): {k: r.get(k) for k in sleutels} for r in rijen}
    return [uniek[k] for k in sorted(uniek, key=lambda s: tuple("" if x is None else x for x in s))]


def _werk(rijen: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rijen = _bronnen(rijen, "gebied", "soort", "bron", "bevestigd_op")
    return sorted(
        rijen,
        key=lambda w: (_GEBIED_RANG.get(w["soort"], 3), w["gebied"], w["bron"], w["bevestigd_op"]),
    )


def _op(rijen: list[dict[str, Any]], lg: str) -> list[dict[str, Any]]:
    """The RICHT_ZICH_OP relationships (bron, bevestigd_op) of a node to leefgebied ``lg``."""
    return _bronnen([r for r in rijen if r["id"] == lg], "bron", "bevestigd_op")


def _nuldelijn_omdat(o: dict[str, Any]) -> list[str]:
    """Why an offer counts as nuldelijn or voorliggend veld; empty when it does not.

    >>> _nuldelijn_omdat({"vorm": "collectief", "aanbieders": []})
    ['geen aanbieder bekend']
    >>> _nuldelijn_omdat({"vorm": "algemeen", "aanbieders": [
    ...     {"id": "o", "naam": "Welzijn", "label": "Organisatie", "rol": "voorliggend veld"}]})
    ["aanbieder Welzijn (o) is een organisatie met rol 'voorliggend veld'"]
    >>> _nuldelijn_omdat({"vorm": "individueel-maatwerk", "aanbieders": []})
    []
    """
    if o.get("vorm") not in NULDELIJN_VORMEN:
        return []
    if not o["aanbieders"]:
        return ["geen aanbieder bekend"]
    redenen = set()
    for p in o["aanbieders"]:
        naam = f"{p['naam'] or p['id']} ({p['id']})"
        if p["label"] == model.INITIATIEF:
            redenen.add(f"aanbieder {naam} is een initiatief")
        elif p["label"] == model.ORGANISATIE and p.get("rol") in model.NULDELIJN_ROLLEN:
            redenen.add(f"aanbieder {naam} is een organisatie met rol {p['rol']!r}")
    return sorted(redenen)


def _verbindingen(
    teams: list[dict[str, Any]], doelen: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """The stored links between ``teams`` and any of ``doelen`` (id -> who it is), sorted."""
    uit = {}
    for t in teams:
        for c in t["contacten"]:
            if c["id"] not in doelen:
                continue
            r = {
                "team": {"id": t["id"], "naam": t["naam"]},
                "van": t["id"] if c["richting"] == "uit" else c["id"],
                "type": c["type"],
                "naar": c["id"] if c["richting"] == "uit" else t["id"],
                "via": doelen[c["id"]],
                "bron": c["bron"],
                "bevestigd_op": c["bevestigd_op"],
            }
            uit[(t["id"], r["van"], r["type"], r["naar"], r["bron"], r["bevestigd_op"])] = r
    return [uit[k] for k in sorted(uit)]


def antwoord(feiten: dict[str, Any], **_params: Any) -> dict[str, Any]:
    """The nuldelijn-gaten answer from the facts of one wijk (shared by both stores; pure).

    See the module documentation for the rules; :data:`REGELS` holds them in short, and the
    answer repeats them under ``regels``.

    Examples
    --------
    >>> werk = [{"gebied": "WK001401", "soort": "Wijk", "bron": "x", "bevestigd_op": "2026-01-01"}]
    >>> feiten = {
    ...     "wijk": {"code": "WK001401", "naam": "Oost", "gemeente": None, "inwoners": 5000},
    ...     "buurten": [],
    ...     "teams": [{"id": "t1", "naam": "T1", "soort": "buurtteam", "werkgebied": werk,
    ...                "leefgebieden": [{"id": "financien", "bron": "x",
    ...                                  "bevestigd_op": "2026-01-01"}],
    ...                "contacten": []}],
    ...     "aanbod": [], "initiatieven": [],
    ... }
    >>> a = antwoord(feiten)
    >>> lg = a["leefgebieden"][0]
    >>> lg["leefgebied"]["id"], lg["status"], lg["aantallen"]["teams"], lg["per_10000_inwoners"]
    ('financien', 'geen aanbod', 1, {'teams': 2.0, 'aanbod': 0.0, 'initiatieven': 0.0})
    >>> a["statussen"]
    {'geen aanbod': 1, 'niet verbonden': 0, 'verbonden': 0, 'geen teams': 12}
    """
    inwoners = feiten["wijk"].get("inwoners")
    teams = sorted(feiten["teams"], key=lambda t: t["id"])
    team_lg = {t["id"]: {lg["id"] for lg in t["leefgebieden"]} for t in teams}

    aanbod = []
    for o in sorted(feiten["aanbod"], key=lambda o: o["id"]):
        omdat = _nuldelijn_omdat(o)
        if omdat:
            aanbod.append((o, omdat))
    initiatieven = sorted(feiten["initiatieven"], key=lambda i: i["id"])

    items = []
    for lg, lg_naam in model.LEEFGEBIEDEN:
        lg_teams = [t for t in teams if lg in team_lg[t["id"]]]
        uit_aanbod = []
        for o, omdat in aanbod:
            if lg not in {x["id"] for x in o["leefgebieden"]}:
                continue
            aanbieders = _bronnen(o["aanbieders"], "id", "naam", "label", "rol")
            doelen = {o["id"]: {"id": o["id"], "naam": o["naam"], "rol": "aanbod"}}
            for p in aanbieders:
                doelen.setdefault(p["id"], {"id": p["id"], "naam": p["naam"], "rol": "aanbieder"})
            uit_aanbod.append(
                {
                    "id": o["id"],
                    "naam": o["naam"],
                    "vorm": o["vorm"],
                    "doelgroepen": sorted(o["doelgroepen"]),
                    "aanbieders": [
                        {
                            **p,
                            "relaties": _bronnen(
                                [x for x in o["aanbieders"] if x["id"] == p["id"]],
                                "bron",
                                "bevestigd_op",
                            ),
                        }
                        for p in aanbieders
                    ],
                    "nuldelijn_omdat": omdat,
                    "werkgebied": _werk(o["werkgebied"]),
                    "richt_zich_op": _op(o["leefgebieden"], lg),
                    "verbindingen": _verbindingen(lg_teams, doelen),
                }
            )
        uit_init = []
        for i in initiatieven:
            eigen = _op(i["leefgebieden"], lg)
            via_aanbod = _bronnen(
                [a for a in i["aanbod"] if lg in a["leefgebieden"]],
                "id",
                "naam",
                "bron",
                "bevestigd_op",
            )
            if not eigen and not via_aanbod:
                continue
            doelen = {i["id"]: {"id": i["id"], "naam": i["naam"], "rol": "initiatief"}}
            for a in sorted(i["aanbod"], key=lambda a: a["id"]):
                doelen.setdefault(
                    a["id"], {"id": a["id"], "naam": a["naam"], "rol": "aanbod van het initiatief"}
                )
            uit_init.append(
                {
                    "id": i["id"],
                    "naam": i["naam"],
                    "soort": i["soort"],
                    "doelgroepen": sorted(i["doelgroepen"]),
                    "werkgebied": _werk(i["werkgebied"]),
                    "richt_zich_op": eigen,
                    "biedt_aan": via_aanbod,
                    "verbindingen": _verbindingen(lg_teams, doelen),
                }
            )
        alle_verbindingen = [v for x in uit_aanbod + uit_init for v in x["verbindingen"]]
        verbonden = {(v["team"]["id"], v["type"], v["via"]["id"]) for v in alle_verbindingen}
        if not lg_teams:
            status = GEEN_TEAMS
        elif not uit_aanbod and not uit_init:
            status = GEEN_AANBOD
        elif not verbonden:
            status = NIET_VERBONDEN
        else:
            status = VERBONDEN
        aantallen = {
            "teams": len(lg_teams),
            "aanbod": len(uit_aanbod),
            "initiatieven": len(uit_init),
            "verbindingen": len(verbonden),
        }
        items.append(
            {
                "leefgebied": {"id": lg, "naam": lg_naam},
                "status": status,
                "aantallen": aantallen,
                "per_10000_inwoners": {
                    k: _per_10000(aantallen[k], inwoners)
                    for k in ("teams", "aanbod", "initiatieven")
                },
                "teams": [
                    {
                        "id": t["id"],
                        "naam": t["naam"],
                        "soort": t["soort"],
                        "werkgebied": _werk(t["werkgebied"]),
                        "richt_zich_op": _op(t["leefgebieden"], lg),
                    }
                    for t in lg_teams
                ],
                "aanbod": uit_aanbod,
                "initiatieven": uit_init,
            }
        )
    items.sort(
        key=lambda x: (
            STATUSSEN.index(x["status"]),
            -x["aantallen"]["teams"],
            _LEEFGEBIED_VOLGORDE[x["leefgebied"]["id"]],
        )
    )
    return {
        "wijk": {**feiten["wijk"], "buurten": len(feiten["buurten"])},
        "teams": len(teams),
        "teams_zonder_leefgebied": [
            {"id": t["id"], "naam": t["naam"], "soort": t["soort"]}
            for t in teams
            if not team_lg[t["id"]]
        ],
        "statussen": {s: sum(x["status"] == s for x in items) for s in STATUSSEN},
        "leefgebieden": items,
        "regels": REGELS,
    }


def nuldelijn_gaten(G: nx.MultiDiGraph, wijk: str) -> dict[str, Any]:
    """Nuldelijn-gaten per leefgebied in ``wijk``; see the module documentation for the rules.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("WK001401", label="Wijk", naam="Oost", inwoners=5000)
    >>> G.add_node("financien", label="Leefgebied", naam="Financiën")
    >>> G.add_node("t1", label="Team", naam="T1", soort="buurtteam")
    >>> G.add_node("a1", label="Aanbod", naam="Schuldmaatje", vorm="algemeen")
    >>> for van, soort, naar in [("t1", "WERKT_IN", "WK001401"), ("a1", "ACTIEF_IN", "WK001401"),
    ...                          ("t1", "RICHT_ZICH_OP", "financien"),
    ...                          ("a1", "RICHT_ZICH_OP", "financien")]:
    ...     _ = G.add_edge(van, naar, key=f"{soort}|x", type=soort, bron="x",
    ...                    bevestigd_op="2026-01-01")
    >>> lg = nuldelijn_gaten(G, "WK001401")["leefgebieden"][0]
    >>> lg["leefgebied"]["naam"], lg["status"], [o["id"] for o in lg["aanbod"]]
    ('Financiën', 'niet verbonden', ['a1'])
    """
    return antwoord(feiten(G, wijk))
