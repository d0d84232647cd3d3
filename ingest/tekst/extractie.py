"""From a document's text to mentions and statements with character offsets (no store here).

The text is cut into blocks (paragraphs; a short line without a full stop, such as a heading,
is a block of its own), each run through the pipeline with ``nlp.pipe``; offsets are shifted
back to the whole document, so ``tekst[begin:eind]`` is always what was found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language

#: A block longer than this is cut at sentence ends (spaCy's own limit is far higher).
MAX_BLOK = 100_000


@dataclass(frozen=True)
class Vermelding:
    """An entity mention: label, text and offsets, the sentence it is in, and what the rules
    know of it (``sleutel``: a node id, leefgebied id or ``doelgroep:<id>``, else "")."""

    label: str
    tekst: str
    begin: int
    eind: int
    zin_begin: int
    zin_eind: int
    vertrouwen: float
    regel: str
    sleutel: str = ""


@dataclass(frozen=True)
class Bewering:
    """A relation stated in one sentence, between two mentions."""

    type: str
    van: Vermelding
    naar: Vermelding
    vertrouwen: float
    trigger: str
    zin_begin: int
    zin_eind: int


@dataclass(frozen=True)
class Extractie:
    tekst: str
    vermeldingen: tuple[Vermelding, ...]
    beweringen: tuple[Bewering, ...]

    def fragment(self, begin: int, eind: int) -> str:
        return self.tekst[begin:eind]


_KOP = re.compile(r"^[^\n]{1,80}$")


def blokken(tekst: str) -> Iterator[tuple[int, str]]:
    """The blocks of a text with their offsets; newlines inside a block become spaces (so
    offsets stay the same).

    >>> [b for _, b in blokken("Kop\\nEen zin die doorloopt\\nop de volgende regel.\\n\\nNog een.")]
    ['Kop', 'Een zin die doorloopt op de volgende regel.', 'Nog een.']
    """
    for m in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", tekst):
        blok, start = m.group(), m.start()
        regels = blok.split("\n")
        # a first short line that does not end a sentence is a heading of its own
        if (
            len(regels) > 1
            and _KOP.match(regels[0])
            and not regels[0].rstrip().endswith((".", ",", ";", ":", "-"))
            and len(regels[0]) < 60
            and regels[1][:1].isupper()
        ):
            kop = regels[0]
            if kop.strip():
                yield start + (len(kop) - len(kop.lstrip())), kop.strip()
            start += len(kop) + 1
            blok = "\n".join(regels[1:])
        for deel_start, deel in _knip(blok):
            schoon = deel.replace("\n", " ")
            links = len(schoon) - len(schoon.lstrip())
            if schoon.strip():
                yield start + deel_start + links, schoon.strip()


def _knip(blok: str) -> Iterator[tuple[int, str]]:
    if len(blok) <= MAX_BLOK:
        yield 0, blok
        return
    start = 0
    while start < len(blok):
        eind = min(len(blok), start + MAX_BLOK)
        if eind < len(blok):
            punt = blok.rfind(". ", start, eind)
            eind = punt + 1 if punt > start else eind
        yield start, blok[start:eind]
        start = eind


def extraheer(nlp: Language, tekst: str) -> Extractie:
    """Run the pipeline over ``tekst``; mentions and statements with document offsets."""
    stukken = list(blokken(tekst))
    vermeldingen: list[Vermelding] = []
    beweringen: list[Bewering] = []
    for (start, _), doc in zip(stukken, nlp.pipe(b for _, b in stukken), strict=True):
        per_span: dict[tuple[int, int], Vermelding] = {}
        for e in doc.ents:
            zin = e.sent
            v = Vermelding(
                label=e.label_,
                tekst=e.text,
                begin=start + e.start_char,
                eind=start + e.end_char,
                zin_begin=start + zin.start_char,
                zin_eind=start + zin.end_char,
                vertrouwen=float(e._.vertrouwen or 0.8),
                regel=e._.regel or "",
                sleutel=e.kb_id_,
            )
            per_span[(e.start, e.end)] = v
            vermeldingen.append(v)
        for b in doc._.relaties or []:
            zin = b.van.sent
            beweringen.append(
                Bewering(
                    type=b.type,
                    van=per_span[(b.van.start, b.van.end)],
                    naar=per_span[(b.naar.start, b.naar.end)],
                    vertrouwen=float(b.vertrouwen),
                    trigger=b.trigger.text,
                    zin_begin=start + zin.start_char,
                    zin_eind=start + zin.end_char,
                )
            )
    return Extractie(tekst, tuple(vermeldingen), tuple(beweringen))
