"""How a built request reaches the network: sessionhub's own aiohttp sender by default, or
the caller's `httpx.AsyncClient` when one is passed as `http_client=`.

Why not httpx for the default: under concurrency httpcore's pool costs several times the
CPU of aiohttp's, and even on aiohttp's pool (httpx-aiohttp) building an `httpx.Request`
and `httpx.Response` per call (URL parsing and validation, header models, byte streams)
cost more than the whole aiohttp round trip (benchmarks/RESULTS.md, W1). So the default
sender hands the already-encoded URL, headers and body straight to aiohttp and returns a
small `AiohttpReply`; an `httpx.Response` is built only when an exception needs one.
The generated code is untouched: it still produces httpx-style request kwargs.

Errors are raised as httpx exceptions, chosen truthfully from aiohttp's: only a failure to
open a connection is a connect error (the request was never sent, so even a create may be
retried); anything after is a read error or a protocol error. aiohttp's hidden one-shot
retry of idempotent requests is turned off, so `max_retries` means what it says.
"""

from __future__ import annotations

import asyncio
import ssl
import urllib.request
from collections.abc import Mapping
from typing import Protocol

import aiohttp
import certifi
import httpx
import yarl

from ._version import __version__

__all__ = [
    "MAX_CONNECTIONS",
    "USER_AGENT",
    "AiohttpReply",
    "AiohttpSender",
    "HttpxSender",
    "Reply",
    "Sender",
    "as_httpx",
    "default_sender",
    "request_of",
]

MAX_CONNECTIONS = 100
USER_AGENT = f"sessionhub/{__version__}"


class Reply(Protocol):
    """What the facade reads from a response: an `httpx.Response` or an `AiohttpReply`."""

    @property
    def status_code(self) -> int: ...
    @property
    def content(self) -> bytes: ...
    @property
    def headers(self) -> Mapping[str, str]: ...  # case-insensitive
    @property
    def reason_phrase(self) -> str: ...


class Sender(Protocol):
    async def send(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        content: bytes | None,
        timeout: httpx.Timeout,
    ) -> Reply:
        """One attempt; raises an httpx.TransportError (or subclass) on a network failure."""

    async def aclose(self) -> None: ...


def request_of(
    method: str, url: str, headers: Mapping[str, str], content: bytes | None
) -> httpx.Request:
    """The httpx.Request an exception carries (built only on an error path)."""
    return httpx.Request(method, url, headers=headers, content=content)


class AiohttpReply:
    """A fully read aiohttp response: status, headers and body, nothing left open."""

    __slots__ = ("_request", "content", "headers", "reason_phrase", "status_code")

    def __init__(
        self,
        status_code: int,
        reason_phrase: str,
        headers: Mapping[str, str],
        content: bytes,
        request: tuple[str, str, dict[str, str], bytes | None],
    ) -> None:
        self.status_code = status_code
        self.reason_phrase = reason_phrase
        self.headers = headers
        self.content = content
        self._request = request

    def to_httpx(self) -> httpx.Response:
        # aiohttp has already decompressed the body: drop the headers that describe the wire
        # form, or httpx would try to decode it a second time.
        headers = [
            (k, v)
            for k, v in self.headers.items()
            if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")
        ]
        return httpx.Response(
            self.status_code,
            headers=headers,
            content=self.content,
            request=request_of(*self._request),
        )


def as_httpx(reply: Reply) -> httpx.Response:
    """The reply as the `httpx.Response` that sessionhub's exceptions expose."""
    if isinstance(reply, httpx.Response):
        return reply
    assert isinstance(reply, AiohttpReply)
    return reply.to_httpx()


def _remap(exc: BaseException) -> httpx.TransportError:
    """The httpx exception that says truthfully whether the request may have been sent."""
    message = str(exc) or type(exc).__name__
    if isinstance(exc, aiohttp.ConnectionTimeoutError):  # no connection within `connect`
        return httpx.ConnectTimeout(message)
    if isinstance(exc, aiohttp.ClientConnectorError):  # refused, DNS, TLS handshake
        return httpx.ConnectError(message)
    if isinstance(exc, (aiohttp.ServerTimeoutError, asyncio.TimeoutError)):
        return httpx.ReadTimeout(message)
    if isinstance(exc, aiohttp.ClientPayloadError):
        return httpx.ReadError(message)
    return httpx.RemoteProtocolError(message)  # dropped after the request went out


