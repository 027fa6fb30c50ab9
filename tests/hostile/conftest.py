"""Fixtures of the hostile-server suite: every case runs on both senders."""

from __future__ import annotations

import pytest

from ._server import SENDERS


@pytest.fixture(params=SENDERS)
def sender(request: pytest.FixtureRequest) -> str:
    """ "aiohttp" (the default sender) or "httpx" (a caller's `http_client=`)."""
    return str(request.param)
