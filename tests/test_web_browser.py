"""The web pages in a real browser: Playwright (Python) driving Debian's chromium against the app
served by waitress on 127.0.0.1, on the demo landscape, on both stores.

Each test does what a person would do, takes a screenshot (``tests/artefacten/``) and runs
axe-core (vendored, ``web/static/vendor/axe.min.js``) on the pages it visits: no violations of
WCAG 2.1 A or AA may remain. Console errors (a script error, a blocked resource, a CSP
violation) fail the test too.

Needs ``playwright`` (pip, the ``web`` extra) and ``/usr/bin/chromium`` (apt-get install
chromium); Playwright's own browser download is not used. Marked ``browser``.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import sys
import threading
import types
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from api import create_app
from api.sleutels import Sleutelbos
from ingest import demo

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path(os.environ.get("WIJKGRAAF_CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "web" / "static" / "vendor" / "axe.min.js"
ARTEFACTEN = ROOT / "tests" / "artefacten"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
IN_CI = os.environ.get("CI", "").lower() == "true"
#: Shared polygons, only for a test run where ingest.geometrie (the shipped ones) is missing.
GEDEELDE_GEO = ROOT.parent / "shared" / "data" / "nl_geo_cbs_2024"


def _niet_mogelijk(reden: str) -> None:
    if IN_CI:
        pytest.fail(f"browsertests kunnen niet draaien in CI: {reden}")
    pytest.skip(reden)


# --- fixtures -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _niet_mogelijk("playwright is niet geïnstalleerd (pip install playwright)")
    if not CHROMIUM.exists():
        _niet_mogelijk(f"{CHROMIUM} ontbreekt (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox"], headless=True
        )
        yield browser
        browser.close()


def _nep_geometrie() -> types.ModuleType | None:
    """A stand-in for ingest.geometrie from the shared CBS polygons (tests only), for a tree
    where the shipped module is missing."""
    if not GEDEELDE_GEO.is_dir():
        return None

    def gebied_geojson(codes: Any) -> dict[str, Any]:
        gevraagd = set(codes)
        features = []
        for naam in ("wijk_2024_wgs84.geojson", "buurt_2024_approx_wgs84.geojson"):
            fc = json.loads((GEDEELDE_GEO / naam).read_text("utf-8"))
            features += [f for f in fc["features"] if f["properties"]["statcode"] in gevraagd]
        return {"type": "FeatureCollection", "features": features}

    module = types.ModuleType("ingest.geometrie")
    module.gebied_geojson = gebied_geojson  # type: ignore[attr-defined]
    return module


@pytest.fixture
def geometrie(monkeypatch: pytest.MonkeyPatch) -> bool:
    """Whether the map has polygons in this run (the shipped ones, or the shared stand-in)."""
    from web import kaart

    kaart.gemeente_geojson.cache_clear()
    try:
        importlib.import_module("ingest.geometrie")
        return True
    except ImportError:
        nep = _nep_geometrie()
        if nep is None:
            return False
        monkeypatch.setitem(sys.modules, "ingest.geometrie", nep)
        return True


@pytest.fixture
def server(store, tmp_path: Path) -> Iterator[SimpleNamespace]:
    """The app on both stores, with the demo, served by waitress in a thread on a free port."""
    from waitress import create_server

    demo.importeer(store, voortgang=False)
    sleutels = tmp_path / "sleutels.json"
    _, geheim = Sleutelbos(sleutels).maak("adviseur", "Browsertest")
    app = create_app({"STORE": store, "SLEUTELS": str(sleutels), "SECRET_KEY": "browsertest"})
    http = create_server(app, host="127.0.0.1", port=0, threads=4)
    draad = threading.Thread(target=http.run, daemon=True)
    draad.start()
    try:
        yield SimpleNamespace(
            url=f"http://127.0.0.1:{http.effective_port}", sleutel=geheim, soort=store.soort
        )
    finally:
        http.close()
        http.task_dispatcher.shutdown()
        draad.join(timeout=10)


@pytest.fixture
def pagina(chromium, request) -> Iterator[Any]:
    """A fresh browser page (own cookies); console errors are collected and must stay empty."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.fouten = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.fouten.append(f"scriptfout: {e}"))

    def console(m: Any) -> None:
        # A page shown with status 400/404 on purpose is logged as a failed load of the page
        # itself; any other failed resource (a script, a style, the map data) counts.
        eigen_pagina = m.location.get("url") == page.url and "Failed to load resource" in m.text
        if m.type == "error" and not eigen_pagina:
            page.fouten.append(f"console: {m.text} ({m.location.get('url')})")

    page.on("console", console)
    yield page
    context.close()
    assert not page.fouten, "\n".join(page.fouten)


