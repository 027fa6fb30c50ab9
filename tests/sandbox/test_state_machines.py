"""Hypothesis state machines, one per vendor: random sequences of create / get / update /
cancel / stop / delete / list (random page sizes, limits, orders; ids that exist and ids
that don't) and clock moves, driven through sessionhub's public clients against the
sandbox, each answer compared with a small reference model of that vendor's documented
semantics. Every answer is also validated against the vendor's published schema
(tests/sandbox/_vendor_schemas.py) where there is one.

`make test` runs a bounded, derandomized number of examples; `make fuzz`
(SESSIONHUB_FUZZ=full) runs many more, randomized.

The sandbox is one `serve_in_thread()` for the module, reset before each example; each
example drives it from its own event loop.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import uuid
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    rule,
    run_state_machine_as_test,
)

from sessionhub import BadRequestError, Equos, NotFoundError, Sipher, TrinsicConnect, TwilioProxy
from sessionhub.sandbox import TWILIO_SERVICE_SID, ManualClock, Sandbox, serve_in_thread
from tests.sandbox._vendor_schemas import Recorder, VendorSchemas

FULL = os.environ.get("SESSIONHUB_FUZZ") == "full"
SETTINGS = settings(
    max_examples=400 if FULL else 30,
    stateful_step_count=60 if FULL else 30,
    deadline=None,
    derandomize=not FULL,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    database=None,
)
SCHEMAS = VendorSchemas()
CLOCK_STEPS = st.sampled_from([0, 1, 30, 59, 60, 61, 600, 3601])
T = TypeVar("T")

_SANDBOX: Sandbox | None = None


@pytest.fixture(scope="module", autouse=True)
def sandbox() -> Iterator[Sandbox]:
    global _SANDBOX  # noqa: PLW0603  (the machines are built by hypothesis, without arguments)
    with serve_in_thread(clock=ManualClock()) as running:
        _SANDBOX = running
        yield running
        _SANDBOX = None


class VendorMachine(RuleBasedStateMachine):
    """What the four machines share: a reset sandbox, an event loop, a client whose every
    answer is recorded and checked against the vendor's schema."""

    vendor = ""

    def __init__(self) -> None:
        super().__init__()
        assert _SANDBOX is not None
        self.sandbox = _SANDBOX
        self.sandbox.reset()
        self.loop = asyncio.new_event_loop()
        bases = {self.sandbox.base_url(v): v for v in ("twilio", "trinsic", "sipher", "equos")}
        self.recorder = Recorder(bases)
        self.http = self.recorder.client()
        self.client: Any = self.make_client()

    def make_client(self) -> Any:
        raise NotImplementedError

    def run(self, call: Coroutine[Any, Any, T]) -> T:
        return self.loop.run_until_complete(call)

    def now(self) -> float:
        return self.sandbox.now()

    @invariant()
    def every_answer_matches_the_vendors_schema(self) -> None:
        self.recorder.check_all(SCHEMAS)

    def teardown(self) -> None:
        try:
            self.run(self.client.aclose())
            self.run(self.http.aclose())
        finally:
            self.loop.close()


# Twilio Proxy


@dataclass
class TwilioModel:
    sid: str
    unique_name: str | None
    status: str
    ttl: int
    ttl_since: float
    closed_reason: str | None = None


TWILIO_TRANSITIONS = {("open", "closed"), ("in-progress", "closed"), ("closed", "in-progress")}


