"""Backup and move: memory -> dump -> Neo4j -> dump gives identical dumps (also at national
scale, marker ``schaal``), and a dump restores into an empty memory store."""

from __future__ import annotations

import io

import pytest

from ingest import alles, cbs, demo, genereer, tabel
from netwerk.stores.geheugen import MemoryStore


def _dump(store) -> str:
    uit = io.StringIO()
    alles.exporteer(store, uit)
    return uit.getvalue()


def _rondje(tmp_path, geheugen, neo4j_store) -> None:
    eerste = _dump(geheugen)
    pad = tmp_path / "dump.jsonl"
    pad.write_text(eerste, encoding="utf-8")
    rapport = alles.importeer(neo4j_store, pad, voortgang=False)
    assert rapport.in_orde, rapport.regels()[:5]
    tweede = _dump(neo4j_store)
    assert tweede.count("\n") == eerste.count("\n")
    assert tweede == eerste
    terug = MemoryStore(tmp_path / "terug.json")
    alles.importeer(terug, pad, voortgang=False)
    assert _dump(terug) == eerste


def test_dump_herstelt_in_geheugen(tmp_path):
    bron = MemoryStore()
    demo.importeer(bron, voortgang=False)
    pad = tmp_path / "dump.jsonl"
    pad.write_text(_dump(bron), encoding="utf-8")
    doel = MemoryStore()
    rapport = alles.importeer(doel, pad, voortgang=False)
    assert rapport.in_orde and _dump(doel) == _dump(bron)
    assert doel.overlappende_teams("WK051305") == bron.overlappende_teams("WK051305")
    alles.importeer(doel, pad, voortgang=False)  # idempotent
    assert doel.tellingen() == bron.tellingen()


def test_kapotte_dump_wordt_gemeld(tmp_path):
    pad = tmp_path / "dump.jsonl"
    pad.write_text('{"formaat": "wijkgraaf-dump/1"}\n{"knoop": {"label": "Team"}}\nkapot\n')
    rapport = alles.importeer(MemoryStore(), pad, voortgang=False)
    assert [a.plaats for a in rapport.afgewezen] == [f"{pad}:2", f"{pad}:3"]
    pad.write_text("iets anders\n")
    assert alles.importeer(MemoryStore(), pad, voortgang=False).afgewezen[0].veld == "formaat"


@pytest.mark.neo4j
def test_rondje_geheugen_neo4j_klein(tmp_path, neo4j_store):
    geheugen = MemoryStore()
    demo.importeer(geheugen, voortgang=False)
    _laad(geheugen, genereer.genereer(seed=3, schaal="klein"), tmp_path)
    _rondje(tmp_path, geheugen, neo4j_store)


def _laad(store, landschap, tmp_path) -> None:
    cbs.importeer(store, voortgang=False)
    rapport = tabel.importeer(
        store, genereer.schrijf(landschap, tmp_path / "csv"), datum="2026-11-01", voortgang=False
    )
    assert rapport.in_orde, rapport.regels()[:5]


@pytest.mark.neo4j
@pytest.mark.schaal
def test_rondje_geheugen_neo4j_land(tmp_path, neo4j_store):
    geheugen = MemoryStore()
    landschap = genereer.genereer(seed=1, schaal="land")
    assert genereer.samenvatting(landschap)["entiteiten"] > 100_000
    _laad(geheugen, landschap, tmp_path)
    assert sum(geheugen.tellingen()["relaties"].values()) > 500_000
    _rondje(tmp_path, geheugen, neo4j_store)
