"""Eén huishouden, één plan, één regisseur: per wijk, in aggregate only.

Counts of households (pseudonymised at ingest, see :mod:`ingest.huishoudens`) living in the
wijk: in total, served by two or more teams, with no regisseur among the involved teams, and
with more than one regisseur; and per team, how many households it is involved in and for how
many it is the regisseur. Small-cell suppression: every count below :data:`DREMPEL` (5),
including 0, is reported as the string ``"<5"``, never exactly; a count of 5 or more is an
integer. No pseudonym ever leaves this module.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from netwerk import model
from netwerk.fouten import NietGevonden

DREMPEL = 5
CYPHER = "huishoudens"
DEFINITIES = {
    "huishoudens": "huishoudens in de wijk met minstens één betrokken team",
    "met_meerdere_teams": "huishoudens waarbij twee of meer teams betrokken zijn",
    "zonder_regisseur": "huishoudens waarbij geen van de betrokken teams regisseur is",
    "met_meer_dan_een_regisseur": "huishoudens met meer dan één team als regisseur",
}


def cel(n: int) -> int | str:
    """A count as it may be shown: exact from 5 on, else ``"<5"``.

    >>> cel(3), cel(0), cel(5), cel(12)
    ('<5', '<5', 5, 12)
    """
    return n if n >= DREMPEL else f"<{DREMPEL}"


def feiten(G: nx.MultiDiGraph, wijk: str) -> dict[str, Any]:
    """The involvements of the households living in ``wijk`` (pseudonyms; internal only)."""
    if wijk not in G or G.nodes[wijk].get("label") != model.WIJK:
        raise NietGevonden(f"wijk {wijk} is niet bekend")
    huishoudens = []
    for hh, _, d in G.in_edges(wijk, data=True):
        if d["type"] != model.WOONT_IN:
            continue
        betrokken = [
            {
                "team": t,
                "naam": G.nodes[t].get("naam"),
                "regisseur": bool(e.get("regisseur")),
                "bron": e["bron"],
                "bevestigd_op": e["bevestigd_op"],
            }
            for t, _, e in G.in_edges(hh, data=True)
            if e["type"] == model.BETROKKEN_BIJ
        ]
        huishoudens.append({"id": hh, "betrokken": betrokken})
    w = G.nodes[wijk]
    return {
        "wijk": {"code": wijk, "naam": w.get("naam"), "gemeente": w.get("gemeente")},
        "huishoudens": huishoudens,
    }


def feiten_uit_neo4j(rijen: list[dict[str, Any]], wijk: str) -> dict[str, Any]:
    if not rijen:
        raise NietGevonden(f"wijk {wijk} is niet bekend")
    return rijen[0]


def antwoord(feiten: dict[str, Any], **_params: Any) -> dict[str, Any]:
    """The suppressed aggregates from the facts (pure; shared by both stores).

    Examples
    --------
    >>> f = {"wijk": {"code": "WK051305", "naam": "Noord", "gemeente": "GM0513"},
    ...      "huishoudens": [{"id": f"hh-{i}", "betrokken": [
    ...          {"team": "a", "naam": "A", "regisseur": False, "bron": "x",
    ...           "bevestigd_op": "2026-01-01"},
    ...          {"team": "b", "naam": "B", "regisseur": False, "bron": "x",
    ...           "bevestigd_op": "2026-01-01"}]} for i in range(3)]}
    >>> a = antwoord(f)
    >>> a["huishoudens"], a["met_meerdere_teams"], a["zonder_regisseur"]
    ('<5', '<5', '<5')
    """
    totaal = meerdere = zonder = dubbel = 0
    per_team: dict[str, dict[str, Any]] = defaultdict(lambda: {"huishoudens": 0, "regisseur": 0})
    bronnen: dict[str, str] = {}
    for hh in feiten["huishoudens"]:
        teams: dict[str, bool] = {}
        for b in hh["betrokken"]:
            teams[b["team"]] = teams.get(b["team"], False) or bool(b["regisseur"])
            per_team[b["team"]]["naam"] = b["naam"]
            bronnen[b["bron"]] = max(bronnen.get(b["bron"], ""), b["bevestigd_op"])
        if not teams:
            continue
        totaal += 1
        regisseurs = sum(teams.values())
        meerdere += len(teams) >= 2
        zonder += regisseurs == 0
        dubbel += regisseurs > 1
        for t, r in teams.items():
            per_team[t]["huishoudens"] += 1
            per_team[t]["regisseur"] += r
    return {
        "wijk": feiten["wijk"],
        "huishoudens": cel(totaal),
        "met_meerdere_teams": cel(meerdere),
        "zonder_regisseur": cel(zonder),
        "met_meer_dan_een_regisseur": cel(dubbel),
        "per_team": [
            {
                "team": {"id": t, "naam": v["naam"]},
                "huishoudens": cel(v["huishoudens"]),
                "als_regisseur": cel(v["regisseur"]),
            }
            for t, v in sorted(per_team.items())
        ],
        "bronnen": [{"bron": b, "laatst_bevestigd_op": d} for b, d in sorted(bronnen.items())],
        "uitleg": {
            "definities": DEFINITIES,
            "onderdrukking": f"aantallen onder de {DREMPEL} (ook 0) staan als '<{DREMPEL}'",
        },
    }
