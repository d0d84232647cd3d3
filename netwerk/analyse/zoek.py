"""Aanbod zoeken: offers by free text, leefgebied, doelgroep, vorm and area, a page at a time.

Parameters (all optional): ``tekst``, ``leefgebied`` (id, name or alias), ``doelgroep`` (id,
name or alias), ``vorm`` (one of :data:`netwerk.model.AANBOD_VORMEN`), ``gebied`` (the CBS code
of a gemeente, wijk or buurt), ``pagina`` (1-based, default 1) and ``per_pagina`` (1..100,
default 20). An offer is found when it meets every filter given:

- **tekst**: the text and the offer's naam, omschrijving and the naam of its aanbieder(s) are
  cut into words the same way (:func:`woorden`): per character, an ASCII letter or digit in
  lower case, another letter or decimal digit in Unicode NFKD without its accents (``é`` is
  ``e``, ``ĳ`` is ``ij``), anything else a space; the words are the runs of ``a-z0-9``. Every
  word of the query (a *term*) must be the start of some word of the offer: ``caf`` and
  ``cafe`` find "Repair Café", ``ochtend`` does not find "Koffieochtend" but ``koffie`` does.
  Terms are combined with AND, and a term may match in any of the three fields.
- **leefgebied**: the offer RICHT_ZICH_OP that leefgebied.
- **doelgroep**: the offer's doelgroepen name it, or name ``iedereen`` (Alle inwoners), since an
  offer for everyone is also for that group.
- **vorm**: the offer has that vorm.
- **gebied**: the offer is ACTIEF_IN the area itself, in an area that contains it (for a buurt
  its wijk and gemeente, for a wijk its gemeente: ``wijkbreed``, ``gemeentebreed``) or in an area
  inside it (for a gemeente its wijken and buurten, for a wijk its buurten). An offer in a buurt
  of another wijk is not found from this wijk. An unknown code raises NietGevonden.

Order: with a text, by the number of terms that start a word of the offer's naam (most first),
then by the naam in lower case without accents (:func:`vouw`), then by id; without a text by
that naam, then id. Each result says why it was found (``waarom``): per term the
fields and words it matched, the areas through which it is available with the sources of
those ACTIEF_IN relationships, the leefgebied relationship with its sources, the doelgroep.

On Neo4j the full-text index ``aanbod_tekst`` (``cypher/schema_aanbod_tekst.cypher``, analyzer
``standard-folding``) gives the candidates for a text (unless an area is asked for: the offers
available there are the candidates then, see :func:`parameters`): per term the query ``*term*``
over the naam and omschrijving of offers and the naam of organisaties and initiatieven (whose
offers follow via BIEDT_AAN), intersected over the terms. Matching anywhere inside an indexed
term keeps the candidates a superset of the rule above where Lucene's tokenizer keeps more
together than the rule does (``www.gouda.nl``, ``10.30``, ``d'r``). The analyzer drops English
stop words, so a term that starts one (``in``, ``a``, ``of``, ...) is not sent to the index
(:data:`STOPWOORDEN_INDEX`); the rule still applies it. Characters the analyzer does not fold
(styled letters such as ``𝐊``, superscripts, an accent stored as a separate character) separate
words in the rule as well. Before it gathers their facts, the query keeps only the candidates
with every term inside one of their texts (naam, omschrijving, naam of an aanbieder) taken in
lower case, in NFKD and without the common accents (:data:`ACCENTEN`), or with a text in which
another non-ASCII character is left: a superset of the rule too, since every word of a text
lies inside that form of it when the form is ASCII. The shared :func:`antwoord` applies the
rule exactly to the candidates, so both stores give the same answer.
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata
from collections import defaultdict
from functools import cache
from typing import Any

import networkx as nx

from netwerk import model
from netwerk.analyse.graaf import label
from netwerk.analyse.invoer import geheel
from netwerk.fouten import NietGevonden, OngeldigeInvoer

CYPHER = "aanbod_zoeken"
#: The full-text index used on Neo4j (see ``cypher/schema_aanbod_tekst.cypher``).
INDEX = "aanbod_tekst"
PER_PAGINA, MAX_PER_PAGINA = 20, 100
#: Longest text accepted, in characters.
MAX_TEKST = 200
#: Fields of an offer a term can match, in the order they are reported.
VELDEN = ("naam", "omschrijving", "aanbieder")
#: The stop words the analyzer ``standard-folding`` leaves out of the index (Lucene's English
#: list). A term that is the start of one of them is not sent to the index.
STOPWOORDEN_INDEX = frozenset(
    "a an and are as at be but by for if in into is it no not of on or such that the their "
    "then there these they this to was will with".split()
)
#: The combining marks (accents) the query on Neo4j drops from a text in NFKD before it looks
#: for the terms in it; a text with another non-ASCII character left is kept for the answer.
ACCENTEN = "\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u030a\u030b\u030c\u0327\u0328"
REGELS = {
    "tekst": (
        "elk woord van de zoektekst is het begin van een woord uit de naam, de omschrijving of "
        "de naam van de aanbieder (woorden: zonder accenten, in kleine letters, a-z en 0-9)"
    ),
    "gebied": (
        "actief in het gebied zelf, in een gebied dat het omvat (wijk, gemeente) of in een "
        "gebied daarbinnen (wijk, buurt)"
    ),
    "doelgroep": "de doelgroep of 'iedereen' staat bij het aanbod",
    "volgorde": (
        "met zoektekst: aantal zoekwoorden in de naam (meeste eerst), dan naam, dan id; "
        "zonder zoektekst: naam, dan id"
    ),
}
_LEEFGEBIED_NAAM = dict(model.LEEFGEBIEDEN)
_DOELGROEP_NAAM = dict(model.DOELGROEPEN)
_IEDEREEN = "iedereen"
_DOELGROEP_VOLGORDE, _LEEFGEBIED_VOLGORDE = model.DOELGROEP_IDS, model.LEEFGEBIED_IDS
_WOORD = re.compile(r"[a-z0-9]+")


# --- words ------------------------------------------------------------------------------------


def vouw(tekst: str) -> str:
    """``tekst`` in Unicode NFKD without combining marks (accents), in lower case.

    >>> vouw("Café Ĳsselstein")
    'cafe ijsselstein'
    """
    if tekst.isascii():  # NFKD leaves ASCII as it is and it has no combining marks
        return tekst.lower()
    return unicodedata.normalize("NFKD", tekst).translate(_ZONDER_TEKENS).lower()


class _ZonderTekens(dict[int, str]):
    """For ``str.translate``: a combining mark (Unicode category M) to nothing, any other
    character to itself; per code point filled in on first use."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        uit = self[code] = "" if unicodedata.category(c).startswith("M") else c
        return uit


