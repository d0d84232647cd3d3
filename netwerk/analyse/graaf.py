"""Small helpers for reading the memory store's networkx graph, shared by the analyses."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

import networkx as nx


def label(G: nx.MultiDiGraph, n: str | None) -> str | None:
    """The label of node ``n``, or None when there is no such node (or no ``n``)."""
    return G.nodes[n].get("label") if n is not None and n in G else None


def wijk_kop(G: nx.MultiDiGraph, wijk: str, gemeenten: list[str]) -> dict[str, Any]:
    """The wijk as the head of a wijk question's facts: code, naam, gemeente, inwoners."""
    w = G.nodes[wijk]
    return {
        "code": wijk,
        "naam": w.get("naam"),
        "gemeente": gemeenten[0] if gemeenten else None,
        "inwoners": w.get("inwoners"),
    }


def randen(
    G: nx.MultiDiGraph, n: str, types: Collection[str] | None = None
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every relationship of ``n`` in both directions as ``(richting, ander, data)``, with
    richting ``"uit"`` or ``"in"``; only the given ``types`` when set.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", key="X|s", type="X")
    >>> [(r, x) for r, x, _ in randen(G, "b")]
    [('in', 'a')]
    """
    for _, v, d in G.out_edges(n, data=True):
        if types is None or d["type"] in types:
            yield "uit", v, d
    for u, _, d in G.in_edges(n, data=True):
        if types is None or d["type"] in types:
            yield "in", u, d
