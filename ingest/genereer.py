"""A synthetic landscape on the real CBS 2024 geography, for benchmarks and scale tests.

Deterministic for a seed. Written in the exchange format (teams.csv, organisaties.csv,
initiatieven.csv, aanbod.csv, relaties.csv), so it goes through the normal ingest. Every name is
marked ``(synthetisch)``. Per gemeente a mix in proportion to its inwoners: a few sociale teams
per wijk (some for a few buurten, some for the wijk, some for two neighbouring wijken, and
gemeente-wide teams), organisaties in every role, initiatieven and aanbod of every vorm, and
relationships between them (teams part of an organisation, working together, referring to
offers). At ``--schaal land``: about 100,000 entities and 500,000 relationships.
"""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest import cbs
from netwerk import model
from netwerk.fouten import OngeldigeInvoer

#: Inwoners per entity of each kind, tuned so the Netherlands gives about 100k entities.
PER_INWONERS = {"organisaties": 720, "initiatieven": 900, "aanbod": 330}
SCHALEN = {"land": None, "provincie": 30, "klein": 3}
KOLOMMEN = {
    "organisaties": ["id", "naam", "rol", "werkgebied"],
    "initiatieven": ["id", "naam", "soort", "werkgebied", "leefgebieden", "doelgroepen"],
    "teams": ["id", "naam", "soort", "organisatie", "werkgebied", "leefgebieden", "doelgroepen"],
    "aanbod": [
        "id",
        "naam",
        "vorm",
        "aanbieder",
        "werkgebied",
        "leefgebieden",
        "doelgroepen",
        "omschrijving",
    ],
    "relaties": ["van", "type", "naar"],
}
_WOORDEN = [
    "inloop",
    "koffie",
    "maatje",
    "schuldhulp",
    "taalcafé",
    "buurtkamer",
    "cursus",
    "sport",
    "beweegclub",
    "repair café",
    "kookclub",
    "huiswerkbegeleiding",
    "mantelzorgcafé",
    "formulierenhulp",
    "ontmoeting",
    "wandelgroep",
]


@dataclass
class Landschap:
    rijen: dict[str, list[dict[str, str]]] = field(default_factory=lambda: defaultdict(list))

    def tellingen(self) -> dict[str, int]:
        return {soort: len(r) for soort, r in sorted(self.rijen.items())}


def _kies(rng: random.Random, opties: Iterable[str], k: tuple[int, int]) -> list[str]:
    opties = list(opties)
    return sorted(rng.sample(opties, rng.randint(*k)))


