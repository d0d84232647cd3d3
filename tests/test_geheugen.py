"""The memory store's file: atomic saves, reloading what another process saved."""

from __future__ import annotations

import json
import os

import pytest

from netwerk import model
from netwerk.fouten import StoreOnbereikbaar
from netwerk.model import Knoop
from netwerk.stores.geheugen import MemoryStore


def _team(i: str) -> Knoop:
    return Knoop(model.TEAM, i, {"naam": i.upper(), "soort": "jeugdteam"})


def test_opslaan_en_laden(tmp_path):
    pad = tmp_path / "graaf.json"
    a = MemoryStore(pad)
    a.initialiseer()
    a.upsert_knopen([_team("t1")])
    a.bewaar()
    b = MemoryStore(pad)
    assert list(b.export()) == list(a.export())


def test_mislukte_opslag_laat_vorige_versie_heel(tmp_path, monkeypatch):
    pad = tmp_path / "graaf.json"
    store = MemoryStore(pad)
    store.upsert_knopen([_team("t1")])
    store.bewaar()
    vorige = pad.read_bytes()
    store.upsert_knopen([_team("t2")])

    def crash(*args, **kwargs):
        raise OSError("schijf vol")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        store.bewaar()
    assert pad.read_bytes() == vorige
    assert [p.name for p in tmp_path.iterdir()] == ["graaf.json"]  # no temp file left


def test_ziet_wat_een_ander_proces_bewaarde(tmp_path):
    pad = tmp_path / "graaf.json"
    lezer = MemoryStore(pad)
    assert lezer.knoop("t1") is None
    schrijver = MemoryStore(pad)
    schrijver.upsert_knopen([_team("t1")])
    schrijver.bewaar()
    assert lezer.knoop("t1") == _team("t1")


def test_kapot_bestand_geeft_duidelijke_fout(tmp_path):
    pad = tmp_path / "graaf.json"
    pad.write_text(json.dumps({"formaat": "iets anders"}))
    with pytest.raises(StoreOnbereikbaar, match="geen Wijkgraaf-bestand"):
        MemoryStore(pad)
