"""Every failure sessionhub raises, for all four vendors.

The tree:

* SessionHubError
  * ConfigurationError - a client cannot be built (missing credential, bad base URL)
  * InvalidRequestError - an argument is rejected before anything is sent (also a ValueError)
  * APIError - something went wrong talking to a vendor
    * APIConnectionError - no usable response (refused, reset, dropped mid-body, TLS, ...)
      * APITimeoutError
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

Every APIError names the vendor and the operation, and its `str()` is one readable line
that says what to do. Foreign exceptions (httpx, json, the generated models' KeyError and
ValueError) are translated in one place each: `_client.py` for transport errors,
`_response.py` for bodies. No credential ever appears in a message: messages are built
only from the vendor's own error text, which the client scrubs of its secrets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # httpx stays out of `import sessionhub` (see docs/ARCHITECTURE.md)
    import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "InternalServerError",
    "InvalidRequestError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseValidationError",
    "SessionHubError",
    "UnprocessableEntityError",
]

Vendor = Literal["trinsic", "sipher", "equos", "twilio"]


class SessionHubError(Exception):
    """Base class of every exception sessionhub raises."""


class ConfigurationError(SessionHubError):
    """A client could not be constructed: a credential is missing or a setting is invalid."""


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
        super().__init__(message)
        self.message = message
        self.vendor = vendor
        self.operation = operation
        self.request = request

    def __str__(self) -> str:
        return f"{self.vendor} {self.operation}: {self.message}"


class APIConnectionError(APIError):
    """No usable response arrived: connection refused, reset, dropped mid-body, TLS failure."""


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or waiting for a pooled connection)."""


class APIStatusError(APIError):
    """The vendor answered with an error status.

    `code` and `message` come from the vendor's own error body (Twilio's numeric `code`,
    Sipher's `error.code`, Trinsic's validation messages, Equos's `message`); `body` is the
    parsed JSON, else the text; `request_id` is the vendor's request id header, if sent.
    """

    status_code: int
    code: str | int | None
    body: Any
    request_id: str | None
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
    ) -> None:
        super().__init__(message, vendor=vendor, operation=operation, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.code = code
        self.body = body
        self.request_id = request_id

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

    retry_after: float | None

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


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
