"""Shared fixtures. The Neo4j server: ``WIJKGRAAF_NEO4J_URI`` when given (script/test starts
one with script/neo4j and passes it), else ``script/neo4j start`` once for the session.
Tests that need it carry the ``neo4j`` marker; with CI=true a Neo4j test that cannot run fails
the run instead of being skipped."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from ingest import demo, tabel
from netwerk.stores.geheugen import MemoryStore

ROOT = Path(__file__).resolve().parents[1]
IN_CI = os.environ.get("CI", "").lower() == "true"
# The URI is for the test session only: tests pick their store explicitly, and commands they
# run see the memory store unless a test sets the variable itself.
_GEGEVEN_URI = os.environ.pop("WIJKGRAAF_NEO4J_URI", None)
_overgeslagen_neo4j: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and "neo4j" in report.keywords:
        _overgeslagen_neo4j.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if IN_CI and _overgeslagen_neo4j:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # noqa: ANN001
    if IN_CI and _overgeslagen_neo4j:
        terminalreporter.write_line(
            f"FOUT: {len(_overgeslagen_neo4j)} Neo4j-tests overgeslagen in CI; dat telt als falen.",
            red=True,
        )


def _geen_neo4j(reden: str) -> None:
    if IN_CI:
        pytest.fail(f"Neo4j is nodig in CI maar niet beschikbaar: {reden}")
    pytest.skip(f"geen Neo4j: {reden}")


@pytest.fixture(scope="session")
def neo4j_uri() -> str:
    if _GEGEVEN_URI:
        return _GEGEVEN_URI
    proces = subprocess.run(
        [str(ROOT / "script" / "neo4j"), "start"], capture_output=True, text=True, timeout=600
    )
    if proces.returncode != 0:
        _geen_neo4j(proces.stderr[-2000:])
    return proces.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_uri: str):
    neo4j = pytest.importorskip("neo4j") if not IN_CI else __import__("neo4j")
    driver = neo4j.GraphDatabase.driver(neo4j_uri, auth=None)
    try:
        driver.verify_connectivity()
    except Exception as e:  # noqa: BLE001
        driver.close()
        _geen_neo4j(str(e))
    yield driver
    driver.close()


@pytest.fixture
def neo4j_store(neo4j_driver):
    from netwerk.stores.neo4j import Neo4jStore

    store = Neo4jStore(neo4j_driver)
    store.wissen()
    store.initialiseer()
    return store


@pytest.fixture
def geheugen_store() -> MemoryStore:
    store = MemoryStore()
    store.initialiseer()
    return store


@pytest.fixture(params=["geheugen", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request):
    """The contract fixture: every test using it runs on both stores."""
    naam = "geheugen_store" if request.param == "geheugen" else "neo4j_store"
    return request.getfixturevalue(naam)


@pytest.fixture
def demo_store(store):
    """The contract fixture with the demo landscape of Gouda loaded (both stores)."""
    rapport = demo.importeer(store, voortgang=False)
    assert rapport.in_orde, rapport.regels()
    return store


@pytest.fixture
def laad_csv(tmp_path):
    """Import exchange-format CSV texts into a store: ``laad_csv(store, teams="id,...")`` writes
    each text as ``<name>.csv`` under ``tmp_path``, imports them with datum 2026-12-01 and
    asserts that nothing was rejected."""

    def laad(store, **bestanden: str):
        paden = []
        for naam, tekst in bestanden.items():
            pad = tmp_path / f"{naam}.csv"
            pad.write_text(tekst, encoding="utf-8")
            paden.append(pad)
        rapport = tabel.importeer(store, paden, datum="2026-12-01", voortgang=False)
        assert rapport.in_orde, rapport.regels()
        return rapport

    return laad
