"""The question ``alternatieven``: collective alternatives for an individual need, on both
stores."""

from __future__ import annotations

import pytest

from ingest import cbs, demo, tabel
from netwerk import model
from netwerk.fouten import NietGevonden, OngeldigeInvoer
from netwerk.model import Knoop, Relatie

NOORD, KORT_HAARLEM, STOLWIJKERSLUIS, WESTERGOUWE = "WK051305", "WK051306", "WK051308", "WK051309"
DATUM = "2026-12-01"


def _alternatieven(store, **params):
    """The alternatieven answer on either store, through the store's own question dispatch."""
    return store.vraag("alternatieven", **params)


def _importeer(store, tmp_path, **bestanden: str) -> None:
    paden = []
    for naam, tekst in bestanden.items():
        pad = tmp_path / f"{naam}.csv"
        pad.write_text(tekst, encoding="utf-8")
        paden.append(pad)
    rapport = tabel.importeer(store, paden, datum=DATUM, voortgang=False)
    assert rapport.in_orde, rapport.regels()


def _stappen(antwoord):
    return [(x["id"], x["afstand"]["stap"]) for x in antwoord["alternatieven"]]


def _item(antwoord, id_):
    for x in antwoord["alternatieven"]:
        if x["id"] == id_:
            return x
    raise AssertionError(f"geen alternatief {id_}")


def test_begeleiding_in_noord(demo_store):
    a = _alternatieven(demo_store, wijk=NOORD, aanbod="demo-ib-begeleiding")
    assert a["wijk"] == {"code": NOORD, "naam": "Noord", "gemeente": "GM0513", "inwoners": 10615}
    assert [b["code"] for b in a["buurwijken"]] == ["WK051303", "WK051304", "WK051306", "WK051307"]
    assert a["vraag"]["aanbod"]["id"] == "demo-ib-begeleiding"
    assert a["vraag"]["aanbod"]["aanbieders"][0]["id"] == "demo-zorggroep"
    assert [x["id"] for x in a["vraag"]["leefgebieden"]] == [
        "tijdsbesteding",
        "instrumentele-adl",
        "sociaal-netwerk",
    ]
    assert [x["id"] for x in a["vraag"]["doelgroepen"]] == [
        "mensen-met-een-beperking",
        "ouderen",
        "volwassenen",
    ]
    # the Mantelzorgcafé (mantelzorgers) and Jongerenwerk (jongeren) do not fit the doelgroepen;
    # maatwerk and the asked offer itself are never alternatives
    assert _stappen(a) == [
        ("demo-repair", "in de wijk"),
        ("demo-maatje", "in de wijk"),
        ("demo-formulierenhulp", "in de wijk"),
        ("demo-inloop-kh", "buurwijk"),
        ("demo-beweegclub", "buurwijk"),
        ("demo-koffie", "buurwijk"),
    ]
    assert a["aantallen"] == {"in de wijk": 3, "buurwijk": 3, "elders in de gemeente": 0}

    inloop = _item(a, "demo-inloop-kh")
    assert inloop["afstand"] == {
        "stap": "buurwijk",
        "gemeentebreed": False,
        "wijken": [{"code": KORT_HAARLEM, "naam": "Kort Haarlem"}],
        "werkgebied": [
            {
                "gebied": KORT_HAARLEM,
                "soort": "Wijk",
                "naam": "Kort Haarlem",
                "bron": "demo-gouda",
                "bevestigd_op": "2026-11-01",
            }
        ],
        "grenzen": [
            {"van": NOORD, "naar": KORT_HAARLEM, "bron": "cbs-2024", "bevestigd_op": "2024-01-01"}
        ],
    }
    assert [x["id"] for x in inloop["gedeelde_leefgebieden"]] == [
        "sociaal-netwerk",
        "tijdsbesteding",
    ]
    assert inloop["gedeelde_leefgebieden"][0]["naam"] == "Sociaal netwerk"
    assert inloop["gedeelde_doelgroepen"] == [
        {"id": "ouderen", "naam": "Ouderen (65+)"},
        {"id": "volwassenen", "naam": "Volwassenen"},
    ]
    assert inloop["doelgroep"] == "gedeelde doelgroep"
    assert inloop["aanbieders"] == [
        {
            "id": "demo-buurtkamer-kh",
            "naam": "Buurtkamer Kort Haarlem",
            "label": "Initiatief",
            "relaties": [{"bron": "demo-gouda", "bevestigd_op": "2026-11-01"}],
        }
    ]
    # the gemeente-wide Maatje is in the wijk because it covers the whole gemeente
    maatje = _item(a, "demo-maatje")
    assert maatje["afstand"]["gemeentebreed"] is True
    assert maatje["afstand"]["werkgebied"][0]["gebied"] == "GM0513"
    # the Koffieochtend is in a buurt of neighbouring Goverwelle
    koffie = _item(a, "demo-koffie")
    assert koffie["afstand"]["wijken"] == [{"code": "WK051307", "naam": "Goverwelle"}]
    assert koffie["afstand"]["werkgebied"][0]["gebied"] == "BU05130701"
    # the Formulierenhulp is open to everyone and the Binnenstad team already refers to it
    formulier = _item(a, "demo-formulierenhulp")
    assert formulier["doelgroep"] == "voor iedereen" and formulier["gedeelde_doelgroepen"] == []
    assert formulier["verwijzende_teams"] == [
        {
            "id": "demo-st-centrum",
            "naam": "Sociaal Team Binnenstad",
            "relaties": [{"bron": "demo-gouda", "bevestigd_op": "2026-11-01"}],
        }
    ]


