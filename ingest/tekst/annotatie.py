"""Annotated passages: the markup they are written in and the gold spans they hold.

A passage is written with its entities marked ``[tekst](Label)`` or, when a relation refers
to it, ``[tekst](Label#ref)``; relations are written ``"ref TYPE ref"``. From that come the
plain text, the entity spans (character offsets) and the relations, as stored in the sets
``data/ontwikkelset.jsonl`` and ``data/testset.jsonl`` (one JSON object a line, with the
markup kept beside the spans so a reader can check them).

>>> p = passage("x", "[Buurtteam Noord](Team#a) werkt samen met [VNG](Organisatie#b).",
...             ["a WERKT_SAMEN_MET b"])
>>> p.tekst
'Buurtteam Noord werkt samen met VNG.'
>>> [(e.begin, e.eind, e.label) for e in p.entiteiten], p.relaties
([(0, 15, 'Team'), (32, 35, 'Organisatie')], ((0, 'WERKT_SAMEN_MET', 1),))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ingest.tekst.regels import ENTITEIT_LABELS
from netwerk import model
from netwerk.fouten import OngeldigeInvoer

_MARKERING = re.compile(r"\[([^\[\]]+)\]\(([A-Za-z]+)(?:#([A-Za-z0-9_]+))?\)")
#: The relation types annotated (the types text extraction proposes).
RELATIE_TYPES = (
    model.WERKT_SAMEN_MET,
    model.VERWIJST_NAAR,
    model.ONDERDEEL_VAN,
    model.WERKT_IN,
    model.ACTIEF_IN,
    model.RICHT_ZICH_OP,
)


@dataclass(frozen=True)
class Entiteit:
    begin: int
    eind: int
    label: str
    tekst: str


@dataclass(frozen=True)
class Passage:
    id: str
    tekst: str
    entiteiten: tuple[Entiteit, ...]
    relaties: tuple[tuple[int, str, int], ...]  # (index van, type, index naar)
    markering: str = ""
    bron: str = ""

    def als_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "bron": self.bron,
            "tekst": self.tekst,
            "markering": self.markering,
            "entiteiten": [
                {"begin": e.begin, "eind": e.eind, "label": e.label, "tekst": e.tekst}
                for e in self.entiteiten
            ],
            "relaties": [{"van": v, "type": t, "naar": n} for v, t, n in self.relaties],
        }


def passage(id_: str, markering: str, relaties: list[str] = (), bron: str = "") -> Passage:
    """A passage from its markup and relations (``"ref TYPE ref"``); raises OngeldigeInvoer
    for an unknown label, type or reference."""
    delen, entiteiten, refs = [], [], {}
    positie, lengte = 0, 0
    for m in _MARKERING.finditer(markering):
        delen.append(markering[positie : m.start()])
        lengte += m.start() - positie
        tekst, label, ref = m.group(1), m.group(2), m.group(3)
        if label not in ENTITEIT_LABELS:
            raise OngeldigeInvoer(f"{id_}: onbekend label {label!r}")
        if ref:
            if ref in refs:
                raise OngeldigeInvoer(f"{id_}: verwijzing {ref!r} komt twee keer voor")
            refs[ref] = len(entiteiten)
        entiteiten.append(Entiteit(lengte, lengte + len(tekst), label, tekst))
        delen.append(tekst)
        lengte += len(tekst)
        positie = m.end()
    delen.append(markering[positie:])
    tekst = "".join(delen)
    if "[" in tekst and "](" in tekst:
        raise OngeldigeInvoer(f"{id_}: onvolledige markering in {tekst!r}")
    rel = []
    for r in relaties:
        try:
            a, soort, b = r.split()
        except ValueError:
            raise OngeldigeInvoer(f"{id_}: relatie {r!r} is geen 'ref TYPE ref'") from None
        if soort not in RELATIE_TYPES:
            raise OngeldigeInvoer(f"{id_}: onbekend relatietype {soort!r}")
        if a not in refs or b not in refs:
            raise OngeldigeInvoer(f"{id_}: onbekende verwijzing in {r!r}")
        rel.append((refs[a], soort, refs[b]))
    return Passage(id_, tekst, tuple(entiteiten), tuple(rel), markering, bron)


def uit_dict(d: dict[str, Any]) -> Passage:
    """A passage from a line of a set; the spans must match the text."""
    tekst = d["tekst"]
    entiteiten = tuple(
        Entiteit(e["begin"], e["eind"], e["label"], e["tekst"]) for e in d["entiteiten"]
    )
    for e in entiteiten:
        if tekst[e.begin : e.eind] != e.tekst or e.label not in ENTITEIT_LABELS:
            raise OngeldigeInvoer(f"{d['id']}: span {e} past niet bij de tekst")
    relaties = tuple((r["van"], r["type"], r["naar"]) for r in d["relaties"])
    for v, t, n in relaties:
        if t not in RELATIE_TYPES or not (0 <= v < len(entiteiten) and 0 <= n < len(entiteiten)):
            raise OngeldigeInvoer(f"{d['id']}: relatie {(v, t, n)} is ongeldig")
    return Passage(d["id"], tekst, entiteiten, relaties, d.get("markering", ""), d.get("bron", ""))
