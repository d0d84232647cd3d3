"""The landschap question (the actor network of a gemeente) and its graph files, on both stores."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest

from ingest import cbs, demo
from netwerk import model
from netwerk.analyse import exporteer
from netwerk.fouten import NietGevonden, OngeldigeInvoer

GOUDA = "GM0513"
SCHIERMONNIKOOG = "GM0088"
ALLE_WIJKEN = [f"WK0513{i:02d}" for i in range(1, 10)]


def vraag(store, **params):
    """The landschap answer on either store, through the store's own question dispatch."""
    return store.vraag("landschap", **params)


def _ids(store, label):
    return sorted(
        r["knoop"]["id"] for r in store.export() if "knoop" in r and r["knoop"]["label"] == label
    )


def _knoop(antwoord, id):
    return next(k for k in antwoord["knopen"] if k["id"] == id)


def _verbinding(antwoord, a, b):
    van, naar = sorted((a, b))
    for v in antwoord["verbindingen"]:
        if (v["van"], v["naar"]) == (van, naar):
            return v
    raise AssertionError(f"geen verbinding {van}-{naar}")


# --- the demo --------------------------------------------------------------------------------


def test_demo_knopen(demo_store):
    a = vraag(demo_store, gemeente=GOUDA)
    assert a["gemeente"]["code"] == GOUDA and a["gemeente"]["naam"] == "Gouda"
    assert a["gemeente"]["inwoners"] > 0
    ids = [k["id"] for k in a["knopen"]]
    assert ids == sorted(ids)
    teams, organisaties = _ids(demo_store, model.TEAM), _ids(demo_store, model.ORGANISATIE)
    initiatieven = _ids(demo_store, model.INITIATIEF)
    assert set(ids) == set(teams) | set(organisaties) | set(initiatieven)
    s = a["samenvatting"]
    assert (s["knopen"], s["teams"], s["organisaties"], s["initiatieven"]) == (23, 8, 10, 5)
    assert s["verbindingen"] == len(a["verbindingen"]) == 21
    # rol for organisaties, soort for teams and initiatieven
    welzijn = _knoop(a, "demo-welzijn")
    assert (welzijn["label"], welzijn["rol"], welzijn["soort"]) == (
        "Organisatie",
        "voorliggend veld",
        None,
    )
    assert _knoop(a, "demo-okt-noord")["soort"] == "ouder-kindteam"


def test_demo_wijken_en_leefgebieden(demo_store):
    a = vraag(demo_store, gemeente=GOUDA)
    # a team at gemeente level works in every wijk; a buurt counts for its wijk
    assert _knoop(a, "demo-wmo-loket")["wijken"] == ALLE_WIJKEN
    assert _knoop(a, "demo-okt-noord")["wijken"] == ["WK051305"]
    assert _knoop(a, "demo-koffie-molen")["wijken"] == ["WK051307"]
    assert _knoop(a, "demo-bibliotheek")["wijken"] == ["WK051301", "WK051305", "WK051307"]
    assert [e["gebied"] for e in _knoop(a, "demo-okt-noord")["aanwezig"]] == [
        "BU05130500",
        "BU05130504",
    ]
    # an organisation's leefgebieden are those of its offers active in the gemeente (ZRM order)
    assert _knoop(a, "demo-welzijn")["leefgebieden"] == [
        "tijdsbesteding",
        "huiselijke-relaties",
        "geestelijke-gezondheid",
        "lichamelijke-gezondheid",
        "sociaal-netwerk",
        "maatschappelijke-participatie",
    ]
    via_aanbod = {e["aanbod"] for e in _knoop(a, "demo-welzijn")["aanwezig"]}
    assert {None, "demo-mantelzorgcafe", "demo-jongerenwerk"} <= via_aanbod
    assert _knoop(a, "demo-st-noord")["leefgebieden"][0] == "financien"


