"""One node with its relationships, for the detail resources of the API (a team, a wijk, an
organisatie, ...). Each relationship comes with its source and date, so the page can show
where every fact comes from. Relationships that touch households (personal data) and text
proposals are never shown here.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from netwerk import model
from netwerk.analyse.graaf import randen
from netwerk.fouten import NietGevonden

CYPHER = "detail"
#: Relationship types a detail view never shows (personal data, internal review state).
VERBORGEN = (model.BETROKKEN_BIJ, model.WOONT_IN, model.BETREFT)


def _ander(G: nx.MultiDiGraph, x: str) -> dict[str, Any]:
    return {"id": x, "label": G.nodes[x].get("label"), "naam": G.nodes[x].get("naam")}


def feiten(G: nx.MultiDiGraph, id: str, label: str | None = None) -> dict[str, Any]:
    """The node ``id`` (of ``label``, when given) with its relationships.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("t1", label="Team", naam="Team 1")
    >>> G.add_node("financien", label="Leefgebied", naam="Financiën")
    >>> _ = G.add_edge("t1", "financien", key="RICHT_ZICH_OP|x", type="RICHT_ZICH_OP",
    ...                bron="x", bevestigd_op="2026-01-01")
    >>> antwoord(feiten(G, "t1", "Team"))["relaties"][0]["ander"]["naam"]
    'Financiën'
    """
    if id not in G or (label and G.nodes[id].get("label") != label):
        raise NietGevonden(f"{(label or 'knoop').lower()} {id!r} is niet bekend")
    attrs = dict(G.nodes[id])
    relaties = []
    for richting, x, d in randen(G, id):
        if d["type"] in VERBORGEN:
            continue
        relaties.append(
            {
                "richting": richting,
                "type": d["type"],
                "ander": _ander(G, x),
                "bron": d["bron"],
                "bevestigd_op": d["bevestigd_op"],
            }
        )
    return {"label": attrs.pop("label"), "id": id, "eigenschappen": attrs, "relaties": relaties}


def feiten_uit_neo4j(rijen: list[dict[str, Any]], id: str, label: str | None = None) -> dict:
    if not rijen or (label and rijen[0]["label"] != label):
        raise NietGevonden(f"{(label or 'knoop').lower()} {id!r} is niet bekend")
    rij = rijen[0]
    props = {k: v for k, v in rij["props"].items() if k != "id"}
    return {"label": rij["label"], "id": id, "eigenschappen": props, "relaties": rij["relaties"]}


def parameters(**params: Any) -> dict[str, Any]:
    """Extra query parameters for the Cypher query."""
    return {"verborgen": list(VERBORGEN)}


def antwoord(feiten: dict[str, Any], **_params: Any) -> dict[str, Any]:
    """The node and its relationships in a stable order (type, direction, other id, source)."""
    relaties = sorted(
        feiten["relaties"],
        key=lambda r: (r["type"], r["richting"], r["ander"]["id"], r["bron"], r["bevestigd_op"]),
    )
    return {
        "id": feiten["id"],
        "label": feiten["label"],
        **dict(sorted(feiten["eigenschappen"].items())),
        "relaties": relaties,
    }
