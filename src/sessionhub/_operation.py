"""What the request loop needs to know about one API operation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ._exceptions import Vendor

__all__ = ["Operation"]


@dataclass(frozen=True, slots=True)
class Operation:
    """One vendor operation, e.g. Operation("twilio", "sessions.create", idempotent=False).

    `name` is the one string errors, logs, hooks, spans and the sandbox use.
    `idempotent` decides retries: an idempotent call is retried on any transport error and
    on 408/429/5xx; a non-idempotent one (create, update) only when the request provably
    never reached the server or the vendor documents the status as "not processed".
    `route` is the spec's path template (`/v1/Services/{ServiceSid}/Sessions/{Sid}`): what
    tracing reports instead of a path holding ids.
    """

    vendor: Vendor
    name: str
    idempotent: bool
    route: str = ""

    @classmethod
    def of(
        cls,
        vendor: Vendor,
        name: str,
        operations: Mapping[str, Mapping[str, Any]],
        operation_id: str,
        *,
        idempotent: bool,
    ) -> Operation:
        """The operation, its route taken from the generated constraints (the spec's)."""
        return cls(vendor, name, idempotent, str(operations[operation_id]["path"]))
