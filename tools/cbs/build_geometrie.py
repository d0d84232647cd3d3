#!/usr/bin/env python3
"""Bouw de wijk- en buurtvlakken (indeling 2024) die Wijkgraaf meelevert.

Leest (alleen lezen):
  ingest/referentie/cbs_2024.json.gz               de codes (3.393 wijken, 14.574 buurten)
  nl_geo_cbs_2024/wijk_2024_wgs84.geojson          PDOK wijken 2024 (landwijken)
  nl_geo_cbs_2024/buurt_2024_approx_wgs84.geojson  buurtvlakken (reconstructie), WGS84

en schrijft één deterministisch gzip-JSON-bestand met per wijk en per buurt een vereenvoudigd
vlak in WGS84 (GeoJSON-geometrie, 5 decimalen, buitenring tegen de klok in volgens RFC 7946).
Gesorteerde sleutels en gzip mtime=0: opnieuw bouwen geeft byte-identieke uitvoer.

Vereenvoudiging: shapely ``simplify(preserve_topology=True)`` per vlak, in een vlak waarin
lengte- en breedtegraad even lang zijn (lengtegraad maal cos 52,2°), zodat de tolerantie in
meters geldt; daarna ``set_precision`` op 0,00001 graad (geldige vlakken op het 5-decimalenrooster).

Gebruik (vanuit de repo-root):
  .venv/bin/python tools/cbs/build_geometrie.py [--shared ../shared/data] \
      [--uit ingest/referentie/geometrie_2024.json.gz] [--tolerantie 10]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import mapping, shape

REPO = Path(__file__).resolve().parents[2]

INDELING = 2024
ATTRIBUTIE = "Bron: CBS, Kadaster"
LICENTIE = "CC BY 4.0"
DECIMALEN = 5
RASTER = 10.0**-DECIMALEN
#: Standaardtolerantie van de vereenvoudiging, in meters. De bronnen zijn al gegeneraliseerd
#: (wijken 0,0005 graad, buurten Douglas-Peucker 60 m), dus dit scheelt weinig; zie BRON.md.
TOLERANTIE_M = 2.0
#: Breedte waarop een lengtegraad even lang gerekend wordt als een breedtegraad (midden NL).
BREEDTE_SCHAAL = 52.2
METER_PER_GRAAD = 111_320.0


def log(msg: str) -> None:
    print(msg, flush=True)


def lees_json(pad: Path):
    with open(pad, encoding="utf-8") as f:
        return json.load(f)


def vlak(geojson_geom) -> shapely.Geometry | None:
    """GeoJSON -> geldig (Multi)Polygon, of None als er geen vlak is."""
    if not geojson_geom or not geojson_geom.get("coordinates"):
        return None
    g = shape(geojson_geom)
    if not g.is_valid:
        g = shapely.make_valid(g)
        if g.geom_type == "GeometryCollection":
            g = shapely.union_all(
                [p for p in g.geoms if p.geom_type in ("Polygon", "MultiPolygon")]
            )
    if g.is_empty or g.area <= 0:
        return None
    return g


_K = np.cos(np.radians(BREEDTE_SCHAAL))


def _naar_vlak(c: np.ndarray) -> np.ndarray:
    return c * np.array([_K, 1.0])


def _van_vlak(c: np.ndarray) -> np.ndarray:
    return c / np.array([_K, 1.0])


def vereenvoudig(g: shapely.Geometry, tolerantie_m: float) -> tuple[shapely.Geometry, float, float]:
    """Vereenvoudigd, geldig vlak op het 5-decimalenrooster, de Hausdorff-afstand tot het
    origineel (m) en het relatieve oppervlakteverschil."""
    if tolerantie_m > 0:
        s = shapely.simplify(
            shapely.transform(g, _naar_vlak), tolerantie_m / METER_PER_GRAAD, preserve_topology=True
        )
        s = shapely.transform(s, _van_vlak)
    else:
        s = g
    s = shapely.set_precision(s, RASTER)
    if s.is_empty or s.area <= 0:  # te klein geworden: alleen afronden
        s = shapely.set_precision(g, RASTER)
    s = shapely.orient_polygons(s, exterior_cw=False)
    afwijking = shapely.hausdorff_distance(
        shapely.transform(g, _naar_vlak), shapely.transform(s, _naar_vlak)
    )
    return s, float(afwijking) * METER_PER_GRAAD, abs(s.area - g.area) / g.area


def _rond(o):
    if isinstance(o, (list, tuple)):
        if o and isinstance(o[0], float):
            return [round(x, DECIMALEN) for x in o]
        return [_rond(x) for x in o]
    return o


def geojson_geometrie(g: shapely.Geometry) -> dict:
    m = mapping(g)
    return {"type": m["type"], "coordinates": _rond(m["coordinates"])}


def pctl(waarden: list[float], p: float) -> float:
    return float(np.percentile(waarden, p)) if waarden else 0.0


def bouw(shared: Path, referentie: Path, tolerantie_m: float) -> tuple[dict, dict]:
    t0 = time.perf_counter()
    geo = shared / "nl_geo_cbs_2024"
    with open(referentie, "rb") as f:
        ref = json.loads(gzip.decompress(f.read()))
    wk_codes = sorted(w["code"] for w in ref["wijken"])
    bu_codes = sorted(b["code"] for b in ref["buurten"])

    wk_bron = {}
    for f in lees_json(geo / "wijk_2024_wgs84.geojson")["features"]:
        p = f["properties"]
        if p.get("groot_water") or p["statcode"] == "WK099899":
            continue
        wk_bron[p["statcode"]] = vlak(f["geometry"])
    bu_bron = {
        f["properties"]["statcode"]: vlak(f["geometry"])
        for f in lees_json(geo / "buurt_2024_approx_wgs84.geojson")["features"]
    }
    t_lees = time.perf_counter() - t0

    uit: dict[str, dict] = {"wijken": {}, "buurten": {}}
    zonder: dict[str, list[str]] = {"wijken": [], "buurten": []}
    stats: dict[str, dict] = {}
    for soort, codes, bron in (("wijken", wk_codes, wk_bron), ("buurten", bu_codes, bu_bron)):
        voor = na = 0
        afwijkingen: list[float] = []
        oppervlak: list[float] = []
        ongeldig = []
        for c in codes:
            g = bron.get(c)
            if g is None:
                zonder[soort].append(c)
                continue
            s, afw, opp = vereenvoudig(g, tolerantie_m)
            if not s.is_valid:
                ongeldig.append(c)
            voor += int(shapely.get_num_coordinates(g))
            na += int(shapely.get_num_coordinates(s))
            afwijkingen.append(afw)
            oppervlak.append(opp)
            uit[soort][c] = geojson_geometrie(s)
        stats[soort] = {
            "vlakken": len(uit[soort]),
            "zonder vlak": len(zonder[soort]),
            "hoekpunten voor": voor,
            "hoekpunten na": na,
            "afwijking p99 (m)": round(pctl(afwijkingen, 99), 1),
            "afwijking max (m)": round(max(afwijkingen, default=0.0), 1),
            "afwijking > 30 m": sum(1 for a in afwijkingen if a > 30),
            "oppervlakteverschil max (%)": round(100 * max(oppervlak, default=0.0), 3),
            "ongeldig": ongeldig,
        }
        if ongeldig:
            sys.exit(f"ongeldige {soort} na vereenvoudiging: {ongeldig[:5]}")
    onbekend = sorted(set(bu_bron) - set(bu_codes)) + sorted(set(wk_bron) - set(wk_codes))

    def nl(n: int) -> str:
        return f"{n:,}".replace(",", ".")

    w, b = stats["wijken"], stats["buurten"]
    opmerkingen = [
        f"Indeling {INDELING}: {nl(w['vlakken'])} wijkvlakken en {nl(b['vlakken'])} buurtvlakken "
        "in WGS84 (EPSG:4326), GeoJSON-geometrie, 5 decimalen, buitenring tegen de klok in "
        "(RFC 7946).",
        "Wijken: PDOK wijken 2024 (service.pdok.nl/cbs/wijkenbuurten/2024), landwijken; "
        "de bron was al vereenvoudigd met 0,0005 graad. 'Groot water'-wijken en WK099899 "
        "(Buitenland) zijn weggelaten.",
        "Buurten: BENADERD. Reconstructie van PDOK gebiedsindelingen 2024, laag "
        "buurt_gegeneraliseerd (Douglas-Peucker 60 m in de bron, georeferentie opnieuw gepast, "
        "fout meestal ~10 m, naden op gedeelde grenzen tot ~100-220 m op p99). Niet geschikt "
        "om adressen vlak bij een buurtgrens zeker toe te wijzen.",
        f"Vereenvoudiging: shapely simplify(preserve_topology=True) per vlak met tolerantie "
        f"{tolerantie_m:g} m (lengtegraad geschaald met cos {BREEDTE_SCHAAL}°), daarna "
        f"set_precision op 0,00001 graad. Hoekpunten wijken {nl(w['hoekpunten voor'])} -> "
        f"{nl(w['hoekpunten na'])}, buurten {nl(b['hoekpunten voor'])} -> "
        f"{nl(b['hoekpunten na'])}. Afwijking (Hausdorff) p99/max: wijken "
        f"{w['afwijking p99 (m)']}/{w['afwijking max (m)']} m, buurten "
        f"{b['afwijking p99 (m)']}/{b['afwijking max (m)']} m; de uitschieters ("
        f"{w['afwijking > 30 m']} wijken, {b['afwijking > 30 m']} buurten boven 30 m) zijn "
        "spitsen van minder dan 1 m breed en snippers uit de bron die op het raster wegvallen "
        "(samen hoogstens enkele honderden m² per vlak); het oppervlak verandert per vlak "
        "hoogstens "
        f"{max(w['oppervlakteverschil max (%)'], b['oppervlakteverschil max (%)']):g}%. "
        "Elk vlak is apart "
        "vereenvoudigd: buurvlakken kunnen elkaar op de grens enkele meters overlappen of een "
        "smalle kier laten.",
        f"Zonder vlak: {len(zonder['wijken'])} wijken, {len(zonder['buurten'])} buurten ("
        + ", ".join(zonder["buurten"])
        + "): zes ontbreken in de reconstructie (ringen < 1 ha in de bron), twee hebben er een "
        "lege geometrie.",
    ]
    if onbekend:
        opmerkingen.append(f"Vlakken met onbekende code genegeerd: {', '.join(onbekend[:10])}.")
    data = {
        "indeling": INDELING,
        "attributie": ATTRIBUTIE,
        "licentie": LICENTIE,
        "crs": "EPSG:4326",
        "decimalen": DECIMALEN,
        "vereenvoudiging_m": tolerantie_m,
        "wijken": uit["wijken"],
        "buurten": uit["buurten"],
        "zonder_vlak": zonder,
        "opmerkingen": opmerkingen,
    }
    stats["tijden"] = {
        "inlezen": round(t_lees, 1),
        "totaal": round(time.perf_counter() - t0, 1),
    }
    return data, stats


def schrijf(data: dict, pad: Path) -> bytes:
    """Deterministic gzip-JSON, written atomically (the same writer as the CBS reference)."""
    from build_referentie import schrijf as schrijf_gzip_json

    return schrijf_gzip_json(data, pad)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--shared",
        type=Path,
        default=REPO.parent / "shared" / "data",
        help="gedeelde datamap (standaard: ../shared/data t.o.v. de repo-root)",
    )
    ap.add_argument(
        "--referentie",
        type=Path,
        default=REPO / "ingest" / "referentie" / "cbs_2024.json.gz",
        help="de CBS-referentie met de codes (uitvoer van build_referentie.py)",
    )
    ap.add_argument(
        "--uit",
        type=Path,
        default=REPO / "ingest" / "referentie" / "geometrie_2024.json.gz",
        help="uitvoerbestand (gzip-JSON)",
    )
    ap.add_argument(
        "--tolerantie",
        type=float,
        default=TOLERANTIE_M,
        help=f"tolerantie van de vereenvoudiging in meters (standaard {TOLERANTIE_M:g})",
    )
    args = ap.parse_args(argv)
    data, stats = bouw(args.shared, args.referentie, args.tolerantie)
    gz = schrijf(data, args.uit)
    log(f"geschreven: {args.uit} ({len(gz) / 1024:.0f} KiB gzip)")
    for k, v in stats.items():
        log(f"  {k}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
