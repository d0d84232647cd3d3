"""Collectieve alternatieven: for an individual need in a wijk, the collective and general offers
(Wmo: algemene voorzieningen) on the same leefgebied and doelgroep, nearest first, a page at a
time.

The need is either an **aanbod** (the id of an ``individueel-maatwerk`` offer: its leefgebieden
and doelgroepen are the need), or a **leefgebied** (id, name or alias) with an optional
**doelgroep**. Giving both, or neither, is invalid input. ``pagina`` (1-based, default 1) and
``per_pagina`` (1..100, default 20) choose the page.

Candidates are offers (other than the asked one) with

- ``vorm`` ``collectief`` or ``algemeen``;
- at least one leefgebied in common with the need;
- when the need has doelgroepen: a doelgroep in common, or doelgroep ``iedereen``, or no
  doelgroepen at all (open to all).

Afstand (distance), in three steps; an offer is placed at the nearest step it reaches:

1. ``in de wijk``: ACTIEF_IN the wijk, one of its buurten, or its whole gemeente (then the flag
   ``gemeentebreed`` is set: available in the wijk only because it covers the gemeente);
2. ``buurwijk``: ACTIEF_IN a neighbouring wijk (GRENST_AAN in either direction), one of its
   buurten, or (across a gemeente border) the whole gemeente of that neighbour;
3. ``elders in de gemeente``: ACTIEF_IN another wijk of the wijk's gemeente or one of its buurten.

Offers further away are not candidates. Each step names the wijk(en) through which the offer is
reached, the ACTIEF_IN relationships (and, for a buurwijk, the GRENST_AAN relationships) that put
it there, with their ``bron`` and ``bevestigd_op``.

Order: by step, then by the number of shared leefgebieden (more first), shared doelgroepen (more
first), distinct teams that already VERWIJST_NAAR the offer (more first), then the offer id.
``alternatieven`` holds one page of that order, each alternative fully explained; ``totaal``,
``paginas`` and the ``aantallen`` per step count all alternatives.

As every question, in two steps: :func:`feiten` (networkx) or the Cypher query
``collectieve_alternatieven`` with :func:`feiten_uit_neo4j` gather the facts; the shared, pure
:func:`antwoord` filters, places, ranks and pages them, so both stores answer identically. The
facts only hold offers that can be candidates (vorm, leefgebied and doelgroep as above; the
need's leefgebieden and doelgroepen are those of the asked aanbod, or the given ones);
:func:`antwoord` applies every rule again. The query reads ``$wijk``, ``$aanbod``,
``$leefgebied`` and ``$doelgroep``; :func:`parameters` gives them checked and normalised
(null when not given).
"""

from __future__ import annotations

import math
from operator import itemgetter
from typing import Any

import networkx as nx

from netwerk import model
from netwerk.analyse.graaf import wijk_kop
from netwerk.analyse.invoer import geheel
from netwerk.fouten import NietGevonden, OngeldigeInvoer

IN_DE_WIJK, BUURWIJK, ELDERS = "in de wijk", "buurwijk", "elders in de gemeente"
#: The distance steps, nearest first.
STAPPEN = (IN_DE_WIJK, BUURWIJK, ELDERS)
ALTERNATIEF_VORMEN = ("collectief", "algemeen")
MAATWERK = "individueel-maatwerk"
IEDEREEN = "iedereen"
PER_PAGINA, MAX_PER_PAGINA = 20, 100

REGELS = {
    "kandidaten": (
        "aanbod met vorm collectief of algemeen, met minstens één leefgebied van de vraag; "
        "heeft de vraag doelgroepen, dan ook een gedeelde doelgroep, doelgroep iedereen, of "
        "geen doelgroepen; het gevraagde aanbod zelf telt niet mee"
    ),
    "afstand": (
        "in de wijk: actief in de wijk, een buurt ervan of de hele gemeente (gemeentebreed); "
        "buurwijk: actief in een wijk die eraan grenst (GRENST_AAN), een buurt of de gemeente "
        "daarvan; elders in de gemeente: actief in een andere wijk of buurt van de gemeente"
    ),
    "volgorde": (
        "afstand, dan meer gedeelde leefgebieden, meer gedeelde doelgroepen, meer teams die al "
        "naar het aanbod verwijzen, dan id"
    ),
    "pagina": (
        f"alternatieven per pagina (standaard {PER_PAGINA}, hoogstens {MAX_PER_PAGINA}) in deze "
        "volgorde; totaal en aantallen tellen alle alternatieven"
    ),
}