_ZONDER_TEKENS = _ZonderTekens()


#: Letters the index's analyzer does not fold to ASCII although Unicode decomposes them to it
#: (measured on Neo4j 5.26, ``standard-folding``), besides styled, superscript and subscript
#: forms: they separate words, so both stores treat them alike.
_NIET_GEVOUWEN = frozenset("\u212b\u1e9b\ufb05")  # Å (angstrom sign), ẛ, ﬅ
_GESTILEERD = ("<font>", "<super>", "<sub>")


@cache
def _teken(c: str) -> str:
    """What one character of a text gives the words: lower-case ``a-z0-9``, or a space."""
    if c.isascii():
        return c.lower() if c.isalnum() else " "
    soort = unicodedata.category(c)
    if not (soort[0] == "L" or soort == "Nd") or c in _NIET_GEVOUWEN:
        return " "
    x = c
    while ontleding := unicodedata.decomposition(x).split():
        if ontleding[0] in _GESTILEERD:
            return " "
        x = chr(int(ontleding[1 if ontleding[0].startswith("<") else 0], 16))
    uit = []
    for d in unicodedata.normalize("NFKD", c):
        if d.isascii() and d.isalnum():
            uit.append(d.lower())
        elif not unicodedata.category(d).startswith("M"):
            uit.append(" ")
    return "".join(uit) or " "  # a letter that is only accents (ﾞ) separates words too


class _Tekens(dict[int, str]):
    """The table of :func:`_teken` for ``str.translate``, per code point filled in on first use."""

    def __missing__(self, code: int) -> str:
        uit = self[code] = _teken(chr(code))
        return uit


_TEKENS = _Tekens()
#: :func:`_teken` for the 128 ASCII characters as a table for ``bytes.translate``.
_ASCII = bytes(ord(_teken(chr(i))) for i in range(128)).ljust(256, b" ")
_NIET_ASCII = "wijkgraaf-zoek-teken"


