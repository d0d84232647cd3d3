"""Het landschap van een gemeente: het netwerk van haar actoren.

**Knopen** zijn de actoren van de gemeente:

- elk Team dat WERKT_IN de gemeente, een van haar wijken of een van haar buurten;
- elke Organisatie en elk Initiatief dat ACTIEF_IN zo'n gebied is, of dat aanbod aanbiedt
  (BIEDT_AAN) dat daar ACTIEF_IN is;
- elke Organisatie waar een team van de gemeente ONDERDEEL_VAN is.

**Verbindingen** zijn ongericht en enkelvoudig (hoogstens één per paar, geen lussen): twee actoren
zijn verbonden als er tussen hen een WERKT_SAMEN_MET, VERWIJST_NAAR of ONDERDEEL_VAN bestaat, in
welke richting ook. Een VERWIJST_NAAR naar een Aanbod telt als verbinding met elke aanbieder
ervan. Elke verbinding houdt de relaties eronder bij (``van``, ``type``, ``naar``, ``bron``,
``bevestigd_op``; bij een verwijzing naar aanbod ook de BIEDT_AAN van de aanbieder), zodat een
gebruiker haar kan nagaan.

Daarop (networkx, ongewogen):

- ``graad``: het aantal actoren waarmee een actor verbonden is;
- ``betweenness``: ``networkx.betweenness_centrality`` (genormaliseerd), op 6 decimalen;
- ``gemeenschappen``: ``networkx.community.greedy_modularity_communities`` (Clauset-Newman-Moore,
  deterministisch), genummerd vanaf 1 naar grootte (groot eerst), dan naar het kleinste id;
  een actor zonder verbindingen is een gemeenschap op zich;
- ``bruggen``: de articulatiepunten, actoren zonder wie hun deel van het netwerk uiteenvalt;
  ``splitst_in`` is het aantal delen waarin hun samenhangende component dan uiteenvalt;
- ``geisoleerde_teams``: teams met graad 0.

Van elke actor noemt het antwoord de wijken waar hij werkt of actief is (een gebied op
gemeenteniveau telt voor elke wijk van de gemeente, een buurt voor haar wijk; een organisatie of
initiatief is ook actief waar haar aanbod actief is) en de leefgebieden (die van de actor zelf en
die van zijn aanbod dat in de gemeente actief is).

Het netwerk wordt gebouwd door :func:`bouw_netwerk`, uit *feiten* die elke store op haar eigen
manier verzamelt (:func:`gemeente_feiten` op een networkx-graaf, de Cypher-query ``landschap`` op
Neo4j). De graaf wordt deterministisch opgebouwd (knopen en verbindingen gesorteerd), zodat beide
stores dezelfde maten geven. Ook de vraag ``zichtbaarheid`` gebruikt dit netwerk.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from netwerk import model
from netwerk.analyse.graaf import label
from netwerk.fouten import NietGevonden, OngeldigeInvoer

#: The relationship types that connect two actors in the network.
NETWERK_RELATIES = (model.WERKT_SAMEN_MET, model.VERWIJST_NAAR, model.ONDERDEEL_VAN)

METHODE = {
    "knopen": (
        "teams die in de gemeente (of een wijk of buurt ervan) werken; organisaties en "
        "initiatieven die er actief zijn, er aanbod hebben, of waar een team ervan onderdeel van is"
    ),
    "verbindingen": (
        "ongericht: WERKT_SAMEN_MET, VERWIJST_NAAR (naar aanbod: naar de aanbieder) of "
        "ONDERDEEL_VAN, in welke richting ook"
    ),
    "gemeenschappen": "greedy modularity (Clauset-Newman-Moore), ongewogen",
    "betweenness": "genormaliseerde betweenness centrality, 6 decimalen",
    "bruggen": (
        "articulatiepunten; splitst_in = aantal delen van hun component zonder hen, "
        "afgesneden = de actoren buiten het grootste deel"
    ),
}

_LEEFGEBIED_VOLGORDE = {i: n for n, i in enumerate(model.LEEFGEBIED_IDS)}


# --- parameters ----------------------------------------------------------------------------


def controleer_gemeente(gemeente: Any) -> str:
    """Return ``gemeente`` if it has the form of a CBS gemeentecode; else OngeldigeInvoer.

    >>> controleer_gemeente("GM0513")
    'GM0513'
    """
    if not isinstance(gemeente, str) or not model.CBS_PATRONEN[model.GEMEENTE].match(gemeente):
        raise OngeldigeInvoer(f"geen gemeentecode (GM en 4 cijfers): {gemeente!r}")
    return gemeente


# --- facts from a networkx graph (memory store) -------------------------------------------


def _relatie(u: str, v: str, d: dict[str, Any]) -> dict[str, Any]:
    return {
        "van": u,
        "type": d["type"],
        "naar": v,
        "bron": d.get("bron"),
        "bevestigd_op": d.get("bevestigd_op"),
    }


def _leefgebieden_van(G: nx.MultiDiGraph, n: str) -> list[str]:
    return sorted(
        {
            v
            for _, v, d in G.out_edges(n, data=True)
            if d["type"] == model.RICHT_ZICH_OP and label(G, v) == model.LEEFGEBIED
        }
    )


def gemeente_feiten(G: nx.MultiDiGraph, gemeente: str) -> dict[str, Any]:
    """Gather the facts behind the network of ``gemeente`` from a Wijkgraaf graph.

    The facts: the gemeente, its wijken and buurten, every WERKT_IN / ACTIEF_IN relationship into
    one of those areas (``gebied_relaties``), the actors present (``actoren``, with their own
    leefgebieden), the offers active there or referred to by an actor (``aanbod``, with their
    leefgebieden and BIEDT_AAN relationships) and every WERKT_SAMEN_MET, VERWIJST_NAAR and
    ONDERDEEL_VAN leaving an actor (``relaties``). Raises :class:`NietGevonden` for an unknown
    gemeente.

    Examples
    --------
    >>> from netwerk.stores.geheugen import MemoryStore
    >>> from netwerk.model import Knoop, Relatie
    >>> s = MemoryStore()
    >>> _ = s.upsert_knopen([Knoop("Gemeente", "GM0001", {"naam": "G"}),
    ...                      Knoop("Team", "t", {"naam": "T"}),
    ...                      Knoop("Organisatie", "o", {"naam": "O", "rol": "nuldelijn"})])
    >>> _ = s.upsert_relaties([Relatie("t", "WERKT_IN", "GM0001", "x", "2026-01-01"),
    ...                        Relatie("t", "ONDERDEEL_VAN", "o", "x", "2026-01-01")])
    >>> f = gemeente_feiten(s.graaf(), "GM0001")
    >>> [a["id"] for a in f["actoren"]], [r["type"] for r in f["relaties"]]
    (['o', 't'], ['ONDERDEEL_VAN'])
    """
    controleer_gemeente(gemeente)
    if label(G, gemeente) != model.GEMEENTE:
        raise NietGevonden(f"gemeente {gemeente} is niet bekend")

    def onder(gebied: str, doel: str) -> set[str]:
        return {
            u
            for u, _, d in G.in_edges(gebied, data=True)
            if d["type"] == model.LIGT_IN and label(G, u) == doel
        }

    wijken = sorted(onder(gemeente, model.WIJK))
    buurten = sorted({(b, w) for w in wijken for b in onder(w, model.BUURT)})
    gebieden = sorted({gemeente, *wijken, *(b for b, _ in buurten)})

    gebied_relaties = []
    aanwezig: set[str] = set()
    for a in gebieden:
        for x, _, d in G.in_edges(a, data=True):
            if d["type"] in (model.WERKT_IN, model.ACTIEF_IN):
                gebied_relaties.append(_relatie(x, a, d))
                aanwezig.add(x)

    actoren: set[str] = set()
    for x in aanwezig:
        if label(G, x) == model.AANBOD:
            actoren |= {p for p, _, d in G.in_edges(x, data=True) if d["type"] == model.BIEDT_AAN}
        else:
            actoren.add(x)
            if label(G, x) == model.TEAM:
                actoren |= {
                    o
                    for _, o, d in G.out_edges(x, data=True)
                    if d["type"] == model.ONDERDEEL_VAN and label(G, o) == model.ORGANISATIE
                }

    relaties = []
    verwezen: set[str] = set()
    for x in sorted(actoren):
        for _, y, d in G.out_edges(x, data=True):
            if d["type"] in NETWERK_RELATIES:
                relaties.append(_relatie(x, y, d))
                if label(G, y) == model.AANBOD:
                    verwezen.add(y)

    aanbod = []
    for o in sorted({x for x in aanwezig if label(G, x) == model.AANBOD} | verwezen):
        aanbod.append(
            {
                "id": o,
                "naam": G.nodes[o].get("naam"),
                "leefgebieden": _leefgebieden_van(G, o),
                "aanbieders": [
                    _relatie(p, o, d)
                    for p, _, d in G.in_edges(o, data=True)
                    if d["type"] == model.BIEDT_AAN
                ],
            }
        )

    g = G.nodes[gemeente]
    return {
        "gemeente": {"code": gemeente, "naam": g.get("naam"), "inwoners": g.get("inwoners")},
        "wijken": [{"code": w, "naam": G.nodes[w].get("naam")} for w in wijken],
        "buurten": [{"code": b, "naam": G.nodes[b].get("naam"), "wijk": w} for b, w in buurten],
        "gebied_relaties": gebied_relaties,
        "actoren": [
            {
                "id": x,
                "label": G.nodes[x].get("label"),
                "naam": G.nodes[x].get("naam"),
                "soort": G.nodes[x].get("soort"),
                "rol": G.nodes[x].get("rol"),
                "leefgebieden": _leefgebieden_van(G, x),
            }
            for x in sorted(actoren)
        ],
        "aanbod": aanbod,
        "relaties": relaties,
    }


def feiten(G: nx.MultiDiGraph, gemeente: str) -> dict[str, Any]:
    """The facts behind the landschap question (see :func:`gemeente_feiten`)."""
    return gemeente_feiten(G, gemeente)


CYPHER = "landschap"


def feiten_uit_neo4j(rijen: list[dict[str, Any]], gemeente: str) -> dict[str, Any]:
    """The facts from the rows of ``cypher/landschap.cypher``."""
    controleer_gemeente(gemeente)
    if not rijen:
        raise NietGevonden(f"gemeente {gemeente} is niet bekend")
    return rijen[0]["feiten"]


# --- the network (shared by both stores) ---------------------------------------------------


def relatie_sleutel(r: dict[str, Any]) -> tuple:
    """A total order on relationship dicts: (van, type, naar, bron, bevestigd_op)."""
    return (r["van"], r["type"], r["naar"], r["bron"] or "", r["bevestigd_op"] or "")


def _uniek(relaties: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Relationship dicts deduplicated, sorted, with their keys in one fixed order."""
    schoon = (
        {k: r.get(k) for k in ("van", "type", "naar", "bron", "bevestigd_op")} for r in relaties
    )
    return sorted({relatie_sleutel(r): r for r in schoon}.values(), key=relatie_sleutel)


