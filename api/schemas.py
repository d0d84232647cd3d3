"""Request and response schemas (marshmallow, through APIFlask); the OpenAPI document is
generated from these."""

from __future__ import annotations

from apiflask import Schema
from apiflask.fields import Boolean, Dict, File, Float, Integer, List, Nested, Raw, String
from apiflask.validators import OneOf, Range, Regexp

from netwerk import model
from netwerk.analyse.lijst import MAX_PER_PAGINA
from netwerk.analyse.nuldelijn import MAX_PER_LIJST as NULDELIJN_MAX_PER_LIJST
from netwerk.analyse.nuldelijn import PER_LIJST as NULDELIJN_PER_LIJST

WIJKCODE = Regexp(model.CBS_PATRONEN[model.WIJK].pattern, error="geen CBS-wijkcode (WK + 6 tekens)")
GEMEENTECODE = Regexp(model.CBS_PATRONEN[model.GEMEENTE].pattern, error="geen CBS-gemeentecode")

# --- query parameters ----------------------------------------------------------------------


class Paginering(Schema):
    pagina = Integer(load_default=1, validate=Range(min=1), metadata={"description": "vanaf 1"})
    per_pagina = Integer(
        load_default=20,
        validate=Range(min=1, max=MAX_PER_PAGINA),
        metadata={"description": f"resultaten per pagina, hoogstens {MAX_PER_PAGINA}"},
    )


class GemeenteFilter(Paginering):
    gemeente = String(validate=GEMEENTECODE, metadata={"description": "alleen in deze gemeente"})


class BuurtFilter(GemeenteFilter):
    wijk = String(validate=WIJKCODE, metadata={"description": "alleen in deze wijk"})


# --- paging -----------------------------------------------------------------------------------


class Link(Schema):
    href = String(required=True)


class Links(Schema):
    self = Nested(Link, required=True)
    first = Nested(Link, required=True)
    last = Nested(Link, required=True)
    prev = Nested(Link)
    next = Nested(Link)


def _paginavelden() -> dict:
    return {
        "totaal": Integer(required=True),
        "pagina": Integer(required=True),
        "per_pagina": Integer(required=True),
        "paginas": Integer(required=True),
        "_links": Nested(Links, required=True, data_key="_links"),
    }


# --- nodes ------------------------------------------------------------------------------------


class Gemeente(Schema):
    id = String(required=True, metadata={"description": "CBS-gemeentecode"})
    naam = String(required=True)
    inwoners = Integer(allow_none=True)
    indeling = Integer()


class Wijk(Gemeente):
    gemeente = String(required=True)


class Buurt(Wijk):
    wijk = String(required=True)


class Leefgebied(Schema):
    id = String(required=True)
    naam = String(required=True)
    volgorde = Integer(required=True)


class Team(Schema):
    id = String(required=True)
    naam = String(required=True)
    soort = String(validate=OneOf(model.TEAM_SOORTEN))
    doelgroepen = List(String())


class Organisatie(Schema):
    id = String(required=True)
    naam = String(required=True)
    rol = String(validate=OneOf(model.ORGANISATIE_ROLLEN))
    website = String()
    kvk = String()


class Initiatief(Schema):
    id = String(required=True)
    naam = String(required=True)
    soort = String()
    doelgroepen = List(String())


class Aanbod(Schema):
    id = String(required=True)
    naam = String(required=True)
    vorm = String()
    omschrijving = String()
    contact = String()
    doelgroepen = List(String())


class Ander(Schema):
    id = String(required=True)
    label = String(required=True)
    naam = String(required=True, allow_none=True)


class DetailRelatie(Schema):
    richting = String(required=True, validate=OneOf(["uit", "in"]))
    type = String(required=True)
    ander = Nested(Ander, required=True)
    bron = String(required=True)
    bevestigd_op = String(required=True)


def lijst_van(item: type[Schema]) -> type[Schema]:
    """The paged list schema of an item schema."""
    naam = item.__name__
    return Schema.from_dict(
        {"resultaten": List(Nested(item), required=True), **_paginavelden()},
        name=f"{naam}Lijst",
    )


def detail_van(item: type[Schema]) -> type[Schema]:
    """The detail schema: the item with its relationships."""
    return type(
        f"{item.__name__}Detail",
        (item,),
        {
            "label": String(required=True),
            "relaties": List(Nested(DetailRelatie), required=True),
        },
    )


# --- answers ----------------------------------------------------------------------------------

