"""Load against the sandbox over real loopback sockets, with injected retryable faults.

N calls (CI: 1,000; `SESSIONHUB_SOAK=full`: 10,000) at concurrency 200, spread over the four
vendors' creates, reads, lists and updates, with ~2 % of the calls getting a fault
(503, 502, 429, a dropped connection before or after the handler ran, a truncated body):

* every call is accounted for: a result, or a sessionhub error of a kind its fault explains;
* no duplicate creates: the creates the sandbox performed are exactly those the client was
  told succeeded plus those whose response was lost after the handler ran, every id the
  client got is stored once, and no create reached the sandbox twice except Twilio's
  documented 429 retry;
* no leaked connections (nothing in use after the load; the pools closed by aclose(); the
  process's socket count back to where it started), no pending tasks, and flat memory
  (what the client side retains does not grow between the two halves of the load).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gc
import os
import random
import time
import tracemalloc
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import sessionhub
from sessionhub.sandbox import TWILIO_SERVICE_SID, serve

from ._sandbox import connections, sandbox_client, transport_closed
from .conftest import SOAK_FULL, report

# slow: a thousand calls over real sockets
pytestmark = pytest.mark.slow

SERVICE = TWILIO_SERVICE_SID
CALLS = 10_000 if SOAK_FULL else 1_000
CONCURRENCY = 200
FAULT_RATE = 0.02
SEED = 20240501

READ_FAULTS = ["status=503", "status=502", "status=429; retry-after=0", "drop", "drop=after"]
READ_FAULTS += ["truncate"]
WRITE_FAULTS = ["status=503", "status=429; retry-after=0", "drop", "drop=after"]


@dataclass
class Call:
    vendor: str
    operation: str  # the sandbox's operationId
    writes: bool
    run: Callable[[], Awaitable[Any]]


def _socket_count() -> int | None:
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        return None
    count = 0
    for fd in fds.iterdir():
        with contextlib.suppress(OSError):
            count += os.readlink(fd).startswith("socket:")
    return count


def _client_side(snapshot: tracemalloc.Snapshot) -> int:
    """Bytes allocated (and still alive) by the client side: sessionhub outside its
    sandbox, the generated models, httpx, httpcore, aiohttp."""
    total = 0
    for stat in snapshot.statistics("filename"):
        name = stat.traceback[0].filename.replace(os.sep, "/")
        if "/sessionhub/sandbox/" in name:
            continue
        if any(
            part in name
            for part in ("/sessionhub/", "/_sessionhub_generated/", "/httpx", "/httpcore/")
        ) or ("/aiohttp/" in name or "/yarl/" in name or "/multidict/" in name):
            total += stat.size
    return total


async def _create(clients: dict[str, Any], vendor: str) -> str:
    """Create a session of `vendor`; returns its id."""
    sessions = clients[vendor].sessions
    if vendor == "trinsic":
        return str((await sessions.create(verifications=[{"type": "GovernmentId"}])).id)
    if vendor == "sipher":
        created = await sessions.create(defaults={"chain": "solana"}, ttl_seconds=86400)
        return str(created.session_id)
    if vendor == "equos":
        return str((await sessions.create(name="load", avatar="avatar-demo")).session.id)
    return str((await sessions.create(TWILIO_SERVICE_SID, ttl=86400)).sid)


def _workload(
    clients: dict[str, Any], seeds: dict[str, str], created: dict[str, list[str]]
) -> list[Call]:
    t, s, e, w = (clients[v].sessions for v in ("trinsic", "sipher", "equos", "twilio"))

    async def create(vendor: str) -> None:
        created[vendor].append(await _create(clients, vendor))

    calls = [
        *(
            Call(vendor, "sessions.create", True, functools.partial(create, vendor))
            for vendor in ("trinsic", "sipher", "equos", "twilio")
        ),
        Call("trinsic", "sessions.get", False, lambda: t.get(seeds["trinsic"])),
        Call("sipher", "sessions.get", False, lambda: s.get(seeds["sipher"])),
        Call("equos", "sessions.get", False, lambda: e.get(seeds["equos"])),
        Call("twilio", "sessions.get", False, lambda: w.get(SERVICE, seeds["twilio"])),
        Call("trinsic", "sessions.list", False, lambda: t.list(page_size=10)),
        Call("equos", "sessions.list", False, lambda: e.list(page_size=20)),
        Call(
            "twilio",
            "sessions.list",
            False,
            lambda: w.list(TWILIO_SERVICE_SID, page_size=20),
        ),
        Call(
            "sipher",
            "sessions.update",
            True,
            lambda: s.update(seeds["sipher"], defaults={"privacy_level": "shielded"}),
        ),
        Call(
            "twilio",
            "sessions.update",
            True,
            lambda: w.update(TWILIO_SERVICE_SID, seeds["twilio"], ttl=86400),
        ),
    ]
    return calls


async def _stored_ids(clients: dict[str, Any]) -> dict[str, set[str]]:
    """What the sandbox holds, listed through the API (Sipher has no list operation)."""
    stored = {
        "trinsic": {x.id async for x in clients["trinsic"].sessions.list(page_size=10)},
        "equos": {x.id async for x in clients["equos"].sessions.list(page_size=50)},
        "twilio": {
            x.sid async for x in clients["twilio"].sessions.list(TWILIO_SERVICE_SID, page_size=1000)
        },
    }
    return stored


async def test_load_with_faults_loses_nothing_and_leaks_nothing() -> None:
    rng = random.Random(SEED)
    sockets_before = _socket_count()
    tasks_before = asyncio.all_tasks()
    started = time.perf_counter()
    async with serve() as sandbox:
        clients = {v: sandbox_client(sandbox, v) for v in ("trinsic", "sipher", "equos", "twilio")}

        async def short_sleep(delay: float) -> None:
            await asyncio.sleep(min(delay, 0.02))  # real backoff, scaled down

        for client in clients.values():
            client._sleep = short_sleep
        # one session per vendor for the reads and updates to use
        seeds = {vendor: await _create(clients, vendor) for vendor in clients}
        sandbox.requests.clear()
        created: dict[str, list[str]] = {v: [] for v in clients}
        calls = _workload(clients, seeds, created)
        plan = [rng.choice(calls) for _ in range(CALLS)]
        faults = [
            rng.choice(WRITE_FAULTS if call.writes else READ_FAULTS)
            if rng.random() < FAULT_RATE
            else None
            for call in plan
        ]
        outcomes: list[str] = []
        gate = asyncio.Semaphore(CONCURRENCY)
        in_flight = 0
        peak_in_flight = 0

        async def one(call: Call, fault: str | None) -> None:
            nonlocal in_flight, peak_in_flight
            async with gate:
                in_flight += 1
                peak_in_flight = max(peak_in_flight, in_flight)
                if fault is not None:
                    sandbox.faults.add(fault, vendor=call.vendor, operation=call.operation)
                try:
                    await call.run()
                    outcomes.append("ok")
                except sessionhub.APIError as exc:
                    outcomes.append(f"{call.operation}:{type(exc).__name__}")
                finally:
                    in_flight -= 1

        # Memory is traced over the second half only (tracing makes every allocation dearer):
        # warm-up happens in the first half, then what the client side retains is compared
        # at three quarters and at the end.
        half, three_quarters = len(plan) // 2, len(plan) * 3 // 4

        async def run(start: int, stop: int) -> None:
            batch = zip(plan[start:stop], faults[start:stop], strict=True)
            await asyncio.gather(*(one(c, f) for c, f in batch))

        await run(0, half)
        tracemalloc.start()
        await run(half, three_quarters)
        gc.collect()
        retained_half = _client_side(tracemalloc.take_snapshot())
        await run(three_quarters, len(plan))
        gc.collect()
        retained_full = _client_side(tracemalloc.take_snapshot())
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

        # every call accounted for, with an error its fault explains
        assert len(outcomes) == CALLS
        errors = Counter(o for o in outcomes if o != "ok")
        allowed = {"APIConnectionError", "InternalServerError", "RateLimitError"}
        assert all(o.split(":")[1] in allowed for o in errors), errors
        assert all(
            o.split(":")[0] in {"sessions.create", "sessions.update"}
            or o.split(":")[1] != "RateLimitError"
            for o in errors
        ), errors
        faulted = sum(f is not None for f in faults)
        assert faulted > 0 and sum(errors.values()) <= faulted
        # every injected fault was applied, to one request each
        assert len(sandbox.faults) == 0, list(sandbox.faults)
        assert len(sandbox.requests.matching(faulted=True)) == faulted
        assert peak_in_flight == CONCURRENCY

        # no duplicate creates, nothing lost
        busy = {v: connections(c)[0] for v, c in clients.items()}
        stored = await _stored_ids(clients)
        log = sandbox.requests
        for vendor in clients:
            records = log.matching(vendor=vendor, operation="sessions.create")
            performed = [r for r in records if r.changed_state]
            lost_after_handler = [r for r in performed if r.fault is not None]
            calls_made = sum(
                1 for c in plan if c.vendor == vendor and c.operation == "sessions.create"
            )
            told = created[vendor]
            assert len(set(told)) == len(told), f"{vendor}: an id was returned twice"
            assert len(performed) == len(told) + len(lost_after_handler), vendor
            retried_429 = [r for r in records if (r.fault or "").startswith("status=429")]
            if vendor == "twilio":
                assert calls_made <= len(records) <= calls_made + len(retried_429)
            else:
                assert len(records) == calls_made, f"{vendor}: a create was sent twice"
            if vendor in stored:
                assert set(told) <= stored[vendor], vendor
                assert len(stored[vendor]) == len(performed) + 1, vendor  # + the seed

        for client in clients.values():
            await client.aclose()
        assert busy == dict.fromkeys(clients, 0), f"connections still in use: {busy}"
        assert all(transport_closed(c) for c in clients.values())
    await asyncio.sleep(0)
    elapsed = time.perf_counter() - started
    pending = asyncio.all_tasks() - tasks_before - {asyncio.current_task()}
    assert not pending, pending
    sockets_after = _socket_count()
    if sockets_before is not None and sockets_after is not None:
        assert sockets_after <= sockets_before, (sockets_before, sockets_after)
    # Flat memory: what the client side keeps alive (allocated since the half-way mark) must
    # not grow with the number of calls over the last quarter. 256 KiB is about one small
    # response per call at CI size (250 calls x ~1 KiB) and a tenth of that at soak size.
    calls = CALLS - three_quarters
    growth = retained_full - retained_half
    assert growth < 256 * 1024, f"client-side memory grew {growth} bytes over {calls} calls"
    report(
        "load",
        f"load: {CALLS} calls at concurrency {CONCURRENCY} over loopback sockets in "
        f"{elapsed:.1f}s (tracemalloc on for the second half), {faulted} faults injected, "
        f"{CALLS - sum(errors.values())} ok, errors {dict(errors)}; client-side memory "
        f"allocated since half-way and alive: {retained_half / 1024:.0f} KiB at 3/4, "
        f"{retained_full / 1024:.0f} KiB at the end (growth {growth / 1024:.0f} KiB over "
        f"{calls} calls), traced peak {peak / 2**20:.1f} MiB incl. the sandbox",
    )
