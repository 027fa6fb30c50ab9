"""Fault injection: make the sandbox fail the way real vendors and networks fail.

Off by default. A fault comes from the `X-Sandbox-Fault` request header (that request
only), from a rule added with `sandbox.faults.add(...)` or `POST /_sandbox/faults` (the
next N matching requests, or a seeded random share of them). All use the syntax in
`GRAMMAR` below, which `help(sessionhub.sandbox.Faults)` and docs/SANDBOX.md show too.
"""

from __future__ import annotations

import asyncio
import itertools
import random
import threading
from collections.abc import Awaitable, Callable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from ._constants import VENDORS, canonical_operation, same_operation
from ._errors import SandboxUsageError

__all__ = ["FAULT_HEADER", "GRAMMAR", "Fault", "FaultRule", "Faults", "adding_headers", "inject"]

GRAMMAR = """\
    status=503                      the vendor's own 503 body; the handler does not run
    status=429; retry-after=2       429 with Retry-After: 2 (seconds, an HTTP date, or
                                    none); a 429 without retry-after= says 1
    status=418; body=I'm a teapot   any error status (400-599), with a text/plain body
    status=502                      a proxy's HTML page (502 and 504 default to HTML)
    delay=1.5                       wait (up to 300 s), then answer normally; combines
                                    with any other fault (status=503; delay=2)
    drop                            close the connection before any response byte
    drop=after                      run the handler (state changes), then drop
    truncate[=N]                    run the handler, send the headers and N bytes of the
                                    body (default half), then close the connection
    malformed-json                  run the handler, send its status with a body that is
                                    not valid JSON
    empty                           run the handler, send its status with an empty body
    content-type[=TYPE]             run the handler, send its body as TYPE (text/html)

    "Handler ran" is what a retry test needs to know: after `drop=after` a create did
    happen, after `drop` it did not. The request log records which one it was.

    A rule is scoped by vendor (trinsic, sipher, equos, twilio) and operation, named as
    sessionhub's clients name it in errors and logs: sessions.create, sessions.get,
    sessions.list, sessions.update, sessions.delete, sessions.cancel (Trinsic),
    sessions.stop (Equos); sessions.fetch (twilio-python's word) names Twilio's
    sessions.get too. `times` is how many requests it fails (default 1; null: until removed).

    Random faults, for load tests: rate=0.02 with a list of faults and a seed fails 2 %
    of the matching calls, each with one of the faults, the same calls the same way
    for the same seed and the same order of calls:

        sandbox.faults.add(["status=503", "drop"], rate=0.02, seed=7)
        POST /_sandbox/faults {"fault": ["status=503", "drop"], "rate": 0.02, "seed": 7}
"""

FAULT_HEADER = "x-sandbox-fault"

Kind = Literal["status", "delay", "drop", "truncate", "malformed-json", "empty", "content-type"]
_KINDS: tuple[str, ...] = get_args(Kind)
_MAX_DELAY = 300.0

Message = MutableMapping[str, Any]
Send = Callable[[Message], Awaitable[None]]
Receive = Callable[[], Awaitable[Message]]
Scope = MutableMapping[str, Any]
Responder = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(frozen=True)
class Fault:
    """One fault, parsed from (and printed as) the fault syntax, which follows."""

    kind: Kind
    status: int | None = None
    retry_after: str | None = None
    body: str | None = None
    delay: float = 0.0
    after_handler: bool = False
    keep_bytes: int | None = None
    content_type: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:
            raise SandboxUsageError(f"unknown fault kind {self.kind!r}")
        if self.kind == "status" and (self.status is None or not 400 <= self.status <= 599):
            raise SandboxUsageError("a status fault needs an error status, 400 to 599")
        if self.kind != "status" and (self.status, self.retry_after, self.body) != (None,) * 3:
            raise SandboxUsageError("status=, retry-after= and body= only go with a status fault")
        if not 0 <= self.delay <= _MAX_DELAY:
            raise SandboxUsageError(f"delay must be between 0 and {_MAX_DELAY:g} seconds")
        if self.keep_bytes is not None and self.keep_bytes < 0:
            raise SandboxUsageError("truncate= must be a byte count >= 0")

    @property
    def runs_handler(self) -> bool:
        """Whether the real handler runs (and may change state) before the fault shows."""
        return self.kind not in ("status", "drop") or self.after_handler

    @classmethod
    def parse(cls, spec: str) -> Fault:
        """Parse `status=429; retry-after=2` and friends (see the module docstring)."""
        kind: str | None = None
        values: dict[str, Any] = {}
        for item in filter(None, (part.strip() for part in spec.split(";"))):
            name, has_value, value = (s.strip() for s in item.partition("="))
            name = name.lower()
            if name in ("delay", "retry-after", "body"):
                if not has_value:
                    raise SandboxUsageError(f"{name} needs a value")
                values[name.replace("-", "_")] = _float(name, value) if name == "delay" else value
                continue
            if name not in _KINDS or name == "delay":
                raise SandboxUsageError(f"unknown fault item {name!r}")
            if kind is not None:
                raise SandboxUsageError(f"one fault at a time: {kind!r} and {name!r}")
            kind = name
            values.update(_kind_value(name, value if has_value else None))
        if kind is None:
            if "delay" not in values:
                raise SandboxUsageError("empty fault")
            kind = "delay"
        if values.get("retry_after", "").lower() == "none":
            values["retry_after"] = None
        elif kind == "status" and values.get("status") == 429 and "retry_after" not in values:
            values["retry_after"] = "1"
        return cls(kind=kind, **values)  # type: ignore[arg-type]

    def __str__(self) -> str:
        items: list[str] = []
        if self.kind == "status":
            items.append(f"status={self.status}")
            if self.retry_after is not None:
                items.append(f"retry-after={self.retry_after}")
            if self.body is not None:
                items.append(f"body={self.body}")
        elif self.kind == "drop":
            items.append("drop=after" if self.after_handler else "drop")
        elif self.kind == "truncate":
            items.append("truncate" if self.keep_bytes is None else f"truncate={self.keep_bytes}")
        elif self.kind == "content-type":
            items.append(f"content-type={self.content_type or 'text/html'}")
        elif self.kind != "delay":
            items.append(self.kind)
        if self.delay:
            items.append(f"delay={self.delay:g}")
        return "; ".join(items)


