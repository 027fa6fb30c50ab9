"""Shared pieces of the reliability suite: the fault-matrix report, sizes for CI and for
`make fuzz` / `make soak`, and the checks every error must pass.

The fault matrix is printed in pytest's terminal summary (and written as markdown under
pytest's temporary directory, never into the repository).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest

import sessionhub
from sessionhub.sandbox import Sandbox

from ._ops import ALL_SECRETS, OPS

FUZZ_FULL = os.environ.get("SESSIONHUB_FUZZ") == "full"
SOAK_FULL = os.environ.get("SESSIONHUB_SOAK") == "full"

# (op id, fault label) -> outcome text, filled in by test_fault_matrix.py
MATRIX: dict[tuple[str, str], str] = {}
FAULT_LABELS: list[str] = []  # column order, set by test_fault_matrix.py
# One-line figures printed at the end of the run (memory, load, counts), by name. A value is a
# line or a function that makes it from counters filled by many tests: the summary is computed
# after all tests ran, so no test depends on running after another.
FIGURES: dict[str, str | Callable[[], str | None]] = {}


def report(name: str, line: str | Callable[[], str | None]) -> None:
    """Set the reliability figure `name`, printed at the end of the run (never asserted on)."""
    FIGURES[name] = line


def assert_readable(err: BaseException, *, vendor: str, operation: str) -> str:
    """The error is a sessionhub error naming vendor and operation, on one readable line
    without any credential; returns str(err)."""
    assert isinstance(err, sessionhub.SessionHubError), type(err)
    text = str(err)
    assert "\n" not in text and "\r" not in text, text
    assert 20 <= len(text) <= 500, text
    assert "Traceback" not in text
    if isinstance(err, sessionhub.APIError):
        assert err.vendor == vendor and err.operation == operation
        assert text.startswith(f"{vendor} {operation}: "), text
    for secret in ALL_SECRETS:
        assert secret not in text and secret not in repr(err), secret
    return text


def _matrix_markdown() -> str:
    ops = [op.id for op in OPS]
    faults = [f for f in FAULT_LABELS if any((o, f) in MATRIX for o in ops)]
    lines = [
        "| operation | " + " | ".join(faults) + " |",
        "| --- | " + " | ".join("---" for _ in faults) + " |",
    ]
    for op in ops:
        if any((op, f) in MATRIX for f in faults):
            cells = [MATRIX.get((op, f), "-") for f in faults]
            lines.append(f"| {op} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


MATRIX_LEGEND = (
    "ok/2 = success on the 2nd attempt; ok = success; None = the documented null; "
    "RVE = ResponseValidationError; Conn/Timeout = APIConnectionError/APITimeoutError; "
    "RL = RateLimitError; ISE = InternalServerError; Status = APIStatusError; "
    "/1 = one request reached the server (never sent twice); XFAIL = reported facade bug"
)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if MATRIX:
        text = _matrix_markdown()
        cells = len(MATRIX)
        terminalreporter.section(f"sessionhub fault matrix ({cells} cells)")
        terminalreporter.write_line(MATRIX_LEGEND)
        for line in text.splitlines():
            terminalreporter.write_line(line)
        basetemp = terminalreporter.config._tmp_path_factory.getbasetemp()
        path = basetemp / "FAULT_MATRIX.md"
        path.write_text(f"# sessionhub fault matrix\n\n{MATRIX_LEGEND}\n\n{text}\n")
        terminalreporter.write_line(f"(also written to {path})")
    lines = [line() if callable(line) else line for line in FIGURES.values()]
    if any(lines):
        terminalreporter.section("sessionhub reliability figures")
        for line in lines:
            if line:
                terminalreporter.write_line(line)


@pytest.fixture(autouse=True)
def _no_real_env_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """Credentials in the developer's environment must not leak into these tests."""
    for name in (
        "TRINSIC_API_KEY",
        "SIPHER_API_KEY",
        "EQUOS_API_KEY",
        "TWILIO_ACCOUNT_SID",
        "TWILIO_AUTH_TOKEN",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def sandbox(sessionhub_sandbox: Sandbox) -> Sandbox:
    """A fresh sandbox on a loopback port: the sandbox's own pytest plugin fixture."""
    return sessionhub_sandbox
