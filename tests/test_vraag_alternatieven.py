"""The question ``alternatieven``: collective alternatives for an individual need, on both
stores."""

from __future__ import annotations

import pytest

from ingest import cbs, demo
from netwerk import model
from netwerk.fouten import NietGevonden, OngeldigeInvoer
from netwerk.model import Knoop, Relatie

NOORD, KORT_HAARLEM, STOLWIJKERSLUIS, WESTERGOUWE = "WK051305", "WK051306", "WK051308", "WK051309"
DATUM = "2026-12-01"


def _alternatieven(store, **params):
    """The alternatieven answer on either store, through the store's own question dispatch."""
    return store.vraag("alternatieven", **params)


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


def test_verwijzende_teams_bepalen_de_volgorde(demo_store, laad_csv):
    a = _alternatieven(demo_store, wijk=NOORD, leefgebied="sociaal-netwerk")
    assert [i for i, s in _stappen(a) if s == "in de wijk"] == [
        "demo-maatje",
        "demo-mantelzorgcafe",
        "demo-repair",
    ]
    # two teams, one of them through two sources, refer to the Repair Café
    laad_csv(
        demo_store,
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


def test_grens_in_beide_richtingen_en_aanbod_ook_in_de_wijk(demo_store, laad_csv):
    demo_store.upsert_relaties(
        [Relatie(KORT_HAARLEM, model.GRENST_AAN, NOORD, "eigen-kaart", "2025-06-01")]
    )
    laad_csv(
        demo_store,
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


def test_buurwijk_over_de_gemeentegrens(store, laad_csv):
    cbs.importeer(store, ["GM0513", "GM1901"], voortgang=False)
    demo.importeer(store, voortgang=False)
    laad_csv(
        store,
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
    vragen += [{"leefgebied": "sociaal-netwerk", "pagina": p, "per_pagina": 2} for p in (1, 2, 4)]
    vragen += [{"aanbod": "demo-ib-begeleiding", "pagina": 2, "per_pagina": 3}]
    for w in wijken:
        for p in vragen:
            assert _alternatieven(geheugen_store, wijk=w, **p) == _alternatieven(
                neo4j_store, wijk=w, **p
            ), (w, p)


# --- pages ---------------------------------------------------------------------------------------


def test_paginas(demo_store):
    alles = _alternatieven(demo_store, wijk=NOORD, aanbod="demo-ib-begeleiding", per_pagina=100)
    assert alles["totaal"] == 6 and alles["paginas"] == 1 and len(alles["alternatieven"]) == 6
    assert (alles["pagina"], alles["per_pagina"]) == (1, 100)
    # the default page: 20
    standaard = _alternatieven(demo_store, wijk=NOORD, aanbod="demo-ib-begeleiding")
    assert (standaard["pagina"], standaard["per_pagina"]) == (1, 20)
    assert standaard["alternatieven"] == alles["alternatieven"]

    paginas = [
        _alternatieven(demo_store, wijk=NOORD, aanbod="demo-ib-begeleiding", pagina=p, per_pagina=4)
        for p in (1, 2, 3)
    ]
    assert [len(p["alternatieven"]) for p in paginas] == [4, 2, 0]
    for p in paginas:
        # counts are over all alternatives, on every page
        assert (p["totaal"], p["paginas"], p["per_pagina"]) == (6, 2, 4)
        assert p["aantallen"] == alles["aantallen"]
        assert p["buurwijken"] == alles["buurwijken"] and p["vraag"] == alles["vraag"]
    assert [p["pagina"] for p in paginas] == [1, 2, 3]
    # disjoint, in order, together the whole list (each alternative fully explained)
    samen = [x for p in paginas for x in p["alternatieven"]]
    assert len({x["id"] for x in samen}) == 6
    assert samen == alles["alternatieven"]
    # page parameters may come as text (query strings)
    tekst = _alternatieven(
        demo_store, wijk=NOORD, aanbod="demo-ib-begeleiding", pagina="2", per_pagina="4"
    )
    assert tekst == paginas[1]


def test_lege_pagina_zonder_alternatieven(store):
    store.upsert_knopen([Knoop(model.WIJK, "WK999901", {"naam": "Nergens"})])
    a = _alternatieven(store, wijk="WK999901", leefgebied="financien")
    assert (a["totaal"], a["pagina"], a["paginas"], a["alternatieven"]) == (0, 1, 1, [])
    assert a["aantallen"] == {"in de wijk": 0, "buurwijk": 0, "elders in de gemeente": 0}


@pytest.mark.parametrize(
    ("params", "melding"),
    [
        ({"pagina": 0}, "pagina moet 1 of meer zijn, niet 0"),
        ({"pagina": -3}, "pagina moet 1 of meer zijn, niet -3"),
        ({"per_pagina": 0}, "per_pagina moet tussen 1 en 100 liggen, niet 0"),
        ({"per_pagina": 101}, "per_pagina moet tussen 1 en 100 liggen, niet 101"),
        ({"per_pagina": "twintig"}, "per_pagina moet een geheel getal zijn"),
        ({"pagina": True}, "pagina moet een geheel getal zijn"),
        ({"pagina": 1.5}, "pagina moet een geheel getal zijn"),
    ],
)
def test_ongeldige_pagina(demo_store, params, melding):
    with pytest.raises(OngeldigeInvoer) as fout:
        _alternatieven(demo_store, wijk=NOORD, leefgebied="financien", **params)
    assert str(fout.value) == melding
    # checked before the wijk is looked up, on both stores
    with pytest.raises(OngeldigeInvoer):
        _alternatieven(demo_store, wijk="WK999999", leefgebied="financien", **params)


def test_api_paginas_en_links(demo_store):
    from api import create_app

    client = create_app({"TESTING": True, "STORE": demo_store}).test_client()
    pad = f"/api/v1/wijken/{NOORD}/collectieve-alternatieven"
    r = client.get(f"{pad}?aanbod=demo-ib-begeleiding&per_pagina=4&pagina=2")
    assert r.status_code == 200
    body = r.get_json()
    assert (body["totaal"], body["pagina"], body["per_pagina"], body["paginas"]) == (6, 2, 4, 2)
    assert [x["id"] for x in body["alternatieven"]] == ["demo-beweegclub", "demo-koffie"]
    links = body["_links"]
    assert "next" not in links
    vorige = client.get(links["prev"]["href"]).get_json()
    assert vorige["pagina"] == 1 and len(vorige["alternatieven"]) == 4
    assert vorige["_links"]["next"]["href"] == links["self"]["href"]
    assert "aanbod=demo-ib-begeleiding" in links["first"]["href"]
    for query in ("pagina=0", "per_pagina=0", "per_pagina=101", "pagina=twee"):
        r = client.get(f"{pad}?leefgebied=financien&{query}")
        assert r.status_code == 400 and r.mimetype == "application/problem+json", query
        assert r.get_json()["invalidParams"][0]["name"] == query.split("=")[0]


# --- the need filter pushed down into the facts ---------------------------------------------------

_GEMEENTEN = ["GM0513", "GM1901"]
_GEO_KNOPEN, _GEO_RELATIES = cbs.records(cbs.referentie(), _GEMEENTEN)
_LEEFGEBIEDEN = ["financien", "sociaal-netwerk", "tijdsbesteding", "huisvesting"]
_DOELGROEPEN = ["ouderen", "jongeren", "mantelzorgers", "iedereen"]


def _willekeurig_landschap(seed: int) -> tuple[list[Knoop], list[Relatie]]:
    """A small random landscape on the geography of Gouda and Bodegraven-Reeuwijk: offers of
    every vorm, on random leefgebieden, doelgroepen and areas, some with referring teams."""
    import random

    rnd = random.Random(seed)
    gebieden = sorted(k.id for k in _GEO_KNOPEN if k.label in model.GEBIEDEN)
    knopen = [Knoop(model.TEAM, f"t{i}", {"naam": f"Team {i}"}) for i in range(4)]
    relaties = []
    for i in range(60):
        o = f"o{i:02d}"
        knopen.append(
            Knoop(
                model.AANBOD,
                o,
                {
                    "naam": f"Aanbod {i}",
                    "vorm": rnd.choice(model.AANBOD_VORMEN),
                    "doelgroepen": rnd.sample(_DOELGROEPEN, rnd.randint(0, 2)),
                },
            )
        )
        for lg in rnd.sample(_LEEFGEBIEDEN, rnd.randint(0, 2)):
            relaties.append(Relatie(o, model.RICHT_ZICH_OP, lg, rnd.choice("xy"), DATUM))
        for a in rnd.sample(gebieden, rnd.randint(1, 2)):
            relaties.append(Relatie(o, model.ACTIEF_IN, a, rnd.choice("xy"), DATUM))
        for t in rnd.sample(range(4), rnd.choice([0, 0, 1, 2])):
            relaties.append(Relatie(f"t{t}", model.VERWIJST_NAAR, o, "x", DATUM))
    return knopen, relaties


def _volgens_de_regels(knopen, relaties, wijk, nodig_lg, nodig_dg, zonder=None):
    """The alternatives by brute force: every offer of the landscape checked against the rules
    in the module documentation, written out anew: [(id, step)] in order, and the counts."""
    ligt_in = {}
    buren = set()
    for r in _GEO_RELATIES:
        if r.type == model.LIGT_IN:
            ligt_in[r.van] = r.naar
        elif r.type == model.GRENST_AAN and wijk in (r.van, r.naar):
            buren.add(r.naar if r.van == wijk else r.van)
    buren = {b for b in buren if b.startswith("WK")}
    gemeente = ligt_in[wijk]

    def stap(a):
        wk = a if a.startswith("WK") else ligt_in.get(a) if a.startswith("BU") else None
        if wk == wijk or a == gemeente:
            return 0
        if wk in buren or (a.startswith("GM") and any(ligt_in[b] == a for b in buren)):
            return 1
        if wk is not None and ligt_in[wk] == gemeente:
            return 2
        return None

    uit = []
    for k in knopen:
        if k.label != model.AANBOD or k.id == zonder:
            continue
        if k.eigenschappen["vorm"] not in ("collectief", "algemeen"):
            continue
        eigen_lg = {r.naar for r in relaties if r.van == k.id and r.type == model.RICHT_ZICH_OP}
        eigen_dg = set(k.eigenschappen.get("doelgroepen", []))
        if not eigen_lg & nodig_lg:
            continue
        if nodig_dg and not (nodig_dg & eigen_dg or "iedereen" in eigen_dg or not eigen_dg):
            continue
        stappen = [stap(r.naar) for r in relaties if r.van == k.id and r.type == model.ACTIEF_IN]
        stappen = [s for s in stappen if s is not None]
        if not stappen:
            continue
        teams = {r.van for r in relaties if r.naar == k.id and r.type == model.VERWIJST_NAAR}
        sleutel = (
            min(stappen),
            -len(eigen_lg & nodig_lg),
            -len(eigen_dg & nodig_dg),
            -len(teams),
            k.id,
        )
        uit.append(sleutel)
    uit.sort()
    stappen = ("in de wijk", "buurwijk", "elders in de gemeente")
    return [(s[-1], stappen[s[0]]) for s in uit], {
        n: sum(s[0] == i for s in uit) for i, n in enumerate(stappen)
    }


@pytest.mark.parametrize("seed", [1, 2])
def test_filter_vooraf_verandert_niets(store, seed):
    """Only candidates that can pass are gathered; the answer is that of the rules applied to
    every offer of the landscape (brute force), page by page."""
    knopen, relaties = _willekeurig_landschap(seed)
    store.upsert_knopen(_GEO_KNOPEN + knopen)
    store.upsert_relaties(_GEO_RELATIES + relaties)
    maatwerk = [
        k
        for k in knopen
        if k.label == model.AANBOD and k.eigenschappen["vorm"] == "individueel-maatwerk"
    ]
    vragen = [({"leefgebied": lg}, {lg}, set()) for lg in _LEEFGEBIEDEN[:2]]
    vragen += [
        ({"leefgebied": "sociaal-netwerk", "doelgroep": dg}, {"sociaal-netwerk"}, {dg})
        for dg in ("ouderen", "mantelzorgers")
    ]
    for k in maatwerk[:3]:
        eigen_lg = {r.naar for r in relaties if r.van == k.id and r.type == model.RICHT_ZICH_OP}
        vragen.append(({"aanbod": k.id}, eigen_lg, set(k.eigenschappen.get("doelgroepen", []))))
    getoetst = 0
    for wijk in (NOORD, STOLWIJKERSLUIS, WESTERGOUWE, "WK190105"):
        for params, nodig_lg, nodig_dg in vragen:
            verwacht, aantallen = _volgens_de_regels(
                knopen, relaties, wijk, nodig_lg, nodig_dg, params.get("aanbod")
            )
            a = _alternatieven(store, wijk=wijk, per_pagina=3, **params)
            gekregen = _stappen(a)
            for p in range(2, a["paginas"] + 1):
                gekregen += _stappen(
                    _alternatieven(store, wijk=wijk, pagina=p, per_pagina=3, **params)
                )
            assert gekregen == verwacht, (wijk, params)
            assert a["aantallen"] == aantallen and a["totaal"] == len(verwacht), (wijk, params)
            getoetst += len(verwacht)
    assert getoetst > 50  # the landscape gives alternatives at every step


def test_web_toont_de_eerste_pagina_en_het_totaal(geheugen_store, tmp_path):
    """The wijk page shows the first page of alternatives per maatwerk offer and the total; the
    search page links to them with the right count."""
    from api import create_app

    demo.importeer(geheugen_store, voortgang=False)
    geheugen_store.upsert_knopen(
        [
            Knoop(
                model.AANBOD, f"inloop-{i:02d}", {"naam": f"Inloop {i:02d}", "vorm": "collectief"}
            )
            for i in range(25)
        ]
    )
    geheugen_store.upsert_relaties(
        [
            Relatie(f"inloop-{i:02d}", soort, naar, "x", DATUM)
            for i in range(25)
            for soort, naar in ((model.ACTIEF_IN, NOORD), (model.RICHT_ZICH_OP, "sociaal-netwerk"))
        ]
    )
    totaal = _alternatieven(geheugen_store, wijk=NOORD, aanbod="demo-ib-begeleiding")["totaal"]
    assert totaal == 31
    app = create_app({"STORE": geheugen_store, "SECRET_KEY": "test", "TESTING": True})
    client = app.test_client()
    pagina = client.get(f"/wijken/{NOORD}").get_data(as_text=True)
    assert f"{totaal} alternatieven, de dichtstbijzijnde 20 getoond." in pagina
    blok = pagina[pagina.index('id="alternatieven"') :]
    assert blok.count("Waarom dit alternatief") >= 20
    zoeken = client.get(f"/?tekst=begeleiding&gebied={NOORD}").get_data(as_text=True)
    assert f"De dichtstbijzijnde 20 van {totaal} alternatieven en waarom" in zoeken
