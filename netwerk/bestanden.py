"""Writing files so that a crash never leaves a torn one: a temp file in the same directory,
fsync, rename over the old file, fsync the directory."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO


def schrijf_atomisch(pad: Path, schrijf: Callable[[TextIO], object]) -> None:
    """Call ``schrijf(f)`` with a text file that replaces ``pad`` only once it is complete."""
    pad.parent.mkdir(parents=True, exist_ok=True)
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}.", dir=pad.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            schrijf(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tijdelijk, pad)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise
    map_fd = os.open(pad.parent, os.O_RDONLY)
    try:
        os.fsync(map_fd)
    finally:
        os.close(map_fd)
