"""Points on a map (ingest/punten.py): the Amsterdam maatschappelijke voorzieningen placed in their
CBS 2024 buurt, bad rows, the postcode table, the mapping file, the command, both stores."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from ingest import cbs, geometrie, punten
from netwerk import model
from netwerk.fouten import OngeldigeInvoer
from netwerk.stores.geheugen import MemoryStore
from wijkgraaf.cli import main

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
AMSTERDAM = DATA / "nl_amsterdam_maatschappelijke_voorzieningen" / "social_services.geojson"
MAPPING = ROOT / "ingest" / "referentie" / "mappings" / "amsterdam_voorzieningen.toml"
IN_CI = os.environ.get("CI", "").lower() == "true"
BRON = "ams-maatschappelijke-voorzieningen"

#: Letter of an Amsterdam wijkcode (WK0363X.) per stadsdeel.
STADSDELEN = {
    "A": "Centrum",
    "B": "Westpoort",
    "E": "West",
    "F": "Nieuw-West",
    "K": "Zuid",
    "M": "Oost",
    "N": "Noord",
    "S": "Weesp",
    "T": "Zuidoost",
}

#: Mapped points that are not placed, and those placed in the nearest buurt (outside every
#: buurt polygon, within 250 m). Listed so a change in the geometry shows up here.
NIET_GEPLAATST: list[str] = []
DICHTSTBIJ = {"MV2817-1", "MV2827-1", "MV2829-1"}
#: The same for all 1,462 points (a catch-all mapping).
DICHTSTBIJ_ALLE = DICHTSTBIJ | {"MV2363-1", "MV3087-1"}


def _amsterdam() -> Path:
    if not AMSTERDAM.is_file():
        if IN_CI:
            pytest.fail(f"gedeelde data ontbreekt in CI: {AMSTERDAM}")
        pytest.skip(f"geen gedeelde data: {AMSTERDAM}")
    return AMSTERDAM


def _features() -> dict[str, dict]:
    data = json.loads(_amsterdam().read_text(encoding="utf-8"))
    return {f["properties"]["MVZN_ID"]: f for f in data["features"]}


def _bron_id(plaatsing: punten.Plaatsing) -> str:
    return plaatsing.plaats.rsplit(":", 1)[1]


def _relaties(store, van: str) -> list[dict]:
    return [r["relatie"] for r in store.export() if "relatie" in r and r["relatie"]["van"] == van]


def _amsterdam_store() -> MemoryStore:
    store = MemoryStore()
    store.initialiseer()
    cbs.importeer(store, ["GM0363"], voortgang=False)
    return store


@pytest.fixture(scope="module")
def amsterdam() -> tuple[MemoryStore, punten.PuntenRapport]:
    store = _amsterdam_store()
    rapport = punten.importeer(store, _amsterdam(), MAPPING, voortgang=False)
    return store, rapport


def _toon(rapport: punten.PuntenRapport) -> None:
    print()
    for regel in rapport.samenvatting():
        print(regel)
    print(f"niet geplaatst ({len(rapport.niet_geplaatst)}):")
    for p in rapport.niet_geplaatst:
        print("  ", p)
    dichtstbij = [p for p in rapport.plaatsingen if p.ligging.methode == geometrie.DICHTSTBIJ]
    print(f"dichtstbijzijnde buurt ({len(dichtstbij)}):")
    for p in dichtstbij:
        print("  ", p)
    print(f"nabij grens: {len(rapport.nabij_grens)}")


# --- the Amsterdam file -------------------------------------------------------------------------


def test_amsterdam_minstens_99_procent_in_een_buurt(amsterdam):
    _, rapport = amsterdam
    _toon(rapport)
    assert rapport.in_orde, rapport.regels()[:10]
    assert rapport.punten == 1462
    assert rapport.in_mapping == 684
    assert sum(rapport.overgeslagen.values()) == 1462 - 684
    assert "Primair onderwijs" in rapport.overgeslagen  # skipped and counted, not an error
    assert len(rapport.plaatsingen) == rapport.in_mapping  # one placement per mapped point
    geplaatst = len(rapport.geplaatst)
    assert geplaatst / rapport.in_mapping >= 0.99
    assert [_bron_id(p) for p in rapport.niet_geplaatst] == NIET_GEPLAATST
    methoden = rapport.per_methode()
    assert {
        _bron_id(p) for p in rapport.plaatsingen if p.ligging.methode == geometrie.DICHTSTBIJ
    } == DICHTSTBIJ
    assert methoden[geometrie.VLAK] == geplaatst - len(DICHTSTBIJ)
    assert all(p.ligging.afstand_m <= 250 for p in rapport.geplaatst)
    # every placement is in Amsterdam, in a buurt of its wijk
    assert all(p.ligging.buurt.startswith("BU0363") for p in rapport.geplaatst)
    assert all(p.ligging.wijk == "WK" + p.ligging.buurt[2:8] for p in rapport.geplaatst)
    # nabij grens: within 50 m of the border (or where the layers disagree); never far inside
    nabij = rapport.nabij_grens
    assert 0 < len(nabij) < rapport.in_mapping / 2
    for p in rapport.plaatsingen:
        if p.ligging.methode == geometrie.VLAK and not p.ligging.nabij_grens:
            assert p.ligging.grens_m >= 50 and not p.ligging.wijkvlak_wijkt_af, p
        if p.ligging.methode == geometrie.VLAK and p.ligging.grens_m < 50:
            assert p.ligging.nabij_grens, p
    assert rapport.geladen[model.TEAM] == 31 + 19  # buurtteams + ouder-kindteams
    assert rapport.geladen[model.INITIATIEF] == 149 + 34  # buurtkamers + speeltuinen
    assert rapport.geladen[model.ORGANISATIE] == 43 + 26  # Huizen van de Wijk + bibliotheken


def test_alle_amsterdamse_punten_minstens_99_procent(tmp_path):
    """With a catch-all rule every one of the 1,462 points is mapped and placed (or listed)."""
    mapping = tmp_path / "alles.toml"
    mapping.write_text(
        MAPPING.read_text(encoding="utf-8")
        + '\n[categorieen."*"]\nknoop = "Aanbod"\nvorm = "algemeen"\n'
        'leefgebieden = ["tijdsbesteding"]\n',
        encoding="utf-8",
    )
    store = _amsterdam_store()
    rapport = punten.importeer(store, _amsterdam(), mapping, voortgang=False)
    _toon(rapport)
    assert rapport.in_orde, rapport.regels()[:10]
    assert rapport.in_mapping == rapport.punten == 1462 and not rapport.overgeslagen
    assert len(rapport.geplaatst) / rapport.punten >= 0.99
    assert [_bron_id(p) for p in rapport.niet_geplaatst] == NIET_GEPLAATST
    assert {
        _bron_id(p) for p in rapport.plaatsingen if p.ligging.methode == geometrie.DICHTSTBIJ
    } == DICHTSTBIJ_ALLE
    # the stadsdeel in the source agrees with the wijk letter for (nearly) every point
    features = _features()
    anders = []
    met_stadsdeel = 0
    for p in rapport.geplaatst:
        stadsdeel = features[_bron_id(p)]["properties"]["Stadsdeel"]
        if stadsdeel:
            met_stadsdeel += 1
            if STADSDELEN[p.ligging.wijk[6]] != stadsdeel:
                anders.append(f"{p} (stadsdeel {stadsdeel})")
    print("stadsdeel wijkt af:", *anders, sep="\n  ")
    assert len(anders) <= met_stadsdeel / 100, anders
    assert all(a.split(":")[-1] and "nabij grens" in a for a in anders), anders


def test_opnieuw_inlezen_geeft_dezelfde_tellingen(amsterdam):
    store, rapport = amsterdam
    voor = store.tellingen()
    opnieuw = punten.importeer(store, _amsterdam(), MAPPING, voortgang=False)
    assert store.tellingen() == voor
    assert opnieuw.als_dict() == rapport.als_dict()
    assert opnieuw.regels() == rapport.regels()


#: Checked by hand from the address in the source (street and number -> buurt).
BEKEND = {
    # Elandsgracht 70, Jordaan
    "MV2977-1": ("BU0363AB10", "WK0363AB"),
    # Hagedoornplein 1E, Van der Pekbuurt (Noord)
    "MV2985-1": ("BU0363NK03", "WK0363NK"),
    # Kleine Wittenburgerstraat 201, Wittenburg
    "MV2975-1": ("BU0363AK03", "WK0363AK"),
    # Oosterdokskade 143, OBA Oosterdok
    "MV3058-1": ("BU0363AF01", "WK0363AF"),
    # Oudegracht 67, Weesp centrum
    "MV2948-1": ("BU0363SD03", "WK0363SD"),
    # Douwes Dekkerstraat 2, Bellamybuurt
    "MV2997-1": ("BU0363EP01", "WK0363EP"),
}


def test_bekende_punten_in_de_goede_buurt(amsterdam):
    store, rapport = amsterdam
    per_id = {_bron_id(p): p.ligging for p in rapport.plaatsingen}
    for bron_id, (buurt, wijk) in BEKEND.items():
        assert (per_id[bron_id].buurt, per_id[bron_id].wijk) == (buurt, wijk), bron_id
    # every buurtteam and OKT in stadsdeel Noord lands in a Noord wijk (WK0363N.)
    features = _features()
    noord = [
        i
        for i, f in features.items()
        if f["properties"]["Stadsdeel"] == "Noord"
        and f["properties"]["Categorie"] in ("Buurtteamlocatie", "OKT")
    ]
    assert len(noord) == 7
    assert all(per_id[i].wijk.startswith("WK0363N") for i in noord), noord

    team = store.knoop("ams-MV2985-1")
    assert team.label == model.TEAM
    assert team.eigenschappen == {
        "naam": "Buurtteam Volewijck",
        "soort": "buurtteam",
        "doelgroepen": ["iedereen"],
    }
    rel = _relaties(store, "ams-MV2985-1")
    werkt_in = [r for r in rel if r["type"] == model.WERKT_IN]
    assert werkt_in == [
        {
            "van": "ams-MV2985-1",
            "type": model.WERKT_IN,
            "naar": "BU0363NK03",
            "bron": BRON,
            "bevestigd_op": "2026-05-22",
            "plaatsing": "vlak",
            "nabij_grens": False,
        }
    ]
    assert {r["naar"] for r in rel if r["type"] == model.RICHT_ZICH_OP} >= {
        "financien",
        "huisvesting",
        "sociaal-netwerk",
    }
    assert [r["naar"] for r in rel if r["type"] == model.GENOEMD_IN] == [BRON]
    bron = store.knoop(BRON)
    assert bron.eigenschappen["soort"] == "punten" and bron.eigenschappen["datum"] == "2026-05-22"

    # a Huis van de Wijk: algemeen aanbod offered by the house itself (voorliggend veld)
    aanbod = store.knoop("ams-MV1163-1")
    assert aanbod.label == model.AANBOD
    assert aanbod.eigenschappen["naam"] == "Inloop en activiteiten Huis van de Wijk De Evenaar"
    assert aanbod.eigenschappen["vorm"] == "algemeen"
    huis = store.knoop("ams-MV1163-1-aanbieder")
    assert huis.label == model.ORGANISATIE
    assert huis.eigenschappen == {"naam": "Huis van de Wijk De Evenaar", "rol": "voorliggend veld"}
    assert any(
        r["type"] == model.BIEDT_AAN and r["naar"] == "ams-MV1163-1"
        for r in _relaties(store, "ams-MV1163-1-aanbieder")
    )
    # subcategories: dagbesteding meedoen/meewerken is maatwerk, inloop is algemeen
    meedoen = store.knoop("ams-MV2827-1").eigenschappen
    assert meedoen["naam"] == "De Prael West (Meedoen ouderen)"
    assert (meedoen["vorm"], meedoen["doelgroepen"]) == ("individueel-maatwerk", ["ouderen"])
    inloophuis = store.knoop("ams-MV2173-1").eigenschappen  # Opvanglocatie / Inloophuis
    assert inloophuis["vorm"] == "algemeen"
    assert store.knoop("ams-MV1545-1").eigenschappen["vorm"] == "individueel-maatwerk"
    assert store.knoop("ams-MV2941-1").label == model.ORGANISATIE  # OBA Banne
    assert store.knoop("ams-MV1135-1").label == model.INITIATIEF  # a buurtkamer
    assert store.knoop("ams-MV1820-1") is None  # a school: not in the mapping


# --- bad rows -----------------------------------------------------------------------------------

MAPPING_KLEIN = """
[bron]
id = "test-punten"
naam = "Testpunten"
datum = "2026-03-01"