ONDERDRUKT = Raw(
    required=True,
    metadata={
        "description": "een aantal vanaf 5, of '<5' (kleine aantallen worden niet getoond)",
        "oneOf": [{"type": "integer", "minimum": 5}, {"type": "string", "enum": ["<5"]}],
    },
)


class Gezondheid(Schema):
    status = String(required=True, metadata={"description": "ok of onbereikbaar"})
    store = String(required=True, metadata={"description": "geheugen of neo4j"})
    bereikbaar = Boolean(required=True)


class IdNaam(Schema):
    id = String(required=True)
    naam = String(required=True, allow_none=True)


class CodeNaam(Schema):
    code = String(required=True)
    naam = String(required=True, allow_none=True)


class TeamKort(Schema):
    id = String(required=True)
    naam = String(required=True, allow_none=True)
    soort = String(required=True, allow_none=True)


class Werkgebied(Schema):
    gebied = String(required=True)
    soort = String(required=True)
    bron = String(required=True)
    bevestigd_op = String(required=True)


class RelatieFeit(Schema):
    van = String(required=True)
    type = String(required=True)
    naar = String(required=True)
    bron = String(required=True)
    bevestigd_op = String(required=True)


class OverlapUitleg(Schema):
    werkgebied = Dict(keys=String(), values=List(Nested(Werkgebied)), required=True)
    relaties = List(Nested(RelatieFeit), required=True)


class TeamPaar(Schema):
    teams = List(Nested(TeamKort), required=True)
    gedeelde_buurten = List(Nested(CodeNaam), required=True)
    gedeelde_leefgebieden = List(Nested(IdNaam), required=True)
    gedeelde_doelgroepen = List(Nested(IdNaam), required=True)
    score = Float(required=True)
    kennis = String(
        required=True, metadata={"enum": ["kennen elkaar", "indirect", "kennen elkaar niet"]}
    )
    via = List(Nested(IdNaam), required=True)
    uitleg = Nested(OverlapUitleg, required=True)


class WijkKort(Schema):
    code = String(required=True)
    naam = String(required=True, allow_none=True)
    gemeente = String(required=True, allow_none=True)
    inwoners = Integer(required=True, allow_none=True)
    buurten = Integer(required=True)


class OverlappendeTeams(Schema):
    wijk = Nested(WijkKort, required=True)
    teams = Integer(required=True, metadata={"description": "aantal teams dat in de wijk werkt"})
    paren = List(Nested(TeamPaar), required=True)
    formule = String(required=True)


class WijkNaam(Schema):
    code = String(required=True)
    naam = String(required=True, allow_none=True)
    gemeente = String(required=True, allow_none=True)


class TeamTelling(Schema):
    team = Nested(IdNaam, required=True)
    huishoudens = ONDERDRUKT
    als_regisseur = ONDERDRUKT


class BronDatum(Schema):
    bron = String(required=True)
    laatst_bevestigd_op = String(required=True)


class Huishoudens(Schema):
    wijk = Nested(WijkNaam, required=True)
    huishoudens = ONDERDRUKT
    met_meerdere_teams = ONDERDRUKT
    zonder_regisseur = ONDERDRUKT
    met_meer_dan_een_regisseur = ONDERDRUKT
    per_team = List(Nested(TeamTelling), required=True)
    bronnen = List(Nested(BronDatum), required=True)
    uitleg = Dict(required=True)


class ImportUpload(Schema):
    bestand = File(
        required=True,
        metadata={"description": "CSV, JSON of JSONL in het uitwisselformaat, of HSDS"},
    )
    formaat = String(
        load_default="tabel",
        validate=OneOf(["tabel", "hsds"]),
        metadata={"description": "tabel (het uitwisselformaat) of hsds (Open Referral)"},
    )


class Afwijzing(Schema):
    plaats = String(required=True, metadata={"description": "bestand:regel of bestand:lijst[n]"})
    veld = String(required=True)
    reden = String(required=True)


class ImportRapport(Schema):
    geladen = Dict(keys=String(), values=Integer(), required=True)
    afgewezen = List(Nested(Afwijzing), required=True)
    waarschuwingen = List(Nested(Afwijzing), metadata={"description": "alleen bij hsds"})
    bronnen = List(Dict(), metadata={"description": "alleen bij hsds: per bron de tellingen"})


# --- nuldelijn-gaten ----------------------------------------------------------------------------