def _niet_ascii(fout: UnicodeError) -> tuple[str, int]:
    """The error handler of the ``ascii`` codec for :func:`gevouwen`: a run of non-ASCII
    characters is replaced by what they give the words (only ``a-z0-9`` and spaces)."""
    if not isinstance(fout, UnicodeEncodeError):
        raise fout
    return fout.object[fout.start : fout.end].translate(_TEKENS), fout.end


codecs.register_error(_NIET_ASCII, _niet_ascii)


def gevouwen(tekst: str) -> str:
    """``tekst`` with every character replaced by what it gives the words (:func:`_teken`): only
    ``a-z0-9`` and spaces remain, the words (:func:`woorden`) are its runs of ``a-z0-9``. A term
    starts a word of ``tekst`` exactly when ``" " + term`` is in ``" " + gevouwen(tekst)``.

    The same as ``"".join(_teken(c) for c in tekst)``, but in C for the ASCII characters (a
    table for ``bytes.translate``); only runs of other characters go through :data:`_TEKENS`.

    >>> gevouwen("Repair Café, 5 m²")
    'repair cafe  5 m '
    """
    return tekst.encode("ascii", _NIET_ASCII).translate(_ASCII).decode("ascii")


def woorden(tekst: str | None) -> list[str]:
    """The words of ``tekst`` for searching, the runs of ``a-z0-9`` after this, per character:
    an ASCII letter or digit in lower case; another letter or decimal digit decomposed (Unicode
    NFKD) with its accents dropped (``é`` is ``e``, ``ĳ`` is ``ij``, ``ø`` has no ASCII form);
    anything else a space: punctuation, symbols, superscripts (``m²`` is ``m``), styled letters,
    and a separate combining accent (text in NFD form: ``e`` followed by U+0301).

    >>> woorden("Repair Café: elke 2e zaterdag, 10.30 uur, 5 m²")
    ['repair', 'cafe', 'elke', '2e', 'zaterdag', '10', '30', 'uur', '5', 'm']
    >>> woorden("Ĳssel Søren naïef"), woorden("nai\u0308ef")
    (['ijssel', 's', 'ren', 'naief'], ['nai', 'ef'])
    """
    if not tekst:
        return []
    return _WOORD.findall(gevouwen(tekst))


def zoektermen_index(termen: list[str]) -> list[str]:
    """The Lucene queries (one per term) for the full-text index on Neo4j: ``*term*``.

    Terms are runs of ``a-z0-9`` (see :func:`woorden`), so they hold no character the Lucene
    query syntax gives a meaning (nothing to escape); the operators ``AND``/``OR``/``NOT`` are
    upper case and never a term. A term that starts a stop word of the analyzer is left out.

    >>> zoektermen_index(["koffie", "in", "the", "thee"])
    ['*koffie*', '*thee*']
    """
    uit = []
    for t in termen:
        if not _WOORD.fullmatch(t):  # cannot happen for terms from woorden(); never send it
            raise OngeldigeInvoer(f"ongeldige zoekterm {t!r}")
        if not any(s.startswith(t) for s in STOPWOORDEN_INDEX):
            uit.append(f"*{t}*")
    return uit


# --- parameters -------------------------------------------------------------------------------


def _optioneel(waarde: Any, naam: str) -> str | None:
    if waarde is None:
        return None
    if not isinstance(waarde, str):
        raise OngeldigeInvoer(f"{naam} moet tekst zijn")
    return waarde.strip() or None


