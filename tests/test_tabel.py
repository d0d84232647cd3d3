"""The exchange format: validation, error reports, references (memory store; no server)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from ingest import cbs, tabel
from netwerk import model
from netwerk.stores.geheugen import MemoryStore
from wijkgraaf.cli import main


@pytest.fixture(scope="module")
def gouda_records():
    return cbs.records(cbs.referentie(), ["GM0513"])


@pytest.fixture
def gouda(gouda_records):
    store = MemoryStore()
    store.initialiseer()
    store.upsert_knopen(gouda_records[0])
    store.upsert_relaties(gouda_records[1])
    return store


TEAMS_MET_DRIE_FOUTEN = """id,naam,soort,werkgebied,leefgebieden,doelgroepen,bevestigd_op
t1,Jeugdteam Noord,jeugdteam,WK051305,Huiselijke relaties,jeugd,2026-01-05
t2,Sociaal Team Noord,sociaal wijkteam,WK051305;BU05130500,Financiën;Verslaving,volwassenen,
t3,Team Fout,jeugdteam,WK999999,Financiën,jeugd,
t4,Team Fout Leefgebied,jeugdteam,WK051305,Gokken,jeugd,
t5,Team Foute Datum,jeugdteam,WK051305,Financiën,jeugd,2026-13-45
t6,Wmo-loket,Wmo-loket,GM0513,Basale ADL,ouderen,
"""


def test_drie_foute_rijen(gouda, tmp_path):
    pad = tmp_path / "teams.csv"
    pad.write_text(TEAMS_MET_DRIE_FOUTEN, encoding="utf-8")
    rapport = tabel.importeer(gouda, [pad], datum="2026-02-01", voortgang=False)
    assert [str(a) for a in rapport.afgewezen] == [
        f"{pad}:4: werkgebied: onbekende CBS-code WK999999",
        f"{pad}:5: leefgebieden: onbekend leefgebied 'Gokken'",
        f"{pad}:6: bevestigd_op: geen geldige datum (JJJJ-MM-DD): '2026-13-45'",
    ]
    assert rapport.geladen[model.TEAM] == 3
    assert gouda.labels_van(["t1", "t2", "t3", "t4", "t5", "t6"]) == {
        "t1": "Team",
        "t2": "Team",
        "t6": "Team",
    }
    assert gouda.knoop("t2") is not None
    # old ZRM name mapped; werkgebied at wijk and buurt level both kept
    relaties = {
        (r["relatie"]["type"], r["relatie"]["naar"])
        for r in gouda.export()
        if "relatie" in r and r["relatie"]["van"] == "t2"
    }
    assert ("RICHT_ZICH_OP", "middelengebruik") in relaties
    assert ("WERKT_IN", "BU05130500") in relaties and ("WERKT_IN", "WK051305") in relaties


def test_cli_drie_fouten_en_exitcode(tmp_path, monkeypatch):
    monkeypatch.setenv("WIJKGRAAF_DATA", str(tmp_path / "data"))
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", "cbs", "--gemeente", "GM0513"]).exit_code == 0
    pad = tmp_path / "teams.csv"
    pad.write_text(TEAMS_MET_DRIE_FOUTEN, encoding="utf-8")
    resultaat = runner.invoke(main, ["ingest", "tabel", str(pad)])
    assert resultaat.exit_code == 1
    fouten = [r for r in resultaat.stderr.splitlines() if r.startswith(f"{pad}:")]
    assert len(fouten) == 3, resultaat.stderr
    assert "3 Team," in resultaat.stdout and "afgewezen: 3" in resultaat.stdout
    tellingen = json.loads(runner.invoke(main, ["tellingen"]).stdout)
    assert tellingen["knopen"]["Team"] == 3


def test_verwijzingen_binnen_import_en_bungelend(gouda, tmp_path):
    (tmp_path / "organisaties.csv").write_text(
        "id,naam,rol\norg1,Stichting Welzijn,voorliggend veld\norg2,Fout,derdelijn\n",
        encoding="utf-8",
    )
    (tmp_path / "teams.csv").write_text(
        "id,naam,soort,organisatie,werkgebied\n"
        "t1,Team,jeugdteam,org1,WK051301\n"
        "t2,Team 2,jeugdteam,org2,WK051301\n",
        encoding="utf-8",
    )
    (tmp_path / "relaties.csv").write_text(
        "van,type,naar\nt1,werkt samen met,org1\nt2,WERKT_SAMEN_MET,org1\n"
        "t1,VERWIJST_NAAR,WK051301\n",
        encoding="utf-8",
    )
    rapport = tabel.importeer(
        gouda, sorted(tmp_path.glob("*.csv"), reverse=True), datum="2026-01-01", voortgang=False
    )
    fouten = [str(a).removeprefix(f"{tmp_path}/") for a in rapport.afgewezen]
    assert fouten == [
        "organisaties.csv:3: rol: onbekende rol 'derdelijn'; kies uit: nuldelijn, "
        "voorliggend veld, eerstelijn, tweedelijn, gemeente",
        "teams.csv:3: organisatie: onbekende organisatie 'org2'",
        "relaties.csv:3: van: onbekende sleutel 't2'",
        "relaties.csv:4: type: VERWIJST_NAAR kan niet van Team naar Wijk",
    ]
    assert rapport.geladen[model.WERKT_SAMEN_MET] == 1
    assert rapport.geladen[model.ONDERDEEL_VAN] == 1


def test_json_en_jsonl(gouda, tmp_path):
    (tmp_path / "landschap.json").write_text(
        json.dumps(
            {
                "organisaties": [{"id": "o1", "naam": "Org", "rol": "nuldelijn"}],
                "aanbod": [
                    {
                        "id": "a1",
                        "naam": "Inloop",
                        "vorm": "collectief",
                        "aanbieder": "o1",
                        "werkgebied": ["WK051301"],
                        "leefgebieden": ["Sociaal netwerk"],
                        "doelgroepen": ["ouderen"],
                    },
                    {
                        "id": "a2",
                        "naam": "Zonder vorm",
                        "werkgebied": ["WK051301"],
                        "leefgebieden": ["Sociaal netwerk"],
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    (tmp_path / "extra.jsonl").write_text(
        '{"soort": "initiatief", "id": "i1", "naam": "Buurtkamer", '
        '"soort_": "x", "werkgebied": "BU05130100"}\n'
        "dit is geen json\n",
        encoding="utf-8",
    )
    rapport = tabel.importeer(
        gouda,
        [tmp_path / "landschap.json", tmp_path / "extra.jsonl"],
        datum="2026-01-01",
        voortgang=False,
    )
    fouten = [str(a).removeprefix(f"{tmp_path}/") for a in rapport.afgewezen]
    assert "extra.jsonl:2: json: Expecting value" in fouten
    assert "landschap.json:aanbod[1]: vorm: ontbreekt" in fouten
    assert "extra.jsonl:1: soort: ontbreekt" in fouten
    assert gouda.knoop("a1").eigenschappen["vorm"] == "collectief"


def test_ontbrekende_kolom_en_onbekend_bestand(gouda, tmp_path):
    (tmp_path / "teams.csv").write_text("id,naam\nt1,Team\n", encoding="utf-8")
    (tmp_path / "lijst.csv").write_text("id,naam\n", encoding="utf-8")
    (tmp_path / "teams.xlsx").write_bytes(b"PK\x03\x04")
    rapport = tabel.importeer(gouda, sorted(tmp_path.iterdir()), voortgang=False)
    assert {str(a).removeprefix(f"{tmp_path}/") for a in rapport.afgewezen} == {
        "lijst.csv: bestand: de naam moet beginnen met organisaties, initiatieven, teams, "
        "aanbod, relaties",
        "teams.csv:1: soort: verplichte kolom ontbreekt",
        "teams.csv:1: werkgebied: verplichte kolom ontbreekt",
        "teams.xlsx: bestand: onbekend formaat; gebruik .csv, .json of .jsonl",
    }


def test_puntkomma_csv_en_meerregelige_waarde(gouda, tmp_path):
    pad = tmp_path / "aanbod.csv"
    pad.write_text(
        "id;naam;vorm;werkgebied;leefgebieden;omschrijving\n"
        'a1;Inloop;algemeen;WK051301;Financiën;"twee\nregels"\n'
        "a2;;algemeen;WK051301;Financiën;\n",
        encoding="utf-8",
    )
    rapport = tabel.importeer(gouda, [pad], voortgang=False)
    assert [str(a) for a in rapport.afgewezen] == [f"{pad}:4: naam: ontbreekt"]
    assert gouda.knoop("a1").eigenschappen["omschrijving"] == "twee\nregels"
