"""The question ``nuldelijn``: nuldelijn-gaten per leefgebied in a wijk, on both stores."""

from __future__ import annotations

import re

import pytest

from ingest import cbs, demo
from netwerk import model
from netwerk.fouten import NietGevonden, OngeldigeInvoer
from netwerk.model import Knoop

NOORD, GOVERWELLE, STOLWIJKERSLUIS, WESTERGOUWE = "WK051305", "WK051307", "WK051308", "WK051309"
DATUM = "2026-12-01"


def _nuldelijn(store, **params):
    """The nuldelijn answer on either store, through the store's own question dispatch."""
    return store.vraag("nuldelijn", **params)


def _lg(antwoord, lg):
    for x in antwoord["leefgebieden"]:
        if x["leefgebied"]["id"] == lg:
            return x
    raise AssertionError(f"geen leefgebied {lg}")


def _ids(rijen):
    return [r["id"] for r in rijen]


def test_noord(demo_store):
    a = _nuldelijn(demo_store, wijk=NOORD)
    assert a["wijk"] == {
        "code": NOORD,
        "naam": "Noord",
        "gemeente": "GM0513",
        "inwoners": 10615,
        "buurten": 7,
    }
    assert a["teams"] == 4 and a["teams_zonder_leefgebied"] == []
    assert len(a["leefgebieden"]) == 13
    # worst gaps first: status, then more teams, then ZRM order
    assert [(x["leefgebied"]["id"], x["status"]) for x in a["leefgebieden"]] == [
        ("huisvesting", "geen aanbod"),
        ("lichamelijke-gezondheid", "geen aanbod"),
        ("werk-en-opleiding", "geen aanbod"),
        ("basale-adl", "geen aanbod"),
        ("instrumentele-adl", "niet verbonden"),
        ("huiselijke-relaties", "verbonden"),
        ("geestelijke-gezondheid", "verbonden"),
        ("financien", "verbonden"),
        ("sociaal-netwerk", "verbonden"),
        ("tijdsbesteding", "geen teams"),
        ("middelengebruik", "geen teams"),
        ("maatschappelijke-participatie", "geen teams"),
        ("justitie", "geen teams"),
    ]
    assert a["statussen"] == {
        "geen aanbod": 4,
        "niet verbonden": 1,
        "verbonden": 4,
        "geen teams": 4,
    }

    # the Jeugdteam works on Werk & opleiding, but the Taalcafé is in De Korte Akkeren
    wo = _lg(a, "werk-en-opleiding")
    assert _ids(wo["teams"]) == ["demo-jt-noord"]
    assert wo["aanbod"] == [] and wo["initiatieven"] == []

    # the gemeente-wide Wmo-loket works on Instrumentele ADL; the library's Formulierenhulp is
    # there, but the loket knows neither the offer nor the library
    iadl = _lg(a, "instrumentele-adl")
    assert _ids(iadl["teams"]) == ["demo-wmo-loket"]
    assert iadl["teams"][0]["werkgebied"] == [
        {
            "gebied": "GM0513",
            "soort": "Gemeente",
            "bron": "demo-gouda",
            "bevestigd_op": "2026-11-01",
        }
    ]
    assert _ids(iadl["aanbod"]) == ["demo-formulierenhulp"]
    formulier = iadl["aanbod"][0]
    assert formulier["nuldelijn_omdat"] == [
        "aanbieder Bibliotheek Gouwe en IJssel (demo-bibliotheek) is een organisatie met rol "
        "'voorliggend veld'"
    ]
    assert formulier["verbindingen"] == []
    assert iadl["aantallen"] == {"teams": 1, "aanbod": 1, "initiatieven": 0, "verbindingen": 0}
    assert iadl["per_10000_inwoners"] == {"teams": 0.94, "aanbod": 0.94, "initiatieven": 0.0}

    # Financiën: the Sociaal Team refers to SchuldHulpMaatje (gemeente-wide offer)
    fin = _lg(a, "financien")
    shm = next(o for o in fin["aanbod"] if o["id"] == "demo-shm")
    assert shm["werkgebied"][0]["gebied"] == "GM0513"
    assert shm["verbindingen"] == [
        {
            "team": {"id": "demo-st-noord", "naam": "Sociaal Team Noord"},
            "van": "demo-st-noord",
            "type": "VERWIJST_NAAR",
            "naar": "demo-shm",
            "via": {"id": "demo-shm", "naam": "SchuldHulpMaatje", "rol": "aanbod"},
            "bron": "demo-gouda",
            "bevestigd_op": "2026-11-01",
        }
    ]

    # Huiselijke relaties: two teams linked to the opvoedcursus through its aanbieder Welzijn
    hr = _lg(a, "huiselijke-relaties")
    assert _ids(hr["teams"]) == ["demo-jt-noord", "demo-okt-noord", "demo-st-noord"]
    cursus = hr["aanbod"][0]
    assert cursus["id"] == "demo-opvoedcursus"
    assert [(v["team"]["id"], v["via"]["rol"], v["via"]["id"]) for v in cursus["verbindingen"]] == [
        ("demo-okt-noord", "aanbieder", "demo-welzijn"),
        ("demo-st-noord", "aanbieder", "demo-welzijn"),
    ]
    assert hr["aantallen"]["verbindingen"] == 2
    assert hr["per_10000_inwoners"]["teams"] == round(3 * 10000 / 10615, 2) == 2.83

    # an initiatief counts on a leefgebied through its own focus or through its offers
    sn = _lg(a, "sociaal-netwerk")
    # the Mantelzorgcafé is linked to a team of the leefgebied, so it is listed first
    assert _ids(sn["aanbod"]) == ["demo-mantelzorgcafe", "demo-maatje", "demo-repair"]
    assert [bool(o["verbindingen"]) for o in sn["aanbod"]] == [True, False, False]
    assert sn["meer"] == {"aanbod": 0, "initiatieven": 0}
    assert _ids(sn["initiatieven"]) == ["demo-maatjes", "demo-repair-noord"]
    repair = sn["initiatieven"][1]
    assert repair["richt_zich_op"] == []
    assert [x["id"] for x in repair["biedt_aan"]] == ["demo-repair"]
    # no team works on Tijdsbesteding, although the nuldelijn does
    tijd = _lg(a, "tijdsbesteding")
    assert tijd["teams"] == [] and _ids(tijd["aanbod"]) == ["demo-jongerenwerk", "demo-repair"]


