"""Collectieve alternatieven: for an individual need in a wijk, the collective and general offers
(Wmo: algemene voorzieningen) on the same leefgebied and doelgroep, nearest first.

The need is either an **aanbod** (the id of an ``individueel-maatwerk`` offer: its leefgebieden
and doelgroepen are the need), or a **leefgebied** (id, name or alias) with an optional
**doelgroep**. Giving both, or neither, is invalid input.

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

As every question, in two steps: :func:`feiten` (networkx) or the Cypher query
``collectieve_alternatieven`` with :func:`feiten_uit_neo4j` gather the facts; the shared, pure
:func:`antwoord` filters, places and ranks them, so both stores answer identically. The query
reads ``$wijk`` and ``$aanbod``; :func:`parameters` gives ``$aanbod`` (null) when the need is a
leefgebied.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from netwerk import model
from netwerk.analyse.graaf import label, wijk_kop
from netwerk.fouten import NietGevonden, OngeldigeInvoer

IN_DE_WIJK, BUURWIJK, ELDERS = "in de wijk", "buurwijk", "elders in de gemeente"
#: The distance steps, nearest first.
STAPPEN = (IN_DE_WIJK, BUURWIJK, ELDERS)
ALTERNATIEF_VORMEN = ("collectief", "algemeen")
MAATWERK = "individueel-maatwerk"
IEDEREEN = "iedereen"

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
}

_LEEFGEBIED_NAAM = dict(model.LEEFGEBIEDEN)
_DOELGROEP_NAAM = dict(model.DOELGROEPEN)
_GEBIED_RANG = {model.BUURT: 0, model.WIJK: 1, model.GEMEENTE: 2}


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


# --- facts from networkx -------------------------------------------------------------------


def _naar(G: nx.MultiDiGraph, n: str, soort: str, doel: str) -> list[str]:
    """Sorted distinct targets of ``n``'s outgoing ``soort`` relationships, labelled ``doel``."""
    return sorted(
        {v for _, v, d in G.out_edges(n, data=True) if d["type"] == soort and label(G, v) == doel}
    )


def _van(G: nx.MultiDiGraph, n: str, soort: str, doel: str) -> list[str]:
    """Sorted distinct sources of ``n``'s incoming ``soort`` relationships, labelled ``doel``."""
    return sorted(
        {u for u, _, d in G.in_edges(n, data=True) if d["type"] == soort and label(G, u) == doel}
    )


def _aanbod_feiten(G: nx.MultiDiGraph, o: str) -> dict[str, Any]:
    attrs = G.nodes[o]
    return {
        "id": o,
        "naam": attrs.get("naam"),
        "vorm": attrs.get("vorm"),
        "omschrijving": attrs.get("omschrijving"),
        "contact": attrs.get("contact"),
        "doelgroepen": list(attrs.get("doelgroepen", [])),
        "leefgebieden": [
            {"id": v, "bron": d["bron"], "bevestigd_op": d["bevestigd_op"]}
            for _, v, d in G.out_edges(o, data=True)
            if d["type"] == model.RICHT_ZICH_OP and label(G, v) == model.LEEFGEBIED
        ],
        "aanbieders": [
            {
                "id": p,
                "naam": G.nodes[p].get("naam"),
                "label": label(G, p),
                "bron": d["bron"],
                "bevestigd_op": d["bevestigd_op"],
            }
            for p, _, d in G.in_edges(o, data=True)
            if d["type"] == model.BIEDT_AAN
        ],
        "verwijzers": [
            {
                "id": t,
                "naam": G.nodes[t].get("naam"),
                "bron": d["bron"],
                "bevestigd_op": d["bevestigd_op"],
            }
            for t, _, d in G.in_edges(o, data=True)
            if d["type"] == model.VERWIJST_NAAR and label(G, t) == model.TEAM
        ],
    }


