"""`make demo` runs examples/tour.py: it must finish cleanly and show every step."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# slow: runs the demo in a child process
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def test_tour_runs_against_the_sandbox() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "tour.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for vendor in ("twilio", "trinsic", "sipher", "equos"):
        assert f"{vendor:<8} created" in out
        assert f"{vendor:<8} rate limit: 429 then success after 1 retry" in out
        assert f"{vendor:<8} not found" in out
        assert "InvalidRequestError" in out
    assert "in 3 pages" in out and "all four vendors OK" in out
    assert "Traceback" not in done.stderr
