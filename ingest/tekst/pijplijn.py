"""The spaCy pipeline for Dutch texts about the social domain, built from ``config.cfg``.

No pretrained Dutch pipeline can be installed here, so the pipeline is ``spacy.blank("nl")``
(the Dutch tokenizer) with a sentencizer and three rule-based components, registered under
versioned names (spaCy allows no dot in a factory name, so the version is ``_v1``; the rule
sets in the ``misc`` registry are ``.v1``):

- ``wijkgraaf_gazetteer_v1``: the names the graph already knows (organisaties, teams,
  initiatieven, aanbod; gemeenten, wijken and buurten by their CBS name), filled from a store
  with :func:`vul_gazetteer`. Actor names match case-insensitively, area names exactly.
- ``wijkgraaf_patronen_v1``: patterns for names (``Stichting ...``, ``Buurtteam ...``, acronyms
  such as VNG, ``Repair Café ...``), areas (``de wijk ...``, ``in ...``, CBS codes), the
  leefgebieden of the ZRM and the doelgroepen; it sets ``doc.ents`` (the gazetteer wins ties).
- ``wijkgraaf_relaties_v1``: relations within one sentence from trigger phrases (``werkt samen
  met``, ``verwijst naar``, ``valt onder``, ``is actief in``, ``richt zich op`` ...), in
  ``doc._.relaties``.

Load the pipeline once with :func:`laad_nlp` and pass ``nlp`` in; every entity carries
``span._.vertrouwen`` and ``span._.regel``, and ``span.kb_id_`` holds the id it stands for
when the rules know it (a node id, a leefgebied id, ``doelgroep:<id>``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ingest.tekst import regels as r
from ingest.tekst.regels import EntiteitRegels, RelatieRegels
from netwerk import model

CONFIG = "config.cfg"
DOELGROEP_VOORVOEGSEL = "doelgroep:"

for _naam in ("vertrouwen", "regel"):
    if not Span.has_extension(_naam):
        Span.set_extension(_naam, default=None)
if not Doc.has_extension("relaties"):
    Doc.set_extension("relaties", default=None)


@dataclass(frozen=True)
class Naam:
    """A name the graph knows: the label of its node, the name as written and the node id."""

    label: str
    naam: str
    id: str


@dataclass(frozen=True)
class Bewering:
    """A relation found in one sentence: head and tail entities, the graph type, the trigger."""

    type: str
    van: Span
    naar: Span
    vertrouwen: float
    trigger: Span


def laad_nlp(store: Any = None, *, config: str | Path | None = None) -> Language:
    """Build the pipeline from ``config.cfg`` (or another config file); with a store, fill
    the gazetteer with the names in it (see :func:`vul_gazetteer`)."""
    pad = Path(config) if config else Path(str(files(__package__).joinpath(CONFIG)))
    cfg = spacy.util.load_config(pad)
    nlp = spacy.util.load_model_from_config(cfg, auto_fill=True, validate=True)
    if store is not None:
        from ingest.tekst.koppeling import Namenlijst

        vul_gazetteer(nlp, Namenlijst.uit_store(store).namen)
    return nlp


def vul_gazetteer(nlp: Language, namen: Iterable[Naam]) -> int:
    """Replace the gazetteer's names; returns how many distinct names it now knows."""
    return nlp.get_pipe("wijkgraaf_gazetteer").vul(namen)


# --- helpers on tokens ----------------------------------------------------------------------------

_CBS_CODE = re.compile(r"^(GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})$")
_QUOTES_OPEN = {"'", '"', "‘", "“", "«", "„"}
_QUOTES_DICHT = {"'", '"', "’", "”", "»", "‟"}


def _hoofdletter(tok: Token) -> bool:
    t = tok.text
    return bool(t) and (t[0].isupper() or (t[0].isdigit() and any(c.isalpha() for c in t)))


def _binnen(matches: list[tuple[int, int, int]], zin: Span) -> list[tuple[int, int, int]]:
    """The matches (over the whole doc) that lie within the sentence."""
    return [(m, s, e) for m, s, e in matches if s >= zin.start and e <= zin.end]


# --- the gazetteer ------------------------------------------------------------------------------


