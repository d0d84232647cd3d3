"""What an import did: counts of what was loaded, and every rejected record with its reason."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TypeVar

from tqdm import tqdm

from netwerk.model import Knoop, Relatie
from netwerk.stores.basis import GraphStore

T = TypeVar("T")
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


def _stukken(rijen: Iterable[T], grootte: int) -> Iterator[list[T]]:
    it = iter(rijen)
    while stuk := list(islice(it, grootte)):
        yield stuk


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
    with tqdm(
        total=len(knopen) + len(relaties), desc=omschrijving, unit="rij", disable=_uit(voortgang)
    ) as balk:
        for stuk in _stukken(knopen, BATCH):
            store.upsert_knopen(stuk)
            balk.update(len(stuk))
        for stuk in _stukken(relaties, BATCH):
            store.upsert_relaties(stuk)
            balk.update(len(stuk))
    store.bewaar()


def _uit(voortgang: bool | None) -> bool | None:
    return None if voortgang is None else not voortgang