def test_goverwelle_teams_zonder_nuldelijn(demo_store):
    a = _nuldelijn(demo_store, wijk=GOVERWELLE)
    assert a["wijk"]["naam"] == "Goverwelle" and a["teams"] == 3
    # nobody in Goverwelle is linked to the nuldelijn
    assert a["statussen"]["verbonden"] == 0
    assert [(x["leefgebied"]["id"], x["status"]) for x in a["leefgebieden"]] == [
        ("huiselijke-relaties", "geen aanbod"),
        ("tijdsbesteding", "geen aanbod"),
        ("huisvesting", "geen aanbod"),
        ("lichamelijke-gezondheid", "geen aanbod"),
        ("basale-adl", "geen aanbod"),
        ("instrumentele-adl", "geen aanbod"),
        ("geestelijke-gezondheid", "niet verbonden"),
        ("financien", "niet verbonden"),
        ("sociaal-netwerk", "niet verbonden"),
        ("werk-en-opleiding", "geen teams"),
        ("middelengebruik", "geen teams"),
        ("maatschappelijke-participatie", "geen teams"),
        ("justitie", "geen teams"),
    ]
    sn = _lg(a, "sociaal-netwerk")
    assert _ids(sn["teams"]) == ["demo-bt-goverwelle"]
    assert _ids(sn["aanbod"]) == ["demo-koffie", "demo-maatje", "demo-mantelzorgcafe"]
    assert _ids(sn["initiatieven"]) == ["demo-koffie-molen", "demo-maatjes"]
    koffie = sn["aanbod"][0]
    assert koffie["werkgebied"] == [
        {
            "gebied": "BU05130701",
            "soort": "Buurt",
            "bron": "demo-gouda",
            "bevestigd_op": "2026-11-01",
        }
    ]
    assert koffie["nuldelijn_omdat"] == [
        "aanbieder Koffieochtend De Molen (demo-koffie-molen) is een initiatief"
    ]
    assert sn["aantallen"] == {"teams": 1, "aanbod": 3, "initiatieven": 2, "verbindingen": 0}
    assert sn["per_10000_inwoners"] == {"teams": 0.94, "aanbod": 2.81, "initiatieven": 1.87}
    ggz = _lg(a, "geestelijke-gezondheid")
    assert _ids(ggz["teams"]) == ["demo-bt-goverwelle", "demo-jt-zuid"]


