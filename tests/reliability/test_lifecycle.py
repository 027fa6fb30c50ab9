"""Cancellation and lifecycle over real loopback sockets (the sandbox): cancelling a call
or an iteration mid-flight (task.cancel(), asyncio.timeout) releases its connection and
leaves the client usable; breaking out of an iteration leaves no response open.

Each test runs on the default transport and on a caller-supplied httpx.AsyncClient.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from sessionhub.sandbox import TWILIO_SERVICE_SID, Sandbox

from ._sandbox import connections, sandbox_client, transport_closed

SERVICE = TWILIO_SERVICE_SID
STALL = "delay=30"  # the sandbox holds the response; the test never waits for it


@pytest.fixture(params=["default", "httpx"])
async def twilio(request: pytest.FixtureRequest, sandbox: Sandbox) -> AsyncIterator[Any]:
    http = None if request.param == "default" else httpx.AsyncClient()
    client = sandbox_client(sandbox, "twilio", http_client=http)
    async with client:
        yield client
    if http is not None:
        await http.aclose()
    else:
        assert transport_closed(client)


def _in_use(client: Any) -> int:
    return connections(client)[0]


async def _arrived(sandbox: Sandbox, operation: str, count: int = 1) -> None:
    """Wait until `count` requests of `operation` reached the sandbox (bounded)."""
    for _ in range(500):
        if len(sandbox.requests.matching(vendor="twilio", operation=operation)) >= count:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"{operation} never reached the sandbox")


async def _released_and_usable(twilio: Any) -> None:
    """No connection is left in use, and the client still works (and releases again)."""
    assert _in_use(twilio) == 0
    created = await twilio.sessions.create(SERVICE, ttl=600)
    fetched = await twilio.sessions.fetch(SERVICE, created.sid)
    assert fetched.sid == created.sid
    assert _in_use(twilio) == 0


async def test_cancelling_a_call_releases_its_connection(sandbox: Sandbox, twilio: Any) -> None:
    created = await twilio.sessions.create(SERVICE, ttl=600)
    sandbox.faults.add(STALL, vendor="twilio", operation="sessions.get")
    task = asyncio.create_task(twilio.sessions.fetch(SERVICE, created.sid))
    await _arrived(sandbox, "sessions.get")
    assert _in_use(twilio) == 1
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await _released_and_usable(twilio)


async def test_a_timeout_around_a_call_releases_its_connection(
    sandbox: Sandbox, twilio: Any
) -> None:
    sandbox.faults.add(STALL, vendor="twilio", operation="sessions.create")
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0.3):
            await twilio.sessions.create(SERVICE, ttl=600)
    # the stalled create ran once on the server; the client did not send it again
    assert len(sandbox.requests.matching(operation="sessions.create")) == 1
    await _released_and_usable(twilio)


async def _twilio_sessions(twilio: Any, count: int) -> None:
    for _ in range(count):
        await twilio.sessions.create(SERVICE, ttl=600)


async def test_cancelling_an_iteration_mid_page_releases_its_connection(
    sandbox: Sandbox, twilio: Any
) -> None:
    await _twilio_sessions(twilio, 6)
    seen: list[str] = []

    async def iterate() -> None:
        async for session in twilio.sessions.list(SERVICE, page_size=2):
            seen.append(session.sid)
            if len(seen) == 2:  # the next page will stall
                sandbox.faults.add(STALL, vendor="twilio", operation="sessions.list")

    task = asyncio.create_task(iterate())
    await _arrived(sandbox, "sessions.list", count=2)
    assert _in_use(twilio) == 1
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert len(seen) == 2
    await _released_and_usable(twilio)


async def test_a_timeout_around_an_iteration_releases_its_connection(
    sandbox: Sandbox, twilio: Any
) -> None:
    await _twilio_sessions(twilio, 4)
    sandbox.faults.add("delay=0", vendor="twilio", operation="sessions.list")
    sandbox.faults.add(STALL, vendor="twilio", operation="sessions.list")
    seen = []
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0.5):
            async for session in twilio.sessions.list(SERVICE, page_size=2):
                seen.append(session)
    assert len(seen) == 2
    await _released_and_usable(twilio)


async def test_breaking_out_of_an_iteration_leaves_nothing_open(
    sandbox: Sandbox, twilio: Any
) -> None:
    await _twilio_sessions(twilio, 5)
    seen: list[Any] = []
    async for session in twilio.sessions.list(SERVICE, page_size=2):
        seen.append(session)
        break
    pages = twilio.sessions.list(SERVICE, page_size=2).pages()
    async for page in pages:
        seen.append(page)
        break
    await pages.aclose()
    assert len(seen) == 2 and len(seen[1].items) == 2
    assert len(sandbox.requests.matching(operation="sessions.list")) == 2  # no prefetch
    await _released_and_usable(twilio)


async def test_many_cancellations_leave_the_pool_clean(sandbox: Sandbox, twilio: Any) -> None:
    """50 calls cancelled at once while stalled, then 50 normal ones on the same client."""
    created = await twilio.sessions.create(SERVICE, ttl=600)
    sandbox.faults.add(STALL, vendor="twilio", operation="sessions.get", times=50)
    tasks = [asyncio.create_task(twilio.sessions.fetch(SERVICE, created.sid)) for _ in range(50)]
    await _arrived(sandbox, "sessions.get", count=50)
    for task in tasks:
        task.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    assert all(isinstance(r, asyncio.CancelledError) for r in results)
    assert _in_use(twilio) == 0
    fetched = await asyncio.gather(
        *(twilio.sessions.fetch(SERVICE, created.sid) for _ in range(50))
    )
    assert {s.sid for s in fetched} == {created.sid}
    assert _in_use(twilio) == 0
