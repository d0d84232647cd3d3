"""Backup and move: the whole graph as JSON Lines, with provenance, and back.

``wijkgraaf export alles`` writes a header line ``{"formaat": "wijkgraaf-dump/1"}``, then one
line per node (``{"knoop": {...}}``, in key order) and per relationship (``{"relatie": {...}}``,
with ``bron`` and ``bevestigd_op``). ``wijkgraaf ingest alles`` reads it into any store. Both
stores export the same graph as the same bytes, so memory -> dump -> Neo4j -> dump gives two
identical files; this is also how a user grows from the embedded store to Neo4j.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from tqdm import tqdm

from ingest.rapport import BATCH, Afwijzing, Rapport, _uit
from netwerk.fouten import OngeldigeInvoer
from netwerk.model import Knoop, Relatie
from netwerk.stores.basis import GraphStore

FORMAAT = "wijkgraaf-dump/1"


def dump_regels(store: GraphStore) -> Iterator[str]:
    """The dump, line by line (without newlines)."""
    yield json.dumps({"formaat": FORMAAT})
    for record in store.export():
        yield json.dumps(record, ensure_ascii=False, sort_keys=False, separators=(",", ":"))


def exporteer(store: GraphStore, uit: IO[str]) -> int:
    """Write the dump to a text stream; returns the number of records."""
    n = -1
    for n, regel in enumerate(dump_regels(store)):  # noqa: B007 - n counts the lines
        uit.write(regel + "\n")
    return n


def importeer(store: GraphStore, pad: Path, *, voortgang: bool | None = None) -> Rapport:
    """Restore a dump into ``store`` (nodes, then relationships, in batches). Idempotent."""
    rapport = Rapport()
    knopen: list[Knoop] = []
    relaties: list[Relatie] = []
    store.initialiseer()
    with (
        pad.open(encoding="utf-8") as f,
        tqdm(desc="herstellen", unit="regel", disable=_uit(voortgang)) as balk,
    ):
        kop = f.readline()
        try:
            if json.loads(kop).get("formaat") != FORMAAT:
                raise ValueError
        except ValueError:
            rapport.afgewezen.append(Afwijzing(f"{pad}:1", "formaat", f"geen {FORMAAT}-bestand"))
            return rapport
        for nr, regel in enumerate(f, start=2):
            try:
                record = json.loads(regel)
                if "knoop" in record:
                    k = dict(record["knoop"])
                    knopen.append(Knoop(k.pop("label"), k.pop("id"), k))
                    rapport.geladen[knopen[-1].label] += 1
                else:
                    r = dict(record["relatie"])
                    relaties.append(
                        Relatie(
                            r.pop("van"),
                            r.pop("type"),
                            r.pop("naar"),
                            r.pop("bron"),
                            r.pop("bevestigd_op"),
                            r,
                        )
                    )
                    rapport.geladen[relaties[-1].type] += 1
            except (ValueError, KeyError, TypeError, OngeldigeInvoer) as e:
                rapport.afgewezen.append(Afwijzing(f"{pad}:{nr}", "record", str(e)))
            if len(knopen) >= BATCH:
                store.upsert_knopen(knopen)
                balk.update(len(knopen))
                knopen = []
        store.upsert_knopen(knopen)
        balk.update(len(knopen))
        for i in range(0, len(relaties), BATCH):
            store.upsert_relaties(relaties[i : i + BATCH])
            balk.update(len(relaties[i : i + BATCH]))
    store.bewaar()
    return rapport