# --- helpers ----------------------------------------------------------------------------------


def schermafdruk(page: Any, naam: str, server: SimpleNamespace) -> Path:
    ARTEFACTEN.mkdir(parents=True, exist_ok=True)
    pad = ARTEFACTEN / f"{naam}-{server.soort}.png"
    page.screenshot(path=str(pad), full_page=True)
    assert pad.stat().st_size > 10_000
    return pad


def leesbaar(schendingen: list[dict[str, Any]]) -> str:
    regels = [f"{len(schendingen)} WCAG-schending(en) volgens axe-core:"]
    for s in schendingen:
        regels.append(f"- {s['id']} ({s['impact']}): {s['help']} [{s['helpUrl']}]")
        for knoop in s["nodes"][:5]:
            regels.append(f"    {' '.join(knoop['target'])}: {knoop['failureSummary']}")
            regels.append(f"    {knoop['html'][:200]}")
    return "\n".join(regels)


def axe(page: Any, server: SimpleNamespace) -> dict[str, Any]:
    """Run axe-core on the page (loaded from the app itself, so the page's CSP stays on)."""
    assert AXE.exists(), "web/static/vendor/axe.min.js ontbreekt: draai web/vendor.sh"
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(url=f"{server.url}/statisch/vendor/axe.min.js")
    uitslag = page.evaluate(
        """async (tags) => await axe.run(document, {
               runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""",
        WCAG,
    )
    assert uitslag["violations"] == [], leesbaar(uitslag["violations"])
    return uitslag


def log_in(page: Any, server: SimpleNamespace) -> None:
    assert "/inloggen" in page.url
    page.get_by_label("API-sleutel").fill(server.sleutel)
    page.locator("main").get_by_role("button", name="Inloggen").click()


def klik_op_knoop(page: Any, id: str) -> None:
    """Click a node of the Cytoscape network where it is drawn (a real mouse click)."""
    page.locator("#netwerk").scroll_into_view_if_needed()
    page.wait_for_timeout(200)
    plek = page.evaluate(
        """(id) => {
             const cy = window.wijkgraafNetwerk;
             const p = cy.getElementById(id).renderedPosition();
             const r = document.getElementById('netwerk').getBoundingClientRect();
             return {x: r.left + p.x, y: r.top + p.y};
           }""",
        id,
    )
    page.mouse.move(plek["x"], plek["y"])
    page.mouse.click(plek["x"], plek["y"])


# --- the tests ---------------------------------------------------------------------------------


def test_zoeken_vindt_aanbod_met_waar_wie_en_contact(server, pagina):
    from playwright.sync_api import expect

    pagina.goto(server.url + "/")
    expect(pagina.locator("html")).to_have_attribute("lang", "nl")
    axe(pagina, server)

    pagina.get_by_label("Wat zoekt u?").fill("schuld")
    gebied = pagina.get_by_label("Waar? Gemeente, wijk of buurt")
    gebied.press_sequentially("Noord, Gou", delay=30)
    # autocomplete on the CBS names fills the datalist
    expect(pagina.locator("#gebied-opties option").first).to_have_attribute(
        "value", "Noord (wijk in Gouda, WK051305)"
    )
    gebied.fill("Noord (wijk in Gouda, WK051305)")
    pagina.get_by_role("button", name="Zoeken").click()
    expect(pagina.get_by_role("heading", level=2)).to_contain_text("resultaten voor Noord")

    resultaat = pagina.locator("article.resultaat").filter(
        has=pagina.get_by_role("heading", name="SchuldHulpMaatje", exact=True)
    )
    expect(resultaat).to_be_visible()
    expect(resultaat).to_contain_text("Gouda (gemeente)")  # waar
    expect(resultaat).to_contain_text("SchuldHulpMaatje Gouwestad")  # door wie
    expect(resultaat.get_by_role("link", name="info@shm.example.org")).to_have_attribute(
        "href", "mailto:info@shm.example.org"
    )  # hoe te bereiken

    # an individual (maatwerk) offer shows collective alternatives beside it
    maatwerk = pagina.locator("article.resultaat--maatwerk").filter(
        has=pagina.get_by_role("heading", name="Schuldhulpverlening")
    )
    expect(maatwerk).to_contain_text("0182-000000")
    naast = maatwerk.get_by_role("complementary")
    expect(naast).to_contain_text("Collectief alternatief")
    expect(naast).to_contain_text("SchuldHulpMaatje")
    expect(naast).to_contain_text("Formulierenhulp in de bibliotheek")
    schermafdruk(pagina, "zoeken", server)
    axe(pagina, server)


