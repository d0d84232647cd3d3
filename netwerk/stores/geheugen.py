"""The embedded default store: a networkx MultiDiGraph, persisted to one JSON file.

Writes to the file are atomic (a temp file in the same directory, fsync, rename), so a crash
in the middle of a save leaves the previous complete version, never a torn file. Another
process that saved the file is noticed on the next read (the file's mtime and size), so a
server sees what ``wijkgraaf ingest`` loaded. One process writes at a time.
"""

from __future__ import annotations

import json
import os
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from netwerk import analyse, model
from netwerk.bestanden import schrijf_atomisch
from netwerk.fouten import OngeldigeInvoer, StoreOnbereikbaar
from netwerk.model import Knoop, Relatie
from netwerk.stores.basis import GraphStore

FORMAAT = "wijkgraaf-geheugen/1"


class MemoryStore(GraphStore):
    """networkx graph in memory; with ``pad`` it is loaded from and saved to that JSON file."""

    soort = "geheugen"

    def __init__(self, pad: str | os.PathLike[str] | None = None) -> None:
        self.pad = Path(pad) if pad is not None else None
        self.G = nx.MultiDiGraph()
        self._lock = threading.RLock()
        self._stempel: tuple[int, int] | None = None
        self._laad_als_gewijzigd()

    # --- persistence ------------------------------------------------------------------------
    def _bestand_stempel(self) -> tuple[int, int] | None:
        try:
            st = self.pad.stat() if self.pad else None
        except FileNotFoundError:
            return None
        return (st.st_mtime_ns, st.st_size) if st else None

    def _laad_als_gewijzigd(self) -> None:
        if self.pad is None:
            return
        stempel = self._bestand_stempel()
        if stempel is None or stempel == self._stempel:
            return
        with self._lock:
            try:
                data = json.loads(self.pad.read_text(encoding="utf-8"))
            except (OSError, ValueError) as e:
                raise StoreOnbereikbaar(f"kan {self.pad} niet lezen: {e}") from e
            if data.get("formaat") != FORMAAT:
                raise StoreOnbereikbaar(f"{self.pad} is geen Wijkgraaf-bestand ({FORMAAT})")
            G = nx.MultiDiGraph()
            for k in data["knopen"]:
                k = dict(k)
                G.add_node(k.pop("id"), **k)
            for r in data["relaties"]:
                r = dict(r)
                van, naar = r.pop("van"), r.pop("naar")
                G.add_edge(van, naar, key=f"{r['type']}|{r['bron']}", **r)
            self.G = G
            self._stempel = stempel

    def bewaar(self) -> None:
        """Write the graph to the file atomically (temp file + fsync + rename)."""
        if self.pad is None:
            return
        with self._lock:
            data = {
                "formaat": FORMAAT,
                "knopen": [r["knoop"] for r in self.export() if "knoop" in r],
                "relaties": [r["relatie"] for r in self.export() if "relatie" in r],
            }
            schrijf_atomisch(
                self.pad,
                lambda f: json.dump(data, f, ensure_ascii=False, separators=(",", ":")),
            )
            self._stempel = self._bestand_stempel()

    # --- writing ------------------------------------------------------------------------
    def initialiseer(self) -> None:
        self.upsert_knopen(model.leefgebied_knopen())

    def upsert_knopen(self, knopen: Iterable[Knoop]) -> int:
        n = 0
        with self._lock:
            for k in knopen:
                bestaand = self.G.nodes.get(k.id)
                if bestaand is not None and bestaand["label"] != k.label:
                    raise OngeldigeInvoer(
                        f"sleutel {k.id!r} is al in gebruik voor een {bestaand['label']}"
                    )
                if bestaand is None:
                    self.G.add_node(k.id, label=k.label)
                self.G.nodes[k.id].update(k.eigenschappen)
                n += 1
        return n

    def upsert_relaties(self, relaties: Iterable[Relatie]) -> int:
        n = 0
        with self._lock:
            for r in relaties:
                van, naar = self.G.nodes.get(r.van), self.G.nodes.get(r.naar)
                if van is None or naar is None:
                    ontbreekt = r.van if van is None else r.naar
                    raise OngeldigeInvoer(f"{r.type}: knoop {ontbreekt!r} bestaat niet")
                if not r.past_bij(van["label"], naar["label"]):
                    raise OngeldigeInvoer(
                        f"{r.type} kan niet van {van['label']} naar {naar['label']}"
                    )
                sleutel = f"{r.type}|{r.bron}"
                if self.G.has_edge(r.van, r.naar, sleutel):
                    attrs = self.G.edges[r.van, r.naar, sleutel]
                    attrs["bevestigd_op"] = r.bevestigd_op
                    attrs.update(r.eigenschappen)
                else:
                    self.G.add_edge(
                        r.van,
                        r.naar,
                        key=sleutel,
                        type=r.type,
                        bron=r.bron,
                        bevestigd_op=r.bevestigd_op,
                        **r.eigenschappen,
                    )
                n += 1
        return n

    def wissen(self) -> None:
        with self._lock:
            self.G = nx.MultiDiGraph()

    # --- reading ------------------------------------------------------------------------
    def graaf(self) -> nx.MultiDiGraph:
        """The current graph (reloaded first if another process saved the file)."""
        self._laad_als_gewijzigd()
        return self.G

    def labels_van(self, ids: Iterable[str]) -> dict[str, str]:
        G = self.graaf()
        return {i: G.nodes[i]["label"] for i in ids if i in G}

    def knoop(self, id: str) -> Knoop | None:
        G = self.graaf()
        if id not in G:
            return None
        attrs = dict(G.nodes[id])
        return Knoop(attrs.pop("label"), id, attrs)

    def tellingen(self) -> dict[str, dict[str, int]]:
        G = self.graaf()
        knopen = Counter(label for _, label in G.nodes(data="label"))
        relaties = Counter(soort for _, _, soort in G.edges(data="type"))
        return self._volledige_tellingen(knopen, relaties)

    def export(self) -> Iterator[dict[str, Any]]:
        G = self.graaf()
        for n in sorted(G.nodes):
            attrs = G.nodes[n]
            yield {"knoop": {"label": attrs["label"], "id": n, **_zonder(attrs, "label")}}
        rijen = [{"van": u, "naar": v, **d} for u, v, d in G.edges(data=True)]
        for r in sorted(rijen, key=self._relatie_sleutel):
            yield {
                "relatie": {k: r[k] for k in ("van", "type", "naar")}
                | _zonder(r, "van", "type", "naar")
            }

    def bereikbaar(self) -> bool:
        try:
            self._laad_als_gewijzigd()
        except StoreOnbereikbaar:
            return False
        return True

    # --- questions ----------------------------------------------------------------------
    def vraag(self, naam: str, **params: Any) -> dict[str, Any]:
        module = analyse.vraagmodule(naam)
        return module.antwoord(module.feiten(self.graaf(), **params), **params)


def _zonder(d: dict[str, Any], *sleutels: str) -> dict[str, Any]:
    return {k: d[k] for k in sorted(d) if k not in sleutels}
