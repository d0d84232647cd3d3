"""The graph stores behind one interface: :class:`GraphStore`.

- :class:`netwerk.stores.geheugen.MemoryStore`: embedded, networkx, persisted to a JSON file;
  the default.
- :class:`netwerk.stores.neo4j.Neo4jStore`: a Neo4j server (or cluster) through one driver.

Use :func:`netwerk.config.open_store` to get the one the configuration asks for.
"""

from netwerk.stores.basis import GraphStore

__all__ = ["GraphStore"]
