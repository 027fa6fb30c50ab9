"""Per-app state shared by the four vendor APIs: the clock, creation order, ids, time formats.

Nothing here is global: two sandboxes in one process never see each other's sessions.
The clock is injectable so that expiry can be tested by moving time, not by sleeping.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import itertools
import math
import secrets
import string
import time
import uuid
from collections.abc import Callable

from ._errors import SandboxUsageError
from ._faults import Faults
from ._log import RequestLog

__all__ = ["LAST_MOMENT", "Clock", "ManualClock", "SandboxState"]

Clock = Callable[[], float]
"""Seconds since the Unix epoch, like `time.time`."""

LAST_MOMENT = dt.datetime(9999, 1, 1, tzinfo=dt.UTC).timestamp()


class ManualClock:
    """A clock that moves only when told to, for expiry tests without sleeping.

    clock = ManualClock()
    async with serve(clock=clock) as sandbox:
        ...                        # create a Sipher session with ttlSeconds=60
        clock.advance(61)          # now it is gone: 404 SESSION_NOT_FOUND
    """

    def __init__(self, start: float = 1_767_225_600.0) -> None:  # 2026-01-01T00:00:00Z
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move time forward by `seconds`."""
        if seconds < 0:
            raise SandboxUsageError("time only moves forward")
        self.now += seconds

    def __repr__(self) -> str:
        return f"ManualClock(now={self.now!r})"


class SandboxState:
    """What the vendor APIs of one sandbox share."""

    def __init__(
        self,
        *,
        clock: Clock | None = None,
        faults: Faults | None = None,
        requests: RequestLog | None = None,
    ) -> None:
        self.clock: Clock = clock or time.time
        self.faults = faults if faults is not None else Faults()
        self.requests = requests if requests is not None else RequestLog()
        self._offset = 0.0  # what advance() added to a clock that cannot move itself
        self._sequence = 0
        self._stopping: asyncio.Event | None = None

    def next_sequence(self) -> int:
        """A number that grows with every creation, in any vendor. Listings order by it and
        page cursors point after it, so a listing stays stable while sessions are added."""
        self._sequence += 1
        return self._sequence

    @property
    def sequence(self) -> int:
        """The last number next_sequence() gave (state export keeps it)."""
        return self._sequence

    @sequence.setter
    def sequence(self, value: int) -> None:
        self._sequence = value

    def now(self) -> float:
        return self.clock() + self._offset

    def advance(self, seconds: float) -> None:
        """Move the sandbox's time forward: a ManualClock moves itself, any other clock
        (the real one) gets an offset, so expiry and TTLs can be tested on a live server."""
        if not (seconds >= 0 and math.isfinite(seconds)):  # refuses NaN and infinity too
            raise SandboxUsageError(
                "time only moves forward: advance by a finite 0 or more seconds"
            )
        # Past year 9999 no timestamp can be written (datetime overflows), and every answer
        # that shows a date would be a 500 until the process restarts (reset keeps the clock).
        if self.now() + seconds >= LAST_MOMENT:
            raise SandboxUsageError(
                f"advancing by {seconds:g} s would move the clock past 9999-01-01, "
                "which no timestamp can show"
            )
        if isinstance(self.clock, ManualClock):
            self.clock.advance(seconds)
        else:
            self._offset += seconds

    def watch_stop(self, stopping: asyncio.Event) -> None:
        """Cut fault delays short once `stopping` is set (serve() sets it on exit), so a
        stopping server never waits out a `delay=` whose client has long given up."""
        self._stopping = stopping

    async def sleep(self, seconds: float) -> None:
        """A fault's delay, in real time: the point is to make clients time out."""
        if self._stopping is None:
            await asyncio.sleep(seconds)
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), seconds)


# ids, in each vendor's format


def hex_sid(prefix: str) -> str:
    """A Twilio SID: two letters and 32 hex digits."""
    return prefix + secrets.token_hex(16)


def sipher_session_id() -> str:
    """`sess_` and 64 lowercase hex digits."""
    return "sess_" + secrets.token_hex(32)


def uuid4() -> str:
    return str(uuid.uuid4())


_BASE36 = string.digits + string.ascii_lowercase
_cuid_counter = itertools.count()


def cuid(now: float) -> str:
    """A 25-character cuid-like id (`c`, time, counter, randomness), as Equos ids look."""
    stamp = _base36(int(now * 1000)).rjust(8, "0")[-8:]
    count = _base36(next(_cuid_counter) % 36**4).rjust(4, "0")
    rand = "".join(secrets.choice(_BASE36) for _ in range(12))
    return "c" + stamp + count + rand


def _base36(value: int) -> str:
    digits = []
    while True:
        value, digit = divmod(value, 36)
        digits.append(_BASE36[digit])
        if not value:
            return "".join(reversed(digits))


# timestamps, in each vendor's encoding


def iso_seconds(moment: float) -> str:
    """Twilio: `2024-05-01T17:02:11Z`."""
    stamp = dt.datetime.fromtimestamp(moment, dt.UTC).replace(tzinfo=None)
    return stamp.isoformat(timespec="seconds") + "Z"  # isoformat pads years below 1000


def iso_millis(moment: float) -> str:
    """Equos (a JavaScript Date): `2025-12-11T14:03:27.512Z`."""
    stamp = dt.datetime.fromtimestamp(moment, dt.UTC).replace(tzinfo=None)
    return stamp.isoformat(timespec="milliseconds") + "Z"


def epoch_millis(moment: float) -> int:
    """Sipher: Unix epoch milliseconds."""
    return int(moment * 1000)


def epoch_seconds(moment: float) -> int:
    """Trinsic: Unix epoch seconds."""
    return int(moment)
