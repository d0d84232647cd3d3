"""The rule sets of the text pipeline, registered under versioned names in spaCy's ``misc``
registry and named in ``config.cfg``. A new version of a rule set gets a new name (``.v2``), so
an old configuration keeps meaning what it meant.

Everything here is lower case unless said otherwise; words are matched per spaCy token.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import spacy

from netwerk import model

# --- entity labels of the text pipeline --------------------------------------------------------

ORGANISATIE, TEAM, INITIATIEF, AANBOD = (
    model.ORGANISATIE,
    model.TEAM,
    model.INITIATIEF,
    model.AANBOD,
)
GEBIED, LEEFGEBIED, DOELGROEP = "Gebied", model.LEEFGEBIED, "Doelgroep"
#: Labels of mentions that are actors: proposed as new nodes when the graph lacks them.
ACTOR_LABELS = (ORGANISATIE, TEAM, INITIATIEF, AANBOD)
ENTITEIT_LABELS = (ORGANISATIE, TEAM, INITIATIEF, AANBOD, GEBIED, LEEFGEBIED, DOELGROEP)


@dataclass(frozen=True)
class EntiteitRegels:
    """Word lists for the entity patterns (see :mod:`ingest.tekst.pijplijn`)."""

    #: Words that start an organisation's name; a capitalised name must follow.
    org_voor: tuple[str, ...]
    #: As org_voor, but only when written with a capital (else a common noun).
    org_voor_hoofdletter: tuple[str, ...]
    #: Names that are an organisation by themselves (written with a capital), multiword allowed.
    org_namen: tuple[str, ...]
    #: Capitalised words that end an organisation's name ("Kwadraad Welzijn").
    org_achter: tuple[str, ...]
    #: All-capital words that are no organisation (laws, terms, codes).
    geen_acroniem: frozenset[str]
    #: Team types that start a team's name, as token sequences; a name must follow.
    team_voor: tuple[str, ...]
    #: As team_voor, only with a capital.
    team_voor_hoofdletter: tuple[str, ...]
    #: Kinds of initiative that start its name (or precede a quoted name).
    initiatief_voor: tuple[str, ...]
    #: Words after which a capitalised name is an area.
    gebied_voor: tuple[str, ...]
    #: Prepositions after which a capitalised name not otherwise recognised is an area.
    gebied_voorzetsels: tuple[str, ...]
    #: Capitalised names that are no area of the graph (countries, provinces).
    geen_gebied: frozenset[str]
    #: Words that join the parts of a name ("Vereniging van Eigenaren", "Jeugd & Gezin").
    verbindingswoorden: frozenset[str]
    #: Capitalised words that never start or continue a name (sentence openers, months ...).
    geen_naamwoord: frozenset[str]
    #: Terms for each leefgebied (ZRM id) and for each doelgroep (id). ``zwak`` terms count
    #: only next to another leefgebied or doelgroep, or after a cue such as "richt zich op".
    leefgebied_termen: dict[str, tuple[str, ...]]
    leefgebied_zwak: dict[str, tuple[str, ...]]
    doelgroep_termen: dict[str, tuple[str, ...]]
    zwak_signaal: tuple[str, ...]
    vertrouwen: dict[str, float] = field(default_factory=dict)


@spacy.registry.misc("wijkgraaf_entiteitregels.v1")
def entiteitregels_v1() -> EntiteitRegels:
    """The entity rules, version 1."""
    return EntiteitRegels(
        org_voor=(
            "stichting",
            "vereniging",
            "coöperatie",
            "cooperatie",
            "welzijnsorganisatie",
            "welzijnsstichting",
            "bibliotheek",
            "vrijwilligerscentrale",
            "vrijwilligerspunt",
            "vrijwilligersacademie",
            "zorggroep",
            "thuiszorg",
            "buurthuis",
            "wijkcentrum",
            "buurtcentrum",
            "dorpshuis",
            "jongerencentrum",
            "woningcorporatie",
            "woonstichting",
            "huisartsenpraktijk",
            "gezondheidscentrum",
            "sportbedrijf",
            "jeugdhulp",
            "jeugdzorg",
            "humanitas",
            "vluchtelingenwerk",
            "schuldhulpmaatje",
            "ggd",
            "ggz",
            "mee",
            "cjg",
            "kbo",
            "pcob",
            "mantelzorgsteunpunt",
            "werkplein",
            "steunpunt",
            "voedselbank",
            "sociaal raadslieden",
            "centrum voor jeugd en gezin",
        ),
        org_voor_hoofdletter=("welzijn", "gemeente", "zorg", "wonen", "sport", "team"),
        org_namen=(
            "Humanitas",
            "Vluchtelingenwerk",
            "SchuldHulpMaatje",
            "Schuldhulpmaatje",
            "Leger des Heils",
            "Rode Kruis",
            "Zonnebloem",
            "Kwadraad",
            "Movisie",
            "Vilans",
            "Voedselbank",
            "Stichting Present",
            "Centrum voor Jeugd en Gezin",
            "Sociaal Raadslieden",
            "Sociaal Raadsliedenwerk",
            "Mantelzorgsteunpunt",
            "Zorgbelang",
            "Welzijn Ouderen",
        ),
        org_achter=("Welzijn", "Thuiszorg", "Wonen", "Zorg", "Welzijnswerk", "Jeugdzorg"),
        geen_acroniem=frozenset(
            "AVG WMO ZRM ADL GGZ POH PGB WLZ ZVW BSN ICT AOW WW HBO MBO VMBO VVE BRP KVK OKT "
            "CBS JGZ NB OK PDF FTE SROI LVB LVG EU NL WK BU GM AI II III IV ABC UWV0 OV RIVM "
            "BV NV VOG VVD CDA PVDA ZZP SMART".split()
        ),
        team_voor=(
            "sociaal wijkteam",
            "sociaal team",
            "sociale team",
            "sociale wijkteam",
            "wijkteam",
            "buurtteam",
            "jeugdteam",
            "jeugd- en gezinsteam",
            "jeugd en gezinsteam",
            "gezinsteam",
            "0-100 team",
            "0-100-team",
            "0-100team",
            "ouder-kindteam",
            "ouder- en kindteam",
            "okt",
            "wmo-loket",
            "wmo loket",
            "wmo-team",
            "gebiedsteam",
            "dorpsteam",
            "toegangsteam",
            "jongerenteam",
            "sociaal loket",
            "zorgloket",
            "wijkzorgteam",
            "team jeugd",
            "team wmo",
        ),
        team_voor_hoofdletter=("team",),
        initiatief_voor=(
            "buurtkamer",
            "buurthuiskamer",
            "huiskamer",
            "repair café",
            "repair cafe",
            "repaircafé",
            "repaircafe",
            "taalcafé",
            "taalcafe",
            "maatjesproject",
            "koffieochtend",
            "eettafel",
            "buurtmaaltijd",
            "buurtmoestuin",
            "moestuin",
            "buurttuin",
            "bewonersinitiatief",
            "vrijwilligersinitiatief",
            "burenhulp",
            "buurtcirkel",
            "inloophuis",
            "kledingbank",
            "weggeefwinkel",
            "wandelgroep",
            "ontmoetingsplek",
            "buurtbus",
            "speeltuinvereniging",
            "burennetwerk",
            "lotgenotengroep",
            "mantelzorgcafé",
            "alzheimer café",
            "alzheimercafé",
            "maatjes",
            "thuisadministratie",
        ),
        gebied_voor=(
            "wijk",
            "wijken",
            "woonwijk",
            "buurt",
            "buurten",
            "stadsdeel",
            "stadsdelen",
            "gemeente",
            "gemeenten",
            "dorp",
            "dorpen",
            "kern",
            "kernen",
            "stadswijk",
        ),
        gebied_voorzetsels=("in", "te", "voor"),
        geen_gebied=frozenset(
            "Nederland Europa Zuid-Holland Noord-Holland Gelderland Noord-Brabant Limburg "
            "Friesland Drenthe Overijssel Flevoland Zeeland Randstad".split()
        ),
        verbindingswoorden=frozenset({"de", "het", "van", "voor", "en", "&", "der", "den", "'t"}),
        geen_naamwoord=frozenset(
            "De Het Een Dit Deze Die Dat Daarnaast Ook Sinds Samen Met In Op Voor Via Door "
            "Wij We Zij Ze Hij Zij Er Naast Bij Om Als Na Tot Uit Vanuit Tijdens Januari Februari "
            "Maart April Mei Juni Juli Augustus September Oktober November December Maandag "
            "Dinsdag Woensdag Donderdag Vrijdag Zaterdag Zondag Inwoners Bewoners Ouderen "
            "Jongeren Wmo Jeugdwet Participatiewet".split()
        ),
        leefgebied_termen={
            "financien": (
                "financiën",
                "financien",
                "geldzaken",
                "schulden",
                "geldproblemen",
                "financiële problemen",
                "financiële zorgen",
                "armoede",
                "betalingsachterstanden",
                "huurachterstand",
                "huurachterstanden",
                "budgetbeheer",
                "geldzorgen",
                "inkomen",
            ),
            "werk-en-opleiding": (
                "werk en opleiding",
                "werk & opleiding",
                "opleiding",
                "scholing",
                "onderwijs",
                "betaald werk",
                "schoolverzuim",
                "schooluitval",
                "voortijdig schoolverlaten",
            ),
            "tijdsbesteding": (
                "tijdsbesteding",
                "dagbesteding",
                "daginvulling",
                "zinvolle dagbesteding",
            ),
            "huisvesting": ("huisvesting", "woonproblemen", "dakloosheid", "woonsituatie"),
            "huiselijke-relaties": (
                "huiselijke relaties",
                "opvoeding",
                "opvoedvragen",
                "opvoedingsvragen",
                "opvoedingsondersteuning",
                "opvoedondersteuning",
                "relatieproblemen",
                "huiselijk geweld",
                "echtscheiding",
                "scheiding",
                "gezinsproblemen",
            ),
            "geestelijke-gezondheid": (
                "geestelijke gezondheid",
                "psychische problemen",
                "psychische klachten",
                "psychische gezondheid",
                "mentale gezondheid",
                "psychosociale problemen",
                "psychische kwetsbaarheid",
                "somberheid",
            ),
            "lichamelijke-gezondheid": (
                "lichamelijke gezondheid",
                "gezonde leefstijl",
                "lichamelijke klachten",
                "bewegen",
                "valpreventie",
            ),
            "middelengebruik": (
                "middelengebruik",
                "verslaving",
                "verslavingen",
                "alcoholgebruik",
                "drugsgebruik",
                "verslavingsproblematiek",
                "gokverslaving",
            ),
            "basale-adl": ("basale adl", "adl", "zelfzorg", "persoonlijke verzorging"),
            "instrumentele-adl": (
                "instrumentele adl",
                "huishoudelijke taken",
                "het huishouden",
                "administratie",
                "thuisadministratie",
                "formulieren",
            ),
            "sociaal-netwerk": (
                "sociaal netwerk",
                "sociale netwerk",
                "eenzaamheid",
                "sociaal isolement",
                "sociale contacten",
                "sociale isolatie",
            ),
            "maatschappelijke-participatie": (
                "maatschappelijke participatie",
                "participatie",
                "meedoen",
                "vrijwilligerswerk",
                "inburgering",
            ),
            "justitie": ("justitie", "criminaliteit", "recidive", "detentie", "nazorg na detentie"),
        },
        leefgebied_zwak={
            "werk-en-opleiding": ("werk",),
            "huisvesting": ("wonen",),
            "lichamelijke-gezondheid": ("gezondheid",),
            "instrumentele-adl": ("huishouden",),
            "sociaal-netwerk": ("ontmoeting",),
        },
        doelgroep_termen={
            "jeugd": ("jeugd", "kinderen", "jeugdigen"),
            "jongeren": ("jongeren", "tieners", "jongvolwassenen"),
            "gezinnen": (
                "gezinnen",
                "ouders",
                "gezinnen met kinderen",
                "gezinnen met jonge kinderen",
                "ouders van jonge kinderen",
            ),
            "volwassenen": ("volwassenen",),
            "ouderen": (
                "ouderen",
                "senioren",
                "65-plussers",
                "65+'ers",
                "75-plussers",
                "kwetsbare ouderen",
                "thuiswonende ouderen",
                "alleenstaande ouderen",
                "oudere inwoners",
            ),
            "mantelzorgers": ("mantelzorgers", "jonge mantelzorgers", "mantelzorger"),
            "mensen-met-een-beperking": (
                "mensen met een beperking",
                "inwoners met een beperking",
                "mensen met een verstandelijke beperking",
                "mensen met een lichamelijke beperking",
                "mensen met een licht verstandelijke beperking",
                "mensen met een handicap",
            ),
            "nieuwkomers": (
                "statushouders",
                "nieuwkomers",
                "vluchtelingen",
                "nieuwe nederlanders",
                "anderstaligen",
                "asielzoekers",
            ),
            "mensen-met-schulden": (
                "mensen met schulden",
                "inwoners met schulden",
                "huishoudens met schulden",
                "gezinnen met schulden",
                "mensen met geldzorgen",
                "inwoners met geldzorgen",
            ),
            "dak-en-thuislozen": (
                "dak- en thuislozen",
                "daklozen",
                "thuislozen",
                "dakloze mensen",
                "dakloze jongeren",
            ),
            "iedereen": ("alle inwoners", "alle bewoners", "alle leeftijden"),
        },
        zwak_signaal=(
            "richt zich op",
            "richten zich op",
            "gericht op",
            "op het gebied van",
            "ondersteuning bij",
            "hulp bij",
            "helpt bij",
            "helpen bij",
            "vragen over",
            "problemen met",
            "werken aan",
            "werkt aan",
            "rond",
            "zoals",
        ),
        vertrouwen={
            "gazetteer": 0.95,
            "voorvoegsel": 0.85,
            "naam": 0.85,
            "achtervoegsel": 0.75,
            "acroniem": 0.6,
            "team": 0.85,
            "initiatief": 0.8,
            "citaat": 0.75,
            "gebied": 0.8,
            "gebied_voorzetsel": 0.6,
            "code": 0.95,
            "term": 0.9,
            "term_zwak": 0.7,
        },
    )


# --- relation rules ------------------------------------------------------------------------------

#: Kinds of relation the text can state, mapped to graph types by the labels of their ends.
SAMEN, VERWIJS, ONDERDEEL, ACTIEF, RICHT = "samen", "verwijs", "onderdeel", "actief", "richt"


@dataclass(frozen=True)
class RelatieRegels:
    """Trigger phrases per kind, as lower-case token sequences, with a base confidence."""

    triggers: dict[str, tuple[tuple[str, float], ...]]
    #: Token prefixes that are a trigger by themselves (``samenwerk`` for samenwerking ...).
    voorvoegsels: dict[str, tuple[tuple[str, float], ...]]
    #: Words that negate the statement when they stand between its ends or just before.
    ontkenning: frozenset[str]
    #: Words that make it a plan, a wish or a possibility rather than a fact.
    voorbehoud: frozenset[str]
    #: Tokens that end the reach of a trigger to the right.
    grens: frozenset[str]
    #: Relative pronouns that, after a comma, open a clause about the last-named entity.
    betrekkelijk: frozenset[str]
    min_vertrouwen: float = 0.5
    voorbehoud_vertrouwen: float = 0.35


@spacy.registry.misc("wijkgraaf_relatieregels.v1")
def relatieregels_v1() -> RelatieRegels:
    """The relation rules, version 1."""
    return RelatieRegels(
        triggers={
            SAMEN: (
                ("werkt samen met", 0.9),
                ("werken samen met", 0.9),
                ("werkte samen met", 0.9),
                ("werkten samen met", 0.9),
                ("samen met", 0.8),
                ("trekt samen op met", 0.85),
                ("trekken samen op met", 0.85),
                ("trekken samen op", 0.8),
                ("werken samen", 0.85),
                ("werken nauw samen", 0.85),
                ("werkt nauw samen met", 0.9),
                ("werken nauw samen met", 0.9),
                ("partner van", 0.7),
                ("partners van", 0.7),
                ("in overleg met", 0.6),
                ("samen", 0.6),
                ("samen op", 0.75),
                ("organiseert met", 0.75),
                ("organiseren met", 0.75),
                ("biedt met", 0.7),
                ("ontwikkelde met", 0.75),
                ("ontwikkelden met", 0.75),
            ),
            VERWIJS: (
                ("verwijst naar", 0.9),
                ("verwijzen naar", 0.9),
                ("verwijst door naar", 0.9),
                ("verwijzen door naar", 0.9),
                ("verwezen naar", 0.85),
                ("verwijst", 0.85),
                ("verwijzen", 0.85),
                ("verwees", 0.85),
                ("verwezen", 0.8),
                ("stuurt", 0.6),
                ("doorverwezen naar", 0.85),
                ("stuurt door naar", 0.8),
                ("leidt toe naar", 0.8),
                ("leiden toe naar", 0.8),
                ("brengt in contact met", 0.75),
                ("brengen in contact met", 0.75),
            ),
            ONDERDEEL: (
                ("is onderdeel van", 0.9),
                ("zijn onderdeel van", 0.9),
                ("is een onderdeel van", 0.9),
                ("onderdeel van", 0.85),
                ("maakt deel uit van", 0.9),
                ("maken deel uit van", 0.9),
                ("valt onder", 0.85),
                ("vallen onder", 0.85),
                ("is ondergebracht bij", 0.85),
                ("zijn ondergebracht bij", 0.85),
                ("ondergebracht bij", 0.8),
                ("in dienst van", 0.7),
                ("wordt uitgevoerd door", 0.75),
                ("worden uitgevoerd door", 0.75),
                ("van", 0.6),
            ),
            ACTIEF: (
                ("is actief in", 0.9),
                ("actief is in", 0.9),
                ("actief zijn in", 0.9),
                ("werkzaam is in", 0.85),
                ("zijn actief in", 0.9),
                ("actief in", 0.85),
                ("werkt in", 0.85),
                ("werken in", 0.85),
                ("werkzaam in", 0.85),
                ("is werkzaam in", 0.85),
                ("zijn werkzaam in", 0.85),
                ("actief voor", 0.75),
                ("voor de wijk", 0.75),
                ("voor de wijken", 0.75),
                ("in de wijk", 0.7),
                ("in de wijken", 0.7),
                ("in de buurt", 0.7),
                ("in de buurten", 0.7),
                ("in de gemeente", 0.7),
                ("in het stadsdeel", 0.7),
                ("werkgebied", 0.8),
                ("van de wijk", 0.7),
                ("van de wijken", 0.7),
                ("van de buurt", 0.7),
                ("uit de wijk", 0.7),
                ("in", 0.7),
                ("te", 0.7),
                ("voor", 0.65),
            ),
            RICHT: (
                ("richt zich op", 0.9),
                ("richten zich op", 0.9),
                ("richtte zich op", 0.9),
                ("richt zich", 0.85),
                ("richten zich", 0.85),
                ("is gericht op", 0.85),
                ("zijn gericht op", 0.85),
                ("gericht op", 0.8),
                ("zet zich in voor", 0.8),
                ("zetten zich in voor", 0.8),
                ("ondersteunt", 0.8),
                ("ondersteunen", 0.8),
                ("helpt", 0.75),
                ("helpen", 0.75),
                ("begeleidt", 0.75),
                ("begeleiden", 0.75),
                ("is er voor", 0.8),
                ("zijn er voor", 0.8),
                ("bedoeld voor", 0.8),
                ("is bedoeld voor", 0.8),
                ("op het gebied van", 0.75),
                ("werkt aan", 0.75),
                ("werken aan", 0.75),
                ("bij vragen over", 0.7),
                ("voor", 0.6),
                ("aan", 0.6),
            ),
        },
        voorvoegsels={
            SAMEN: (("samenwerk", 0.85), ("samengewerkt", 0.85)),
            VERWIJS: (("doorverwij", 0.85), ("verwijzing", 0.8), ("toeleiding", 0.75)),
        },
        ontkenning=frozenset({"niet", "geen", "nooit", "nauwelijks", "zonder"}),
        voorbehoud=frozenset(
            {
                "zou",
                "zouden",
                "wil",
                "willen",
                "gaat",
                "gaan",
                "overweegt",
                "overwegen",
                "mogelijk",
                "wellicht",
                "misschien",
                "onderzoekt",
                "onderzoeken",
                "moet",
                "moeten",
                "streeft",
                "streven",
                "plan",
                "plannen",
                "hoopt",
                "hopen",
                "voortaan",
                "binnenkort",
                "verkent",
                "verkennen",
                "idee",
            }
        ),
        grens=frozenset({";", ":", "maar", "terwijl", "omdat", "want", "doordat", "hoewel", "("}),
        betrekkelijk=frozenset({"die", "dat", "waar", "waarmee", "wat", "welke"}),
    )
