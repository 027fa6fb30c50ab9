"""Every failure sessionhub raises, for all four vendors.

The tree:

* SessionHubError
  * ConfigurationError - a client cannot be built or used as configured (missing or
    non-ASCII credential, bad base URL, bad timeout, used from a second event loop)
  * InvalidRequestError - an argument is rejected before anything is sent (also a ValueError)
  * APIError - something went wrong talking to a vendor
    * ClientClosedError - the client (or the caller's http_client) was closed; nothing sent
    * APIConnectionError - no usable response (refused, reset, dropped mid-body, TLS, ...)
      * APITimeoutError - an attempt, or the whole call (total_timeout), ran out of time
      * ResponseTooLargeError - the body exceeded max_response_size
    * APIStatusError - the vendor answered with a 4xx/5xx status
      * BadRequestError (400)
      * AuthenticationError (401)
      * PermissionDeniedError (403)
      * NotFoundError (404)
      * ConflictError (409)
      * UnprocessableEntityError (422)
      * RateLimitError (429)
      * InternalServerError (>= 500)
    * ResponseValidationError - a 2xx response whose body does not match the spec
    * PaginationError - a list that would loop forever (a repeated cursor or page)
  * sessionhub.sandbox.SandboxError - the embedded sandbox misused or unable to start (its
    own tree is in sessionhub/sandbox/_errors.py; importing sessionhub does not load it)

Every APIError names the vendor and the operation, and its `str()` is one readable line
that says what to do. Foreign exceptions (httpx, json, the generated models' KeyError and
ValueError) are translated in one place each: `_client.py` for transport errors,
`_response.py` for bodies, and are not chained (`__cause__` and `__context__` are None: a
foreign exception may hold the request's headers); a scrubbed summary of the original is
in the message. No credential is reachable from an exception: messages, codes and bodies
are scrubbed of the client's secrets, and the `request`/`response` it carries have their
credential headers redacted (see `_redact.py`). Messages are always encodable as UTF-8.

Every exception pickles (Celery, multiprocessing, error reporters): `pickle.loads` gives
the same class with the same attributes, including the redacted `request`/`response`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from ._redact import encodable

if TYPE_CHECKING:  # httpx stays out of `import sessionhub` (see docs/ARCHITECTURE.md)
    import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConfigurationError",
    "ConflictError",
    "InternalServerError",
    "InvalidRequestError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "SessionHubError",
    "UnprocessableEntityError",
]

Vendor = Literal["trinsic", "sipher", "equos", "twilio"]


class SessionHubError(Exception):
    """Base class of every exception sessionhub raises."""


class ConfigurationError(SessionHubError):
    """A client could not be constructed (a credential is missing or a setting is invalid),
    or is used in a way its configuration does not allow (from a second event loop)."""


class InvalidRequestError(SessionHubError, ValueError):
    """An argument was rejected before any request was sent (bad id, out-of-range value)."""


class APIError(SessionHubError):
    """A call to a vendor failed. Carries `vendor`, `operation`, `message` and `request`."""

    vendor: Vendor
    operation: str
    message: str
    request: httpx.Request | None

    def __init__(
        self,
        message: str,
        *,
        vendor: Vendor,
        operation: str,
        request: httpx.Request | None = None,
    ) -> None:
        message = encodable(message)
        super().__init__(message)
        self.message = message
        self.vendor = vendor
        self.operation = operation
        self.request = request

    def __str__(self) -> str:
        return f"{self.vendor} {self.operation}: {self.message}"

    def __reduce__(self) -> tuple[Any, ...]:
        # The keyword-only constructors cannot be called with `self.args` (which is what
        # the default reduce does); rebuild from the attributes instead. Everything in
        # __dict__ is already scrubbed of credentials.
        return (_restore, (type(self), self.args, dict(self.__dict__)))


class ClientClosedError(APIError):
    """The client was closed (`aclose()`, or the end of `async with`), or the caller's
    `http_client=` was: nothing was sent. Create a new client."""


class APIConnectionError(APIError):
    """No usable response arrived: connection refused, reset, dropped mid-body, TLS failure.

    `may_have_been_processed` is False only when the request provably never reached the
    server (no connection could be opened): then even a create can be sent again. When it
    is True, a create or update may have taken effect: look it up before retrying.
    """

    may_have_been_processed: bool

    def __init__(
        self,
        message: str,
        *,
        vendor: Vendor,
        operation: str,
        request: httpx.Request | None = None,
        may_have_been_processed: bool = True,
    ) -> None:
        super().__init__(message, vendor=vendor, operation=operation, request=request)
        self.may_have_been_processed = may_have_been_processed


class APITimeoutError(APIConnectionError):
    """The request timed out: one attempt (connect, read, or end to end) or the whole call
    including retries (`total_timeout`)."""


class ResponseTooLargeError(APIConnectionError):
    """The response body (after decompression) exceeded the client's `max_response_size`;
    the connection was closed. `limit` is that size in bytes."""

    limit: int

    def __init__(self, message: str, *, limit: int, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.limit = limit


class APIStatusError(APIError):
    """The vendor answered with an error status.

    `code` and `message` come from the vendor's own error body (Twilio's numeric `code`,
    Sipher's `error.code`, Trinsic's validation messages, Equos's `message`); `body` is the
    parsed JSON, else the text (scrubbed of credentials); `request_id` is the vendor's
    request id header, if sent; `retry_after` the seconds of a `Retry-After` header, or None.
    """

    status_code: int
    code: str | int | None
    body: Any
    request_id: str | None
    retry_after: float | None
    response: httpx.Response

    def __init__(
        self,
        message: str,
        *,
        vendor: Vendor,
        operation: str,
        response: httpx.Response,
        code: str | int | None = None,
        body: Any = None,
        request_id: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, vendor=vendor, operation=operation, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.code = encodable(code) if isinstance(code, str) else code
        self.body = body
        self.request_id = None if request_id is None else encodable(request_id)
        self.retry_after = retry_after

    def __str__(self) -> str:
        code = f" [{self.code}]" if self.code is not None else ""
        request_id = f" (request id {self.request_id})" if self.request_id else ""
        return (
            f"{self.vendor} {self.operation}: HTTP {self.status_code}{code}: "
            f"{self.message}{request_id}"
        )


class BadRequestError(APIStatusError):
    """400: the vendor rejected the request's content."""


