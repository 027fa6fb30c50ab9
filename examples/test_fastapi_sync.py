"""A FastAPI app that calls Twilio Proxy through sessionhub, tested with FastAPI's sync
`TestClient` against the sandbox (`pip install 'sessionhub[sandbox]' fastapi`).

    pytest examples/test_fastapi_sync.py

FastAPI's TestClient is sync: it blocks the test's thread while the app runs, so the
sandbox must not live on that thread. The `sessionhub_sandbox_thread` fixture runs it on
its own event loop in a background thread, once for the whole test session;
`sessionhub_sandbox_thread_fresh` is that sandbox, reset before the test (no sessions,
faults or recorded requests left over). The app takes its client settings as arguments,
so production passes real credentials and the tests pass the sandbox's.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.testclient import TestClient

import sessionhub
from sessionhub.sandbox import TWILIO_SERVICE_SID, Sandbox


def create_app(twilio_settings: dict[str, Any], service_sid: str) -> FastAPI:
    """The code under test: one masked-call session per order."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with sessionhub.TwilioProxy(**twilio_settings) as twilio:
            app.state.twilio = twilio
            yield

    app = FastAPI(lifespan=lifespan)

    @app.post("/orders/{order_id}/call", status_code=201)
    async def open_call(order_id: str, request: Request) -> dict[str, str]:
        twilio: sessionhub.TwilioProxy = request.app.state.twilio
        try:
            session = await twilio.sessions.create(service_sid, unique_name=order_id, ttl=3600)
        except sessionhub.APIStatusError as exc:
            raise HTTPException(502, f"Twilio answered {exc.status_code}") from exc
        return {"session": session.sid}

    @app.get("/orders/{order_id}/call")
    async def show_call(order_id: str, request: Request) -> dict[str, str]:
        twilio: sessionhub.TwilioProxy = request.app.state.twilio
        try:
            session = await twilio.sessions.get(service_sid, order_id)  # by unique name
        except sessionhub.NotFoundError:
            raise HTTPException(404, "no call for this order") from None
        return {"session": session.sid, "status": str(session.status)}

    return app


def test_opens_and_shows_a_call(sessionhub_sandbox_thread_fresh: Sandbox) -> None:
    sandbox = sessionhub_sandbox_thread_fresh
    app = create_app(sandbox.settings("twilio"), TWILIO_SERVICE_SID)
    with TestClient(app) as client:  # `with`: runs the lifespan, which opens the client
        created = client.post("/orders/order-1/call")
        assert created.status_code == 201
        shown = client.get("/orders/order-1/call")
        assert shown.json() == {"session": created.json()["session"], "status": "open"}
        assert client.get("/orders/order-2/call").status_code == 404

    assert [r.operation for r in sandbox.requests] == [
        "sessions.create",
        "sessions.get",
        "sessions.get",
    ]


def test_a_twilio_outage_is_a_502(sessionhub_sandbox_thread_fresh: Sandbox) -> None:
    sandbox = sessionhub_sandbox_thread_fresh
    sandbox.faults.add("status=503", vendor="twilio", operation="sessions.create")
    with TestClient(create_app(sandbox.settings("twilio"), TWILIO_SERVICE_SID)) as client:
        response = client.post("/orders/order-3/call")
    assert response.status_code == 502
    assert response.json() == {"detail": "Twilio answered 503"}
    # A create is not retried after a 503 (it may have happened): one request, no session.
    assert len(sandbox.requests.matching(operation="sessions.create")) == 1
    assert sandbox.export_state()["vendors"]["twilio"]["sessions"] == []


def test_each_test_starts_clean(sessionhub_sandbox_thread_fresh: Sandbox) -> None:
    assert len(sessionhub_sandbox_thread_fresh.requests) == 0
    assert len(sessionhub_sandbox_thread_fresh.faults) == 0
