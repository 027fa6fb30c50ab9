"""Turning httpx responses into models or sessionhub errors.

The one place where JSON decoding errors and the generated models' KeyError, ValueError,
TypeError and AttributeError are translated into `ResponseValidationError`, and where an
error status becomes the right `APIStatusError` subclass.

Bodies are parsed by msgspec, straight from the bytes read off the wire, at about twice the
speed of `json.loads`, which first decodes the whole body into a `str` (a second copy of a
~1 MB page alive during the parse). msgspec builds the Python objects in one pass, with no
working buffer: orjson, as fast, holds ~13x the body while it parses, which raised the peak
RSS of streaming (benchmarks/README.md). What msgspec refuses is handed to `json.loads`, so
the bodies accepted and the errors raised stay the standard library's (a UTF-8 BOM, UTF-16,
NaN and infinities, lone surrogates; its messages). Integers of any size stay exact.

A large page of a listing (from `_transport.LARGE_BODY` bytes on) is parsed item by item
(`decode_json(..., items=KEY)`): msgspec first cuts the body into `msgspec.Raw` slices
(views into the body, no copy), and each item is
decoded only when the generated `from_dict` loop reaches it, then dropped once its model is
built. The whole page is still parsed and checked before anything is returned, but the
decoded tree of a page (about twice the body) never exists at once: only the body, the
models built so far and one item's dict (benchmarks/README.md, "where memory goes").
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec

from ._exceptions import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    UnprocessableEntityError,
)
from ._redact import Redactor, encodable
from ._retry import parse_retry_after
from ._transport import Body, Reply

if TYPE_CHECKING:
    from ._operation import Operation

__all__ = [
    "LazyItems",
    "Undecodable",
    "decode_json",
    "lazy_page",
    "loads",
    "loads_page",
    "make_status_error",
    "one_line",
    "parse_model",
    "scrub",
]

T = TypeVar("T")

_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}

# What to do, per error class: the last part of every status error's message.
_HINTS: dict[type[APIStatusError], str] = {
    BadRequestError: "fix the request as the vendor says",
    AuthenticationError: "check the credentials given to the client (or its environment variables)",
    PermissionDeniedError: "these credentials may not do this; check the account's plan or tier",
    NotFoundError: "check the id; the session may have expired or been deleted",
    ConflictError: "the session's current state does not allow this; fetch it and retry",
    UnprocessableEntityError: "fix the request as the vendor says",
    RateLimitError: "slow down, or retry after the given delay",
    InternalServerError: "the vendor or a proxy failed; retry later",
    APIStatusError: "this status is not documented for this operation; retry later or report it",
}

MAX_MESSAGE = 300


# One decoder for every body: reusing it skips msgspec's per-call set-up.
_decode = msgspec.json.Decoder().decode
# A page in one pass: each top-level array as `msgspec.Raw` slices of the body (scanned,
# not decoded: about a quarter of a full decode's cost), every other member decoded.
_Member = list[msgspec.Raw] | dict[str, Any] | str | int | float | bool | None
_decode_page = msgspec.json.Decoder(dict[str, _Member]).decode


def loads(body: Body) -> Any:
    """The JSON value of `body`: msgspec, else the standard library's reading (or its error).

    Raises ValueError (JSONDecodeError, UnicodeDecodeError) or RecursionError, as
    `json.loads` does."""
    try:
        return _decode(body)
    # DecodeError includes msgspec's "number out of range" for 1e999; RecursionError: json
    # then says it in its own words
    except (msgspec.DecodeError, RecursionError):
        pass  # outside this `except`, so that json's error is not chained to msgspec's
    return json.loads(body if isinstance(body, bytes) else body[:])


class Undecodable(Exception):
    """An item of a page that msgspec refuses (invalid UTF-8, 1e999): the page is then
    parsed again whole, so that its acceptance and its errors are the ordinary ones."""


class LazyItems(list):  # type: ignore[type-arg]
    """A page's item array as `msgspec.Raw` slices of the body; iterating decodes each
    item only when it is reached (msgspec's errors then come out of the iteration: see
    `lazy_page`). It is a `list`, so the generated `from_dict` checks it as the array it
    is; the generated code only ever iterates it, once."""

    __slots__ = ()

    def __iter__(self) -> Iterator[Any]:
        return map(_decode, list.__iter__(self))  # no Python frame per item


def loads_page(body: Body, items: str) -> Any:
    """`loads(body)`, except that the member `items` of a top-level object, when it is an
    array, is a `LazyItems`. Anything msgspec refuses here goes to `loads`."""
    try:
        members = _decode_page(body)
        for key, value in members.items():
            if type(value) is list:
                members[key] = LazyItems(value) if key == items else [_decode(raw) for raw in value]
    # not an object, an integer beyond 64 bits, a member msgspec refuses: the ordinary reading
    except (msgspec.DecodeError, RecursionError):
        pass
    else:
        return members
    return loads(body)


def lazy_page(parse: Callable[[Any], T]) -> Callable[[Any], T]:
    """`parse` (a generated page `from_dict`) for a body read by `loads_page`: msgspec's
    refusal of an item, which `parse_model` would take for a misfit (it is a ValueError),
    raises Undecodable instead. The generated code raises no msgspec error of its own."""

    def parse_page(data: Any) -> T:
        try:
            return parse(data)
        except (msgspec.DecodeError, RecursionError):
            pass  # outside the `except`: msgspec's error is not kept as a context
        raise Undecodable

    return parse_page


def scrub(text: str, secrets: tuple[str, ...]) -> str:
    """Replace every secret (of at least MIN_SECRET_LENGTH characters) in `text` with ***;
    vendors sometimes echo what they were sent. Scrub *before* cutting text short."""
    return Redactor(secrets).text(text)


def one_line(text: str, limit: int = MAX_MESSAGE) -> str:
    """`text` on one line, at most `limit` characters, always encodable as UTF-8."""
    text = encodable(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _invalid_body(
    op: Operation, response: Reply, message: str, field: str | None = None
) -> ResponseValidationError:
    # to_httpx scrubs the body and redacts the request with the client's own redactor
    return ResponseValidationError(
        message, vendor=op.vendor, operation=op.name, response=response.to_httpx(), field=field
    )


def decode_json(op: Operation, response: Reply, items: str | None = None) -> Any:
    """The JSON body of a 2xx response, or ResponseValidationError naming what is wrong.

    With `items`, the body is a page whose member `items` is decoded lazily (`loads_page`);
    if the page then fails (`Undecodable` or any ResponseValidationError), the caller parses
    it again without `items`, so that the error is the whole-body reading's."""
    content_type = response.headers.get("content-type", "")
    media = content_type.split(";", 1)[0].strip().lower()
    if media and media != "application/json" and not media.endswith("+json"):
        raise _invalid_body(
            op,
            response,
            f"expected a JSON body but got {media!r} (HTTP {response.status_code}); "
            "a proxy may be answering instead of the vendor",
        )
    if not len(response.body):
        raise _invalid_body(
            op, response, f"empty body on HTTP {response.status_code} where the spec requires JSON"
        )
    try:
        return loads(response.body) if items is None else loads_page(response.body, items)
    # JSONDecodeError and UnicodeDecodeError are ValueErrors; a plain ValueError comes from an
    # integer over 4300 digits, RecursionError from nesting deeper than the recursion limit.
    except (ValueError, RecursionError) as exc:
        reason = one_line(str(exc)) or type(exc).__name__
    # Raised outside the `except`: the decoder's error holds the whole body (`.doc`,
    # `.object`), which may echo a credential, and would stay reachable as __context__.
    raise _invalid_body(
        op,
        response,
        f"body is not valid JSON ({reason}); the response may be truncated or hostile",
    )


