"""The Wijkgraaf web pages: server-rendered Dutch HTML over the same store as the API.

The blueprint ``web`` serves

- ``/`` Zoeken: aanbod by words, leefgebied, doelgroep, vorm and a wijk or buurt by name;
- ``/wijken/<code>``: overlappende teams, nuldelijn-gaten, collectieve alternatieven;
- ``/gemeenten/<code>`` and ``/organisaties``: lists to find your way;
- ``/gemeenten/<code>/landschap`` (adviseur): the interactive network (Cytoscape.js);
- ``/organisaties/<id>/zichtbaarheid`` (adviseur, as in the API): list, map, printable report;
- ``/inloggen``: paste an API key once; the session keeps which key it was.

Every page works without JavaScript except the network and the map; the JavaScript and CSS of
Cytoscape.js and Leaflet are vendored in ``web/static/vendor`` (see ``web/vendor.sh``), so the
app needs no Node at run time.

Registering the blueprint also sets up what it needs from the app once: a ``SECRET_KEY`` for the
session (from ``WIJKGRAAF_SECRET_KEY``, else a random one per process, with a warning), and a
Dutch HTML page for a 404 outside ``/api/`` (the API keeps its problem+json).
"""

from __future__ import annotations

import secrets

from flask import Blueprint

web = Blueprint(
    "web",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/statisch",
)


@web.record_once
def _inrichten(state) -> None:  # noqa: ANN001 (Flask's BlueprintSetupState)
    app = state.app
    sleutel = app.config.get("SECRET_KEY")
    if sleutel is not None and not isinstance(sleutel, str | bytes):
        app.config["SECRET_KEY"] = str(sleutel)  # from_prefixed_env parses "123" as a number
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = secrets.token_urlsafe(32)
        app.logger.warning(
            "WIJKGRAAF_SECRET_KEY is niet gezet: een willekeurige sleutel voor dit proces "
            "wordt gebruikt, dus inloggen op de webpagina's geldt alleen tot een herstart "
            "en alleen binnen dit ene proces"
        )
    if app.config.get("SESSION_COOKIE_SAMESITE") is None:
        app.config["SESSION_COOKIE_SAMESITE"] = "Lax"

    from web import fouten

    fouten.registreer(app)


from web import routes  # noqa: E402,F401  (the views register themselves on ``web``)
