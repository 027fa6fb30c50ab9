"""Every client option of v0.2, on both senders (the default aiohttp one and a caller's
httpx.AsyncClient), over real loopback sockets."""

from __future__ import annotations

import datetime as dt
import pickle
import sys
from typing import Any

import pytest

import sessionhub
from sessionhub import (
    ConfigurationError,
    InternalServerError,
    InvalidRequestError,
    NotFoundError,
    RetryDecision,
)
from sessionhub.twilio import Session
from tests.options._wire import SENDERS, client_for, head_of, json_reply, wire
from tests.reliability._ops import TWILIO_SERVICE, TWILIO_SESSION, make_client, secrets_of

VENDORS = ("trinsic", "sipher", "equos", "twilio")
CREDENTIAL_HEADERS = {
    "trinsic": ["Authorization", "TrinsicAuthorization"],
    "sipher": ["X-API-Key"],
    "equos": ["x-api-key"],
    "twilio": ["Authorization"],
}
VERSION = f"{sys.version_info[0]}.{sys.version_info[1]}"


async def get(twilio: Any, **options: Any) -> Session:
    result: Session = await twilio.sessions.get(TWILIO_SERVICE, TWILIO_SESSION, **options)
    return result


@pytest.mark.parametrize("sender", SENDERS)
async def test_user_agent_and_accept_on_both_senders(sender: str) -> None:
    async with wire(json_reply()) as server:
        async with client_for("twilio", sender, server.url) as twilio:
            await get(twilio)
        async with client_for("twilio", sender, server.url, app_name="billing/1.4") as twilio:
            await get(twilio)
    _, plain, _ = head_of(server.requests[0])
    _, named, _ = head_of(server.requests[1])
    assert plain["user-agent"] == f"sessionhub/{sessionhub.__version__} python/{VERSION}"
    assert (
        named["user-agent"] == f"sessionhub/{sessionhub.__version__} python/{VERSION} billing/1.4"
    )
    assert plain["accept"] == "application/json"
    assert sessionhub.__version__ == "0.2.0"


@pytest.mark.parametrize("sender", SENDERS)
async def test_default_headers_and_per_call_extras(sender: str) -> None:
    async with wire(json_reply()) as server:
        async with client_for(
            "twilio", sender, server.url, default_headers={"X-Team": "billing"}
        ) as twilio:
            await get(
                twilio,
                extra_headers={"X-Trace": "t-1", "x-team": "override"},
                extra_query={"Beta": "yes"},
            )
            await twilio.sessions.update(
                TWILIO_SERVICE, TWILIO_SESSION, ttl=60, extra_body={"NewField": "v"}
            )
    line, headers, _ = head_of(server.requests[0])
    assert headers["x-trace"] == "t-1" and headers["x-team"] == "override"
    assert line.startswith("GET ") and "?Beta=yes" in line
    line, headers, body = head_of(server.requests[1])
    assert headers["x-team"] == "billing" and "x-trace" not in headers
    assert b"NewField=v" in body and b"Ttl=60" in body


@pytest.mark.parametrize("vendor", VENDORS)
def test_default_headers_may_not_replace_a_credential(vendor: str) -> None:
    for name in CREDENTIAL_HEADERS[vendor]:
        for spelling in (name, name.upper(), name.lower()):
            with pytest.raises(ConfigurationError, match="credential header"):
                make_client(vendor, None, default_headers={spelling: "other"})


@pytest.mark.parametrize("sender", SENDERS)
async def test_extra_headers_may_not_replace_a_credential_and_nothing_is_sent(
    sender: str,
) -> None:
    async with wire(json_reply()) as server:
        async with client_for("twilio", sender, server.url) as twilio:
            with pytest.raises(InvalidRequestError, match="credential header"):
                await get(twilio, extra_headers={"authorization": "Basic evil"})
            with pytest.raises(InvalidRequestError, match="sends no body"):
                await get(twilio, extra_body={"x": 1})
            with pytest.raises(InvalidRequestError):
                await get(twilio, extra_headers={"X-Bad": "a\r\nInjected: 1"})
    assert server.requests == []