class TwilioMachine(VendorMachine):
    """Twilio Proxy: unique names per service; open / in-progress close, closed re-opens
    (80608 otherwise); a closed session takes no other change (80607); Ttl closes a live
    session as `expired`; delete is final; lists in creation order."""

    sessions = Bundle("twilio_sessions")

    def make_client(self) -> TwilioProxy:
        return TwilioProxy(**self.sandbox.settings("twilio"), http_client=self.http)

    def __init__(self) -> None:
        super().__init__()
        self.model: dict[str, TwilioModel] = {}  # creation order

    def expire(self) -> None:
        for s in self.model.values():
            live = s.status in ("open", "in-progress") and s.ttl > 0
            if live and self.now() >= s.ttl_since + s.ttl:
                s.status, s.closed_reason = "closed", "expired"

    def check(self, got: Any, want: TwilioModel) -> None:
        assert got.sid == want.sid
        assert (got.unique_name, str(got.status), got.ttl) == (
            want.unique_name,
            want.status,
            want.ttl,
        )
        if want.closed_reason is not None:
            assert got.closed_reason == want.closed_reason

    @rule(
        target=sessions,
        unique_name=st.none() | st.sampled_from(["a", "b", "c"]),
        ttl=st.none() | st.sampled_from([0, 60, 3600]),
        status=st.none() | st.sampled_from(["open", "in-progress"]),
    )
    def create(self, unique_name: str | None, ttl: int | None, status: str | None) -> str:
        self.expire()
        call = self.client.sessions.create(
            TWILIO_SERVICE_SID, unique_name=unique_name, ttl=ttl, status=status
        )
        if unique_name is not None and any(
            s.unique_name == unique_name for s in self.model.values()
        ):
            try:
                self.run(call)
            except BadRequestError:
                return f"KC{secrets.token_hex(16)}"  # an id that does not exist
            raise AssertionError("a duplicate UniqueName was accepted")
        got = self.run(call)
        want = TwilioModel(got.sid, unique_name, status or "open", ttl or 0, self.now())
        self.check(got, want)
        self.model[got.sid] = want
        return str(got.sid)

    @rule(sid=sessions, by_name=st.booleans())
    def fetch(self, sid: str, by_name: bool) -> None:
        self.expire()
        want = self.model.get(sid)
        key = want.unique_name if by_name and want is not None and want.unique_name else sid
        if want is None:
            try:
                self.run(self.client.sessions.fetch(TWILIO_SERVICE_SID, key))
            except NotFoundError as exc:
                assert exc.code == 20404
                return
            raise AssertionError("a missing session was fetched")
        self.check(self.run(self.client.sessions.fetch(TWILIO_SERVICE_SID, key)), want)

    @rule(
        sid=sessions,
        status=st.none() | st.sampled_from(["open", "in-progress", "closed"]),
        ttl=st.none() | st.sampled_from([0, 60, 3600]),
    )
    def update(self, sid: str, status: str | None, ttl: int | None) -> None:
        self.expire()
        call = self.client.sessions.update(TWILIO_SERVICE_SID, sid, status=status, ttl=ttl)
        want = self.model.get(sid)
        if want is None:
            with pytest.raises(NotFoundError):
                self.run(call)
            return
        code = None
        if status is not None and status != want.status:
            if (want.status, status) not in TWILIO_TRANSITIONS:
                code = 80608
        elif want.status == "closed" and (status, ttl) != (None, None):
            code = 80607
        if code is not None:
            with pytest.raises(BadRequestError) as error:
                self.run(call)
            assert error.value.code == code
            return
        got = self.run(call)
        if ttl is not None:
            want.ttl, want.ttl_since = ttl, self.now()
        if status == "closed" and want.status != "closed":
            want.status, want.closed_reason = "closed", ""
        elif status == "in-progress" and want.status == "closed":
            want.status, want.closed_reason, want.ttl_since = "in-progress", None, self.now()
        self.check(got, want)

    @rule(sid=sessions)
    def delete(self, sid: str) -> None:
        self.expire()
        if self.model.pop(sid, None) is None:
            with pytest.raises(NotFoundError):
                self.run(self.client.sessions.delete(TWILIO_SERVICE_SID, sid))
            return
        self.run(self.client.sessions.delete(TWILIO_SERVICE_SID, sid))

    @rule(
        page_size=st.none() | st.integers(1, 4),
        limit=st.none() | st.integers(0, 6),
    )
    def list(self, page_size: int | None, limit: int | None) -> None:
        self.expire()

        async def collect() -> list[Any]:
            paginator = self.client.sessions.list(
                TWILIO_SERVICE_SID, page_size=page_size, limit=limit
            )
            return [s async for s in paginator]

        got = self.run(collect())
        want = list(self.model.values())[: limit if limit is not None else None]
        assert [s.sid for s in got] == [s.sid for s in want]
        for g, w in zip(got, want, strict=True):
            self.check(g, w)

    @rule(seconds=CLOCK_STEPS)
    def advance(self, seconds: int) -> None:
        self.sandbox.advance(seconds)


