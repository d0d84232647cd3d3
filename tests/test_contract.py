"""The contract suite: the same fixture on both stores gives the same answers."""

from __future__ import annotations

import pytest

from ingest import cbs, demo, tabel
from netwerk import model
from netwerk.fouten import NietGevonden, OngeldigeInvoer
from netwerk.model import Knoop, Relatie

NOORD, GOVERWELLE = "WK051305", "WK051307"


def _paar(antwoord, a, b):
    for p in antwoord["paren"]:
        if {t["id"] for t in p["teams"]} == {a, b}:
            return p
    raise AssertionError(f"geen paar {a}-{b} in {[p['teams'] for p in antwoord['paren']]}")


def test_initialiseer_laadt_de_leefgebieden(store):
    assert store.tellingen()["knopen"][model.LEEFGEBIED] == 13
    assert store.knoop("financien").eigenschappen["naam"] == "Financiën"


def test_upsert_en_lees_knoop(store):
    cbs.importeer(store, ["GM0513"], voortgang=False)
    store.upsert_knopen(
        [
            Knoop(
                model.TEAM,
                "t1",
                {"naam": "T", "soort": "jeugdteam", "doelgroepen": ["jeugd", "gezinnen"]},
            )
        ]
    )
    k = store.knoop("t1")
    assert k == Knoop(
        model.TEAM, "t1", {"naam": "T", "soort": "jeugdteam", "doelgroepen": ["gezinnen", "jeugd"]}
    )
    assert store.knoop("bestaat-niet") is None
    assert store.labels_van(["t1", "WK051305", "x"]) == {"t1": "Team", "WK051305": "Wijk"}


def test_sleutel_van_ander_label_wordt_geweigerd(store):
    store.upsert_knopen([Knoop(model.TEAM, "x1", {"naam": "T"})])
    with pytest.raises(OngeldigeInvoer):
        store.upsert_knopen([Knoop(model.ORGANISATIE, "x1", {"naam": "O"})])
    assert store.knoop("x1").label == model.TEAM


def test_relatie_per_bron(store):
    store.upsert_knopen(
        [Knoop(model.TEAM, "a", {"naam": "A"}), Knoop(model.TEAM, "b", {"naam": "B"})]
    )
    r1 = Relatie("a", model.WERKT_SAMEN_MET, "b", "bron1", "2026-01-01")
    r2 = Relatie("a", model.WERKT_SAMEN_MET, "b", "bron2", "2026-02-01")
    store.upsert_relaties([r1, r2, Relatie("a", model.WERKT_SAMEN_MET, "b", "bron1", "2026-03-01")])
    assert store.tellingen()["relaties"][model.WERKT_SAMEN_MET] == 2
    relaties = [r["relatie"] for r in store.export() if "relatie" in r]
    assert [(r["bron"], r["bevestigd_op"]) for r in relaties] == [
        ("bron1", "2026-03-01"),
        ("bron2", "2026-02-01"),
    ]


def test_demo_opnieuw_laden_verandert_niets(demo_store):
    voor = demo_store.tellingen()
    assert voor["knopen"][model.TEAM] == 8 and voor["knopen"][model.BUURT] == 51
    demo.importeer(demo_store, voortgang=False)
    assert demo_store.tellingen() == voor


def test_overlap_noord(demo_store):
    a = demo_store.overlappende_teams(NOORD)
    assert a["wijk"] == {
        "code": NOORD,
        "naam": "Noord",
        "gemeente": "GM0513",
        "inwoners": a["wijk"]["inwoners"],
        "buurten": 7,
    }
    assert a["teams"] == 4
    # the gemeente-level Wmo-loket covers every buurt of the wijk
    wmo = _paar(a, "demo-st-noord", "demo-wmo-loket")
    assert len(wmo["gedeelde_buurten"]) == 7 and wmo["kennis"] == "kennen elkaar"
    assert wmo["uitleg"]["relaties"][0]["bron"] == "demo-gouda"
    jt = _paar(a, "demo-jt-noord", "demo-st-noord")
    assert jt["kennis"] == "kennen elkaar niet"
    assert [x["id"] for x in jt["gedeelde_leefgebieden"]] == [
        "geestelijke-gezondheid",
        "huiselijke-relaties",
    ]
    okt = _paar(a, "demo-okt-noord", "demo-st-noord")
    assert okt["kennis"] == "indirect"
    assert okt["via"] == [{"id": "demo-welzijn", "naam": "Stichting Welzijn De Gouwe"}]
    assert [b["code"] for b in okt["gedeelde_buurten"]] == ["BU05130500", "BU05130504"]
    scores = [p["score"] for p in a["paren"]]
    assert scores == sorted(scores, reverse=True)


def test_overlap_onbekende_wijk(demo_store):
    with pytest.raises(NietGevonden):
        demo_store.overlappende_teams("WK999999")


def test_overlap_lege_wijk(demo_store):
    # Stolwijkersluis: no team works there at buurt or wijk level; only the gemeente-wide loket.
    a = demo_store.overlappende_teams("WK051308")
    assert a["teams"] == 1 and a["paren"] == []


def test_tellingen_en_export_kloppen(demo_store):
    export = list(demo_store.export())
    knopen = [r["knoop"] for r in export if "knoop" in r]
    relaties = [r["relatie"] for r in export if "relatie" in r]
    t = demo_store.tellingen()
    assert len(knopen) == sum(t["knopen"].values())
    assert len(relaties) == sum(t["relaties"].values())
    assert [k["id"] for k in knopen] == sorted(k["id"] for k in knopen)


def test_tabel_import_is_idempotent(store, tmp_path):
    cbs.importeer(store, ["GM0513"], voortgang=False)
    pad = tmp_path / "teams.csv"
    pad.write_text(
        "id,naam,soort,werkgebied,leefgebieden\nt1,Team 1,jeugdteam,WK051301,Financiën\n",
        encoding="utf-8",
    )
    tabel.importeer(store, [pad], datum="2026-01-01", voortgang=False)
    voor = store.tellingen()
    tabel.importeer(store, [pad], datum="2026-02-01", voortgang=False)
    assert store.tellingen() == voor


@pytest.mark.neo4j
def test_beide_stores_geven_hetzelfde(geheugen_store, neo4j_store):
    """Same fixture on both stores: identical export and identical answers for every wijk."""
    for s in (geheugen_store, neo4j_store):
        demo.importeer(s, voortgang=False)
    assert list(geheugen_store.export()) == list(neo4j_store.export())
    wijken = [k.id for k in cbs.records(cbs.referentie(), ["GM0513"])[0] if k.label == model.WIJK]
    for w in wijken:
        assert geheugen_store.overlappende_teams(w) == neo4j_store.overlappende_teams(w), w