def test_wijkpagina_toont_teams_die_elkaar_niet_kennen(server, pagina):
    from playwright.sync_api import expect

    pagina.goto(server.url + "/wijken?gebied=Noord%2C+Gouda")
    assert pagina.url.endswith("/wijken/WK051305")
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Wijk Noord")

    paar = pagina.locator("li.paar--kennen-elkaar-niet").filter(
        has=pagina.get_by_role("heading", name="Jeugdteam Gouda-Noord en Sociaal Team Noord")
    )
    expect(paar).to_be_visible()
    expect(paar.get_by_text("Kennen elkaar niet")).to_be_visible()
    # in the matrix too: the row of the Jeugdteam, the column of the Sociaal Team
    rij = pagina.locator("table.matrix tbody tr", has=pagina.locator("th", has_text="Jeugdteam"))
    expect(rij.locator("td.matrix__kennen-elkaar-niet")).to_have_count(2)
    # every item has its explanation and sources
    paar.get_by_text("Uitleg en bronnen").click()
    expect(paar).to_contain_text("bron: Wijkgraaf demodata Gouda (fictief)")
    expect(paar).to_contain_text("Er is geen samenwerking of verwijzing")
    # nuldelijn per leefgebied and collective alternatives are on the same page
    expect(pagina.locator("#nuldelijn table")).to_contain_text("Geen aanbod")
    expect(pagina.locator("#alternatieven")).to_contain_text(
        "In plaats van: Individuele begeleiding"
    )
    schermafdruk(pagina, "wijk-noord", server)
    axe(pagina, server)


def test_landschap_klik_op_knoop_filter_en_download(server, pagina):
    from playwright.sync_api import expect

    pagina.goto(server.url + "/gemeenten/GM0513/landschap")
    axe(pagina, server)  # the login form
    log_in(pagina, server)
    expect(pagina).to_have_url(re.compile(r"/gemeenten/GM0513/landschap$"))
    expect(pagina.locator("#netwerk[data-klaar]")).to_have_count(1)
    assert pagina.evaluate("window.wijkgraafNetwerk.nodes().length") == 23

    klik_op_knoop(pagina, "demo-welzijn")
    detail = pagina.locator("#knoopdetail-inhoud")
    expect(detail.get_by_role("heading", level=4).first).to_have_text("Stichting Welzijn De Gouwe")
    expect(detail).to_contain_text("Verbonden met")
    expect(detail).to_contain_text("Sociaal Team Noord werkt samen met Stichting Welzijn De Gouwe")
    schermafdruk(pagina, "landschap-knoop", server)
    axe(pagina, server)

    # keyboard users reach the same details from the table
    pagina.locator('button.toon-knoop[data-id="demo-wmo-loket"]').focus()
    pagina.keyboard.press("Enter")
    expect(detail.get_by_role("heading", level=4).first).to_have_text("Wmo-loket Gouda")

    # filter by leefgebied: the network and the table follow
    pagina.get_by_label("Leefgebied").select_option("financien")
    expect(pagina.locator("#filter-status")).to_contain_text("van 23 actoren getoond")
    verborgen = pagina.evaluate("window.wijkgraafNetwerk.nodes('.verborgen').length")
    assert 0 < verborgen < 23
    assert pagina.locator("#actoren tbody tr[hidden]").count() == verborgen

    # downloads: GEXF and GraphML (with the session), PNG from the drawing
    for formaat, mime in (("gexf", "application/gexf+xml"), ("graphml", "application/graphml")):
        antwoord = pagina.request.get(f"{server.url}/gemeenten/GM0513/landschap.{formaat}")
        assert antwoord.status == 200 and antwoord.headers["content-type"].startswith(mime)
        assert b"Stichting Welzijn De Gouwe" in antwoord.body()
    with pagina.expect_download() as download:
        pagina.get_by_role("button", name="PNG-afbeelding van het netwerk").click()
    assert download.value.suggested_filename == "landschap-GM0513.png"
    assert Path(download.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_zichtbaarheid_kaart_lijst_en_rapport_van_een_pagina(server, pagina, geometrie):
    from playwright.sync_api import expect

    pagina.goto(server.url + "/organisaties")
    pagina.get_by_role("link", name="Zichtbaarheid van Stichting Welzijn De Gouwe").click()
    log_in(pagina, server)
    expect(pagina.get_by_role("heading", level=1)).to_contain_text("Stichting Welzijn De Gouwe")
    rij = pagina.locator("table.rapporttabel tr", has=pagina.get_by_role("link", name="Goverwelle"))
    expect(rij).to_contain_text("Actief maar onzichtbaar")
    expect(rij).to_contain_text("Buurtteam Goverwelle-Plaswijck")
    if geometrie:
        expect(pagina.locator("#kaart[data-klaar]")).to_have_count(1)
        assert pagina.locator("#kaart path.leaflet-interactive").count() > 20  # buurten of Gouda
    schermafdruk(pagina, "zichtbaarheid", server)
    axe(pagina, server)

    # the printed report is one A4 page
    pagina.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    pdf = pagina.pdf(format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf)) == 1
    (ARTEFACTEN / f"zichtbaarheidsrapport-{server.soort}.pdf").write_bytes(pdf)