def test_demo_verbindingen_leggen_zich_uit(demo_store):
    a = vraag(demo_store, gemeente=GOUDA)
    # a referral to an offer is a link to its aanbieder, explained by both relationships
    shm = _verbinding(a, "demo-st-noord", "demo-schuldhulpmaatje")
    assert [(r["van"], r["type"], r["naar"]) for r in shm["relaties"]] == [
        ("demo-schuldhulpmaatje", "BIEDT_AAN", "demo-shm"),
        ("demo-st-noord", "VERWIJST_NAAR", "demo-shm"),
    ]
    assert {(r["bron"], r["bevestigd_op"]) for r in shm["relaties"]} == {
        ("demo-gouda", "2026-11-01")
    }
    assert [
        r["type"] for r in _verbinding(a, "demo-st-noord", "demo-sociaal-team")["relaties"]
    ] == ["ONDERDEEL_VAN"]
    assert [r["type"] for r in _verbinding(a, "demo-welzijn", "demo-okt-noord")["relaties"]] == [
        "WERKT_SAMEN_MET"
    ]
    # the graph is simple: the degree counts partners, not relationships
    assert _knoop(a, "demo-st-noord")["graad"] == 4
    for v in a["verbindingen"]:
        assert v["van"] < v["naar"] and v["relaties"]


def test_demo_geisoleerd_en_bruggen(demo_store):
    a = vraag(demo_store, gemeente=GOUDA)
    # No demo team is isolated: every team is ONDERDEEL_VAN its organisation. The isolated actors
    # are the four initiatives without any relationship.
    assert a["geisoleerde_teams"] == []
    assert sorted(k["id"] for k in a["knopen"] if k["graad"] == 0) == [
        "demo-buurtkamer-kh",
        "demo-koffie-molen",
        "demo-maatjes",
        "demo-repair-noord",
    ]
    assert a["samenvatting"]["componenten"] == 5
    bruggen = {b["id"]: b for b in a["bruggen"]}
    assert set(bruggen) == {
        "demo-jeugd-gezin",
        "demo-wmo-loket",
        "demo-jt-centrum",
        "demo-jt-noord",
        "demo-sociaal-team",
        "demo-st-noord",
        "demo-welzijn",
    }
    # without the Wmo-loket the two providers of maatwerk it refers to fall off
    assert bruggen["demo-wmo-loket"]["splitst_in"] == 3
    assert bruggen["demo-wmo-loket"]["afgesneden"] == ["demo-thuiszorg", "demo-zorggroep"]
    assert bruggen["demo-welzijn"]["afgesneden"] == ["demo-vrijwilligers"]
    assert [b["splitst_in"] for b in a["bruggen"]] == sorted(
        (b["splitst_in"] for b in a["bruggen"]), reverse=True
    )
    # check splitst_in independently on a graph rebuilt from the answer
    G = nx.Graph([(v["van"], v["naar"]) for v in a["verbindingen"]])
    G.add_nodes_from(k["id"] for k in a["knopen"])
    for b in a["bruggen"]:
        H = G.subgraph(nx.node_connected_component(G, b["id"]) - {b["id"]})
        assert nx.number_connected_components(H) == b["splitst_in"] == len(b["delen"])
        assert b["label"] in (model.TEAM, model.ORGANISATIE) and b["naam"]


def test_demo_gemeenschappen(demo_store):
    a = vraag(demo_store, gemeente=GOUDA)
    groepen = a["gemeenschappen"]
    assert [g["nr"] for g in groepen] == list(range(1, len(groepen) + 1))
    leden = [x for g in groepen for x in g["leden"]]
    assert sorted(leden) == [k["id"] for k in a["knopen"]]
    assert [(-len(g["leden"]), g["leden"][0]) for g in groepen] == sorted(
        (-len(g["leden"]), g["leden"][0]) for g in groepen
    )
    for k in a["knopen"]:
        assert k["id"] in groepen[k["gemeenschap"] - 1]["leden"]
    # the welzijn organisation and its volunteer centre belong together
    assert (
        _knoop(a, "demo-welzijn")["gemeenschap"] == _knoop(a, "demo-vrijwilligers")["gemeenschap"]
    )


# --- edge cases ------------------------------------------------------------------------------


