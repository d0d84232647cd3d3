"""The landschap of a gemeente as a graph file, for Gephi, yEd, Cytoscape and the like.

Pure functions from a ``landschap`` answer (see :mod:`netwerk.analyse.landschap`) to bytes:

- **GEXF** 1.2 (:func:`naar_gexf`, Gephi), **GraphML** (:func:`naar_graphml`, yEd, Gephi,
  igraph): written by networkx; every attribute is a scalar, lists are joined with ``;``;
- **Cytoscape JSON** (:func:`naar_cytoscape`): the Cytoscape.js ``elements`` format
  (``{"elements": {"nodes": [{"data": {"id", "label", ...}}], "edges": [{"data": {"id",
  "source", "target", ...}}]}}``), also readable by ``networkx.cytoscape_graph``; lists stay lists.

Node attributes: ``label`` (the name, what tools show), ``wijkgraaf_label`` (Team, Organisatie,
Initiatief), ``naam``, ``soort``, ``rol``, ``wijken``, ``leefgebieden``, ``graad``,
``betweenness``, ``gemeenschap``, ``brug`` (splitst_in, 0 when not a bridge). Edge attributes:
``types`` (the relationship types under the edge), ``aantal_relaties``, ``bronnen``,
``bevestigd_op`` (the latest date) and ``relaties`` (each relationship as
``van TYPE naar [bron bevestigd_op]``). Absent values (None) are left out.

:func:`exporteer` picks the format by name and returns ``(bytes, mimetype)``.
"""

from __future__ import annotations

import io
import json
from typing import Any

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from netwerk.fouten import OngeldigeInvoer

#: formaat -> (mimetype, file extension)
FORMATEN: dict[str, tuple[str, str]] = {
    "gexf": ("application/gexf+xml", "gexf"),
    "graphml": ("application/graphml+xml", "graphml"),
    "cytoscape": ("application/json", "cyjs"),
}


def _lijst(waarden: list[Any]) -> str:
    return ";".join(str(w) for w in waarden)


def _relatie_tekst(r: dict[str, Any]) -> str:
    return f"{r['van']} {r['type']} {r['naar']} [{r['bron']} {r['bevestigd_op']}]"


def _knoop_data(k: dict[str, Any], brug: dict[str, int]) -> dict[str, Any]:
    return {
        "label": k["naam"] if k.get("naam") is not None else k["id"],
        "wijkgraaf_label": k["label"],
        "naam": k.get("naam"),
        "soort": k.get("soort"),
        "rol": k.get("rol"),
        "wijken": k["wijken"],
        "leefgebieden": k["leefgebieden"],
        "graad": k["graad"],
        "betweenness": k["betweenness"],
        "gemeenschap": k["gemeenschap"],
        "brug": brug.get(k["id"], 0),
    }


def _verbinding_data(v: dict[str, Any]) -> dict[str, Any]:
    relaties = v["relaties"]
    return {
        "id": f"{v['van']}~{v['naar']}",
        "types": sorted({r["type"] for r in relaties}),
        "aantal_relaties": len(relaties),
        "bronnen": sorted({r["bron"] for r in relaties if r.get("bron")}),
        "bevestigd_op": max(
            (r["bevestigd_op"] for r in relaties if r.get("bevestigd_op")), default=None
        ),
        "relaties": [_relatie_tekst(r) for r in relaties],
    }


def _scalair(data: dict[str, Any]) -> dict[str, Any]:
    return {k: _lijst(v) if isinstance(v, list) else v for k, v in data.items() if v is not None}


def als_graaf(antwoord: dict[str, Any]) -> nx.Graph:
    """The landschap answer as an undirected networkx Graph with scalar attributes only.

    Examples
    --------
    >>> antwoord = {
    ...     "gemeente": {"code": "GM0001", "naam": "G", "inwoners": None},
    ...     "knopen": [{"id": i, "label": "Team", "naam": i.upper(), "soort": "buurtteam",
    ...                 "rol": None, "wijken": ["WK000101", "WK000102"], "leefgebieden": [],
    ...                 "graad": 1, "betweenness": 0.0, "gemeenschap": 1} for i in ("a", "b")],
    ...     "verbindingen": [{"van": "a", "naar": "b", "relaties": [
    ...         {"van": "a", "type": "WERKT_SAMEN_MET", "naar": "b", "bron": "x",
    ...          "bevestigd_op": "2026-01-01"}]}],
    ...     "bruggen": [],
    ... }
    >>> G = als_graaf(antwoord)
    >>> G.nodes["a"]["wijken"], G.edges["a", "b"]["types"]
    ('WK000101;WK000102', 'WERKT_SAMEN_MET')
    """
    gm = antwoord["gemeente"]
    G = nx.Graph()
    G.graph.update(
        _scalair({"name": gm.get("naam"), "gemeente": gm["code"], "inwoners": gm.get("inwoners")})
    )
    brug = {b["id"]: b["splitst_in"] for b in antwoord.get("bruggen", [])}
    for k in antwoord["knopen"]:
        G.add_node(k["id"], **_scalair(_knoop_data(k, brug)))
    for v in antwoord["verbindingen"]:
        G.add_edge(v["van"], v["naar"], **_scalair(_verbinding_data(v)))
    return G


