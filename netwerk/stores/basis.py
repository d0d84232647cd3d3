"""The one GraphStore interface, in domain terms. ingest/ and api/ know only this."""

from __future__ import annotations

import abc
from collections.abc import Iterable, Iterator
from typing import Any

from netwerk import model
from netwerk.model import Knoop, Relatie


class GraphStore(abc.ABC):
    """A Wijkgraaf graph store. Both implementations give identical answers."""

    #: Short name shown in health checks and logs.
    soort: str = "?"

    # --- writing ------------------------------------------------------------------------
    #: How many relationship batches ingest may write at once from background threads
    #: (``ingest.rapport.Schrijver``); 0: write in place (a store in this process).
    schrijvers = 0

    @abc.abstractmethod
    def initialiseer(self) -> None:
        """Make the store ready: keys/constraints and the fixed Leefgebied taxonomy. Idempotent."""

    @abc.abstractmethod
    def upsert_knopen(self, knopen: Iterable[Knoop]) -> int:
        """Create or update nodes (properties given are set; others kept). Returns the count."""

    @abc.abstractmethod
    def upsert_relaties(self, relaties: Iterable[Relatie]) -> int:
        """Create or update relationships, one per (van, type, naar, bron). Both ends must
        exist with labels the type allows (ingest checks this first). Returns the count."""

    @abc.abstractmethod
    def wissen(self) -> None:
        """Delete the whole graph."""

    def bewaar(self) -> None:
        """Make what was written durable (a no-op where every write already is)."""

    def sluit(self) -> None:
        """Release resources held by the store object (not a shared driver)."""

    # --- reading ------------------------------------------------------------------------
    @abc.abstractmethod
    def labels_van(self, ids: Iterable[str]) -> dict[str, str]:
        """The label of every existing node among ``ids`` (missing ones are left out)."""

    @abc.abstractmethod
    def knoop(self, id: str) -> Knoop | None:
        """One node by key, or None."""

    @abc.abstractmethod
    def tellingen(self) -> dict[str, dict[str, int]]:
        """Node counts per label and relationship counts per type (every label/type listed)."""

    @abc.abstractmethod
    def export(self) -> Iterator[dict[str, Any]]:
        """The whole graph as records ``{"knoop": {...}}`` then ``{"relatie": {...}}``, each
        group in key order, so two stores holding the same graph export the same lines."""

    @abc.abstractmethod
    def bereikbaar(self) -> bool:
        """Whether the store answers right now (for health checks)."""

    # --- questions ----------------------------------------------------------------------
    @abc.abstractmethod
    def vraag(self, naam: str, **params: Any) -> dict[str, Any]:
        """Answer the question ``naam`` (a module of :mod:`netwerk.analyse`, see
        :data:`netwerk.analyse.VRAGEN`). Each store gathers the facts its own way (networkx or
        Cypher); the answer is computed from them by the question's shared ``antwoord``."""

    def overlappende_teams(self, wijk: str) -> dict[str, Any]:
        """See :mod:`netwerk.analyse.overlap`. Raises NietGevonden for an unknown wijk."""
        return self.vraag("overlap", wijk=wijk)

    def nuldelijn_gaten(
        self, wijk: str, per_lijst: int | None = None, leefgebied: str | None = None
    ) -> dict[str, Any]:
        """See :mod:`netwerk.analyse.nuldelijn`. Raises NietGevonden for an unknown wijk."""
        return self.vraag("nuldelijn", wijk=wijk, per_lijst=per_lijst, leefgebied=leefgebied)

    def collectieve_alternatieven(
        self,
        wijk: str,
        aanbod: str | None = None,
        leefgebied: str | None = None,
        doelgroep: str | None = None,
        pagina: int | None = None,
        per_pagina: int | None = None,
    ) -> dict[str, Any]:
        """See :mod:`netwerk.analyse.alternatieven` (one page of the alternatives)."""
        return self.vraag(
            "alternatieven",
            wijk=wijk,
            aanbod=aanbod,
            leefgebied=leefgebied,
            doelgroep=doelgroep,
            pagina=pagina,
            per_pagina=per_pagina,
        )

    def zoek_aanbod(self, **params: Any) -> dict[str, Any]:
        """See :mod:`netwerk.analyse.zoek`: tekst, leefgebied, doelgroep, vorm, gebied, pagina,
        per_pagina."""
        return self.vraag("zoek", **params)

    def zichtbaarheid(self, organisatie: str) -> dict[str, Any]:
        """See :mod:`netwerk.analyse.zichtbaarheid`."""
        return self.vraag("zichtbaarheid", organisatie=organisatie)

    def landschap(self, gemeente: str) -> dict[str, Any]:
        """See :mod:`netwerk.analyse.landschap`."""
        return self.vraag("landschap", gemeente=gemeente)

    def doorsneden_wijken(self, gemeente: str) -> dict[str, Any]:
        """See :mod:`netwerk.analyse.grenzen`: where werkgebieden cut through CBS wijken."""
        return self.vraag("grenzen", gemeente=gemeente)

    def huishoudens(self, wijk: str) -> dict[str, Any]:
        """See :mod:`netwerk.analyse.huishoudens`: aggregates only, small cells suppressed."""
        return self.vraag("huishoudens", wijk=wijk)

    # --- helpers shared by both stores ----------------------------------------------------
    @staticmethod
    def _volledige_tellingen(
        knopen: dict[str, int], relaties: dict[str, int]
    ) -> dict[str, dict[str, int]]:
        return {
            "knopen": {label: knopen.get(label, 0) for label in model.LABELS},
            "relaties": {soort: relaties.get(soort, 0) for soort in model.RELATIES},
        }

    @staticmethod
    def _relatie_sleutel(r: dict[str, Any]) -> tuple[str, str, str, str]:
        return (r["van"], r["type"], r["naar"], r["bron"])