def test_onbekende_gemeente(demo_store):
    with pytest.raises(NietGevonden):
        vraag(demo_store, gemeente="GM9999")
    with pytest.raises(NietGevonden):
        vraag(demo_store, gemeente="GM0088")  # a valid code, but not loaded
    with pytest.raises(OngeldigeInvoer):
        vraag(demo_store, gemeente="WK051305")


def test_gemeente_zonder_actoren_is_een_leeg_netwerk(demo_store):
    cbs.importeer(demo_store, [SCHIERMONNIKOOG], voortgang=False)
    a = vraag(demo_store, gemeente=SCHIERMONNIKOOG)
    assert a["gemeente"]["naam"] == "Schiermonnikoog"
    assert a["knopen"] == a["verbindingen"] == a["gemeenschappen"] == a["bruggen"] == []
    assert a["geisoleerde_teams"] == []
    assert a["samenvatting"]["knopen"] == a["samenvatting"]["verbindingen"] == 0
    assert a["samenvatting"]["dichtheid"] == 0.0


def test_relaties_in_beide_richtingen_en_meerdere_aanbieders(demo_store, laad_csv):
    laad_csv(
        demo_store,
        organisaties="id,naam,rol,werkgebied\no-x,Organisatie X,nuldelijn,WK051309\n",
        teams=(
            "id,naam,soort,werkgebied\n"
            "t-west,Team Westergouwe,buurtteam,WK051309\n"
            "t-alleen,Team Alleen,buurtteam,BU05130900\n"
        ),
        relaties=(
            "van,type,naar,bron,bevestigd_op\n"
            "t-west,WERKT_SAMEN_MET,o-x,bron-a,2026-05-01\n"
            "o-x,WERKT_SAMEN_MET,t-west,bron-b,2026-06-01\n"
            "t-west,WERKT_SAMEN_MET,o-x,bron-b,2026-06-02\n"
            "o-x,BIEDT_AAN,demo-mantelzorgcafe,bron-a,2026-05-01\n"
            "demo-st-centrum,VERWIJST_NAAR,demo-mantelzorgcafe,bron-a,2026-05-01\n"
        ),
    )
    a = vraag(demo_store, gemeente=GOUDA)
    # both directions and both sources under one edge
    v = _verbinding(a, "t-west", "o-x")
    assert [(r["van"], r["naar"], r["bron"]) for r in v["relaties"]] == [
        ("o-x", "t-west", "bron-b"),
        ("t-west", "o-x", "bron-a"),
        ("t-west", "o-x", "bron-b"),
    ]
    assert _knoop(a, "t-west")["graad"] == 1
    # a referral to an offer with two aanbieders links to both
    for aanbieder in ("demo-welzijn", "o-x"):
        rs = _verbinding(a, "demo-st-centrum", aanbieder)["relaties"]
        assert ("demo-st-centrum", "VERWIJST_NAAR", "demo-mantelzorgcafe") in {
            (r["van"], r["type"], r["naar"]) for r in rs
        }
        assert any(r["type"] == "BIEDT_AAN" and r["van"] == aanbieder for r in rs)
    # an organisation with an offer in the gemeente is active where the offer is
    assert _knoop(a, "o-x")["wijken"] == ALLE_WIJKEN
    # a team without any link is isolated
    assert a["geisoleerde_teams"] == ["t-alleen"]
    assert _knoop(a, "t-alleen")["wijken"] == ["WK051309"]


def test_organisatie_alleen_via_een_team(store, laad_csv):
    cbs.importeer(store, [GOUDA], voortgang=False)
    laad_csv(
        store,
        organisaties="id,naam,rol\nmoeder,Moederorganisatie,eerstelijn\n",
        teams="id,naam,soort,organisatie,werkgebied\nt1,Team 1,jeugdteam,moeder,WK051301\n",
    )
    a = vraag(store, gemeente=GOUDA)
    assert [k["id"] for k in a["knopen"]] == ["moeder", "t1"]
    assert _knoop(a, "moeder")["wijken"] == [] and _knoop(a, "moeder")["aanwezig"] == []
    assert a["bruggen"] == [] and a["gemeenschappen"] == [{"nr": 1, "leden": ["moeder", "t1"]}]


# --- graph files -----------------------------------------------------------------------------


