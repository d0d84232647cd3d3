"""The HSDS 3.0 feed (GET /hsds/...): every official example round-trips (import, then the feed
validates against the official JSON Schemas, formats checked), paging as HSDS specifies, errors
as problem+json, and the same feed from both stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from api import create_app
from api.hsds import hsds
from ingest import cbs
from ingest import hsds as hsds_ingest
from netwerk.stores.geheugen import MemoryStore

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
VOORBEELDEN = DATA / "hsds_spec_examples_v3"
SCHEMAS = DATA / "hsds_schema_v3"
PROBLEEM = "application/problem+json"
ALLE_VOORBEELDEN = sorted(p.name for p in VOORBEELDEN.glob("*.json")) + ["csv"]


def _validator(naam: str, formaten: bool = True) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / "compiled" / naam).read_text(encoding="utf-8"))
    kwargs = {"format_checker": Draft202012Validator.FORMAT_CHECKER} if formaten else {}
    return Draft202012Validator(schema, **kwargs)


PAGINA = Draft202012Validator(
    json.loads((SCHEMAS / "openapi.json").read_text(encoding="utf-8"))["components"]["schemas"][
        "Page"
    ]
)
VALIDATORS = {
    ("services", "lijst"): _validator("service_list.json"),
    ("services", "een"): _validator("service.json"),
    ("organizations", "lijst"): _validator("organization_list.json"),
    ("organizations", "een"): _validator("organization.json"),
}
PAGINA_VELDEN = {
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
}


def _fouten(validator: Draft202012Validator, obj: dict) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(obj)]


def _client(store):
    app = create_app({"TESTING": True, "STORE": store})
    if "hsds" not in app.blueprints:
        app.register_blueprint(hsds)
    return app.test_client()


def _alle(client, soort: str, per_pagina: int) -> list[dict]:
    """Every record of the feed, page by page, each page checked against HSDS."""
    records, pagina = [], 1
    while True:
        r = client.get(f"/hsds/{soort}?page={pagina}&per_page={per_pagina}")
        assert r.status_code == 200 and r.mimetype == "application/json"
        body = r.get_json()
        assert set(body) == PAGINA_VELDEN and _fouten(PAGINA, body) == []
        assert body["page_number"] == pagina and body["size"] == len(body["contents"])
        assert body["first_page"] == (pagina == 1)
        for item in body["contents"]:
            assert _fouten(VALIDATORS[(soort, "lijst")], item) == [], item
        records += body["contents"]
        if body["last_page"]:
            assert len(records) == body["total_items"]
            assert body["total_pages"] == pagina or body["total_items"] == 0
            return records
        pagina += 1


def _controleer_feed(client) -> dict[str, list[dict]]:
    uit = {}
    for soort in ("services", "organizations"):
        lijst = _alle(client, soort, per_pagina=2)
        assert len({x["id"] for x in lijst}) == len(lijst)
        volledig = []
        for item in lijst:
            r = client.get(f"/hsds/{soort}/{item['id']}")
            assert r.status_code == 200
            body = r.get_json()
            assert _fouten(VALIDATORS[(soort, "een")], body) == [], body
            volledig.append(body)
        uit[soort] = volledig
    return uit


@pytest.mark.parametrize("naam", ALLE_VOORBEELDEN)
def test_elk_voorbeeld_gaat_heen_en_terug(store, naam):
    """Import one official example, then the whole feed validates against the official schemas;
    the example's records come back with their own ids and names."""
    rapport = hsds_ingest.importeer(store, [VOORBEELDEN / naam], voortgang=False)
    assert rapport.afgewezen == []
    feed = _controleer_feed(_client(store))
    bron = hsds_ingest.lees(VOORBEELDEN / naam)
    assert {(s["id"], s["name"]) for s in feed["services"]} == {
        (d.id, d.naam) for d in bron.diensten.values()
    }
    assert {(o["id"], o["name"]) for o in feed["organizations"]} == {
        (o.id, o.naam) for o in bron.organisaties.values()
    }
    for s in feed["services"]:
        org = bron.diensten[s["id"]].organisatie
        assert s.get("organization_id") == org and s["status"] == "active"


def test_alle_voorbeelden_samen(geheugen_store):
    """All examples in one graph: the same service and organisation arrive from many files
    (same UUIDs): one node each, every file a source."""
    paden = [VOORBEELDEN / n for n in ALLE_VOORBEELDEN]
    hsds_ingest.importeer(geheugen_store, paden, voortgang=False)
    feed = _controleer_feed(_client(geheugen_store))
    assert [s["id"] for s in feed["services"]] == ["ac148810-d857-441c-9679-408f346de14b"]
    org = feed["organizations"][0]
    assert org["id"] == "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"
    assert [s["id"] for s in org["services"]] == ["ac148810-d857-441c-9679-408f346de14b"]
    bronnen = geheugen_store.vraag("hsds_stand")["organisaties"][0]["bronnen"]
    assert len(bronnen) == 8  # every file holding the organisation


