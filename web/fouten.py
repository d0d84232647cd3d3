"""Errors on the web pages as Dutch HTML: 404 (an unknown page, wijk, organisatie), 400 (a
question the store cannot answer as asked) and 503 (the store is unreachable). Under ``/api/``
nothing changes: the API's own handlers answer with application/problem+json."""

from __future__ import annotations

from apiflask import APIFlask, HTTPError
from flask import current_app, render_template, request
from werkzeug.exceptions import NotFound

from netwerk.fouten import NietGevonden, OngeldigeInvoer, StoreOnbereikbaar
from web import web

API_VOORVOEGSEL = "/api/"


def foutpagina(status: int, titel: str, uitleg: str, *, hint: str | None = None):
    antwoord = render_template("fout.html", status=status, titel=titel, uitleg=uitleg, hint=hint)
    koppen = {"Retry-After": "5"} if status == 503 else {}
    return antwoord, status, koppen


def niet_gevonden(uitleg: str | None = None, hint: str | None = None):
    return foutpagina(
        404,
        "Pagina niet gevonden",
        uitleg or "Deze pagina bestaat niet (meer). Controleer het adres of begin bij Zoeken.",
        hint=hint,
    )


def registreer(app: APIFlask) -> None:
    """The app-wide part (called once when the blueprint is registered): a Dutch 404 page for
    an unknown address outside ``/api/``."""

    @app.errorhandler(NotFound)
    def pagina_niet_gevonden(fout: NotFound):
        if request.path.startswith(API_VOORVOEGSEL):
            # What APIFlask does for a werkzeug error: the API's problem+json.
            return app.ensure_sync(app.error_callback)(HTTPError(404, message=fout.name))
        return niet_gevonden()


@web.errorhandler(NietGevonden)
def _onbekend(fout: NietGevonden):
    return niet_gevonden(
        f"Niet gevonden: {fout}.",
        hint="Staat het gebied of de organisatie nog niet in Wijkgraaf? Importeer dan de "
        "CBS-gebieden (wijkgraaf ingest cbs) of een sociale kaart (wijkgraaf ingest tabel).",
    )


@web.errorhandler(OngeldigeInvoer)
def _ongeldig(fout: OngeldigeInvoer):
    return foutpagina(400, "Deze vraag kan Wijkgraaf niet beantwoorden", f"{fout}.")


@web.errorhandler(StoreOnbereikbaar)
def _onbereikbaar(fout: StoreOnbereikbaar):
    current_app.logger.warning("graafopslag onbereikbaar (webpagina): %s", fout)
    return foutpagina(
        503,
        "Even niet bereikbaar",
        "De gegevens van Wijkgraaf zijn op dit moment niet bereikbaar. Probeer het over een "
        "paar seconden opnieuw.",
    )
