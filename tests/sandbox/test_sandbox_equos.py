"""Equos behaviour of the sandbox, over a real socket with raw httpx."""

from __future__ import annotations

import base64
import json
import re
from typing import Any

import httpx

from sessionhub.sandbox import EQUOS_API_KEY, ManualClock

SESSIONS = "/equos/v3/sessions"
AUTH = {"x-api-key": EQUOS_API_KEY}
ISO_MILLIS = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"


async def create(http: httpx.AsyncClient, **fields: Any) -> dict[str, Any]:
    body = {"name": "Lesson", "avatar": {"id": "cavatar0000000000000000001"}, **fields}
    response = await http.post(SESSIONS, headers=AUTH, json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def test_create_starts_a_session_with_tokens(http: httpx.AsyncClient) -> None:
    created = await create(
        http,
        client="user-1",
        maxDuration=600,
        agent={"provider": "gemini", "voice": "Puck", "name": "Tutor"},
        consumerIdentity={"identity": "user-1", "name": "Camille"},
        templateVars={"level": "A2"},
    )
    session = created["session"]
    assert re.fullmatch(r"c[0-9a-z]{24}", session["id"])
    assert (session["status"], session["client"], session["maxDuration"]) == (
        "starting",
        "user-1",
        600,
    )
    assert session["startedAt"] == session["createdAt"] == "2026-01-01T00:00:00.000Z"
    assert session["endedAt"] is None
    assert session["avatarId"] == session["avatar"]["id"] == "cavatar0000000000000000001"
    assert session["agent"]["name"] == "Tutor" and session["agentId"] == session["agent"]["id"]
    assert session["templateVars"] == {"level": "A2"}
    assert session["host"]["serverUrl"].startswith("wss://")
    payload = created["consumerAccessToken"].split(".")[1]
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    assert (claims["sub"], claims["video"]["room"]) == ("user-1", session["id"])
    assert "remoteAgentAccessToken" not in created


async def test_own_agent_gets_a_remote_agent_token(http: httpx.AsyncClient) -> None:
    created = await create(
        http,
        remoteAgentConnectingIdentity={"identity": "my-agent", "name": "Agent"},
        host={"serverUrl": "wss://my.livekit.example", "accessToken": "t"},
    )
    assert created["session"]["remoteAgentIdentity"] == "my-agent"
    assert created["session"]["agent"] is None
    assert created["session"]["host"] == {"serverUrl": "wss://my.livekit.example"}
    assert created["remoteAgentAccessToken"].count(".") == 2


async def test_get_and_stop(http: httpx.AsyncClient, clock: ManualClock) -> None:
    session = (await create(http))["session"]
    url = f"{SESSIONS}/{session['id']}"
    assert (await http.get(url, headers=AUTH)).json() == session
    clock.advance(1.25)
    stopped = (await http.patch(f"{url}/stop", headers=AUTH)).json()
    assert stopped["status"] == "ended"
    assert stopped["endedAt"] == stopped["updatedAt"] == "2026-01-01T00:00:01.250Z"
    assert re.fullmatch(ISO_MILLIS, stopped["endedAt"])
    again = await http.patch(f"{url}/stop", headers=AUTH)
    assert (again.status_code, again.text, again.headers["content-type"]) == (
        200,
        "null",
        "application/json",
    )


async def test_unknown_session_is_null_or_an_empty_body(http: httpx.AsyncClient) -> None:
    for method, path in (("GET", f"{SESSIONS}/cnope"), ("PATCH", f"{SESSIONS}/cnope/stop")):
        literal = await http.request(method, path, headers=AUTH)
        assert (literal.status_code, literal.text) == (200, "null")
        empty = await http.request(method, path, headers={**AUTH, "X-Sandbox-Null-Style": "empty"})
        assert (empty.status_code, empty.content) == (200, b"")
        assert "content-type" not in empty.headers


async def test_max_duration_ends_the_session(http: httpx.AsyncClient, clock: ManualClock) -> None:
    session = (await create(http, maxDuration=60))["session"]
    clock.advance(61)
    ended = (await http.get(f"{SESSIONS}/{session['id']}", headers=AUTH)).json()
    assert ended["status"] == "ended"
    assert ended["endedAt"] == "2026-01-01T00:01:00.000Z"
    stop = await http.patch(f"{SESSIONS}/{session['id']}/stop", headers=AUTH)
    assert stop.text == "null"


async def test_list_skip_take_total_and_client_filter(http: httpx.AsyncClient) -> None:
    ids = [(await create(http, client="a" if i % 2 else "b"))["session"]["id"] for i in range(25)]
    page = (await http.get(SESSIONS, headers=AUTH)).json()
    assert (page["skip"], page["take"], page["total"]) == (0, 20, 25)
    assert [s["id"] for s in page["sessions"]] == ids[:20]
    rest = (await http.get(SESSIONS, headers=AUTH, params={"skip": 20, "take": 50})).json()
    assert [s["id"] for s in rest["sessions"]] == ids[20:]
    mine = (await http.get(SESSIONS, headers=AUTH, params={"client": "a", "take": 5})).json()
    assert mine["total"] == 12
    assert [s["id"] for s in mine["sessions"]] == ids[1:10:2]


async def test_offset_pages_do_not_shift_when_sessions_are_added(http: httpx.AsyncClient) -> None:
    ids = [(await create(http))["session"]["id"] for _ in range(4)]
    first = (await http.get(SESSIONS, headers=AUTH, params={"take": 2})).json()
    added = (await create(http))["session"]["id"]  # oldest first: new sessions go last
    second = (await http.get(SESSIONS, headers=AUTH, params={"take": 2, "skip": 2})).json()
    third = (await http.get(SESSIONS, headers=AUTH, params={"take": 2, "skip": 4})).json()
    pages = [first, second, third]
    assert [s["id"] for page in pages for s in page["sessions"]] == [*ids, added]


async def test_list_validation_is_nestjs_shaped(http: httpx.AsyncClient) -> None:
    for params, message in (
        ({"take": 51}, "take must not be greater than 50"),
        ({"take": 0}, "take must not be less than 1"),
        ({"skip": -1}, "skip must not be less than 0"),
        ({"take": "ten"}, "take must be an integer number"),
        ({"take": "--5"}, "take must be an integer number"),
        ({"skip": "9" * 5000}, "skip must be an integer number"),
    ):
        response = await http.get(SESSIONS, headers=AUTH, params=params)
        assert response.status_code == 400
        assert response.json() == {"message": [message], "error": "Bad Request", "statusCode": 400}


async def test_create_validation(http: httpx.AsyncClient) -> None:
    response = await http.post(
        SESSIONS, headers=AUTH, json={"agent": {"provider": "azure"}, "maxDuration": "long"}
    )
    assert response.status_code == 400
    assert response.json()["message"] == [
        "name must be a string",
        "maxDuration must be an integer number",
        "agent.provider must be one of the following values: openai, gemini, elevenlabs",
        "avatar should not be empty",
    ]
    on_the_fly = await http.post(
        SESSIONS, headers=AUTH, json={"name": "x", "avatar": {"identity": "a", "name": "A"}}
    )
    assert on_the_fly.json()["message"] == ["avatar.refImage must be a string"]
    broken = await http.post(
        SESSIONS, headers={**AUTH, "Content-Type": "application/json"}, content=b"{nope"
    )
    assert broken.status_code == 400
    assert isinstance(broken.json()["message"], str)


async def test_auth_and_unknown_routes(http: httpx.AsyncClient) -> None:
    for headers in ({}, {"x-api-key": "nope"}, {"Authorization": f"Bearer {EQUOS_API_KEY}"}):
        response = await http.get(SESSIONS, headers=headers)
        assert (response.status_code, response.json()) == (
            401,
            {"message": "Unauthorized", "statusCode": 401},
        )
    for method, path in (("GET", "/equos/v3/avatars"), ("DELETE", f"{SESSIONS}/cx")):
        response = await http.request(method, path, headers=AUTH)
        assert response.status_code == 404
        assert response.json() == {
            "message": f"Cannot {method} {path.removeprefix('/equos')}",
            "error": "Not Found",
            "statusCode": 404,
        }