def test_stolwijkersluis_alleen_het_gemeentelijke_loket(demo_store):
    # no team works in this wijk itself: only the gemeente-wide Wmo-loket covers it
    a = _nuldelijn(demo_store, wijk=STOLWIJKERSLUIS)
    assert a["teams"] == 1 and a["wijk"]["inwoners"] == 435
    bezet = [x for x in a["leefgebieden"] if x["status"] != "geen teams"]
    assert [x["leefgebied"]["id"] for x in bezet] == [
        "huisvesting",
        "lichamelijke-gezondheid",
        "basale-adl",
        "instrumentele-adl",
    ]
    assert {x["status"] for x in bezet} == {"geen aanbod"}
    assert bezet[0]["per_10000_inwoners"]["teams"] == round(10000 / 435, 2) == 22.99
    assert bezet[0]["teams"][0]["werkgebied"][0]["soort"] == model.GEMEENTE
    # the gemeente-wide offers are available here, with no team to link to them
    sn = _lg(a, "sociaal-netwerk")
    assert sn["status"] == "geen teams"
    assert _ids(sn["aanbod"]) == ["demo-maatje", "demo-mantelzorgcafe"]


def test_wijk_met_een_team(demo_store):
    # Westergouwe: one team (the Wmo-loket, at gemeente level), so one team per leefgebied
    a = _nuldelijn(demo_store, wijk=WESTERGOUWE)
    assert a["teams"] == 1
    assert {x["aantallen"]["teams"] for x in a["leefgebieden"]} == {0, 1}
    assert a["statussen"] == {
        "geen aanbod": 4,
        "niet verbonden": 0,
        "verbonden": 0,
        "geen teams": 9,
    }


def test_lege_wijk_zonder_inwoners(store):
    # a wijk without gemeente, buurten, teams, aanbod or known population
    store.upsert_knopen([Knoop(model.WIJK, "WK999901", {"naam": "Nergens"})])
    a = _nuldelijn(store, wijk="WK999901")
    assert a["wijk"] == {
        "code": "WK999901",
        "naam": "Nergens",
        "gemeente": None,
        "inwoners": None,
        "buurten": 0,
    }
    assert a["teams"] == 0
    assert [x["leefgebied"]["id"] for x in a["leefgebieden"]] == list(model.LEEFGEBIED_IDS)
    for x in a["leefgebieden"]:
        assert x["status"] == "geen teams"
        assert x["per_10000_inwoners"] == {"teams": None, "aanbod": None, "initiatieven": None}


