"""Open Referral directories (HSDS 3.0 JSON and tabular, HSDS 1.1/2.0 tabular, ORUK v1/v2)
into the graph: read (:mod:`ingest.hsds.lezen`) -> validate -> records -> store.

Mapping (documented in ``docs/bronnen.md``):

- organization -> ``Organisatie`` (naam; website; kvk from an organization identifier with scheme
  NL-KVK), resolved against the Organisaties already in the graph (:mod:`ingest.ontdubbel`);
- service -> ``Aanbod`` (naam; omschrijving as plain text; contact = e-mail, phone numbers and URL
  joined by ``; ``; doelgroepen) with ``BIEDT_AAN`` from its organisation;
- taxonomy terms -> ``RICHT_ZICH_OP`` leefgebieden and doelgroepen through the mapping table
  (:mod:`ingest.hsds.taxonomie`), ages -> doelgroepen (maximum_age <= 18: jeugd; minimum_age >= 65:
  ouderen);
- service_area / location names -> ``ACTIEF_IN`` CBS areas by name (:mod:`ingest.hsds.gebieden`),
  only to areas already in the graph.

Node keys: a record whose id is a UUID keeps it as node key (HSDS ids are meant to be globally
unique, so the same record arriving twice lands on one node); any other id becomes a UUID derived
from (bron, kind, id) (:func:`eigen_id`). So the HSDS feed can serve every imported record with a
UUID, as HSDS asks.

Provenance and freshness: every node gets ``GENOEMD_IN`` its Bron with ``record`` (the id in the
source), ``bevestigd: true`` and for services the source's ``status``; every relationship carries
the bron and ``bevestigd_op``. A re-import of the same Bron marks what the new version no longer
holds: ``bevestigd: false`` and ``niet_meer_in_bron_sinds`` on the GENOEMD_IN and on that source's
relationships (a record that is still there but now lands on another node, after a decision
of ``wijkgraaf ontdubbel``, gets ``verplaatst_naar`` instead); nothing is deleted. Re-running the
same file changes no counts.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest import cbs, ontdubbel
from ingest.hsds.gebieden import Gebiedenkaart
from ingest.hsds.lezen import Bundel, Dienst, Organisatie, lees
from ingest.hsds.taxonomie import Taxonomie
from ingest.rapport import Afwijzing, Rapport, schrijf
from netwerk import model
from netwerk.fouten import OngeldigeInvoer
from netwerk.model import Knoop, Relatie
from netwerk.stores.basis import GraphStore

__all__ = ["BronRapport", "HsdsRapport", "eigen_id", "importeer", "lees"]

#: Namespace of the UUIDs Wijkgraaf derives for records whose own id is not a UUID.
NAAMRUIMTE = uuid.uuid5(uuid.NAMESPACE_URL, "https://wijkgraaf.nl/hsds")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
HSDS_STATUS = ("active", "inactive", "defunct", "temporarily closed")


def is_uuid(waarde: str) -> bool:
    return bool(_UUID.match(waarde))


def eigen_id(bron: str, soort: str, record: str) -> str:
    """The node key of a record: its own id when that is a UUID, else a UUID derived from the
    bron, the kind (``organization``, ``service``) and the id.

    >>> eigen_id("x", "service", "AC148810-D857-441C-9679-408F346DE14B")
    'ac148810-d857-441c-9679-408f346de14b'
    >>> eigen_id("a", "service", "17") != eigen_id("b", "service", "17")
    True
    """
    if is_uuid(record):
        return record.lower()
    return str(uuid.uuid5(NAAMRUIMTE, f"{bron}/{soort}/{record}"))


def bron_id_voor(pad: Path) -> str:
    """The default Bron id of a path: ``hsds-`` and the slug of the file or folder name."""
    naam = (
        pad.parent.name
        if pad.name == "datapackage.json"
        else pad.stem
        if pad.is_file()
        else pad.name
    )
    return "hsds-" + (model.slug(naam) or "bron")


# --- the report ----------------------------------------------------------------------------


@dataclass
class BronRapport:
    """The closing counts of one Bron."""

    bron: str
    paden: list[str]
    formaten: list[str]
    organisaties: int = 0
    samengevoegd: int = 0
    diensten: int = 0
    afgewezen: int = 0
    voorstellen_open: int = 0
    niet_meer_in_bron: int = 0
    zonder_gebied: int = 0
    zonder_organisatie: int = 0
    met_coordinaten: int = 0
    genegeerd: Counter[str] = field(default_factory=Counter)
    termen_zonder_koppeling: Counter[str] = field(default_factory=Counter)

    def regel(self) -> str:
        delen = [
            f"{self.organisaties} organisaties "
            f"({self.samengevoegd} samengevoegd met een bestaande)",
            f"{self.diensten} diensten",
            f"{self.afgewezen} afgewezen",
            f"{self.voorstellen_open} open voorstellen tot samenvoegen",
            f"{self.niet_meer_in_bron} niet meer in de bron",
            f"{self.zonder_gebied} diensten zonder Nederlands gebied",
        ]
        if self.zonder_organisatie:
            delen.append(f"{self.zonder_organisatie} diensten zonder organisatie")
        if self.met_coordinaten:
            delen.append(f"{self.met_coordinaten} locaties met coördinaten (nog niet toegewezen)")
        if self.genegeerd:
            delen.append(
                "genegeerd: " + ", ".join(f"{n} {s}" for s, n in sorted(self.genegeerd.items()))
            )
        uit = f"bron {self.bron} ({', '.join(sorted(set(self.formaten)))}): " + "; ".join(delen)
        if self.termen_zonder_koppeling:
            top = ", ".join(t for t, _ in self.termen_zonder_koppeling.most_common(8))
            uit += (
                f"\n  termen zonder koppeling ({len(self.termen_zonder_koppeling)}): {top}"
                " — vul aan met --taxonomie"
            )
        return uit

    def als_dict(self) -> dict[str, Any]:
        return {
            "bron": self.bron,
            "paden": self.paden,
            "formaten": sorted(set(self.formaten)),
            "organisaties": self.organisaties,
            "samengevoegd": self.samengevoegd,
            "diensten": self.diensten,
            "afgewezen": self.afgewezen,
            "voorstellen_open": self.voorstellen_open,
            "niet_meer_in_bron": self.niet_meer_in_bron,
            "zonder_gebied": self.zonder_gebied,
            "zonder_organisatie": self.zonder_organisatie,
            "met_coordinaten": self.met_coordinaten,
            "genegeerd": dict(sorted(self.genegeerd.items())),
            "termen_zonder_koppeling": dict(sorted(self.termen_zonder_koppeling.items())),
        }


@dataclass
class HsdsRapport(Rapport):
    """The report of ``wijkgraaf ingest hsds``: rejected records, warnings (references that
    could not be followed; the record itself loaded), and per Bron the closing counts."""

    waarschuwingen: list[Afwijzing] = field(default_factory=list)
    bronnen: list[BronRapport] = field(default_factory=list)

    def regels(self) -> list[str]:
        uit = [str(a) for a in self.afgewezen]
        uit += [f"waarschuwing: {w}" for w in self.waarschuwingen]
        uit += [b.regel() for b in self.bronnen]
        org = sum(b.organisaties for b in self.bronnen)
        dienst = sum(b.diensten for b in self.bronnen)
        uit.append(
            f"geladen: {org} organisaties, {dienst} diensten uit {len(self.bronnen)} bron(nen); "
            f"afgewezen: {len(self.afgewezen)}"
        )
        return uit

    def als_dict(self) -> dict[str, Any]:
        return {
            **super().als_dict(),
            "waarschuwingen": [
                {"plaats": a.plaats, "veld": a.veld, "reden": a.reden} for a in self.waarschuwingen
            ],
            "bronnen": [b.als_dict() for b in self.bronnen],
        }


# --- loading -------------------------------------------------------------------------------


def _contact(d: Dienst) -> str | None:
    delen = [x for x in (d.email, *d.telefoon, d.url) if x]
    return "; ".join(dict.fromkeys(delen)) or None


def _website(waarde: str | None) -> str | None:
    """A website as a URI: ``www.x.nl`` becomes ``https://www.x.nl``; junk is dropped."""
    if not waarde or " " in waarde.strip() or ontdubbel.domein(waarde) is None:
        return None
    w = waarde.strip()
    return w if "://" in w else "https://" + w


