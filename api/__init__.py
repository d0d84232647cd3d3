"""The Wijkgraaf REST API (APIFlask): resources under /api/v1, OpenAPI 3 at
/api/v1/openapi.json, every error as application/problem+json (RFC 9457).

``create_app`` is the app factory: defaults from :mod:`api.instellingen`, then ``WIJKGRAAF_*``
from the environment, then ``test_config``. The graph store (and for Neo4j the one driver of
the process) is made here, once, and kept in ``app.extensions["wijkgraaf"]``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from apiflask import APIFlask
from flask_cors import CORS

from api import fouten, instellingen
from api.sleutels import Sleutelbos
from api.toegang import SECURITY_SCHEMES
from netwerk.config import Instellingen, open_store
from netwerk.stores.basis import GraphStore

API_VERSIE = "1.0.0"


def create_app(test_config: dict[str, Any] | None = None) -> APIFlask:
    """Build the Flask app. ``test_config`` may hold ``STORE`` (a ready GraphStore)."""
    app = APIFlask(
        __name__,
        title="Wijkgraaf API",
        version=API_VERSIE,
        spec_path="/api/v1/openapi.json",
        docs_path="/api/v1/docs",
    )
    app.config.from_object(instellingen)
    app.config.from_prefixed_env("WIJKGRAAF")
    if test_config:
        app.config.update(test_config)

    inst = Instellingen.uit_omgeving()
    store: GraphStore = app.config.get("STORE") or open_store(inst)
    app.extensions["wijkgraaf"] = store
    app.extensions["wijkgraaf_sleutels"] = Sleutelbos(
        Path(app.config.get("SLEUTELS") or inst.data / "sleutels.json")
    )
    app.security_schemes = SECURITY_SCHEMES

    app.json.sort_keys = False
    fouten.registreer(app)

    from api.hsds import hsds
    from api.routes import PUBLIEK, v1
    from web import web

    app.register_blueprint(v1)
    app.register_blueprint(hsds)
    app.register_blueprint(web)
    CORS(
        app,
        resources={p: {"origins": "*", "methods": ["GET"]} for p in [*PUBLIEK, r"^/hsds(/.*)?$"]},
        send_wildcard=True,
    )

    @app.spec_processor
    def problemen_in_spec(spec: dict[str, Any]) -> dict[str, Any]:
        """Every error response is application/problem+json; every operation can answer 503."""
        for operaties in spec.get("paths", {}).values():
            for operatie in operaties.values():
                antwoorden = operatie.get("responses", {})
                antwoorden.setdefault(
                    "503",
                    {
                        "description": "De graafopslag is tijdelijk niet bereikbaar",
                        "content": {"application/json": {"schema": instellingen.PROBLEEM_SCHEMA}},
                    },
                )
                if "gexf" in operatie.get("description", "") and "200" in antwoorden:
                    for mime in (
                        "application/gexf+xml",
                        "application/graphml+xml",
                        "application/vnd.cytoscape+json",
                    ):
                        antwoorden["200"]["content"][mime] = {"schema": {"type": "string"}}
                for status, antwoord in antwoorden.items():
                    inhoud = antwoord.get("content", {})
                    if int(status) >= 400 and "application/json" in inhoud:
                        inhoud[fouten.PROBLEEM] = inhoud.pop("application/json")
        return spec

    @app.after_request
    def api_versie(antwoord):  # NL API Design Rules: API-Version on every response
        antwoord.headers["API-Version"] = API_VERSIE
        return antwoord

    return app


def store_van(app: APIFlask) -> GraphStore:
    return app.extensions["wijkgraaf"]