class AuthenticationError(APIStatusError):
    """401: the credentials are missing or wrong."""


class PermissionDeniedError(APIStatusError):
    """403: the credentials are valid but not allowed to do this (e.g. a plan or tier)."""


class NotFoundError(APIStatusError):
    """404: no such session (or route)."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the resource's current state."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was well-formed but semantically invalid."""


class RateLimitError(APIStatusError):
    """429: too many requests. `retry_after` is the vendor's wait in seconds, or None."""


class InternalServerError(APIStatusError):
    """5xx: the vendor (or a proxy in front of it) failed."""


class ResponseValidationError(APIError):
    """A 2xx response whose body does not match the spec. `field` names the offending part."""

    field: str | None
    status_code: int
    response: httpx.Response

    def __init__(
        self,
        message: str,
        *,
        vendor: Vendor,
        operation: str,
        response: httpx.Response,
        field: str | None = None,
    ) -> None:
        super().__init__(message, vendor=vendor, operation=operation, request=response.request)
        self.field = field
        self.response = response
        self.status_code = response.status_code


class PaginationError(APIError):
    """The server repeated a cursor or a page; iterating further would never end."""


def _restore(cls: type[APIError], args: tuple[Any, ...], state: dict[str, Any]) -> APIError:
    """Unpickle an APIError (see `APIError.__reduce__`)."""
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error
