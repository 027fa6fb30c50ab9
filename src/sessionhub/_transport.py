"""How a built request reaches the network: sessionhub's own aiohttp sender by default, or
the caller's `httpx.AsyncClient` when one is passed as `http_client=`.

Why not httpx for the default: under concurrency httpcore's pool costs several times the
CPU of aiohttp's, and even on aiohttp's pool (httpx-aiohttp) building an `httpx.Request`
and `httpx.Response` per call (URL parsing and validation, header models, byte streams)
cost more than the whole aiohttp round trip (benchmarks/RESULTS.md, W1). So the default
sender hands the already-encoded URL, headers and body straight to aiohttp and returns a
small `Reply`; an `httpx.Response` is built only when an exception needs one.
The generated code is untouched: it still produces httpx-style request kwargs. The aiohttp
sender lives in `_aiohttp`, imported on a client's first request (`DeferredSender`).

Errors are raised as httpx exceptions, chosen truthfully from aiohttp's: only a failure to
open a connection is a connect error (the request was never sent, so even a create may be
retried); anything after is a read error or a protocol error. aiohttp's hidden one-shot
retry of idempotent requests is turned off, so `max_retries` means what it says.

Both senders bound every attempt end to end (`AttemptTimeout.seconds`: connect, send,
headers and the whole body) on top of httpx's per-phase limits, read bodies against a byte
budget (after decompression) and close the connection past it, refuse to send on a closed
client, and refuse to send from an event loop other than the one their pool belongs to:
all before anything reaches the network.
"""

from __future__ import annotations

import asyncio
import mmap
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import httpx

from ._redact import Redactor
from ._version import __version__

if TYPE_CHECKING:
    from ._aiohttp import AiohttpSender

__all__ = [
    "DEFAULT_MAX_RESPONSE_SIZE",
    "LARGE_BODY",
    "MAX_CONNECTIONS",
    "POPULATE_MAX",
    "USER_AGENT",
    "AiohttpReply",
    "AttemptTimeout",
    "Body",
    "BodyTooLarge",
    "DeferredSender",
    "HttpxSender",
    "Reply",
    "Sender",
    "SenderClosed",
    "WrongLoop",
    "default_sender",
    "is_identity",
    "join_body",
    "large_body",
    "request_of",
]

MAX_CONNECTIONS = 100
USER_AGENT = f"sessionhub/{__version__}"
# The largest legitimate body of these APIs is a page of about 1 MB: 8 MiB leaves room
# while bounding what a hostile or broken server can make the process hold.
DEFAULT_MAX_RESPONSE_SIZE = 8 * 1024 * 1024

# The wire form of the body: these headers are dropped from the httpx.Response that an
# exception carries, whose content is already decompressed.
_WIRE_HEADERS = frozenset({b"content-encoding", b"content-length", b"transfer-encoding"})

_EMPTY = httpx.ByteStream(b"")

RequestTuple = tuple[str, str, Mapping[str, str], bytes | None]

# A body of at least LARGE_BODY bytes (a page of a listing) is kept in an anonymous memory
# map instead of a `bytes`. glibc serves a block of the size it last freed from its brk heap
# (its mmap threshold grows with each large free), so page bodies would land in the heap
# between long-lived small blocks and the heap could not shrink back between pages: peak RSS
# crept up over a long listing (benchmarks/README.md, "where memory goes"). A map goes back
# to the kernel as soon as its last reference (the Reply, or a parser's slice) is gone.
# msgspec parses any buffer, so no `bytes` copy is made on the way to the models.
LARGE_BODY = 64 * 1024
Body = bytes | mmap.mmap
# Linux: the map's pages are allocated (zeroed) in the mmap call itself, not by one page
# fault per 4 KiB as the body is written. A fresh map is dearer than reused heap memory
# (a micro-benchmark of a 0.9 MB page: map, write, unmap 0.8 ms, 0.4 ms populated, against
# 0.015 ms for the join it replaces): populated, W2's CPU per item stayed within the noise.
# Only up to POPULATE_MAX: a populated map is resident before the server has sent a byte of
# what its Content-Length announced, and a lying server should not make every connection
# commit its whole budget for free. A legitimate page is about 1 MB.
_POPULATE = getattr(mmap, "MAP_POPULATE", 0)
POPULATE_MAX = 2 * 1024 * 1024


def large_body(size: int) -> mmap.mmap:
    """An empty anonymous map of `size` bytes (>= 1) for a body to be written into."""
    if _POPULATE and size <= POPULATE_MAX:
        return mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS | _POPULATE)
    return mmap.mmap(-1, size)  # faulted in as it is written (and on macOS, Windows)


def join_body(chunks: list[bytes], size: int) -> Body:
    """The body read as `chunks` (`size` bytes in all), the list emptied as it is copied."""
    if size < LARGE_BODY:
        body = b"".join(chunks)
        chunks.clear()
        return body
    buffer = large_body(size)
    chunks.reverse()
    while chunks:  # each chunk is freed as soon as it is copied
        buffer.write(chunks.pop())
    return buffer