def _kaart(tmp_path: Path) -> Path:
    """A small Dutch directory in HSDS 3.0 JSON: areas, leefgebieden, doelgroepen, KvK."""
    org = {
        "id": "0b6c8a62-3c1a-4ad4-9c57-8d1c6a1e0001",
        "name": "Stichting Welzijn Gouda",
        "description": "",
        "website": "https://welzijn-gouda.example",
        "organization_identifiers": [
            {
                "id": "x",
                "identifier_scheme": "NL-KVK",
                "identifier_type": "KvK",
                "identifier": "41234567",
            }
        ],
    }
    diensten = [
        {
            "id": f"0b6c8a62-3c1a-4ad4-9c57-8d1c6a1e01{i:02d}",
            "name": naam,
            "description": f"<p>{naam} in de wijk</p>",
            "email": "info@welzijn-gouda.example",
            "url": "https://welzijn-gouda.example/aanbod",
            "status": "active",
            "phones": [{"id": "p", "number": "0182-000000"}],
            "organization": org,
            "service_areas": [{"id": "a", "name": gebied} for gebied in gebieden],
            "attributes": [
                {"id": "t", "taxonomy_term": {"id": "t", "name": term, "description": ""}}
                for term in termen
            ],
        }
        for i, (naam, gebieden, termen) in enumerate(
            [
                ("Schuldhulpmaatje", ["Gouda"], ["Schulden"]),
                ("Eettafel", ["Gouda", "Bloemendaal"], ["Eenzaamheid", "Ouderen"]),
                ("Taalcafé", ["Gouda - Westergouwe"], ["Taal", "Nieuwkomers"]),
            ]
        )
    ]
    pad = tmp_path / "sociale-kaart.json"
    pad.write_text(json.dumps({"total_items": 3, "contents": diensten}), encoding="utf-8")
    return pad


@pytest.fixture
def kaart_client(store, tmp_path):
    knopen, relaties = cbs.records(cbs.referentie(), ["GM0513"])
    store.upsert_knopen(knopen)
    store.upsert_relaties(relaties)
    hsds_ingest.importeer(store, [_kaart(tmp_path)], datum="2026-02-01", voortgang=False)
    return _client(store)


def test_nederlandse_kaart_volledig(kaart_client):
    feed = _controleer_feed(kaart_client)
    eettafel = next(s for s in feed["services"] if s["name"] == "Eettafel")
    assert eettafel["description"] == "Eettafel in de wijk"
    assert eettafel["email"] == "info@welzijn-gouda.example"
    assert eettafel["url"] == "https://welzijn-gouda.example/aanbod"
    assert [p["number"] for p in eettafel["phones"]] == ["0182-000000"]
    assert eettafel["assured_date"] == "2026-02-01"
    assert {(a["name"], a["extent"]) for a in eettafel["service_areas"]} == {
        ("Gouda", "GM0513"),
        ("Bloemendaal", "WK051303"),
    }
    termen = {(a["link_type"], a["taxonomy_term"]["code"]) for a in eettafel["attributes"]}
    assert termen == {("leefgebied", "sociaal-netwerk"), ("doelgroep", "ouderen")}
    org = feed["organizations"][0]
    assert org["organization_identifiers"][0]["identifier"] == "41234567"
    assert org["website"] == "https://welzijn-gouda.example"
    assert len(org["services"]) == 3


def test_paginering_en_filter(kaart_client):
    body = kaart_client.get("/hsds/services?page=2&per_page=2").get_json()
    assert (body["total_items"], body["total_pages"], body["size"]) == (3, 2, 1)
    assert (body["first_page"], body["last_page"], body["empty"]) == (False, True, False)
    leeg = kaart_client.get("/hsds/services?page=5&per_page=2").get_json()
    assert leeg["empty"] is True and leeg["contents"] == []
    org = "0b6c8a62-3c1a-4ad4-9c57-8d1c6a1e0001"
    assert kaart_client.get(f"/hsds/services?organization_id={org}").get_json()["total_items"] == 3
    assert (
        kaart_client.get("/hsds/services?organization_id=onbekend").get_json()["total_items"] == 0
    )
    # parameters of the HSDS API that Wijkgraaf does not support are ignored
    assert kaart_client.get("/hsds/services?search=koffie&full=true").status_code == 200