def _aanwezig_sleutel(e: dict[str, Any]) -> tuple:
    return (e["gebied"], e["aanbod"] or "", e["type"], e["bron"] or "", e["bevestigd_op"] or "")


def leefgebieden_op_volgorde(ids: Iterable[str]) -> list[str]:
    """Leefgebied ids in ZRM order (unknown ids last, by id).

    >>> leefgebieden_op_volgorde(["sociaal-netwerk", "financien"])
    ['financien', 'sociaal-netwerk']
    """
    return sorted(set(ids), key=lambda i: (_LEEFGEBIED_VOLGORDE.get(i, len(model.LEEFGEBIEDEN)), i))


@dataclass
class Netwerk:
    """The actor network of one gemeente, built from its facts by :func:`bouw_netwerk`.

    ``graaf`` is the undirected simple graph (nodes and edges added in sorted order);
    ``relaties`` maps each edge ``(u, v)`` with ``u < v`` to the relationships under it;
    ``aanwezig`` maps each actor to the WERKT_IN / ACTIEF_IN facts that place it in the gemeente
    (``aanbod`` names the offer when it is present through an offer); ``wijken`` and
    ``leefgebieden`` per actor are sorted; ``gebied_wijken`` maps each area to the wijken it
    covers.
    """

    gemeente: dict[str, Any]
    graaf: nx.Graph
    actoren: dict[str, dict[str, Any]]
    relaties: dict[tuple[str, str], list[dict[str, Any]]]
    aanwezig: dict[str, list[dict[str, Any]]]
    wijken: dict[str, list[str]]
    leefgebieden: dict[str, list[str]]
    gebied_wijken: dict[str, list[str]]
    gebied_soort: dict[str, str]
    gebied_naam: dict[str, str | None]
    wijk_naam: dict[str, str | None] = field(default_factory=dict)

    def verbinding(self, a: str, b: str) -> list[dict[str, Any]]:
        """The relationships under the edge between ``a`` and ``b`` ([] when none)."""
        return self.relaties.get((a, b) if a < b else (b, a), [])


