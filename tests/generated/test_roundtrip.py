"""One round trip per API through the generated asyncio function, on a mock transport:
the request goes out as the spec says and a sample body parses into the typed model."""

from __future__ import annotations

import json
from typing import Any

import httpx

from tests.conftest import sample


def mock(status: int, body: Any, seen: list[httpx.Request]) -> dict[str, Any]:
    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        content = json.dumps(body).encode()  # a None body is the JSON literal null
        return httpx.Response(status, content=content, headers={"content-type": "application/json"})

    return {"transport": httpx.MockTransport(handler)}


async def test_trinsic_create_session() -> None:
    from _sessionhub_generated.trinsic_connect import AuthenticatedClient
    from _sessionhub_generated.trinsic_connect.api.sessions import create_session
    from _sessionhub_generated.trinsic_connect.models import (
        CreateSessionRequest,
        CreateSessionResponse,
        IdvSessionState,
    )

    seen: list[httpx.Request] = []
    body = sample("trinsic-connect", "create-session-200.json")
    async with AuthenticatedClient(
        base_url="http://127.0.0.1", token="t", httpx_args=mock(200, body, seen)
    ) as client:
        response = await create_session.asyncio_detailed(
            client=client,
            body=CreateSessionRequest.from_dict({"verifications": [{"type": "GovernmentId"}]}),
        )
    assert seen[0].method == "POST" and seen[0].url.path == "/v1/sessions"
    assert json.loads(seen[0].content) == {"verifications": [{"type": "GovernmentId"}]}
    assert isinstance(response.parsed, CreateSessionResponse)
    assert response.parsed.session.state is IdvSessionState.IDVCREATED
    assert response.parsed.to_dict() == body


async def test_sipher_get_session() -> None:
    from _sessionhub_generated.sipher import AuthenticatedClient
    from _sessionhub_generated.sipher.api.sessions import get_session
    from _sessionhub_generated.sipher.models import Chain, GetSessionResponse

    seen: list[httpx.Request] = []
    body = sample("sipher", "get-session-200.json")
    session_id = body["data"]["sessionId"]
    async with AuthenticatedClient(
        base_url="http://127.0.0.1",
        token="k",
        prefix="",
        auth_header_name="X-API-Key",
        httpx_args=mock(200, body, seen),
    ) as client:
        response = await get_session.asyncio_detailed(session_id, client=client)
    assert seen[0].url.path == f"/v1/sessions/{session_id}" and seen[0].headers["x-api-key"] == "k"
    assert isinstance(response.parsed, GetSessionResponse)
    assert response.parsed.data.defaults.chain is Chain.SOLANA
    assert response.parsed.to_dict() == body


async def test_equos_list_sessions() -> None:
    from _sessionhub_generated.equos import AuthenticatedClient
    from _sessionhub_generated.equos.api.sessions import list_sessions
    from _sessionhub_generated.equos.models import EquosSession, ListSessionsResponse

    seen: list[httpx.Request] = []
    body = sample("equos", "list-sessions-200.json")
    async with AuthenticatedClient(
        base_url="http://127.0.0.1",
        token="k",
        prefix="",
        auth_header_name="x-api-key",
        httpx_args=mock(200, body, seen),
    ) as client:
        response = await list_sessions.asyncio_detailed(
            client=client, take=20, skip=0, client_query="user-8841"
        )
    assert dict(seen[0].url.params) == {"take": "20", "skip": "0", "client": "user-8841"}
    assert isinstance(response.parsed, ListSessionsResponse)
    assert all(isinstance(s, EquosSession) for s in response.parsed.sessions)
    assert response.parsed.total == body["total"]


async def test_equos_get_session_null_is_none() -> None:
    from _sessionhub_generated.equos import AuthenticatedClient
    from _sessionhub_generated.equos.api.sessions import get_session

    seen: list[httpx.Request] = []
    async with AuthenticatedClient(
        base_url="http://127.0.0.1", token="k", httpx_args=mock(200, None, seen)
    ) as client:
        response = await get_session.asyncio_detailed("missing", client=client)
    assert response.status_code == 200 and response.parsed is None


async def test_twilio_create_session_form() -> None:
    from urllib.parse import parse_qsl

    from _sessionhub_generated.twilio_proxy import Client
    from _sessionhub_generated.twilio_proxy.api.sessions import create_session
    from _sessionhub_generated.twilio_proxy.models import CreateSessionRequest, Session, SessionMode

    seen: list[httpx.Request] = []
    body = sample("twilio-proxy", "session-create-201.json")
    service = body["service_sid"]
    participant = json.dumps({"Identifier": "+15550001111"})
    async with Client(base_url="http://127.0.0.1", httpx_args=mock(201, body, seen)) as client:
        response = await create_session.asyncio_detailed(
            service,
            client=client,
            body=CreateSessionRequest(
                unique_name="order-1",
                ttl=60,
                mode=SessionMode.MESSAGE_ONLY,
                participants=[participant, participant],
            ),
        )
    form = parse_qsl(seen[0].content.decode())
    assert ("UniqueName", "order-1") in form and ("Mode", "message-only") in form
    assert [v for k, v in form if k == "Participants"] == [participant, participant]
    assert isinstance(response.parsed, Session) and response.parsed.sid == body["sid"]
