"""The graph model of Wijkgraaf: the single source of truth for labels, relationship types,
properties, fixed vocabularies and their validation.

Every node has a label from :data:`LABELS` and a stable key ``id``, unique over the whole graph:
the CBS code for areas (``GM0014``, ``WK0363AD``, ``BU0363AD03``), a slug for leefgebieden, and
an id given by the source for teams, organisaties, initiatieven, aanbod and bronnen.

Every relationship has a type from :data:`RELATIES`, a ``bron`` (the id of the source that said
so) and ``bevestigd_op`` (ISO date it was last confirmed). One relationship exists per
(van, type, naar, bron): two sources that state the same fact give two relationships, so the
provenance of each is kept. Questions read them as one fact with several sources.

Nothing outside this module spells a label or relationship type as a free string that reaches a
query: stores check against these sets (see :func:`controleer_label`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from netwerk.fouten import OngeldigeInvoer

# --- labels -------------------------------------------------------------------------------

GEMEENTE, WIJK, BUURT = "Gemeente", "Wijk", "Buurt"
TEAM, ORGANISATIE, INITIATIEF, AANBOD = "Team", "Organisatie", "Initiatief", "Aanbod"
LEEFGEBIED, BRON = "Leefgebied", "Bron"
#: A household, only ever as a keyed-hash pseudonym (AVG): no name, no address, no raw id.
HUISHOUDEN = "Huishouden"
#: An area of a gemeente's or team's own division (stadsdeel, gebied, kern, werkgebied): a
#: named set of CBS buurten (OMVAT). Not a CBS area: it never replaces one, it groups them.
EIGEN_GEBIED = "Gebied"
#: A fact proposed by text extraction, waiting for a person's decision (see ingest/tekst).
VOORSTEL = "Voorstel"

GEBIEDEN = (GEMEENTE, WIJK, BUURT)
ACTOREN = (TEAM, ORGANISATIE, INITIATIEF)
LABELS = (
    GEMEENTE,
    WIJK,
    BUURT,
    TEAM,
    ORGANISATIE,
    INITIATIEF,
    AANBOD,
    LEEFGEBIED,
    BRON,
    HUISHOUDEN,
    VOORSTEL,
    EIGEN_GEBIED,
)

#: The label every node carries besides its own, holding the graph-wide unique ``id``.
KNOOP = "Knoop"

# --- relationship types, with the labels they may connect ----------------------------------

LIGT_IN = "LIGT_IN"
GRENST_AAN = "GRENST_AAN"
WERKT_IN = "WERKT_IN"
ACTIEF_IN = "ACTIEF_IN"
BIEDT_AAN = "BIEDT_AAN"
RICHT_ZICH_OP = "RICHT_ZICH_OP"
ONDERDEEL_VAN = "ONDERDEEL_VAN"
WERKT_SAMEN_MET = "WERKT_SAMEN_MET"
VERWIJST_NAAR = "VERWIJST_NAAR"
GENOEMD_IN = "GENOEMD_IN"
BETROKKEN_BIJ = "BETROKKEN_BIJ"
WOONT_IN = "WOONT_IN"
BETREFT = "BETREFT"
OMVAT = "OMVAT"

RELATIES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    LIGT_IN: (frozenset({BUURT, WIJK}), frozenset({WIJK, GEMEENTE})),
    GRENST_AAN: (frozenset({WIJK, BUURT}), frozenset({WIJK, BUURT})),
    WERKT_IN: (frozenset({TEAM}), frozenset(GEBIEDEN)),
    ACTIEF_IN: (frozenset({ORGANISATIE, INITIATIEF, AANBOD}), frozenset(GEBIEDEN)),
    BIEDT_AAN: (frozenset({ORGANISATIE, INITIATIEF}), frozenset({AANBOD})),
    RICHT_ZICH_OP: (frozenset({TEAM, AANBOD, INITIATIEF}), frozenset({LEEFGEBIED})),
    ONDERDEEL_VAN: (frozenset({TEAM}), frozenset({ORGANISATIE})),
    WERKT_SAMEN_MET: (frozenset(ACTOREN), frozenset(ACTOREN)),
    VERWIJST_NAAR: (frozenset({TEAM}), frozenset({AANBOD, *ACTOREN})),
    GENOEMD_IN: (frozenset({*LABELS} - {BRON, HUISHOUDEN}), frozenset({BRON})),
    # a proposal -> the node(s) it is about (existing nodes it links to)
    BETREFT: (frozenset({VOORSTEL}), frozenset(set(LABELS) - {VOORSTEL, HUISHOUDEN})),
    # team -> household it is involved in; property ``regisseur`` (bool)
    BETROKKEN_BIJ: (frozenset({TEAM}), frozenset({HUISHOUDEN})),
    # household -> its wijk (never a finer area: a buurt or address could identify it)
    WOONT_IN: (frozenset({HUISHOUDEN}), frozenset({WIJK})),
    # an own area -> the CBS buurten it consists of
    OMVAT: (frozenset({EIGEN_GEBIED}), frozenset({BUURT})),
}

#: Relationships between actors that mean "these two know each other".
KENNIS_RELATIES = (WERKT_SAMEN_MET, VERWIJST_NAAR)

# --- fixed vocabularies ---------------------------------------------------------------------

#: The 13 domains of the Zelfredzaamheid-Matrix (ZRM 2017), as (id, naam), in ZRM order.
LEEFGEBIEDEN: tuple[tuple[str, str], ...] = (
    ("financien", "Financiën"),
    ("werk-en-opleiding", "Werk & opleiding"),
    ("tijdsbesteding", "Tijdsbesteding"),
    ("huisvesting", "Huisvesting"),
    ("huiselijke-relaties", "Huiselijke relaties"),
    ("geestelijke-gezondheid", "Geestelijke gezondheid"),
    ("lichamelijke-gezondheid", "Lichamelijke gezondheid"),
    ("middelengebruik", "Middelengebruik"),
    ("basale-adl", "Basale ADL"),
    ("instrumentele-adl", "Instrumentele ADL"),
    ("sociaal-netwerk", "Sociaal netwerk"),
    ("maatschappelijke-participatie", "Maatschappelijke participatie"),
    ("justitie", "Justitie"),
)

#: Names from older ZRM versions (11 domains) and common spellings, mapped to the 2017 ids.
LEEFGEBIED_ALIASSEN: dict[str, str] = {
    "verslaving": "middelengebruik",
    "adl": "basale-adl",
    "activiteiten-dagelijks-leven": "basale-adl",
    "dagbesteding": "tijdsbesteding",
    "werk": "werk-en-opleiding",
    "opleiding": "werk-en-opleiding",
    "werk-opleiding": "werk-en-opleiding",
    "geestelijke-gezondheid-ggz": "geestelijke-gezondheid",
    "ggz": "geestelijke-gezondheid",
    "relaties": "huiselijke-relaties",
    "gezin": "huiselijke-relaties",
    "participatie": "maatschappelijke-participatie",
    "sociale-netwerk": "sociaal-netwerk",
    "huiselijke-relaties-gezin": "huiselijke-relaties",
}

DOELGROEPEN: tuple[tuple[str, str], ...] = (
    ("jeugd", "Jeugd (0-18)"),
    ("jongeren", "Jongeren (12-23)"),
    ("gezinnen", "Gezinnen met kinderen"),
    ("volwassenen", "Volwassenen"),
    ("ouderen", "Ouderen (65+)"),
    ("mantelzorgers", "Mantelzorgers"),
    ("mensen-met-een-beperking", "Mensen met een beperking"),
    ("nieuwkomers", "Statushouders en nieuwkomers"),
    ("mensen-met-schulden", "Mensen met schulden"),
    ("dak-en-thuislozen", "Dak- en thuislozen"),
    ("iedereen", "Alle inwoners"),
)

DOELGROEP_ALIASSEN: dict[str, str] = {
    "statushouders": "nieuwkomers",
    "kinderen": "jeugd",
    "ouders": "gezinnen",
    "gezinnen-met-kinderen": "gezinnen",
    "65-plus": "ouderen",
    "senioren": "ouderen",
    "alle-inwoners": "iedereen",
    "schulden": "mensen-met-schulden",
    "dakloos": "dak-en-thuislozen",
    "beperking": "mensen-met-een-beperking",
}

TEAM_SOORTEN = (
    "sociaal wijkteam",
    "0-100 team",
    "jeugdteam",
    "jeugd- en gezinsteam",
    "ouder-kindteam",
    "Wmo-team",
    "Wmo-loket",
    "buurtteam",
    "specialistisch team",
)

EIGEN_GEBIED_SOORTEN = ("stadsdeel", "gebied", "kern", "dorp", "werkgebied")
ORGANISATIE_ROLLEN = ("nuldelijn", "voorliggend veld", "eerstelijn", "tweedelijn", "gemeente")
INITIATIEF_SOORTEN = ("bewonersinitiatief", "vrijwilligersinitiatief")
#: Vormen of aanbod; ``individueel-maatwerk`` needs a beschikking, the others do not.
AANBOD_VORMEN = ("collectief", "algemeen", "individueel-maatwerk")
#: The roles of organisations that make up the nuldelijn and voorliggend veld.
NULDELIJN_ROLLEN = ("nuldelijn", "voorliggend veld")

LEEFGEBIED_IDS = tuple(i for i, _ in LEEFGEBIEDEN)
DOELGROEP_IDS = tuple(i for i, _ in DOELGROEPEN)

# --- codes and normalisation ----------------------------------------------------------------

CBS_PATRONEN = {
    GEMEENTE: re.compile(r"^GM\d{4}$"),
    WIJK: re.compile(r"^WK\d{4}[0-9A-Z]{2}$"),
    BUURT: re.compile(r"^BU\d{4}[0-9A-Z]{4}$"),
}
ID_PATROON = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:@/+-]{0,199}$")


@lru_cache(maxsize=16384)  # pure; an import asks the same few hundred values a million times
def slug(tekst: str) -> str:
    """Lower-case ASCII slug: accents dropped, ``&`` read as ``en``, words joined by ``-``.

    >>> slug("Werk & opleiding")
    'werk-en-opleiding'
    >>> slug("Financiën")
    'financien'
    """
    tekst = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()
    tekst = tekst.replace("&", " en ").lower()
    return re.sub(r"[^a-z0-9]+", "-", tekst).strip("-")


def gebied_label(code: str) -> str | None:
    """The area label a CBS code has by its form, or None.

    >>> gebied_label("WK0363AD"), gebied_label("BU00140000"), gebied_label("X")
    ('Wijk', 'Buurt', None)
    """
    for label, patroon in CBS_PATRONEN.items():
        if patroon.match(code):
            return label
    return None


def leefgebied(waarde: str) -> str:
    """The leefgebied id for a name, id or alias; raises OngeldigeInvoer for anything else.

    >>> leefgebied("Werk & opleiding"), leefgebied("Verslaving")
    ('werk-en-opleiding', 'middelengebruik')
    """
    s = slug(waarde)
    s = LEEFGEBIED_ALIASSEN.get(s, s)
    if s not in LEEFGEBIED_IDS:
        raise OngeldigeInvoer(f"onbekend leefgebied {waarde!r}")
    return s


def doelgroep(waarde: str) -> str:
    """The doelgroep id for a name, id or alias; raises OngeldigeInvoer for anything else.

    >>> doelgroep("Ouderen (65+)"), doelgroep("statushouders")
    ('ouderen', 'nieuwkomers')
    """
    s = slug(waarde)
    s = DOELGROEP_ALIASSEN.get(s, s)
    if s not in DOELGROEP_IDS:
        for i, naam in DOELGROEPEN:
            if slug(naam) == s:
                return i
        raise OngeldigeInvoer(f"onbekende doelgroep {waarde!r}")
    return s


def uit_lijst(waarde: str, kies: tuple[str, ...], wat: str) -> str:
    """Pick ``waarde`` from a fixed list, ignoring case and punctuation."""
    s = slug(waarde)
    for k in kies:
        if slug(k) == s:
            return k
    raise OngeldigeInvoer(f"onbekende {wat} {waarde!r}; kies uit: {', '.join(kies)}")


@lru_cache(maxsize=4096)  # pure (errors are raised again, not cached)
def datum(waarde: str) -> str:
    """An ISO date (YYYY-MM-DD) checked and returned as text.

    >>> datum("2026-03-01")
    '2026-03-01'
    """
    try:
        return dt.date.fromisoformat(waarde.strip()).isoformat()
    except ValueError:
        raise OngeldigeInvoer(f"geen geldige datum (JJJJ-MM-DD): {waarde!r}") from None


def controleer_label(label: str) -> str:
    """Return ``label`` if it is in the vocabulary; the only way a label reaches a query."""
    if label not in LABELS:
        raise OngeldigeInvoer(f"onbekend label {label!r}")
    return label


def controleer_type(soort: str) -> str:
    """Return ``soort`` if it is a relationship type of the vocabulary."""
    if soort not in RELATIES:
        raise OngeldigeInvoer(f"onbekend relatietype {soort!r}")
    return soort


# --- records --------------------------------------------------------------------------------

#: Properties each label may carry besides ``id`` (and their kind), so both stores agree.
EIGENSCHAPPEN: dict[str, dict[str, type]] = {
    GEMEENTE: {"naam": str, "inwoners": int, "indeling": int},
    WIJK: {"naam": str, "inwoners": int, "indeling": int, "gemeente": str},
    BUURT: {"naam": str, "inwoners": int, "indeling": int, "wijk": str, "gemeente": str},
    LEEFGEBIED: {"naam": str, "volgorde": int},
    TEAM: {"naam": str, "soort": str, "doelgroepen": list},
    ORGANISATIE: {"naam": str, "rol": str, "website": str, "kvk": str},
    INITIATIEF: {"naam": str, "soort": str, "doelgroepen": list},
    AANBOD: {"naam": str, "vorm": str, "omschrijving": str, "doelgroepen": list, "contact": str},
    BRON: {"naam": str, "soort": str, "datum": str},
    HUISHOUDEN: {},
    EIGEN_GEBIED: {"naam": str, "soort": str, "gemeente": str},
    VOORSTEL: {
        "soort": str,  # "knoop" (a new node), "relatie" or "samenvoeging"
        "naam": str,  # for soort knoop: its name
        # for soort relatie: the relationship type; for soort knoop: the proposed node's label
        # (a property named "label" would clash with the stores' own label key)
        "type": str,
        "van": str,  # for soort relatie: ids (of existing nodes or of other proposals)
        "naar": str,
        "vertrouwen": float,
        "fragment": str,
        "document": str,
        "begin": int,
        "eind": int,
        "status": str,  # voorgesteld, geaccepteerd, afgewezen
        "besloten_op": str,
    },
}


@dataclass(frozen=True)
class Knoop:
    """A node: label, key and properties (None values and empty lists are left out)."""

    label: str
    id: str
    eigenschappen: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        controleer_label(self.label)
        if self.label in CBS_PATRONEN:
            if not CBS_PATRONEN[self.label].match(self.id):
                raise OngeldigeInvoer(f"{self.id!r} is geen CBS-code van een {self.label}")
        elif not ID_PATROON.match(self.id):
            raise OngeldigeInvoer(f"ongeldige sleutel {self.id!r}")
        toegestaan = EIGENSCHAPPEN[self.label]
        schoon = {}
        for k, v in self.eigenschappen.items():
            if v is None or v == []:
                continue
            if k not in toegestaan:
                raise OngeldigeInvoer(f"{self.label} heeft geen eigenschap {k!r}")
            if not isinstance(v, toegestaan[k]) or isinstance(v, bool):
                raise OngeldigeInvoer(f"{self.label}.{k} moet {toegestaan[k].__name__} zijn")
            schoon[k] = sorted(v) if isinstance(v, list) else v
        object.__setattr__(self, "eigenschappen", schoon)

    def als_dict(self) -> dict[str, Any]:
        return {"label": self.label, "id": self.id, **self.eigenschappen}


@dataclass(frozen=True)
class Relatie:
    """A relationship with its provenance: which source said so, and when last confirmed."""

    van: str
    type: str
    naar: str
    bron: str
    bevestigd_op: str
    eigenschappen: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        controleer_type(self.type)
        if not self.bron:
            raise OngeldigeInvoer("een relatie heeft een bron nodig")
        datum(self.bevestigd_op)
        object.__setattr__(
            self, "eigenschappen", {k: v for k, v in self.eigenschappen.items() if v is not None}
        )

    def past_bij(self, van_label: str, naar_label: str) -> bool:
        """Whether this type may connect these two labels."""
        van, naar = RELATIES[self.type]
        return van_label in van and naar_label in naar

    def als_dict(self) -> dict[str, Any]:
        return {
            "van": self.van,
            "type": self.type,
            "naar": self.naar,
            "bron": self.bron,
            "bevestigd_op": self.bevestigd_op,
            **self.eigenschappen,
        }


def leefgebied_knopen() -> list[Knoop]:
    """The fixed Leefgebied taxonomy as nodes."""
    return [
        Knoop(LEEFGEBIED, i, {"naam": naam, "volgorde": n})
        for n, (i, naam) in enumerate(LEEFGEBIEDEN, start=1)
    ]