def zoekvraag(
    tekst: str | None = None,
    leefgebied: str | None = None,
    doelgroep: str | None = None,
    vorm: str | None = None,
    gebied: str | None = None,
    pagina: int | str | None = None,
    per_pagina: int | str | None = None,
    **overig: Any,
) -> dict[str, Any]:
    """The parameters checked and normalised; raises OngeldigeInvoer for a bad one.

    Empty values count as not given. ``termen`` are the distinct words of ``tekst``.

    Examples
    --------
    >>> v = zoekvraag(tekst=" Café  café hulp ", leefgebied="Financiën", gebied="wk051305",
    ...               per_pagina="5")
    >>> v["termen"], v["leefgebied"], v["gebied"], v["pagina"], v["per_pagina"]
    (['cafe', 'hulp'], 'financien', 'WK051305', 1, 5)
    >>> zoekvraag(per_pagina=101)
    Traceback (most recent call last):
    ...
    netwerk.fouten.OngeldigeInvoer: per_pagina moet tussen 1 en 100 liggen, niet 101
    """
    if overig:
        raise OngeldigeInvoer(f"onbekende parameter(s): {', '.join(sorted(overig))}")
    tekst = _optioneel(tekst, "tekst")
    if tekst is not None and len(tekst) > MAX_TEKST:
        raise OngeldigeInvoer(f"de zoektekst is langer dan {MAX_TEKST} tekens")
    termen = list(dict.fromkeys(woorden(tekst)))
    leefgebied = _optioneel(leefgebied, "leefgebied")
    doelgroep = _optioneel(doelgroep, "doelgroep")
    vorm = _optioneel(vorm, "vorm")
    gebied = _optioneel(gebied, "gebied")
    if gebied is not None:
        if model.gebied_label(gebied.upper()) is not None:
            gebied = gebied.upper()
        elif re.match(r"^(GM|WK|BU)\d", gebied.upper()) or not model.ID_PATROON.match(gebied):
            # a mistyped CBS code; anything else may be the id of an own area (Gebied)
            raise OngeldigeInvoer(
                f"{gebied!r} is geen CBS-code van een gemeente, wijk of buurt "
                "(GM...., WK......, BU........) en geen id van een eigen gebied"
            )
    return {
        "tekst": tekst,
        "termen": termen,
        "leefgebied": model.leefgebied(leefgebied) if leefgebied else None,
        "doelgroep": model.doelgroep(doelgroep) if doelgroep else None,
        "vorm": model.uit_lijst(vorm, model.AANBOD_VORMEN, "vorm") if vorm else None,
        "gebied": gebied,
        "pagina": geheel(pagina, "pagina", 1, None),
        "per_pagina": geheel(per_pagina, "per_pagina", PER_PAGINA, MAX_PER_PAGINA),
    }


def _doelgroepen_filter(v: dict[str, Any]) -> list[str] | None:
    if v["doelgroep"] is None:
        return None
    return sorted({v["doelgroep"], _IEDEREEN})


# --- facts from the memory store ---------------------------------------------------------------


def _gebied_feiten(G: nx.MultiDiGraph, code: str) -> dict[str, Any]:
    if label(G, code) not in (*model.GEBIEDEN, model.EIGEN_GEBIED):
        raise NietGevonden(f"gebied {code} is niet bekend")

    def stap(knopen: set[str], omhoog: bool) -> set[str]:
        uit = set()
        for k in knopen:
            randen = G.out_edges(k, data=True) if omhoog else G.in_edges(k, data=True)
            for u, v, d in randen:
                if d["type"] == model.LIGT_IN:
                    uit.add(v if omhoog else u)
        return uit

    if label(G, code) == model.EIGEN_GEBIED:  # an own area: its buurten and what they lie in
        onder = {v for _, v, d in G.out_edges(code, data=True) if d["type"] == model.OMVAT}
        boven1 = stap(onder, True)
        return {
            "code": code,
            "naam": G.nodes[code].get("naam"),
            "soort": model.EIGEN_GEBIED,
            "boven": sorted(boven1 | stap(boven1, True)),
            "onder": sorted(onder),
        }
    boven1, onder1 = stap({code}, True), stap({code}, False)
    return {
        "code": code,
        "naam": G.nodes[code].get("naam"),
        "soort": label(G, code),
        "boven": sorted(boven1 | stap(boven1, True)),
        "onder": sorted(onder1 | stap(onder1, False)),
    }


def _aanbod_feiten(G: nx.MultiDiGraph, o: str) -> dict[str, Any]:
    knopen = G._node  # the adjacency dicts directly: this runs for every offer found
    attrs = knopen[o]
    leefgebieden, aanbieders, werkgebied = [], [], []
    for v, randen in G._succ[o].items():
        for d in randen.values():
            soort = d["type"]
            if soort == model.RICHT_ZICH_OP and knopen[v].get("label") == model.LEEFGEBIED:
                leefgebieden.append(
                    {
                        "id": v,
                        "naam": knopen[v].get("naam"),
                        "bron": d["bron"],
                        "bevestigd_op": d["bevestigd_op"],
                    }
                )
            elif soort == model.ACTIEF_IN:
                werkgebied.append(
                    {
                        "code": v,
                        "naam": knopen[v].get("naam"),
                        "soort": knopen[v].get("label"),
                        "bron": d["bron"],
                        "bevestigd_op": d["bevestigd_op"],
                    }
                )
    for u, randen in G._pred[o].items():
        for d in randen.values():
            if d["type"] == model.BIEDT_AAN:
                aanbieders.append(
                    {
                        "id": u,
                        "naam": knopen[u].get("naam"),
                        "label": knopen[u].get("label"),
                        "bron": d["bron"],
                        "bevestigd_op": d["bevestigd_op"],
                    }
                )
    return {
        "id": o,
        "naam": attrs.get("naam"),
        "vorm": attrs.get("vorm"),
        "omschrijving": attrs.get("omschrijving"),
        "contact": attrs.get("contact"),
        "doelgroepen": list(attrs.get("doelgroepen", [])),
        "leefgebieden": leefgebieden,
        "aanbieders": aanbieders,
        "werkgebied": werkgebied,
    }