def _leeftijd_doelgroepen(d: Dienst) -> set[str]:
    uit = set()
    if d.max_leeftijd is not None and 0 < d.max_leeftijd <= 18:
        uit.add("jeugd")
    if d.min_leeftijd is not None and d.min_leeftijd >= 65:
        uit.add("ouderen")
    return uit


@dataclass
class _Lader:
    """Turns the bundles of one Bron into nodes and relationships."""

    store: GraphStore
    bron: str
    bron_naam: str
    datum: str
    taxonomie: Taxonomie
    gebieden: Gebiedenkaart
    drempel: float
    rapport: HsdsRapport
    voortgang: bool | None = None
    org_knopen: set[str] = field(default_factory=set)
    knopen: list[Knoop] = field(default_factory=list)
    relaties: list[Relatie] = field(default_factory=list)
    vermeld: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # (node, label) -> ids
    dienst_status: dict[str, str] = field(default_factory=dict)

    def laad(self, bundels: list[Bundel], paden: list[str]) -> BronRapport:
        br = BronRapport(self.bron, paden, [b.formaat for b in bundels])
        organisaties: dict[str, Organisatie] = {}
        diensten: dict[str, Dienst] = {}
        for b in bundels:
            self.rapport.afgewezen.extend(b.afgewezen)
            self.rapport.waarschuwingen.extend(b.waarschuwingen)
            br.afgewezen += len(b.afgewezen)
            br.genegeerd.update(b.genegeerd)
            for o in b.organisaties.values():
                organisaties.setdefault(o.id, o)
            for d in b.diensten.values():
                if d.id in diensten:
                    fout = Afwijzing(d.plaats, "id", f"dubbel (ook in {diensten[d.id].plaats})")
                    self.rapport.afgewezen.append(fout)
                    br.afgewezen += 1
                else:
                    diensten[d.id] = d

        stand = self.store.vraag("hsds_stand", bron=self.bron)
        eigen_org = {o: eigen_id(self.bron, "organization", o) for o in organisaties}
        eigen_dienst = {d: eigen_id(self.bron, "service", d) for d in diensten}
        labels = self.store.labels_van([*eigen_org.values(), *eigen_dienst.values()])
        vorige: dict[tuple[str, str], list[str]] = {}
        for v in sorted(stand["vermeldingen"], key=lambda v: v["props"].get("bevestigd") is False):
            for record in str(v["props"].get("record") or "").split():
                vorige.setdefault((v["label"], record), []).append(v["knoop"])

        self.knopen.append(
            Knoop(
                model.BRON,
                self.bron,
                {"naam": self.bron_naam, "soort": "hsds", "datum": self.datum},
            )
        )
        # organisations
        domeinen = Counter(d for o in organisaties.values() if (d := ontdubbel.domein(o.website)))
        resolver = ontdubbel.Ontdubbelaar(
            stand["organisaties"],
            stand["voorstellen"],
            drempel=self.drempel,
            bron_domeinen=domeinen,
        )
        org_knoop: dict[str, str] = {}
        nieuwe_voorstellen = False
        for o in organisaties.values():
            eigen = eigen_org[o.id]
            if labels.get(eigen, model.ORGANISATIE) != model.ORGANISATIE:
                self._afwijzen(br, o.plaats, "id", f"sleutel {eigen} is al een {labels[eigen]}")
                continue
            website = _website(o.website)
            if o.website and website is None:
                self._waarschuw(o.plaats, "website", f"geen bruikbare URL {o.website!r}")
            uitkomst = resolver.plaats(
                ontdubbel.Inkomend(eigen, o.naam, o.id, website, o.kvk),
                self.bron,
                vorige.get((model.ORGANISATIE, o.id), []),
            )
            org_knoop[o.id] = uitkomst.knoop
            props = {"naam": o.naam, "website": website, "kvk": o.kvk}
            if uitkomst.knoop != eigen:
                br.samengevoegd += 1
                bestaand = resolver.kandidaten[uitkomst.knoop]
                props = {
                    "website": website if not bestaand.website else None,
                    "kvk": o.kvk if not bestaand.kvk else None,
                }
            self.knopen.append(Knoop(model.ORGANISATIE, uitkomst.knoop, props))
            self._vermeld(uitkomst.knoop, model.ORGANISATIE, o.id)
            for v in uitkomst.voorstellen:
                k, r = ontdubbel.voorstel_records(v, self.bron, self.datum, resolver.voorstellen)
                self.knopen += k
                self.relaties += r
                nieuwe_voorstellen = nieuwe_voorstellen or bool(k)
        if nieuwe_voorstellen:
            self.knopen.append(ontdubbel.bron_knoop(self.datum))
        br.organisaties = len(org_knoop)
        org_sleutels = set(org_knoop.values())

        # services
        gevonden_per_dienst = {d.id: self.gebieden.voor_dienst(d) for d in diensten.values()}
        codes = {c for g in gevonden_per_dienst.values() for c in g}
        bekende_gebieden = self.store.labels_van(sorted(codes))
        for code in sorted(codes - bekende_gebieden.keys()):
            self._waarschuw(
                self.bron,
                "gebied",
                f"{code} ({self.gebieden.namen.get(code)}) staat niet in de graaf; "
                "laad eerst de CBS-gebieden (wijkgraaf ingest cbs)",
            )
        for d in diensten.values():
            eigen = eigen_dienst[d.id]
            label = model.ORGANISATIE if eigen in org_sleutels else labels.get(eigen)
            if label not in (None, model.AANBOD):
                self._afwijzen(br, d.plaats, "id", f"sleutel {eigen} is al een {label}")
                continue
            leefgebieden, doelgroepen, onbekend = self.taxonomie.koppel(d.termen)
            doelgroepen |= _leeftijd_doelgroepen(d)
            br.termen_zonder_koppeling.update(onbekend)
            self.knopen.append(
                Knoop(
                    model.AANBOD,
                    eigen,
                    {
                        "naam": d.naam,
                        "omschrijving": d.omschrijving,
                        "contact": _contact(d),
                        "doelgroepen": sorted(doelgroepen),
                    },
                )
            )
            self._vermeld(eigen, model.AANBOD, d.id)
            if d.status in HSDS_STATUS:
                self.dienst_status[eigen] = d.status
            elif d.status:
                self._waarschuw(d.plaats, "status", f"onbekende status {d.status!r}")
            if d.organisatie and d.organisatie in org_knoop:
                self._relatie(org_knoop[d.organisatie], model.BIEDT_AAN, eigen)
            else:
                br.zonder_organisatie += 1
                if d.organisatie:
                    self._waarschuw(
                        d.plaats,
                        "organization_id",
                        f"onbekende organisatie {d.organisatie!r}; dienst geladen zonder aanbieder",
                    )
            for lg in sorted(leefgebieden):
                self._relatie(eigen, model.RICHT_ZICH_OP, lg)
            gebieden = {c: n for c, n in gevonden_per_dienst[d.id].items() if c in bekende_gebieden}
            for code, naam in sorted(gebieden.items()):
                self._relatie(eigen, model.ACTIEF_IN, code, {"naam_in_bron": naam})
            br.zonder_gebied += not gebieden
            br.met_coordinaten += sum(
                1 for loc in d.locaties if loc.breedte is not None and loc.lengte is not None
            )
        br.diensten = sum(1 for (_, label) in self.vermeld if label == model.AANBOD)

        # provenance: one GENOEMD_IN per node, with the record id(s) of this source
        for (knoop, _label), records in self.vermeld.items():
            props: dict[str, Any] = {"record": " ".join(sorted(records)), "bevestigd": True}
            if knoop in self.dienst_status:
                props["status"] = self.dienst_status[knoop]
            self.relaties.append(
                Relatie(knoop, model.GENOEMD_IN, self.bron, self.bron, self.datum, props)
            )

        # freshness: what the previous version of this source said and this one does not
        nu = {(r.van, r.type, r.naar) for r in self.relaties if r.bron == self.bron}
        waar_nu = {
            (label, record): knoop for (knoop, label), rs in self.vermeld.items() for record in rs
        }
        weg = 0
        for v in stand["vermeldingen"]:
            if (v["knoop"], model.GENOEMD_IN, self.bron) in nu:
                continue
            records = str(v["props"].get("record") or "").split()
            elders = {waar_nu.get((v["label"], r)) for r in records}
            if records and None not in elders:  # still in the source, now on another node
                extra = {"verplaatst_naar": " ".join(sorted(elders))}
            else:
                extra = {"niet_meer_in_bron_sinds": self.datum}
                weg += 1
            if v["props"].get("bevestigd") is not False:
                self._markeer(v["knoop"], model.GENOEMD_IN, self.bron, v["props"], extra)
        for r in stand["relaties"]:
            if (r["van"], r["type"], r["naar"]) not in nu and r["props"].get(
                "bevestigd"
            ) is not False:
                self._markeer(
                    r["van"],
                    r["type"],
                    r["naar"],
                    r["props"],
                    {"niet_meer_in_bron_sinds": self.datum},
                )
        br.niet_meer_in_bron = weg

        schrijf(
            self.store, self.knopen, self.relaties, voortgang=self.voortgang, omschrijving=self.bron
        )
        self.org_knopen = set(org_knoop.values())
        return br

    def _vermeld(self, knoop: str, label: str, record: str) -> None:
        self.vermeld.setdefault((knoop, label), set()).add(record)

    def _relatie(
        self, van: str, soort: str, naar: str, props: dict[str, Any] | None = None
    ) -> None:
        self.relaties.append(
            Relatie(van, soort, naar, self.bron, self.datum, {"bevestigd": True, **(props or {})})
        )

    def _markeer(
        self, van: str, soort: str, naar: str, props: dict[str, Any], extra: dict[str, Any]
    ) -> None:
        bevestigd_op = props.get("bevestigd_op") or self.datum
        self.relaties.append(
            Relatie(van, soort, naar, self.bron, bevestigd_op, {"bevestigd": False, **extra})
        )

    def _afwijzen(self, br: BronRapport, plaats: str, veld: str, reden: str) -> None:
        self.rapport.afgewezen.append(Afwijzing(plaats, veld, reden))
        br.afgewezen += 1

    def _waarschuw(self, plaats: str, veld: str, reden: str) -> None:
        self.rapport.waarschuwingen.append(Afwijzing(plaats, veld, reden))


