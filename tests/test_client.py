"""BaseClient: the retry loop, error mapping, logging and redaction (via TrinsicConnect)."""

from __future__ import annotations

import asyncio
import logging

import httpx
import pytest
from hypothesis import settings
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from sessionhub import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ClientClosedError,
    ConfigurationError,
    InternalServerError,
    RateLimitError,
    ResponseValidationError,
    TrinsicConnect,
)
from tests.conftest import FakeSleep, Script, sample

KEY = "trinsic-secret-key-123"
SESSION_ID = "b7f3c2e0-5d1a-4c8e-9f21-3a6d0c4e8b12"
OK = sample("trinsic-connect", "get-session-200-success.json")
CREATED = sample("trinsic-connect", "create-session-200.json")


def client(script: Script, sleep: FakeSleep, max_retries: int = 2) -> TrinsicConnect:
    trinsic = TrinsicConnect(api_key=KEY, http_client=script.client(), max_retries=max_retries)
    trinsic._sleep = sleep
    return trinsic


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
async def test_idempotent_call_retries_transient_status(
    script: Script, fake_sleep: FakeSleep, status: int
) -> None:
    script.json(status, {"message": "busy"}).json(200, OK)
    async with client(script, fake_sleep) as trinsic:
        session = await trinsic.sessions.get(SESSION_ID)
    assert session.id == OK["session"]["id"]
    assert len(script.requests) == 2 and len(fake_sleep.delays) == 1


async def test_retry_after_seconds_is_honoured(script: Script, fake_sleep: FakeSleep) -> None:
    script.json(429, {"message": "slow down"}, headers={"Retry-After": "7"}).json(200, OK)
    async with client(script, fake_sleep) as trinsic:
        await trinsic.sessions.get(SESSION_ID)
    assert fake_sleep.delays == [7.0]


async def test_retries_are_bounded_then_the_error_is_raised(
    script: Script, fake_sleep: FakeSleep
) -> None:
    script.default = httpx.Response(503, json={"message": "down"})
    async with client(script, fake_sleep, max_retries=3) as trinsic:
        with pytest.raises(InternalServerError) as info:
            await trinsic.sessions.get(SESSION_ID)
    assert len(script.requests) == 4 and len(fake_sleep.delays) == 3
    assert fake_sleep.delays[0] < fake_sleep.delays[1] < fake_sleep.delays[2]
    assert info.value.status_code == 503


async def test_rate_limit_error_carries_retry_after(script: Script, fake_sleep: FakeSleep) -> None:
    script.json(429, {"message": "slow down"}, headers={"Retry-After": "120"})
    async with client(script, fake_sleep, max_retries=0) as trinsic:
        with pytest.raises(RateLimitError) as info:
            await trinsic.sessions.get(SESSION_ID)
    assert info.value.retry_after == 120.0


async def test_create_is_not_retried_after_it_may_have_arrived(
    script: Script, fake_sleep: FakeSleep
) -> None:
    script.json(503, {"message": "down"}).json(200, CREATED)
    async with client(script, fake_sleep) as trinsic:
        with pytest.raises(InternalServerError):
            await trinsic.sessions.create()
    assert len(script.requests) == 1 and fake_sleep.delays == []


async def test_create_is_not_retried_after_a_read_error(
    script: Script, fake_sleep: FakeSleep
) -> None:
    script.reply(httpx.ReadError("reset"), httpx.Response(200, json=CREATED))
    async with client(script, fake_sleep) as trinsic:
        with pytest.raises(APIConnectionError):
            await trinsic.sessions.create()
    assert len(script.requests) == 1


async def test_create_is_retried_when_the_connection_never_opened(
    script: Script, fake_sleep: FakeSleep
) -> None:
    script.reply(httpx.ConnectError("refused"), httpx.Response(200, json=CREATED))
    async with client(script, fake_sleep) as trinsic:
        session = await trinsic.sessions.create()
    assert session.id == CREATED["session"]["id"] and len(script.requests) == 2


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (httpx.ConnectError("refused"), APIConnectionError),
        (httpx.ReadError("reset"), APIConnectionError),
        (httpx.RemoteProtocolError("dropped"), APIConnectionError),
        (httpx.ReadTimeout("slow"), APITimeoutError),
        (httpx.ConnectTimeout("slow"), APITimeoutError),
        (httpx.PoolTimeout("busy"), APITimeoutError),
    ],
)
async def test_transport_errors_are_mapped(
    script: Script, fake_sleep: FakeSleep, exc: Exception, expected: type[Exception]
) -> None:
    script.default = exc
    async with client(script, fake_sleep, max_retries=1) as trinsic:
        with pytest.raises(expected) as info:
            await trinsic.sessions.get(SESSION_ID)
    assert type(info.value) is expected
    # only a sanitised copy is chained: the original could hold the request headers
    assert type(info.value.__cause__) is type(exc) and info.value.__context__ is None
    assert info.value.__cause__ is not exc and info.value.__cause__.__context__ is None
    assert info.value.vendor == "trinsic" and info.value.operation == "sessions.get"
    assert len(script.requests) == 2  # a read is retried on any transport error


