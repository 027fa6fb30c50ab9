"""The default transport over real loopback sockets: each failure maps to the httpx error
that says truthfully whether the request may have reached the server."""

from __future__ import annotations

import asyncio
import gzip
import mmap
import socket
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import httpx
import pytest

from sessionhub import APIConnectionError, TrinsicConnect
from sessionhub._aiohttp import AiohttpSender
from sessionhub._redact import Redactor
from sessionhub._transport import (
    DEFAULT_MAX_RESPONSE_SIZE,
    LARGE_BODY,
    POPULATE_MAX,
    AttemptTimeout,
    Reply,
    SenderClosed,
    join_body,
    large_body,
)

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


TIMEOUT = AttemptTimeout(httpx.Timeout(5.0), 5.0)


def sender_() -> AiohttpSender:
    return AiohttpSender(Redactor(), DEFAULT_MAX_RESPONSE_SIZE)


async def send(url: str, method: str = "GET", content: bytes | None = None) -> Reply:
    sender = sender_()
    try:
        return await sender.send(method, url, {}, content, TIMEOUT)
    finally:
        await sender.aclose()


async def test_success() -> None:
    async with tcp_server(ok) as (url, received):
        reply = await send(url + "/a%2Fb?x=1+2")
    assert reply.status_code == 200 and reply.content == b"{}"
    assert reply.headers["CONTENT-TYPE"] == "application/json"  # case-insensitive
    # the URL is sent exactly as the facade encoded it
    assert received[0].startswith(b"GET /a%2Fb?x=1+2 HTTP/1.1\r\n")
    assert b"User-Agent: sessionhub/" in received[0]
    response = reply.to_httpx()
    assert response.status_code == 200 and response.json() == {}
    assert response.request.url == httpx.URL(url + "/a%2Fb?x=1+2")


async def test_drop_after_request_is_not_a_connect_error() -> None:
    async with tcp_server(drop) as (url, received):
        with pytest.raises(httpx.TransportError) as info:
            await send(url, "POST", b"x")
    assert len(received) == 1  # and aiohttp's hidden retry did not send it again
    assert not isinstance(info.value, (httpx.ConnectError, httpx.ConnectTimeout))


async def test_drop_mid_body_is_a_read_error() -> None:
    async with tcp_server(mid_body) as (url, _):
        with pytest.raises(httpx.ReadError):
            await send(url)


async def test_refused_is_a_connect_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(httpx.ConnectError):
        await send(f"http://127.0.0.1:{port}/")


async def test_a_slow_server_is_a_read_timeout() -> None:
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(5)

    sender = sender_()
    try:
        async with tcp_server(silent) as (url, received):
            with pytest.raises(httpx.ReadTimeout):
                await sender.send("GET", url, {}, None, AttemptTimeout(httpx.Timeout(0.2), 5.0))
    finally:
        await sender.aclose()
    assert len(received) == 1


async def test_a_closed_sender_refuses_to_send() -> None:
    sender = sender_()
    await sender.aclose()
    with pytest.raises(SenderClosed):
        await sender.send("GET", "http://127.0.0.1:9/", {}, None, TIMEOUT)


async def test_redirects_are_not_followed() -> None:
    async def redirect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(
            b"HTTP/1.1 302 Found\r\nLocation: http://evil.example/\r\nContent-Length: 0\r\n\r\n"
        )
        await writer.drain()

    async with tcp_server(redirect) as (url, received):
        reply = await send(url)
    assert reply.status_code == 302 and len(received) == 1


