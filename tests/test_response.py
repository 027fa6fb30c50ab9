"""`_response.loads`: msgspec's speed, the standard library's reading and errors; `loads_page`:
a page parsed item by item, with the same outcome as parsing it whole."""

from __future__ import annotations

import json
import math
import mmap
from typing import Any

import msgspec
import pytest
from _sessionhub_generated.twilio_proxy.models.list_sessions_response import ListSessionsResponse
from hypothesis import given
from hypothesis import strategies as st

import sessionhub._response
from sessionhub import ResponseValidationError, TwilioProxy
from sessionhub._redact import Redactor
from sessionhub._response import LazyItems, Undecodable, lazy_page, loads, loads_page
from sessionhub._transport import LARGE_BODY, Reply
from sessionhub._vendors.twilio import LIST
from tests.conftest import SAMPLES

# JSON values json.dumps can write, integers of any size included.
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
JSON = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=30,
)


@given(JSON, st.booleans())
def test_reads_what_json_reads(value: Any, ascii_only: bool) -> None:
    body = json.dumps(value, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")
    try:
        expected = json.loads(body)
    except ValueError:  # a lone surrogate written raw is not UTF-8: both refuse it
        with pytest.raises(ValueError):
            loads(body)
        return
    assert loads(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        b'\xef\xbb\xbf{"a": 1}',  # a UTF-8 byte-order mark
        '{"a": "\u00e9"}'.encode("utf-16"),  # json detects UTF-16 and UTF-32
        b'{"a": NaN, "b": Infinity}',
        b'{"a": "\\ud800"}',  # an escaped lone surrogate
        b'{"a": "\xed\xa0\x80"}',  # a raw one (json decodes it with surrogatepass)
        b'{"a": 1e999}',  # json reads infinity
    ],
)
def test_what_msgspec_refuses_is_read_as_json_reads_it(body: bytes) -> None:
    got, expected = loads(body), json.loads(body)
    assert got.keys() == expected.keys()
    for key in got:
        same = got[key] == expected[key]
        assert same or (math.isnan(got[key]) and math.isnan(expected[key]))


@pytest.mark.parametrize(
    "body", [b"", b"{", b'{"a": 1} trailing', b"\xff\xfe\xfd", b"[" * 100_000, b"nul"]
)
def test_errors_are_the_standard_librarys(body: bytes) -> None:
    with pytest.raises((ValueError, RecursionError)) as raised:
        json.loads(body)
    with pytest.raises(type(raised.value)) as ours:
        loads(body)
    assert str(ours.value) == str(raised.value)
    # msgspec's error is not chained to it (json's own internals may chain a StopIteration)
    assert not isinstance(ours.value.__context__, msgspec.DecodeError)


def test_integers_of_any_size_stay_exact() -> None:
    assert loads(b"[18446744073709551616, -1" + b"0" * 400 + b"]") == [2**64, -(10**400)]


# --- pages parsed item by item (`loads_page`, `LazyItems`) ---------------------------------


def _materialized(value: Any) -> Any:
    """`loads_page`'s result with its lazy item array decoded, as `loads` would give it."""
    if isinstance(value, dict):
        return {k: list(v) if isinstance(v, LazyItems) else v for k, v in value.items()}
    return value