def test_zonder_javascript_werkt_alles_behalve_netwerk_en_kaart(server, chromium):
    from playwright.sync_api import expect

    context = chromium.new_context(
        java_script_enabled=False, viewport={"width": 1024, "height": 800}
    )
    page = context.new_page()
    try:
        page.goto(server.url + "/")
        page.get_by_label("Wat zoekt u?").fill("koffie")
        page.get_by_label("Waar? Gemeente, wijk of buurt").fill("Goverwelle")
        page.get_by_role("button", name="Zoeken").click()
        expect(page.get_by_role("heading", name="Koffieochtend De Molen")).to_be_visible()

        page.goto(server.url + "/wijken/WK051305")
        expect(page.get_by_text("Kennen elkaar niet").first).to_be_visible()

        page.goto(server.url + "/gemeenten/GM0513/landschap")
        log_in(page, server)
        expect(page.locator("#netwerk-laden")).to_contain_text("gebruik dan de tabel")
        expect(page.locator("#actoren tbody tr")).to_have_count(23)
        page.get_by_label("Wijk").select_option("WK051307")
        page.get_by_role("button", name="Filteren").click()
        expect(page.locator("#filter-status")).to_contain_text("van 23 actoren getoond")
        schermafdruk(page, "landschap-zonder-javascript", server)
    finally:
        context.close()


def test_overige_paginas_toetsenbord_en_wcag(server, pagina):
    from playwright.sync_api import expect

    # the skip link is the first stop for the keyboard and takes you to the content
    pagina.goto(server.url + "/")
    pagina.keyboard.press("Tab")
    skiplink = pagina.get_by_role("link", name="Direct naar de inhoud")
    expect(skiplink).to_be_focused()
    expect(skiplink).to_be_in_viewport()
    pagina.keyboard.press("Enter")
    assert pagina.url.endswith("#inhoud")

    for pad in (
        "/gemeenten/GM0513",
        "/organisaties",
        "/wijken?gebied=noord",  # several areas with this name: a choice
        "/wijken/WK051307",
        "/?tekst=xyzzy",  # nothing found
        "/?gebied=Nergenshuizen",  # error message at the field
        "/bestaat-niet",  # the Dutch 404 page
    ):
        pagina.goto(server.url + pad)
        expect(pagina.locator("main h1")).to_be_visible()
        axe(pagina, server)
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Pagina niet gevonden")

    pagina.goto(server.url + "/inloggen")
    pagina.get_by_label("API-sleutel").fill("wg_verkeerd")
    pagina.locator("main").get_by_role("button", name="Inloggen").click()
    expect(pagina.get_by_role("alert")).to_contain_text("onbekend of ingetrokken")
    axe(pagina, server)
