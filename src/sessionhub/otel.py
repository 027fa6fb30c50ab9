"""OpenTelemetry tracing for sessionhub (the extra `sessionhub[otel]`).

    from sessionhub.otel import OpenTelemetryHook
    twilio = TwilioProxy(hooks=[OpenTelemetryHook()])

One `CLIENT` span per API call, covering every attempt and backoff, named and attributed
after OpenTelemetry's HTTP client semantic conventions: `http.request.method`,
`url.template` (the spec's route, e.g. `/v1/Services/{ServiceSid}/Sessions/{Sid}`: never a
path with ids, which may identify people), `server.address`/`server.port`,
`http.response.status_code`, `http.request.resend_count` (retries), `error.type`, plus
`sessionhub.vendor`, `sessionhub.operation`, `sessionhub.request_id` and
`sessionhub.attempts`; each retry is a `sessionhub.retry` event with its reason.
`url.full` is left out on purpose (ids). No header, body or exception message is recorded,
so no credential can reach a span.

Tracing costs nothing unless this hook is passed: sessionhub never imports OpenTelemetry
on its own, and a client without hooks runs no hook code at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._exceptions import ConfigurationError
from ._hooks import AttemptResult, CallInfo, Hook

if TYPE_CHECKING:
    from opentelemetry.trace import TracerProvider

__all__ = ["OpenTelemetryHook"]

_SPAN = "sessionhub.otel.span"


class OpenTelemetryHook(Hook):
    """Traces every call of the clients it is passed to (`hooks=[OpenTelemetryHook()]`).

    `tracer_provider` defaults to OpenTelemetry's global one."""

    def __init__(self, tracer_provider: TracerProvider | None = None) -> None:
        try:
            from opentelemetry import trace  # noqa: PLC0415 - the optional extra
        except ImportError:  # pragma: no cover - exercised without the extra installed
            raise ConfigurationError(
                "sessionhub.otel needs OpenTelemetry: pip install 'sessionhub[otel]'"
            ) from None
        from ._version import __version__  # noqa: PLC0415

        self._trace = trace
        self._tracer = trace.get_tracer("sessionhub", __version__, tracer_provider)

    def start_call(self, call: CallInfo) -> None:
        host, port = _server(call.server)
        attributes: dict[str, Any] = {
            "http.request.method": call.method,
            "url.template": call.route,
            "server.address": host,
            "sessionhub.vendor": call.vendor,
            "sessionhub.operation": call.operation,
        }
        if port is not None:
            attributes["server.port"] = port
        call.state[_SPAN] = self._tracer.start_span(
            f"{call.method} {call.route}",
            kind=self._trace.SpanKind.CLIENT,
            attributes=attributes,
        )

    def after_attempt(self, call: CallInfo, result: AttemptResult) -> None:
        if result.retry_reason is not None:
            span = call.state[_SPAN]
            span.add_event(
                "sessionhub.retry",
                {
                    "sessionhub.attempt": result.attempt,
                    "sessionhub.retry_reason": result.retry_reason,
                    **(
                        {"http.response.status_code": result.status_code}
                        if result.status_code is not None
                        else {"error.type": result.error or "unknown"}
                    ),
                },
            )

    def end_call(
        self,
        call: CallInfo,
        status_code: int | None,
        request_id: str | None,
        error: BaseException | None,
    ) -> None:
        span = call.state.pop(_SPAN, None)
        if span is None:  # pragma: no cover - start_call always runs first
            return
        if status_code is not None:
            span.set_attribute("http.response.status_code", status_code)
        if request_id is not None:
            span.set_attribute("sessionhub.request_id", request_id)
        span.set_attribute("sessionhub.attempts", call.attempts)
        if call.attempts > 1:
            span.set_attribute("http.request.resend_count", call.attempts - 1)
        if error is not None:
            error_type = (
                str(status_code)
                if status_code is not None and status_code >= 400
                else type(error).__name__
            )
            span.set_attribute("error.type", error_type)
            # The class name only: a message can hold ids (and is the caller's to log).
            span.set_status(self._trace.Status(self._trace.StatusCode.ERROR, error_type))
        span.end()


def _server(base_url: str) -> tuple[str, int | None]:
    from urllib.parse import urlsplit  # noqa: PLC0415 - only when tracing

    parts = urlsplit(base_url)
    return parts.hostname or "", parts.port
