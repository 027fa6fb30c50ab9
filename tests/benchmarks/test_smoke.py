"""A smoke run of the benchmark suite, so that `benchmarks/` does not rot between `make bench`s.

`run.py --quick` renders a few hundred sessions, starts the loopback server, runs every stack
whose dependencies are installed (twilio-python and aiohttp come from
benchmarks/requirements.txt and may be missing here; those stacks are skipped), and prints
the report. Nothing here looks at how fast anything was.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# slow: runs the benchmark harness in child processes
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def test_quick_benchmark_run_completes() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--server", "python"],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    out = done.stdout
    assert "server: python (CPython" in out
    for heading in (
        "## Goals of issue 16",
        "## Goals of issue 6",
        "## W1:",
        "## W2:",
        "## Memory:",
    ):
        assert heading in out
    # The stacks that need nothing beyond sessionhub's own dependencies always run.
    for stack in ("raw httpx + json (stock pool)", "generated functions", "sessionhub TwilioProxy"):
        assert stack in out
    assert "## Import time" in out
    # every goal of issue 16 has a row, met, not met or not measured (--quick skips the
    # runtime venvs and the sandbox)
    goals = out.split("## Goals of issue 16", 1)[1].split("## Goals of issue 6", 1)[0]
    assert goals.count("| ≤ ") + goals.count("| ≥ ") == 10, goals
    # the unused-hooks rows (W1 at --quick's one concurrency, W2 at its one page size) ran
    # sessionhub before issue 13 from git history, or say that this clone lacks it
    unused = [line for line in goals.splitlines() if "unused hooks and v0.2 options" in line]
    assert [row.split(" | ")[0] for row in unused] == [
        "| unused hooks and v0.2 options, W1 c=10: sessionhub ÷ before issue 13 - 1",
        "| unused hooks and v0.2 options, W2 ps=50: sessionhub ÷ before issue 13 - 1",
    ]
    for row in unused:
        if "baseline commit not in this clone" in row:
            assert "| not measured |" in row, row
        else:
            assert "| met |" in row or "| **not met** |" in row, row
            assert " %" in row.split(" | ")[2] and "(sessionhub 0.1.0)" in row, row
            assert "sessionhub before issue 13 (8bde553)" in out.split("## W1:", 1)[1]
    assert "FAILED" not in out + done.stderr
