"""Fault tests (marker ``fout``; run apart with ``pytest -m fout``): a Neo4j killed with SIGKILL in
the middle of an ingest, a Neo4j that goes away while the API serves, and the memory store's
process killed in the middle of a save. Each Neo4j test runs its own server through
script/neo4j, in its own state and data directory, so it can be killed without harming the
session's server."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from api import create_app
from ingest import cbs, demo
from netwerk import model
from netwerk.config import Instellingen, maak_driver
from netwerk.stores.geheugen import MemoryStore

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.fout


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class EigenNeo4j:
    """A Neo4j server for one test, through the project's own script/neo4j."""

    def __init__(self, map_: Path) -> None:
        self.env = {
            **os.environ,
            "WIJKGRAAF_NEO4J_STATE": str(map_ / "staat"),
            "WIJKGRAAF_NEO4J_DATA": str(map_ / "data"),
            "WIJKGRAAF_NEO4J_PORT": str(_vrije_poort()),
            "WIJKGRAAF_NEO4J_HEAP": "512m",
        }
        self.uri: str | None = None

    def _script(self, *args: str) -> str:
        proces = subprocess.run(
            [str(ROOT / "script" / "neo4j"), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if proces.returncode != 0:
            raise RuntimeError(f"script/neo4j {' '.join(args)}: {proces.stderr[-2000:]}")
        return proces.stdout.strip()

    def start(self) -> str:
        self.uri = self._script("start").splitlines()[-1]
        return self.uri

    def stop(self) -> None:
        self._script("stop")

    def kill(self) -> None:
        self._script("kill")


@pytest.fixture
def eigen_neo4j(tmp_path, neo4j_uri):  # neo4j_uri: CI enforcement and the jars are there
    server = EigenNeo4j(tmp_path)
    try:
        yield server
    finally:
        subprocess.run(
            [str(ROOT / "script" / "neo4j"), "stop"],
            env=server.env,
            capture_output=True,
            timeout=120,
        )


def _verwachte_tellingen() -> dict[str, dict[str, int]]:
    knopen, relaties = cbs.records(cbs.referentie())
    tellingen = {
        "knopen": {label: 0 for label in model.LABELS},
        "relaties": {soort: 0 for soort in model.RELATIES},
    }
    for k in [*knopen, *model.leefgebied_knopen()]:
        tellingen["knopen"][k.label] += 1
    for r in relaties:
        tellingen["relaties"][r.type] += 1
    return tellingen


@pytest.mark.neo4j
def test_neo4j_gekild_tijdens_ingest(eigen_neo4j):
    uri = eigen_neo4j.start()
    env = {**os.environ, "WIJKGRAAF_NEO4J_URI": uri, "WIJKGRAAF_NEO4J_RETRY_TIJD": "2"}
    ingest = subprocess.Popen(
        [sys.executable, "-m", "wijkgraaf", "ingest", "cbs"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    driver = maak_driver(Instellingen(neo4j_uri=uri, neo4j_retry_tijd=2))
    try:
        # wait until the ingest is writing relationships, then kill the server under it
        begin = time.monotonic()
        while time.monotonic() - begin < 120:
            n = driver.execute_query("MATCH ()-[r:LIGT_IN]->() RETURN count(r) AS n").records[0][
                "n"
            ]
            if n > 0:
                break
            time.sleep(0.1)
        assert ingest.poll() is None, "de ingest was al klaar voordat Neo4j gestopt kon worden"
        eigen_neo4j.kill()
    finally:
        driver.close()
    _, fout = ingest.communicate(timeout=120)
    assert ingest.returncode != 0, "de ingest merkte niet dat Neo4j weg was"
    assert "niet bereikbaar" in fout or "Neo4j" in fout

    uri = eigen_neo4j.start()  # recovery from the transaction logs
    env["WIJKGRAAF_NEO4J_URI"] = uri
    subprocess.run(
        [sys.executable, "-m", "wijkgraaf", "ingest", "cbs"],
        env=env,
        check=True,
        capture_output=True,
        timeout=600,
    )
    tellingen = json.loads(
        subprocess.run(
            [sys.executable, "-m", "wijkgraaf", "tellingen"],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    assert tellingen == _verwachte_tellingen()
    driver = maak_driver(Instellingen(neo4j_uri=uri))
    try:
        dubbel = driver.execute_query(
            "MATCH (a)-[r]->(b) WITH a, type(r) AS t, r.bron AS bron, b, count(*) AS n "
            "WHERE n > 1 RETURN count(*) AS dubbel"
        ).records[0]["dubbel"]
    finally:
        driver.close()
    assert dubbel == 0


@pytest.mark.neo4j
def test_api_geeft_503_en_herstelt_zelf(eigen_neo4j, tmp_path):
    from netwerk.stores.neo4j import Neo4jStore

    uri = eigen_neo4j.start()
    driver = maak_driver(Instellingen(neo4j_uri=uri, neo4j_retry_tijd=1))
    try:
        store = Neo4jStore(driver)
        demo.importeer(store, voortgang=False)
        client = create_app(
            {"TESTING": True, "STORE": store, "SLEUTELS": tmp_path / "s.json"}
        ).test_client()
        urls = [
            "/api/v1/wijken/WK051305/overlappende-teams",
            "/api/v1/teams",
            "/api/v1/wijken/WK051305",
            "/api/v1/health",
        ]
        assert all(client.get(u).status_code == 200 for u in urls)

        eigen_neo4j.stop()
        for u in urls:
            r = client.get(u)
            assert r.status_code == 503, (u, r.status_code, r.get_data(as_text=True))
            assert r.mimetype == "application/problem+json" and r.get_json()["status"] == 503

        eigen_neo4j.start()  # same port and data: the driver finds it again by itself
        begin = time.monotonic()
        while client.get(urls[0]).status_code != 200:
            assert time.monotonic() - begin < 60, "de API herstelde niet"
            time.sleep(0.5)
        assert all(client.get(u).status_code == 200 for u in urls)
        assert client.get(urls[0]).get_json()["paren"]
    finally:
        driver.close()


_SCHRIJVER = """
import sys
from ingest import cbs
from netwerk.model import Knoop
from netwerk.stores.geheugen import MemoryStore
store = MemoryStore(sys.argv[1])
cbs.importeer(store, voortgang=False)
print("klaar", flush=True)
i = 0
while True:
    i += 1
    store.upsert_knopen([Knoop("Team", f"t{i}", {"naam": f"Team {i}"})])
    store.bewaar()
"""


def test_geheugen_gekild_tijdens_opslaan(tmp_path):
    """Kill the saving process at random moments: the file is always a complete version."""
    pad = tmp_path / "graaf.json"
    verwacht = sum(_verwachte_tellingen()["knopen"].values())
    midden_in_opslaan = 0
    for poging in range(6):
        proces = subprocess.Popen(
            [sys.executable, "-c", _SCHRIJVER, str(pad)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert proces.stdout.readline().strip() == "klaar"
        time.sleep(0.2 + 0.37 * poging)
        proces.send_signal(signal.SIGKILL)
        proces.wait()
        proces.stdout.close()
        resten = [p for p in tmp_path.iterdir() if p.name.startswith(".graaf.json.")]
        midden_in_opslaan += bool(resten)
        for rest in resten:
            rest.unlink()
        store = MemoryStore(pad)  # raises on a torn or foreign file
        tellingen = store.tellingen()["knopen"]
        teams = tellingen.pop("Team")
        assert sum(tellingen.values()) == verwacht
        assert [k.id for k in (store.knoop(f"t{i}") for i in range(1, teams + 1))] == [
            f"t{i}" for i in range(1, teams + 1)
        ]
    assert midden_in_opslaan, "geen enkele keer midden in het opslaan gestopt"