def _client_timeout(timeout: httpx.Timeout) -> aiohttp.ClientTimeout:
    # aiohttp's `connect` covers waiting for a pooled connection and opening one, so it is
    # httpx's pool + connect; aiohttp has no write timeout (requests here are small).
    pool_and_connect = (
        None if timeout.connect is None or timeout.pool is None else timeout.connect + timeout.pool
    )
    return aiohttp.ClientTimeout(
        total=None, connect=pool_and_connect, sock_connect=timeout.connect, sock_read=timeout.read
    )


class AiohttpSender:
    """sessionhub's default: one aiohttp session (created lazily inside the event loop), TLS
    verified against certifi's roots, no redirects followed (credentials never go to another
    host), no hidden retries, at most MAX_CONNECTIONS connections."""

    def __init__(self) -> None:
        self.session: aiohttp.ClientSession | None = None
        self._ssl: ssl.SSLContext | None = None
        # The last timeout converted: nearly every call passes the client's own object.
        self._timeout: tuple[httpx.Timeout | None, aiohttp.ClientTimeout | None] = (None, None)
        self._closed = False

    def _session(self) -> aiohttp.ClientSession:
        if self._closed:
            raise httpx.ConnectError("the client was closed (aclose); create a new one")
        if self.session is None:
            connector = aiohttp.TCPConnector(limit=MAX_CONNECTIONS, ssl=self.ssl_context)
            self.session = aiohttp.ClientSession(
                connector=connector,
                headers={"User-Agent": USER_AGENT},
                # HTTP(S)_PROXY is honoured as httpx would, but looked up per request only
                # when one is set: the lookup is not free.
                trust_env=bool(urllib.request.getproxies()),
                skip_auto_headers=("Content-Type",),
            )
            # aiohttp silently re-sends an idempotent request once when a kept-alive
            # connection drops; sessionhub's retry loop owns that decision (bounded, logged,
            # backed off). Checked by tests/test_transport.py.
            self.session._retry_connection = False
        return self.session

    @property
    def ssl_context(self) -> ssl.SSLContext:
        """The TLS context connections use; built on first use (loading the CA roots takes
        milliseconds, which a client that is never used should not pay)."""
        if self._ssl is None:
            self._ssl = ssl.create_default_context(cafile=certifi.where())
        return self._ssl

    async def send(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        content: bytes | None,
        timeout: httpx.Timeout,
    ) -> AiohttpReply:
        last, client_timeout = self._timeout
        if last is not timeout or client_timeout is None:
            client_timeout = _client_timeout(timeout)
            self._timeout = (timeout, client_timeout)
        session = self._session()
        try:
            async with session.request(
                method,
                yarl.URL(url, encoded=True),  # already percent-encoded by the facade
                headers=headers,
                data=content,
                allow_redirects=False,
                timeout=client_timeout,
            ) as response:
                body = await response.read()
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise _remap(exc) from exc
        return AiohttpReply(
            response.status,
            response.reason or "",
            response.headers,
            body,
            (method, url, headers, content),
        )

    async def aclose(self) -> None:
        self._closed = True
        if self.session is not None:
            await self.session.close()


class HttpxSender:
    """The caller's `httpx.AsyncClient` (its transport, proxies, limits, default headers);
    never closed by sessionhub unless sessionhub created it."""

    def __init__(self, client: httpx.AsyncClient, *, owned: bool = False) -> None:
        self.client = client
        self.owned = owned

    async def send(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        content: bytes | None,
        timeout: httpx.Timeout,
    ) -> httpx.Response:
        request = self.client.build_request(
            method, url, headers=headers, content=content, timeout=timeout
        )
        response = await self.client.send(request, follow_redirects=False)
        # The body is read; swapping the spent stream for a plain one breaks the
        # Response <-> BoundAsyncStream reference cycle, so a page is freed as soon as it is
        # dropped, without waiting for the cyclic garbage collector.
        response.stream = httpx.ByteStream(response.content)
        return response

    async def aclose(self) -> None:
        if self.owned:
            await self.client.aclose()


def default_sender() -> Sender:
    """What a client sends with when no `http_client=` is given."""
    return AiohttpSender()
