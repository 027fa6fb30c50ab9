"""Misuse of a client's lifecycle fails at once with a sessionhub error that says what
happened, and nothing reaches the server: a call after `aclose()` (or after `async with`),
a call through a caller's `http_client=` that the caller closed, and a client used from a
second event loop (two `asyncio.run` calls), whose pooled socket of the finished loop would
otherwise carry a create while the caller is told it failed.
"""

from __future__ import annotations

import asyncio
import gc
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

from sessionhub import (
    APIConnectionError,
    ClientClosedError,
    ConfigurationError,
    SessionHubError,
)
from tests.conftest import sample
from tests.reliability._ops import OPS_BY_ID, make_client

from ._server import Server, answer, client_for, response, serve, within

CREATED = response(200, json.dumps(sample("trinsic-connect", "create-session-200.json")).encode())
CREATE = OPS_BY_ID["trinsic.create"]
GET = OPS_BY_ID["trinsic.get"]


async def test_a_closed_client_fails_at_once_without_sending(sender: str) -> None:
    async with serve(answer(CREATED)) as server:
        async with client_for("trinsic", sender, server.url, max_retries=3) as client:
            pass  # closed on leaving the block
        slept: list[float] = []

        async def sleep(delay: float) -> None:
            slept.append(delay)

        client._sleep = sleep
        for op in (GET, CREATE):
            with within(0.5), pytest.raises(ClientClosedError, match="client is closed") as info:
                await op.call(client)
            assert "nothing was sent" in str(info.value)
            assert not isinstance(info.value, APIConnectionError)  # never retried
        await client.aclose()  # closing twice is fine
    assert server.connections == 0 and slept == []


async def test_a_closed_caller_http_client_is_a_clear_error() -> None:
    async with serve(answer(CREATED)) as server:
        http = httpx.AsyncClient()
        client = make_client("trinsic", http, base_url=server.url, max_retries=3)
        await http.aclose()  # the caller closes its own client
        with within(0.5), pytest.raises(ClientClosedError, match="http_client passed to this"):
            await CREATE.call(client)
    assert server.connections == 0


class ThreadServer:
    """A loopback server on its own thread and event loop, so the test can call
    `asyncio.run` twice in the main thread."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.server: Server | None = None
        self._stop: asyncio.Event | None = None

    def _run(self) -> None:
        async def main() -> None:
            self._stop = asyncio.Event()

            async def created(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
                writer.write(CREATED)
                await writer.drain()

            async with serve(created, keep_alive=True) as server:
                self.server = server
                self.ready.set()
                await self._stop.wait()
            others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in others:
                task.cancel()
            await asyncio.gather(*others, return_exceptions=True)

        self.loop.run_until_complete(main())
        self.loop.close()

    @contextmanager
    def running(self) -> Iterator[Server]:
        thread = threading.Thread(target=self._run, daemon=True)
        thread.start()
        assert self.ready.wait(5)
        assert self.server is not None
        try:
            yield self.server
        finally:
            assert self._stop is not None
            self.loop.call_soon_threadsafe(self._stop.set)
            thread.join(5)


# The first loop's pooled socket dies with that loop: asyncio cannot close a transport
# through a closed loop, so the collector reports it whenever the client is freed.
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("sender", ["aiohttp", "httpx"])
def test_a_second_event_loop_is_refused_before_anything_is_sent(sender: str) -> None:
    with ThreadServer().running() as server:
        http = httpx.AsyncClient() if sender == "httpx" else None
        client: Any = make_client("trinsic", http, base_url=server.url, max_retries=3)
        asyncio.run(CREATE.call(client))  # the first loop: fine, and leaves a pooled socket
        assert len(server.requests) == 1

        async def second() -> SessionHubError:
            with pytest.raises(ConfigurationError, match="another one") as info:
                await CREATE.call(client)
            return info.value

        error = asyncio.run(second())
        assert "nothing was sent" in str(error) and "event loop" in str(error)
        assert len(server.requests) == 1  # the create did not reach the server

        asyncio.run(client.aclose())  # from a third loop: no error
        assert getattr(client._sender, "session", None) is None
        client = http = error = None  # drop every reference to the dead loop's pool
        gc.collect()  # the dead loop's socket is reported here, under this test's filters


@pytest.mark.filterwarnings("ignore::ResourceWarning")  # the dead loop's socket, as above
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_callers_http_client_from_a_dead_loop_says_so() -> None:
    """A new sessionhub client over the caller's httpx.AsyncClient, first used in an earlier
    asyncio.run: sessionhub cannot see httpx's pool, so the failure is httpx's, told as a
    sessionhub error that names the cause and the fix (and may have reached the server)."""
    with ThreadServer().running() as server:
        http = httpx.AsyncClient()
        first: Any = make_client("trinsic", http, base_url=server.url, max_retries=0)
        asyncio.run(GET.call(first))  # leaves a pooled socket of the first loop in `http`

        async def second() -> APIConnectionError:
            again: Any = make_client("trinsic", http, base_url=server.url, max_retries=0)
            with pytest.raises(APIConnectionError) as info:
                await GET.call(again)
            return info.value

        error = asyncio.run(second())
        assert "bound to the event loop it was first used in" in str(error), str(error)
        assert "per event loop" in str(error)
        first = http = error = None
        gc.collect()


def test_a_client_built_outside_any_loop_works_in_one() -> None:
    with ThreadServer().running() as server:

        async def main() -> None:
            async with make_client("trinsic", None, base_url=server.url) as client:
                await CREATE.call(client)
                await CREATE.call(client)

        client_outside = make_client("trinsic", None, base_url=server.url)

        async def use_outside() -> None:
            async with client_outside:
                await CREATE.call(client_outside)

        asyncio.run(main())
        asyncio.run(use_outside())
    assert len(server.requests) == 3


def test_a_client_whose_loop_runs_in_another_thread_is_closed_there() -> None:
    with ThreadServer().running() as server:
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, daemon=True)
        thread.start()
        try:
            client: Any = make_client("trinsic", None, base_url=server.url)
            asyncio.run_coroutine_threadsafe(CREATE.call(client), loop).result(5)
            session = client._sender.session

            async def from_here() -> None:
                with pytest.raises(ConfigurationError, match="event loop"):
                    await CREATE.call(client)  # the pool's loop is alive, but not this one
                await client.aclose()

            asyncio.run(from_here())
            for _ in range(100):  # closed on its own loop, soon
                if session.closed:
                    break
                time.sleep(0.01)
            assert session.closed
        finally:
            loop.call_soon_threadsafe(loop.stop)
            thread.join(5)
            loop.close()
    assert len(server.requests) == 1