class Gazetteer:
    """Names from the graph as phrase patterns; the matches go to ``doc.spans['gazetteer']``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.namen: dict[str, list[Naam]] = {}
        self._actoren = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._gebieden = PhraseMatcher(nlp.vocab, attr="ORTH")

    def vul(self, namen: Iterable[Naam]) -> int:
        from ingest.tekst.koppeling import varianten

        self.namen = {}
        self._actoren = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._gebieden = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        per_sleutel: dict[str, list[Naam]] = {}
        for n in namen:
            for variant in [n.naam] if n.label in model.GEBIEDEN else varianten(n.naam):
                exact = (
                    n.label in model.GEBIEDEN
                    or n.label == model.AANBOD
                    or variant.split()[0].lower() in _GEWONE_WOORDEN
                )
                if n.label == model.AANBOD and len(variant.split()) < 2:
                    continue  # a one-word offer ("Mantelzorgcafé") is a common noun in text
                sleutel = ("G|" + variant) if exact else ("A|" + variant.lower())
                per_sleutel.setdefault(sleutel, []).append(n)
        for sleutel, lijst in per_sleutel.items():
            self.namen[sleutel] = lijst
            matcher = self._gebieden if sleutel.startswith("G|") else self._actoren
            matcher.add(sleutel, [self.nlp.make_doc(sleutel[2:])])
        return len(per_sleutel)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher in (self._actoren, self._gebieden):
            for match_id, start, eind in matcher(doc):
                sleutel = self.nlp.vocab.strings[match_id]
                kandidaten = self.namen[sleutel]
                labels = {_tekstlabel(n.label) for n in kandidaten}
                label = min(labels, key=_VOORKEUR.index)
                ids = {n.id for n in kandidaten}
                span = Span(doc, start, eind, label=label, kb_id=ids.pop() if len(ids) == 1 else "")
                spans.append(span)
        doc.spans["gazetteer"] = spans
        return doc


#: Which label a gazetteer name gets when nodes of several labels carry it.
_VOORKEUR = [r.ORGANISATIE, r.INITIATIEF, r.TEAM, r.AANBOD, r.GEBIED]
#: First words that make a name match only as written ("Gemeente Gouda", not "gemeente Gouda").
_GEWONE_WOORDEN = {"gemeente", "team", "welzijn", "zorg", "wonen", "sport"}


def _tekstlabel(label: str) -> str:
    return r.GEBIED if label in model.GEBIEDEN else label


@Language.factory("wijkgraaf_gazetteer_v1")
def maak_gazetteer(nlp: Language, name: str) -> Gazetteer:
    return Gazetteer(nlp, name)


# --- the entity patterns ------------------------------------------------------------------------


@dataclass
class _Kandidaat:
    start: int
    eind: int
    label: str
    regel: str
    vertrouwen: float
    kb: str = ""
    voorrang: int = 1


class Patronen:
    """Rule-based entity recognition; merges the gazetteer's matches and sets ``doc.ents``."""

    def __init__(self, nlp: Language, name: str, regels: EntiteitRegels) -> None:
        self.name = name
        self.r = regels
        self.v = {**regels.vertrouwen}

        def matcher(attr: str, groepen: dict[str, Iterable[str]]) -> PhraseMatcher:
            m = PhraseMatcher(nlp.vocab, attr=attr)
            for sleutel, termen in groepen.items():
                m.add(sleutel, [nlp.make_doc(t) for t in termen])
            return m

        self._triggers = matcher(
            "LOWER",
            {
                "org": regels.org_voor,
                "team": regels.team_voor,
                "initiatief": regels.initiatief_voor,
                "gebied": regels.gebied_voor,
                "signaal": regels.zwak_signaal,
            },
        )
        self._hoofd = matcher(
            "ORTH",
            {
                "org_hoofd": [w.capitalize() for w in regels.org_voor_hoofdletter],
                "team_hoofd": [w.capitalize() for w in regels.team_voor_hoofdletter],
                "org_naam": regels.org_namen,
                "org_achter": regels.org_achter,
            },
        )
        termen: dict[str, list[str]] = {}
        for lg, lijst in regels.leefgebied_termen.items():
            termen[f"L|{lg}|sterk"] = list(lijst)
        for lg, lijst in regels.leefgebied_zwak.items():
            termen[f"L|{lg}|zwak"] = list(lijst)
        for dg, lijst in regels.doelgroep_termen.items():
            termen[f"D|{dg}|sterk"] = list(lijst)
        self._termen = matcher("LOWER", termen)
        self._begin_woorden = {t.split()[0] for t in (*regels.org_voor, *regels.team_voor)} | {
            t.split()[0] for t in regels.initiatief_voor
        }

    # names ----------------------------------------------------------------------------------
    def _naamwoord(self, tok: Token) -> bool:
        return (
            _hoofdletter(tok)
            and tok.text not in self.r.geen_naamwoord
            and not tok.is_punct
            and tok.text not in _QUOTES_OPEN
        )

    def _naam_rechts(
        self, doc: Doc, i: int, grens: int, *, eerste_lidwoord: bool = True, en: bool = True
    ) -> int:
        """End (exclusive) of the name starting at token ``i``; ``i`` when there is none.
        With ``en=False`` "en"/"&" never joins two parts (areas, teams: "Noord en Oost" are
        two)."""
        j, einde = i, i
        while j < grens:
            tok = doc[j]
            if self._naamwoord(tok):
                j += 1
                einde = j
                continue
            verbinding = tok.lower_ in self.r.verbindingswoorden or tok.text in ("De", "Het")
            if not en and tok.lower_ in ("en", "&"):
                break
            if (
                verbinding
                and (j > i or eerste_lidwoord and tok.text in ("De", "Het"))
                and j + 1 < grens
                and self._naamwoord(doc[j + 1])
                and not (doc[j + 1].lower_ in self._begin_woorden and doc[j + 1].text[0].isupper())
                and not (tok.lower_ in ("en", "&") and self._naamwoord_is_eigen(doc, j + 1, grens))
            ):
                j += 1
                continue
            if tok.text == "-" and j + 1 < grens and self._naamwoord(doc[j + 1]):
                j += 1
                continue
            break
        return einde

    def _naamwoord_is_eigen(self, doc: Doc, k: int, grens: int) -> bool:
        """After "en": whether a capitalised word there begins a name of its own."""
        return doc[k].text in self.r.org_namen or (
            doc[k].is_upper and len(doc[k]) > 1 and doc[k].text not in self.r.geen_acroniem
        )

    def _citaat(self, doc: Doc, i: int, grens: int) -> tuple[int, int] | None:
        if i < grens and doc[i].text in _QUOTES_OPEN:
            for k in range(i + 1, min(grens, i + 10)):
                if doc[k].text in _QUOTES_DICHT:
                    return (i + 1, k) if k > i + 1 else None
        return None

    # the component --------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        kandidaten: list[_Kandidaat] = []
        for span in doc.spans.get("gazetteer", []):
            kandidaten.append(
                _Kandidaat(
                    span.start,
                    span.end,
                    span.label_,
                    "gazetteer",
                    self.v["gazetteer"],
                    span.kb_id_,
                    3,
                )
            )
        for zin in doc.sents:
            kandidaten.extend(self._in_zin(doc, zin))
        doc.ents = self._kies(doc, kandidaten)
        return doc

    def _kies(self, doc: Doc, kandidaten: list[_Kandidaat]) -> list[Span]:
        kandidaten.sort(key=lambda k: (-(k.eind - k.start), -k.voorrang, k.start))
        bezet: set[int] = set()
        gekozen = []
        for k in kandidaten:
            if any(i in bezet for i in range(k.start, k.eind)):
                continue
            bezet.update(range(k.start, k.eind))
            gekozen.append(k)
        spans = []
        for k in sorted(gekozen, key=lambda k: k.start):
            span = Span(doc, k.start, k.eind, label=k.label, kb_id=k.kb)
            span._.vertrouwen = k.vertrouwen
            span._.regel = k.regel
            spans.append(span)
        return spans

    def _in_zin(self, doc: Doc, zin: Span) -> list[_Kandidaat]:
        uit: list[_Kandidaat] = []
        grens = zin.end
        v = self.v
        # names introduced by a trigger word (organisations, teams, initiatives, areas)
        for match_id, start, eind in _binnen(self._triggers(doc), zin):
            soort = doc.vocab.strings[match_id]
            if soort == "signaal":
                continue
            if soort == "gebied":
                uit.extend(self._gebiedslijst(doc, eind, grens, "gebied", v["gebied"]))
                continue
            citaat = self._citaat(doc, eind, grens)
            if soort == "initiatief" and citaat:
                uit.append(_Kandidaat(*citaat, r.INITIATIEF, "citaat", v["citaat"]))
                continue
            naam_eind = self._naam_rechts(doc, eind, grens, en=soort == "org")
            if naam_eind == eind:
                # a known name without anything after it ("Humanitas", "GGD") is a name itself
                if soort == "org" and doc[start].text[0].isupper() and eind - start == 1:
                    if doc[start].text in self.r.org_namen or doc[start].is_upper:
                        uit.append(_Kandidaat(start, eind, r.ORGANISATIE, "naam", v["naam"]))
                continue
            label = {"org": r.ORGANISATIE, "team": r.TEAM, "initiatief": r.INITIATIEF}[soort]
            regel = {"org": "voorvoegsel", "team": "team", "initiatief": "initiatief"}[soort]
            uit.append(_Kandidaat(start, naam_eind, label, regel, v[regel], voorrang=2))
        for match_id, start, eind in _binnen(self._hoofd(doc), zin):
            soort = doc.vocab.strings[match_id]
            if soort in ("org_hoofd", "team_hoofd"):
                naam_eind = self._naam_rechts(doc, eind, grens, eerste_lidwoord=False)
                if naam_eind > eind:
                    label = r.ORGANISATIE if soort == "org_hoofd" else r.TEAM
                    uit.append(_Kandidaat(start, naam_eind, label, "voorvoegsel", v["voorvoegsel"]))
            elif soort == "org_naam":
                naam_eind = self._naam_rechts(doc, eind, grens, eerste_lidwoord=False)
                uit.append(
                    _Kandidaat(start, naam_eind, r.ORGANISATIE, "naam", v["naam"], voorrang=2)
                )
            elif soort == "org_achter":
                begin = start
                while begin > zin.start and self._naamwoord(doc[begin - 1]):
                    begin -= 1
                if begin < start:
                    uit.append(
                        _Kandidaat(begin, eind, r.ORGANISATIE, "achtervoegsel", v["achtervoegsel"])
                    )
        # acronyms and CBS codes
        for tok in zin:
            if _CBS_CODE.match(tok.text):
                uit.append(_Kandidaat(tok.i, tok.i + 1, r.GEBIED, "code", v["code"], tok.text, 3))
            elif (
                tok.is_upper
                and tok.is_alpha
                and 2 <= len(tok) <= 6
                and tok.text not in self.r.geen_acroniem
            ):
                eind = self._naam_rechts(doc, tok.i + 1, grens, eerste_lidwoord=False)
                uit.append(_Kandidaat(tok.i, eind, r.ORGANISATIE, "acroniem", v["acroniem"]))
        # areas after a preposition ("in Gouda-Noord")
        for tok in zin:
            if tok.lower_ in self.r.gebied_voorzetsels and tok.i + 1 < grens:
                uit.extend(
                    self._gebiedslijst(
                        doc, tok.i + 1, grens, "gebied_voorzetsel", v["gebied_voorzetsel"]
                    )
                )
        uit.extend(self._termen_in(doc, zin))
        return uit

    def _gebiedslijst(
        self, doc: Doc, i: int, grens: int, regel: str, vertrouwen: float
    ) -> list[_Kandidaat]:
        """Area names from token ``i`` on: ``Noord``, ``Noord, Oost en Plaswijck``."""
        uit = []
        while i < grens:
            tok = doc[i]
            if tok.text in self.r.geen_gebied or not self._naamwoord(tok) or tok.text[:1].isdigit():
                break
            if tok.lower_ in self._begin_woorden:
                break
            eind = self._naam_rechts(doc, i, grens, eerste_lidwoord=False, en=False)
            naam = doc[i:eind].text
            if naam in self.r.geen_gebied:
                break
            uit.append(_Kandidaat(i, eind, r.GEBIED, regel, vertrouwen))
            if eind + 1 < grens and doc[eind].text in (",", "en", "of"):
                i = eind + 1
                continue
            break
        return uit

    def _termen_in(self, doc: Doc, zin: Span) -> list[_Kandidaat]:
        gevonden = []
        for match_id, start, eind in _binnen(self._termen(doc), zin):
            soort, sleutel, sterkte = doc.vocab.strings[match_id].split("|")
            gevonden.append((start, eind, soort, sleutel, sterkte))
        signalen = [
            (s, e)
            for m, s, e in _binnen(self._triggers(doc), zin)
            if doc.vocab.strings[m] == "signaal"
        ]
        sterk = [(s, e) for s, e, _, _, st in gevonden if st == "sterk"]
        uit = []
        for start, eind, soort, sleutel, sterkte in gevonden:
            if start > zin.start and doc[start].text[:1].isupper() and not doc[start].is_upper:
                continue  # "het programma Meedoen": part of a name, not a leefgebied
            label = r.LEEFGEBIED if soort == "L" else r.DOELGROEP
            kb = sleutel if soort == "L" else DOELGROEP_VOORVOEGSEL + sleutel
            if sterkte == "zwak":
                naast = any(
                    0 <= start - e <= 2
                    and all(t.text in (",", "en", "of", "&") for t in doc[e:start])
                    or 0 <= s - eind <= 2
                    and all(t.text in (",", "en", "of", "&") for t in doc[eind:s])
                    for s, e in sterk
                )
                na_signaal = any(0 <= start - e <= 3 for _, e in signalen)
                if not (naast or na_signaal):
                    continue
                uit.append(_Kandidaat(start, eind, label, "term_zwak", self.v["term_zwak"], kb))
            else:
                uit.append(_Kandidaat(start, eind, label, "term", self.v["term"], kb, 2))
        return uit