def feiten(G: nx.MultiDiGraph, **params: Any) -> dict[str, Any]:
    """Gather the facts for a search from a Wijkgraaf graph: the area asked for (with the areas
    above and below it) and every offer that meets the filters on area, vorm, doelgroep and
    leefgebied, and the text rule (all applied again by :func:`antwoord`). The filters are
    checked on the node and its relationships first; the facts are built only for the offers
    that meet them.

    Raises OngeldigeInvoer for bad parameters and NietGevonden for an unknown area.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("GM0014", label="Gemeente", naam="Groningen")
    >>> G.add_node("a1", label="Aanbod", naam="Koffie", vorm="collectief")
    >>> _ = G.add_edge("a1", "GM0014", key="ACTIEF_IN|x", type="ACTIEF_IN", bron="x",
    ...                bevestigd_op="2026-01-01")
    >>> f = feiten(G, gebied="GM0014", vorm="collectief")
    >>> f["gebied"]["soort"], [a["id"] for a in f["aanbod"]]
    ('Gemeente', ['a1'])
    >>> [a["id"] for a in feiten(G, tekst="koffie")["aanbod"]], feiten(G, tekst="thee")["aanbod"]
    (['a1'], [])
    """
    v = zoekvraag(**params)
    # the adjacency dicts of networkx directly (node -> neighbour -> key -> data): this loop
    # runs over every offer of the area (hundreds in a big city), or of the country
    knopen, opvolgers, voorgangers = G._node, G._succ, G._pred
    gebied = _gebied_feiten(G, v["gebied"]) if v["gebied"] else None
    if gebied is not None:
        kandidaten = set()
        for c in {gebied["code"], *gebied["boven"], *gebied["onder"]}:
            for u, randen in voorgangers[c].items():
                if knopen[u].get("label") == model.AANBOD:
                    for d in randen.values():
                        if d["type"] == model.ACTIEF_IN:
                            kandidaten.add(u)
                            break
    else:
        kandidaten = {n for n, attrs in knopen.items() if attrs.get("label") == model.AANBOD}
    doelgroepen = _doelgroepen_filter(v)
    termen = _termen(v)
    aanbod = []
    for o in sorted(kandidaten):
        attrs = knopen[o]
        if v["vorm"] is not None and attrs.get("vorm") != v["vorm"]:
            continue
        if doelgroepen is not None and not set(attrs.get("doelgroepen", [])) & set(doelgroepen):
            continue
        if v["leefgebied"] is not None and not any(
            d["type"] == model.RICHT_ZICH_OP for d in opvolgers[o].get(v["leefgebied"], {}).values()
        ):
            continue
        if termen:  # on the texts, before the facts are built
            teksten = [attrs.get("naam"), attrs.get("omschrijving")]
            for u, randen in voorgangers[o].items():
                for d in randen.values():
                    if d["type"] == model.BIEDT_AAN:
                        teksten.append(knopen[u].get("naam"))
                        break
            if not _tekst_past(termen, teksten):
                continue
        aanbod.append(_aanbod_feiten(G, o))
    return {"gebied": gebied, "aanbod": aanbod}


# --- facts from Neo4j -----------------------------------------------------------------------


