"""Own area divisions (Gebied): defined from buurtcodes or polygons, usable as werkgebied, and
the wijken that such werkgebieden cut through; on both stores."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from ingest import cbs, demo, gebieden, tabel
from netwerk import model
from netwerk.fouten import NietGevonden
from wijkgraaf.cli import main

# Noord-Oost: three buurten of Noord (WK051305) and all of Kort Haarlem (WK051306)
NOORD_OOST = ["BU05130500", "BU05130501", "BU05130504"] + [f"BU0513060{i}" for i in range(5)]


@pytest.fixture
def gouda(store, tmp_path):
    demo.importeer(store, voortgang=False)
    pad = tmp_path / "gebieden.csv"
    pad.write_text(
        "id,naam,soort,buurten\n"
        f"gouda-noordoost,Noord-Oost,stadsdeel,{';'.join(NOORD_OOST)}\n"
        "fout-1,Fout,provincie,BU05130500\n"
        "fout-2,Fout,kern,BU99999999\n"
        "WK051301,Gekaapt,kern,BU05130100\n",
        encoding="utf-8",
    )
    rapport = gebieden.importeer(store, pad, datum="2026-11-01", voortgang=False)
    assert [str(a).removeprefix(f"{tmp_path}/") for a in rapport.afgewezen] == [
        "gebieden.csv:3: soort: onbekende soort gebied 'provincie'; kies uit: stadsdeel, "
        "gebied, kern, dorp, werkgebied",
        "gebieden.csv:5: id: ongeldige of voorbehouden sleutel",
        "gebieden.csv:4: buurten: onbekende buurtcode(s) BU99999999",
    ]
    teams = tmp_path / "teams.csv"
    teams.write_text(
        "id,naam,soort,werkgebied,leefgebieden,doelgroepen\n"
        "team-no,Buurtteam Noord-Oost,buurtteam,gouda-noordoost,Financiën,volwassenen\n"
        "team-x,Team onbekend gebied,buurtteam,gouda-zuid,Financiën,volwassenen\n",
        encoding="utf-8",
    )
    rapport = tabel.importeer(store, [teams], datum="2026-11-01", voortgang=False)
    assert [str(a).removeprefix(f"{tmp_path}/") for a in rapport.afgewezen] == [
        "teams.csv:3: werkgebied: onbekende CBS-code of gebied gouda-zuid"
    ]
    return store


def test_gebied_als_werkgebied(gouda):
    g = gouda.vraag("detail", id="gouda-noordoost", label=model.EIGEN_GEBIED)
    assert g["soort"] == "stadsdeel" and g["gemeente"] == "GM0513"
    assert sorted(r["ander"]["id"] for r in g["relaties"] if r["type"] == "OMVAT") == NOORD_OOST
    # the team works in exactly those buurten, and the overlap question sees it
    t = gouda.vraag("detail", id="team-no", label=model.TEAM)
    assert sorted(r["ander"]["id"] for r in t["relaties"] if r["type"] == "WERKT_IN") == NOORD_OOST
    paar = next(
        p
        for p in gouda.overlappende_teams("WK051305")["paren"]
        if {x["id"] for x in p["teams"]} == {"team-no", "demo-st-noord"}
    )
    assert [b["code"] for b in paar["gedeelde_buurten"]] == NOORD_OOST[:3]


def test_doorsneden_wijken(gouda):
    a = gouda.doorsneden_wijken("GM0513")
    per_wijk = {d["wijk"]["code"]: d for d in a["doorsneden"]}
    noord = next(t for t in per_wijk["WK051305"]["teams"] if t["id"] == "team-no")
    assert noord["gedekt"] == NOORD_OOST[:3] and noord["via_gebied"] == ["gouda-noordoost"]
    assert len(noord["niet_gedekt"]) == 4
    # Kort Haarlem is covered whole by the area: not cut by this team
    assert all(t["id"] != "team-no" for t in per_wijk.get("WK051306", {"teams": []})["teams"])
    # the demo's ouder-kindteam works in two buurten of Noord: it cuts Noord too
    assert "demo-okt-noord" in {t["id"] for t in per_wijk["WK051305"]["teams"]}
    # the gemeente-wide Wmo-loket and the wijk-level teams never cut a wijk
    alle = {t["id"] for d in a["doorsneden"] for t in d["teams"]}
    assert not alle & {"demo-wmo-loket", "demo-st-noord", "demo-jt-noord"}


@pytest.mark.neo4j
def test_zelfde_antwoord_op_beide_stores(geheugen_store, neo4j_store, tmp_path):
    for s in (geheugen_store, neo4j_store):
        demo.importeer(s, voortgang=False)
        pad = tmp_path / "gebieden.csv"
        pad.write_text(f"id,naam,soort,buurten\ngo,NO,stadsdeel,{';'.join(NOORD_OOST)}\n")
        gebieden.importeer(s, pad, datum="2026-11-01", voortgang=False)
        teams = tmp_path / "teams.csv"
        teams.write_text("id,naam,soort,werkgebied\nt1,T,buurtteam,go;BU05130700\n")
        tabel.importeer(s, [teams], datum="2026-11-01", voortgang=False)
    assert geheugen_store.doorsneden_wijken("GM0513") == neo4j_store.doorsneden_wijken("GM0513")
    assert list(geheugen_store.export()) == list(neo4j_store.export())


def test_gebied_uit_geojson(geheugen_store, tmp_path):
    cbs.importeer(geheugen_store, ["GM0513"], voortgang=False)
    punten = {
        b["code"]: b["punt"]
        for b in cbs.referentie()["buurten"]
        if b["wijk"] == "WK051301" and b.get("punt")
    }
    xs = [p[0] for p in punten.values()]
    ys = [p[1] for p in punten.values()]
    rand = [
        [min(xs) - 0.001, min(ys) - 0.001],
        [max(xs) + 0.001, min(ys) - 0.001],
        [max(xs) + 0.001, max(ys) + 0.001],
        [min(xs) - 0.001, max(ys) + 0.001],
    ]
    pad = tmp_path / "kernen.geojson"
    pad.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {
                            "id": "binnenstad-plus",
                            "naam": "Binnenstad+",
                            "soort": "gebied",
                        },
                        "geometry": {"type": "Polygon", "coordinates": [[*rand, rand[0]]]},
                    },
                    {
                        "type": "Feature",
                        "properties": {"id": "leeg", "naam": "Leeg", "soort": "gebied"},
                        "geometry": {
                            "type": "Polygon",
                            "coordinates": [[[0, 0], [0.001, 0], [0.001, 0.001], [0, 0]]],
                        },
                    },
                ],
            }
        )
    )
    rapport = gebieden.importeer(geheugen_store, pad, voortgang=False)
    assert [a.veld for a in rapport.afgewezen] == ["geometry"]
    omvat = gebieden.buurten_van(geheugen_store, ["binnenstad-plus"])["binnenstad-plus"]
    assert set(punten) <= set(omvat)


def test_cli(tmp_path, monkeypatch):
    monkeypatch.setenv("WIJKGRAAF_DATA", str(tmp_path / "data"))
    runner = CliRunner()
    assert runner.invoke(main, ["demo"]).exit_code == 0
    pad = tmp_path / "gebieden.csv"
    pad.write_text(f"id,naam,soort,buurten\ngo,NO,stadsdeel,{';'.join(NOORD_OOST)}\n")
    assert runner.invoke(main, ["ingest", "gebieden", str(pad)]).exit_code == 0
    r = runner.invoke(main, ["vraag", "grenzen", "GM0513"])
    assert r.exit_code == 0 and "Ouder-kindteam Noord" in r.stdout


def test_zoeken_in_een_eigen_gebied(gouda):
    a = gouda.zoek_aanbod(gebied="gouda-noordoost", per_pagina=100)
    assert a["gebied"]["soort"] == model.EIGEN_GEBIED
    ids = {r["id"] for r in a["resultaten"]}
    assert {"demo-inloop-kh", "demo-opvoedcursus", "demo-shm"} <= ids  # wijk-, gemeente-wide
    assert "demo-koffie" not in ids  # only in a buurt of Goverwelle
    assert "demo-taal" not in ids  # only in De Korte Akkeren
    met_tekst = gouda.zoek_aanbod(gebied="gouda-noordoost", tekst="inloop")
    # "inloop" in the naam first, then in the omschrijving ("Vrije inloop voor hulp ...")
    assert [r["id"] for r in met_tekst["resultaten"]] == ["demo-inloop-kh", "demo-formulierenhulp"]
    with pytest.raises(NietGevonden):
        gouda.zoek_aanbod(gebied="bestaat-niet")
    with pytest.raises(NietGevonden):  # an id that is not an area
        gouda.zoek_aanbod(gebied="demo-st-noord")


@pytest.mark.neo4j
def test_zoeken_in_eigen_gebied_zelfde_op_beide_stores(geheugen_store, neo4j_store, tmp_path):
    for s in (geheugen_store, neo4j_store):
        demo.importeer(s, voortgang=False)
        pad = tmp_path / "gebieden.csv"
        pad.write_text(f"id,naam,soort,buurten\ngo,NO,stadsdeel,{';'.join(NOORD_OOST)}\n")
        gebieden.importeer(s, pad, datum="2026-11-01", voortgang=False)
    for params in (
        {"gebied": "go"},
        {"gebied": "go", "tekst": "cursus"},
        {"gebied": "go", "leefgebied": "sociaal-netwerk"},
    ):
        assert geheugen_store.zoek_aanbod(**params) == neo4j_store.zoek_aanbod(**params), params
