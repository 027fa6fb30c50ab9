"""Redactor (src/sessionhub/_redact.py) and the reply an exception carries
(`Reply.to_httpx`): secrets scrubbed before text is cut, credential headers redacted by name,
any header bytes accepted, every message encodable."""

from __future__ import annotations

import httpx
from hypothesis import given
from hypothesis import strategies as st

from sessionhub._redact import MIN_SECRET_LENGTH, REDACTED, Redactor, encodable
from sessionhub._response import one_line, scrub
from sessionhub._transport import Reply

SECRET = "sk-SECRET-0123456789abcdef"
# Surrounding text and secrets from disjoint alphabets: any fragment of the secret found in
# the output can only come from the secret itself.
secrets = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_+/=", min_size=8, max_size=40)
around = st.text(alphabet="abcdefghijklmnopqrstuvwxyz .,\n\t\u00e9\udc80", max_size=400)


@given(before=around, after=around, secret=secrets)
def test_no_fragment_of_a_secret_survives_scrub_then_cut(
    before: str, after: str, secret: str
) -> None:
    text = one_line(scrub(before + secret + after, (secret,)))
    text.encode("utf-8")  # always encodable
    assert len(text) <= 300
    for i in range(len(secret) - MIN_SECRET_LENGTH + 1):
        assert secret[i : i + MIN_SECRET_LENGTH] not in text


def test_short_secrets_are_not_scrubbed_and_long_ones_are() -> None:
    short = "t" * (MIN_SECRET_LENGTH - 1)
    redactor = Redactor((short, SECRET))
    assert redactor.secrets == (SECRET,)
    assert redactor.text(f"the {short} token {SECRET}!") == f"the {short} token ***!"


def test_the_longest_secret_is_replaced_whole() -> None:
    redactor = Redactor(("SECRET-0123", SECRET))
    assert redactor.text(SECRET) == "***"


def test_values_are_scrubbed_deeply_keys_included() -> None:
    redactor = Redactor((SECRET,))
    value = {SECRET: [1, {"m": f"bad {SECRET}"}, None, True], "x": "\udc80"}
    assert redactor.value(value) == {"***": [1, {"m": "bad ***"}, None, True], "x": "\\udc80"}


def test_credential_headers_are_redacted_by_name_whatever_their_length() -> None:
    redactor = Redactor(())
    for name in ("Authorization", "x-api-key", "TrinsicAuthorization", "Cookie"):
        assert redactor.header(name, "t") == REDACTED
    assert redactor.header("X-Other", "t") == "t"


@given(value=st.binary(min_size=0, max_size=40).filter(lambda b: b"\r" not in b and b"\n" not in b))
def test_any_header_bytes_become_an_httpx_response(value: bytes) -> None:
    # aiohttp decodes header bytes as UTF-8 with surrogateescape
    decoded = value.decode("utf-8", "surrogateescape")
    reply = Reply(
        500,
        "Oops",
        {"X-Odd": decoded, "Content-Encoding": "gzip"},
        b"{}",
        ("GET", "https://x.example/a", {"X-API-Key": SECRET}, None),
        Redactor((SECRET,)),
    )
    response = reply.to_httpx()
    assert response.headers.raw[0] == (b"X-Odd", value)
    assert "content-encoding" not in response.headers  # the body is already decoded
    assert response.request.headers["x-api-key"] == REDACTED
    assert isinstance(response, httpx.Response)


def test_encodable_escapes_lone_surrogates_only() -> None:
    assert encodable("café") == "café"
    assert encodable("a\udc80b") == "a\\udc80b"