def parameters(**params: Any) -> dict[str, Any]:
    """The parameters of ``cypher/aanbod_zoeken.cypher`` for a search (the optional hook of
    :data:`netwerk.analyse.VRAGEN`): all of them always given, ``None`` where not used, checked
    and normalised here, since Cypher cannot normalise like :func:`zoekvraag` does.

    ``zoektermen`` (the index queries) are left empty when an area is asked for: the offers
    available there (those of the area, the areas inside it and above it) are fewer than a
    nationwide index lookup of a common word gives, so the area gives the candidates. The query
    checks the ``termen`` on their texts before it gathers their facts (see
    ``cypher/aanbod_zoeken.cypher``: a superset of the word rule) and :func:`antwoord` applies
    the rule exactly.

    >>> p = parameters(tekst="Café in Noord", doelgroep="senioren")
    >>> p["zoektermen"], p["termen"], p["doelgroepen"], p["gebied"]
    (['*cafe*', '*noord*'], ['cafe', 'in', 'noord'], ['iedereen', 'ouderen'], None)
    >>> p = parameters(tekst="Café", gebied="GM0513")
    >>> p["zoektermen"], p["termen"]
    ([], ['cafe'])
    """
    v = zoekvraag(**params)
    return {
        "gebied": v["gebied"],
        "leefgebied": v["leefgebied"],
        "doelgroepen": _doelgroepen_filter(v),
        "vorm": v["vorm"],
        "zoektermen": [] if v["gebied"] is not None else zoektermen_index(v["termen"]),
        "termen": v["termen"],
        "accenten": list(ACCENTEN),
        "ascii": "[\\x00-\\x7F]*",
    }


def feiten_uit_neo4j(rijen: list[dict[str, Any]], **params: Any) -> dict[str, Any]:
    """The facts from the rows of ``cypher/aanbod_zoeken.cypher`` (one row: gebied, aanbod).

    >>> feiten_uit_neo4j([{"gebied": None, "aanbod": []}])
    {'gebied': None, 'aanbod': []}
    """
    v = zoekvraag(**params)
    rij = rijen[0] if rijen else {"gebied": None, "aanbod": []}
    gebied = rij["gebied"]
    if v["gebied"] is not None and (
        gebied is None or gebied["soort"] not in (*model.GEBIEDEN, model.EIGEN_GEBIED)
    ):
        raise NietGevonden(f"gebied {v['gebied']} is niet bekend")
    if gebied is not None:
        gebied = {
            **gebied,
            "boven": sorted(set(gebied["boven"])),
            "onder": sorted(set(gebied["onder"])),
        }
    return {"gebied": gebied, "aanbod": rij["aanbod"]}


# --- the answer ---------------------------------------------------------------------------------