def test_api_info(kaart_client):
    body = kaart_client.get("/hsds").get_json()
    assert body["version"] == "3.0"
    assert body["openapi_url"].startswith("http://") and body["openapi_url"].endswith(
        "/api/v1/openapi.json"
    )


@pytest.mark.parametrize(
    ("pad", "status"),
    [
        ("/hsds/services/bestaat-niet", 404),
        ("/hsds/organizations/bestaat-niet", 404),
        ("/hsds/services?per_page=0", None),
        ("/hsds/services?page=0", None),
        ("/hsds/organizations?per_page=100000", None),
    ],
)
def test_fouten_als_problem_json(kaart_client, pad, status):
    r = kaart_client.get(pad)
    assert r.status_code == (status or r.status_code) and r.status_code in (400, 404, 422)
    assert r.mimetype == PROBLEEM
    assert r.get_json()["status"] == r.status_code


def test_openapi_noemt_de_feed(kaart_client):
    spec = kaart_client.get("/api/v1/openapi.json").get_json()
    for pad in ("/hsds", "/hsds/services", "/hsds/services/{id}", "/hsds/organizations"):
        assert pad in spec["paths"], pad
    antwoord = spec["paths"]["/hsds/services/{id}"]["get"]["responses"]["404"]
    assert list(antwoord["content"]) == [PROBLEEM]


def test_samengevoegde_organisatie_verdwijnt_uit_de_feed(geheugen_store, tmp_path):
    from ingest import ontdubbel

    hsds_ingest.importeer(geheugen_store, [_kaart(tmp_path)], voortgang=False)
    andere = tmp_path / "andere.json"
    andere.write_text(
        json.dumps({"id": "o-2", "name": "Welzijn Gouda eo", "description": "", "services": []})
    )
    hsds_ingest.importeer(geheugen_store, [andere], voortgang=False)
    client = _client(geheugen_store)
    assert client.get("/hsds/organizations").get_json()["total_items"] == 2
    tweede = hsds_ingest.eigen_id("hsds-andere", "organization", "o-2")
    ontdubbel.voeg_samen(geheugen_store, "0b6c8a62-3c1a-4ad4-9c57-8d1c6a1e0001", tweede)
    assert client.get("/hsds/organizations").get_json()["total_items"] == 1
    assert client.get(f"/hsds/organizations/{tweede}").status_code == 404


def test_aanbod_uit_andere_bronnen_staat_ook_in_de_feed(geheugen_store):
    """Nodes from the exchange format keep their own keys (not UUIDs): the feed serves them and
    is valid HSDS apart from the ``format: uuid`` of their ids."""
    from ingest import demo

    demo.importeer(geheugen_store, voortgang=False)
    client = _client(geheugen_store)
    lijst = _alle_zonder_formaat(client)
    assert lijst and not any(hsds_ingest.is_uuid(s["id"]) for s in lijst)


def _alle_zonder_formaat(client) -> list[dict]:
    body = client.get("/hsds/services?per_page=500").get_json()
    for item in body["contents"]:
        assert _fouten(_validator("service_list.json", formaten=False), item) == []
        een = client.get(f"/hsds/services/{item['id']}").get_json()
        assert _fouten(_validator("service.json", formaten=False), een) == []
        assert [e for e in _fouten(VALIDATORS[("services", "een")], een) if "uuid" not in e] == []
    return body["contents"]


@pytest.mark.neo4j
def test_beide_stores_dezelfde_feed(neo4j_store, tmp_path):
    """The demo landscape (exchange format) plus HSDS imports: the same pages and records."""
    from ingest import demo

    geheugen = MemoryStore()
    geheugen.initialiseer()
    for s in (geheugen, neo4j_store):
        demo.importeer(s, voortgang=False)
        hsds_ingest.importeer(
            s,
            [_kaart(tmp_path), VOORBEELDEN / "service_full.json", VOORBEELDEN / "csv"],
            datum="2026-02-01",
            voortgang=False,
        )
    totaal = geheugen.vraag("hsds_feed", soort="services")["total_items"]
    assert totaal > 5  # demo aanbod and the imported services
    for soort in ("services", "organizations"):
        for pagina in (1, 2, 3):
            params = {"soort": soort, "pagina": pagina, "per_pagina": 3}
            a, b = geheugen.vraag("hsds_feed", **params), neo4j_store.vraag("hsds_feed", **params)
            assert a == b, (soort, pagina)
        for item in geheugen.vraag("hsds_feed", soort=soort, per_pagina=500)["contents"]:
            params = {"soort": soort, "id": item["id"]}
            assert geheugen.vraag("hsds_feed", **params) == neo4j_store.vraag("hsds_feed", **params)
