"""Every answer the sandbox gives validates against the vendor's own published schema
(specs/upstream/: Twilio, Trinsic, Sipher), not only against ours: a scenario through
sessionhub's public clients covering every operation's success answers and the errors
the vendors declare. (The state machines in test_state_machines.py check every answer
of their random runs the same way.)"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from sessionhub import (
    BadRequestError,
    NotFoundError,
    PermissionDeniedError,
    Sipher,
    TrinsicConnect,
    TwilioProxy,
)
from sessionhub.sandbox import (
    SIPHER_API_KEY,
    SIPHER_FREE_API_KEY,
    TRINSIC_API_KEY,
    TWILIO_SERVICE_SID,
    Sandbox,
    serve,
)
from tests.sandbox._vendor_schemas import Recorder, VendorSchemas

SCHEMAS = VendorSchemas()


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    async with serve() as running:
        yield running


def recorder(sandbox: Sandbox) -> Recorder:
    return Recorder({sandbox.base_url(v): v for v in ("twilio", "trinsic", "sipher", "equos")})


async def test_twilio_answers_validate_against_twilios_schema(sandbox: Sandbox) -> None:
    rec = recorder(sandbox)
    async with (
        rec.client() as http,
        TwilioProxy(**sandbox.settings("twilio"), http_client=http) as twilio,
    ):
        created = [
            await twilio.sessions.create(
                TWILIO_SERVICE_SID,
                unique_name=f"order-{i}",
                ttl=3600 * i,
                mode="message-only" if i % 2 else None,
                participants=[{"Identifier": "+15550001111"}] if i == 1 else None,
            )
            for i in range(5)
        ]
        await twilio.sessions.fetch(TWILIO_SERVICE_SID, created[0].sid)
        await twilio.sessions.fetch(TWILIO_SERVICE_SID, "order-1")
        assert len([s async for s in twilio.sessions.list(TWILIO_SERVICE_SID, page_size=2)]) == 5
        await twilio.sessions.update(TWILIO_SERVICE_SID, created[1].sid, status="closed")
        await twilio.sessions.update(TWILIO_SERVICE_SID, created[1].sid, status="in-progress")
        await twilio.sessions.update(TWILIO_SERVICE_SID, created[2].sid, ttl=60)
        sandbox.advance(61)  # created[2] expires: closed_reason "expired"
        await twilio.sessions.fetch(TWILIO_SERVICE_SID, created[2].sid)
        await twilio.sessions.delete(TWILIO_SERVICE_SID, created[3].sid)
        with pytest.raises(NotFoundError):
            await twilio.sessions.fetch(TWILIO_SERVICE_SID, created[3].sid)
        with pytest.raises(BadRequestError):
            await twilio.sessions.update(TWILIO_SERVICE_SID, created[2].sid, status="open")
        assert len([s async for s in twilio.sessions.list(TWILIO_SERVICE_SID, page_size=50)]) == 4
    report = rec.check_all(SCHEMAS)
    validated = {(m, t, s) for _, m, t, s in report.validated}
    sessions = "/v1/Services/{ServiceSid}/Sessions"
    assert validated == {
        ("POST", sessions, 201),
        ("GET", sessions, 200),
        ("GET", sessions + "/{Sid}", 200),
        ("POST", sessions + "/{Sid}", 200),
    }
    assert len(report.validated) >= 14
    # Twilio declares no error bodies; the 204 has none (checked).
    assert {s for *_, s in report.undeclared} == {204, 404, 400}


async def test_trinsic_answers_validate_against_trinsics_schema(sandbox: Sandbox) -> None:
    rec = recorder(sandbox)
    async with (
        rec.client() as http,
        TrinsicConnect(**sandbox.settings("trinsic"), http_client=http) as trinsic,
    ):
        sessions = [
            await trinsic.sessions.create(),
            await trinsic.sessions.create(verifications=[{"type": "GovernmentId"}]),
            await trinsic.sessions.create(
                verifications=[{"type": "GovernmentId", "governmentIdOptions": {"idNumber": True}}]
            ),
            await trinsic.sessions.create(verifications=[{"type": "GovernmentId"}] * 2),
        ]
        for session in sessions:
            await trinsic.sessions.get(str(session.id))
        await trinsic.sessions.cancel(str(sessions[1].id))
        await trinsic.sessions.cancel(str(sessions[1].id))  # again: unchanged
        for order_by in ("Created", "Updated", "State"):
            listed = [s async for s in trinsic.sessions.list(order_by=order_by, page_size=3)]
            assert len(listed) == 4
        with pytest.raises(NotFoundError):
            await trinsic.sessions.get("00000000-0000-4000-8000-000000000000")
    async with (
        rec.client() as http,
        TrinsicConnect(
            api_key=TRINSIC_API_KEY + "-wrong",
            base_url=sandbox.base_url("trinsic"),
            http_client=http,
        ) as wrong,
    ):
        with pytest.raises(Exception, match="401"):
            await wrong.sessions.create()
    report = rec.check_all(SCHEMAS)
    validated = {(m, t, s) for _, m, t, s in report.validated}
    assert validated == {
        ("POST", "/v1/sessions", 200),
        ("GET", "/v1/sessions/get", 200),
        ("POST", "/v1/sessions/cancel", 200),
        ("POST", "/v1/sessions/list", 200),
        ("POST", "/v1/sessions", 401),
    }
    assert {s for *_, s in report.undeclared} == {404}  # Trinsic declares no 404


async def test_sipher_answers_validate_against_siphers_schema(sandbox: Sandbox) -> None:
    rec = recorder(sandbox)
    async with (
        rec.client() as http,
        Sipher(**sandbox.settings("sipher"), http_client=http) as sipher,
    ):
        bare = await sipher.sessions.create(defaults={})
        full = await sipher.sessions.create(
            defaults={
                "chain": "ethereum",
                "privacy_level": "maximum",
                "rpc_provider": "helius",
                "backend": "sip-native",
                "default_viewing_key": "0xabc123",
            },
            ttl_seconds=600,
        )
        for session in (bare, full):
            await sipher.sessions.get(session.session_id)
        await sipher.sessions.update(bare.session_id, defaults={"chain": "near"})
        await sipher.sessions.delete(full.session_id)
        for call in (
            sipher.sessions.get(full.session_id),
            sipher.sessions.update(full.session_id, defaults={}),
            sipher.sessions.delete(full.session_id),
        ):
            with pytest.raises(NotFoundError):
                await call
        sandbox.faults.add("status=400", vendor="sipher", operation="sessions.create")
        with pytest.raises(BadRequestError):
            await sipher.sessions.create(defaults={})
    async with (
        rec.client() as http,
        Sipher(
            api_key=SIPHER_FREE_API_KEY, base_url=sandbox.base_url("sipher"), http_client=http
        ) as free,
    ):
        with pytest.raises(PermissionDeniedError):
            await free.sessions.create(defaults={})
        with pytest.raises(PermissionDeniedError):
            await free.sessions.get(bare.session_id)
    assert SIPHER_API_KEY  # the pro key made everything above
    report = rec.check_all(SCHEMAS)
    validated = {(m, t, s) for _, m, t, s in report.validated}
    assert validated == {
        ("POST", "/v1/sessions", 201),
        ("POST", "/v1/sessions", 400),
        ("POST", "/v1/sessions", 403),
        ("GET", "/v1/sessions/{id}", 200),
        ("GET", "/v1/sessions/{id}", 404),
        ("GET", "/v1/sessions/{id}", 403),
        ("PATCH", "/v1/sessions/{id}", 200),
        ("PATCH", "/v1/sessions/{id}", 404),
        ("DELETE", "/v1/sessions/{id}", 200),
        ("DELETE", "/v1/sessions/{id}", 404),
    }
    assert report.undeclared == []


def test_the_check_catches_the_issue_14_null() -> None:
    """The Trinsic answer the sandbox used to give (governmentIdOptions: null) fails the
    vendor's schema: the check can fail."""
    import json

    from tests.sandbox._vendor_schemas import Answer, Report

    session = {
        "id": "6a0e9d44-2b7c-4f0a-8c35-91e2d7b5f6a0",
        "state": "IdvCreated",
        "verifications": {"v": {"id": "v", "type": "GovernmentId", "governmentIdOptions": None}},
    }
    body = json.dumps({"session": session}).encode()
    with pytest.raises(AssertionError, match="governmentIdOptions"):
        SCHEMAS.check(
            Answer("trinsic", "POST", "/v1/sessions", 200, "application/json", body), Report()
        )
