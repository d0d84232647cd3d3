"""Access by role: ``@vereist("adviseur")`` on a view. The key comes in ``X-Api-Key`` or in
``Authorization: Bearer <key>`` (or ``ApiKey <key>``). No or an unknown key: 401; a key whose
role is too low: 403; both as problem+json."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import current_app, g, request

from api.fouten import probleem
from api.sleutels import Sleutelbos, rang

SECURITY_SCHEMES = {
    "ApiKey": {"type": "apiKey", "in": "header", "name": "X-Api-Key"},
    "Bearer": {"type": "http", "scheme": "bearer"},
}


def _geheim() -> str | None:
    if sleutel := request.headers.get("X-Api-Key"):
        return sleutel.strip()
    kop = request.headers.get("Authorization", "")
    schema, _, waarde = kop.partition(" ")
    if schema.lower() in ("bearer", "apikey") and waarde.strip():
        return waarde.strip()
    return None


def sleutelbos() -> Sleutelbos:
    return current_app.extensions["wijkgraaf_sleutels"]


def vereist(rol: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def met_toegang(*args: Any, **kwargs: Any) -> Any:
            geheim = _geheim()
            kop = {"WWW-Authenticate": 'Bearer realm="wijkgraaf"'}
            if geheim is None:
                return _met_koppen(
                    probleem(401, f"deze bron vraagt een API-sleutel met rol {rol}"), kop
                )
            sleutel = sleutelbos().controleer(geheim)
            if sleutel is None:
                return _met_koppen(probleem(401, "onbekende of ingetrokken API-sleutel"), kop)
            if rang(sleutel.rol) < rang(rol):
                return probleem(
                    403, f"deze bron vraagt rol {rol}; deze sleutel heeft rol {sleutel.rol}"
                )
            g.sleutel = sleutel
            return view(*args, **kwargs)

        met_toegang._wijkgraaf_rol = rol  # type: ignore[attr-defined]
        return met_toegang

    return decorator


def _met_koppen(antwoord: Any, koppen: dict[str, str]) -> Any:
    antwoord.headers.update(koppen)
    return antwoord
