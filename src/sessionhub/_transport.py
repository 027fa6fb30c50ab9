"""The default httpx client sessionhub builds when the caller does not pass `http_client=`.

Under concurrency httpcore's connection pool costs several times the CPU of aiohttp's
(../shared/reference/performance.md; benchmarks/RESULTS.md), so the default client keeps
the httpx API that the generated code needs, on httpx-aiohttp's transport.

httpx-aiohttp 0.2 maps every `aiohttp.ClientConnectionError` to `httpx.ConnectTimeout`,
including a server that drops the connection after reading the request. sessionhub reads
ConnectTimeout as "the request never reached the server" and may then resend a create, so
`_SafeAiohttpTransport` re-maps from the original aiohttp exception: only a failure to
connect is a connect error; anything after is a read error. aiohttp's own hidden retry is
also turned off, so that `max_retries` means what it says.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport

__all__ = ["DEFAULT_LIMITS", "default_http_client"]

DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)


def _remap(exc: BaseException) -> httpx.TransportError:
    """The httpx exception that says truthfully whether the request may have been sent."""
    cause = exc.__cause__ if isinstance(exc, httpx.HTTPError) and exc.__cause__ else exc
    message = str(cause) or type(cause).__name__
    if isinstance(cause, aiohttp.ConnectionTimeoutError):
        return httpx.ConnectTimeout(message)
    if isinstance(cause, aiohttp.ClientConnectorError):  # refused, DNS, TLS handshake
        return httpx.ConnectError(message)
    if isinstance(cause, (aiohttp.ServerTimeoutError, asyncio.TimeoutError)):
        return httpx.ReadTimeout(message)
    if isinstance(cause, aiohttp.ClientPayloadError):
        return httpx.ReadError(message)
    if isinstance(exc, httpx.TransportError) and not isinstance(exc, httpx.ConnectTimeout):
        return exc
    return httpx.RemoteProtocolError(message)  # dropped after the request went out


class _SafeStream(httpx.AsyncByteStream):
    def __init__(self, stream: httpx.AsyncByteStream) -> None:
        self._stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._stream:
                yield chunk
        except (TimeoutError, httpx.TransportError, aiohttp.ClientError) as exc:
            raise _remap(exc) from exc

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        except (TimeoutError, httpx.TransportError, aiohttp.ClientError) as exc:
            raise _remap(exc) from exc


class _SafeAiohttpTransport(AiohttpTransport):
    def get_client(self) -> aiohttp.ClientSession:
        session = super().get_client()
        # aiohttp silently re-sends an idempotent request once when a connection drops;
        # sessionhub's retry loop owns that decision (bounded, logged, backed off), so the
        # hidden retry is turned off. Checked by tests/test_transport.py.
        session._retry_connection = False
        return session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            response = await super().handle_async_request(request)
        except (TimeoutError, httpx.TransportError, aiohttp.ClientError) as exc:
            raise _remap(exc) from exc
        assert isinstance(response.stream, httpx.AsyncByteStream)
        response.stream = _SafeStream(response.stream)
        return response


def default_http_client() -> httpx.AsyncClient:
    """TLS verification on, no redirects followed (credentials never go to another host)."""
    return httpx.AsyncClient(
        transport=_SafeAiohttpTransport(limits=DEFAULT_LIMITS, verify=True),
        follow_redirects=False,
    )