def test_buurtteam_zonder_leefgebied_en_eigen_aanbod(store, laad_csv):
    cbs.importeer(store, ["GM0513"], voortgang=False)
    laad_csv(
        store,
        organisaties="id,naam,rol\nhuisarts,Huisartsen Noord,eerstelijn\n",
        teams=(
            "id,naam,soort,werkgebied,leefgebieden\n"
            "bt1,Buurtteam Noord-Oost,buurtteam,BU05130500,Financiën\n"
            "leeg,Team zonder leefgebied,buurtteam,BU05130501,\n"
            "ander,Team elders,buurtteam,BU05130100,Financiën\n"
        ),
        aanbod=(
            "id,naam,vorm,aanbieder,werkgebied,leefgebieden\n"
            "zonder,Geldcafé,algemeen,,BU05130502,Financiën\n"
            "eerste,Cursus van de huisarts,collectief,huisarts,WK051305,Financiën\n"
            "maat,Budgetbegeleiding,individueel-maatwerk,,WK051305,Financiën\n"
        ),
    )
    a = _nuldelijn(store, wijk=NOORD)
    assert a["teams"] == 2
    assert a["teams_zonder_leefgebied"] == [
        {"id": "leeg", "naam": "Team zonder leefgebied", "soort": "buurtteam"}
    ]
    fin = a["leefgebieden"][0]
    assert fin["leefgebied"]["id"] == "financien" and fin["status"] == "niet verbonden"
    assert _ids(fin["teams"]) == ["bt1"]
    assert fin["teams"][0]["werkgebied"][0]["gebied"] == "BU05130500"
    # only the offer without aanbieder counts: not the huisarts's cursus, not maatwerk
    assert _ids(fin["aanbod"]) == ["zonder"]
    assert fin["aanbod"][0]["nuldelijn_omdat"] == ["geen aanbieder bekend"]
    assert all(x["teams"] == [] for x in a["leefgebieden"][1:])


def test_relaties_in_beide_richtingen(demo_store, laad_csv):
    laad_csv(
        demo_store,
        relaties=(
            "van,type,naar,bron\n"
            "demo-welzijn,WERKT_SAMEN_MET,demo-st-noord,overleg\n"
            "demo-bibliotheek,WERKT_SAMEN_MET,demo-wmo-loket,overleg\n"
            "demo-wmo-loket,WERKT_SAMEN_MET,demo-bibliotheek,overleg\n"
        ),
    )
    a = _nuldelijn(demo_store, wijk=NOORD)
    iadl = _lg(a, "instrumentele-adl")
    assert iadl["status"] == "verbonden"
    # two stored relationships, one fact
    assert iadl["aantallen"]["verbindingen"] == 1
    assert [(v["van"], v["naar"], v["bron"]) for v in iadl["aanbod"][0]["verbindingen"]] == [
        ("demo-bibliotheek", "demo-wmo-loket", "overleg"),
        ("demo-wmo-loket", "demo-bibliotheek", "overleg"),
    ]
    hr = _lg(a, "huiselijke-relaties")
    assert hr["aantallen"]["verbindingen"] == 2
    st = [v for v in hr["aanbod"][0]["verbindingen"] if v["team"]["id"] == "demo-st-noord"]
    assert [(v["van"], v["bron"], v["bevestigd_op"]) for v in st] == [
        ("demo-st-noord", "demo-gouda", "2026-11-01"),
        ("demo-welzijn", "overleg", DATUM),
    ]


def test_onbekende_wijk(demo_store):
    for code in ("WK999999", "BU05130500", "demo-st-noord"):
        with pytest.raises(NietGevonden):
            _nuldelijn(demo_store, wijk=code)


@pytest.mark.neo4j
def test_beide_stores_geven_hetzelfde(geheugen_store, neo4j_store):
    for s in (geheugen_store, neo4j_store):
        demo.importeer(s, voortgang=False)
    wijken = [k.id for k in cbs.records(cbs.referentie(), ["GM0513"])[0] if k.label == model.WIJK]
    assert len(wijken) == 9
    for w in wijken:
        assert _nuldelijn(geheugen_store, wijk=w) == _nuldelijn(neo4j_store, wijk=w), w


# --- lists: per_lijst and leefgebied ---------------------------------------------------------

