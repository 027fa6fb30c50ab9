"""Sipher behaviour of the sandbox, over a real socket with raw httpx."""

from __future__ import annotations

import re
from typing import Any

import httpx

from sessionhub.sandbox import SIPHER_API_KEY, SIPHER_FREE_API_KEY, ManualClock

SESSIONS = "/sipher/v1/sessions"
AUTH = {"X-API-Key": SIPHER_API_KEY}
OTHER = {"X-API-Key": "sandbox-sipher-other"}  # a second pro key (see conftest)
UNKNOWN_ID = "sess_" + "f" * 64


async def create(http: httpx.AsyncClient, body: dict[str, Any] | None = None) -> dict[str, Any]:
    response = await http.post(SESSIONS, headers=AUTH, json=body or {"defaults": {}})
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


async def test_create_returns_id_defaults_and_epoch_millisecond_times(
    http: httpx.AsyncClient,
) -> None:
    body = {"defaults": {"chain": "solana", "privacyLevel": "shielded", "unknown": 1}}
    response = await http.post(SESSIONS, headers=AUTH, json={**body, "ttlSeconds": 300})
    assert response.status_code == 201
    created = response.json()
    assert created["success"] is True
    data = created["data"]
    assert re.fullmatch(r"sess_[0-9a-f]{64}", data["sessionId"])
    assert data["defaults"] == {"chain": "solana", "privacyLevel": "shielded"}  # unknown dropped
    assert data["createdAt"] == 1_767_225_600_000
    assert data["expiresAt"] == data["createdAt"] + 300_000


async def test_get_bumps_last_accessed_but_never_the_expiry(
    http: httpx.AsyncClient, clock: ManualClock
) -> None:
    created = await create(http)
    clock.advance(10)
    got = await http.get(f"{SESSIONS}/{created['sessionId']}", headers=AUTH)
    data = got.json()["data"]
    assert data["lastAccessedAt"] == created["createdAt"] + 10_000
    assert data["expiresAt"] == created["createdAt"] + 3_600_000  # default TTL


async def test_patch_merges_only_the_keys_sent(http: httpx.AsyncClient) -> None:
    created = await create(http, {"defaults": {"chain": "solana", "backend": "sip-native"}})
    url = f"{SESSIONS}/{created['sessionId']}"
    patched = await http.patch(
        url, headers=AUTH, json={"defaults": {"chain": "ethereum"}, "ttlSeconds": 60}
    )
    data = patched.json()["data"]
    assert data["defaults"] == {"chain": "ethereum", "backend": "sip-native"}
    assert "createdAt" not in data
    assert data["expiresAt"] == created["expiresAt"]  # ttlSeconds is not updatable
    assert (await http.get(url, headers=AUTH)).json()["data"]["defaults"] == data["defaults"]


async def test_delete_answers_200_then_404(http: httpx.AsyncClient) -> None:
    session_id = (await create(http))["sessionId"]
    deleted = await http.delete(f"{SESSIONS}/{session_id}", headers=AUTH)
    assert deleted.status_code == 200
    assert deleted.json() == {"success": True, "data": {"sessionId": session_id, "deleted": True}}
    again = await http.delete(f"{SESSIONS}/{session_id}", headers=AUTH)
    assert again.status_code == 404
    assert again.json() == {
        "success": False,
        "error": {"code": "SESSION_NOT_FOUND", "message": f"Session not found: {session_id}"},
    }


async def test_sessions_expire_after_ttl(http: httpx.AsyncClient, clock: ManualClock) -> None:
    session_id = (await create(http, {"defaults": {}, "ttlSeconds": 60}))["sessionId"]
    clock.advance(59.999)
    assert (await http.get(f"{SESSIONS}/{session_id}", headers=AUTH)).status_code == 200
    clock.advance(0.001)
    for method in ("GET", "PATCH", "DELETE"):
        body: dict[str, Any] | None = {"defaults": {}} if method == "PATCH" else None
        response = await http.request(method, f"{SESSIONS}/{session_id}", headers=AUTH, json=body)
        assert response.status_code == 404, method
        assert response.json()["error"]["code"] == "SESSION_NOT_FOUND"


async def test_sessions_belong_to_their_key(http: httpx.AsyncClient) -> None:
    session_id = (await create(http))["sessionId"]
    assert (await http.get(f"{SESSIONS}/{session_id}", headers=OTHER)).status_code == 404
    bearer = {"Authorization": f"Bearer {SIPHER_API_KEY}"}
    assert (await http.get(f"{SESSIONS}/{session_id}", headers=bearer)).status_code == 200


