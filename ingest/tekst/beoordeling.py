"""Review of what text extraction proposed: list, accept, reject; and the graph "as if
accepted" for questions that include proposals.

A :data:`~netwerk.model.VOORSTEL` node is one proposed fact (see ``docs/tekst.md``):

- soort ``knoop``: a new node (``label``, ``naam``) that the graph does not have;
- soort ``relatie``: a relationship (``type``, ``van``, ``naar``), whose ends are ids of existing
  nodes or of knoop-proposals; for RICHT_ZICH_OP ``naar`` may be ``doelgroep:<id>``, a doelgroep
  (which the graph keeps as a property of the team, initiatief or aanbod, not as a node).

Accepting a relatie-proposal first accepts the knoop-proposals it needs, then writes the real
relationship with the document's Bron as ``bron`` and the decision date as ``bevestigd_op``.
Rejecting a knoop-proposal also rejects the pending relatie-proposals that need it. Decisions
are final and are kept when the same document is read again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ingest.tekst.pijplijn import DOELGROEP_VOORVOEGSEL
from netwerk import model
from netwerk.fouten import NietGevonden, OngeldigeInvoer
from netwerk.model import Knoop, Relatie
from netwerk.stores.basis import GraphStore
from netwerk.stores.geheugen import MemoryStore

VOORGESTELD, GEACCEPTEERD, AFGEWEZEN = "voorgesteld", "geaccepteerd", "afgewezen"
STATUSSEN = (VOORGESTELD, GEACCEPTEERD, AFGEWEZEN)
KNOOP, RELATIE = "knoop", "relatie"


def knoop_id(label: str, naam: str) -> str:
    """The id a node gets when its knoop-proposal is accepted (the same for the same name).

    >>> knoop_id("Organisatie", "Stichting Welzijn De Gouwe")
    'organisatie-stichting-welzijn-de-gouwe'
    """
    return f"{model.slug(label)}-{model.slug(naam)}"[:200].rstrip("-")


def teamsoort(naam: str) -> str | None:
    """The team type a team's name says, if any (``Jeugdteam Noord`` -> ``jeugdteam``).

    >>> teamsoort("Buurtteam Goverwelle"), teamsoort("0-100 team Oost"), teamsoort("Team X")
    ('buurtteam', '0-100 team', None)
    """
    s = model.slug(naam)
    paren = (
        ("sociaal-wijkteam", "sociaal wijkteam"),
        ("sociaal-team", "sociaal wijkteam"),
        ("wijkteam", "sociaal wijkteam"),
        ("0-100", "0-100 team"),
        ("jeugd-en-gezinsteam", "jeugd- en gezinsteam"),
        ("ouder-kindteam", "ouder-kindteam"),
        ("jeugdteam", "jeugdteam"),
        ("wmo-loket", "Wmo-loket"),
        ("wmo-team", "Wmo-team"),
        ("buurtteam", "buurtteam"),
    )
    for stuk, soort in paren:
        if stuk in s:
            return soort
    return None


@dataclass(frozen=True)
class Voorstel:
    """A Voorstel node read back, with a short description for people."""

    id: str
    eigenschappen: dict[str, Any]

    def __getattr__(self, naam: str) -> Any:
        try:
            return self.eigenschappen[naam]
        except KeyError:
            raise AttributeError(naam) from None

    @property
    def status(self) -> str:
        return self.eigenschappen.get("status", VOORGESTELD)

    def als_dict(self) -> dict[str, Any]:
        return {"id": self.id, **self.eigenschappen}


def knooplabel(v: Voorstel) -> str:
    """The label of the node a knoop-proposal proposes. It is kept in ``type``: the model's
    ``label`` property cannot be used, as both stores keep a node's own label under that name
    (the memory store as the node attribute ``label``, the export as the key ``label``)."""
    label = v.eigenschappen.get("type")
    if label not in (model.ORGANISATIE, model.TEAM, model.INITIATIEF, model.AANBOD):
        raise OngeldigeInvoer(f"voorstel {v.id} noemt geen geldig label ({label!r})")
    return label


def lees_voorstel(store: GraphStore, id_: str) -> Voorstel:
    k = store.knoop(id_)
    if k is None or k.label != model.VOORSTEL:
        raise NietGevonden(f"voorstel {id_} bestaat niet")
    return Voorstel(k.id, dict(k.eigenschappen))


def voorstellen(
    store: GraphStore, *, statussen: Iterable[str] = (VOORGESTELD,), document: str | None = None
) -> list[Voorstel]:
    """The proposals with one of ``statussen`` (of one document when given), knoop-proposals
    first, then by document and offset."""
    gevraagd = set(statussen)
    uit = []
    for rec in store.export():
        k = rec.get("knoop")
        if k is None:
            break  # the export gives all nodes first
        if k["label"] != model.VOORSTEL:
            continue
        eig = {x: y for x, y in k.items() if x not in ("label", "id")}
        v = Voorstel(k["id"], eig)
        if v.status in gevraagd and (document is None or eig.get("document") == document):
            uit.append(v)
    return sorted(
        uit,
        key=lambda v: (
            v.eigenschappen.get("document", ""),
            v.eigenschappen.get("soort") != KNOOP,
            v.eigenschappen.get("begin", 0),
            v.id,
        ),
    )


def _vandaag(datum: str | None) -> str:
    return model.datum(datum) if datum else dt.date.today().isoformat()


def _besluit(store: GraphStore, v: Voorstel, status: str, datum: str) -> None:
    store.upsert_knopen([Knoop(model.VOORSTEL, v.id, {"status": status, "besloten_op": datum})])


def accepteer(store: GraphStore, id_: str, *, datum: str | None = None) -> list[str]:
    """Accept a proposal: write the fact it proposes, then record the decision. Returns
    what was done, one line each. Raises OngeldigeInvoer for a decided proposal or a fact that
    no longer fits the graph."""
    datum = _vandaag(datum)
    regels: list[str] = []
    _accepteer(store, lees_voorstel(store, id_), datum, regels)
    store.bewaar()
    return regels


def _accepteer(store: GraphStore, v: Voorstel, datum: str, regels: list[str]) -> str:
    """Accept ``v`` (when still pending); returns the node id a knoop-proposal stands for."""
    if v.status == AFGEWEZEN:
        raise OngeldigeInvoer(
            f"voorstel {v.id} is afgewezen op {v.eigenschappen.get('besloten_op')}"
        )
    soort = v.eigenschappen.get("soort")
    bron = v.eigenschappen["document"]
    if soort == KNOOP:
        label, naam = knooplabel(v), v.naam
        nieuw = knoop_id(label, naam)
        if v.status == GEACCEPTEERD:
            return nieuw
        bestaand = store.labels_van([nieuw]).get(nieuw)
        if bestaand is not None and bestaand != label:
            raise OngeldigeInvoer(f"sleutel {nieuw!r} is al in gebruik voor een {bestaand}")
        eig: dict[str, Any] = {"naam": naam}
        if label == model.TEAM and (ts := teamsoort(naam)):
            eig["soort"] = ts
        store.upsert_knopen([Knoop(label, nieuw, eig)])
        store.upsert_relaties([Relatie(nieuw, model.GENOEMD_IN, bron, bron, datum)])
        _besluit(store, v, GEACCEPTEERD, datum)
        regels.append(f"{v.id}: {label} {naam!r} aangemaakt als {nieuw}")
        return nieuw
    if soort != RELATIE:
        raise OngeldigeInvoer(f"voorstel {v.id} heeft een onbekende soort {soort!r}")
    if v.status == GEACCEPTEERD:
        return v.id
    van = _eind(store, v.van, datum, regels)
    naar_ruw = v.naar
    if v.type == model.RICHT_ZICH_OP and naar_ruw.startswith(DOELGROEP_VOORVOEGSEL):
        dg = model.doelgroep(naar_ruw.removeprefix(DOELGROEP_VOORVOEGSEL))
        knoop = store.knoop(van)
        if knoop is None:
            raise OngeldigeInvoer(f"{v.id}: knoop {van!r} bestaat niet")
        if "doelgroepen" not in model.EIGENSCHAPPEN[knoop.label]:
            raise OngeldigeInvoer(f"{v.id}: een {knoop.label} heeft geen doelgroepen")
        huidig = list(knoop.eigenschappen.get("doelgroepen", []))
        if dg not in huidig:
            store.upsert_knopen([Knoop(knoop.label, van, {"doelgroepen": sorted({*huidig, dg})})])
        regels.append(f"{v.id}: doelgroep {dg} toegevoegd aan {van}")
    else:
        naar = _eind(store, naar_ruw, datum, regels)
        labels = store.labels_van([van, naar])
        relatie = Relatie(van, v.type, naar, bron, datum)
        if van not in labels or naar not in labels:
            ontbreekt = van if van not in labels else naar
            raise OngeldigeInvoer(f"{v.id}: knoop {ontbreekt!r} bestaat niet")
        if not relatie.past_bij(labels[van], labels[naar]):
            raise OngeldigeInvoer(
                f"{v.id}: {v.type} kan niet van {labels[van]} naar {labels[naar]}"
            )
        store.upsert_relaties([relatie])
        regels.append(f"{v.id}: {van} {v.type} {naar} (bron {bron})")
    _besluit(store, v, GEACCEPTEERD, datum)
    return v.id


def _eind(store: GraphStore, id_: str, datum: str, regels: list[str]) -> str:
    """The node id an end of a relatie-proposal stands for, accepting a knoop-proposal."""
    label = store.labels_van([id_]).get(id_)
    if label == model.VOORSTEL:
        v = lees_voorstel(store, id_)
        if v.eigenschappen.get("soort") != KNOOP:
            raise OngeldigeInvoer(f"{id_} is geen voorstel voor een knoop")
        return _accepteer(store, v, datum, regels)
    if label is None:
        raise OngeldigeInvoer(f"knoop {id_!r} bestaat niet (meer)")
    return id_


def wijs_af(store: GraphStore, id_: str, *, datum: str | None = None) -> list[str]:
    """Reject a proposal (and the pending relatie-proposals that need a rejected knoop)."""
    datum = _vandaag(datum)
    v = lees_voorstel(store, id_)
    if v.status == GEACCEPTEERD:
        raise OngeldigeInvoer(
            f"voorstel {v.id} is al geaccepteerd op {v.eigenschappen.get('besloten_op')}"
        )
    if v.status == AFGEWEZEN:
        return [f"{v.id}: was al afgewezen"]
    _besluit(store, v, AFGEWEZEN, datum)
    regels = [f"{v.id}: afgewezen"]
    if v.eigenschappen.get("soort") == KNOOP:
        for ander in voorstellen(store):
            if ander.eigenschappen.get("soort") == RELATIE and v.id in (ander.van, ander.naar):
                _besluit(store, ander, AFGEWEZEN, datum)
                regels.append(f"{ander.id}: afgewezen (hangt af van {v.id})")
    store.bewaar()
    return regels


# --- questions including proposals --------------------------------------------------------------


def kopie(store: GraphStore) -> MemoryStore:
    """A memory store holding the same graph as ``store`` (from its export)."""
    doel = MemoryStore()
    knopen, relaties = [], []
    for rec in store.export():
        if "knoop" in rec:
            k = dict(rec["knoop"])
            knopen.append(Knoop(k.pop("label"), k.pop("id"), k))
        else:
            x = dict(rec["relatie"])
            relaties.append(
                Relatie(
                    x.pop("van"),
                    x.pop("type"),
                    x.pop("naar"),
                    x.pop("bron"),
                    x.pop("bevestigd_op"),
                    x,
                )
            )
    doel.upsert_knopen(knopen)
    doel.upsert_relaties(relaties)
    return doel


def met_voorstellen(store: GraphStore, *, datum: str | None = None) -> MemoryStore:
    """A temporary memory store with the graph of ``store`` and every pending proposal
    applied as if accepted (``store`` itself is not changed). Proposals that cannot be applied
    (an end that was rejected or removed) are left out. Works alike for both stores.

    Ask questions of the result to include proposals: ``met_voorstellen(store).vraag(...)``.
    """
    tijdelijk = kopie(store)
    datum = _vandaag(datum)
    for v in voorstellen(tijdelijk):
        try:
            _accepteer(tijdelijk, lees_voorstel(tijdelijk, v.id), datum, [])
        except OngeldigeInvoer:
            continue
    return tijdelijk


def omschrijving(store: GraphStore, v: Voorstel) -> str:
    """One line for people: what the proposal says, in names."""
    e = v.eigenschappen
    if e.get("soort") == KNOOP:
        return f"nieuwe {knooplabel(v)}: {e.get('naam')}"
    return f"{_naam(store, e.get('van', ''))} {e.get('type')} {_naam(store, e.get('naar', ''))}"


def _naam(store: GraphStore, id_: str) -> str:
    if id_.startswith(DOELGROEP_VOORVOEGSEL):
        dg = id_.removeprefix(DOELGROEP_VOORVOEGSEL)
        return f"doelgroep {dict(model.DOELGROEPEN).get(dg, dg)}"
    k = store.knoop(id_)
    if k is None:
        return id_
    if k.label == model.VOORSTEL:
        return f"{k.eigenschappen.get('naam')} (nieuw, {id_})"
    return str(k.eigenschappen.get("naam") or id_)
