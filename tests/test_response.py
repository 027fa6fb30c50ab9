"""`_response.loads`: orjson's speed, the standard library's reading and errors."""

from __future__ import annotations

import json
import math
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sessionhub._response import ORJSON_MAX_BODY, loads

# JSON values json.dumps can write and both parsers read alike: integers within 64 bits
# (orjson reads a larger one as a float, see test_integer_beyond_64_bits_is_a_float).
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**64 - 1)
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
    ],
)
def test_what_orjson_refuses_is_read_as_json_reads_it(body: bytes) -> None:
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
    # orjson's error is not chained to it (json's own internals may chain a StopIteration)
    assert not isinstance(ours.value.__context__, orjson.JSONDecodeError)


def test_integer_beyond_64_bits_is_a_float() -> None:
    # Documented in the README: within 64 bits integers stay exact; beyond, a float.
    assert loads(b"[18446744073709551615, -9223372036854775808]") == [2**64 - 1, -(2**63)]
    (big,) = loads(b"[18446744073709551616]")
    assert isinstance(big, float)


def test_a_body_over_the_orjson_limit_is_read_by_json_alone() -> None:
    # orjson's working buffer grows with the body (~13x): a large body gets json's smaller
    # worst case. Visible from outside: json keeps a 65-bit integer exact.
    padding = b" " * ORJSON_MAX_BODY
    assert loads(b"[18446744073709551616]" + padding) == [2**64]
    assert isinstance(loads(b"[18446744073709551616]")[0], float)
