"""The zichtbaarheid question (where is an organisation active, and do the teams there know it?),
on both stores."""

from __future__ import annotations

import json

import pytest

from ingest import cbs, demo
from netwerk import model
from netwerk.analyse.zichtbaarheid import GEEN_TEAMS, GEZIEN, ONZICHTBAAR
from netwerk.fouten import NietGevonden

GOUDA = "GM0513"
SCHIERMONNIKOOG = "GM0088"
NOORD, KORT_HAARLEM, GOVERWELLE, BINNENSTAD = "WK051305", "WK051306", "WK051307", "WK051301"
ALLE_WIJKEN = [f"WK0513{i:02d}" for i in range(1, 10)]


def vraag(store, **params):
    """The zichtbaarheid answer on either store, through the store's own question dispatch."""
    return store.vraag("zichtbaarheid", **params)


def _wijk(antwoord, code):
    return next(w for w in antwoord["wijken"] if w["wijk"]["code"] == code)


def _ids(teams):
    return [t["id"] for t in teams]


def _organisaties(store):
    return sorted(
        r["knoop"]["id"]
        for r in store.export()
        if "knoop" in r and r["knoop"]["label"] == model.ORGANISATIE
    )


# --- the demo --------------------------------------------------------------------------------


def test_welzijn_wordt_gezien_in_noord(demo_store):
    a = vraag(demo_store, organisatie="demo-welzijn")
    assert a["organisatie"] == {
        "id": "demo-welzijn",
        "naam": "Stichting Welzijn De Gouwe",
        "rol": "voorliggend veld",
    }
    # active at gemeente level (itself and its Mantelzorgcafé): every wijk of Gouda
    assert [w["wijk"]["code"] for w in a["wijken"]] == ALLE_WIJKEN
    noord = _wijk(a, NOORD)
    assert noord["wijk"] == {"code": NOORD, "naam": "Noord", "gemeente": GOUDA}
    assert noord["status"] == GEZIEN
    assert _ids(noord["teams_die_haar_kennen"]) == ["demo-okt-noord", "demo-st-noord"]
    assert _ids(noord["teams_die_haar_niet_kennen"]) == ["demo-jt-noord", "demo-wmo-loket"]
    st = noord["teams_die_haar_kennen"][1]
    assert [
        (r["van"], r["type"], r["naar"], r["bron"], r["bevestigd_op"]) for r in st["relaties"]
    ] == [("demo-st-noord", "WERKT_SAMEN_MET", "demo-welzijn", "demo-gouda", "2026-11-01")]
    assert [w["gebied"] for w in st["werkt_in"]] == [NOORD]
    # via: its own gemeente-wide activity and the offers active in Noord
    assert {(v["gebied"], v["aanbod"]) for v in noord["via"]} == {
        (GOUDA, None),
        (GOUDA, "demo-mantelzorgcafe"),
        (NOORD, "demo-jongerenwerk"),
        (NOORD, "demo-opvoedcursus"),
    }
    # Sociaal Team Noord also works in Kort Haarlem
    assert _wijk(a, KORT_HAARLEM)["status"] == GEZIEN
    assert _ids(_wijk(a, KORT_HAARLEM)["teams_die_haar_kennen"]) == ["demo-st-noord"]


def test_welzijn_onzichtbaar_in_goverwelle(demo_store):
    a = vraag(demo_store, organisatie="demo-welzijn")
    goverwelle = _wijk(a, GOVERWELLE)
    assert goverwelle["status"] == ONZICHTBAAR
    assert goverwelle["teams_die_haar_kennen"] == []
    assert _ids(goverwelle["teams_die_haar_niet_kennen"]) == [
        "demo-bt-goverwelle",
        "demo-jt-zuid",
        "demo-wmo-loket",
    ]
    # the gemeente-wide Wmo-loket is there through its work at gemeente level
    loket = goverwelle["teams_die_haar_niet_kennen"][2]
    assert [(w["gebied"], w["soort"]) for w in loket["werkt_in"]] == [(GOUDA, "Gemeente")]
    assert a["samenvatting"] == {
        "gemeenten": 1,
        "gebieden": 4,
        "wijken": 9,
        "gezien": 2,
        "onzichtbaar": 7,
        "geen_teams": 0,
    }


