"""The demo landscape: fictional teams, organisaties, initiatieven and aanbod on the real CBS
2024 geography of Gouda (GM0513), in the exchange format. Every record carries the source
``demo-gouda`` ("Wijkgraaf demodata Gouda (fictief)"): none of these teams or organisations
exists. It shows every question: overlapping teams that do and do not know each other (Noord),
a wijk whose teams have no link to the nuldelijn (Goverwelle), and individual offers with a
collective alternative in a neighbouring wijk (Kort Haarlem next to Noord).
"""

from __future__ import annotations

from contextlib import ExitStack
from importlib.resources import as_file, files

from ingest import cbs, tabel
from ingest.rapport import Rapport
from netwerk.stores.basis import GraphStore

GEMEENTE = "GM0513"
BRON = "demo-gouda"
BRON_NAAM = "Wijkgraaf demodata Gouda (fictief)"
DATUM = "2026-11-01"
BESTANDEN = ("organisaties.csv", "initiatieven.csv", "teams.csv", "aanbod.csv", "relaties.csv")


def importeer(store: GraphStore, *, voortgang: bool | None = None) -> Rapport:
    """Load the demo (and the CBS areas of Gouda, if the store lacks them)."""
    if not store.labels_van([GEMEENTE]):
        cbs.importeer(store, [GEMEENTE], voortgang=voortgang)
    map_ = files(__package__)
    with ExitStack() as stapel:
        paden = [stapel.enter_context(as_file(map_.joinpath(naam))) for naam in BESTANDEN]
        return tabel.importeer(
            store, paden, datum=DATUM, bron=BRON, bron_naam=BRON_NAAM, voortgang=voortgang
        )
