"""Configuration from the environment, and the store it asks for.

- ``WIJKGRAAF_NEO4J_URI`` set (with ``WIJKGRAAF_NEO4J_USER``, ``WIJKGRAAF_NEO4J_PASSWORD`` and
  optionally ``WIJKGRAAF_NEO4J_DATABASE``, ``WIJKGRAAF_NEO4J_RETRY_TIJD`` in seconds, default 5):
  the Neo4j store.
- otherwise the embedded memory store, in ``WIJKGRAAF_DATA`` (default
  ``$XDG_DATA_HOME/wijkgraaf`` or ``~/.local/share/wijkgraaf``), file ``graaf.json``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netwerk.stores.basis import GraphStore


def standaard_datamap() -> Path:
    basis = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(basis) / "wijkgraaf"


@dataclass(frozen=True)
class Instellingen:
    neo4j_uri: str | None = None
    neo4j_user: str | None = None
    neo4j_password: str | None = None
    neo4j_database: str | None = None
    neo4j_retry_tijd: float = 5.0
    data: Path = Path(".")

    @classmethod
    def uit_omgeving(cls, omgeving: Mapping[str, str] | None = None) -> Instellingen:
        env = os.environ if omgeving is None else omgeving
        return cls(
            neo4j_uri=env.get("WIJKGRAAF_NEO4J_URI") or None,
            neo4j_user=env.get("WIJKGRAAF_NEO4J_USER") or None,
            neo4j_password=env.get("WIJKGRAAF_NEO4J_PASSWORD") or None,
            neo4j_database=env.get("WIJKGRAAF_NEO4J_DATABASE") or None,
            neo4j_retry_tijd=float(env.get("WIJKGRAAF_NEO4J_RETRY_TIJD") or 5.0),
            data=Path(env.get("WIJKGRAAF_DATA") or standaard_datamap()),
        )

    @property
    def graafbestand(self) -> Path:
        return self.data / "graaf.json"


def maak_driver(inst: Instellingen) -> Any:
    """One Neo4j driver for this process (the caller closes it)."""
    from neo4j import GraphDatabase

    auth = (inst.neo4j_user, inst.neo4j_password or "") if inst.neo4j_user else None
    # Fail fast when the server is away (the API answers 503 and recovers by itself once the
    # server is back), instead of the driver's default of retrying for 30 s.
    return GraphDatabase.driver(
        inst.neo4j_uri,
        auth=auth,
        max_transaction_retry_time=inst.neo4j_retry_tijd,
        connection_timeout=inst.neo4j_retry_tijd,
        connection_acquisition_timeout=inst.neo4j_retry_tijd * 2,
        # the server's query notifications ("property does not exist" for a property no node
        # has yet) are not errors; they would flood the logs of every process
        notifications_min_severity="OFF",
    )


def open_store(inst: Instellingen | None = None, driver: Any = None) -> GraphStore:
    """The store the configuration asks for. Writers call ``initialiseer()`` on it first."""
    inst = inst or Instellingen.uit_omgeving()
    if inst.neo4j_uri:
        from netwerk.stores.neo4j import Neo4jStore

        store: GraphStore = Neo4jStore(driver or maak_driver(inst), database=inst.neo4j_database)
    else:
        from netwerk.stores.geheugen import MemoryStore

        store = MemoryStore(inst.graafbestand)
    return store
