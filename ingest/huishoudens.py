"""Household involvement ("1 huishouden, 1 plan, 1 regisseur"): which teams are involved in
which household, and which of them is the regisseur.

Households are personal data (AVG). The raw household id is pseudonymised at the door with a
keyed hash (HMAC-SHA256, key from ``WIJKGRAAF_PSEUDONIEM_SLEUTEL``) and then forgotten: it is
never stored, never put in an error message and never logged. Only the household's wijk is
kept (a buurt given is generalised to its wijk), no name, address or finer area.

CSV columns (file name free): ``huishouden`` (the id in the source system), ``team`` (team id
in the graph), ``regisseur`` (ja/nee), ``wijk`` (CBS wijk- or buurtcode), optional ``bron``,
``bevestigd_op``.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import hmac
import io
import os
from pathlib import Path

from ingest.rapport import Afwijzing, Rapport, schrijf
from netwerk import model
from netwerk.fouten import OngeldigeInvoer
from netwerk.model import Knoop, Relatie
from netwerk.stores.basis import GraphStore

SLEUTEL_VARIABELE = "WIJKGRAAF_PSEUDONIEM_SLEUTEL"
_JA = {"ja", "j", "true", "1", "yes", "x"}
_NEE = {"nee", "n", "false", "0", "no", ""}


def sleutel_uit_omgeving() -> bytes:
    """The pseudonymisation key; refuses to work without a real one."""
    waarde = os.environ.get(SLEUTEL_VARIABELE, "")
    if len(waarde) < 16:
        raise OngeldigeInvoer(
            f"zet {SLEUTEL_VARIABELE} op een geheime sleutel van minstens 16 tekens; "
            "zonder sleutel worden geen huishoudens ingelezen"
        )
    return waarde.encode("utf-8")


def pseudoniem(ruw: str, sleutel: bytes) -> str:
    """The stable pseudonym of a household id under ``sleutel`` (HMAC-SHA256, 128 bits shown).

    >>> pseudoniem("HH-001", b"0123456789abcdef") == pseudoniem(" HH-001 ", b"0123456789abcdef")
    True
    >>> pseudoniem("HH-001", b"0123456789abcdef").startswith("hh-")
    True
    """
    digest = hmac.new(sleutel, ruw.strip().encode("utf-8"), hashlib.sha256).hexdigest()
    return f"hh-{digest[:32]}"


def importeer(
    store: GraphStore,
    pad: str | Path,
    *,
    sleutel: bytes | None = None,
    datum: str | None = None,
    voortgang: bool | None = None,
) -> Rapport:
    """Read one household CSV into ``store``; the raw ids never leave this function."""
    sleutel = sleutel or sleutel_uit_omgeving()
    pad = Path(pad)
    datum = model.datum(datum) if datum else dt.date.today().isoformat()
    rapport = Rapport()
    try:
        tekst = pad.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        rapport.afgewezen.append(Afwijzing(str(pad), "bestand", f"niet te lezen: {e}"))
        return rapport
    eerste = tekst.split("\n", 1)[0]
    lezer = csv.DictReader(
        io.StringIO(tekst, newline=""),
        delimiter=";" if eerste.count(";") > eerste.count(",") else ",",
    )
    kolommen = {(k or "").strip().lower() for k in lezer.fieldnames or []}
    ontbreekt = sorted({"huishouden", "team", "regisseur", "wijk"} - kolommen)
    if ontbreekt:
        rapport.afgewezen += [
            Afwijzing(f"{pad}:1", k, "verplichte kolom ontbreekt") for k in ontbreekt
        ]
        return rapport

    rijen = []
    regel = lezer.line_num + 1
    for ruwe_rij in lezer:
        rijen.append(
            (regel, {(k or "").strip().lower(): (v or "").strip() for k, v in ruwe_rij.items()})
        )
        regel = lezer.line_num + 1
    genoemd = {r["team"] for _, r in rijen} | {r["wijk"].upper() for _, r in rijen}
    labels = store.labels_van(sorted(genoemd))
    bron_id = f"huishoudens-{model.slug(pad.name)}"
    knopen: dict[str, Knoop] = {
        bron_id: Knoop(
            model.BRON, bron_id, {"naam": pad.name, "soort": "huishoudens", "datum": datum}
        )
    }
    relaties: list[Relatie] = []
    for regel, rij in rijen:
        plaats = f"{pad}:{regel}"
        fouten = []
        if not rij.get("huishouden"):
            fouten.append(Afwijzing(plaats, "huishouden", "ontbreekt"))
        if labels.get(rij.get("team", "")) != model.TEAM:
            fouten.append(Afwijzing(plaats, "team", f"onbekend team {rij.get('team')!r}"))
        regisseur = rij.get("regisseur", "").lower()
        if regisseur not in _JA | _NEE:
            fouten.append(Afwijzing(plaats, "regisseur", "verwacht ja of nee"))
        code = rij.get("wijk", "").upper()
        soort = labels.get(code)
        if soort == model.BUURT:
            code = "WK" + code[2:8]
        elif soort != model.WIJK:
            fouten.append(Afwijzing(plaats, "wijk", f"onbekende CBS-wijk- of buurtcode {code!r}"))
        bevestigd = datum
        if rij.get("bevestigd_op"):
            try:
                bevestigd = model.datum(rij["bevestigd_op"])
            except OngeldigeInvoer as e:
                fouten.append(Afwijzing(plaats, "bevestigd_op", str(e)))
        if fouten:
            rapport.afgewezen += fouten
            continue
        hh = pseudoniem(rij["huishouden"], sleutel)
        if hh not in knopen:
            knopen[hh] = Knoop(model.HUISHOUDEN, hh)
            relaties.append(Relatie(hh, model.WOONT_IN, code, bron_id, bevestigd))
            rapport.geladen[model.HUISHOUDEN] += 1
        relaties.append(
            Relatie(
                rij["team"],
                model.BETROKKEN_BIJ,
                hh,
                bron_id,
                bevestigd,
                {"regisseur": regisseur in _JA},
            )
        )
        rapport.geladen[model.BETROKKEN_BIJ] += 1
    store.initialiseer()
    schrijf(store, list(knopen.values()), relaties, voortgang=voortgang, omschrijving="huishoudens")
    return rapport
