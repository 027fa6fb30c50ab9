"""Finite timeouts: every value is checked before anything is sent; a float bounds each
attempt end to end (connect, send, headers, the whole body); an httpx.Timeout bounds each
phase and the attempt by the sum of its fields; `total_timeout` bounds the whole call,
retries and backoff included. Trickling servers are cut at the deadline, on both senders.
"""

from __future__ import annotations

import asyncio
import math
import time

import httpx
import pytest

from sessionhub import (
    APITimeoutError,
    ConfigurationError,
    InternalServerError,
    InvalidRequestError,
)
from tests.reliability._ops import make_client

from ._server import Handler, client_for, serve, within

BAD_TIMEOUTS = [
    float("nan"),
    float("inf"),
    -float("inf"),
    0,
    -1.0,
    True,
    "5",
    httpx.Timeout(float("nan")),
    httpx.Timeout(5.0, read=float("inf")),
    httpx.Timeout(5.0, connect=float("nan")),
    httpx.Timeout(None),
    httpx.Timeout(5.0, pool=None),
    httpx.Timeout(5.0, write=0.0),
]


def trickle(head: bytes, body: bytes, every: float) -> Handler:
    """Sends `head` at once, then `body` one byte every `every` seconds."""

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(head)
        for byte in body:
            await writer.drain()
            await asyncio.sleep(every)
            writer.write(bytes([byte]))
        await writer.drain()
        await asyncio.sleep(30)

    return handler


SLOW_BODY = trickle(
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n",
    b" " * 400,
    0.05,
)
SLOW_HEADERS = trickle(b"", b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"a" * 400 + b"\r\n\r\n{}", 0.05)
ENDLESS_CHUNKS = trickle(
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
    b"1\r\n \r\n" * 2000,
    0.01,
)


@pytest.mark.parametrize("value", BAD_TIMEOUTS, ids=repr)
async def test_every_bad_timeout_is_refused_before_sending(sender: str, value: object) -> None:
    async with serve(lambda r, w: asyncio.sleep(0)) as server:
        with pytest.raises(ConfigurationError, match="timeout"):
            make_client("trinsic", None, base_url=server.url, timeout=value)
        async with client_for("trinsic", sender, server.url) as client:
            with pytest.raises(InvalidRequestError, match="timeout") as info:
                await client.sessions.get("session-1", timeout=value)
            assert "nothing was sent" in str(info.value)
    assert server.connections == 0


async def test_a_nan_timeout_never_stalls_other_tasks_timers(sender: str) -> None:
    async with serve(lambda r, w: asyncio.sleep(0)) as server:
        async with client_for("trinsic", sender, server.url) as client:
            started = time.monotonic()
            results = await asyncio.gather(
                client.sessions.get("session-1", timeout=math.nan),
                asyncio.sleep(0.1),
                return_exceptions=True,
            )
            assert isinstance(results[0], InvalidRequestError)
            assert time.monotonic() - started < 1.0  # was 6 s: a NaN in the timer heap


@pytest.mark.parametrize(
    "handler", [SLOW_BODY, SLOW_HEADERS, ENDLESS_CHUNKS], ids=["body", "headers", "chunks"]
)
async def test_a_trickling_server_is_cut_at_the_attempt_deadline(
    sender: str, handler: Handler
) -> None:
    # each byte arrives well within any read timeout; only an end-to-end deadline ends it
    async with serve(handler) as server:
        async with client_for("trinsic", sender, server.url, timeout=0.6) as client:
            with within(2.0), pytest.raises(APITimeoutError) as info:
                await client.sessions.get("session-1")
    assert "0.6s end to end" in str(info.value)
    assert info.value.may_have_been_processed  # the request was sent


async def test_an_httpx_timeout_bounds_the_attempt_by_the_sum_of_its_fields(sender: str) -> None:
    timeout = httpx.Timeout(0.25)  # four phases of 0.25 s: at most 1 s end to end
    async with serve(SLOW_BODY) as server:
        async with client_for("trinsic", sender, server.url) as client:
            with within(2.0), pytest.raises(APITimeoutError, match="1s end to end"):
                await client.sessions.get("session-1", timeout=timeout)


def test_the_default_timeout_is_finite_end_to_end() -> None:
    from sessionhub._aiohttp import _client_timeout

    client = make_client("trinsic", None)
    attempt = client._attempt_timeout
    assert attempt.seconds == 100.0  # 10 s connect + 30 s each for read, write and pool
    assert _client_timeout(attempt).total == 100.0  # the default sender's own deadline


async def test_total_timeout_bounds_backoff_on_a_long_retry_after(sender: str) -> None:
    busy = b"HTTP/1.1 503 Busy\r\nRetry-After: 30\r\nContent-Length: 0\r\n\r\n"

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(busy)
        await writer.drain()

    async with serve(handler) as server:
        async with client_for(
            "trinsic", sender, server.url, max_retries=3, total_timeout=1.0
        ) as client:
            with within(1.5), pytest.raises(InternalServerError):
                await client.sessions.get("session-1")
    assert len(server.requests) == 1  # the 30 s wait would outlast total_timeout


async def test_total_timeout_bounds_retried_attempts(sender: str) -> None:
    async with serve(SLOW_BODY) as server:
        async with client_for(
            "trinsic", sender, server.url, timeout=0.4, max_retries=10, total_timeout=1.0
        ) as client:
            with within(2.0), pytest.raises(APITimeoutError):
                await client.sessions.get("session-1")
    assert 1 <= len(server.requests) <= 3


@pytest.mark.parametrize("value", [0, -1, math.nan, math.inf, "1", True])
def test_bad_total_timeouts_are_refused(value: object) -> None:
    with pytest.raises(ConfigurationError, match="total_timeout"):
        make_client("trinsic", None, total_timeout=value)
