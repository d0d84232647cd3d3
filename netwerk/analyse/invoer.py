"""Checks of question parameters shared by the analyses (paging and the like)."""

from __future__ import annotations

from typing import Any

from netwerk.fouten import OngeldigeInvoer


def geheel(waarde: Any, naam: str, standaard: int, hoogste: int | None) -> int:
    """A whole number from 1 (to ``hoogste``) given as int or digits; ``standaard`` when empty.

    >>> geheel("5", "per_pagina", 20, 100), geheel(None, "pagina", 1, None)
    (5, 1)
    >>> geheel(101, "per_pagina", 20, 100)
    Traceback (most recent call last):
    ...
    netwerk.fouten.OngeldigeInvoer: per_pagina moet tussen 1 en 100 liggen, niet 101
    >>> geheel(True, "pagina", 1, None)
    Traceback (most recent call last):
    ...
    netwerk.fouten.OngeldigeInvoer: pagina moet een geheel getal zijn
    """
    if waarde is None or waarde == "":
        return standaard
    if isinstance(waarde, bool):
        raise OngeldigeInvoer(f"{naam} moet een geheel getal zijn")
    if isinstance(waarde, str) and waarde.strip().isascii() and waarde.strip().isdigit():
        waarde = int(waarde.strip())
    if not isinstance(waarde, int):
        raise OngeldigeInvoer(f"{naam} moet een geheel getal zijn")
    if hoogste is not None and not 1 <= waarde <= hoogste:
        raise OngeldigeInvoer(f"{naam} moet tussen 1 en {hoogste} liggen, niet {waarde}")
    if waarde < 1:
        raise OngeldigeInvoer(f"{naam} moet 1 of meer zijn, niet {waarde}")
    return waarde