def importeer(
    store: GraphStore,
    paden: Iterable[str | Path],
    *,
    datum: str | None = None,
    bron: str | None = None,
    bron_naam: str | None = None,
    taxonomie: str | Path | None = None,
    drempel: float = ontdubbel.DREMPEL,
    voortgang: bool | None = None,
) -> HsdsRapport:
    """Import Open Referral directories into ``store``; returns the report.

    Every path is its own Bron (id ``hsds-<name>``, see :func:`bron_id_voor`) unless ``bron``
    names one Bron for all of them. Re-importing a newer version under the same Bron id updates
    it and marks what is gone (see the module documentation).
    """
    store.initialiseer()
    datum = model.datum(datum) if datum else dt.date.today().isoformat()
    rapport = HsdsRapport()
    tax = Taxonomie.laad(taxonomie)
    rapport.afgewezen.extend(tax.fouten)
    kaart = Gebiedenkaart.uit_referentie(cbs.referentie())
    groepen: dict[str, list[tuple[Path, Bundel]]] = {}
    org_knopen: dict[str, set[str]] = {}
    for p in paden:
        pad = Path(p)
        sleutel = bron or bron_id_voor(pad)
        if not model.ID_PATROON.match(sleutel):
            raise OngeldigeInvoer(f"ongeldige bron-id {sleutel!r}")
        groepen.setdefault(sleutel, []).append((pad, lees(pad)))
    for sleutel, groep in groepen.items():
        naam = bron_naam or (sleutel if bron else groep[0][1].naam)
        lader = _Lader(store, sleutel, naam, datum, tax, kaart, drempel, rapport, voortgang)
        br = lader.laad([b for _, b in groep], [str(p) for p, _ in groep])
        rapport.bronnen.append(br)
        org_knopen[sleutel] = lader.org_knopen
        rapport.geladen[model.ORGANISATIE] += br.organisaties
        rapport.geladen[model.AANBOD] += br.diensten
        for r in lader.relaties:
            if r.type in (
                model.BIEDT_AAN,
                model.RICHT_ZICH_OP,
                model.ACTIEF_IN,
            ) and r.eigenschappen.get("bevestigd"):
                rapport.geladen[r.type] += 1
    # open proposals about this import's organisations, counted once everything is written
    voorstellen = store.vraag("hsds_stand")["voorstellen"] if groepen else []
    for br in rapport.bronnen:
        br.voorstellen_open = sum(
            1
            for v in voorstellen
            if v.get("status") == ontdubbel.VOORGESTELD
            and (v.get("van") in org_knopen[br.bron] or v.get("naar") in org_knopen[br.bron])
        )
    return rapport
