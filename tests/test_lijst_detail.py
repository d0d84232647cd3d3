"""The list and detail questions behind the collection resources, on both stores."""

from __future__ import annotations

import pytest

from netwerk.fouten import NietGevonden, OngeldigeInvoer


def test_lijst_wijken_van_gouda(demo_store):
    a = demo_store.vraag("lijst", label="Wijk", gemeente="GM0513", per_pagina=4)
    assert a["totaal"] == 9 and a["paginas"] == 3
    assert [w["id"] for w in a["resultaten"]] == ["WK051301", "WK051302", "WK051303", "WK051304"]
    laatste = demo_store.vraag("lijst", label="Wijk", gemeente="GM0513", pagina=3, per_pagina=4)
    assert [w["naam"] for w in laatste["resultaten"]] == ["Westergouwe"]


def test_lijst_buurten_van_wijk_en_teams_van_gemeente(demo_store):
    buurten = demo_store.vraag("lijst", label="Buurt", wijk="WK051305", per_pagina=100)
    assert buurten["totaal"] == 7
    assert all(b["wijk"] == "WK051305" for b in buurten["resultaten"])
    teams = demo_store.vraag("lijst", label="Team", gemeente="GM0513", per_pagina=100)
    assert teams["totaal"] == 8
    assert demo_store.vraag("lijst", label="Team", gemeente="GM0014")["totaal"] == 0
    assert demo_store.vraag("lijst", label="Leefgebied", per_pagina=100)["totaal"] == 13


@pytest.mark.parametrize(
    "params",
    [{"label": "Huishouden"}, {"label": "Team", "pagina": 0}, {"label": "Team", "per_pagina": 101}],
)
def test_lijst_ongeldig(demo_store, params):
    with pytest.raises(OngeldigeInvoer):
        demo_store.vraag("lijst", **params)


def test_detail_team(demo_store):
    t = demo_store.vraag("detail", id="demo-st-noord", label="Team")
    assert t["naam"] == "Sociaal Team Noord" and t["soort"] == "sociaal wijkteam"
    soorten = {(r["type"], r["richting"], r["ander"]["id"]) for r in t["relaties"]}
    assert ("WERKT_SAMEN_MET", "uit", "demo-wmo-loket") in soorten
    assert ("WERKT_IN", "uit", "WK051305") in soorten
    assert ("GENOEMD_IN", "uit", "demo-gouda") in soorten
    assert all(r["bron"] and r["bevestigd_op"] for r in t["relaties"])


def test_detail_verkeerd_label_of_onbekend(demo_store):
    with pytest.raises(NietGevonden):
        demo_store.vraag("detail", id="demo-st-noord", label="Organisatie")
    with pytest.raises(NietGevonden):
        demo_store.vraag("detail", id="bestaat-niet")
