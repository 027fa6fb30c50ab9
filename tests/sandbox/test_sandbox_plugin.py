"""The pytest plugin: cheap to load, its fixture works (also from the example in
examples/), and a missing `sandbox` extra fails only the tests that use it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sessionhub.sandbox import Sandbox

# slow: runs pytest in child processes
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "test_with_sandbox.py"
FASTAPI_EXAMPLE = ROOT / "examples" / "test_fastapi_sync.py"


def run_pytest(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


def test_loading_the_plugin_imports_nothing_heavy() -> None:
    probe = (
        "import sys, sessionhub.sandbox._pytest_plugin\n"
        "heavy = [m for m in ('starlette', 'uvicorn', 'httpx', 'sessionhub.sandbox._app')"
        " if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", probe], check=True, timeout=60)


async def test_the_fixture_gives_a_running_sandbox(sessionhub_sandbox: Sandbox) -> None:
    assert sessionhub_sandbox.url.startswith("http://127.0.0.1:")
    page = [s async for s in sessionhub_sandbox.equos.sessions.list()]
    assert page == []


def test_the_example_passes_in_auto_and_strict_mode() -> None:
    for mode in ("auto", "strict"):
        result = run_pytest(str(EXAMPLE), "-o", f"asyncio_mode={mode}")
        assert result.returncode == 0, result.stdout + result.stderr
        assert "2 passed" in result.stdout


def test_the_fastapi_example_passes_with_its_sync_test_client() -> None:
    """examples/test_fastapi_sync.py: a FastAPI app tested with FastAPI's sync TestClient
    against `sessionhub_sandbox_thread`; in strict mode too (its tests are sync)."""
    for mode in ("auto", "strict"):
        result = run_pytest(str(FASTAPI_EXAMPLE), "-o", f"asyncio_mode={mode}")
        assert result.returncode == 0, result.stdout + result.stderr
        assert "3 passed" in result.stdout


def test_without_the_extra_only_fixture_users_fail(tmp_path: Path) -> None:
    # A starlette that cannot be imported stands in for "the extra is not installed".
    (tmp_path / "starlette").mkdir()
    (tmp_path / "starlette" / "__init__.py").write_text("raise ImportError('no starlette')\n")
    tests = tmp_path / "test_user.py"
    tests.write_text(
        "async def test_uses_it(sessionhub_sandbox):\n    pass\n\ndef test_does_not():\n    pass\n"
    )
    result = run_pytest(
        str(tests),
        "--rootdir",
        str(tmp_path),
        "-o",
        "asyncio_mode=auto",
        "-o",
        "asyncio_default_fixture_loop_scope=function",
        env={"PYTHONPATH": str(tmp_path)},
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 passed, 1 error" in result.stdout  # the fixture fails in setup
    assert "pip install 'sessionhub[sandbox]'" in result.stdout
