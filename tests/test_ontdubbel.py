"""Entity resolution (ingest.ontdubbel): the same organisation from two sources becomes one
node with both sources in its provenance; uncertain matches are proposed, not merged; decisions
(wijkgraaf ontdubbel --voeg-samen / --houd-apart) hold across re-imports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest import hsds, ontdubbel
from ingest.ontdubbel import domein, gelijkenis, normaliseer, voorstel_id
from netwerk import model

UUID_A = "5a1f0c3e-8d2b-4c6a-9e1f-00000000000a"


# --- normalising and comparing -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Stichting Buurtwerk Oost-Gouda", "BUURTWERK OOST GOUDA B.V."),
        ("Coöperatie Zorg Dichtbij U.A.", "cooperatie zorg dichtbij"),
        ("Vereniging De Zonnebloem", "Zonnebloem"),
        ("The National Autistic Society", "National Autistic Society"),
        ("Humanitas, afdeling Gouda", "Humanitas – afdeling Gouda"),
        ("Stichting Café 't Hoekje", "Cafe 't Hoekje"),
    ],
)
def test_gelijke_namen(a, b):
    assert normaliseer(a) == normaliseer(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Buurtwerk Oost", "Buurtwerk West"),
        ("Stichting", "Vereniging"),
        ("Age UK Lindsey", "Age UK"),
    ],
)
def test_ongelijke_namen(a, b):
    assert normaliseer(a) != normaliseer(b) or not normaliseer(a)


def test_domein_en_gelijkenis():
    assert domein("HTTPS://www.Buurtwerk-Gouda.nl/over") == "buurtwerk-gouda.nl"
    assert domein("geen url") is None
    assert gelijkenis(("schuldhulp", "gouda"), ("schuldhulp", "gouda", "maatje")) == 1.0
    assert gelijkenis(("buurtwerk", "oost"), ("voedselbank",)) < 0.5
    assert voorstel_id("a", "b") == voorstel_id("b", "a") != voorstel_id("a", "c")


# --- two sources ---------------------------------------------------------------------------------


def _bron(map_: Path, naam: str, organisaties: list[dict]) -> Path:
    """An HSDS 3.0 JSON page of services, each with its organisation embedded."""
    diensten = []
    for o in organisaties:
        org = {
            "id": o["id"],
            "name": o["name"],
            "description": "",
            **({"website": o["website"]} if "website" in o else {}),
        }
        if "kvk" in o:
            org["organization_identifiers"] = [
                {"id": "k", "identifier_scheme": "NL-KVK", "identifier": o["kvk"]}
            ]
        for i, dienst in enumerate(o.get("diensten", ["Inloop"])):
            diensten.append(
                {"id": f"{o['id']}-d{i}", "name": dienst, "status": "active", "organization": org}
            )
    map_.mkdir(parents=True, exist_ok=True)
    pad = map_ / f"{naam}.json"
    pad.write_text(json.dumps({"total_items": len(diensten), "contents": diensten}))
    return pad


def _importeer(store, *paden: Path, datum: str = "2026-01-01"):
    return hsds.importeer(store, list(paden), datum=datum, voortgang=False)


def _organisaties(store) -> dict[str, dict]:
    return {o["id"]: o for o in store.vraag("hsds_stand")["organisaties"]}


def _genoemd(store) -> dict[tuple[str, str], dict]:
    return {
        (r["relatie"]["van"], r["relatie"]["naar"]): r["relatie"]
        for r in store.export()
        if "relatie" in r and r["relatie"]["type"] == model.GENOEMD_IN
    }


def test_twee_bronnen_een_organisatie(store, tmp_path):
    """Two sources name one organisation differently (legal form, case, punctuation): one
    Organisatie with two bronnen, each with its own record id, offering both services."""
    a = _bron(
        tmp_path,
        "sociale-kaart",
        [{"id": UUID_A, "name": "Stichting Buurtwerk Oost-Gouda", "diensten": ["Koffie-inloop"]}],
    )
    b = _bron(
        tmp_path,
        "wmo-gids",
        [{"id": "17", "name": "BUURTWERK OOST GOUDA B.V.", "diensten": ["Maatjesproject"]}],
    )
    r = _importeer(store, a, b)
    assert [x.samengevoegd for x in r.bronnen] == [0, 1]
    orgs = store.tellingen()["knopen"][model.ORGANISATIE]
    assert orgs == 1
    bronnen = _organisaties(store)[UUID_A]["bronnen"]
    assert [(x["bron"], x["record"]) for x in bronnen] == [
        ("hsds-sociale-kaart", UUID_A),
        ("hsds-wmo-gids", "17"),
    ]
    assert store.knoop(hsds.eigen_id("hsds-wmo-gids", "organization", "17")) is None
    aanbieders = {
        r["relatie"]["naar"]: r["relatie"]["bron"]
        for r in store.export()
        if "relatie" in r and r["relatie"]["type"] == model.BIEDT_AAN
    }
    assert set(aanbieders.values()) == {"hsds-sociale-kaart", "hsds-wmo-gids"}
    feed = store.vraag("hsds_feed", soort="organizations", id=UUID_A)
    assert sorted(s["name"] for s in feed["services"]) == ["Koffie-inloop", "Maatjesproject"]
    # re-importing either source changes nothing
    tellingen = store.tellingen()
    _importeer(store, b, a)
    assert store.tellingen() == tellingen


def test_zelfde_kvk_en_websitedomein(geheugen_store, tmp_path):
    a = _bron(
        tmp_path,
        "a",
        [
            {"id": "1", "name": "Welzijn Gouda", "kvk": "41234567"},
            {"id": "2", "name": "Voedselbank Gouda", "website": "https://www.voedselbank-gouda.nl"},
            {"id": "3", "name": "Repair Café Gouda", "website": "https://facebook.com/repaircafe"},
        ],
    )
    b = _bron(
        tmp_path,
        "b",
        [
            {"id": "x", "name": "Stichting Sociaal Werk Midden-Holland", "kvk": "41234567"},
            {
                "id": "y",
                "name": "Voedselbank Gouda e.o.",
                "website": "voedselbank-gouda.nl/aanmelden",
            },
            {"id": "z", "name": "Repair Cafe Bloemendaal", "website": "https://facebook.com/rcb"},
        ],
    )
    r = _importeer(geheugen_store, a, b)
    assert r.bronnen[1].samengevoegd == 2  # KvK and website; a facebook page identifies nobody
    assert geheugen_store.tellingen()["knopen"][model.ORGANISATIE] == 4


def test_verschillende_kvk_nooit_samen(geheugen_store, tmp_path):
    a = _bron(tmp_path, "a", [{"id": "1", "name": "Stichting Welzijn", "kvk": "41234567"}])
    b = _bron(tmp_path, "b", [{"id": "2", "name": "Welzijn", "kvk": "87654321"}])
    r = _importeer(geheugen_store, a, b)
    assert r.bronnen[1].samengevoegd == 0 and r.bronnen[1].voorstellen_open == 0
    assert geheugen_store.tellingen()["knopen"][model.ORGANISATIE] == 2


def test_twijfel_wordt_voorgesteld_niet_samengevoegd(store, tmp_path):
    a = _bron(tmp_path, "a", [{"id": UUID_A, "name": "Humanitas Gouda"}])
    b = _bron(tmp_path, "b", [{"id": "h", "name": "Humanitas Gouda Thuisadministratie"}])
    r = _importeer(store, a, b)
    assert r.bronnen[1].samengevoegd == 0 and r.bronnen[1].voorstellen_open == 1
    assert store.tellingen()["knopen"][model.ORGANISATIE] == 2
    tweede = hsds.eigen_id("hsds-b", "organization", "h")
    v = store.knoop(voorstel_id(UUID_A, tweede))
    assert v.label == model.VOORSTEL
    assert {k: v.eigenschappen[k] for k in ("soort", "van", "naar", "status", "vertrouwen")} == {
        "soort": "samenvoeging",
        "van": tweede,
        "naar": UUID_A,
        "status": "voorgesteld",
        "vertrouwen": 1.0,
    }
    betreft = {
        r["relatie"]["naar"]
        for r in store.export()
        if "relatie" in r and r["relatie"]["type"] == model.BETREFT
    }
    assert betreft == {UUID_A, tweede}
    getoond = ontdubbel.toon(store)
    assert [(x["van"]["naam"], x["naar"]["naam"]) for x in getoond["open"]] == [
        ("Humanitas Gouda Thuisadministratie", "Humanitas Gouda")
    ]
    # a re-import neither duplicates nor resets the proposal
    tellingen = store.tellingen()
    _importeer(store, a, b)
    assert store.tellingen() == tellingen


def test_voeg_samen_en_opnieuw_importeren(store, tmp_path):
    a = _bron(tmp_path, "a", [{"id": UUID_A, "name": "Humanitas Gouda", "diensten": ["Maatje"]}])
    b = _bron(
        tmp_path,
        "b",
        [
            {
                "id": "h",
                "name": "Humanitas Gouda Thuisadministratie",
                "diensten": ["Thuisadministratie"],
            }
        ],
    )
    _importeer(store, a, b)
    tweede = hsds.eigen_id("hsds-b", "organization", "h")
    uit = ontdubbel.voeg_samen(store, UUID_A, tweede, datum="2026-02-01")
    assert uit["status"] == "geaccepteerd" and uit["relaties"] > 0
    assert store.knoop(voorstel_id(UUID_A, tweede)).eigenschappen["status"] == "geaccepteerd"
    genoemd = _genoemd(store)
    assert genoemd[(UUID_A, "hsds-b")]["record"] == "h"
    assert genoemd[(tweede, "hsds-b")]["bevestigd"] is False
    assert genoemd[(tweede, "hsds-b")]["samengevoegd_in"] == UUID_A
    feed = store.vraag("hsds_feed", soort="organizations", id=UUID_A)
    assert sorted(s["name"] for s in feed["services"]) == ["Maatje", "Thuisadministratie"]
    assert store.vraag("hsds_feed", soort="organizations")["total_items"] == 1

    # the decision holds at the next import of B, and further imports change nothing
    r = _importeer(store, b, datum="2026-03-01")
    assert r.bronnen[0].samengevoegd == 1 and r.bronnen[0].niet_meer_in_bron == 0
    genoemd = _genoemd(store)
    assert genoemd[(UUID_A, "hsds-b")]["bevestigd_op"] == "2026-03-01"
    assert genoemd[(tweede, "hsds-b")]["bevestigd"] is False
    tellingen = store.tellingen()
    _importeer(store, a, b, datum="2026-03-01")
    assert store.tellingen() == tellingen
    assert ontdubbel.toon(store)["open"] == []


def test_houd_apart_ook_na_exacte_overeenkomst(store, tmp_path):
    a = _bron(tmp_path, "a", [{"id": UUID_A, "name": "Stichting Het Buurthuis"}])
    b = _bron(tmp_path, "b", [{"id": "q", "name": "Het Buurthuis"}])
    _importeer(store, a, b)
    assert store.tellingen()["knopen"][model.ORGANISATIE] == 1
    samengevoegd = ontdubbel.toon(store)["samengevoegd"]
    apart = {x["bron"]: x["apart_id"] for x in samengevoegd[0]["bronnen"]}["hsds-b"]
    ontdubbel.houd_apart(store, UUID_A, apart, datum="2026-02-01")

    r = _importeer(store, b, datum="2026-03-01")
    assert r.bronnen[0].samengevoegd == 0
    assert store.tellingen()["knopen"][model.ORGANISATIE] == 2
    genoemd = _genoemd(store)
    assert genoemd[(apart, "hsds-b")]["record"] == "q"
    assert genoemd[(UUID_A, "hsds-b")]["bevestigd"] is False
    assert genoemd[(UUID_A, "hsds-b")]["verplaatst_naar"] == apart
    assert genoemd[(UUID_A, "hsds-a")]["bevestigd"] is True
    tellingen = store.tellingen()
    _importeer(store, a, b, datum="2026-03-01")
    assert store.tellingen() == tellingen
    assert store.knoop(voorstel_id(UUID_A, apart)).eigenschappen["status"] == "afgewezen"


def test_afgewezen_voorstel_blijft_afgewezen(geheugen_store, tmp_path):
    a = _bron(tmp_path, "a", [{"id": UUID_A, "name": "Humanitas Gouda"}])
    b = _bron(tmp_path, "b", [{"id": "h", "name": "Humanitas Gouda Thuisadministratie"}])
    _importeer(geheugen_store, a, b)
    tweede = hsds.eigen_id("hsds-b", "organization", "h")
    ontdubbel.houd_apart(geheugen_store, tweede, UUID_A)
    r = _importeer(geheugen_store, a, b)
    assert r.bronnen[1].voorstellen_open == 0
    besloten = ontdubbel.toon(geheugen_store)["besloten"]
    assert [(x["status"], x["van"]["id"], x["naar"]["id"]) for x in besloten] == [
        ("afgewezen", tweede, UUID_A)
    ]


def test_dubbelen_binnen_een_bron_worden_voorgesteld(geheugen_store, tmp_path):
    a = _bron(
        tmp_path,
        "a",
        [
            {"id": "1", "name": "Yate Town Council"},
            {"id": "2", "name": "Yate Town Council"},
            {"id": "3", "name": "Yate Town Council Library"},
        ],
    )
    r = _importeer(geheugen_store, a)
    assert geheugen_store.tellingen()["knopen"][model.ORGANISATIE] == 3
    assert r.bronnen[0].voorstellen_open == 1  # the exact pair; near matches within one source not


def test_besluit_over_onbekende_organisatie(geheugen_store):
    from netwerk.fouten import NietGevonden, OngeldigeInvoer

    with pytest.raises(NietGevonden):
        ontdubbel.voeg_samen(geheugen_store, "x", "y")
    with pytest.raises(OngeldigeInvoer):
        ontdubbel.voeg_samen(geheugen_store, "x", "x")


def test_cli_ontdubbel(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from wijkgraaf.cli import main

    monkeypatch.setenv("WIJKGRAAF_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("WIJKGRAAF_NEO4J_URI", raising=False)
    a = _bron(tmp_path, "a", [{"id": UUID_A, "name": "Humanitas Gouda"}])
    b = _bron(tmp_path, "b", [{"id": "h", "name": "Humanitas Gouda Thuisadministratie"}])
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", "hsds", str(a), str(b)]).exit_code == 0
    r = runner.invoke(main, ["ontdubbel", "--toon"])
    assert r.exit_code == 0, r.output
    tweede = hsds.eigen_id("hsds-b", "organization", "h")
    assert "Open voorstellen tot samenvoegen: 1" in r.output
    assert f"wijkgraaf ontdubbel --voeg-samen {UUID_A} {tweede}" in r.output
    r = runner.invoke(main, ["ontdubbel", "--voeg-samen", UUID_A, tweede])
    assert r.exit_code == 0 and "samengevoegd" in r.output
    r = runner.invoke(main, ["ontdubbel", "--json"])
    assert json.loads(r.output)["open"] == []
    r = runner.invoke(main, ["ontdubbel", "--houd-apart", "onbekend-1", "onbekend-2"])
    assert r.exit_code != 0 and "niet bekend" in r.output
