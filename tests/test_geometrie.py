"""The shipped CBS 2024 polygons (ingest/referentie/geometrie_2024.json.gz), the spatial index and
GeoJSON for the web maps."""

from __future__ import annotations

import configparser
import json
import os
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest
import shapely
from shapely.geometry import shape

from ingest import cbs, geometrie
from netwerk.fouten import OngeldigeInvoer

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
IN_CI = os.environ.get("CI", "").lower() == "true"

#: The 8 buurten of 2024 without a polygon (see ingest/referentie/BRON.md).
ZONDER_VLAK = [
    "BU02090125",
    "BU0363MK03",
    "BU06380006",
    "BU16690604",
    "BU18920102",
    "BU19040216",
    "BU19780608",
    "BU19781103",
]


def _shared() -> Path:
    if not (SHARED / "nl_geo_cbs_2024").is_dir():
        if IN_CI:
            pytest.fail(f"gedeelde data ontbreekt in CI: {SHARED}")
        pytest.skip(f"geen gedeelde data in {SHARED}")
    return SHARED


def test_aantallen_en_codes():
    data = geometrie.geometrie()
    ref = cbs.referentie()
    assert (len(data["wijken"]), len(data["buurten"])) == (3393, 14566)
    assert set(data["wijken"]) == {w["code"] for w in ref["wijken"]}
    buurten = {b["code"] for b in ref["buurten"]}
    assert set(data["buurten"]) <= buurten
    assert sorted(buurten - set(data["buurten"])) == ZONDER_VLAK
    assert data["zonder_vlak"] == {"wijken": [], "buurten": ZONDER_VLAK}
    # the buurten without polygon are exactly those without a punt in the reference
    assert sorted(b["code"] for b in ref["buurten"] if b["punt"] is None) == ZONDER_VLAK
    assert data["attributie"] == "Bron: CBS, Kadaster"
    assert data["licentie"] == "CC BY 4.0"
    assert data["crs"] == "EPSG:4326"


def test_vlakken_geldig_afgerond_en_in_nederland():
    data = geometrie.geometrie()
    for soort in ("wijken", "buurten"):
        vlakken = geometrie.vlakken(soort)
        arr = list(vlakken.values())
        assert all(g.geom_type in ("Polygon", "MultiPolygon") for g in arr)
        assert shapely.is_valid(arr).all(), soort
        coords = shapely.get_coordinates(arr)
        x0, y0, x1, y1 = geometrie.NL_KADER
        assert (coords[:, 0] >= x0).all() and (coords[:, 0] <= x1).all()
        assert (coords[:, 1] >= y0).all() and (coords[:, 1] <= y1).all()
        assert (abs(coords * 1e5 - (coords * 1e5).round()) < 1e-6).all()  # 5 decimals
    # GeoJSON (RFC 7946): exterior rings counter-clockwise
    dam = shape(data["buurten"]["BU0363AD03"])
    assert dam.exterior.is_ccw


def test_bestand_is_klein_en_staat_in_package_data():
    pad = files("ingest").joinpath("referentie", "geometrie_2024.json.gz")
    assert pad.is_file()
    assert Path(str(pad)).stat().st_size < 3 * 1024 * 1024
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")
    nodig = cfg["options"]["install_requires"]
    assert "shapely" in nodig and "numpy" in nodig  # needed at run time, not only in an extra
    data = cfg["options.package_data"]["ingest"]
    assert "referentie/*.json.gz" in data and "referentie/mappings/*" in data


def test_buurtpunten_liggen_in_hun_eigen_buurt():
    """Every buurt's representative point (from cbs_2024.json.gz) is placed back in that buurt."""
    verkeerd = []
    for b in cbs.referentie()["buurten"]:
        if b["punt"] is None:
            continue
        ligging = geometrie.plaats(geometrie.naar_rd(*b["punt"]))
        if ligging.buurt != b["code"]:
            verkeerd.append((b["code"], ligging.buurt, ligging.methode))
    assert verkeerd == []


def test_plaats_bekende_punten():
    # Dam, Amsterdam: buurt Dam e.o.? At least wijk Burgwallen-Nieuwe Zijde
    dam = geometrie.plaats(geometrie.naar_rd(4.89256, 52.37310))
    assert dam.wijk == "WK0363AD" and dam.methode == geometrie.VLAK
    # Grote Markt, Groningen
    gm = geometrie.plaats(geometrie.naar_rd(6.56770, 53.21890))
    assert gm.wijk == "WK001400" and gm.buurt.startswith("BU001400")
    # North Sea, 20 km off the coast: not placed, with a reason
    zee = geometrie.plaats(geometrie.naar_rd(4.30, 52.45))
    assert not zee.geplaatst and zee.methode is None
    assert "buiten elk buurtvlak en verder dan 250 m" in zee.reden
    # just outside the coast line: the nearest buurt, with the distance
    kust = geometrie.plaats(geometrie.naar_rd(4.30, 52.45), max_afstand_m=50_000)
    assert kust.methode == geometrie.DICHTSTBIJ and kust.afstand_m > 250


def test_rd_omrekening():
    # Amersfoort, the origin of RD, and the Martinitoren (RD 233,883 / 582,065 per Kadaster)
    import numpy as np

    rd = geometrie.wgs84_naar_rd(np.array([[5.38720621, 52.15517440], [6.56820, 53.21938]]))
    assert abs(rd[0, 0] - 155000) < 1 and abs(rd[0, 1] - 463000) < 1
    assert abs(rd[1, 0] - 233883) < 30 and abs(rd[1, 1] - 582065) < 30


def test_gebied_geojson():
    fc = geometrie.gebied_geojson(["WK0363AD", "bu0363ad03", "BU0363MK03", "WK0363AD"])
    assert fc["type"] == "FeatureCollection"
    assert fc["attributie"] == "Bron: CBS, Kadaster" and fc["indeling"] == 2024
    assert [f["id"] for f in fc["features"]] == ["WK0363AD", "BU0363AD03", "BU0363MK03"]
    wijk, buurt, zonder = fc["features"]
    assert wijk["properties"] == {
        "code": "WK0363AD",
        "soort": "wijk",
        "naam": "Burgwallen-Nieuwe Zijde",
        "gemeente": "GM0363",
    }
    assert buurt["properties"]["wijk"] == "WK0363AD" and buurt["properties"]["soort"] == "buurt"
    assert shape(wijk["geometry"]).contains(shape(buurt["geometry"]).representative_point())
    assert zonder["geometry"] is None  # one of the 8 buurten without polygon
    json.dumps(fc)  # serialisable as is
    with pytest.raises(OngeldigeInvoer, match="geen wijk- of buurtcode"):
        geometrie.gebied_geojson(["GM0363"])
    with pytest.raises(OngeldigeInvoer, match="onbekende CBS-code WK0363ZZ"):
        geometrie.gebied_geojson(["WK0363ZZ"])


def test_herbouw_is_byte_identiek(tmp_path):
    """tools/cbs/build_geometrie.py rebuilds the shipped file byte for byte."""
    shared = _shared()
    uit = tmp_path / "geometrie.json.gz"
    proces = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "cbs" / "build_geometrie.py"),
            "--shared",
            str(shared),
            "--uit",
            str(uit),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proces.returncode == 0, proces.stderr[-2000:]
    assert (
        uit.read_bytes() == (ROOT / "ingest" / "referentie" / "geometrie_2024.json.gz").read_bytes()
    )
