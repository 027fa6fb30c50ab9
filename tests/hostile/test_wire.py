"""Whatever bytes a server sends (wrong status lines, odd header bytes, huge headers, a
connection closed at any stage), the call ends quickly in a sessionhub error whose message
can be written as UTF-8; a create is never sent twice, and an error after sending says the
request may have been processed.
"""

from __future__ import annotations

import asyncio

import pytest

import sessionhub
from sessionhub import APIConnectionError, APIStatusError, SessionHubError

from ._server import answer, client_for, drop, response, serve, within

STATUS_LINES = [
    b"HTTP/1.1 abc OK\r\nContent-Length: 2\r\n\r\n{}",
    b"HTTP/2.0 200 OK\r\nContent-Length: 2\r\n\r\n{}",
    b"HTTP/1.1 2000 Big\r\nContent-Length: 2\r\n\r\n{}",
    b"HTTP/1.1 -1 Minus\r\nContent-Length: 2\r\n\r\n{}",
    b"ICY 200 OK\r\nContent-Length: 2\r\n\r\n{}",
    b"garbage garbage\r\n\r\n",
    b"\x00\xff\xfe\r\n\r\n",
    b"HTTP/1.1 200 OK\nContent-Length: 2\n\n{}",  # bare LF
    b"HTTP/1.1 100 Continue\r\n\r\n" * 50,  # informational replies and then nothing
    b"HTTP/1.1 999 Weird\r\nContent-Length: 2\r\n\r\n{}",
    b"HTTP/1.1 200 \xff\xfe\r\nContent-Length: 2\r\n\r\n{}",  # obs-text reason phrase
    b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
    b"HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n{}",
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
    b"HTTP/1.1 200 OK\r\n" + b"X-Big: " + b"a" * 100_000 + b"\r\n\r\n",
    b"HTTP/1.1 200 OK\r\n" + b"X-Many: a\r\n" * 5000 + b"Content-Length: 2\r\n\r\n{}",
    b"HTTP/1.1 200 OK\r\nX-\xff\xfe: v\r\nContent-Length: 2\r\n\r\n{}",
]

OK_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n"
CHUNKED_HEAD = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
)
# A connection closed at every stage of the response.
CLOSED_AT = {
    "before-anything": b"",
    "mid-status-line": b"HTTP/1.",
    "after-status-line": b"HTTP/1.1 200 OK\r\n",
    "mid-headers": b"HTTP/1.1 200 OK\r\nContent-Ty",
    "after-headers": OK_HEAD,
    "mid-body": OK_HEAD + b'{"session": {"id"',
    # past LARGE_BODY: the body was being written into its anonymous map
    "mid-large-body": OK_HEAD.replace(b"200\r\n", b"1000000\r\n")
    + b'{"session": {"id": "'
    + b"x" * 300_000,
    "mid-chunk": CHUNKED_HEAD + b'20\r\n{"sess',
    "before-last-chunk": CHUNKED_HEAD + b"2\r\n{}\r\n",
}
ODD_BYTES = [b"caf\xc3\xa9", b"\xff\xfe", b"\x80", b"\xed\xa0\x80", b"ok\x7f"]


def check_error(err: BaseException) -> str:
    assert isinstance(err, SessionHubError), repr(err)
    text = str(err)
    text.encode("utf-8")  # always encodable (a log file in UTF-8 takes it)
    repr(err).encode("utf-8")
    assert "\n" not in text
    return text


@pytest.mark.parametrize("wire", STATUS_LINES, ids=lambda w: repr(w[:24]))
async def test_any_status_line_ends_in_a_sessionhub_error(sender: str, wire: bytes) -> None:
    async with serve(drop(wire)) as server:
        async with client_for("trinsic", sender, server.url, timeout=2) as client:
            with within(3.0):
                try:
                    await client.sessions.get("session-1")
                except BaseException as err:  # whatever escapes must be ours
                    check_error(err)
                else:
                    raise AssertionError("a broken response was accepted")


@pytest.mark.parametrize("stage", list(CLOSED_AT))
@pytest.mark.parametrize("op", ["get", "create"])
async def test_a_connection_closed_at_any_stage(sender: str, stage: str, op: str) -> None:
    async with serve(drop(CLOSED_AT[stage])) as server:
        async with client_for("trinsic", sender, server.url, max_retries=2) as client:
            client._sleep = lambda _delay: asyncio.sleep(0)
            call = (
                client.sessions.get("session-1")
                if op == "get"
                else client.sessions.create(verifications=[{"type": "GovernmentId"}])
            )
            with within(3.0), pytest.raises(APIConnectionError) as info:
                await call
    check_error(info.value)
    assert info.value.may_have_been_processed  # every stage is after sending
    if op == "create":
        assert len(server.requests) == 1  # never sent twice
        assert "may have been created; look it up before retrying" in str(info.value)
    else:
        assert len(server.requests) == 3  # a read is retried


@pytest.mark.parametrize("odd", ODD_BYTES, ids=repr)
@pytest.mark.parametrize(
    ("status", "content_type", "expected"),
    [
        (400, b"application/json", sessionhub.BadRequestError),
        (500, b"application/json", sessionhub.InternalServerError),
        (200, b"text/html", sessionhub.ResponseValidationError),
        (200, b"application/json", sessionhub.ResponseValidationError),
    ],
)
async def test_odd_header_bytes_end_in_the_normal_error(
    sender: str, odd: bytes, status: int, content_type: bytes, expected: type[Exception]
) -> None:
    wire = response(
        status,
        b'{"message": "nope"}' if status != 200 else b"[]",
        [(b"X-Odd", odd), (b"X-Request-Id", b"rq-" + odd), (b"Retry-After", odd)],
        content_type=content_type,
    )
    async with serve(answer(wire)) as server:
        async with client_for("sipher", sender, server.url) as client:
            with within(3.0), pytest.raises(expected) as info:
                await client.sessions.get("sess_" + "a" * 64)
    check_error(info.value)
    if isinstance(info.value, APIStatusError):
        assert info.value.request_id is not None
        info.value.request_id.encode("utf-8")
        assert info.value.response.headers.get("x-odd") is not None


async def test_a_lone_surrogate_in_a_vendor_message_is_encodable(sender: str) -> None:
    wire = response(404, b'{"message": "bad \\udc80 id \\ud800", "code": "X\\udfff"}')
    async with serve(answer(wire)) as server:
        async with client_for("trinsic", sender, server.url) as client:
            with pytest.raises(sessionhub.NotFoundError) as info:
                await client.sessions.get("session-1")
    text = check_error(info.value)
    assert "bad \\udc80 id" in text  # shown, escaped, rather than lost
