"""Points on a map: a GeoJSON or CSV file of locations (buurtteams, buurtkamers, a Huis van de
Wijk, ...) placed in their CBS 2024 buurt and loaded as Team, Organisatie, Initiatief or Aanbod.

A small **mapping file** (TOML or JSON, documented in ``docs/punten.md``) says which column is
the id, the name, the category (and optional subcategory, postcode, huisnummer, lon/lat), and
how each category becomes a node: ``knoop`` (Team, Organisatie, Initiatief, Aanbod) with its
soort, rol or vorm, leefgebieden and doelgroepen. Categories the mapping does not name are
skipped and counted, not rejected.

Each point is placed (see :func:`ingest.geometrie.plaats`): by a user-supplied postcode table
(postcode -> buurtcode) when given and the postcode is in it; else by point-in-polygon on the
shipped buurt polygons, flagged ``nabij grens`` within ``nabij_grens_m`` of the buurt border;
else in the nearest buurt within ``max_afstand_m`` (flagged ``dichtstbijzijnde buurt``); else
not placed, with the reason. A placed point becomes a node (id: the mapping's ``prefix`` + the
source id) with WERKT_IN (Team) or ACTIEF_IN (others) its buurt, carrying ``plaatsing`` and
``nabij_grens`` (and ``afstand_m`` for the nearest buurt), and GENOEMD_IN the mapping's Bron.

Bad rows (no id, no name, no or non-numeric coordinates, coordinates outside the Netherlands,
not placed, a buurt not in the graph) are reported as ``file:record-id: field: reason``; all
valid ones load. Re-running gives the same graph and the same counts.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
import string
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

import shapely
from tqdm import tqdm

from ingest import cbs, geometrie
from ingest.geometrie import Ligging
from ingest.rapport import Afwijzing, Rapport, schrijf
from netwerk import model
from netwerk.fouten import OngeldigeInvoer
from netwerk.model import Knoop, Relatie
from netwerk.stores.basis import GraphStore

#: The Bron ``soort`` of a points file.
BRON_SOORT = "punten"
#: The mapping value of ``aanbieder`` that makes an Organisatie per point.
AANBIEDER_PUNT = "punt"
#: Suffix of the id of such a per-point aanbieder.
AANBIEDER_ACHTERVOEGSEL = "-aanbieder"
#: The category key of a catch-all rule: every category the mapping does not name.
ALLES = "*"
#: RD New bounds of the Netherlands (metres), for ``coordinaten = "rd"``.
RD_KADER = (-7_000.0, 289_000.0, 300_000.0, 629_000.0)

# --- the mapping ----------------------------------------------------------------------------

_KNOPEN = (model.TEAM, model.ORGANISATIE, model.INITIATIEF, model.AANBOD)
#: Rule fields allowed per node label (besides knoop, naam, toelichting, overslaan).
_REGELVELDEN: dict[str, tuple[str, ...]] = {
    model.TEAM: ("soort", "leefgebieden", "doelgroepen", "organisatie"),
    model.ORGANISATIE: ("rol",),
    model.INITIATIEF: ("soort", "leefgebieden", "doelgroepen"),
    model.AANBOD: (
        "vorm",
        "leefgebieden",
        "doelgroepen",
        "omschrijving",
        "aanbieder",
        "aanbieder_naam",
        "aanbieder_rol",
    ),
}
_ALGEMEEN = ("knoop", "naam", "toelichting", "overslaan", "subcategorieen")
_KOLOMMEN = ("id", "naam", "categorie", "subcategorie", "lon", "lat", "postcode", "huisnummer")
_SJABLOON_VRIJ = ("naam", "categorie", "subcategorie")


@dataclass(frozen=True)
class Regel:
    """How one category (or category + subcategory) becomes a node."""

    knoop: str
    naam: str = "{naam}"
    soort: str | None = None
    rol: str | None = None
    vorm: str | None = None
    leefgebieden: tuple[str, ...] = ()
    doelgroepen: tuple[str, ...] = ()
    omschrijving: str | None = None
    organisatie: str | None = None
    aanbieder: str | None = None
    aanbieder_naam: str = "{naam}"
    aanbieder_rol: str = "voorliggend veld"
    overslaan: bool = False


@dataclass(frozen=True)
class Mapping:
    """A parsed and checked mapping file."""

    pad: str
    bron_id: str
    bron_naam: str
    bron_datum: str | None
    prefix: str
    kolommen: dict[str, str]
    coordinaten: str  # "wgs84" or "rd"
    nabij_grens_m: float
    max_afstand_m: float
    organisaties: dict[str, dict[str, Any]]
    regels: dict[tuple[str, str | None], Regel]

    def regel(self, categorie: str | None, subcategorie: str | None) -> Regel | None:
        """The rule for a category (the subcategory's when it has one), else the catch-all
        rule ``"*"`` when the mapping has one, else None (the point is skipped)."""
        if categorie:
            c = model.slug(categorie)
            if subcategorie:
                r = self.regels.get((c, model.slug(subcategorie)))
                if r is not None:
                    return r
            if (c, None) in self.regels:
                return self.regels[(c, None)]
        return self.regels.get((ALLES, None))


def _fout(pad: str, sleutel: str, reden: str) -> OngeldigeInvoer:
    return OngeldigeInvoer(f"{pad}: {sleutel}: {reden}")


def _tekst(pad: str, sleutel: str, waarde: Any, *, leeg: bool = False) -> str:
    if not isinstance(waarde, str) or (not leeg and not waarde.strip()):
        raise _fout(pad, sleutel, "verwacht tekst")
    return waarde.strip()


def _getal(pad: str, sleutel: str, waarde: Any) -> float:
    if isinstance(waarde, bool) or not isinstance(waarde, int | float) or waarde < 0:
        raise _fout(pad, sleutel, "verwacht een getal (meters, niet negatief)")
    return float(waarde)


def _onbekend(pad: str, sleutel: str, tabel: dict[str, Any], toegestaan: Iterable[str]) -> None:
    extra = sorted(set(tabel) - set(toegestaan))
    if extra:
        raise _fout(
            pad,
            f"{sleutel}.{extra[0]}" if sleutel else extra[0],
            "onbekende sleutel; kies uit " + ", ".join(toegestaan),
        )


def _sjabloon(pad: str, sleutel: str, waarde: Any) -> str:
    tekst = _tekst(pad, sleutel, waarde)
    try:
        velden = [v for _, v, _, _ in string.Formatter().parse(tekst) if v is not None]
    except ValueError as e:
        raise _fout(pad, sleutel, f"ongeldig sjabloon: {e}") from None
    for v in velden:
        if not v or not re.fullmatch(r"[^{}\[\].!:]+", v):
            raise _fout(pad, sleutel, f"ongeldig veld {{{v}}} in het sjabloon")
    return tekst


def _regel(pad: str, sleutel: str, waarden: dict[str, Any]) -> Regel:
    if not isinstance(waarden, dict):
        raise _fout(pad, sleutel, "verwacht een tabel")
    if waarden.get("overslaan") is True:
        _onbekend(
            pad, sleutel, waarden, _ALGEMEEN + tuple(f for v in _REGELVELDEN.values() for f in v)
        )
        return Regel(knoop=str(waarden.get("knoop") or model.AANBOD), overslaan=True)
    if "overslaan" in waarden and waarden["overslaan"] is not False:
        raise _fout(pad, f"{sleutel}.overslaan", "verwacht true of false")
    knoop = waarden.get("knoop")
    if knoop not in _KNOPEN:
        raise _fout(pad, f"{sleutel}.knoop", "kies uit " + ", ".join(_KNOPEN))
    _onbekend(pad, sleutel, waarden, _ALGEMEEN + _REGELVELDEN[knoop])

    def lijst(veld: str, omzet: Any) -> tuple[str, ...]:
        ruw = waarden.get(veld, [])
        if isinstance(ruw, str):
            ruw = [ruw]
        if not isinstance(ruw, list) or not all(isinstance(x, str) for x in ruw):
            raise _fout(pad, f"{sleutel}.{veld}", "verwacht een lijst met tekst")
        try:
            return tuple(sorted({omzet(x) for x in ruw}))
        except OngeldigeInvoer as e:
            raise _fout(pad, f"{sleutel}.{veld}", str(e)) from None

    def kies(veld: str, lijst_: tuple[str, ...], wat: str) -> str:
        try:
            return model.uit_lijst(_tekst(pad, f"{sleutel}.{veld}", waarden.get(veld)), lijst_, wat)
        except OngeldigeInvoer as e:
            raise _fout(pad, f"{sleutel}.{veld}", str(e)) from None

    velden: dict[str, Any] = {"knoop": knoop}
    if "naam" in waarden:
        velden["naam"] = _sjabloon(pad, f"{sleutel}.naam", waarden["naam"])
    if knoop != model.ORGANISATIE:
        velden["leefgebieden"] = lijst("leefgebieden", model.leefgebied)
        velden["doelgroepen"] = lijst("doelgroepen", model.doelgroep)
    if knoop == model.TEAM:
        velden["soort"] = kies("soort", model.TEAM_SOORTEN, "teamsoort")
    elif knoop == model.INITIATIEF:
        velden["soort"] = kies("soort", model.INITIATIEF_SOORTEN, "soort initiatief")
    elif knoop == model.ORGANISATIE:
        velden["rol"] = kies("rol", model.ORGANISATIE_ROLLEN, "rol")
    else:
        velden["vorm"] = kies("vorm", model.AANBOD_VORMEN, "vorm")
        if not velden["leefgebieden"]:
            raise _fout(pad, f"{sleutel}.leefgebieden", "aanbod heeft minstens één leefgebied")
        if "omschrijving" in waarden:
            velden["omschrijving"] = _sjabloon(
                pad, f"{sleutel}.omschrijving", waarden["omschrijving"]
            )
        if "aanbieder" in waarden:
            velden["aanbieder"] = _tekst(pad, f"{sleutel}.aanbieder", waarden["aanbieder"])
        if "aanbieder_naam" in waarden or "aanbieder_rol" in waarden:
            if velden.get("aanbieder") != AANBIEDER_PUNT:
                raise _fout(
                    pad,
                    f"{sleutel}.aanbieder",
                    f'aanbieder_naam en aanbieder_rol horen bij aanbieder = "{AANBIEDER_PUNT}"',
                )
        if "aanbieder_naam" in waarden:
            velden["aanbieder_naam"] = _sjabloon(
                pad, f"{sleutel}.aanbieder_naam", waarden["aanbieder_naam"]
            )
        if "aanbieder_rol" in waarden:
            velden["aanbieder_rol"] = kies("aanbieder_rol", model.ORGANISATIE_ROLLEN, "rol")
    if knoop == model.TEAM and "organisatie" in waarden:
        velden["organisatie"] = _tekst(pad, f"{sleutel}.organisatie", waarden["organisatie"])
    for veld in ("organisatie", "aanbieder"):
        ref = velden.get(veld)
        if ref and ref != AANBIEDER_PUNT and not model.ID_PATROON.match(ref):
            raise _fout(pad, f"{sleutel}.{veld}", f"ongeldige sleutel {ref!r}")
    return Regel(**velden)


def lees_mapping(pad: str | Path) -> Mapping:
    """Read and check a mapping file (``.toml`` or ``.json``). A bare name such as
    ``amsterdam_voorzieningen`` is looked up among the mappings shipped in
    ``ingest/referentie/mappings``. Raises OngeldigeInvoer (``file: key: reason``)."""
    pad = Path(pad)
    if not pad.exists() and pad.parent == Path("."):
        for achtervoegsel in ("", ".toml", ".json"):
            kandidaat = files("ingest").joinpath("referentie", "mappings", pad.name + achtervoegsel)
            if kandidaat.is_file():
                pad = Path(str(kandidaat))
                break
    naam = str(pad)
    try:
        tekst = pad.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise OngeldigeInvoer(f"{naam}: kan niet gelezen worden: {e.strerror}") from None
    try:
        if pad.suffix.lower() == ".toml":
            data = tomllib.loads(tekst)
        elif pad.suffix.lower() == ".json":
            data = json.loads(tekst)
        else:
            raise OngeldigeInvoer(f"{naam}: onbekend formaat; gebruik .toml of .json")
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as e:
        raise OngeldigeInvoer(f"{naam}: {e}") from None
    if not isinstance(data, dict):
        raise OngeldigeInvoer(f"{naam}: verwacht een tabel/object")
    _onbekend(
        naam, "", data, ("bron", "punten", "kolommen", "organisaties", "categorieen", "toelichting")
    )

    bron = data.get("bron")
    if not isinstance(bron, dict):
        raise _fout(naam, "bron", "ontbreekt (id en naam van de bron)")
    _onbekend(naam, "bron", bron, ("id", "naam", "datum"))
    bron_id = _tekst(naam, "bron.id", bron.get("id"))
    if not model.ID_PATROON.match(bron_id) or model.gebied_label(bron_id):
        raise _fout(naam, "bron.id", f"ongeldige sleutel {bron_id!r}")
    bron_naam = _tekst(naam, "bron.naam", bron.get("naam", bron_id))
    bron_datum = None
    if "datum" in bron:
        try:
            bron_datum = model.datum(str(bron["datum"]))
        except OngeldigeInvoer as e:
            raise _fout(naam, "bron.datum", str(e)) from None

    punten = data.get("punten", {})
    if not isinstance(punten, dict):
        raise _fout(naam, "punten", "verwacht een tabel")
    _onbekend(naam, "punten", punten, ("prefix", "coordinaten", "nabij_grens_m", "max_afstand_m"))
    prefix = _tekst(naam, "punten.prefix", punten.get("prefix", ""), leeg=True)
    if prefix and not model.ID_PATROON.match(prefix):
        raise _fout(naam, "punten.prefix", "alleen letters, cijfers en . _ : @ / + -")
    coordinaten = str(punten.get("coordinaten", "wgs84")).lower()
    if coordinaten not in ("wgs84", "rd"):
        raise _fout(naam, "punten.coordinaten", "kies wgs84 (lon/lat) of rd (x/y in meters)")
    nabij = _getal(naam, "punten.nabij_grens_m", punten.get("nabij_grens_m", 50))
    maximaal = _getal(naam, "punten.max_afstand_m", punten.get("max_afstand_m", 250))

    kolommen = data.get("kolommen")
    if not isinstance(kolommen, dict):
        raise _fout(naam, "kolommen", "ontbreekt (id, naam, categorie, ...)")
    _onbekend(naam, "kolommen", kolommen, _KOLOMMEN)
    kol = {k: _tekst(naam, f"kolommen.{k}", v) for k, v in kolommen.items()}
    for verplicht in ("id", "naam", "categorie"):
        if verplicht not in kol:
            raise _fout(naam, f"kolommen.{verplicht}", "ontbreekt")
    if ("lon" in kol) != ("lat" in kol):
        raise _fout(naam, "kolommen", "geef lon en lat allebei, of geen van beide")

    organisaties: dict[str, dict[str, Any]] = {}
    if not isinstance(data.get("organisaties", {}), dict):
        raise _fout(naam, "organisaties", "verwacht een tabel")
    for id_, org in data.get("organisaties", {}).items():
        sleutel = f"organisaties.{id_}"
        if not model.ID_PATROON.match(id_) or model.gebied_label(id_):
            raise _fout(naam, sleutel, f"ongeldige sleutel {id_!r}")
        if not isinstance(org, dict):
            raise _fout(naam, sleutel, "verwacht een tabel")
        _onbekend(naam, sleutel, org, ("naam", "rol", "website", "kvk", "werkgebied"))
        try:
            rol = model.uit_lijst(
                _tekst(naam, f"{sleutel}.rol", org.get("rol")), model.ORGANISATIE_ROLLEN, "rol"
            )
        except OngeldigeInvoer as e:
            raise _fout(naam, f"{sleutel}.rol", str(e)) from None
        for veld in ("website", "kvk"):
            if veld in org:
                _tekst(naam, f"{sleutel}.{veld}", org[veld])
        werkgebied = org.get("werkgebied", [])
        if isinstance(werkgebied, str):
            werkgebied = [werkgebied]
        if not isinstance(werkgebied, list) or not all(
            isinstance(c, str) and model.gebied_label(c.upper()) for c in werkgebied
        ):
            raise _fout(naam, f"{sleutel}.werkgebied", "verwacht een lijst CBS-codes")
        organisaties[id_] = {
            "naam": _tekst(naam, f"{sleutel}.naam", org.get("naam")),
            "rol": rol,
            "website": org.get("website"),
            "kvk": org.get("kvk"),
            "werkgebied": sorted({c.upper() for c in werkgebied}),
        }

    regels: dict[tuple[str, str | None], Regel] = {}
    categorieen = data.get("categorieen")
    if not isinstance(categorieen, dict) or not categorieen:
        raise _fout(naam, "categorieen", "ontbreekt (minstens één categorie)")
    for cat, waarden in categorieen.items():
        sleutel = f"categorieen.{cat}"
        if not isinstance(waarden, dict):
            raise _fout(naam, sleutel, "verwacht een tabel")
        basis = {k: v for k, v in waarden.items() if k != "subcategorieen"}
        c = ALLES if cat.strip() == ALLES else model.slug(cat)
        if not c:
            raise _fout(naam, sleutel, "lege categorie")
        if (c, None) in regels:
            raise _fout(naam, sleutel, "categorie staat er twee keer in")
        regels[(c, None)] = _regel(naam, sleutel, basis)
        subs = waarden.get("subcategorieen", {})
        if not isinstance(subs, dict):
            raise _fout(naam, f"{sleutel}.subcategorieen", "verwacht een tabel")
        for sub, over in subs.items():
            if not isinstance(over, dict):
                raise _fout(naam, f"{sleutel}.subcategorieen.{sub}", "verwacht een tabel")
            samen = {**basis, **over} if not over.get("overslaan") else dict(over)
            regels[(c, model.slug(sub))] = _regel(naam, f"{sleutel}.subcategorieen.{sub}", samen)
    if "subcategorie" not in kol and any(s is not None for _, s in regels):
        raise _fout(naam, "kolommen.subcategorie", "nodig voor de subcategorieen")
    return Mapping(
        pad=naam,
        bron_id=bron_id,
        bron_naam=bron_naam,
        bron_datum=bron_datum,
        prefix=prefix,
        kolommen=kol,
        coordinaten=coordinaten,
        nabij_grens_m=nabij,
        max_afstand_m=maximaal,
        organisaties=organisaties,
        regels=regels,
    )


# --- the postcode table -----------------------------------------------------------------------

_PC = re.compile(r"^(\d{4})\s*([A-Z]{2})?$")


def postcode(waarde: Any) -> str | None:
    """A postcode normalised (``1014 aa`` -> ``1014AA``; a PC4 stays 4 digits), or None.

    >>> postcode(" 1014 aa "), postcode("1014"), postcode("NL-1014")
    ('1014AA', '1014', None)
    """
    m = _PC.match(str(waarde or "").strip().upper())
    if not m:
        return None
    return m.group(1) + (m.group(2) or "")


@dataclass
class Postcodetabel:
    """A user-supplied table postcode (PC6 or PC4, optionally + huisnummer) -> buurtcode."""

    pad: str
    buurten: dict[tuple[str, str | None], str]
    dubbelzinnig: set[tuple[str, str | None]] = field(default_factory=set)

    def zoek(self, pc: str | None, huisnummer: str | None = None) -> str | None:
        """The buurt of a postcode: by postcode + huisnummer when the table has huisnummers,
        else by the postcode (when all its rows agree), else by its PC4 row; None otherwise."""
        if not pc:
            return None
        sleutels = [(pc, huisnummer)] if huisnummer else []
        sleutels.append((pc, None))
        if len(pc) == 6:
            sleutels.append((pc[:4], None))
        for sleutel in sleutels:
            if sleutel in self.buurten:
                return self.buurten[sleutel]
        return None


_PC_KOLOMMEN = ("postcode", "pc6", "pc4", "pc")
_BU_KOLOMMEN = ("buurtcode", "buurt", "bu_code", "buurt2024", "buurtcode2024")
_HNR_KOLOMMEN = ("huisnummer", "huisnr")


def lees_postcodes(pad: str | Path) -> tuple[Postcodetabel, list[Afwijzing]]:
    """Read a postcode table (CSV, ``,`` or ``;``): a postcode column (postcode/pc6/pc4), a
    buurtcode column (buurtcode/buurt/bu_code/buurt2024; ``BU0363AD03`` or the 8 characters
    without ``BU``) and optionally huisnummer. Postcodes that point to more than one buurt
    (without huisnummer to tell them apart) are left out and counted as ``dubbelzinnig``."""
    naam = str(pad)
    bekend = {b["code"] for b in cbs.referentie()["buurten"]}
    fouten: list[Afwijzing] = []
    try:
        tekst = Path(pad).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        return Postcodetabel(naam, {}), [
            Afwijzing(naam, "bestand", f"kan niet gelezen worden: {e}")
        ]
    eerste = tekst.split("\n", 1)[0]
    lezer = csv.DictReader(
        io.StringIO(tekst, newline=""),
        delimiter=";" if eerste.count(";") > eerste.count(",") else ",",
    )
    kolommen = {k.strip().lower(): k for k in (lezer.fieldnames or []) if k}
    pc_kol = next((kolommen[k] for k in _PC_KOLOMMEN if k in kolommen), None)
    bu_kol = next((kolommen[k] for k in _BU_KOLOMMEN if k in kolommen), None)
    hnr_kol = next((kolommen[k] for k in _HNR_KOLOMMEN if k in kolommen), None)
    if pc_kol is None or bu_kol is None:
        ontbreekt = "postcode" if pc_kol is None else "buurtcode"
        return Postcodetabel(naam, {}), [Afwijzing(f"{naam}:1", ontbreekt, "kolom ontbreekt")]
    buurten: dict[tuple[str, str | None], str] = {}
    dubbel: set[tuple[str, str | None]] = set()
    regel = lezer.line_num + 1
    for rij in lezer:
        plaats = f"{naam}:{regel}"
        regel = lezer.line_num + 1
        pc = postcode(rij.get(pc_kol))
        if pc is None:
            fouten.append(Afwijzing(plaats, "postcode", f"geen postcode: {rij.get(pc_kol)!r}"))
            continue
        bu = str(rij.get(bu_kol) or "").strip().upper()
        if not bu.startswith("BU"):
            bu = "BU" + bu.zfill(8)
        if bu not in bekend:
            fouten.append(
                Afwijzing(plaats, "buurtcode", f"onbekende buurtcode {rij.get(bu_kol)!r} (2024)")
            )
            continue
        hnr = (str(rij.get(hnr_kol) or "").strip().upper() or None) if hnr_kol else None
        for sleutel in {(pc, hnr), (pc, None)}:
            if sleutel in buurten and buurten[sleutel] != bu:
                dubbel.add(sleutel)
            buurten.setdefault(sleutel, bu)
    for sleutel in dubbel:
        del buurten[sleutel]
    dubbel = {s for s in dubbel if s[1] is None}
    return Postcodetabel(naam, buurten, dubbel), fouten


# --- reading the points -----------------------------------------------------------------------


@dataclass(frozen=True)
class Punt:
    """One row of the points file, not yet checked."""

    plaats: str  # file:record-id (or file:line / file:features[i] without an id)
    bron_id: str | None  # the id in the source
    waarden: dict[str, str]
    lon: Any = None  # raw values; checked later
    lat: Any = None
    geometrie_fout: str | None = None


def _str(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).strip()


def lees_punten(pad: str | Path, mapping: Mapping) -> tuple[list[Punt], list[Afwijzing]]:
    """Read a GeoJSON FeatureCollection (``.geojson``/``.json``) or CSV file into points."""
    naam = str(pad)
    try:
        tekst = Path(pad).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return [], [Afwijzing(naam, "bestand", f"geen UTF-8-tekst ({e.reason} op byte {e.start})")]
    except OSError as e:
        return [], [Afwijzing(naam, "bestand", f"kan niet gelezen worden: {e.strerror}")]
    achtervoegsel = Path(naam).suffix.lower()
    if achtervoegsel in (".geojson", ".json"):
        return _lees_geojson(tekst, naam, mapping)
    if achtervoegsel == ".csv":
        return _lees_csv(tekst, naam, mapping)
    return [], [Afwijzing(naam, "bestand", "onbekend formaat; gebruik .geojson, .json of .csv")]


def _lees_geojson(tekst: str, naam: str, mapping: Mapping) -> tuple[list[Punt], list[Afwijzing]]:
    try:
        data = json.loads(tekst)
    except json.JSONDecodeError as e:
        return [], [Afwijzing(f"{naam}:{e.lineno}", "json", e.msg)]
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        return [], [Afwijzing(naam, "json", "verwacht een GeoJSON FeatureCollection")]
    kol = mapping.kolommen
    punten: list[Punt] = []
    fouten: list[Afwijzing] = []
    for i, f in enumerate(data.get("features") or []):
        if not isinstance(f, dict):
            fouten.append(Afwijzing(f"{naam}:features[{i}]", "feature", "verwacht een object"))
            continue
        props = f.get("properties") or {}
        waarden = {str(k): _str(v) for k, v in props.items() if not isinstance(v, dict | list)}
        rid = waarden.get(kol["id"]) or None
        plaats = f"{naam}:{rid}" if rid else f"{naam}:features[{i}]"
        lon = lat = fout = None
        if "lon" in kol:
            lon, lat = props.get(kol["lon"]), props.get(kol["lat"])
        else:
            g = f.get("geometry")
            if g is None:
                pass  # no coordinates; a postcode may still place it
            elif not isinstance(g, dict) or g.get("type") not in ("Point", "MultiPoint"):
                soort = g.get("type") if isinstance(g, dict) else type(g).__name__
                fout = f"verwacht een Point, niet {soort}"
            else:
                c = g.get("coordinates")
                if g["type"] == "MultiPoint":
                    c = c[0] if isinstance(c, list) and len(c) == 1 else None
                    if c is None:
                        fout = "een MultiPoint met meer dan één punt"
                if fout is None:
                    if isinstance(c, list) and len(c) >= 2:
                        lon, lat = c[0], c[1]
                    else:
                        fout = "ongeldige coördinaten"
        punten.append(Punt(plaats, rid, waarden, lon, lat, fout))
    return punten, fouten


def _lees_csv(tekst: str, naam: str, mapping: Mapping) -> tuple[list[Punt], list[Afwijzing]]:
    eerste = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste.count(";") > eerste.count(",") else ","
    lezer = csv.DictReader(io.StringIO(tekst, newline=""), delimiter=scheiding)
    kolommen = [k for k in (lezer.fieldnames or []) if k is not None]
    kol = mapping.kolommen
    ontbreekt = [v for k, v in kol.items() if k in ("id", "naam", "categorie", "lon", "lat")]
    ontbreekt = [v for v in ontbreekt if v not in kolommen]
    if ontbreekt:
        return [], [Afwijzing(f"{naam}:1", k, "kolom ontbreekt") for k in ontbreekt]
    punten: list[Punt] = []
    regel = lezer.line_num + 1
    for rij in lezer:
        nr = regel
        regel = lezer.line_num + 1
        if not any((v or "").strip() for k, v in rij.items() if k is not None):
            continue
        waarden = {k: _str(v) for k, v in rij.items() if k is not None}
        rid = waarden.get(kol["id"]) or None
        plaats = f"{naam}:{rid}" if rid else f"{naam}:{nr}"
        lon = waarden.get(kol["lon"]) if "lon" in kol else None
        lat = waarden.get(kol["lat"]) if "lat" in kol else None
        fout = "meer waarden dan kolommen" if rij.get(None) else None
        punten.append(Punt(plaats, rid, waarden, lon or None, lat or None, fout))
    return punten, []


# --- the report -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plaatsing:
    """Where one mapped point went."""

    plaats: str  # file:record-id
    id: str  # the node id
    categorie: str
    ligging: Ligging

    def __str__(self) -> str:
        lg = self.ligging
        if not lg.geplaatst:
            return f"{self.plaats}: niet geplaatst: {lg.reden}"
        tekst = f"{self.plaats}: buurt {lg.buurt} (wijk {lg.wijk}), {lg.methode}"
        if lg.methode == geometrie.DICHTSTBIJ:
            tekst += f" op {lg.afstand_m:.0f} m"
        elif lg.methode == geometrie.VLAK:
            tekst += f", {lg.grens_m:.0f} m van de grens"
        if lg.nabij_grens:
            tekst += ", nabij grens"
        if lg.wijkvlak_wijkt_af:
            tekst += f" (het wijkvlak zegt {lg.wijkvlak})"
        return tekst

    def als_dict(self) -> dict[str, Any]:
        lg = self.ligging
        return {
            "plaats": self.plaats,
            "id": self.id,
            "categorie": self.categorie,
            "buurt": lg.buurt,
            "wijk": lg.wijk,
            "methode": lg.methode,
            "afstand_m": lg.afstand_m,
            "grens_m": lg.grens_m,
            "nabij_grens": lg.nabij_grens,
            "wijkvlak": lg.wijkvlak,
            "reden": lg.reden,
        }


@dataclass
class PuntenRapport(Rapport):
    """The import report plus, per mapped point, where it was placed."""

    punten: int = 0
    plaatsingen: list[Plaatsing] = field(default_factory=list)
    #: Points skipped because their category is not in the mapping (or marked overslaan).
    overgeslagen: Counter[str] = field(default_factory=Counter)
    postcodes_dubbelzinnig: int = 0

    @property
    def in_mapping(self) -> int:
        return self.punten - sum(self.overgeslagen.values())

    @property
    def geplaatst(self) -> list[Plaatsing]:
        return [p for p in self.plaatsingen if p.ligging.geplaatst]

    @property
    def niet_geplaatst(self) -> list[Plaatsing]:
        return [p for p in self.plaatsingen if not p.ligging.geplaatst]

    @property
    def nabij_grens(self) -> list[Plaatsing]:
        return [p for p in self.plaatsingen if p.ligging.nabij_grens]

    def per_methode(self) -> Counter[str]:
        return Counter(p.ligging.methode or "niet geplaatst" for p in self.plaatsingen)

    def samenvatting(self) -> list[str]:
        m = self.per_methode()
        overgeslagen = ", ".join(f"{c} {n}" for c, n in sorted(self.overgeslagen.items()))
        regels = [
            f"punten: {self.punten}; in de mapping: {self.in_mapping}; overgeslagen (categorie "
            f"niet in de mapping): {sum(self.overgeslagen.values())}"
            + (f" ({overgeslagen})" if overgeslagen else ""),
            f"geplaatst: {len(self.geplaatst)} (vlak {m[geometrie.VLAK]}, dichtstbijzijnde buurt "
            f"{m[geometrie.DICHTSTBIJ]}, postcode {m[geometrie.POSTCODE]}); nabij grens: "
            f"{len(self.nabij_grens)}; niet geplaatst: {len(self.niet_geplaatst)}",
        ]
        if self.postcodes_dubbelzinnig:
            regels.append(
                f"postcodetabel: {self.postcodes_dubbelzinnig} postcodes met meer dan één buurt "
                "genegeerd"
            )
        return regels

    def regels(self) -> list[str]:
        uit = [str(a) for a in self.afgewezen]
        uit += [str(p) for p in self.plaatsingen if p.ligging.methode == geometrie.DICHTSTBIJ]
        return uit + self.samenvatting() + super().regels()[-1:]

    def als_dict(self) -> dict:
        m = self.per_methode()
        return {
            **super().als_dict(),
            "punten": {
                "totaal": self.punten,
                "in_mapping": self.in_mapping,
                "overgeslagen": dict(sorted(self.overgeslagen.items())),
                "geplaatst": len(self.geplaatst),
                "per_methode": dict(sorted(m.items())),
                "nabij_grens": len(self.nabij_grens),
                "niet_geplaatst": len(self.niet_geplaatst),
            },
            "plaatsingen": [p.als_dict() for p in self.plaatsingen],
        }


# --- checking, placing and turning points into the graph ---------------------------------------


def _getal_of_fout(waarde: Any) -> float | None:
    if isinstance(waarde, bool):
        return None
    if isinstance(waarde, int | float):
        return float(waarde)
    try:
        return float(str(waarde).strip().replace(",", "."))
    except ValueError:
        return None


def _vul_in(sjabloon: str, punt: Punt, extra: dict[str, str]) -> str:
    return sjabloon.format_map({**punt.waarden, **extra}).strip()


def _ligging(punt: Punt, mapping: Mapping) -> tuple[Ligging, Afwijzing | None]:
    """Place a point by its coordinates; when that fails, also the rejection saying why."""

    def niet(veld: str, reden: str, uitleg: str | None = None) -> tuple[Ligging, Afwijzing]:
        ligging = Ligging(None, None, None, reden=uitleg or f"{veld}: {reden}")
        return ligging, Afwijzing(punt.plaats, veld, reden)

    if punt.geometrie_fout:
        return niet("geometrie", punt.geometrie_fout)
    if punt.lon in (None, "") or punt.lat in (None, ""):
        return niet("coordinaten", "ontbreken")
    x, y = _getal_of_fout(punt.lon), _getal_of_fout(punt.lat)
    for veld, ruw, waarde in (("lon", punt.lon, x), ("lat", punt.lat, y)):
        if waarde is None or not math.isfinite(waarde):
            return niet(veld, f"geen getal: {ruw!r}")
    assert x is not None and y is not None
    if mapping.coordinaten == "rd":
        x0, y0, x1, y1 = RD_KADER
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            return niet("coordinaten", f"({x:g}, {y:g}) ligt buiten Nederland (RD)")
        punt_rd = shapely.Point(x, y)
    else:
        if not geometrie.in_nederland(x, y):
            hint = " (lengte- en breedtegraad omgewisseld?)" if geometrie.in_nederland(y, x) else ""
            return niet("coordinaten", f"({x:g}, {y:g}) ligt buiten Nederland{hint}")
        punt_rd = geometrie.naar_rd(x, y)
    ligging = geometrie.plaats(
        punt_rd, nabij_grens_m=mapping.nabij_grens_m, max_afstand_m=mapping.max_afstand_m
    )
    if ligging.geplaatst:
        return ligging, None
    return ligging, Afwijzing(punt.plaats, "coordinaten", f"niet geplaatst: {ligging.reden}")


def verwerk(
    store: GraphStore,
    punten: list[Punt],
    mapping: Mapping,
    *,
    datum: str,
    postcodes: Postcodetabel | None = None,
    voortgang: bool | None = None,
) -> tuple[list[Knoop], list[Relatie], PuntenRapport]:
    """Check, place and turn the points into nodes and relationships."""
    rapport = PuntenRapport(punten=len(punten))
    kol = mapping.kolommen
    bron_id = mapping.bron_id
    gezien: dict[str, str] = {}

    # 1. check and place every mapped point
    kandidaten: list[tuple[int, Punt, Regel, str, str, Ligging]] = []
    #: rejections with the number of their point, so the report follows the file's order
    afgewezen: list[tuple[int, Afwijzing]] = []
    for nr, punt in enumerate(
        tqdm(
            punten,
            desc="plaatsen",
            unit="punt",
            disable=None if voortgang is None else not voortgang,
        )
    ):
        categorie = punt.waarden.get(kol["categorie"], "")
        sub = punt.waarden.get(kol["subcategorie"], "") if "subcategorie" in kol else ""
        regel = mapping.regel(categorie, sub)
        if regel is None or regel.overslaan:
            sleutel = categorie or "(geen categorie)"
            if regel is not None and sub:
                sleutel = f"{categorie} / {sub}"
            rapport.overgeslagen[sleutel] += 1
            continue
        fouten: list[Afwijzing] = []
        if punt.bron_id is None:
            afgewezen.append((nr, Afwijzing(punt.plaats, kol["id"], "ontbreekt")))
            continue
        if punt.bron_id in gezien:
            afgewezen.append(
                (nr, Afwijzing(punt.plaats, kol["id"], "komt vaker voor in het bestand"))
            )
            continue
        gezien[punt.bron_id] = punt.plaats
        id_ = mapping.prefix + punt.bron_id
        if not model.ID_PATROON.match(id_) or model.gebied_label(id_):
            afgewezen.append(
                (nr, Afwijzing(punt.plaats, kol["id"], "alleen letters, cijfers en . _ : @ / + -"))
            )
            continue
        naam = punt.waarden.get(kol["naam"], "")
        if not naam:
            fouten.append(Afwijzing(punt.plaats, kol["naam"], "ontbreekt"))
        ligging: Ligging | None = None
        if postcodes is not None and "postcode" in kol:
            hnr = punt.waarden.get(kol["huisnummer"], "") if "huisnummer" in kol else ""
            bu = postcodes.zoek(postcode(punt.waarden.get(kol["postcode"])), hnr.upper() or None)
            if bu:
                ligging = Ligging(buurt=bu, wijk="WK" + bu[2:8], methode=geometrie.POSTCODE)
        if ligging is None:
            ligging, fout = _ligging(punt, mapping)
            if fout is not None:
                fouten.append(fout)
        rapport.plaatsingen.append(Plaatsing(punt.plaats, id_, categorie, ligging))
        if fouten:
            afgewezen.extend((nr, f) for f in fouten)
            continue
        kandidaten.append((nr, punt, regel, id_, naam, ligging))

    # 2. what the store already holds: buurten, ids, organisaties
    genoemd = set(mapping.organisaties)
    for _, _, regel, id_, _, ligging in kandidaten:
        genoemd.update({id_, id_ + AANBIEDER_ACHTERVOEGSEL, ligging.buurt or ""})
        genoemd.update(r for r in (regel.organisatie, regel.aanbieder) if r)
    for org in mapping.organisaties.values():
        genoemd.update(org["werkgebied"])
    bekend = store.labels_van(sorted(genoemd - {""}))
    for id_ in mapping.organisaties:
        bekend.setdefault(id_, model.ORGANISATIE)

    knopen: list[Knoop] = [
        Knoop(
            model.BRON,
            bron_id,
            {"naam": mapping.bron_naam, "soort": BRON_SOORT, "datum": mapping.bron_datum or datum},
        )
    ]
    relaties: list[Relatie] = []
    gebruikte_orgs: set[str] = set()

    def rel(van: str, soort: str, naar: str, **eig: Any) -> None:
        relaties.append(Relatie(van, soort, naar, bron_id, datum, eig))

    def label_vrij(plaats: str, id_: str, label: str, fouten: list[Afwijzing]) -> None:
        al = bekend.get(id_)
        if al is not None and al != label:
            fouten.append(Afwijzing(plaats, "id", f"sleutel {id_} is al in gebruik voor een {al}"))

    # 3. nodes and relationships per placed point
    for nr, punt, regel, id_, naam, ligging in kandidaten:
        fouten: list[Afwijzing] = []
        buurt = ligging.buurt
        assert buurt is not None
        if bekend.get(buurt) != model.BUURT:
            fouten.append(
                Afwijzing(
                    punt.plaats,
                    "buurt",
                    f"{buurt} (wijk {ligging.wijk}) staat niet in de graaf; laad eerst de "
                    f"CBS-gebieden: wijkgraaf ingest cbs --gemeente GM{buurt[2:6]}",
                )
            )
        label_vrij(punt.plaats, id_, regel.knoop, fouten)
        extra = {
            "naam": naam,
            "categorie": punt.waarden.get(kol["categorie"], ""),
            "subcategorie": punt.waarden.get(kol.get("subcategorie", ""), ""),
        }
        try:
            knoopnaam = _vul_in(regel.naam, punt, extra) or naam
            omschrijving = _vul_in(regel.omschrijving, punt, extra) if regel.omschrijving else None
            aanbieder_naam = _vul_in(regel.aanbieder_naam, punt, extra) or naam
        except KeyError as e:
            fouten.append(Afwijzing(punt.plaats, "naam", f"onbekend veld {e} in het sjabloon"))
            afgewezen.extend((nr, f) for f in fouten)
            continue
        for veld, ref in (("organisatie", regel.organisatie), ("aanbieder", regel.aanbieder)):
            if not ref or ref == AANBIEDER_PUNT:
                continue
            toegestaan = (
                (model.ORGANISATIE,)
                if veld == "organisatie"
                else (model.ORGANISATIE, model.INITIATIEF)
            )
            if bekend.get(ref) not in toegestaan:
                fouten.append(
                    Afwijzing(
                        punt.plaats,
                        veld,
                        f"onbekende {veld} {ref!r}: niet in de graaf en niet in de mapping",
                    )
                )
        aanbieder_id = id_ + AANBIEDER_ACHTERVOEGSEL
        if regel.aanbieder == AANBIEDER_PUNT:
            label_vrij(punt.plaats, aanbieder_id, model.ORGANISATIE, fouten)
        if fouten:
            afgewezen.extend((nr, f) for f in fouten)
            continue

        eigenschappen: dict[str, Any] = {"naam": knoopnaam}
        if regel.knoop in (model.TEAM, model.INITIATIEF):
            eigenschappen["soort"] = regel.soort
        if regel.knoop == model.ORGANISATIE:
            eigenschappen["rol"] = regel.rol
        if regel.knoop == model.AANBOD:
            eigenschappen["vorm"] = regel.vorm
            eigenschappen["omschrijving"] = omschrijving
        if regel.knoop != model.ORGANISATIE:
            eigenschappen["doelgroepen"] = list(regel.doelgroepen)
        knopen.append(Knoop(regel.knoop, id_, eigenschappen))
        bekend[id_] = regel.knoop
        rapport.geladen[regel.knoop] += 1

        ligging_eig: dict[str, Any] = {
            "plaatsing": ligging.methode,
            "nabij_grens": ligging.nabij_grens,
        }
        if ligging.methode == geometrie.DICHTSTBIJ:
            ligging_eig["afstand_m"] = ligging.afstand_m
        gebied = model.WERKT_IN if regel.knoop == model.TEAM else model.ACTIEF_IN
        rel(id_, gebied, buurt, **ligging_eig)
        rel(id_, model.GENOEMD_IN, bron_id)
        for lg in regel.leefgebieden:
            rel(id_, model.RICHT_ZICH_OP, lg)
        if regel.organisatie:
            rel(id_, model.ONDERDEEL_VAN, regel.organisatie)
            gebruikte_orgs.add(regel.organisatie)
        if regel.aanbieder == AANBIEDER_PUNT:
            knopen.append(
                Knoop(
                    model.ORGANISATIE,
                    aanbieder_id,
                    {"naam": aanbieder_naam, "rol": regel.aanbieder_rol},
                )
            )
            bekend[aanbieder_id] = model.ORGANISATIE
            rapport.geladen[model.ORGANISATIE] += 1
            rel(aanbieder_id, model.ACTIEF_IN, buurt, **ligging_eig)
            rel(aanbieder_id, model.GENOEMD_IN, bron_id)
            rel(aanbieder_id, model.BIEDT_AAN, id_)
        elif regel.aanbieder:
            rel(regel.aanbieder, model.BIEDT_AAN, id_)
            gebruikte_orgs.add(regel.aanbieder)

    # 4. the mapping's own organisaties that points refer to (created or updated)
    for org_id in sorted(gebruikte_orgs & set(mapping.organisaties)):
        org = mapping.organisaties[org_id]
        knopen.append(
            Knoop(
                model.ORGANISATIE,
                org_id,
                {k: org[k] for k in ("naam", "rol", "website", "kvk")},
            )
        )
        rapport.geladen[model.ORGANISATIE] += 1
        rel(org_id, model.GENOEMD_IN, bron_id)
        for code in org["werkgebied"]:
            if bekend.get(code) in model.GEBIEDEN:
                rel(org_id, model.ACTIEF_IN, code)
            else:
                afgewezen.append(
                    (
                        len(punten),
                        Afwijzing(
                            f"{mapping.pad}:organisaties.{org_id}",
                            "werkgebied",
                            f"onbekende CBS-code {code}",
                        ),
                    )
                )
    rapport.afgewezen = [a for _, a in sorted(afgewezen, key=lambda t: t[0])]
    for r in relaties:
        rapport.geladen[r.type] += 1
    return knopen, relaties, rapport


def importeer(
    store: GraphStore,
    bestand: str | Path,
    mapping: str | Path | Mapping,
    *,
    postcodes: str | Path | None = None,
    datum: str | None = None,
    voortgang: bool | None = None,
) -> PuntenRapport:
    """Import a points file with its mapping (and an optional postcode table) into ``store``.

    ``datum`` is the bevestigd_op of every relationship; default the mapping's ``bron.datum``,
    else today. Idempotent: a second run writes the same graph and gives the same report."""
    kaart = mapping if isinstance(mapping, Mapping) else lees_mapping(mapping)
    datum = model.datum(datum) if datum else (kaart.bron_datum or dt.date.today().isoformat())
    punten, leesfouten = lees_punten(bestand, kaart)
    tabel: Postcodetabel | None = None
    tabelfouten: list[Afwijzing] = []
    if postcodes is not None:
        tabel, tabelfouten = lees_postcodes(postcodes)
    store.initialiseer()
    knopen, relaties, rapport = verwerk(
        store, punten, kaart, datum=datum, postcodes=tabel, voortgang=voortgang
    )
    rapport.afgewezen[:0] = leesfouten + tabelfouten
    if tabel is not None:
        rapport.postcodes_dubbelzinnig = len(tabel.dubbelzinnig)
    if len(knopen) > 1:  # more than the Bron alone
        schrijf(store, knopen, relaties, voortgang=voortgang, omschrijving="punten")
    return rapport