def test_stolwijkersluis_alle_drie_de_stappen(demo_store):
    a = _alternatieven(demo_store, wijk=STOLWIJKERSLUIS, aanbod="demo-ib-begeleiding")
    assert _stappen(a) == [
        ("demo-maatje", "in de wijk"),
        ("demo-inloop-kh", "buurwijk"),
        ("demo-koffie", "buurwijk"),
        ("demo-formulierenhulp", "buurwijk"),
        ("demo-repair", "elders in de gemeente"),
        ("demo-beweegclub", "elders in de gemeente"),
    ]
    # active in the Binnenstad (a neighbour) and in Noord: placed at the nearest step
    formulier = _item(a, "demo-formulierenhulp")
    assert formulier["afstand"]["wijken"] == [{"code": "WK051301", "naam": "Binnenstad"}]
    assert [w["gebied"] for w in formulier["afstand"]["werkgebied"]] == ["WK051301"]
    repair = _item(a, "demo-repair")
    assert repair["afstand"]["wijken"] == [{"code": NOORD, "naam": "Noord"}]
    assert repair["afstand"]["grenzen"] == []


def test_op_leefgebied_en_doelgroep(demo_store):
    a = _alternatieven(demo_store, wijk=NOORD, leefgebied="Financiën", doelgroep="schulden")
    assert a["vraag"] == {
        "aanbod": None,
        "leefgebieden": [{"id": "financien", "naam": "Financiën"}],
        "doelgroepen": [{"id": "mensen-met-schulden", "naam": "Mensen met schulden"}],
    }
    # a shared doelgroep ranks above "voor iedereen"
    assert _stappen(a) == [("demo-shm", "in de wijk"), ("demo-formulierenhulp", "in de wijk")]
    assert [t["id"] for t in _item(a, "demo-shm")["verwijzende_teams"]] == ["demo-st-noord"]


def test_op_leefgebied_elders_in_de_gemeente(demo_store):
    # Westergouwe borders Binnenstad, De Korte Akkeren and Bloemendaal: nothing there
    a = _alternatieven(demo_store, wijk=WESTERGOUWE, leefgebied="dagbesteding")
    assert a["vraag"]["leefgebieden"] == [{"id": "tijdsbesteding", "naam": "Tijdsbesteding"}]
    assert _stappen(a) == [
        ("demo-inloop-kh", "elders in de gemeente"),
        ("demo-jongerenwerk", "elders in de gemeente"),
        ("demo-repair", "elders in de gemeente"),
    ]
    assert {x["doelgroep"] for x in a["alternatieven"]} == {"geen doelgroep gevraagd"}


