"""CBS 2024 wijk- and buurtvlakken: the shipped polygons, a spatial index to place points, and
GeoJSON for the web maps.

Reads ``ingest/referentie/geometrie_2024.json.gz`` (built by ``tools/cbs/build_geometrie.py``
from the shared PDOK wijk layer and the approximate buurt reconstruction; see
``ingest/referentie/BRON.md``, "Bron: CBS, Kadaster"). Coordinates are WGS84 (lon, lat) with 5
decimals. Distances are computed in RD New (EPSG:28992, metres) with the Schreutelkamp/Strang
van Hees approximation (about 1 m), the same formulas the build tools use.

The wijk polygons are PDOK geometry (generalised); the buurt polygons are a reconstruction,
usually within about 10 m but with seams of up to 100-220 m between neighbours. A point a few
tens of metres from its buurt border may therefore belong to the neighbour: :func:`plaats`
says so (``nabij_grens``).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

import numpy as np
import shapely
from shapely.geometry import shape

from ingest import cbs
from netwerk import model
from netwerk.fouten import OngeldigeInvoer

Soort = Literal["wijken", "buurten"]

#: Within this many metres of its buurt border a point is flagged ``nabij_grens``.
NABIJ_GRENS_M = 50.0
#: A point outside every buurt polygon goes to the nearest buurt up to this distance (metres).
MAX_AFSTAND_M = 250.0
#: A generous box around the Netherlands (WGS84 lon/lat) including the Wadden and the coast.
NL_KADER = (3.2, 50.7, 7.3, 53.7)

#: How a point was placed.
VLAK, DICHTSTBIJ, POSTCODE = "vlak", "dichtstbijzijnde buurt", "postcode"


@cache
def geometrie(pad: str | None = None) -> dict[str, Any]:
    """The shipped polygons (parsed once): ``wijken`` and ``buurten`` map a code to a GeoJSON
    geometry; also ``attributie``, ``zonder_vlak``, ``vereenvoudiging_m`` and ``opmerkingen``."""
    bron = Path(pad) if pad else files("ingest").joinpath("referentie", "geometrie_2024.json.gz")
    with bron.open("rb") as f:
        return json.loads(gzip.decompress(f.read()))


# --- WGS84 -> RD New -------------------------------------------------------------------------

_R = (
    (0, 1, 190094.945),
    (1, 1, -11832.228),
    (2, 1, -114.221),
    (0, 3, -32.391),
    (1, 0, -0.705),
    (3, 1, -2.340),
    (1, 3, -0.608),
    (0, 2, -0.008),
    (2, 3, 0.148),
)
_S = (
    (1, 0, 309056.544),
    (0, 2, 3638.893),
    (2, 0, 73.077),
    (1, 2, -157.984),
    (3, 0, 59.788),
    (0, 1, 0.433),
    (2, 2, -6.439),
    (1, 1, -0.032),
    (0, 4, 0.092),
    (1, 4, -0.054),
)


def wgs84_naar_rd(coords: np.ndarray) -> np.ndarray:
    """WGS84 (lon, lat) rows to RD New (x, y) metres; about 1 m accurate within NL.

    >>> [round(v) for v in wgs84_naar_rd(np.array([[5.38720621, 52.15517440]]))[0]]
    [155000, 463000]
    """
    coords = np.asarray(coords, dtype=float)
    lon, lat = coords[:, 0], coords[:, 1]
    dphi = 0.36 * (lat - 52.15517440)
    dlam = 0.36 * (lon - 5.38720621)
    x = 155000.0 + sum(c * dphi**p * dlam**q for p, q, c in _R)
    y = 463000.0 + sum(c * dphi**p * dlam**q for p, q, c in _S)
    return np.column_stack([x, y])


def in_nederland(lon: float, lat: float) -> bool:
    """Whether (lon, lat) lies in the box around the Netherlands (:data:`NL_KADER`).

    >>> in_nederland(4.9, 52.37), in_nederland(52.37, 4.9)
    (True, False)
    """
    x0, y0, x1, y1 = NL_KADER
    return x0 <= lon <= x1 and y0 <= lat <= y1


# --- polygons and the spatial index ----------------------------------------------------------


@cache
def vlakken(soort: Soort) -> dict[str, shapely.Geometry]:
    """The polygons of one layer in WGS84, by code (wijken 3,393; buurten 14,566)."""
    if soort not in ("wijken", "buurten"):
        raise OngeldigeInvoer(f"onbekende laag {soort!r}; kies wijken of buurten")
    return {code: shape(g) for code, g in geometrie()[soort].items()}


class Vlakindex:
    """An STRtree over the polygons of one layer, in RD New (metres)."""

    def __init__(self, codes: list[str], vlakken_rd: list[shapely.Geometry]) -> None:
        self.codes = codes
        self.vlakken = np.array(vlakken_rd, dtype=object)
        self.boom = shapely.STRtree(self.vlakken)
        self._randen: dict[int, shapely.Geometry] = {}

    def __len__(self) -> int:
        return len(self.codes)

    def bevattend(self, punt: shapely.Point) -> list[int]:
        """Indexes of the polygons that contain ``punt`` (or have it on their border)."""
        return sorted(int(i) for i in self.boom.query(punt, predicate="intersects"))

    def dichtstbij(self, punt: shapely.Point, max_afstand: float) -> tuple[int, float] | None:
        """The nearest polygon within ``max_afstand`` metres and its distance, or None."""
        i, d = self.boom.query_nearest(
            punt, max_distance=max_afstand, return_distance=True, all_matches=True
        )
        if len(i) == 0:
            return None
        # ties: the lowest code, so the answer does not depend on the tree's order
        kies = min(range(len(i)), key=lambda n: (d[n], self.codes[int(i[n])]))
        return int(i[kies]), float(d[kies])

    def grensafstand(self, i: int, punt: shapely.Point) -> float:
        """Distance in metres from ``punt`` to the border of polygon ``i``."""
        if i not in self._randen:
            self._randen[i] = shapely.boundary(self.vlakken[i])
        return float(shapely.distance(punt, self._randen[i]))


@cache
def index(soort: Soort) -> Vlakindex:
    """The spatial index of one layer (built once; about a second for the buurten)."""
    laag = vlakken(soort)
    codes = sorted(laag)
    wgs = np.array([laag[c] for c in codes], dtype=object)
    rd = shapely.set_coordinates(wgs.copy(), wgs84_naar_rd(shapely.get_coordinates(wgs)))
    ongeldig = ~shapely.is_valid(rd)
    rd[ongeldig] = shapely.make_valid(rd[ongeldig])
    return Vlakindex(codes, list(rd))


def naar_rd(lon: float, lat: float) -> shapely.Point:
    """A WGS84 point as a shapely Point in RD New."""
    x, y = wgs84_naar_rd(np.array([[lon, lat]]))[0]
    return shapely.Point(float(x), float(y))


@dataclass(frozen=True)
class Ligging:
    """Where a point lies: its buurt and wijk, how that was found, and how sure it is.

    ``methode`` is ``vlak`` (inside the buurt polygon), ``dichtstbijzijnde buurt`` (outside every
    polygon, the nearest within the maximum distance; ``afstand_m`` says how far), or None (not
    placed; ``reden`` says why). ``grens_m`` is the distance to the buurt border (for ``vlak``);
    ``nabij_grens`` is set when that is below the threshold, when the point lies in more than one
    (overlapping) buurt polygon, or when the PDOK wijk polygon that holds it (``wijkvlak``; None
    when none does) is another wijk than the buurt's: near borders the approximate buurt
    polygons and the generalised wijk polygons can disagree.
    """

    buurt: str | None
    wijk: str | None
    methode: str | None
    afstand_m: float = 0.0
    grens_m: float | None = None
    nabij_grens: bool = False
    wijkvlak: str | None = None
    reden: str | None = None

    @property
    def geplaatst(self) -> bool:
        return self.buurt is not None

    @property
    def wijkvlak_wijkt_af(self) -> bool:
        return self.geplaatst and self.wijkvlak is not None and self.wijkvlak != self.wijk


def plaats(
    punt: shapely.Point,
    *,
    nabij_grens_m: float = NABIJ_GRENS_M,
    max_afstand_m: float = MAX_AFSTAND_M,
) -> Ligging:
    """Place a point given in RD New (see :func:`naar_rd`) in a CBS 2024 buurt.

    Inside one buurt polygon: that buurt. Inside several (the approximate polygons overlap a
    little at some borders): the one in the PDOK wijk that holds the point, then the one it lies
    deepest in. Outside all: the nearest buurt within ``max_afstand_m``, else not placed.
    """
    wijken, buurten = index("wijken"), index("buurten")
    in_wijk = wijken.bevattend(punt)
    wijkvlak = None
    if in_wijk:  # on a shared wijk border: the one it lies deepest in
        w = max(in_wijk, key=lambda n: (wijken.grensafstand(n, punt), wijken.codes[n]))
        wijkvlak = wijken.codes[w]
    kandidaten = buurten.bevattend(punt)
    if kandidaten:
        afstanden = {i: buurten.grensafstand(i, punt) for i in kandidaten}
        i = max(
            kandidaten,
            key=lambda n: (
                "WK" + buurten.codes[n][2:8] == wijkvlak,
                afstanden[n],
                buurten.codes[n],
            ),
        )
        code = buurten.codes[i]
        wijk = "WK" + code[2:8]
        grens = afstanden[i]
        return Ligging(
            buurt=code,
            wijk=wijk,
            methode=VLAK,
            grens_m=round(grens, 1),
            nabij_grens=(
                grens < nabij_grens_m
                or len(kandidaten) > 1
                or (wijkvlak is not None and wijkvlak != wijk)
            ),
            wijkvlak=wijkvlak,
        )
    dichtst = buurten.dichtstbij(punt, max_afstand_m)
    if dichtst is not None:
        i, afstand = dichtst
        code = buurten.codes[i]
        return Ligging(
            buurt=code,
            wijk="WK" + code[2:8],
            methode=DICHTSTBIJ,
            afstand_m=round(afstand, 1),
            wijkvlak=wijkvlak,
        )
    verder = buurten.dichtstbij(punt, 100_000.0)
    uitleg = (
        f"; de dichtstbijzijnde is {buurten.codes[verder[0]]} op {verder[1]:.0f} m"
        if verder
        else ""
    )
    return Ligging(
        buurt=None,
        wijk=None,
        methode=None,
        wijkvlak=wijkvlak,
        reden=f"buiten elk buurtvlak en verder dan {max_afstand_m:g} m van een buurt{uitleg}",
    )


# --- GeoJSON for the web maps ----------------------------------------------------------------


@cache
def _namen() -> dict[str, dict[str, Any]]:
    data = cbs.referentie()
    uit: dict[str, dict[str, Any]] = {}
    for w in data["wijken"]:
        uit[w["code"]] = {"naam": w["naam"], "gemeente": w["gemeente"]}
    for b in data["buurten"]:
        uit[b["code"]] = {"naam": b["naam"], "wijk": b["wijk"], "gemeente": b["gemeente"]}
    return uit


def gebied_geojson(codes: Iterable[str]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection with the polygons of the given wijk and buurt codes, in the
    order given (duplicates once). Properties: ``code``, ``soort`` (wijk/buurt), ``naam``,
    ``gemeente`` (and ``wijk`` for a buurt). A buurt without a polygon (8 in 2024) gets
    ``geometry: null``. Unknown codes, or codes of another kind, raise OngeldigeInvoer. The
    collection carries the attribution ("Bron: CBS, Kadaster") and licence."""
    data = geometrie()
    namen = _namen()
    features = []
    gezien: set[str] = set()
    for ruw in codes:
        code = str(ruw).strip().upper()
        if code in gezien:
            continue
        gezien.add(code)
        label = model.gebied_label(code)
        if label not in (model.WIJK, model.BUURT):
            raise OngeldigeInvoer(f"{ruw!r} is geen wijk- of buurtcode (WK......, BU........)")
        if code not in namen:
            raise OngeldigeInvoer(f"onbekende CBS-code {code} (indeling {data['indeling']})")
        laag = data["wijken"] if label == model.WIJK else data["buurten"]
        features.append(
            {
                "type": "Feature",
                "id": code,
                "properties": {"code": code, "soort": label.lower(), **namen[code]},
                "geometry": laag.get(code),
            }
        )
    return {
        "type": "FeatureCollection",
        "features": features,
        "attributie": data["attributie"],
        "licentie": data["licentie"],
        "indeling": data["indeling"],
    }
