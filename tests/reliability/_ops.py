"""The 17 operations of the four vendors, as data the reliability tests iterate over.

Each `Op` knows how to build its client on any httpx.AsyncClient, how to call the
operation through the public API, what a successful answer looks like on the wire, and how
to compare what the facade returned with the body it was given (for round trips).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Literal

import httpx

import sessionhub
from tests.conftest import sample

# Credentials: distinctive strings, so a leak anywhere is found by a plain substring search.
TRINSIC_KEY = "trinsic-SECRET-3f9c2a71d0"
SIPHER_KEY = "sipher-SECRET-8b41e6c2f7"
EQUOS_KEY = "equos-SECRET-51d0a9e3b6"
TWILIO_SID = "AC" + "0123456789abcdef" * 2
TWILIO_TOKEN = "twilio-SECRET-c0ffee4242"

TRINSIC_ID = "b7f3c2e0-5d1a-4c8e-9f21-3a6d0c4e8b12"
SIPHER_ID = "sess_" + "db19c8530e7003f8a6ec77799e4319b7ee1a4eb85b20c22b6f2a1e298b9725dc"
EQUOS_ID = "cmj0t4x2b000ajx0kq7h3d9zs"
TWILIO_SERVICE = "KS" + "a" * 32
TWILIO_SESSION = "KC" + "a" * 32

Client = Any  # one of the four public client classes


def make_client(vendor: str, http_client: httpx.AsyncClient | None, **kwargs: Any) -> Client:
    """The vendor's public client with the test credentials."""
    if vendor == "trinsic":
        return sessionhub.TrinsicConnect(api_key=TRINSIC_KEY, http_client=http_client, **kwargs)
    if vendor == "sipher":
        return sessionhub.Sipher(api_key=SIPHER_KEY, http_client=http_client, **kwargs)
    if vendor == "equos":
        return sessionhub.Equos(api_key=EQUOS_KEY, http_client=http_client, **kwargs)
    if vendor == "twilio":
        return sessionhub.TwilioProxy(
            account_sid=TWILIO_SID, auth_token=TWILIO_TOKEN, http_client=http_client, **kwargs
        )
    raise AssertionError(vendor)


def secrets_of(vendor: str) -> list[str]:
    """Every string that must never be shown: the raw credential and its encodings."""
    import base64

    if vendor == "trinsic":
        return [TRINSIC_KEY, f"Bearer {TRINSIC_KEY}"]
    if vendor == "sipher":
        return [SIPHER_KEY]
    if vendor == "equos":
        return [EQUOS_KEY]
    basic = base64.b64encode(f"{TWILIO_SID}:{TWILIO_TOKEN}".encode()).decode()
    return [TWILIO_TOKEN, basic]


ALL_SECRETS = [s for v in ("trinsic", "sipher", "equos", "twilio") for s in secrets_of(v)]


@dataclass(frozen=True)
class Op:
    """One vendor operation as the tests see it."""

    vendor: str
    name: str  # as in the exceptions' `operation`, e.g. "sessions.create"
    method: str
    idempotent: bool  # what the retry policy says, written down independently
    status: int  # the documented success status
    sample: Callable[[], Any]  # a valid success body (None: no body)
    call: Callable[[Client], Awaitable[Any]]
    # (returned value) -> what to_dict() gives, comparable with `expected(body)`
    actual: Callable[[Any], Any]
    expected: Callable[[Any], Any]
    schema: str | None = None  # the spec component (or a pseudo-name) of the success body
    # What a 2xx body of JSON null or of zero bytes documentedly gives (Equos's "no session"):
    # "none" (the call returns None) or "not-found" (NotFoundError, status 200); None: it is
    # a malformed body like any other (ResponseValidationError).
    null_body: Literal["none", "not-found"] | None = None

    @property
    def id(self) -> str:
        return f"{self.vendor}.{self.name.removeprefix('sessions.')}"

    @property
    def writes(self) -> bool:
        return not self.idempotent

    def body_bytes(self) -> bytes:
        body = self.sample()
        return b"" if body is None else json.dumps(body).encode()

    def success(self) -> httpx.Response:
        body = self.sample()
        if body is None:
            return httpx.Response(self.status)
        return httpx.Response(self.status, json=body)


def _d(model: Any) -> Any:
    return model.to_dict()


def _items(page: Any) -> list[Any]:
    return [item.to_dict() for item in page.items]


def _nullable(model: Any) -> Any:
    return None if model is None else model.to_dict()


def _none(value: Any) -> Any:
    assert value is None
    return None


def _key(name: str) -> Callable[[Any], Any]:
    return lambda body: body[name]