async def test_gzip_bodies_are_decoded_once() -> None:
    body = gzip.compress(b'{"a": 1}')
    head = (
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        f"Content-Encoding: gzip\r\nContent-Length: {len(body)}\r\n\r\n"
    )

    async def gzipped(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(head.encode() + body)
        await writer.drain()

    async with tcp_server(gzipped) as (url, _):
        reply = await send(url)
    assert reply.content == b'{"a": 1}'
    assert reply.to_httpx().json() == {"a": 1}  # not decompressed a second time


# A page-sized body: its bytes differ along its length, so a misplaced chunk would show.
LARGE = b'{"a": "' + bytes(range(65, 91)) * (3 * LARGE_BODY // 26) + b'"}'


def _large(head: str, body: bytes, sent: bytes | None = None) -> Handler:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(head.encode() + (body if sent is None else sent))
        await writer.drain()

    return handler


@pytest.mark.parametrize("encoding", ["identity", "gzip"])
async def test_a_large_body_is_read_into_one_anonymous_map(encoding: str) -> None:
    """Off glibc's heap (see _transport.LARGE_BODY): with a Content-Length, written into one
    map as it arrives; gzipped (no length known before inflating), copied into one."""
    wire = LARGE if encoding == "identity" else gzip.compress(LARGE)
    head = (
        f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: {encoding}\r\n"
        f"Content-Length: {len(wire)}\r\n\r\n"
    )
    async with tcp_server(_large(head, wire)) as (url, _):
        reply = await send(url)
    assert isinstance(reply.body, mmap.mmap) and len(reply.body) == len(LARGE)
    assert reply.content == LARGE and isinstance(reply.content, bytes)
    assert reply.to_httpx().content == LARGE


async def test_a_small_body_stays_bytes() -> None:
    async with tcp_server(ok) as (url, _):
        reply = await send(url)
    assert type(reply.body) is bytes and reply.content is reply.body


async def test_a_large_body_cut_short_is_a_read_error() -> None:
    head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(LARGE)}\r\n\r\n"

    async def cut(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(head.encode() + LARGE[: 2 * LARGE_BODY])
        await writer.drain()  # then the connection is dropped

    async with tcp_server(cut) as (url, _):
        with pytest.raises(httpx.ReadError):
            await send(url)


def _resident_kib() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * (mmap.PAGESIZE // 1024)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and MAP_POPULATE")
def test_only_a_page_sized_map_is_resident_before_it_is_written() -> None:
    """A page's map is populated at once (cheaper than a fault per 4 KiB); a larger one is
    not, so a Content-Length a server announces but does not send costs nothing."""
    before = _resident_kib()
    page = large_body(POPULATE_MAX)
    populated = _resident_kib() - before
    large = large_body(4 * POPULATE_MAX)
    unwritten = _resident_kib() - before - populated
    assert populated >= POPULATE_MAX // 1024 * 0.9, populated
    assert unwritten < POPULATE_MAX // 1024 // 8, unwritten
    del page, large


def test_join_body_empties_the_chunks_into_one_map() -> None:
    chunks = [LARGE[i : i + 1000] for i in range(0, len(LARGE), 1000)]
    body = join_body(chunks, len(LARGE))
    assert isinstance(body, mmap.mmap) and body[:] == LARGE and chunks == []
    small = [b"{", b"}"]
    assert join_body(small, 2) == b"{}" and small == []


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


async def test_tls_verification_is_on_by_default() -> None:
    async with tcp_server(ok) as (url, _):
        trinsic = TrinsicConnect(api_key="k" * 8, base_url=url)
        await trinsic.sessions.list(limit=1)
        sender = trinsic._sender
        assert isinstance(sender, AiohttpSender)
        context = sender.ssl_context
        assert sender.session is not None and sender.session.connector._ssl is context  # type: ignore[union-attr]
        assert context.verify_mode.name == "CERT_REQUIRED"
        assert context.check_hostname
        await trinsic.aclose()


async def test_a_proxy_from_the_environment_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    async with tcp_server(ok) as (proxy, received):
        monkeypatch.setenv("HTTP_PROXY", proxy)
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        reply = await send("http://vendor.invalid/v1/x")  # only the loopback proxy is contacted
    assert reply.status_code == 200
    assert received[0].startswith(b"GET http://vendor.invalid/v1/x HTTP/1.1\r\n")
