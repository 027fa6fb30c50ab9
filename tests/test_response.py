"""`_response.loads`: msgspec's speed, the standard library's reading and errors."""

from __future__ import annotations

import json
import math
from typing import Any

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sessionhub._response import loads

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