def test_export_gexf(demo_store):
    a = vraag(demo_store, gemeente=GOUDA)
    inhoud, mimetype = exporteer.exporteer(a, "gexf")
    assert mimetype == "application/gexf+xml" and isinstance(inhoud, bytes)
    G = nx.read_gexf(io.BytesIO(inhoud))
    for label in (model.TEAM, model.ORGANISATIE):
        for i in _ids(demo_store, label):
            assert i in G and G.nodes[i]["wijkgraaf_label"] == label
    assert G.number_of_edges() == len(a["verbindingen"])
    welzijn = G.nodes["demo-welzijn"]
    assert welzijn["label"] == "Stichting Welzijn De Gouwe"
    assert welzijn["wijken"].split(";") == ALLE_WIJKEN
    assert welzijn["brug"] == 2 and welzijn["graad"] == 4
    rand = G.edges["demo-st-noord", "demo-schuldhulpmaatje"]
    assert rand["types"] == "BIEDT_AAN;VERWIJST_NAAR" and rand["bevestigd_op"] == "2026-11-01"
    # the same answer gives the same bytes (no date of today in the file)
    assert exporteer.exporteer(a, "gexf")[0] == inhoud


def test_export_graphml_en_cytoscape(demo_store):
    a = vraag(demo_store, gemeente=GOUDA)
    inhoud, mimetype = exporteer.exporteer(a, "graphml")
    assert mimetype == "application/graphml+xml"
    G = nx.read_graphml(io.BytesIO(inhoud))
    assert sorted(G.nodes) == [k["id"] for k in a["knopen"]]
    assert G.number_of_edges() == 21 and G.graph["gemeente"] == GOUDA
    assert (
        G.nodes["demo-okt-noord"]["leefgebieden"] == "huiselijke-relaties;lichamelijke-gezondheid"
    )

    inhoud, mimetype = exporteer.exporteer(a, "cytoscape")
    assert mimetype == "application/json"
    cy = json.loads(inhoud)
    knopen, randen = cy["elements"]["nodes"], cy["elements"]["edges"]
    assert len(knopen) == 23 and len(randen) == 21
    assert {"id", "label", "wijkgraaf_label", "graad", "gemeenschap"} <= set(knopen[0]["data"])
    assert {"id", "source", "target", "relaties"} <= set(randen[0]["data"])
    ids = {k["data"]["id"] for k in knopen}
    assert all(r["data"]["source"] in ids and r["data"]["target"] in ids for r in randen)
    H = nx.cytoscape_graph(cy)
    assert H.number_of_nodes() == 23 and H.number_of_edges() == 21

    with pytest.raises(OngeldigeInvoer):
        exporteer.exporteer(a, "pdf")


def test_export_van_een_leeg_netwerk(demo_store):
    cbs.importeer(demo_store, [SCHIERMONNIKOOG], voortgang=False)
    a = vraag(demo_store, gemeente=SCHIERMONNIKOOG)
    assert nx.read_gexf(io.BytesIO(exporteer.exporteer(a, "gexf")[0])).number_of_nodes() == 0
    assert nx.read_graphml(io.BytesIO(exporteer.exporteer(a, "graphml")[0])).number_of_nodes() == 0
    assert json.loads(exporteer.exporteer(a, "cytoscape")[0])["elements"] == {
        "nodes": [],
        "edges": [],
    }


# --- both stores -----------------------------------------------------------------------------


@pytest.mark.neo4j
def test_beide_stores_geven_hetzelfde_landschap(geheugen_store, neo4j_store):
    for s in (geheugen_store, neo4j_store):
        demo.importeer(s, voortgang=False)
        cbs.importeer(s, [SCHIERMONNIKOOG], voortgang=False)
    for gemeente in (GOUDA, SCHIERMONNIKOOG):
        a, b = vraag(geheugen_store, gemeente=gemeente), vraag(neo4j_store, gemeente=gemeente)
        assert a == b, gemeente
        assert json.dumps(a) == json.dumps(b), gemeente  # same key order too
        for formaat in exporteer.FORMATEN:
            assert exporteer.exporteer(a, formaat) == exporteer.exporteer(b, formaat)
