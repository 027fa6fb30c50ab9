"""Fixtures for the sandbox tests: a running sandbox on a real loopback socket (with one
extra Sipher pro key, `sandbox-sipher-other`), a raw httpx client on it, and the clock the
sandbox runs on, which the tests move by hand."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from sessionhub.sandbox import SIPHER_API_KEY, SIPHER_FREE_API_KEY, ManualClock, Sandbox, serve

# An extra pro key, to see that Sipher sessions belong to the key that made them.
OTHER_SIPHER_KEY = "sandbox-sipher-other"
SIPHER_KEYS = {SIPHER_API_KEY: "pro", SIPHER_FREE_API_KEY: "free", OTHER_SIPHER_KEY: "pro"}


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
async def sandbox(clock: ManualClock) -> AsyncIterator[Sandbox]:
    async with serve(clock=clock, sipher_keys=SIPHER_KEYS) as running:
        yield running


@pytest.fixture
async def http(sandbox: Sandbox) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=sandbox.url, timeout=10) as client:
        yield client