@dataclass(frozen=True, slots=True)
class AttemptTimeout:
    """What bounds one attempt: httpx's per-phase limits and an end-to-end deadline in
    seconds (connect + send + headers + the whole body). Built, and validated, by
    `_client.resolve_timeout`."""

    phases: httpx.Timeout
    seconds: float


class SenderClosed(Exception):
    """The sender (or the caller's httpx client) is closed; nothing was sent."""


class WrongLoop(Exception):
    """The sender's pool belongs to another event loop; nothing was sent."""


class BodyTooLarge(Exception):
    """The body exceeded the byte budget; the connection was closed."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the response body exceeded {limit} bytes")
        self.limit = limit


class Sender(Protocol):
    async def send(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        content: bytes | None,
        timeout: AttemptTimeout,
    ) -> Reply:
        """One attempt. Raises an httpx.TransportError on a network failure, SenderClosed,
        WrongLoop (both before sending) or BodyTooLarge."""

    async def aclose(self) -> None: ...


def request_of(
    method: str, url: str, headers: Mapping[str, str], content: bytes | None, redactor: Redactor
) -> httpx.Request:
    """The httpx.Request an exception carries (built only on an error path), its credential
    headers redacted."""
    return httpx.Request(
        method,
        url,
        headers=[(k, redactor.header(k, v)) for k, v in headers.items()],
        content=content,
    )


def _header_bytes(headers: Mapping[str, str]) -> list[tuple[bytes, bytes]]:
    # aiohttp decodes header bytes as UTF-8 with surrogateescape: this gives the bytes back.
    return [
        (k.encode("utf-8", "surrogateescape"), v.encode("utf-8", "surrogateescape"))
        for k, v in headers.items()
    ]


class Reply:
    """A fully read response, from either sender: status, headers and body, nothing open.

    `body` is what the parser reads: `bytes`, or for a large body an anonymous memory map
    (see LARGE_BODY); `content` is always `bytes` (a copy of a map, made only when asked).
    `to_httpx()` builds the `httpx.Response` an exception exposes, scrubbed of the client's
    credentials (body and headers) with a redacted request; it is built only on error paths.
    """

    __slots__ = (
        "_raw",
        "_redactor",
        "_request",
        "body",
        "headers",
        "reason_phrase",
        "status_code",
    )

    def __init__(
        self,
        status_code: int,
        reason_phrase: str,
        headers: Mapping[str, str],
        content: Body,
        request: RequestTuple,
        redactor: Redactor,
        raw: Sequence[tuple[bytes, bytes]] | None = None,
    ) -> None:
        self.status_code = status_code
        self.reason_phrase = reason_phrase
        self.headers = headers  # case-insensitive
        self.body = content
        self._request = request
        self._redactor = redactor
        self._raw = raw

    @property
    def content(self) -> bytes:
        """The body as `bytes`."""
        body = self.body
        return body if isinstance(body, bytes) else body[:]

    def to_httpx(self) -> httpx.Response:
        redactor = self._redactor
        raw = self._raw if self._raw is not None else _header_bytes(self.headers)
        headers = [
            (k, redactor.header_bytes(k, v)) for k, v in raw if k.lower() not in _WIRE_HEADERS
        ]
        return httpx.Response(
            self.status_code,
            headers=headers,
            content=redactor.data(self.content),
            request=request_of(*self._request, redactor),
            extensions={
                "reason_phrase": redactor.text(self.reason_phrase).encode("ascii", "replace")
            },
        )


AiohttpReply = Reply  # the name the default sender's replies had before both senders shared it


def is_identity(headers: Mapping[str, str]) -> bool:
    """Whether the body arrives as it is (no Content-Encoding to inflate)."""
    encoding = headers.get("Content-Encoding")
    return encoding is None or encoding.strip().lower() in ("", "identity")


class HttpxSender:
    """The caller's `httpx.AsyncClient` (its transport, proxies, limits, default headers);
    never closed by sessionhub unless sessionhub created it.

    Each attempt runs under an asyncio deadline (`AttemptTimeout.seconds`) that covers
    connecting, sending and reading the whole body, which is streamed against the byte
    budget."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        redactor: Redactor,
        max_response_size: int,
        *,
        owned: bool = False,
    ) -> None:
        self.client = client
        self.owned = owned
        self._redactor = redactor
        self._max = max_response_size
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closed = False

    async def send(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        content: bytes | None,
        timeout: AttemptTimeout,
    ) -> Reply:
        if self._closed or self.client.is_closed:
            raise SenderClosed
        loop = asyncio.get_running_loop()
        if self._loop is None:
            self._loop = loop
        elif loop is not self._loop:
            raise WrongLoop
        request = self.client.build_request(
            method, url, headers=headers, content=content, timeout=timeout.phases
        )
        try:
            async with asyncio.timeout(timeout.seconds):
                response = await self.client.send(request, follow_redirects=False, stream=True)
                try:
                    body = await self._read_bounded(response)
                finally:
                    await response.aclose()
                    # Breaks the Response <-> BoundAsyncStream reference cycle, so what the
                    # stream holds is freed at once, without waiting for the cyclic GC.
                    response.stream = _EMPTY
        except TimeoutError:
            raise httpx.ReadTimeout(
                f"the attempt took longer than {timeout.seconds:g}s end to end"
            ) from None
        except RuntimeError:
            if self.client.is_closed:  # closed by the caller while this call was starting
                raise SenderClosed from None
            raise
        return Reply(
            response.status_code,
            response.reason_phrase,
            response.headers,
            body,
            (method, url, headers, content),
            self._redactor,
            response.headers.raw,
        )

    async def _read_bounded(self, response: httpx.Response) -> Body:
        limit = self._max
        length = response.headers.get("content-length")
        if (
            length is not None
            and length.isdigit()
            and int(length) > limit
            and is_identity(response.headers)
        ):
            raise BodyTooLarge(limit)  # refused before reading a byte of it
        encoding = response.headers.get("content-encoding", "").strip().lower()
        if encoding in _ZLIB_WBITS:
            return await _inflate_bounded(response, _ZLIB_WBITS[encoding], limit)
        # identity, or an encoding only httpx's decoders know (br, zstd, a list): httpx
        # inflates each network read at once, then the budget is checked
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > limit:
                raise BodyTooLarge(limit)  # the caller's `aclose` drops the connection
            chunks.append(chunk)
        return join_body(chunks, size)

    async def aclose(self) -> None:
        self._closed = True
        if self.owned:
            await self.client.aclose()


