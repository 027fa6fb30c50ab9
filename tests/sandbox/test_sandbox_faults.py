"""Fault injection: the syntax, the Faults API, and each fault over a real socket."""

from __future__ import annotations

import email.utils

import httpx
import pytest

from sessionhub.sandbox import (
    SIPHER_API_KEY,
    TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN,
    TWILIO_SERVICE_SID,
    Fault,
    Faults,
    Sandbox,
    create_app,
)

TWILIO = f"/twilio/v1/Services/{TWILIO_SERVICE_SID}/Sessions"
TWILIO_AUTH = httpx.BasicAuth(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)
SIPHER = "/sipher/v1/sessions"
SIPHER_AUTH = {"X-API-Key": SIPHER_API_KEY}


def fault(spec: str) -> dict[str, str]:
    return {"X-Sandbox-Fault": spec}


async def twilio_create(http: httpx.AsyncClient, spec: str) -> httpx.Response:
    return await http.post(TWILIO, auth=TWILIO_AUTH, headers=fault(spec))


async def twilio_count(http: httpx.AsyncClient) -> int:
    return len((await http.get(TWILIO, auth=TWILIO_AUTH)).json()["sessions"])


# the syntax


@pytest.mark.parametrize(
    "spec",
    [
        "status=503",
        "status=429; retry-after=2",
        "status=429; retry-after=Wed, 21 Oct 2026 07:28:00 GMT",
        "status=418; body=I'm a teapot",
        "drop",
        "drop=after",
        "truncate",
        "truncate=10",
        "malformed-json",
        "empty",
        "content-type=text/plain",
        "delay=0.5",
        "status=500; delay=1.5",
    ],
)
def test_fault_specs_round_trip(spec: str) -> None:
    assert str(Fault.parse(spec)) == spec


def test_429_gets_a_retry_after_unless_told_otherwise() -> None:
    assert Fault.parse("status=429").retry_after == "1"
    assert Fault.parse("status=429; retry-after=none").retry_after is None
    assert Fault.parse("status=503").retry_after is None


@pytest.mark.parametrize(
    "spec",
    [
        "",
        "boom",
        "status",
        "status=200",
        "status=600",
        "drop=later",
        "truncate=-1",
        "delay=-1",
        "delay=soon",
        "drop; truncate",
        "empty=yes",
        "retry-after=2",
        "drop; body=x",
    ],
)
def test_bad_fault_specs_are_refused(spec: str) -> None:
    with pytest.raises(ValueError):
        Fault.parse(spec)


def test_rules_apply_in_order_for_the_given_number_of_calls() -> None:
    faults = Faults()
    twice = faults.add("status=503", vendor="twilio", operation="sessions.create", times=2)
    always = faults.add("status=500", vendor="sipher", times=None)
    assert faults.take("twilio", "sessions.list") is None
    assert faults.take("equos", "sessions.create") is None
    assert str(faults.take("twilio", "sessions.create")) == "status=503"
    assert str(faults.take("twilio", "sessions.create")) == "status=503"
    assert faults.take("twilio", "sessions.create") is None
    assert (twice.hits, twice.remaining) == (2, 0)
    for _ in range(3):
        assert str(faults.take("sipher", "sessions.get")) == "status=500"
    assert list(faults) == [always]
    faults.remove(always)
    assert faults.take("sipher", "sessions.get") is None


def test_remove_removes_that_rule_even_beside_an_equal_one() -> None:
    faults = Faults()
    first = faults.add("status=503", vendor="twilio", times=None)
    second = faults.add("status=503", vendor="twilio", times=None)
    faults.remove(second)
    (remaining,) = faults
    assert remaining is first
    faults.take("twilio", "sessions.create")
    assert (first.hits, second.hits) == (1, 0)
    faults.remove(second)  # already gone: no error, and `first` stays
    assert len(faults) == 1


def test_rules_name_real_vendors_and_operations() -> None:
    faults = Faults()
    with pytest.raises(ValueError, match="vendor"):
        faults.add("drop", vendor="stripe")
    with pytest.raises(ValueError, match="operation"):
        faults.add("drop", vendor="twilio", operation="sessions.stop")  # Equos's, not Twilio's
    with pytest.raises(ValueError, match="operation"):
        faults.add("drop", operation="fetch_session")  # the spec's operationId is not a name
    # twilio-python says `fetch` where sessionhub says `get`: both name Twilio's get.
    rule = faults.add("drop", vendor="twilio", operation="sessions.fetch")
    assert rule.operation == "sessions.get"
    assert faults.take("twilio", "sessions.get") is not None
    anyone = faults.add("drop", operation="sessions.get", times=2)
    assert faults.take("twilio", "sessions.get") is not None
    assert faults.take("sipher", "sessions.get") is not None
    assert anyone.hits == 2
    with pytest.raises(ValueError, match="times"):
        faults.add("drop", times=0)
    faults.add("drop", operation="sessions.stop")  # any vendor: known to one of them


# each fault, over a real socket


