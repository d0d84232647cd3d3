"""Roles by API key, imports over the API, paging links, CORS."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner

from api import create_app
from api.sleutels import Sleutelbos
from ingest import demo
from wijkgraaf.cli import main

PROBLEEM = "application/problem+json"


@pytest.fixture
def app(store, tmp_path):
    demo.importeer(store, voortgang=False)
    return create_app({"TESTING": True, "STORE": store, "SLEUTELS": tmp_path / "sleutels.json"})


@pytest.fixture
def sleutels(app):
    bos = app.extensions["wijkgraaf_sleutels"]
    return {rol: bos.maak(rol, f"test {rol}")[1] for rol in ("adviseur", "beheerder")}


def test_zonder_sleutel_401_met_te_lage_rol_403(app, sleutels):
    c = app.test_client()
    r = c.get("/api/v1/wijken/WK051305/huishoudens")
    assert r.status_code == 401 and r.mimetype == PROBLEEM
    assert r.headers["WWW-Authenticate"].startswith("Bearer")
    r = c.get("/api/v1/wijken/WK051305/huishoudens", headers={"X-Api-Key": "wg_onzin"})
    assert r.status_code == 401 and r.mimetype == PROBLEEM
    r = c.post(
        "/api/v1/imports",
        headers={"X-Api-Key": sleutels["adviseur"]},
        data={"bestand": (io.BytesIO(b"x"), "teams.csv")},
    )
    assert r.status_code == 403 and r.mimetype == PROBLEEM
    assert r.get_json()["status"] == 403


def test_adviseur_mag_huishoudens_zien_met_beide_koppen(app, sleutels):
    c = app.test_client()
    for kop in (
        {"X-Api-Key": sleutels["adviseur"]},
        {"Authorization": f"Bearer {sleutels['adviseur']}"},
        {"Authorization": f"Bearer {sleutels['beheerder']}"},
    ):
        r = c.get("/api/v1/wijken/WK051305/huishoudens", headers=kop)
        assert r.status_code == 200, r.get_json()
        assert r.get_json()["huishoudens"] == "<5"


def test_ingetrokken_sleutel_werkt_niet_meer(app):
    bos: Sleutelbos = app.extensions["wijkgraaf_sleutels"]
    record, geheim = bos.maak("adviseur", "tijdelijk")
    c = app.test_client()
    assert (
        c.get("/api/v1/wijken/WK051305/huishoudens", headers={"X-Api-Key": geheim}).status_code
        == 200
    )
    bos.trek_in(record.id)
    assert (
        c.get("/api/v1/wijken/WK051305/huishoudens", headers={"X-Api-Key": geheim}).status_code
        == 401
    )
    assert geheim not in (bos.pad.read_text())  # only the hash is stored


def test_import_via_api(app, sleutels, store):
    csv = (
        "id,naam,soort,werkgebied,leefgebieden\n"
        "api-t1,Team via API,jeugdteam,WK051305,Financiën\n"
        "api-t2,Team fout,jeugdteam,WK999999,Financiën\n"
    ).encode()
    r = app.test_client().post(
        "/api/v1/imports",
        headers={"X-Api-Key": sleutels["beheerder"]},
        data={"bestand": (io.BytesIO(csv), "teams.csv")},
        content_type="multipart/form-data",
    )
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body["geladen"]["Team"] == 1
    assert body["afgewezen"] == [
        {"plaats": "teams.csv:3", "veld": "werkgebied", "reden": "onbekende CBS-code WK999999"}
    ]
    assert store.knoop("api-t1").eigenschappen["naam"] == "Team via API"


def test_import_zonder_bestand_is_400(app, sleutels):
    r = app.test_client().post(
        "/api/v1/imports",
        headers={"X-Api-Key": sleutels["beheerder"]},
        data={},
        content_type="multipart/form-data",
    )
    assert r.status_code == 400 and r.mimetype == PROBLEEM
    assert r.get_json()["invalidParams"][0]["name"] == "bestand"


def test_te_groot_bestand_413(store, tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "STORE": store,
            "MAX_CONTENT_LENGTH": 1000,
            "SLEUTELS": tmp_path / "sleutels.json",
        }
    )
    bos = app.extensions["wijkgraaf_sleutels"]
    geheim = bos.maak("beheerder", "x")[1]
    r = app.test_client().post(
        "/api/v1/imports",
        headers={"X-Api-Key": geheim},
        data={"bestand": (io.BytesIO(b"x" * 5000), "teams.csv")},
    )
    assert r.status_code == 413 and r.mimetype == PROBLEEM


def test_paginering_met_links(app):
    body = app.test_client().get("/api/v1/buurten?wijk=WK051305&per_pagina=3&pagina=2").get_json()
    assert body["totaal"] == 7 and body["paginas"] == 3 and len(body["resultaten"]) == 3
    links = body["_links"]
    assert links["next"]["href"].endswith("pagina=3") and links["prev"]["href"].endswith("pagina=1")
    assert "wijk=WK051305" in links["self"]["href"]


def test_cors_op_publieke_bronnen(app):
    r = app.test_client().get("/api/v1/aanbod", headers={"Origin": "https://www.gouda.nl"})
    assert r.headers.get("Access-Control-Allow-Origin") == "*"
    r = app.test_client().get(
        "/api/v1/wijken/WK051305/huishoudens", headers={"Origin": "https://www.gouda.nl"}
    )
    assert "Access-Control-Allow-Origin" not in r.headers


def test_sleutel_cli(tmp_path, monkeypatch):
    monkeypatch.setenv("WIJKGRAAF_DATA", str(tmp_path))
    runner = CliRunner()
    r = runner.invoke(main, ["sleutel", "maak", "--rol", "adviseur", "--naam", "Adviesbureau"])
    assert r.exit_code == 0 and r.stdout.startswith("wg_")
    geheim = r.stdout.strip()
    lijst = runner.invoke(main, ["sleutel", "lijst"]).stdout
    assert "adviseur\tAdviesbureau" in lijst and geheim not in lijst
    sleutel_id = lijst.split("\t")[0]
    assert runner.invoke(main, ["sleutel", "intrek", sleutel_id]).exit_code == 0
    assert "ingetrokken" in runner.invoke(main, ["sleutel", "lijst"]).stdout
    assert Sleutelbos(tmp_path / "sleutels.json").controleer(geheim) is None


def test_analyses_vragen_adviseur(app, sleutels):
    c = app.test_client()
    for url in (
        "/api/v1/organisaties/demo-welzijn/zichtbaarheid",
        "/api/v1/gemeenten/GM0513/landschap",
    ):
        assert c.get(url).status_code == 401
        r = c.get(url, headers={"X-Api-Key": sleutels["adviseur"]})
        assert r.status_code == 200 and r.mimetype == "application/json"
    body = c.get(
        "/api/v1/organisaties/demo-welzijn/zichtbaarheid",
        headers={"X-Api-Key": sleutels["adviseur"]},
    ).get_json()
    assert {w["status"] for w in body["wijken"]} == {"gezien", "actief maar onzichtbaar"}


@pytest.mark.parametrize(
    ("vraag", "mime"),
    [
        ({"formaat": "gexf"}, "application/gexf+xml"),
        ({"formaat": "graphml"}, "application/graphml+xml"),
        ({"formaat": "cytoscape"}, "application/vnd.cytoscape+json"),
    ],
)
def test_landschap_als_bestand(app, sleutels, vraag, mime):
    import networkx as nx

    r = app.test_client().get(
        "/api/v1/gemeenten/GM0513/landschap",
        query_string=vraag,
        headers={"X-Api-Key": sleutels["adviseur"]},
    )
    assert r.status_code == 200 and r.mimetype == mime
    assert "attachment" in r.headers["Content-Disposition"]
    if vraag["formaat"] == "gexf":
        g = nx.read_gexf(io.BytesIO(r.data))
        assert "demo-st-noord" in g and "demo-welzijn" in g


def test_landschap_via_accept(app, sleutels):
    r = app.test_client().get(
        "/api/v1/gemeenten/GM0513/landschap",
        headers={"X-Api-Key": sleutels["adviseur"], "Accept": "application/graphml+xml"},
    )
    assert r.status_code == 200 and r.mimetype == "application/graphml+xml"


def test_hsds_upload(app, sleutels, store):
    from pathlib import Path

    voorbeeld = (
        Path(__file__).resolve().parents[2]
        / "shared"
        / "data"
        / "hsds_spec_examples_v3"
        / "service_full.json"
    )
    r = app.test_client().post(
        "/api/v1/imports",
        headers={"X-Api-Key": sleutels["beheerder"]},
        data={
            "bestand": (io.BytesIO(voorbeeld.read_bytes()), "service_full.json"),
            "formaat": "hsds",
        },
        content_type="multipart/form-data",
    )
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body["afgewezen"] == [] and body["bronnen"][0]["diensten"] == 1
    assert store.tellingen()["knopen"]["Aanbod"] == 15 + 1


def test_doorsneden_wijken(app, sleutels):
    c = app.test_client()
    assert c.get("/api/v1/gemeenten/GM0513/doorsneden-wijken").status_code == 401
    r = c.get(
        "/api/v1/gemeenten/GM0513/doorsneden-wijken", headers={"X-Api-Key": sleutels["adviseur"]}
    )
    assert r.status_code == 200
    noord = next(d for d in r.get_json()["doorsneden"] if d["wijk"]["code"] == "WK051305")
    assert "demo-okt-noord" in {t["id"] for t in noord["teams"]}
