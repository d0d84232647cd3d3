"""The web pages (views of the blueprint ``web``). Each page asks the store the same questions
the API answers and renders the answer, with its explanation and sources, as Dutch HTML."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import (
    Response,
    current_app,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)

from netwerk import model
from netwerk.fouten import NietGevonden, OngeldigeInvoer
from netwerk.stores.basis import GraphStore
from web import aanbod, gebieden, kaart, toegang, web
from web.fouten import niet_gevonden

LEEFGEBIED_NAAM = dict(model.LEEFGEBIEDEN)
DOELGROEP_NAAM = dict(model.DOELGROEPEN)
MAANDEN = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()
#: Labels of the graph model in Dutch running text.
LABEL_NAAM = {
    model.TEAM: "team",
    model.ORGANISATIE: "organisatie",
    model.INITIATIEF: "initiatief",
    model.AANBOD: "aanbod",
    model.GEMEENTE: "gemeente",
    model.WIJK: "wijk",
    model.BUURT: "buurt",
    model.LEEFGEBIED: "leefgebied",
}
RELATIE_NAAM = {
    model.WERKT_SAMEN_MET: "werkt samen met",
    model.VERWIJST_NAAR: "verwijst naar",
    model.ONDERDEEL_VAN: "is onderdeel van",
    model.BIEDT_AAN: "biedt aan",
    model.ACTIEF_IN: "is actief in",
    model.WERKT_IN: "werkt in",
    model.RICHT_ZICH_OP: "richt zich op",
    model.GRENST_AAN: "grenst aan",
    model.LIGT_IN: "ligt in",
}
ZOEKVELDEN = ("tekst", "leefgebied", "doelgroep", "vorm", "gebied")
#: Individual offers of a wijk shown with their alternatives on the wijk page (one question
#: each); the rest are one click away on the search page.
MAATWERK_OP_WIJK = 25
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'self'"
)


def store() -> GraphStore:
    return current_app.extensions["wijkgraaf"]


# --- template helpers --------------------------------------------------------------------------


def datum(waarde: str | None) -> str:
    """``2026-11-01`` as ``1 november 2026`` (other text unchanged)."""
    if not waarde:
        return "onbekende datum"
    try:
        d = dt.date.fromisoformat(str(waarde)[:10])
    except ValueError:
        return str(waarde)
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def bron_naam(bron: str | None) -> str:
    """The name of a source (a Bron node) for display; its id when it has no name."""
    if not bron:
        return "onbekende bron"
    namen = g.setdefault("bron_namen", {})
    if bron not in namen:
        knoop = store().knoop(bron)
        naam = knoop.eigenschappen.get("naam") if knoop is not None else None
        if naam is None and bron.startswith("cbs-"):
            naam = f"CBS-gebiedsindeling {bron[4:]}"
        namen[bron] = naam or bron
    return namen[bron]


def gebied_naam(code: str | None) -> str:
    if not code:
        return ""
    return gebieden.index().naam(code) or code


def gebied_omschrijving(code: str | None) -> str:
    gebied = gebieden.index().get(code)
    return gebied.omschrijving if gebied else (code or "")


@web.app_template_filter("datum")
def _datum_filter(waarde: str | None) -> str:
    return datum(waarde)


@web.app_template_filter("bronparen")
def _bronparen(lijst: list[dict[str, Any]] | None) -> list[dict[str, str]]:
    """The distinct (bron, bevestigd_op) pairs of some facts, sorted."""
    paren = sorted({(x.get("bron") or "", x.get("bevestigd_op") or "") for x in lijst or []})
    return [{"bron": b, "bevestigd_op": d} for b, d in paren]


@web.app_template_filter("opzoeken")
def _opzoeken(ids: list[str], namen: dict[str, str | None]) -> list[str]:
    """Ids as names (the id where the name is unknown)."""
    return [namen.get(i) or i for i in ids]


@web.context_processor
def _helpers() -> dict[str, Any]:
    return {
        "ingelogd": toegang.huidige_sleutel(),
        "csrf_token": toegang.csrf_token,
        "bron_naam": bron_naam,
        "gebied_naam": gebied_naam,
        "gebied_omschrijving": gebied_omschrijving,
        "leefgebied_naam": lambda i: LEEFGEBIED_NAAM.get(i, i),
        "doelgroep_naam": lambda i: DOELGROEP_NAAM.get(i, i),
        "label_naam": lambda x: LABEL_NAAM.get(x, (x or "").lower()),
        "relatie_naam": lambda x: RELATIE_NAAM.get(x, (x or "").lower()),
        "vorm_naam": lambda v: aanbod.VORM_NAAM.get(v, v or "onbekende vorm"),
        "LEEFGEBIEDEN": model.LEEFGEBIEDEN,
        "DOELGROEPEN": model.DOELGROEPEN,
        "VORMEN": model.AANBOD_VORMEN,
    }


@web.after_request
def _veiligheid(antwoord: Response) -> Response:
    antwoord.headers.setdefault("Content-Security-Policy", CSP)
    antwoord.headers.setdefault("X-Content-Type-Options", "nosniff")
    antwoord.headers.setdefault("Referrer-Policy", "same-origin")
    if antwoord.mimetype == "text/html":
        antwoord.headers.setdefault("Cache-Control", "no-store")
    return antwoord


# --- zoeken (public) ---------------------------------------------------------------------------


def _kies(waarde: str | None, opties: tuple[str, ...], omzetten) -> str | None:  # noqa: ANN001
    if not waarde:
        return None
    try:
        gekozen = omzetten(waarde)
    except OngeldigeInvoer:
        return None
    return gekozen if gekozen in opties else None


@web.get("/")
def zoeken():
    args = {k: (request.args.get(k) or "").strip() for k in ZOEKVELDEN}
    gezocht = any(k in request.args for k in ZOEKVELDEN)
    fouten: dict[str, str] = {}
    gebied, kandidaten = None, []
    if args["gebied"]:
        gebied, kandidaten = gebieden.index().herken(args["gebied"])
        if gebied is None:
            fouten["gebied"] = (
                f"Kies welk gebied u bedoelt met ‘{args['gebied']}’."
                if kandidaten
                else f"Geen gemeente, wijk of buurt gevonden met de naam ‘{args['gebied']}’."
            )
    leefgebied = _kies(args["leefgebied"], model.LEEFGEBIED_IDS, model.leefgebied)
    doelgroep = _kies(args["doelgroep"], model.DOELGROEP_IDS, model.doelgroep)
    vorm = args["vorm"] if args["vorm"] in model.AANBOD_VORMEN else None
    pagina = request.args.get("pagina", "1")
    pagina = int(pagina) if pagina.isdigit() and int(pagina) > 0 else 1

    antwoord, alternatieven, bereik, melding = None, {}, {}, None
    if gezocht and not fouten:
        try:
            antwoord = aanbod.zoek(
                store(),
                tekst=args["tekst"] or None,
                leefgebied=leefgebied,
                doelgroep=doelgroep,
                vorm=vorm,
                gebied=gebied.code if gebied else None,
                pagina=pagina,
                per_pagina=aanbod.PER_PAGINA,
            )
        except NietGevonden:
            melding = (
                f"{gebied.omschrijving if gebied else 'Dit gebied'} staat nog niet in Wijkgraaf. "
                "Importeer de CBS-gebieden van de gemeente (wijkgraaf ingest cbs --gemeente "
                f"{gebied.gemeente if gebied else 'GM....'}) en een sociale kaart."
            )
        except OngeldigeInvoer as e:
            fouten["tekst"] = f"{e}."
        if antwoord is not None:
            alternatieven = aanbod.alternatieven_voor(
                store(), gebieden.wijk_van(gebied.code if gebied else None), antwoord["resultaten"]
            )
            bereik = aanbod.bereik_aanbieders(store(), antwoord["resultaten"])

    def pagina_url(p: int) -> str:
        return url_for("web.zoeken", **{k: v for k, v in args.items() if v}, pagina=p)

    return render_template(
        "zoeken.html",
        args=args,
        gezocht=gezocht,
        fouten=fouten,
        gebied=gebied,
        kandidaten=kandidaten,
        leefgebied=leefgebied,
        doelgroep=doelgroep,
        vorm=vorm,
        antwoord=antwoord,
        alternatieven=alternatieven,
        bereik=bereik,
        melding=melding,
        pagina_url=pagina_url,
        wijk=gebieden.wijk_van(gebied.code if gebied else None),
    )


@web.get("/zoek/gebieden")
def gebieden_zoeken():
    """Autocomplete: CBS gemeenten, wijken and buurten whose name matches ``q`` (JSON).
    ``soort=wijk,buurt`` limits the kinds."""
    q = (request.args.get("q") or "")[:100]
    soorten = tuple(
        label
        for label, naam in gebieden.SOORT_NAAM.items()
        if naam in (request.args.get("soort") or "").split(",")
    )
    gevonden = gebieden.index().zoek(q, aantal=10, soorten=soorten)
    antwoord = jsonify({"q": q, "gebieden": [x.als_dict() for x in gevonden]})
    antwoord.headers["Cache-Control"] = "public, max-age=3600"
    return antwoord


# --- wijken and gemeenten (public) ------------------------------------------------------------


@web.get("/wijken")
def wijk_kiezen():
    """The 'Naar een wijk' form: a name or code of a wijk (or a buurt: its wijk)."""
    tekst = (request.args.get("gebied") or "").strip()
    gebied, kandidaten = gebieden.index().herken(tekst) if tekst else (None, [])
    if gebied is not None and gebied.soort == model.GEMEENTE:
        return redirect(url_for("web.gemeente", code=gebied.code))
    if gebied is not None:
        return redirect(url_for("web.wijk", code=gebieden.wijk_van(gebied.code)))
    return render_template("kies_gebied.html", tekst=tekst, kandidaten=kandidaten)


def _alle(label: str, **filter: Any) -> list[dict[str, Any]]:
    uit, pagina = [], 1
    while True:
        deel = store().vraag("lijst", label=label, pagina=pagina, per_pagina=100, **filter)
        uit += deel["resultaten"]
        if pagina >= deel["paginas"]:
            return uit
        pagina += 1


@web.get("/wijken/<code>")
def wijk(code: str):
    if code != code.upper() and model.CBS_PATRONEN[model.WIJK].match(code.upper()):
        return redirect(url_for("web.wijk", code=code.upper()), 301)
    if not model.CBS_PATRONEN[model.WIJK].match(code):
        return niet_gevonden(f"‘{code}’ is geen CBS-wijkcode (WK gevolgd door zes tekens).")
    s = store()
    overlap = s.overlappende_teams(code)
    nuldelijn = s.nuldelijn_gaten(code)
    gezocht = aanbod.zoek(s, vorm=aanbod.MAATWERK, gebied=code, per_pagina=MAATWERK_OP_WIJK)
    maatwerk = gezocht["resultaten"]
    alternatieven = aanbod.alternatieven_voor(s, code, maatwerk)

    # every team of the wijk: those on a leefgebied, those without, and those in a pair
    teams: dict[str, dict[str, Any]] = {}
    for lg in nuldelijn["leefgebieden"]:
        for t in lg["teams"]:
            teams.setdefault(t["id"], {"id": t["id"], "naam": t["naam"], "soort": t["soort"]})
    for t in nuldelijn["teams_zonder_leefgebied"]:
        teams.setdefault(t["id"], t)
    for p in overlap["paren"]:
        for t in p["teams"]:
            teams.setdefault(t["id"], t)
    teamlijst = sorted(teams.values(), key=lambda t: ((t["naam"] or "").lower(), t["id"]))
    paren = {}
    for p in overlap["paren"]:
        a, b = (t["id"] for t in p["teams"])
        paren[(a, b)] = paren[(b, a)] = p
    namen = {t["id"]: t["naam"] for t in teamlijst}
    for p in overlap["paren"]:
        namen.update({v["id"]: v["naam"] for v in p["via"]})

    return render_template(
        "wijk.html",
        wijk=overlap["wijk"],
        gemeentenaam=gebied_naam(overlap["wijk"].get("gemeente")),
        overlap=overlap,
        nuldelijn=nuldelijn,
        teams=teamlijst,
        paren=paren,
        namen=namen,
        maatwerk=maatwerk,
        maatwerk_totaal=gezocht["totaal"],
        alternatieven=alternatieven,
        niet_kennend=sum(p["kennis"] == "kennen elkaar niet" for p in overlap["paren"]),
    )


@web.get("/gemeenten/<code>")
def gemeente(code: str):
    if code != code.upper() and model.CBS_PATRONEN[model.GEMEENTE].match(code.upper()):
        return redirect(url_for("web.gemeente", code=code.upper()), 301)
    if not model.CBS_PATRONEN[model.GEMEENTE].match(code):
        return niet_gevonden(f"‘{code}’ is geen CBS-gemeentecode (GM gevolgd door vier cijfers).")
    detail = store().vraag("detail", id=code, label=model.GEMEENTE)
    wijken = sorted(_alle(model.WIJK, gemeente=code), key=lambda w: w["id"])
    teams = _alle(model.TEAM, gemeente=code)
    return render_template("gemeente.html", gemeente=detail, wijken=wijken, teams=teams)


# --- organisaties ----------------------------------------------------------------------------


@web.get("/organisaties")
def organisaties():
    gm = (request.args.get("gemeente") or "").strip().upper() or None
    if gm and not model.CBS_PATRONEN[model.GEMEENTE].match(gm):
        gm = None
    lijst = sorted(
        _alle(model.ORGANISATIE, **({"gemeente": gm} if gm else {})),
        key=lambda o: ((o.get("naam") or "").lower(), o["id"]),
    )
    return render_template("organisaties.html", organisaties=lijst, gemeente=gm)


@web.get("/organisaties/<id>/zichtbaarheid")
@toegang.vereist("adviseur")
def zichtbaarheid(id: str):
    z = store().zichtbaarheid(id)
    gemeenten = sorted(
        {w["wijk"]["gemeente"] for w in z["wijken"] if w["wijk"].get("gemeente")}
        | {n["gemeente"]["code"] for n in z["netwerk"]}
    )
    buurten = sorted({x["gebied"] for x in z["gebieden"] if x["soort"] == model.BUURT})
    kaartdata = {
        "wijken": {w["wijk"]["code"]: w["status"] for w in z["wijken"]},
        "buurten": buurten,
        "bronnen": [url_for("web.kaart_gemeente", code=gm) for gm in gemeenten],
    }
    namen = {z["organisatie"]["id"]: z["organisatie"]["naam"]}
    namen.update({x["aanbod"]: x["aanbod_naam"] for x in z["gebieden"] if x.get("aanbod")})
    for w in z["wijken"]:
        for t in w["teams_die_haar_kennen"] + w["teams_die_haar_niet_kennen"]:
            namen[t["id"]] = t["naam"]
    via = {}
    for w in z["wijken"]:
        groepen: dict[tuple[str, str], list[str]] = {}
        for v in w["via"]:
            wat = namen.get(v["aanbod"], v["aanbod"]) if v.get("aanbod") else "zelf"
            lijst = groepen.setdefault((v["soort"], v["gebied"]), [])
            if wat not in lijst:
                lijst.append(wat)
        via[w["wijk"]["code"]] = [
            {"soort": soort, "gebied": gebied, "wat": wat}
            for (soort, gebied), wat in groepen.items()
        ]
    return render_template(
        "zichtbaarheid.html",
        z=z,
        via=via,
        namen=namen,
        gemeenten=gemeenten,
        kaartdata=kaartdata,
        kaart_beschikbaar=kaart.beschikbaar(),
        vandaag=datum(dt.date.today().isoformat()),
    )


@web.get("/kaart/gemeenten/<code>.geojson")
def kaart_gemeente(code: str):
    """The CBS wijken and buurten of a gemeente as GeoJSON (properties code, naam, soort,
    wijk), for the maps. 404 (JSON) when no polygons are installed."""
    code = code.upper()
    if not model.CBS_PATRONEN[model.GEMEENTE].match(code) or gebieden.index().get(code) is None:
        return jsonify({"fout": f"{code} is geen CBS-gemeente"}), 404
    geo = kaart.gemeente_geojson(code)
    if geo is None:
        return jsonify({"fout": "de wijk- en buurtgrenzen zijn niet geïnstalleerd"}), 404
    antwoord = jsonify(geo)
    antwoord.mimetype = "application/geo+json"
    antwoord.headers["Cache-Control"] = "public, max-age=86400"
    return antwoord


# --- landschap (adviseur) ----------------------------------------------------------------------


@web.get("/gemeenten/<code>/landschap")
@toegang.vereist("adviseur")
def landschap(code: str):
    from netwerk.analyse.exporteer import naar_cytoscape

    code = code.upper()
    land = store().landschap(code)
    leefgebied = request.args.get("leefgebied") or ""
    wijk = request.args.get("wijk") or ""
    knopen = sorted(land["knopen"], key=lambda k: ((k["naam"] or "").lower(), k["id"]))
    zichtbaar = {
        k["id"]
        for k in knopen
        if (not leefgebied or leefgebied in k["leefgebieden"]) and (not wijk or wijk in k["wijken"])
    }
    leefgebieden = [
        lg for lg in model.LEEFGEBIED_IDS if any(lg in k["leefgebieden"] for k in knopen)
    ]
    wijken = sorted({w for k in knopen for w in k["wijken"]})
    namen = {k["id"]: k["naam"] or k["id"] for k in knopen}
    buren: dict[str, list[dict[str, Any]]] = {k["id"]: [] for k in knopen}
    for v in land["verbindingen"]:
        buren[v["van"]].append({"id": v["naar"], "relaties": v["relaties"]})
        buren[v["naar"]].append({"id": v["van"], "relaties": v["relaties"]})
    grafiek = naar_cytoscape(land)
    alle_wijken = [c for c in gebieden.onderdelen(code) if c.startswith("WK")]
    grafiek["namen"] = {
        "wijken": {w: gebied_naam(w) for w in wijken},
        "leefgebieden": dict(model.LEEFGEBIEDEN),
        "alle_wijken": len(alle_wijken),
    }
    return render_template(
        "landschap.html",
        land=land,
        knopen=knopen,
        zichtbaar=zichtbaar,
        leefgebieden=leefgebieden,
        wijken=wijken,
        gekozen={"leefgebied": leefgebied, "wijk": wijk},
        namen=namen,
        buren=buren,
        bruggen={b["id"]: b for b in land["bruggen"]},
        hele_gemeente={
            k["id"] for k in knopen if alle_wijken and set(alle_wijken) <= set(k["wijken"])
        },
        grafiek=grafiek,
    )


@web.get("/gemeenten/<code>/landschap.<formaat>")
@toegang.vereist("adviseur")
def landschap_bestand(code: str, formaat: str):
    from netwerk.analyse.exporteer import FORMATEN, exporteer

    if formaat not in ("gexf", "graphml"):
        return niet_gevonden()
    code = code.upper()
    inhoud, _ = exporteer(store().landschap(code), formaat)
    mime, extensie = FORMATEN[formaat]
    antwoord = Response(inhoud, mimetype=mime)
    antwoord.headers["Content-Disposition"] = f'attachment; filename="landschap-{code}.{extensie}"'
    return antwoord


# --- inloggen ----------------------------------------------------------------------------------


@web.route("/inloggen", methods=["GET", "POST"])
def inloggen():
    volgende = toegang.veilig_vervolg(request.values.get("volgende"))
    fout = None
    if request.method == "POST":
        if not toegang.csrf_klopt():
            fout = "Het formulier was verlopen. Probeer het nog een keer."
        else:
            sleutel, fout = toegang.log_in(request.form.get("sleutel", ""))
            if sleutel is not None:
                return redirect(volgende, 303)
    status = 400 if fout else 200
    return render_template("inloggen.html", volgende=volgende, fout=fout), status


@web.post("/uitloggen")
def uitloggen():
    if toegang.csrf_klopt():
        toegang.log_uit()
    return redirect(url_for("web.zoeken"), 303)
