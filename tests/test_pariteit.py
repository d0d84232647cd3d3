"""Property-based parity: random small landscapes on the real geography of Gouda give identical
answers on the memory store and the real Neo4j, for every question."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest import cbs, tabel
from ingest.tabel import Record
from netwerk import analyse, model
from netwerk.fouten import NietGevonden, OngeldigeInvoer
from netwerk.stores.geheugen import MemoryStore

GEMEENTE = "GM0513"
_KNOPEN, _RELATIES = cbs.records(cbs.referentie(), [GEMEENTE])
WIJKEN = sorted(k.id for k in _KNOPEN if k.label == model.WIJK)
BUURTEN = sorted(k.id for k in _KNOPEN if k.label == model.BUURT)
# A small part of the geography and of the vocabularies, so random landscapes overlap often.
GEBIEDEN = [GEMEENTE, "WK051305", "WK051306", "WK051307"] + [
    b for b in BUURTEN if b.startswith(("BU051305", "BU051306"))
]
LEEFGEBIEDEN = ["financien", "huisvesting", "sociaal-netwerk", "huiselijke-relaties"]

leefgebieden = st.lists(st.sampled_from(LEEFGEBIEDEN), max_size=3, unique=True)
doelgroepen = st.lists(st.sampled_from(["jeugd", "ouderen", "iedereen"]), max_size=2, unique=True)
werkgebied = st.lists(st.sampled_from(GEBIEDEN), min_size=1, max_size=2, unique=True)
WOORDEN = ["koffie", "inloop", "schuld", "hulp", "café", "maatje", "taal", "sport"]


@st.composite
def landschappen(draw: st.DrawFn) -> list[Record]:
    n_org = draw(st.integers(1, 4))
    n_init = draw(st.integers(0, 3))
    n_team = draw(st.integers(2, 6))
    n_aanbod = draw(st.integers(0, 6))
    recs: list[Record] = []
    orgs = [f"o{i}" for i in range(n_org)]
    inits = [f"i{i}" for i in range(n_init)]
    teams = [f"t{i}" for i in range(n_team)]
    aanbod = [f"a{i}" for i in range(n_aanbod)]

    def lijst(xs: list[str]) -> str:
        return ";".join(xs)

    for o in orgs:
        recs.append(
            Record(
                "organisaties",
                o,
                {
                    "id": o,
                    "naam": f"Organisatie {o}",
                    "rol": draw(st.sampled_from(model.ORGANISATIE_ROLLEN)),
                    "werkgebied": lijst(draw(werkgebied)),
                },
            )
        )
    for i in inits:
        recs.append(
            Record(
                "initiatieven",
                i,
                {
                    "id": i,
                    "naam": f"Initiatief {i}",
                    "soort": draw(st.sampled_from(model.INITIATIEF_SOORTEN)),
                    "werkgebied": lijst(draw(werkgebied)),
                    "leefgebieden": lijst(draw(leefgebieden)),
                    "doelgroepen": lijst(draw(doelgroepen)),
                },
            )
        )
    for t in teams:
        w = {
            "id": t,
            "naam": f"Team {t}",
            "soort": draw(st.sampled_from(model.TEAM_SOORTEN)),
            "werkgebied": lijst(draw(werkgebied)),
            "leefgebieden": lijst(draw(leefgebieden)),
            "doelgroepen": lijst(draw(doelgroepen)),
        }
        if draw(st.booleans()):
            w["organisatie"] = draw(st.sampled_from(orgs))
        recs.append(Record("teams", t, w))
    for a in aanbod:
        woorden = draw(st.lists(st.sampled_from(WOORDEN), min_size=1, max_size=3))
        w = {
            "id": a,
            "naam": " ".join(woorden).capitalize(),
            "vorm": draw(st.sampled_from(model.AANBOD_VORMEN)),
            "werkgebied": lijst(draw(werkgebied)),
            "leefgebieden": lijst(draw(leefgebieden.filter(bool))),
            "doelgroepen": lijst(draw(doelgroepen)),
            "omschrijving": " ".join(reversed(woorden)),
        }
        if orgs + inits and draw(st.booleans()):
            w["aanbieder"] = draw(st.sampled_from(orgs + inits))
        recs.append(Record("aanbod", a, w))
    actoren = orgs + inits + teams
    for n in range(draw(st.integers(0, 8))):
        soort = draw(st.sampled_from([model.WERKT_SAMEN_MET, model.VERWIJST_NAAR]))
        van = draw(st.sampled_from(teams if soort == model.VERWIJST_NAAR and teams else actoren))
        naar = draw(st.sampled_from(actoren + aanbod if soort == model.VERWIJST_NAAR else actoren))
        recs.append(
            Record(
                "relaties",
                f"r{n}",
                {
                    "van": van,
                    "type": soort,
                    "naar": naar,
                    "bron": draw(st.sampled_from(["b1", "b2"])),
                },
            )
        )
    return recs


def _vragen(recs: list[Record]) -> list[tuple[str, dict]]:
    """Every registered question with parameters that fit the landscape."""
    orgs = [r.waarden["id"] for r in recs if r.soort == "organisaties"]
    aanbod = [r.waarden["id"] for r in recs if r.soort == "aanbod"]
    per_vraag = {
        "overlap": [{"wijk": w} for w in WIJKEN],
        "huishoudens": [{"wijk": WIJKEN[0]}],
        "nuldelijn": [{"wijk": w} for w in WIJKEN]
        + [{"wijk": w, "per_lijst": 1} for w in WIJKEN]
        + [{"wijk": WIJKEN[0], "leefgebied": "sociaal-netwerk", "per_lijst": 2}],
        "alternatieven": [
            {"wijk": w, "leefgebied": lg}
            for w in WIJKEN[:4]
            for lg in ("sociaal-netwerk", "financien")
        ]
        + [{"wijk": WIJKEN[4], "aanbod": a} for a in aanbod],
        "zoek": [
            {},
            {"gebied": WIJKEN[3]},
            {"gebied": BUURTEN[7]},
            {"tekst": "koffie"},
            {"tekst": "cafe hulp"},
            {"leefgebied": "financien", "per_pagina": 2},
        ],
        "zichtbaarheid": [{"organisatie": o} for o in orgs],
        "landschap": [{"gemeente": GEMEENTE}],
        "grenzen": [{"gemeente": GEMEENTE}],
        "hsds_feed": [
            {"soort": "services"},
            {"soort": "organizations"},
            {"soort": "services", "pagina": 2, "per_pagina": 2},
        ]
        + [{"soort": "services", "id": a} for a in aanbod],
        "hsds_stand": [{}],
    }
    return [(v, p) for v in analyse.VRAGEN for p in per_vraag.get(v, [])]


def _beantwoord(store, vraag: str, params: dict):
    try:
        return store.vraag(vraag, **params)
    except (NietGevonden, OngeldigeInvoer) as e:
        return (type(e).__name__, str(e))


@pytest.mark.neo4j
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(recs=landschappen())
def test_willekeurige_landschappen_zelfde_antwoord(neo4j_driver, recs):
    from netwerk.stores.neo4j import Neo4jStore

    neo = Neo4jStore(neo4j_driver)
    neo.wissen()
    geheugen = MemoryStore()
    for s in (geheugen, neo):
        s.initialiseer()
        s.upsert_knopen(_KNOPEN)
        s.upsert_relaties(_RELATIES)
        tabel.importeer_records(s, recs, datum="2026-11-01", voortgang=False)
    assert list(geheugen.export()) == list(neo.export())
    for vraag, params in _vragen(recs):
        assert _beantwoord(geheugen, vraag, params) == _beantwoord(neo, vraag, params), (
            vraag,
            params,
        )
