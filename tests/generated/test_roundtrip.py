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
        return httpx.Response(status, json=body)

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
    async with AuthenticatedClient(base_url="http://127.0.0.1", token="t",
                                   httpx_args=mock(200, body, seen)) as client:
        response = await create_session.asyncio_detailed(
            client=client, body=CreateSessionRequest.from_dict({"verifications": [{"type": "GovernmentId"}]})
        )
    assert seen[0].method == "POST" and seen[0].url.path == "/v1/sessions"
    assert json.loads(seen[0].content) == {"verifications": [{"type": "GovernmentId"}]}
    assert isinstance(response.parsed, CreateSessionResponse)
    assert response.parsed.session.state is IdvSessionState.IDVCREATED
    assert response.parsed.to_dict() == body
