"""Import time: each statement in a fresh interpreter, minus a bare `python -c pass`.

Wall time of the whole child process (on the client core when run.py pins), statements interleaved
so that drift hits all of them alike; the median of the runs. Bytecode writing is forced on
for the children (this environment may set PYTHONDONTWRITEBYTECODE): pip compiles
twilio's .pyc files at install time, while an editable sessionhub would otherwise be
compiled from source on every run, which is not what an installed wheel costs. One
unmeasured run of each statement writes the missing .pyc files first.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

STATEMENTS = {
    "bare interpreter": "pass",
    "import sessionhub": "import sessionhub",
    "import twilio.rest": "import twilio.rest",
    "sessionhub TwilioProxy ready": "from sessionhub import TwilioProxy",
    "twilio async client ready": ("import twilio.rest, twilio.http.async_http_client"),
}
BASELINE = "bare interpreter"


def _time_once(statement: str, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", statement], env=env, check=True)
    return time.perf_counter() - started


def measure(runs: int, available: Callable[[str], bool]) -> dict[str, float]:
    """Median ms over the bare interpreter for each statement whose modules are installed."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    statements = {
        name: code
        for name, code in STATEMENTS.items()
        if name == BASELINE or available("twilio" if "twilio" in code else "sessionhub")
    }
    if runs > 1:
        for code in statements.values():
            _time_once(code, env)  # writes .pyc files; not measured
    samples: dict[str, list[float]] = {name: [] for name in statements}
    for _ in range(runs):
        for name, code in statements.items():
            samples[name].append(_time_once(code, env))
    base = statistics.median(samples[BASELINE])
    result = {BASELINE: base * 1000}
    for name, values in samples.items():
        if name != BASELINE:
            result[name] = (statistics.median(values) - base) * 1000
    return result
