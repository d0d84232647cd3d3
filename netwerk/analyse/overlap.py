"""Overlappende teams in a wijk.

Two teams overlap when they work in at least one common buurt of the wijk AND share at least one
leefgebied or doelgroep. A team that works at wijk or gemeente level covers every buurt of the
wijk. For each pair the answer says what they share, an overlap score, and whether they know
each other:

- ``kennen elkaar``: a direct WERKT_SAMEN_MET or VERWIJST_NAAR between them (either direction);
- ``indirect``: no direct link, but both are linked to the same partner (named in ``via``);
- ``kennen elkaar niet``: neither.

Score (0..1, three decimals)::

    score = |gedeelde buurten| / |buurten van de wijk|
            * (|gedeelde leefgebieden| + |gedeelde doelgroepen|)
            / (|leefgebieden van beide| + |doelgroepen van beide|)

i.e. the share of the wijk where both work, times the Jaccard similarity of what they work on.
Pairs are ordered by score (high first), then by the team ids.

The question is answered in two steps. Step one gathers the *facts* for the wijk (its buurten
and the teams working there, with their areas, leefgebieden, doelgroepen and acquaintances);
each store does that its own way (:func:`feiten` on a networkx graph, the Cypher query
``overlappende_teams`` on Neo4j). Step two, :func:`antwoord`, is shared, so both stores
give identical answers.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from netwerk import model
from netwerk.analyse.graaf import label, randen, wijk_kop
from netwerk.fouten import NietGevonden

FORMULE = (
    "score = |gedeelde buurten| / |buurten van de wijk| × "
    "(|gedeelde leefgebieden| + |gedeelde doelgroepen|) / "
    "(|leefgebieden van beide| + |doelgroepen van beide|)"
)
_LEEFGEBIED_NAAM = dict(model.LEEFGEBIEDEN)
_DOELGROEP_NAAM = dict(model.DOELGROEPEN)


def feiten(G: nx.MultiDiGraph, wijk: str) -> dict[str, Any]:
    """Gather the facts behind the overlap question for ``wijk`` from a Wijkgraaf graph.

    Raises :class:`NietGevonden` when the graph has no such wijk.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("WK001401", label="Wijk", naam="Oost")
    >>> G.add_node("BU00140100", label="Buurt", naam="A")
    >>> _ = G.add_edge("BU00140100", "WK001401", key="LIGT_IN|cbs", type="LIGT_IN")
    >>> f = feiten(G, "WK001401")
    >>> [b["code"] for b in f["buurten"]], f["teams"]
    (['BU00140100'], [])
    """
    if label(G, wijk) != model.WIJK:
        raise NietGevonden(f"wijk {wijk} is niet bekend")
    gemeenten = [
        v
        for _, v, d in G.out_edges(wijk, data=True)
        if d["type"] == model.LIGT_IN and label(G, v) == model.GEMEENTE
    ]
    buurten = sorted(
        u
        for u, _, d in G.in_edges(wijk, data=True)
        if d["type"] == model.LIGT_IN and label(G, u) == model.BUURT
    )
    werk: dict[str, list[dict[str, Any]]] = defaultdict(list)
    # the adjacency dicts directly: a gemeente has thousands of incoming relationships (all
    # its offers), of which only the few teams matter; their label is checked once per node
    knopen, naar = G._node, G._pred
    for gebied in [*buurten, wijk, *gemeenten]:
        soort = knopen[gebied].get("label")
        for t, rel in naar[gebied].items():
            if knopen[t].get("label") != model.TEAM:
                continue
            for d in rel.values():
                if d["type"] == model.WERKT_IN:
                    werk[t].append(
                        {
                            "gebied": gebied,
                            "soort": soort,
                            "bron": d["bron"],
                            "bevestigd_op": d["bevestigd_op"],
                        }
                    )
    teams = []
    for t, werkgebied in werk.items():
        attrs = G.nodes[t]
        leefgebieden = {
            v for _, v, d in G.out_edges(t, data=True) if d["type"] == model.RICHT_ZICH_OP
        }
        contacten = [
            {
                "id": x,
                "naam": G.nodes[x].get("naam"),
                "type": d["type"],
                "richting": richting,
                "bron": d["bron"],
                "bevestigd_op": d["bevestigd_op"],
            }
            for richting, x, d in randen(G, t, model.KENNIS_RELATIES)
        ]
        teams.append(
            {
                "id": t,
                "naam": attrs.get("naam"),
                "soort": attrs.get("soort"),
                "doelgroepen": list(attrs.get("doelgroepen", [])),
                "werkgebied": werkgebied,
                "leefgebieden": sorted(leefgebieden),
                "contacten": contacten,
            }
        )
    return {
        "wijk": wijk_kop(G, wijk, gemeenten),
        "buurten": [{"code": b, "naam": G.nodes[b].get("naam")} for b in buurten],
        "teams": teams,
    }


CYPHER = "overlappende_teams"


def feiten_uit_neo4j(rijen: list[dict[str, Any]], wijk: str) -> dict[str, Any]:
    """The facts from the rows of ``cypher/overlappende_teams.cypher``."""
    if not rijen:
        raise NietGevonden(f"wijk {wijk} is niet bekend")
    return rijen[0]


def _sleutel_relatie(r: dict[str, Any]) -> tuple:
    return (r["van"], r["type"], r["naar"], r["bron"], r["bevestigd_op"])


def antwoord(feiten: dict[str, Any], **_params: Any) -> dict[str, Any]:
    """The overlap answer from the facts of one wijk (shared by both stores; pure).

    Examples
    --------
    >>> feiten = {
    ...     "wijk": {"code": "WK001401", "naam": "Oost", "gemeente": "GM0014", "inwoners": 10},
    ...     "buurten": [{"code": "BU00140100", "naam": "A"}],
    ...     "teams": [
    ...         {"id": t, "naam": t, "soort": "jeugdteam", "doelgroepen": ["jeugd"],
    ...          "leefgebieden": [], "contacten": [],
    ...          "werkgebied": [{"gebied": "WK001401", "soort": "Wijk", "bron": "x",
    ...                          "bevestigd_op": "2026-01-01"}]}
    ...         for t in ("a", "b")],
    ... }
    >>> p = antwoord(feiten)["paren"][0]
    >>> p["kennis"], p["score"], [b["code"] for b in p["gedeelde_buurten"]]
    ('kennen elkaar niet', 1.0, ['BU00140100'])
    """
    buurten = [b["code"] for b in feiten["buurten"]]
    buurt_naam = {b["code"]: b["naam"] for b in feiten["buurten"]}
    alle = set(buurten)
    teams = sorted(feiten["teams"], key=lambda t: t["id"])

    dekking: dict[str, set[str]] = {}
    partners: dict[str, dict[str, str | None]] = {}
    relaties: dict[str, list[dict[str, Any]]] = {}
    for t in teams:
        gedekt: set[str] = set()
        for w in t["werkgebied"]:
            gedekt |= alle if w["soort"] in (model.WIJK, model.GEMEENTE) else {w["gebied"]} & alle
        dekking[t["id"]] = gedekt
        partners[t["id"]] = {c["id"]: c["naam"] for c in t["contacten"]}
        relaties[t["id"]] = [
            {
                "van": t["id"] if c["richting"] == "uit" else c["id"],
                "type": c["type"],
                "naar": c["id"] if c["richting"] == "uit" else t["id"],
                "bron": c["bron"],
                "bevestigd_op": c["bevestigd_op"],
            }
            for c in t["contacten"]
        ]

    paren = []
    for i, a in enumerate(teams):
        for b in teams[i + 1 :]:
            gedeelde_buurten = sorted(dekking[a["id"]] & dekking[b["id"]])
            lg_a, lg_b = set(a["leefgebieden"]), set(b["leefgebieden"])
            dg_a, dg_b = set(a["doelgroepen"]), set(b["doelgroepen"])
            gedeelde_lg, gedeelde_dg = sorted(lg_a & lg_b), sorted(dg_a & dg_b)
            if not gedeelde_buurten or not (gedeelde_lg or gedeelde_dg):
                continue
            noemer = len(lg_a | lg_b) + len(dg_a | dg_b)
            score = round(
                len(gedeelde_buurten) / len(alle) * (len(gedeelde_lg) + len(gedeelde_dg)) / noemer,
                3,
            )
            direct = sorted(
                {
                    _sleutel_relatie(r): r
                    for r in relaties[a["id"]]
                    if b["id"] in (r["van"], r["naar"])
                }.values(),
                key=_sleutel_relatie,
            )
            via_ids = sorted((set(partners[a["id"]]) & set(partners[b["id"]])) - {a["id"], b["id"]})
            if direct:
                kennis = "kennen elkaar"
            elif via_ids:
                kennis = "indirect"
            else:
                kennis = "kennen elkaar niet"
            via_relaties = (
                sorted(
                    {
                        _sleutel_relatie(r): r
                        for t in (a, b)
                        for r in relaties[t["id"]]
                        if (r["van"] in via_ids or r["naar"] in via_ids)
                    }.values(),
                    key=_sleutel_relatie,
                )
                if kennis == "indirect"
                else []
            )
            paren.append(
                {
                    "teams": [_team_kort(a), _team_kort(b)],
                    "gedeelde_buurten": [
                        {"code": c, "naam": buurt_naam[c]} for c in gedeelde_buurten
                    ],
                    "gedeelde_leefgebieden": [
                        {"id": x, "naam": _LEEFGEBIED_NAAM.get(x, x)} for x in gedeelde_lg
                    ],
                    "gedeelde_doelgroepen": [
                        {"id": x, "naam": _DOELGROEP_NAAM.get(x, x)} for x in gedeelde_dg
                    ],
                    "score": score,
                    "kennis": kennis,
                    "via": [{"id": x, "naam": partners[a["id"]][x]} for x in via_ids]
                    if kennis == "indirect"
                    else [],
                    "uitleg": {
                        "werkgebied": {
                            t["id"]: sorted(
                                t["werkgebied"],
                                key=lambda w: (w["gebied"], w["bron"], w["bevestigd_op"]),
                            )
                            for t in (a, b)
                        },
                        "relaties": direct or via_relaties,
                    },
                }
            )
    paren.sort(key=lambda p: (-p["score"], p["teams"][0]["id"], p["teams"][1]["id"]))
    return {
        "wijk": {**feiten["wijk"], "buurten": len(buurten)},
        "teams": len(teams),
        "paren": paren,
        "formule": FORMULE,
    }


def _team_kort(t: dict[str, Any]) -> dict[str, Any]:
    return {"id": t["id"], "naam": t["naam"], "soort": t["soort"]}


def overlappende_teams(G: nx.MultiDiGraph, wijk: str) -> dict[str, Any]:
    """Pairs of teams that overlap in ``wijk``, with what they share and whether they know each
    other. See the module documentation for the rule and the score.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("WK001401", label="Wijk", naam="Oost")
    >>> G.add_node("BU00140100", label="Buurt", naam="A")
    >>> _ = G.add_edge("BU00140100", "WK001401", key="LIGT_IN|cbs", type="LIGT_IN")
    >>> for t in ("t1", "t2"):
    ...     G.add_node(t, label="Team", naam=t.upper(), soort="jeugdteam", doelgroepen=["jeugd"])
    ...     _ = G.add_edge(t, "BU00140100", key="WERKT_IN|x", type="WERKT_IN", bron="x",
    ...                    bevestigd_op="2026-01-01")
    >>> antwoord = overlappende_teams(G, "WK001401")
    >>> [(p["teams"][0]["id"], p["teams"][1]["id"], p["kennis"]) for p in antwoord["paren"]]
    [('t1', 't2', 'kennen elkaar niet')]
    """
    return antwoord(feiten(G, wijk))
