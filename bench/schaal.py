"""National-scale benchmarks of Wijkgraaf, each figure beside its reference taken in the same run
(these machines are shared and noisy, so ratios matter more than absolutes).

    .venv/bin/python bench/schaal.py --neo4j bolt://127.0.0.1:7687 [--seed 1] [--schaal land]
                                     [--delen ingest,vragen,api,geheugen]

- ingest: entities+relationships per second into Neo4j through the normal ingest path
  (``wijkgraaf ingest cbs`` + ``ingest tabel`` of the synthetic landscape), beside a raw
  ``UNWIND ... CREATE`` of the same rows with the bare driver (the practical ceiling); and into
  the memory store.
- vragen: p50/p95 of each wijk question over a random sample of wijken on both stores, beside
  the same Cypher run directly with the driver (our overhead).
- api: requests per second and p95 for a search and a wijk question under wrk on loopback
  (bounded: a few seconds each), beside a trivial route of the same app.
- geheugen: peak RSS of the API process holding the national memory store, and of the ingest.

Prints a table and writes ``bench/results/<date>-schaal.json`` with the machine's cores and
memory. The Neo4j database given is WIPED.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from neo4j import GraphDatabase, RoutingControl  # noqa: E402

import cypher  # noqa: E402
from ingest import alles, genereer  # noqa: E402
from netwerk import analyse  # noqa: E402
from netwerk.stores.geheugen import MemoryStore  # noqa: E402
from netwerk.stores.neo4j import Neo4jStore  # noqa: E402

WIJKGRAAF = [sys.executable, "-m", "wijkgraaf"]


def machine() -> dict[str, Any]:
    with open("/proc/meminfo") as f:
        mem_kb = int(next(r for r in f if r.startswith("MemTotal")).split()[1])
    cpu = next(
        (r.split(":", 1)[1].strip() for r in open("/proc/cpuinfo") if r.startswith("model name")),
        platform.processor(),
    )
    return {
        "cores": os.cpu_count(),
        "geheugen_gb": round(mem_kb / 1024 / 1024, 1),
        "cpu": cpu,
        "python": platform.python_version(),
        "host": platform.node(),
    }


def _tijd(opdracht: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB) of a command."""
    begin = time.perf_counter()
    proces = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *opdracht], env=env, capture_output=True, text=True
    )
    if proces.returncode != 0:
        raise RuntimeError(proces.stderr[-3000:])
    return time.perf_counter() - begin, int(proces.stderr.strip().splitlines()[-1])


def _pct(waarden: list[float], p: float) -> float:
    waarden = sorted(waarden)
    return waarden[min(len(waarden) - 1, int(round(p / 100 * (len(waarden) - 1))))]


def neo4j_server(uri: str) -> dict[str, Any]:
    """Version, heap and the settings that matter for the figures, read from the server."""
    with GraphDatabase.driver(uri, auth=None, notifications_min_severity="OFF") as driver:
        versie = driver.execute_query("CALL dbms.components() YIELD versions RETURN versions")[0]
        instellingen = driver.execute_query(
            "SHOW SETTINGS YIELD name, value WHERE name IN $namen RETURN name, value",
            namen=["server.memory.pagecache.size", "db.checkpoint.interval.volume"],
        )[0]
        heap = driver.execute_query(
            "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes "
            "RETURN attributes.HeapMemoryUsage.value.properties.max AS max"
        )[0]
    return {
        "versie": versie[0]["versions"][0],
        "heap_max_mb": round(heap[0]["max"] / 1024 / 1024) if heap else None,
        **{r["name"]: r["value"] for r in instellingen},
    }


# --- ingest ------------------------------------------------------------------------------------