[punten]
prefix = "tp-"

[kolommen]
id = "MVZN_ID"
naam = "Naam"
categorie = "Categorie"
postcode = "Postcode"

[categorieen.Buurtteamlocatie]
knoop = "Team"
soort = "buurtteam"
leefgebieden = ["financien"]
doelgroepen = ["iedereen"]
"""


def _feature(id_: str | None, lon_lat=None, *, naam="Buurtteam", categorie="Buurtteamlocatie",
             postcode: str = "", geometry=None) -> dict:  # fmt: skip
    if geometry is None and lon_lat is not None:
        geometry = {"type": "Point", "coordinates": list(lon_lat)}
    props = {"Naam": naam, "Categorie": categorie, "Postcode": postcode}
    if id_ is not None:
        props["MVZN_ID"] = id_
    return {"type": "Feature", "geometry": geometry, "properties": props}


def _geojson(pad: Path, features: list[dict]) -> Path:
    pad.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    return pad


VOLEWIJCK = (4.912896, 52.387619)  # Hagedoornplein 1E -> BU0363NK03
JORDAAN = (4.880908, 52.369859)  # Elandsgracht 70 -> BU0363AB10


def test_foute_rijen(tmp_path, geheugen_store):
    cbs.importeer(geheugen_store, ["GM0363"], voortgang=False)
    mapping = tmp_path / "mapping.toml"
    mapping.write_text(MAPPING_KLEIN, encoding="utf-8")
    vierkant = [[4.9, 52.38], [4.91, 52.38], [4.91, 52.39], [4.9, 52.38]]
    pad = _geojson(
        tmp_path / "punten.geojson",
        [
            _feature("T1", VOLEWIJCK),
            _feature("T2", None),
            _feature("T3", (2.35, 48.86)),  # Paris
            _feature("T4", (52.387619, 4.912896)),  # lat and lon swapped
            _feature("T5", (4.30, 52.45)),  # North Sea
            _feature(None, VOLEWIJCK),
            _feature("T1", JORDAAN),
            _feature("T8", VOLEWIJCK, naam=""),
            _feature("T9", VOLEWIJCK, categorie="Zwembad"),
            _feature("T10", geometry={"type": "Polygon", "coordinates": [vierkant]}),
            _feature("T11", (4.862, 52.303)),  # Amstelveen, not loaded
            _feature("T 12", VOLEWIJCK),
            _feature("T13", (4.9, 52.38), categorie=""),
        ],
    )
    rapport = punten.importeer(geheugen_store, pad, mapping, voortgang=False)
    fouten = [str(a) for a in rapport.afgewezen]
    assert re.fullmatch(
        rf"{re.escape(str(pad))}:T5: coordinaten: niet geplaatst: buiten elk buurtvlak en verder "
        r"dan 250 m van een buurt; de dichtstbijzijnde is BU\w+ op \d+ m",
        fouten.pop(3),
    ), fouten
    assert fouten == [
        f"{pad}:T2: coordinaten: ontbreken",
        f"{pad}:T3: coordinaten: (2.35, 48.86) ligt buiten Nederland",
        f"{pad}:T4: coordinaten: (52.3876, 4.9129) ligt buiten Nederland "
        "(lengte- en breedtegraad omgewisseld?)",
        f"{pad}:features[5]: MVZN_ID: ontbreekt",
        f"{pad}:T1: MVZN_ID: komt vaker voor in het bestand",
        f"{pad}:T8: Naam: ontbreekt",
        f"{pad}:T10: geometrie: verwacht een Point, niet Polygon",
        f"{pad}:T11: buurt: BU03620401 (wijk WK036204) staat niet in de graaf; laad eerst de "
        "CBS-gebieden: wijkgraaf ingest cbs --gemeente GM0362",
        f"{pad}:T 12: MVZN_ID: alleen letters, cijfers en . _ : @ / + -",
    ]
    # unknown and empty categories are skipped and counted, not errors
    assert rapport.overgeslagen == {"Zwembad": 1, "(geen categorie)": 1}
    assert rapport.geladen[model.TEAM] == 1
    assert geheugen_store.labels_van(["tp-T1", "tp-T8", "tp-T9", "tp-T11"]) == {"tp-T1": "Team"}
    assert {_bron_id(p) for p in rapport.niet_geplaatst} == {"T2", "T3", "T4", "T5", "T10"}
    # T8 and T11 are placed (geometry is fine) but rejected for another reason
    assert {_bron_id(p) for p in rapport.geplaatst} == {"T1", "T8", "T11"}
    assert not rapport.in_orde
    # and again: the same report, nothing more in the graph
    tellingen = geheugen_store.tellingen()
    assert punten.importeer(geheugen_store, pad, mapping, voortgang=False).regels() == (
        rapport.regels()
    )
    assert geheugen_store.tellingen() == tellingen


def test_csv_met_decimale_komma_en_rd(tmp_path, geheugen_store):
    cbs.importeer(geheugen_store, ["GM0363"], voortgang=False)
    mapping = tmp_path / "mapping.toml"
    mapping.write_text(
        MAPPING_KLEIN.replace('postcode = "Postcode"', 'lon = "lengte"\nlat = "breedte"'),
        encoding="utf-8",
    )
    pad = tmp_path / "punten.csv"
    pad.write_text(
        "MVZN_ID;Naam;Categorie;lengte;breedte\n"
        "C1;Buurtteam Volewijck;Buurtteamlocatie;4,912896;52,387619\n"
        "C2;Buurtteam X;Buurtteamlocatie;abc;52,38\n"
        ";Buurtteam Y;Buurtteamlocatie;4,9;52,38\n",
        encoding="utf-8",
    )
    rapport = punten.importeer(geheugen_store, pad, mapping, voortgang=False)
    assert [str(a) for a in rapport.afgewezen] == [
        f"{pad}:C2: lon: geen getal: 'abc'",
        f"{pad}:4: MVZN_ID: ontbreekt",
    ]
    assert [(p.id, p.ligging.buurt) for p in rapport.geplaatst] == [("tp-C1", "BU0363NK03")]

    # the same point in RD New (x/y in metres)
    x, y = geometrie.wgs84_naar_rd([VOLEWIJCK])[0]
    rd = tmp_path / "rd.toml"
    rd.write_text(
        MAPPING_KLEIN.replace('postcode = "Postcode"', 'lon = "x"\nlat = "y"').replace(
            'prefix = "tp-"', 'prefix = "rd-"\ncoordinaten = "rd"'
        ),
        encoding="utf-8",
    )
    pad_rd = tmp_path / "rd.csv"
    pad_rd.write_text(
        f"MVZN_ID,Naam,Categorie,x,y\nR1,Team,Buurtteamlocatie,{x:.1f},{y:.1f}\n"
        "R2,Team,Buurtteamlocatie,4.9,52.38\n",
        encoding="utf-8",
    )
    rapport = punten.importeer(geheugen_store, pad_rd, rd, voortgang=False)
    assert [str(a) for a in rapport.afgewezen] == [
        f"{pad_rd}:R2: coordinaten: (4.9, 52.38) ligt buiten Nederland (RD)"
    ]
    assert [(p.id, p.ligging.buurt) for p in rapport.geplaatst] == [("rd-R1", "BU0363NK03")]


# --- the postcode table -------------------------------------------------------------------------


def test_postcodetabel_gaat_voor_de_coordinaten(tmp_path, geheugen_store):
    cbs.importeer(geheugen_store, ["GM0363"], voortgang=False)
    mapping = tmp_path / "mapping.toml"
    mapping.write_text(MAPPING_KLEIN, encoding="utf-8")
    tabel = tmp_path / "postcodes.csv"
    tabel.write_text(
        "postcode;buurtcode\n"
        "1031 BV;0363NK03\n"  # without BU: accepted
        "1016TX;BU0363AB01\n"  # deliberately another buurt than the coordinates say
        "1011AA;BU0363AF01\n"
        "1011AA;BU0363AF05\n"  # one postcode, two buurten: left out
        "1000XX;BU9999ZZZZ\n"
        "abc;BU0363AF01\n",
        encoding="utf-8",
    )
    pad = _geojson(
        tmp_path / "punten.geojson",
        [
            _feature("P1", None, postcode="1031BV"),  # no coordinates, postcode in the table
            _feature("P2", JORDAAN, postcode="1016 tx"),  # the table wins
            _feature("P3", JORDAAN, postcode="1234AB"),  # not in the table: coordinates
            _feature("P4", None, postcode="1011AA"),  # ambiguous and no coordinates
        ],
    )
    rapport = punten.importeer(geheugen_store, pad, mapping, postcodes=tabel, voortgang=False)
    assert [str(a) for a in rapport.afgewezen] == [
        f"{tabel}:6: buurtcode: onbekende buurtcode 'BU9999ZZZZ' (2024)",
        f"{tabel}:7: postcode: geen postcode: 'abc'",
        f"{pad}:P4: coordinaten: ontbreken",
    ]
    plaatsing = {_bron_id(p): (p.ligging.buurt, p.ligging.methode) for p in rapport.plaatsingen}
    assert plaatsing == {
        "P1": ("BU0363NK03", geometrie.POSTCODE),
        "P2": ("BU0363AB01", geometrie.POSTCODE),
        "P3": ("BU0363AB10", geometrie.VLAK),
        "P4": (None, None),
    }
    assert rapport.postcodes_dubbelzinnig == 1
    assert "postcodetabel: 1 postcodes met meer dan één buurt genegeerd" in rapport.regels()
    rel = _relaties(geheugen_store, "tp-P2")
    assert [(r["naar"], r["plaatsing"]) for r in rel if r["type"] == model.WERKT_IN] == [
        ("BU0363AB01", "postcode")
    ]


def test_postcodetabel_met_huisnummers(tmp_path):
    tabel = tmp_path / "pc6hnr.csv"
    tabel.write_text(
        "PC6,Huisnummer,Buurt2024\n1031BV,1E,BU0363NK03\n1031BV,3,BU0363NK02\n4000AA,1,BU0363NK02\n",
        encoding="utf-8",
    )
    t, fouten = punten.lees_postcodes(tabel)
    assert fouten == []
    assert t.zoek("1031BV", "1E") == "BU0363NK03"
    assert t.zoek("1031BV", "3") == "BU0363NK02"
    assert t.zoek("1031BV") is None and t.dubbelzinnig == {("1031BV", None)}
    assert t.zoek("4000AA") == "BU0363NK02"  # one buurt for the whole postcode
    assert t.zoek(None) is None


# --- the mapping file ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vervang", "door", "melding"),
    [
        ('soort = "buurtteam"', 'soort = "superteam"', "categorieen.Buurtteamlocatie.soort: "),
        ('["financien"]', '["Gokken"]', "leefgebieden: onbekend leefgebied 'Gokken'"),
        ("leefgebieden =", "leefgebied =", "categorieen.Buurtteamlocatie.leefgebied: onbekende"),
        ('knoop = "Team"', 'knoop = "Huis"', "knoop: kies uit Team, Organisatie, Initiatief"),
        ('id = "MVZN_ID"\n', "", "kolommen.id: ontbreekt"),
        ('datum = "2026-03-01"', 'datum = "2026-13-01"', "bron.datum: geen geldige datum"),
        ('prefix = "tp-"', 'prefix = "tp-"\nnabij_grens_m = "vijftig"', "punten.nabij_grens_m"),
        ('categorie = "Categorie"', 'categorie = "Categorie"\nkleur = "x"', "kolommen.kleur"),
        ('[bron]\nid = "test-punten"', '[bron]\nid = "BU0363AD03"', "bron.id: ongeldige sleutel"),
    ],
)
def test_foute_mapping(tmp_path, vervang, door, melding):
    assert vervang in MAPPING_KLEIN
    pad = tmp_path / "mapping.toml"
    pad.write_text(MAPPING_KLEIN.replace(vervang, door, 1), encoding="utf-8")
    with pytest.raises(OngeldigeInvoer, match=re.escape(melding)):
        punten.lees_mapping(pad)


def test_foute_regels(tmp_path):
    def lees(extra: str) -> None:
        pad = tmp_path / "m.toml"
        pad.write_text(MAPPING_KLEIN + extra, encoding="utf-8")
        punten.lees_mapping(pad)

    with pytest.raises(OngeldigeInvoer, match="aanbod heeft minstens één leefgebied"):
        lees('[categorieen.X]\nknoop = "Aanbod"\nvorm = "algemeen"\n')
    with pytest.raises(OngeldigeInvoer, match=r"categorieen\.Y\.leefgebieden: onbekende sleutel"):
        lees('[categorieen.Y]\nknoop = "Organisatie"\nrol = "nuldelijn"\nleefgebieden = ["a"]\n')
    with pytest.raises(OngeldigeInvoer, match="kolommen.subcategorie: nodig"):
        lees('[categorieen.Buurtteamlocatie.subcategorieen.Z]\nsoort = "jeugdteam"\n')
    with pytest.raises(OngeldigeInvoer, match=r"aanbieder_naam en aanbieder_rol horen bij"):
        lees(
            '[categorieen.W]\nknoop = "Aanbod"\nvorm = "algemeen"\nleefgebieden = ["financien"]\n'
            'aanbieder_rol = "nuldelijn"\n'
        )


def test_meegeleverde_mapping_als_toml_en_json(tmp_path):
    import tomllib

    toml = punten.lees_mapping("amsterdam_voorzieningen")  # by name: the shipped mapping
    assert toml.bron_id == BRON and toml.prefix == "ams-"
    assert toml.regel("Buurtteamlocatie", "Hoofdlocatie").soort == "buurtteam"
    assert toml.regel("OKT", "OKT").soort == "ouder-kindteam"
    assert toml.regel("Huis van de Wijk", None).aanbieder == punten.AANBIEDER_PUNT  # case
    assert toml.regel("Opvanglocatie", "Inloophuis").vorm == "algemeen"
    assert toml.regel("Opvanglocatie", "Nachtopvang").vorm == "individueel-maatwerk"
    assert toml.regel("Opvanglocatie", "Noodopvang").doelgroepen == (
        "dak-en-thuislozen",
        "gezinnen",
    )
    assert toml.regel("Primair onderwijs", "BO school") is None
    # every leefgebied and doelgroep comes from the model's fixed lists
    for regel in toml.regels.values():
        assert set(regel.leefgebieden) <= set(model.LEEFGEBIED_IDS)
        assert set(regel.doelgroepen) <= set(model.DOELGROEP_IDS)
    als_json = tmp_path / "amsterdam.json"
    als_json.write_text(json.dumps(tomllib.loads(MAPPING.read_text("utf-8"))), encoding="utf-8")
    uit_json = punten.lees_mapping(als_json)
    assert uit_json.regels == toml.regels and uit_json.kolommen == toml.kolommen


def test_vaste_aanbieder_en_organisatie(tmp_path, geheugen_store):
    cbs.importeer(geheugen_store, ["GM0363"], voortgang=False)
    mapping = tmp_path / "mapping.toml"
    mapping.write_text(
        MAPPING_KLEIN
        + """
