"""Retry policy as small pure functions (after openai-python's `_base_client`).

Whether to retry depends on what failed and on whether sending the request again is safe:
reads and deletes are idempotent; a create or update is retried only when the request
provably never reached the server, or when the vendor documents that a status means
"not processed" (Twilio's 429, error 20429).
"""

from __future__ import annotations

import email.utils
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

__all__ = [
    "INITIAL_RETRY_DELAY",
    "MAX_RETRY_AFTER",
    "MAX_RETRY_DELAY",
    "RETRYABLE_STATUSES",
    "RetryDecision",
    "RetryPolicy",
    "parse_retry_after",
    "retry_delay",
    "retry_reason_for_status",
]

INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
# A Retry-After above this is not waited for: the error is raised at once with
# `retry_after` set, so the caller decides (a service should not hang a minute inside one
# call). The default of the clients' `max_retry_after=` option.
MAX_RETRY_AFTER = 60.0

# Besides these, every 5xx is retryable (as in openai-python): a gateway's 520-599 says as
# little about whether the request was processed as a 502 does.
RETRYABLE_STATUSES = frozenset({408, 429})


@dataclass(frozen=True, slots=True)
class RetryDecision:
    """What a `retry_policy=` callable is asked about a failed attempt.

    `default` is sessionhub's own answer and `reason` its explanation (None when the
    default is not to retry). Return True to retry, False not to, None to keep the default.
    Retries stay within `max_retries` and `total_timeout` whatever the policy says; a
    `Retry-After` over `max_retry_after` is never waited for.
    """

    vendor: str
    operation: str
    attempt: int  # the attempt that just failed, 1-based
    idempotent: bool
    status_code: int | None  # None for a transport failure
    error: str | None  # the transport exception's class name, e.g. "ConnectError"
    may_have_been_processed: bool
    default: bool
    reason: str | None


RetryPolicy = Callable[[RetryDecision], "bool | None"]


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date.

    Returns None for a missing, negative, non-finite or unparsable value.
    See https://developer.mozilla.org/docs/Web/HTTP/Headers/Retry-After
    """
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if parsed.tzinfo is None:  # RFC 9110 dates are GMT
            return None
        seconds = parsed.timestamp() - (time.time() if now is None else now)
        seconds = max(seconds, 0.0)
    if not math.isfinite(seconds) or seconds < 0:
        return None
    return seconds


def retry_delay(
    attempt: int,
    retry_after: float | None,
    *,
    rng: random.Random | None = None,
    max_retry_after: float = MAX_RETRY_AFTER,
) -> float:
    """Seconds to sleep before retry number `attempt` (1-based).

    The vendor's Retry-After wins when it is given and at most `max_retry_after` (the
    client raises at once, without calling this, when it is larger). Otherwise
    exponential backoff from INITIAL_RETRY_DELAY, capped at MAX_RETRY_DELAY, with up to
    25 % negative jitter so that many clients do not retry in lockstep.
    """
    if retry_after is not None and 0 <= retry_after <= max_retry_after:
        return retry_after
    base = min(INITIAL_RETRY_DELAY * 2.0 ** (attempt - 1), MAX_RETRY_DELAY)
    jitter: float = (rng.random() if rng is not None else random.random()) * 0.25
    return base * (1 - jitter)


def retry_reason_for_status(
    status: int,
    *,
    idempotent: bool,
    safe_statuses: frozenset[int] = frozenset(),
) -> str | None:
    """Why a response with this status should be retried, or None when it should not.

    `safe_statuses` are statuses the vendor documents as "not processed", so retrying is
    safe even for a create or update.
    """
    if status not in RETRYABLE_STATUSES and not 500 <= status <= 599:
        return None
    if idempotent:
        return f"HTTP {status} on an idempotent call"
    if status in safe_statuses:
        return f"HTTP {status}, which the vendor documents as not processed"
    return None