def bench_ingest(uri: str, csvs: list[Path], werk: Path) -> dict[str, Any]:
    env_neo = {**os.environ, "WIJKGRAAF_NEO4J_URI": uri}
    env_mem = {**os.environ, "WIJKGRAAF_DATA": str(werk / "geheugen")}
    env_mem.pop("WIJKGRAAF_NEO4J_URI", None)
    driver = GraphDatabase.driver(uri, auth=None, notifications_min_severity="OFF")
    store = Neo4jStore(driver)
    store.wissen()
    uit: dict[str, Any] = {}

    t_cbs, rss_cbs = _tijd([*WIJKGRAAF, "ingest", "cbs"], env_neo)
    t_tabel, rss_tabel = _tijd(
        [*WIJKGRAAF, "ingest", "tabel", *map(str, csvs), "--datum", "2026-11-01"], env_neo
    )
    t = store.tellingen()
    rijen = sum(t["knopen"].values()) + sum(t["relaties"].values())
    uit["neo4j"] = {
        "rijen": rijen,
        "seconden": round(t_cbs + t_tabel, 1),
        "seconden_cbs_en_tabel": [round(t_cbs, 1), round(t_tabel, 1)],
        "rijen_per_s": round(rijen / (t_cbs + t_tabel)),
        "piek_rss_mb": round(max(rss_cbs, rss_tabel) / 1024),
    }

    # the same rows, raw: CREATE with the bare driver (no validation, no MERGE)
    dump = werk / "dump.jsonl"
    with dump.open("w", encoding="utf-8") as f:
        alles.exporteer(store, f)
    knopen: dict[str, list[dict[str, Any]]] = {}
    relaties: dict[str, list[dict[str, Any]]] = {}
    with dump.open(encoding="utf-8") as f:
        next(f)
        for regel in f:
            r = json.loads(regel)
            if "knoop" in r:
                k = r["knoop"]
                props = {x: v for x, v in k.items() if x not in ("label",)}
                knopen.setdefault(k["label"], []).append(props)
            else:
                x = r["relatie"]
                relaties.setdefault(x["type"], []).append(
                    {
                        "van": x["van"],
                        "naar": x["naar"],
                        "props": {a: b for a, b in x.items() if a not in ("van", "type", "naar")},
                    }
                )
    store.wissen()
    store.initialiseer()
    store.wissen()  # keep the constraints (index on Knoop.id), drop the taxonomy nodes
    begin = time.perf_counter()
    with driver.session() as s:
        for label, rows in knopen.items():
            q = f"UNWIND $rows AS row CREATE (n:Knoop:{label}) SET n = row"
            for i in range(0, len(rows), 10_000):
                s.run(q, rows=rows[i : i + 10_000]).consume()
        for soort, rows in relaties.items():
            q = (
                f"UNWIND $rows AS row MATCH (a:Knoop {{id: row.van}}) "
                f"MATCH (b:Knoop {{id: row.naar}}) CREATE (a)-[r:{soort}]->(b) SET r = row.props"
            )
            for i in range(0, len(rows), 10_000):
                s.run(q, rows=rows[i : i + 10_000]).consume()
    t_raw = time.perf_counter() - begin
    uit["neo4j_ruw_create"] = {
        "rijen": rijen,
        "seconden": round(t_raw, 1),
        "rijen_per_s": round(rijen / t_raw),
    }
    uit["verhouding_tot_ruw"] = round(
        uit["neo4j"]["rijen_per_s"] / uit["neo4j_ruw_create"]["rijen_per_s"], 2
    )

    # restore our own graph for the question benchmarks
    store.wissen()
    _tijd([*WIJKGRAAF, "ingest", "alles", str(dump)], env_neo)

    t_cbs, rss_cbs = _tijd([*WIJKGRAAF, "ingest", "cbs"], env_mem)
    t_tabel, rss_tabel = _tijd(
        [*WIJKGRAAF, "ingest", "tabel", *map(str, csvs), "--datum", "2026-11-01"], env_mem
    )
    uit["geheugen"] = {
        "rijen": rijen,
        "seconden": round(t_cbs + t_tabel, 1),
        "rijen_per_s": round(rijen / (t_cbs + t_tabel)),
        "piek_rss_mb": round(max(rss_cbs, rss_tabel) / 1024),
    }
    driver.close()
    return uit


# --- questions ---------------------------------------------------------------------------------

WIJKVRAGEN = {
    "overlap": lambda w: {"wijk": w},
    "nuldelijn": lambda w: {"wijk": w},
    "alternatieven": lambda w: {"wijk": w, "leefgebied": "sociaal-netwerk"},
    "huishoudens": lambda w: {"wijk": w},
}


def bench_vragen(uri: str, werk: Path, n: int = 100) -> dict[str, Any]:
    driver = GraphDatabase.driver(uri, auth=None, notifications_min_severity="OFF")
    neo = Neo4jStore(driver)
    geheugen = MemoryStore(werk / "geheugen" / "graaf.json")
    wijken = sorted(n for n, lab in geheugen.G.nodes(data="label") if lab == "Wijk")
    steekproef = random.Random(7).sample(wijken, min(n, len(wijken)))
    uit: dict[str, Any] = {}
    vragen = dict(WIJKVRAGEN)
    if "zoek" in analyse.VRAGEN:
        vragen["zoek"] = lambda w: {"gebied": w, "tekst": "koffie"}
    for naam, params in vragen.items():
        module = analyse.vraagmodule(naam)
        rij: dict[str, Any] = {}
        for soort, store in (("geheugen", geheugen), ("neo4j", neo)):
            store.vraag(naam, **params(steekproef[0]))  # warm up
            tijden = []
            for w in steekproef:
                begin = time.perf_counter()
                store.vraag(naam, **params(w))
                tijden.append((time.perf_counter() - begin) * 1000)
            rij[soort] = {
                "p50_ms": round(_pct(tijden, 50), 2),
                "p95_ms": round(_pct(tijden, 95), 2),
            }
        tijden = []
        for w in steekproef:
            p = params(w)
            query = module.cypher(**p) if hasattr(module, "cypher") else cypher.laad(module.CYPHER)
            extra = module.parameters(**p) if hasattr(module, "parameters") else {}
            begin = time.perf_counter()
            driver.execute_query(query, {**p, **extra}, routing_=RoutingControl.READ)
            tijden.append((time.perf_counter() - begin) * 1000)
        rij["neo4j_cypher_direct"] = {
            "p50_ms": round(_pct(tijden, 50), 2),
            "p95_ms": round(_pct(tijden, 95), 2),
        }
        uit[naam] = rij
    driver.close()
    return uit


