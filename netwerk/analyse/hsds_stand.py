"""What an import of a directory (HSDS, ORUK) needs to know before it writes, and what
``wijkgraaf ontdubbel`` shows: not a question about the landscape but its bookkeeping.

Facts, for parameters ``bron`` (a Bron id or None) and ``knopen`` (node ids, may be empty):

- ``bron``: the Bron node (id, naam, soort, datum) or None;
- ``vermeldingen``: every GENOEMD_IN to that Bron: the node, its label and the relationship's
  properties (``record``: the id in the source, ``bevestigd``, ``bevestigd_op``, ...);
- ``relaties``: every other relationship with ``bron`` = that Bron at a node it mentions;
- ``organisaties``: every Organisatie (id, naam, website, kvk) with the sources that mention it
  (``bronnen``: bron, record, bevestigd), for entity resolution;
- ``voorstellen``: every Voorstel of soort ``samenvoeging`` with its properties;
- ``randen``: every relationship of the nodes in ``knopen`` (to carry out a merge).

Relationship properties are given as stored, with ``bron`` and ``bevestigd_op``. The answer is
the facts in a fixed order, so both stores give the same.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from netwerk import model

CYPHER = "hsds_stand"
SOORT_SAMENVOEGING = "samenvoeging"


def _props(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if k != "type"}


def _rand(u: str, v: str, d: dict[str, Any]) -> dict[str, Any]:
    return {"van": u, "type": d["type"], "naar": v, "props": _props(d)}


def feiten(
    G: nx.MultiDiGraph, bron: str | None = None, knopen: list[str] | None = None
) -> dict[str, Any]:
    """The bookkeeping facts from a Wijkgraaf graph.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("b", label="Bron", naam="B", soort="hsds", datum="2026-01-01")
    >>> G.add_node("o", label="Organisatie", naam="O")
    >>> _ = G.add_edge("o", "b", key="GENOEMD_IN|b", type="GENOEMD_IN", bron="b",
    ...                bevestigd_op="2026-01-01", record="17")
    >>> f = antwoord(feiten(G, bron="b"))
    >>> f["vermeldingen"][0]["props"]["record"], f["organisaties"][0]["bronnen"]
    ('17', [{'bron': 'b', 'record': '17', 'bevestigd': True}])
    """
    b = G.nodes[bron] if bron in G and G.nodes[bron].get("label") == model.BRON else None
    vermeldingen, relaties = [], {}
    if b is not None:
        for n, _, d in G.in_edges(bron, data=True):
            if d["type"] != model.GENOEMD_IN:
                continue
            vermeldingen.append({"knoop": n, "label": G.nodes[n]["label"], "props": _props(d)})
            for u, v, e in [*G.out_edges(n, data=True), *G.in_edges(n, data=True)]:
                if e.get("bron") == bron and e["type"] != model.GENOEMD_IN:
                    relaties[(u, e["type"], v)] = _rand(u, v, e)
    organisaties = []
    for n, attrs in G.nodes(data=True):
        if attrs.get("label") != model.ORGANISATIE:
            continue
        bronnen = [
            {"bron": v, "record": d.get("record"), "bevestigd": d.get("bevestigd", True)}
            for _, v, d in G.out_edges(n, data=True)
            if d["type"] == model.GENOEMD_IN
        ]
        organisaties.append(
            {
                "id": n,
                "naam": attrs.get("naam"),
                "website": attrs.get("website"),
                "kvk": attrs.get("kvk"),
                "bronnen": bronnen,
            }
        )
    voorstellen = [
        {"id": n, **{k: v for k, v in attrs.items() if k != "label"}}
        for n, attrs in G.nodes(data=True)
        if attrs.get("label") == model.VOORSTEL and attrs.get("soort") == SOORT_SAMENVOEGING
    ]
    randen = {}
    for k in knopen or []:
        if k in G:
            for u, v, d in [*G.out_edges(k, data=True), *G.in_edges(k, data=True)]:
                randen[(u, d["type"], v, d.get("bron"))] = _rand(u, v, d)
    return {
        "bron": None
        if b is None
        else {"id": bron, "naam": b.get("naam"), "soort": b.get("soort"), "datum": b.get("datum")},
        "vermeldingen": vermeldingen,
        "relaties": list(relaties.values()),
        "organisaties": organisaties,
        "voorstellen": voorstellen,
        "randen": list(randen.values()),
    }


def parameters(bron: str | None = None, knopen: list[str] | None = None) -> dict[str, Any]:
    return {"bron": bron, "knopen": list(knopen or [])}


def feiten_uit_neo4j(rijen: list[dict[str, Any]], **_params: Any) -> dict[str, Any]:
    """The facts from the one row of ``cypher/hsds_stand.cypher``."""
    return rijen[0]


def _relatie_sleutel(r: dict[str, Any]) -> tuple[str, str, str, str]:
    return (r["van"], r["type"], r["naar"], str(r["props"].get("bron")))


def antwoord(feiten: dict[str, Any], **_params: Any) -> dict[str, Any]:
    """The facts in a fixed order (shared by both stores; pure)."""
    organisaties = [
        {
            **o,
            "bronnen": sorted(
                (
                    {**b, "bevestigd": b.get("bevestigd") is not False}
                    for b in o.get("bronnen") or []
                ),
                key=lambda b: (b["bron"], str(b.get("record"))),
            ),
        }
        for o in feiten["organisaties"]
    ]
    return {
        "bron": feiten["bron"],
        "vermeldingen": sorted(feiten["vermeldingen"], key=lambda v: v["knoop"]),
        "relaties": sorted(feiten["relaties"], key=_relatie_sleutel),
        "organisaties": sorted(organisaties, key=lambda o: o["id"]),
        "voorstellen": sorted(feiten["voorstellen"], key=lambda v: v["id"]),
        "randen": sorted(feiten["randen"], key=_relatie_sleutel),
    }