async def test_status_faults_use_the_vendors_own_bodies(
    http: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    twilio = await twilio_create(http, "status=503")
    assert twilio.status_code == 503
    assert twilio.json() == {"message": "Service Unavailable", "status": 503}
    assert twilio.headers["twilio-request-id"].startswith("RQ")
    sipher = await http.get(f"{SIPHER}/x", headers={**SIPHER_AUTH, **fault("status=500")})
    assert sipher.json()["error"]["code"] == "INTERNAL_SERVER_ERROR"
    assert "x-request-id" in sipher.headers
    equos = await http.get("/equos/v3/sessions", headers=fault("status=429; retry-after=7"))
    assert (equos.status_code, equos.headers["retry-after"]) == (429, "7")
    assert equos.json() == {"message": "ThrottlerException: Too Many Requests", "statusCode": 429}
    trinsic = await http.post("/trinsic/v1/sessions", headers=fault("status=500"))
    assert trinsic.json() == {"message": "An unexpected error occurred."}
    assert await twilio_count(http) == 0  # the handler never ran
    assert [r.handled for r in sandbox.requests][:4] == [False] * 4


async def test_429_retry_after_can_be_an_http_date(http: httpx.AsyncClient) -> None:
    date = "Wed, 21 Oct 2026 07:28:00 GMT"
    response = await twilio_create(http, f"status=429; retry-after={date}")
    assert response.json()["code"] == 20429
    assert email.utils.parsedate_to_datetime(response.headers["retry-after"]).year == 2026


async def test_gateway_errors_are_html_pages(http: httpx.AsyncClient) -> None:
    for status in (502, 504):
        response = await twilio_create(http, f"status={status}")
        assert response.status_code == status
        assert response.headers["content-type"] == "text/html"
        assert response.text.startswith("<html>")
        assert "twilio-request-id" not in response.headers  # a proxy answered, not Twilio


async def test_any_status_with_any_body(http: httpx.AsyncClient) -> None:
    for status in (418, 499, 520):
        response = await twilio_create(http, f"status={status}; body=nope")
        assert (response.status_code, response.text) == (status, "nope")
        assert response.headers["content-type"].startswith("text/plain")


async def test_drop_before_the_handler(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    with pytest.raises(httpx.RemoteProtocolError):
        await twilio_create(http, "drop")
    assert await twilio_count(http) == 0
    (record,) = sandbox.requests.matching(operation="sessions.create")
    assert (record.fault, record.handled, record.changed_state, record.status) == (
        "drop",
        False,
        False,
        None,
    )


async def test_drop_after_the_handler(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    with pytest.raises(httpx.RemoteProtocolError):
        await twilio_create(http, "drop=after")
    assert await twilio_count(http) == 1  # the create happened; the client cannot know
    (record,) = sandbox.requests.matching(operation="sessions.create")
    assert (record.handled, record.changed_state, record.status) == (True, True, None)


async def test_truncated_body(http: httpx.AsyncClient) -> None:
    with pytest.raises(httpx.RemoteProtocolError, match="complete message body"):
        await twilio_create(http, "truncate=10")
    async with http.stream("POST", TWILIO, auth=TWILIO_AUTH, headers=fault("truncate=10")) as r:
        assert r.status_code == 201
        received = b""
        with pytest.raises(httpx.RemoteProtocolError):
            async for chunk in r.aiter_raw():
                received += chunk
        assert received == b'{"service_'
    assert await twilio_count(http) == 2


async def test_malformed_empty_and_mislabelled_bodies(http: httpx.AsyncClient) -> None:
    malformed = await http.get(TWILIO, auth=TWILIO_AUTH, headers=fault("malformed-json"))
    assert malformed.status_code == 200
    assert malformed.headers["content-type"] == "application/json"
    with pytest.raises(ValueError):
        malformed.json()
    empty = await http.get(TWILIO, auth=TWILIO_AUTH, headers=fault("empty"))
    assert (empty.status_code, empty.content) == (200, b"")
    html = await http.get(TWILIO, auth=TWILIO_AUTH, headers=fault("content-type"))
    assert html.headers["content-type"] == "text/html"
    assert html.json()["meta"]["key"] == "sessions"  # the real body, mislabelled


async def test_delay_then_answer(http: httpx.AsyncClient) -> None:
    with pytest.raises(httpx.ReadTimeout):
        await http.get(TWILIO, auth=TWILIO_AUTH, headers=fault("delay=5"), timeout=0.2)
    response = await http.get(TWILIO, auth=TWILIO_AUTH, headers=fault("delay=0.01"))
    assert response.status_code == 200


async def test_fail_the_next_n_calls_then_succeed(
    http: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    rule = sandbox.faults.add("status=503", vendor="twilio", operation="sessions.create", times=2)
    statuses = [(await http.post(TWILIO, auth=TWILIO_AUTH)).status_code for _ in range(3)]
    assert statuses == [503, 503, 201]
    assert rule.hits == 2
    creates = sandbox.requests.matching(vendor="twilio", operation="sessions.create")
    assert [(r.fault, r.handled) for r in creates] == [
        ("status=503", False),
        ("status=503", False),
        (None, True),
    ]
    assert len(sandbox.requests.matching(operation="sessions.create", changed_state=True)) == 1


async def test_healthz_never_fails_nor_uses_up_a_rule(
    http: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    rule = sandbox.faults.add("status=503")
    assert (await http.get("/healthz", headers=fault("drop"))).status_code == 200
    assert (await http.get("/healthz")).status_code == 200
    assert (rule.hits, rule.remaining) == (0, 1)
    assert (await http.get("/equos/v3/sessions")).status_code == 503


async def test_drop_without_a_server_transport_raises_in_process() -> None:
    """Under an in-process ASGI client there is no connection to drop: the app raises,
    which the client sees as a failed request."""
    transport = httpx.ASGITransport(create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as client:
        with pytest.raises(ConnectionAbortedError):
            await client.get("/equos/v3/sessions", headers=fault("drop"))


async def test_a_bad_fault_header_is_a_vendor_400(http: httpx.AsyncClient) -> None:
    response = await http.post(TWILIO, auth=TWILIO_AUTH, headers=fault("explode"))
    assert response.status_code == 400
    assert response.json()["message"].startswith("sandbox: invalid X-Sandbox-Fault header")
    assert await twilio_count(http) == 0