# --- API ---------------------------------------------------------------------------------------


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


_WRK_LUA = """
done = function(summary, latency, requests)
  io.write(string.format("P95_US %d\\n", latency:percentile(95)))
end
"""


def _wrk(url: str, seconden: int, lua: Path) -> dict[str, float]:
    proces = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconden}s", "-s", str(lua), url],
        capture_output=True,
        text=True,
        timeout=seconden + 60,
    )
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", proces.stdout).group(1))
    p95 = int(re.search(r"P95_US (\d+)", proces.stdout).group(1)) / 1000
    fouten = re.search(r"Non-2xx or 3xx responses: (\d+)", proces.stdout)
    return {
        "rps": round(rps),
        "p95_ms": round(p95, 2),
        "niet_2xx": int(fouten.group(1)) if fouten else 0,
    }


def bench_api(werk: Path, seconden: int = 8) -> dict[str, Any]:
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, capture_output=True)
    lua = werk / "p95.lua"
    lua.write_text(_WRK_LUA)
    poort = _vrije_poort()
    env = {**os.environ, "WIJKGRAAF_DATA": str(werk / "geheugen")}
    env.pop("WIJKGRAAF_NEO4J_URI", None)
    server = subprocess.Popen(
        [*WIJKGRAAF, "serve", "--port", str(poort), "--threads", "8"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    basis = f"http://127.0.0.1:{poort}/api/v1"
    try:
        for _ in range(300):
            try:
                subprocess.run(["curl", "-sf", f"{basis}/health"], check=True, capture_output=True)
                break
            except subprocess.CalledProcessError:
                time.sleep(0.2)
        store = MemoryStore(werk / "geheugen" / "graaf.json")
        wijk = sorted(n for n, lab in store.G.nodes(data="label") if lab == "Wijk")[1000]
        del store
        uit = {
            "triviaal (/health)": _wrk(f"{basis}/health", seconden, lua),
            "wijkvraag (overlappende-teams)": _wrk(
                f"{basis}/wijken/{wijk}/overlappende-teams", seconden, lua
            ),
            "zoeken (/aanbod)": _wrk(f"{basis}/aanbod?per_pagina=20", seconden, lua),
        }
        with open(f"/proc/{server.pid}/status") as f:
            uit["api_piek_rss_mb"] = round(
                int(next(r for r in f if r.startswith("VmHWM")).split()[1]) / 1024
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    return uit


# --- main --------------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--neo4j", required=True, help="bolt URI of a Neo4j that may be wiped")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--schaal", default="land")
    ap.add_argument("--delen", default="ingest,vragen,api")
    ap.add_argument("--werk", help="work directory (default: a temp dir)")
    ap.add_argument(
        "--naam",
        default="schaal",
        help="results file bench/results/<date>-<naam>.json (default: schaal)",
    )
    args = ap.parse_args()
    delen = args.delen.split(",")
    werk = Path(args.werk or tempfile.mkdtemp(prefix="wijkgraaf-bench-"))
    landschap = genereer.genereer(args.seed, args.schaal)
    csvs = genereer.schrijf(landschap, werk / "csv")
    resultaat: dict[str, Any] = {
        "datum": dt.date.today().isoformat(),
        "machine": machine(),
        "neo4j_server": neo4j_server(args.neo4j),
        "landschap": {"schaal": args.schaal, "seed": args.seed, **genereer.samenvatting(landschap)},
    }
    # the generated rows are on disk now; holding 700k of them here would only lengthen the
    # garbage collector's passes during the timed questions (an API process has no such load)
    del landschap
    gc.collect()
    if "ingest" in delen:
        resultaat["ingest"] = bench_ingest(args.neo4j, csvs, werk)
        print(json.dumps(resultaat["ingest"], indent=1), flush=True)
    if "vragen" in delen:
        resultaat["vragen"] = bench_vragen(args.neo4j, werk)
        print(json.dumps(resultaat["vragen"], indent=1), flush=True)
    if "api" in delen:
        resultaat["api"] = bench_api(werk)
        print(json.dumps(resultaat["api"], indent=1), flush=True)
    uit = ROOT / "bench" / "results" / f"{resultaat['datum']}-{args.naam}.json"
    uit.parent.mkdir(parents=True, exist_ok=True)
    uit.write_text(json.dumps(resultaat, indent=1, ensure_ascii=False) + "\n")
    print(f"\nresultaten: {uit}")


if __name__ == "__main__":
    main()