def bouw_netwerk(feiten: dict[str, Any]) -> Netwerk:
    """Build the actor network of one gemeente from its facts (pure, deterministic).

    Examples
    --------
    >>> r = {"bron": "x", "bevestigd_op": "2026-01-01"}
    >>> feiten = {
    ...     "gemeente": {"code": "GM0001", "naam": "G", "inwoners": None},
    ...     "wijken": [{"code": "WK000101", "naam": "W"}], "buurten": [],
    ...     "gebied_relaties": [{"van": "t", "type": "WERKT_IN", "naar": "GM0001", **r},
    ...                         {"van": "a", "type": "ACTIEF_IN", "naar": "WK000101", **r}],
    ...     "actoren": [{"id": i, "label": l, "naam": i, "soort": None, "rol": None,
    ...                  "leefgebieden": []} for i, l in (("t", "Team"), ("o", "Organisatie"))],
    ...     "aanbod": [{"id": "a", "naam": "A", "leefgebieden": ["financien"],
    ...                 "aanbieders": [{"van": "o", "type": "BIEDT_AAN", "naar": "a", **r}]}],
    ...     "relaties": [{"van": "t", "type": "VERWIJST_NAAR", "naar": "a", **r}],
    ... }
    >>> net = bouw_netwerk(feiten)
    >>> sorted(net.graaf.edges), [x["type"] for x in net.verbinding("t", "o")]
    ([('o', 't')], ['BIEDT_AAN', 'VERWIJST_NAAR'])
    >>> net.wijken["o"], net.wijken["t"], net.leefgebieden["o"]
    (['WK000101'], ['WK000101'], ['financien'])
    """
    gm = feiten["gemeente"]
    code = gm["code"]
    wijken = sorted({w["code"] for w in feiten["wijken"]})
    wijk_naam = {w["code"]: w["naam"] for w in feiten["wijken"]}
    gebied_wijken: dict[str, set[str]] = {code: set(wijken), **{w: {w} for w in wijken}}
    gebied_soort = {code: model.GEMEENTE, **{w: model.WIJK for w in wijken}}
    gebied_naam: dict[str, str | None] = {code: gm.get("naam"), **wijk_naam}
    for b in feiten["buurten"]:
        gebied_wijken.setdefault(b["code"], set()).add(b["wijk"])
        gebied_soort[b["code"]] = model.BUURT
        gebied_naam[b["code"]] = b["naam"]

    actoren = {a["id"]: a for a in feiten["actoren"]}
    aanbod = {o["id"]: o for o in feiten["aanbod"]}
    aanbieders = {o: _uniek(x["aanbieders"]) for o, x in aanbod.items()}

    aanwezig: dict[str, dict[tuple, dict[str, Any]]] = {a: {} for a in actoren}
    actief_aanbod: dict[str, set[str]] = defaultdict(set)
    for r in _uniek(feiten["gebied_relaties"]):
        if r["naar"] not in gebied_soort:
            continue
        e = {
            "gebied": r["naar"],
            "soort": gebied_soort[r["naar"]],
            "type": r["type"],
            "aanbod": None,
            "bron": r["bron"],
            "bevestigd_op": r["bevestigd_op"],
        }
        if r["van"] in actoren:
            aanwezig[r["van"]][_aanwezig_sleutel(e)] = e
        elif r["van"] in aanbod:
            for b in aanbieders[r["van"]]:
                if b["van"] in actoren:
                    e2 = {**e, "aanbod": r["van"]}
                    aanwezig[b["van"]][_aanwezig_sleutel(e2)] = e2
                    actief_aanbod[b["van"]].add(r["van"])

    relaties: dict[tuple[str, str], dict[tuple, dict[str, Any]]] = defaultdict(dict)
    for r in _uniek(feiten["relaties"]):
        u = r["van"]
        if u not in actoren or r["type"] not in NETWERK_RELATIES:
            continue
        if r["naar"] in actoren:
            doelen = [(r["naar"], [r])]
        elif r["type"] == model.VERWIJST_NAAR and r["naar"] in aanbod:
            doelen = [(b["van"], [r, b]) for b in aanbieders[r["naar"]] if b["van"] in actoren]
        else:
            doelen = []
        for v, onder in doelen:
            if v == u:
                continue
            paar = (u, v) if u < v else (v, u)
            for x in onder:
                relaties[paar][relatie_sleutel(x)] = x

    G = nx.Graph()
    for a in sorted(actoren):
        G.add_node(a, label=actoren[a]["label"])
    G.add_edges_from(sorted(relaties))

    return Netwerk(
        gemeente={"code": code, "naam": gm.get("naam"), "inwoners": gm.get("inwoners")},
        graaf=G,
        actoren=actoren,
        relaties={
            p: sorted(rs.values(), key=relatie_sleutel) for p, rs in sorted(relaties.items())
        },
        aanwezig={a: sorted(es.values(), key=_aanwezig_sleutel) for a, es in aanwezig.items()},
        wijken={
            a: sorted({w for e in es.values() for w in gebied_wijken[e["gebied"]]})
            for a, es in aanwezig.items()
        },
        leefgebieden={
            a: leefgebieden_op_volgorde(
                [
                    *(actoren[a].get("leefgebieden") or []),
                    *(lg for o in actief_aanbod[a] for lg in aanbod[o].get("leefgebieden") or ()),
                ]
            )
            for a in actoren
        },
        gebied_wijken={g: sorted(ws) for g, ws in gebied_wijken.items()},
        gebied_soort=gebied_soort,
        gebied_naam=gebied_naam,
        wijk_naam=wijk_naam,
    )


