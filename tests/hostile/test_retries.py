"""Retry semantics against real sockets, on both senders: a Retry-After above
`max_retry_after` is raised at once with `retry_after` set (never silently replaced by a
short backoff); a delete whose earlier attempt may have reached the server treats a 404 on
the retry as success (and says so at DEBUG); a connection error says whether the request
may have been processed.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import socket
import time

import pytest

from sessionhub import (
    APIConnectionError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
)
from tests.reliability._ops import OPS_BY_ID, make_client

from ._server import client_for, response, serve, within

FAR = email.utils.formatdate(time.time() + 10 * 24 * 3600, usegmt=True)


def scripted(*replies: bytes | None) -> object:
    """Answers the n-th request with the n-th reply; None drops the connection unanswered."""
    queue = list(replies)

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        reply = queue.pop(0) if queue else response(500, b"{}")
        if reply is None:
            writer.transport.abort()
            return
        writer.write(reply)
        await writer.drain()

    return handler


def no_sleep(client: object) -> None:
    async def sleep(delay: float) -> None:
        await asyncio.sleep(0)

    client._sleep = sleep  # type: ignore[attr-defined]


@pytest.mark.parametrize("retry_after", [b"61", b"1000000000", FAR.encode()])
async def test_a_retry_after_over_the_cap_is_raised_at_once(
    sender: str, retry_after: bytes
) -> None:
    busy = response(429, b'{"message": "slow down"}', [(b"Retry-After", retry_after)])
    async with serve(scripted(busy, busy, busy)) as server:
        async with client_for("trinsic", sender, server.url, max_retries=2) as client:
            with within(1.0), pytest.raises(RateLimitError) as info:
                await client.sessions.get("session-1")
    assert len(server.requests) == 1  # was 3 within 1.3 s
    assert info.value.retry_after is not None and info.value.retry_after > 60
    assert "more than max_retry_after=60s" in str(info.value)


async def test_a_5xx_retry_after_over_the_cap_carries_retry_after(sender: str) -> None:
    busy = response(503, b"{}", [(b"Retry-After", b"120")])
    async with serve(scripted(busy, busy)) as server:
        async with client_for("trinsic", sender, server.url, max_retries=2) as client:
            with pytest.raises(InternalServerError) as info:
                await client.sessions.get("session-1")
    assert len(server.requests) == 1 and info.value.retry_after == 120


@pytest.mark.parametrize(("cap", "wait", "requests"), [(1.0, b"2", 1), (0, b"1", 1), (5, b"0", 2)])
async def test_max_retry_after_is_a_client_option(
    sender: str, cap: float, wait: bytes, requests: int
) -> None:
    busy = response(429, b"{}", [(b"Retry-After", wait)])
    async with serve(scripted(busy, busy)) as server:
        async with client_for(
            "trinsic", sender, server.url, max_retries=1, max_retry_after=cap
        ) as client:
            with within(1.0), pytest.raises(RateLimitError):
                await client.sessions.get("session-1")
    assert len(server.requests) == requests


@pytest.mark.parametrize("value", [-1, float("nan"), float("inf"), "60"])
def test_bad_max_retry_after_is_refused(value: object) -> None:
    from sessionhub import ConfigurationError

    with pytest.raises(ConfigurationError, match="max_retry_after"):
        make_client("trinsic", None, max_retry_after=value)


@pytest.mark.parametrize("op_id", ["twilio.delete", "sipher.delete"])
async def test_a_delete_whose_response_was_lost_then_404_is_success(
    sender: str, op_id: str, caplog: pytest.LogCaptureFixture
) -> None:
    op = OPS_BY_ID[op_id]
    gone = response(404, b'{"code": 20404, "message": "not found"}')
    async with serve(scripted(None, gone)) as server:
        async with client_for(op.vendor, sender, server.url, max_retries=2) as client:
            no_sleep(client)
            with caplog.at_level(logging.DEBUG, logger="sessionhub"):
                result = await op.call(client)
    assert len(server.requests) == 2
    assert result is None  # both deletes return None: the session is gone, as asked
    assert any("the session is gone, reporting success" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("op_id", ["twilio.delete", "sipher.delete"])
async def test_a_first_attempt_404_on_delete_is_still_not_found(sender: str, op_id: str) -> None:
    op = OPS_BY_ID[op_id]
    gone = response(404, b'{"code": 20404, "message": "not found"}')
    async with serve(scripted(gone)) as server:
        async with client_for(op.vendor, sender, server.url, max_retries=2) as client:
            with pytest.raises(NotFoundError):
                await op.call(client)


async def test_a_refused_connection_says_nothing_was_processed(sender: str) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    async with client_for("trinsic", sender, f"http://127.0.0.1:{port}") as client:
        with pytest.raises(APIConnectionError) as info:
            await OPS_BY_ID["trinsic.create"].call(client)
    assert info.value.may_have_been_processed is False
    assert "never reached the server" in str(info.value)


async def test_a_create_dropped_after_sending_may_have_been_processed(sender: str) -> None:
    async with serve(scripted(None, None)) as server:
        async with client_for("twilio", sender, server.url, max_retries=3) as client:
            with pytest.raises(APIConnectionError) as info:
                await OPS_BY_ID["twilio.create"].call(client)
    assert len(server.requests) == 1
    assert info.value.may_have_been_processed is True
    assert "may have been created; look it up before retrying" in str(info.value)
