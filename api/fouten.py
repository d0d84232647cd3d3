"""One error shape for the whole API: application/problem+json (RFC 9457), as the NL API
Design Rules ask. Flask's own 404/405, validation errors, domain errors and an unreachable store
all pass through here."""

from __future__ import annotations

from typing import Any

from apiflask import APIFlask, HTTPError
from flask import Response, json, request

from netwerk.fouten import NietGevonden, OngeldigeInvoer, StoreOnbereikbaar

PROBLEEM = "application/problem+json"
_TITELS = {
    400: "Ongeldig verzoek",
    401: "Niet geauthenticeerd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    413: "Verzoek te groot",
    422: "Ongeldige invoer",
    500: "Interne fout",
    503: "Dienst niet beschikbaar",
}


def probleem(status: int, detail: str | None = None, **extra: Any) -> Response:
    body = {
        "type": "about:blank",
        "title": _TITELS.get(status, "Fout"),
        "status": status,
        **({"detail": detail} if detail else {}),
        "instance": request.path,
        **extra,
    }
    antwoord = Response(json.dumps(body), status=status, mimetype=PROBLEEM)
    if status == 503:
        antwoord.headers["Retry-After"] = "5"
    return antwoord


def _ongeldige_parameters(detail: Any) -> list[dict[str, str]]:
    """APIFlask/webargs validation detail ({location: {field: [messages]}}) as invalidParams."""
    uit = []
    if isinstance(detail, dict):
        for plaats, velden in detail.items():
            if isinstance(velden, dict):
                for veld, meldingen in velden.items():
                    for m in meldingen if isinstance(meldingen, list) else [meldingen]:
                        uit.append({"name": veld, "in": plaats, "reason": str(m)})
    return uit


def registreer(app: APIFlask) -> None:
    @app.error_processor
    def http_fout(fout: HTTPError) -> Response:
        extra: dict[str, Any] = {}
        params = _ongeldige_parameters(fout.detail)
        if params:
            extra["invalidParams"] = params
        detail = fout.message if fout.message != _TITELS.get(fout.status_code) else None
        antwoord = probleem(fout.status_code, detail if isinstance(detail, str) else None, **extra)
        for k, v in (fout.headers or {}).items():
            antwoord.headers[k] = v
        return antwoord

    @app.errorhandler(NietGevonden)
    def niet_gevonden(fout: NietGevonden) -> Response:
        return probleem(404, str(fout))

    @app.errorhandler(OngeldigeInvoer)
    def ongeldig(fout: OngeldigeInvoer) -> Response:
        return probleem(400, str(fout))

    @app.errorhandler(StoreOnbereikbaar)
    def onbereikbaar(fout: StoreOnbereikbaar) -> Response:
        app.logger.warning("graafopslag onbereikbaar: %s", fout)
        return probleem(
            503, "de graafopslag is tijdelijk niet bereikbaar; probeer het later opnieuw"
        )
