"""benchmarks/imports.py's first-response statements really fetch a session (so the timing
cannot silently measure a failure), and the report shows the first-response ratio next to
the first-client goal. Nothing here looks at how fast anything was."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCH))

import imports  # noqa: E402
import report  # noqa: E402
import server  # noqa: E402
from render import render  # noqa: E402


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    work = tmp_path_factory.mktemp("bench")
    port = server.free_port()
    url = f"http://{server.HOST}:{port}"
    render(work / "site", url, total=100, fetch=5, page_sizes=(50,))
    srv = server.start(work, port, "python")
    try:
        yield url
    finally:
        srv.stop()


@pytest.mark.slow  # child processes
@pytest.mark.parametrize("stack", ["sessionhub", "twilio"])
def test_the_first_response_statement_fetches_a_session(base_url: str, stack: str) -> None:
    if stack == "twilio" and importlib.util.find_spec("twilio") is None:
        pytest.skip("twilio-python is not installed (benchmarks/requirements.txt)")
    code = imports.first_response_code(base_url)[stack]
    done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    wrong = code.replace(imports.session_sid(0), imports.session_sid(99_999))
    failed = subprocess.run(
        [sys.executable, "-c", wrong], check=False, capture_output=True, text=True
    )
    assert failed.returncode != 0  # an unknown session: the statement fails, not times it


def test_the_first_client_goal_shows_the_first_response_ratio() -> None:
    detail = report._first_client_detail(
        {
            "sessionhub": 150.0,
            "twilio": 300.0,
            "sessionhub first response": 330.0,
            "twilio first response": 300.0,
        }
    )
    assert detail == "150 ms ÷ 300 ms; until the first response: 330 ms ÷ 300 ms = 1.10x"
    assert report._first_client_detail({"sessionhub": 1.0, "twilio": 2.0}) == "1 ms ÷ 2 ms"
    assert report._first_client_detail({}) == ""
