"""CBS geography (indeling 2024): gemeenten, wijken and buurten with names and inwoners,
``LIGT_IN`` up the hierarchy and ``GRENST_AAN`` between neighbouring wijken and buurten.

Reads the reference file shipped in ``ingest/referentie/cbs_2024.json.gz`` (built from the CBS
and PDOK sources by ``tools/cbs/build_referentie.py``; see ``ingest/referentie/BRON.md`` for the
attribution "Bron: CBS, Kadaster" and what is approximate).
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from ingest.rapport import Rapport, schrijf
from netwerk import model
from netwerk.fouten import OngeldigeInvoer
from netwerk.model import Knoop, Relatie
from netwerk.stores.basis import GraphStore

BRON_ID = "cbs-2024"
#: The date of the indeling; every CBS relationship is "confirmed" on it, so re-imports match.
PEILDATUM = "2024-01-01"


@cache
def referentie(pad: str | None = None) -> dict[str, Any]:
    """The CBS 2024 reference data (parsed once)."""
    bron = Path(pad) if pad else files("ingest").joinpath("referentie", "cbs_2024.json.gz")
    with bron.open("rb") as f:
        return json.loads(gzip.decompress(f.read()))


def records(
    data: dict[str, Any], gemeenten: Iterable[str] | None = None
) -> tuple[list[Knoop], list[Relatie]]:
    """Nodes and relationships for all gemeenten, or only the given ones."""
    keuze = set(gemeenten) if gemeenten else None
    if keuze:
        onbekend = keuze - {g["code"] for g in data["gemeenten"]}
        if onbekend:
            raise OngeldigeInvoer(f"onbekende gemeentecode(s): {', '.join(sorted(onbekend))}")

    def gekozen(gm: str) -> bool:
        return keuze is None or gm in keuze

    indeling = data["indeling"]
    knopen = [
        Knoop(
            model.BRON,
            BRON_ID,
            {"naam": f"CBS wijk- en buurtindeling {indeling}", "soort": "cbs", "datum": PEILDATUM},
        )
    ]
    relaties: list[Relatie] = []

    def rel(van: str, soort: str, naar: str) -> None:
        relaties.append(Relatie(van, soort, naar, BRON_ID, PEILDATUM))

    for g in data["gemeenten"]:
        if gekozen(g["code"]):
            knopen.append(
                Knoop(
                    model.GEMEENTE,
                    g["code"],
                    {"naam": g["naam"], "inwoners": g.get("inwoners"), "indeling": indeling},
                )
            )
    for w in data["wijken"]:
        if gekozen(w["gemeente"]):
            knopen.append(
                Knoop(
                    model.WIJK,
                    w["code"],
                    {
                        "naam": w["naam"],
                        "inwoners": w.get("inwoners"),
                        "indeling": indeling,
                        "gemeente": w["gemeente"],
                    },
                )
            )
            rel(w["code"], model.LIGT_IN, w["gemeente"])
    for b in data["buurten"]:
        if gekozen(b["gemeente"]):
            knopen.append(
                Knoop(
                    model.BUURT,
                    b["code"],
                    {
                        "naam": b["naam"],
                        "inwoners": b.get("inwoners"),
                        "indeling": indeling,
                        "wijk": b["wijk"],
                        "gemeente": b["gemeente"],
                    },
                )
            )
            rel(b["code"], model.LIGT_IN, b["wijk"])
    geladen = {k.id for k in knopen}
    for soort in ("wijken", "buurten"):
        for a, b in data["grenzen"][soort]:
            if a in geladen and b in geladen:
                rel(a, model.GRENST_AAN, b)
    return knopen, relaties


def importeer(
    store: GraphStore,
    gemeenten: Iterable[str] | None = None,
    *,
    pad: str | None = None,
    voortgang: bool | None = None,
) -> Rapport:
    """Load the CBS geography (all of it, or the given gemeenten) into ``store``. Idempotent."""
    knopen, relaties = records(referentie(pad), gemeenten)
    store.initialiseer()
    schrijf(store, knopen, relaties, voortgang=voortgang, omschrijving="CBS 2024")
    rapport = Rapport()
    rapport.geladen.update(Counter(k.label for k in knopen))
    rapport.geladen.update(Counter(r.type for r in relaties))
    return rapport
