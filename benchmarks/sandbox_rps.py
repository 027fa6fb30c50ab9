"""Requests per second the sandbox serves: Twilio fetches (and, with --mix, creates
across all four vendors) at a fixed concurrency.

    .venv/bin/python benchmarks/sandbox_rps.py                 # 20,000 fetches, concurrency 50
    .venv/bin/python benchmarks/sandbox_rps.py --mix --requests 10000

The sandbox runs as `python -m sessionhub.sandbox` in its own process pinned to CPU 0 (one
core, as uvicorn runs it); the load comes from raw aiohttp in this process, pinned to CPU 1,
so the figure is the sandbox's own throughput. Prints one line per workload: requests per
wall-clock second, and requests per CPU-second of the sandbox process (its user+sys time
over the measured section, from /proc), which is what one core can serve and, unlike the
wall-clock figure, holds steady on a machine shared with other work.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
ACCOUNT = "AC00000000000000000000000000000000"
SERVICE = "KS00000000000000000000000000000000"
TWILIO_AUTH = "Basic " + base64.b64encode(f"{ACCOUNT}:sandbox-twilio".encode()).decode()
SESSIONS = f"/twilio/v1/Services/{SERVICE}/Sessions"


def start_sandbox() -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "sessionhub.sandbox", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    url = proc.stdout.readline().strip()
    if hasattr(os, "sched_setaffinity") and os.cpu_count() and os.cpu_count() > 1:  # type: ignore[operator]
        os.sched_setaffinity(proc.pid, {0})
        os.sched_setaffinity(0, {1})
    return proc, url


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process `pid` so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def run_load(
    url: str, requests: int, concurrency: int, call: Any, session: aiohttp.ClientSession, pid: int
) -> tuple[float, float]:
    remaining = iter(range(requests))

    async def worker() -> None:
        for index in remaining:
            await call(session, url, index)

    # warm-up: open the connections
    await asyncio.gather(*(call(session, url, i) for i in range(concurrency)))
    start, cpu = time.perf_counter(), cpu_seconds(pid)
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    wall, used = time.perf_counter() - start, cpu_seconds(pid) - cpu
    return requests / wall, requests / used


async def main(args: argparse.Namespace) -> None:
    proc, url = start_sandbox()
    try:
        connector = aiohttp.TCPConnector(limit=args.concurrency)
        async with aiohttp.ClientSession(connector=connector) as session:
            headers = {"Authorization": TWILIO_AUTH}
            async with session.post(
                url + SESSIONS, data={"UniqueName": "bench"}, headers=headers
            ) as response:
                sid = (await response.json())["sid"]

            async def fetch(session: aiohttp.ClientSession, url: str, index: int) -> None:
                async with session.get(f"{url}{SESSIONS}/{sid}", headers=headers) as response:
                    assert response.status == 200, response.status
                    json.loads(await response.read())

            rps, per_cpu = await run_load(
                url, args.requests, args.concurrency, fetch, session, proc.pid
            )
            if args.json:  # one line for run.py (make bench)
                print(json.dumps({"rps": rps, "per_cpu_second": per_cpu}))
            else:
                print(
                    f"twilio fetch: {rps:,.0f} requests/s, {per_cpu:,.0f} per CPU-second, "
                    f"at concurrency {args.concurrency}"
                )
            if args.mix:
                rps, per_cpu = await run_load(
                    url, args.requests, args.concurrency, _mixed, session, proc.pid
                )
                print(
                    f"creates, one per vendor in turn: {rps:,.0f} requests/s, "
                    f"{per_cpu:,.0f} per CPU-second"
                )
    finally:
        proc.terminate()
        proc.wait(10)


async def _mixed(session: aiohttp.ClientSession, url: str, index: int) -> None:
    twilio = {"Authorization": TWILIO_AUTH}
    kind = index % 4
    if kind == 0:
        async with session.post(url + SESSIONS, data={"Ttl": "60"}, headers=twilio) as r:
            assert r.status == 201, await r.text()
    elif kind == 1:
        body = {"defaults": {"chain": "solana"}, "ttlSeconds": 600}
        async with session.post(
            url + "/sipher/v1/sessions", json=body, headers={"X-API-Key": "sandbox-sipher"}
        ) as r:
            assert r.status == 201, await r.text()
    elif kind == 2:
        body = {"verifications": [{"type": "GovernmentId"}]}
        async with session.post(
            url + "/trinsic/v1/sessions",
            json=body,
            headers={"Authorization": "Bearer sandbox-trinsic"},
        ) as r:
            assert r.status == 200, await r.text()
    else:
        body = {"name": "bench", "avatar": {"identity": "a", "name": "A", "refImage": "x"}}
        async with session.post(
            url + "/equos/v3/sessions", json=body, headers={"x-api-key": "sandbox-equos"}
        ) as r:
            assert r.status == 201, await r.text()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--mix", action="store_true")
    parser.add_argument("--json", action="store_true", help="print the fetch figures as JSON")
    asyncio.run(main(parser.parse_args()))
