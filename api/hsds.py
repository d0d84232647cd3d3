"""The HSDS 3.0 feed (Open Referral), read-only, under ``/hsds``: the standard read API so any
Open Referral tool can read Wijkgraaf.

- ``GET /hsds``: API info (HSDS version, profile, OpenAPI URL);
- ``GET /hsds/services``, ``GET /hsds/organizations``: pages as HSDS specifies (``page`` from 1,
  ``per_page``; ``total_items``, ``total_pages``, ``page_number``, ``size``, ``first_page``,
  ``last_page``, ``empty``, ``contents``); services can be filtered by ``organization_id``;
- ``GET /hsds/services/{id}``, ``GET /hsds/organizations/{id}``: one fully nested record.

The content comes from the question ``hsds_feed`` (:mod:`netwerk.analyse.hsds_feed`), so both
stores serve the same feed; errors are problem+json like the rest of the API. Query parameters
of the HSDS API that Wijkgraaf does not support (``search``, ``full``, ``format``, ...) are
ignored.
"""

from __future__ import annotations

from typing import Any

from apiflask import APIBlueprint, Schema
from apiflask.fields import Integer, String
from apiflask.validators import Range
from flask import current_app, url_for
from marshmallow import EXCLUDE

from netwerk.analyse.hsds_feed import HSDS_VERSIE, MAX_PER_PAGINA

hsds = APIBlueprint("hsds", __name__, url_prefix="/hsds", tag="HSDS (Open Referral)")

PROFIEL = "https://docs.openreferral.org/en/latest/hsds/"
_STATUS = ["active", "inactive", "defunct", "temporarily closed"]


class HsdsPaginering(Schema):
    class Meta:
        unknown = EXCLUDE

    page = Integer(load_default=1, validate=Range(min=1), metadata={"description": "vanaf 1"})
    per_page = Integer(
        load_default=50,
        validate=Range(min=1, max=MAX_PER_PAGINA),
        metadata={"description": f"resultaten per pagina, hoogstens {MAX_PER_PAGINA}"},
    )


class HsdsDienstFilter(HsdsPaginering):
    organization_id = String(metadata={"description": "alleen diensten van deze organisatie"})


def _object(verplicht: list[str], **eigenschappen: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "required": verplicht, "properties": eigenschappen}


_TEKST = {"type": "string"}
DIENST = _object(
    ["id", "name", "status"], id=_TEKST, name=_TEKST, status={"type": "string", "enum": _STATUS}
)
ORGANISATIE = _object(["id", "name", "description"], id=_TEKST, name=_TEKST, description=_TEKST)
API_INFO = _object(["version"], version=_TEKST, profile=_TEKST, openapi_url=_TEKST)


def _pagina(item: dict[str, Any]) -> dict[str, Any]:
    geheel, waar = {"type": "integer"}, {"type": "boolean"}
    return _object(
        ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty"]
        + ["contents"],
        total_items=geheel,
        total_pages=geheel,
        page_number=geheel,
        size=geheel,
        first_page=waar,
        last_page=waar,
        empty=waar,
        contents={"type": "array", "items": item},
    )


def _json(beschrijving: str, schema: dict[str, Any]) -> dict[int, Any]:
    return {200: {"description": beschrijving, "content": {"application/json": {"schema": schema}}}}


def _feed(**params: Any) -> dict[str, Any]:
    return current_app.extensions["wijkgraaf"].vraag("hsds_feed", **params)


@hsds.get("")
@hsds.doc(
    summary="HSDS: over deze API",
    description="De HSDS-versie, het profiel en waar de OpenAPI-beschrijving staat.",
    responses=_json("API-informatie", API_INFO),
)
def api_info():
    return {
        "version": HSDS_VERSIE,
        "profile": PROFIEL,
        "openapi_url": url_for("openapi.spec", _external=True),
    }


@hsds.get("/services")
@hsds.input(HsdsDienstFilter, location="query", arg_name="query_data")
@hsds.doc(
    summary="HSDS: diensten",
    description="Het aanbod als HSDS-services, gepagineerd zoals HSDS dat voorschrijft.",
    responses=_json("Een pagina services", _pagina(DIENST)),
)
def services(query_data: dict[str, Any]):
    return _feed(
        soort="services",
        pagina=query_data["page"],
        per_pagina=query_data["per_page"],
        organisatie=query_data.get("organization_id"),
    )


@hsds.get("/services/<string:id>")
@hsds.doc(
    summary="HSDS: één dienst",
    description="Eén service, volledig genest (organisatie, gebieden, leefgebieden, doelgroepen).",
    responses={**_json("De service", DIENST), 404: "Onbekende dienst"},
)
def service(id: str):
    return _feed(soort="services", id=id)


@hsds.get("/organizations")
@hsds.input(HsdsPaginering, location="query", arg_name="query_data")
@hsds.doc(
    summary="HSDS: organisaties",
    description="De organisaties als HSDS-organizations, gepagineerd.",
    responses=_json("Een pagina organizations", _pagina(ORGANISATIE)),
)
def organizations(query_data: dict[str, Any]):
    return _feed(
        soort="organizations", pagina=query_data["page"], per_pagina=query_data["per_page"]
    )


@hsds.get("/organizations/<string:id>")
@hsds.doc(
    summary="HSDS: één organisatie",
    description="Eén organization met haar services.",
    responses={**_json("De organization", ORGANISATIE), 404: "Onbekende organisatie"},
)
def organization(id: str):
    return _feed(soort="organizations", id=id)
