#!/usr/bin/env python3
"""Bouw de CBS-referentiegeografie (indeling 2024) die Wijkgraaf meelevert.

Leest (alleen lezen) uit de gedeelde datamap:
  nl_buurten_2024_cbs/cbs_buurt_namen_85984.csv   alle 14.574 buurtcodes + namen (CBS 85984NED)
  nl_buurten_2024_cbs/derived_buurten_2024.csv    kerncijfers per buurt (AantalInwoners_5)
  nl_geo_cbs_2024/gemeente_2024_wgs84.geojson     PDOK gemeenten 2024 (namen)
  nl_geo_cbs_2024/wijk_2024_wgs84.geojson         PDOK wijken 2024 (namen, punt, wijkgrenzen)
  nl_geo_cbs_2024/buurt_2024_approx_rd.geojson    buurtvlakken (reconstructie), RD New
  nl_geo_cbs_2024/buurt_2024_approx_wgs84.geojson idem in WGS84 (buurtpunt)

en schrijft één deterministisch gzip-JSON-bestand (gesorteerde sleutels en lijsten,
gzip mtime=0: opnieuw bouwen geeft byte-identieke uitvoer).

Gebruik (vanuit de repo-root):
  .venv/bin/python tools/cbs/build_referentie.py [--shared ../shared/data] \
      [--uit ingest/referentie/cbs_2024.json.gz]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import re
import sys
import time
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import shape

REPO = Path(__file__).resolve().parents[2]

INDELING = 2024
ATTRIBUTIE = "Bron: CBS, Kadaster"
LICENTIE = "CC BY 4.0"
VERWACHT = {"gemeenten": 342, "wijken": 3393, "buurten": 14574}

RE_GM = re.compile(r"^GM\d{4}$")
RE_WK = re.compile(r"^WK\d{4}[0-9A-Z]{2}$")
RE_BU = re.compile(r"^BU\d{4}[0-9A-Z]{4}$")

# Buurlandschap. Zie BRON.md voor de onderbouwing (afgestemd op de ijking in
# opmerkingen: piek van hoekcontacten rond 2*tolerantie, consistentie buurt->wijk).
WIJK_TOL_M = 20.0  # PDOK-wijken, per vlak vereenvoudigd met 0,0005 graad (~35-55 m)
WIJK_MIN_M = 75.0  # gemeten grenslengte; hoekcontact geeft ~2*tol = 40 m
BUURT_TOL_M = 40.0  # reconstructie: naden tot ~100-220 m op p99
BUURT_MIN_M = 130.0  # 2*tol + 50 m; hoekcontact geeft ~80 m
PUNT_DECIMALEN = 5

# WGS84 -> RD New (EPSG:28992): the Schreutelkamp & Strang van Hees approximation (~1 m), the
# same family of formulas the buurt reconstruction was converted with; kept in one place.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from ingest.geometrie import wgs84_naar_rd  # noqa: E402


def log(msg: str) -> None:
    print(msg, flush=True)


def lees_json(pad: Path):
    with open(pad, encoding="utf-8") as f:
        return json.load(f)


def lees_csv(pad: Path) -> list[dict]:
    with open(pad, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


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


def punt(g) -> list[float] | None:
    if g is None:
        return None
    p = shapely.point_on_surface(g)
    if p.is_empty:
        return None
    return [round(p.x, PUNT_DECIMALEN), round(p.y, PUNT_DECIMALEN)]


def buurparen(codes: list[str], geoms: list, tol: float, min_len: float):
    """Paren (a<b) waarvan de grens over minstens min_len meter binnen tol meter ligt.

    Voor elk kandidaatpaar wordt de lengte gemeten van de rand van B binnen A.buffer(tol)
    en omgekeerd; beide moeten > min_len zijn. Een hoekcontact (vier vlakken in één punt)
    levert ~2*tol op en valt daardoor af. Geometrieën in meters.
    """
    arr = np.array(geoms, dtype=object)
    tree = shapely.STRtree(arr)
    buf = shapely.buffer(arr, tol, quad_segs=4)
    i, j = tree.query(buf, predicate="intersects")
    m = i < j
    i, j = i[m], j[m]
    rand = shapely.boundary(arr)
    l_ab = shapely.length(shapely.intersection(rand[j], buf[i]))
    l_ba = shapely.length(shapely.intersection(rand[i], buf[j]))
    ok = np.minimum(l_ab, l_ba) > min_len
    paren = sorted({tuple(sorted((codes[a], codes[b]))) for a, b in zip(i[ok], j[ok], strict=True)})
    return [list(p) for p in paren], int(len(i))


def pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:.1f}%" if b else "n.v.t."


def nl(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def bouw(shared: Path) -> tuple[dict, dict]:
    t0 = time.perf_counter()
    tijden: dict[str, float] = {}
    bu_dir = shared / "nl_buurten_2024_cbs"
    geo_dir = shared / "nl_geo_cbs_2024"

    # --- buurten: codes, namen, inwoners ---------------------------------------
    namen = {
        r["Identifier"].strip(): r["Title"].strip()
        for r in lees_csv(bu_dir / "cbs_buurt_namen_85984.csv")
    }
    cijfers = {r["bu_code"].strip(): r for r in lees_csv(bu_dir / "derived_buurten_2024.csv")}
    fout = [c for c in namen if not RE_BU.match(c)]
    if fout:
        sys.exit(f"ongeldige buurtcodes in cbs_buurt_namen: {fout[:5]}")
    alleen_cijfers = sorted(set(cijfers) - set(namen))
    zonder_cijferrij = sorted(set(namen) - set(cijfers))
    for c, r in cijfers.items():
        if r["wk_code"] != "WK" + c[2:8] or r["gm_code"] != "GM" + c[2:6]:
            sys.exit(
                f"wk/gm-code van {c} wijkt af van de codestructuur: {r['wk_code']} {r['gm_code']}"
            )
    bu_codes = sorted(namen)

    inw: dict[str, int | None] = {}
    for c in bu_codes:
        v = (cijfers.get(c) or {}).get("AantalInwoners_5", "").strip()
        inw[c] = int(float(v)) if v else None
    zonder_inw = [c for c in bu_codes if inw[c] is None]
    bekend = [v for v in inw.values() if v is not None]
    op5 = all(v % 5 == 0 for v in bekend)

    # --- gemeenten ---------------------------------------------------------------
    gm_codes = sorted({"GM" + c[2:6] for c in bu_codes})
    gm_geo = {
        f["properties"]["statcode"]: f["properties"]["statnaam"]
        for f in lees_json(geo_dir / "gemeente_2024_wgs84.geojson")["features"]
    }
    gm_csv = {r["gm_code"]: r["gm_naam"] for r in cijfers.values() if r.get("gm_naam")}
    gm_naam_fallback = [g for g in gm_codes if g not in gm_geo]
    gm_geo_extra = sorted(set(gm_geo) - set(gm_codes) - {"GM0998"})
    gm_naam_verschil = sorted(
        g for g in gm_codes if g in gm_geo and g in gm_csv and gm_geo[g] != gm_csv[g]
    )

    # --- wijken ------------------------------------------------------------------
    wk_codes = sorted({"WK" + c[2:8] for c in bu_codes})
    wk_feat = lees_json(geo_dir / "wijk_2024_wgs84.geojson")["features"]
    wk_land, wk_water, wk_buitenland = {}, [], []
    for f in wk_feat:
        p = f["properties"]
        if p["statcode"] == "WK099899" or p.get("gemeentecode") == "GM0998":
            wk_buitenland.append(p["statcode"])
        elif p.get("groot_water"):
            wk_water.append(p["statcode"])
        else:
            wk_land[p["statcode"]] = f
    wk_zonder_vlak = sorted(set(wk_codes) - set(wk_land))
    wk_vlak_zonder_buurt = sorted(set(wk_land) - set(wk_codes))
    water_met_buurt = sorted(set(wk_water) & set(wk_codes))
    wk_gm_afwijkend = sorted(
        c for c, f in wk_land.items() if f["properties"].get("gemeentecode") != "GM" + c[2:6]
    )

    # --- buurtvlakken ------------------------------------------------------------
    t = time.perf_counter()
    bu_rd_feat = lees_json(geo_dir / "buurt_2024_approx_rd.geojson")["features"]
    bu_wgs_feat = lees_json(geo_dir / "buurt_2024_approx_wgs84.geojson")["features"]
    bu_rd = {f["properties"]["statcode"]: vlak(f["geometry"]) for f in bu_rd_feat}
    bu_wgs = {f["properties"]["statcode"]: vlak(f["geometry"]) for f in bu_wgs_feat}
    wijknaam_buurtbestand = {
        f["properties"]["wijkcode"]: f["properties"].get("wijknaam")
        for f in bu_rd_feat
        if f["properties"].get("wijkcode")
    }
    bu_vlak_onbekend = sorted(set(bu_rd) - set(bu_codes))
    bu_niet_in_bestand = sorted(c for c in bu_codes if c not in bu_rd)
    bu_leeg_vlak = sorted(c for c in bu_codes if c in bu_rd and bu_rd[c] is None)
    bu_zonder_vlak = sorted(c for c in bu_codes if bu_rd.get(c) is None)
    tijden["inlezen"] = time.perf_counter() - t

    # --- wijkvlakken (WGS84 en RD) -----------------------------------------------
    t = time.perf_counter()
    wk_wgs = {c: vlak(wk_land[c]["geometry"]) if c in wk_land else None for c in wk_codes}
    wk_rd = {
        c: (shapely.transform(g, wgs84_naar_rd) if g is not None else None)
        for c, g in wk_wgs.items()
    }
    wk_rd = {
        c: (vlak(shapely.geometry.mapping(g)) if g is not None and not g.is_valid else g)
        for c, g in wk_rd.items()
    }
    tijden["wijkvlakken"] = time.perf_counter() - t

    # --- punten ------------------------------------------------------------------
    t = time.perf_counter()
    wk_punt = {c: punt(g) for c, g in wk_wgs.items()}
    bu_punt: dict[str, list[float] | None] = {}
    verschoven = 0
    for c in bu_codes:
        g = bu_wgs.get(c)
        if g is None:
            bu_punt[c] = None
            continue
        p = punt(g)
        w = wk_wgs.get("WK" + c[2:8])
        if p is not None and w is not None and not w.covers(shapely.Point(p)):
            # Punt ligt (door de benaderde reconstructie) buiten de PDOK-wijk van de
            # buurt: kies een punt in de overlap van buurt en wijk.
            ov = shapely.intersection(g, w)
            if not ov.is_empty and ov.area > 0:
                q = punt(ov)
                if q is not None and w.covers(shapely.Point(q)):
                    p = q
                    verschoven += 1
        bu_punt[c] = p
    bu_punt_buiten_wijk = sum(
        1
        for c, p in bu_punt.items()
        if p is not None
        and wk_wgs.get("WK" + c[2:8]) is not None
        and not wk_wgs["WK" + c[2:8]].covers(shapely.Point(p))
    )
    tijden["punten"] = time.perf_counter() - t

    # --- grenzen -----------------------------------------------------------------
    t = time.perf_counter()
    wk_met = [c for c in wk_codes if wk_rd[c] is not None]
    wk_paren, wk_kand = buurparen(wk_met, [wk_rd[c] for c in wk_met], WIJK_TOL_M, WIJK_MIN_M)
    tijden["grenzen wijken"] = time.perf_counter() - t
    t = time.perf_counter()
    bu_met = [c for c in bu_codes if bu_rd.get(c) is not None]
    bu_paren, bu_kand = buurparen(bu_met, [bu_rd[c] for c in bu_met], BUURT_TOL_M, BUURT_MIN_M)
    tijden["grenzen buurten"] = time.perf_counter() - t

    # --- consistentie buurt- vs wijkgrenzen -------------------------------------
    wk_set = {tuple(p) for p in wk_paren}
    kruis = [(a, b) for a, b in bu_paren if a[2:8] != b[2:8]]
    kruis_wk = {tuple(sorted(("WK" + a[2:8], "WK" + b[2:8]))) for a, b in kruis}
    kruis_ok = sum(1 for a, b in kruis if tuple(sorted(("WK" + a[2:8], "WK" + b[2:8]))) in wk_set)
    wk_gedekt = len(wk_set & kruis_wk)
    wk_paren_gm = sum(1 for a, b in wk_paren if a[2:6] != b[2:6])
    bu_paren_gm = sum(1 for a, b in bu_paren if a[2:6] != b[2:6])
    wk_buren = {c for p in wk_paren for c in p}
    bu_buren = {c for p in bu_paren for c in p}
    wk_geisoleerd = sorted(c for c in wk_met if c not in wk_buren)
    bu_geisoleerd = sorted(c for c in bu_met if c not in bu_buren)

    # --- records -----------------------------------------------------------------
    wk_naam, wk_naam_fallback, wk_naam_leeg = {}, [], []
    for c in wk_codes:
        if c in wk_land and wk_land[c]["properties"].get("statnaam"):
            wk_naam[c] = wk_land[c]["properties"]["statnaam"]
        elif wijknaam_buurtbestand.get(c):
            wk_naam[c] = wijknaam_buurtbestand[c]
            wk_naam_fallback.append(c)
        else:
            wk_naam[c] = None
            wk_naam_leeg.append(c)

    wk_inw: dict[str, int] = {c: 0 for c in wk_codes}
    gm_inw: dict[str, int] = {c: 0 for c in gm_codes}
    for c in bu_codes:
        if inw[c] is not None:
            wk_inw["WK" + c[2:8]] += inw[c]
            gm_inw["GM" + c[2:6]] += inw[c]

    gemeenten = [
        {"code": g, "naam": gm_geo.get(g) or gm_csv.get(g), "inwoners": gm_inw[g]} for g in gm_codes
    ]
    wijken = [
        {
            "code": c,
            "naam": wk_naam[c],
            "gemeente": "GM" + c[2:6],
            "inwoners": wk_inw[c],
            "punt": wk_punt[c],
        }
        for c in wk_codes
    ]
    buurten = [
        {
            "code": c,
            "naam": namen[c],
            "wijk": "WK" + c[2:8],
            "gemeente": "GM" + c[2:6],
            "inwoners": inw[c],
            "punt": bu_punt[c],
        }
        for c in bu_codes
    ]

    # --- controles ---------------------------------------------------------------
    assert all(RE_GM.match(g) for g in gm_codes)
    assert all(RE_WK.match(c) for c in wk_codes)
    gm_set, wk_set_codes = set(gm_codes), set(wk_codes)
    assert all(b["wijk"] in wk_set_codes and b["gemeente"] in gm_set for b in buurten)
    assert all(w["gemeente"] in gm_set for w in wijken)
    for naam, lijst in (("gemeenten", gemeenten), ("wijken", wijken), ("buurten", buurten)):
        if len(lijst) != VERWACHT[naam]:
            log(f"LET OP: {len(lijst)} {naam}, verwacht {VERWACHT[naam]}")

    # --- opmerkingen -------------------------------------------------------------
    def lijst(codes, n=10):
        return ", ".join(codes[:n]) + (f" (+{len(codes) - n})" if len(codes) > n else "")

    opm = [
        f"Indeling {INDELING}: {nl(len(gemeenten))} gemeenten, {nl(len(wijken))} wijken, "
        f"{nl(len(buurten))} buurten. Buurtcodes en -namen uit CBS-tabel 85984NED "
        "(Kerncijfers wijken en buurten 2024); wijk = 'WK'+bu[2:8], gemeente = 'GM'+bu[2:6].",
        f"Wijkcontrole: {nl(len(wk_codes))} wijkcodes afgeleid uit buurtcodes tegenover "
        f"{nl(len(wk_land))} PDOK-landwijken; zonder PDOK-vlak: {len(wk_zonder_vlak)}"
        + (f" ({lijst(wk_zonder_vlak)})" if wk_zonder_vlak else "")
        + f"; PDOK-landwijk zonder buurten: {len(wk_vlak_zonder_buurt)}"
        + (f" ({lijst(wk_vlak_zonder_buurt)})" if wk_vlak_zonder_buurt else "")
        + f". Weggelaten: {len(wk_water)} 'Groot water'-wijken (zonder buurten"
        + (f", behalve {lijst(water_met_buurt)}" if water_met_buurt else "")
        + f") en {lijst(sorted(wk_buitenland))} (Buitenland).",
        "Namen: buurt uit 85984NED (Title); wijk uit PDOK wijken 2024 (statnaam)"
        + (
            f", {len(wk_naam_fallback)} uit het buurtvlakkenbestand ({lijst(wk_naam_fallback)})"
            if wk_naam_fallback
            else ", geen terugval nodig"
        )
        + (f", {len(wk_naam_leeg)} zonder naam ({lijst(wk_naam_leeg)})" if wk_naam_leeg else "")
        + "; gemeente uit PDOK gemeenten 2024"
        + (
            f", {len(gm_naam_fallback)} uit de CBS-csv ({lijst(gm_naam_fallback)})"
            if gm_naam_fallback
            else " (alle 342 gevonden)"
        )
        + (f"; naamverschil PDOK vs csv bij {lijst(gm_naam_verschil)}" if gm_naam_verschil else "")
        + ".",
        "Inwoners: buurt = AantalInwoners_5 uit 85984NED"
        + (" (door CBS afgerond op 5)" if op5 else "")
        + f"; {nl(len(zonder_inw))} van {nl(len(buurten))} buurten hebben geen cijfer "
        "(null: geheim of niet van toepassing, meest onbewoonde of zeer kleine buurten). "
        "Wijk- en gemeente-inwoners zijn de som van de bekende buurtcijfers en kunnen daardoor "
        "licht afwijken van de officiële CBS-totalen.",
        "punt: shapely point_on_surface in WGS84, afgerond op 5 decimalen. Wijken: op het "
        "PDOK-wijkvlak (gegeneraliseerd, vereenvoudigd 0,0005 graad). Buurten: op het "
        "GERECONSTRUEERDE buurtvlak (benadering, typisch binnen enkele tientallen meters); "
        f"{verschoven} buurtpunten die buiten de eigen PDOK-wijk vielen zijn verplaatst naar "
        f"de overlap van buurt en wijk ({bu_punt_buiten_wijk} liggen nog buiten de eigen wijk).",
        f"Buurten zonder vlak: {len(bu_zonder_vlak)} (punt null, geen grenzen): "
        f"{len(bu_niet_in_bestand)} ontbreken in de reconstructie (ringen < 1 ha in de bron: "
        f"{lijst(bu_niet_in_bestand)})"
        + (
            f" en {len(bu_leeg_vlak)} hebben een lege geometrie ({lijst(bu_leeg_vlak)})"
            if bu_leeg_vlak
            else ""
        )
        + ".",
        f"grenzen.wijken: {nl(len(wk_paren))} paren ({nl(wk_paren_gm)} over gemeentegrenzen). "
        f"PDOK-wijkvlakken omgerekend naar RD New; buren als de rand van elk vlak over meer "
        f"dan {WIJK_MIN_M:.0f} m binnen {WIJK_TOL_M:.0f} m van het andere ligt (beide "
        f"richtingen). Hoekcontacten (~2x tolerantie) tellen zo niet mee. "
        f"{len(wk_geisoleerd)} wijken zonder buren (eilanden e.d.).",
        f"grenzen.buurten: {nl(len(bu_paren))} paren ({nl(bu_paren_gm)} over gemeentegrenzen), "
        f"BENADERD: berekend op de gereconstrueerde buurtvlakken (RD New; naden tot ~100-220 m "
        f"op p99) met tolerantie {BUURT_TOL_M:.0f} m en minimale grenslengte "
        f"{BUURT_MIN_M:.0f} m (beide richtingen). Korte grenzen (< ~100 m) kunnen ontbreken "
        f"of als buur meetellen. {len(bu_geisoleerd)} buurten met vlak maar zonder buren.",
        f"Consistentie: van {nl(len(kruis))} buurtparen in verschillende wijken liggen er "
        f"{nl(kruis_ok)} ({pct(kruis_ok, len(kruis))}) in aangrenzende wijken; van "
        f"{nl(len(wk_paren))} aangrenzende wijkparen worden er {nl(wk_gedekt)} "
        f"({pct(wk_gedekt, len(wk_paren))}) gedekt door minstens één buurtpaar.",
        "Alleen codes, namen, inwoners, punten en buurrelaties worden meegeleverd, geen "
        "vlakken. Bronbeschrijving en herbouwinstructie: ingest/referentie/BRON.md.",
    ]
    if alleen_cijfers or zonder_cijferrij:
        opm.append(
            f"Codeverschil namenlijst vs cijfers-csv: {len(alleen_cijfers)} alleen in "
            f"cijfers ({lijst(alleen_cijfers)}), {len(zonder_cijferrij)} zonder cijferrij."
        )
    if bu_vlak_onbekend:
        opm.append(
            f"{len(bu_vlak_onbekend)} buurtvlakken met onbekende code genegeerd "
            f"({lijst(bu_vlak_onbekend)})."
        )
    if gm_geo_extra:
        opm.append(f"PDOK-gemeenten zonder buurten genegeerd: {lijst(gm_geo_extra)}.")
    if wk_gm_afwijkend:
        opm.append(f"PDOK-wijken met afwijkende gemeentecode: {lijst(wk_gm_afwijkend)}.")

    uit = {
        "indeling": INDELING,
        "attributie": ATTRIBUTIE,
        "licentie": LICENTIE,
        "gemeenten": gemeenten,
        "wijken": wijken,
        "buurten": buurten,
        "grenzen": {"wijken": wk_paren, "buurten": bu_paren},
        "opmerkingen": opm,
    }
    tijden["totaal"] = time.perf_counter() - t0
    stats = {
        "gemeenten": len(gemeenten),
        "wijken": len(wijken),
        "buurten": len(buurten),
        "buurten zonder inwoners": len(zonder_inw),
        "buurten zonder vlak": len(bu_zonder_vlak),
        "wijkparen": len(wk_paren),
        "wijkkandidaten": wk_kand,
        "buurtparen": len(bu_paren),
        "buurtkandidaten": bu_kand,
        "consistentie buurt->wijk": pct(kruis_ok, len(kruis)),
        "wijkparen gedekt": pct(wk_gedekt, len(wk_paren)),
        "buurtpunten verschoven": verschoven,
        "tijden": {k: round(v, 1) for k, v in tijden.items()},
    }
    return uit, stats


def schrijf(uit: dict, pad: Path) -> bytes:
    data = json.dumps(uit, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )
    gz = gzip.compress(data, compresslevel=9, mtime=0)
    pad.parent.mkdir(parents=True, exist_ok=True)
    tmp = pad.with_name(pad.name + ".tmp")
    tmp.write_bytes(gz)
    os.replace(tmp, pad)
    return gz


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--shared",
        type=Path,
        default=REPO.parent / "shared" / "data",
        help="gedeelde datamap (standaard: ../shared/data t.o.v. de repo-root)",
    )
    ap.add_argument(
        "--uit",
        type=Path,
        default=REPO / "ingest" / "referentie" / "cbs_2024.json.gz",
        help="uitvoerbestand (gzip-JSON)",
    )
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    uit, stats = bouw(args.shared)
    gz = schrijf(uit, args.uit)
    log(f"geschreven: {args.uit} ({len(gz) / 1024:.0f} KiB gzip)")
    for k, v in stats.items():
        log(f"  {k}: {v}")
    log(f"  klaar in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
