"""Cypher queries as package data: one ``.cypher`` file per query, loaded once by name.

Each file starts with a ``//`` header naming the query and listing its ``$params``. Values go
in only as parameters. A few write queries are templates over a label or relationship type
(``__LABEL__``, ``__TYPE__``): those placeholders are filled only with names checked against the
fixed vocabulary of :mod:`netwerk.model`, never with input.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from netwerk import model


@cache
def laad(naam: str) -> str:
    """The text of ``cypher/<naam>.cypher``."""
    bron = files(__package__).joinpath(f"{naam}.cypher")
    if not bron.is_file():
        raise KeyError(f"geen Cypher-query {naam!r}")
    return bron.read_text(encoding="utf-8")


@cache
def sjabloon(naam: str, *, label: str | None = None, type: str | None = None) -> str:
    """A template query with its label and/or relationship type filled from the vocabulary."""
    tekst = laad(naam)
    if label is not None:
        tekst = tekst.replace("__LABEL__", model.controleer_label(label))
    if type is not None:
        tekst = tekst.replace("__TYPE__", model.controleer_type(type))
    if "__LABEL__" in tekst or "__TYPE__" in tekst:
        raise ValueError(f"sjabloon {naam!r} is niet volledig ingevuld")
    return tekst


def namen() -> list[str]:
    """All query names in the package."""
    return sorted(
        p.name.removesuffix(".cypher")
        for p in files(__package__).iterdir()
        if p.name.endswith(".cypher")
    )
