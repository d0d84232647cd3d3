"""Households: pseudonymised at ingest, answered only in aggregate with small-cell suppression."""

from __future__ import annotations

import json
import logging

import pytest
from click.testing import CliRunner

from ingest import demo, huishoudens
from netwerk.fouten import NietGevonden, OngeldigeInvoer
from wijkgraaf.cli import main

SLEUTEL = b"test-sleutel-van-voldoende-lengte"
RUWE_IDS = ["HH-JANSEN-0001", "HH-DEVRIES-0002", "HH-BAKKER-0003"]


def _csv(tmp_path, regels):
    pad = tmp_path / "huishoudens.csv"
    pad.write_text("huishouden,team,regisseur,wijk\n" + "\n".join(regels) + "\n", encoding="utf-8")
    return pad


@pytest.fixture
def noord(store, tmp_path):
    demo.importeer(store, voortgang=False)
    regels = []
    for hh in RUWE_IDS:  # three households, each with the jeugdteam and the sociaal team
        regels += [f"{hh},demo-jt-noord,nee,WK051305", f"{hh},demo-st-noord,nee,BU05130500"]
    for i in range(6):  # six more, only the sociaal team, as regisseur
        regels.append(f"HH-ANDER-{i:04d},demo-st-noord,ja,WK051305")
    rapport = huishoudens.importeer(
        store, _csv(tmp_path, regels), sleutel=SLEUTEL, datum="2026-11-01", voortgang=False
    )
    assert rapport.in_orde, rapport.regels()
    return store


def test_drie_wordt_kleiner_dan_vijf(noord):
    a = noord.huishoudens("WK051305")
    assert a["huishoudens"] == 9
    assert a["met_meerdere_teams"] == "<5"  # exactly 3, never shown
    assert a["zonder_regisseur"] == "<5"
    assert a["met_meer_dan_een_regisseur"] == "<5"
    per_team = {t["team"]["id"]: t for t in a["per_team"]}
    assert per_team["demo-st-noord"]["huishoudens"] == 9
    assert per_team["demo-st-noord"]["als_regisseur"] == 6
    assert per_team["demo-jt-noord"]["huishoudens"] == "<5"
    assert "hh-" not in json.dumps(a)  # no pseudonym leaves the store


def test_ruwe_ids_nergens(noord, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    noord.huishoudens("WK051305")
    export = json.dumps(list(noord.export()))
    for ruw in RUWE_IDS:
        assert ruw not in export
        assert ruw not in caplog.text
        uit = capsys.readouterr()
        assert ruw not in uit.out and ruw not in uit.err
    assert export.count('"label": "Huishouden"') == 9


def test_andere_wijk_en_onbekende_wijk(noord):
    a = noord.huishoudens("WK051301")
    assert a["huishoudens"] == "<5" and a["per_team"] == []
    with pytest.raises(NietGevonden):
        noord.huishoudens("WK999999")


def test_foute_rijen_noemen_geen_ruwe_id(geheugen_store, tmp_path):
    demo.importeer(geheugen_store, voortgang=False)
    pad = _csv(
        tmp_path,
        [
            "HH-GEHEIM-1,bestaat-niet,ja,WK051305",
            "HH-GEHEIM-2,demo-st-noord,misschien,WK051305",
            "HH-GEHEIM-3,demo-st-noord,ja,WK999999",
            ",demo-st-noord,ja,WK051305",
        ],
    )
    rapport = huishoudens.importeer(geheugen_store, pad, sleutel=SLEUTEL, voortgang=False)
    regels = [str(a).removeprefix(f"{tmp_path}/") for a in rapport.afgewezen]
    assert regels == [
        "huishoudens.csv:2: team: onbekend team 'bestaat-niet'",
        "huishoudens.csv:3: regisseur: verwacht ja of nee",
        "huishoudens.csv:4: wijk: onbekende CBS-wijk- of buurtcode 'WK999999'",
        "huishoudens.csv:5: huishouden: ontbreekt",
    ]
    assert "GEHEIM" not in "\n".join(regels)


def test_zonder_sleutel_geen_import(geheugen_store, tmp_path, monkeypatch):
    monkeypatch.delenv(huishoudens.SLEUTEL_VARIABELE, raising=False)
    with pytest.raises(OngeldigeInvoer, match="WIJKGRAAF_PSEUDONIEM_SLEUTEL"):
        huishoudens.importeer(geheugen_store, _csv(tmp_path, ["a,b,ja,WK051305"]))


def test_pseudoniem_hangt_af_van_sleutel():
    assert huishoudens.pseudoniem("x", SLEUTEL) != huishoudens.pseudoniem("x", b"x" * 16)


def test_cli(tmp_path, monkeypatch):
    monkeypatch.setenv("WIJKGRAAF_DATA", str(tmp_path / "data"))
    monkeypatch.setenv(huishoudens.SLEUTEL_VARIABELE, SLEUTEL.decode())
    runner = CliRunner()
    assert runner.invoke(main, ["demo"]).exit_code == 0
    pad = _csv(tmp_path, [f"{hh},demo-jt-noord,ja,WK051305" for hh in RUWE_IDS])
    r = runner.invoke(main, ["ingest", "huishoudens", str(pad)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(main, ["vraag", "huishoudens", "WK051305", "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["huishoudens"] == "<5"
    assert not any(ruw in r.output for ruw in RUWE_IDS)
    opslag = (tmp_path / "data" / "graaf.json").read_text()
    assert not any(ruw in opslag for ruw in RUWE_IDS)