VEEL_AANBOD = {
    "organisaties": (
        "id,naam,rol\n"
        "welzijn,Welzijn Noord,voorliggend veld\n"
        "huisarts,Huisartsen Noord,eerstelijn\n"
    ),
    "teams": (
        "id,naam,soort,werkgebied,leefgebieden\n"
        "bt1,Buurtteam Noord-Oost,buurtteam,BU05130500,Financiën\n"
        "bt2,Buurtteam Noord-West,buurtteam,WK051305,Sociaal netwerk\n"
    ),
    "aanbod": (
        "id,naam,vorm,aanbieder,werkgebied,leefgebieden\n"
        + "".join(f"a{n:02},Geldcafé {n},algemeen,,WK051305,Financiën\n" for n in range(1, 13))
        + "a13,Budgetcursus,collectief,welzijn,GM0513,Financiën\n"
        "h1,Cursus van de huisarts,collectief,huisarts,WK051305,Financiën\n"
        "h2,Cursus samen met Welzijn,collectief,huisarts,WK051305,Financiën\n"
        "m1,Budgetbegeleiding,individueel-maatwerk,,WK051305,Financiën\n"
    ),
    "initiatieven": (
        "id,naam,soort,werkgebied,leefgebieden\n"
        + "".join(
            f"i{n},Geldmaatjes {n},bewonersinitiatief,WK051305,Financiën\n" for n in (1, 2, 3)
        )
    ),
    "relaties": (
        "van,type,naar\n"
        "welzijn,BIEDT_AAN,h2\n"
        "bt1,VERWIJST_NAAR,a07\n"
        "bt1,WERKT_SAMEN_MET,welzijn\n"
        "bt1,WERKT_SAMEN_MET,i3\n"
        "bt2,WERKT_SAMEN_MET,i1\n"
    ),
}


@pytest.fixture
def veel_aanbod(store, laad_csv):
    """Noord with 14 nuldelijn offers and 3 initiatieven on Financiën, some linked to its team."""
    cbs.importeer(store, ["GM0513"], voortgang=False)
    laad_csv(store, **VEEL_AANBOD)
    return store


def _zonder_lijsten(a):
    """The answer without the lists of aanbod and initiatieven (what capping may change)."""
    return {
        **a,
        "leefgebieden": [
            {k: v for k, v in x.items() if k not in ("aanbod", "initiatieven", "meer")}
            for x in a["leefgebieden"]
        ],
    }


def test_lijsten_hoogstens_per_lijst_verbonden_eerst(veel_aanbod):
    alles = _nuldelijn(veel_aanbod, wijk=NOORD, per_lijst=500)
    fin = _lg(alles, "financien")
    # the rule: a huisarts's collective offer does not count, unless Welzijn offers it too;
    # individueel maatwerk never counts
    assert fin["aantallen"] == {"teams": 1, "aanbod": 14, "initiatieven": 3, "verbindingen": 3}
    assert fin["status"] == "verbonden" and fin["meer"] == {"aanbod": 0, "initiatieven": 0}
    # linked ones first (to the offer, through its aanbieder Welzijn), then by id
    assert _ids(fin["aanbod"]) == ["a07", "a13", "h2"] + [
        f"a{n:02}" for n in range(1, 13) if n != 7
    ]
    h2 = next(o for o in fin["aanbod"] if o["id"] == "h2")
    assert _ids(h2["aanbieders"]) == ["huisarts", "welzijn"]
    assert h2["nuldelijn_omdat"] == [
        "aanbieder Welzijn Noord (welzijn) is een organisatie met rol 'voorliggend veld'"
    ]
    # i1 is linked to bt2, which does not work on Financiën: not a verbinding here
    assert _ids(fin["initiatieven"]) == ["i3", "i1", "i2"]

    twee = _lg(_nuldelijn(veel_aanbod, wijk=NOORD, per_lijst=2), "financien")
    assert _ids(twee["aanbod"]) == ["a07", "a13"] and _ids(twee["initiatieven"]) == ["i3", "i1"]
    assert twee["meer"] == {"aanbod": 12, "initiatieven": 1}
    assert twee["aantallen"] == fin["aantallen"]
    assert twee["aanbod"] == fin["aanbod"][:2]  # the listed items are explained in full
    vier = _lg(_nuldelijn(veel_aanbod, wijk=NOORD, per_lijst=4), "financien")
    assert _ids(vier["aanbod"]) == ["a07", "a13", "h2", "a01"] and vier["meer"]["aanbod"] == 10

    standaard = _lg(_nuldelijn(veel_aanbod, wijk=NOORD), "financien")
    assert len(standaard["aanbod"]) == 10 and standaard["meer"] == {"aanbod": 4, "initiatieven": 0}

    # counts, statuses and statussen do not depend on what is listed
    een = _nuldelijn(veel_aanbod, wijk=NOORD, per_lijst=1)
    assert een["statussen"] == alles["statussen"]
    # Sociaal netwerk: bt2 knows i1, but i1 is not on Sociaal netwerk
    assert alles["statussen"] == {
        "geen aanbod": 1,
        "niet verbonden": 0,
        "verbonden": 1,
        "geen teams": 11,
    }
    assert _zonder_lijsten(een) == _zonder_lijsten(alles)
    for x in een["leefgebieden"]:
        for soort in ("aanbod", "initiatieven"):
            assert len(x[soort]) == min(1, x["aantallen"][soort])
            assert x["meer"][soort] == x["aantallen"][soort] - len(x[soort])