def test_bibliotheek_per_wijk(demo_store):
    a = vraag(demo_store, organisatie="demo-bibliotheek")
    assert sorted({g["gebied"] for g in a["gebieden"]}) == [BINNENSTAD, NOORD, GOVERWELLE]
    assert [(w["wijk"]["code"], w["status"]) for w in a["wijken"]] == [
        (BINNENSTAD, GEZIEN),
        (NOORD, ONZICHTBAAR),
        (GOVERWELLE, ONZICHTBAAR),
    ]
    # seen in the Binnenstad through a referral to its Formulierenhulp
    st = _wijk(a, BINNENSTAD)["teams_die_haar_kennen"]
    assert _ids(st) == ["demo-st-centrum"]
    assert [(r["van"], r["type"], r["naar"]) for r in st[0]["relaties"]] == [
        ("demo-bibliotheek", "BIEDT_AAN", "demo-formulierenhulp"),
        ("demo-st-centrum", "VERWIJST_NAAR", "demo-formulierenhulp"),
    ]
    # the Formulierenhulp is active in Noord, but no team there refers to it
    noord = _wijk(a, NOORD)
    assert {(v["gebied"], v["aanbod"]) for v in noord["via"]} == {
        (NOORD, None),
        (NOORD, "demo-formulierenhulp"),
    }
    assert _ids(noord["teams_die_haar_niet_kennen"]) == [
        "demo-jt-noord",
        "demo-okt-noord",
        "demo-st-noord",
        "demo-wmo-loket",
    ]
    g = next(g for g in a["gebieden"] if g["aanbod"] == "demo-formulierenhulp")
    assert g["aanbod_naam"] == "Formulierenhulp in de bibliotheek" and g["soort"] == "Wijk"


def test_eigen_team_kent_de_organisatie(demo_store):
    a = vraag(demo_store, organisatie="demo-sociaal-team")
    noord = _wijk(a, NOORD)
    assert noord["status"] == "gezien"
    st = next(t for t in noord["teams_die_haar_kennen"] if t["id"] == "demo-st-noord")
    assert st["eigen_team"] is True
    assert [r["type"] for r in st["relaties"]] == ["ONDERDEEL_VAN"]
    # in Stolwijkersluis only the gemeente's Wmo-loket works: not her own team, no link
    stolwijk = _wijk(a, "WK051308")
    assert stolwijk["status"] == ONZICHTBAAR
    assert all(not t["eigen_team"] for t in stolwijk["teams_die_haar_niet_kennen"])


def test_netwerk_rang(demo_store):
    rangen = {}
    for o in _organisaties(demo_store):
        [n] = vraag(demo_store, organisatie=o)["netwerk"]
        assert n["gemeente"] == {"code": GOUDA, "naam": "Gouda"} and n["van"] == 10
        assert n["graad"] == len(n["verbonden_met"])
        rangen[o] = n
    assert sorted(n["rang"] for n in rangen.values()) == list(range(1, 11))
    volgorde = sorted(rangen, key=lambda o: rangen[o]["rang"])
    assert volgorde == sorted(
        rangen, key=lambda o: (-rangen[o]["betweenness"], -rangen[o]["graad"], o)
    )
    # the youth organisation holds four teams together; welzijn links teams and volunteers
    assert volgorde[:2] == ["demo-jeugd-gezin", "demo-welzijn"]
    assert rangen["demo-welzijn"]["verbonden_met"] == [
        "demo-bibliotheek",
        "demo-okt-noord",
        "demo-st-noord",
        "demo-vrijwilligers",
    ]
    assert rangen["demo-welzijn"]["betweenness"] == 0.197691
    # leaves of the network share betweenness 0 and degree 1: ordered by id
    assert [o for o in volgorde if rangen[o]["betweenness"] == 0] == [
        "demo-jeugdhulp-org",
        "demo-schuldhulpmaatje",
        "demo-thuiszorg",
        "demo-vrijwilligers",
        "demo-zorggroep",
    ]


# --- edge cases ------------------------------------------------------------------------------


def test_onbekende_organisatie(demo_store):
    for sleutel in ("bestaat-niet", "demo-st-noord", "demo-shm", "demo-maatjes", GOUDA):
        with pytest.raises(NietGevonden):
            vraag(demo_store, organisatie=sleutel)


def test_organisatie_zonder_activiteit(demo_store, laad_csv):
    laad_csv(demo_store, organisaties="id,naam,rol\no-stil,Stille Stichting,nuldelijn\n")
    a = vraag(demo_store, organisatie="o-stil")
    assert a["organisatie"]["naam"] == "Stille Stichting"
    assert a["gebieden"] == a["wijken"] == a["netwerk"] == []
    assert a["samenvatting"]["wijken"] == 0


