"""Taxonomy terms of a directory -> leefgebieden and doelgroepen, through a mapping table.

The table is CSV with the columns ``taxonomie,term,leefgebied,doelgroep,toelichting``. The default
ships as ``ingest/referentie/taxonomie.csv``; a user passes an extra file (``wijkgraaf ingest
hsds --taxonomie eigen.csv``) with the same columns. Rules:

- ``term`` is compared with a term's name and its code, ignoring case, accents and punctuation
  (:func:`netwerk.model.slug`); ``taxonomie`` (the vocabulary, e.g. ``targetAudience`` for ORUK
  audiences) may be empty: then the row holds for a term of any vocabulary. A row for the term's
  own vocabulary wins over a row without one.
- ``leefgebied`` and ``doelgroep`` are ids, names or aliases of the fixed vocabularies of
  :mod:`netwerk.model`; one may be empty. Several rows for one term add up.
- Rows of the user's file replace the default rows with the same (taxonomie, term); a user row
  with neither leefgebied nor doelgroep switches a default mapping off.
- Hierarchical terms (``Parents>Grandparents``, ``Zorg / Thuiszorg``): when the whole term has no
  row, each part is looked up and the results add up.

A bad row (unknown leefgebied, ...) is reported as ``file:line: field: reason`` and skipped.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from ingest.hsds.lezen import Term
from ingest.rapport import Afwijzing
from netwerk import model
from netwerk.fouten import OngeldigeInvoer

_DELEN = re.compile(r"\s*(?:>|/|\\|\|)\s*")


@dataclass
class Koppeling:
    leefgebieden: set[str] = field(default_factory=set)
    doelgroepen: set[str] = field(default_factory=set)


@dataclass
class Taxonomie:
    """The mapping table: (vocabulary slug or "", term slug) -> leefgebieden and doelgroepen."""

    regels: dict[tuple[str, str], Koppeling] = field(default_factory=dict)
    fouten: list[Afwijzing] = field(default_factory=list)

    @classmethod
    def laad(cls, extra: str | Path | None = None) -> Taxonomie:
        """The default table, with the rows of ``extra`` (a user's file) replacing its keys."""
        tax = cls()
        standaard = files("ingest").joinpath("referentie", "taxonomie.csv")
        tax._lees(standaard.read_text(encoding="utf-8"), "taxonomie.csv", vervang=False)
        if extra is not None:
            pad = Path(extra)
            try:
                tekst = pad.read_bytes().decode("utf-8-sig")
            except (OSError, UnicodeDecodeError) as e:
                raise OngeldigeInvoer(f"kan taxonomiebestand {pad} niet lezen: {e}") from e
            tax._lees(tekst, pad.name, vervang=True)
        return tax

    def _lees(self, tekst: str, naam: str, *, vervang: bool) -> None:
        lezer = csv.DictReader(io.StringIO(tekst, newline=""))
        kolommen = {(k or "").strip().lower() for k in lezer.fieldnames or []}
        if "term" not in kolommen:
            self.fouten.append(Afwijzing(f"{naam}:1", "term", "verplichte kolom ontbreekt"))
            return
        vervangen: set[tuple[str, str]] = set()
        regel = lezer.line_num + 1
        for rij in lezer:
            plaats = f"{naam}:{regel}"
            regel = lezer.line_num + 1
            rij = {(k or "").strip().lower(): (v or "").strip() for k, v in rij.items() if k}
            if not rij.get("term"):
                if any(rij.values()):
                    self.fouten.append(Afwijzing(plaats, "term", "ontbreekt"))
                continue
            sleutel = (model.slug(rij.get("taxonomie", "")), model.slug(rij["term"]))
            koppeling = Koppeling()
            try:
                if rij.get("leefgebied"):
                    koppeling.leefgebieden.add(model.leefgebied(rij["leefgebied"]))
            except OngeldigeInvoer as e:
                self.fouten.append(Afwijzing(plaats, "leefgebied", str(e)))
                continue
            try:
                if rij.get("doelgroep"):
                    koppeling.doelgroepen.add(model.doelgroep(rij["doelgroep"]))
            except OngeldigeInvoer as e:
                self.fouten.append(Afwijzing(plaats, "doelgroep", str(e)))
                continue
            if vervang and sleutel not in vervangen:
                self.regels.pop(sleutel, None)
                vervangen.add(sleutel)
            doel = self.regels.setdefault(sleutel, Koppeling())
            doel.leefgebieden |= koppeling.leefgebieden
            doel.doelgroepen |= koppeling.doelgroepen

    def _zoek(self, taxonomie: str, waarde: str) -> Koppeling | None:
        s = model.slug(waarde)
        if not s:
            return None
        return self.regels.get((taxonomie, s)) or self.regels.get(("", s))

    def koppel_term(self, term: Term) -> Koppeling | None:
        """What one term maps to, or None when the table does not know it.

        >>> tax = Taxonomie.laad()
        >>> k = tax.koppel_term(Term("Low Income>Unemployed", taxonomie="targetAudience"))
        >>> sorted(k.leefgebieden), sorted(k.doelgroepen)
        (['financien', 'werk-en-opleiding'], [])
        """
        taxonomie = model.slug(term.taxonomie or "")
        for waarde in (term.naam, term.code):
            if waarde and (k := self._zoek(taxonomie, waarde)) is not None:
                return k
        delen = [d for d in _DELEN.split(term.naam) if d]
        if len(delen) < 2:
            return None
        gevonden = [k for d in delen if (k := self._zoek(taxonomie, d)) is not None]
        if not gevonden:
            return None
        samen = Koppeling()
        for k in gevonden:
            samen.leefgebieden |= k.leefgebieden
            samen.doelgroepen |= k.doelgroepen
        return samen

    def koppel(self, termen: Iterable[Term]) -> tuple[set[str], set[str], list[str]]:
        """Leefgebieden, doelgroepen, and the names of terms without a row."""
        leefgebieden: set[str] = set()
        doelgroepen: set[str] = set()
        onbekend: list[str] = []
        for term in termen:
            k = self.koppel_term(term)
            if k is None:
                onbekend.append(term.naam)
            else:
                leefgebieden |= k.leefgebieden
                doelgroepen |= k.doelgroepen
        return leefgebieden, doelgroepen, onbekend
