"""sessionhub's default sender: one aiohttp session per client, imported on first use.

This module is the only one that imports aiohttp (and yarl, certifi). `_transport.
DeferredSender` imports it on a client's first request or at `async with client:`, not when
a client is built: importing aiohttp costs about as much as everything else a first client
needs together (about 100-150 ms on the benchmark machine, a third of it the two TLS
contexts that `aiohttp.connector` creates at import), which a process that builds clients
at start-up, or never calls one, should not pay up front.

Why aiohttp rather than httpx for the default, and how errors are mapped: see `_transport`.
"""

from __future__ import annotations

import asyncio
import ssl
import urllib.request

import aiohttp
import certifi
import httpx
import yarl

from ._redact import Redactor
from ._transport import (
    LARGE_BODY,
    MAX_CONNECTIONS,
    USER_AGENT,
    AttemptTimeout,
    Body,
    BodyTooLarge,
    Reply,
    SenderClosed,
    WrongLoop,
    is_identity,
    join_body,
    large_body,
)

__all__ = ["AiohttpSender"]


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


def _client_timeout(timeout: AttemptTimeout) -> aiohttp.ClientTimeout:
    # aiohttp's `connect` covers waiting for a pooled connection and opening one, so it is
    # httpx's pool + connect; aiohttp has no write timeout (requests here are small).
    # `total` runs from the start of the request until the body is read: the attempt's
    # end-to-end deadline.
    phases = timeout.phases
    pool_and_connect = (
        None if phases.connect is None or phases.pool is None else phases.connect + phases.pool
    )
    return aiohttp.ClientTimeout(
        total=timeout.seconds,
        connect=pool_and_connect,
        sock_connect=phases.connect,
        sock_read=phases.read,
    )


class AiohttpSender:
    """sessionhub's default: one aiohttp session (created lazily inside the event loop), TLS
    verified against certifi's roots, no redirects followed (credentials never go to another
    host), no hidden retries, at most MAX_CONNECTIONS connections, bodies of at most
    `max_response_size` bytes.

    The session is bound to the event loop of the first call: its pooled sockets belong to
    that loop. A call from another loop raises WrongLoop before anything is sent (a socket of
    a finished loop could otherwise still carry the request while the caller is told it
    failed)."""

    def __init__(self, redactor: Redactor, max_response_size: int) -> None:
        self.session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ssl: ssl.SSLContext | None = None
        self._redactor = redactor
        self._max = max_response_size
        # The last timeout converted: nearly every call passes the client's own object.
        self._timeout: tuple[AttemptTimeout | None, aiohttp.ClientTimeout | None] = (None, None)
        self._closed = False

    def _session(self) -> aiohttp.ClientSession:
        if self._closed:
            raise SenderClosed
        loop = asyncio.get_running_loop()
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
            self._loop = loop
        elif loop is not self._loop:
            raise WrongLoop
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
        timeout: AttemptTimeout,
    ) -> Reply:
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
                length = response.content_length
                if length is not None and is_identity(response.headers):
                    if length > self._max:
                        response.close()  # refused unread: the connection is not reused
                        raise BodyTooLarge(self._max)
                    body = (  # the common case, read whole: aiohttp stops at length
                        await response.read()
                        if length < LARGE_BODY
                        else await self._read_length(response, length)
                    )
                else:
                    body = await self._read_bounded(response)
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise _remap(exc) from None
        return Reply(
            response.status,
            response.reason or "",
            response.headers,
            body,
            (method, url, headers, content),
            self._redactor,
            response.raw_headers,
        )

    @staticmethod
    async def _read_length(response: aiohttp.ClientResponse, length: int) -> Body:
        # A large body (aiohttp stops at Content-Length, and raises if the connection closes
        # before it) is written straight into one map of its length as it arrives: no list of
        # chunks plus their joined copy, nothing left on the heap. Small ones are read whole
        # by the caller, without this frame.
        body = large_body(length)
        async for chunk in response.content.iter_any():
            if body.tell() + len(chunk) > length:  # pragma: no cover - aiohttp stops at length
                raise aiohttp.ClientPayloadError(f"more than the {length} bytes announced")
            body.write(chunk)
        if body.tell() != length:  # pragma: no cover - aiohttp raises ContentLengthError
            raise aiohttp.ClientPayloadError(f"the body ended at {body.tell()} of {length} bytes")
        return body

    async def _read_bounded(self, response: aiohttp.ClientResponse) -> Body:
        # aiohttp inflates a compressed body in bounded steps (its max_decompress_size), so
        # counting the inflated chunks bounds memory by the budget plus one step.
        limit = self._max
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.content.iter_any():
            size += len(chunk)
            if size > limit:
                response.close()  # the rest is never read: the connection is not reused
                raise BodyTooLarge(limit)
            chunks.append(chunk)
        return join_body(chunks, size)

    async def aclose(self) -> None:
        self._closed = True
        session, self.session = self.session, None
        if session is None:
            return
        loop = self._loop
        if loop is None or loop is asyncio.get_running_loop() or loop.is_closed():
            # On a finished loop aiohttp only marks the pool closed: its sockets belong to
            # that loop and can no longer be closed through it (they are freed with it).
            await session.close()
        elif loop.is_running():  # the pool's loop runs in another thread: close it there
            asyncio.run_coroutine_threadsafe(session.close(), loop)
        else:  # pragma: no cover - a loop that is neither running nor closed
            session.detach()
