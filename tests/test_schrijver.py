"""The ingest writer (``ingest.rapport.Schrijver``): batches written while the producer goes on
(on Neo4j from a background thread), nodes always before the relationships made after them, and
a write error stopping the import instead of being lost."""

from __future__ import annotations

import threading

import pytest

from ingest.rapport import Schrijver
from netwerk import model
from netwerk.fouten import OngeldigeInvoer
from netwerk.model import Knoop, Relatie

DATUM = "2026-11-01"


def _org(i: int) -> Knoop:
    return Knoop(model.ORGANISATIE, f"org-{i}", {"naam": f"Organisatie {i}", "rol": "welzijn"})


def _aanbod(i: int) -> Knoop:
    return Knoop(model.AANBOD, f"aanbod-{i}", {"naam": f"Aanbod {i}", "vorm": "collectief"})


def test_knopen_gaan_voor_de_relaties_die_erna_komen(store):
    """Nodes and relationships interleaved, in batches of 3 of each label and type: every
    relationship finds both ends, and everything is there at the end."""
    with Schrijver(store, voortgang=False, batch=3) as uit:
        for i in range(40):
            uit.knoop(_org(i))
            uit.knoop(_aanbod(i))
            uit.relatie(Relatie(f"org-{i}", model.BIEDT_AAN, f"aanbod-{i}", "test", DATUM))
            uit.relatie(
                Relatie(f"aanbod-{i}", model.RICHT_ZICH_OP, "sociaal-netwerk", "test", DATUM)
            )
    t = store.tellingen()
    assert t["knopen"][model.ORGANISATIE] == 40
    assert t["knopen"][model.AANBOD] == 40
    assert t["relaties"][model.BIEDT_AAN] == 40
    assert t["relaties"][model.RICHT_ZICH_OP] == 40


def test_schrijffout_komt_bij_de_producent(store):
    """A relationship to a node that does not exist fails its batch; the error reaches the
    producer (at a later call or on leaving the block), it is not swallowed by the thread."""
    with pytest.raises(OngeldigeInvoer, match="bestaa"):
        with Schrijver(store, voortgang=False, batch=2) as uit:
            uit.relatie(Relatie("org-x", model.BIEDT_AAN, "aanbod-x", "test", DATUM))
            uit.relatie(Relatie("org-y", model.BIEDT_AAN, "aanbod-y", "test", DATUM))
            for i in range(20):  # the producer goes on; one of these calls (or the exit) raises
                uit.knoop(_org(i))
    assert store.tellingen()["relaties"].get(model.BIEDT_AAN, 0) == 0


def test_fout_van_de_producent_stopt_het_schrijven(store):
    """When the producer fails, what was not yet queued is not written and the writer stops
    (no thread is left behind)."""
    voor = threading.active_count()
    with pytest.raises(RuntimeError, match="kapot"):
        with Schrijver(store, voortgang=False, batch=5) as uit:
            for i in range(7):
                uit.knoop(_org(i))
            raise RuntimeError("kapot")
    assert store.tellingen()["knopen"].get(model.ORGANISATIE, 0) == 5  # the one full batch
    assert threading.active_count() == voor


def test_op_neo4j_schrijft_een_achtergronddraad(neo4j_store, geheugen_store, monkeypatch):
    """The network store is written from a background thread, the memory store in place."""
    draden = []
    origineel = type(neo4j_store).upsert_knopen

    def upsert(self, knopen):
        draden.append(threading.current_thread() is threading.main_thread())
        return origineel(self, knopen)

    monkeypatch.setattr(type(neo4j_store), "upsert_knopen", upsert)
    with Schrijver(neo4j_store, voortgang=False, batch=2) as uit:
        for i in range(4):
            uit.knoop(_org(i))
    assert draden == [False, False]
    assert neo4j_store.schrijvers > 0 and geheugen_store.schrijvers == 0
