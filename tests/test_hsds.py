"""Open Referral import (ingest.hsds): every form (HSDS 3.0 JSON and tabular, HSDS 2.0 and 1.1
tabular, ORUK v1 and v2), the mapping to the graph (leefgebieden, doelgroepen, CBS areas), bad
input as file:line: field: reason, provenance and freshness, idempotency."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest import cbs, hsds
from ingest.hsds.gebieden import Gebiedenkaart
from ingest.hsds.lezen import Dienst, Locatie, Term, lees
from ingest.hsds.taxonomie import Taxonomie
from netwerk import model
from netwerk.fouten import OngeldigeInvoer
from netwerk.stores.geheugen import MemoryStore

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
VOORBEELDEN = DATA / "hsds_spec_examples_v3"
ORUK = DATA / "hsds_uk_oruk_services"
BRISTOL = ORUK / "Bristol Council.json"
NOORD_LINCS = ORUK / "North Lincolnshire Council.json"
GOUDA = "GM0513"


def _gouda(store) -> None:
    knopen, relaties = cbs.records(cbs.referentie(), [GOUDA])
    store.upsert_knopen(knopen)
    store.upsert_relaties(relaties)


def _relaties(store, soort: str | None = None) -> list[dict]:
    return [
        r["relatie"]
        for r in store.export()
        if "relatie" in r and (soort is None or r["relatie"]["type"] == soort)
    ]


def _schrijf_csv(map_: Path, naam: str, kop: str, *rijen: str) -> None:
    map_.mkdir(parents=True, exist_ok=True)
    (map_ / naam).write_text("\n".join([kop, *rijen]) + "\n", encoding="utf-8")


# --- fixtures in the older and UK forms (written by the tests, after the published layouts) ---


def _hsds_20(map_: Path) -> Path:
    """An HSDS 2.0 tabular package (file and column names of the 2.0.1 datapackage.json)."""
    (map_).mkdir(parents=True, exist_ok=True)
    (map_ / "datapackage.json").write_text(
        json.dumps({"name": "human_services_data", "version": "2.0.1", "resources": []})
    )
    _schrijf_csv(
        map_,
        "organizations.csv",
        "id,name,alternate_name,description,email,url,tax_status,tax_id,year_incorporated,legal_status",
        "org-1,Stichting Buurtwerk Gouda,,Welzijn,info@buurtwerk.example,www.buurtwerk.example,,,,",
    )
    _schrijf_csv(
        map_,
        "services.csv",
        "id,organization_id,program_id,name,alternate_name,description,url,email,status,"
        "interpretation_services,application_process,wait_time,fees,accreditations,licenses",
        "srv-1,org-1,,Schuldhulpmaatje,,<p>Hulp bij <b>geldzaken</b></p>,,,active,,,,,,",
        "srv-2,org-1,,Koffie-inloop,,Elke dinsdag koffie,,,active,,,,,,",
        "srv-3,org-9,,Taalcafé,,,,,active,,,,,,",
        ",org-1,,Zonder id,,,,,active,,,,,,",
    )
    _schrijf_csv(
        map_,
        "taxonomy_terms.csv",
        "id,term,description,parent_id,taxonomy,language",
        "t-1,Schuldhulpverlening,,,sociale kaart,nl",
        "t-2,Eenzaamheid,,,sociale kaart,nl",
        "t-3,Ouderen,,,sociale kaart,nl",
        "t-4,Onbekende term,,,sociale kaart,nl",
    )
    _schrijf_csv(
        map_,
        "service_attributes.csv",
        "id,service_id,taxonomy_term_id",
        "a-1,srv-1,t-1",
        "a-2,srv-2,t-2",
        "a-3,srv-2,t-3",
        "a-4,srv-2,t-4",
        "a-5,srv-404,t-1",
    )
    _schrijf_csv(
        map_,
        "service_areas.csv",
        "id,service_id,service_area,description",
        "sa-1,srv-1,Gouda,",
        "sa-2,srv-2,Bloemendaal,",
        "sa-3,srv-2,Gouda,",
    )
    return map_


def _hsds_11(map_: Path) -> Path:
    """An HSDS 1.1 tabular package (services_taxonomy.csv, taxonomy.csv, locations)."""
    _schrijf_csv(
        map_,
        "organizations.csv",
        "id,name,alternate_name,description,email,url,tax_status,tax_id,year_incorporated,legal_status",
        "o1,Vereniging Zonnebloem Gouda,,,,,,,,",
    )
    _schrijf_csv(
        map_,
        "services.csv",
        "id,organization_id,program_id,name,alternate_name,description,url,email,status,"
        "interpretation_services,application_process,wait_time,fees,accrediations,licenses,"
        "taxonomy_ids",
        "s1,o1,,Bezoekvrijwilligers,,Bezoek aan huis,,,active,,,,,,,tx1",
    )
    _schrijf_csv(
        map_,
        "taxonomy.csv",
        "id,name,parent_id,parent_name,vocabulary",
        "tx1,Eenzaamheid,,,sociale kaart",
        "tx2,Mantelzorg,,,sociale kaart",
    )
    _schrijf_csv(
        map_,
        "services_taxonomy.csv",
        "id,service_id,taxonomy_id,taxonomy_detail",
        "st1,s1,tx2,",
    )
    _schrijf_csv(
        map_,
        "locations.csv",
        "id,organization_id,name,alternate_name,description,transportation,latitude,longitude",
        "l1,o1,De Korte Akkeren,,,,52.0,4.7",
    )
    _schrijf_csv(
        map_,
        "physical_addresses.csv",
        "id,location_id,attention,address_1,address_2,address_3,address_4,city,region,"
        "state_province,postal_code,country",
        "p1,l1,,Straat 1,,,,Gouda,,,2800 AA,NL",
    )
    _schrijf_csv(
        map_,
        "services_at_location.csv",
        "id,service_id,location_id,description",
        "x1,s1,l1,",
    )
    return map_


def _oruk_v1(pad: Path) -> Path:
    """An ORUK v1 paginated service list (service_taxonomys, service_areas, eligibilitys)."""
    dienst = {
        "id": "oruk-17",
        "name": "Jongerenwerk Westergouwe",
        "description": "Inloop voor jongeren",
        "url": "https://jongerenwerk.example/westergouwe",
        "email": "jw@jongerenwerk.example",
        "status": "active",
        "organization": {
            "id": "oruk-org-3",
            "name": "Jongerenwerk Gouda B.V.",
            "url": "https://jongerenwerk.example",
        },
        "service_areas": [{"id": "a1", "service_area": "Westergouwe, Gouda"}],
        "service_taxonomys": [
            {"id": "x", "taxonomy": {"id": "t9", "name": "Young People", "vocabulary": "esdNeeds"}}
        ],
        "eligibilitys": [{"eligibility": "12-23", "minimum_age": 12, "maximum_age": 17}],
        "contacts": [{"id": "c", "phones": [{"number": "0182-123456"}]}],
    }
    pad.write_text(
        json.dumps(
            {
                "totalElements": 2,
                "totalPages": 1,
                "number": 1,
                "first": True,
                "last": True,
                "content": [dienst, {"id": "oruk-18", "status": "active"}],
            }
        ),
        encoding="utf-8",
    )
    return pad


# --- reading ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("naam", "formaat", "organisaties", "diensten"),
    [
        ("service_full.json", "HSDS 3.0 JSON (object)", 1, 1),
        ("organization_full.json", "HSDS 3.0 JSON (object)", 1, 1),
        ("service_list.json", "HSDS 3.0 JSON (pagina)", 1, 1),
        ("organization_list.json", "HSDS 3.0 JSON (pagina)", 1, 0),
        ("service_at_location_full.json", "HSDS 3.0 JSON (object)", 1, 1),
        ("service_at_location_list.json", "HSDS 3.0 JSON (pagina)", 1, 1),
        ("tabular.json", "HSDS 3.0 (tabelpakket)", 1, 1),
        ("csv", "HSDS 3.0 (tabelpakket)", 1, 1),
        ("csv/datapackage.json", "HSDS 3.0 (tabelpakket)", 1, 1),
        ("location.json", "HSDS 3.0 JSON (object)", 0, 0),
        ("taxonomy_term_list.json", "HSDS 3.0 JSON (pagina)", 0, 0),
    ],
)
def test_leest_de_hsds_voorbeelden(naam, formaat, organisaties, diensten):
    b = lees(VOORBEELDEN / naam)
    assert b.formaat == formaat
    assert (len(b.organisaties), len(b.diensten)) == (organisaties, diensten)
    assert b.afgewezen == []


def test_hsds_3_volledige_dienst():
    b = lees(VOORBEELDEN / "service_full.json")
    d = b.diensten["ac148810-d857-441c-9679-408f346de14b"]
    assert d.organisatie == "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"
    assert d.email == "email@example.com" and d.telefoon == ["+44 1234 234567"]
    assert d.gebieden and d.locaties[0].plaats == "MyCity" and d.locaties[0].land == "US"
    assert (d.min_leeftijd, d.max_leeftijd) == (12, 100)
    assert Term("name", "code", "taxonomy") in d.termen


def test_tabelpakket_30_en_json_vorm_geven_hetzelfde():
    a, b = lees(VOORBEELDEN / "csv"), lees(VOORBEELDEN / "tabular.json")
    assert a.organisaties.keys() == b.organisaties.keys()
    da, db = next(iter(a.diensten.values())), next(iter(b.diensten.values()))
    assert (da.naam, da.organisatie, da.gebieden, da.telefoon) == (
        db.naam,
        db.organisatie,
        db.gebieden,
        db.telefoon,
    )
    # the example's attribute links to an object that is not there: a warning, not a rejection
    assert any(w.veld == "link_id" for w in a.waarschuwingen)


def test_hsds_20_tabelpakket(tmp_path):
    b = lees(_hsds_20(tmp_path / "sociale-kaart"))
    assert b.formaat == "HSDS 2.0 (tabelpakket)"
    assert b.organisaties["org-1"].website == "www.buurtwerk.example"  # 2.0 names it url
    assert b.diensten["srv-1"].omschrijving == "Hulp bij geldzaken"
    assert [t.naam for t in b.diensten["srv-2"].termen] == [
        "Eenzaamheid",
        "Ouderen",
        "Onbekende term",
    ]
    assert b.diensten["srv-2"].gebieden == ["Bloemendaal", "Gouda"]
    assert [str(a) for a in b.afgewezen] == ["sociale-kaart/services.csv:5: id: ontbreekt (dienst)"]
    assert (
        "sociale-kaart/service_attributes.csv:6: service_id: verwijst naar onbekende dienst "
        in ("".join(str(w).split("'srv-404'")[0] for w in b.waarschuwingen))
    )


def test_hsds_11_tabelpakket(tmp_path):
    b = lees(_hsds_11(tmp_path / "kaart11"))
    assert b.formaat == "HSDS 1.1 (tabelpakket)"
    d = b.diensten["s1"]
    assert {t.naam for t in d.termen} == {"Eenzaamheid", "Mantelzorg"}
    assert d.locaties == [Locatie("De Korte Akkeren", "Gouda", "NL", 52.0, 4.7)]


def test_oruk_v1(tmp_path):
    b = lees(_oruk_v1(tmp_path / "oruk.json"))
    assert b.formaat == "ORUK v1 (dienstenlijst)"
    d = b.diensten["oruk-17"]
    assert d.organisatie == "oruk-org-3" and d.gebieden == ["Westergouwe, Gouda"]
    assert d.telefoon == ["0182-123456"] and d.max_leeftijd == 17
    assert [str(a) for a in b.afgewezen] == [
        "oruk.json:content[1] (id oruk-18): name: ontbreekt (dienst)"
    ]


def test_oruk_v2():
    b = lees(BRISTOL)
    assert b.formaat == "ORUK v2 (dienstenlijst)"
    assert len(b.diensten) == 817 and len(b.organisaties) == 594
    assert sorted(a.veld for a in b.afgewezen) == ["id", "name"]


def test_slechte_json_met_regelnummer(tmp_path):
    pad = tmp_path / "kapot.json"
    pad.write_text('{"contents": [\n  {"id": "x",\n  "name": }\n]}')
    b = lees(pad)
    assert [str(a) for a in b.afgewezen] == ["kapot.json:3: json: Expecting value"]


def test_een_los_csv_bestand_is_geen_pakket(tmp_path):
    pad = tmp_path / "services.csv"
    pad.write_text("id,name\n1,x\n")
    assert lees(pad).afgewezen[0].veld == "bestand"


def test_verplichte_kolom_ontbreekt(tmp_path):
    _schrijf_csv(tmp_path / "p", "services.csv", "id,naam", "1,x")
    b = lees(tmp_path / "p")
    assert [str(a) for a in b.afgewezen][0] == "p/services.csv:1: name: verplichte kolom ontbreekt"


# --- mapping: taxonomy and areas ---------------------------------------------------------------


def test_taxonomie_standaard_hierarchie_en_eigen_bestand(tmp_path):
    tax = Taxonomie.laad()
    lg, dg, onbekend = tax.koppel(
        [
            Term("Schuldhulpverlening"),
            Term("Parents>Grandparents", taxonomie="targetAudience"),
            Term("Women", taxonomie="targetAudience"),
        ]
    )
    assert (lg, dg, onbekend) == ({"financien"}, {"mensen-met-schulden", "gezinnen"}, ["Women"])
    eigen = tmp_path / "eigen.csv"
    eigen.write_text(
        "taxonomie,term,leefgebied,doelgroep,toelichting\n"
        "targetAudience,Women,,volwassenen,eigen keuze\n"
        ",Schuldhulpverlening,,,uitgezet\n"
        ",Repair café,Instrumentele ADL,,\n"
        ",Fout,geen-leefgebied,,\n"
    )
    tax = Taxonomie.laad(eigen)
    assert [str(f) for f in tax.fouten] == [
        "eigen.csv:5: leefgebied: onbekend leefgebied 'geen-leefgebied'"
    ]
    lg, dg, _ = tax.koppel(
        [
            Term("Women", taxonomie="targetAudience"),
            Term("Schuldhulpverlening"),
            Term("Repair Cafe"),
        ]
    )
    assert (lg, dg) == ({"instrumentele-adl"}, {"volwassenen"})


def test_taxonomie_bestand_onleesbaar(tmp_path):
    with pytest.raises(OngeldigeInvoer):
        Taxonomie.laad(tmp_path / "bestaat-niet.csv")


@pytest.fixture(scope="module")
def kaart() -> Gebiedenkaart:
    return Gebiedenkaart.uit_referentie(cbs.referentie())


@pytest.mark.parametrize(
    ("gebieden", "locaties", "verwacht"),
    [
        (["Gouda"], [], {"GM0513"}),
        (["Gemeente Gouda"], [], {"GM0513"}),
        (["WK051305"], [], {"WK051305"}),
        (["De Korte Akkeren, Gouda"], [], {"WK051302"}),
        (["Gouda - Westergouwe"], [], {"WK051309"}),
        (["Bloemendaal", "Gouda"], [], {"WK051303", "GM0513"}),  # wijk inside a named gemeente
        (["Bloemendaal"], [], {"GM0377"}),  # alone it is the gemeente Bloemendaal
        (["Noord"], [], set()),  # a wijk name without a gemeente: left alone
        (["Den Haag"], [], {"GM0518"}),
        (["MyCity area"], [Locatie("Hal", "Gouda", "NL")], {"GM0513"}),
        ([], [Locatie("De Korte Akkeren", "Gouda", None)], {"GM0513", "WK051302"}),
        ([], [Locatie("Town Hall", "Gouda", "GB")], set()),  # not in the Netherlands
        (["Bristol"], [Locatie("x", "Bristol", "England")], set()),
    ],
)
def test_gebieden_op_naam(kaart, gebieden, locaties, verwacht):
    d = Dienst("d", "D", "p", gebieden=gebieden, locaties=locaties)
    assert set(kaart.voor_dienst(d)) == verwacht


# --- loading ---------------------------------------------------------------------------------


def test_hsds_20_in_de_graaf(store, tmp_path):
    _gouda(store)
    r = hsds.importeer(store, [_hsds_20(tmp_path / "kaart")], datum="2026-02-01", voortgang=False)
    bron = "hsds-kaart"
    assert r.bronnen[0].bron == bron and (r.bronnen[0].organisaties, r.bronnen[0].diensten) == (
        1,
        3,
    )
    srv1 = hsds.eigen_id(bron, "service", "srv-1")
    srv2 = hsds.eigen_id(bron, "service", "srv-2")
    org = hsds.eigen_id(bron, "organization", "org-1")
    assert store.knoop(org).eigenschappen == {
        "naam": "Stichting Buurtwerk Gouda",
        "website": "https://www.buurtwerk.example",
    }
    assert store.knoop(srv2).eigenschappen["doelgroepen"] == ["ouderen"]
    assert "info@buurtwerk.example" not in store.knoop(srv1).eigenschappen.get("contact", "")
    feiten = {(r["van"], r["type"], r["naar"]) for r in _relaties(store)}
    assert {
        (org, model.BIEDT_AAN, srv1),
        (srv1, model.RICHT_ZICH_OP, "financien"),
        (srv2, model.RICHT_ZICH_OP, "sociaal-netwerk"),
        (srv1, model.ACTIEF_IN, GOUDA),
        (srv2, model.ACTIEF_IN, "WK051303"),
        (srv2, model.ACTIEF_IN, GOUDA),
        (srv1, model.GENOEMD_IN, bron),
    } <= feiten
    genoemd = {r["van"]: r for r in _relaties(store, model.GENOEMD_IN)}
    assert genoemd[srv1]["record"] == "srv-1" and genoemd[srv1]["bevestigd"] is True
    assert genoemd[srv1]["bevestigd_op"] == "2026-02-01" and genoemd[srv1]["status"] == "active"
    assert genoemd[org]["record"] == "org-1"
    for rel in _relaties(store, model.ACTIEF_IN):
        assert rel["bron"] == bron and rel["bevestigd_op"] == "2026-02-01"
    # srv-3 names an unknown organisation: loaded, without provider, with a warning
    assert r.bronnen[0].zonder_organisatie == 1
    assert any(w.veld == "organization_id" and "org-9" in w.reden for w in r.waarschuwingen)
    assert r.bronnen[0].termen_zonder_koppeling == {"Onbekende term": 1}
    assert [str(a) for a in r.afgewezen] == ["kaart/services.csv:5: id: ontbreekt (dienst)"]


def test_hsds_11_en_oruk_v1_in_de_graaf(store, tmp_path):
    _gouda(store)
    hsds.importeer(
        store,
        [_hsds_11(tmp_path / "kaart11"), _oruk_v1(tmp_path / "oruk.json")],
        datum="2026-02-01",
        voortgang=False,
    )
    s1 = hsds.eigen_id("hsds-kaart11", "service", "s1")
    o17 = hsds.eigen_id("hsds-oruk", "service", "oruk-17")
    feiten = {(r["van"], r["type"], r["naar"]) for r in _relaties(store)}
    assert {
        (s1, model.RICHT_ZICH_OP, "sociaal-netwerk"),
        (s1, model.ACTIEF_IN, "WK051302"),
        (s1, model.ACTIEF_IN, GOUDA),
        (o17, model.ACTIEF_IN, "WK051309"),
    } <= feiten
    assert store.knoop(s1).eigenschappen["doelgroepen"] == ["mantelzorgers"]
    aanbod = store.knoop(o17).eigenschappen
    assert aanbod["doelgroepen"] == ["jeugd", "jongeren"]  # maximum_age 17 and Young People
    assert aanbod["contact"] == (
        "jw@jongerenwerk.example; 0182-123456; https://jongerenwerk.example/westergouwe"
    )


def test_gebieden_worden_niet_verzonnen(tmp_path):
    """Without the CBS areas in the graph a matched name gives no ACTIEF_IN, only a warning."""
    store = MemoryStore()
    r = hsds.importeer(store, [_hsds_20(tmp_path / "kaart")], voortgang=False)
    assert _relaties(store, model.ACTIEF_IN) == []
    assert any(w.veld == "gebied" and "GM0513" in w.reden for w in r.waarschuwingen)


@pytest.mark.parametrize(
    "naam",
    sorted(p.name for p in VOORBEELDEN.glob("*.json")) + ["csv"],
)
def test_elk_voorbeeld_laadt_en_tweede_keer_hetzelfde(naam):
    store = MemoryStore()
    eerst = hsds.importeer(store, [VOORBEELDEN / naam], datum="2026-01-01", voortgang=False)
    tellingen = store.tellingen()
    opnieuw = hsds.importeer(store, [VOORBEELDEN / naam], datum="2026-01-01", voortgang=False)
    assert eerst.afgewezen == [] and opnieuw.als_dict() == eerst.als_dict()
    assert store.tellingen() == tellingen


def test_oruk_bristol_en_noord_lincolnshire():
    """The two real UK directories: counts, rejections with reasons, no Dutch areas, and a
    re-run that changes no count."""
    store = MemoryStore()
    r = hsds.importeer(store, [BRISTOL, NOORD_LINCS], datum="2026-01-10", voortgang=False)
    bristol, lincs = r.bronnen
    assert (bristol.bron, lincs.bron) == ("hsds-bristol-council", "hsds-north-lincolnshire-council")
    assert (bristol.organisaties, bristol.diensten, bristol.afgewezen) == (594, 817, 2)
    assert (lincs.organisaties, lincs.diensten, lincs.afgewezen) == (239, 738, 0)
    assert sorted(str(a) for a in r.afgewezen) == [
        "Bristol Council.json:[0] (id def5ccd4-f121-df4d-60d2-4dc0d69ff555): name: "
        "ontbreekt (dienst)",
        "Bristol Council.json:[810] (id 2af617e5-4532-bebe-1036-ffdf2e93ce55): id: dubbel (ook "
        "in Bristol Council.json:[373] (id 2af617e5-4532-bebe-1036-ffdf2e93ce55))",
    ]
    # UK services: Aanbod without ACTIEF_IN, said so in the report
    assert bristol.zonder_gebied == 817 and lincs.zonder_gebied == 738
    assert "817 diensten zonder Nederlands gebied" in bristol.regel()
    tellingen = store.tellingen()
    assert tellingen["relaties"][model.ACTIEF_IN] == 0
    assert tellingen["knopen"][model.AANBOD] == 817 + 738
    # organisations in both directories became one node with two sources
    assert lincs.samengevoegd >= 4
    assert tellingen["knopen"][model.ORGANISATIE] == 594 + 239 - lincs.samengevoegd
    assert tellingen["relaties"][model.RICHT_ZICH_OP] > 0  # the audiences that map

    opnieuw = hsds.importeer(store, [BRISTOL, NOORD_LINCS], datum="2026-01-10", voortgang=False)
    assert opnieuw.als_dict() == r.als_dict()
    assert store.tellingen() == tellingen


@pytest.mark.neo4j
def test_oruk_deel_op_neo4j_gelijk_aan_geheugen(neo4j_store, tmp_path):
    """A slice of both UK directories on the real Neo4j: the same graph as the memory store,
    and a re-run changes nothing."""
    paden = []
    for bron, n in ((BRISTOL, 60), (NOORD_LINCS, 60)):
        pad = tmp_path / bron.name
        pad.write_text(json.dumps(json.loads(bron.read_text(encoding="utf-8"))[:n]))
        paden.append(pad)
    geheugen = MemoryStore()
    geheugen.initialiseer()
    for s in (geheugen, neo4j_store):
        eerst = hsds.importeer(s, paden, datum="2026-01-10", voortgang=False)
    assert list(geheugen.export()) == list(neo4j_store.export())
    tellingen = neo4j_store.tellingen()
    opnieuw = hsds.importeer(neo4j_store, paden, datum="2026-01-10", voortgang=False)
    assert opnieuw.als_dict() == eerst.als_dict()
    assert neo4j_store.tellingen() == tellingen


# --- provenance and freshness -------------------------------------------------------------------


def _versie(pad: Path, diensten: list[dict]) -> Path:
    pad.write_text(json.dumps({"total_items": len(diensten), "contents": diensten}))
    return pad


def _dienst(id_: str, naam: str, termen: list[str]) -> dict:
    return {
        "id": id_,
        "name": naam,
        "status": "active",
        "organization": {"id": "o-1", "name": "Stichting Welzijn Gouda", "description": ""},
        "service_areas": [{"id": f"sa-{id_}", "name": "Gouda"}],
        "attributes": [
            {"id": f"at-{id_}-{t}", "taxonomy_term": {"id": t, "name": t, "description": ""}}
            for t in termen
        ],
    }


def test_nieuwere_versie_markeert_wat_weg_is(store, tmp_path):
    _gouda(store)
    pad = tmp_path / "kaart.json"
    v1 = [
        _dienst("d-1", "Schuldhulp", ["Schulden"]),
        _dienst("d-2", "Eettafel", ["Eenzaamheid", "Maaltijdvoorziening"]),
    ]
    hsds.importeer(store, [_versie(pad, v1)], bron="sk", datum="2026-01-01", voortgang=False)
    knopen = store.tellingen()["knopen"]
    d1, d2 = (hsds.eigen_id("sk", "service", i) for i in ("d-1", "d-2"))

    v2 = [_dienst("d-2", "Eettafel Oost", ["Eenzaamheid"])]
    r = hsds.importeer(store, [_versie(pad, v2)], bron="sk", datum="2026-03-01", voortgang=False)
    assert r.bronnen[0].niet_meer_in_bron == 1
    assert store.tellingen()["knopen"] == knopen  # nothing deleted
    assert store.knoop(d2).eigenschappen["naam"] == "Eettafel Oost"  # updated
    rel = {(x["van"], x["type"], x["naar"]): x for x in _relaties(store)}
    weg = rel[(d1, model.GENOEMD_IN, "sk")]
    assert (weg["bevestigd"], weg["niet_meer_in_bron_sinds"], weg["bevestigd_op"]) == (
        False,
        "2026-03-01",
        "2026-01-01",
    )
    for sleutel in ((d1, model.ACTIEF_IN, GOUDA), (d2, model.RICHT_ZICH_OP, "instrumentele-adl")):
        assert rel[sleutel]["bevestigd"] is False, sleutel
    blijft = rel[(d2, model.RICHT_ZICH_OP, "sociaal-netwerk")]
    assert (blijft["bevestigd"], blijft["bevestigd_op"]) == (True, "2026-03-01")
    # the feed: the vanished service is inactive, the other active
    assert store.vraag("hsds_feed", soort="services", id=d1)["status"] == "inactive"
    assert store.vraag("hsds_feed", soort="services", id=d2)["status"] == "active"

    # the same version again: same counts; the old one back: confirmed again
    tellingen = store.tellingen()
    opnieuw = hsds.importeer(
        store, [_versie(pad, v2)], bron="sk", datum="2026-03-01", voortgang=False
    )
    assert opnieuw.als_dict() == r.als_dict() and store.tellingen() == tellingen
    hsds.importeer(store, [_versie(pad, v1)], bron="sk", datum="2026-04-01", voortgang=False)
    rel = {(x["van"], x["type"], x["naar"]): x for x in _relaties(store)}
    assert rel[(d1, model.GENOEMD_IN, "sk")]["bevestigd"] is True
    assert rel[(d1, model.GENOEMD_IN, "sk")]["bevestigd_op"] == "2026-04-01"
    assert store.tellingen() == tellingen


def test_cli_ingest_hsds(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from wijkgraaf.cli import main

    monkeypatch.setenv("WIJKGRAAF_DATA", str(tmp_path))
    monkeypatch.delenv("WIJKGRAAF_NEO4J_URI", raising=False)
    runner = CliRunner()
    r = runner.invoke(main, ["ingest", "hsds", str(VOORBEELDEN / "service_full.json")])
    assert r.exit_code == 0, r.output
    assert "geladen: 1 organisaties, 1 diensten uit 1 bron(nen); afgewezen: 0" in r.output
    r = runner.invoke(main, ["ingest", "hsds", str(_hsds_20(tmp_path / "kaart")), "--json"])
    assert r.exit_code == 1  # a rejected record
    rapport = json.loads(r.output)
    assert rapport["bronnen"][0]["diensten"] == 3
    assert rapport["afgewezen"] == [
        {"plaats": "kaart/services.csv:5", "veld": "id", "reden": "ontbreekt (dienst)"}
    ]
