"""Hooks on both senders, and OpenTelemetry tracing through `sessionhub.otel` with the
SDK's in-memory exporter: one span per call, the HTTP client conventions, and no
credential anywhere in a span."""

from __future__ import annotations

import json
from typing import Any

import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from sessionhub import AttemptResult, CallInfo, ConfigurationError, Hook, NotFoundError
from sessionhub.otel import OpenTelemetryHook
from tests.options._wire import SENDERS, client_for, json_reply, wire
from tests.reliability._ops import OPS, TWILIO_SERVICE, TWILIO_SESSION, make_client, secrets_of


async def _no_sleep(seconds: float) -> None:
    return None


class Recorder(Hook):
    def __init__(self) -> None:
        self.events: list[tuple[Any, ...]] = []

    def start_call(self, call: CallInfo) -> None:
        self.events.append(("start", call.operation, call.method, call.route))

    def before_attempt(self, call: CallInfo, attempt: int) -> None:
        self.events.append(("before", attempt))

    def after_attempt(self, call: CallInfo, result: AttemptResult) -> None:
        self.events.append(("after", result.attempt, result.status_code, result.retry_reason))

    def end_call(
        self, call: CallInfo, status: int | None, request_id: str | None, error: Any
    ) -> None:
        self.events.append(("end", status, request_id, type(error).__name__ if error else None))


@pytest.mark.parametrize("sender", SENDERS)
async def test_hooks_see_every_attempt(sender: str) -> None:
    recorder = Recorder()
    ok = json_reply(200, headers=[(b"Twilio-Request-Id", b"RQ9")])
    async with wire(json_reply(503, {"code": 1}), ok, json_reply(404, {"code": 20404})) as server:
        async with client_for(
            "twilio", sender, server.url, max_retries=1, hooks=[recorder]
        ) as twilio:
            twilio._sleep = _no_sleep
            await twilio.sessions.get(TWILIO_SERVICE, TWILIO_SESSION)
            with pytest.raises(NotFoundError):
                await twilio.sessions.fetch(TWILIO_SERVICE, TWILIO_SESSION)
    route = "/v1/Services/{ServiceSid}/Sessions/{Sid}"
    assert recorder.events == [
        ("start", "sessions.get", "GET", route),
        ("before", 1),
        ("after", 1, 503, "HTTP 503 on an idempotent call"),
        ("before", 2),
        ("after", 2, 200, None),
        ("end", 200, "RQ9", None),
        ("start", "sessions.get", "GET", route),
        ("before", 1),
        ("after", 1, 404, None),
        ("end", 404, None, "NotFoundError"),
    ]


def test_hooks_must_be_hooks() -> None:
    with pytest.raises(ConfigurationError, match="Hook"):
        make_client("twilio", None, hooks=[lambda: None])


def _tracing() -> tuple[OpenTelemetryHook, InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return OpenTelemetryHook(provider), exporter


@pytest.mark.parametrize("sender", SENDERS)
async def test_one_span_per_call_with_the_http_conventions(sender: str) -> None:
    hook, exporter = _tracing()
    ok = json_reply(200, headers=[(b"Twilio-Request-Id", b"RQ1")])
    async with wire(json_reply(502, {"code": 1}), ok) as server:
        async with client_for("twilio", sender, server.url, max_retries=2, hooks=[hook]) as c:
            c._sleep = _no_sleep
            await c.sessions.get(TWILIO_SERVICE, TWILIO_SESSION)
    (span,) = exporter.get_finished_spans()
    attrs = dict(span.attributes or {})
    assert span.name == "GET /v1/Services/{ServiceSid}/Sessions/{Sid}"
    assert span.kind.name == "CLIENT"
    assert attrs["http.request.method"] == "GET"
    assert attrs["url.template"] == "/v1/Services/{ServiceSid}/Sessions/{Sid}"
    assert attrs["server.address"] == "127.0.0.1" and isinstance(attrs["server.port"], int)
    assert attrs["http.response.status_code"] == 200
    assert attrs["http.request.resend_count"] == 1 and attrs["sessionhub.attempts"] == 2
    assert attrs["sessionhub.vendor"] == "twilio" and attrs["sessionhub.request_id"] == "RQ1"
    assert attrs["sessionhub.operation"] == "sessions.get"
    assert "error.type" not in attrs and span.status.status_code.name == "UNSET"
    (event,) = span.events
    assert event.name == "sessionhub.retry"
    assert event.attributes is not None and event.attributes["http.response.status_code"] == 502
    # no id that may identify a person: the route is a template
    assert TWILIO_SESSION not in json.dumps(attrs) and TWILIO_SERVICE not in span.name


@pytest.mark.parametrize("sender", SENDERS)
async def test_failed_calls_set_error_type(sender: str) -> None:
    hook, exporter = _tracing()
    async with wire(json_reply(404, {"code": 20404})) as server:
        async with client_for("twilio", sender, server.url, hooks=[hook]) as c:
            with pytest.raises(NotFoundError):
                await c.sessions.get(TWILIO_SERVICE, TWILIO_SESSION)
    async with client_for("twilio", sender, "http://127.0.0.1:9", hooks=[hook]) as c:
        with pytest.raises(Exception, match="connection failed"):
            await c.sessions.get(TWILIO_SERVICE, TWILIO_SESSION)
    status_span, connect_span = exporter.get_finished_spans()
    assert status_span.attributes is not None and connect_span.attributes is not None
    assert status_span.attributes["error.type"] == "404"
    assert status_span.status.status_code.name == "ERROR"
    assert connect_span.attributes["error.type"] == "APIConnectionError"
    assert "http.response.status_code" not in connect_span.attributes


@pytest.mark.parametrize("vendor", ["trinsic", "sipher", "equos", "twilio"])
async def test_no_credential_reaches_any_span(vendor: str) -> None:
    """Every attribute, event, name and status of every span, serialised, for a success, a
    retried failure and an error body that echoes the credential."""
    hook, exporter = _tracing()
    secrets = secrets_of(vendor)
    echo = {"message": " ".join(secrets), "code": secrets[0]}
    async with wire(json_reply(500, echo), json_reply(401, echo)) as server:
        async with client_for(vendor, "aiohttp", server.url, max_retries=1, hooks=[hook]) as c:
            c._sleep = _no_sleep
            for call in [op.call for op in OPS if op.vendor == vendor]:
                with pytest.raises(Exception):  # noqa: B017 - any error: spans matter
                    await call(c)
    spans = exporter.get_finished_spans()
    assert spans
    text = "".join(span.to_json() for span in spans)
    for secret in secrets:
        assert secret not in text