def test_the_user_agent_can_be_replaced_but_not_broken() -> None:
    twilio = make_client("twilio", None, default_headers={"user-agent": "mine/1"})
    assert twilio._headers["user-agent"] == "mine/1" and "User-Agent" not in twilio._headers
    with pytest.raises(ConfigurationError, match="app_name"):
        make_client("twilio", None, app_name="bad\nname")
    with pytest.raises(ConfigurationError, match="unknown option"):
        make_client("twilio", None, max_retry=3)


@pytest.mark.parametrize("sender", SENDERS)
async def test_with_options_is_a_cheap_copy_sharing_the_pool(sender: str) -> None:
    async with wire(json_reply(503), json_reply()) as server:
        async with client_for("twilio", sender, server.url, max_retries=0) as twilio:
            patient = twilio.with_options(max_retries=1, timeout=5.0)
            patient._sleep = _no_sleep
            assert patient._sender is twilio._sender
            assert patient.sessions._client is patient and twilio.sessions._client is twilio
            assert (patient.max_retries, twilio.max_retries) == (1, 0)
            assert patient.timeout.read == 5.0 and twilio.timeout.read == 30.0
            assert patient.base_url == twilio.base_url
            assert isinstance(await get(patient), Session)
    assert len(server.requests) == 2  # one 503, one retry, on the copy


async def _no_sleep(seconds: float) -> None:
    return None


@pytest.mark.parametrize("sender", SENDERS)
async def test_raw_response_on_success(sender: str) -> None:
    headers = [(b"Twilio-Request-Id", b"RQ42"), (b"X-Rate", b"7")]
    async with wire(json_reply(500), json_reply(200, headers=headers)) as server:
        async with client_for("twilio", sender, server.url, max_retries=1) as twilio:
            twilio._sleep = _no_sleep
            raw = await twilio.sessions.with_raw_response.get(TWILIO_SERVICE, TWILIO_SESSION)
            plain = await twilio.sessions.get(TWILIO_SERVICE, TWILIO_SESSION)
    assert raw.status_code == 200 and raw.request_id == "RQ42"
    assert raw.headers["x-rate"] == "7"
    assert raw.retries_taken == 1
    assert isinstance(raw.elapsed, dt.timedelta) and raw.elapsed.total_seconds() > 0
    assert raw.parse() == plain and isinstance(raw.parse(), Session)
    assert b'"sid"' in raw.content
    assert "RQ42" in repr(raw)


def test_base_url_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    envs = {
        "trinsic": "TRINSIC_BASE_URL",
        "sipher": "SIPHER_BASE_URL",
        "equos": "EQUOS_BASE_URL",
        "twilio": "TWILIO_PROXY_BASE_URL",
    }
    for vendor, env in envs.items():
        monkeypatch.setenv(env, "http://127.0.0.1:9/api/")
        assert make_client(vendor, None).base_url == "http://127.0.0.1:9/api"
        explicit = make_client(vendor, None, base_url="http://localhost:8")
        assert explicit.base_url == "http://localhost:8"  # the argument wins
        monkeypatch.setenv(env, "http://example.com")
        with pytest.raises(ConfigurationError, match="plain http"):
            make_client(vendor, None)  # the same checks as the argument
        monkeypatch.delenv(env)
        assert make_client(vendor, None).base_url.startswith("https://")


