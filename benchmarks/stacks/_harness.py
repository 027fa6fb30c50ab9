"""What every stack script shares: the workloads, the measurement and the JSON it prints.

A stack script defines `async def open_stack(base_url, option) -> Stack` and calls
`main(open_stack)`. run.py starts it as its own process, pinned to the client core:

    python -m stacks.raw_aiohttp --base-url http://127.0.0.1:PORT --workload fetch \
        --requests 5000 --concurrency 50

and reads one JSON object from the last line of its output. Client CPU is user+sys of this
whole process (every thread) over the measured section only: imports, client set-up and a
warm-up are outside it, so the number is the steady-state cost a busy service pays.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, Protocol

from render import FETCH_SESSIONS, SERVICE_SID, TOTAL_SESSIONS, session_sid

__all__ = ["SERVICE_SID", "Stack", "main"]


class Stack(Protocol):
    async def fetch(self, sid: str) -> str:
        """GET one session and return its `sid` as parsed from the body."""

    def sessions(
        self, page_size: int, limit: int | None
    ) -> AsyncIterator[Any] | Awaitable[AsyncIterator[Any]]:
        """Every session, page after page (at most `limit`), as the stack's item type."""

    async def aclose(self) -> None: ...


Opener = Callable[[str, str | None], Awaitable[Stack]]


def _rss_kib() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def _reset_peak() -> bool:
    """Reset the kernel's peak-RSS mark (VmHWM) to the current RSS; Linux >= 4.0."""
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
    except OSError:
        return False
    return True


def _peak_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status")


async def _fetch_all(
    stack: Stack, count: int, concurrency: int, pool: int, offset: int = 0
) -> None:
    """`count` GETs of distinct sessions, `concurrency` coroutines pulling from one queue."""
    sids = iter([session_sid((offset + i) % pool) for i in range(count)])

    async def worker() -> None:
        for sid in sids:  # shared iterator: each worker takes the next sid
            got = await stack.fetch(sid)
            if got != sid:
                raise AssertionError(f"asked for {sid}, got {got}")

    await asyncio.gather(*(worker() for _ in range(concurrency)))


async def _list_all(
    stack: Stack, page_size: int, limit: int | None, total: int, keep: bool
) -> list[Any]:
    kept: list[Any] = []
    count = 0
    source = stack.sessions(page_size, limit)
    if not hasattr(source, "__aiter__"):  # twilio-python: `await stream_async()` first
        source = await source
    async for item in source:
        count += 1
        if keep:
            kept.append(item)
    expected = total if limit is None else min(limit, total)
    if count != expected:
        raise AssertionError(f"listed {count} sessions, expected {expected}")
    return kept


async def _run(open_stack: Opener, args: argparse.Namespace) -> dict[str, Any]:
    stack = await open_stack(args.base_url, args.option)
    try:
        # Warm-up: lazy imports, the connection pool and the first parse happen here.
        if args.workload == "fetch":
            await _fetch_all(stack, args.concurrency, args.concurrency, args.pool, args.pool // 2)
        else:
            await _fetch_all(stack, 1, 1, args.pool)
        gc.collect()
        rss_start = _rss_kib()
        exact_peak = _reset_peak()
        cpu0, wall0 = time.process_time(), time.perf_counter()
        if args.workload == "fetch":
            await _fetch_all(stack, args.requests, args.concurrency, args.pool)
            kept: list[Any] = []
        else:
            keep = args.mode == "accumulate"
            kept = await _list_all(stack, args.page_size, args.limit, args.total, keep)
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        peak = _peak_kib()
        del kept
    finally:
        await stack.aclose()
    return {
        "cpu_s": cpu,
        "wall_s": wall,
        "rss_start_kib": rss_start,
        "peak_growth_kib": peak - rss_start,
        "exact_peak": exact_peak,
    }


def main(open_stack: Opener) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--workload", choices=("fetch", "list"), required=True)
    parser.add_argument("--requests", type=int, default=FETCH_SESSIONS)
    parser.add_argument("--pool", type=int, default=FETCH_SESSIONS, help="distinct sessions")
    parser.add_argument("--total", type=int, default=TOTAL_SESSIONS, help="sessions listed")
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--page-size", type=int, default=1000)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--mode", choices=("stream", "accumulate"), default="stream")
    parser.add_argument("--option", default=None, help="a stack-specific variant, e.g. a transport")
    args = parser.parse_args()
    result = asyncio.run(_run(open_stack, args))
    print(json.dumps(result))