@Language.factory(
    "wijkgraaf_patronen_v1", default_config={"regels": {"@misc": "wijkgraaf_entiteitregels.v1"}}
)
def maak_patronen(nlp: Language, name: str, regels: EntiteitRegels) -> Patronen:
    return Patronen(nlp, name, regels)


# --- relations ------------------------------------------------------------------------------

_ACTOREN = frozenset({r.ORGANISATIE, r.TEAM, r.INITIATIEF})
#: Per kind of relation: the labels its head and its tail may have (the graph model's rules).
TOEGESTAAN: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    r.SAMEN: (_ACTOREN, _ACTOREN),
    r.VERWIJS: (frozenset({r.TEAM}), frozenset({*_ACTOREN, r.AANBOD})),
    r.ONDERDEEL: (frozenset({r.TEAM}), frozenset({r.ORGANISATIE})),
    r.ACTIEF: (frozenset({*_ACTOREN, r.AANBOD}), frozenset({r.GEBIED})),
    r.RICHT: (frozenset({r.TEAM, r.INITIATIEF, r.AANBOD}), frozenset({r.LEEFGEBIED, r.DOELGROEP})),
}
#: Single words that are a trigger only right next to their ends.
_NABIJ = {"van", "in", "te", "voor", "samen", "aan"}
#: First words of triggers that are no verb (a preposition, a noun, an adjective).
_GEEN_WERKWOORD = {
    "in",
    "te",
    "voor",
    "van",
    "samen",
    "onderdeel",
    "actief",
    "werkgebied",
    "gericht",
    "bedoeld",
    "partner",
    "partners",
    "op",
    "ondergebracht",
    "werkzaam",
    "bij",
}


