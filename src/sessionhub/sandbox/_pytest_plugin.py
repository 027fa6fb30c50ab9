"""pytest plugin (entry point `sessionhub_sandbox`): the sandbox fixtures.

    async def test_checkout(sessionhub_sandbox):            # async tests, one per test
        twilio = sessionhub_sandbox.twilio                  # a ready TwilioProxy client
        ...

    def test_sync_app(sessionhub_sandbox_thread):           # sync tests (TestClient, ...)
        settings = sessionhub_sandbox_thread.settings("twilio")
        ...

`sessionhub_sandbox` starts a sandbox in the test's own event loop, for each test.
`sessionhub_sandbox_thread` is session-scoped: one sandbox on its own loop in a background
thread (`serve_in_thread()`), shared by every test of the run, so sync code that blocks
(FastAPI's or Django's test client) does not block the sandbox. It is not reset between
tests; `sessionhub_sandbox_thread_fresh` is the same sandbox, reset (sessions, faults,
request log) before the test that asks for it, which costs microseconds.

pytest loads every installed plugin at start-up, in every project of the environment,
so this module imports nothing but pytest: starlette and uvicorn load when a test asks
for a fixture, and without the `sandbox` extra only those tests fail, with the fix.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from sessionhub.sandbox import Sandbox

__all__ = ["sessionhub_sandbox", "sessionhub_sandbox_thread", "sessionhub_sandbox_thread_fresh"]


def _async_fixture() -> Callable[[Any], Any]:
    """pytest-asyncio's decorator when it is there (so strict mode works too), else
    pytest's own (for anyio's plugin, which runs async fixtures itself)."""
    try:
        import pytest_asyncio  # noqa: PLC0415  (optional)
    except ImportError:
        return pytest.fixture(name="sessionhub_sandbox")
    return pytest_asyncio.fixture(name="sessionhub_sandbox")


def _require_extra(fixture: str) -> None:
    try:
        import starlette  # noqa: F401, PLC0415
        import uvicorn  # noqa: F401, PLC0415
    except ImportError as exc:
        pytest.fail(
            f"the {fixture} fixture needs the sandbox extra ({exc.name} is missing): "
            "pip install 'sessionhub[sandbox]'",
            pytrace=False,
        )


@_async_fixture()
async def sessionhub_sandbox() -> AsyncIterator[Sandbox]:
    """A fresh sandbox on a free loopback port, with ready clients for all four vendors
    (`.trinsic`, `.sipher`, `.equos`, `.twilio`), its `.faults` and its `.requests` log.
    Stopped, with its clients closed, when the test ends."""
    _require_extra("sessionhub_sandbox")
    from sessionhub.sandbox import serve  # noqa: PLC0415

    async with serve() as sandbox:
        yield sandbox


@pytest.fixture(scope="session", name="sessionhub_sandbox_thread")
def sessionhub_sandbox_thread() -> Iterator[Sandbox]:
    """One sandbox for the whole test session, on its own event loop in a background
    thread (`serve_in_thread()`), for sync tests. Shared, not reset: ask for
    `sessionhub_sandbox_thread_fresh` (or call `.reset()`) for a clean one. Build clients
    from `.settings(vendor)` or `.client(vendor)`; it has no ready-made async clients."""
    _require_extra("sessionhub_sandbox_thread")
    from sessionhub.sandbox import serve_in_thread  # noqa: PLC0415

    with serve_in_thread() as sandbox:
        yield sandbox


@pytest.fixture(name="sessionhub_sandbox_thread_fresh")
def sessionhub_sandbox_thread_fresh(sessionhub_sandbox_thread: Sandbox) -> Sandbox:
    """`sessionhub_sandbox_thread`, reset before this test: no sessions, faults or
    recorded requests left by earlier tests."""
    sessionhub_sandbox_thread.reset()
    return sessionhub_sandbox_thread