def test_geen_teams_en_twee_gemeenten(demo_store, laad_csv):
    cbs.importeer(demo_store, [SCHIERMONNIKOOG], voortgang=False)
    laad_csv(
        demo_store,
        organisaties=(
            "id,naam,rol,werkgebied\no-eiland,Eilandzorg,voorliggend veld,GM0088;BU05130900\n"
        ),
    )
    a = vraag(demo_store, organisatie="o-eiland")
    assert [n["gemeente"]["code"] for n in a["netwerk"]] == [SCHIERMONNIKOOG, GOUDA]
    schier = a["netwerk"][0]
    assert (schier["graad"], schier["betweenness"], schier["rang"], schier["van"]) == (0, 0.0, 1, 1)
    # a buurt counts for its wijk; no team works on Schiermonnikoog
    assert [(w["wijk"]["code"], w["status"]) for w in a["wijken"]] == [
        ("WK008800", GEEN_TEAMS),
        ("WK051309", ONZICHTBAAR),
    ]
    assert [(v["gebied"], v["soort"]) for v in _wijk(a, "WK051309")["via"]] == [
        ("BU05130900", "Buurt")
    ]
    assert _wijk(a, "WK008800")["teams_die_haar_niet_kennen"] == []
    assert a["samenvatting"]["geen_teams"] == 1 and a["samenvatting"]["gemeenten"] == 2


def test_kennen_in_beide_richtingen(demo_store, laad_csv):
    laad_csv(
        demo_store,
        organisaties="id,naam,rol,werkgebied\no-x,Organisatie X,nuldelijn,WK051307;WK051304\n",
        aanbod=(
            "id,naam,vorm,aanbieder,werkgebied,leefgebieden\n"
            "a-x,Aanbod X,collectief,o-x,WK051303,Financiën\n"
        ),
        relaties=(
            "van,type,naar,bron,bevestigd_op\n"
            "o-x,WERKT_SAMEN_MET,demo-bt-goverwelle,bron-o,2026-04-01\n"
            "demo-jt-zuid,VERWIJST_NAAR,o-x,bron-t,2026-03-01\n"
            "demo-wmo-loket,VERWIJST_NAAR,a-x,bron-t,2026-02-01\n"
        ),
    )
    a = vraag(demo_store, organisatie="o-x")
    assert [(w["wijk"]["code"], w["status"]) for w in a["wijken"]] == [
        ("WK051303", GEZIEN),
        ("WK051304", GEZIEN),
        (GOVERWELLE, GEZIEN),
    ]
    kennen = {t["id"]: t["relaties"] for t in _wijk(a, GOVERWELLE)["teams_die_haar_kennen"]}
    assert sorted(kennen) == ["demo-bt-goverwelle", "demo-jt-zuid", "demo-wmo-loket"]
    # the organisation is the one that states the link: it still counts
    assert [(r["van"], r["naar"], r["bron"]) for r in kennen["demo-bt-goverwelle"]] == [
        ("o-x", "demo-bt-goverwelle", "bron-o")
    ]
    assert [(r["van"], r["naar"]) for r in kennen["demo-jt-zuid"]] == [("demo-jt-zuid", "o-x")]
    # a referral to one of its offers, even one active elsewhere, counts
    assert [(r["van"], r["type"], r["naar"]) for r in kennen["demo-wmo-loket"]] == [
        ("demo-wmo-loket", "VERWIJST_NAAR", "a-x"),
        ("o-x", "BIEDT_AAN", "a-x"),
    ]
    assert [v["aanbod"] for v in _wijk(a, "WK051303")["via"]] == ["a-x"]


# --- both stores -----------------------------------------------------------------------------


@pytest.mark.neo4j
def test_beide_stores_geven_dezelfde_zichtbaarheid(geheugen_store, neo4j_store):
    for s in (geheugen_store, neo4j_store):
        demo.importeer(s, voortgang=False)
    organisaties = _organisaties(geheugen_store)
    assert organisaties == _organisaties(neo4j_store) and len(organisaties) == 10
    for o in organisaties:
        a, b = vraag(geheugen_store, organisatie=o), vraag(neo4j_store, organisatie=o)
        assert a == b, o
        assert json.dumps(a) == json.dumps(b), o  # same key order too
