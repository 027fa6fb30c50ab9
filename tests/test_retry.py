"""The retry policy's pure functions (src/sessionhub/_retry.py)."""

from __future__ import annotations

import random

import pytest

from sessionhub._retry import (
    INITIAL_RETRY_DELAY,
    MAX_RETRY_AFTER,
    MAX_RETRY_DELAY,
    parse_retry_after,
    retry_delay,
    retry_reason_for_status,
)

NOW = 1_700_000_000.0  # 2023-11-14T22:13:20Z


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("3", 3.0),
        ("0", 0.0),
        (" 1.5 ", 1.5),
        ("Tue, 14 Nov 2023 22:13:50 GMT", 30.0),
        ("Tue, 14 Nov 2023 22:13:00 GMT", 0.0),  # a date in the past means "now"
        ("-1", None),
        ("inf", None),
        ("nan", None),
        ("soon", None),
        ("", None),
        (None, None),
        ("Tue, 14 Nov 100000 22:13:50 GMT", None),
    ],
)
def test_parse_retry_after(header: str | None, expected: float | None) -> None:
    assert parse_retry_after(header, now=NOW) == expected


def test_retry_delay_honours_retry_after_within_cap() -> None:
    assert retry_delay(1, 7.0) == 7.0
    assert retry_delay(3, 0.0) == 0.0


def test_retry_delay_ignores_retry_after_above_cap() -> None:
    delay = retry_delay(1, MAX_RETRY_AFTER + 1, rng=random.Random(1))
    assert INITIAL_RETRY_DELAY * 0.75 <= delay <= INITIAL_RETRY_DELAY


@pytest.mark.parametrize("attempt", [1, 2, 3, 4, 10, 50])
def test_retry_delay_backs_off_exponentially_with_jitter_and_cap(attempt: int) -> None:
    base = min(INITIAL_RETRY_DELAY * 2 ** (attempt - 1), MAX_RETRY_DELAY)
    for seed in range(20):
        delay = retry_delay(attempt, None, rng=random.Random(seed))
        assert base * 0.75 <= delay <= base


@pytest.mark.parametrize("status", [408, 429, 500, 501, 502, 503, 504, 520, 599])
def test_idempotent_calls_retry_transient_statuses(status: int) -> None:
    assert retry_reason_for_status(status, idempotent=True) is not None


@pytest.mark.parametrize("status", [200, 301, 400, 401, 403, 404, 409, 418, 422, 499, 600])
def test_other_statuses_are_never_retried(status: int) -> None:
    assert retry_reason_for_status(status, idempotent=True) is None


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504, 520])
def test_non_idempotent_calls_are_not_retried_on_status(status: int) -> None:
    assert retry_reason_for_status(status, idempotent=False) is None


def test_non_idempotent_calls_retry_documented_not_processed_statuses() -> None:
    reason = retry_reason_for_status(429, idempotent=False, safe_statuses=frozenset({429}))
    assert reason is not None and "not processed" in reason
    assert retry_reason_for_status(503, idempotent=False, safe_statuses=frozenset({429})) is None


def test_retry_delay_honours_the_clients_cap() -> None:
    assert retry_delay(1, 5.0, max_retry_after=5.0) == 5.0
    # above the cap the client raises without calling this; alone it falls back to backoff
    assert retry_delay(1, 5.0, rng=random.Random(1), max_retry_after=4.0) <= INITIAL_RETRY_DELAY
