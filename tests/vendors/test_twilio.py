"""TwilioProxy against a mock transport: form bodies, Basic auth, paging, Twilio errors."""

from __future__ import annotations

import base64
import datetime as dt
import json
from typing import Any

import httpx
import pytest

from sessionhub import (
    BadRequestError,
    ConfigurationError,
    InvalidRequestError,
    NotFoundError,
    RateLimitError,
    TwilioProxy,
)
from sessionhub.twilio import Session, SessionMode, SessionStatus
from tests.conftest import FakeSleep, Script, sample

SID = "AC" + "1" * 32
TOKEN = "twilio-secret-token"
SERVICE = "KS" + "a" * 32
SESSION = "KC" + "b" * 32


def client(script: Script, **kwargs: Any) -> TwilioProxy:
    return TwilioProxy(account_sid=SID, auth_token=TOKEN, http_client=script.client(), **kwargs)


def session_body(sid: str) -> dict[str, Any]:
    return {**sample("twilio-proxy", "session-fetch-200.json"), "sid": sid}


async def test_create_sends_form_with_participants_as_json_strings(script: Script) -> None:
    script.json(201, sample("twilio-proxy", "session-create-201.json"))
    participants = [
        {"Identifier": "+15550001111", "FriendlyName": "Alice"},
        {"Identifier": "+15550002222"},
    ]
    async with client(script) as twilio:
        session = await twilio.sessions.create(
            SERVICE,
            unique_name="order-1",
            ttl=3600,
            mode="voice-and-message",
            participants=participants,
            date_expiry=dt.datetime(2030, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
        )
    request = script.last
    assert (request.method, request.url.path) == ("POST", f"/v1/Services/{SERVICE}/Sessions")
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    basic = base64.b64encode(f"{SID}:{TOKEN}".encode()).decode()
    assert request.headers["authorization"] == f"Basic {basic}"
    form = script.form()
    assert ("UniqueName", "order-1") in form and ("Ttl", "3600") in form
    assert ("Mode", "voice-and-message") in form
    assert ("DateExpiry", "2030-01-02T03:04:05Z") in form
    sent = [json.loads(value) for key, value in form if key == "Participants"]
    assert sent == participants
    assert isinstance(session, Session) and session.sid.startswith("KC")


async def test_fetch_update_delete(script: Script) -> None:
    script.json(200, session_body(SESSION))
    script.json(200, sample("twilio-proxy", "session-update-200.json"))
    script.reply(httpx.Response(204))
    async with client(script) as twilio:
        fetched = await twilio.sessions.fetch(SERVICE, SESSION)
        updated = await twilio.sessions.update(SERVICE, SESSION, status="in-progress", ttl=60)
        assert await twilio.sessions.delete(SERVICE, SESSION) is None
    assert fetched.sid == SESSION
    assert updated.status is SessionStatus.IN_PROGRESS
    methods = [(r.method, r.url.path) for r in script.requests]
    path = f"/v1/Services/{SERVICE}/Sessions/{SESSION}"
    assert methods == [("GET", path), ("POST", path), ("DELETE", path)]
    assert sorted(script.form(1)) == [("Status", "in-progress"), ("Ttl", "60")]


def page(sids: list[str], next_token: str | None, page_no: int) -> dict[str, Any]:
    base = f"https://proxy.twilio.com/v1/Services/{SERVICE}/Sessions"
    nxt = f"{base}?PageSize=2&Page={page_no + 1}&PageToken={next_token}" if next_token else None
    return {
        "sessions": [session_body(s) for s in sids],
        "meta": {
            "page": page_no,
            "page_size": 2,
            "key": "sessions",
            "next_page_url": nxt,
            "previous_page_url": None,
            "url": base,
            "first_page_url": base,
        },
    }


async def test_list_follows_next_page_url_tokens_on_our_own_host(script: Script) -> None:
    sids = ["KC" + f"{i:032x}" for i in range(5)]
    script.json(200, page(sids[0:2], "PA1", 0)).json(200, page(sids[2:4], "PA2", 1))
    script.json(200, page(sids[4:], None, 2))
    async with client(script, base_url="http://127.0.0.1:8000/twilio") as twilio:
        got = [s.sid async for s in twilio.sessions.list(SERVICE, page_size=2)]
    assert got == sids
    urls = [r.url for r in script.requests]
    assert all(
        u.host == "127.0.0.1" and u.path == f"/twilio/v1/Services/{SERVICE}/Sessions" for u in urls
    )
    assert [dict(u.params) for u in urls] == [
        {"PageSize": "2"},
        {"PageSize": "2", "Page": "1", "PageToken": "PA1"},
        {"PageSize": "2", "Page": "2", "PageToken": "PA2"},
    ]


async def test_list_limit_sets_page_size_and_stops(script: Script) -> None:
    script.json(200, page(["KC" + "1" * 32], "PA1", 0))
    async with client(script) as twilio:
        got = [s async for s in twilio.sessions.list(SERVICE, limit=1)]
    assert len(got) == 1 and len(script.requests) == 1
    assert script.last.url.params["PageSize"] == "1"


async def test_empty_list(script: Script) -> None:
    script.json(200, sample("twilio-proxy", "sessions-list-empty-200.json"))
    async with client(script) as twilio:
        first = await twilio.sessions.list(SERVICE)
    assert first.items == [] and not first.has_next_page()


async def test_404_carries_twilio_code_and_request_id(script: Script) -> None:
    script.json(404, sample("twilio-proxy", "error-404.json"), headers={"Twilio-Request-Id": "RQ1"})
    async with client(script) as twilio:
        with pytest.raises(NotFoundError) as info:
            await twilio.sessions.fetch(SERVICE, SESSION)
    err = info.value
    assert err.code == 20404 and err.request_id == "RQ1" and err.vendor == "twilio"
    # `fetch` is twilio-python's name for get: one operation, one name everywhere
    assert err.operation == "sessions.get" and "20404" in str(err)


async def test_create_retried_on_twilio_429_only(script: Script, fake_sleep: FakeSleep) -> None:
    too_many = {"code": 20429, "message": "Too Many Requests", "status": 429}
    script.json(429, too_many, headers={"Retry-After": "1"})
    script.json(201, sample("twilio-proxy", "session-create-201.json"))
    async with client(script) as twilio:
        twilio._sleep = fake_sleep
        await twilio.sessions.create(SERVICE)
        assert len(script.requests) == 2 and fake_sleep.delays == [1.0]
        script.json(500, {"code": 20500, "message": "oops", "status": 500})
        with pytest.raises(Exception, match="HTTP 500"):
            await twilio.sessions.create(SERVICE)
        assert len(script.requests) == 3  # a 500 on create is not retried
        script.default = httpx.Response(429, json=too_many)
        with pytest.raises(RateLimitError):
            await twilio.sessions.create(SERVICE)


async def test_400_with_code(script: Script) -> None:
    script.json(400, {"code": 80608, "message": "Session Status Invalid", "status": 400})
    async with client(script) as twilio:
        with pytest.raises(BadRequestError, match="80608"):
            await twilio.sessions.update(SERVICE, SESSION, status=SessionStatus.CLOSED)


@pytest.mark.parametrize(
    ("call", "args"),
    [
        ("fetch", ("KS123", SESSION)),
        ("fetch", (SERVICE, "")),
        ("fetch", (SERVICE, "..")),
        ("fetch", (SERVICE, "a\r\nX-Injected: 1")),
        ("update", (SERVICE, "KC../../x")),
        ("delete", (SERVICE, "../" + SESSION)),
        ("delete", ("KS" + "g" * 32, SESSION)),
    ],
)
async def test_bad_ids_rejected_before_sending(
    script: Script, call: str, args: tuple[str, str]
) -> None:
    async with client(script) as twilio:
        with pytest.raises(InvalidRequestError):
            await getattr(twilio.sessions, call)(*args)
    assert script.requests == []


async def test_fetch_percent_encodes_unusual_ids(script: Script) -> None:
    script.json(200, session_body(SESSION))
    async with client(script) as twilio:
        await twilio.sessions.fetch(SERVICE, "my/order?x=1#y")
    assert script.last.url.raw_path.endswith(b"/Sessions/my%2Forder%3Fx%3D1%23y")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"mode": "video"},
        {"status": "archived"},
        {"ttl": -1},
        {"participants": [{"Name": "x"}]},
        {"participants": "+1555"},
        {"unique_name": "x" * 192},
        {"date_expiry": "tomorrow"},
    ],
)
async def test_bad_create_arguments_rejected(script: Script, kwargs: dict[str, Any]) -> None:
    async with client(script) as twilio:
        with pytest.raises(InvalidRequestError):
            await twilio.sessions.create(SERVICE, **kwargs)
    assert script.requests == []


def test_credentials_from_env_and_redacted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWILIO_ACCOUNT_SID", SID)
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    twilio = TwilioProxy()
    assert twilio.account_sid == SID and TOKEN not in repr(twilio)
    monkeypatch.delenv("TWILIO_AUTH_TOKEN")
    with pytest.raises(ConfigurationError, match="TWILIO_AUTH_TOKEN"):
        TwilioProxy()


async def test_unknown_enum_value_from_twilio_is_kept(script: Script) -> None:
    script.json(200, {**session_body(SESSION), "status": "archived", "mode": "video-only"})
    async with client(script) as twilio:
        session = await twilio.sessions.fetch(SERVICE, SESSION)
    assert session.status == "archived" and session.status.name == "UNDOCUMENTED"
    assert session.mode is not None and session.mode.value == "video-only"
    assert SessionMode("voice-only") is SessionMode.VOICE_ONLY
