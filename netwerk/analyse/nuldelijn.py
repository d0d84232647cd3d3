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

Lists (parameters ``per_lijst`` and ``leefgebied``): per leefgebied every team is listed, but at
most ``per_lijst`` (1..500, default 10) aanbod and at most ``per_lijst`` initiatieven: those with
at least one verbinding first, then by id. ``meer`` says how many aanbod and initiatieven are not
listed. Counts (``aantallen``, ``per_10000_inwoners``), statuses and ``statussen`` always cover
everything, whatever is listed. With ``leefgebied`` (id, name or alias) only that leefgebied is
listed under ``leefgebieden``; ``statussen`` still covers all 13. Other values are invalid input
(:class:`~netwerk.fouten.OngeldigeInvoer`).

As every question, in two steps: :func:`feiten` (networkx) or the Cypher query
``nuldelijn_gaten`` with :func:`feiten_uit_neo4j` gather the facts; the shared, pure
:func:`antwoord` turns them into the answer, so both stores answer identically. Both gather only
the Aanbod that can count as nuldelijn (the rule above, read from ``vorm`` and the aanbieders);
:func:`antwoord` applies the rule again and explains it for every listed offer.
"""

from __future__ import annotations

from collections.abc import Collection
from operator import itemgetter
from typing import Any

import networkx as nx

from netwerk import model
from netwerk.analyse.graaf import wijk_kop
from netwerk.fouten import NietGevonden, OngeldigeInvoer

GEEN_AANBOD, NIET_VERBONDEN, VERBONDEN, GEEN_TEAMS = (
    "geen aanbod",
    "niet verbonden",
    "verbonden",
    "geen teams",
)
#: Status order: the worst gap first.
STATUSSEN = (GEEN_AANBOD, NIET_VERBONDEN, VERBONDEN, GEEN_TEAMS)
NULDELIJN_VORMEN = ("collectief", "algemeen")
#: At most this many aanbod and initiatieven listed per leefgebied, unless asked otherwise.
PER_LIJST = 10
MAX_PER_LIJST = 500

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
    "lijsten": (
        "per leefgebied alle teams, en hoogstens per_lijst (standaard "
        f"{PER_LIJST}) aanbod en per_lijst initiatieven: eerst die met een verbinding, dan op id; "
        "meer noemt hoeveel er niet getoond zijn; aantallen en statussen tellen altijd alles"
    ),
}

_GEBIED_RANG = {model.BUURT: 0, model.WIJK: 1, model.GEMEENTE: 2}
_ID = itemgetter("id")
_TEAM, _AANBOD, _INITIATIEF, _ORGANISATIE, _LEEFGEBIED = (
    model.TEAM,
    model.AANBOD,
    model.INITIATIEF,
    model.ORGANISATIE,
    model.LEEFGEBIED,
)
_WERKT_IN, _ACTIEF_IN, _BIEDT_AAN, _RICHT_ZICH_OP = (
    model.WERKT_IN,
    model.ACTIEF_IN,
    model.BIEDT_AAN,
    model.RICHT_ZICH_OP,
)


def vraag_params(
    per_lijst: int | None = None, leefgebied: str | None = None
) -> tuple[int, str | None]:
    """Check the list parameters: ``per_lijst`` (default :data:`PER_LIJST`) and the leefgebied
    to list (normalised with :func:`netwerk.model.leefgebied`; None: all 13).

    Raises :class:`OngeldigeInvoer` for a per_lijst outside 1..500 and an unknown leefgebied.

    Examples
    --------
    >>> vraag_params(), vraag_params(3, "Financiën")
    ((10, None), (3, 'financien'))
    >>> vraag_params(0)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    netwerk.fouten.OngeldigeInvoer: per_lijst moet een geheel getal van 1 tot en met 500 zijn, ...
    >>> vraag_params(leefgebied="sport")
    Traceback (most recent call last):
    ...
    netwerk.fouten.OngeldigeInvoer: onbekend leefgebied 'sport'
    """
    if per_lijst is None:
        per_lijst = PER_LIJST
    if (
        isinstance(per_lijst, bool)
        or not isinstance(per_lijst, int)
        or not 1 <= per_lijst <= MAX_PER_LIJST
    ):
        raise OngeldigeInvoer(
            f"per_lijst moet een geheel getal van 1 tot en met {MAX_PER_LIJST} zijn, "
            f"niet {per_lijst!r}"
        )
    return per_lijst, (None if leefgebied is None else model.leefgebied(leefgebied))


def _telt(o: dict[str, Any]) -> bool:
    """Whether an offer (``vorm`` and ``aanbieders``) counts as nuldelijn or voorliggend veld:
    the rule of :func:`_nuldelijn_omdat`, without the reasons.

    >>> _telt({"vorm": "algemeen", "aanbieders": [{"label": "Organisatie", "rol": "gemeente"},
    ...                                          {"label": "Initiatief", "rol": None}]})
    True
    >>> _telt({"vorm": "collectief", "aanbieders": [{"label": "Organisatie", "rol": None}]})
    False
    """
    return o.get("vorm") in NULDELIJN_VORMEN and _aanbieders_tellen(o["aanbieders"])


def _aanbieders_tellen(aanbieders: list[dict[str, Any]]) -> bool:
    """The aanbieder part of the nuldelijn rule: no aanbieder at all, or one that is an
    Initiatief or an Organisatie with a rol in :data:`netwerk.model.NULDELIJN_ROLLEN`."""
    for p in aanbieders:
        if p["label"] == _INITIATIEF or (
            p["label"] == _ORGANISATIE and p.get("rol") in model.NULDELIJN_ROLLEN
        ):
            return True
    return not aanbieders


# --- facts from networkx -------------------------------------------------------------------


def _leefgebieden(adj: dict, knopen: dict) -> list[dict[str, Any]]:
    """The RICHT_ZICH_OP relationships to a Leefgebied in the adjacency ``adj`` of a node."""
    return [
        {"id": v, "bron": d["bron"], "bevestigd_op": d["bevestigd_op"]}
        for v, rel in adj.items()
        for d in rel.values()
        if d["type"] == _RICHT_ZICH_OP and knopen[v].get("label") == _LEEFGEBIED
    ]


def feiten(
    G: nx.MultiDiGraph, wijk: str, per_lijst: int | None = None, leefgebied: str | None = None
) -> dict[str, Any]:
    """Gather the facts behind the nuldelijn question for ``wijk`` from a Wijkgraaf graph.

    The teams working in the wijk (with their areas, leefgebieden and acquaintances), the Aanbod
    available in the wijk that counts as nuldelijn (with its areas, leefgebieden and
    aanbieders) and the Initiatieven active in it (with their leefgebieden and the Aanbod they
    offer). Reads the adjacency dicts of the graph directly. Raises :class:`OngeldigeInvoer`
    for invalid list parameters and :class:`NietGevonden` when the graph has no such wijk.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("WK001401", label="Wijk", naam="Oost", inwoners=5000)
    >>> G.add_node("BU00140100", label="Buurt", naam="A")
    >>> _ = G.add_edge("BU00140100", "WK001401", key="LIGT_IN|cbs", type="LIGT_IN")
    >>> G.add_node("t1", label="Team", naam="T1", soort="buurtteam")
    >>> G.add_node("a1", label="Aanbod", naam="Begeleiding", vorm="individueel-maatwerk")
    >>> for x, soort in (("t1", "WERKT_IN"), ("a1", "ACTIEF_IN")):
    ...     _ = G.add_edge(x, "BU00140100", key=f"{soort}|x", type=soort, bron="x",
    ...                    bevestigd_op="2026-01-01")
    >>> f = feiten(G, "WK001401")
    >>> f["wijk"]["inwoners"], [t["id"] for t in f["teams"]], f["aanbod"], f["initiatieven"]
    (5000, ['t1'], [], [])
    """
    vraag_params(per_lijst, leefgebied)
    knopen, uit, naar = G._node, G._succ, G._pred
    if knopen.get(wijk, {}).get("label") != model.WIJK:
        raise NietGevonden(f"wijk {wijk} is niet bekend")
    gemeenten = sorted(
        v
        for v, rel in uit[wijk].items()
        if knopen[v].get("label") == model.GEMEENTE
        and any(d["type"] == model.LIGT_IN for d in rel.values())
    )
    buurten = sorted(
        u
        for u, rel in naar[wijk].items()
        if knopen[u].get("label") == model.BUURT
        and any(d["type"] == model.LIGT_IN for d in rel.values())
    )
    gebieden = [
        *((b, model.BUURT) for b in buurten),
        (wijk, model.WIJK),
        *((g, model.GEMEENTE) for g in gemeenten),
    ]

    # who works or is active in the wijk, with the relationships that put them there; offers
    # whose vorm can never count as nuldelijn are skipped right away
    vormen = NULDELIJN_VORMEN
    werk_teams: dict[str, list[dict[str, Any]]] = {}
    werk_aanbod: dict[str, list[dict[str, Any]]] = {}
    werk_init: dict[str, list[dict[str, Any]]] = {}
    for gebied, soort in gebieden:
        for x, rel in naar[gebied].items():
            attrs = knopen[x]
            lab = attrs.get("label")
            if lab == _AANBOD:
                if attrs.get("vorm") not in vormen:
                    continue
                relatie, doel = _ACTIEF_IN, werk_aanbod
            elif lab == _INITIATIEF:
                relatie, doel = _ACTIEF_IN, werk_init
            elif lab == _TEAM:
                relatie, doel = _WERKT_IN, werk_teams
            else:
                continue
            for d in rel.values():
                if d["type"] == relatie:
                    w = {
                        "gebied": gebied,
                        "soort": soort,
                        "bron": d["bron"],
                        "bevestigd_op": d["bevestigd_op"],
                    }
                    if x in doel:
                        doel[x].append(w)
                    else:
                        doel[x] = [w]

    teams = []
    for t, werkgebied in werk_teams.items():
        attrs = knopen[t]
        contacten = [
            {
                "id": x,
                "type": d["type"],
                "richting": richting,
                "bron": d["bron"],
                "bevestigd_op": d["bevestigd_op"],
            }
            for richting, adj in (("uit", uit[t]), ("in", naar[t]))
            for x, rel in adj.items()
            for d in rel.values()
            if d["type"] in model.KENNIS_RELATIES
        ]
        teams.append(
            {
                "id": t,
                "naam": attrs.get("naam"),
                "soort": attrs.get("soort"),
                "werkgebied": werkgebied,
                "leefgebieden": _leefgebieden(uit[t], knopen),
                "contacten": contacten,
            }
        )

    # only the offers that count (the rule of _telt; the vorm is checked above)
    aanbod = []
    for o, werkgebied in werk_aanbod.items():
        aanbieders = []
        for p, rel in naar[o].items():
            for d in rel.values():
                if d["type"] == _BIEDT_AAN:
                    pa = knopen[p]
                    aanbieders.append(
                        {
                            "id": p,
                            "naam": pa.get("naam"),
                            "label": pa.get("label"),
                            "rol": pa.get("rol"),
                            "bron": d["bron"],
                            "bevestigd_op": d["bevestigd_op"],
                        }
                    )
        if not _aanbieders_tellen(aanbieders):
            continue
        attrs = knopen[o]
        aanbod.append(
            {
                "id": o,
                "naam": attrs.get("naam"),
                "vorm": attrs.get("vorm"),
                "doelgroepen": list(attrs.get("doelgroepen", [])),
                "werkgebied": werkgebied,
                "leefgebieden": _leefgebieden(uit[o], knopen),
                "aanbieders": aanbieders,
            }
        )

    initiatieven = []
    lg_van: dict[str, list[str]] = {}  # leefgebied ids per Aanbod of an initiatief
    for i, werkgebied in werk_init.items():
        attrs = knopen[i]
        eigen_lg = []
        eigen_aanbod = []
        for v, rel in uit[i].items():  # one pass: its leefgebieden and its offers
            for d in rel.values():
                soort = d["type"]
                if soort == _RICHT_ZICH_OP:
                    if knopen[v].get("label") == _LEEFGEBIED:
                        eigen_lg.append(
                            {"id": v, "bron": d["bron"], "bevestigd_op": d["bevestigd_op"]}
                        )
                elif soort == _BIEDT_AAN:
                    va = knopen[v]
                    if va.get("label") != _AANBOD:
                        continue
                    lgs = lg_van.get(v)
                    if lgs is None:
                        lgs = lg_van[v] = sorted(
                            {
                                x
                                for x, r in uit[v].items()
                                for e in r.values()
                                if e["type"] == _RICHT_ZICH_OP
                                and knopen[x].get("label") == _LEEFGEBIED
                            }
                        )
                    eigen_aanbod.append(
                        {
                            "id": v,
                            "naam": va.get("naam"),
                            "bron": d["bron"],
                            "bevestigd_op": d["bevestigd_op"],
                            "leefgebieden": lgs,
                        }
                    )
        initiatieven.append(
            {
                "id": i,
                "naam": attrs.get("naam"),
                "soort": attrs.get("soort"),
                "doelgroepen": list(attrs.get("doelgroepen", [])),
                "werkgebied": werkgebied,
                "leefgebieden": eigen_lg,
                "aanbod": eigen_aanbod,
            }
        )
    return {
        "wijk": wijk_kop(G, wijk, gemeenten),
        "buurten": [{"code": b, "naam": knopen[b].get("naam")} for b in buurten],
        "teams": teams,
        "aanbod": aanbod,
        "initiatieven": initiatieven,
    }


CYPHER = "nuldelijn_gaten"


def parameters(
    per_lijst: int | None = None, leefgebied: str | None = None, **_params: Any
) -> dict[str, Any]:
    """Query parameters besides the given ones (after checking the list parameters): the
    vormen and aanbieder rollen that can make an offer count as nuldelijn.

    Examples
    --------
    >>> parameters(wijk="WK051305")
    {'vormen': ['collectief', 'algemeen'], 'rollen': ['nuldelijn', 'voorliggend veld']}
    """
    vraag_params(per_lijst, leefgebied)
    return {"vormen": list(NULDELIJN_VORMEN), "rollen": list(model.NULDELIJN_ROLLEN)}


def feiten_uit_neo4j(rijen: list[dict[str, Any]], wijk: str, **_params: Any) -> dict[str, Any]:
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
    if len(rijen) < 2:
        return [{k: r.get(k) for k in sleutels} for r in rijen]
    uniek = {tuple(r.get(k) for k in sleutels): {k: r.get(k) for k in sleutels} for r in rijen}
    return [uniek[k] for k in sorted(uniek, key=lambda s: tuple("" if x is None else x for x in s))]


def _werk(rijen: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The areas (WERKT_IN or ACTIEF_IN) of a node, deduplicated: buurten first, then wijk,
    then gemeente, each by code, bron and bevestigd_op."""
    if len(rijen) == 1:  # the common case, without sorting
        r = rijen[0]
        return [
            {
                "gebied": r["gebied"],
                "soort": r["soort"],
                "bron": r["bron"],
                "bevestigd_op": r["bevestigd_op"],
            }
        ]
    uniek = {(r["gebied"], r["soort"], r["bron"], r["bevestigd_op"]) for r in rijen}
    return [
        {"gebied": g, "soort": s, "bron": b, "bevestigd_op": d}
        for g, s, b, d in sorted(uniek, key=_werk_volgorde)
    ]


