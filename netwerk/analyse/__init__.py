"""Analyses of the landscape as pure functions on a networkx graph (graph in, plain data out).

The graph is the memory store's ``networkx.MultiDiGraph``: nodes keyed by ``id`` with attribute
``label`` and their properties; edges keyed ``"TYPE|bron"`` with attributes ``type``, ``bron``,
``bevestigd_op`` and their properties.
"""

from __future__ import annotations

import importlib
from types import ModuleType

#: The questions, by name: each a module of this package with the same four parts:
#:
#: - ``feiten(G, **params) -> dict``: gather the facts from a networkx graph (memory store);
#: - ``CYPHER``: the name of the query in ``cypher/`` that gathers the same facts on Neo4j;
#: - ``feiten_uit_neo4j(rijen, **params) -> dict``: those facts from the query's rows;
#: - ``antwoord(feiten, **params) -> dict``: the answer, shared by both stores (pure).
#:
#: Optional: ``cypher(**params) -> str`` (the query text, for templates over a label) and
#: ``parameters(**params) -> dict`` (extra query parameters).
#: Unknown keys (a wijk that does not exist) raise NietGevonden in ``feiten*``.
VRAGEN = (
    "overlap",
    "nuldelijn",
    "alternatieven",
    "zoek",
    "zichtbaarheid",
    "landschap",
    "grenzen",
    "huishoudens",
    "lijst",
    "detail",
    "hsds_feed",
    "hsds_stand",
)


def vraagmodule(naam: str) -> ModuleType:
    if naam not in VRAGEN:
        raise KeyError(f"onbekende vraag {naam!r}")
    return importlib.import_module(f"{__name__}.{naam}")
