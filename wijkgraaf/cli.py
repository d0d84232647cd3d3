"""The ``wijkgraaf`` command line. The store comes from the environment (see netwerk.config);
it is opened once per command and closed at the end."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from netwerk.config import Instellingen, maak_driver, open_store
from netwerk.fouten import NietGevonden, OngeldigeInvoer, StoreOnbereikbaar
from netwerk.stores.basis import GraphStore


@contextmanager
def _store() -> Iterator[GraphStore]:
    inst = Instellingen.uit_omgeving()
    driver = maak_driver(inst) if inst.neo4j_uri else None
    try:
        yield open_store(inst, driver=driver)
    except NietGevonden as e:
        raise click.ClickException(str(e)) from e
    except (OngeldigeInvoer, StoreOnbereikbaar) as e:
        raise click.ClickException(str(e)) from e
    finally:
        if driver is not None:
            driver.close()


def _druk_rapport(rapport: Any) -> None:
    for regel in rapport.regels()[:-1]:
        click.echo(regel, err=True)
    click.echo(rapport.regels()[-1])
    if not rapport.in_orde:
        sys.exit(1)


@click.group()
@click.version_option(package_name="wijkgraaf")
def main() -> None:
    """Wijkgraaf: het sociaal domein van een gemeente als graaf."""


# --- ingest -------------------------------------------------------------------------------


@main.group()
def ingest() -> None:
    """Bronnen inlezen in de graaf."""


@ingest.command("cbs")
@click.option(
    "--gemeente",
    "gemeenten",
    multiple=True,
    metavar="GM....",
    help="Alleen deze gemeente(n) (herhaalbaar); standaard heel Nederland.",
)
def ingest_cbs(gemeenten: tuple[str, ...]) -> None:
    """CBS-gebieden 2024: gemeenten, wijken, buurten, LIGT_IN en GRENST_AAN."""
    from ingest import cbs

    with _store() as store:
        _druk_rapport(cbs.importeer(store, gemeenten or None))


@ingest.command("tabel")
@click.argument("bestanden", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--datum", help="bevestigd_op voor rijen zonder datum (standaard vandaag).")
@click.option("--bron", help="Bron-id voor alle rijen (standaard per bestand).")
def ingest_tabel(bestanden: tuple[str, ...], datum: str | None, bron: str | None) -> None:
    """Teams, organisaties, initiatieven, aanbod en relaties uit CSV/JSON (het uitwisselformaat)."""
    from ingest import tabel

    with _store() as store:
        _druk_rapport(tabel.importeer(store, bestanden, datum=datum, bron=bron))


@ingest.command("alles")
@click.argument("bestand", type=click.Path(exists=True, dir_okay=False))
@click.option("--wis", is_flag=True, help="Eerst de hele graaf wissen.")
def ingest_alles(bestand: str, wis: bool) -> None:
    """Zet een dump van `export alles` terug (ook: van de ingebouwde opslag naar Neo4j)."""
    from ingest import alles

    with _store() as store:
        if wis:
            store.wissen()
        _druk_rapport(alles.importeer(store, Path(bestand)))


@ingest.command("gebieden")
@click.argument("bestand", type=click.Path(exists=True, dir_okay=False))
@click.option("--datum", help="bevestigd_op (standaard vandaag).")
def ingest_gebieden(bestand: str, datum: str | None) -> None:
    """Eigen gebiedsindelingen (stadsdelen, kernen, werkgebieden) als verzameling CBS-buurten,
    uit CSV (id, naam, soort, buurten) of GeoJSON-vlakken; daarna bruikbaar als werkgebied."""
    from ingest import gebieden

    with _store() as store:
        _druk_rapport(gebieden.importeer(store, bestand, datum=datum))


@ingest.command("huishoudens")
@click.argument("bestand", type=click.Path(exists=True, dir_okay=False))
@click.option("--datum", help="bevestigd_op voor rijen zonder datum (standaard vandaag).")
def ingest_huishoudens(bestand: str, datum: str | None) -> None:
    """Betrokkenheid van teams bij huishoudens (CSV). De huishouden-id's worden meteen
    gepseudonimiseerd met WIJKGRAAF_PSEUDONIEM_SLEUTEL en nergens bewaard."""
    from ingest import huishoudens

    with _store() as store:
        _druk_rapport(huishoudens.importeer(store, bestand, datum=datum))


@main.command()
def demo() -> None:
    """Laad het (fictieve) demolandschap van Gouda in de geconfigureerde opslag."""
    from ingest import demo as demodata

    with _store() as store:
        _druk_rapport(demodata.importeer(store))


# --- questions ------------------------------------------------------------------------------


@main.command()
@click.option(
    "--schaal",
    type=click.Choice(["land", "provincie", "klein"]),
    default="klein",
    show_default=True,
)
@click.option("--seed", default=1, show_default=True, type=int)
@click.option("--gemeente", "gemeenten", multiple=True, help="Alleen deze gemeente(n).")
@click.option(
    "--uit",
    "uitvoer",
    required=True,
    type=click.Path(file_okay=False),
    help="Map voor de CSV-bestanden.",
)
def genereer(schaal: str, seed: int, gemeenten: tuple[str, ...], uitvoer: str) -> None:
    """Een synthetisch landschap op de echte CBS-geografie, in het uitwisselformaat
    (daarna: wijkgraaf ingest tabel MAP/*.csv)."""
    from ingest import genereer as generator

    landschap = generator.genereer(seed, schaal, gemeenten or None)
    for pad in generator.schrijf(landschap, Path(uitvoer)):
        click.echo(str(pad), err=True)
    click.echo(json.dumps(generator.samenvatting(landschap)))


@main.group()
def vraag() -> None:
    """Vragen aan het landschap."""


def _toon(antwoord: dict[str, Any], als_json: bool, tekst: Any) -> None:
    if als_json:
        click.echo(json.dumps(antwoord, ensure_ascii=False, indent=2))
    else:
        tekst(antwoord)


def _met_voorstellen(store: GraphStore, ja: bool) -> GraphStore:
    """The store, or with --met-voorstellen a temporary copy with the pending text proposals
    applied as if accepted (the store itself is not changed)."""
    if not ja:
        return store
    from ingest.tekst.beoordeling import met_voorstellen

    return met_voorstellen(store)


MET_VOORSTELLEN = click.option(
    "--met-voorstellen",
    is_flag=True,
    help="Tel ook de nog niet beoordeelde voorstellen uit teksten mee (als proef).",
)


@vraag.command("overlap")
@click.argument("wijk")
@click.option("--json", "als_json", is_flag=True, help="Antwoord als JSON.")
@MET_VOORSTELLEN
def vraag_overlap(wijk: str, als_json: bool, met_voorstellen: bool) -> None:
    """Overlappende teams in een wijk en of ze elkaar kennen."""
    with _store() as store:
        antwoord = _met_voorstellen(store, met_voorstellen).overlappende_teams(wijk.upper())
    _toon(antwoord, als_json, _overlap_tekst)


def _overlap_tekst(a: dict[str, Any]) -> None:
    w = a["wijk"]
    click.echo(
        f"{w['naam']} ({w['code']}): {a['teams']} teams, {w['buurten']} buurten, "
        f"{len(a['paren'])} overlappende paren"
    )
    for p in a["paren"]:
        t1, t2 = p["teams"]
        click.echo(f"\n- {t1['naam']} en {t2['naam']}: {p['kennis']} (score {p['score']})")
        click.echo("  buurten: " + ", ".join(b["naam"] for b in p["gedeelde_buurten"]))
        if p["gedeelde_leefgebieden"]:
            click.echo(
                "  leefgebieden: " + ", ".join(x["naam"] for x in p["gedeelde_leefgebieden"])
            )
        if p["gedeelde_doelgroepen"]:
            click.echo("  doelgroepen: " + ", ".join(x["naam"] for x in p["gedeelde_doelgroepen"]))
        if p["via"]:
            click.echo("  via: " + ", ".join(x["naam"] or x["id"] for x in p["via"]))
        for r in p["uitleg"]["relaties"]:
            click.echo(
                f"  {r['van']} {r['type']} {r['naar']} (bron {r['bron']}, "
                f"bevestigd {r['bevestigd_op']})"
            )
    click.echo(f"\n{a['formule']}")


@vraag.command("nuldelijn")
@click.argument("wijk")
@click.option(
    "--per-lijst",
    type=int,
    help="Hoogstens zoveel aanbod en initiatieven per leefgebied (1-500, standaard 10).",
)
@click.option("--leefgebied", help="Alleen dit leefgebied (naam of id).")
@click.option("--json", "als_json", is_flag=True, help="Antwoord als JSON.")
@MET_VOORSTELLEN
def vraag_nuldelijn(
    wijk: str, per_lijst: int | None, leefgebied: str | None, als_json: bool, met_voorstellen: bool
) -> None:
    """Nuldelijn-gaten per leefgebied in een wijk, de ergste eerst."""
    with _store() as store:
        antwoord = _met_voorstellen(store, met_voorstellen).nuldelijn_gaten(
            wijk.upper(), per_lijst=per_lijst, leefgebied=leefgebied
        )
    _toon(antwoord, als_json, _nuldelijn_tekst)


def _nuldelijn_tekst(a: dict[str, Any]) -> None:
    w = a["wijk"]
    click.echo(f"{w['naam']} ({w['code']}), {w['inwoners'] or '?'} inwoners: {a['teams']} teams")
    for lg in a["leefgebieden"]:
        n = lg["aantallen"]
        click.echo(
            f"\n- {lg['leefgebied']['naam']}: {lg['status']} ({n['teams']} teams, "
            f"{n['aanbod']} aanbod, {n['initiatieven']} initiatieven, "
            f"{n['verbindingen']} verbindingen)"
        )
        if lg["teams"]:
            click.echo("  teams: " + ", ".join(t["naam"] for t in lg["teams"]))
        for soort in ("aanbod", "initiatieven"):
            if lg[soort]:
                meer = lg["meer"][soort]
                click.echo(
                    f"  {soort}: "
                    + ", ".join(x["naam"] or x["id"] for x in lg[soort])
                    + (f" en {meer} meer" if meer else "")
                )
        for x in lg["aanbod"] + lg["initiatieven"]:
            for v in x["verbindingen"]:
                click.echo(
                    f"  {v['van']} {v['type']} {v['naar']} (bron {v['bron']}, "
                    f"bevestigd {v['bevestigd_op']})"
                )


@vraag.command("alternatieven")
@click.argument("wijk")
@click.option("--aanbod", help="Id van een individueel (maatwerk)aanbod.")
@click.option("--leefgebied", help="Of: een leefgebied (naam of id).")
@click.option("--doelgroep", help="Met --leefgebied: een doelgroep.")
@click.option("--pagina", default=1, show_default=True, type=int)
@click.option("--per-pagina", default=20, show_default=True, type=int)
@click.option("--json", "als_json", is_flag=True, help="Antwoord als JSON.")
def vraag_alternatieven(
    wijk: str,
    aanbod: str | None,
    leefgebied: str | None,
    doelgroep: str | None,
    pagina: int,
    per_pagina: int,
    als_json: bool,
) -> None:
    """Collectieve alternatieven voor individueel aanbod: eerst in de wijk, dan de buurwijken,
    dan elders in de gemeente."""
    with _store() as store:
        antwoord = store.collectieve_alternatieven(
            wijk.upper(),
            aanbod=aanbod,
            leefgebied=leefgebied,
            doelgroep=doelgroep,
            pagina=pagina,
            per_pagina=per_pagina,
        )
    _toon(antwoord, als_json, _alternatieven_tekst)


def _alternatieven_tekst(a: dict[str, Any]) -> None:
    v = a["vraag"]
    wat = v["aanbod"]["naam"] if v["aanbod"] else ", ".join(x["naam"] for x in v["leefgebieden"])
    click.echo(f"Collectieve alternatieven voor {wat} in {a['wijk']['naam']} ({a['wijk']['code']})")
    click.echo(f"{a['totaal']} alternatieven (pagina {a['pagina']} van {a['paginas']})")
    for x in a["alternatieven"]:
        stap = x["afstand"]["stap"]
        via = ", ".join(w["naam"] for w in x["afstand"]["wijken"])
        click.echo(f"\n- {x['naam']} ({x['vorm']}): {stap}{' via ' + via if via else ''}")
        click.echo("  leefgebieden: " + ", ".join(g["naam"] for g in x["gedeelde_leefgebieden"]))
        if x["gedeelde_doelgroepen"]:
            click.echo("  doelgroepen: " + ", ".join(g["naam"] for g in x["gedeelde_doelgroepen"]))
        if x["verwijzende_teams"]:
            teams = ", ".join(t["naam"] for t in x["verwijzende_teams"])
            click.echo(f"  al verwezen door: {teams}")


@vraag.command("zoek")
@click.argument("woorden", nargs=-1)
@click.option("--leefgebied")
@click.option("--doelgroep")
@click.option("--vorm", type=click.Choice(["collectief", "algemeen", "individueel-maatwerk"]))
@click.option("--gebied", help="CBS-code van een gemeente, wijk of buurt.")
@click.option("--pagina", default=1, show_default=True, type=int)
@click.option("--per-pagina", default=20, show_default=True, type=int)
@click.option("--json", "als_json", is_flag=True, help="Antwoord als JSON.")
def vraag_zoek(woorden: tuple[str, ...], als_json: bool, per_pagina: int, **filters: Any) -> None:
    """Aanbod zoeken op woorden, leefgebied, doelgroep, vorm en gebied."""
    with _store() as store:
        antwoord = store.zoek_aanbod(
            tekst=" ".join(woorden) or None, per_pagina=per_pagina, **filters
        )
    _toon(antwoord, als_json, _zoek_tekst)


def _zoek_tekst(a: dict[str, Any]) -> None:
    click.echo(f"{a['totaal']} resultaten (pagina {a['pagina']} van {a['paginas']})")
    for r in a["resultaten"]:
        door = f" - {r['aanbieder']['naam']}" if r["aanbieder"] else ""
        waar = ", ".join(g["naam"] or g["code"] for g in r["werkgebied"])
        click.echo(f"\n- {r['naam']} ({r['vorm']}){door}\n  waar: {waar}")
        if r.get("contact"):
            click.echo(f"  contact: {r['contact']}")
        click.echo("  leefgebieden: " + ", ".join(x["naam"] for x in r["leefgebieden"]))


@vraag.command("zichtbaarheid")
@click.argument("organisatie")
@click.option("--json", "als_json", is_flag=True, help="Antwoord als JSON.")
def vraag_zichtbaarheid(organisatie: str, als_json: bool) -> None:
    """Hoe zichtbaar is een organisatie: per wijk welke teams haar kennen en welke niet."""
    with _store() as store:
        antwoord = store.zichtbaarheid(organisatie)
    _toon(antwoord, als_json, _zichtbaarheid_tekst)


def _zichtbaarheid_tekst(a: dict[str, Any]) -> None:
    o = a["organisatie"]
    click.echo(f"{o['naam']} ({o['rol']}): actief in {len(a['wijken'])} wijken")
    for w in a["wijken"]:
        click.echo(f"\n- {w['wijk']['naam']} ({w['wijk']['code']}): {w['status']}")
        for t in w["teams_die_haar_kennen"]:
            soorten = ", ".join(sorted({r["type"] for r in t["relaties"]}))
            click.echo(f"  kent haar: {t['naam']} ({soorten})")
        for t in w["teams_die_haar_niet_kennen"]:
            click.echo(f"  kent haar niet: {t['naam']}")
    for n in a["netwerk"]:
        click.echo(
            f"\nnetwerk {n['gemeente']['naam']}: graad {n['graad']}, betweenness "
            f"{n['betweenness']}, rang {n['rang']} van {n['van']} organisaties"
        )


@vraag.command("landschap")
@click.argument("gemeente")
@click.option("--json", "als_json", is_flag=True, help="Antwoord als JSON.")
def vraag_landschap(gemeente: str, als_json: bool) -> None:
    """Het netwerk van teams en organisaties in een gemeente: gemeenschappen, geïsoleerde
    teams, bruggen."""
    with _store() as store:
        antwoord = store.landschap(gemeente.upper())
    _toon(antwoord, als_json, _landschap_tekst)


def _landschap_tekst(a: dict[str, Any]) -> None:
    s = a["samenvatting"]
    click.echo(
        f"{a['gemeente']['naam']}: {s['teams']} teams, {s['organisaties']} organisaties, "
        f"{s['initiatieven']} initiatieven, {s['verbindingen']} verbindingen, "
        f"{s['gemeenschappen']} gemeenschappen"
    )
    namen = {k["id"]: k["naam"] for k in a["knopen"]}
    click.echo(
        "geïsoleerde teams: " + (", ".join(namen[t] for t in a["geisoleerde_teams"]) or "geen")
    )
    for b in a["bruggen"]:
        click.echo(f"brug: {b['naam']} ({b['label']}) splitst het netwerk in {b['splitst_in']}")


@vraag.command("grenzen")
@click.argument("gemeente")
@click.option("--json", "als_json", is_flag=True, help="Antwoord als JSON.")
def vraag_grenzen(gemeente: str, als_json: bool) -> None:
    """Werkgebieden van teams die CBS-wijken doorsnijden (daar verliezen teams elkaar uit het
    oog)."""
    with _store() as store:
        antwoord = store.doorsneden_wijken(gemeente.upper())
    _toon(antwoord, als_json, _grenzen_tekst)


def _grenzen_tekst(a: dict[str, Any]) -> None:
    s = a["samenvatting"]
    click.echo(
        f"{a['gemeente']['naam']}: {s['wijken_doorsneden']} van {s['wijken']} wijken "
        f"doorsneden door {s['teams_die_doorsnijden']} teams"
    )
    for d in a["doorsneden"]:
        click.echo(f"\n- {d['wijk']['naam']} ({d['wijk']['code']}, {d['buurten']} buurten)")
        for t in d["teams"]:
            via = f" via {', '.join(t['via_gebied'])}" if t["via_gebied"] else ""
            click.echo(
                f"  {t['naam']}{via}: {len(t['gedekt'])} buurten wel, {len(t['niet_gedekt'])} niet"
            )


@vraag.command("huishoudens")
@click.argument("wijk")
@click.option("--json", "als_json", is_flag=True, help="Antwoord als JSON.")
def vraag_huishoudens(wijk: str, als_json: bool) -> None:
    """Eén huishouden, één plan, één regisseur: aantallen per wijk (onder de 5: '<5')."""
    with _store() as store:
        antwoord = store.huishoudens(wijk.upper())
    _toon(antwoord, als_json, _huishoudens_tekst)


def _huishoudens_tekst(a: dict[str, Any]) -> None:
    w = a["wijk"]
    click.echo(f"{w['naam']} ({w['code']}): huishoudens met een betrokken team: {a['huishoudens']}")
    for sleutel, uitleg in a["uitleg"]["definities"].items():
        if sleutel != "huishoudens":
            click.echo(f"  {uitleg}: {a[sleutel]}")
    for t in a["per_team"]:
        click.echo(
            f"  {t['team']['naam']}: {t['huishoudens']} huishoudens, "
            f"regisseur bij {t['als_regisseur']}"
        )
    click.echo(f"({a['uitleg']['onderdrukking']})")


# --- export -------------------------------------------------------------------------------------


@main.group()
def export() -> None:
    """Exporteren: het landschap als bestand voor Gephi of Cytoscape."""


@export.command("alles")
@click.option(
    "--uit", "uitvoer", type=click.Path(dir_okay=False), help="Bestand (standaard stdout)."
)
def export_alles(uitvoer: str | None) -> None:
    """De hele graaf als JSON Lines, met herkomst (terug te zetten met `ingest alles`)."""
    from ingest import alles

    with _store() as store:
        if uitvoer:
            with open(uitvoer, "w", encoding="utf-8") as f:
                n = alles.exporteer(store, f)
            click.echo(f"{uitvoer}: {n} records", err=True)
        else:
            alles.exporteer(store, sys.stdout)


@export.command("landschap")
@click.argument("gemeente")
@click.option(
    "--formaat",
    type=click.Choice(["gexf", "graphml", "cytoscape"]),
    default="gexf",
    show_default=True,
)
@click.option(
    "--uit", "uitvoer", type=click.Path(dir_okay=False), help="Bestand (standaard stdout)."
)
def export_landschap(gemeente: str, formaat: str, uitvoer: str | None) -> None:
    """Het team- en organisatienetwerk van een gemeente als GEXF, GraphML of Cytoscape JSON."""
    from netwerk.analyse.exporteer import exporteer

    with _store() as store:
        inhoud, _ = exporteer(store.landschap(gemeente.upper()), formaat)
    if uitvoer:
        Path(uitvoer).write_bytes(inhoud)
        click.echo(f"{uitvoer}: {len(inhoud)} bytes", err=True)
    else:
        click.echo(inhoud.decode("utf-8"), nl=False)


# --- API keys -----------------------------------------------------------------------------------


@main.group()
def sleutel() -> None:
    """API-sleutels met een rol (adviseur, beheerder); bewaard als hash in WIJKGRAAF_DATA."""


def _sleutelbos():
    from api.sleutels import Sleutelbos

    return Sleutelbos(Instellingen.uit_omgeving().data / "sleutels.json")


@sleutel.command("maak")
@click.option("--rol", required=True, type=click.Choice(["adviseur", "beheerder"]))
@click.option("--naam", required=True, help="Voor wie of waarvoor de sleutel is.")
def sleutel_maak(rol: str, naam: str) -> None:
    """Maak een sleutel; het geheim wordt één keer getoond en nergens bewaard."""
    record, geheim = _sleutelbos().maak(rol, naam)
    click.echo(
        f"sleutel {record.id} ({record.rol}, {record.naam}) gemaakt; bewaar dit geheim:", err=True
    )
    click.echo(geheim)


@sleutel.command("lijst")
def sleutel_lijst() -> None:
    """Alle sleutels (zonder geheimen)."""
    for s in _sleutelbos().lijst():
        status = f"ingetrokken {s.ingetrokken_op}" if s.ingetrokken_op else "geldig"
        click.echo(f"{s.id}\t{s.rol}\t{s.naam}\t{s.gemaakt_op}\t{status}")


@sleutel.command("intrek")
@click.argument("sleutel_id")
def sleutel_intrek(sleutel_id: str) -> None:
    """Trek een sleutel in; hij werkt meteen niet meer."""
    try:
        s = _sleutelbos().trek_in(sleutel_id)
    except NietGevonden as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"sleutel {s.id} ingetrokken op {s.ingetrokken_op}")


# --- inspecting and serving -------------------------------------------------------------------


@main.command()
def tellingen() -> None:
    """Aantallen knopen per label en relaties per type."""
    with _store() as store:
        click.echo(json.dumps(store.tellingen(), indent=2))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=int)
def serve(host: str, port: int, threads: int) -> None:
    """Serveer de API met waitress (een productie-WSGI-server)."""
    from waitress import serve as waitress_serve

    from api import create_app

    app = create_app()
    click.echo(
        f"Wijkgraaf API op http://{host}:{port}/api/v1 (opslag: "
        f"{app.extensions['wijkgraaf'].soort})",
        err=True,
    )
    waitress_serve(app, host=host, port=port, threads=threads, ident="wijkgraaf")


# --- tekst: text as a source (ingest/tekst); proposals, review, evaluation ---------------------


@ingest.command("tekst")
@click.argument("bestanden", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--datum", help="bevestigd_op voor de voorstellen (standaard vandaag).")
def ingest_tekst(bestanden: tuple[str, ...], datum: str | None) -> None:
    """Tekst, opgeslagen webpagina's (HTML) en PDF-rapporten: gevonden organisaties, teams en
    relaties worden voorstellen, te beoordelen met `wijkgraaf tekst beoordeel`."""
    from pathlib import Path

    from ingest.tekst import inlezen
    from ingest.tekst.pijplijn import laad_nlp

    adressen = [b for b in bestanden if b.startswith(("http://", "https://"))]
    if adressen:
        raise click.ClickException(
            f"{adressen[0]}: geef een opgeslagen pagina (in de browser: Opslaan als, HTML), "
            "geen adres; Wijkgraaf haalt zelf niets van het web"
        )
    ontbreekt = [b for b in bestanden if not Path(b).is_file()]
    if ontbreekt:
        raise click.ClickException(f"{ontbreekt[0]}: bestand bestaat niet")
    nlp = laad_nlp()
    with _store() as store:
        samenvattingen = inlezen.importeer(store, bestanden, nlp=nlp, datum=datum)
    fouten = 0
    for s in samenvattingen:
        for regel in s.regels():
            click.echo(regel, err=bool(s.fout))
        fouten += bool(s.fout)
    if any(s.nieuwe_knopen or s.nieuwe_relaties for s in samenvattingen):
        click.echo("beoordeel de voorstellen met: wijkgraaf tekst beoordeel")
    if fouten:
        sys.exit(1)


@main.group()
def tekst() -> None:
    """Voorstellen uit tekst beoordelen en de tekstherkenning evalueren."""


@tekst.command("beoordeel")
@click.option("--accepteer", "accepteren", multiple=True, metavar="ID", help="Voorstel aannemen.")
@click.option("--wijs-af", "afwijzen", multiple=True, metavar="ID", help="Voorstel afwijzen.")
@click.option("--alles-tonen", is_flag=True, help="Ook de voorstellen waarover al besloten is.")
@click.option("--document", help="Alleen de voorstellen uit deze bron (id tekst-...).")
@click.option("--datum", help="Datum van het besluit (standaard vandaag).")
@click.option("--json", "als_json", is_flag=True, help="De lijst als JSON.")
def tekst_beoordeel(
    accepteren: tuple[str, ...],
    afwijzen: tuple[str, ...],
    alles_tonen: bool,
    document: str | None,
    datum: str | None,
    als_json: bool,
) -> None:
    """Toon de openstaande voorstellen uit tekst, of neem een besluit erover."""
    from ingest.tekst import beoordeling

    with _store() as store:
        if accepteren or afwijzen:
            for id_ in accepteren:
                for regel in beoordeling.accepteer(store, id_, datum=datum):
                    click.echo(regel)
            for id_ in afwijzen:
                for regel in beoordeling.wijs_af(store, id_, datum=datum):
                    click.echo(regel)
            return
        statussen = beoordeling.STATUSSEN if alles_tonen else (beoordeling.VOORGESTELD,)
        lijst = beoordeling.voorstellen(store, statussen=statussen, document=document)
        if als_json:
            click.echo(json.dumps([v.als_dict() for v in lijst], ensure_ascii=False, indent=2))
            return
        if not lijst:
            click.echo("geen voorstellen" + ("" if alles_tonen else " om te beoordelen"))
            return
        bronnen: dict[str, str] = {}
        for v in lijst:
            e = v.eigenschappen
            doc = e.get("document", "")
            if doc not in bronnen:
                k = store.knoop(doc)
                bronnen[doc] = str(k.eigenschappen.get("naam", doc)) if k else doc
                click.echo(f"\n{bronnen[doc]} ({doc})")
            status = "" if v.status == beoordeling.VOORGESTELD else f" [{v.status}]"
            click.echo(
                f"- {v.id}{status} {beoordeling.omschrijving(store, v)} "
                f"(vertrouwen {e.get('vertrouwen')})"
            )
            click.echo(f"    [{e.get('begin')}:{e.get('eind')}] \u201c{e.get('fragment')}\u201d")
        click.echo(
            f"\n{len(lijst)} voorstellen; besluit met --accepteer ID of --wijs-af ID (herhaalbaar)"
        )


@tekst.command("evalueer")
@click.option(
    "--set",
    "sets",
    type=click.Choice(["ontwikkel", "test"]),
    multiple=True,
    help="Welke set (standaard beide).",
)
@click.option("--json", "als_json", is_flag=True, help="De cijfers als JSON.")
def tekst_evalueer(sets: tuple[str, ...], als_json: bool) -> None:
    """Precisie, recall en F1 per label, voor entiteiten en relaties, op de geannoteerde sets."""
    from ingest.tekst import evaluatie
    from ingest.tekst.pijplijn import laad_nlp

    nlp = laad_nlp()
    evaluatie.vul_met_demo(nlp)
    uitslagen = {s: evaluatie.evalueer(nlp, evaluatie.lees_set(s)) for s in sets or evaluatie.SETS}
    if als_json:
        click.echo(
            json.dumps(
                {s: u.als_dict() for s, u in uitslagen.items()}, ensure_ascii=False, indent=2
            )
        )
        return
    for s, u in uitslagen.items():
        click.echo(u.tabel(f"{s}set"))
        click.echo("")


# --- bronnen: Open Referral directories (HSDS, ORUK) and entity resolution (ontdubbelen) -------


@ingest.command("hsds")
@click.argument("paden", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--bron", help="Eén bron-id voor alle paden (standaard hsds-<naam> per pad).")
@click.option("--bron-naam", help="Naam van de bron.")
@click.option("--datum", help="bevestigd_op van deze versie van de bron (standaard vandaag).")
@click.option(
    "--taxonomie",
    type=click.Path(exists=True, dir_okay=False),
    help="Eigen koppeltabel term -> leefgebied/doelgroep (CSV), bovenop de standaardtabel.",
)
@click.option("--json", "als_json", is_flag=True, help="Het rapport als JSON.")
def ingest_hsds(
    paden: tuple[str, ...],
    bron: str | None,
    bron_naam: str | None,
    datum: str | None,
    taxonomie: str | None,
    als_json: bool,
) -> None:
    """Open Referral-registers: HSDS 3.0 (JSON of tabelpakket), HSDS 1.1/2.0 (tabelpakket) en
    Open Referral UK (v1/v2). PAD is een JSON-bestand, een map met CSV-bestanden of de
    datapackage.json daarin. Zie docs/bronnen.md."""
    from ingest import hsds

    with _store() as store:
        rapport = hsds.importeer(
            store, paden, datum=datum, bron=bron, bron_naam=bron_naam, taxonomie=taxonomie
        )
    if als_json:
        click.echo(json.dumps(rapport.als_dict(), ensure_ascii=False, indent=2))
        sys.exit(0 if rapport.in_orde else 1)
    _druk_rapport(rapport)


@main.command()
@click.option(
    "--toon", is_flag=True, help="Open voorstellen en samengevoegde organisaties (standaard)."
)
@click.option("--voeg-samen", nargs=2, metavar="A B", help="B gaat op in A (A blijft).")
@click.option("--houd-apart", nargs=2, metavar="A B", help="A en B nooit samenvoegen.")
@click.option("--datum", help="Datum van het besluit (standaard vandaag).")
@click.option("--json", "als_json", is_flag=True, help="Als JSON.")
def ontdubbel(
    toon: bool,
    voeg_samen: tuple[str, str] | None,
    houd_apart: tuple[str, str] | None,
    datum: str | None,
    als_json: bool,
) -> None:
    """Dezelfde organisatie uit verschillende bronnen: voorstellen bekijken en besluiten.
    Een besluit geldt ook bij elke volgende import."""
    from ingest import ontdubbel as od

    if voeg_samen and houd_apart:
        raise click.UsageError("kies --voeg-samen of --houd-apart, niet allebei")
    with _store() as store:
        if voeg_samen:
            uit = od.voeg_samen(store, *voeg_samen, datum=datum)
        elif houd_apart:
            uit = od.houd_apart(store, *houd_apart, datum=datum)
        else:
            uit = od.toon(store)
    if als_json:
        click.echo(json.dumps(uit, ensure_ascii=False, indent=2))
    elif voeg_samen or houd_apart:
        wat = "samengevoegd" if voeg_samen else "apart gehouden"
        click.echo(f"{uit['van']} en {uit['naar']}: {wat} (voorstel {uit['voorstel']})")
    else:
        _ontdubbel_tekst(uit)


def _ontdubbel_tekst(t: dict[str, Any]) -> None:
    def org(o: dict[str, Any]) -> str:
        bronnen = ", ".join(sorted({b["bron"] for b in o["bronnen"]})) or "geen bron"
        return f"{o['naam'] or '?'} [{o['id']}] ({bronnen})"

    click.echo(f"Open voorstellen tot samenvoegen: {len(t['open'])}")
    for v in t["open"]:
        vertrouwen = f"{v['vertrouwen']:.2f}" if v["vertrouwen"] is not None else "?"
        click.echo(f"\n- {vertrouwen}  {org(v['van'])}\n        ~ {org(v['naar'])}")
        if v["reden"]:
            click.echo(f"  {v['reden']}")
        a, b = v["naar"]["id"], v["van"]["id"]
        click.echo(f"  wijkgraaf ontdubbel --voeg-samen {a} {b}  |  --houd-apart {a} {b}")
    click.echo(f"\nAutomatisch samengevoegd (meer dan één bron): {len(t['samengevoegd'])}")
    for o in t["samengevoegd"]:
        click.echo(f"- {o['naam']} [{o['id']}]")
        for b in o["bronnen"]:
            click.echo(f"    {b['bron']}: record {b['record']} (apart: {b['apart_id']})")
    samen = sum(1 for v in t["besloten"] if v["status"] == "geaccepteerd")
    click.echo(
        f"\nBesloten: {len(t['besloten'])} "
        f"({samen} samengevoegd, {len(t['besloten']) - samen} apart gehouden)"
    )


# --- punten: locations on a map placed in their CBS buurt (ingest/punten.py) ------------------


@ingest.command("punten")
@click.argument("bestand", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--mapping",
    "mapping",
    required=True,
    help="Mappingbestand (.toml/.json) of de naam van een meegeleverde mapping "
    "(bijv. amsterdam_voorzieningen).",
)
@click.option(
    "--postcodes",
    type=click.Path(exists=True, dir_okay=False),
    help="CSV postcode -> buurtcode (optioneel; gaat voor de coördinaten).",
)
@click.option("--datum", help="bevestigd_op (standaard bron.datum uit de mapping, anders vandaag).")
@click.option("--per-punt", is_flag=True, help="Toon de plaatsing van elk punt.")
def ingest_punten(
    bestand: str, mapping: str, postcodes: str | None, datum: str | None, per_punt: bool
) -> None:
    """Punten op de kaart (GeoJSON/CSV) per CBS-buurt inlezen als team, organisatie,
    initiatief of aanbod, volgens een mapping."""
    from ingest import punten

    with _store() as store:
        rapport = punten.importeer(store, bestand, mapping, postcodes=postcodes, datum=datum)
    if per_punt:
        for plaatsing in rapport.plaatsingen:
            click.echo(str(plaatsing), err=True)
    _druk_rapport(rapport)


if __name__ == "__main__":
    main()
