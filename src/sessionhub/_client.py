"""The transport half shared by the four vendor clients: lifecycle, auth headers, URL and
body encoding, timeouts (validated here, once), the bounded retry loop, logging, and the
one place where the senders' exceptions become sessionhub errors (both senders raise
httpx's classes and a few of their own; see `_transport.py`).

Timeouts: a float `timeout=t` bounds every phase *and* each attempt end to end (connect,
send, headers and the whole body) by t seconds. An `httpx.Timeout` bounds each phase as in
httpx, and each attempt end to end by the sum of its four fields. `total_timeout=` bounds the
whole call, retries and backoff included. Every value must be finite and positive.
"""

from __future__ import annotations

import asyncio
import copy
import ipaddress
import json
import logging
import math
import os
import random
import sys
import time
import urllib.parse
from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType
from typing import Any, ClassVar, Self, TypeVar, Unpack

import httpx

from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ClientClosedError,
    ConfigurationError,
    ResponseTooLargeError,
    ResponseValidationError,
    SessionHubError,
    Vendor,
)
from ._hooks import AttemptResult, CallInfo, Hook
from ._operation import Operation
from ._options import ClientOptions, RequestOptions
from ._raw import CAPTURE, Capture
from ._redact import Redactor
from ._registry import by_name
from ._response import (
    Undecodable,
    decode_json,
    lazy_page,
    make_status_error,
    one_line,
    parse_model,
)
from ._retry import (
    MAX_RETRY_AFTER,
    RetryDecision,
    RetryPolicy,
    parse_retry_after,
    retry_delay,
    retry_reason_for_status,
)
from ._transport import (
    DEFAULT_MAX_RESPONSE_SIZE,
    LARGE_BODY,
    AttemptTimeout,
    BodyTooLarge,
    DeferredSender,
    HttpxSender,
    Reply,
    Sender,
    SenderClosed,
    WrongLoop,
    default_sender,
    request_of,
)
from ._validation import invalid
from ._version import __version__

__all__ = [
    "DEFAULT_MAX_RESPONSE_SIZE",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "MAX_RETRY_AFTER",
    "USER_AGENT",
    "BaseClient",
    "TimeoutTypes",
    "resolve_timeout",
]

logger = logging.getLogger("sessionhub")

T = TypeVar("T")

# Finite by default, unlike the generator's `None` (no timeout at all): 10 s to connect,
# 30 s for each of read, write and pool, so an attempt ends within 100 s end to end.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
DEFAULT_MAX_RETRIES = 2

TimeoutTypes = float | httpx.Timeout | None

# Transport errors after which the request provably never reached the server, so even a
# create may be sent again.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_PHASES = ("connect", "read", "write", "pool")

# Sent with every request: every vendor answers JSON, and a server (or a mock built from a
# vendor's spec) that can also produce text/plain must not pick it (Trinsic lists it first).
_ACCEPT = {"Accept": "application/json"}
# Sent by both senders (a caller's http_client= would otherwise say python-httpx/x.y);
# `app_name=` is appended.
USER_AGENT = f"sessionhub/{__version__} python/{sys.version_info[0]}.{sys.version_info[1]}"
_NO_OPTIONS: RequestOptions = {}