def parse_model(
    op: Operation,
    response: Reply,
    data: Any,
    parse: Callable[[Any], T],
    *,
    secrets: tuple[str, ...],
) -> T:
    """Run a generated `from_dict` (or a small wrapper around it) on decoded JSON.

    The generated models raise KeyError for a missing required field, TypeError for a value
    of the wrong JSON type, ValueError for a malformed string (a date, an enum). Their
    messages may quote the body, which may echo a credential: `secrets` are scrubbed.
    """
    if not isinstance(data, dict):
        raise _invalid_body(
            op,
            response,
            f"expected a JSON object but got {_json_type(data)} (HTTP {response.status_code})",
        )
    try:
        return parse(data)
    except KeyError as exc:
        field = one_line(scrub(str(exc.args[0]), secrets), 80) if exc.args else None
        message = f"required field {field!r} is missing"
    except (TypeError, ValueError, AttributeError) as exc:
        field = None
        detail = one_line(scrub(str(exc), secrets)) or type(exc).__name__
        message = f"body does not match the spec: {detail}"
    except RecursionError:
        field, message = None, "body is nested too deeply to parse"
    raise _invalid_body(op, response, f"{message} (HTTP {response.status_code})", field)


def _json_type(data: Any) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(data), "a number")


def _body(response: Reply) -> Any:
    try:
        return loads(response.content)
    except (ValueError, RecursionError):  # see decode_json
        return response.content.decode("utf-8", errors="replace")


def make_status_error(
    op: Operation,
    response: Reply,
    *,
    error_details: Callable[[Any], tuple[str | int | None, str | None]],
    request_id_header: str,
    secrets: tuple[str, ...],
    max_retry_after: float | None = None,
) -> APIStatusError:
    """The exception for a non-2xx response, with the vendor's code and message.

    Everything it carries is scrubbed of `secrets` first and cut to length after. With
    `max_retry_after`, the vendor's Retry-After exceeded it and the message says so.
    """
    redactor = Redactor(secrets)
    status = response.status_code
    body = redactor.value(_body(response))
    try:
        code, message = error_details(body)
    except (KeyError, TypeError, ValueError, AttributeError):  # a body of another shape
        code, message = None, None
    if not message or not isinstance(message, str):
        if isinstance(body, str) and body.strip():
            kind = "HTML" if "<html" in body[:512].lower() else "non-JSON"
            message = f"{kind} error body: {one_line(body, 80)}"
        else:
            message = response.reason_phrase or "no error body"
    cls = _STATUS_ERRORS.get(status) or (
        InternalServerError if 500 <= status <= 599 else APIStatusError
    )
    retry_after = parse_retry_after(response.headers.get("retry-after"))
    hint = _HINTS[cls]
    if max_retry_after is not None and retry_after is not None:
        hint = (
            f"the vendor asks to wait {retry_after:g}s, more than max_retry_after="
            f"{max_retry_after:g}s, so sessionhub did not wait; retry after err.retry_after "
            "seconds"
        )
    text = f"{one_line(redactor.text(message))}; {hint}"
    if isinstance(code, str):
        code = one_line(redactor.text(code), 80)
    request_id = response.headers.get(request_id_header)
    return cls(
        text,
        vendor=op.vendor,
        operation=op.name,
        response=response.to_httpx(),
        code=code,
        body=body,
        request_id=None if request_id is None else one_line(redactor.text(request_id), 80),
        retry_after=retry_after,
    )
