"""The API on both stores: the first question, errors as problem+json, health, OpenAPI."""

from __future__ import annotations

import pytest

from api import create_app
from ingest import demo

PROBLEEM = "application/problem+json"


@pytest.fixture
def client(store):
    demo.importeer(store, voortgang=False)
    return create_app({"TESTING": True, "STORE": store}).test_client()


def test_overlappende_teams(client):
    r = client.get("/api/v1/wijken/WK051305/overlappende-teams")
    assert r.status_code == 200 and r.mimetype == "application/json"
    assert r.headers["API-Version"] == "1.0.0"
    body = r.get_json()
    assert body["wijk"]["naam"] == "Noord"
    assert any(p["kennis"] == "kennen elkaar niet" for p in body["paren"])


@pytest.mark.parametrize(
    ("methode", "pad", "status"),
    [
        ("get", "/api/v1/wijken/WK999999/overlappende-teams", 404),
        ("get", "/api/v1/wijken/gouda/overlappende-teams", 400),
        ("get", "/api/v1/bestaat-niet", 404),
        ("post", "/api/v1/wijken/WK051305/overlappende-teams", 405),
    ],
)
def test_fouten_als_problem_json(client, methode, pad, status):
    r = getattr(client, methode)(pad)
    assert r.status_code == status
    assert r.mimetype == PROBLEEM
    body = r.get_json()
    assert body["status"] == status and body["title"] and body["instance"] == pad
    assert r.headers["API-Version"] == "1.0.0"


def test_ongeldige_wijkcode_noemt_parameter(client):
    body = client.get("/api/v1/wijken/gouda/overlappende-teams").get_json()
    assert body["invalidParams"][0]["name"] == "wijkcode"


def test_health(client, store):
    r = client.get("/api/v1/health")
    assert r.status_code == 200
    assert r.get_json() == {"status": "ok", "store": store.soort, "bereikbaar": True}


def test_openapi_document_bevat_de_routes(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    assert "/api/v1/wijken/{wijkcode}/overlappende-teams" in spec["paths"]
    assert "/api/v1/health" in spec["paths"]
