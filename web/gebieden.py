"""The CBS names of every gemeente, wijk and buurt (indeling 2024), for autocomplete and for
turning what someone typed ("Noord, Gouda", "wk051305", "Kort Haarlem") into a CBS code.

The index is built once per process from :func:`ingest.cbs.referentie` (about 18,000 names)
and searched in memory; a search is a scan of folded names, a few milliseconds.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from netwerk import model

SOORT_NAAM = {model.GEMEENTE: "gemeente", model.WIJK: "wijk", model.BUURT: "buurt"}
_SOORT_RANG = {model.GEMEENTE: 0, model.WIJK: 1, model.BUURT: 2}
_CODE_IN_TEKST = re.compile(r"\b(GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})\b", re.IGNORECASE)


def vouw(tekst: str) -> str:
    """Lower case, accents dropped, runs of other characters as one space.

    >>> vouw("  Kort-Haarlem, Gouda ")
    'kort haarlem gouda'
    """
    ontleed = unicodedata.normalize("NFKD", tekst)
    zonder = "".join(c for c in ontleed if not unicodedata.category(c).startswith("M"))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", zonder.lower()).split())


@dataclass(frozen=True)
class Gebied:
    code: str
    naam: str
    soort: str  # model.GEMEENTE, WIJK or BUURT
    gemeente: str  # its gemeente's code (itself for a gemeente)
    gemeentenaam: str
    wijknaam: str | None = None

    @property
    def omschrijving(self) -> str:
        """A name that says which one: ``Noord (wijk in Gouda, WK051305)``."""
        if self.soort == model.GEMEENTE:
            return f"{self.naam} (gemeente, {self.code})"
        if self.soort == model.WIJK:
            return f"{self.naam} (wijk in {self.gemeentenaam}, {self.code})"
        return f"{self.naam} (buurt in {self.wijknaam}, {self.gemeentenaam}, {self.code})"

    def als_dict(self) -> dict[str, str]:
        return {
            "code": self.code,
            "naam": self.naam,
            "soort": SOORT_NAAM[self.soort],
            "gemeente": self.gemeentenaam,
            "omschrijving": self.omschrijving,
        }


class Gebiedsindex:
    """All CBS areas by code, and a folded-name search over them."""

    def __init__(self, gebieden: list[Gebied]) -> None:
        self.per_code = {g.code: g for g in gebieden}
        # (" naam", " naam wijk gemeente code", " naam gemeente", area), folded
        self._gevouwen = [
            (
                " " + vouw(g.naam),
                " " + vouw(g.omschrijving),
                " " + vouw(f"{g.naam} {g.gemeentenaam}"),
                g,
            )
            for g in gebieden
        ]

    def __len__(self) -> int:
        return len(self.per_code)

    def get(self, code: str | None) -> Gebied | None:
        return self.per_code.get(code.upper()) if code else None

    def naam(self, code: str | None) -> str | None:
        g = self.get(code)
        return g.naam if g else None

    def zoek(self, tekst: str, *, aantal: int = 10, soorten: tuple[str, ...] = ()) -> list[Gebied]:
        """Areas whose name (or name with wijk and gemeente) matches ``tekst``, best first:
        the code itself, the exact name, a name that starts with it, a word of the name that
        starts with it, then anywhere in the description; gemeenten before wijken before
        buurten; then by name.

        >>> index = Gebiedsindex([
        ...     Gebied("GM0513", "Gouda", "Gemeente", "GM0513", "Gouda"),
        ...     Gebied("WK051305", "Noord", "Wijk", "GM0513", "Gouda"),
        ...     Gebied("WK051306", "Kort Haarlem", "Wijk", "GM0513", "Gouda")])
        >>> [g.code for g in index.zoek("haar")], [g.code for g in index.zoek("gouda")][:1]
        (['WK051306'], ['GM0513'])
        """
        q = vouw(tekst)
        if not q:
            return []
        if (g := self.get(tekst.strip())) is not None:
            return [g]
        gevonden = []
        woorden = [f" {w}" for w in q.split()]
        q = f" {q}"
        for naam, omschrijving, _, g in self._gevouwen:
            if soorten and g.soort not in soorten:
                continue
            if woorden[0] not in omschrijving:
                continue
            if naam == q:
                rang = 0
            elif naam.startswith(q):
                rang = 1
            elif q in naam:
                rang = 2
            elif all(w in omschrijving for w in woorden):
                rang = 3
            else:
                continue
            gevonden.append((rang, _SOORT_RANG[g.soort], naam, g.code, g))
        gevonden.sort(key=lambda x: x[:4])
        return [x[-1] for x in gevonden[:aantal]]

    def herken(self, tekst: str | None) -> tuple[Gebied | None, list[Gebied]]:
        """What someone typed as one area: ``(gebied, [])`` when it is clear (a CBS code in the
        text; one exact name, "name gemeente" or description; or, among several exact names,
        the one larger area), else ``(None, candidates)``.

        >>> index = Gebiedsindex([
        ...     Gebied("GM0513", "Gouda", "Gemeente", "GM0513", "Gouda"),
        ...     Gebied("WK051305", "Noord", "Wijk", "GM0513", "Gouda"),
        ...     Gebied("WK059905", "Noord", "Wijk", "GM0599", "Rotterdam")])
        >>> index.herken("Noord, Gouda")[0].code, index.herken("wk059905")[0].code
        ('WK051305', 'WK059905')
        >>> gebied, kandidaten = index.herken("noord")
        >>> gebied, [g.code for g in kandidaten]
        (None, ['WK051305', 'WK059905'])
        """
        if not tekst or not tekst.strip():
            return None, []
        if m := _CODE_IN_TEKST.search(tekst):
            g = self.get(m.group(1))
            return (g, []) if g else (None, [])
        q = " " + vouw(tekst)
        exact = sorted(
            (g for naam, oms, kort, g in self._gevouwen if q in (naam, oms, kort)),
            key=lambda g: (_SOORT_RANG[g.soort], g.code),
        )
        rangen = [_SOORT_RANG[g.soort] for g in exact]
        if exact and rangen.count(rangen[0]) == 1:
            return exact[0], []  # one exact name, or one of the largest kind (gemeente Gouda)
        return None, exact or self.zoek(tekst, aantal=10)


@cache
def index() -> Gebiedsindex:
    """The index of all CBS 2024 areas (built once per process)."""
    from ingest import cbs

    data = cbs.referentie()
    gemeenten = {g["code"]: g["naam"] for g in data["gemeenten"]}
    wijken = {w["code"]: w["naam"] for w in data["wijken"]}
    gebieden = [
        Gebied(g["code"], g["naam"], model.GEMEENTE, g["code"], g["naam"])
        for g in data["gemeenten"]
    ]
    gebieden += [
        Gebied(w["code"], w["naam"], model.WIJK, w["gemeente"], gemeenten.get(w["gemeente"], ""))
        for w in data["wijken"]
    ]
    gebieden += [
        Gebied(
            b["code"],
            b["naam"],
            model.BUURT,
            b["gemeente"],
            gemeenten.get(b["gemeente"], ""),
            wijken.get(b["wijk"]),
        )
        for b in data["buurten"]
    ]
    return Gebiedsindex(gebieden)


@cache
def onderdelen(code: str) -> tuple[str, ...]:
    """The CBS codes under an area (wijken and buurten of a gemeente, buurten of a wijk)."""
    from ingest import cbs

    data = cbs.referentie()
    if code.startswith("GM"):
        return tuple(
            [w["code"] for w in data["wijken"] if w["gemeente"] == code]
            + [b["code"] for b in data["buurten"] if b["gemeente"] == code]
        )
    if code.startswith("WK"):
        return tuple(b["code"] for b in data["buurten"] if b["wijk"] == code)
    return ()


def wijk_van(code: str | None) -> str | None:
    """The wijk an area is or lies in (None for a gemeente or an unknown code).

    >>> wijk_van("BU05130500"), wijk_van("WK051305"), wijk_van("GM0513")
    ('WK051305', 'WK051305', None)
    """
    if not code:
        return None
    code = code.upper()
    if model.CBS_PATRONEN[model.WIJK].match(code):
        return code
    if model.CBS_PATRONEN[model.BUURT].match(code):
        return "WK" + code[2:8]
    return None
