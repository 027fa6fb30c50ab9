"""pytest plugin (entry point `sessionhub_sandbox`): the `sessionhub_sandbox` fixture.

    async def test_checkout(sessionhub_sandbox):
        twilio = sessionhub_sandbox.twilio          # a ready TwilioProxy client
        ...

pytest loads every installed plugin at start-up, in every project of the environment,
so this module imports nothing but pytest: starlette and uvicorn load when a test asks
for the fixture, and without the `sandbox` extra only those tests fail, with the fix.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from sessionhub.sandbox import Sandbox

__all__ = ["sessionhub_sandbox"]


def _async_fixture() -> Callable[[Any], Any]:
    """pytest-asyncio's decorator when it is there (so strict mode works too), else
    pytest's own (for anyio's plugin, which runs async fixtures itself)."""
    try:
        import pytest_asyncio  # noqa: PLC0415  (optional)
    except ImportError:
        return pytest.fixture(name="sessionhub_sandbox")
    return pytest_asyncio.fixture(name="sessionhub_sandbox")


@_async_fixture()
async def sessionhub_sandbox() -> AsyncIterator[Sandbox]:
    """A fresh sandbox on a free loopback port, with ready clients for all four vendors
    (`.trinsic`, `.sipher`, `.equos`, `.twilio`), its `.faults` and its `.requests` log.
    Stopped, with its clients closed, when the test ends."""
    try:
        import starlette  # noqa: F401, PLC0415
        import uvicorn  # noqa: F401, PLC0415
    except ImportError as exc:
        pytest.fail(
            f"the sessionhub_sandbox fixture needs the sandbox extra ({exc.name} is missing): "
            "pip install 'sessionhub[sandbox]'",
            pytrace=False,
        )
    from sessionhub.sandbox import serve  # noqa: PLC0415

    async with serve() as sandbox:
        yield sandbox
