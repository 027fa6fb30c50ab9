"""Hooks: user code called around each call and each attempt, on both senders.

A `Hook` subclass overrides any of four methods; the defaults do nothing. They run inside
the retry loop, so `before_attempt`/`after_attempt` see every attempt (4xx/5xx and
transport failures included), and `start_call`/`end_call` bracket the whole call (what a
tracing span covers: `sessionhub.otel` is one such hook). A hook that raises propagates:
hooks are the caller's code, and a broken one should be seen, not swallowed.

No hook ever sees a credential: `CallInfo` holds the vendor, operation, method, the
route template and the URL (base URLs cannot carry userinfo, and no vendor here puts a
secret in a query), never the request headers.

With no hooks configured the request loop checks one empty tuple per call: nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ._exceptions import Vendor

__all__ = ["AttemptResult", "CallInfo", "Hook"]


@dataclass(slots=True)
class CallInfo:
    """One API call, shared by its attempts. `state` is for hooks to keep things in
    (a span, a start time); `attempts` counts the attempts made so far and
    `retry_reasons` why each retry happened."""

    vendor: Vendor
    operation: str
    method: str
    route: str  # the spec's path template, without the base URL: no ids
    url: str  # the real URL of this call (ids included)
    server: str  # the base URL
    attempts: int = 0
    retry_reasons: list[str] = field(default_factory=list)
    state: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AttemptResult:
    """What one attempt got: a status (and the vendor's request id) or an error name."""

    attempt: int
    status_code: int | None
    request_id: str | None
    error: str | None  # the exception class name for a transport failure
    elapsed: float  # seconds
    retry_reason: str | None  # set when another attempt follows, saying why


class Hook:
    """Subclass and override what you need; pass instances as `hooks=[...]`."""

    def start_call(self, call: CallInfo) -> None:
        """Before the first attempt."""

    def before_attempt(self, call: CallInfo, attempt: int) -> None:
        """Just before attempt number `attempt` (1-based) is sent."""

    def after_attempt(self, call: CallInfo, result: AttemptResult) -> None:
        """After each attempt, whatever it got."""

    def end_call(
        self,
        call: CallInfo,
        status_code: int | None,
        request_id: str | None,
        error: BaseException | None,
    ) -> None:
        """After the call: its final status, or the sessionhub error it raises."""
