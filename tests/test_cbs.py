"""CBS 2024 geography: all of the Netherlands, on both stores, idempotent."""

from __future__ import annotations

import pytest

from ingest import cbs
from netwerk import model
from netwerk.fouten import OngeldigeInvoer


def test_referentie_is_volledig_en_samenhangend():
    data = cbs.referentie()
    assert (len(data["gemeenten"]), len(data["wijken"]), len(data["buurten"])) == (342, 3393, 14574)
    wijken = {w["code"]: w for w in data["wijken"]}
    gemeenten = {g["code"] for g in data["gemeenten"]}
    for b in data["buurten"]:
        assert model.CBS_PATRONEN[model.BUURT].match(b["code"])
        assert b["wijk"] in wijken and wijken[b["wijk"]]["gemeente"] == b["gemeente"]
    assert all(w["gemeente"] in gemeenten for w in data["wijken"])
    assert "BU0363AD03" in {b["code"] for b in data["buurten"]}  # codes with letters
    assert data["attributie"] == "Bron: CBS, Kadaster"
    for soort in ("wijken", "buurten"):
        paren = data["grenzen"][soort]
        assert all(a < b for a, b in paren) and len(paren) == len({tuple(p) for p in paren})


def test_onbekende_gemeente():
    with pytest.raises(OngeldigeInvoer, match="GM9999"):
        cbs.records(cbs.referentie(), ["GM9999"])


def test_heel_nederland_twee_keer_zelfde_tellingen(store):
    rapport = cbs.importeer(store, voortgang=False)
    assert rapport.in_orde
    t = store.tellingen()
    assert (t["knopen"]["Gemeente"], t["knopen"]["Wijk"], t["knopen"]["Buurt"]) == (
        342,
        3393,
        14574,
    )
    assert t["relaties"]["LIGT_IN"] == 3393 + 14574
    assert t["relaties"]["GRENST_AAN"] > 40_000
    cbs.importeer(store, voortgang=False)
    assert store.tellingen() == t
    groningen = store.knoop("BU00140000")
    assert groningen.eigenschappen["wijk"] == "WK001400"
    assert groningen.eigenschappen["naam"] == "Binnenstad-Noord"