_LEEFGEBIED_NAAM = dict(model.LEEFGEBIEDEN)
_DOELGROEP_NAAM = dict(model.DOELGROEPEN)


def vraag_params(
    aanbod: str | None = None, leefgebied: str | None = None, doelgroep: str | None = None
) -> tuple[str | None, str | None, str | None]:
    """Check the parameters that describe the need; leefgebied and doelgroep normalised.

    Raises :class:`OngeldigeInvoer` when neither or both of aanbod and leefgebied are given,
    for a doelgroep with an aanbod, and for an unknown leefgebied or doelgroep.

    Examples
    --------
    >>> vraag_params(leefgebied="Sociaal netwerk", doelgroep="senioren")
    (None, 'sociaal-netwerk', 'ouderen')
    >>> vraag_params(aanbod="a1")
    ('a1', None, None)
    >>> vraag_params()
    Traceback (most recent call last):
    ...
    netwerk.fouten.OngeldigeInvoer: geef een aanbod (individueel maatwerk) of een leefgebied
    """
    aanbod = aanbod or None
    if aanbod and (leefgebied or doelgroep):
        raise OngeldigeInvoer(
            "geef óf een aanbod, óf een leefgebied (eventueel met doelgroep), niet beide"
        )
    if not aanbod and not leefgebied:
        raise OngeldigeInvoer("geef een aanbod (individueel maatwerk) of een leefgebied")
    return (
        aanbod,
        model.leefgebied(leefgebied) if leefgebied else None,
        model.doelgroep(doelgroep) if doelgroep else None,
    )


def pagina_params(pagina: Any = None, per_pagina: Any = None) -> tuple[int, int]:
    """Check and normalise the page: ``pagina`` from 1 (default 1), ``per_pagina`` 1..100
    (default 20); whole numbers, also as text. Raises :class:`OngeldigeInvoer` otherwise.

    >>> pagina_params(), pagina_params("2", 50)
    ((1, 20), (2, 50))
    >>> pagina_params(per_pagina=101)
    Traceback (most recent call last):
    ...
    netwerk.fouten.OngeldigeInvoer: per_pagina moet tussen 1 en 100 liggen, niet 101
    >>> pagina_params(pagina=0)
    Traceback (most recent call last):
    ...
    netwerk.fouten.OngeldigeInvoer: pagina moet 1 of meer zijn, niet 0
    """
    return (
        geheel(pagina, "pagina", 1, None),
        geheel(per_pagina, "per_pagina", PER_PAGINA, MAX_PER_PAGINA),
    )


def _controleer(
    aanbod: str | None,
    leefgebied: str | None,
    doelgroep: str | None,
    pagina: Any,
    per_pagina: Any,
) -> tuple[str | None, str | None, str | None, int, int]:
    """Every parameter checked, in the same order on both stores."""
    return (*vraag_params(aanbod, leefgebied, doelgroep), *pagina_params(pagina, per_pagina))


def _doelgroep_past(nodig: set[str], eigen: set[str]) -> str | None:
    """Why a candidate fits the doelgroepen of the need, or None when it does not.

    >>> _doelgroep_past({"ouderen"}, {"ouderen", "volwassenen"})
    'gedeelde doelgroep'
    >>> _doelgroep_past({"ouderen"}, {"iedereen"}), _doelgroep_past({"ouderen"}, set())
    ('voor iedereen', 'geen doelgroepen')
    >>> _doelgroep_past({"ouderen"}, {"jeugd"}) is None, _doelgroep_past(set(), {"jeugd"})
    (True, 'geen doelgroep gevraagd')
    """
    if not nodig:
        return "geen doelgroep gevraagd"
    if nodig & eigen:
        return "gedeelde doelgroep"
    if IEDEREEN in eigen:
        return "voor iedereen"
    if not eigen:
        return "geen doelgroepen"
    return None


# --- facts from networkx -------------------------------------------------------------------

#: The id of a CBS area starts with GM, WK or BU (ids are checked against model.CBS_PATRONEN):
#: the range of ids per label, so that the adjacency of a gemeente or wijk can be scanned for
#: areas without reading the other nodes.
_CBS_BEREIK = {model.GEMEENTE: ("GM", "GN"), model.WIJK: ("WK", "WL"), model.BUURT: ("BU", "BV")}