# Trinsic Connect


TRINSIC_STATES = (
    "IdvCreated",
    "IdvInitiated",
    "IdvAuthenticating",
    "IdvInProgress",
    "IdvSuccess",
    "IdvFailed",
)


@dataclass
class TrinsicModel:
    id: str
    sequence: int
    created: int
    updated: int
    verifications: int
    state: str = "IdvCreated"
    fail_code: str = "SessionFailNone"


class TrinsicMachine(VendorMachine):
    """Trinsic Connect: a new session is IdvCreated; cancel ends a live one as IdvFailed +
    SessionFailRpcCanceled and leaves an ended one as it is; list pages of 1..10 ordered
    by Created, Updated or State (then creation), either direction; unknown ids 404."""

    sessions = Bundle("trinsic_sessions")

    def make_client(self) -> TrinsicConnect:
        return TrinsicConnect(**self.sandbox.settings("trinsic"), http_client=self.http)

    def __init__(self) -> None:
        super().__init__()
        self.model: dict[str, TrinsicModel] = {}
        self.sequence = 0

    def check(self, got: Any, want: TrinsicModel) -> None:
        assert (got.id, str(got.state), str(got.fail_code)) == (want.id, want.state, want.fail_code)
        assert (got.created, got.updated) == (want.created, want.updated)
        verifications = got.verifications.additional_properties
        assert len(verifications) == want.verifications
        for verification in verifications.values():
            assert verification.government_id_options is not None  # issue 14

    @rule(
        target=sessions,
        verifications=st.lists(
            st.fixed_dictionaries(
                {"type": st.just("GovernmentId")},
                optional={
                    "governmentIdOptions": st.fixed_dictionaries(
                        {}, optional={"idNumber": st.booleans()}
                    )
                },
            ),
            max_size=2,
        )
        | st.none(),
    )
    def create(self, verifications: list[dict[str, Any]] | None) -> str:
        got = self.run(self.client.sessions.create(verifications=verifications))
        self.sequence += 1
        now = int(self.now())
        want = TrinsicModel(str(got.id), self.sequence, now, now, len(verifications or []))
        self.check(got, want)
        self.model[want.id] = want
        return want.id

    @rule(target=sessions)
    def unknown_id(self) -> str:
        return str(uuid.uuid4())

    @rule(session_id=sessions)
    def get(self, session_id: str) -> None:
        want = self.model.get(session_id)
        if want is None:
            with pytest.raises(NotFoundError):
                self.run(self.client.sessions.get(session_id))
            return
        self.check(self.run(self.client.sessions.get(session_id)), want)

    @rule(session_id=sessions)
    def cancel(self, session_id: str) -> None:
        want = self.model.get(session_id)
        if want is None:
            with pytest.raises(NotFoundError):
                self.run(self.client.sessions.cancel(session_id))
            return
        if want.state not in ("IdvSuccess", "IdvFailed"):
            want.state, want.fail_code = "IdvFailed", "SessionFailRpcCanceled"
            want.updated = int(self.now())
        self.check(self.run(self.client.sessions.cancel(session_id)), want)

    @rule(
        order_by=st.sampled_from(["Created", "Updated", "State"]),
        direction=st.sampled_from(["Ascending", "Descending"]),
        page_size=st.integers(1, 10),
        limit=st.none() | st.integers(0, 12),
    )
    def list(self, order_by: str, direction: str, page_size: int, limit: int | None) -> None:
        async def collect() -> list[Any]:
            paginator = self.client.sessions.list(
                order_by=order_by, order_direction=direction, page_size=page_size, limit=limit
            )
            return [s async for s in paginator]

        def key(s: TrinsicModel) -> tuple[int, int]:
            value = {"Created": s.created, "Updated": s.updated}.get(order_by)
            return (TRINSIC_STATES.index(s.state) if value is None else value, s.sequence)

        want = sorted(self.model.values(), key=key, reverse=direction == "Descending")
        want = want[: limit if limit is not None else None]
        got = self.run(collect())
        assert [str(s.id) for s in got] == [s.id for s in want]
        for g, w in zip(got, want, strict=True):
            self.check(g, w)

    @rule(seconds=CLOCK_STEPS)
    def advance(self, seconds: int) -> None:
        self.sandbox.advance(seconds)


