"""The /api/v1 resources: Dutch plural nouns, kebab-case, no trailing slashes.

Public reads (areas, leefgebieden, teams, organisaties, initiatieven, aanbod and the wijk
questions about them) need no key and allow CORS, so a municipal website can embed a search.
The landscape analyses and household aggregates need role ``adviseur``; imports ``beheerder``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from apiflask import APIBlueprint
from flask import Response, current_app, request, url_for

from api import schemas
from api.fouten import probleem
from api.toegang import vereist
from netwerk import model
from netwerk.stores.basis import GraphStore

v1 = APIBlueprint("v1", __name__, url_prefix="/api/v1", tag="Wijkgraaf")
ADVISEUR = {"security": [{"ApiKey": []}, {"Bearer": []}]}


def store() -> GraphStore:
    return current_app.extensions["wijkgraaf"]


def met_links(antwoord: dict[str, Any], endpoint: str, **waarden: Any) -> dict[str, Any]:
    """Add HAL-style ``_links`` (self, first, last, prev, next) to a paged answer."""
    params = {k: v for k, v in request.args.items() if k not in ("pagina",)}
    params.update(waarden)

    def href(pagina: int) -> dict[str, str]:
        return {"href": url_for(endpoint, **params, pagina=pagina)}

    p, laatste = antwoord["pagina"], antwoord["paginas"]
    links = {"self": href(p), "first": href(1), "last": href(laatste)}
    if p > 1:
        links["prev"] = href(min(p - 1, laatste))
    if p < laatste:
        links["next"] = href(p + 1)
    return {**antwoord, "_links": links}


# --- health -------------------------------------------------------------------------------


@v1.get("/health")
@v1.output(schemas.Gezondheid)
@v1.doc(
    summary="Gezondheid",
    description="Of de API en de graafopslag bereikbaar zijn.",
    responses={503: "De graafopslag is niet bereikbaar"},
)
def gezondheid():
    s = store()
    if not s.bereikbaar():
        return probleem(503, "de graafopslag is niet bereikbaar", store=s.soort)
    return {"status": "ok", "store": s.soort, "bereikbaar": True}


# --- collections and details (public) --------------------------------------------------------

#: resource path -> (label, query schema, item schema)
COLLECTIES = {
    "gemeenten": (model.GEMEENTE, schemas.Paginering, schemas.Gemeente),
    "wijken": (model.WIJK, schemas.GemeenteFilter, schemas.Wijk),
    "buurten": (model.BUURT, schemas.BuurtFilter, schemas.Buurt),
    "leefgebieden": (model.LEEFGEBIED, schemas.Paginering, schemas.Leefgebied),
    "teams": (model.TEAM, schemas.GemeenteFilter, schemas.Team),
    "organisaties": (model.ORGANISATIE, schemas.GemeenteFilter, schemas.Organisatie),
    "initiatieven": (model.INITIATIEF, schemas.GemeenteFilter, schemas.Initiatief),
    "aanbod": (model.AANBOD, None, schemas.Aanbod),  # list: zoeken, below
}
#: Public read resources that other sites may call from the browser (CORS, GET only).
PUBLIEK = [
    r"^/api/v1/(gemeenten|buurten|leefgebieden|teams|organisaties|initiatieven|aanbod)(/[^/]+)?$",
    r"^/api/v1/wijken(/[^/]+(/(overlappende-teams|nuldelijn-gaten|collectieve-alternatieven))?)?$",
]
_SLEUTEL = {model.GEMEENTE: "gemeentecode", model.WIJK: "wijkcode", model.BUURT: "buurtcode"}


def _registreer_collectie(pad: str, label: str, filter_schema: type | None, item: type) -> None:
    sleutel = _SLEUTEL.get(label, "id")
    lijst_schema = schemas.lijst_van(item)
    detail_schema = schemas.detail_van(item)

    def lijst(query_data: dict[str, Any]):
        antwoord = store().vraag("lijst", label=label, **query_data)
        return met_links(antwoord, f"v1.{pad}_lijst")

    def detail(**pad_waarden: str):
        return store().vraag("detail", id=pad_waarden[sleutel], label=label)

    lijst.__name__ = f"{pad}_lijst"
    detail.__name__ = f"{pad}_detail"
    naam = label.lower()
    if filter_schema is None:  # the list has a route of its own
        filter_schema = schemas.Paginering
        v1.get(f"/{pad}/<string:{sleutel}>")(
            v1.output(detail_schema)(
                v1.doc(summary=f"Eén {naam}", responses={404: f"Onbekende {naam}"})(detail)
            )
        )
        return
    v1.get(f"/{pad}")(
        v1.input(filter_schema, location="query", arg_name="query_data")(
            v1.output(lijst_schema)(
                v1.doc(summary=f"Lijst van {pad}", description=f"Alle {pad}, gepagineerd.")(lijst)
            )
        )
    )
    v1.get(f"/{pad}/<string:{sleutel}>")(
        v1.output(detail_schema)(
            v1.doc(
                summary=f"Eén {naam}",
                description=f"Een {naam} met al zijn relaties, elk met bron en datum.",
                responses={404: f"Onbekende {naam}"},
            )(detail)
        )
    )


for _pad, (_label, _filter, _item) in COLLECTIES.items():
    _registreer_collectie(_pad, _label, _filter, _item)


# --- questions -------------------------------------------------------------------------------


@v1.get("/aanbod")
@v1.input(schemas.AanbodQuery, location="query", arg_name="query_data")
@v1.output(schemas.Zoekresultaten)
@v1.doc(
    summary="Aanbod zoeken",
    description=(
        "Aanbod op woorden (`zoek`: elk woord moet het begin zijn van een woord in naam, "
        "omschrijving of aanbieder; accenten tellen niet), leefgebied, doelgroep, vorm en "
        "gebied (CBS-code; aanbod voor een hele wijk of gemeente telt in elke buurt ervan). "
        "Volgorde: meeste zoekwoorden in de naam, dan naam, dan id. Zonder `zoek` en `gebied` "
        "alle aanbod op id (filters vragen dan een `zoek` of `gebied`)."
    ),
    responses={404: "Onbekend gebied", 400: "Ongeldige parameter"},
)
def aanbod_zoeken(query_data: dict[str, Any]):
    tekst = query_data.pop("zoek", None)
    if tekst or query_data.get("gebied"):
        antwoord = store().zoek_aanbod(tekst=tekst, **query_data)
    elif any(query_data.get(k) for k in ("leefgebied", "doelgroep", "vorm")):
        return probleem(
            400,
            "geef bij deze filters ook een zoekterm (zoek) of een gebied",
            invalidParams=[{"name": "gebied", "in": "query", "reason": "ontbreekt"}],
        )
    else:
        antwoord = store().vraag(
            "lijst",
            label=model.AANBOD,
            pagina=query_data["pagina"],
            per_pagina=query_data["per_pagina"],
        )
    return met_links(antwoord, "v1.aanbod_zoeken")


def _wijkcode_ongeldig(wijkcode: str):
    if model.CBS_PATRONEN[model.WIJK].match(wijkcode):
        return None
    return probleem(
        400,
        "geen CBS-wijkcode (WK + 4 cijfers + 2 tekens)",
        invalidParams=[{"name": "wijkcode", "in": "path", "reason": "geen CBS-wijkcode"}],
    )


@v1.get("/wijken/<string:wijkcode>/overlappende-teams")
@v1.output(schemas.OverlappendeTeams)
@v1.doc(
    summary="Overlappende teams in een wijk",
    description=(
        "Paren teams die in dezelfde buurten van de wijk werken met overlappende leefgebieden "
        "of doelgroepen, met wat ze delen, een overlapscore en of ze elkaar kennen."
    ),
    responses={404: "Onbekende wijk", 400: "Geen geldige wijkcode"},
)
def overlappende_teams(wijkcode: str):
    return _wijkcode_ongeldig(wijkcode) or store().overlappende_teams(wijkcode)


@v1.get("/wijken/<string:wijkcode>/nuldelijn-gaten")
@v1.input(schemas.NuldelijnQuery, location="query", arg_name="query_data")
@v1.output(schemas.NuldelijnGaten)
@v1.doc(
    summary="Nuldelijn-gaten in een wijk",
    description=(
        "Per leefgebied: de teams die er in de wijk aan werken, het aanbod en de initiatieven "
        "van nuldelijn en voorliggend veld, en of die met elkaar verbonden zijn. Status geen "
        "aanbod, niet verbonden, verbonden of geen teams; de ergste gaten eerst. Per "
        "leefgebied staan hoogstens `per_lijst` aanbod en `per_lijst` initiatieven in de "
        "lijsten (die met een verbinding eerst, dan op id); `meer` zegt hoeveel er niet staan. "
        "Aantallen, statussen en `statussen` tellen altijd alles. Met `leefgebied` alleen dat "
        "leefgebied."
    ),
    responses={404: "Onbekende wijk", 400: "Geen geldige wijkcode of parameter"},
)
def nuldelijn_gaten(wijkcode: str, query_data: dict[str, Any]):
    return _wijkcode_ongeldig(wijkcode) or store().nuldelijn_gaten(wijkcode, **query_data)


@v1.get("/wijken/<string:wijkcode>/collectieve-alternatieven")
@v1.input(schemas.AlternatievenQuery, location="query", arg_name="query_data")
@v1.output(schemas.CollectieveAlternatieven)
@v1.doc(
    summary="Collectieve alternatieven",
    description=(
        "Collectief of algemeen aanbod dat een individuele (maatwerk)voorziening kan vervangen: "
        "geef `aanbod` (een maatwerkaanbod) of `leefgebied` (en eventueel `doelgroep`). Eerst in "
        "de wijk, dan in de buurwijken, dan elders in de gemeente, elk met de reden. Per pagina "
        "(`pagina`, `per_pagina`); `totaal` en `aantallen` tellen alle alternatieven."
    ),
    responses={404: "Onbekende wijk of onbekend aanbod", 400: "Ongeldige vraag"},
)
def collectieve_alternatieven(wijkcode: str, query_data: dict[str, Any]):
    if fout := _wijkcode_ongeldig(wijkcode):
        return fout
    antwoord = store().collectieve_alternatieven(wijkcode, **query_data)
    return met_links(antwoord, "v1.collectieve_alternatieven", wijkcode=wijkcode)


@v1.get("/wijken/<string:wijkcode>/huishoudens")
@vereist("adviseur")
@v1.output(schemas.Huishoudens)
@v1.doc(
    summary="Eén huishouden, één plan, één regisseur",
    description=(
        "Aantallen huishoudens in de wijk met meerdere teams, zonder regisseur en met meer dan "
        "één regisseur. Aantallen onder de 5 staan als '<5'. Vraagt rol adviseur."
    ),
    responses={
        404: "Onbekende wijk",
        400: "Geen geldige wijkcode",
        401: "Geen sleutel",
        403: "Rol te laag",
    },
    **ADVISEUR,
)
def huishoudens(wijkcode: str):
    return _wijkcode_ongeldig(wijkcode) or store().huishoudens(wijkcode)


# --- writes (beheerder) ---------------------------------------------------------------------


@v1.post("/imports")
@vereist("beheerder")
@v1.input(schemas.ImportUpload, location="form_and_files", arg_name="bestanden")
@v1.output(schemas.ImportRapport)
@v1.doc(
    summary="Importeren",
    description=(
        "Een bestand in het uitwisselformaat (CSV, JSON of JSON Lines; de bestandsnaam bepaalt "
        "de soort, zoals teams.csv) wordt gevalideerd zoals `wijkgraaf ingest tabel` dat doet; "
        "met `formaat=hsds` een Open Referral-bestand (HSDS 3.0 JSON of ORUK) zoals "
        "`wijkgraaf ingest hsds`. "
        "Geldige rijen worden geladen; het rapport noemt elke afgewezen rij met regel, veld en "
        "reden. Vraagt rol beheerder."
    ),
    responses={401: "Geen sleutel", 403: "Rol te laag", 413: "Bestand te groot"},
    **ADVISEUR,
)
def importeer(bestanden: dict[str, Any]):
    from ingest import hsds, tabel

    bestand = bestanden["bestand"]
    naam = Path(bestand.filename or "upload").name
    inhoud = bestand.read()
    if bestanden.get("formaat") == "hsds":
        with tempfile.TemporaryDirectory() as map_:
            pad = Path(map_) / naam
            pad.write_bytes(inhoud)
            rapport = hsds.importeer(store(), [pad], voortgang=False)
        return rapport.als_dict()
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        return probleem(
            400,
            f"{naam} is geen UTF-8-tekst",
            invalidParams=[{"name": "bestand", "in": "body", "reason": "geen UTF-8"}],
        )
    records, leesfouten = tabel.lees_tekst(tekst, naam)
    rapport = tabel.importeer_records(store(), records, leesfouten, voortgang=False)
    return rapport.als_dict()


# --- landscape analyses (adviseur) ---------------------------------------------------------------

#: Files the landschap resource can also give, by formaat and by Accept header.
LANDSCHAP_FORMATEN = {
    "gexf": "application/gexf+xml",
    "graphml": "application/graphml+xml",
    "cytoscape": "application/vnd.cytoscape+json",
}


@v1.get("/organisaties/<string:id>/zichtbaarheid")
@vereist("adviseur")
@v1.output(schemas.Zichtbaarheid)
@v1.doc(
    summary="Zichtbaarheid van een organisatie",
    description=(
        "Waar de organisatie actief is; per wijk welke teams haar kennen en welke niet "
        "(actief maar onzichtbaar); haar graad, betweenness en rang in het netwerk van de "
        "gemeente. Vraagt rol adviseur."
    ),
    responses={404: "Onbekende organisatie", 401: "Geen sleutel", 403: "Rol te laag"},
    **ADVISEUR,
)
def zichtbaarheid(id: str):
    return store().zichtbaarheid(id)


@v1.get("/gemeenten/<string:gemeentecode>/doorsneden-wijken")
@vereist("adviseur")
@v1.output(schemas.DoorsnedenWijken)
@v1.doc(
    summary="Doorsneden wijken",
    description=(
        "Wijken waarvan een team sommige maar niet alle buurten dekt (vaak door een eigen "
        "werkgebied of stadsdeel): daar verliezen teams elkaar uit het oog. Vraagt rol adviseur."
    ),
    responses={
        404: "Onbekende gemeente",
        400: "Ongeldige gemeentecode",
        401: "Geen sleutel",
        403: "Rol te laag",
    },
    **ADVISEUR,
)
def doorsneden_wijken(gemeentecode: str):
    return store().doorsneden_wijken(gemeentecode)


@v1.get("/gemeenten/<string:gemeentecode>/landschap")
@vereist("adviseur")
@v1.input(schemas.LandschapQuery, location="query", arg_name="query_data")
@v1.output(schemas.Landschap)
@v1.doc(
    summary="Landschap van een gemeente",
    description=(
        "Het netwerk van teams, organisaties en initiatieven met gemeenschappen, geïsoleerde "
        "teams en bruggen. Met `formaat=gexf|graphml|cytoscape` (of een Accept-kop "
        "application/gexf+xml, application/graphml+xml, application/vnd.cytoscape+json) als "
        "bestand voor Gephi of Cytoscape. Vraagt rol adviseur."
    ),
    responses={
        404: "Onbekende gemeente",
        400: "Ongeldige gemeentecode of formaat",
        401: "Geen sleutel",
        403: "Rol te laag",
    },
    **ADVISEUR,
)
def landschap(gemeentecode: str, query_data: dict[str, Any]):
    from netwerk.analyse.exporteer import exporteer

    formaat = query_data["formaat"]
    if formaat == "json" and "formaat" not in request.args:
        beste = request.accept_mimetypes.best_match(
            ["application/json", *LANDSCHAP_FORMATEN.values()], default="application/json"
        )
        formaat = next((f for f, m in LANDSCHAP_FORMATEN.items() if m == beste), "json")
    antwoord = store().landschap(gemeentecode)
    if formaat == "json":
        return antwoord
    inhoud, _ = exporteer(antwoord, formaat)
    uit = Response(inhoud, mimetype=LANDSCHAP_FORMATEN[formaat])
    uit.headers["Content-Disposition"] = (
        f'attachment; filename="landschap-{gemeentecode}.{formaat_extensie(formaat)}"'
    )
    return uit


def formaat_extensie(formaat: str) -> str:
    from netwerk.analyse.exporteer import FORMATEN

    return FORMATEN[formaat][1]