def graaftype(soort: str, van_label: str) -> str:
    """The graph relationship type for a kind of relation and the label of its head."""
    if soort == r.ACTIEF:
        return model.WERKT_IN if van_label == r.TEAM else model.ACTIEF_IN
    return {
        r.SAMEN: model.WERKT_SAMEN_MET,
        r.VERWIJS: model.VERWIJST_NAAR,
        r.ONDERDEEL: model.ONDERDEEL_VAN,
        r.RICHT: model.RICHT_ZICH_OP,
    }[soort]


class Relaties:
    """Rule-based relation extraction within a sentence (see the module documentation)."""

    def __init__(self, nlp: Language, name: str, regels: RelatieRegels) -> None:
        self.name = name
        self.r = regels
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._basis: dict[str, float] = {}
        for soort, lijst in regels.triggers.items():
            for zin, v in lijst:
                sleutel = f"{soort}|{zin}"
                self._basis[sleutel] = v
                self._matcher.add(sleutel, [nlp.make_doc(zin)])

    def _triggers(self, doc: Doc, zin: Span) -> list[tuple[int, int, str, float, str]]:
        gevonden = []
        for match_id, start, eind in _binnen(self._matcher(doc), zin):
            sleutel = doc.vocab.strings[match_id]
            soort, tekst = sleutel.split("|")
            gevonden.append((start, eind, soort, self._basis[sleutel], tekst))
        for tok in zin:
            for soort, lijst in self.r.voorvoegsels.items():
                for voor, v in lijst:
                    if tok.lower_.startswith(voor):
                        gevonden.append((tok.i, tok.i + 1, soort, v, tok.lower_))
        in_ent = {i for e in doc.ents for i in range(e.start, e.end)}
        gevonden = [g for g in gevonden if not any(i in in_ent for i in range(g[0], g[1]))]
        # the longest trigger wins where triggers overlap
        gevonden.sort(key=lambda g: (-(g[1] - g[0]), g[0]))
        bezet: dict[int, tuple[int, int]] = {}
        uit = []
        for g in gevonden:
            # a word may be a trigger of two kinds ("voor" an area or a doelgroep)
            if any(bezet.get(i, (g[0], g[1])) != (g[0], g[1]) for i in range(g[0], g[1])):
                continue
            bezet.update({i: (g[0], g[1]) for i in range(g[0], g[1])})
            uit.append(g)
        return sorted(uit)

    def __call__(self, doc: Doc) -> Doc:
        beweringen: list[Bewering] = []
        for zin in doc.sents:
            beweringen.extend(self._in_zin(doc, zin))
        # one statement per (type, ends): the most confident
        beste: dict[tuple, Bewering] = {}
        for b in beweringen:
            ends = (b.van.start, b.naar.start)
            if b.type == model.WERKT_SAMEN_MET:
                ends = tuple(sorted(ends))
            sleutel = (b.type, *ends)
            if sleutel not in beste or b.vertrouwen > beste[sleutel].vertrouwen:
                beste[sleutel] = b
        doc._.relaties = sorted(
            (b for b in beste.values() if b.vertrouwen >= self.r.min_vertrouwen),
            key=lambda b: (b.van.start, b.naar.start, b.type),
        )
        return doc

    def _groep(self, ents: list[Span], i: int, doc: Doc, labels: frozenset[str], richting: int):
        """The entity ``ents[i]`` with those coordinated to it (``X, Y en Z``) in ``richting``."""
        groep = [ents[i]]
        k = i
        while 0 <= k + richting < len(ents):
            a, b = (ents[k + richting], ents[k]) if richting < 0 else (ents[k], ents[k + richting])
            tussen = doc[a.end : b.start]
            if ents[k + richting].label_ not in labels:
                break
            woorden = [t.lower_ for t in tussen]
            verbinders = [w for w in woorden if w in (",", "en", "&", "of", "als")]
            if not verbinders or len(woorden) > len(verbinders) + 2:
                break
            if any(t.is_punct and t.text != "," or t.text[:1].isupper() for t in tussen):
                break
            k += richting
            groep.append(ents[k])
        return groep

    def _wij(self, doc: Doc, zin: Span, start: int) -> bool:
        return any(t.lower_ in ("wij", "we", "ons") for t in doc[zin.start : start])

    def _in_zin(self, doc: Doc, zin: Span) -> list[Bewering]:
        # "wij" is the first actor named before this sentence (never one named in it)
        onderwerp = next((e for e in doc.ents if e.label_ in _ACTOREN and e.end <= zin.start), None)
        ents = [e for e in doc.ents if e.start >= zin.start and e.end <= zin.end]
        if len(ents) < 2 and not (ents and onderwerp is not None and onderwerp not in ents):
            return []
        triggers = self._triggers(doc, zin)
        uit: list[Bewering] = []
        vorige: tuple[int, list[Span]] | None = None  # (index of trigger, heads)
        for n, (start, eind, soort, basis, tekst) in enumerate(triggers):
            hoofd_labels, staart_labels = TOEGESTAAN[soort]
            nabij = tekst in _NABIJ
            # reach to the right: up to a boundary, a relative clause or the next trigger
            grens = zin.end
            for t in doc[eind : zin.end]:
                if t.lower_ == "maar" and t.i + 1 < zin.end and doc[t.i + 1].lower_ == "ook":
                    continue  # "niet alleen met X maar ook met Y"
                if t.lower_ in self.r.grens or (
                    t.lower_ in self.r.betrekkelijk and t.i > 0 and doc[t.i - 1].text == ","
                ):
                    grens = t.i
                    break
            volgende = next(
                (t[0] for t in triggers[n + 1 :] if t[4] not in _NABIJ and t[0] >= eind), zin.end
            )
            grens = min(grens, volgende)
            rechts = [e for e in ents if e.start >= eind and e.end <= grens]
            # the subject of a next verb is not a tail of this trigger ("X werkt samen met Y
            # en Z verwijst naar ...": Z is not a partner of X)
            if (
                rechts
                and n + 1 < len(triggers)
                and triggers[n + 1][0] == rechts[-1].end
                and triggers[n + 1][4].split()[0] not in _GEEN_WERKWOORD
                and triggers[n + 1][4] not in _NABIJ
            ):
                rechts = rechts[:-1]
            staarten = [e for e in rechts if e.label_ in staart_labels]
            if nabij:
                eerste = next((i for i, e in enumerate(ents) if e.start >= eind), None)
                if eerste is None or ents[eerste].start - eind > 2:
                    staarten = []
                elif ents[eerste].label_ in staart_labels:
                    staarten = self._groep(ents, eerste, doc, staart_labels, +1)
                else:
                    staarten = []
            # heads: the nearest fitting entity to the left, with its coordination
            links = [i for i, e in enumerate(ents) if e.end <= start]
            hoofden: list[Span] = []
            for i in reversed(links):
                if ents[i].label_ in hoofd_labels:
                    hoofden = self._groep(ents, i, doc, hoofd_labels, -1)
                    break
            voor = doc[start - 1] if start > zin.start else None
            if voor is not None and voor.lower_ in ("en", ",") and vorige is not None:
                # "X valt onder Y en is actief in Z": the subject of the first verb
                hoofden = [h for h in vorige[1] if h.label_ in hoofd_labels]
            if not hoofden and self._wij(doc, zin, start) and onderwerp is not None:
                # "Wij werken samen met ...": we = the organisation the text is about
                hoofden = [onderwerp] if onderwerp.label_ in hoofd_labels else []
            if nabij and hoofden:
                afstand = start - max(h.end for h in hoofden)
                if afstand > (0 if tekst == "van" else 10):
                    hoofden = []
            vertrouwen = basis * self._voorbehoud(doc, zin, hoofden, start, eind)
            paren: list[tuple[Span, Span]] = []
            tussen = start == zin.start or any(
                t.lower_ == "tussen" for t in doc[eind : staarten[0].start if staarten else eind]
            )
            if soort == r.SAMEN and not hoofden and len(staarten) >= 2 and tussen:
                paren = [(a, b) for i, a in enumerate(staarten) for b in staarten[i + 1 :]]
            elif soort == r.SAMEN and not staarten and len(hoofden) >= 2:
                paren = [(a, b) for i, a in enumerate(hoofden) for b in hoofden[i + 1 :]]
            else:
                paren = [(h, s) for h in hoofden for s in staarten]
            for h, s in paren:
                if h == s or h.label_ not in hoofd_labels or s.label_ not in staart_labels:
                    continue
                ents_v = min(h._.vertrouwen or 0.8, s._.vertrouwen or 0.8)
                v = vertrouwen * (0.6 + 0.4 * ents_v)
                if abs(s.start - h.end) > 20:
                    v *= 0.9
                uit.append(Bewering(graaftype(soort, h.label_), h, s, round(v, 3), doc[start:eind]))
            if hoofden:
                vorige = (n, hoofden)
        return uit

    def _voorbehoud(self, doc: Doc, zin: Span, hoofden: list[Span], start: int, eind: int) -> float:
        """1.0 for a plain statement, 0 for a negated one, lower for a plan or a wish."""
        begin = min([start - 3, *(h.start - 3 for h in hoofden)])
        venster = doc[max(zin.start, begin) : min(zin.end, eind + 1)]
        woorden = [t.lower_ for t in venster]
        for i, w in enumerate(woorden):
            if w in self.r.ontkenning and not (i + 1 < len(woorden) and woorden[i + 1] == "alleen"):
                return 0.0
        if any(w in self.r.voorbehoud for w in woorden):
            return self.r.voorbehoud_vertrouwen
        return 1.0


@Language.factory(
    "wijkgraaf_relaties_v1", default_config={"regels": {"@misc": "wijkgraaf_relatieregels.v1"}}
)
def maak_relaties(nlp: Language, name: str, regels: RelatieRegels) -> Relaties:
    return Relaties(nlp, name, regels)
