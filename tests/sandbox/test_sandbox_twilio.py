"""Twilio Proxy behaviour of the sandbox, over a real socket with raw httpx."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx

from sessionhub.sandbox import (
    TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN,
    TWILIO_SERVICE_SID,
    ManualClock,
    Sandbox,
)

TWILIO_AUTH = httpx.BasicAuth(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)
TWILIO_SESSIONS = f"/v1/Services/{TWILIO_SERVICE_SID}/Sessions"

BASE = "/twilio" + TWILIO_SESSIONS


async def create(http: httpx.AsyncClient, **form: Any) -> dict[str, Any]:
    response = await http.post(BASE, auth=TWILIO_AUTH, data=form)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_create_returns_201_with_twilio_ids_dates_and_absolute_urls(
    http: httpx.AsyncClient, sandbox: Sandbox, clock: ManualClock
) -> None:
    response = await http.post(
        BASE,
        auth=TWILIO_AUTH,
        data={"UniqueName": "Order #1", "Ttl": "3600", "Mode": "message-only"},
    )
    assert response.status_code == 201
    assert re.fullmatch(r"RQ[0-9a-f]{32}", response.headers["twilio-request-id"])
    session = response.json()
    assert re.fullmatch(r"KC[0-9a-f]{32}", session["sid"])
    assert session["account_sid"] == "AC00000000000000000000000000000000"
    assert session["service_sid"] == "KS00000000000000000000000000000000"
    assert (session["status"], session["mode"], session["ttl"]) == ("open", "message-only", 3600)
    assert session["unique_name"] == "Order #1"
    assert session["date_created"] == "2026-01-01T00:00:00Z" == session["date_updated"]
    assert session["date_started"] is None and session["date_ended"] is None
    url = f"{sandbox.base_url('twilio')}{TWILIO_SESSIONS}/{session['sid']}"
    assert session["url"] == url
    assert session["links"] == {
        "interactions": url + "/Interactions",
        "participants": url + "/Participants",
    }


async def test_create_defaults_and_date_expiry(http: httpx.AsyncClient) -> None:
    session = await create(http, DateExpiry="2030-01-01T10:00:00+02:00")
    assert session["mode"] == "voice-and-message"
    assert session["ttl"] == 0
    assert session["date_expiry"] == "2030-01-01T08:00:00Z"


async def test_participants_are_repeated_form_keys_of_json_objects(http: httpx.AsyncClient) -> None:
    alice = json.dumps({"Identifier": "+15558675310", "FriendlyName": "Alice"})
    bob = json.dumps({"Identifier": "+15553217654"})
    response = await http.post(BASE, auth=TWILIO_AUTH, data={"Participants": [alice, bob]})
    assert response.status_code == 201

    three = await http.post(BASE, auth=TWILIO_AUTH, data={"Participants": [alice, bob, bob]})
    assert three.status_code == 400
    twice = await http.post(BASE, auth=TWILIO_AUTH, data={"Participants": [alice, alice]})
    assert (twice.status_code, twice.json()["code"]) == (400, 80103)
    repr_not_json = await http.post(
        BASE, auth=TWILIO_AUTH, data={"Participants": "{'Identifier': '+1'}"}
    )
    assert repr_not_json.status_code == 400
    assert set(repr_not_json.json()) == {"message", "status"}


async def test_validation_errors_are_twilio_400s(http: httpx.AsyncClient) -> None:
    for form in (
        {"Ttl": "soon"},
        {"Ttl": "-1"},
        {"Ttl": "9" * 5000},
        {"Mode": "video"},
        {"DateExpiry": "tomorrow"},
        {"Status": "paused"},
        {"UniqueName": "x" * 192},
    ):
        response = await http.post(BASE, auth=TWILIO_AUTH, data=form)
        assert response.status_code == 400, form
        assert response.json()["status"] == 400
    closed = await http.post(BASE, auth=TWILIO_AUTH, data={"Status": "closed"})
    assert closed.json()["code"] == 80608


async def test_unique_name_is_unique_and_fetchable(http: httpx.AsyncClient) -> None:
    session = await create(http, UniqueName="order-7")
    again = await http.post(BASE, auth=TWILIO_AUTH, data={"UniqueName": "order-7"})
    assert again.status_code == 400
    by_name = await http.get(f"{BASE}/order-7", auth=TWILIO_AUTH)
    assert by_name.json()["sid"] == session["sid"]


async def test_json_body_is_refused(http: httpx.AsyncClient) -> None:
    response = await http.post(BASE, auth=TWILIO_AUTH, json={"UniqueName": "x"})
    assert response.status_code == 400
    assert "x-www-form-urlencoded" in response.json()["message"]


async def test_status_transitions(http: httpx.AsyncClient) -> None:
    sid = (await create(http))["sid"]
    url = f"{BASE}/{sid}"
    invalid = await http.post(url, auth=TWILIO_AUTH, data={"Status": "in-progress"})
    assert invalid.status_code == 400
    assert invalid.json() == {
        "code": 80608,
        "message": "Session Status Invalid",
        "more_info": "https://www.twilio.com/docs/errors/80608",
        "status": 400,
    }
    closed = await http.post(url, auth=TWILIO_AUTH, data={"Status": "closed"})
    assert closed.json()["status"] == "closed"
    assert closed.json()["date_ended"] is not None
    locked = await http.post(url, auth=TWILIO_AUTH, data={"Ttl": "60"})
    assert locked.json()["code"] == 80607
    reopened = await http.post(url, auth=TWILIO_AUTH, data={"Status": "in-progress", "Ttl": "3600"})
    assert reopened.status_code == 200
    assert (reopened.json()["status"], reopened.json()["ttl"]) == ("in-progress", 3600)
    assert reopened.json()["date_ended"] is None
    assert reopened.json()["date_started"] is not None


async def test_delete_is_204_then_fetch_is_twilio_404(http: httpx.AsyncClient) -> None:
    sid = (await create(http))["sid"]
    deleted = await http.delete(f"{BASE}/{sid}", auth=TWILIO_AUTH)
    assert (deleted.status_code, deleted.content) == (204, b"")
    assert "content-type" not in deleted.headers
    gone = await http.get(f"{BASE}/{sid}", auth=TWILIO_AUTH)
    assert gone.status_code == 404
    resource = f"/Services/KS00000000000000000000000000000000/Sessions/{sid}"
    assert gone.json() == {
        "code": 20404,
        "message": f"The requested resource {resource} was not found",
        "more_info": "https://www.twilio.com/docs/errors/20404",
        "status": 404,
    }
    again = await http.delete(f"{BASE}/{sid}", auth=TWILIO_AUTH)
    assert again.status_code == 404


async def test_auth_and_unknown_service(http: httpx.AsyncClient) -> None:
    for auth in (
        None,
        httpx.BasicAuth("AC00000000000000000000000000000000", "wrong"),
        httpx.BasicAuth("ACffffffffffffffffffffffffffffffff", "sandbox-twilio"),
    ):
        response = await http.get(BASE, auth=auth)
        assert response.status_code == 401
        assert response.json() == {
            "code": 20003,
            "message": "Authenticate",
            "more_info": "https://www.twilio.com/docs/errors/20003",
            "status": 401,
            "detail": "Your AccountSid or AuthToken was incorrect.",
        }
        assert response.headers["www-authenticate"].startswith("Basic")
    other = await http.get(
        "/twilio/v1/Services/KSffffffffffffffffffffffffffffffff/Sessions", auth=TWILIO_AUTH
    )
    assert other.status_code == 404
    assert other.json()["code"] == 20404


async def test_list_pages_by_absolute_next_page_url(
    http: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    sids = [(await create(http))["sid"] for _ in range(5)]
    first = (await http.get(BASE, auth=TWILIO_AUTH, params={"PageSize": 2})).json()
    meta = first["meta"]
    assert [s["sid"] for s in first["sessions"]] == sids[:2]
    assert meta["key"] == "sessions"
    assert (meta["page"], meta["page_size"], meta["previous_page_url"]) == (0, 2, None)
    assert (
        meta["url"]
        == meta["first_page_url"]
        == f"{sandbox.base_url('twilio')}{TWILIO_SESSIONS}?PageSize=2&Page=0"
    )
    seen, url, pages = [], meta["next_page_url"], 1
    assert url.startswith(
        sandbox.base_url("twilio") + TWILIO_SESSIONS + "?PageSize=2&Page=1&PageToken="
    )
    while url:
        page = (await http.get(url, auth=TWILIO_AUTH)).json()
        assert page["meta"]["page"] == pages
        assert page["meta"]["previous_page_url"] is not None
        seen += [s["sid"] for s in page["sessions"]]
        url, pages = page["meta"]["next_page_url"], pages + 1
    assert seen == sids[2:]
    assert pages == 3


async def test_default_page_size_and_empty_list(http: httpx.AsyncClient) -> None:
    page = (await http.get(BASE, auth=TWILIO_AUTH)).json()
    assert page["sessions"] == []
    assert page["meta"]["page_size"] == 50
    assert page["meta"]["next_page_url"] is None


async def test_paging_is_stable_while_sessions_are_added_and_deleted(
    http: httpx.AsyncClient,
) -> None:
    sids = [(await create(http))["sid"] for _ in range(4)]
    first = (await http.get(BASE, auth=TWILIO_AUTH, params={"PageSize": 2})).json()
    # Meanwhile: the first session goes, two new ones arrive.
    await http.delete(f"{BASE}/{sids[0]}", auth=TWILIO_AUTH)
    added = [(await create(http))["sid"] for _ in range(2)]
    rest: list[str] = []
    url = first["meta"]["next_page_url"]
    while url:
        page = (await http.get(url, auth=TWILIO_AUTH)).json()
        rest += [s["sid"] for s in page["sessions"]]
        url = page["meta"]["next_page_url"]
    # Nothing skipped, nothing repeated; the new sessions come at the end.
    assert rest == sids[2:] + added


async def test_previous_page_url_goes_back(http: httpx.AsyncClient) -> None:
    sids = [(await create(http))["sid"] for _ in range(3)]
    first = (await http.get(BASE, auth=TWILIO_AUTH, params={"PageSize": 2})).json()
    second = (await http.get(first["meta"]["next_page_url"], auth=TWILIO_AUTH)).json()
    back = (await http.get(second["meta"]["previous_page_url"], auth=TWILIO_AUTH)).json()
    assert [s["sid"] for s in back["sessions"]] == sids[:2]
    assert back["meta"]["page"] == 0


async def test_bad_paging_parameters(http: httpx.AsyncClient) -> None:
    for params in ({"PageSize": 0}, {"PageSize": 1001}, {"PageSize": "ten"}, {"Page": -1}):
        assert (await http.get(BASE, auth=TWILIO_AUTH, params=params)).status_code == 400
    token = await http.get(BASE, auth=TWILIO_AUTH, params={"PageToken": "PAKCnope"})
    assert token.status_code == 400
    assert token.json()["code"] == 21481


async def test_ttl_expiry_closes_the_session(http: httpx.AsyncClient, clock: ManualClock) -> None:
    sid = (await create(http, Ttl="60"))["sid"]
    clock.advance(59)
    assert (await http.get(f"{BASE}/{sid}", auth=TWILIO_AUTH)).json()["status"] == "open"
    clock.advance(1)
    expired = (await http.get(f"{BASE}/{sid}", auth=TWILIO_AUTH)).json()
    assert expired["status"] == "closed"
    assert expired["date_ended"] == "2026-01-01T00:01:00Z"


async def test_unknown_route_and_method(http: httpx.AsyncClient) -> None:
    missing = await http.get("/twilio/v1/Services", auth=TWILIO_AUTH)
    assert (missing.status_code, missing.json()["code"]) == (404, 20404)
    wrong = await http.put(BASE, auth=TWILIO_AUTH)
    assert (wrong.status_code, wrong.json()["code"]) == (405, 20004)
