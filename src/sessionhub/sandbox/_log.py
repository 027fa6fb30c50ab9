"""The request log: what reached the sandbox, and what the sandbox did with it.

Retry and idempotency tests need to know more than what the client saw. "The client got a
response after two 503s" says nothing about how many sessions exist; "three creates arrived,
two were faulted before the handler, one ran and changed state" does. Every request gets
one `RecordedRequest`, filled in as it moves through the sandbox.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from ._constants import same_operation

__all__ = ["RecordedRequest", "RequestLog"]


@dataclass
class RecordedRequest:
    """One request as the sandbox saw it.

    `operation` is the operation's name as sessionhub's clients say it in errors and logs
    (`sessions.create`, `sessions.get`, ...), or None for a path or method no
    operation serves. `fault` is the fault applied, in the
    `X-Sandbox-Fault` syntax, or None. `handled` says whether the operation's handler ran
    (False when a fault answered first); `changed_state` whether that run created, changed
    or deleted something. `status` is the status sent, or None when no response was sent
    (a dropped connection).
    """

    vendor: str | None
    operation: str | None
    method: str
    path: str
    query: str
    at: float
    fault: str | None = None
    handled: bool = False
    changed_state: bool = False
    status: int | None = None


class RequestLog(Sequence[RecordedRequest]):
    """Every request the sandbox received, oldest first. A read-only sequence plus filters.

    creates = sandbox.requests.matching(vendor="twilio", operation="sessions.create")
    assert [r.handled for r in creates] == [False, False, True]
    """

    def __init__(self) -> None:
        self._records: list[RecordedRequest] = []

    def append(self, record: RecordedRequest) -> None:
        self._records.append(record)

    def clear(self) -> None:
        """Forget every recorded request."""
        self._records.clear()

    def matching(
        self,
        *,
        vendor: str | None = None,
        operation: str | None = None,
        method: str | None = None,
        handled: bool | None = None,
        faulted: bool | None = None,
        changed_state: bool | None = None,
    ) -> list[RecordedRequest]:
        """The records that match every criterion given (None means "any")."""
        return [
            r
            for r in self._records
            if (vendor is None or r.vendor == vendor)
            and (operation is None or same_operation(r.vendor, operation, r.operation))
            and (method is None or r.method == method.upper())
            and (handled is None or r.handled == handled)
            and (faulted is None or (r.fault is not None) == faulted)
            and (changed_state is None or r.changed_state == changed_state)
        ]

    @overload
    def __getitem__(self, index: int) -> RecordedRequest: ...
    @overload
    def __getitem__(self, index: slice) -> list[RecordedRequest]: ...
    def __getitem__(self, index: int | slice) -> RecordedRequest | list[RecordedRequest]:
        return self._records[index]

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[RecordedRequest]:
        return iter(list(self._records))

    def __repr__(self) -> str:
        return f"<RequestLog: {len(self._records)} requests>"
