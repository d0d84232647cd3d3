"""Who is logged in on the web pages. Someone pastes an API key once (``/inloggen``); it is
checked with the app's Sleutelbos, as the API checks it. The session (a cookie signed with
``SECRET_KEY``, HttpOnly, SameSite=Lax) then keeps which key it was: its id and its SHA-256
hash, never the key itself. Every request looks the key up again, so a revoked key stops
working on the pages at once, as it does in the API.

Forms that change the session (inloggen, uitloggen) carry a CSRF token kept in the session.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from flask import current_app, g, redirect, request, session, url_for

from api.sleutels import Sleutel, Sleutelbos, rang

SESSIE_SLEUTEL = "wijkgraaf_sleutel"
SESSIE_CSRF = "wijkgraaf_csrf"


def sleutelbos() -> Sleutelbos:
    return current_app.extensions["wijkgraaf_sleutels"]


def huidige_sleutel() -> Sleutel | None:
    """The valid key of this session, or None (not logged in, or the key was revoked)."""
    if "sleutel" in g:
        return g.sleutel
    gevonden = None
    bewaard = session.get(SESSIE_SLEUTEL)
    if isinstance(bewaard, dict):
        for s in sleutelbos().lijst():
            if (
                s.id == bewaard.get("id")
                and secrets.compare_digest(s.hash, str(bewaard.get("hash", "")))
                and s.ingetrokken_op is None
            ):
                gevonden = s
                break
        if gevonden is None:
            session.pop(SESSIE_SLEUTEL, None)
    g.sleutel = gevonden
    return gevonden


def heeft_rol(rol: str) -> bool:
    s = huidige_sleutel()
    return s is not None and rang(s.rol) >= rang(rol)


def log_in(geheim: str) -> tuple[Sleutel | None, str | None]:
    """Check a pasted key; on success keep it in the session. Returns (key, error message)."""
    geheim = geheim.strip()
    if not geheim:
        return None, "Vul uw API-sleutel in."
    sleutel = sleutelbos().controleer(geheim)
    if sleutel is None:
        return None, "Deze sleutel is onbekend of ingetrokken. Controleer of u hem helemaal hebt."
    session.clear()
    session[SESSIE_SLEUTEL] = {"id": sleutel.id, "hash": sleutel.hash}
    g.sleutel = sleutel
    return sleutel, None


def log_uit() -> None:
    session.clear()
    g.sleutel = None


def csrf_token() -> str:
    if SESSIE_CSRF not in session:
        session[SESSIE_CSRF] = secrets.token_urlsafe(24)
    return session[SESSIE_CSRF]


def csrf_klopt() -> bool:
    verwacht = session.get(SESSIE_CSRF)
    gekregen = request.form.get("csrf", "")
    return bool(verwacht) and secrets.compare_digest(str(verwacht), gekregen)


def veilig_vervolg(doel: str | None) -> str:
    """A path on this site to go to after logging in (never another site)."""
    if not doel:
        return url_for("web.zoeken")
    delen = urlsplit(doel)
    if delen.scheme or delen.netloc or not doel.startswith("/") or doel.startswith("//"):
        return url_for("web.zoeken")
    if "\\" in doel or delen.path.startswith(url_for("web.inloggen")):
        return url_for("web.zoeken")
    return doel


def vereist(rol: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A page for ``rol`` and up: without a key, to the login form (and back afterwards);
    with a key whose role is too low, a 403 page that says so."""

    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def met_toegang(*args: Any, **kwargs: Any) -> Any:
            sleutel = huidige_sleutel()
            if sleutel is None:
                return redirect(url_for("web.inloggen", volgende=request.full_path.rstrip("?")))
            if rang(sleutel.rol) < rang(rol):
                from web.fouten import foutpagina

                return foutpagina(
                    403,
                    "Geen toegang",
                    f"Deze pagina vraagt een API-sleutel met rol {rol}; uw sleutel heeft rol "
                    f"{sleutel.rol}.",
                )
            return view(*args, **kwargs)

        met_toegang._wijkgraaf_rol = rol  # type: ignore[attr-defined]
        return met_toegang

    return decorator