def _seconds(value: object) -> float | None:
    """`value` as a finite positive number of seconds, else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    seconds = float(value)
    return seconds if math.isfinite(seconds) and seconds > 0 else None


def resolve_timeout(value: object, fail: Callable[[str], SessionHubError]) -> AttemptTimeout:
    """`timeout=` (a number of seconds or an httpx.Timeout) checked and resolved, or
    `fail(message)` raised: NaN, infinities, zero, negatives, None fields and non-numbers
    are refused (a NaN deadline in asyncio's timer heap stalls every other task's timers)."""
    if value is None:
        return _DEFAULT_ATTEMPT
    if isinstance(value, httpx.Timeout):
        total = 0.0
        for phase in _PHASES:
            field = getattr(value, phase)
            seconds = _seconds(field)
            if seconds is None:
                raise fail(
                    f"timeout.{phase} must be a finite number of seconds > 0, got {field!r} "
                    "(sessionhub calls are always bounded)"
                )
            total += seconds
        return AttemptTimeout(value, total)
    seconds = _seconds(value)
    if seconds is None:
        raise fail(
            f"timeout must be a finite number of seconds > 0 or an httpx.Timeout, got {value!r}"
        )
    return AttemptTimeout(httpx.Timeout(seconds), seconds)


_DEFAULT_ATTEMPT = resolve_timeout(DEFAULT_TIMEOUT, ConfigurationError)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def credential(value: str | None, *, argument: str, env: str, vendor: str) -> str:
    """The credential given as `argument`, else from the environment, else a clear error.

    A credential travels in an HTTP header, so it must be printable ASCII; the error never
    echoes it (a pasted secret with a stray character is still a secret)."""
    if value is None:
        value = os.environ.get(env)
    if not value:
        raise ConfigurationError(
            f"{vendor}: no credential; pass {argument}=... or set the {env} environment variable"
        )
    if not isinstance(value, str):
        raise ConfigurationError(f"{vendor}: {argument} must be a string")
    if not value.isascii():
        raise ConfigurationError(
            f"{vendor}: {argument} contains a non-ASCII character (credentials are ASCII; "
            "check for a pasted quote, dash or space)"
        )
    if not value.isprintable():
        raise ConfigurationError(
            f"{vendor}: {argument} contains a line break, tab, NUL or other control character"
        )
    return value


def _positive(name: str, value: object, *, allow_none: bool) -> float | None:
    if value is None and allow_none:
        return None
    seconds = _seconds(value)
    if seconds is None:
        raise ConfigurationError(f"{name} must be a finite number of seconds > 0, got {value!r}")
    return seconds


def _header_map(name: str, value: object, vendor: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ConfigurationError(f"{vendor}: {name} must be a dict of str to str")
    headers: dict[str, str] = {}
    for key, item in value.items():
        if not isinstance(key, str) or not isinstance(item, str):
            raise ConfigurationError(f"{vendor}: {name} must be a dict of str to str")
        if not (key.isascii() and key.isprintable() and item.isprintable()) or ":" in key:
            raise ConfigurationError(
                f"{vendor}: {name} {key!r} has a control character, a colon or non-ASCII name"
            )
        headers[key] = item
    return headers


class BaseClient:
    """Sends one operation's request with retries, through its own aiohttp sender or the
    caller's `http_client=` (borrowed: never closed here).

    The options every client takes are `ClientOptions` (see `_options.py`); they are
    resolved once here, so a call that passes no per-call option rebuilds nothing.
    A vendor client passes its credential headers and secrets and implements `_bind()`
    (which attaches its resources); `with_options()` is then the same for all four.
    """

    _vendor: ClassVar[Vendor]
    _default_base_url: ClassVar[str]
    _request_id_header: ClassVar[str]
    # Statuses the vendor documents as "request not processed": safe to retry a create.
    _not_processed_statuses: ClassVar[frozenset[int]] = frozenset()

    def __init__(
        self,
        auth_headers: Mapping[str, str],
        secrets: tuple[str, ...],
        options: ClientOptions,
    ) -> None:
        self._auth_headers = dict(auth_headers)
        self._credential_names = frozenset(name.lower() for name in auth_headers)
        self._redactor = Redactor()
        self._redactor.secrets = secrets
        self._sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
        self._rng = random.Random()
        self._configure(options, None)
        self._bind()

    def _bind(self) -> None:
        """Attach the resources (`self.sessions = ...`); each vendor client implements it."""
        raise NotImplementedError

    def _configure(self, options: ClientOptions, sender: Sender | None) -> None:
        unknown = set(options) - set(ClientOptions.__annotations__)
        if unknown:
            raise ConfigurationError(
                f"{self._vendor}: unknown option {', '.join(sorted(unknown))}; the options are "
                f"{', '.join(sorted(ClientOptions.__annotations__))}"
            )
        self._options = options
        max_retries = options.get("max_retries", DEFAULT_MAX_RETRIES)
        max_response_size = options.get("max_response_size", DEFAULT_MAX_RESPONSE_SIZE)
        max_retry_after = options.get("max_retry_after", MAX_RETRY_AFTER)
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ConfigurationError(f"max_retries must be an integer >= 0, got {max_retries!r}")
        if (
            isinstance(max_response_size, bool)
            or not isinstance(max_response_size, int)
            or max_response_size < 1
        ):
            raise ConfigurationError(
                f"max_response_size must be a number of bytes >= 1, got {max_response_size!r}"
            )
        retry_after_cap = 0.0 if max_retry_after == 0 else _seconds(max_retry_after)
        if retry_after_cap is None:
            raise ConfigurationError(
                f"max_retry_after must be a finite number of seconds >= 0, got {max_retry_after!r}"
            )
        base_url = options.get("base_url") or os.environ.get(by_name(self._vendor).base_url_env)
        self.base_url = self._check_base_url(
            base_url or self._default_base_url, bool(options.get("allow_insecure_http", False))
        )
        self._attempt_timeout = resolve_timeout(options.get("timeout"), ConfigurationError)
        self.timeout = self._attempt_timeout.phases
        self.total_timeout = _positive(
            "total_timeout", options.get("total_timeout"), allow_none=True
        )
        self.max_retries = max_retries
        self.max_response_size = max_response_size
        self.max_retry_after = retry_after_cap
        policy = options.get("retry_policy")
        if policy is not None and not callable(policy):
            raise ConfigurationError(f"{self._vendor}: retry_policy must be callable or None")
        self._retry_policy: RetryPolicy | None = policy
        hooks = tuple(options.get("hooks") or ())
        for hook in hooks:
            if not isinstance(hook, Hook):
                raise ConfigurationError(
                    f"{self._vendor}: hooks must be sessionhub.Hook instances, "
                    f"got {type(hook).__name__}"
                )
        self._hooks = hooks
        self._headers = self._base_headers(options)
        http_client = options.get("http_client")
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise ConfigurationError(
                f"{self._vendor}: http_client must be an httpx.AsyncClient, "
                f"got {type(http_client).__name__}"
            )
        self._http = http_client  # the caller's, if any
        if sender is None:
            sender = (
                default_sender(self._redactor, max_response_size)
                if http_client is None
                else HttpxSender(http_client, self._redactor, max_response_size)
            )
        self._sender: Sender = sender
        # The last per-call `timeout=` resolved: a caller passing the same value every call
        # pays for the checks once.
        self._call_timeout: tuple[object, AttemptTimeout | None] = (None, None)

    def _base_headers(self, options: ClientOptions) -> dict[str, str]:
        """Every request's headers, built once: default_headers, then the User-Agent and
        Accept (which default_headers may replace), then the credentials (which nothing may
        replace: naming one in default_headers is an error, not a silent override)."""
        defaults = _header_map("default_headers", options.get("default_headers"), self._vendor)
        clash = sorted(k for k in defaults if k.lower() in self._credential_names)
        if clash:
            raise ConfigurationError(
                f"{self._vendor}: default_headers may not set the credential header "
                f"{', '.join(clash)}; pass the credential as the client's argument"
            )
        app_name = options.get("app_name")
        user_agent = USER_AGENT
        if app_name is not None:
            if not isinstance(app_name, str) or not app_name.strip():
                raise ConfigurationError(f"{self._vendor}: app_name must be a non-empty string")
            if not (app_name.isascii() and app_name.isprintable()):
                raise ConfigurationError(
                    f"{self._vendor}: app_name must be printable ASCII, got {app_name!r}"
                )
            user_agent = f"{USER_AGENT} {app_name.strip()}"
        headers = {"User-Agent": user_agent, **_ACCEPT}
        lowered = {k.lower(): k for k in headers}
        for key, value in defaults.items():
            headers.pop(lowered.get(key.lower(), key), None)
            headers[key] = value
        return {**headers, **self._auth_headers}

    def with_options(self, **options: Unpack[ClientOptions]) -> Self:
        """A copy of this client with some options changed, e.g.
        `client.with_options(timeout=5, max_retries=0).sessions.get(...)`.

        Cheap: the copy shares the credentials and the connection pool (closing either
        closes the pool), unless `http_client=` or `max_response_size=` changes, which
        gives the copy its own sender."""
        new = copy.copy(self)
        merged: ClientOptions = {**self._options, **options}
        shared = "http_client" not in options and "max_response_size" not in options
        new._configure(merged, self._sender if shared else None)
        new._bind()
        return new

    @property
    def _secrets(self) -> tuple[str, ...]:
        """The strings scrubbed from everything an exception carries (the credential and
        its encodings); set once by the vendor client."""
        return self._redactor.secrets

    @_secrets.setter
    def _secrets(self, secrets: tuple[str, ...]) -> None:
        self._redactor.secrets = secrets

    @classmethod
    def _check_base_url(cls, base_url: str, allow_insecure_http: bool) -> str:
        if not isinstance(base_url, str):
            raise ConfigurationError(
                f"{cls._vendor}: base_url must be a string, got {type(base_url).__name__}"
            )
        try:
            netloc = urllib.parse.urlsplit(base_url).netloc
        except ValueError:  # e.g. an unclosed IPv6 bracket: take the authority by hand
            netloc = base_url.partition("//")[2].partition("/")[0]
        if "@" in netloc:  # checked first: the other messages echo the URL
            raise ConfigurationError(
                f"{cls._vendor}: base_url must not contain credentials (user:password@); "
                "pass them as the client's credential arguments"
            )
        try:
            url = httpx.URL(base_url)
        except (httpx.InvalidURL, TypeError) as exc:
            raise ConfigurationError(
                f"{cls._vendor}: invalid base_url {base_url!r}: {exc}"
            ) from None
        if url.userinfo:
            raise ConfigurationError(
                f"{cls._vendor}: base_url must not contain credentials (user:password@); "
                "pass them as the client's credential arguments"
            )
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
        """Opens the default sender (imports aiohttp, which a client otherwise does on its
        first request), so that `async with` at start-up pays that once, up front."""
        sender = self._sender
        if type(sender) is DeferredSender and not sender.closed:
            self._sender = sender.open()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool, unless the httpx client was passed in by the caller.

        Later calls raise ClientClosedError at once, without sending anything."""
        await self._sender.aclose()

    def _timeout_of(self, op: Operation, timeout: TimeoutTypes) -> AttemptTimeout:
        if timeout is None:
            return self._attempt_timeout
        last, resolved = self._call_timeout
        if resolved is not None and type(timeout) is type(last) and timeout == last:
            return resolved
        resolved = resolve_timeout(timeout, lambda message: invalid(op, message))
        self._call_timeout = (timeout, resolved)
        return resolved

    def _request(
        self,
        op: Operation,
        kwargs: Mapping[str, Any],
        options: RequestOptions = _NO_OPTIONS,
    ) -> Awaitable[Reply]:
        """Send one operation's request (from a generated `_get_kwargs`); return a 2xx reply
        (or, for a DELETE retried after an attempt that may have reached the server, a 404:
        the session is gone, which is what the caller asked for).

        Everything else is raised as a sessionhub error after at most `max_retries` retries,
        within `total_timeout` if one is set. Errors are raised outside any `except` block:
        no foreign exception, which may hold the request's headers (aiohttp's
        ClientResponseError does), is chained to them; `__cause__` is at most a sanitised
        copy of the httpx exception (see `_sanitised`).

        Not a coroutine function: without hooks or a raw-response capture (the common case)
        it returns the retry loop's coroutine itself, one frame less per call.
        """
        method: str = kwargs["method"].upper()
        path: str = kwargs["url"]
        url, headers, content = self._build(op, path, kwargs, options)
        attempt_timeout = self._timeout_of(op, options.get("timeout") if options else None)
        capture = CAPTURE.get()
        if not self._hooks and capture is None:
            return self._loop(op, method, path, url, headers, content, attempt_timeout)
        return self._observed(op, method, path, url, headers, content, attempt_timeout, capture)

    async def _observed(
        self,
        op: Operation,
        method: str,
        path: str,
        url: str,
        headers: dict[str, str],
        content: bytes | None,
        attempt_timeout: AttemptTimeout,
        capture: Capture | None,
    ) -> Reply:
        """The loop with hooks around it and/or the raw-response capture filled in."""
        started = time.perf_counter()
        if not self._hooks:
            reply = await self._loop(
                op, method, path, url, headers, content, attempt_timeout, None, capture
            )
        else:
            call = CallInfo(self._vendor, op.name, method, op.route, url, self.base_url)
            for hook in self._hooks:
                hook.start_call(call)
            try:
                reply = await self._loop(
                    op, method, path, url, headers, content, attempt_timeout, call, capture
                )
            except BaseException as exc:
                status = getattr(exc, "status_code", None)
                request_id = getattr(exc, "request_id", None)
                for hook in self._hooks:
                    hook.end_call(call, status, request_id, exc)
                raise
            request_id = reply.headers.get(self._request_id_header)
            for hook in self._hooks:
                hook.end_call(call, reply.status_code, request_id, None)
        if capture is not None:
            capture.elapsed = time.perf_counter() - started
            capture.reply = reply
        return reply

    # One function, so the retry state (attempt, deadline, `reached`) lives in one place.
    async def _loop(  # noqa: PLR0915
        self,
        op: Operation,
        method: str,
        path: str,
        url: str,
        headers: dict[str, str],
        content: bytes | None,
        attempt_timeout: AttemptTimeout,
        call: CallInfo | None = None,
        capture: Capture | None = None,
    ) -> Reply:
        """The retry loop: the 2xx reply (its attempt count goes to `capture`)."""
        deadline = None if self.total_timeout is None else time.monotonic() + self.total_timeout
        reached = False  # whether an earlier attempt may have reached the server
        for attempt in range(1, self.max_retries + 2):
            retries_left = attempt <= self.max_retries
            this_timeout = attempt_timeout
            if deadline is not None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise self._total_timeout_error(op, method, url, headers, content, reached)
                if remaining < this_timeout.seconds:
                    this_timeout = AttemptTimeout(this_timeout.phases, remaining)
            if call is not None:
                call.attempts = attempt
                for hook in self._hooks:
                    hook.before_attempt(call, attempt)
            started = time.perf_counter()
            result = await self._attempt(method, url, headers, content, this_timeout)
            if not isinstance(result, Reply):
                failure = type(result).__name__
                self._log(op, method, path, None, started, attempt, failure)
                error = self._transport_error(
                    op, result, (method, url, headers, content), reached, this_timeout
                )
                reason = self._transport_retry_reason(op, result)
                reached = reached or not isinstance(result, _NOT_SENT)
                if self._retry_policy is not None and retries_left and error is not None:
                    reason = self._decide(op, attempt, None, failure, reached, reason)
                retrying = reason is not None and retries_left and error is not None
                if call is not None:
                    self._after(call, attempt, None, failure, started, reason if retrying else None)
                cause = self._sanitised(result)
                if not retrying:
                    raise (error or self._unexpected(op, result)) from cause
                assert error is not None and reason is not None
                if not await self._backoff(op, attempt, None, reason, deadline):
                    raise error from cause
                continue
            status = result.status_code
            self._log(op, method, path, status, started, attempt, None)
            if 200 <= status < 300 or (status == 404 and reached and method == "DELETE"):
                if status == 404:
                    logger.debug(
                        "%s %s: 404 after an earlier attempt may have reached the server: "
                        "the session is gone, reporting success",
                        self._vendor,
                        op.name,
                    )
                if call is not None:
                    self._after(call, attempt, result, None, started, None)
                if capture is not None:
                    capture.attempts = attempt
                return result
            reason = retry_reason_for_status(
                status, idempotent=op.idempotent, safe_statuses=self._not_processed_statuses
            )
            if self._retry_policy is not None and retries_left:
                processed = reached or status >= 500 or status == 408  # 4xx: refused
                reason = self._decide(op, attempt, status, None, processed, reason)
            retry_after = None
            retry_after_over = False
            if reason is not None and retries_left:
                retry_after = parse_retry_after(result.headers.get("retry-after"))
                if retry_after is not None and retry_after > self.max_retry_after:
                    # Not waited for: the caller decides (err.retry_after says how long).
                    reason, retry_after_over = None, True
            retrying = reason is not None and retries_left
            if call is not None:
                self._after(call, attempt, result, None, started, reason if retrying else None)
            if not retrying:
                raise self._status_error(op, result, retry_after_over=retry_after_over) from None
            assert reason is not None
            reached = reached or status >= 500 or status == 408
            if not await self._backoff(op, attempt, retry_after, reason, deadline):
                raise self._status_error(op, result) from None
        raise AssertionError("unreachable: the last attempt returns or raises")  # pragma: no cover

    def _decide(
        self,
        op: Operation,
        attempt: int,
        status: int | None,
        error: str | None,
        processed: bool,
        reason: str | None,
    ) -> str | None:
        """The retry reason after the caller's `retry_policy` has had its say."""
        assert self._retry_policy is not None
        verdict = self._retry_policy(
            RetryDecision(
                vendor=self._vendor,
                operation=op.name,
                attempt=attempt,
                idempotent=op.idempotent,
                status_code=status,
                error=error,
                may_have_been_processed=processed,
                default=reason is not None,
                reason=reason,
            )
        )
        if verdict is None:
            return reason
        if verdict is True:
            return reason or "retry_policy asked for a retry"
        if verdict is False:
            if reason is not None:
                logger.debug(
                    "%s %s: retry_policy vetoed a retry (%s)", self._vendor, op.name, reason
                )
            return None
        raise ConfigurationError(
            f"{self._vendor} {op.name}: retry_policy must return True, False or None, "
            f"got {verdict!r}"
        )

    def _after(
        self,
        call: CallInfo,
        attempt: int,
        reply: Reply | None,
        error: str | None,
        started: float,
        retry_reason: str | None,
    ) -> None:
        if retry_reason is not None:
            call.retry_reasons.append(retry_reason)
        result = AttemptResult(
            attempt,
            None if reply is None else reply.status_code,
            None if reply is None else reply.headers.get(self._request_id_header),
            error,
            time.perf_counter() - started,
            retry_reason,
        )
        for hook in self._hooks:
            hook.after_attempt(call, result)

    def _build(
        self,
        op: Operation,
        path: str,
        kwargs: Mapping[str, Any],
        options: RequestOptions,
    ) -> tuple[str, dict[str, str], bytes | None]:
        """The URL, headers and body of a request, built once for every attempt."""
        url = self.base_url + path
        params = kwargs.get("params")
        headers = self._headers
        extra = kwargs.get("headers")
        if extra:
            headers = {**headers, **extra}
        if options:
            extra_query = options.get("extra_query")
            if extra_query:
                if not isinstance(extra_query, Mapping):
                    raise invalid(op, "extra_query must be a dict")
                params = {**(params or {}), **extra_query}
            extra_headers = options.get("extra_headers")
            if extra_headers:
                headers = {**headers, **self._extra_headers(op, extra_headers)}
            extra_body = options.get("extra_body")
            if extra_body:
                kwargs = self._with_extra_body(op, kwargs, extra_body)
        if params:
            url += "?" + str(httpx.QueryParams(params))
        return url, headers, self._body(op, kwargs)

    def _extra_headers(self, op: Operation, value: object) -> dict[str, str]:
        try:
            headers = _header_map("extra_headers", value, self._vendor)
        except ConfigurationError as exc:
            raise invalid(op, str(exc).partition(": ")[2]) from None
        clash = sorted(k for k in headers if k.lower() in self._credential_names)
        if clash:
            raise invalid(
                op,
                f"extra_headers may not set the credential header {', '.join(clash)}; "
                "credentials are the client's: create a client with the other credential",
            )
        return headers

    @staticmethod
    def _with_extra_body(
        op: Operation, kwargs: Mapping[str, Any], extra_body: object
    ) -> Mapping[str, Any]:
        if not isinstance(extra_body, Mapping) or not all(isinstance(k, str) for k in extra_body):
            raise invalid(op, "extra_body must be a dict with string keys")
        for key in ("json", "data"):
            body = kwargs.get(key)
            if isinstance(body, Mapping):
                return {**kwargs, key: {**body, **extra_body}}
        raise invalid(
            op, f"extra_body: {op.name} sends no body; use extra_query for query parameters"
        )

    async def _attempt(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        content: bytes | None,
        timeout: AttemptTimeout,
    ) -> Reply | Exception:
        """One send; its failure returned, not raised, so that the caller raises its own
        error outside this `except` and nothing foreign is chained to it."""
        try:
            sender = self._sender
            if type(sender) is DeferredSender:  # the first request: aiohttp is imported now
                sender = self._sender = sender.open()
            return await sender.send(method, url, headers, content, timeout)
        except (httpx.HTTPError, SenderClosed, WrongLoop, BodyTooLarge) as exc:
            return exc
        except (RuntimeError, OSError, ValueError, UnicodeError) as exc:
            # Not expected from either sender (a caller's custom httpx transport may raise
            # anything); mapped rather than leaked raw.
            return exc

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

    def _parse(
        self, op: Operation, response: Reply, parse: Callable[[Any], T], items: str | None = None
    ) -> T:
        """The response's JSON parsed by `parse` (a generated from_dict), or
        ResponseValidationError with this client's credentials scrubbed from its message.

        `items`: the body is a page whose member `items` holds the items, parsed one at a
        time (`_response.loads_page`) when the body is large, so that the decoded tree of the
        whole page never exists at once. A small page is parsed whole: its tree is small,
        and cutting it into slices first costs about 40 % of its parse (50 Twilio sessions
        a page), against about +0.14 us per item at 1,000 (median of paired runs), where
        each item's dict is still in the CPU cache when its model is built."""
        if items is not None and len(response.body) >= LARGE_BODY:
            try:
                data = decode_json(op, response, items)
                return parse_model(op, response, data, lazy_page(parse), secrets=self._secrets)
            except (Undecodable, ResponseValidationError):
                # A page that fails is parsed again whole (outside this `except`), so that
                # what is refused, and how it is told, is exactly the whole-body reading's
                # even when a page has several faults. Only failing pages pay twice.
                pass
        return parse_model(op, response, decode_json(op, response), parse, secrets=self._secrets)

    def _request_of(
        self, request: tuple[str, str, Mapping[str, str], bytes | None]
    ) -> httpx.Request:
        return request_of(*request, self._redactor)

    def _transport_error(
        self,
        op: Operation,
        exc: Exception,
        request: tuple[str, str, Mapping[str, str], bytes | None],
        reached: bool,
        timeout: AttemptTimeout,
    ) -> APIConnectionError | ClientClosedError | ConfigurationError | None:
        """The sessionhub error for a failed attempt (None: an unexpected exception)."""
        if isinstance(exc, SenderClosed):
            closed_by_caller = self._http is not None and self._http.is_closed
            return ClientClosedError(
                "the http_client passed to this client is closed; nothing was sent; "
                "pass an open httpx.AsyncClient or create a new client"
                if closed_by_caller
                else "the client is closed (aclose() was called or its `async with` block "
                "ended); nothing was sent; create a new client",
                vendor=self._vendor,
                operation=op.name,
            )
        if isinstance(exc, WrongLoop):
            return ConfigurationError(
                f"{self._vendor} {op.name}: this client is bound to the event loop of its first "
                "call (its pooled connections belong to that loop) and was used from another "
                "one; nothing was sent; create one client per event loop, e.g. inside the "
                "coroutine passed to asyncio.run()"
            )
        http_request = self._request_of(request)
        if isinstance(exc, BodyTooLarge):
            return ResponseTooLargeError(
                f"the response body exceeded max_response_size={exc.limit} bytes (after "
                "decompression) and the connection was closed; the request was processed if "
                "the vendor got that far; raise max_response_size= if this is legitimate",
                vendor=self._vendor,
                operation=op.name,
                request=http_request,
                limit=exc.limit,
            )
        if not isinstance(exc, httpx.HTTPError):
            return None
        # Scrubbed before it is cut to one line: a cut could split a secret.
        detail = one_line(self._redactor.text(str(exc)))
        what = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
        processed = reached or not isinstance(exc, _NOT_SENT)
        hint = self._processed_hint(op, processed)
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(
                f"timed out ({what}; each attempt is bounded to {timeout.seconds:g}s end to "
                f"end); raise timeout= or retry later{hint}",
                vendor=self._vendor,
                operation=op.name,
                request=http_request,
                may_have_been_processed=processed,
            )
        return APIConnectionError(
            f"connection failed ({what}); check the network and base_url {self.base_url}{hint}",
            vendor=self._vendor,
            operation=op.name,
            request=http_request,
            may_have_been_processed=processed,
        )

    def _sanitised(self, exc: Exception) -> httpx.HTTPError | None:
        """What is chained as `__cause__`: a fresh copy of an httpx exception (its class
        says what failed) holding only the scrubbed message; no request, no chain."""
        if not isinstance(exc, httpx.HTTPError):
            return None
        try:
            return type(exc)(one_line(self._redactor.text(str(exc))))
        except TypeError:  # pragma: no cover - a class with another signature
            return None

    @staticmethod
    def _processed_hint(op: Operation, processed: bool) -> str:
        if not processed:
            return "; the request never reached the server"
        if op.idempotent:
            return "; the request may have reached the server (retrying it is safe)"
        if op.name.endswith("create"):
            return (
                "; the request may have reached the server: the session may have been "
                "created; look it up before retrying"
            )
        return (
            "; the request may have reached the server and taken effect; fetch the session "
            "before retrying"
        )

    def _unexpected(self, op: Operation, exc: Exception) -> APIConnectionError:
        detail = one_line(self._redactor.text(str(exc)))
        # httpx's own words when a caller's http_client= outlives the event loop it was
        # first used in (a second asyncio.run): say which object is bound to which loop.
        hint = (
            "; an httpx.AsyncClient is bound to the event loop it was first used in: create "
            "one http_client (and one sessionhub client) per event loop"
            if isinstance(exc, RuntimeError)
            and ("Event loop is closed" in detail or "different loop" in detail)
            else ""
        )
        return APIConnectionError(
            f"the HTTP client failed unexpectedly ({type(exc).__name__}: {detail}); "
            f"the request may have reached the server{hint}",
            vendor=self._vendor,
            operation=op.name,
        )

    def _total_timeout_error(
        self,
        op: Operation,
        method: str,
        url: str,
        headers: Mapping[str, str],
        content: bytes | None,
        reached: bool,
    ) -> APITimeoutError:
        return APITimeoutError(
            f"total_timeout of {self.total_timeout:g}s reached before the call could "
            f"complete (retries and backoff included){self._processed_hint(op, reached)}",
            vendor=self._vendor,
            operation=op.name,
            request=self._request_of((method, url, headers, content)),
            may_have_been_processed=reached,
        )

    @staticmethod
    def _transport_retry_reason(op: Operation, exc: Exception) -> str | None:
        if isinstance(exc, _NOT_SENT):
            return f"{type(exc).__name__}: the request never reached the server"
        if op.idempotent and isinstance(exc, httpx.TransportError):
            return f"{type(exc).__name__} on an idempotent call"
        return None

    def _status_error(
        self, op: Operation, response: Reply, *, retry_after_over: bool = False
    ) -> APIStatusError:
        return make_status_error(
            op,
            response,
            error_details=self._error_details,
            request_id_header=self._request_id_header,
            secrets=self._secrets,
            max_retry_after=self.max_retry_after if retry_after_over else None,
        )

    @staticmethod
    def _error_details(body: Any) -> tuple[str | int | None, str | None]:
        """(code, message) from the vendor's error body; each vendor overrides this."""
        return None, None

    async def _backoff(
        self,
        op: Operation,
        attempt: int,
        retry_after: float | None,
        reason: str,
        deadline: float | None,
    ) -> bool:
        """Sleep before the next attempt; False (without sleeping) when `total_timeout`
        would expire before it could start."""
        delay = retry_delay(
            attempt, retry_after, rng=self._rng, max_retry_after=self.max_retry_after
        )
        if deadline is not None and time.monotonic() + delay >= deadline:
            logger.debug(
                "%s %s: no retry (%s): total_timeout would expire during the %.2fs backoff",
                self._vendor,
                op.name,
                reason,
                delay,
            )
            return False
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
        return True

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