def _werk_volgorde(w: tuple[str, str, str | None, str | None]) -> tuple:
    """Buurten, wijk, gemeente; then code, bron, bevestigd_op (a missing value first)."""
    gebied, soort, bron, bevestigd_op = w
    return (
        _GEBIED_RANG.get(soort, 3),
        gebied,
        bron is not None,
        bron or "",
        bevestigd_op is not None,
        bevestigd_op or "",
        soort or "",
    )


def _op(rijen: list[dict[str, Any]], lg: str) -> list[dict[str, Any]]:
    """The RICHT_ZICH_OP relationships (bron, bevestigd_op) of a node to leefgebied ``lg``."""
    uit = [{"bron": r["bron"], "bevestigd_op": r["bevestigd_op"]} for r in rijen if r["id"] == lg]
    return uit if len(uit) < 2 else _bronnen(uit, "bron", "bevestigd_op")


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


def _kies(
    rijen: list[tuple[dict[str, Any], Collection[str]]], verbonden: set[str], n: int
) -> list[dict[str, Any]]:
    """At most ``n`` of ``rijen`` (sorted by id): those in ``verbonden`` first, then the rest."""
    if not verbonden:
        return [x for x, _ in rijen[:n]]
    eerst = [x for x, _ in rijen if x["id"] in verbonden][:n]
    if len(eerst) < n:
        eerst += [x for x, _ in rijen if x["id"] not in verbonden][: n - len(eerst)]
    return eerst


