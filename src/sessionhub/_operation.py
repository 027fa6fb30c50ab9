"""What the request loop needs to know about one API operation."""

from __future__ import annotations

from dataclasses import dataclass

from ._exceptions import Vendor

__all__ = ["Operation"]


@dataclass(frozen=True, slots=True)
class Operation:
    """One vendor operation, e.g. Operation("twilio", "sessions.create", idempotent=False).

    `idempotent` decides retries: an idempotent call is retried on any transport error and
    on 408/429/5xx; a non-idempotent one (create, update) only when the request provably
    never reached the server or the vendor documents the status as "not processed".
    """

    vendor: Vendor
    name: str
    idempotent: bool
