"""The default transport over real loopback sockets: each failure maps to the httpx error
that says truthfully whether the request may have reached the server."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import httpx
import pytest

from sessionhub import APIConnectionError, TrinsicConnect
from sessionhub._transport import default_http_client

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]
OK = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}"


@asynccontextmanager
async def tcp_server(handler: Handler) -> AsyncIterator[tuple[str, list[bytes]]]:
    received: list[bytes] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            received.append(await reader.readuntil(b"\r\n\r\n"))
            await handler(reader, writer)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.transport.abort()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}", received
    finally:
        server.close()
        await server.wait_closed()


async def ok(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    writer.write(OK)
    await writer.drain()


async def drop(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    writer.transport.abort()


async def mid_body(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    writer.write(b'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"session":')
    await writer.drain()


async def test_success() -> None:
    async with tcp_server(ok) as (url, _), default_http_client() as client:
        response = await client.get(url)
    assert response.status_code == 200 and response.content == b"{}"


async def test_drop_after_request_is_not_a_connect_error() -> None:
    async with tcp_server(drop) as (url, received), default_http_client() as client:
        with pytest.raises(httpx.TransportError) as info:
            await client.post(url, content=b"x")
    assert len(received) == 1
    assert not isinstance(info.value, (httpx.ConnectError, httpx.ConnectTimeout))


async def test_drop_mid_body_is_a_read_error() -> None:
    async with tcp_server(mid_body) as (url, _), default_http_client() as client:
        with pytest.raises(httpx.ReadError):
            await client.get(url)


async def test_refused_is_a_connect_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    async with default_http_client() as client:
        with pytest.raises(httpx.ConnectError):
            await client.get(f"http://127.0.0.1:{port}/")


async def test_create_dropped_after_sending_is_sent_once() -> None:
    async with tcp_server(drop) as (url, received):
        async with TrinsicConnect(api_key="k" * 8, base_url=url, max_retries=3) as trinsic:
            with pytest.raises(APIConnectionError):
                await trinsic.sessions.create()
    assert len(received) == 1


async def test_get_dropped_is_retried() -> None:
    async with tcp_server(drop) as (url, received):
        async with TrinsicConnect(api_key="k" * 8, base_url=url, max_retries=2) as trinsic:
            trinsic._sleep = lambda _delay: asyncio.sleep(0)
            with pytest.raises(APIConnectionError):
                await trinsic.sessions.get("session-1")
    assert len(received) == 3


def test_tls_verification_is_on_by_default() -> None:
    client = default_http_client()
    transport = client._transport
    assert transport.ssl_context.verify_mode.name == "CERT_REQUIRED"  # type: ignore[attr-defined]
    assert transport.ssl_context.check_hostname  # type: ignore[attr-defined]
    assert client.follow_redirects is False