def _aanbod_feiten(
    G: nx.MultiDiGraph,
    o: str,
    leefgebieden: list[str] | None = None,
    werkgebied: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The facts of one offer, read from the adjacency dicts directly: its RICHT_ZICH_OP
    relationships (to ``leefgebieden`` only, when given: those of the need), aanbieders
    (BIEDT_AAN), the teams that VERWIJST_NAAR it, and its ``werkgebied`` when given."""
    knopen, uit = G._node, G._succ[o]
    attrs = knopen[o]
    lg_rijen = []
    for v in uit if leefgebieden is None else leefgebieden:
        randen = uit.get(v)
        if randen and knopen[v].get("label") == model.LEEFGEBIED:
            for d in randen.values():
                if d["type"] == model.RICHT_ZICH_OP:
                    lg_rijen.append({"id": v, "bron": d["bron"], "bevestigd_op": d["bevestigd_op"]})
    aanbieders, verwijzers = [], []
    for p, randen in G._pred[o].items():
        pa = knopen[p]
        for d in randen.values():
            soort = d["type"]
            if soort == model.BIEDT_AAN:
                aanbieders.append(
                    {
                        "id": p,
                        "naam": pa.get("naam"),
                        "label": pa.get("label"),
                        "bron": d["bron"],
                        "bevestigd_op": d["bevestigd_op"],
                    }
                )
            elif soort == model.VERWIJST_NAAR and pa.get("label") == model.TEAM:
                verwijzers.append(
                    {
                        "id": p,
                        "naam": pa.get("naam"),
                        "bron": d["bron"],
                        "bevestigd_op": d["bevestigd_op"],
                    }
                )
    feit = {
        "id": o,
        "naam": attrs.get("naam"),
        "vorm": attrs.get("vorm"),
        "omschrijving": attrs.get("omschrijving"),
        "contact": attrs.get("contact"),
        "doelgroepen": list(attrs.get("doelgroepen", [])),
        "leefgebieden": lg_rijen,
        "aanbieders": aanbieders,
        "verwijzers": verwijzers,
    }
    if werkgebied is not None:
        feit["werkgebied"] = werkgebied
    return feit


def feiten(
    G: nx.MultiDiGraph,
    wijk: str,
    aanbod: str | None = None,
    leefgebied: str | None = None,
    doelgroep: str | None = None,
    pagina: Any = None,
    per_pagina: Any = None,
) -> dict[str, Any]:
    """Gather the facts behind the alternatives question for ``wijk`` from a Wijkgraaf graph.

    The wijk, its neighbouring wijken (with the GRENST_AAN relationships), the asked aanbod, and
    every collective or general Aanbod that can be a candidate for the need (a leefgebied of the
    need; a doelgroep of it, ``iedereen`` or none) and is ACTIEF_IN the wijk's gemeente, a wijk
    of it or of a neighbouring wijk, or a buurt of those wijken (``werkgebied``: those ACTIEF_IN
    relationships; its RICHT_ZICH_OP relationships to the need's leefgebieden, its aanbieders
    and the teams referring to it); ``gebieden``: per area in a ``werkgebied`` its soort, naam,
    wijk and gemeente, once. Raises :class:`OngeldigeInvoer` for invalid parameters (see
    :func:`vraag_params`, :func:`pagina_params`) and :class:`NietGevonden` for an unknown wijk
    or aanbod.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("WK001401", label="Wijk", naam="Oost")
    >>> G.add_node("sociaal-netwerk", label="Leefgebied", naam="Sociaal netwerk")
    >>> for o in ("a1", "a2"):
    ...     G.add_node(o, label="Aanbod", naam="Inloop", vorm="collectief")
    ...     _ = G.add_edge(o, "WK001401", key="ACTIEF_IN|x", type="ACTIEF_IN", bron="x",
    ...                    bevestigd_op="2026-01-01")
    >>> _ = G.add_edge("a1", "sociaal-netwerk", key="RICHT_ZICH_OP|x", type="RICHT_ZICH_OP",
    ...                bron="x", bevestigd_op="2026-01-01")
    >>> f = feiten(G, "WK001401", leefgebied="Sociaal netwerk")
    >>> [(o["id"], [w["gebied"] for w in o["werkgebied"]]) for o in f["aanbod"]]
    [('a1', ['WK001401'])]
    >>> feiten(G, "WK001401", aanbod="bestaat-niet")
    Traceback (most recent call last):
    ...
    netwerk.fouten.NietGevonden: aanbod bestaat-niet is niet bekend
    """
    aanbod, leefgebied, doelgroep, _, _ = _controleer(
        aanbod, leefgebied, doelgroep, pagina, per_pagina
    )
    knopen, succ, pred = G._node, G._succ, G._pred
    if knopen.get(wijk, {}).get("label") != model.WIJK:
        raise NietGevonden(f"wijk {wijk} is niet bekend")
    if aanbod is not None and knopen.get(aanbod, {}).get("label") != model.AANBOD:
        raise NietGevonden(f"aanbod {aanbod} is niet bekend")

    def verbonden(buren: dict[str, dict[str, Any]], soort: str, doel: str) -> list[str]:
        """The neighbours labelled ``doel`` in an adjacency dict, by a ``soort`` relationship."""
        van, tot = _CBS_BEREIK.get(doel, (None, None))
        uit = []
        for n, randen in buren.items():
            if (van is None or van <= n < tot) and knopen[n].get("label") == doel:
                for d in randen.values():
                    if d["type"] == soort:
                        uit.append(n)
                        break
        return uit

    gemeente_cache: dict[str, list[str]] = {}

    def gemeenten_van(wk: str) -> list[str]:
        if wk not in gemeente_cache:
            gemeente_cache[wk] = sorted(verbonden(succ[wk], model.LIGT_IN, model.GEMEENTE))
        return gemeente_cache[wk]

    def gemeente_van(wk: str | None) -> str | None:
        gm = gemeenten_van(wk) if wk is not None else []
        return gm[0] if gm else None

    gemeenten = gemeenten_van(wijk)
    grenzen = []
    for richting, buren in (("uit", succ[wijk]), ("in", pred[wijk])):
        for n in verbonden(buren, model.GRENST_AAN, model.WIJK):
            if n == wijk:
                continue
            for d in buren[n].values():
                if d["type"] == model.GRENST_AAN:
                    grenzen.append(
                        {
                            "code": n,
                            "naam": knopen[n].get("naam"),
                            "gemeente": gemeente_van(n),
                            "van": wijk if richting == "uit" else n,
                            "naar": n if richting == "uit" else wijk,
                            "bron": d["bron"],
                            "bevestigd_op": d["bevestigd_op"],
                        }
                    )
    wijken = {wijk} | {g["code"] for g in grenzen}
    for gm in gemeenten:
        wijken.update(verbonden(pred[gm], model.LIGT_IN, model.WIJK))
    gebieden = set(wijken)
    for wk in wijken:
        gebieden.update(verbonden(pred[wk], model.LIGT_IN, model.BUURT))
        gebieden.update(gemeenten_van(wk))

    # the need, so that only offers that can be candidates are gathered (antwoord checks them
    # all again): per leefgebied of the need, who RICHT_ZICH_OP it, to intersect (in C) with
    # who is ACTIEF_IN an area
    if aanbod is not None:
        nodig_lg = sorted(verbonden(succ[aanbod], model.RICHT_ZICH_OP, model.LEEFGEBIED))
        nodig_dg = set(knopen[aanbod].get("doelgroepen", []))
    else:
        nodig_lg = (
            [leefgebied] if knopen.get(leefgebied, {}).get("label") == model.LEEFGEBIED else []
        )
        nodig_dg = {doelgroep} if doelgroep else set()
    op_leefgebied = [pred[x] for x in nodig_lg]

    def kan(o: str) -> bool:
        attrs = knopen[o]
        if attrs.get("label") != model.AANBOD or attrs.get("vorm") not in ALTERNATIEF_VORMEN:
            return False
        if nodig_dg:
            eigen = attrs.get("doelgroepen")
            if eigen and IEDEREEN not in eigen and nodig_dg.isdisjoint(eigen):
                return False
        for lg in op_leefgebied:
            for d in lg.get(o, {}).values():
                if d["type"] == model.RICHT_ZICH_OP:
                    return True
        return False

    keuring: dict[str, bool] = {}
    werk: dict[str, list[dict[str, Any]]] = {}
    actief_in: set[str] = set()
    for a in gebieden:
        naar_a = pred[a]
        if len(op_leefgebied) == 1:
            treffers = naar_a.keys() & op_leefgebied[0].keys()
        else:
            treffers = set().union(*(naar_a.keys() & lg.keys() for lg in op_leefgebied))
        for o in treffers:
            ok = keuring.get(o)
            if ok is None:
                ok = keuring[o] = kan(o)
            if not ok:
                continue
            for d in naar_a[o].values():
                if d["type"] == model.ACTIEF_IN:
                    werk.setdefault(o, []).append(
                        {"gebied": a, "bron": d["bron"], "bevestigd_op": d["bevestigd_op"]}
                    )
                    actief_in.add(a)

    def gebied_feiten(a: str) -> dict[str, Any]:
        soort = knopen[a].get("label")
        if soort == model.WIJK:
            aw: str | None = a
        elif soort == model.BUURT:
            bw = verbonden(succ[a], model.LIGT_IN, model.WIJK)
            aw = min(bw) if bw else None
        else:
            aw = None
        return {
            "gebied": a,
            "soort": soort,
            "naam": knopen[a].get("naam"),
            "wijk": aw,
            "wijk_naam": knopen[aw].get("naam") if aw else None,
            "gemeente": a if soort == model.GEMEENTE else gemeente_van(aw),
        }

    return {
        "wijk": wijk_kop(G, wijk, gemeenten),
        "grenzen": grenzen,
        "gevraagd": _aanbod_feiten(G, aanbod) if aanbod is not None else None,
        "gebieden": {a: gebied_feiten(a) for a in actief_in},
        "aanbod": [_aanbod_feiten(G, o, nodig_lg, rijen) for o, rijen in werk.items()],
    }


CYPHER = "collectieve_alternatieven"


def parameters(
    aanbod: str | None = None,
    leefgebied: str | None = None,
    doelgroep: str | None = None,
    pagina: Any = None,
    per_pagina: Any = None,
    **_params: Any,
) -> dict[str, Any]:
    """Query parameters: ``$aanbod``, ``$leefgebied`` and ``$doelgroep`` checked and normalised
    (null when not given); raises :class:`OngeldigeInvoer` as :func:`feiten` does.

    Examples
    --------
    >>> parameters(wijk="WK051305", leefgebied="Financiën")
    {'aanbod': None, 'leefgebied': 'financien', 'doelgroep': None}
    """
    aanbod, leefgebied, doelgroep, _, _ = _controleer(
        aanbod, leefgebied, doelgroep, pagina, per_pagina
    )
    return {"aanbod": aanbod, "leefgebied": leefgebied, "doelgroep": doelgroep}


def feiten_uit_neo4j(
    rijen: list[dict[str, Any]],
    wijk: str,
    aanbod: str | None = None,
    leefgebied: str | None = None,
    doelgroep: str | None = None,
    pagina: Any = None,
    per_pagina: Any = None,
) -> dict[str, Any]:
    """The facts from the rows of ``cypher/collectieve_alternatieven.cypher``; checks the
    parameters and raises exactly as :func:`feiten` does.

    Examples
    --------
    >>> feiten_uit_neo4j([], "WK999999", leefgebied="financien")
    Traceback (most recent call last):
    ...
    netwerk.fouten.NietGevonden: wijk WK999999 is niet bekend
    """
    aanbod, _, _, _, _ = _controleer(aanbod, leefgebied, doelgroep, pagina, per_pagina)
    if not rijen:
        raise NietGevonden(f"wijk {wijk} is niet bekend")
    feiten = rijen[0]
    if aanbod is not None and feiten["gevraagd"] is None:
        raise NietGevonden(f"aanbod {aanbod} is niet bekend")
    return {**feiten, "gebieden": {g["gebied"]: g for g in feiten["gebieden"]}}


# --- the shared answer -------------------------------------------------------------------


def _uniek(rijen: list[dict[str, Any]], *sleutels: str) -> list[dict[str, Any]]:
    """Deduplicated, sorted copies of fact rows, keeping only ``sleutels``."""
    if len(rijen) < 2:  # most rows are alone: nothing to deduplicate or sort
        return [{k: r.get(k) for k in sleutels} for r in rijen]
    uniek = {tuple(r.get(k) for k in sleutels): {k: r.get(k) for k in sleutels} for r in rijen}
    return [uniek[k] for k in sorted(uniek, key=lambda s: tuple("" if x is None else x for x in s))]


def _met_relaties(rijen: list[dict[str, Any]], *sleutels: str) -> list[dict[str, Any]]:
    """Group fact rows by ``sleutels`` (sorted), each with its relationships (bron, datum)."""
    if len(rijen) < 2:
        return [
            {
                **{k: r.get(k) for k in sleutels},
                "relaties": [{"bron": r.get("bron"), "bevestigd_op": r.get("bevestigd_op")}],
            }
            for r in rijen
        ]
    return [
        {
            **k,
            "relaties": _uniek(
                [r for r in rijen if all(r.get(s) == k[s] for s in sleutels)],
                "bron",
                "bevestigd_op",
            ),
        }
        for k in _uniek(rijen, *sleutels)
    ]


def _plaats(
    e: dict[str, Any], wijk: str, gemeente: str | None, buren: dict[str, dict[str, Any]]
) -> tuple[int, bool, list[str]] | None:
    """(step, gemeentebreed, via wijken) of one ACTIEF_IN relationship, or None when too far."""
    soort, gebied, ew = e["soort"], e["gebied"], e["wijk"]
    if soort in (model.WIJK, model.BUURT) and ew == wijk:
        return 0, False, [wijk]
    if soort == model.GEMEENTE and gemeente is not None and gebied == gemeente:
        return 0, True, [wijk]
    if soort in (model.WIJK, model.BUURT) and ew in buren:
        return 1, False, [ew]
    if soort == model.GEMEENTE:
        via = sorted(b for b, x in buren.items() if x["gemeente"] == gebied)
        if via:
            return 1, False, via
    if soort in (model.WIJK, model.BUURT) and gemeente is not None and e["gemeente"] == gemeente:
        return 2, False, [ew]
    return None


def _kort(o: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": o["id"],
        "naam": o["naam"],
        "vorm": o["vorm"],
        "aanbieders": _met_relaties(o["aanbieders"], "id", "naam", "label"),
    }


def _alternatief(
    o: dict[str, Any],
    stap: int,
    op_stap: list[tuple[tuple[int, bool, list[str]], dict[str, Any]]],
    gedeeld_lg: list[str],
    gedeeld_dg: list[str],
    past: str,
    wijk_naam: dict[str, str | None],
    grenzen: list[dict[str, Any]],
) -> dict[str, Any]:
    """One alternative, fully explained (only built for the alternatives on the page)."""
    namen = dict(wijk_naam)
    for _, e in op_stap:
        if e["wijk"] and e["wijk_naam"] is not None:
            namen.setdefault(e["wijk"], e["wijk_naam"])
    via = sorted({v for p, _ in op_stap for v in p[2]})
    return {
        "id": o["id"],
        "naam": o["naam"],
        "vorm": o["vorm"],
        "omschrijving": o["omschrijving"],
        "contact": o["contact"],
        "doelgroepen": [
            {"id": x, "naam": _DOELGROEP_NAAM.get(x, x)} for x in sorted(set(o["doelgroepen"]))
        ],
        "aanbieders": _met_relaties(o["aanbieders"], "id", "naam", "label"),
        "afstand": {
            "stap": STAPPEN[stap],
            "gemeentebreed": all(p[1] for p, _ in op_stap),
            "wijken": [{"code": v, "naam": namen.get(v)} for v in via],
            "werkgebied": _uniek(
                [e for _, e in op_stap], "gebied", "soort", "naam", "bron", "bevestigd_op"
            ),
            "grenzen": [
                {k: g[k] for k in ("van", "naar", "bron", "bevestigd_op")}
                for g in grenzen
                if g["code"] in via
            ]
            if stap == 1
            else [],
        },
        "gedeelde_leefgebieden": [
            {
                "id": x,
                "naam": _LEEFGEBIED_NAAM.get(x, x),
                "relaties": _uniek(
                    [r for r in o["leefgebieden"] if r["id"] == x], "bron", "bevestigd_op"
                ),
            }
            for x in gedeeld_lg
        ],
        "gedeelde_doelgroepen": [{"id": x, "naam": _DOELGROEP_NAAM.get(x, x)} for x in gedeeld_dg],
        "doelgroep": past,
        "verwijzende_teams": _met_relaties(o["verwijzers"], "id", "naam"),
    }


def antwoord(
    feiten: dict[str, Any],
    aanbod: str | None = None,
    leefgebied: str | None = None,
    doelgroep: str | None = None,
    pagina: Any = None,
    per_pagina: Any = None,
    **_params: Any,
) -> dict[str, Any]:
    """The alternatives answer from the facts of one wijk (shared by both stores; pure).

    Raises :class:`OngeldigeInvoer` when the asked aanbod is not individueel-maatwerk. See the
    module documentation for the rules; the answer repeats them in short under ``regels``. The
    order is decided for every candidate first; only the alternatives on the page are explained.

    Examples
    --------
    >>> buur = {"gebied": "WK001402", "soort": "Wijk", "naam": "Buur", "wijk": "WK001402",
    ...         "wijk_naam": "Buur", "gemeente": "GM0014"}
    >>> werk = {"gebied": "WK001402", "bron": "x", "bevestigd_op": "2026-01-01"}
    >>> def aanbod(id, doelgroepen):
    ...     return {"id": id, "naam": "Inloop", "vorm": "collectief", "omschrijving": None,
    ...             "contact": None, "doelgroepen": doelgroepen,
    ...             "leefgebieden": [{"id": "sociaal-netwerk", "bron": "x",
    ...                               "bevestigd_op": "2026-01-01"}],
    ...             "aanbieders": [], "verwijzers": [], "werkgebied": [werk]}
    >>> feiten = {
    ...     "wijk": {"code": "WK001401", "naam": "Oost", "gemeente": "GM0014", "inwoners": 10},
    ...     "grenzen": [{"code": "WK001402", "naam": "Buur", "gemeente": "GM0014",
    ...                  "van": "WK001401", "naar": "WK001402", "bron": "cbs",
    ...                  "bevestigd_op": "2024-01-01"}],
    ...     "gevraagd": None,
    ...     "gebieden": {"WK001402": buur},
    ...     "aanbod": [aanbod("a1", ["ouderen"]), aanbod("a2", []), aanbod("a3", ["jeugd"])],
    ... }
    >>> a = antwoord(feiten, leefgebied="sociaal netwerk", doelgroep="ouderen", per_pagina=1)
    >>> alt = a["alternatieven"][0]
    >>> alt["id"], alt["afstand"]["stap"], [w["code"] for w in alt["afstand"]["wijken"]]
    ('a1', 'buurwijk', ['WK001402'])
    >>> a["aantallen"], a["totaal"], a["paginas"]
    ({'in de wijk': 0, 'buurwijk': 2, 'elders in de gemeente': 0}, 2, 2)
    >>> b = antwoord(feiten, leefgebied="sociaal netwerk", doelgroep="ouderen", pagina=2,
    ...              per_pagina=1)
    >>> [(x["id"], x["doelgroep"]) for x in b["alternatieven"]]
    [('a2', 'geen doelgroepen')]
    """
    aanbod, leefgebied, doelgroep, pagina, per_pagina = _controleer(
        aanbod, leefgebied, doelgroep, pagina, per_pagina
    )
    gevraagd = feiten["gevraagd"]
    if aanbod is not None:
        if gevraagd["vorm"] != MAATWERK:
            raise OngeldigeInvoer(
                f"aanbod {aanbod} is {gevraagd['vorm'] or 'zonder vorm'}, geen {MAATWERK}: "
                "alleen voor maatwerk worden collectieve alternatieven gezocht"
            )
        nodig_lg = {x["id"] for x in gevraagd["leefgebieden"]}
        nodig_dg = set(gevraagd["doelgroepen"])
    else:
        nodig_lg = {leefgebied}
        nodig_dg = {doelgroep} if doelgroep else set()

    wijk = feiten["wijk"]["code"]
    gemeente = feiten["wijk"]["gemeente"]
    buren: dict[str, dict[str, Any]] = {}
    for g in feiten["grenzen"]:
        buren.setdefault(g["code"], {"code": g["code"], "naam": g["naam"], "gemeente": None})
        buren[g["code"]]["gemeente"] = g["gemeente"]
    grenzen = _uniek(feiten["grenzen"], "code", "van", "naar", "bron", "bevestigd_op")
    wijk_naam = {wijk: feiten["wijk"]["naam"], **{b: x["naam"] for b, x in buren.items()}}
    gebieden = feiten["gebieden"]
    plaatsen_per_gebied = {a: _plaats(e, wijk, gemeente, buren) for a, e in gebieden.items()}

    # every candidate with its sort key (cheap); the explanation only for the page
    kandidaten = []
    for o in feiten["aanbod"]:
        if o["id"] == aanbod or o["vorm"] not in ALTERNATIEF_VORMEN:
            continue
        gedeeld_lg = nodig_lg.intersection([x["id"] for x in o["leefgebieden"]])
        if not gedeeld_lg:
            continue
        eigen_dg = set(o["doelgroepen"])
        past = _doelgroep_past(nodig_dg, eigen_dg)
        if past is None:
            continue
        plaatsen, stap = [], 3
        for r in o["werkgebied"]:
            p = plaatsen_per_gebied[r["gebied"]]
            if p is not None:
                plaatsen.append((p, r))
                stap = min(stap, p[0])
        if not plaatsen:
            continue
        teams = len({(t["id"], t["naam"]) for t in o["verwijzers"]}) if o["verwijzers"] else 0
        sleutel = (stap, -len(gedeeld_lg), -len(nodig_dg & eigen_dg), -teams, o["id"])
        kandidaten.append((sleutel, o, plaatsen, gedeeld_lg, eigen_dg, past))
    kandidaten.sort(key=itemgetter(0))
    totaal = len(kandidaten)
    begin = (pagina - 1) * per_pagina
    items = [
        _alternatief(
            o,
            sleutel[0],
            [(p, {**gebieden[r["gebied"]], **r}) for p, r in plaatsen if p[0] == sleutel[0]],
            sorted(gedeeld_lg),
            sorted(nodig_dg & eigen_dg),
            past,
            wijk_naam,
            grenzen,
        )
        for sleutel, o, plaatsen, gedeeld_lg, eigen_dg, past in kandidaten[
            begin : begin + per_pagina
        ]
    ]
    aantallen = dict.fromkeys(STAPPEN, 0)
    for k in kandidaten:
        aantallen[STAPPEN[k[0][0]]] += 1
    return {
        "wijk": feiten["wijk"],
        "buurwijken": [
            {
                "code": b,
                "naam": buren[b]["naam"],
                "relaties": _uniek(
                    [g for g in grenzen if g["code"] == b], "van", "naar", "bron", "bevestigd_op"
                ),
            }
            for b in sorted(buren)
        ],
        "vraag": {
            "aanbod": _kort(gevraagd) if aanbod is not None else None,
            "leefgebieden": [
                {"id": x, "naam": _LEEFGEBIED_NAAM.get(x, x)}
                for x in sorted(nodig_lg, key=model.LEEFGEBIED_IDS.index)
            ],
            "doelgroepen": [{"id": x, "naam": _DOELGROEP_NAAM.get(x, x)} for x in sorted(nodig_dg)],
        },
        "aantallen": aantallen,
        "totaal": totaal,
        "pagina": pagina,
        "per_pagina": per_pagina,
        "paginas": max(1, math.ceil(totaal / per_pagina)),
        "alternatieven": items,
        "regels": REGELS,
    }


def collectieve_alternatieven(
    G: nx.MultiDiGraph,
    wijk: str,
    aanbod: str | None = None,
    leefgebied: str | None = None,
    doelgroep: str | None = None,
    pagina: Any = None,
    per_pagina: Any = None,
) -> dict[str, Any]:
    """Collective alternatives for a need in ``wijk``; see the module documentation.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("WK001401", label="Wijk", naam="Oost")
    >>> G.add_node("sociaal-netwerk", label="Leefgebied", naam="Sociaal netwerk")
    >>> G.add_node("ib", label="Aanbod", naam="Begeleiding", vorm="individueel-maatwerk")
    >>> G.add_node("inloop", label="Aanbod", naam="Inloop", vorm="collectief")
    >>> for o in ("ib", "inloop"):
    ...     for soort, naar in (("ACTIEF_IN", "WK001401"), ("RICHT_ZICH_OP", "sociaal-netwerk")):
    ...         _ = G.add_edge(o, naar, key=f"{soort}|x", type=soort, bron="x",
    ...                        bevestigd_op="2026-01-01")
    >>> a = collectieve_alternatieven(G, "WK001401", aanbod="ib")
    >>> [(x["id"], x["afstand"]["stap"]) for x in a["alternatieven"]], a["totaal"]
    ([('inloop', 'in de wijk')], 1)
    """
    params = {"aanbod": aanbod, "leefgebied": leefgebied, "doelgroep": doelgroep}
    paging = {"pagina": pagina, "per_pagina": per_pagina}
    return antwoord(feiten(G, wijk, **params, **paging), **params, **paging)
