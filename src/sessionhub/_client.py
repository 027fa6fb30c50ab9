"""The transport half shared by the four vendor clients: lifecycle, auth headers, URL and
body encoding, timeouts, the bounded retry loop, logging, and the mapping of transport
exceptions (both senders raise httpx's classes; see `_transport.py`).
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
import os
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType
from typing import Any, ClassVar, Self, TypeVar

import httpx

from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ConfigurationError,
    Vendor,
)
from ._operation import Operation
from ._response import decode_json, make_status_error, one_line, parse_model, scrub
from ._retry import parse_retry_after, retry_delay, retry_reason_for_status
from ._transport import HttpxSender, Reply, Sender, default_sender, request_of
from ._validation import invalid

__all__ = ["DEFAULT_MAX_RETRIES", "DEFAULT_TIMEOUT", "BaseClient", "TimeoutTypes"]

logger = logging.getLogger("sessionhub")

T = TypeVar("T")

# Finite by default, unlike the generator's `None` (no timeout at all).
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
DEFAULT_MAX_RETRIES = 2

TimeoutTypes = float | httpx.Timeout | None

# Transport errors after which the request provably never reached the server, so even a
# create may be sent again.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)

# Sent with every request: every vendor answers JSON, and a server (or a mock built from a
# vendor's spec) that can also produce text/plain must not pick it (Trinsic lists it first).
_ACCEPT = {"Accept": "application/json"}


def _timeout(value: TimeoutTypes) -> httpx.Timeout:
    if isinstance(value, httpx.Timeout):
        return value
    if value is None:
        return DEFAULT_TIMEOUT
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ConfigurationError(f"timeout must be a positive number of seconds, got {value!r}")
    return httpx.Timeout(float(value))


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def credential(value: str | None, *, argument: str, env: str, vendor: str) -> str:
    """The credential given as `argument`, else from the environment, else a clear error."""
    if value is None:
        value = os.environ.get(env)
    if not value:
        raise ConfigurationError(
            f"{vendor}: no credential; pass {argument}=... or set the {env} environment variable"
        )
    if any(ch in value for ch in "\r\n\0"):
        raise ConfigurationError(f"{vendor}: {argument} contains a line break or NUL")
    return value


class BaseClient:
    """Sends one operation's request with retries, through its own aiohttp sender or the
    caller's `http_client=` (borrowed: never closed here).

    Subclasses set the class variables and build `_auth_headers` and `_secrets`.
    """

    _vendor: ClassVar[Vendor]
    _default_base_url: ClassVar[str]
    _request_id_header: ClassVar[str]
    # Statuses the vendor documents as "request not processed": safe to retry a create.
    _not_processed_statuses: ClassVar[frozenset[int]] = frozenset()

    _auth_headers: dict[str, str]
    _secrets: tuple[str, ...]

    def __init__(
        self,
        *,
        base_url: str | None,
        timeout: TimeoutTypes,
        max_retries: int,
        http_client: httpx.AsyncClient | None,
        allow_insecure_http: bool,
    ) -> None:
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ConfigurationError(f"max_retries must be an integer >= 0, got {max_retries!r}")
        self.base_url = self._check_base_url(
            base_url or self._default_base_url, allow_insecure_http
        )
        self.timeout = _timeout(timeout)
        self.max_retries = max_retries
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise ConfigurationError(
                f"{self._vendor}: http_client must be an httpx.AsyncClient, "
                f"got {type(http_client).__name__}"
            )
        self._http = http_client  # the caller's, if any
        self._sender: Sender = default_sender() if http_client is None else HttpxSender(http_client)
        self._sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
        self._rng = random.Random()

    @classmethod
    def _check_base_url(cls, base_url: str, allow_insecure_http: bool) -> str:
        try:
            url = httpx.URL(base_url)
        except (httpx.InvalidURL, TypeError) as exc:
            raise ConfigurationError(
                f"{cls._vendor}: invalid base_url {base_url!r}: {exc}"
            ) from None
        if url.scheme not in ("http", "https") or not url.host:
            raise ConfigurationError(
                f"{cls._vendor}: base_url must be an absolute http(s) URL, got {base_url!r}"
            )
        if url.scheme == "http" and not allow_insecure_http and not _is_loopback(url.host):
            raise ConfigurationError(
                f"{cls._vendor}: refusing plain http:// to {url.host} (credentials would travel "
                "unencrypted); use https:// or pass allow_insecure_http=True"
            )
        if url.query or url.fragment:
            raise ConfigurationError(f"{cls._vendor}: base_url must not have a query or fragment")
        return str(url).rstrip("/")

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, credentials=<redacted>)"

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool, unless the httpx client was passed in by the caller."""
        await self._sender.aclose()

    async def _request(
        self,
        op: Operation,
        kwargs: Mapping[str, Any],
        *,
        timeout: TimeoutTypes = None,
    ) -> Reply:
        """Send one operation's request (from a generated `_get_kwargs`); return a 2xx reply.

        Everything else is raised as an APIError subclass after at most `max_retries` retries.
        """
        method: str = kwargs["method"].upper()
        path: str = kwargs["url"]
        url = self.base_url + path
        params = kwargs.get("params")
        if params:
            url += "?" + str(httpx.QueryParams(params))
        headers = {**self._auth_headers, **_ACCEPT}
        extra = kwargs.get("headers")
        if extra:
            headers = {**headers, **extra}
        content = self._body(op, kwargs)
        call_timeout = self.timeout if timeout is None else _timeout(timeout)
        for attempt in range(1, self.max_retries + 2):
            retries_left = attempt <= self.max_retries
            started = time.perf_counter()
            try:
                reply = await self._sender.send(method, url, headers, content, call_timeout)
            except httpx.HTTPError as exc:
                request = request_of(method, url, headers, content)
                error = self._connection_error(op, request, exc)
                reason = self._transport_retry_reason(op, exc)
                self._log(op, method, path, None, started, attempt, type(exc).__name__)
                if reason is None or not retries_left:
                    raise error from exc
                await self._backoff(op, attempt, None, reason)
                continue
            status = reply.status_code
            self._log(op, method, path, status, started, attempt, None)
            if 200 <= status < 300:
                return reply
            reason = retry_reason_for_status(
                status, idempotent=op.idempotent, safe_statuses=self._not_processed_statuses
            )
            if reason is None or not retries_left:
                raise self._status_error(op, reply)
            await self._backoff(
                op, attempt, parse_retry_after(reply.headers.get("retry-after")), reason
            )
        raise AssertionError("unreachable: the last attempt returns or raises")  # pragma: no cover

    @staticmethod
    def _body(op: Operation, kwargs: Mapping[str, Any]) -> bytes | None:
        """The request body, encoded once (as httpx would) for every attempt."""
        if kwargs.get("json") is not None:
            try:
                text = json.dumps(
                    kwargs["json"], ensure_ascii=False, separators=(",", ":"), allow_nan=False
                )
            except ValueError as exc:  # NaN or infinity: not JSON
                raise invalid(op, f"the request body is not valid JSON ({exc})") from None
            return text.encode()
        if kwargs.get("data") is not None:
            # httpx's own form encoding: lists as repeated keys (Twilio's Participants),
            # True/False/None as "true"/"false"/""
            return str(httpx.QueryParams(kwargs["data"])).encode()
        return None

    def _parse(self, op: Operation, response: Reply, parse: Callable[[Any], T]) -> T:
        """The response's JSON parsed by `parse` (a generated from_dict), or
        ResponseValidationError with this client's credentials scrubbed from its message."""
        return parse_model(op, response, decode_json(op, response), parse, secrets=self._secrets)

    def _connection_error(
        self, op: Operation, request: httpx.Request, exc: httpx.HTTPError
    ) -> APIConnectionError:
        detail = one_line(scrub(str(exc), self._secrets))
        what = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(
                f"timed out ({what}); raise timeout= or retry later",
                vendor=self._vendor,
                operation=op.name,
                request=request,
            )
        return APIConnectionError(
            f"connection failed ({what}); check the network and base_url {self.base_url}",
            vendor=self._vendor,
            operation=op.name,
            request=request,
        )

    @staticmethod
    def _transport_retry_reason(op: Operation, exc: httpx.HTTPError) -> str | None:
        if isinstance(exc, _NOT_SENT):
            return f"{type(exc).__name__}: the request never reached the server"
        if op.idempotent and isinstance(exc, httpx.TransportError):
            return f"{type(exc).__name__} on an idempotent call"
        return None

    def _status_error(self, op: Operation, response: Reply) -> APIStatusError:
        return make_status_error(
            op,
            response,
            error_details=self._error_details,
            request_id_header=self._request_id_header,
            secrets=self._secrets,
        )

    @staticmethod
    def _error_details(body: Any) -> tuple[str | int | None, str | None]:
        """(code, message) from the vendor's error body; each vendor overrides this."""
        return None, None

    async def _backoff(
        self, op: Operation, attempt: int, retry_after: float | None, reason: str
    ) -> None:
        delay = retry_delay(attempt, retry_after, rng=self._rng)
        logger.debug(
            "%s %s: retry %d/%d in %.2fs (%s)",
            self._vendor,
            op.name,
            attempt,
            self.max_retries,
            delay,
            reason,
        )
        await self._sleep(delay)

    def _log(
        self,
        op: Operation,
        method: str,
        path: str,
        status: int | None,
        started: float,
        attempt: int,
        failure: str | None,
    ) -> None:
        # Guarded: formatting costs CPU on every call even with logging off. The path has
        # no query and the headers are never logged: no credential reaches a log.
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s: %s %s -> %s in %.1fms (attempt %d)",
                self._vendor,
                op.name,
                method,
                path,
                status if status is not None else failure,
                (time.perf_counter() - started) * 1000,
                attempt,
            )