def test_verwijzende_teams_bepalen_de_volgorde(demo_store, tmp_path):
    a = _alternatieven(demo_store, wijk=NOORD, leefgebied="sociaal-netwerk")
    assert [i for i, s in _stappen(a) if s == "in de wijk"] == [
        "demo-maatje",
        "demo-mantelzorgcafe",
        "demo-repair",
    ]
    # two teams, one of them through two sources, refer to the Repair Café
    _importeer(
        demo_store,
        tmp_path,
        relaties=(
            "van,type,naar,bron\n"
            "demo-jt-noord,VERWIJST_NAAR,demo-repair,overleg\n"
            "demo-jt-noord,VERWIJST_NAAR,demo-repair,intake\n"
            "demo-okt-noord,VERWIJST_NAAR,demo-mantelzorgcafe,overleg\n"
            "demo-st-noord,VERWIJST_NAAR,demo-repair,overleg\n"
        ),
    )
    a = _alternatieven(demo_store, wijk=NOORD, leefgebied="sociaal-netwerk")
    assert [i for i, s in _stappen(a) if s == "in de wijk"] == [
        "demo-repair",
        "demo-mantelzorgcafe",
        "demo-maatje",
    ]
    repair = _item(a, "demo-repair")
    assert [(t["id"], len(t["relaties"])) for t in repair["verwijzende_teams"]] == [
        ("demo-jt-noord", 2),
        ("demo-st-noord", 1),
    ]
    assert repair["verwijzende_teams"][0]["relaties"] == [
        {"bron": "intake", "bevestigd_op": DATUM},
        {"bron": "overleg", "bevestigd_op": DATUM},
    ]


def test_grens_in_beide_richtingen_en_aanbod_ook_in_de_wijk(demo_store, tmp_path):
    demo_store.upsert_relaties(
        [Relatie(KORT_HAARLEM, model.GRENST_AAN, NOORD, "eigen-kaart", "2025-06-01")]
    )
    _importeer(
        demo_store,
        tmp_path,
        aanbod=(
            "id,naam,vorm,werkgebied,leefgebieden\n"
            "overal,Buurtmaaltijd,collectief,GM0513;WK051305,Sociaal netwerk\n"
        ),
    )
    a = _alternatieven(demo_store, wijk=NOORD, aanbod="demo-ib-begeleiding")
    buur = next(b for b in a["buurwijken"] if b["code"] == KORT_HAARLEM)
    assert buur["relaties"] == [
        {"van": NOORD, "naar": KORT_HAARLEM, "bron": "cbs-2024", "bevestigd_op": "2024-01-01"},
        {"van": KORT_HAARLEM, "naar": NOORD, "bron": "eigen-kaart", "bevestigd_op": "2025-06-01"},
    ]
    assert len(_item(a, "demo-inloop-kh")["afstand"]["grenzen"]) == 2
    # active in the gemeente and in the wijk itself: in the wijk, not only gemeente-wide
    overal = _item(a, "overal")
    assert overal["afstand"]["stap"] == "in de wijk"
    assert overal["afstand"]["gemeentebreed"] is False
    assert [w["gebied"] for w in overal["afstand"]["werkgebied"]] == ["GM0513", NOORD]
    # no doelgroepen: open to all
    assert overal["doelgroep"] == "geen doelgroepen" and overal["aanbieders"] == []


