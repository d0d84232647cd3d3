"""Service areas and locations -> CBS areas (indeling 2024), by name only for now.

Rules, in order (names compared with :func:`netwerk.model.slug`, so case, accents and
punctuation do not matter; ``Gemeente Gouda`` counts as ``Gouda``):

1. a name that *is* a CBS code (``GM0513``, ``WK051305``, ``BU05130500``) is that area;
2. a name equal to a gemeente name is that gemeente (also ``Den Haag``, ``Den Bosch``);
3. ``<wijk or buurt>, <gemeente>`` (also ``<gemeente> - <wijk>``, ``<wijk> (<gemeente>)``,
   ``<wijk> / <gemeente>``) is that wijk or buurt of that gemeente;
4. a bare wijk or buurt name counts only inside a gemeente the same service already names
   (another service area, or the city of one of its locations): ``Westergouwe`` next to
   ``Gouda``; also when the name is a gemeente too (``Bloemendaal`` next to ``Gouda`` is the
   Gouda wijk). A name that fits several wijken/buurten of that gemeente is left alone.

Service areas come first; a location's address city (rule 2, or rule 4 with the location's
name) is used only when the service names no area that matched, and never for an address
whose country is given and is not the Netherlands. Coordinates are not used yet (a
point-in-polygon assigner is planned); they are counted in the report.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ingest.hsds.lezen import Dienst
from netwerk import model

#: Everyday names of gemeenten whose CBS name differs.
ALIASSEN = {"den-haag": "'s-Gravenhage", "den-bosch": "'s-Hertogenbosch"}
NEDERLAND = {"nl", "nld", "nederland", "netherlands", "the-netherlands", "holland"}
_SCHEIDING = re.compile(r"\s*(?:,|\s-\s|\(|\)|/|\s–\s)\s*")


def _naam(tekst: str) -> str:
    s = model.slug(tekst)
    return s.removeprefix("gemeente-") if s.startswith("gemeente-") else s


@dataclass
class Gebiedenkaart:
    """Name lookups over the CBS reference (``ingest.cbs.referentie()``)."""

    gemeenten: dict[str, str] = field(default_factory=dict)  # name slug -> GM code
    namen: dict[str, str] = field(default_factory=dict)  # code -> name
    binnen: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (GM, slug) -> codes

    @classmethod
    def uit_referentie(cls, data: dict[str, Any]) -> Gebiedenkaart:
        kaart = cls()
        binnen: dict[tuple[str, str], list[str]] = defaultdict(list)
        for g in data["gemeenten"]:
            kaart.gemeenten[_naam(g["naam"])] = g["code"]
            kaart.namen[g["code"]] = g["naam"]
        for alias, officieel in ALIASSEN.items():
            if _naam(officieel) in kaart.gemeenten:
                kaart.gemeenten.setdefault(alias, kaart.gemeenten[_naam(officieel)])
        for soort in ("wijken", "buurten"):
            for x in data[soort]:
                kaart.namen[x["code"]] = x["naam"]
                binnen[(x["gemeente"], _naam(x["naam"]))].append(x["code"])
        kaart.binnen = dict(binnen)
        return kaart

    def _in_gemeente(self, gemeente: str, naam: str) -> str | None:
        codes = self.binnen.get((gemeente, _naam(naam)), [])
        wijken = [c for c in codes if c.startswith("WK")]
        if len(wijken) == 1:  # a wijk and its one buurt often share a name: the wijk
            return wijken[0]
        return codes[0] if len(codes) == 1 else None

    def _los(self, naam: str) -> tuple[str | None, list[str]]:
        """The area of one name on its own (rules 1-3), and gemeenten it mentions."""
        kaal = naam.strip()
        if model.gebied_label(kaal.upper()) and kaal.upper() in self.namen:
            return kaal.upper(), []
        s = _naam(kaal)
        if s in self.gemeenten:
            return self.gemeenten[s], [self.gemeenten[s]]
        delen = [d for d in _SCHEIDING.split(kaal) if d]
        if len(delen) >= 2:
            gemeenten = [self.gemeenten[_naam(d)] for d in delen if _naam(d) in self.gemeenten]
            for gm in gemeenten:
                for d in delen:
                    if _naam(d) != _naam(self.namen[gm]) and (c := self._in_gemeente(gm, d)):
                        return c, gemeenten
            return None, gemeenten
        return None, []

    def _namen(self, namen: Iterable[str]) -> dict[str, str]:
        """code -> the source's name, for a group of names (rules 1-4)."""
        gevonden: dict[str, str] = {}
        kontekst: list[str] = []
        open_: list[str] = []
        los = [(naam, *self._los(naam)) for naam in namen]
        for _, code, gemeenten in los:
            kontekst += gemeenten + ([f"GM{code[2:6]}"] if code else [])
        for naam, code, _ in los:
            if code and code.startswith("GM"):
                # a gemeente's name that is also a wijk/buurt of another gemeente named here
                # ("Bloemendaal" next to "Gouda") is that wijk/buurt
                anders = [gm for gm in dict.fromkeys(kontekst) if gm != code]
                code = next((c for gm in anders if (c := self._in_gemeente(gm, naam))), code)
            if code:
                gevonden.setdefault(code, naam)
            else:
                open_.append(naam)
        for naam in open_:
            for gm in dict.fromkeys(kontekst):
                if code := self._in_gemeente(gm, naam):
                    gevonden.setdefault(code, naam)
                    break
        return gevonden

    def voor_dienst(self, dienst: Dienst) -> dict[str, str]:
        """The CBS areas (code -> the source's name) a service is active in, by the rules."""
        gevonden = self._namen(dienst.gebieden)
        if gevonden:
            return gevonden
        namen: list[str] = []
        for loc in dienst.locaties:
            if loc.land and model.slug(loc.land) not in NEDERLAND:
                continue
            namen += [n for n in (loc.plaats, loc.naam) if n]
        return self._namen(namen)