def feiten(
    G: nx.MultiDiGraph,
    wijk: str,
    aanbod: str | None = None,
    leefgebied: str | None = None,
    doelgroep: str | None = None,
) -> dict[str, Any]:
    """Gather the facts behind the alternatives question for ``wijk`` from a Wijkgraaf graph.

    The wijk, its neighbouring wijken (with the GRENST_AAN relationships), the asked aanbod, and
    every collective or general Aanbod ACTIEF_IN the wijk's gemeente, a wijk of it or of a
    neighbouring wijk, or a buurt of those wijken (with those ACTIEF_IN relationships, its
    leefgebieden, aanbieders and the teams referring to it). Raises :class:`OngeldigeInvoer`
    for invalid parameters (see :func:`vraag_params`) and :class:`NietGevonden` for an unknown
    wijk or aanbod.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("WK001401", label="Wijk", naam="Oost")
    >>> G.add_node("a1", label="Aanbod", naam="Inloop", vorm="collectief")
    >>> _ = G.add_edge("a1", "WK001401", key="ACTIEF_IN|x", type="ACTIEF_IN", bron="x",
    ...                bevestigd_op="2026-01-01")
    >>> f = feiten(G, "WK001401", leefgebied="Sociaal netwerk")
    >>> [(o["id"], [w["gebied"] for w in o["werkgebied"]]) for o in f["aanbod"]]
    [('a1', ['WK001401'])]
    >>> feiten(G, "WK001401", aanbod="bestaat-niet")
    Traceback (most recent call last):
    ...
    netwerk.fouten.NietGevonden: aanbod bestaat-niet is niet bekend
    """
    aanbod, leefgebied, doelgroep = vraag_params(aanbod, leefgebied, doelgroep)
    if label(G, wijk) != model.WIJK:
        raise NietGevonden(f"wijk {wijk} is niet bekend")
    if aanbod is not None and label(G, aanbod) != model.AANBOD:
        raise NietGevonden(f"aanbod {aanbod} is niet bekend")

    def gemeente_van(wk: str | None) -> str | None:
        gm = _naar(G, wk, model.LIGT_IN, model.GEMEENTE) if wk else []
        return gm[0] if gm else None

    gemeenten = _naar(G, wijk, model.LIGT_IN, model.GEMEENTE)
    grenzen = []
    for richting, randen in (
        ("uit", G.out_edges(wijk, data=True)),
        ("in", G.in_edges(wijk, data=True)),
    ):
        for u, v, d in randen:
            n = v if richting == "uit" else u
            if d["type"] == model.GRENST_AAN and n != wijk and label(G, n) == model.WIJK:
                grenzen.append(
                    {
                        "code": n,
                        "naam": G.nodes[n].get("naam"),
                        "gemeente": gemeente_van(n),
                        "van": u,
                        "naar": v,
                        "bron": d["bron"],
                        "bevestigd_op": d["bevestigd_op"],
                    }
                )
    wijken = {wijk} | {g["code"] for g in grenzen}
    for gm in gemeenten:
        wijken |= set(_van(G, gm, model.LIGT_IN, model.WIJK))
    gebieden = set(wijken)
    for wk in wijken:
        gebieden |= set(_van(G, wk, model.LIGT_IN, model.BUURT))
        gebieden |= set(_naar(G, wk, model.LIGT_IN, model.GEMEENTE))

    werk: dict[str, list[dict[str, Any]]] = {}
    for a in sorted(gebieden):
        soort = label(G, a)
        if soort == model.WIJK:
            aw: str | None = a
        elif soort == model.BUURT:
            bw = _naar(G, a, model.LIGT_IN, model.WIJK)
            aw = bw[0] if bw else None
        else:
            aw = None
        gebied = {
            "gebied": a,
            "soort": soort,
            "naam": G.nodes[a].get("naam"),
            "wijk": aw,
            "wijk_naam": G.nodes[aw].get("naam") if aw else None,
            "gemeente": a if soort == model.GEMEENTE else gemeente_van(aw),
        }
        for o, _, d in G.in_edges(a, data=True):
            if (
                d["type"] == model.ACTIEF_IN
                and label(G, o) == model.AANBOD
                and G.nodes[o].get("vorm") in ALTERNATIEF_VORMEN
            ):
                werk.setdefault(o, []).append(
                    {**gebied, "bron": d["bron"], "bevestigd_op": d["bevestigd_op"]}
                )
    return {
        "wijk": wijk_kop(G, wijk, gemeenten),
        "grenzen": grenzen,
        "gevraagd": _aanbod_feiten(G, aanbod) if aanbod is not None else None,
        "aanbod": [{**_aanbod_feiten(G, o), "werkgebied": rijen} for o, rijen in werk.items()],
    }


