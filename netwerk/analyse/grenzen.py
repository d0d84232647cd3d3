"""Werkgebieden die CBS-wijken doorsnijden: where a team's werkgebied covers some but not all
buurten of a wijk. That is where teams lose sight of each other: the wijk's other teams and the
wijk-level figures no longer line up with who works where.

A team covers a whole wijk when it WERKT_IN the wijk or the gemeente; otherwise it covers the
buurten it WERKT_IN (directly or through an own area, ``via_gebied``). A wijk is *doorsneden*
by a team that covers at least one but not all of its buurten.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from netwerk import model
from netwerk.analyse.graaf import label
from netwerk.fouten import NietGevonden, OngeldigeInvoer

CYPHER = "grenzen"


def _controleer(gemeente: str) -> None:
    if not model.CBS_PATRONEN[model.GEMEENTE].match(gemeente or ""):
        raise OngeldigeInvoer(f"geen CBS-gemeentecode: {gemeente!r}")


def feiten(G: nx.MultiDiGraph, gemeente: str) -> dict[str, Any]:
    """The wijken of ``gemeente`` with their buurten, and every WERKT_IN of a team there.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("GM0001", label="Gemeente", naam="G")
    >>> G.add_node("WK000101", label="Wijk", naam="W")
    >>> _ = G.add_edge("WK000101", "GM0001", key="LIGT_IN|c", type="LIGT_IN")
    >>> for b in ("BU00010101", "BU00010102"):
    ...     G.add_node(b, label="Buurt", naam=b)
    ...     _ = G.add_edge(b, "WK000101", key="LIGT_IN|c", type="LIGT_IN")
    >>> G.add_node("t", label="Team", naam="T", soort="jeugdteam")
    >>> _ = G.add_edge("t", "BU00010101", key="WERKT_IN|x", type="WERKT_IN", bron="x",
    ...                bevestigd_op="2026-01-01")
    >>> a = antwoord(feiten(G, "GM0001"))
    >>> [(d["wijk"]["code"], d["teams"][0]["niet_gedekt"]) for d in a["doorsneden"]]
    [('WK000101', ['BU00010102'])]
    """
    _controleer(gemeente)
    if label(G, gemeente) != model.GEMEENTE:
        raise NietGevonden(f"gemeente {gemeente} is niet bekend")

    def binnen(n: str, soort: str) -> list[str]:
        return sorted(
            u
            for u, _, d in G.in_edges(n, data=True)
            if d["type"] == model.LIGT_IN and label(G, u) == soort
        )

    wijken, werk = [], []
    for w in binnen(gemeente, model.WIJK):
        buurten = binnen(w, model.BUURT)
        wijken.append({"code": w, "naam": G.nodes[w].get("naam"), "buurten": buurten})
        for gebied in [w, *buurten]:
            for t, _, d in G.in_edges(gebied, data=True):
                if d["type"] == model.WERKT_IN and label(G, t) == model.TEAM:
                    werk.append(
                        {
                            "team": t,
                            "naam": G.nodes[t].get("naam"),
                            "soort": G.nodes[t].get("soort"),
                            "gebied": gebied,
                            "wijk": w,
                            "via_gebied": d.get("via_gebied"),
                            "bron": d["bron"],
                            "bevestigd_op": d["bevestigd_op"],
                        }
                    )
    for t, _, d in G.in_edges(gemeente, data=True):
        if d["type"] == model.WERKT_IN and label(G, t) == model.TEAM:
            werk.append(
                {
                    "team": t,
                    "naam": G.nodes[t].get("naam"),
                    "soort": G.nodes[t].get("soort"),
                    "gebied": gemeente,
                    "wijk": None,
                    "via_gebied": None,
                    "bron": d["bron"],
                    "bevestigd_op": d["bevestigd_op"],
                }
            )
    g = G.nodes[gemeente]
    return {"gemeente": {"code": gemeente, "naam": g.get("naam")}, "wijken": wijken, "werk": werk}


def parameters(gemeente: str) -> dict[str, Any]:
    _controleer(gemeente)
    return {}


def feiten_uit_neo4j(rijen: list[dict[str, Any]], gemeente: str) -> dict[str, Any]:
    if not rijen:
        raise NietGevonden(f"gemeente {gemeente} is niet bekend")
    return rijen[0]


def antwoord(feiten: dict[str, Any], **_params: Any) -> dict[str, Any]:
    """The doorsneden wijken, each with the teams that cut it (shared by both stores)."""
    heel: set[str] = {w["team"] for w in feiten["werk"] if w["wijk"] is None}
    per_team_wijk: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for w in feiten["werk"]:
        if w["wijk"] is not None:
            per_team_wijk[(w["team"], w["wijk"])].append(w)
    teams = {w["team"]: w for w in feiten["werk"]}
    doorsneden = []
    for wijk in sorted(feiten["wijken"], key=lambda x: x["code"]):
        alle = set(wijk["buurten"])
        snijders = []
        for t in sorted({t for (t, w) in per_team_wijk if w == wijk["code"]}):
            regels = per_team_wijk[(t, wijk["code"])]
            if t in heel or any(r["gebied"] == wijk["code"] for r in regels):
                continue
            gedekt = {r["gebied"] for r in regels} & alle
            if not gedekt or gedekt == alle:
                continue
            snijders.append(
                {
                    "id": t,
                    "naam": teams[t]["naam"],
                    "soort": teams[t]["soort"],
                    "gedekt": sorted(gedekt),
                    "niet_gedekt": sorted(alle - gedekt),
                    "via_gebied": sorted({r["via_gebied"] for r in regels if r["via_gebied"]}),
                    "bronnen": sorted({(r["bron"], r["bevestigd_op"]) for r in regels}),
                }
            )
        if snijders:
            doorsneden.append(
                {
                    "wijk": {"code": wijk["code"], "naam": wijk["naam"]},
                    "buurten": len(alle),
                    "teams": snijders,
                }
            )
    for d in doorsneden:
        for t in d["teams"]:
            t["bronnen"] = [{"bron": b, "bevestigd_op": o} for b, o in t["bronnen"]]
    return {
        "gemeente": feiten["gemeente"],
        "doorsneden": doorsneden,
        "samenvatting": {
            "wijken": len(feiten["wijken"]),
            "wijken_doorsneden": len(doorsneden),
            "teams_die_doorsnijden": len({t["id"] for d in doorsneden for t in d["teams"]}),
        },
        "regel": "een wijk is doorsneden door een team dat sommige maar niet alle buurten "
        "ervan dekt (en niet in de hele wijk of gemeente werkt)",
    }
