"""Wijk and buurt polygons (CBS 2024, simplified) for the maps, from ``ingest.geometrie`` (the
module that ships them). Without that module the pages say that the map is not available and
show everything as a list. No tile server: the map is the polygons on a plain background."""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any

from netwerk import model
from web import gebieden


def _geometrie() -> Any | None:
    try:
        return importlib.import_module("ingest.geometrie")
    except ImportError:
        return None


def beschikbaar() -> bool:
    module = _geometrie()
    return module is not None and hasattr(module, "gebied_geojson")


def _eigenschappen(p: dict[str, Any]) -> dict[str, Any]:
    """The properties the pages read (code, naam, soort, wijk), whatever the source calls them."""
    code = str(p.get("code") or p.get("statcode") or "")
    soort = model.gebied_label(code)
    return {
        "code": code,
        "naam": p.get("naam") or p.get("statnaam") or gebieden.index().naam(code) or code,
        "soort": gebieden.SOORT_NAAM.get(soort, "") if soort else "",
        "wijk": gebieden.wijk_van(code),
    }


@lru_cache(maxsize=32)
def gemeente_geojson(gemeente: str) -> dict[str, Any] | None:
    """The wijken and buurten of ``gemeente`` as one GeoJSON FeatureCollection (wijken first),
    or None when no polygons are installed."""
    module = _geometrie()
    if module is None or not hasattr(module, "gebied_geojson"):
        return None
    codes = list(gebieden.onderdelen(gemeente))
    fc = module.gebied_geojson(codes)
    features = [
        {
            "type": "Feature",
            "properties": _eigenschappen(f.get("properties") or {}),
            "geometry": f["geometry"],
        }
        for f in fc.get("features", [])
        if f.get("geometry")
    ]
    features.sort(key=lambda f: (f["properties"]["soort"] != "wijk", f["properties"]["code"]))
    return {"type": "FeatureCollection", "features": features}