def _list_key(name: str) -> Callable[[Any], Any]:
    return lambda body: body.get(name) or []


def _same(body: Any) -> Any:
    return body


def _sample(vendor: str, name: str) -> Callable[[], Any]:
    cached = sample(vendor, name)
    return lambda: copy.deepcopy(cached)


def _sipher_delete() -> Any:
    return {"success": True, "data": {"sessionId": SIPHER_ID, "deleted": True}}


OPS: list[Op] = [
    # --- Trinsic Connect -------------------------------------------------------------------
    Op(
        "trinsic",
        "sessions.create",
        "POST",
        False,
        200,
        _sample("trinsic-connect", "create-session-200.json"),
        lambda c: c.sessions.create(verifications=[{"type": "GovernmentId"}]),
        _d,
        _key("session"),
        "CreateSessionResponse",
    ),
    Op(
        "trinsic",
        "sessions.get",
        "GET",
        True,
        200,
        _sample("trinsic-connect", "get-session-200-success.json"),
        lambda c: c.sessions.get(TRINSIC_ID),
        _d,
        _key("session"),
        # GetSessionResponse with `session` required: the facade returns the session, so a
        # body without one is an error by design (see _vendors/trinsic.py `_get_session`).
        "GetSessionResponse!",
    ),
    Op(
        "trinsic",
        "sessions.list",
        "POST",
        True,
        200,
        _sample("trinsic-connect", "list-sessions-200.json"),
        lambda c: c.sessions.list(page_size=10),
        _items,
        _list_key("sessions"),
        "ListSessionsResponse",
    ),
    Op(
        "trinsic",
        "sessions.cancel",
        "POST",
        False,  # a state change the API does not document as repeatable
        200,
        _sample("trinsic-connect", "cancel-session-200.json"),
        lambda c: c.sessions.cancel(TRINSIC_ID),
        _d,
        _key("session"),
        "CancelSessionResponse",
    ),
    # --- Sipher ----------------------------------------------------------------------------
    Op(
        "sipher",
        "sessions.create",
        "POST",
        False,
        201,
        _sample("sipher", "create-session-201.json"),
        lambda c: c.sessions.create(defaults={"chain": "solana"}, ttl_seconds=3600),
        _d,
        _key("data"),
        "CreateSessionResponse",
    ),
    Op(
        "sipher",
        "sessions.get",
        "GET",
        True,
        200,
        _sample("sipher", "get-session-200.json"),
        lambda c: c.sessions.get(SIPHER_ID),
        _d,
        _key("data"),
        "GetSessionResponse",
    ),
    Op(
        "sipher",
        "sessions.update",
        "PATCH",
        False,
        200,
        _sample("sipher", "update-session-200.json"),
        lambda c: c.sessions.update(SIPHER_ID, defaults={"privacy_level": "maximum"}),
        _d,
        _key("data"),
        "UpdateSessionResponse",
    ),
    Op(
        "sipher",
        "sessions.delete",
        "DELETE",
        True,
        200,
        _sipher_delete,
        lambda c: c.sessions.delete(SIPHER_ID),
        _none,  # returns None, as Twilio's delete does (the answer is checked, not returned)
        lambda body: None,
        "DeleteSessionResponse",
    ),
    # --- Equos -----------------------------------------------------------------------------
    Op(
        "equos",
        "sessions.create",
        "POST",
        False,
        201,
        _sample("equos", "create-session-201.json"),
        lambda c: c.sessions.create(name="demo", avatar="cmfkz80fl000do50jj2u2nim5"),
        _d,
        _same,
        "CreateSessionResponse",
    ),
    Op(
        "equos",
        "sessions.get",
        "GET",
        True,
        200,
        _sample("equos", "get-session-200.json"),
        lambda c: c.sessions.get(EQUOS_ID),
        _nullable,
        _same,
        "EquosSession",  # a null get is NotFoundError (tested in tests/vendors/test_equos.py)
        null_body="not-found",
    ),
    Op(
        "equos",
        "sessions.list",
        "GET",
        True,
        200,
        _sample("equos", "list-sessions-200.json"),
        lambda c: c.sessions.list(page_size=20),
        _items,
        _list_key("sessions"),
        "ListSessionsResponse",
    ),
    Op(
        "equos",
        "sessions.stop",
        "PATCH",
        True,  # documented as safe to repeat (a stopped session answers null)
        200,
        _sample("equos", "stop-session-200.json"),
        lambda c: c.sessions.stop(EQUOS_ID),
        _nullable,
        _same,
        "EquosSession?",
        null_body="none",
    ),
    # --- Twilio Proxy ----------------------------------------------------------------------
    Op(
        "twilio",
        "sessions.create",
        "POST",
        False,
        201,
        _sample("twilio-proxy", "session-create-201.json"),
        lambda c: c.sessions.create(
            TWILIO_SERVICE,
            unique_name="order-1",
            ttl=3600,
            participants=[{"Identifier": "+15550001111"}],
            date_expiry=dt.datetime(2030, 1, 1, tzinfo=dt.UTC),
        ),
        _d,
        _same,
        "Session",
    ),
    Op(
        "twilio",
        "sessions.get",
        "GET",
        True,
        200,
        _sample("twilio-proxy", "session-fetch-200.json"),
        lambda c: c.sessions.get(TWILIO_SERVICE, TWILIO_SESSION),
        _d,
        _same,
        "Session",
    ),
    Op(
        "twilio",
        "sessions.list",
        "GET",
        True,
        200,
        _sample("twilio-proxy", "sessions-list-page-200.json"),
        lambda c: c.sessions.list(TWILIO_SERVICE, page_size=50),
        _items,
        _list_key("sessions"),
        "ListSessionsResponse",
    ),
    Op(
        "twilio",
        "sessions.update",
        "POST",
        False,
        200,
        _sample("twilio-proxy", "session-update-200.json"),
        lambda c: c.sessions.update(TWILIO_SERVICE, TWILIO_SESSION, status="closed", ttl=60),
        _d,
        _same,
        "Session",
    ),
    Op(
        "twilio",
        "sessions.delete",
        "DELETE",
        True,
        204,
        lambda: None,
        lambda c: c.sessions.delete(TWILIO_SERVICE, TWILIO_SESSION),
        lambda result: result,
        lambda body: None,
        None,
    ),
]