async def test_auth_failures(http: httpx.AsyncClient) -> None:
    missing = await http.post(SESSIONS, json={"defaults": {}})
    assert missing.status_code == 401
    assert missing.json()["error"]["code"] == "UNAUTHORIZED"
    wrong = await http.post(SESSIONS, headers={"X-API-Key": "sk_pro_nope"}, json={"defaults": {}})
    assert (wrong.status_code, wrong.json()["error"]["code"]) == (401, "INVALID_API_KEY")
    free = await http.post(SESSIONS, headers={"X-API-Key": SIPHER_FREE_API_KEY}, json={})
    assert free.status_code == 403
    assert free.json() == {
        "success": False,
        "error": {
            "code": "TIER_ACCESS_DENIED",
            "message": "Endpoint /v1/sessions not available on free tier. "
            "Upgrade to pro or enterprise.",
        },
    }


async def test_validation_errors_carry_zod_issues(http: httpx.AsyncClient) -> None:
    response = await http.post(
        SESSIONS, headers=AUTH, json={"defaults": {"chain": "tron"}, "ttlSeconds": 30}
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["code"], error["message"]) == ("VALIDATION_ERROR", "Invalid request data")
    assert [issue["path"] for issue in error["details"]] == [["defaults", "chain"], ["ttlSeconds"]]
    assert [issue["code"] for issue in error["details"]] == ["invalid_value", "too_small"]
    assert error["details"][1]["minimum"] == 60

    for body, code, path in (
        ({}, "invalid_type", ["defaults"]),
        ({"defaults": {}, "ttlSeconds": 86401}, "too_big", ["ttlSeconds"]),
        ({"defaults": {}, "ttlSeconds": 90.5}, "invalid_type", ["ttlSeconds"]),
        ({"defaults": {"backend": "arcium"}}, "invalid_value", ["defaults", "backend"]),
        (
            {"defaults": {"defaultViewingKey": "abc"}},
            "invalid_format",
            ["defaults", "defaultViewingKey"],
        ),
        ({"defaults": {"chain": None}}, "invalid_value", ["defaults", "chain"]),
        ([], "invalid_type", []),
    ):
        issues = (await http.post(SESSIONS, headers=AUTH, json=body)).json()["error"]["details"]
        assert [(issue["code"], issue["path"]) for issue in issues] == [(code, path)], body
    missing = await http.post(SESSIONS, headers=AUTH)
    assert missing.json()["error"]["details"][0]["message"] == (
        "Invalid input: expected object, received undefined"
    )


async def test_malformed_json_and_bad_ids(http: httpx.AsyncClient) -> None:
    for raw in (b'{"defaults": ', b'"just a string"', b"NaN"):
        response = await http.post(
            SESSIONS, headers={**AUTH, "Content-Type": "application/json"}, content=raw
        )
        assert response.status_code == 400
        assert response.json()["error"]["code"] == "INVALID_JSON"
    for bad in ("sess_" + "F" * 64, "sess_123", "nope"):
        response = await http.get(f"{SESSIONS}/{bad}", headers=AUTH)
        assert response.status_code == 400
        assert "details" not in response.json()["error"]
    unknown = await http.get(f"{SESSIONS}/{UNKNOWN_ID}", headers=AUTH)
    assert unknown.status_code == 404


async def test_patch_checks_the_body_before_the_id(http: httpx.AsyncClient) -> None:
    response = await http.patch(f"{SESSIONS}/nope", headers=AUTH, json={"defaults": 5})
    assert response.json()["error"]["details"][0]["path"] == ["defaults"]
    response = await http.patch(f"{SESSIONS}/nope", headers=AUTH, json={"defaults": {}})
    assert response.json()["error"]["message"].startswith("Invalid session ID format")


async def test_request_id_is_echoed_or_made_up(http: httpx.AsyncClient) -> None:
    echoed = await http.get(f"{SESSIONS}/{UNKNOWN_ID}", headers={**AUTH, "X-Request-ID": "abc-1"})
    assert echoed.headers["x-request-id"] == "abc-1"
    made_up = await http.post(SESSIONS, json={})
    assert re.fullmatch(r"[0-9a-f-]{36}", made_up.headers["x-request-id"])


async def test_unknown_routes_are_sipher_404s_after_auth(http: httpx.AsyncClient) -> None:
    assert (await http.get("/sipher/v1/nothing")).status_code == 401
    response = await http.post(f"{SESSIONS}/{UNKNOWN_ID}", headers=AUTH)
    assert response.status_code == 404
    assert response.json()["error"] == {
        "code": "NOT_FOUND",
        "message": f"Route POST /v1/sessions/{UNKNOWN_ID} not found",
    }
