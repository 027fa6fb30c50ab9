"""Sipher against a mock transport: X-API-Key, envelopes unwrapped, Sipher's error body."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from sessionhub import (
    BadRequestError,
    ConfigurationError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    ResponseValidationError,
    Sipher,
)
from sessionhub.sipher import Chain, PrivacyLevel, SessionDefaults
from tests.conftest import Script, sample

KEY = "sk_pro_" + "ab" * 24
SESSION = "sess_db19c8530e7003f8a6ec77799e4319b7ee1a4eb85b20c22b6f2a1e298b9725dc"


def client(script: Script) -> Sipher:
    return Sipher(api_key=KEY, http_client=script.client(), max_retries=0)


async def test_create_unwraps_data_and_sends_api_key(script: Script) -> None:
    script.json(201, sample("sipher", "create-session-201.json"))
    async with client(script) as sipher:
        data = await sipher.sessions.create(
            defaults={"chain": "solana", "privacy_level": "shielded", "backend": "sip-native"},
            ttl_seconds=3600,
        )
    request = script.last
    assert (request.method, str(request.url)) == (
        "POST",
        "https://sipher.sip-protocol.org/v1/sessions",
    )
    assert request.headers["x-api-key"] == KEY
    assert script.body() == {
        "defaults": {"chain": "solana", "privacyLevel": "shielded", "backend": "sip-native"},
        "ttlSeconds": 3600,
    }
    assert data.session_id == SESSION
    assert data.defaults.chain is Chain.SOLANA
    assert data.expires_at - data.created_at == 3_600_000


async def test_get_update_delete(script: Script) -> None:
    script.json(200, sample("sipher", "get-session-200.json"))
    script.json(200, sample("sipher", "update-session-200.json"))
    script.json(200, {"success": True, "data": {"sessionId": SESSION, "deleted": True}})
    async with client(script) as sipher:
        got = await sipher.sessions.get(SESSION)
        updated = await sipher.sessions.update(
            SESSION,
            defaults=SessionDefaults(chain=Chain.ETHEREUM, privacy_level=PrivacyLevel.MAXIMUM),
        )
        deleted = await sipher.sessions.delete(SESSION)
    assert got.last_accessed_at > got.created_at
    assert updated.defaults.chain is Chain.ETHEREUM
    assert deleted is None
    assert [(r.method, r.url.path) for r in script.requests] == [
        ("GET", f"/v1/sessions/{SESSION}"),
        ("PATCH", f"/v1/sessions/{SESSION}"),
        ("DELETE", f"/v1/sessions/{SESSION}"),
    ]
    assert script.body(1) == {"defaults": {"chain": "ethereum", "privacyLevel": "maximum"}}


@pytest.mark.parametrize(
    ("status", "name", "cls", "code"),
    [
        (400, "error-400-validation.json", BadRequestError, "VALIDATION_ERROR"),
        (403, "error-403-tier-denied.json", PermissionDeniedError, "TIER_ACCESS_DENIED"),
        (404, "error-404-session-not-found.json", NotFoundError, "SESSION_NOT_FOUND"),
    ],
)
async def test_error_bodies(
    script: Script, status: int, name: str, cls: type[Exception], code: str
) -> None:
    body = sample("sipher", name)
    script.json(status, body, headers={"X-Request-ID": "req-42"})
    async with client(script) as sipher:
        with pytest.raises(cls) as info:
            await sipher.sessions.get(SESSION)
    err = info.value
    assert err.code == code and err.request_id == "req-42" and err.body == body  # type: ignore[attr-defined]
    assert body["error"]["message"].split(" (")[0][:20] in str(err)


async def test_validation_details_name_the_fields(script: Script) -> None:
    script.json(400, sample("sipher", "error-400-validation.json"))
    async with client(script) as sipher:
        with pytest.raises(BadRequestError, match=r"defaults\.chain"):
            await sipher.sessions.create(defaults={})


async def test_envelope_without_data_is_a_validation_error(script: Script) -> None:
    script.json(200, {"success": True})
    async with client(script) as sipher:
        with pytest.raises(ResponseValidationError) as info:
            await sipher.sessions.get(SESSION)
    assert info.value.field == "data"


@pytest.mark.parametrize(
    "session_id",
    [SESSION.upper(), "sess_123", "", SESSION + "0", "../" + SESSION, SESSION[:-1] + "\n"],
)
async def test_bad_session_ids_rejected(script: Script, session_id: str) -> None:
    async with client(script) as sipher:
        with pytest.raises(InvalidRequestError, match="session_id"):
            await sipher.sessions.get(session_id)
    assert script.requests == []


@pytest.mark.parametrize(
    ("defaults", "ttl", "match"),
    [
        ({"chain": "tron"}, None, "defaults"),
        ({"chian": "solana"}, None, "unknown keys"),
        ({"backend": "arcium"}, None, "defaults"),
        ({"default_viewing_key": "abc"}, None, "0x"),
        ({}, 30, "ttl_seconds"),
        ({}, 86401, "ttl_seconds"),
        ("solana", None, "defaults"),
    ],
)
async def test_bad_create_arguments_rejected(
    script: Script, defaults: Any, ttl: int | None, match: str
) -> None:
    async with client(script) as sipher:
        with pytest.raises(InvalidRequestError, match=match):
            await sipher.sessions.create(defaults=defaults, ttl_seconds=ttl)
    assert script.requests == []


def test_missing_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SIPHER_API_KEY", raising=False)
    with pytest.raises(ConfigurationError, match="SIPHER_API_KEY"):
        Sipher()


async def test_key_is_scrubbed_from_echoed_error_messages(script: Script) -> None:
    script.reply(
        httpx.Response(
            401,
            json={
                "success": False,
                "error": {"code": "INVALID_API_KEY", "message": f"Invalid API key {KEY}"},
            },
        )
    )
    async with client(script) as sipher:
        with pytest.raises(Exception) as info:
            await sipher.sessions.get(SESSION)
    assert KEY not in str(info.value) and "***" in str(info.value)