def test_alleen_een_leefgebied(veel_aanbod):
    alles = _nuldelijn(veel_aanbod, wijk=NOORD)
    for naam in ("financien", "Financiën", "FINANCIEN"):
        a = _nuldelijn(veel_aanbod, wijk=NOORD, leefgebied=naam)
        assert [x["leefgebied"]["id"] for x in a["leefgebieden"]] == ["financien"]
        assert a["leefgebieden"][0] == _lg(alles, "financien")
        assert a["statussen"] == alles["statussen"]  # still all 13
        assert a["teams"] == 2 and a["wijk"] == alles["wijk"]
    # an alias of an older ZRM version
    a = _nuldelijn(veel_aanbod, wijk=NOORD, leefgebied="Verslaving", per_lijst=1)
    [x] = a["leefgebieden"]
    assert x["leefgebied"]["id"] == "middelengebruik" and x["status"] == "geen teams"


@pytest.mark.parametrize(
    ("params", "melding"),
    [
        ({"per_lijst": 0}, "per_lijst moet een geheel getal van 1 tot en met 500 zijn"),
        ({"per_lijst": 501}, "per_lijst moet een geheel getal van 1 tot en met 500 zijn"),
        ({"per_lijst": "10"}, "per_lijst moet een geheel getal"),
        ({"per_lijst": True}, "per_lijst moet een geheel getal"),
        ({"per_lijst": 2.5}, "per_lijst moet een geheel getal"),
        ({"leefgebied": "sport"}, "onbekend leefgebied 'sport'"),
        ({"leefgebied": ""}, "onbekend leefgebied ''"),
    ],
)
def test_ongeldige_parameters(demo_store, params, melding):
    with pytest.raises(OngeldigeInvoer, match=melding):
        _nuldelijn(demo_store, wijk=NOORD, **params)
    # checked before the wijk is looked up
    with pytest.raises(OngeldigeInvoer):
        _nuldelijn(demo_store, wijk="WK999999", **params)


@pytest.mark.neo4j
def test_lijsten_op_beide_stores_hetzelfde(geheugen_store, neo4j_store, laad_csv):
    for s in (geheugen_store, neo4j_store):
        cbs.importeer(s, ["GM0513"], voortgang=False)
        laad_csv(s, **VEEL_AANBOD)
        demo.importeer(s, voortgang=False)
    for w in (NOORD, GOVERWELLE, WESTERGOUWE):
        for params in ({"per_lijst": 1}, {"per_lijst": 3}, {"leefgebied": "financien"}, {}):
            a = _nuldelijn(geheugen_store, wijk=w, **params)
            assert a == _nuldelijn(neo4j_store, wijk=w, **params), (w, params)


# --- through the API, the web page and the command line --------------------------------------