# Sipher


@dataclass
class SipherModel:
    id: str
    defaults: dict[str, str]
    expires_at: int


SIPHER_DEFAULTS = st.fixed_dictionaries(
    {},
    optional={
        "chain": st.sampled_from(["solana", "ethereum", "near"]),
        "privacy_level": st.sampled_from(["standard", "shielded", "maximum"]),
        "rpc_provider": st.sampled_from(["helius", "generic"]),
        "default_viewing_key": st.sampled_from(["0xabc", "0x0123456789ABCDEF"]),
    },
)


class SipherMachine(VendorMachine):
    """Sipher: a session expires ttlSeconds (default 3600) after creation, absolutely;
    PATCH merges the keys sent; delete is final; gone, expired and unknown are all 404."""

    sessions = Bundle("sipher_sessions")

    def make_client(self) -> Sipher:
        return Sipher(**self.sandbox.settings("sipher"), http_client=self.http)

    def __init__(self) -> None:
        super().__init__()
        self.model: dict[str, SipherModel] = {}

    def live(self, session_id: str) -> SipherModel | None:
        want = self.model.get(session_id)
        if want is not None and int(self.now() * 1000) >= want.expires_at:
            del self.model[session_id]
            return None
        return want

    @staticmethod
    def defaults(got: Any) -> dict[str, str]:
        return {k: str(v) for k, v in got.defaults.to_dict().items()}

    @rule(
        target=sessions,
        defaults=SIPHER_DEFAULTS,
        ttl=st.none() | st.sampled_from([60, 61, 600, 3600]),
    )
    def create(self, defaults: dict[str, str], ttl: int | None) -> str:
        got = self.run(self.client.sessions.create(defaults=defaults, ttl_seconds=ttl))
        now = int(self.now() * 1000)
        want = SipherModel(got.session_id, _wire(defaults), now + (ttl or 3600) * 1000)
        assert (self.defaults(got), got.expires_at) == (want.defaults, want.expires_at)
        self.model[want.id] = want
        return want.id

    @rule(target=sessions)
    def unknown_id(self) -> str:
        return "sess_" + secrets.token_hex(32)

    @rule(session_id=sessions)
    def get(self, session_id: str) -> None:
        want = self.live(session_id)
        if want is None:
            with pytest.raises(NotFoundError):
                self.run(self.client.sessions.get(session_id))
            return
        got = self.run(self.client.sessions.get(session_id))
        assert (self.defaults(got), got.expires_at) == (want.defaults, want.expires_at)

    @rule(session_id=sessions, defaults=SIPHER_DEFAULTS)
    def update(self, session_id: str, defaults: dict[str, str]) -> None:
        want = self.live(session_id)
        if want is None:
            with pytest.raises(NotFoundError):
                self.run(self.client.sessions.update(session_id, defaults=defaults))
            return
        want.defaults.update(_wire(defaults))
        got = self.run(self.client.sessions.update(session_id, defaults=defaults))
        assert (self.defaults(got), got.expires_at) == (want.defaults, want.expires_at)

    @rule(session_id=sessions)
    def delete(self, session_id: str) -> None:
        if self.live(session_id) is None:
            with pytest.raises(NotFoundError):
                self.run(self.client.sessions.delete(session_id))
            return
        del self.model[session_id]
        assert self.run(self.client.sessions.delete(session_id)) is None

    @rule(seconds=CLOCK_STEPS)
    def advance(self, seconds: int) -> None:
        self.sandbox.advance(seconds)