# zlib's window bits per Content-Encoding: gzip framing, or zlib framing for deflate (a raw
# deflate stream, which some servers send instead, is tried when that fails, as httpx does)
_ZLIB_WBITS = {
    "gzip": 16 + zlib.MAX_WBITS,
    "x-gzip": 16 + zlib.MAX_WBITS,
    "deflate": zlib.MAX_WBITS,
}
_INFLATE_STEP = 65536


async def _inflate_bounded(response: httpx.Response, wbits: int, limit: int) -> Body:
    """The body inflated at most `_INFLATE_STEP` bytes at a time against `limit`.

    httpx's own decoders inflate each network read whole: a 64 KiB read of a gzip bomb
    becomes 64 MiB before anything can count it."""
    inflater = zlib.decompressobj(wbits)
    first = True
    chunks: list[bytes] = []
    size = 0
    async for raw in response.aiter_raw():
        data = raw
        while data:
            try:
                out = inflater.decompress(data, _INFLATE_STEP)
            except zlib.error as exc:
                if first and wbits == zlib.MAX_WBITS:  # raw deflate after all
                    inflater, wbits = zlib.decompressobj(-zlib.MAX_WBITS), -zlib.MAX_WBITS
                    continue
                raise httpx.DecodingError(
                    f"invalid {response.headers['content-encoding']} body: {exc}"
                ) from None
            first = False
            size += len(out)
            if size > limit:
                raise BodyTooLarge(limit)
            chunks.append(out)
            data = inflater.unconsumed_tail
            if inflater.eof:
                break  # trailing bytes after the stream end are ignored, as httpx does
    try:
        tail = inflater.flush()
    except zlib.error as exc:
        raise httpx.DecodingError(f"truncated compressed body: {exc}") from None
    if size + len(tail) > limit:
        raise BodyTooLarge(limit)
    chunks.append(tail)
    return join_body(chunks, size + len(tail))


class DeferredSender:
    """The default sender before its first request: `_aiohttp.AiohttpSender`, built (and
    aiohttp imported) by `open()`, which the client calls on its first attempt or at
    `async with`. Clients that share this object (`with_options` copies) share the one
    AiohttpSender it opens."""

    __slots__ = ("_closed", "_max", "_redactor", "_sender")

    def __init__(self, redactor: Redactor, max_response_size: int) -> None:
        self._redactor = redactor
        self._max = max_response_size
        self._sender: AiohttpSender | None = None
        self._closed = False

    @property
    def closed(self) -> bool:
        return self._closed

    def open(self) -> AiohttpSender:
        """The aiohttp sender, built on first use; SenderClosed once closed unopened."""
        sender = self._sender
        if sender is None:
            if self._closed:
                raise SenderClosed
            from ._aiohttp import AiohttpSender  # noqa: PLC0415 - deferred on purpose

            sender = self._sender = AiohttpSender(self._redactor, self._max)
        return sender

    async def send(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        content: bytes | None,
        timeout: AttemptTimeout,
    ) -> Reply:
        return await self.open().send(method, url, headers, content, timeout)

    async def aclose(self) -> None:
        self._closed = True
        if self._sender is not None:
            await self._sender.aclose()


def default_sender(redactor: Redactor, max_response_size: int) -> DeferredSender:
    """What a client sends with when no `http_client=` is given."""
    return DeferredSender(redactor, max_response_size)
