"""Raw responses on success: `client.sessions.with_raw_response.get(...)` returns a
`RawResponse` holding the status, headers, request id, elapsed time and attempt count of
the call, and the parsed model (`.parse()`), as in openai-python.

The request loop records the final reply in a context variable that only a
`with_raw_response` call sets: an ordinary call pays one `ContextVar.get()`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import TYPE_CHECKING, Generic, ParamSpec, TypeVar

import httpx

if TYPE_CHECKING:
    from ._transport import Reply

__all__ = ["CAPTURE", "Capture", "RawResponse", "to_raw"]

T = TypeVar("T")
P = ParamSpec("P")


class Capture:
    """Filled by the request loop with the call's final reply."""

    __slots__ = ("attempts", "elapsed", "reply")

    def __init__(self) -> None:
        self.reply: Reply | None = None
        self.elapsed = 0.0
        self.attempts = 0


CAPTURE: ContextVar[Capture | None] = ContextVar("sessionhub_raw_capture", default=None)


class RawResponse(Generic[T]):
    """A successful call's HTTP details and its parsed result.

    `status_code`, `headers` (case-insensitive), `request_id` (the vendor's request id
    header, or None), `elapsed` (the whole call, retries included), `retries_taken`,
    `content` (the body's bytes) and `parse()` (the model the plain method returns)."""

    __slots__ = (
        "_parsed",
        "content",
        "elapsed",
        "headers",
        "request_id",
        "retries_taken",
        "status_code",
    )

    def __init__(self, capture: Capture, parsed: T, request_id_header: str) -> None:
        reply = capture.reply
        assert reply is not None, "the request loop records every successful reply"
        self.status_code: int = reply.status_code
        self.headers: httpx.Headers = httpx.Headers(list(reply.headers.items()))
        self.request_id: str | None = self.headers.get(request_id_header)
        self.elapsed = dt.timedelta(seconds=capture.elapsed)
        self.retries_taken = capture.attempts - 1
        self.content: bytes = reply.content
        self._parsed = parsed

    def parse(self) -> T:
        """The parsed result, as the method without `with_raw_response` returns it."""
        return self._parsed

    def __repr__(self) -> str:
        return (
            f"RawResponse(status_code={self.status_code}, request_id={self.request_id!r}, "
            f"elapsed={self.elapsed.total_seconds():.3f}s, retries_taken={self.retries_taken})"
        )


def to_raw(
    method: Callable[P, Awaitable[T]], request_id_header: str
) -> Callable[P, Awaitable[RawResponse[T]]]:
    """`method` returning a RawResponse of its result instead of the result."""

    @functools.wraps(method)
    async def raw(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        capture = Capture()
        token = CAPTURE.set(capture)
        try:
            parsed = await method(*args, **kwargs)
        finally:
            CAPTURE.reset(token)
        return RawResponse(capture, parsed, request_id_header)

    return raw