@pytest.mark.parametrize(
    ("response", "field"),
    [
        (httpx.Response(200, content=b""), None),
        (
            httpx.Response(
                200, content=b'{"session": {"id": "x"', headers={"content-type": "application/json"}
            ),
            None,
        ),
        (
            httpx.Response(200, text="<html>portal</html>", headers={"content-type": "text/html"}),
            None,
        ),
        (httpx.Response(200, json=[1, 2]), None),
        (httpx.Response(200, json={"session": {"id": "s1", "state": 5}}), None),
    ],
)
async def test_bad_2xx_bodies_raise_response_validation_error(
    script: Script, fake_sleep: FakeSleep, response: httpx.Response, field: str | None
) -> None:
    script.reply(response)
    async with client(script, fake_sleep) as trinsic:
        with pytest.raises(ResponseValidationError) as info:
            await trinsic.sessions.get(SESSION_ID)
    assert info.value.status_code == 200 and info.value.field == field
    assert "trinsic sessions.get" in str(info.value)


@pytest.mark.parametrize("status", [418, 499, 520, 302, 600, 999])
async def test_undocumented_statuses_raise_status_errors(
    script: Script, fake_sleep: FakeSleep, status: int
) -> None:
    script.default = httpx.Response(status, text="teapot")
    async with client(script, fake_sleep) as trinsic:
        with pytest.raises(APIStatusError) as info:
            await trinsic.sessions.get(SESSION_ID)
    assert info.value.status_code == status and info.value.body == "teapot"
    assert "\n" not in str(info.value)
    # any 5xx is retried on a read (a gateway's 520 too); a 4xx, 3xx or non-HTTP 6xx-9xx
    # never is, and only a 5xx is a server error (the README's table)
    server_error = 500 <= status <= 599
    assert len(script.requests) == (3 if server_error else 1)
    assert isinstance(info.value, InternalServerError) == server_error


async def test_html_502_is_a_readable_server_error(script: Script, fake_sleep: FakeSleep) -> None:
    script.default = httpx.Response(502, text="<html><body><h1>502 Bad Gateway</h1></body></html>")
    async with client(script, fake_sleep) as trinsic:
        with pytest.raises(InternalServerError) as info:
            await trinsic.sessions.get(SESSION_ID)
    assert "HTML error body" in str(info.value) and "retry later" in str(info.value)


async def test_debug_log_per_request_without_secrets(
    script: Script, fake_sleep: FakeSleep, caplog: pytest.LogCaptureFixture
) -> None:
    script.json(500, {"message": "oops"}).json(200, OK)
    with caplog.at_level(logging.DEBUG):
        async with client(script, fake_sleep) as trinsic:
            await trinsic.sessions.get(SESSION_ID)
    lines = [r.getMessage() for r in caplog.records if r.name == "sessionhub"]
    assert any("GET /v1/sessions/get -> 500" in line and "attempt 1" in line for line in lines)
    assert any("retry 1/2" in line and "HTTP 500" in line for line in lines)
    assert any("-> 200" in line and "attempt 2" in line for line in lines)
    assert all(KEY not in r.getMessage() and KEY not in str(r.args) for r in caplog.records)


def test_repr_hides_credentials() -> None:
    trinsic = TrinsicConnect(api_key=KEY)
    assert KEY not in repr(trinsic) and KEY not in str(vars(trinsic.sessions))


@pytest.mark.parametrize(
    "kwargs",
    [
        {"base_url": "ftp://example.com"},
        {"base_url": "http://example.com"},
        {"base_url": "not a url"},
        {"base_url": "https://example.com/?q=1"},
        {"timeout": -1},
        {"timeout": "fast"},
        {"max_retries": -1},
        {"api_key": "bad\r\nInjected: yes"},
        {"http_client": object()},
        {"http_client": httpx.Client()},  # a sync client cannot be awaited
    ],
)
def test_bad_configuration_is_rejected(kwargs: dict[str, object]) -> None:
    kwargs.setdefault("api_key", KEY)
    with pytest.raises(ConfigurationError):
        TrinsicConnect(**kwargs)  # type: ignore[arg-type]


def test_plain_http_allowed_for_loopback_or_when_asked() -> None:
    TrinsicConnect(api_key=KEY, base_url="http://127.0.0.1:8080")
    TrinsicConnect(api_key=KEY, base_url="http://localhost:8080")
    TrinsicConnect(api_key=KEY, base_url="http://example.com", allow_insecure_http=True)


async def test_redirects_are_not_followed(script: Script, fake_sleep: FakeSleep) -> None:
    script.reply(httpx.Response(307, headers={"location": "https://evil.example/steal"}))
    async with client(script, fake_sleep) as trinsic:
        with pytest.raises(APIStatusError) as info:
            await trinsic.sessions.get(SESSION_ID)
    assert info.value.status_code == 307 and len(script.requests) == 1


