"""Entity resolution for organisations: the same organisation from two sources becomes one node.

An organisation arriving from a source is compared with every Organisatie in the graph:

- **exact** (merged without asking): the same KvK number; the same normalised name
  (:func:`normaliseer`: legal forms such as Stichting, Vereniging, B.V., Coöperatie, U.A., Ltd
  dropped, a leading article dropped, case, accents and punctuation ignored); or the same website
  domain (:func:`domein`) when that domain identifies one organisation: not a platform
  (facebook.com, linktr.ee, ...), not shared by two organisations of the graph or of the arriving
  source, and the names alike (token-set similarity at least 0.8). The later
  source's GENOEMD_IN then points at the existing node.
- **near** (proposed, never merged silently): token-set similarity of the normalised names of at
  least :data:`DREMPEL`, or a shared identifying domain with unlike names. The arriving
  organisation gets its own node and a :data:`~netwerk.model.VOORSTEL` node (soort
  ``samenvoeging``, ``van`` = the arriving node, ``naar`` = the existing one, ``vertrouwen``,
  ``status`` voorgesteld, ``fragment`` = why) linked to both by BETREFT. ``wijkgraaf ontdubbel
  --toon`` lists them.
- Two organisations with different KvK numbers are never merged or proposed. Two records of one
  source are never merged automatically (the source keeps them apart); equal names within one
  source are proposed.

Decisions (``--voeg-samen A B``: B goes up in A; ``--houd-apart A B``) set the proposal's status to
``geaccepteerd`` or ``afgewezen``. The proposal's id is derived from the two ids
(:func:`voorstel_id`), so a re-import finds the decision and respects it: an accepted merge sends
the record to the kept node, a rejected one keeps the two apart, also when they once matched
exactly. Merging now (the store has no delete): B's relationships are copied onto A, and B's own
relationships are marked ``bevestigd: false`` with ``samengevoegd_in: A``; the HSDS feed no longer
serves B.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from netwerk import model
from netwerk.fouten import NietGevonden, OngeldigeInvoer
from netwerk.model import Knoop, Relatie
from netwerk.stores.basis import GraphStore

#: Token-set similarity from which two names are proposed for merging.
DREMPEL = 0.9
#: Below this similarity a shared website domain is not enough to merge without asking.
DOMEIN_NAAM_DREMPEL = 0.8
SOORT = "samenvoeging"
#: The Bron of proposals and decisions (BETREFT relationships): Wijkgraaf's own resolution.
BRON_ID = "wijkgraaf-ontdubbeling"
VOORGESTELD, GEACCEPTEERD, AFGEWEZEN = "voorgesteld", "geaccepteerd", "afgewezen"

RECHTSVORMEN = frozenset(
    {
        "stichting",
        "stg",
        "vereniging",
        "ver",
        "cooperatie",
        "cooperatieve",
        "bv",
        "nv",
        "ua",
        "wa",
        "ba",
        "vof",
        "cv",
        "vzw",
        "ltd",
        "limited",
        "inc",
        "llc",
        "cic",
        "cio",
        "plc",
    }
)
LIDWOORDEN = frozenset({"de", "het", "the"})
PLATFORMS = frozenset(
    {
        "facebook.com",
        "fb.com",
        "fb.me",
        "instagram.com",
        "linkedin.com",
        "twitter.com",
        "x.com",
        "youtube.com",
        "linktr.ee",
        "google.com",
        "sites.google.com",
        "wixsite.com",
        "eventbrite.com",
        "eventbrite.co.uk",
        "meetup.com",
        "nextdoor.com",
        "nextdoor.nl",
        "achurchnearyou.com",
        "e-voice.org.uk",
    }
)


# --- normalising -----------------------------------------------------------------------------


def woorden(naam: str | None) -> tuple[str, ...]:
    """The words of a name that count: lower-case ASCII, legal forms and a leading article gone.

    >>> woorden("Stichting Buurtwerk Oost-Gouda B.V.")
    ('buurtwerk', 'oost', 'gouda')
    >>> woorden("Coöperatie De Zorgzame Buurt U.A.")
    ('zorgzame', 'buurt')
    """
    if not naam:
        return ()
    tekst = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode().lower()
    tekst = tekst.replace("&", " en ")
    tekst = re.sub(r"\b([a-z])\.(?=[a-z]\.?)", r"\1", tekst)  # b.v. -> bv, u.a. -> ua
    losse = [w for w in re.split(r"[^a-z0-9]+", tekst) if w]
    losse = [w for w in losse if w not in RECHTSVORMEN]
    if len(losse) > 1 and losse[0] in LIDWOORDEN:
        losse = losse[1:]
    return tuple(losse)


def normaliseer(naam: str | None) -> str:
    """The name as compared for an exact match.

    >>> normaliseer("Stichting Welzijn Gouda") == normaliseer("WELZIJN GOUDA b.v.")
    True
    """
    return " ".join(woorden(naam))


def domein(url: str | None) -> str | None:
    """The host of a website without ``www.``, or None.

    >>> domein("https://www.Buurtwerk.nl/over-ons"), domein("buurtwerk.nl"), domein("")
    ('buurtwerk.nl', 'buurtwerk.nl', None)
    """
    if not url or not url.strip():
        return None
    u = url.strip()
    if "://" not in u:
        u = "http://" + u
    try:
        host = urlsplit(u).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.lower().removeprefix("www.")


def gelijkenis(a: Iterable[str], b: Iterable[str]) -> float:
    """Token-set similarity (0..1) of two word lists: 1 when one set holds the other.

    >>> gelijkenis(("buurtwerk", "oost"), ("buurtwerk", "oost", "gouda"))
    1.0
    >>> round(gelijkenis(("humanitas", "gouda"), ("humanitas", "rotterdam")), 2)
    0.76
    """
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    gedeeld = " ".join(sorted(sa & sb))
    t1 = " ".join(filter(None, (gedeeld, " ".join(sorted(sa - sb)))))
    t2 = " ".join(filter(None, (gedeeld, " ".join(sorted(sb - sa)))))

    def ratio(x: str, y: str) -> float:
        return difflib.SequenceMatcher(None, x, y).ratio() if x and y else 0.0

    return max(ratio(gedeeld, t1), ratio(gedeeld, t2), ratio(t1, t2))


def voorstel_id(a: str, b: str) -> str:
    """The id of the samenvoeging proposal about two nodes, the same in either order.

    >>> voorstel_id("a", "b") == voorstel_id("b", "a")
    True
    """
    x, y = sorted((a, b))
    return "samenvoeging:" + hashlib.sha1(f"{x}|{y}".encode()).hexdigest()[:20]


# --- resolving ----------------------------------------------------------------------------


@dataclass
class Kandidaat:
    """An Organisatie of the graph, or one made earlier in the same import."""

    id: str
    naam: str | None = None
    website: str | None = None
    kvk: str | None = None
    bronnen: dict[str, set[str]] = field(default_factory=dict)  # bron -> records

    @property
    def woorden(self) -> tuple[str, ...]:
        return woorden(self.naam)


@dataclass(frozen=True)
class Inkomend:
    """An organisation record of a source, with the id its own node would get."""

    id: str
    naam: str
    record: str
    website: str | None = None
    kvk: str | None = None


@dataclass(frozen=True)
class NieuwVoorstel:
    id: str
    van: str
    naar: str
    vertrouwen: float
    reden: str


@dataclass
class Uitkomst:
    knoop: str
    hoe: str  # besluit, vorige, eigen, kvk, website, naam, nieuw
    voorstellen: list[NieuwVoorstel] = field(default_factory=list)


class Ontdubbelaar:
    """Places arriving organisations on nodes, from the facts of question ``hsds_stand``."""

    def __init__(
        self,
        organisaties: Iterable[dict[str, Any]],
        voorstellen: Iterable[dict[str, Any]],
        *,
        drempel: float = DREMPEL,
        bron_domeinen: Counter[str] | None = None,
    ) -> None:
        self.drempel = drempel
        self.kandidaten: dict[str, Kandidaat] = {}
        self.voorstellen: dict[str, dict[str, Any]] = {v["id"]: v for v in voorstellen}
        self._kvk: dict[str, set[str]] = defaultdict(set)
        self._domein: dict[str, set[str]] = defaultdict(set)
        self._naam: dict[str, set[str]] = defaultdict(set)
        self._woord: dict[str, set[str]] = defaultdict(set)
        self.bron_domeinen = bron_domeinen or Counter()
        for o in organisaties:
            k = Kandidaat(o["id"], o.get("naam"), o.get("website"), o.get("kvk"))
            for b in o.get("bronnen") or []:
                k.bronnen.setdefault(b["bron"], set()).update(_records(b.get("record")))
            self._voeg_toe(k)

    # --- the index ---
    def _voeg_toe(self, k: Kandidaat) -> None:
        self.kandidaten[k.id] = k
        if k.kvk:
            self._kvk[k.kvk].add(k.id)
        if d := domein(k.website):
            self._domein[d].add(k.id)
        if n := normaliseer(k.naam):
            self._naam[n].add(k.id)
        for w in set(k.woorden):
            self._woord[w].add(k.id)

    def _besluiten(self, eigen: str) -> tuple[str | None, set[str]]:
        """An accepted merge target for ``eigen``, and the nodes it must stay apart from."""
        doel, apart = None, set()
        for v in self.voorstellen.values():
            if eigen not in (v.get("van"), v.get("naar")):
                continue
            ander = v["naar"] if v.get("van") == eigen else v.get("van")
            if v.get("status") == GEACCEPTEERD and v.get("van") == eigen:
                doel = v["naar"]
            elif v.get("status") == AFGEWEZEN and ander:
                apart.add(ander)
        return doel, apart

    def doel(self, id_: str) -> str:
        """Follow accepted merges (van -> naar) to the node that stays."""
        gezien = {id_}
        while True:
            volgende = next(
                (
                    v["naar"]
                    for v in self.voorstellen.values()
                    if v.get("status") == GEACCEPTEERD and v.get("van") == id_
                ),
                None,
            )
            if volgende is None or volgende in gezien:
                return id_
            gezien.add(volgende)
            id_ = volgende

    def identificerend(self, d: str | None) -> bool:
        """Whether a website domain points at one organisation only."""
        if not d or d in PLATFORMS or any(d.endswith("." + p) for p in PLATFORMS):
            return False
        return len(self._domein.get(d, ())) <= 1 and self.bron_domeinen.get(d, 0) <= 1

    # --- placing one organisation ---
    def plaats(self, org: Inkomend, bron: str, vorige: Iterable[str] = ()) -> Uitkomst:
        """The node for an arriving organisation record (see the module documentation).

        ``vorige``: the nodes this record of this source was mentioned on before (confirmed
        first), so a re-import lands where the previous one did unless a decision says otherwise.
        """
        doel, apart = self._besluiten(org.id)
        if doel is not None:
            return self._op(self.doel(doel), org, bron, "besluit")
        for v in vorige:
            if v not in apart and self.doel(v) not in apart and v in self.kandidaten:
                return self._op(self.doel(v), org, bron, "vorige")
        if org.id in self.kandidaten:
            return self._op(org.id, org, bron, "eigen")

        woorden_ = woorden(org.naam)
        naam_n = " ".join(woorden_)
        dom = domein(org.website)
        uitgesloten = apart | {org.id}

        def botst(k: Kandidaat) -> bool:
            return bool(org.kvk and k.kvk and org.kvk != k.kvk)

        exact: list[tuple[int, str, str]] = []  # (order, id, how)
        if org.kvk:
            exact += [(0, i, "kvk") for i in self._kvk.get(org.kvk, ())]
        if dom and self.identificerend(dom):
            for i in self._domein.get(dom, ()):
                if gelijkenis(woorden_, self.kandidaten[i].woorden) >= DOMEIN_NAAM_DREMPEL:
                    exact.append((1, i, "website"))
        if naam_n:
            exact += [(2, i, "naam") for i in self._naam.get(naam_n, ())]

        voorstellen: list[NieuwVoorstel] = []
        gekozen: tuple[str, str] | None = None
        for _, i, hoe in sorted(exact):
            k = self.kandidaten[i]
            d = self.doel(i)
            if i in uitgesloten or d in uitgesloten or botst(k):
                continue
            if bron in k.bronnen and org.record not in k.bronnen[bron]:
                reden = f"zelfde {_HOE[hoe]} als {k.naam!r}, maar beide uit bron {bron}"
                voorstellen.append(self._voorstel(org.id, d, 1.0, reden))
                continue
            gekozen = (d, hoe)
            break
        if gekozen is not None:
            return self._op(gekozen[0], org, bron, gekozen[1])

        # near matches: share a word that is not too common, then token-set similarity
        kandidaten: set[str] = set()
        for w in set(woorden_):
            groep = self._woord.get(w, set())
            if len(groep) <= 200:
                kandidaten |= groep
        if dom and self.identificerend(dom):
            kandidaten |= self._domein.get(dom, set())
        al = {v.naar for v in voorstellen}
        for i in sorted(kandidaten):
            k = self.kandidaten[i]
            d = self.doel(i)
            if i in uitgesloten or d in uitgesloten or d in al or botst(k) or bron in k.bronnen:
                continue
            score = gelijkenis(woorden_, k.woorden)
            if score >= self.drempel:
                reden = f"naam lijkt op {k.naam!r} (token-set {score:.2f})"
            elif dom and domein(k.website) == dom and self.identificerend(dom):
                score = max(score, 0.75)
                reden = f"zelfde websitedomein {dom} als {k.naam!r}, andere naam"
            else:
                continue
            voorstellen.append(self._voorstel(org.id, d, round(score, 3), reden))
            al.add(d)
        nieuw = Kandidaat(org.id, org.naam, org.website, org.kvk, {bron: {org.record}})
        self._voeg_toe(nieuw)
        return Uitkomst(org.id, "nieuw", voorstellen)

    def _op(self, knoop: str, org: Inkomend, bron: str, hoe: str) -> Uitkomst:
        k = self.kandidaten.get(knoop)
        if k is None:  # a decision names a node this graph does not have (yet): own node
            k = Kandidaat(knoop, org.naam, org.website, org.kvk)
            self._voeg_toe(k)
        k.bronnen.setdefault(bron, set()).add(org.record)
        return Uitkomst(knoop, hoe)

    def _voorstel(self, van: str, naar: str, vertrouwen: float, reden: str) -> NieuwVoorstel:
        return NieuwVoorstel(voorstel_id(van, naar), van, naar, vertrouwen, reden)


_HOE = {"kvk": "KvK-nummer", "website": "websitedomein", "naam": "naam"}


def _records(waarde: Any) -> set[str]:
    return set(str(waarde).split()) if waarde else set()


# --- proposals as nodes, and decisions -------------------------------------------------------


def bron_knoop(datum: str) -> Knoop:
    return Knoop(
        model.BRON,
        BRON_ID,
        {
            "naam": "Wijkgraaf-ontdubbeling (voorstellen en besluiten)",
            "soort": "ontdubbeling",
            "datum": datum,
        },
    )


def voorstel_records(
    v: NieuwVoorstel, bron: str, datum: str, bestaande: dict[str, dict[str, Any]]
) -> tuple[list[Knoop], list[Relatie]]:
    """The Voorstel node and its BETREFT relationships; an existing proposal (perhaps decided)
    is left as it is."""
    if v.id in bestaande:
        return [], []
    knoop = Knoop(
        model.VOORSTEL,
        v.id,
        {
            "soort": SOORT,
            "van": v.van,
            "naar": v.naar,
            "vertrouwen": float(v.vertrouwen),
            "status": VOORGESTELD,
            "fragment": v.reden,
            "document": bron,
        },
    )
    relaties = [Relatie(v.id, model.BETREFT, x, BRON_ID, datum) for x in (v.van, v.naar)]
    return [knoop], relaties


def _stand(store: GraphStore, **params: Any) -> dict[str, Any]:
    return store.vraag("hsds_stand", **params)


def _organisatie(store: GraphStore, id_: str) -> Knoop:
    k = store.knoop(id_)
    if k is None:
        raise NietGevonden(f"organisatie {id_} is niet bekend")
    if k.label != model.ORGANISATIE:
        raise OngeldigeInvoer(f"{id_} is een {k.label}, geen Organisatie")
    return k


def besluit(
    store: GraphStore, a: str, b: str, status: str, *, datum: str | None = None
) -> dict[str, Any]:
    """Record a decision about ``a`` and ``b``: ``geaccepteerd`` (B goes up in A) or
    ``afgewezen`` (keep apart). A merge is carried out at once (see the module documentation)."""
    if status not in (GEACCEPTEERD, AFGEWEZEN):
        raise OngeldigeInvoer(f"onbekend besluit {status!r}")
    if a == b:
        raise OngeldigeInvoer("twee verschillende organisaties nodig")
    datum = model.datum(datum) if datum else dt.date.today().isoformat()
    vid = voorstel_id(a, b)
    if status == GEACCEPTEERD:
        # A itself may have gone up in another organisation earlier: B goes there too
        a = Ontdubbelaar([], _stand(store)["voorstellen"]).doel(a)
        if a == b:
            raise OngeldigeInvoer(f"{b} is al samengevoegd met {a}")
        behoud, weg = _organisatie(store, a), _organisatie(store, b)
    else:
        bestaand = [k for k in (store.knoop(a), store.knoop(b)) if k is not None]
        if not bestaand and store.knoop(vid) is None:
            raise NietGevonden(f"{a} en {b} zijn niet bekend")
        behoud = weg = None
    oud = store.knoop(vid)
    props: dict[str, Any] = {"soort": SOORT, "status": status, "besloten_op": datum}
    if status == GEACCEPTEERD or oud is None:
        props |= {"van": b, "naar": a}
    knopen = [bron_knoop(datum), Knoop(model.VOORSTEL, vid, props)]
    relaties = [Relatie(vid, model.BETREFT, x, BRON_ID, datum) for x in store.labels_van([a, b])]
    samengevoegd = 0
    if behoud is not None and weg is not None:
        extra_knopen, extra_relaties = _voeg_samen(store, behoud, weg, datum)
        knopen += extra_knopen
        relaties += extra_relaties
        samengevoegd = len(extra_relaties)
    store.upsert_knopen(knopen)
    store.upsert_relaties(relaties)
    store.bewaar()
    return {"voorstel": vid, "status": status, "van": b, "naar": a, "relaties": samengevoegd}


def _voeg_samen(
    store: GraphStore, behoud: Knoop, weg: Knoop, datum: str
) -> tuple[list[Knoop], list[Relatie]]:
    """Copy the relationships of ``weg`` onto ``behoud`` and mark those of ``weg``."""
    randen = _stand(store, knopen=[behoud.id, weg.id])["randen"]
    van_behoud = {
        (r["type"], r["naar"], r["props"]["bron"]): r
        for r in randen
        if r["van"] == behoud.id and r["type"] == model.GENOEMD_IN
    }
    relaties: list[Relatie] = []
    for r in randen:
        if weg.id not in (r["van"], r["naar"]) or r["type"] == model.BETREFT:
            continue
        props = dict(r["props"])
        bron, bevestigd_op = props.pop("bron"), props.pop("bevestigd_op")
        van = behoud.id if r["van"] == weg.id else r["van"]
        naar = behoud.id if r["naar"] == weg.id else r["naar"]
        if van == naar:
            continue
        kopie = {k: v for k, v in props.items() if k != "samengevoegd_in"}
        if r["type"] == model.GENOEMD_IN and (r["type"], naar, bron) in van_behoud:
            eigen = van_behoud[(r["type"], naar, bron)]["props"]
            records = _records(eigen.get("record")) | _records(props.get("record"))
            kopie["record"] = " ".join(sorted(records)) or None
            if eigen.get("bevestigd", True) is not False:
                kopie["bevestigd"] = True
        relaties.append(Relatie(van, r["type"], naar, bron, bevestigd_op, kopie))
        relaties.append(
            Relatie(
                r["van"],
                r["type"],
                r["naar"],
                bron,
                bevestigd_op,
                {"bevestigd": False, "samengevoegd_in": behoud.id},
            )
        )
    aanvulling = {
        k: weg.eigenschappen[k]
        for k in ("website", "kvk", "rol")
        if k in weg.eigenschappen and k not in behoud.eigenschappen
    }
    knopen = [Knoop(model.ORGANISATIE, behoud.id, aanvulling)] if aanvulling else []
    return knopen, relaties


def voeg_samen(store: GraphStore, a: str, b: str, *, datum: str | None = None) -> dict[str, Any]:
    """``wijkgraaf ontdubbel --voeg-samen A B``: B goes up in A."""
    return besluit(store, a, b, GEACCEPTEERD, datum=datum)


def houd_apart(store: GraphStore, a: str, b: str, *, datum: str | None = None) -> dict[str, Any]:
    """``wijkgraaf ontdubbel --houd-apart A B``: never merge these two."""
    return besluit(store, a, b, AFGEWEZEN, datum=datum)


def toon(store: GraphStore) -> dict[str, Any]:
    """Open proposals (highest confidence first), decisions, and organisations that hold
    records of more than one source (merged automatically), each with its sources: the record
    id and ``apart_id``, the node key the record would get on its own, for ``--houd-apart``."""
    from ingest.hsds import eigen_id  # the node key a record would get on its own

    stand = _stand(store)
    orgs = {o["id"]: o for o in stand["organisaties"]}

    def kort(id_: str | None) -> dict[str, Any]:
        o = orgs.get(id_ or "", {})
        bronnen = []
        for b in o.get("bronnen", []):
            for record in sorted(_records(b.get("record"))) or [None]:
                apart = eigen_id(b["bron"], "organization", record) if record else None
                bronnen.append({"bron": b["bron"], "record": record, "apart_id": apart})
        return {"id": id_, "naam": o.get("naam"), "bronnen": bronnen}

    voorstellen = [
        {
            "id": v["id"],
            "van": kort(v.get("van")),
            "naar": kort(v.get("naar")),
            "vertrouwen": v.get("vertrouwen"),
            "reden": v.get("fragment"),
            "status": v.get("status"),
            "besloten_op": v.get("besloten_op"),
        }
        for v in stand["voorstellen"]
    ]
    open_ = sorted(
        (v for v in voorstellen if v["status"] == VOORGESTELD),
        key=lambda v: (-(v["vertrouwen"] or 0), v["id"]),
    )
    besloten = [v for v in voorstellen if v["status"] != VOORGESTELD]
    meerdere = [
        kort(o["id"]) for o in stand["organisaties"] if len({b["bron"] for b in o["bronnen"]}) > 1
    ]
    return {"open": open_, "besloten": besloten, "samengevoegd": meerdere}
