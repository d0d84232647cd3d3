"""Text as a source of the graph: read documents, extract, and write what was found as
proposals (``Voorstel`` nodes) for review. Nothing found in a text becomes a fact without a
person's decision (see :mod:`ingest.tekst.beoordeling`).

Per document:

- a ``Bron`` (soort ``tekst``, naam = the file name, datum = the document's date when known),
  keyed by the hash of the text, so the same text read again is the same source;
- for every actor mention whose name the graph does not have: a knoop-proposal (the first
  mention's sentence as fragment);
- for every statement whose ends are known or proposed: a relatie-proposal;
- each proposal ``GENOEMD_IN`` the Bron and ``BETREFT`` the existing nodes it links.

Proposal ids are derived from the text's hash and what they say (label and normalised name of
the ends, not the node ids they were linked to), so a re-run of the same document finds the
same proposals and keeps their decisions: an existing proposal is never written again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from tqdm import tqdm

from ingest.rapport import schrijf
from ingest.tekst import regels as r
from ingest.tekst.beoordeling import GEACCEPTEERD, KNOOP, RELATIE, VOORGESTELD
from ingest.tekst.extractie import Extractie, Vermelding, extraheer
from ingest.tekst.koppeling import Namenlijst, normaliseer
from ingest.tekst.lezen import Document, Onleesbaar, lees_document
from ingest.tekst.pijplijn import DOELGROEP_VOORVOEGSEL, Naam, laad_nlp, vul_gazetteer
from netwerk import model
from netwerk.model import Knoop, Relatie
from netwerk.stores.basis import GraphStore


@dataclass
class Samenvatting:
    """What one document gave: counts of mentions per label, proposals new and known."""

    naam: str
    bron: str | None = None
    datum: str | None = None
    soort: str | None = None
    fout: str | None = None
    vermeldingen: Counter[str] = field(default_factory=Counter)
    gekoppeld: int = 0
    nieuwe_knopen: int = 0
    nieuwe_relaties: int = 0
    al_bekend: int = 0
    al_besloten: int = 0
    niet_gekoppeld: list[str] = field(default_factory=list)

    def regels(self) -> list[str]:
        if self.fout:
            return [f"{self.naam}: {self.fout}"]
        gevonden = ", ".join(f"{n} {lab}" for lab, n in sorted(self.vermeldingen.items()))
        uit = [
            f"{self.naam} ({self.soort}, datum {self.datum or 'onbekend'}, bron {self.bron}): "
            f"gevonden {gevonden or 'niets'}; {self.gekoppeld} gekoppeld aan de graaf",
            f"  voorstellen: {self.nieuwe_knopen} nieuwe knopen, {self.nieuwe_relaties} relaties"
            f"; al bekend van een eerdere keer: {self.al_bekend} (waarvan {self.al_besloten} "
            "besloten)",
        ]
        if self.niet_gekoppeld:
            uit.append("  niet in de graaf (geen voorstel): " + ", ".join(self.niet_gekoppeld))
        return uit


def bron_id(doc: Document) -> str:
    return f"tekst-{doc.inhoud_hash[:16]}"


def _hash(*delen: str) -> str:
    return "vs-" + hashlib.sha256("|".join(delen).encode("utf-8")).hexdigest()[:24]


def _sleutel(v: Vermelding) -> str:
    """What a mention stands for, independent of linking (stable over re-runs)."""
    if v.label == r.LEEFGEBIED or v.label == r.DOELGROEP:
        return f"{v.label}:{v.sleutel}"
    return f"{v.label}:{normaliseer(v.tekst)}"


def _naam_van(v: Vermelding) -> str:
    tekst = " ".join(v.tekst.split())
    return tekst[:1].upper() + tekst[1:]


def voorstellen_voor(
    doc: Document,
    extractie: Extractie,
    namen: Namenlijst,
    *,
    bestaand: dict[str, str],
    datum: str,
) -> tuple[list[Knoop], list[Relatie], Samenvatting]:
    """The Bron, proposals and their relationships for one document. ``bestaand`` maps the
    ids of proposals already in the store to their status; those are not written again."""
    s = Samenvatting(doc.naam, soort=doc.soort, datum=doc.datum)
    bron = bron_id(doc)
    s.bron = bron
    knopen: list[Knoop] = [
        Knoop(model.BRON, bron, {"naam": doc.naam, "soort": "tekst", "datum": doc.datum})
    ]
    relaties: list[Relatie] = []
    h = doc.inhoud_hash
    gemeenten = set()
    for v in extractie.vermeldingen:
        if v.label == r.GEBIED:
            n = namen.zoek(v.tekst, v.label)
            if n is not None and n.label == model.GEMEENTE:
                gemeenten.add(n.id)

    eind_van: dict[tuple[int, int], str | None] = {}
    nieuw_ids: set[str] = set()

    def noteer(vs_id: str, eig: dict, betreft: Iterable[str], nieuw: bool) -> None:
        if vs_id in nieuw_ids:
            return
        nieuw_ids.add(vs_id)
        if vs_id in bestaand:
            s.al_bekend += 1
            s.al_besloten += bestaand[vs_id] != VOORGESTELD
            return
        if nieuw:
            knopen.append(Knoop(model.VOORSTEL, vs_id, {**eig, "status": VOORGESTELD}))
            relaties.append(Relatie(vs_id, model.GENOEMD_IN, bron, bron, datum))
            for b in sorted(set(betreft)):
                relaties.append(Relatie(vs_id, model.BETREFT, b, bron, datum))

    for v in extractie.vermeldingen:
        s.vermeldingen[v.label] += 1
        if v.label == r.LEEFGEBIED:
            eind_van[(v.begin, v.eind)] = v.sleutel or None
            continue
        if v.label == r.DOELGROEP:
            eind_van[(v.begin, v.eind)] = v.sleutel or None
            continue
        gevonden: Naam | None = None
        if v.sleutel and v.label != r.GEBIED:
            gevonden = Naam(v.label, v.tekst, v.sleutel)
        elif v.sleutel and v.sleutel in namen.ids:
            gevonden = Naam(namen.ids[v.sleutel], v.tekst, v.sleutel)
        if gevonden is None:
            gevonden = namen.zoek(v.tekst, v.label, gemeenten)
        if gevonden is not None:
            s.gekoppeld += 1
            eind_van[(v.begin, v.eind)] = gevonden.id
            continue
        if v.label == r.GEBIED:
            # areas are never invented: an unknown area is only reported
            eind_van[(v.begin, v.eind)] = None
            if v.tekst not in s.niet_gekoppeld:
                s.niet_gekoppeld.append(v.tekst)
            continue
        vs_id = _hash(h, KNOOP, _sleutel(v))
        eind_van[(v.begin, v.eind)] = vs_id
        if vs_id not in nieuw_ids and vs_id not in bestaand:
            s.nieuwe_knopen += 1
        noteer(
            vs_id,
            {
                "soort": KNOOP,
                # the proposed node's label goes in ``type``: a property named ``label``
                # would clash with the stores' own label field (see knooplabel())
                "type": v.label,
                "naam": _naam_van(v),
                "vertrouwen": round(v.vertrouwen, 3),
                "fragment": extractie.fragment(v.zin_begin, v.zin_eind),
                "document": bron,
                "begin": v.zin_begin,
                "eind": v.zin_eind,
            },
            [],
            True,
        )

    for b in extractie.beweringen:
        van = eind_van.get((b.van.begin, b.van.eind))
        naar = eind_van.get((b.naar.begin, b.naar.eind))
        if not van or not naar:
            continue
        sleutels = [_sleutel(b.van), _sleutel(b.naar)]
        if b.type == model.WERKT_SAMEN_MET:
            sleutels.sort()
        vs_id = _hash(h, RELATIE, b.type, *sleutels)
        if vs_id not in nieuw_ids and vs_id not in bestaand:
            s.nieuwe_relaties += 1
        betreft = [x for x in (van, naar) if not x.startswith(("vs-", DOELGROEP_VOORVOEGSEL))]
        noteer(
            vs_id,
            {
                "soort": RELATIE,
                "type": b.type,
                "van": van,
                "naar": naar,
                "vertrouwen": round(b.vertrouwen, 3),
                "fragment": extractie.fragment(b.zin_begin, b.zin_eind),
                "document": bron,
                "begin": b.zin_begin,
                "eind": b.zin_eind,
            },
            betreft,
            True,
        )
    return knopen, relaties, s


def _bestaande_voorstellen(store: GraphStore) -> dict[str, str]:
    uit = {}
    for rec in store.export():
        k = rec.get("knoop")
        if k is None:
            break
        if k["label"] == model.VOORSTEL:
            uit[k["id"]] = k.get("status", VOORGESTELD)
    return uit


def importeer(
    store: GraphStore,
    paden: Iterable[str | Path],
    *,
    nlp: Language | None = None,
    datum: str | None = None,
    voortgang: bool | None = None,
) -> list[Samenvatting]:
    """Read documents, extract, and write proposals to ``store``; a summary per document.

    ``nlp`` is the loaded pipeline (:func:`~ingest.tekst.pijplijn.laad_nlp`); its gazetteer is
    filled with the names in ``store``. A document that cannot be read gives a summary with
    ``fout`` set and no facts.
    """
    store.initialiseer()
    datum = model.datum(datum) if datum else dt.date.today().isoformat()
    namen = Namenlijst.uit_store(store)
    if nlp is None:
        nlp = laad_nlp()
    vul_gazetteer(nlp, namen.namen)
    bestaand = _bestaande_voorstellen(store)
    paden = list(paden)
    uit: list[Samenvatting] = []
    with tqdm(total=len(paden), desc="tekst", unit="document", disable=_uit(voortgang)) as balk:
        for pad in paden:
            naam = Path(pad).name
            try:
                doc = lees_document(pad)
            except Onleesbaar as e:
                uit.append(Samenvatting(naam, fout=str(e).removeprefix(f"{naam}: ")))
                balk.update(1)
                continue
            extractie = extraheer(nlp, doc.tekst)
            knopen, relaties, samenvatting = voorstellen_voor(
                doc, extractie, namen, bestaand=bestaand, datum=datum
            )
            schrijf(store, knopen, relaties, voortgang=False)
            for k in knopen:
                if k.label == model.VOORSTEL:
                    bestaand[k.id] = VOORGESTELD
            uit.append(samenvatting)
            balk.update(1)
    return uit


def _uit(voortgang: bool | None) -> bool | None:
    return None if voortgang is None else not voortgang


__all__ = ["GEACCEPTEERD", "Samenvatting", "importeer", "voorstellen_voor"]