OPS_BY_ID = {op.id: op for op in OPS}
assert len(OPS) == 17 and len(OPS_BY_ID) == 17

SPEC_FILES = {
    "trinsic": "trinsic_connect.yaml",
    "sipher": "sipher.yaml",
    "equos": "equos.yaml",
    "twilio": "twilio_proxy.yaml",
}

# The vendor's own error body for a 5xx, so each cell also checks code/message parsing.
SERVER_ERROR_BODIES: dict[str, tuple[Any, Any, str]] = {
    # vendor: (body, expected `code`, a phrase the message must contain)
    "trinsic": ({"message": "Internal failure, try again"}, None, "Internal failure"),
    "sipher": (
        {"success": False, "error": {"code": "INTERNAL_ERROR", "message": "Unexpected fault"}},
        "INTERNAL_ERROR",
        "Unexpected fault",
    ),
    "equos": (
        {"statusCode": 500, "message": "Internal server error", "error": "Internal Server Error"},
        "Internal Server Error",
        "Internal server error",
    ),
    "twilio": (
        {
            "code": 20500,
            "message": "An internal server error has occurred",
            "more_info": "https://www.twilio.com/docs/errors/20500",
            "status": 500,
        },
        20500,
        "internal server error",
    ),
}

REQUEST_ID_HEADERS = {
    "trinsic": "x-request-id",
    "sipher": "X-Request-ID",
    "equos": "x-request-id",
    "twilio": "Twilio-Request-Id",
}


def same_json(actual: Any, expected: Any, path: str = "$") -> None:
    """Assert two JSON-like values are equal, treating two date-time strings as equal when
    they denote the same instant (the models re-format dates: `Z` becomes `+00:00`)."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{path}: {actual!r} is not an object"
        # An absent optional field and a null one both read as None, and to_dict writes None
        # as null where the spec allows null: compare the members that are not null.
        actual = {key: value for key, value in actual.items() if value is not None}
        expected = {key: value for key, value in expected.items() if value is not None}
        assert actual.keys() == expected.keys(), (
            f"{path}: keys {actual.keys()} != {expected.keys()}"
        )
        for key in expected:
            same_json(actual[key], expected[key], f"{path}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), f"{path}: {actual!r}"
        for index, (a, e) in enumerate(zip(actual, expected, strict=True)):
            same_json(a, e, f"{path}[{index}]")
    elif isinstance(expected, str) and isinstance(actual, str) and actual != expected:
        try:
            same_instant = dt.datetime.fromisoformat(actual) == dt.datetime.fromisoformat(expected)
        except ValueError:
            same_instant = False
        assert same_instant, f"{path}: {actual!r} != {expected!r}"
    else:
        assert type(actual) is type(expected) and actual == expected, (
            f"{path}: {actual!r} != {expected!r}"
        )