def genereer(
    seed: int = 1, schaal: str = "land", gemeenten: Iterable[str] | None = None
) -> Landschap:
    """The synthetic landscape for a seed: all gemeenten (``land``), the first N by code
    (``provincie``: 30, ``klein``: 3), or the given ``gemeenten``."""
    if schaal not in SCHALEN:
        raise OngeldigeInvoer(f"onbekende schaal {schaal!r}; kies uit {', '.join(SCHALEN)}")
    rng = random.Random(seed)
    data = cbs.referentie()
    alle = sorted(data["gemeenten"], key=lambda g: g["code"])
    if gemeenten:
        gekozen = set(gemeenten)
        alle = [g for g in alle if g["code"] in gekozen]
    elif SCHALEN[schaal]:
        alle = rng.sample(alle, SCHALEN[schaal])
        alle.sort(key=lambda g: g["code"])
    wijken_van: dict[str, list[str]] = defaultdict(list)
    buurten_van: dict[str, list[str]] = defaultdict(list)
    for w in data["wijken"]:
        wijken_van[w["gemeente"]].append(w["code"])
    for b in data["buurten"]:
        buurten_van[b["wijk"]].append(b["code"])
    buren: dict[str, list[str]] = defaultdict(list)
    for a, b in data["grenzen"]["wijken"]:
        buren[a].append(b)
        buren[b].append(a)

    uit = Landschap()
    teller: dict[str, int] = defaultdict(int)

    def nieuw_id(soort: str) -> str:
        teller[soort] += 1
        return f"syn-{soort}-{teller[soort]:06d}"

    lg_ids, dg_ids = model.LEEFGEBIED_IDS, model.DOELGROEP_IDS
    for g in alle:
        gm, inwoners = g["code"], g.get("inwoners") or 1000
        wijken = sorted(wijken_van[gm])
        if not wijken:
            continue

        def gebied(rng: random.Random = rng, gm: str = gm, wijken: list[str] = wijken) -> str:
            r = rng.random()
            if r < 0.15:
                return gm
            w = rng.choice(wijken)
            if r < 0.6 or not buurten_van[w]:
                return w
            return ";".join(_kies(rng, buurten_van[w], (1, min(3, len(buurten_van[w])))))

        organisaties: list[tuple[str, str]] = []
        for _ in range(max(3, inwoners // PER_INWONERS["organisaties"])):
            o = nieuw_id("org")
            rol = rng.choice(model.ORGANISATIE_ROLLEN)
            organisaties.append((o, rol))
            uit.rijen["organisaties"].append(
                {
                    "id": o,
                    "naam": f"Organisatie {o[-6:]} {g['naam']} (synthetisch)",
                    "rol": rol,
                    "werkgebied": gebied(),
                }
            )
        aanbieders = [o for o, _ in organisaties]
        for _ in range(max(1, inwoners // PER_INWONERS["initiatieven"])):
            i = nieuw_id("ini")
            aanbieders.append(i)
            uit.rijen["initiatieven"].append(
                {
                    "id": i,
                    "naam": f"Initiatief {i[-6:]} (synthetisch)",
                    "soort": rng.choice(model.INITIATIEF_SOORTEN),
                    "werkgebied": gebied(),
                    "leefgebieden": ";".join(_kies(rng, lg_ids, (1, 2))),
                    "doelgroepen": ";".join(_kies(rng, dg_ids, (0, 2))),
                }
            )
        aanbod_per_wijk: dict[str, list[str]] = defaultdict(list)
        for _ in range(max(2, inwoners // PER_INWONERS["aanbod"])):
            a = nieuw_id("aan")
            werkgebied = gebied()
            wijk = werkgebied[:8].replace("BU", "WK") if werkgebied != gm else rng.choice(wijken)
            aanbod_per_wijk[wijk].append(a)
            uit.rijen["aanbod"].append(
                {
                    "id": a,
                    "naam": f"{rng.choice(_WOORDEN).capitalize()} {a[-6:]} (synthetisch)",
                    "vorm": rng.choice(model.AANBOD_VORMEN),
                    "aanbieder": rng.choice(aanbieders),
                    "werkgebied": werkgebied,
                    "leefgebieden": ";".join(_kies(rng, lg_ids, (1, 3))),
                    "doelgroepen": ";".join(_kies(rng, dg_ids, (0, 2))),
                    "omschrijving": f"{rng.choice(_WOORDEN)} en {rng.choice(_WOORDEN)} in de buurt",
                }
            )
        team_orgs = [o for o, rol in organisaties if rol in ("eerstelijn", "gemeente")] or [
            organisaties[0][0]
        ]
        teams_per_wijk: dict[str, list[str]] = defaultdict(list)
        for wijk in wijken:
            for _ in range(rng.randint(2, 4)):
                t = nieuw_id("team")
                r = rng.random()
                if r < 0.3 and buurten_van[wijk]:
                    werkgebied = ";".join(
                        _kies(rng, buurten_van[wijk], (1, len(buurten_van[wijk])))
                    )
                elif r < 0.45 and buren[wijk]:
                    werkgebied = f"{wijk};{rng.choice(sorted(buren[wijk]))}"
                else:
                    werkgebied = wijk
                teams_per_wijk[wijk].append(t)
                uit.rijen["teams"].append(
                    {
                        "id": t,
                        "naam": f"Team {t[-6:]} (synthetisch)",
                        "soort": rng.choice(model.TEAM_SOORTEN),
                        "organisatie": rng.choice(team_orgs),
                        "werkgebied": werkgebied,
                        "leefgebieden": ";".join(_kies(rng, lg_ids, (1, 4))),
                        "doelgroepen": ";".join(_kies(rng, dg_ids, (1, 3))),
                    }
                )
        for _ in range(rng.randint(1, 2)):  # gemeente-wide teams
            t = nieuw_id("team")
            teams_per_wijk[rng.choice(wijken)].append(t)
            uit.rijen["teams"].append(
                {
                    "id": t,
                    "naam": f"Gemeentelijk team {t[-6:]} (synthetisch)",
                    "soort": "Wmo-loket",
                    "organisatie": rng.choice(team_orgs),
                    "werkgebied": gm,
                    "leefgebieden": ";".join(_kies(rng, lg_ids, (2, 4))),
                    "doelgroepen": "iedereen",
                }
            )
        for wijk, teams in sorted(teams_per_wijk.items()):
            for i, t in enumerate(teams):
                for ander in teams[i + 1 :]:
                    if rng.random() < 0.35:
                        uit.rijen["relaties"].append(
                            {"van": t, "type": model.WERKT_SAMEN_MET, "naar": ander}
                        )
                for o in rng.sample(aanbieders, min(len(aanbieders), rng.randint(0, 2))):
                    uit.rijen["relaties"].append(
                        {"van": t, "type": model.WERKT_SAMEN_MET, "naar": o}
                    )
                dichtbij = aanbod_per_wijk.get(wijk, [])
                for a in rng.sample(dichtbij, min(len(dichtbij), rng.randint(0, 3))):
                    uit.rijen["relaties"].append({"van": t, "type": model.VERWIJST_NAAR, "naar": a})
    return uit


def schrijf(landschap: Landschap, map_: Path) -> list[Path]:
    """Write the landscape as exchange-format CSV files into ``map_``."""
    map_.mkdir(parents=True, exist_ok=True)
    paden = []
    for soort, kolommen in KOLOMMEN.items():
        pad = map_ / f"{soort}.csv"
        with pad.open("w", encoding="utf-8", newline="") as f:
            schrijver = csv.DictWriter(f, fieldnames=kolommen)
            schrijver.writeheader()
            schrijver.writerows(landschap.rijen.get(soort, []))
        paden.append(pad)
    return paden


def samenvatting(landschap: Landschap) -> dict[str, Any]:
    t = landschap.tellingen()
    return {**t, "entiteiten": sum(v for k, v in t.items() if k != "relaties")}
