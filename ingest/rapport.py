"""What an import did: counts of what was loaded, and every rejected record with its reason."""

from __future__ import annotations

import queue
import threading
from collections import Counter, defaultdict
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any

from tqdm import tqdm

from netwerk.model import Knoop, Relatie
from netwerk.stores.basis import GraphStore

BATCH = 10_000


@dataclass(frozen=True)
class Afwijzing:
    """One rejected record: where (``file:line`` or ``file:record``), which field, and why."""

    plaats: str
    veld: str
    reden: str

    def __str__(self) -> str:
        return f"{self.plaats}: {self.veld}: {self.reden}"


@dataclass
class Rapport:
    geladen: Counter[str] = field(default_factory=Counter)
    afgewezen: list[Afwijzing] = field(default_factory=list)

    @property
    def in_orde(self) -> bool:
        return not self.afgewezen

    def regels(self) -> list[str]:
        uit = [str(a) for a in self.afgewezen]
        geladen = ", ".join(f"{n} {soort}" for soort, n in sorted(self.geladen.items()))
        uit.append(f"geladen: {geladen or 'niets'}; afgewezen: {len(self.afgewezen)}")
        return uit

    def als_dict(self) -> dict:
        return {
            "geladen": dict(sorted(self.geladen.items())),
            "afgewezen": [
                {"plaats": a.plaats, "veld": a.veld, "reden": a.reden} for a in self.afgewezen
            ],
        }


def schrijf(
    store: GraphStore,
    knopen: list[Knoop],
    relaties: list[Relatie],
    *,
    voortgang: bool | None = None,
    omschrijving: str = "laden",
) -> None:
    """Write nodes then relationships in batches, with a progress bar on a terminal
    (``voortgang=None``: only when stderr is a terminal)."""
    with Schrijver(
        store, voortgang=voortgang, omschrijving=omschrijving, totaal=len(knopen) + len(relaties)
    ) as uit:
        for k in knopen:
            uit.knoop(k)
        for r in relaties:
            uit.relatie(r)


_KLAAR = object()


class Schrijver:
    """Writes nodes and relationships in batches (one label or type per batch) while the caller
    goes on producing them: validation of the next records overlaps the server's work on the
    previous batch.

    On a store that writes over the network (:attr:`GraphStore.schrijvers` > 0) a background
    thread takes the batches in the order they were queued: node batches it writes itself, one
    after the other; full relationship batches it hands to up to ``schrijvers`` threads at once
    (their transactions may meet on a busy node: the driver retries a deadlock after about a
    second, rare in a bulk import), smaller ones (a small import, the rest) it writes itself.
    Every node batch waiting is queued before a relationship batch, and a node batch is written
    before any batch queued after it is started, so a relationship is never written before the
    nodes produced before it.
    Elsewhere batches are written in place, in order. The queue is short, so memory stays
    bounded. The first write error stops the writing and is raised in the producer
    (at its next call, or on leaving the ``with`` block); the store is saved (``bewaar``) only
    when everything was written.
    """

    def __init__(
        self,
        store: GraphStore,
        *,
        voortgang: bool | None = None,
        omschrijving: str = "laden",
        totaal: int | None = None,
        batch: int = BATCH,
    ) -> None:
        self.store = store
        self.batch = batch
        self._knopen: dict[str, list[Knoop]] = defaultdict(list)
        self._relaties: dict[str, list[Relatie]] = defaultdict(list)
        self._balk = tqdm(total=totaal, desc=omschrijving, unit="rij", disable=_uit(voortgang))
        self._fout: BaseException | None = None
        self._rij: queue.Queue[Any] | None = None
        self._draad: threading.Thread | None = None
        self.schrijvers = getattr(store, "schrijvers", 0)
        if self.schrijvers > 0:
            self._rij = queue.Queue(maxsize=2 + self.schrijvers)
            self._draad = threading.Thread(target=self._schrijf_op_achtergrond, daemon=True)
            self._draad.start()

    # --- producing ---------------------------------------------------------------------
    def knoop(self, k: Knoop) -> None:
        rij = self._knopen[k.label]
        rij.append(k)
        if len(rij) >= self.batch:
            self._stuur("knopen", self._knopen.pop(k.label))

    def relatie(self, r: Relatie) -> None:
        rij = self._relaties[r.type]
        rij.append(r)
        if len(rij) >= self.batch:
            self._spoel_knopen()
            self._stuur("relaties", self._relaties.pop(r.type))

    def _spoel_knopen(self) -> None:
        for label in sorted(self._knopen):
            self._stuur("knopen", self._knopen.pop(label))

    def _stuur(self, soort: str, stuk: list[Any]) -> None:
        if self._fout is not None:
            raise self._fout
        if self._rij is None:
            self._schrijf(soort, stuk)
            return
        self._rij.put((soort, stuk))

    # --- writing -----------------------------------------------------------------------
    def _schrijf(self, soort: str, stuk: list[Any]) -> None:
        if soort == "knopen":
            self.store.upsert_knopen(stuk)
        else:
            self.store.upsert_relaties(stuk)
        self._balk.update(len(stuk))

    def _probeer(self, soort: str, stuk: list[Any]) -> None:
        if self._fout is not None:
            return
        try:
            self._schrijf(soort, stuk)
        except BaseException as e:  # noqa: BLE001 - handed to the producer
            self._fout = self._fout or e

    def _schrijf_op_achtergrond(self) -> None:
        assert self._rij is not None
        lopend: set[Future[None]] = set()
        with ThreadPoolExecutor(self.schrijvers, thread_name_prefix="schrijver") as pool:
            # after an error: only drain the queue, so the producer never blocks
            while (werk := self._rij.get()) is not _KLAAR:
                soort, stuk = werk
                if soort == "knopen":
                    self._probeer(soort, stuk)
                    continue
                if len(stuk) < self.batch:  # a small import, or the rest: one at a time, so
                    wait(lopend)  # small imports never wait for a deadlock retry (~1 s)
                    lopend = set()
                    self._probeer(soort, stuk)
                    continue
                if len(lopend) >= self.schrijvers:
                    _, lopend = wait(lopend, return_when=FIRST_COMPLETED)
                lopend.add(pool.submit(self._probeer, soort, stuk))
            wait(lopend)

    def sluit(self, *, bewaar: bool = True) -> None:
        """Write what is left, wait for the writer and raise its error if there was one.
        ``bewaar=False`` (the producer failed): write nothing more, only stop the writer."""
        try:
            if bewaar and self._fout is None:
                self._spoel_knopen()
                for soort in sorted(self._relaties):
                    self._stuur("relaties", self._relaties.pop(soort))
        finally:
            if self._rij is not None and self._draad is not None:
                self._rij.put(_KLAAR)
                self._draad.join()
            self._balk.close()
        if not bewaar:
            return
        if self._fout is not None:
            raise self._fout
        self.store.bewaar()

    def __enter__(self) -> Schrijver:
        return self

    def __exit__(self, soort: type | None, *_: Any) -> None:
        self.sluit(bewaar=soort is None)


def _uit(voortgang: bool | None) -> bool | None:
    return None if voortgang is None else not voortgang
