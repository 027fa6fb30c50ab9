"""Shared fixtures: a scripted mock transport and the vendors' sample bodies."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
# The vendors' sample bodies, kept in the repository (tests/samples/README.md says where each
# came from), so a fresh clone needs nothing beside it.
SAMPLES = Path(__file__).resolve().parent / "samples"


def sample(vendor: str, name: str) -> Any:
    return json.loads((SAMPLES / vendor / name).read_text())


Reply = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


class Script:
    """A mock transport that answers with queued replies and records every request."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.replies: list[Reply] = []
        self.default: Reply | None = None

    def reply(self, *replies: Reply) -> Script:
        self.replies.extend(replies)
        return self

    def json(self, status: int, body: Any, headers: dict[str, str] | None = None) -> Script:
        return self.reply(httpx.Response(status, json=body, headers=headers))

    def handler(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        reply = self.replies.pop(0) if self.replies else self.default
        if reply is None:
            raise AssertionError(f"unexpected request {request.method} {request.url}")
        if isinstance(reply, Exception):
            raise reply
        if callable(reply):
            return reply(request)
        return reply

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=httpx.MockTransport(self.handler))

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def form(self, index: int = -1) -> list[tuple[str, str]]:
        from urllib.parse import parse_qsl

        return parse_qsl(self.requests[index].content.decode(), keep_blank_values=True)

    def body(self, index: int = -1) -> Any:
        return json.loads(self.requests[index].content)


@pytest.fixture
def script() -> Script:
    return Script()


class FakeSleep:
    """Replaces the client's sleep: records the delays, never sleeps."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


@pytest.fixture
def fake_sleep() -> FakeSleep:
    return FakeSleep()
