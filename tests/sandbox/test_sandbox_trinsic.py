"""Trinsic Connect behaviour of the sandbox, over a real socket with raw httpx."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from sessionhub.sandbox import TRINSIC_API_KEY, ManualClock

SESSIONS = "/trinsic/v1/sessions"
AUTH = {"Authorization": f"Bearer {TRINSIC_API_KEY}"}
ORDER = {"orderBy": "Created", "orderDirection": "Ascending"}


async def create(http: httpx.AsyncClient, body: Any = None) -> dict[str, Any]:
    response = await http.post(SESSIONS, headers=AUTH, json={} if body is None else body)
    assert response.status_code == 200, response.text
    session: dict[str, Any] = response.json()["session"]
    return session


async def list_page(http: httpx.AsyncClient, **body: Any) -> list[str]:
    response = await http.post(f"{SESSIONS}/list", headers=AUTH, json={**ORDER, **body})
    assert response.status_code == 200, response.text
    assert set(response.json()) == {"sessions"}  # this API version has no total/more
    return [s["id"] for s in response.json()["sessions"]]


async def test_create_returns_a_new_session(http: httpx.AsyncClient) -> None:
    options = {"idNumber": True, "givenName": True}
    body = {"verifications": [{"type": "GovernmentId", "governmentIdOptions": options}]}
    session = await create(http, body)
    assert uuid.UUID(session["id"]).version == 4
    assert session["clientToken"].startswith("ct_")
    assert (session["state"], session["failCode"]) == ("IdvCreated", "SessionFailNone")
    assert session["resultVp"] is None
    assert session["created"] == session["updated"] == 1_767_225_600  # Unix seconds
    ((key, verification),) = session["verifications"].items()
    assert verification["id"] == key
    assert verification["state"] == "VerificationPending"
    assert verification["governmentIdOptions"]["idNumber"] is True
    assert verification["governmentIdOptions"]["address"] is False
    assert set(verification["normalizedGovernmentIdData"].values()) == {None}


async def test_a_verification_without_options_still_has_an_options_object(
    http: httpx.AsyncClient,
) -> None:
    """Issue 14: Trinsic's schema makes governmentIdOptions a non-nullable object, so a
    session created without options answers every field false, never null; through every
    operation that returns the session."""
    all_false = dict.fromkeys(
        ("idNumber", "givenName", "familyName", "address", "dateOfBirth", "country",
         "issueDate", "expirationDate"),
        False,
    )  # fmt: skip
    for body in (
        {"verifications": [{"type": "GovernmentId"}]},
        {"verifications": [{"type": "GovernmentId", "governmentIdOptions": None}]},
        {"verifications": [{}]},
    ):
        session = await create(http, body)
        (verification,) = session["verifications"].values()
        assert verification["governmentIdOptions"] == all_false
        query = {"sessionId": session["id"]}
        got = await http.get(f"{SESSIONS}/get", headers=AUTH, params=query)
        (verification,) = got.json()["session"]["verifications"].values()
        assert verification["governmentIdOptions"] == all_false
        cancelled = await http.post(f"{SESSIONS}/cancel", headers=AUTH, params=query)
        (verification,) = cancelled.json()["session"]["verifications"].values()
        assert verification["governmentIdOptions"] == all_false
    listed = await http.post(f"{SESSIONS}/list", headers=AUTH, json=ORDER)
    for session in listed.json()["sessions"]:
        (verification,) = session["verifications"].values()
        assert verification["governmentIdOptions"] == all_false


async def test_either_auth_header_is_enough(http: httpx.AsyncClient) -> None:
    for headers in (
        {"Authorization": f"Bearer {TRINSIC_API_KEY}"},
        {"TrinsicAuthorization": f"Bearer {TRINSIC_API_KEY}"},
        {"TrinsicAuthorization": TRINSIC_API_KEY},  # the first Node sample sent it bare
        {"Authorization": f"Bearer {TRINSIC_API_KEY}", "TrinsicAuthorization": "Bearer"},
    ):
        assert (await http.post(SESSIONS, headers=headers, json={})).status_code == 200, headers
    for headers in ({}, {"Authorization": "Bearer nope"}, {"TrinsicAuthorization": "Bearer"}):
        response = await http.post(SESSIONS, headers=headers, json={})
        assert (response.status_code, response.json()) == (401, {"message": "Unauthorized"})


async def test_get_and_cancel(http: httpx.AsyncClient, clock: ManualClock) -> None:
    session = await create(http)
    got = await http.get(f"{SESSIONS}/get", headers=AUTH, params={"sessionId": session["id"]})
    assert got.json() == {"session": session}
    clock.advance(30)
    cancelled = await http.post(
        f"{SESSIONS}/cancel", headers=AUTH, params={"sessionId": session["id"]}
    )
    after = cancelled.json()["session"]
    assert (after["state"], after["failCode"]) == ("IdvFailed", "SessionFailRpcCanceled")
    assert after["updated"] == session["created"] + 30
    again = await http.post(f"{SESSIONS}/cancel", headers=AUTH, params={"sessionId": session["id"]})
    assert again.json()["session"] == after  # cancelling twice changes nothing


async def test_unknown_and_invalid_session_ids(http: httpx.AsyncClient) -> None:
    unknown = await http.get(f"{SESSIONS}/get", headers=AUTH, params={"sessionId": "nope-nope"})
    assert (unknown.status_code, unknown.json()) == (404, {"message": "Session not found"})
    for params in ({}, {"sessionId": "abcd"}, {"sessionId": "x" * 101}):
        response = await http.get(f"{SESSIONS}/get", headers=AUTH, params=params)
        assert response.status_code == 400
        (problem,) = response.json()
        assert problem["memberNames"] == ["sessionId"]


async def test_list_pages_from_1_with_at_most_10(http: httpx.AsyncClient) -> None:
    ids = [(await create(http))["id"] for _ in range(12)]
    assert await list_page(http, pageSize=10, page=1) == ids[:10]
    assert await list_page(http, pageSize=10, page=2) == ids[10:]
    assert await list_page(http, pageSize=10, page=3) == []
    assert await list_page(http) == ids[:10]  # defaults: page 1 of 10
    assert await list_page(http, orderDirection="Descending", pageSize=3) == ids[::-1][:3]


async def test_list_orders_by_updated_and_state(
    http: httpx.AsyncClient, clock: ManualClock
) -> None:
    first, second, third = [(await create(http))["id"] for _ in range(3)]
    clock.advance(5)
    await http.post(f"{SESSIONS}/cancel", headers=AUTH, params={"sessionId": first})
    assert await list_page(http, orderBy="Updated") == [second, third, first]
    assert await list_page(http, orderBy="State", orderDirection="Descending") == [
        first,
        third,
        second,
    ]


async def test_list_validation_is_an_array_of_validation_results(http: httpx.AsyncClient) -> None:
    response = await http.post(f"{SESSIONS}/list", headers=AUTH, json={"pageSize": 11, "page": 0})
    assert response.status_code == 400
    assert response.json() == [
        {"memberNames": ["OrderBy"], "errorMessage": "The OrderBy field is required."},
        {
            "memberNames": ["OrderDirection"],
            "errorMessage": "The OrderDirection field is required.",
        },
        {
            "memberNames": ["PageSize"],
            "errorMessage": "The field PageSize must be between 1 and 10.",
        },
        {
            "memberNames": ["Page"],
            "errorMessage": "The field Page must be between 1 and 2147483647.",
        },
    ]
    bad_enum = await http.post(f"{SESSIONS}/list", headers=AUTH, json={**ORDER, "orderBy": "Name"})
    assert bad_enum.json()[0]["memberNames"] == ["$.orderBy"]


async def test_bad_bodies(http: httpx.AsyncClient) -> None:
    for kwargs in (
        {"json": {"verifications": [{"type": "Passport"}]}},
        {"json": {"verifications": "GovernmentId"}},
        {"json": [1]},
        {"content": b"{", "headers": {"Content-Type": "application/json"}},
        {"content": b""},
    ):
        headers = {**AUTH, **kwargs.pop("headers", {})}  # type: ignore[dict-item]
        response = await http.post(SESSIONS, headers=headers, **kwargs)
        assert response.status_code == 400, kwargs
        assert isinstance(response.json(), list)
        assert set(response.json()[0]) == {"memberNames", "errorMessage"}
    xml = await http.post(
        SESSIONS, headers={**AUTH, "Content-Type": "application/xml"}, content=b"<a/>"
    )
    assert xml.status_code == 415
    assert xml.headers["content-type"] == "application/problem+json"


async def test_unknown_route_is_an_empty_404(http: httpx.AsyncClient) -> None:
    response = await http.get(f"{SESSIONS}/nothing", headers=AUTH)
    assert (response.status_code, response.content) == (404, b"")
    wrong_method = await http.get(f"{SESSIONS}/list", headers=AUTH)
    assert (wrong_method.status_code, wrong_method.content) == (405, b"")
    assert wrong_method.headers["allow"] == "POST"