[organisaties.oba]
naam = "OBA (Openbare Bibliotheek Amsterdam)"
rol = "voorliggend veld"
website = "https://www.oba.nl"
werkgebied = ["GM0363"]

[organisaties.ggd]
naam = "GGD Amsterdam"
rol = "eerstelijn"

[categorieen.Bibliotheek]
knoop = "Aanbod"
naam = "Bibliotheek {naam}"
vorm = "algemeen"
leefgebieden = ["werk-en-opleiding", "maatschappelijke-participatie"]
aanbieder = "oba"

[categorieen.OKT]
knoop = "Team"
soort = "ouder-kindteam"
organisatie = "ggd"

[categorieen.Kinderboerderij]
knoop = "Aanbod"
vorm = "algemeen"
leefgebieden = ["tijdsbesteding"]
aanbieder = "bestaat-niet"
""",
        encoding="utf-8",
    )
    pad = _geojson(
        tmp_path / "punten.geojson",
        [
            _feature("B1", VOLEWIJCK, naam="Van der Pek", categorie="Bibliotheek"),
            _feature("O1", JORDAAN, naam="OKT Jordaan", categorie="OKT"),
            _feature("K1", JORDAAN, naam="Boerderij", categorie="Kinderboerderij"),
        ],
    )
    rapport = punten.importeer(geheugen_store, pad, mapping, voortgang=False)
    assert [str(a) for a in rapport.afgewezen] == [
        f"{pad}:K1: aanbieder: onbekende aanbieder 'bestaat-niet': niet in de graaf en niet in "
        "de mapping"
    ]
    assert geheugen_store.knoop("tp-B1").eigenschappen["naam"] == "Bibliotheek Van der Pek"
    oba = geheugen_store.knoop("oba")
    assert oba.label == model.ORGANISATIE and oba.eigenschappen["website"] == "https://www.oba.nl"
    assert {(r["type"], r["naar"]) for r in _relaties(geheugen_store, "oba")} == {
        (model.BIEDT_AAN, "tp-B1"),
        (model.ACTIEF_IN, "GM0363"),
        (model.GENOEMD_IN, "test-punten"),
    }
    assert (model.ONDERDEEL_VAN, "ggd") in {
        (r["type"], r["naar"]) for r in _relaties(geheugen_store, "tp-O1")
    }
    assert geheugen_store.knoop("ggd").eigenschappen["rol"] == "eerstelijn"


# --- the command --------------------------------------------------------------------------------


def test_commando(tmp_path, monkeypatch):
    features = _features()
    subset = [features[i] for i in ("MV2985-1", "MV2977-1", "MV1163-1", "MV1820-1")]
    pad = _geojson(tmp_path / "punten.geojson", subset)
    monkeypatch.setenv("WIJKGRAAF_DATA", str(tmp_path / "data"))
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", "cbs", "--gemeente", "GM0363"]).exit_code == 0
    args = ["ingest", "punten", str(pad), "--mapping", "amsterdam_voorzieningen", "--per-punt"]
    resultaat = runner.invoke(main, args)
    assert resultaat.exit_code == 0, resultaat.output
    assert resultaat.stdout.strip().splitlines()[-1].startswith("geladen: ")
    assert f"{pad}:MV2985-1: buurt BU0363NK03 (wijk WK0363NK), vlak" in resultaat.output
    assert "geplaatst: 3 (vlak 3, dichtstbijzijnde buurt 0, postcode 0)" in resultaat.output
    assert "overgeslagen (categorie niet in de mapping): 1 (Bewegingsonderwijs 1)" in (
        resultaat.output
    )
    tellingen = json.loads(runner.invoke(main, ["tellingen"]).stdout)
    assert tellingen["knopen"]["Team"] == 2 and tellingen["knopen"]["Aanbod"] == 1
    # a mapping that does not exist, and a bad row: exit code 1 with the reason
    fout = runner.invoke(main, ["ingest", "punten", str(pad), "--mapping", "bestaat_niet"])
    assert fout.exit_code == 1 and "bestaat_niet: kan niet gelezen worden" in fout.output


# --- both stores --------------------------------------------------------------------------------


def test_noord_op_beide_stores(store, tmp_path):
    """Stadsdeel Noord (a subset, quick on Neo4j): placed, loaded, and the same on a re-run."""
    noord = [f for f in _features().values() if f["properties"]["Stadsdeel"] == "Noord"]
    pad = _geojson(tmp_path / "noord.geojson", noord)
    cbs.importeer(store, ["GM0363"], voortgang=False)
    rapport = punten.importeer(store, pad, MAPPING, voortgang=False)
    assert rapport.in_orde, rapport.regels()[:10]
    assert rapport.punten == 226 and rapport.in_mapping > 100
    assert len(rapport.geplaatst) / rapport.in_mapping >= 0.99
    assert all(p.ligging.wijk.startswith("WK0363N") for p in rapport.geplaatst)
    tellingen = store.tellingen()
    assert tellingen["knopen"]["Team"] == rapport.geladen[model.TEAM] > 0
    assert tellingen["relaties"]["WERKT_IN"] == rapport.geladen[model.WERKT_IN]

    team = store.knoop("ams-MV2985-1")
    assert team.label == model.TEAM and team.eigenschappen["soort"] == "buurtteam"
    werkt_in = [r for r in _relaties(store, "ams-MV2985-1") if r["type"] == model.WERKT_IN]
    assert [(r["naar"], r["plaatsing"], r["nabij_grens"], r["bron"]) for r in werkt_in] == [
        ("BU0363NK03", "vlak", False, BRON)
    ]
    # the nuldelijn question sees the imported buurtkamers and the buurtteams
    antwoord = store.nuldelijn_gaten("WK0363NK")
    sociaal = next(
        r for r in antwoord["leefgebieden"] if r["leefgebied"]["id"] == "sociaal-netwerk"
    )
    assert sociaal["initiatieven"] and sociaal["teams"]

    opnieuw = punten.importeer(store, pad, MAPPING, voortgang=False)
    assert store.tellingen() == tellingen
    assert opnieuw.als_dict() == rapport.als_dict()
