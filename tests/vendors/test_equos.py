"""Equos against a mock transport: x-api-key, null sessions, skip/take paging, NestJS errors."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from sessionhub import (
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    Equos,
    InvalidRequestError,
    NotFoundError,
    ResponseValidationError,
)
from sessionhub.equos import EquosSession
from tests.conftest import Script, sample

KEY = "equos-secret-key"
SESSION = "cmj0t4x2b000ajx0kq7h3d9zs"


def client(script: Script) -> Equos:
    return Equos(api_key=KEY, http_client=script.client(), max_retries=0)


async def test_create_with_existing_avatar_and_agent_ids(script: Script) -> None:
    body = sample("equos", "create-session-201.json")
    script.json(201, body)
    async with client(script) as equos:
        created = await equos.sessions.create(
            name="Translation session",
            avatar="cmfkz80fl000do50jj2u2nim5",
            agent={"id": "cmfkz7til0003n10jdgp5annq"},
            client="user-8841",
            max_duration=600,
            consumer_identity={"identity": "user-8841", "name": "Ana"},
            template_vars={"language": "pt"},
        )
    request = script.last
    assert (request.method, str(request.url)) == ("POST", "https://api.equos.ai/v3/sessions")
    assert request.headers["x-api-key"] == KEY
    assert script.body() == {
        "name": "Translation session",
        "avatar": {"id": "cmfkz80fl000do50jj2u2nim5"},
        "agent": {"id": "cmfkz7til0003n10jdgp5annq"},
        "client": "user-8841",
        "maxDuration": 600,
        "consumerIdentity": {"identity": "user-8841", "name": "Ana"},
        "templateVars": {"language": "pt"},
    }
    assert created.session.id == body["session"]["id"] and created.session.status == "starting"
    assert created.consumer_access_token == body["consumerAccessToken"]


async def test_create_avatar_on_the_fly(script: Script) -> None:
    script.json(201, sample("equos", "create-session-201.json"))
    avatar = {"identity": "a1", "name": "Jeremy", "refImage": "data:image/png;base64,AAAA"}
    async with client(script) as equos:
        await equos.sessions.create(name="s", avatar=avatar)
    assert script.body()["avatar"] == avatar


@pytest.mark.parametrize("null_body", [b"", b"null", b"  "])
async def test_null_get_is_not_found_and_null_stop_is_none(
    script: Script, null_body: bytes
) -> None:
    """The not-found policy: get raises NotFoundError as on the other vendors; stop
    returns None (Equos says null both for unknown and for already-stopped sessions)."""
    headers = {"content-type": "application/json"} if null_body.strip() else {}
    headers["x-request-id"] = "rq-7"
    script.reply(httpx.Response(200, content=null_body, headers=headers))
    script.reply(httpx.Response(200, content=null_body, headers=headers))
    async with client(script) as equos:
        with pytest.raises(NotFoundError) as info:
            await equos.sessions.get(SESSION)
        assert await equos.sessions.stop(SESSION) is None
    err = info.value
    assert err.vendor == "equos" and err.operation == "sessions.get"
    assert err.status_code == 200 and err.request_id == "rq-7"
    assert SESSION in str(err) and "null" in str(err)
    assert [(r.method, r.url.path) for r in script.requests] == [
        ("GET", f"/v3/sessions/{SESSION}"),
        ("PATCH", f"/v3/sessions/{SESSION}/stop"),
    ]


async def test_get_and_stop_parse_sessions(script: Script) -> None:
    script.json(200, sample("equos", "get-session-200.json"))
    script.json(200, sample("equos", "stop-session-200.json"))
    async with client(script) as equos:
        got = await equos.sessions.get(SESSION)
        stopped = await equos.sessions.stop(SESSION)
    assert isinstance(got, EquosSession) and isinstance(stopped, EquosSession)
    assert stopped.ended_at is not None


def _page(skip: int, count: int, total: int) -> dict[str, Any]:
    template = sample("equos", "list-sessions-200.json")["sessions"][0]
    sessions = [{**template, "id": f"c{skip + i:024d}"} for i in range(count)]
    return {"skip": skip, "take": 2, "total": total, "sessions": sessions}


async def test_list_skip_take_against_total(script: Script) -> None:
    script.json(200, _page(0, 2, 5)).json(200, _page(2, 2, 5)).json(200, _page(4, 1, 5))
    async with client(script) as equos:
        ids = [s.id async for s in equos.sessions.list(client="user-8841", page_size=2)]
    assert ids == [f"c{i:024d}" for i in range(5)]
    assert [dict(r.url.params) for r in script.requests] == [
        {"take": "2", "skip": str(skip), "client": "user-8841"} for skip in (0, 2, 4)
    ]


async def test_list_pages_and_limit(script: Script) -> None:
    script.json(200, _page(0, 2, 5)).json(200, _page(2, 2, 5))
    async with client(script) as equos:
        pages = [p async for p in equos.sessions.list(page_size=2, limit=3).pages()]
    assert [len(p.items) for p in pages] == [2, 1] and len(script.requests) == 2


async def test_nestjs_validation_error(script: Script) -> None:
    script.json(400, sample("equos", "error-400-validation.json"))
    async with client(script) as equos:
        with pytest.raises(BadRequestError, match="take must not be greater than 50") as info:
            await equos.sessions.list()
    assert info.value.code == "Bad Request"


async def test_401(script: Script) -> None:
    script.json(401, sample("equos", "error-401-unauthorized.json"))
    async with client(script) as equos:
        with pytest.raises(AuthenticationError):
            await equos.sessions.get(SESSION)


async def test_session_missing_required_field(script: Script) -> None:
    body = sample("equos", "get-session-200.json")
    del body["organizationId"]
    script.json(200, body)
    async with client(script) as equos:
        with pytest.raises(ResponseValidationError) as info:
            await equos.sessions.get(SESSION)
    assert info.value.field == "organizationId"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"name": "s", "avatar": {"name": "no identity"}},
        {"name": 5, "avatar": "a1"},  # a body field must be a string (empty is the vendor's call)
        {"name": "s", "avatar": "a1", "agent": {"provider": "azure"}},
        {"name": "s", "avatar": "a1", "max_duration": 0},
        {"name": "s", "avatar": "a1", "template_vars": {"x": 1}},
        {"name": "s", "avatar": 42},
    ],
)
async def test_bad_create_arguments_rejected(script: Script, kwargs: dict[str, Any]) -> None:
    async with client(script) as equos:
        with pytest.raises(InvalidRequestError):
            await equos.sessions.create(**kwargs)
    assert script.requests == []


@pytest.mark.parametrize("kwargs", [{"page_size": 51}, {"page_size": 0}, {"limit": -1}])
def test_bad_list_arguments_rejected(script: Script, kwargs: dict[str, Any]) -> None:
    with pytest.raises(InvalidRequestError):
        client(script).sessions.list(**kwargs)


async def test_ids_are_percent_encoded(script: Script) -> None:
    script.reply(httpx.Response(200, content=b""))
    async with client(script) as equos:
        assert await equos.sessions.stop("a/b?c#d") is None
    assert script.last.url.raw_path == b"/v3/sessions/a%2Fb%3Fc%23d/stop"


def test_missing_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EQUOS_API_KEY", raising=False)
    with pytest.raises(ConfigurationError, match="EQUOS_API_KEY"):
        Equos()