# --- metrics --------------------------------------------------------------------------------


def gemeenschappen(G: nx.Graph) -> list[list[str]]:
    """Communities by greedy modularity, as sorted id lists, largest first, then by first id.

    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y")])
    >>> G.add_node("z")
    >>> gemeenschappen(G)
    [['a', 'b', 'c'], ['x', 'y'], ['z']]
    """
    if G.number_of_nodes() == 0:
        return []
    groepen = [sorted(c) for c in nx.community.greedy_modularity_communities(G)]
    return sorted(groepen, key=lambda c: (-len(c), c[0]))


def betweenness(G: nx.Graph) -> dict[str, float]:
    """Normalised betweenness centrality per node, rounded to 6 decimals.

    >>> betweenness(nx.path_graph(["a", "b", "c"]))
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    return {n: round(x, 6) for n, x in nx.betweenness_centrality(G).items()}


def bruggen(G: nx.Graph) -> list[dict[str, Any]]:
    """The articulation points: actors whose removal splits their component.

    ``splitst_in`` is the number of pieces the component falls into without the actor,
    ``delen`` their sizes (largest first) and ``afgesneden`` the actors outside the largest
    piece (the first after sorting by size, then by first id), i.e. those cut off from the rest.
    Ordered by ``splitst_in`` (most first), then by id.

    >>> bruggen(nx.path_graph(["a", "b", "c", "d"]))
    [{'id': 'b', 'splitst_in': 2, 'delen': [2, 1], 'afgesneden': ['a']},
     {'id': 'c', 'splitst_in': 2, 'delen': [2, 1], 'afgesneden': ['d']}]
    """
    uit = []
    for n in sorted(nx.articulation_points(G)):
        component = nx.node_connected_component(G, n) - {n}
        delen = [sorted(c) for c in nx.connected_components(G.subgraph(component))]
        delen.sort(key=lambda c: (-len(c), c[0]))
        uit.append(
            {
                "id": n,
                "splitst_in": len(delen),
                "delen": [len(c) for c in delen],
                "afgesneden": sorted(x for c in delen[1:] for x in c),
            }
        )
    return sorted(uit, key=lambda b: (-b["splitst_in"], b["id"]))


# --- the answer -----------------------------------------------------------------------------


def antwoord(feiten: dict[str, Any], **_params: Any) -> dict[str, Any]:
    """The landschap answer from the facts of one gemeente (shared by both stores; pure).

    Examples
    --------
    >>> r = {"bron": "x", "bevestigd_op": "2026-01-01"}
    >>> feiten = {
    ...     "gemeente": {"code": "GM0001", "naam": "G", "inwoners": 100},
    ...     "wijken": [], "buurten": [],
    ...     "gebied_relaties": [{"van": t, "type": "WERKT_IN", "naar": "GM0001", **r}
    ...                         for t in ("t1", "t2", "t3")],
    ...     "actoren": [{"id": t, "label": "Team", "naam": t, "soort": "buurtteam", "rol": None,
    ...                  "leefgebieden": []} for t in ("t1", "t2", "t3")],
    ...     "aanbod": [],
    ...     "relaties": [{"van": "t1", "type": "WERKT_SAMEN_MET", "naar": "t2", **r},
    ...                  {"van": "t2", "type": "WERKT_SAMEN_MET", "naar": "t1", **r}],
    ... }
    >>> a = antwoord(feiten)
    >>> [(v["van"], v["naar"], len(v["relaties"])) for v in a["verbindingen"]]
    [('t1', 't2', 2)]
    >>> a["geisoleerde_teams"], a["gemeenschappen"]
    (['t3'], [{'nr': 1, 'leden': ['t1', 't2']}, {'nr': 2, 'leden': ['t3']}])
    """
    net = bouw_netwerk(feiten)
    G = net.graaf
    groepen = gemeenschappen(G)
    nr = {n: i for i, leden in enumerate(groepen, start=1) for n in leden}
    bc = betweenness(G)

    knopen = []
    for n in sorted(G.nodes):
        a = net.actoren[n]
        knopen.append(
            {
                "id": n,
                "label": a["label"],
                "naam": a.get("naam"),
                "soort": a.get("soort"),
                "rol": a.get("rol"),
                "wijken": net.wijken[n],
                "leefgebieden": net.leefgebieden[n],
                "graad": G.degree(n),
                "betweenness": bc[n],
                "gemeenschap": nr[n],
                "aanwezig": net.aanwezig[n],
            }
        )
    verbindingen = [{"van": u, "naar": v, "relaties": rs} for (u, v), rs in net.relaties.items()]
    geisoleerd = [n for n in sorted(G.nodes) if G.degree(n) == 0]
    teams_geisoleerd = [n for n in geisoleerd if net.actoren[n]["label"] == model.TEAM]
    brug = [
        {
            "id": b["id"],
            "naam": net.actoren[b["id"]].get("naam"),
            "label": net.actoren[b["id"]]["label"],
            "splitst_in": b["splitst_in"],
            "delen": b["delen"],
            "afgesneden": b["afgesneden"],
        }
        for b in bruggen(G)
    ]
    labels = [net.actoren[n]["label"] for n in G.nodes]
    return {
        "gemeente": net.gemeente,
        "knopen": knopen,
        "verbindingen": verbindingen,
        "gemeenschappen": [{"nr": i, "leden": leden} for i, leden in enumerate(groepen, start=1)],
        "geisoleerde_teams": teams_geisoleerd,
        "bruggen": brug,
        "samenvatting": {
            "knopen": G.number_of_nodes(),
            "teams": labels.count(model.TEAM),
            "organisaties": labels.count(model.ORGANISATIE),
            "initiatieven": labels.count(model.INITIATIEF),
            "verbindingen": G.number_of_edges(),
            "componenten": nx.number_connected_components(G),
            "gemeenschappen": len(groepen),
            "geisoleerd": len(geisoleerd),
            "geisoleerde_teams": len(teams_geisoleerd),
            "bruggen": len(brug),
            "dichtheid": round(nx.density(G), 6) if G.number_of_nodes() > 1 else 0.0,
        },
        "methode": METHODE,
    }


def landschap(G: nx.MultiDiGraph, gemeente: str) -> dict[str, Any]:
    """The actor network of ``gemeente`` on a Wijkgraaf graph (see the module documentation).

    Examples
    --------
    >>> from netwerk.stores.geheugen import MemoryStore
    >>> from netwerk.model import Knoop, Relatie
    >>> s = MemoryStore()
    >>> _ = s.upsert_knopen([Knoop("Gemeente", "GM0001", {"naam": "G"}),
    ...                      Knoop("Team", "t", {"naam": "T"})])
    >>> _ = s.upsert_relaties([Relatie("t", "WERKT_IN", "GM0001", "x", "2026-01-01")])
    >>> landschap(s.graaf(), "GM0001")["geisoleerde_teams"]
    ['t']
    """
    return antwoord(feiten(G, gemeente))
