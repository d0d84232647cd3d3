"""The /api/v1 resources."""

from __future__ import annotations

from apiflask import APIBlueprint
from flask import current_app

from api import schemas
from api.fouten import probleem

v1 = APIBlueprint("v1", __name__, url_prefix="/api/v1", tag="Wijkgraaf")


def _store():
    return current_app.extensions["wijkgraaf"]


@v1.get("/health")
@v1.output(schemas.Gezondheid)
@v1.doc(
    summary="Gezondheid",
    description="Of de API en de graafopslag bereikbaar zijn.",
    responses={503: "De graafopslag is niet bereikbaar"},
)
def gezondheid():
    store = _store()
    bereikbaar = store.bereikbaar()
    body = {
        "status": "ok" if bereikbaar else "onbereikbaar",
        "store": store.soort,
        "bereikbaar": bereikbaar,
    }
    if not bereikbaar:
        return probleem(503, "de graafopslag is niet bereikbaar", store=store.soort)
    return body


@v1.get("/wijken/<string:wijkcode>/overlappende-teams")
@v1.output(schemas.OverlappendeTeams)
@v1.doc(
    summary="Overlappende teams in een wijk",
    description=(
        "Paren teams die in dezelfde buurten van de wijk werken met overlappende leefgebieden "
        "of doelgroepen, met wat ze delen, een overlapscore en of ze elkaar kennen."
    ),
    responses={
        404: "Onbekende wijk",
        400: "Geen geldige wijkcode",
        503: "Graafopslag onbereikbaar",
    },
)
def overlappende_teams(wijkcode: str):
    if not schemas.model.CBS_PATRONEN[schemas.model.WIJK].match(wijkcode):
        return probleem(
            400,
            "geen CBS-wijkcode (WK + 4 cijfers + 2 tekens)",
            invalidParams=[{"name": "wijkcode", "in": "path", "reason": "geen CBS-wijkcode"}],
        )
    return _store().overlappende_teams(wijkcode)
