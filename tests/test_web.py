"""The web pages without a browser (Flask test client): they render as plain HTML with every
answer in the page (no JavaScript needed), in Dutch, with empty states, a Dutch 404, login with
an API key, and the map data endpoint. The core pages run on both stores."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import types
import urllib.request
from pathlib import Path

import pytest

import netwerk.analyse
from api import create_app
from api.sleutels import Sleutelbos
from ingest import cbs, demo
from netwerk.fouten import StoreOnbereikbaar
from netwerk.stores.geheugen import MemoryStore
from web import aanbod, gebieden, kaart


def _app(store, tmp_path: Path):
    sleutels = tmp_path / "sleutels.json"
    app = create_app(
        {"STORE": store, "SLEUTELS": str(sleutels), "SECRET_KEY": "test", "TESTING": True}
    )
    return app, Sleutelbos(sleutels)


@pytest.fixture
def demo_store(store):
    demo.importeer(store, voortgang=False)
    return store


@pytest.fixture
def client(demo_store, tmp_path):
    app, _ = _app(demo_store, tmp_path)
    return app.test_client()


@pytest.fixture
def geheugen_demo(geheugen_store):
    demo.importeer(geheugen_store, voortgang=False)
    return geheugen_store


@pytest.fixture
def web(geheugen_demo, tmp_path):
    """A client on the demo (memory store) and a fresh adviseur key for it."""
    app, bos = _app(geheugen_demo, tmp_path)
    _, geheim = bos.maak("adviseur", "Webtest")
    return app.test_client(), geheim, bos


def _tekst(html: str) -> str:
    """The text of a page, tags removed and whitespace collapsed (what a reader sees)."""
    zonder = re.sub(r"<script\b.*?</script>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", zonder).split())


def log_in(client, geheim: str, volgende: str = "/"):
    pagina = client.get("/inloggen")
    token = re.search(r'name="csrf" value="([^"]+)"', pagina.text).group(1)
    return client.post("/inloggen", data={"csrf": token, "sleutel": geheim, "volgende": volgende})


# --- pages on both stores -----------------------------------------------------------------------


def test_zoeken_zonder_javascript(client):
    r = client.get("/?tekst=schuld&gebied=Noord%2C+Gouda")
    assert r.status_code == 200 and r.mimetype == "text/html"
    assert '<html lang="nl">' in r.text
    tekst = _tekst(r.text)
    assert "2 resultaten voor Noord (wijk in Gouda, WK051305)" in tekst
    assert "SchuldHulpMaatje Gouwestad" in tekst and "info@shm.example.org" in tekst
    # the individual offer has its collective alternatives beside it
    naast = r.text.split('class="resultaat__naast"', 1)[1]
    assert "Collectief alternatief" in naast and "Formulierenhulp in de bibliotheek" in naast


def test_wijkpagina_zonder_javascript(client):
    r = client.get("/wijken/WK051305")
    assert r.status_code == 200
    tekst = _tekst(r.text)
    assert "Wijk Noord" in tekst and "10.615 inwoners" in tekst
    paar = r.text.split("Jeugdteam Gouda-Noord en Sociaal Team Noord", 1)[1].split("</li>", 1)[0]
    assert "Kennen elkaar niet" in paar
    assert "bron: Wijkgraaf demodata Gouda (fictief), bevestigd 1 november 2026" in _tekst(paar)
    assert "matrix__kennen-elkaar-niet" in r.text
    assert "Huisvesting: geen aanbod" in tekst  # nuldelijn, worst gaps first
    assert "In plaats van: Individuele begeleiding Wmo" in tekst
    assert "Repair Café" in tekst


def test_landschap_en_zichtbaarheid_met_sleutel(client, demo_store, tmp_path):
    app = client.application
    _, geheim = app.extensions["wijkgraaf_sleutels"].maak("adviseur", "Test")
    r = client.get("/gemeenten/GM0513/landschap")
    assert (
        r.status_code == 302
        and "/inloggen?volgende=/gemeenten/GM0513/landschap" in (r.headers["Location"])
    )
    r = log_in(client, geheim, "/gemeenten/GM0513/landschap")
    assert r.status_code == 303 and r.headers["Location"] == "/gemeenten/GM0513/landschap"
    r = client.get("/gemeenten/GM0513/landschap?leefgebied=financien")
    assert r.status_code == 200
    assert r.text.count('<tr data-id="') == 23
    assert "van 23 actoren getoond" in r.text
    assert 'id="landschap-data"' in r.text and "demo-welzijn" in r.text
    r = client.get("/organisaties/demo-welzijn/zichtbaarheid")
    assert r.status_code == 200
    tekst = _tekst(r.text)
    assert "Zichtbaarheidsrapport: Stichting Welzijn De Gouwe" in tekst
    assert "7 wijken actief maar onzichtbaar" in tekst
    assert "plaats 2 van 10" in tekst


# --- empty states, errors -------------------------------------------------------------------------


def test_lege_toestanden(geheugen_store, tmp_path):
    cbs.importeer(geheugen_store, ["GM0513"], voortgang=False)
    app, bos = _app(geheugen_store, tmp_path)
    client = app.test_client()
    tekst = _tekst(client.get("/wijken/WK051305").text)
    assert "Er zijn nog geen teams bekend in deze wijk: importeer een sociale kaart." in tekst
    assert "Er is geen individueel (maatwerk)aanbod bekend in deze wijk." in tekst
    tekst = _tekst(client.get("/?tekst=").text)
    assert "Er is nog geen aanbod bekend in Wijkgraaf." in tekst
    tekst = _tekst(client.get("/organisaties").text)
    assert "Er zijn nog geen organisaties bekend: importeer een sociale kaart." in tekst
    tekst = _tekst(client.get("/gemeenten/GM0513").text)
    assert "Er zijn nog geen teams bekend in deze gemeente" in tekst
    _, geheim = bos.maak("adviseur", "Test")
    log_in(client, geheim)
    tekst = _tekst(client.get("/gemeenten/GM0513/landschap").text)
    assert "Er zijn nog geen teams of organisaties bekend in Gouda" in tekst


def test_niets_gevonden_en_onbekend_gebied(web):
    client, _, _ = web
    tekst = _tekst(client.get("/?tekst=xyzzy").text)
    assert "Geen aanbod gevonden" in tekst and "Probeer minder of andere woorden" in tekst
    tekst = _tekst(client.get("/?gebied=Nergenshuizen").text)
    assert "Geen gemeente, wijk of buurt gevonden met de naam ‘Nergenshuizen’" in tekst
    r = client.get("/?gebied=noord")  # many wijken are called Noord
    assert "Welk gebied bedoelt u?" in r.text and "Noord (wijk in Gouda, WK051305)" in r.text
    tekst = _tekst(client.get("/?gebied=Amsterdam").text)  # a real area, not loaded
    assert "staat nog niet in Wijkgraaf" in tekst


def test_404_en_fouten_in_het_nederlands(web):
    client, _, _ = web
    r = client.get("/bestaat-niet")
    assert r.status_code == 404 and r.mimetype == "text/html"
    assert '<html lang="nl">' in r.text and "Pagina niet gevonden" in r.text
    r = client.get("/wijken/WK051399")
    assert r.status_code == 404 and "wijk WK051399 is niet bekend" in r.text
    r = client.get("/wijken/iets")
    assert r.status_code == 404 and "geen CBS-wijkcode" in r.text
    assert client.get("/wijken/wk051305").headers["Location"].endswith("/wijken/WK051305")
    # the API keeps its problem+json
    r = client.get("/api/v1/bestaat-niet")
    assert r.status_code == 404 and r.mimetype == "application/problem+json"


def test_opslag_onbereikbaar_geeft_503_pagina(tmp_path):
    class WegStore(MemoryStore):
        def vraag(self, naam, **params):
            raise StoreOnbereikbaar("weg")

    store = WegStore()
    store.initialiseer()
    app, _ = _app(store, tmp_path)
    r = app.test_client().get("/wijken/WK051305")
    assert r.status_code == 503 and r.headers["Retry-After"] == "5"
    assert "Even niet bereikbaar" in r.text


# --- login ------------------------------------------------------------------------------------


def test_inloggen_fout_verkeerd_en_ingetrokken(web):
    client, geheim, bos = web
    r = client.post("/inloggen", data={"sleutel": geheim})  # no CSRF token
    assert r.status_code == 400 and "Het formulier was verlopen" in r.text
    r = log_in(client, "wg_fout")
    assert r.status_code == 400 and "onbekend of ingetrokken" in r.text
    assert 'aria-invalid="true"' in r.text
    r = log_in(client, geheim, "//elders.example/")  # never to another site
    assert r.status_code == 303 and r.headers["Location"] == "/"
    assert client.get("/gemeenten/GM0513/landschap").status_code == 200
    # the session holds which key, not the key itself
    cookie = client.get_cookie("session")
    assert cookie is not None and geheim not in cookie.value
    # a revoked key stops working at once
    bos.trek_in(bos.lijst()[0].id)
    assert client.get("/gemeenten/GM0513/landschap").status_code == 302


def test_uitloggen(web):
    client, geheim, _ = web
    log_in(client, geheim)
    pagina = client.get("/")
    assert "Ingelogd: Webtest (adviseur)" in pagina.text
    token = re.search(r'name="csrf" value="([^"]+)"', pagina.text).group(1)
    assert client.post("/uitloggen", data={"csrf": token}).status_code == 303
    assert client.get("/organisaties/demo-welzijn/zichtbaarheid").status_code == 302


def test_landschap_bestanden(web):
    client, geheim, _ = web
    assert client.get("/gemeenten/GM0513/landschap.gexf").status_code == 302
    log_in(client, geheim)
    r = client.get("/gemeenten/GM0513/landschap.gexf")
    assert r.mimetype == "application/gexf+xml" and b"Stichting Welzijn De Gouwe" in r.data
    assert 'filename="landschap-GM0513.gexf"' in r.headers["Content-Disposition"]
    r = client.get("/gemeenten/GM0513/landschap.graphml")
    assert r.mimetype == "application/graphml+xml"
    assert client.get("/gemeenten/GM0513/landschap.pdf").status_code == 404


def test_geen_sleutel_in_ci_geheim(monkeypatch, geheugen_store, tmp_path, caplog):
    """Without WIJKGRAAF_SECRET_KEY a random key per process is used, with a warning."""
    monkeypatch.delenv("WIJKGRAAF_SECRET_KEY", raising=False)
    app = create_app({"STORE": geheugen_store, "SLEUTELS": str(tmp_path / "s.json")})
    assert len(app.config["SECRET_KEY"]) >= 32
    monkeypatch.setenv("WIJKGRAAF_SECRET_KEY", "uit-de-omgeving")
    app = create_app({"STORE": geheugen_store, "SLEUTELS": str(tmp_path / "s.json")})
    assert app.config["SECRET_KEY"] == "uit-de-omgeving"


# --- headers, autocomplete, map data ------------------------------------------------------------


def test_veiligheidskoppen(web):
    client, _, _ = web
    r = client.get("/")
    assert "script-src 'self'" in r.headers["Content-Security-Policy"]
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert "<script>" not in r.text  # no inline scripts: the CSP allows none


def test_gebieden_autocomplete(web):
    client, _, _ = web
    r = client.get("/zoek/gebieden?q=kort+haar")
    assert r.status_code == 200
    eerste = r.json["gebieden"][0]
    assert eerste == {
        "code": "WK051306",
        "naam": "Kort Haarlem",
        "soort": "wijk",
        "gemeente": "Gouda",
        "omschrijving": "Kort Haarlem (wijk in Gouda, WK051306)",
    }
    r = client.get("/zoek/gebieden?q=noord&soort=buurt")
    assert r.json["gebieden"] and all(g["soort"] == "buurt" for g in r.json["gebieden"])
    assert client.get("/zoek/gebieden?q=").json["gebieden"] == []


def test_wijk_kiezen(web):
    client, _, _ = web
    r = client.get("/wijken?gebied=Noord%2C+Gouda")
    assert r.status_code == 302 and r.headers["Location"].endswith("/wijken/WK051305")
    r = client.get("/wijken?gebied=BU05130500")  # a buurt: its wijk
    assert r.headers["Location"].endswith("/wijken/WK051305")
    r = client.get("/wijken?gebied=Gouda")
    assert r.headers["Location"].endswith("/gemeenten/GM0513")
    r = client.get("/wijken?gebied=noord")
    assert r.status_code == 200 and "Welk gebied bedoelt u met ‘noord’?" in r.text


def test_kaartgegevens(web, monkeypatch):
    client, _, _ = web
    gevraagd = []

    def gebied_geojson(codes):
        gevraagd.extend(codes)
        vierkant = {
            "type": "Polygon",
            "coordinates": [[[4.7, 52.0], [4.8, 52.0], [4.8, 52.1], [4.7, 52.0]]],
        }
        return {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "properties": {"statcode": "BU05130500"}, "geometry": vierkant},
                {
                    "type": "Feature",
                    "properties": {"code": "WK051305", "naam": "Noord"},
                    "geometry": vierkant,
                },
                {"type": "Feature", "properties": {"code": "BU05130599"}, "geometry": None},
            ],
        }

    nep = types.ModuleType("ingest.geometrie")
    nep.gebied_geojson = gebied_geojson
    monkeypatch.setitem(sys.modules, "ingest.geometrie", nep)
    kaart.gemeente_geojson.cache_clear()
    r = client.get("/kaart/gemeenten/GM0513.geojson")
    assert r.status_code == 200 and r.mimetype == "application/geo+json"
    assert set(gevraagd) == set(gebieden.onderdelen("GM0513"))
    assert [f["properties"] for f in r.json["features"]] == [
        {"code": "WK051305", "naam": "Noord", "soort": "wijk", "wijk": "WK051305"},
        {"code": "BU05130500", "naam": "Ouwe Gouwe", "soort": "buurt", "wijk": "WK051305"},
    ]
    monkeypatch.setitem(sys.modules, "ingest.geometrie", None)  # not installed
    kaart.gemeente_geojson.cache_clear()
    r = client.get("/kaart/gemeenten/GM0513.geojson")
    assert r.status_code == 404 and "niet geïnstalleerd" in r.json["fout"]
    assert client.get("/kaart/gemeenten/GM9999.geojson").status_code == 404
    kaart.gemeente_geojson.cache_clear()


def test_zoeken_zonder_zoekvraag_in_de_registry(web, monkeypatch):
    """Until the question ``zoek`` is registered the page uses lijst + detail, same shape."""
    client, _, _ = web
    monkeypatch.setattr(
        netwerk.analyse, "VRAGEN", tuple(v for v in netwerk.analyse.VRAGEN if v != "zoek")
    )
    assert not aanbod.zoek_geregistreerd()
    tekst = _tekst(client.get("/?tekst=schuld&gebied=WK051305").text)
    assert "2 resultaten" in tekst
    assert "SchuldHulpMaatje Gouwestad" in tekst and "Collectief alternatief" in tekst
    tekst = _tekst(client.get("/?tekst=koffie&gebied=BU05130701&doelgroep=ouderen").text)
    assert "Koffieochtend De Molen" in tekst
    tekst = _tekst(client.get("/?vorm=collectief&leefgebied=financien").text)
    assert "Geen aanbod gevonden" in tekst


# --- served by `wijkgraaf serve` ----------------------------------------------------------------


def test_paginas_via_wijkgraaf_serve(tmp_path):
    """The console script serves the pages too (the web package is installed with the app)."""
    env = {**os.environ, "WIJKGRAAF_DATA": str(tmp_path), "WIJKGRAAF_SECRET_KEY": "serve-test"}
    env.pop("WIJKGRAAF_NEO4J_URI", None)
    wijkgraaf = [sys.executable, "-m", "wijkgraaf"]
    subprocess.run([*wijkgraaf, "demo"], env=env, check=True, capture_output=True, cwd=tmp_path)
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    proces = subprocess.Popen(
        [*wijkgraaf, "serve", "--port", str(poort)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{poort}/wijken/WK051305") as r:
                    html = r.read().decode()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("server niet gestart")
        assert "Kennen elkaar niet" in html
        with urllib.request.urlopen(
            f"http://127.0.0.1:{poort}/statisch/vendor/cytoscape.min.js"
        ) as r:
            assert r.status == 200 and len(r.read()) > 100_000
    finally:
        proces.terminate()
        proces.communicate(timeout=10)
