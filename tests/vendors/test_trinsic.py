"""TrinsicConnect against a mock transport: requests as Trinsic expects, responses parsed."""

from __future__ import annotations

import httpx
import pytest

from sessionhub import (
    APIConnectionError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConfigurationError,
    InvalidRequestError,
    NotFoundError,
    ResponseValidationError,
    TrinsicConnect,
)
from sessionhub.trinsic import IdvSessionState, SessionFailCode
from tests.conftest import Script, sample

KEY = "trinsic-secret-key-123"
SESSION_ID = "b7f3c2e0-5d1a-4c8e-9f21-3a6d0c4e8b12"


def client(script: Script) -> TrinsicConnect:
    return TrinsicConnect(api_key=KEY, http_client=script.client(), max_retries=0)


async def test_create_sends_json_and_both_auth_headers(script: Script) -> None:
    script.json(200, sample("trinsic-connect", "create-session-200.json"))
    async with client(script) as trinsic:
        session = await trinsic.sessions.create(verifications=[{"type": "GovernmentId"}])
    request = script.last
    assert (request.method, str(request.url)) == (
        "POST",
        "https://connect-api.trinsic.id/v1/sessions",
    )
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert request.headers["trinsicauthorization"] == f"Bearer {KEY}"
    assert request.headers["content-type"] == "application/json"
    assert script.body() == {"verifications": [{"type": "GovernmentId"}]}
    assert session.id == SESSION_ID
    assert session.state is IdvSessionState.IDVCREATED


async def test_get_puts_session_id_in_the_query(script: Script) -> None:
    script.json(200, sample("trinsic-connect", "get-session-200-success.json"))
    async with client(script) as trinsic:
        session = await trinsic.sessions.get(SESSION_ID)
    assert script.last.method == "GET"
    assert script.last.url.path == "/v1/sessions/get"
    assert script.last.url.params["sessionId"] == SESSION_ID
    assert session.state is IdvSessionState.IDVSUCCESS


async def test_cancel_posts_with_query_and_returns_cancelled_session(script: Script) -> None:
    script.json(200, sample("trinsic-connect", "cancel-session-200.json"))
    async with client(script) as trinsic:
        session = await trinsic.sessions.cancel(SESSION_ID)
    assert (script.last.method, script.last.url.path) == ("POST", "/v1/sessions/cancel")
    assert script.last.url.params["sessionId"] == SESSION_ID
    assert session.fail_code is SessionFailCode.SESSIONFAILRPCCANCELED


def _page(ids: list[str]) -> dict[str, object]:
    template = sample("trinsic-connect", "list-sessions-200.json")["sessions"][0]
    return {"sessions": [{**template, "id": i} for i in ids]}


async def test_list_pages_by_number_until_a_short_page(script: Script) -> None:
    script.json(200, _page(["s-001", "s-002"])).json(200, _page(["s-003", "s-004"]))
    script.json(200, _page(["s-005"]))
    async with client(script) as trinsic:
        ids = [s.id async for s in trinsic.sessions.list(page_size=2, order_direction="Descending")]
    assert ids == ["s-001", "s-002", "s-003", "s-004", "s-005"]
    assert [script.body(i) for i in range(3)] == [
        {"orderBy": "Created", "orderDirection": "Descending", "pageSize": 2, "page": n}
        for n in (1, 2, 3)
    ]


async def test_list_limit_and_first_page(script: Script) -> None:
    script.json(200, _page(["s-001", "s-002"])).json(200, _page(["s-003", "s-004"]))
    async with client(script) as trinsic:
        ids = [s.id async for s in trinsic.sessions.list(page_size=2, limit=3)]
        assert ids == ["s-001", "s-002", "s-003"]
        script.json(200, _page(["s-001"]))
        page = await trinsic.sessions.list()
    assert [s.id for s in page.items] == ["s-001"] and not page.has_next_page()


async def test_validation_error_array_becomes_bad_request(script: Script) -> None:
    script.json(400, sample("trinsic-connect", "error-400-validation.json"))
    async with client(script) as trinsic:
        with pytest.raises(BadRequestError) as info:
            await trinsic.sessions.list()
    err = info.value
    assert err.status_code == 400 and err.vendor == "trinsic" and err.operation == "sessions.list"
    assert "PageSize" in err.message or "pageSize" in err.message
    assert isinstance(err.body, list)