class WijkMetBuurten(Schema):
    code = String(required=True)
    naam = String(required=True, allow_none=True)
    gemeente = String(required=True, allow_none=True)
    inwoners = Integer(required=True, allow_none=True)
    buurten = Integer()


class LeefgebiedGat(Schema):
    leefgebied = Nested(IdNaam, required=True)
    status = String(
        required=True,
        validate=OneOf(["geen aanbod", "niet verbonden", "verbonden", "geen teams"]),
    )
    aantallen = Dict(keys=String(), values=Integer(), required=True)
    per_10000_inwoners = Dict(keys=String(), values=Float(allow_none=True), required=True)
    teams = List(Dict(), required=True, metadata={"description": "teams met werkgebied en bron"})
    aanbod = List(
        Dict(),
        required=True,
        metadata={
            "description": "aanbod met aanbieders, waarom het nuldelijn is en verbindingen; "
            "hoogstens per_lijst, die met een verbinding eerst, dan op id"
        },
    )
    initiatieven = List(
        Dict(),
        required=True,
        metadata={"description": "hoogstens per_lijst, die met een verbinding eerst, dan op id"},
    )
    meer = Dict(
        keys=String(),
        values=Integer(),
        required=True,
        metadata={"description": "hoeveel aanbod en initiatieven niet in de lijsten staan"},
    )


class NuldelijnGaten(Schema):
    wijk = Nested(WijkMetBuurten, required=True)
    teams = Integer(required=True)
    teams_zonder_leefgebied = List(Nested(TeamKort), required=True)
    statussen = Dict(keys=String(), values=Integer(), required=True)
    leefgebieden = List(Nested(LeefgebiedGat), required=True)
    regels = Raw(required=True, metadata={"description": "de gebruikte regels, in woorden"})


class NuldelijnQuery(Schema):
    per_lijst = Integer(
        load_default=NULDELIJN_PER_LIJST,
        validate=Range(min=1, max=NULDELIJN_MAX_PER_LIJST),
        metadata={
            "description": "hoogstens zoveel aanbod en initiatieven per leefgebied (die met een "
            "verbinding eerst); aantallen en statussen tellen altijd alles"
        },
    )
    leefgebied = String(
        metadata={"description": "alleen dit leefgebied (id of naam); statussen blijven alle 13"}
    )


# --- collectieve alternatieven ------------------------------------------------------------------


class AlternatievenQuery(Paginering):
    aanbod = String(metadata={"description": "id van een individueel (maatwerk)aanbod"})
    leefgebied = String(metadata={"description": "of: een leefgebied (id of naam)"})
    doelgroep = String(metadata={"description": "met leefgebied: een doelgroep"})


class Afstand(Schema):
    stap = String(
        required=True, validate=OneOf(["in de wijk", "buurwijk", "elders in de gemeente"])
    )
    gemeentebreed = Boolean(required=True)
    wijken = List(Nested(CodeNaam), required=True)
    werkgebied = List(Dict(), required=True)
    grenzen = List(Dict(), required=True)


class Alternatief(Schema):
    id = String(required=True)
    naam = String(required=True, allow_none=True)
    vorm = String(required=True, allow_none=True)
    omschrijving = String(allow_none=True)
    contact = String(allow_none=True)
    doelgroepen = List(Nested(IdNaam), required=True)
    aanbieders = List(Dict(), required=True)
    afstand = Nested(Afstand, required=True)
    gedeelde_leefgebieden = List(Dict(), required=True)
    gedeelde_doelgroepen = List(Nested(IdNaam), required=True)
    doelgroep = String(required=True)
    verwijzende_teams = List(Dict(), required=True)


class CollectieveAlternatieven(Schema):
    wijk = Nested(WijkMetBuurten, required=True)
    buurwijken = List(Dict(), required=True)
    vraag = Dict(required=True)
    aantallen = Dict(
        keys=String(),
        values=Integer(),
        required=True,
        metadata={"description": "alternatieven per stap, over alle pagina's"},
    )
    totaal = Integer(required=True, metadata={"description": "alle alternatieven"})
    pagina = Integer(required=True)
    per_pagina = Integer(required=True)
    paginas = Integer(required=True)
    alternatieven = List(
        Nested(Alternatief),
        required=True,
        metadata={"description": "één pagina, in volgorde (dichtstbij eerst), elk met uitleg"},
    )
    regels = Raw(required=True)
    _links = Nested(Links, required=True, data_key="_links")


