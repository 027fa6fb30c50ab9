"""The options every client takes, typed once (`ClientOptions`), and the per-call ones
(`RequestOptions`), both as `TypedDict`s so the vendor clients' `**options:
Unpack[ClientOptions]` is checked by mypy and shown by IDEs without repeating the list."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    import httpx

    from ._hooks import Hook
    from ._retry import RetryPolicy

__all__ = ["ClientOptions", "RequestOptions"]


class ClientOptions(TypedDict, total=False):
    """Keyword options of every client constructor and of `with_options()`.

    base_url: the API root; default: the `<VENDOR>_BASE_URL` environment variable (see the
        README's table), else the vendor's production URL.
    timeout: seconds (float) or an `httpx.Timeout`; bounds each attempt end to end.
    total_timeout: seconds for a whole call, retries and backoff included (default None).
    max_retries: retries after the first attempt (default 2).
    max_retry_after: the longest `Retry-After` waited for, in seconds (default 60).
    retry_policy: `(RetryDecision) -> bool | None`; True retries, False does not, None keeps
        sessionhub's decision (always within `max_retries`).
    max_response_size: bytes of a body after decompression (default 8 MiB).
    http_client: an `httpx.AsyncClient` to send through (borrowed: never closed here).
    allow_insecure_http: allow plain http:// to a non-loopback host.
    default_headers: headers sent with every request; may not name a credential header.
    app_name: appended to the User-Agent, e.g. "billing-service/1.4".
    hooks: `Hook` objects called around each call and attempt (e.g. `sessionhub.otel`).
    """

    base_url: str | None
    timeout: float | httpx.Timeout | None
    total_timeout: float | None
    max_retries: int
    max_retry_after: float
    retry_policy: RetryPolicy | None
    max_response_size: int
    http_client: httpx.AsyncClient | None
    allow_insecure_http: bool
    default_headers: Mapping[str, str] | None
    app_name: str | None
    hooks: Sequence[Hook] | None


class RequestOptions(TypedDict, total=False):
    """Keyword options of every API method.

    timeout: this call's timeout (as the client's `timeout=`).
    extra_headers: headers for this call only; may not name a credential header.
    extra_query: query parameters added to (or replacing) the generated ones.
    extra_body: JSON or form fields added to (or replacing) the generated body: the escape
        hatch for a vendor field the spec does not have yet.
    """

    timeout: float | httpx.Timeout | None
    extra_headers: Mapping[str, str] | None
    extra_query: Mapping[str, Any] | None
    extra_body: Mapping[str, Any] | None