def _bronnen(feiten: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [
        {"bron": b, "bevestigd_op": d}
        for b, d in sorted({(f["bron"], f["bevestigd_op"]) for f in feiten})
    ]


def _per_sleutel(feiten: list[dict[str, Any]], sleutel: str) -> dict[str, list[dict[str, Any]]]:
    groepen: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in feiten:
        groepen[f[sleutel]].append(f)
    return groepen


def _volgorde(lijst: tuple[str, ...], x: str) -> tuple[int, str]:
    return (lijst.index(x) if x in lijst else len(lijst), x)


def _tekst_treffers(termen: list[str], velden: dict[str, list[str]]) -> list[dict[str, Any]] | None:
    """Per term the fields and words it starts, or None when some term starts no word."""
    treffers = []
    for t in termen:
        gevonden = {veld: sorted({w for w in ws if w.startswith(t)}) for veld, ws in velden.items()}
        gevonden = {veld: ws for veld, ws in gevonden.items() if ws}
        if not gevonden:
            return None
        treffers.append(
            {
                "term": t,
                "velden": [veld for veld in VELDEN if veld in gevonden],
                "woorden": sorted({w for ws in gevonden.values() for w in ws}),
            }
        )
    return treffers


def _termen(v: dict[str, Any]) -> list[str]:
    """The terms of the search, each after a space, for :func:`_tekst_past`."""
    return [" " + t for t in v["termen"]]


def _tekst_past(termen: list[str], teksten: list[str | None]) -> bool:
    """Whether every term (each after a space, :func:`_termen`) starts a word of one of the
    ``teksten`` (naam, omschrijving, names of the aanbieders): the text rule without listing
    the words (see :func:`gevouwen`).

    >>> _tekst_past([" koffie", " buurtc"], ["Koffie & thee", "in het Buurtcafé", None])
    True
    >>> _tekst_past([" koffie", " caf"], ["Koffie & thee", "in het Buurtcafé"])
    False
    """
    alles = gevouwen(" ".join([" ", *filter(None, teksten)]))
    for t in termen:
        if t not in alles:
            return False
    return True


def _in_naam(termen: list[str], naam: str | None) -> int:
    """The number of terms (each after a space) that start a word of ``naam``."""
    if not naam or not termen:
        return 0
    gevouwen_naam = " " + gevouwen(naam)
    return sum(1 for t in termen if t in gevouwen_naam)


def _velden(o: dict[str, Any]) -> dict[str, list[str]]:
    """The words of an offer per field a term can match (see :data:`VELDEN`)."""
    aanbieders = _per_sleutel(o["aanbieders"], "id")
    return {
        "naam": woorden(o["naam"]),
        "omschrijving": woorden(o["omschrijving"]),
        "aanbieder": [w for a in aanbieders.values() for w in woorden(a[0]["naam"])],
    }


def _hoe(gebied: dict[str, Any], code: str, soort: str) -> str | None:
    if code == gebied["code"]:
        return "in dit gebied"
    if code in gebied["boven"]:
        return f"{soort.lower()}breed"
    if code in gebied["onder"]:
        return f"in een {soort.lower()} van dit gebied"
    return None


def antwoord(feiten: dict[str, Any], **params: Any) -> dict[str, Any]:
    """The search answer from the facts (shared by both stores; pure): the exact filter, the
    order and the page. See the module documentation for the rules.

    Examples
    --------
    >>> def aanbod(id, naam, omschrijving):
    ...     return {"id": id, "naam": naam, "vorm": "collectief", "omschrijving": omschrijving,
    ...             "contact": None, "doelgroepen": [], "leefgebieden": [], "aanbieders": [],
    ...             "werkgebied": []}
    >>> feiten = {"gebied": None, "aanbod": [
    ...     aanbod("a", "Buurtkamer", "Koffie en een praatje"),
    ...     aanbod("b", "Koffieochtend", "Elke dinsdag"),
    ...     aanbod("c", "Repair Café", "Samen repareren")]}
    >>> a = antwoord(feiten, tekst="koffie")
    >>> [r["id"] for r in a["resultaten"]], a["totaal"]
    (['b', 'a'], 2)
    >>> a["resultaten"][1]["waarom"]["tekst"]
    [{'term': 'koffie', 'velden': ['omschrijving'], 'woorden': ['koffie']}]
    >>> [r["naam"] for r in antwoord(feiten, tekst="cafe")["resultaten"]]
    ['Repair Café']
    """
    v = zoekvraag(**params)
    gebied = feiten["gebied"]
    gebieden = None if gebied is None else {gebied["code"], *gebied["boven"], *gebied["onder"]}
    termen = _termen(v)
    gevonden = []
    for o in feiten["aanbod"]:
        naam_treffers = _past(o, v, gebieden, termen)
        if naam_treffers is not None:
            gevonden.append(((-naam_treffers, vouw(o["naam"] or ""), o["id"]), o))
    gevonden.sort(key=lambda x: x[0])
    totaal, pagina, per_pagina = len(gevonden), v["pagina"], v["per_pagina"]
    begin = (pagina - 1) * per_pagina
    return {
        # the explanation only for the offers shown; _past decided the same as _waarom does
        "resultaten": [
            _resultaat(o, _waarom(o, v, gebied)) for _, o in gevonden[begin : begin + per_pagina]
        ],
        "totaal": totaal,
        "pagina": pagina,
        "per_pagina": per_pagina,
        "paginas": math.ceil(totaal / per_pagina),
        "zoekvraag": v,
        "gebied": (
            {k: gebied[k] for k in ("code", "naam", "soort")} if gebied is not None else None
        ),
        "regels": dict(REGELS),
    }


def _past(
    o: dict[str, Any], v: dict[str, Any], gebieden: set[str] | None, termen: list[str]
) -> int | None:
    """Whether offer ``o`` meets the search ``v``, decided as :func:`_waarom` does but without
    building the explanation: None if not, else the number of terms in its naam (for the order).
    ``gebieden`` are the area asked for and those above and below it, ``termen`` from
    :func:`_termen`."""
    if v["vorm"] is not None and o["vorm"] != v["vorm"]:
        return None
    if v["doelgroep"] is not None:
        eigen = o["doelgroepen"] or []
        if v["doelgroep"] not in eigen and _IEDEREEN not in eigen:
            return None
    if v["leefgebied"] is not None and not any(
        r["id"] == v["leefgebied"] for r in o["leefgebieden"]
    ):
        return None
    if gebieden is not None and not any(w["code"] in gebieden for w in o["werkgebied"]):
        return None
    if termen and not _tekst_past(
        termen, [o["naam"], o["omschrijving"], *(a["naam"] for a in o["aanbieders"])]
    ):
        return None
    return _in_naam(termen, o["naam"])


def _waarom(
    o: dict[str, Any], v: dict[str, Any], gebied: dict[str, Any] | None
) -> dict[str, Any] | None:
    """Why offer ``o`` meets the search ``v`` (per filter the facts), or None if it does not."""
    waarom: dict[str, Any] = {
        "tekst": None,
        "gebied": None,
        "leefgebied": None,
        "doelgroep": None,
        "vorm": v["vorm"],
    }
    if v["vorm"] is not None and o["vorm"] != v["vorm"]:
        return None
    if v["doelgroep"] is not None:
        eigen = set(o["doelgroepen"] or [])
        via = next((d for d in (v["doelgroep"], _IEDEREEN) if d in eigen), None)
        if via is None:
            return None
        waarom["doelgroep"] = {
            "id": v["doelgroep"],
            "naam": _DOELGROEP_NAAM[v["doelgroep"]],
            "via": via,
        }
    if v["leefgebied"] is not None:
        relaties = [r for r in o["leefgebieden"] if r["id"] == v["leefgebied"]]
        if not relaties:
            return None
        waarom["leefgebied"] = {
            "id": v["leefgebied"],
            "naam": _LEEFGEBIED_NAAM[v["leefgebied"]],
            "bronnen": _bronnen(relaties),
        }
    if v["gebied"] is not None:
        werkgebied = _per_sleutel(o["werkgebied"], "code")
        via_gebied = []
        for code in sorted(werkgebied):
            eerste = werkgebied[code][0]
            hoe = _hoe(gebied, code, eerste["soort"])
            if hoe is not None:
                via_gebied.append(
                    {
                        "code": code,
                        "naam": eerste["naam"],
                        "soort": eerste["soort"],
                        "hoe": hoe,
                        "bronnen": _bronnen(werkgebied[code]),
                    }
                )
        if not via_gebied:
            return None
        waarom["gebied"] = via_gebied
    if v["termen"]:
        waarom["tekst"] = _tekst_treffers(v["termen"], _velden(o))
        if waarom["tekst"] is None:
            return None
    return waarom


def _resultaat(o: dict[str, Any], waarom: dict[str, Any]) -> dict[str, Any]:
    """One offer as shown: its properties, names for the ids, and why it was found."""
    leefgebieden = _per_sleutel(o["leefgebieden"], "id")
    werkgebied = _per_sleutel(o["werkgebied"], "code")
    aanbieders = _per_sleutel(o["aanbieders"], "id")
    eerste = min(aanbieders) if aanbieders else None
    return {
        "id": o["id"],
        "naam": o["naam"],
        "vorm": o["vorm"],
        "omschrijving": o["omschrijving"],
        "contact": o["contact"],
        "doelgroepen": [
            {"id": d, "naam": _DOELGROEP_NAAM.get(d, d)}
            for d in sorted(
                set(o["doelgroepen"] or []), key=lambda d: _volgorde(_DOELGROEP_VOLGORDE, d)
            )
        ],
        "leefgebieden": [
            {"id": lg, "naam": leefgebieden[lg][0]["naam"] or _LEEFGEBIED_NAAM.get(lg, lg)}
            for lg in sorted(leefgebieden, key=lambda x: _volgorde(_LEEFGEBIED_VOLGORDE, x))
        ],
        "aanbieder": (
            {
                "id": eerste,
                "naam": aanbieders[eerste][0]["naam"],
                "label": aanbieders[eerste][0]["label"],
                "bronnen": _bronnen(aanbieders[eerste]),
            }
            if eerste is not None
            else None
        ),
        "werkgebied": [
            {"code": c, "naam": werkgebied[c][0]["naam"], "soort": werkgebied[c][0]["soort"]}
            for c in sorted(
                werkgebied, key=lambda c: (_volgorde(model.GEBIEDEN, werkgebied[c][0]["soort"]), c)
            )
        ],
        "waarom": waarom,
    }


def zoek(G: nx.MultiDiGraph, **params: Any) -> dict[str, Any]:
    """Search the offers of a Wijkgraaf graph; see the module documentation for the rules.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a1", label="Aanbod", naam="Repair Café", vorm="collectief")
    >>> G.add_node("a2", label="Aanbod", naam="Taalcafé", vorm="collectief")
    >>> [r["naam"] for r in zoek(G, tekst="cafe")["resultaten"]]
    ['Repair Café']
    """
    return antwoord(feiten(G, **params), **params)
