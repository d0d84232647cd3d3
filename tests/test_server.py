"""End to end as a user: the CLI loads the demo, `wijkgraaf serve` (waitress) answers over HTTP."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

WIJKGRAAF = [sys.executable, "-m", "wijkgraaf"]


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _haal(url: str) -> tuple[int, str, dict]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.headers.get_content_type(), json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get_content_type(), json.loads(e.read())


@pytest.fixture
def server(tmp_path: Path):
    env = {**os.environ, "WIJKGRAAF_DATA": str(tmp_path)}
    env.pop("WIJKGRAAF_NEO4J_URI", None)
    subprocess.run([*WIJKGRAAF, "demo"], env=env, check=True, capture_output=True)
    poort = _vrije_poort()
    proces = subprocess.Popen(
        [*WIJKGRAAF, "serve", "--port", str(poort)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    basis = f"http://127.0.0.1:{poort}"
    try:
        for _ in range(100):
            try:
                if _haal(f"{basis}/api/v1/health")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("server niet gestart")
        yield basis
    finally:
        proces.terminate()
        proces.communicate(timeout=10)


def test_demo_via_http(server):
    status, soort, body = _haal(f"{server}/api/v1/wijken/WK051305/overlappende-teams")
    assert status == 200 and soort == "application/json"
    assert any(p["kennis"] == "kennen elkaar niet" for p in body["paren"])
    status, soort, body = _haal(f"{server}/api/v1/wijken/WK051399/overlappende-teams")
    assert (status, soort, body["status"]) == (404, "application/problem+json", 404)
