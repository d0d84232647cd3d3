"""Linking mentions to the nodes the graph already has, by normalised name.

A name is normalised by :func:`normaliseer`: lower-case ASCII (accents dropped, ``&`` read as
``en``), a leading article and legal form left out (``de``, ``het``, ``Stichting``,
``Vereniging``), a part between brackets left out. "Stichting Welzijn De Gouwe", "Welzijn de
Gouwe" and "welzijn De Gouwe" are the same name.

An actor mention (organisatie, team, initiatief, aanbod) links to the node of the same name,
preferring one with the same label; an area mention to the gemeente, wijk or buurt of that CBS
name, preferring the areas of a gemeente named in the same document, then a wijk over a buurt
of the same name. A name that fits several nodes equally well is not linked.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ingest.tekst import regels as r
from ingest.tekst.pijplijn import Naam
from netwerk import model
from netwerk.stores.basis import GraphStore

_RECHTSVORMEN = ("stichting", "vereniging", "cooperatie", "st")
_LIDWOORDEN = ("de", "het", "t")

#: Labels whose names go into the gazetteer and the name index.
GEKENDE_LABELS = (*r.ACTOR_LABELS, *model.GEBIEDEN)


def normaliseer(naam: str) -> str:
    """The key a name is compared by.

    >>> normaliseer("Stichting Welzijn De Gouwe") == normaliseer("welzijn de Gouwe")
    True
    >>> normaliseer("Gemeente Gouda (team Wmo)")
    'gemeente-gouda'
    """
    naam = re.sub(r"\([^)]*\)", " ", naam)
    delen = model.slug(naam).split("-")
    while len(delen) > 1 and delen[0] in (*_RECHTSVORMEN, *_LIDWOORDEN):
        delen = delen[1:]
    return "-".join(d for d in delen if d)


def varianten(naam: str) -> list[str]:
    """Ways a name may be written in a text: as is, without the part between brackets, and
    without a leading legal form (when enough is left to be distinctive).

    >>> varianten("Stichting Welzijn De Gouwe")
    ['Stichting Welzijn De Gouwe', 'Welzijn De Gouwe']
    """
    uit = [naam.strip()]
    zonder_haakjes = re.sub(r"\s*\([^)]*\)", "", naam).strip()
    if zonder_haakjes and zonder_haakjes not in uit:
        uit.append(zonder_haakjes)
    for v in list(uit):
        woorden = v.split()
        if len(woorden) >= 3 and woorden[0].lower().rstrip(".") in _RECHTSVORMEN:
            rest = " ".join(woorden[1:])
            if rest not in uit:
                uit.append(rest)
    return uit


@dataclass
class Namenlijst:
    """The names of the graph's actors and areas, for the gazetteer and for linking."""

    namen: list[Naam] = field(default_factory=list)
    gemeente_van: dict[str, str] = field(default_factory=dict)  # area id -> gemeente code
    _index: dict[str, list[Naam]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def uit_store(cls, store: GraphStore) -> Namenlijst:
        """All named actors and areas of ``store`` (one pass over its export)."""
        lijst = cls()
        for rec in store.export():
            k = rec.get("knoop")
            if k is None:
                continue
            if k["label"] in GEKENDE_LABELS and k.get("naam"):
                lijst.voeg_toe(Naam(k["label"], k["naam"], k["id"]))
                if k["label"] in (model.WIJK, model.BUURT) and k.get("gemeente"):
                    lijst.gemeente_van[k["id"]] = k["gemeente"]
                elif k["label"] == model.GEMEENTE:
                    lijst.gemeente_van[k["id"]] = k["id"]
        return lijst

    @classmethod
    def van(cls, namen: Iterable[Naam]) -> Namenlijst:
        lijst = cls()
        for n in namen:
            lijst.voeg_toe(n)
        return lijst

    #: The label of every node in the list, by id.
    ids: dict[str, str] = field(default_factory=dict)

    def voeg_toe(self, n: Naam) -> None:
        self.namen.append(n)
        self.ids[n.id] = n.label
        sleutels = {normaliseer(v) for v in varianten(n.naam)}
        for s in sleutels:
            self._index[s].append(n)

    def zoek(self, tekst: str, label: str, gemeenten: Iterable[str] = ()) -> Naam | None:
        """The node a mention of ``label`` with this text stands for, or None."""
        kandidaten = self._index.get(normaliseer(tekst), [])
        if label == r.GEBIED:
            kandidaten = [n for n in kandidaten if n.label in model.GEBIEDEN]
            gemeenten = set(gemeenten)
            if len(kandidaten) > 1 and gemeenten:
                binnen = [n for n in kandidaten if self.gemeente_van.get(n.id) in gemeenten]
                kandidaten = binnen or kandidaten
            if len({n.id for n in kandidaten}) > 1:
                for voorkeur in (model.GEMEENTE, model.WIJK):
                    hier = [n for n in kandidaten if n.label == voorkeur]
                    if hier:
                        kandidaten = hier
                        break
        else:
            kandidaten = [n for n in kandidaten if n.label in r.ACTOR_LABELS]
            zelfde = [n for n in kandidaten if n.label == label]
            kandidaten = zelfde or kandidaten
        ids = {n.id for n in kandidaten}
        return kandidaten[0] if len(ids) == 1 else None
