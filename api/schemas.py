"""Request and response schemas (marshmallow, through APIFlask); the OpenAPI document is
generated from these."""

from __future__ import annotations

from apiflask import Schema
from apiflask.fields import Boolean, Dict, Float, Integer, List, Nested, String
from apiflask.validators import Regexp

from netwerk import model

WIJKCODE = Regexp(model.CBS_PATRONEN[model.WIJK].pattern, error="geen CBS-wijkcode (WK + 6 tekens)")


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
