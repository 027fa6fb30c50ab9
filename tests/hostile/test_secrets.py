"""No credential is reachable from a raised exception: servers echo every credential in
every place a vendor can echo it (error bodies and codes, headers, the reason phrase, a
broken status line, oversized and invalid bodies, across the 300-character cut), and the
test walks everything reachable from the exception (attributes, `__dict__`, slots, `args`,
`__cause__`, `__context__`, `request`, `response`, containers) and every `repr`/`str`
of it, for each credential of each vendor, on both senders.

Also: credentials that cannot travel in a header and `user:password@` in base_url are
refused at construction without being echoed; toy tokens shorter than 8 characters are not
scrubbed (messages stay readable).
"""

from __future__ import annotations

import asyncio
import contextlib
import types
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import sessionhub
from sessionhub import ConfigurationError, SessionHubError
from tests.reliability._ops import OPS, OPS_BY_ID, TWILIO_SID, Op, make_client, secrets_of

from ._server import Handler, answer, client_for, drop, response, serve

_LEAVES = (str, bytes, bytearray, int, float, complex, bool, type(None))
_OPAQUE = (
    types.ModuleType,
    type,
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.FrameType,
    types.TracebackType,  # frames hold the caller's locals, not the exception's data
    types.CodeType,
)


def reachable(root: object, limit: int = 100_000) -> Iterator[object]:
    """Every object reachable from `root` through data (not code or frames)."""
    seen: set[int] = set()
    stack: list[object] = [root]
    while stack:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        assert len(seen) < limit, "object graph too large to walk"
        yield obj
        if isinstance(obj, (_LEAVES, _OPAQUE)):
            continue
        if isinstance(obj, dict):
            stack.extend(obj.keys())
            stack.extend(obj.values())
        elif isinstance(obj, (list, tuple, set, frozenset)):
            stack.extend(obj)
        if isinstance(obj, BaseException):
            stack.extend([obj.args, obj.__cause__, obj.__context__])
        for name in ("request", "response", "headers", "content"):
            with contextlib.suppress(Exception):
                stack.append(getattr(obj, name))
        stack.extend(vars(obj).values() if hasattr(obj, "__dict__") else ())
        for cls in type(obj).__mro__:
            for slot in getattr(cls, "__slots__", ()):
                with contextlib.suppress(AttributeError):
                    stack.append(getattr(obj, slot))


def assert_no_secret(err: BaseException, secrets: list[str]) -> int:
    """Walks `err`; returns how many objects were checked."""
    needles = [(s, s.encode()) for s in secrets]
    count = 0
    for obj in reachable(err):
        count += 1
        texts: list[str | bytes] = []
        if isinstance(obj, (str, bytes, bytearray)):
            texts.append(bytes(obj) if isinstance(obj, bytearray) else obj)
        elif not isinstance(obj, _LEAVES):
            for show in (repr, str):
                with contextlib.suppress(Exception):
                    texts.append(show(obj))
        for text in texts:
            for secret, raw in needles:
                found = (raw in text) if isinstance(text, bytes) else (secret in text)
                assert not found, f"{secret[:8]}... reachable in {type(obj).__name__}"
    return count


def echo(secrets: list[str], *, pad: int = 0) -> str:
    return "x" * pad + " ".join(f"bad credential {s};" for s in secrets)


def echo_body(vendor: str, text: str) -> bytes:
    import json

    body: dict[str, Any] = {
        "trinsic": {"message": text, "errors": {"key": [text]}},
        "sipher": {"success": False, "error": {"code": text, "message": text, "details": text}},
        "equos": {"statusCode": 400, "message": [text], "error": text},
        "twilio": {"code": text, "message": text, "detail": text, "more_info": text},
    }[vendor]
    return json.dumps(body).encode()


