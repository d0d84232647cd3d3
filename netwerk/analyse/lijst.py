"""Lists of nodes of one kind, for the collection resources of the API (gemeenten, wijken,
buurten, teams, organisaties, initiatieven, aanbod, leefgebieden): ordered by id, optionally
within a gemeente (areas by their gemeente; actors and aanbod by the areas they work in) or,
for buurten, a wijk; paged.
"""

from __future__ import annotations

import math
from typing import Any

import networkx as nx

import cypher as cypher_pakket
from netwerk import model
from netwerk.fouten import OngeldigeInvoer

CYPHER = "lijst"
LIJSTBARE_LABELS = (
    model.GEMEENTE,
    model.WIJK,
    model.BUURT,
    model.TEAM,
    model.ORGANISATIE,
    model.INITIATIEF,
    model.AANBOD,
    model.LEEFGEBIED,
)
MAX_PER_PAGINA = 100
_GEBIED_RELATIES = (model.WERKT_IN, model.ACTIEF_IN)


def _controleer(label: str, pagina: int, per_pagina: int) -> None:
    if label not in LIJSTBARE_LABELS:
        raise OngeldigeInvoer(f"geen lijst van {label!r}")
    if pagina < 1:
        raise OngeldigeInvoer("pagina begint bij 1")
    if not 1 <= per_pagina <= MAX_PER_PAGINA:
        raise OngeldigeInvoer(f"per_pagina moet tussen 1 en {MAX_PER_PAGINA} liggen")


def _in_gebied(G: nx.MultiDiGraph, n: str, sleutel: str, code: str) -> bool:
    attrs = G.nodes[n]
    if n == code or attrs.get(sleutel) == code:
        return True
    return any(
        d["type"] in _GEBIED_RELATIES and (a == code or G.nodes[a].get(sleutel) == code)
        for _, a, d in G.out_edges(n, data=True)
    )


def feiten(
    G: nx.MultiDiGraph,
    label: str,
    gemeente: str | None = None,
    wijk: str | None = None,
    pagina: int = 1,
    per_pagina: int = 20,
) -> dict[str, Any]:
    """One page of the nodes of ``label``.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for c in ("GM0014", "GM0034"):
    ...     G.add_node(c, label="Gemeente", naam=c)
    >>> a = antwoord(feiten(G, "Gemeente", per_pagina=1), per_pagina=1)
    >>> [x["id"] for x in a["resultaten"]], a["totaal"], a["paginas"]
    (['GM0014'], 2, 2)
    """
    _controleer(label, pagina, per_pagina)
    ids = sorted(n for n, lab in G.nodes(data="label") if lab == label)
    if gemeente:
        ids = [n for n in ids if _in_gebied(G, n, "gemeente", gemeente)]
    if wijk:
        ids = [n for n in ids if _in_gebied(G, n, "wijk", wijk)]
    begin = (pagina - 1) * per_pagina
    items = [
        {"label": label, "props": {"id": n, **_zonder_label(G.nodes[n])}}
        for n in ids[begin : begin + per_pagina]
    ]
    return {"totaal": len(ids), "items": items}


def _zonder_label(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in attrs.items() if k != "label"}


def cypher(label: str, **_params: Any) -> str:
    """The query for this label (a template over the fixed vocabulary)."""
    _controleer(label, 1, 1)
    return cypher_pakket.sjabloon(CYPHER, label=label)


def parameters(
    label: str,
    gemeente: str | None = None,
    wijk: str | None = None,
    pagina: int = 1,
    per_pagina: int = 20,
) -> dict[str, Any]:
    _controleer(label, pagina, per_pagina)
    return {
        "gemeente": gemeente,
        "wijk": wijk,
        "overslaan": (pagina - 1) * per_pagina,
        "aantal": per_pagina,
    }


def feiten_uit_neo4j(rijen: list[dict[str, Any]], **_params: Any) -> dict[str, Any]:
    return rijen[0]


def antwoord(feiten: dict[str, Any], pagina: int = 1, per_pagina: int = 20, **_: Any) -> dict:
    return {
        "resultaten": [
            {"id": i["props"]["id"], **dict(sorted(_zonder_id(i["props"]).items()))}
            for i in feiten["items"]
        ],
        "totaal": feiten["totaal"],
        "pagina": pagina,
        "per_pagina": per_pagina,
        "paginas": max(1, math.ceil(feiten["totaal"] / per_pagina)),
    }


def _zonder_id(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if k != "id"}