async def test_a_delete_after_a_read_error_treats_404_as_success(
    script: Script, fake_sleep: FakeSleep, caplog: pytest.LogCaptureFixture
) -> None:
    from tests.reliability._ops import SIPHER_ID, make_client

    script.reply(httpx.ReadError("lost"), httpx.Response(404, json={"success": False}))
    async with make_client("sipher", script.client()) as sipher:
        sipher._sleep = fake_sleep
        with caplog.at_level(logging.DEBUG, logger="sessionhub"):
            deleted = await sipher.sessions.delete(SIPHER_ID)
    assert deleted is None  # success: the session is gone, as asked
    assert "reporting success" in caplog.text


async def test_a_delete_never_sent_before_still_reports_404(
    script: Script, fake_sleep: FakeSleep
) -> None:
    from sessionhub import NotFoundError
    from tests.reliability._ops import SIPHER_ID, make_client

    script.reply(httpx.ConnectError("refused"), httpx.Response(404, json={"success": False}))
    async with make_client("sipher", script.client()) as sipher:
        sipher._sleep = fake_sleep
        with pytest.raises(NotFoundError):
            await sipher.sessions.delete(SIPHER_ID)


@pytest.mark.parametrize(("retry_after", "waited"), [("60", [60.0]), ("60.5", [])])
async def test_the_retry_after_cap_is_inclusive(
    script: Script, fake_sleep: FakeSleep, retry_after: str, waited: list[float]
) -> None:
    script.json(429, {"message": "slow"}, headers={"Retry-After": retry_after}).json(200, OK)
    async with client(script, fake_sleep) as trinsic:
        if waited:
            await trinsic.sessions.get(SESSION_ID)
        else:
            with pytest.raises(RateLimitError) as info:
                await trinsic.sessions.get(SESSION_ID)
            assert info.value.retry_after == 60.5
    assert fake_sleep.delays == waited


async def test_a_per_call_timeout_is_checked_even_after_a_valid_one(script: Script) -> None:
    from sessionhub import InvalidRequestError

    script.default = httpx.Response(200, json=OK)
    async with TrinsicConnect(api_key=KEY, http_client=script.client()) as trinsic:
        await trinsic.sessions.get(SESSION_ID, timeout=1)
        await trinsic.sessions.get(SESSION_ID, timeout=1)  # the cached resolution
        for bad in (True, float("nan"), httpx.Timeout(1.0, read=None)):
            with pytest.raises(InvalidRequestError, match="timeout"):
                await trinsic.sessions.get(SESSION_ID, timeout=bad)  # type: ignore[arg-type]
    assert script.last.extensions["timeout"]["read"] == 1.0
    assert len(script.requests) == 2


async def test_total_timeout_stops_before_a_backoff_that_would_outlast_it(
    script: Script, fake_sleep: FakeSleep
) -> None:
    script.default = httpx.Response(503, json={"message": "down"}, headers={"Retry-After": "5"})
    trinsic = TrinsicConnect(
        api_key=KEY, http_client=script.client(), max_retries=5, total_timeout=2.0
    )
    trinsic._sleep = fake_sleep
    async with trinsic:
        with pytest.raises(InternalServerError):
            await trinsic.sessions.get(SESSION_ID)
    assert len(script.requests) == 1 and fake_sleep.delays == []


async def test_an_unexpected_exception_from_a_custom_transport_is_mapped(
    script: Script, fake_sleep: FakeSleep
) -> None:
    script.default = RuntimeError("a custom transport broke")
    async with client(script, fake_sleep) as trinsic:
        with pytest.raises(APIConnectionError, match="failed unexpectedly") as info:
            await trinsic.sessions.create()
    assert info.value.may_have_been_processed
    assert len(script.requests) == 1  # not retried


class LifecycleModel(RuleBasedStateMachine):
    """A client's lifecycle against a small reference model: calls succeed while it is
    open, fail with ClientClosedError (sending nothing) once it or its http_client is
    closed, whatever the order of calls, closes and re-closes."""

    def __init__(self) -> None:
        super().__init__()
        self.script = Script()
        self.script.default = httpx.Response(200, json=OK)
        self.http = self.script.client()
        self.trinsic = TrinsicConnect(api_key=KEY, http_client=self.http, max_retries=2)
        self.closed = False  # the model
        self.sent = 0
        self.loop = asyncio.new_event_loop()  # one loop: a client is bound to its loop

    def teardown(self) -> None:
        self.loop.run_until_complete(self.http.aclose())
        self.loop.close()

    @rule()
    def call(self) -> None:
        async def go() -> None:
            await self.trinsic.sessions.get(SESSION_ID)

        if self.closed:
            with pytest.raises(ClientClosedError):
                self.loop.run_until_complete(go())
        else:
            self.loop.run_until_complete(go())
            self.sent += 1

    @rule()
    def close_client(self) -> None:
        self.loop.run_until_complete(self.trinsic.aclose())
        self.closed = True

    @rule()
    def close_http_client(self) -> None:
        self.loop.run_until_complete(self.http.aclose())
        self.closed = True

    @invariant()
    def nothing_sent_after_closing(self) -> None:
        assert len(self.script.requests) == self.sent


LifecycleModel.TestCase.settings = settings(max_examples=30, stateful_step_count=8, deadline=None)
test_client_lifecycle_model = LifecycleModel.TestCase
