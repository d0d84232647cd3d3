"""Evaluation of the text pipeline on the annotated sets: precision, recall and F1 per label.

Two sets of Dutch passages written for this purpose (see ``docs/tekst.md``):
``data/ontwikkelset.jsonl``, on which the rules were tuned, and ``data/testset.jsonl``, written
after the rules were fixed and never used to tune them.

An entity counts as found when its span (begin, end) and label are exactly those of a gold
entity; a relation when its type and both spans are (either direction for WERKT_SAMEN_MET).
The pipeline runs with its gazetteer filled from the demo landscape (Gouda on the CBS 2024
geography), as it would on a graph that holds that landscape; passages about other places
test the patterns alone.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

from spacy.language import Language

from ingest.tekst.annotatie import Passage, uit_dict
from ingest.tekst.extractie import extraheer
from ingest.tekst.pijplijn import vul_gazetteer
from netwerk import model

SETS = ("ontwikkel", "test")
BESTANDEN = {"ontwikkel": "ontwikkelset.jsonl", "test": "testset.jsonl"}


def lees_set(naam: str) -> list[Passage]:
    """The passages of a set (``ontwikkel`` or ``test``)."""
    bestand = files(__package__).joinpath("data", BESTANDEN[naam])
    return [
        uit_dict(json.loads(regel))
        for regel in bestand.read_text("utf-8").splitlines()
        if regel.strip()
    ]


def vul_met_demo(nlp: Language) -> int:
    """Fill the gazetteer from the demo landscape (loaded into a temporary memory store)."""
    from ingest import demo
    from ingest.tekst.koppeling import Namenlijst
    from netwerk.stores.geheugen import MemoryStore

    store = MemoryStore()
    store.initialiseer()
    demo.importeer(store, voortgang=False)
    return vul_gazetteer(nlp, Namenlijst.uit_store(store).namen)


@dataclass
class Telling:
    goed: int = 0
    gevonden: int = 0
    gold: int = 0

    @property
    def precisie(self) -> float:
        return self.goed / self.gevonden if self.gevonden else 0.0

    @property
    def recall(self) -> float:
        return self.goed / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precisie, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def als_dict(self) -> dict[str, Any]:
        return {
            "precisie": round(self.precisie, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "goed": self.goed,
            "gevonden": self.gevonden,
            "gold": self.gold,
        }


@dataclass
class Uitslag:
    passages: int = 0
    entiteiten: dict[str, Telling] = field(default_factory=dict)
    relaties: dict[str, Telling] = field(default_factory=dict)
    fouten: list[dict[str, Any]] = field(default_factory=list)

    @staticmethod
    def _totaal(per: dict[str, Telling]) -> Telling:
        t = Telling()
        for x in per.values():
            t.goed, t.gevonden, t.gold = t.goed + x.goed, t.gevonden + x.gevonden, t.gold + x.gold
        return t

    @property
    def entiteiten_totaal(self) -> Telling:
        return self._totaal(self.entiteiten)

    @property
    def relaties_totaal(self) -> Telling:
        return self._totaal(self.relaties)

    def als_dict(self) -> dict[str, Any]:
        return {
            "passages": self.passages,
            "entiteiten": {k: v.als_dict() for k, v in sorted(self.entiteiten.items())}
            | {"totaal": self.entiteiten_totaal.als_dict()},
            "relaties": {k: v.als_dict() for k, v in sorted(self.relaties.items())}
            | {"totaal": self.relaties_totaal.als_dict()},
        }

    def tabel(self, titel: str) -> str:
        regels = [f"{titel} ({self.passages} passages)"]
        kop = f"  {'':<18}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'gevonden':>10}"
        for naam, per, totaal in (
            ("entiteiten", self.entiteiten, self.entiteiten_totaal),
            ("relaties", self.relaties, self.relaties_totaal),
        ):
            regels.append(naam)
            regels.append(kop)
            for label, t in [*sorted(per.items()), ("totaal", totaal)]:
                regels.append(
                    f"  {label:<18}{t.precisie:>7.3f}{t.recall:>7.3f}{t.f1:>7.3f}"
                    f"{t.gold:>7}{t.gevonden:>10}"
                )
        return "\n".join(regels)


def _rel_sleutel(soort: str, van: tuple[int, int], naar: tuple[int, int]) -> tuple:
    if soort == model.WERKT_SAMEN_MET:
        van, naar = sorted((van, naar))
    return (soort, van, naar)


def evalueer(nlp: Language, passages: list[Passage]) -> Uitslag:
    """Score the pipeline ``nlp`` on ``passages``."""
    uitslag = Uitslag(passages=len(passages))
    ent: dict[str, Telling] = {}
    rel: dict[str, Telling] = {}
    for p in passages:
        x = extraheer(nlp, p.tekst)
        gold_e = {(e.begin, e.eind, e.label) for e in p.entiteiten}
        gevonden_e = {(v.begin, v.eind, v.label) for v in x.vermeldingen}
        gold_r = {
            _rel_sleutel(
                t,
                (p.entiteiten[v].begin, p.entiteiten[v].eind),
                (p.entiteiten[n].begin, p.entiteiten[n].eind),
            )
            for v, t, n in p.relaties
        }
        gevonden_r = {
            _rel_sleutel(b.type, (b.van.begin, b.van.eind), (b.naar.begin, b.naar.eind))
            for b in x.beweringen
        }
        for verz, gold, gevonden, label_van in (
            (ent, gold_e, gevonden_e, lambda k: k[2]),
            (rel, gold_r, gevonden_r, lambda k: k[0]),
        ):
            for k in gold:
                verz.setdefault(label_van(k), Telling()).gold += 1
            for k in gevonden:
                t = verz.setdefault(label_van(k), Telling())
                t.gevonden += 1
                t.goed += k in gold
        mis = Counter()
        for k in gold_e - gevonden_e:
            mis["gemist"] += 1
            uitslag.fouten.append(
                {
                    "passage": p.id,
                    "soort": "gemist",
                    "entiteit": p.tekst[k[0] : k[1]],
                    "label": k[2],
                }
            )
        for k in gevonden_e - gold_e:
            uitslag.fouten.append(
                {
                    "passage": p.id,
                    "soort": "onterecht",
                    "entiteit": p.tekst[k[0] : k[1]],
                    "label": k[2],
                }
            )
        for k in gold_r - gevonden_r:
            uitslag.fouten.append(
                {
                    "passage": p.id,
                    "soort": "relatie gemist",
                    "relatie": (k[0], p.tekst[k[1][0] : k[1][1]], p.tekst[k[2][0] : k[2][1]]),
                }
            )
        for k in gevonden_r - gold_r:
            uitslag.fouten.append(
                {
                    "passage": p.id,
                    "soort": "relatie onterecht",
                    "relatie": (k[0], p.tekst[k[1][0] : k[1][1]], p.tekst[k[2][0] : k[2][1]]),
                }
            )
    uitslag.entiteiten = ent
    uitslag.relaties = rel
    return uitslag