def _float(name: str, value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise SandboxUsageError(f"{name} must be a number of seconds, got {value!r}") from None


def _kind_value(kind: str, value: str | None) -> dict[str, Any]:
    if kind == "status":
        if value is None or not value.isdigit():
            raise SandboxUsageError(f"status needs a number, got {value!r}")
        return {"status": int(value)}
    if kind == "drop":
        if value not in (None, "before", "after"):
            raise SandboxUsageError("drop takes no value, 'before' or 'after'")
        return {"after_handler": value == "after"}
    if kind == "truncate":
        if value is None:
            return {}
        if not value.isdigit():
            raise SandboxUsageError(f"truncate= must be a byte count, got {value!r}")
        return {"keep_bytes": int(value)}
    if kind == "content-type":
        return {"content_type": value or "text/html"}
    if value is not None:
        raise SandboxUsageError(f"{kind} takes no value")
    return {}


class _Default:
    """The default of `times`, which depends on `rate`."""

    def __repr__(self) -> str:
        return "<default>"


_DEFAULT = _Default()


@dataclass(eq=False)  # a rule is itself: `remove(rule)` must not remove an equal twin
class FaultRule:
    """A fault for the next `remaining` matching requests (None: until removed).

    A random rule (`rate` set) fails each matching request with probability `rate`, with a
    fault drawn from `choices`, both decided by its own `random.Random(seed)`: the same seed
    and the same sequence of matching requests fail the same requests the same way.
    `remaining` then counts injected faults, not matching requests.
    """

    fault: Fault
    vendor: str | None = None
    operation: str | None = None
    remaining: int | None = 1
    hits: int = field(default=0, init=False)
    rate: float | None = None
    seed: int | None = None
    choices: tuple[Fault, ...] = ()
    id: int = 0
    seen: int = field(default=0, init=False)
    _random: random.Random = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if not self.choices:
            self.choices = (self.fault,)
        self._random = random.Random(self.seed)

    def matches(self, vendor: str | None, operation: str | None) -> bool:
        return (self.vendor is None or self.vendor == vendor) and (
            self.operation is None or same_operation(vendor, self.operation, operation)
        )

    def draw(self) -> Fault | None:
        """This matching request's fault: always the fault, or for a random rule the
        seeded draw's (None: this request passes)."""
        self.seen += 1
        if self.rate is None:
            return self.fault
        hit = self._random.random() < self.rate
        choice = self._random.choice(self.choices)  # drawn every time: a fixed stream
        return choice if hit else None

    def to_json(self) -> dict[str, Any]:
        """The rule as the control plane lists it (`GET /_sandbox/faults`)."""
        body: dict[str, Any] = {
            "id": self.id,
            "fault": str(self.fault) if self.rate is None else [str(f) for f in self.choices],
            "vendor": self.vendor,
            "operation": self.operation,
            "times": self.remaining,
            "hits": self.hits,
        }
        if self.rate is not None:
            body.update(rate=self.rate, seed=self.seed, seen=self.seen)
        return body


class Faults:
    """The sandbox's fault rules, checked in the order they were added.

        sandbox.faults.add("status=503", vendor="twilio", operation="sessions.create", times=2)

    fails the next two Twilio creates with Twilio's 503 and lets the third through;

        sandbox.faults.add(["status=503", "drop", "delay=2"], rate=0.02, seed=7)

    fails 2 % of all calls (times=None: until removed) with one of the three, the same
    calls the same way on every run with seed 7. A rule leaves the list once used up; the
    returned `FaultRule` keeps counting its `hits`. Operation names are those of
    sessionhub's clients (`sessions.create`, `sessions.get`, ...; Twilio's `sessions.get`
    is also reachable as `sessions.fetch`). Safe to use from another thread than the sandbox's.

    The fault syntax (one fault, `;`-separated items), also for the `X-Sandbox-Fault`
    request header and `POST /_sandbox/faults`, follows.
    """

    def __init__(self) -> None:
        self._rules: list[FaultRule] = []
        self._lock = threading.Lock()
        self._ids = itertools.count(1)

    def add(
        self,
        fault: str | Fault | Sequence[str | Fault],
        *,
        vendor: str | None = None,
        operation: str | None = None,
        times: int | _Default | None = _DEFAULT,
        rate: float | None = None,
        seed: int | None = None,
    ) -> FaultRule:
        """Fail the next `times` requests (default 1; None: every one) matching vendor and
        operation. With `rate` (0 < rate <= 1), fail each matching request with that
        probability instead, with one of the `fault`s (a list) drawn by a generator seeded
        with `seed`; `times` (default None) then caps how many faults it injects."""
        if isinstance(fault, (str, Fault)):
            choices: tuple[Fault, ...] = (_parsed(fault),)
        elif not isinstance(fault, (list, tuple)):
            raise SandboxUsageError(f"a fault is a string such as 'status=503', not {fault!r}")
        else:
            choices = tuple(_parsed(f) for f in fault)
            if not choices:
                raise SandboxUsageError("a list of faults needs at least one fault")
            if rate is None and len(choices) > 1:
                raise SandboxUsageError("several faults need a rate= to choose between them")
        if vendor is not None and vendor not in VENDORS:
            raise SandboxUsageError(
                f"unknown vendor {vendor!r}; expected one of {', '.join(VENDORS)}"
            )
        if operation is not None:
            operation = canonical_operation(vendor, operation)
        if isinstance(times, _Default):
            times = 1 if rate is None else None
        if times is not None and (isinstance(times, bool) or times < 1):
            raise SandboxUsageError("times must be at least 1 (or None for every request)")
        if rate is not None and (isinstance(rate, bool) or not 0 < rate <= 1):
            raise SandboxUsageError("rate must be a fraction above 0 and at most 1 (0.02 for 2 %)")
        if seed is not None and rate is None:
            raise SandboxUsageError("seed= goes with rate=")
        rule = FaultRule(
            choices[0],
            vendor,
            operation,
            times,
            rate=rate,
            seed=seed,
            choices=choices,
            id=next(self._ids),
        )
        with self._lock:
            self._rules.append(rule)
        return rule

    def take(self, vendor: str | None, operation: str | None) -> Fault | None:
        """The fault for this request, if any rule matches; uses up one of its times. A
        random rule that lets the request pass hands it on to the rules after it."""
        with self._lock:
            for rule in self._rules:
                if not rule.matches(vendor, operation):
                    continue
                fault = rule.draw()
                if fault is None:
                    continue
                rule.hits += 1
                if rule.remaining is not None:
                    rule.remaining -= 1
                    if rule.remaining == 0:
                        self._rules.remove(rule)
                return fault
        return None

    def remove(self, rule: FaultRule | int) -> bool:
        """Stop applying `rule` (or the rule with that id); False if it was not active
        (already used up, or never added here)."""
        with self._lock:
            for index, active in enumerate(self._rules):
                if active is rule or (isinstance(rule, int) and active.id == rule):
                    del self._rules[index]
                    return True
        return False

    def clear(self) -> None:
        """Remove every rule: the sandbox behaves normally again."""
        with self._lock:
            self._rules.clear()

    def __iter__(self) -> Iterator[FaultRule]:
        with self._lock:
            return iter(list(self._rules))

    def __len__(self) -> int:
        return len(self._rules)

    def __repr__(self) -> str:
        return f"<Faults: {len(self._rules)} active rules>"


Fault.__doc__ = f"{Fault.__doc__}\n\n{GRAMMAR}"
Faults.__doc__ = f"{Faults.__doc__}\n{GRAMMAR}"
FaultRule.__doc__ = f"{FaultRule.__doc__}\n    The fault syntax:\n\n{GRAMMAR}"


def _parsed(fault: str | Fault) -> Fault:
    if isinstance(fault, Fault):
        return fault
    if not isinstance(fault, str):
        raise SandboxUsageError(f"a fault is a string such as 'status=503', not {fault!r}")
    return Fault.parse(fault)


_GATEWAY_HTML = (
    "<html>\r\n<head><title>{status} {phrase}</title></head>\r\n<body>\r\n"
    "<center><h1>{status} {phrase}</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)
_PHRASES = {502: "Bad Gateway", 504: "Gateway Time-out"}


async def inject(
    fault: Fault,
    *,
    run_app: Callable[[Send], Awaitable[None]],
    vendor_error: Callable[[int], Responder],
    scope: Scope,
    receive: Receive,
    send: Send,
    gateway_send: Send,
    transport: asyncio.Transport | None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> None:
    """Answer one request with `fault` instead of (or on top of) the sandbox's handler.

    `send` adds the vendor's headers (request ids); `gateway_send` does not, for pages a
    proxy in front of the vendor would produce. `transport` is the server's connection,
    needed to drop it; without one (an in-process ASGI client) a drop raises instead.
    """
    if fault.delay:
        await sleep(fault.delay)
    if fault.kind == "delay":
        await run_app(send)
        return
    if fault.kind == "status":
        await _status(fault, vendor_error, scope, receive, send, gateway_send)
        return
    if fault.kind == "drop" and not fault.after_handler:
        await _drop(transport, abort=True)
        return
    status, headers, body = await _capture(run_app)
    if fault.kind == "drop" or (fault.kind == "truncate" and not body):
        await _drop(transport, abort=True)
    elif fault.kind == "truncate":
        keep = len(body) // 2 if fault.keep_bytes is None else min(fault.keep_bytes, len(body) - 1)
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body[:keep], "more_body": True})
        await _drop(transport, abort=False)
    elif fault.kind == "malformed-json":
        await _respond(send, status, headers, b"{" + body)
    elif fault.kind == "empty":
        await _respond(send, status, headers, b"")
    else:  # content-type
        media = (fault.content_type or "text/html").encode("latin-1")
        kept = [(k, v) for k, v in headers if k.lower() != b"content-type"]
        await _respond(send, status, [*kept, (b"content-type", media)], body)


async def _status(
    fault: Fault,
    vendor_error: Callable[[int], Responder],
    scope: Scope,
    receive: Receive,
    send: Send,
    gateway_send: Send,
) -> None:
    assert fault.status is not None
    extra = [] if fault.retry_after is None else [(b"retry-after", fault.retry_after.encode())]
    if fault.body is not None:
        media = fault.content_type or "text/plain; charset=utf-8"
        headers = [(b"content-type", media.encode("latin-1")), *extra]
        await _respond(send, fault.status, headers, fault.body.encode())
    elif fault.status in _PHRASES:
        page = _GATEWAY_HTML.format(status=fault.status, phrase=_PHRASES[fault.status])
        headers = [(b"content-type", b"text/html"), *extra]
        await _respond(gateway_send, fault.status, headers, page.encode())
    else:
        await vendor_error(fault.status)(scope, receive, adding_headers(send, extra))


async def _capture(run_app: Callable[[Send], Awaitable[None]]) -> tuple[int, list[Any], bytes]:
    """Run the handler and keep its response instead of sending it."""
    start: Message = {}
    chunks: list[bytes] = []

    async def keep(message: Message) -> None:
        if message["type"] == "http.response.start":
            start.update(message)
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await run_app(keep)
    return int(start.get("status", 500)), list(start.get("headers", [])), b"".join(chunks)


async def _respond(send: Send, status: int, headers: list[Any], body: bytes) -> None:
    kept = [(k, v) for k, v in headers if k.lower() != b"content-length"]
    kept.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": kept})
    await send({"type": "http.response.body", "body": body, "more_body": False})


def adding_headers(send: Send, headers: list[tuple[bytes, bytes]]) -> Send:
    """`send`, adding `headers` to the response start unless it already has them."""
    if not headers:
        return send

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            present = {name.lower() for name, _ in message.get("headers", [])}
            extra = [(n, v) for n, v in headers if n not in present]
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)

    return wrapped


async def _drop(transport: asyncio.Transport | None, *, abort: bool) -> None:
    """Close the client's connection: `abort` resets it at once, otherwise what was
    already written is flushed first (a truncated body)."""
    if transport is None:
        raise ConnectionAbortedError("sandbox fault: connection dropped (no server transport)")
    if abort:
        transport.abort()
    else:
        transport.close()
    # Let the server's protocol see connection_lost before the app returns, so it treats
    # the unfinished response as a disconnect rather than an application error.
    for _ in range(5):
        await asyncio.sleep(0)
