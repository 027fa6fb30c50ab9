"""Raw asyncio servers on 127.0.0.1 that misbehave on purpose, and the clients aimed at them.

A `Handler` gets the reader and writer after the request (head and body) was read, so it
can answer anything a socket can carry: wrong status lines, odd header bytes, trickles,
bombs, or nothing. The server records every request it received, so a test can assert
what reached the network.
"""

from __future__ import annotations

import asyncio
import time
import tracemalloc
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx

from tests.reliability._ops import make_client

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]
SENDERS = ("aiohttp", "httpx")


@dataclass
class Server:
    url: str
    requests: list[bytes] = field(default_factory=list)  # each request's head and body
    connections: int = 0
    closed_by_client: int = 0  # connections the client closed (EOF) while we waited


async def _read_request(reader: asyncio.StreamReader) -> bytes:
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    body = await reader.readexactly(length) if length else b""
    return head + body


@asynccontextmanager
async def serve(handler: Handler, *, keep_alive: bool = False) -> AsyncIterator[Server]:
    """A loopback server answering every request with `handler` (one request per
    connection unless `keep_alive`)."""
    server: Server | None = None
    open_writers: set[asyncio.StreamWriter] = set()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        assert server is not None
        server.connections += 1
        open_writers.add(writer)
        try:
            while True:
                server.requests.append(await _read_request(reader))
                await handler(reader, writer)
                if not keep_alive:
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            server.closed_by_client += 1
        finally:
            open_writers.discard(writer)
            writer.transport.abort()

    listener = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = listener.sockets[0].getsockname()[1]
    server = Server(f"http://127.0.0.1:{port}")
    try:
        yield server
    finally:
        listener.close()
        # Since Python 3.12.1 wait_closed() waits for every connection's handler; a handler
        # waiting for the client's EOF (`answer`) would wait for a client closed only after
        # this block: drop what is still open first (3.13's close_clients(), on every version).
        for writer in list(open_writers):
            writer.transport.abort()
        await listener.wait_closed()


def response(
    status: int | str = 200,
    body: bytes = b"{}",
    headers: list[tuple[bytes, bytes]] | None = None,
    *,
    reason: bytes = b"OK",
    content_type: bytes = b"application/json",
) -> bytes:
    """One HTTP/1.1 response as bytes (headers may hold any bytes at all)."""
    lines = [b"HTTP/1.1 " + str(status).encode() + b" " + reason]
    lines.append(b"Content-Type: " + content_type)
    lines.append(b"Content-Length: " + str(len(body)).encode())
    for name, value in headers or []:
        lines.append(name + b": " + value)
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def answer(data: bytes) -> Handler:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(data)
        await writer.drain()
        await reader.read()  # keep the socket open until the client is done with it

    return handler


def drop(data: bytes) -> Handler:
    """Sends `data`, then drops the connection."""

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(data)
        await writer.drain()
        writer.transport.abort()

    return handler


@asynccontextmanager
async def client_for(vendor: str, sender: str, url: str, **kwargs: Any) -> AsyncIterator[Any]:
    """The vendor's client aimed at `url`, on the default aiohttp sender or on a real
    (not mocked) httpx.AsyncClient."""
    http = httpx.AsyncClient() if sender == "httpx" else None
    kwargs.setdefault("max_retries", 0)
    client = make_client(vendor, http, base_url=url, **kwargs)
    try:
        async with client:
            yield client
    finally:
        if http is not None:
            await http.aclose()


@contextmanager
def within(seconds: float, megabytes: float = 32) -> Iterator[None]:
    """The block ends within `seconds` and allocates at most `megabytes` at its peak
    (bounds on a failure mode, not a benchmark; the memory bombs run in `_bomb.py`)."""
    tracing = tracemalloc.is_tracing()
    if not tracing:
        tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    started = time.monotonic()
    try:
        yield
    finally:
        elapsed = time.monotonic() - started
        peak = (tracemalloc.get_traced_memory()[1] - base) / 2**20
        if not tracing:
            tracemalloc.stop()
    assert elapsed < seconds, f"took {elapsed:.2f}s, bound {seconds}s"
    assert peak < megabytes, f"peaked at {peak:.1f} MB, bound {megabytes} MB"