# --- zichtbaarheid en landschap -----------------------------------------------------------------


class OrganisatieKort(Schema):
    id = String(required=True)
    naam = String(required=True, allow_none=True)
    rol = String(required=True, allow_none=True)


class WijkZichtbaarheid(Schema):
    wijk = Nested(WijkNaam, required=True)
    via = List(Dict(), required=True)
    teams_die_haar_kennen = List(Dict(), required=True)
    teams_die_haar_niet_kennen = List(Dict(), required=True)
    status = String(
        required=True, validate=OneOf(["gezien", "actief maar onzichtbaar", "geen teams"])
    )


class NetwerkPositie(Schema):
    gemeente = Nested(CodeNaam, required=True)
    graad = Integer(required=True)
    betweenness = Float(required=True)
    rang = Integer(required=True)
    van = Integer(required=True)
    verbonden_met = List(Raw(), required=True)


class Zichtbaarheid(Schema):
    organisatie = Nested(OrganisatieKort, required=True)
    gebieden = List(Dict(), required=True)
    wijken = List(Nested(WijkZichtbaarheid), required=True)
    netwerk = List(Nested(NetwerkPositie), required=True)
    samenvatting = Dict(keys=String(), values=Integer(), required=True)
    rang = Raw(metadata={"description": "hoe de rang berekend is"})


class LandschapQuery(Schema):
    formaat = String(
        load_default="json",
        validate=OneOf(["json", "gexf", "graphml", "cytoscape"]),
        metadata={"description": "json (standaard), of een bestand voor Gephi/Cytoscape"},
    )


class GemeenteKort(Schema):
    code = String(required=True)
    naam = String(required=True, allow_none=True)
    inwoners = Integer(required=True, allow_none=True)


class Landschap(Schema):
    gemeente = Nested(GemeenteKort, required=True)
    knopen = List(Dict(), required=True)
    verbindingen = List(Dict(), required=True)
    gemeenschappen = List(Dict(), required=True)
    geisoleerde_teams = List(String(), required=True)
    bruggen = List(Dict(), required=True)
    samenvatting = Dict(required=True)
    methode = Dict(required=True)


# --- aanbod zoeken ------------------------------------------------------------------------------


class AanbodQuery(Paginering):
    zoek = String(metadata={"description": "woorden; elk woord is het begin van een woord"})
    leefgebied = String(metadata={"description": "id of naam van een leefgebied"})
    doelgroep = String(metadata={"description": "id of naam van een doelgroep"})
    vorm = String(validate=OneOf(model.AANBOD_VORMEN))
    gebied = String(metadata={"description": "CBS-code van een gemeente, wijk of buurt"})


class Zoekresultaat(Schema):
    id = String(required=True)
    naam = String(required=True, allow_none=True)
    vorm = String(allow_none=True)
    omschrijving = String(allow_none=True)
    contact = String(allow_none=True)
    doelgroepen = Raw(metadata={"description": "doelgroepen (id en naam)"})
    leefgebieden = List(Nested(IdNaam))
    aanbieder = Dict(allow_none=True)
    werkgebied = List(Dict())
    waarom = Dict(metadata={"description": "waarom dit aanbod past: tekst, gebied, filters"})


class Zoekresultaten(Schema):
    resultaten = List(Nested(Zoekresultaat), required=True)
    totaal = Integer(required=True)
    pagina = Integer(required=True)
    per_pagina = Integer(required=True)
    paginas = Integer(required=True)
    zoekvraag = Dict()
    gebied = Dict(allow_none=True)
    regels = Dict()
    _links = Nested(Links, required=True, data_key="_links")


# --- doorsneden wijken --------------------------------------------------------------------------


class Doorsnijder(Schema):
    id = String(required=True)
    naam = String(required=True, allow_none=True)
    soort = String(required=True, allow_none=True)
    gedekt = List(String(), required=True)
    niet_gedekt = List(String(), required=True)
    via_gebied = List(String(), required=True)
    bronnen = List(Dict(), required=True)


class DoorsnedenWijk(Schema):
    wijk = Nested(CodeNaam, required=True)
    buurten = Integer(required=True)
    teams = List(Nested(Doorsnijder), required=True)


class DoorsnedenWijken(Schema):
    gemeente = Nested(CodeNaam, required=True)
    doorsneden = List(Nested(DoorsnedenWijk), required=True)
    samenvatting = Dict(keys=String(), values=Integer(), required=True)
    regel = String(required=True)