@given(st.dictionaries(st.sampled_from(["sessions", "meta", "x"]), JSON, max_size=3), st.booleans())
def test_a_page_reads_what_loads_reads(page: dict[str, Any], ascii_only: bool) -> None:
    body = json.dumps(page, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")
    try:
        expected = loads(body)
    except ValueError:  # not UTF-8 (a raw lone surrogate): refused the same way
        with pytest.raises(ValueError):
            _materialized(loads_page(body, "sessions"))
        return
    got = loads_page(body, "sessions")
    lazy = isinstance(got.get("sessions"), LazyItems)
    assert lazy == isinstance(expected.get("sessions"), list)
    assert _materialized(got) == expected


@given(JSON)
def test_a_body_that_is_no_page_reads_as_loads_reads_it(value: Any) -> None:
    body = json.dumps(value).encode("utf-8", "surrogatepass")
    try:
        expected = loads(body)
    except ValueError:
        return
    got = loads_page(body, "sessions")
    if not isinstance(got, dict) or not isinstance(got.get("sessions"), LazyItems):
        assert got == expected


def test_page_items_are_decoded_one_at_a_time_when_reached() -> None:
    got = loads_page(b'{"sessions": [{"a": 1}, {"b": [2]}], "meta": {"n": null}}', "sessions")
    assert got["meta"] == {"n": None}
    items = got["sessions"]
    assert isinstance(items, list) and len(items) == 2
    assert all(isinstance(raw, msgspec.Raw) for raw in list.__iter__(items))  # not decoded
    assert list(items) == [{"a": 1}, {"b": [2]}]


@pytest.mark.parametrize(
    "item",
    [b'{"a": "\xff"}', b'{"a": 1e999}'],  # invalid UTF-8 in a string; a number out of range
)
def test_an_item_msgspec_refuses_raises_undecodable_not_a_value_error(item: bytes) -> None:
    page = loads_page(b'{"sessions": [{}, ' + item + b"]}", "sessions")
    seen: list[Any] = []

    def parse(data: Any) -> None:  # iterates as the generated from_dict does
        for entry in data["sessions"]:
            seen.append(entry)

    with pytest.raises(Undecodable) as raised:
        lazy_page(parse)(page)
    assert seen == [{}]  # the first item was decoded, then msgspec refused the second
    assert not isinstance(raised.value, ValueError)  # parse_model would report it as a misfit
    assert raised.value.__context__ is None  # msgspec's error is not kept


def test_lazy_page_passes_the_generated_codes_own_errors_through() -> None:
    def parse(data: Any) -> None:
        raise TypeError("sessions: unexpected str")

    with pytest.raises(TypeError, match="unexpected str"):
        lazy_page(parse)({"sessions": "x"})


@pytest.mark.parametrize(
    "body",
    [
        b'["sessions"]',  # no object
        b'{"sessions": "x"}',  # no array: the generated code says so
        b'{"sessions": [], "meta": NaN}',  # a member msgspec refuses
        b'\xef\xbb\xbf{"sessions": []}',  # a byte-order mark
        b'{"sessions": [1,]}',  # malformed: the standard library's error
    ],
)
def test_what_is_no_lazy_page_is_read_by_loads(body: bytes) -> None:
    try:
        expected: Any = loads(body)
    except ValueError as exc:
        with pytest.raises(type(exc)) as raised:
            loads_page(body, "sessions")
        assert str(raised.value) == str(exc)
        return
    got = loads_page(body, "sessions")
    assert not isinstance(got.get("sessions") if isinstance(got, dict) else None, LazyItems)
    assert json.dumps(got) == json.dumps(expected)


def test_a_body_in_an_anonymous_map_reads_as_bytes_do() -> None:
    for body in (b'{"a": [1, "\xc3\xa9"]}', b'\xef\xbb\xbf{"a": 1}'):  # msgspec, then json
        buffer = mmap.mmap(-1, len(body))
        buffer.write(body)
        assert loads(buffer) == json.loads(body)
        assert _materialized(loads_page(buffer, "a")) == json.loads(body)


# --- the same outcome as parsing the page whole, through a client --------------------------

PAGE_ITEM = (SAMPLES / "twilio-proxy" / "session-fetch-200.json").read_bytes()


@pytest.mark.parametrize(
    "bad",
    [
        b'{"sid": "\xff"}',  # invalid UTF-8 in an item: json's error
        b'{"sid": 1e999}',  # msgspec refuses, json reads infinity: a type error
        b'{"sid": 5}',  # a type error in an item
        b"{}",  # a required field missing
        b'"text"',  # an item that is no object
        b'{"sid": 5}, {"sid": "\xff"}',  # two faults: the whole-body reading decides which
        None,  # no error at all
    ],
)
def test_a_page_parsed_item_by_item_ends_as_the_whole_page_would(
    bad: bytes | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = [PAGE_ITEM] * 100 + ([] if bad is None else [bad])  # past LARGE_BODY: item by item
    body = b'{"sessions": [' + b", ".join(items) + b'], "meta": {"next_page_url": null}}'
    assert len(body) >= LARGE_BODY
    client = TwilioProxy(account_sid="AC" + "0" * 32, auth_token="t" * 32)
    reply = Reply(
        200, "OK", {"content-type": "application/json"}, body, ("GET", "u", {}, None), Redactor()
    )
    paged: list[int] = []
    real_loads_page = sessionhub._response.loads_page

    def spied(body: Any, items: str) -> Any:
        paged.append(len(body))
        return real_loads_page(body, items)

    monkeypatch.setattr(sessionhub._response, "loads_page", spied)

    def outcome(items: str | None) -> Any:
        try:
            page = client._parse(LIST, reply, ListSessionsResponse.from_dict, items)
        except ResponseValidationError as exc:
            return type(exc), str(exc), exc.field, exc.__context__, exc.__cause__
        return [session.to_dict() for session in page.sessions]

    by_item = outcome("sessions")
    assert paged == [len(body)]  # it did go item by item
    assert by_item == outcome(None)