def _aanbod_kop(o: dict[str, Any]) -> dict[str, Any]:
    """What an offer's item shows under every leefgebied it is listed on."""
    rijen = o["aanbieders"]
    if len(rijen) == 1:  # the common case, without sorting
        p = rijen[0]
        aanbieders = [
            {
                "id": p["id"],
                "naam": p["naam"],
                "label": p["label"],
                "rol": p["rol"],
                "relaties": [{"bron": p["bron"], "bevestigd_op": p["bevestigd_op"]}],
            }
        ]
    else:
        aanbieders = [
            {
                **p,
                "relaties": _bronnen(
                    [x for x in rijen if x["id"] == p["id"]], "bron", "bevestigd_op"
                ),
            }
            for p in _bronnen(rijen, "id", "naam", "label", "rol")
        ]
    return {
        "id": o["id"],
        "naam": o["naam"],
        "vorm": o["vorm"],
        "doelgroepen": sorted(o["doelgroepen"]),
        "aanbieders": aanbieders,
        "nuldelijn_omdat": _nuldelijn_omdat(o),
        "werkgebied": _werk(o["werkgebied"]),
    }


def _aanbod_doelen(o: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Who a team can be linked to for an offer: the offer and its aanbieders."""
    doelen = {o["id"]: {"id": o["id"], "naam": o["naam"], "rol": "aanbod"}}
    for p in _bronnen(o["aanbieders"], "id", "naam", "label", "rol"):
        doelen.setdefault(p["id"], {"id": p["id"], "naam": p["naam"], "rol": "aanbieder"})
    return doelen


def _initiatief_kop(i: dict[str, Any]) -> dict[str, Any]:
    """What an initiatief's item shows under every leefgebied it is listed on."""
    return {
        "id": i["id"],
        "naam": i["naam"],
        "soort": i["soort"],
        "doelgroepen": sorted(i["doelgroepen"]),
        "werkgebied": _werk(i["werkgebied"]),
    }


def _initiatief_doelen(i: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Who a team can be linked to for an initiatief: the initiatief and its offers."""
    doelen = {i["id"]: {"id": i["id"], "naam": i["naam"], "rol": "initiatief"}}
    for a in sorted(i["aanbod"], key=_ID):
        doelen.setdefault(
            a["id"], {"id": a["id"], "naam": a["naam"], "rol": "aanbod van het initiatief"}
        )
    return doelen


def _biedt_aan(i: dict[str, Any], lg: str) -> list[dict[str, Any]]:
    """The BIEDT_AAN relationships of an initiatief to its offers on leefgebied ``lg``."""
    rijen = [a for a in i["aanbod"] if lg in a["leefgebieden"]]
    if len(rijen) == 1:
        a = rijen[0]
        return [
            {"id": a["id"], "naam": a["naam"], "bron": a["bron"], "bevestigd_op": a["bevestigd_op"]}
        ]
    return _bronnen(rijen, "id", "naam", "bron", "bevestigd_op")


def antwoord(
    feiten: dict[str, Any],
    per_lijst: int | None = None,
    leefgebied: str | None = None,
    **_params: Any,
) -> dict[str, Any]:
    """The nuldelijn-gaten answer from the facts of one wijk (shared by both stores; pure).

    See the module documentation for the rules; :data:`REGELS` holds them in short, and the
    answer repeats them under ``regels``. Statuses and counts come from set operations on ids
    (the teams' contacts against each item's offer, aanbieders, initiatief and its offers);
    the explained items are built only for what is listed.

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
    >>> lg["meer"]
    {'aanbod': 0, 'initiatieven': 0}
    >>> [x["leefgebied"]["id"] for x in antwoord(feiten, leefgebied="Justitie")["leefgebieden"]]
    ['justitie']
    """
    per_lijst, alleen = vraag_params(per_lijst, leefgebied)
    inwoners = feiten["wijk"].get("inwoners")
    teams = sorted(feiten["teams"], key=_ID)
    team_lg = {t["id"]: {lg["id"] for lg in t["leefgebieden"]} for t in teams}
    kent = {t["id"]: {c["id"] for c in t["contacten"]} for t in teams}
    iedereen_gekend = set().union(*kent.values())

    def gekend(*ids: str) -> Collection[str]:
        """Those of ``ids`` that some team knows (usually none)."""
        return {x for x in ids if x in iedereen_gekend} if iedereen_gekend else ()

    # per leefgebied: the offers that count and the initiatieven on it (sorted by id, as the
    # lists are), each with those of its ids (offer, aanbieders; initiatief, its offers) that
    # some team knows: only those can make a verbinding
    aanbod_op: dict[str, list[tuple[dict, Collection[str]]]] = {
        lg: [] for lg in model.LEEFGEBIED_IDS
    }
    for o in sorted(feiten["aanbod"], key=_ID):
        if not _telt(o):
            continue
        bekend = gekend(o["id"], *[p["id"] for p in o["aanbieders"]])
        for lg in {x["id"] for x in o["leefgebieden"]}:
            if lg in aanbod_op:
                aanbod_op[lg].append((o, bekend))
    init_op: dict[str, list[tuple[dict, Collection[str]]]] = {lg: [] for lg in model.LEEFGEBIED_IDS}
    for i in sorted(feiten["initiatieven"], key=_ID):
        bekend = gekend(i["id"], *[a["id"] for a in i["aanbod"]])
        lgs = {x["id"] for x in i["leefgebieden"]}
        for a in i["aanbod"]:
            lgs.update(a["leefgebieden"])
        for lg in lgs:
            if lg in init_op:
                init_op[lg].append((i, bekend))

    # what an item shows under every leefgebied, built once and only for listed items
    aanbod_koppen: dict[str, dict[str, Any]] = {}
    init_koppen: dict[str, dict[str, Any]] = {}
    statussen = dict.fromkeys(STATUSSEN, 0)
    items: list[tuple[tuple[int, int, int], dict[str, Any]]] = []  # (order, item)
    for n, (lg, lg_naam) in enumerate(model.LEEFGEBIEDEN):
        lg_teams = [t for t in teams if lg in team_lg[t["id"]]]
        partners = set().union(*(kent[t["id"]] for t in lg_teams))
        o_lg, i_lg = aanbod_op[lg], init_op[lg]
        # the items linked to a team on this leefgebied, and the partners that link them
        o_verbonden: set[str] = set()
        i_verbonden: set[str] = set()
        geraakt: set[str] = set()
        if partners:
            for rijen, verbonden in ((o_lg, o_verbonden), (i_lg, i_verbonden)):
                for x, bekend in rijen:
                    if bekend and not partners.isdisjoint(bekend):
                        verbonden.add(x["id"])
                        geraakt |= partners & bekend
        aantal_verbindingen = len(
            {
                (t["id"], c["type"], c["id"])
                for t in lg_teams
                for c in t["contacten"]
                if c["id"] in geraakt
            }
        )
        if not lg_teams:
            status = GEEN_TEAMS
        elif not o_lg and not i_lg:
            status = GEEN_AANBOD
        elif not aantal_verbindingen:
            status = NIET_VERBONDEN
        else:
            status = VERBONDEN
        statussen[status] += 1
        if alleen is not None and lg != alleen:
            continue

        uit_aanbod = []
        for o in _kies(o_lg, o_verbonden, per_lijst):
            kop = aanbod_koppen.get(o["id"])
            if kop is None:
                kop = aanbod_koppen[o["id"]] = _aanbod_kop(o)
            uit_aanbod.append(
                {
                    **kop,
                    "richt_zich_op": _op(o["leefgebieden"], lg),
                    "verbindingen": (
                        _verbindingen(lg_teams, _aanbod_doelen(o)) if o["id"] in o_verbonden else []
                    ),
                }
            )
        uit_init = []
        for i in _kies(i_lg, i_verbonden, per_lijst):
            kop = init_koppen.get(i["id"])
            if kop is None:
                kop = init_koppen[i["id"]] = _initiatief_kop(i)
            uit_init.append(
                {
                    **kop,
                    "richt_zich_op": _op(i["leefgebieden"], lg),
                    "biedt_aan": _biedt_aan(i, lg),
                    "verbindingen": (
                        _verbindingen(lg_teams, _initiatief_doelen(i))
                        if i["id"] in i_verbonden
                        else []
                    ),
                }
            )
        aantallen = {
            "teams": len(lg_teams),
            "aanbod": len(o_lg),
            "initiatieven": len(i_lg),
            "verbindingen": aantal_verbindingen,
        }
        item = {
            "leefgebied": {"id": lg, "naam": lg_naam},
            "status": status,
            "aantallen": aantallen,
            "per_10000_inwoners": {
                k: _per_10000(aantallen[k], inwoners) for k in ("teams", "aanbod", "initiatieven")
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
            "meer": {
                "aanbod": len(o_lg) - len(uit_aanbod),
                "initiatieven": len(i_lg) - len(uit_init),
            },
        }
        items.append(((STATUSSEN.index(status), -len(lg_teams), n), item))
    return {
        "wijk": {**feiten["wijk"], "buurten": len(feiten["buurten"])},
        "teams": len(teams),
        "teams_zonder_leefgebied": [
            {"id": t["id"], "naam": t["naam"], "soort": t["soort"]}
            for t in teams
            if not team_lg[t["id"]]
        ],
        "statussen": statussen,
        "leefgebieden": [x for _, x in sorted(items, key=lambda p: p[0])],
        "regels": REGELS,
    }


def nuldelijn_gaten(G: nx.MultiDiGraph, wijk: str, **params: Any) -> dict[str, Any]:
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
    return antwoord(feiten(G, wijk, **params), **params)
