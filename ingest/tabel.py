"""The exchange format: teams, organisaties, initiatieven, aanbod and their relationships in
CSV (one file per kind, as a gemeente or advisor fills it in from a spreadsheet) or JSON.

The kind of a CSV file comes from its name: ``teams*.csv``, ``organisaties*.csv``,
``initiatieven*.csv``, ``aanbod*.csv``, ``relaties*.csv``. A JSON file is an object with those
keys, each a list of records; a JSON Lines file (``.jsonl``) has one record a line with a field
``soort`` (team, organisatie, initiatief, aanbod, relatie). The columns are documented in
``docs/uitwisselformaat.md`` and are the fields of the row models below. Lists (werkgebied,
leefgebieden, doelgroepen) are separated by ``;`` in CSV and are arrays in JSON.

Validation is per record; a bad record is reported as ``file:line: field: reason`` (for JSON
``file:teams[3]: ...``) and skipped, everything valid loads. References (werkgebied codes,
organisatie, aanbieder, relaties) must point to nodes that exist in the store or in the same
import: areas are never invented.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ingest.rapport import Afwijzing, Rapport, Schrijver
from netwerk import model
from netwerk.fouten import OngeldigeInvoer
from netwerk.model import Knoop, Relatie
from netwerk.stores.basis import GraphStore

# --- row models -----------------------------------------------------------------------------


def _lijst(waarde: Any) -> list[str]:
    if waarde is None:
        return []
    if isinstance(waarde, str):
        return [d.strip() for d in waarde.replace("|", ";").split(";") if d.strip()]
    if isinstance(waarde, list):
        return [str(d).strip() for d in waarde if str(d).strip()]
    raise ValueError("verwacht een lijst (gescheiden door ;)")


class _Rij(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, frozen=True)
    label: ClassVar[str]

    id: str
    naam: str
    bron: str | None = None
    bevestigd_op: str | None = None

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not model.ID_PATROON.match(v):
            raise ValueError("alleen letters, cijfers en . _ : @ / + - (max 200 tekens)")
        if model.gebied_label(v) or v in model.LEEFGEBIED_IDS:
            raise ValueError("deze sleutel is voorbehouden aan CBS-gebieden of leefgebieden")
        return v

    @field_validator("naam")
    @classmethod
    def _naam(cls, v: str) -> str:
        if not v:
            raise ValueError("mag niet leeg zijn")
        return v

    @field_validator("bevestigd_op")
    @classmethod
    def _datum(cls, v: str | None) -> str | None:
        return model.datum(v) if v else None

    @field_validator("werkgebied", "leefgebieden", "doelgroepen", mode="before", check_fields=False)
    @classmethod
    def _splits(cls, v: Any) -> list[str]:
        return _lijst(v)

    @field_validator("werkgebied", check_fields=False)
    @classmethod
    def _codes(cls, v: list[str]) -> list[str]:
        """CBS codes (upper-cased) or ids of own areas (Gebied, see ingest/gebieden.py)."""
        uit = set()
        for code in v:
            if model.gebied_label(code.upper()):
                uit.add(code.upper())
            elif model.ID_PATROON.match(code):
                uit.add(code)
            else:
                raise ValueError(f"{code!r} is geen CBS-code (GM...., WK......, BU........)")
        return sorted(uit)

    @field_validator("leefgebieden", check_fields=False)
    @classmethod
    def _leefgebieden(cls, v: list[str]) -> list[str]:
        return sorted({model.leefgebied(x) for x in v})

    @field_validator("doelgroepen", check_fields=False)
    @classmethod
    def _doelgroepen(cls, v: list[str]) -> list[str]:
        return sorted({model.doelgroep(x) for x in v})


class TeamRij(_Rij):
    label = model.TEAM
    soort: str
    organisatie: str | None = None
    werkgebied: list[str]
    leefgebieden: list[str] = []
    doelgroepen: list[str] = []

    @field_validator("soort")
    @classmethod
    def _soort(cls, v: str) -> str:
        return model.uit_lijst(v, model.TEAM_SOORTEN, "teamsoort")


class OrganisatieRij(_Rij):
    label = model.ORGANISATIE
    rol: str
    website: str | None = None
    kvk: str | None = None
    werkgebied: list[str] = []

    @field_validator("rol")
    @classmethod
    def _rol(cls, v: str) -> str:
        return model.uit_lijst(v, model.ORGANISATIE_ROLLEN, "rol")

    @field_validator("kvk")
    @classmethod
    def _kvk(cls, v: str | None) -> str | None:
        if v and not (v.isdigit() and len(v) == 8):
            raise ValueError("een KvK-nummer heeft 8 cijfers")
        return v or None


class InitiatiefRij(_Rij):
    label = model.INITIATIEF
    soort: str
    werkgebied: list[str]
    leefgebieden: list[str] = []
    doelgroepen: list[str] = []

    @field_validator("soort")
    @classmethod
    def _soort(cls, v: str) -> str:
        return model.uit_lijst(v, model.INITIATIEF_SOORTEN, "soort initiatief")


class AanbodRij(_Rij):
    label = model.AANBOD
    vorm: str
    aanbieder: str | None = None
    omschrijving: str | None = None
    contact: str | None = None
    werkgebied: list[str]
    leefgebieden: list[str]
    doelgroepen: list[str] = []

    @field_validator("vorm")
    @classmethod
    def _vorm(cls, v: str) -> str:
        return model.uit_lijst(v, model.AANBOD_VORMEN, "vorm")


#: Relationship types a user may state in ``relaties`` files, by their written names.
RELATIE_NAMEN = {
    model.slug(t): t
    for t in (
        model.WERKT_SAMEN_MET,
        model.VERWIJST_NAAR,
        model.ONDERDEEL_VAN,
        model.BIEDT_AAN,
        model.WERKT_IN,
        model.ACTIEF_IN,
        model.RICHT_ZICH_OP,
    )
}


class RelatieRij(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, frozen=True)
    van: str
    type: str
    naar: str
    bron: str | None = None
    bevestigd_op: str | None = None

    @field_validator("type")
    @classmethod
    def _type(cls, v: str) -> str:
        t = RELATIE_NAMEN.get(model.slug(v))
        if t is None:
            raise ValueError(
                f"onbekend relatietype {v!r}; kies uit: {', '.join(RELATIE_NAMEN.values())}"
            )
        return t

    @field_validator("bevestigd_op")
    @classmethod
    def _datum(cls, v: str | None) -> str | None:
        return model.datum(v) if v else None


SOORTEN: dict[str, type[BaseModel]] = {
    "organisaties": OrganisatieRij,
    "initiatieven": InitiatiefRij,
    "teams": TeamRij,
    "aanbod": AanbodRij,
    "relaties": RelatieRij,
}
#: Singular names as used in JSON Lines ``soort``.
ENKELVOUD = {
    "organisatie": "organisaties",
    "initiatief": "initiatieven",
    "team": "teams",
    "aanbod": "aanbod",
    "relatie": "relaties",
}

# --- reading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    soort: str  # a key of SOORTEN
    plaats: str  # file:line or file:teams[3]
    waarden: dict[str, Any]


def _soort_uit_naam(pad: Path) -> str | None:
    stam = pad.name.lower()
    for soort in SOORTEN:
        if stam.startswith(soort):
            return soort
    return None


def _schoon(waarden: dict[str, Any]) -> dict[str, Any]:
    """Keys lower-cased; text stripped and in Unicode NFC (so 'é' is one character whatever
    the source's editor wrote, and search finds it on both stores)."""
    return {
        k.strip().lower(): (unicodedata.normalize("NFC", v.strip()) if isinstance(v, str) else v)
        for k, v in waarden.items()
        if k is not None and v not in (None, "")
    }


def lees(pad: Path, naam: str | None = None) -> tuple[list[Record], list[Afwijzing]]:
    """Read one file of the exchange format into records (not yet validated)."""
    naam = naam or str(pad)
    try:
        tekst = pad.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return [], [Afwijzing(naam, "bestand", f"geen UTF-8-tekst ({e.reason} op byte {e.start})")]
    except OSError as e:
        return [], [Afwijzing(naam, "bestand", f"kan niet gelezen worden: {e.strerror}")]
    return lees_tekst(tekst, naam)


def lees_tekst(tekst: str, naam: str) -> tuple[list[Record], list[Afwijzing]]:
    """Read the text of one file (named ``naam``) into records."""
    achtervoegsel = Path(naam).suffix.lower()
    if achtervoegsel == ".csv":
        return _lees_csv(tekst, naam)
    if achtervoegsel == ".jsonl":
        return _lees_jsonl(tekst, naam)
    if achtervoegsel == ".json":
        return _lees_json(tekst, naam)
    return [], [Afwijzing(naam, "bestand", "onbekend formaat; gebruik .csv, .json of .jsonl")]


def _lees_csv(tekst: str, naam: str) -> tuple[list[Record], list[Afwijzing]]:
    soort = _soort_uit_naam(Path(naam))
    if soort is None:
        return [], [Afwijzing(naam, "bestand", "de naam moet beginnen met " + ", ".join(SOORTEN))]
    eerste = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste.count(";") > eerste.count(",") else ","
    lezer = csv.DictReader(io.StringIO(tekst, newline=""), delimiter=scheiding)
    kolommen = {k.strip().lower() for k in (lezer.fieldnames or [])}
    verplicht = {n for n, f in SOORTEN[soort].model_fields.items() if f.is_required()}
    ontbreekt = sorted(verplicht - kolommen)
    if ontbreekt:
        return [], [Afwijzing(f"{naam}:1", k, "verplichte kolom ontbreekt") for k in ontbreekt]
    records = []
    regel = lezer.line_num + 1
    for rij in lezer:
        if rij.get(None):
            records.append(
                Record(soort, f"{naam}:{regel}", {"__fout__": "meer waarden dan kolommen"})
            )
        elif any(v for v in rij.values()):
            records.append(Record(soort, f"{naam}:{regel}", _schoon(rij)))
        regel = lezer.line_num + 1
    return records, []


def _lees_json(tekst: str, naam: str) -> tuple[list[Record], list[Afwijzing]]:
    try:
        data = json.loads(tekst)
    except json.JSONDecodeError as e:
        return [], [Afwijzing(f"{naam}:{e.lineno}", "json", e.msg)]
    if not isinstance(data, dict):
        return [], [Afwijzing(naam, "json", "verwacht een object met " + ", ".join(SOORTEN))]
    records, fouten = [], []
    for sleutel, lijst in data.items():
        soort = sleutel if sleutel in SOORTEN else None
        if soort is None:
            if sleutel not in ("$schema", "bron", "toelichting"):
                fouten.append(
                    Afwijzing(naam, sleutel, "onbekende lijst; kies uit " + ", ".join(SOORTEN))
                )
            continue
        if not isinstance(lijst, list):
            fouten.append(Afwijzing(naam, sleutel, "verwacht een lijst"))
            continue
        for i, rec in enumerate(lijst):
            plaats = f"{naam}:{sleutel}[{i}]"
            if isinstance(rec, dict):
                records.append(Record(soort, plaats, _schoon(rec)))
            else:
                fouten.append(Afwijzing(plaats, "record", "verwacht een object"))
    return records, fouten


def _lees_jsonl(tekst: str, naam: str) -> tuple[list[Record], list[Afwijzing]]:
    records, fouten = [], []
    for nr, regel in enumerate(tekst.splitlines(), start=1):
        if not regel.strip():
            continue
        plaats = f"{naam}:{nr}"
        try:
            rec = json.loads(regel)
        except json.JSONDecodeError as e:
            fouten.append(Afwijzing(plaats, "json", e.msg))
            continue
        if not isinstance(rec, dict):
            fouten.append(Afwijzing(plaats, "record", "verwacht een object"))
            continue
        soort = ENKELVOUD.get(str(rec.get("soort", "")).lower())
        if soort is None:
            fouten.append(Afwijzing(plaats, "soort", "kies uit " + ", ".join(ENKELVOUD)))
            continue
        rec = {k: v for k, v in rec.items() if k != "soort"}
        records.append(Record(soort, plaats, _schoon(rec)))
    return records, fouten


# --- validating and turning records into the graph ------------------------------------------


def _pydantic_fouten(plaats: str, e: ValidationError) -> list[Afwijzing]:
    uit = []
    for fout in e.errors():
        veld = ".".join(str(x) for x in fout["loc"]) or "record"
        reden = fout["msg"].removeprefix("Value error, ")
        if fout["type"] == "missing":
            reden = "ontbreekt"
        elif fout["type"] == "string_type":
            reden = "verwacht tekst"
        uit.append(Afwijzing(plaats, veld, reden))
    return uit


@dataclass
class _Stand:
    """What is known while records are checked in order: the store's nodes and the accepted."""

    store: GraphStore
    bekend: dict[str, str]
    #: the buurten of the own areas (Gebied) named in the import
    gebied_buurten: dict[str, list[str]] = field(default_factory=dict)

    def label(self, id_: str) -> str | None:
        return self.bekend.get(id_)


def verwerk(
    store: GraphStore,
    records: Iterable[Record],
    *,
    datum: str,
    bron: str | None = None,
    bron_naam: str | None = None,
    uit: Schrijver | None = None,
) -> tuple[list[Knoop], list[Relatie], Rapport]:
    """Validate records and turn the valid ones into nodes and relationships.

    Records are handled kind by kind (organisaties, initiatieven, teams, aanbod, relaties), so a
    team may name an organisatie from the same import. ``bron`` overrides the per-file source.
    With ``uit`` the nodes and relationships go to that writer as they are made (the lists
    returned are empty), so writing overlaps validation.
    """
    records = sorted(records, key=lambda r: list(SOORTEN).index(r.soort))
    rapport = Rapport()
    genoemd: set[str] = set()
    for r in records:
        for sleutel in ("werkgebied", "organisatie", "aanbieder", "van", "naar"):
            waarde = r.waarden.get(sleutel)
            if isinstance(waarde, str):
                genoemd.update(x.strip() for x in _lijst(waarde))
                if sleutel == "werkgebied":
                    genoemd.update(x.strip().upper() for x in _lijst(waarde))
            elif isinstance(waarde, list):
                genoemd.update(str(x).strip() for x in waarde)
                if sleutel == "werkgebied":
                    genoemd.update(str(x).strip().upper() for x in waarde)
        if "id" in r.waarden:
            genoemd.add(str(r.waarden["id"]))
    stand = _Stand(store, store.labels_van(sorted(genoemd)))
    eigen_gebieden = sorted(i for i, lab in stand.bekend.items() if lab == model.EIGEN_GEBIED)
    if eigen_gebieden:
        from ingest.gebieden import buurten_van

        stand.gebied_buurten = buurten_van(store, eigen_gebieden)
    for lg in model.LEEFGEBIED_IDS:
        stand.bekend[lg] = model.LEEFGEBIED

    knopen: list[Knoop] = []
    relaties: list[Relatie] = []
    bronnen: dict[str, Knoop] = {}
    knoop_uit = uit.knoop if uit is not None else knopen.append
    relatie_uit = uit.relatie if uit is not None else relaties.append

    @lru_cache(maxsize=1024)
    def bestand_van(plaats: str) -> str:
        return Path(plaats).name

    def bron_van(plaats: str, gegeven: str | None) -> str:
        bestand = bestand_van(plaats.split(":", 1)[0])
        if bron:
            id_, naam = bron, bron_naam or bron
        elif gegeven:
            id_, naam = model.slug(gegeven), gegeven
        else:
            id_, naam = f"tabel-{model.slug(bestand)}", bestand
        if id_ not in bronnen:
            bronnen[id_] = Knoop(model.BRON, id_, {"naam": naam, "soort": "tabel", "datum": datum})
            if uit is not None:
                uit.knoop(bronnen[id_])
        return id_

    for rec in records:
        if "__fout__" in rec.waarden:
            rapport.afgewezen.append(Afwijzing(rec.plaats, "regel", rec.waarden["__fout__"]))
            continue
        soort_model = SOORTEN[rec.soort]
        try:
            rij = soort_model.model_validate(rec.waarden)
        except ValidationError as e:
            rapport.afgewezen.extend(_pydantic_fouten(rec.plaats, e))
            continue
        fouten: list[Afwijzing] = []
        if isinstance(rij, RelatieRij):
            nieuw_knopen, nieuw_relaties = [], _relatie(rij, stand, rec.plaats, fouten)
        else:
            nieuw_knopen, nieuw_relaties = _knoop(rij, stand, rec.plaats, fouten)
        if fouten:
            rapport.afgewezen.extend(fouten)
            continue
        bron_id = bron_van(rec.plaats, rij.bron)
        bevestigd = rij.bevestigd_op or datum
        for k in nieuw_knopen:
            stand.bekend[k.id] = k.label
            knoop_uit(k)
            relatie_uit(Relatie(k.id, model.GENOEMD_IN, bron_id, bron_id, bevestigd))
            rapport.geladen[k.label] += 1
        for van, soort, naar, *extra in nieuw_relaties:
            relatie_uit(Relatie(van, soort, naar, bron_id, bevestigd, *extra))
            rapport.geladen[soort] += 1
    if uit is not None:
        return [], [], rapport
    return list(bronnen.values()) + knopen, relaties, rapport


def _knoop(
    rij: _Rij, stand: _Stand, plaats: str, fouten: list[Afwijzing]
) -> tuple[list[Knoop], list[tuple]]:
    bestaand = stand.label(rij.id)
    if bestaand is not None and bestaand != rij.label:
        fouten.append(Afwijzing(plaats, "id", f"sleutel is al in gebruik voor een {bestaand}"))
    eigenschappen = {
        k: v
        for k, v in rij.model_dump().items()
        if k in model.EIGENSCHAPPEN[rij.label] and k != "naam"
    }
    try:
        knoop = Knoop(rij.label, rij.id, {"naam": rij.naam, **eigenschappen})
    except OngeldigeInvoer as e:
        fouten.append(Afwijzing(plaats, "id", str(e)))
        return [], []
    rel: list[tuple] = []
    gebied_type = model.WERKT_IN if rij.label == model.TEAM else model.ACTIEF_IN
    for code in getattr(rij, "werkgebied", []):
        if stand.label(code) == model.EIGEN_GEBIED:  # an own area: its buurten, noting via what
            for buurt in stand.gebied_buurten.get(code, []):
                rel.append((rij.id, gebied_type, buurt, {"via_gebied": code}))
            continue
        if stand.label(code) not in model.GEBIEDEN:
            wat = "CBS-code" if model.gebied_label(code) else "CBS-code of gebied"
            fouten.append(Afwijzing(plaats, "werkgebied", f"onbekende {wat} {code}"))
        rel.append((rij.id, gebied_type, code))
    for lg in getattr(rij, "leefgebieden", []):
        rel.append((rij.id, model.RICHT_ZICH_OP, lg))
    if isinstance(rij, TeamRij) and rij.organisatie:
        if stand.label(rij.organisatie) != model.ORGANISATIE:
            fouten.append(
                Afwijzing(plaats, "organisatie", f"onbekende organisatie {rij.organisatie!r}")
            )
        rel.append((rij.id, model.ONDERDEEL_VAN, rij.organisatie))
    if isinstance(rij, AanbodRij) and rij.aanbieder:
        if stand.label(rij.aanbieder) not in (model.ORGANISATIE, model.INITIATIEF):
            fouten.append(Afwijzing(plaats, "aanbieder", f"onbekende aanbieder {rij.aanbieder!r}"))
        rel.append((rij.aanbieder, model.BIEDT_AAN, rij.id))
    return [knoop], rel


def _relatie(
    rij: RelatieRij, stand: _Stand, plaats: str, fouten: list[Afwijzing]
) -> list[tuple[str, str, str]]:
    van, naar = stand.label(rij.van), stand.label(rij.naar)
    if van is None:
        fouten.append(Afwijzing(plaats, "van", f"onbekende sleutel {rij.van!r}"))
    if naar is None:
        fouten.append(Afwijzing(plaats, "naar", f"onbekende sleutel {rij.naar!r}"))
    if van and naar:
        toegestaan_van, toegestaan_naar = model.RELATIES[rij.type]
        if van not in toegestaan_van or naar not in toegestaan_naar:
            fouten.append(Afwijzing(plaats, "type", f"{rij.type} kan niet van {van} naar {naar}"))
    return [(rij.van, rij.type, rij.naar)]


def importeer(
    store: GraphStore,
    paden: Iterable[str | Path],
    *,
    datum: str | None = None,
    bron: str | None = None,
    bron_naam: str | None = None,
    voortgang: bool | None = None,
) -> Rapport:
    """Import files of the exchange format into ``store``; returns the report."""
    records: list[Record] = []
    leesfouten: list[Afwijzing] = []
    for pad in paden:
        r, f = lees(Path(pad))
        records.extend(r)
        leesfouten.extend(f)
    return importeer_records(
        store, records, leesfouten, datum=datum, bron=bron, bron_naam=bron_naam, voortgang=voortgang
    )


def importeer_records(
    store: GraphStore,
    records: list[Record],
    leesfouten: list[Afwijzing] | None = None,
    *,
    datum: str | None = None,
    bron: str | None = None,
    bron_naam: str | None = None,
    voortgang: bool | None = None,
) -> Rapport:
    """Validate and load records already read (used by the CLI and the API upload)."""
    store.initialiseer()
    datum = model.datum(datum) if datum else dt.date.today().isoformat()
    with Schrijver(store, voortgang=voortgang, omschrijving="tabel") as uit:
        _, _, rapport = verwerk(
            store, records, datum=datum, bron=bron, bron_naam=bron_naam, uit=uit
        )
    rapport.afgewezen[:0] = leesfouten or []
    return rapport
