"""What a typed user writes against the sandbox passes `mypy --strict`: the clients built from
`Sandbox.settings()`, as its docstring shows, in async and in sync code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

USER_CODE = """
from sessionhub import Equos, Sipher, TrinsicConnect, TwilioProxy
from sessionhub.sandbox import Sandbox, serve, serve_in_thread


async def clients(sandbox: Sandbox) -> None:
    async with TwilioProxy(**sandbox.settings("twilio")) as twilio:
        await twilio.sessions.fetch("KS" + "0" * 32, "KC" + "0" * 32, timeout=2.0)
    async with Sipher(**sandbox.settings("sipher"), total_timeout=5.0) as sipher:
        await sipher.sessions.get("sess_1")
    async with TrinsicConnect(**sandbox.settings("trinsic")) as trinsic:
        await trinsic.sessions.get("s")
    async with Equos(**sandbox.settings("equos"), max_retries=0) as equos:
        await equos.sessions.get("s")


async def main() -> None:
    async with serve() as sandbox:
        await clients(sandbox)


def sync() -> str:
    with serve_in_thread() as sandbox:
        sandbox.faults.add("status=503", vendor="twilio", operation="sessions.create")
        sandbox.reset()
        return sandbox.base_url("twilio")
"""


@pytest.mark.slow
def test_clients_built_from_settings_pass_mypy_strict(tmp_path: Path) -> None:
    (tmp_path / "user.py").write_text(USER_CODE)
    (tmp_path / "mypy.ini").write_text("[mypy]\n")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", "mypy.ini", "user.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