def _wire(defaults: dict[str, str]) -> dict[str, str]:
    names = {
        "privacy_level": "privacyLevel",
        "rpc_provider": "rpcProvider",
        "default_viewing_key": "defaultViewingKey",
    }
    return {names.get(k, k): v for k, v in defaults.items()}


# Equos


@dataclass
class EquosModel:
    id: str
    client: str | None
    max_duration: int | None
    started: float
    status: str = "starting"
    extra: dict[str, Any] = field(default_factory=dict)


AVATAR = {"identity": "avatar-1", "name": "Ana", "refImage": "https://example.invalid/a.png"}


class EquosMachine(VendorMachine):
    """Equos: a new session is `starting`; stop ends it (200 null when unknown or already
    ended); maxDuration seconds end it too; get of an unknown id is 200 null; list is
    skip/take, oldest first, optionally for one `client`, with a total."""

    sessions = Bundle("equos_sessions")

    def make_client(self) -> Equos:
        return Equos(**self.sandbox.settings("equos"), http_client=self.http)

    def __init__(self) -> None:
        super().__init__()
        self.model: dict[str, EquosModel] = {}

    def refresh(self) -> None:
        for s in self.model.values():
            if s.status != "ended" and s.max_duration and self.now() >= s.started + s.max_duration:
                s.status = "ended"

    @rule(
        target=sessions,
        client=st.none() | st.sampled_from(["user-1", "user-2"]),
        max_duration=st.none() | st.sampled_from([60, 600]),
    )
    def create(self, client: str | None, max_duration: int | None) -> str:
        got = self.run(
            self.client.sessions.create(
                name="call", avatar=AVATAR, client=client, max_duration=max_duration
            )
        ).session
        want = EquosModel(str(got.id), client, max_duration, self.now())
        assert (str(got.status), got.client, got.max_duration) == ("starting", client, max_duration)
        self.model[want.id] = want
        return want.id

    @rule(target=sessions)
    def unknown_id(self) -> str:
        return "c" + secrets.token_hex(12)

    @rule(session_id=sessions)
    def get(self, session_id: str) -> None:
        self.refresh()
        want = self.model.get(session_id)
        if want is None:  # Equos's 200 null: NotFoundError, as on the other vendors
            with pytest.raises(NotFoundError):
                self.run(self.client.sessions.get(session_id))
            return
        got = self.run(self.client.sessions.get(session_id))
        assert (str(got.id), str(got.status)) == (want.id, want.status)

    @rule(session_id=sessions)
    def stop(self, session_id: str) -> None:
        self.refresh()
        got = self.run(self.client.sessions.stop(session_id))
        want = self.model.get(session_id)
        if want is None or want.status == "ended":
            assert got is None
            return
        want.status = "ended"
        assert got is not None and (str(got.id), str(got.status)) == (want.id, "ended")

    @rule(
        client=st.none() | st.sampled_from(["user-1", "user-2"]),
        page_size=st.integers(1, 4),
        limit=st.none() | st.integers(0, 6),
    )
    def list(self, client: str | None, page_size: int, limit: int | None) -> None:
        self.refresh()

        async def collect() -> list[Any]:
            paginator = self.client.sessions.list(client=client, page_size=page_size, limit=limit)
            return [s async for s in paginator]

        want = [s for s in self.model.values() if client is None or s.client == client]
        want = want[: limit if limit is not None else None]
        got = self.run(collect())
        assert [(str(s.id), str(s.status)) for s in got] == [(s.id, s.status) for s in want]

    @rule(seconds=CLOCK_STEPS)
    def advance(self, seconds: int) -> None:
        self.sandbox.advance(seconds)


@pytest.mark.parametrize(
    "machine",
    [TwilioMachine, TrinsicMachine, SipherMachine, EquosMachine],
    ids=["twilio", "trinsic", "sipher", "equos"],
)
def test_state_machine(machine: type[VendorMachine]) -> None:
    run_state_machine_as_test(machine, settings=SETTINGS)
