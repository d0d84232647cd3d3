"""Own area divisions: stadsdelen, gebieden, kernen, dorpen and team werkgebieden that are not
CBS wijken, each a named set of CBS 2024 buurten (``Gebied -[OMVAT]-> Buurt``).

Two inputs (``wijkgraaf ingest gebieden FILE``):

- CSV (``gebieden*.csv``): ``id, naam, soort, buurten`` with the buurtcodes separated by ``;``,
  or one row per buurt (column ``buurt``) repeating the id; rows of one id are joined.
- GeoJSON: a FeatureCollection of (Multi)Polygons in WGS84 with properties ``id``, ``naam``
  and ``soort``; a buurt belongs to the area when its representative point (from the CBS
  reference) lies inside the polygon.

Once defined, a Gebied id may stand wherever the exchange format takes a werkgebied: the import
expands it into WERKT_IN/ACTIEF_IN each of its buurten, with ``via_gebied`` on the relationship,
so every question sees it (see ingest/tabel.py). ``netwerk.analyse.grenzen`` reports where such
werkgebieden cut through CBS wijken.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from ingest import cbs
from ingest.rapport import Afwijzing, Rapport, schrijf
from netwerk import model
from netwerk.fouten import OngeldigeInvoer
from netwerk.model import Knoop, Relatie
from netwerk.stores.basis import GraphStore


def _controleer_rij(plaats: str, rij: dict[str, Any], fouten: list[Afwijzing]) -> None:
    gid = rij.get("id") or ""
    if not model.ID_PATROON.match(gid) or model.gebied_label(gid) or gid in model.LEEFGEBIED_IDS:
        fouten.append(Afwijzing(plaats, "id", "ongeldige of voorbehouden sleutel"))
    if not rij.get("naam"):
        fouten.append(Afwijzing(plaats, "naam", "ontbreekt"))
    try:
        model.uit_lijst(rij.get("soort") or "", model.EIGEN_GEBIED_SOORTEN, "soort gebied")
    except OngeldigeInvoer as e:
        fouten.append(Afwijzing(plaats, "soort", str(e)))


def lees(pad: Path) -> tuple[dict[str, dict[str, Any]], list[Afwijzing]]:
    """The areas in a file: id -> {naam, soort, buurten, plaats}, and the read errors."""
    gebieden: dict[str, dict[str, Any]] = {}
    fouten: list[Afwijzing] = []
    try:
        tekst = pad.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        return {}, [Afwijzing(str(pad), "bestand", f"niet te lezen: {e}")]
    if pad.suffix.lower() in (".geojson", ".json"):
        return _lees_geojson(tekst, str(pad))
    lezer = csv.DictReader(
        io.StringIO(tekst, newline=""),
        delimiter=";" if tekst.split("\n", 1)[0].count(";") > 1 else ",",
    )
    regel = lezer.line_num + 1
    for ruw in lezer:
        rij = {(k or "").strip().lower(): (v or "").strip() for k, v in ruw.items()}
        plaats = f"{pad}:{regel}"
        regel = lezer.line_num + 1
        eigen: list[Afwijzing] = []
        _controleer_rij(plaats, rij, eigen)
        codes = [
            c.strip().upper()
            for c in (rij.get("buurten") or rij.get("buurt") or "").replace("|", ";").split(";")
            if c.strip()
        ]
        if not codes:
            eigen.append(Afwijzing(plaats, "buurten", "geen buurtcodes"))
        for c in codes:
            if model.gebied_label(c) != model.BUURT:
                eigen.append(Afwijzing(plaats, "buurten", f"{c!r} is geen CBS-buurtcode"))
        if eigen:
            fouten += eigen
            continue
        g = gebieden.setdefault(
            rij["id"],
            {"naam": rij["naam"], "soort": rij["soort"], "buurten": set(), "plaats": plaats},
        )
        g["buurten"].update(codes)
    return gebieden, fouten


def _lees_geojson(tekst: str, naam: str) -> tuple[dict[str, dict[str, Any]], list[Afwijzing]]:
    from shapely import STRtree, points
    from shapely.geometry import shape

    try:
        data = json.loads(tekst)
        features = data["features"]
    except (ValueError, KeyError, TypeError) as e:
        return {}, [Afwijzing(naam, "geojson", f"geen FeatureCollection: {e}")]
    buurten = [b for b in cbs.referentie()["buurten"] if b.get("punt")]
    boom = STRtree(points([b["punt"] for b in buurten]))
    gebieden: dict[str, dict[str, Any]] = {}
    fouten: list[Afwijzing] = []
    for i, f in enumerate(features):
        props = {k.lower(): v for k, v in (f.get("properties") or {}).items()}
        rij = {k: str(props.get(k) or "").strip() for k in ("id", "naam", "soort")}
        plaats = f"{naam}:features[{i}]"
        eigen: list[Afwijzing] = []
        _controleer_rij(plaats, rij, eigen)
        try:
            vlak = shape(f["geometry"])
            if vlak.geom_type not in ("Polygon", "MultiPolygon"):
                raise ValueError("geen (Multi)Polygon")
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            eigen.append(Afwijzing(plaats, "geometry", str(e)))
            vlak = None
        codes = set()
        if vlak is not None:
            codes = {buurten[j]["code"] for j in boom.query(vlak, predicate="contains")}
            if not codes:
                eigen.append(Afwijzing(plaats, "geometry", "bevat geen enkel buurtpunt"))
        if eigen:
            fouten += eigen
            continue
        gebieden[rij["id"]] = {**rij, "buurten": codes, "plaats": plaats}
    return gebieden, fouten


def importeer(
    store: GraphStore, pad: str | Path, *, datum: str | None = None, voortgang: bool | None = None
) -> Rapport:
    """Load own areas into ``store`` (the CBS buurten must be there). Idempotent."""
    pad = Path(pad)
    datum = model.datum(datum) if datum else dt.date.today().isoformat()
    gebieden, fouten = lees(pad)
    rapport = Rapport(afgewezen=fouten)
    alle = sorted({c for g in gebieden.values() for c in g["buurten"]} | set(gebieden))
    labels = store.labels_van(alle)
    bron = f"gebieden-{model.slug(pad.name)}"
    knopen = [Knoop(model.BRON, bron, {"naam": pad.name, "soort": "gebieden", "datum": datum})]
    relaties: list[Relatie] = []
    for gid, g in sorted(gebieden.items()):
        onbekend = sorted(c for c in g["buurten"] if labels.get(c) != model.BUURT)
        if labels.get(gid) not in (None, model.EIGEN_GEBIED):
            rapport.afgewezen.append(
                Afwijzing(g["plaats"], "id", f"al in gebruik voor een {labels[gid]}")
            )
            continue
        if onbekend:
            rapport.afgewezen.append(
                Afwijzing(g["plaats"], "buurten", f"onbekende buurtcode(s) {', '.join(onbekend)}")
            )
            continue
        gemeenten = {c[2:6] for c in g["buurten"]}
        knopen.append(
            Knoop(
                model.EIGEN_GEBIED,
                gid,
                {
                    "naam": g["naam"],
                    "soort": model.uit_lijst(
                        g["soort"], model.EIGEN_GEBIED_SOORTEN, "soort gebied"
                    ),
                    "gemeente": f"GM{gemeenten.pop()}" if len(gemeenten) == 1 else None,
                },
            )
        )
        relaties.append(Relatie(gid, model.GENOEMD_IN, bron, bron, datum))
        relaties += [Relatie(gid, model.OMVAT, c, bron, datum) for c in sorted(g["buurten"])]
        rapport.geladen[model.EIGEN_GEBIED] += 1
        rapport.geladen[model.OMVAT] += len(g["buurten"])
    store.initialiseer()
    schrijf(store, knopen, relaties, voortgang=voortgang, omschrijving="gebieden")
    return rapport


def buurten_van(store: GraphStore, ids: list[str]) -> dict[str, list[str]]:
    """The buurten of each own area among ``ids`` (through the detail question)."""
    uit: dict[str, list[str]] = defaultdict(list)
    for gid in ids:
        d = store.vraag("detail", id=gid, label=model.EIGEN_GEBIED)
        uit[gid] = sorted(r["ander"]["id"] for r in d["relaties"] if r["type"] == model.OMVAT)
    return dict(uit)