async def test_401_message_is_parsed_and_key_never_shown(script: Script) -> None:
    script.json(401, {"message": f"invalid key {KEY}"})
    async with client(script) as trinsic:
        with pytest.raises(AuthenticationError) as info:
            await trinsic.sessions.get(SESSION_ID)
    assert "invalid key" in str(info.value)
    assert KEY not in str(info.value) and KEY not in repr(info.value)


async def test_404_is_not_found(script: Script) -> None:
    script.json(404, {"message": "Session not found"})
    async with client(script) as trinsic:
        with pytest.raises(NotFoundError, match="Session not found"):
            await trinsic.sessions.get(SESSION_ID)


async def test_missing_session_in_get_is_a_validation_error(script: Script) -> None:
    script.json(200, {})
    async with client(script) as trinsic:
        with pytest.raises(ResponseValidationError) as info:
            await trinsic.sessions.get(SESSION_ID)
    assert info.value.field == "session"


@pytest.mark.parametrize("bad", ["", "abcd", "x" * 101, 42])
async def test_bad_session_id_rejected_before_sending(script: Script, bad: object) -> None:
    async with client(script) as trinsic:
        with pytest.raises(InvalidRequestError, match="session_id"):
            await trinsic.sessions.get(bad)  # type: ignore[arg-type]
    assert script.requests == []


@pytest.mark.parametrize(
    "kwargs", [{"page_size": 11}, {"page_size": 0}, {"order_by": "Name"}, {"order_direction": "Up"}]
)
async def test_bad_list_arguments_rejected_before_sending(
    script: Script, kwargs: dict[str, object]
) -> None:
    async with client(script) as trinsic:
        with pytest.raises(InvalidRequestError):
            trinsic.sessions.list(**kwargs)  # type: ignore[arg-type]
    assert script.requests == []


async def test_bad_verification_rejected_before_sending(script: Script) -> None:
    async with client(script) as trinsic:
        with pytest.raises(InvalidRequestError, match="verifications"):
            await trinsic.sessions.create(verifications=[{"type": "Passport"}])
    assert script.requests == []


def test_missing_key_names_argument_and_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRINSIC_API_KEY", raising=False)
    with pytest.raises(ConfigurationError, match=r"api_key=.*TRINSIC_API_KEY"):
        TrinsicConnect()


async def test_key_from_environment(monkeypatch: pytest.MonkeyPatch, script: Script) -> None:
    monkeypatch.setenv("TRINSIC_API_KEY", "env-key-456")
    script.json(200, sample("trinsic-connect", "get-session-200-success.json"))
    async with TrinsicConnect(http_client=script.client()) as trinsic:
        await trinsic.sessions.get(SESSION_ID)
        assert "env-key-456" not in repr(trinsic)
    assert script.last.headers["authorization"] == "Bearer env-key-456"


async def test_own_http_client_is_not_closed(script: Script) -> None:
    http = script.client()
    async with TrinsicConnect(api_key=KEY, http_client=http):
        pass
    assert not http.is_closed
    await http.aclose()


async def test_owned_connection_pool_is_closed() -> None:
    trinsic = TrinsicConnect(api_key=KEY, base_url="http://127.0.0.1:9", max_retries=0)
    with pytest.raises(APIConnectionError):  # nothing listens on port 9: opens the pool
        await trinsic.sessions.get("session-1")
    session = trinsic._sender.session  # type: ignore[attr-defined]
    assert session is not None and not session.closed
    await trinsic.aclose()
    assert session.closed
    with pytest.raises(ClientClosedError, match="closed"):
        await trinsic.sessions.get("session-1")


async def test_base_url_and_per_call_timeout(script: Script) -> None:
    script.json(200, sample("trinsic-connect", "get-session-200-success.json"))
    async with TrinsicConnect(
        api_key=KEY, base_url="http://127.0.0.1:9/trinsic/", http_client=script.client(), timeout=3
    ) as trinsic:
        await trinsic.sessions.get(SESSION_ID, timeout=httpx.Timeout(1.5))
    assert str(script.last.url).startswith("http://127.0.0.1:9/trinsic/v1/sessions/get?")
    assert script.last.extensions["timeout"]["read"] == 1.5