@pytest.mark.parametrize("sender", SENDERS)
async def test_retry_policy_vetoes_and_extends(sender: str) -> None:
    seen: list[RetryDecision] = []

    def never(decision: RetryDecision) -> bool:
        seen.append(decision)
        return False

    def on_409(decision: RetryDecision) -> bool | None:
        seen.append(decision)
        return True if decision.status_code == 409 else None

    async with wire(json_reply(503, {"code": 1})) as server:
        async with client_for("twilio", sender, server.url, max_retries=2, retry_policy=never) as c:
            with pytest.raises(InternalServerError):
                await get(c)
    assert len(server.requests) == 1  # vetoed: no retry
    decision = seen.pop()
    assert decision.default is True and decision.reason and decision.status_code == 503
    assert decision.operation == "sessions.get" and decision.idempotent and decision.attempt == 1
    assert decision.may_have_been_processed is True  # a 5xx may have done its work

    async with wire(json_reply(409, {"code": 2}), json_reply()) as server:
        async with client_for(
            "twilio", sender, server.url, max_retries=2, retry_policy=on_409
        ) as c:
            c._sleep = _no_sleep
            await get(c)
    assert len(server.requests) == 2  # extended: a 409 is not retried by default
    assert seen[-1].default is False and seen[-1].reason is None
    assert seen[-1].may_have_been_processed is False  # a 4xx refused the request


async def test_retry_policy_stays_within_max_retries_and_must_answer_clearly() -> None:
    async with wire(json_reply(409, {"code": 2})) as server:
        async with client_for(
            "twilio", "aiohttp", server.url, max_retries=2, retry_policy=lambda d: True
        ) as c:
            c._sleep = _no_sleep
            with pytest.raises(sessionhub.ConflictError):
                await get(c)
        assert len(server.requests) == 3
        async with client_for(
            "twilio", "aiohttp", server.url, max_retries=2, retry_policy=lambda d: "yes"
        ) as c:
            with pytest.raises(ConfigurationError, match="True, False or None"):
                await get(c)
    with pytest.raises(ConfigurationError, match="callable"):
        make_client("twilio", None, retry_policy=3)


@pytest.mark.parametrize("sender", SENDERS)
async def test_errors_pickle_without_credentials(sender: str) -> None:
    async with wire(json_reply(404, {"code": 20404, "message": "nope"})) as server:
        async with client_for("twilio", sender, server.url) as twilio:
            with pytest.raises(NotFoundError) as info:
                await get(twilio)
    err = info.value
    data = pickle.dumps(err)
    for secret in secrets_of("twilio"):
        assert secret.encode() not in data
    twin = pickle.loads(data)
    assert type(twin) is NotFoundError and str(twin) == str(err)
    assert (twin.code, twin.status_code, twin.vendor) == (20404, 404, "twilio")
    assert twin.response.status_code == 404 and twin.request.method == "GET"


def test_every_error_class_pickles() -> None:
    import httpx

    request = httpx.Request("GET", "https://example.com/x")
    response = httpx.Response(500, request=request, content=b"{}")
    for cls in (sessionhub.APIConnectionError, sessionhub.APITimeoutError):
        err = cls("m", vendor="equos", operation="sessions.get", may_have_been_processed=False)
        twin = pickle.loads(pickle.dumps(err))
        assert type(twin) is cls and twin.may_have_been_processed is False and str(twin) == str(err)
    too_large = sessionhub.ResponseTooLargeError(
        "m", vendor="sipher", operation="sessions.get", limit=5
    )
    assert pickle.loads(pickle.dumps(too_large)).limit == 5
    for status_cls in (sessionhub.InternalServerError, sessionhub.RateLimitError):
        err = status_cls(
            "m", vendor="trinsic", operation="sessions.get", response=response, retry_after=3.0
        )
        assert pickle.loads(pickle.dumps(err)).retry_after == 3.0
    invalid = pickle.loads(
        pickle.dumps(
            sessionhub.ResponseValidationError(
                "m", vendor="twilio", operation="sessions.list", response=response, field="meta"
            )
        )
    )
    assert invalid.field == "meta"
    for plain in (ConfigurationError("c"), InvalidRequestError("i")):
        assert str(pickle.loads(pickle.dumps(plain))) == str(plain)