def test_buurwijk_over_de_gemeentegrens(store, tmp_path):
    cbs.importeer(store, ["GM0513", "GM1901"], voortgang=False)
    demo.importeer(store, voortgang=False)
    _importeer(
        store,
        tmp_path,
        aanbod=(
            "id,naam,vorm,werkgebied,leefgebieden\n"
            "regio,Regionale lotgenotengroep,collectief,GM1901,Sociaal netwerk\n"
            "reeuwijk,Inloop Reeuwijk,collectief,WK190101,Sociaal netwerk\n"
        ),
    )
    a = _alternatieven(store, wijk=NOORD, leefgebied="Sociaal netwerk")
    # Noord borders WK190105 of Bodegraven-Reeuwijk: an offer for that whole gemeente is near;
    # one in another wijk of that gemeente is too far
    assert "WK190105" in [b["code"] for b in a["buurwijken"]]
    regio = _item(a, "regio")
    assert regio["afstand"]["stap"] == "buurwijk"
    assert [w["code"] for w in regio["afstand"]["wijken"]] == ["WK190105"]
    assert "reeuwijk" not in [x["id"] for x in a["alternatieven"]]


def test_wijk_zonder_gemeente_en_buren(store):
    store.upsert_knopen(
        [
            Knoop(model.WIJK, "WK999901", {"naam": "Nergens"}),
            Knoop(model.AANBOD, "hier", {"naam": "Inloop", "vorm": "algemeen"}),
        ]
    )
    store.upsert_relaties(
        [
            Relatie("hier", model.ACTIEF_IN, "WK999901", "x", "2026-01-01"),
            Relatie("hier", model.RICHT_ZICH_OP, "justitie", "x", "2026-01-01"),
        ]
    )
    a = _alternatieven(store, wijk="WK999901", leefgebied="justitie", doelgroep="jongeren")
    assert a["buurwijken"] == []
    assert _stappen(a) == [("hier", "in de wijk")]
    assert a["alternatieven"][0]["doelgroep"] == "geen doelgroepen"
    assert _alternatieven(store, wijk="WK999901", leefgebied="financien")["alternatieven"] == []


def test_fouten(demo_store):
    with pytest.raises(NietGevonden):
        _alternatieven(demo_store, wijk="WK999999", aanbod="demo-ib-begeleiding")
    with pytest.raises(NietGevonden):
        _alternatieven(demo_store, wijk=NOORD, aanbod="bestaat-niet")
    with pytest.raises(NietGevonden):  # a key of another label is not an aanbod
        _alternatieven(demo_store, wijk=NOORD, aanbod="demo-st-noord")
    with pytest.raises(OngeldigeInvoer, match="individueel-maatwerk"):
        _alternatieven(demo_store, wijk=NOORD, aanbod="demo-inloop-kh")
    with pytest.raises(OngeldigeInvoer):
        _alternatieven(demo_store, wijk=NOORD)
    with pytest.raises(OngeldigeInvoer):
        _alternatieven(demo_store, wijk=NOORD, aanbod="demo-ib-begeleiding", leefgebied="justitie")
    with pytest.raises(OngeldigeInvoer):
        _alternatieven(demo_store, wijk=NOORD, leefgebied="Gokken")
    with pytest.raises(OngeldigeInvoer):
        _alternatieven(demo_store, wijk=NOORD, leefgebied="justitie", doelgroep="katten")
    # invalid parameters are reported before an unknown wijk, on both stores
    with pytest.raises(OngeldigeInvoer):
        _alternatieven(demo_store, wijk="WK999999", leefgebied="Gokken")


@pytest.mark.neo4j
def test_beide_stores_geven_hetzelfde(geheugen_store, neo4j_store):
    for s in (geheugen_store, neo4j_store):
        demo.importeer(s, voortgang=False)
    wijken = [k.id for k in cbs.records(cbs.referentie(), ["GM0513"])[0] if k.label == model.WIJK]
    maatwerk = ["demo-hh-hulp", "demo-ib-begeleiding", "demo-jeugdhulp", "demo-schuldhulp"]
    vragen = [{"aanbod": x} for x in maatwerk]
    vragen += [{"leefgebied": lg} for lg in model.LEEFGEBIED_IDS]
    vragen += [{"leefgebied": "sociaal-netwerk", "doelgroep": dg} for dg in model.DOELGROEP_IDS]
    for w in wijken:
        for p in vragen:
            assert _alternatieven(geheugen_store, wijk=w, **p) == _alternatieven(
                neo4j_store, wijk=w, **p
            ), (w, p)
