"""A loopback server answering a scripted sequence, for the option tests on both senders."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from tests.hostile._server import SENDERS, Server, client_for, response, serve

__all__ = ["SENDERS", "Wire", "client_for", "head_of", "json_reply", "wire"]

from tests.conftest import sample

TWILIO_SESSION = sample("twilio-proxy", "session-fetch-200.json")


def json_reply(
    status: int = 200, body: Any = None, headers: list[tuple[bytes, bytes]] | None = None
) -> bytes:
    data = json.dumps(TWILIO_SESSION if body is None else body).encode()
    return response(status, data, headers, reason=b"OK" if status < 400 else b"Error")


class Wire:
    def __init__(self, server: Server, replies: list[bytes]) -> None:
        self.server = server
        self.replies = replies

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def requests(self) -> list[bytes]:
        return self.server.requests


def head_of(raw: bytes) -> tuple[str, dict[str, str], bytes]:
    """(request line, headers with lower-case names, body) of a recorded request."""
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return lines[0], headers, body


@asynccontextmanager
async def wire(*replies: bytes) -> AsyncIterator[Wire]:
    """Answers the n-th request with replies[n] (the last one repeats)."""
    queue = list(replies)

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        data = queue.pop(0) if len(queue) > 1 else queue[0]
        writer.write(data)
        await writer.drain()

    async with serve(handler, keep_alive=True) as server:
        yield Wire(server, list(replies))
