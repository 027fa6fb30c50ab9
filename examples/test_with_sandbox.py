"""Testing your own code against the sessionhub sandbox, with the `sessionhub_sandbox`
pytest fixture (installed with `pip install 'sessionhub[sandbox]'`; needs pytest-asyncio).

    pytest examples/test_with_sandbox.py

The fixture starts a fresh sandbox on a free 127.0.0.1 port for each test and hands it
over with ready clients (`.twilio`, `.sipher`, `.equos`, `.trinsic`). Nothing leaves the
machine, and no vendor account is needed.
"""

from __future__ import annotations

import pytest

import sessionhub
from sessionhub.sandbox import TWILIO_SERVICE_SID, Sandbox

pytestmark = pytest.mark.asyncio  # not needed with asyncio_mode = "auto"


async def open_masked_call(twilio: sessionhub.TwilioProxy, order_id: str) -> str:
    """The code under test: a service opens a Proxy session per order."""
    session = await twilio.sessions.create(TWILIO_SERVICE_SID, unique_name=order_id, ttl=3600)
    return session.sid


async def test_opens_one_session_per_order(sessionhub_sandbox: Sandbox) -> None:
    sid = await open_masked_call(sessionhub_sandbox.twilio, "order-1")

    fetched = await sessionhub_sandbox.twilio.sessions.get(TWILIO_SERVICE_SID, sid)
    assert fetched.unique_name == "order-1"


async def test_survives_twilio_rate_limiting(sessionhub_sandbox: Sandbox) -> None:
    # Twilio answers 429 twice (with Retry-After: 0), then accepts the request.
    sessionhub_sandbox.faults.add(
        "status=429; retry-after=0", vendor="twilio", operation="sessions.create", times=2
    )

    await open_masked_call(sessionhub_sandbox.twilio, "order-2")

    creates = sessionhub_sandbox.requests.matching(operation="sessions.create")
    assert [request.status for request in creates] == [429, 429, 201]
    assert len(sessionhub_sandbox.requests.matching(changed_state=True)) == 1
