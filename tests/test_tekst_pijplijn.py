"""The spaCy pipeline of ingest/tekst (built from config.cfg), the annotated sets and the
evaluation: the held-aside test split must reach entity F1 >= 0.80 and relation F1 >= 0.60."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from ingest.tekst import annotatie, evaluatie
from ingest.tekst.extractie import blokken, extraheer
from ingest.tekst.pijplijn import Naam, laad_nlp, vul_gazetteer
from netwerk import model
from wijkgraaf.cli import main


@pytest.fixture(scope="module")
def nlp():
    return laad_nlp()


def test_pijplijn_uit_config_met_geregistreerde_onderdelen(nlp) -> None:
    assert nlp.lang == "nl"
    assert nlp.pipe_names == [
        "sentencizer",
        "wijkgraaf_gazetteer",
        "wijkgraaf_patronen",
        "wijkgraaf_relaties",
    ]
    assert nlp.get_pipe_meta("wijkgraaf_patronen").factory == "wijkgraaf_patronen_v1"
    assert nlp.config["components"]["wijkgraaf_relaties"]["regels"]["@misc"] == (
        "wijkgraaf_relatieregels.v1"
    )


def test_entiteiten_en_relatie_met_offsets(nlp) -> None:
    tekst = (
        "Inleiding\n\nHet Buurtteam Oost valt onder Stichting Sociaal Werk Zuid en richt zich "
        "op ouderen en eenzaamheid."
    )
    x = extraheer(nlp, tekst)
    gevonden = {(v.label, v.tekst) for v in x.vermeldingen}
    assert {
        ("Team", "Buurtteam Oost"),
        ("Organisatie", "Stichting Sociaal Werk Zuid"),
        ("Doelgroep", "ouderen"),
        ("Leefgebied", "eenzaamheid"),
    } <= gevonden
    for v in x.vermeldingen:
        assert tekst[v.begin : v.eind] == v.tekst
    rel = {(b.van.tekst, b.type, b.naar.tekst) for b in x.beweringen}
    assert ("Buurtteam Oost", model.ONDERDEEL_VAN, "Stichting Sociaal Werk Zuid") in rel
    assert ("Buurtteam Oost", model.RICHT_ZICH_OP, "eenzaamheid") in rel
    lg = next(v for v in x.vermeldingen if v.label == "Leefgebied")
    assert lg.sleutel == "sociaal-netwerk"
    b = x.beweringen[0]
    assert tekst[b.zin_begin : b.zin_eind].startswith("Het Buurtteam Oost valt onder")


@pytest.mark.parametrize(
    "zin",
    [
        "Het Buurtteam Oost werkt niet samen met Stichting Sociaal Werk Zuid.",
        "Het Buurtteam Oost wil in 2026 gaan samenwerken met Stichting Sociaal Werk Zuid.",
        "Er is geen samenwerking tussen Buurtteam Oost en Stichting Sociaal Werk Zuid.",
    ],
)
def test_ontkenning_en_voornemen_geven_geen_relatie(nlp, zin: str) -> None:
    x = extraheer(nlp, zin)
    assert len([v for v in x.vermeldingen if v.label in ("Team", "Organisatie")]) == 2
    assert x.beweringen == ()


def test_gazetteer_uit_de_graaf(nlp) -> None:
    vul_gazetteer(
        nlp,
        [
            Naam("Organisatie", "Stichting De Brug", "org-brug"),
            Naam("Wijk", "Kort Haarlem", "WK051306"),
        ],
    )
    try:
        x = extraheer(nlp, "Wij zien veel bewoners van De Brug in Kort Haarlem.")
        per_tekst = {v.tekst: v for v in x.vermeldingen}
        assert per_tekst["De Brug"].sleutel == "org-brug"
        assert per_tekst["De Brug"].regel == "gazetteer"
        assert per_tekst["Kort Haarlem"].sleutel == "WK051306"
    finally:
        vul_gazetteer(nlp, [])


def test_blokken_houden_offsets() -> None:
    tekst = "Kop\nEerste zin loopt\ndoor.\n\n  Tweede alinea."
    for start, blok in blokken(tekst):
        assert tekst[start : start + len(blok)].replace("\n", " ") == blok


def test_sets_zijn_geldig_en_gescheiden() -> None:
    ontwikkel, test = evaluatie.lees_set("ontwikkel"), evaluatie.lees_set("test")
    assert len(ontwikkel) >= 40 and len(test) >= 15
    assert not {p.id for p in ontwikkel} & {p.id for p in test}
    assert not {p.tekst for p in ontwikkel} & {p.tekst for p in test}
    for p in ontwikkel + test:
        opnieuw = annotatie.passage(p.id, p.markering)
        assert opnieuw.tekst == p.tekst
        assert [(e.begin, e.eind, e.label) for e in opnieuw.entiteiten] == [
            (e.begin, e.eind, e.label) for e in p.entiteiten
        ]


def test_evaluatie_telt_goed_en_fout(nlp) -> None:
    p = annotatie.passage(
        "x",
        "[Buurtteam Oost](Team#a) werkt samen met [Stichting Sociaal Werk Zuid](Organisatie#b)"
        " en de bibliotheek in [Zwolle](Gebied).",
        ["a WERKT_SAMEN_MET b"],
    )
    u = evaluatie.evalueer(nlp, [p])
    assert u.relaties[model.WERKT_SAMEN_MET].goed == 1
    # a wrong gold label costs both precision and recall
    fout = annotatie.passage("y", "[Buurtteam Oost](Organisatie) werkt hard.")
    u = evaluatie.evalueer(nlp, [fout])
    assert u.entiteiten["Organisatie"].recall == 0.0
    assert u.entiteiten["Team"].precisie == 0.0


def test_evalueer_cli_haalt_de_drempels_op_de_testset() -> None:
    uit = CliRunner().invoke(main, ["tekst", "evalueer", "--json"])
    assert uit.exit_code == 0, uit.output
    cijfers = json.loads(uit.output)
    assert set(cijfers) == {"ontwikkel", "test"}
    test = cijfers["test"]
    assert test["passages"] >= 15
    assert test["entiteiten"]["totaal"]["f1"] >= 0.80
    assert test["relaties"]["totaal"]["f1"] >= 0.60
    for label in ("Organisatie", "Team", "Gebied", "Leefgebied", "Doelgroep"):
        assert set(test["entiteiten"][label]) >= {"precisie", "recall", "f1"}


def test_evalueer_cli_tabel() -> None:
    uit = CliRunner().invoke(main, ["tekst", "evalueer", "--set", "test"])
    assert uit.exit_code == 0, uit.output
    assert uit.output.startswith("testset (")
    assert re.search(r"^  totaal\s+\d\.\d{3}\s+\d\.\d{3}\s+\d\.\d{3}", uit.output, re.M)
    assert "relaties" in uit.output and "WERKT_SAMEN_MET" in uit.output
