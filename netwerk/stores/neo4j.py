"""The Neo4j store: one driver per process, passed in.

Writes run as ``UNWIND $rows ... MERGE`` in fixed-size batches inside managed transactions
(``execute_write``), so the driver retries transient errors. Reads go through
``execute_query(..., routing_=READ)``, so a cluster serves them from its readers. Driver errors
that mean "the server is not there" become :class:`StoreOnbereikbaar`.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from neo4j import Driver, RoutingControl
from neo4j import exceptions as neo4j_fouten

import cypher
from netwerk import analyse, model
from netwerk.fouten import OngeldigeInvoer, StoreOnbereikbaar
from netwerk.model import Knoop, Relatie
from netwerk.stores.basis import GraphStore

_ONBEREIKBAAR = (
    neo4j_fouten.ServiceUnavailable,
    neo4j_fouten.SessionExpired,
    neo4j_fouten.DriverError,
    OSError,
)


def _in_stukken(rijen: Iterable[Any], grootte: int) -> Iterator[list[Any]]:
    it = iter(rijen)
    while stuk := list(itertools.islice(it, grootte)):
        yield stuk


class Neo4jStore(GraphStore):
    """Wijkgraaf on a Neo4j server. The driver is owned by the caller (one per process)."""

    soort = "neo4j"
    #: writes go over the network: ingest.rapport.Schrijver overlaps them with validation and
    #: writes two relationship batches at once (the server has a core for each)
    schrijvers = 2

    def __init__(self, driver: Driver, database: str | None = None, batch: int = 10_000) -> None:
        self.driver = driver
        self.database = database
        self.batch = batch

    # --- plumbing -----------------------------------------------------------------------
    def _lees(self, naam: str, **params: Any) -> list[dict[str, Any]]:
        return self._lees_query(cypher.laad(naam), **params)

    def _lees_query(self, query: str, **params: Any) -> list[dict[str, Any]]:
        try:
            records, _, _ = self.driver.execute_query(
                query,
                params,
                routing_=RoutingControl.READ,
                database_=self.database,
            )
        except _ONBEREIKBAAR as e:
            raise StoreOnbereikbaar(f"Neo4j is niet bereikbaar: {e}") from e
        return [r.data() for r in records]

    def _schrijf(self, query: str, rijen: Iterable[dict[str, Any]]) -> int:
        def werk(tx: Any, stuk: list[dict[str, Any]]) -> int:
            return tx.run(query, rows=stuk).single()["aantal"]

        n = 0
        try:
            with self.driver.session(database=self.database) as sessie:
                for stuk in _in_stukken(rijen, self.batch):
                    gedaan = sessie.execute_write(werk, stuk)
                    if gedaan != len(stuk):
                        raise OngeldigeInvoer(
                            f"{len(stuk) - gedaan} relaties verwijzen naar knopen die niet bestaan"
                        )
                    n += gedaan
        except _ONBEREIKBAAR as e:
            raise StoreOnbereikbaar(f"Neo4j is niet bereikbaar: {e}") from e
        return n

    def _voer_uit(self, query: str) -> None:
        try:
            with self.driver.session(database=self.database) as sessie:
                sessie.run(query).consume()
        except _ONBEREIKBAAR as e:
            raise StoreOnbereikbaar(f"Neo4j is niet bereikbaar: {e}") from e

    # --- writing ------------------------------------------------------------------------
    def initialiseer(self) -> None:
        self._voer_uit(cypher.laad("constraint_knoop"))
        for label in model.LABELS:
            self._voer_uit(cypher.sjabloon("constraint_label", label=label))
        for naam in cypher.namen():
            if naam.startswith("schema_"):  # further indexes (full-text, ...), IF NOT EXISTS
                self._voer_uit(cypher.laad(naam))
        self.upsert_knopen(model.leefgebied_knopen())

    def upsert_knopen(self, knopen: Iterable[Knoop]) -> int:
        per_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for k in knopen:
            per_label[k.label].append({"id": k.id, "props": k.eigenschappen})
        gevraagd = {r["id"]: label for label, rijen in per_label.items() for r in rijen}
        for id_, label in self.labels_van(gevraagd).items():
            if gevraagd[id_] != label:
                raise OngeldigeInvoer(f"sleutel {id_!r} is al in gebruik voor een {label}")
        return sum(
            self._schrijf(cypher.sjabloon("knopen_upsert", label=label), rijen)
            for label, rijen in sorted(per_label.items())
        )

    def upsert_relaties(self, relaties: Iterable[Relatie]) -> int:
        per_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in relaties:
            per_type[r.type].append(
                {
                    "van": r.van,
                    "naar": r.naar,
                    "bron": r.bron,
                    "bevestigd_op": r.bevestigd_op,
                    "props": r.eigenschappen,
                }
            )
        return sum(
            self._schrijf(cypher.sjabloon("relaties_upsert", type=soort), rijen)
            for soort, rijen in sorted(per_type.items())
        )

    def wissen(self) -> None:
        self._voer_uit(cypher.laad("wissen"))  # relationships first, then the nodes
        self._voer_uit(cypher.laad("wissen_knopen"))

    # --- reading ------------------------------------------------------------------------
    def labels_van(self, ids: Iterable[str]) -> dict[str, str]:
        uit: dict[str, str] = {}
        for stuk in _in_stukken(ids, self.batch):
            uit.update({r["id"]: r["label"] for r in self._lees("labels_van", ids=stuk)})
        return uit

    def knoop(self, id: str) -> Knoop | None:
        rijen = self._lees("knoop", id=id)
        if not rijen:
            return None
        props = dict(rijen[0]["props"])
        props.pop("id", None)
        return Knoop(rijen[0]["label"], id, props)

    def tellingen(self) -> dict[str, dict[str, int]]:
        knopen = {r["label"]: r["aantal"] for r in self._lees("tellingen_knopen")}
        relaties = {r["type"]: r["aantal"] for r in self._lees("tellingen_relaties")}
        return self._volledige_tellingen(knopen, relaties)

    def export(self, pagina: int = 5000) -> Iterator[dict[str, Any]]:
        na = ""
        relaties: list[dict[str, Any]] = []
        while rijen := self._lees("export_knopen", na=na, aantal=pagina):
            for r in rijen:
                props = dict(r["props"])
                id_ = props.pop("id")
                yield {"knoop": {"label": r["label"], "id": id_, **dict(sorted(props.items()))}}
            ids = [r["props"]["id"] for r in rijen]
            for r in self._lees("export_relaties", ids=ids):
                relaties.append(
                    {
                        "van": r["van"],
                        "type": r["type"],
                        "naar": r["naar"],
                        **dict(sorted(r["props"].items())),
                    }
                )
            na = ids[-1]
        for r in sorted(relaties, key=self._relatie_sleutel):
            yield {"relatie": r}

    def bereikbaar(self) -> bool:
        try:
            self.driver.verify_connectivity()
        except Exception:  # noqa: BLE001 - any failure means "not reachable" for a health check
            return False
        return True

    # --- questions ----------------------------------------------------------------------
    def vraag(self, naam: str, **params: Any) -> dict[str, Any]:
        module = analyse.vraagmodule(naam)
        query = module.cypher(**params) if hasattr(module, "cypher") else cypher.laad(module.CYPHER)
        extra = module.parameters(**params) if hasattr(module, "parameters") else {}
        rijen = self._lees_query(query, **{**params, **extra})
        return module.antwoord(module.feiten_uit_neo4j(rijen, **params), **params)