def faults(vendor: str) -> dict[str, Handler]:
    secrets = secrets_of(vendor)
    text = echo(secrets)
    header = text.encode()
    echo_headers = [
        (b"X-Echo", header),
        (b"X-Request-Id", header),
        (b"Twilio-Request-Id", header),
        (b"WWW-Authenticate", header),
        (b"Set-Cookie", header),
    ]
    return {
        "status-body-headers-reason": answer(
            response(400, echo_body(vendor, text), echo_headers, reason=header)
        ),
        "across-the-300-cut": answer(response(500, echo_body(vendor, echo(secrets, pad=280)))),
        "across-the-80-cut": answer(
            response(502, b"<html>" + echo(secrets, pad=55).encode(), content_type=b"text/html")
        ),
        "429-over-the-cap": answer(
            response(429, echo_body(vendor, text), [(b"Retry-After", b"3600"), *echo_headers])
        ),
        "invalid-2xx-text": answer(response(200, header, content_type=b"text/plain")),
        "invalid-2xx-json": answer(response(200, b'["%s"]' % header)),
        "broken-status-line": drop(b"HTTP/1.1 2x0 " + header + b"\r\n\r\n"),
        "header-line-too-long": drop(
            b"HTTP/1.1 400 Bad\r\nX-Echo: " + header * (110_000 // len(header) + 1) + b"\r\n\r\n"
        ),
        "too-large": answer(response(200, header * (70_000 // len(header) + 1))),
        "dropped-mid-body": drop(b"HTTP/1.1 200 OK\r\nContent-Length: 9999\r\n\r\n" + header),
    }


def _op(vendor: str, kind: str) -> Op:
    ids = {"get": {"twilio": "twilio.get"}, "create": {}}
    return OPS_BY_ID[ids[kind].get(vendor, f"{vendor}.{kind}")]


CASES = [
    (op, fault)
    for op in OPS
    for fault in faults(op.vendor)
    if op.status != 204 or not fault.startswith("invalid-2xx")  # no body is read on a 204
]


@pytest.mark.parametrize(("op", "fault"), CASES, ids=[f"{op.id}-{f}" for op, f in CASES])
async def test_no_credential_is_reachable_from_any_exception(
    sender: str, op: Op, fault: str
) -> None:
    vendor = op.vendor
    async with serve(faults(vendor)[fault]) as server:
        async with client_for(
            vendor, sender, server.url, max_response_size=65536, timeout=5
        ) as client:
            with pytest.raises(SessionHubError) as info:
                await op.call(client)
    assert_no_secret(info.value, secrets_of(vendor))
    if fault == "429-over-the-cap":
        assert isinstance(info.value, sessionhub.RateLimitError)
        assert info.value.retry_after == 3600


@pytest.mark.parametrize("vendor", ["trinsic", "sipher", "equos", "twilio"])
async def test_no_credential_in_the_context_of_a_malformed_json_body(
    sender: str, vendor: str
) -> None:
    # The neighbour of "invalid-2xx-json": a JSON media type whose body does not parse.
    text = echo(secrets_of(vendor)).encode()
    async with serve(answer(response(200, b'{"echo": "' + text + b'"'))) as server:
        async with client_for(vendor, sender, server.url) as client:
            with pytest.raises(sessionhub.ResponseValidationError) as info:
                await _op(vendor, "get").call(client)
    assert_no_secret(info.value, secrets_of(vendor))


@pytest.mark.parametrize("pad", range(270, 300, 3))
async def test_no_fragment_of_a_secret_survives_the_cut(sender: str, pad: int) -> None:
    secret = secrets_of("trinsic")[0]
    for status, body, content_type in [
        (500, echo_body("trinsic", "x" * pad + secret), b"application/json"),
        (502, b"<html>" + b"x" * (pad - 220) + secret.encode(), b"text/html"),
    ]:
        async with serve(answer(response(status, body, content_type=content_type))) as server:
            async with client_for("trinsic", sender, server.url) as client:
                with pytest.raises(sessionhub.InternalServerError) as info:
                    await client.sessions.get("session-1")
        text = str(info.value)
        fragments = {secret[i : i + 8] for i in range(len(secret) - 7)}
        assert not any(f in text for f in fragments), text[-120:]


async def test_a_timeout_error_holds_no_credential(sender: str) -> None:
    for vendor in ("trinsic", "sipher", "equos", "twilio"):

        async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await asyncio.sleep(5)

        async with serve(silent) as server:
            async with client_for(vendor, sender, server.url, timeout=0.1) as client:
                with pytest.raises(sessionhub.APITimeoutError) as info:
                    await _op(vendor, "get").call(client)
        assert_no_secret(info.value, secrets_of(vendor))
        headers = info.value.request.headers  # the request is still there, redacted
        assert "[redacted]" in repr(dict(headers))


def test_the_walker_finds_a_planted_secret() -> None:
    # the check above could pass by walking nothing: it must find a secret anywhere
    request = httpx.Request("GET", "https://x.example", headers={"X-API-Key": "planted-SECRET"})
    err = sessionhub.APIConnectionError("m", vendor="sipher", operation="x", request=request)
    with pytest.raises(AssertionError, match="reachable"):
        assert_no_secret(err, ["planted-SECRET"])
    inner = ValueError(types.SimpleNamespace(deep={"k": [b"planted-SECRET"]}))
    outer = sessionhub.APIConnectionError("m", vendor="sipher", operation="x")
    outer.__context__ = inner
    with pytest.raises(AssertionError, match="reachable"):
        assert_no_secret(outer, ["planted-SECRET"])


@pytest.mark.parametrize(
    "bad", ["caf\u00e9-SECRET-key", "key-SECRET-\u2019quote", "tab\tSECRET-key", "\u00a0SECRET-1"]
)
@pytest.mark.parametrize("vendor", ["trinsic", "sipher", "equos", "twilio"])
def test_a_credential_that_cannot_travel_is_refused_without_echo(vendor: str, bad: str) -> None:
    kwargs = {"twilio": {"account_sid": TWILIO_SID, "auth_token": bad}}.get(
        vendor, {"api_key": bad}
    )
    cls = {
        "trinsic": sessionhub.TrinsicConnect,
        "sipher": sessionhub.Sipher,
        "equos": sessionhub.Equos,
        "twilio": sessionhub.TwilioProxy,
    }[vendor]
    with pytest.raises(ConfigurationError) as info:
        cls(**kwargs)
    assert "SECRET" not in str(info.value) and "SECRET" not in repr(info.value)


@pytest.mark.parametrize(
    "url",
    [
        "https://user:hunter2-SECRET@api.example",
        "https://hunter2-SECRET@api.example",
        "https://user:hunter2-SECRET@[::1",  # also unparsable
        "http://user:hunter2-SECRET@127.0.0.1:9",
    ],
)
def test_credentials_in_base_url_are_refused_without_echo(url: str) -> None:
    with pytest.raises(ConfigurationError, match="must not contain credentials") as info:
        make_client("equos", None, base_url=url)
    assert "SECRET" not in str(info.value) and "SECRET" not in repr(info.value)


async def test_short_toy_tokens_do_not_turn_messages_into_asterisks(sender: str) -> None:
    wire = response(404, b'{"code": 20404, "message": "The requested resource was not found"}')
    http = httpx.AsyncClient() if sender == "httpx" else None
    async with serve(answer(wire)) as server:
        client = sessionhub.TwilioProxy(
            account_sid=TWILIO_SID, auth_token="t", base_url=server.url, http_client=http
        )
        async with client:
            with pytest.raises(sessionhub.NotFoundError) as info:
                await OPS_BY_ID["twilio.get"].call(client)
    if http is not None:
        await http.aclose()
    assert "The requested resource was not found" in str(info.value)
    assert "*" not in str(info.value)
    # the Basic header (long) is still redacted from the request the error carries
    assert info.value.request is not None
    assert info.value.request.headers["authorization"] == "[redacted]"
