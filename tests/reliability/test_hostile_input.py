"""Hostile input: ids that try to change the request path, smuggle a query or a header, or
break the URL. Each is either rejected before sending (InvalidRequestError, nothing sent)
or sent percent-encoded in exactly its own path segment or query value; the request's raw
path, query, host and headers are checked byte for byte on a MockTransport.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, quote, unquote

import httpx
import pytest

import sessionhub
from tests.conftest import Script

from ._ops import (
    OPS_BY_ID,
    TWILIO_SERVICE,
    TWILIO_SESSION,
    Op,
    make_client,
)
from .conftest import assert_readable, report

HOSTILE_IDS = [
    "../",
    "..",
    ".",
    "../../v1/admin",
    "..%2f",
    "%2e%2e/",
    "%2e%2e%2fadmin",
    "%252e%252e",
    "/",
    "a/b",
    "//evil.example/x",
    "http://evil.example/",
    "@evil.example",
    "?",
    "a?admin=1",
    "#",
    "a#frag",
    "&sessionId=other",
    "a;b=c",
    "\r\n",
    "a\r\nX-Injected: 1",
    "a\nX-Injected: 1",
    "a\rb",
    "\x00",
    "a\x00b",
    "a\tb",
    "\x7f",
    "\x1b[31m",
    " ",
    "a b",
    "a+b",
    "%",
    "%00",
    "%0d%0aX-Injected:%201",
    "\\..\\..\\",
    "ünïcödé-id",
    "日本語のセッション",
    "😀😀😀😀😀",
    "\u2028\u2029",
    "\x85next-line",
    "\ufeffbom",
    "x" * 101,
    "y" * 129,
    "z" * 192,
    "w" * 10_000,
    "",
]


Where = tuple[str, str, str]  # ("path", prefix, suffix) or ("query", path, key)


def _path(prefix: str, suffix: str = "") -> Where:
    """The value is the one path segment between `prefix` and `suffix`."""
    return ("path", prefix, suffix)


def _query(path: str, key: str) -> Where:
    """The value is the only value of `key` in the query string of `path`."""
    return ("query", path, key)


@dataclasses.dataclass(frozen=True)
class Target:
    """An operation with one hostile parameter, named `op.id(parameter)`."""

    name: str
    call: Callable[[Any, str], Any]  # (client.sessions, value) -> the call
    where: Where

    @property
    def op(self) -> Op:
        return OPS_BY_ID[self.name.partition("(")[0]]


# where the value goes, for the parameters that share a place
SIPHER_SESSION_SEGMENT = _path("/v1/sessions/")
TWILIO_SERVICE_SEGMENT = _path("/v1/Services/", "/Sessions")
TWILIO_SESSION_SERVICE_SEGMENT = _path("/v1/Services/", f"/Sessions/{TWILIO_SESSION}")
TWILIO_SESSION_SEGMENT = _path(f"/v1/Services/{TWILIO_SERVICE}/Sessions/")

TARGETS = [
    Target(
        "trinsic.get(session_id)", lambda s, v: s.get(v), _query("/v1/sessions/get", "sessionId")
    ),
    Target(
        "trinsic.cancel(session_id)",
        lambda s, v: s.cancel(v),
        _query("/v1/sessions/cancel", "sessionId"),
    ),
    Target("sipher.get(session_id)", lambda s, v: s.get(v), SIPHER_SESSION_SEGMENT),
    Target(
        "sipher.update(session_id)",
        lambda s, v: s.update(v, defaults={"chain": "solana"}),
        SIPHER_SESSION_SEGMENT,
    ),
    Target("sipher.delete(session_id)", lambda s, v: s.delete(v), SIPHER_SESSION_SEGMENT),
    Target("equos.get(session_id)", lambda s, v: s.get(v), _path("/v3/sessions/")),
    Target("equos.stop(session_id)", lambda s, v: s.stop(v), _path("/v3/sessions/", "/stop")),
    Target("equos.list(client)", lambda s, v: s.list(client=v), _query("/v3/sessions", "client")),
    Target(
        "twilio.create(service_sid)",
        lambda s, v: s.create(v, unique_name="x"),
        TWILIO_SERVICE_SEGMENT,
    ),
    Target("twilio.list(service_sid)", lambda s, v: s.list(v), TWILIO_SERVICE_SEGMENT),
    Target(
        "twilio.get(service_sid)",
        lambda s, v: s.get(v, TWILIO_SESSION),
        TWILIO_SESSION_SERVICE_SEGMENT,
    ),
    Target("twilio.get(session_id)", lambda s, v: s.get(TWILIO_SERVICE, v), TWILIO_SESSION_SEGMENT),
    Target(
        "twilio.update(session_sid)",
        lambda s, v: s.update(TWILIO_SERVICE, v, status="closed"),
        TWILIO_SESSION_SEGMENT,
    ),
    Target(
        "twilio.delete(session_sid)",
        lambda s, v: s.delete(TWILIO_SERVICE, v),
        TWILIO_SESSION_SEGMENT,
    ),
    Target(
        "twilio.delete(service_sid)",
        lambda s, v: s.delete(v, TWILIO_SESSION),
        TWILIO_SESSION_SERVICE_SEGMENT,
    ),
]
TARGET_IDS = [t.name for t in TARGETS]

BASE_HOSTS = {
    "trinsic": "connect-api.trinsic.id",
    "sipher": "sipher.sip-protocol.org",
    "equos": "api.equos.ai",
    "twilio": "proxy.twilio.com",
}
# The only headers a request may carry (lower-case), per vendor.
ALLOWED_HEADERS = {
    "host",
    "accept",
    "accept-encoding",
    "connection",
    "user-agent",
    "content-length",
    "content-type",
    "authorization",
    "trinsicauthorization",
    "x-api-key",
}
OUTCOMES: dict[str, int] = {"rejected": 0, "encoded": 0, "wire": 0}


async def _send(target: Target, value: str) -> tuple[BaseException | None, Script]:
    op = target.op
    script = Script()
    script.default = lambda request: op.success()
    error: BaseException | None = None
    async with make_client(op.vendor, script.client(), max_retries=0) as client:
        try:
            await target.call(client.sessions, value)
        except Exception as exc:
            error = exc
    return error, script


def _rejected(target: Target, value: str, error: BaseException | None, script: Script) -> bool:
    """Whether `value` was rejected before sending; if so, nothing was sent and the error
    says so, readably, on one line."""
    if not isinstance(error, sessionhub.InvalidRequestError):
        return False
    op = target.op
    assert script.requests == [], f"{value!r}: rejected, but a request was sent"
    text = assert_readable(error, vendor=op.vendor, operation=op.name)
    assert "\x00" not in text, text
    assert text.startswith(f"{op.vendor} {op.name}: ") and "nothing was sent" in text, text
    OUTCOMES["rejected"] += 1
    return True


@pytest.mark.parametrize("target", TARGETS, ids=TARGET_IDS)
async def test_hostile_ids_never_change_the_request(target: Target) -> None:
    for value in HOSTILE_IDS:
        error, script = await _send(target, value)
        if _rejected(target, value, error, script):
            continue
        assert error is None, f"{value!r}: {error!r}"
        (request,) = script.requests
        _assert_exact_request(target, value, request)
        OUTCOMES["encoded"] += 1


def _assert_exact_request(target: Target, value: str, request: httpx.Request) -> None:
    op = target.op
    url = request.url
    assert url.scheme == "https" and url.host == BASE_HOSTS[op.vendor], f"{value!r}: {url}"
    assert url.port is None and url.fragment == "", f"{value!r}: {url}"
    raw_path, _, raw_query = url.raw_path.partition(b"?")
    kind, first, second = target.where
    if kind == "path":
        expected = f"{first}{quote(value, safe='')}{second}".encode("ascii")
        assert raw_path == expected, f"{value!r}: path {raw_path!r} != {expected!r}"
        # the value is one segment: as many slashes as the template has
        assert raw_path.count(b"/") == (first + "x" + second).count("/")
    else:
        assert raw_path == first.encode(), f"{value!r}: path {raw_path!r}"
        query = parse_qs(raw_query.decode("ascii"), keep_blank_values=True)
        assert query[second] == [value], f"{value!r}: query {raw_query!r}"
        assert all(len(values) == 1 for values in query.values()), raw_query
    for name, header in request.headers.raw:
        assert name.decode().lower() in ALLOWED_HEADERS, f"{value!r}: injected header {name!r}"
        assert b"\r" not in header and b"\n" not in header and b"\x00" not in header


# Strings Python holds but UTF-8 cannot encode (lone surrogates, e.g. from a JSON "\ud800").
UNENCODABLE_IDS = ["\ud800", "sess\ud800ion-id", "\udfff\ud800abcde"]


# Parameters without a pattern would reach percent-encoding, which raises: check_id refuses
# them first.
@pytest.mark.parametrize("target", TARGETS, ids=TARGET_IDS)
async def test_unencodable_ids_are_rejected_before_sending(target: Target) -> None:
    for value in UNENCODABLE_IDS:
        error, script = await _send(target, value)
        assert _rejected(target, value, error, script), f"{value!r}: {error!r}"


@pytest.mark.parametrize(
    ("vendor", "kwargs"),
    [
        ("trinsic", {"api_key": "key\r\nX-Injected: 1"}),
        ("trinsic", {"api_key": "key\nX-Injected: 1"}),
        ("sipher", {"api_key": "key\r\n"}),
        ("equos", {"api_key": "key\x00"}),
        ("twilio", {"account_sid": "AC1\r\nX-Injected: 1", "auth_token": "token"}),
        ("twilio", {"account_sid": "AC1", "auth_token": "token\r\nX-Injected: 1"}),
    ],
)
def test_credentials_with_line_breaks_are_rejected_without_echoing_them(
    vendor: str, kwargs: dict[str, str]
) -> None:
    classes = {
        "trinsic": sessionhub.TrinsicConnect,
        "sipher": sessionhub.Sipher,
        "equos": sessionhub.Equos,
        "twilio": sessionhub.TwilioProxy,
    }
    with pytest.raises(sessionhub.ConfigurationError) as info:
        classes[vendor](**kwargs)
    text = str(info.value)
    assert "X-Injected" not in text and "\r" not in text and "\n" not in text
    for secret in kwargs.values():
        assert secret not in text


@pytest.mark.parametrize(
    ("target", "value"),
    [
        ("twilio.create", {"unique_name": "order\r\nX-Injected: 1"}),
        ("twilio.create", {"participants": [{"Identifier": "+1555\r\nX-Injected: 1"}]}),
        ("equos.create", {"name": "demo\r\nX-Injected: 1"}),
        ("equos.create", {"client": "c\r\n"}),
    ],
)
async def test_hostile_body_values_stay_in_the_body(target: str, value: dict[str, Any]) -> None:
    """Values that travel in a form or JSON body either are rejected or stay inside the
    encoded body: never a header, never a second form field, and decoded they are exactly
    the value given."""
    op = OPS_BY_ID[target]
    ((param, hostile),) = value.items()
    script = Script()
    script.default = lambda request: op.success()
    async with make_client(op.vendor, script.client(), max_retries=0) as client:
        try:
            if op.vendor == "twilio":
                await client.sessions.create(TWILIO_SERVICE, **value)
            else:
                await client.sessions.create(**{"name": "demo", "avatar": "av1", **value})
        except sessionhub.InvalidRequestError as exc:
            assert script.requests == []
            assert_readable(exc, vendor=op.vendor, operation=op.name)
            return
    (request,) = script.requests
    assert b"\r" not in request.content and b"\n" not in request.content
    for name, header in request.headers.raw:
        assert name.decode().lower() in ALLOWED_HEADERS
        assert b"\r" not in header and b"\n" not in header
    if op.vendor == "twilio":
        field = param.title().replace("_", "")  # unique_name -> UniqueName
        form = script.form()
        assert not any(k.startswith("X-Injected") for k, _ in form), form
        sent = [json.loads(v) if field == "Participants" else v for k, v in form if k == field]
    else:
        sent = [script.body()[param]]
    assert sent == (hostile if isinstance(hostile, list) else [hostile]), sent


class WireServer:
    """A loopback HTTP/1.1 server that records each request head exactly as it arrived on
    the socket and answers with a canned response (keep-alive)."""

    def __init__(self, reply: Callable[[bytes], bytes]) -> None:
        self.reply = reply
        self.heads: list[bytes] = []
        self.server: asyncio.Server | None = None

    async def __aenter__(self) -> WireServer:
        self.server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self.server is not None
        self.server.close()
        await self.server.wait_closed()

    @property
    def port(self) -> int:
        assert self.server is not None
        return int(self.server.sockets[0].getsockname()[1])

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                self.heads.append(head)
                length = 0
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                await reader.readexactly(length)
                writer.write(self.reply(head))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


def _http_response(op: Any) -> bytes:
    body = op.body_bytes()
    status = op.status
    head = f"HTTP/1.1 {status} OK\r\ncontent-type: application/json\r\n"
    if status != 204:
        head += f"content-length: {len(body)}\r\n"
    return (head + "\r\n").encode() + (body if status != 204 else b"")


def _segments(raw_path: bytes) -> list[str]:
    return [unquote(part) for part in raw_path.decode("ascii").split("/")]


@pytest.mark.parametrize("target", TARGETS, ids=TARGET_IDS)
async def test_hostile_ids_on_the_wire_with_the_default_transport(target: Target) -> None:
    """The same ids through the default transport (what users run) to a loopback socket:
    the same ids are rejected as on the MockTransport, and for the others the request line
    that arrives is printable ASCII with the id as exactly one path segment or query value,
    and no header was added. Catches a transport that re-parses or normalises the URL."""
    op = target.op
    async with WireServer(lambda head: _http_response(op)) as server:
        client = make_client(
            op.vendor, None, base_url=f"http://127.0.0.1:{server.port}", max_retries=0
        )
        async with client:
            for value in HOSTILE_IDS:
                mock_error, _ = await _send(target, value)
                rejected = isinstance(mock_error, sessionhub.InvalidRequestError)
                before = len(server.heads)
                try:
                    await target.call(client.sessions, value)
                except sessionhub.InvalidRequestError:
                    assert rejected, f"{value!r}: rejected only with the default transport"
                    assert len(server.heads) == before
                    continue
                assert not rejected, f"{value!r}: sent only with the default transport"
                (head,) = server.heads[before:]
                _assert_wire(target, value, head)
                OUTCOMES["wire"] += 1


def _assert_wire(target: Target, value: str, head: bytes) -> None:
    request_line, *header_lines = head.rstrip(b"\r\n").split(b"\r\n")
    method, target_bytes, version = request_line.split(b" ")
    assert version == b"HTTP/1.1" and method == target.op.method.encode()
    # percent-encoded: no space, control or non-ASCII byte reaches the request line
    assert all(0x21 <= byte <= 0x7E for byte in target_bytes), f"{value!r}: {target_bytes!r}"
    raw_path, _, raw_query = target_bytes.partition(b"?")
    kind, first, second = target.where
    if kind == "path":
        expected = f"{first}{quote(value, safe='')}{second}"
        assert _segments(raw_path) == _segments(expected.encode()), f"{value!r}: {target_bytes!r}"
    else:
        assert raw_path == first.encode(), f"{value!r}: {target_bytes!r}"
        query = parse_qs(raw_query.decode("ascii"), keep_blank_values=True)
        assert query[second] == [value], f"{value!r}: {target_bytes!r}"
    for line in header_lines:
        name = line.partition(b":")[0].decode().lower()
        assert name in ALLOWED_HEADERS, f"{value!r}: header {line!r} on the wire"
        assert not any(c in line for c in (b"\r", b"\n", b"\x00")), f"{value!r}: {line!r}"


def _hostile_ids_summary() -> str | None:
    """How many hostile inputs were tried, for the end-of-run figures."""
    tried = OUTCOMES["rejected"] + OUTCOMES["encoded"]
    if not tried:
        return None
    return (
        f"hostile ids: {len(HOSTILE_IDS) + len(UNENCODABLE_IDS)} values x {len(TARGETS)} "
        f"parameters = {tried} "
        f"requests attempted: {OUTCOMES['rejected']} rejected before sending, "
        f"{OUTCOMES['encoded']} sent percent-encoded in their own segment or query value; "
        f"{OUTCOMES['wire']} checked again on the wire through the default transport"
    )


report("hostile ids", _hostile_ids_summary)