@pytest.fixture
def app(veel_aanbod, tmp_path):
    from api import create_app

    return create_app(
        {
            "STORE": veel_aanbod,
            "SLEUTELS": str(tmp_path / "sleutels.json"),
            "SECRET_KEY": "test",
            "TESTING": True,
        }
    )


def test_api_per_lijst_en_leefgebied(app):
    client = app.test_client()
    pad = f"/api/v1/wijken/{NOORD}/nuldelijn-gaten"
    standaard = client.get(pad).get_json()
    assert _lg(standaard, "financien")["meer"] == {"aanbod": 4, "initiatieven": 0}
    r = client.get(pad, query_string={"per_lijst": 2, "leefgebied": "Financiën"})
    assert r.status_code == 200
    a = r.get_json()
    [fin] = a["leefgebieden"]
    assert _ids(fin["aanbod"]) == ["a07", "a13"] and fin["meer"] == {
        "aanbod": 12,
        "initiatieven": 1,
    }
    assert fin["aantallen"]["aanbod"] == 14 and a["statussen"] == standaard["statussen"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [("per_lijst=0", "per_lijst"), ("per_lijst=501", "per_lijst"), ("per_lijst=tien", "per_lijst")],
)
def test_api_ongeldige_per_lijst(app, query, parameter):
    r = app.test_client().get(f"/api/v1/wijken/{NOORD}/nuldelijn-gaten?{query}")
    assert r.status_code == 400 and r.mimetype == "application/problem+json"
    body = r.get_json()
    assert body["status"] == 400
    assert [p["name"] for p in body["invalidParams"]] == [parameter]


def test_api_onbekend_leefgebied(app):
    r = app.test_client().get(f"/api/v1/wijken/{NOORD}/nuldelijn-gaten?leefgebied=sport")
    assert r.status_code == 400 and r.mimetype == "application/problem+json"
    assert r.get_json()["detail"] == "onbekend leefgebied 'sport'"


def test_api_parameters_in_openapi(app):
    spec = app.test_client().get("/api/v1/openapi.json").get_json()
    params = {
        p["name"]: p
        for p in spec["paths"]["/api/v1/wijken/{wijkcode}/nuldelijn-gaten"]["get"]["parameters"]
    }
    assert params["per_lijst"]["in"] == "query"
    assert params["per_lijst"]["schema"] == {
        "type": "integer",
        "default": 10,
        "minimum": 1,
        "maximum": 500,
    }
    assert params["leefgebied"]["schema"]["type"] == "string"
    assert "meer" in spec["components"]["schemas"]["LeefgebiedGat"]["required"]


def test_wijkpagina_toont_en_n_meer(app):
    r = app.test_client().get(f"/wijken/{NOORD}")
    assert r.status_code == 200
    fin = r.text.split('id="lg-financien"', 1)[1].split("</details>", 1)[0]
    tekst = " ".join(re.sub(r"<[^>]+>", " ", fin).split())
    assert "en 4 meer aanbod" in tekst
    assert "Geldcafé 7" in tekst and "Geldcafé 12" not in tekst  # linked first, 10 listed
    assert "meer initiatie" not in tekst  # all 3 initiatieven are listed


def test_cli(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from wijkgraaf.cli import main

    monkeypatch.setenv("WIJKGRAAF_DATA", str(tmp_path / "data"))
    runner = CliRunner()
    assert runner.invoke(main, ["demo"]).exit_code == 0
    r = runner.invoke(
        main,
        ["vraag", "nuldelijn", "wk051305", "--per-lijst", "1", "--leefgebied", "Sociaal netwerk"],
    )
    assert r.exit_code == 0, r.output
    assert "Sociaal netwerk: verbonden (1 teams, 3 aanbod, 2 initiatieven" in r.stdout
    assert "aanbod: Mantelzorgcafé" in r.stdout and "en 2 meer" in r.stdout
    assert "Financiën" not in r.stdout
    r = runner.invoke(main, ["vraag", "nuldelijn", "WK051305", "--per-lijst", "0"])
    assert r.exit_code == 1
    assert "per_lijst moet een geheel getal van 1 tot en met 500 zijn" in r.output