CYPHER = "collectieve_alternatieven"


def parameters(aanbod: str | None = None, **_params: Any) -> dict[str, Any]:
    """Query parameters besides the given ones: ``$aanbod`` is always set (null when not given).

    Examples
    --------
    >>> parameters(wijk="WK051305", leefgebied="financien")
    {'aanbod': None}
    """
    return {"aanbod": aanbod or None}


def feiten_uit_neo4j(
    rijen: list[dict[str, Any]],
    wijk: str,
    aanbod: str | None = None,
    leefgebied: str | None = None,
    doelgroep: str | None = None,
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
    aanbod, _, _ = vraag_params(aanbod, leefgebied, doelgroep)
    if not rijen:
        raise NietGevonden(f"wijk {wijk} is niet bekend")
    feiten = rijen[0]
    if aanbod is not None and feiten["gevraagd"] is None:
        raise NietGevonden(f"aanbod {aanbod} is niet bekend")
    return feiten


# --- the shared answer -------------------------------------------------------------------


def _uniek(rijen: list[dict[str, Any]], *sleutels: str) -> list[dict[str, Any]]:
    """Deduplicated, sorted copies of fact rows, keeping only ``sleutels``."""
    uniek = {tuple(r.get(k) for k in sleutels): {k: r.get(k) for k in sleutels} for r in rijen}
    return [uniek[k] for k in sorted(uniek, key=lambda s: tuple("" if x is None else x for x in s))]


def _met_relaties(rijen: list[dict[str, Any]], *sleutels: str) -> list[dict[str, Any]]:
    """Group fact rows by ``sleutels`` (sorted), each with its relationships (bron, datum)."""
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


def _kort(o: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": o["id"],
        "naam": o["naam"],
        "vorm": o["vorm"],
        "aanbieders": _met_relaties(o["aanbieders"], "id", "naam", "label"),
    }


def antwoord(
    feiten: dict[str, Any],
    aanbod: str | None = None,
    leefgebied: str | None = None,
    doelgroep: str | None = None,
    **_params: Any,
) -> dict[str, Any]:
    """The alternatives answer from the facts of one wijk (shared by both stores; pure).

    Raises :class:`OngeldigeInvoer` when the asked aanbod is not individueel-maatwerk. See the
    module documentation for the rules; the answer repeats them in short under ``regels``.

    Examples
    --------
    >>> werk = {"soort": "Wijk", "naam": "Buur", "wijk": "WK001402", "wijk_naam": "Buur",
    ...         "gemeente": "GM0014", "gebied": "WK001402", "bron": "x",
    ...         "bevestigd_op": "2026-01-01"}
    >>> feiten = {
    ...     "wijk": {"code": "WK001401", "naam": "Oost", "gemeente": "GM0014", "inwoners": 10},
    ...     "grenzen": [{"code": "WK001402", "naam": "Buur", "gemeente": "GM0014",
    ...                  "van": "WK001401", "naar": "WK001402", "bron": "cbs",
    ...                  "bevestigd_op": "2024-01-01"}],
    ...     "gevraagd": None,
    ...     "aanbod": [{"id": "a1", "naam": "Inloop", "vorm": "collectief", "omschrijving": None,
    ...                 "contact": None, "doelgroepen": ["ouderen"],
    ...                 "leefgebieden": [{"id": "sociaal-netwerk", "bron": "x",
    ...                                   "bevestigd_op": "2026-01-01"}],
    ...                 "aanbieders": [], "verwijzers": [], "werkgebied": [werk]}],
    ... }
    >>> a = antwoord(feiten, leefgebied="sociaal netwerk", doelgroep="ouderen")
    >>> alt = a["alternatieven"][0]
    >>> alt["id"], alt["afstand"]["stap"], [w["code"] for w in alt["afstand"]["wijken"]]
    ('a1', 'buurwijk', ['WK001402'])
    >>> a["aantallen"]
    {'in de wijk': 0, 'buurwijk': 1, 'elders in de gemeente': 0}
    """
    aanbod, leefgebied, doelgroep = vraag_params(aanbod, leefgebied, doelgroep)
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

    items = []
    for o in sorted(feiten["aanbod"], key=lambda o: o["id"]):
        if o["id"] == aanbod or o["vorm"] not in ALTERNATIEF_VORMEN:
            continue
        gedeeld_lg = sorted(nodig_lg & {x["id"] for x in o["leefgebieden"]})
        if not gedeeld_lg:
            continue
        eigen_dg = set(o["doelgroepen"])
        past = _doelgroep_past(nodig_dg, eigen_dg)
        if past is None:
            continue
        plaatsen = []
        for e in o["werkgebied"]:
            p = _plaats(e, wijk, gemeente, buren)
            if p is not None:
                plaatsen.append((p, e))
                if e["wijk"] and e["wijk_naam"] is not None:
                    wijk_naam.setdefault(e["wijk"], e["wijk_naam"])
        if not plaatsen:
            continue
        stap = min(p[0] for p, _ in plaatsen)
        op_stap = [(p, e) for p, e in plaatsen if p[0] == stap]
        via = sorted({v for p, _ in op_stap for v in p[2]})
        gedeeld_dg = sorted(nodig_dg & eigen_dg)
        verwijzers = _met_relaties(o["verwijzers"], "id", "naam")
        items.append(
            {
                "id": o["id"],
                "naam": o["naam"],
                "vorm": o["vorm"],
                "omschrijving": o["omschrijving"],
                "contact": o["contact"],
                "doelgroepen": [
                    {"id": x, "naam": _DOELGROEP_NAAM.get(x, x)} for x in sorted(eigen_dg)
                ],
                "aanbieders": _met_relaties(o["aanbieders"], "id", "naam", "label"),
                "afstand": {
                    "stap": STAPPEN[stap],
                    "gemeentebreed": all(p[1] for p, _ in op_stap),
                    "wijken": [{"code": v, "naam": wijk_naam.get(v)} for v in via],
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
                "gedeelde_doelgroepen": [
                    {"id": x, "naam": _DOELGROEP_NAAM.get(x, x)} for x in gedeeld_dg
                ],
                "doelgroep": past,
                "verwijzende_teams": verwijzers,
                "_sleutel": (stap, -len(gedeeld_lg), -len(gedeeld_dg), -len(verwijzers), o["id"]),
            }
        )
    items.sort(key=lambda x: x["_sleutel"])
    for x in items:
        del x["_sleutel"]
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
        "aantallen": {s: sum(x["afstand"]["stap"] == s for x in items) for s in STAPPEN},
        "alternatieven": items,
        "regels": REGELS,
    }


def collectieve_alternatieven(
    G: nx.MultiDiGraph,
    wijk: str,
    aanbod: str | None = None,
    leefgebied: str | None = None,
    doelgroep: str | None = None,
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
    >>> [(x["id"], x["afstand"]["stap"]) for x in a["alternatieven"]]
    [('inloop', 'in de wijk')]
    """
    return antwoord(feiten(G, wijk, aanbod, leefgebied, doelgroep), aanbod, leefgebied, doelgroep)