def _laatste_datum(antwoord: dict[str, Any]) -> str | None:
    return max(
        (
            r["bevestigd_op"]
            for v in antwoord["verbindingen"]
            for r in v["relaties"]
            if r.get("bevestigd_op")
        ),
        default=None,
    )


def naar_gexf(antwoord: dict[str, Any]) -> bytes:
    """GEXF 1.2 (UTF-8) of the landschap answer. The ``lastmodifieddate`` is the latest
    ``bevestigd_op`` of the relationships (not today), so the same answer gives the same bytes.

    >>> antwoord = {"gemeente": {"code": "GM0001", "naam": "G"}, "knopen": [],
    ...             "verbindingen": [], "bruggen": []}
    >>> nx.read_gexf(io.BytesIO(naar_gexf(antwoord))).number_of_nodes()
    0
    """
    schrijver = GEXFWriter(encoding="utf-8", prettyprint=True)
    meta = schrijver.xml.find("meta")
    datum = _laatste_datum(antwoord)
    if meta is not None:
        if datum:
            meta.set("lastmodifieddate", datum)
        else:
            meta.attrib.pop("lastmodifieddate", None)
    schrijver.add_graph(als_graaf(antwoord))
    uit = io.BytesIO()
    schrijver.write(uit)
    return uit.getvalue()


def naar_graphml(antwoord: dict[str, Any]) -> bytes:
    """GraphML (UTF-8) of the landschap answer.

    >>> antwoord = {"gemeente": {"code": "GM0001", "naam": "G"}, "knopen": [],
    ...             "verbindingen": [], "bruggen": []}
    >>> nx.read_graphml(io.BytesIO(naar_graphml(antwoord))).graph["gemeente"]
    'GM0001'
    """
    uit = io.BytesIO()
    nx.write_graphml(als_graaf(antwoord), uit, encoding="utf-8")
    return uit.getvalue()


def naar_cytoscape(antwoord: dict[str, Any]) -> dict[str, Any]:
    """The landschap answer in the Cytoscape.js elements format (lists kept as lists; each
    edge also carries its relationships as dicts).

    >>> antwoord = {"gemeente": {"code": "GM0001", "naam": "G"}, "knopen": [],
    ...             "verbindingen": [], "bruggen": []}
    >>> naar_cytoscape(antwoord)["elements"]
    {'nodes': [], 'edges': []}
    """
    gm = antwoord["gemeente"]
    brug = {b["id"]: b["splitst_in"] for b in antwoord.get("bruggen", [])}
    knopen = []
    for k in antwoord["knopen"]:
        data = {"id": k["id"], **_knoop_data(k, brug)}
        data["value"], data["name"] = k["id"], data["label"]
        knopen.append({"data": data})
    verbindingen = []
    for v in antwoord["verbindingen"]:
        data = _verbinding_data(v)
        verbindingen.append(
            {
                "data": {
                    "id": data.pop("id"),
                    "source": v["van"],
                    "target": v["naar"],
                    **data,
                    "relaties": v["relaties"],
                }
            }
        )
    return {
        "data": {"name": gm.get("naam"), "gemeente": gm["code"], "inwoners": gm.get("inwoners")},
        "directed": False,
        "multigraph": False,
        "elements": {"nodes": knopen, "edges": verbindingen},
    }


def exporteer(antwoord: dict[str, Any], formaat: str) -> tuple[bytes, str]:
    """The landschap answer as a file in ``formaat`` ('gexf', 'graphml' or 'cytoscape'):
    ``(bytes, mimetype)``. An unknown format raises OngeldigeInvoer.

    Examples
    --------
    >>> antwoord = {"gemeente": {"code": "GM0001", "naam": "G"}, "knopen": [],
    ...             "verbindingen": [], "bruggen": []}
    >>> inhoud, mimetype = exporteer(antwoord, "cytoscape")
    >>> mimetype, json.loads(inhoud)["data"]["gemeente"]
    ('application/json', 'GM0001')
    """
    if formaat not in FORMATEN:
        raise OngeldigeInvoer(f"onbekend formaat {formaat!r}; kies uit: {', '.join(FORMATEN)}")
    if formaat == "gexf":
        inhoud = naar_gexf(antwoord)
    elif formaat == "graphml":
        inhoud = naar_graphml(antwoord)
    else:
        inhoud = json.dumps(naar_cytoscape(antwoord), ensure_ascii=False, indent=1).encode("utf-8")
    return inhoud, FORMATEN[formaat][0]
