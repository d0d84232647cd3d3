"""Text as a source, end to end on both stores: a Dutch paragraph naming two organisations
that work together gives proposals (never facts) with snippet and offsets; accepting makes them
count in the overlap and nuldelijn questions; re-running keeps decisions; garbage gives a
clear message and no facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ingest import demo
from ingest.tekst import beoordeling, inlezen
from ingest.tekst.pijplijn import laad_nlp
from netwerk import model
from netwerk.fouten import OngeldigeInvoer
from wijkgraaf.cli import main

ALINEA = (
    "Jaarverslag 2025\n\n"
    "In de wijk Noord is de samenwerking dit jaar versterkt. Het Sociaal Team Noord werkt "
    "sinds maart samen met het Jeugdteam Gouda-Noord. Stichting Buurtkracht Gouda werkt samen "
    "met Vereniging Present Gouda.\n"
)
ZIN_TEAMS = "Het Sociaal Team Noord werkt sinds maart samen met het Jeugdteam Gouda-Noord."
ZIN_ORGS = "Stichting Buurtkracht Gouda werkt samen met Vereniging Present Gouda."


@pytest.fixture(scope="module")
def nlp():
    return laad_nlp()


@pytest.fixture
def landschap(store):
    demo.importeer(store, voortgang=False)
    return store


def _schrijf(tmp_path: Path, naam: str, tekst: str) -> Path:
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


def _kennis(store, wijk: str, a: str, b: str) -> str:
    for p in store.overlappende_teams(wijk)["paren"]:
        if {t["id"] for t in p["teams"]} == {a, b}:
            return p["kennis"]
    raise AssertionError(f"{a} en {b} overlappen niet in {wijk}")


def _per_soort(store) -> tuple[list, list]:
    lijst = beoordeling.voorstellen(store)
    return (
        [v for v in lijst if v.eigenschappen["soort"] == "knoop"],
        [v for v in lijst if v.eigenschappen["soort"] == "relatie"],
    )


def test_alinea_geeft_voorstellen_met_fragment_en_offsets(landschap, nlp, tmp_path) -> None:
    store = landschap
    voor = store.tellingen()
    pad = _schrijf(tmp_path, "jaarverslag.txt", ALINEA)
    [s] = inlezen.importeer(store, [pad], nlp=nlp, datum="2026-01-15", voortgang=False)
    assert s.fout is None and s.nieuwe_knopen == 2 and s.nieuwe_relaties == 2
    na = store.tellingen()
    # nothing became a fact: only Bron and Voorstel nodes with their provenance were added
    assert na["relaties"][model.WERKT_SAMEN_MET] == voor["relaties"][model.WERKT_SAMEN_MET]
    assert na["knopen"][model.ORGANISATIE] == voor["knopen"][model.ORGANISATIE]
    assert na["knopen"][model.VOORSTEL] == 4

    knopen, relaties = _per_soort(store)
    assert sorted(v.naam for v in knopen) == [
        "Stichting Buurtkracht Gouda",
        "Vereniging Present Gouda",
    ]
    assert {beoordeling.knooplabel(v) for v in knopen} == {model.ORGANISATIE}
    tekst = ALINEA
    per_fragment = {v.fragment: v for v in relaties}
    assert set(per_fragment) == {ZIN_TEAMS, ZIN_ORGS}

    orgs = per_fragment[ZIN_ORGS]
    assert orgs.type == model.WERKT_SAMEN_MET and orgs.status == "voorgesteld"
    assert {orgs.van, orgs.naar} == {v.id for v in knopen}
    assert (orgs.begin, orgs.eind) == (tekst.index(ZIN_ORGS), tekst.index(ZIN_ORGS) + len(ZIN_ORGS))
    assert 0.5 <= orgs.vertrouwen <= 1.0

    teams = per_fragment[ZIN_TEAMS]
    assert (teams.van, teams.naar) == ("demo-st-noord", "demo-jt-noord")
    assert tekst[teams.begin : teams.eind] == ZIN_TEAMS

    bron = store.knoop(orgs.document)
    assert bron.label == model.BRON
    # "Jaarverslag 2025" names no day, so the document's date is unknown
    assert bron.eigenschappen == {"naam": "jaarverslag.txt", "soort": "tekst"}
    uit = [r["relatie"] for r in store.export() if "relatie" in r]
    drietallen = {(r["van"], r["type"], r["naar"]) for r in uit}
    for v in [*knopen, *relaties]:
        assert (v.id, model.GENOEMD_IN, orgs.document) in drietallen
    betreft = {r["naar"] for r in uit if r["van"] == teams.id and r["type"] == model.BETREFT}
    assert betreft == {"demo-st-noord", "demo-jt-noord"}


def test_accepteren_telt_mee_in_overlap(landschap, nlp, tmp_path) -> None:
    store = landschap
    assert _kennis(store, "WK051305", "demo-st-noord", "demo-jt-noord") == "kennen elkaar niet"
    inlezen.importeer(store, [_schrijf(tmp_path, "a.txt", ALINEA)], nlp=nlp, voortgang=False)
    # a proposal alone does not count ...
    assert _kennis(store, "WK051305", "demo-st-noord", "demo-jt-noord") == "kennen elkaar niet"
    # ... unless proposals are asked for, on a temporary copy
    tijdelijk = beoordeling.met_voorstellen(store)
    assert _kennis(tijdelijk, "WK051305", "demo-st-noord", "demo-jt-noord") == "kennen elkaar"
    assert _kennis(store, "WK051305", "demo-st-noord", "demo-jt-noord") == "kennen elkaar niet"

    _, relaties = _per_soort(store)
    teams = next(v for v in relaties if v.van == "demo-st-noord")
    regels = beoordeling.accepteer(store, teams.id, datum="2026-02-01")
    assert any("WERKT_SAMEN_MET" in r for r in regels)
    assert _kennis(store, "WK051305", "demo-st-noord", "demo-jt-noord") == "kennen elkaar"
    paar = next(
        p
        for p in store.overlappende_teams("WK051305")["paren"]
        if {t["id"] for t in p["teams"]} == {"demo-st-noord", "demo-jt-noord"}
    )
    [rel] = paar["uitleg"]["relaties"]
    assert rel["bron"] == teams.document and rel["bevestigd_op"] == "2026-02-01"
    v = beoordeling.lees_voorstel(store, teams.id)
    assert v.status == "geaccepteerd" and v.besloten_op == "2026-02-01"


def _status(store, wijk: str, leefgebied: str) -> str:
    a = store.vraag("nuldelijn", wijk=wijk)
    return next(x["status"] for x in a["leefgebieden"] if x["leefgebied"]["id"] == leefgebied)


def test_accepteren_telt_mee_in_nuldelijn(landschap, nlp, tmp_path) -> None:
    store = landschap
    # Goverwelle: the buurtteam works on financien, SchuldHulpMaatje offers it; no link yet
    assert _status(store, "WK051307", "financien") == "niet verbonden"
    pad = _schrijf(
        tmp_path,
        "goverwelle.txt",
        "Het Buurtteam Goverwelle-Plaswijck werkt samen met SchuldHulpMaatje Gouwestad.",
    )
    inlezen.importeer(store, [pad], nlp=nlp, voortgang=False)
    assert _status(store, "WK051307", "financien") == "niet verbonden"
    assert _status(beoordeling.met_voorstellen(store), "WK051307", "financien") == "verbonden"
    [v] = _per_soort(store)[1]
    assert (v.van, v.type, v.naar) == (
        "demo-bt-goverwelle",
        model.WERKT_SAMEN_MET,
        "demo-schuldhulpmaatje",
    )
    beoordeling.accepteer(store, v.id)
    assert _status(store, "WK051307", "financien") == "verbonden"


def test_relatie_tussen_nieuwe_knopen_en_herhaling(landschap, nlp, tmp_path) -> None:
    store = landschap
    pad = _schrijf(tmp_path, "a.txt", ALINEA)
    inlezen.importeer(store, [pad], nlp=nlp, voortgang=False)
    knopen, relaties = _per_soort(store)
    orgs = next(v for v in relaties if v.fragment == ZIN_ORGS)
    beoordeling.accepteer(store, orgs.id, datum="2026-03-01")
    ids = {beoordeling.knoop_id(model.ORGANISATIE, v.naam) for v in knopen}
    assert store.labels_van(ids) == {i: model.ORGANISATIE for i in ids}
    uit = [r["relatie"] for r in store.export() if "relatie" in r]
    samen = [r for r in uit if r["type"] == model.WERKT_SAMEN_MET and {r["van"], r["naar"]} == ids]
    assert len(samen) == 1 and samen[0]["bron"] == orgs.document
    assert all(beoordeling.lees_voorstel(store, v.id).status == "geaccepteerd" for v in knopen)
    teams = next(v for v in relaties if v.fragment == ZIN_TEAMS)
    beoordeling.wijs_af(store, teams.id)

    # the same text again (another file name): nothing new to review, decisions kept
    [s] = inlezen.importeer(
        store, [_schrijf(tmp_path, "kopie.txt", ALINEA)], nlp=nlp, voortgang=False
    )
    assert s.nieuwe_knopen == 0 and s.nieuwe_relaties == 0
    assert s.al_bekend == 2 and s.al_besloten == 2
    assert beoordeling.voorstellen(store) == []
    assert beoordeling.lees_voorstel(store, teams.id).status == "afgewezen"
    assert beoordeling.lees_voorstel(store, orgs.id).status == "geaccepteerd"
    with pytest.raises(OngeldigeInvoer, match="afgewezen"):
        beoordeling.accepteer(store, teams.id)


def test_afwijzen_van_een_knoop_wijst_zijn_relaties_af(landschap, nlp, tmp_path) -> None:
    store = landschap
    samen = store.tellingen()["relaties"][model.WERKT_SAMEN_MET]
    inlezen.importeer(store, [_schrijf(tmp_path, "a.txt", ALINEA)], nlp=nlp, voortgang=False)
    knopen, relaties = _per_soort(store)
    regels = beoordeling.wijs_af(store, knopen[0].id)
    orgs = next(v for v in relaties if v.fragment == ZIN_ORGS)
    assert any(orgs.id in r for r in regels)
    assert beoordeling.lees_voorstel(store, orgs.id).status == "afgewezen"
    assert [v.id for v in beoordeling.voorstellen(store)] == [
        v.id for v in [knopen[1], *relaties] if v.id != orgs.id
    ]
    assert store.tellingen()["relaties"][model.WERKT_SAMEN_MET] == samen
    assert not store.labels_van([beoordeling.knoop_id(model.ORGANISATIE, knopen[0].naam)])


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("leeg.txt", b"", "het bestand is leeg"),
        ("foto.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binair bestand"),
        (
            "report.txt",
            b"The Social Team North works together with the Welfare Foundation in the district.",
            "geen Nederlandse tekst",
        ),
    ],
)
def test_onzin_geeft_melding_en_geen_feiten(
    landschap, nlp, tmp_path, naam, inhoud, melding
) -> None:
    store = landschap
    pad = tmp_path / naam
    pad.write_bytes(inhoud)
    voor = store.tellingen()
    [s] = inlezen.importeer(store, [pad], nlp=nlp, voortgang=False)
    assert s.fout is not None and melding in s.fout
    assert s.regels() == [f"{naam}: {s.fout}"]
    assert store.tellingen() == voor


def test_cli_ingest_tekst_en_beoordeel(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("WIJKGRAAF_DATA", str(tmp_path / "data"))
    loper = CliRunner()
    assert loper.invoke(main, ["demo"]).exit_code == 0
    pad = _schrijf(tmp_path, "verslag.txt", ALINEA)
    leeg = tmp_path / "leeg.txt"
    leeg.write_bytes(b"")
    uit = loper.invoke(main, ["ingest", "tekst", str(pad), str(leeg)])
    assert uit.exit_code == 1  # one document could not be read
    assert "verslag.txt (tekst" in uit.output and "2 nieuwe knopen, 2 relaties" in uit.output
    assert "leeg.txt: het bestand is leeg" in uit.output

    lijst = loper.invoke(main, ["tekst", "beoordeel"])
    assert lijst.exit_code == 0, lijst.output
    assert "Sociaal Team Noord WERKT_SAMEN_MET Jeugdteam Gouda-Noord" in lijst.output
    assert ZIN_TEAMS in lijst.output and "4 voorstellen" in lijst.output
    vs = loper.invoke(main, ["tekst", "beoordeel", "--json"])
    teams = next(
        v
        for v in json.loads(vs.output)
        if v.get("fragment") == ZIN_TEAMS and v["soort"] == "relatie"
    )
    besluit = loper.invoke(main, ["tekst", "beoordeel", "--accepteer", teams["id"]])
    assert (
        besluit.exit_code == 0 and "demo-st-noord WERKT_SAMEN_MET demo-jt-noord" in besluit.output
    )
    alles = loper.invoke(main, ["tekst", "beoordeel", "--alles-tonen"])
    assert f"{teams['id']} [geaccepteerd]" in alles.output
    fout = loper.invoke(main, ["tekst", "beoordeel", "--wijs-af", teams["id"]])
    assert fout.exit_code == 1 and "al geaccepteerd" in fout.output
    overlap = loper.invoke(main, ["vraag", "overlap", "WK051305", "--json"])
    paren = json.loads(overlap.output)["paren"]
    assert any(
        {t["id"] for t in p["teams"]} == {"demo-st-noord", "demo-jt-noord"}
        and p["kennis"] == "kennen elkaar"
        for p in paren
    )
    # a URL is refused with a clear message
    url = loper.invoke(main, ["ingest", "tekst", "https://example.org/pagina"])
    assert url.exit_code == 1 and "opgeslagen pagina" in url.output
