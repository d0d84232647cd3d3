"""API keys with roles. A key is shown once when it is made; only its SHA-256 hash is stored
(the keys are 256-bit random tokens, so a plain hash suffices), in ``sleutels.json`` in the data
directory, written atomically. Keys can be revoked.

Roles, each including the rights of the ones before it: ``adviseur`` (landscape analyses,
household aggregates), ``beheerder`` (imports and changes). Public reads need no key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

from netwerk.bestanden import schrijf_atomisch
from netwerk.fouten import NietGevonden, OngeldigeInvoer

ROLLEN = ("adviseur", "beheerder")
VOORVOEGSEL = "wg_"


def rang(rol: str | None) -> int:
    """0 for no role, then the position in ROLLEN (higher includes lower)."""
    return ROLLEN.index(rol) + 1 if rol in ROLLEN else 0


def _hash(geheim: str) -> str:
    return hashlib.sha256(geheim.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Sleutel:
    id: str
    naam: str
    rol: str
    hash: str
    gemaakt_op: str
    ingetrokken_op: str | None = None


class Sleutelbos:
    """The keys of one installation, in a JSON file."""

    def __init__(self, pad: Path) -> None:
        self.pad = pad

    def _lees(self) -> list[Sleutel]:
        if not self.pad.exists():
            return []
        return [Sleutel(**s) for s in json.loads(self.pad.read_text("utf-8"))["sleutels"]]

    def _schrijf(self, sleutels: list[Sleutel]) -> None:
        data = {"sleutels": [asdict(s) for s in sleutels]}
        schrijf_atomisch(self.pad, lambda f: json.dump(data, f, indent=1))

    def maak(self, rol: str, naam: str) -> tuple[Sleutel, str]:
        """A new key: the record, and the secret (shown once, never stored)."""
        if rol not in ROLLEN:
            raise OngeldigeInvoer(f"onbekende rol {rol!r}; kies uit {', '.join(ROLLEN)}")
        geheim = VOORVOEGSEL + secrets.token_urlsafe(32)
        sleutel = Sleutel(
            id="k-" + secrets.token_hex(4),
            naam=naam,
            rol=rol,
            hash=_hash(geheim),
            gemaakt_op=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )
        self._schrijf([*self._lees(), sleutel])
        return sleutel, geheim

    def lijst(self) -> list[Sleutel]:
        return self._lees()

    def trek_in(self, id: str) -> Sleutel:
        sleutels = self._lees()
        for i, s in enumerate(sleutels):
            if s.id == id:
                if s.ingetrokken_op is None:
                    nu = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
                    sleutels[i] = Sleutel(**{**asdict(s), "ingetrokken_op": nu})
                    self._schrijf(sleutels)
                return sleutels[i]
        raise NietGevonden(f"sleutel {id} is niet bekend")

    def controleer(self, geheim: str) -> Sleutel | None:
        """The valid (not revoked) key with this secret, or None."""
        h = _hash(geheim)
        for s in self._lees():
            if secrets.compare_digest(s.hash, h) and s.ingetrokken_op is None:
                return s
        return None
