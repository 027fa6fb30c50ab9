"""Import time: each statement in a fresh interpreter, minus a bare `python -c pass`.

Wall time of the whole child process (on the client core when run.py pins), statements interleaved
so that drift hits all of them alike; the median of the runs. Bytecode writing is forced on
for the children (this environment may set PYTHONDONTWRITEBYTECODE): pip compiles
twilio's .pyc files at install time, while an editable sessionhub would otherwise be
compiled from source on every run, which is not what an installed wheel costs. One
unmeasured run of each statement writes the missing .pyc files first.

"First client ready" (issue 16) is timed in two virtual environments of its own under
benchmarks/.venvs/, each holding one package and only its runtime dependencies: the
development venv has packages a user's does not (httpx's command line imports `rich` and
`click` when they are installed, about 70 ms). sessionhub is installed from this checkout
as a wheel (rebuilt every run, dependencies kept), twilio-python at the pinned version with
aiohttp, as its async client needs.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
import venv
from collections.abc import Callable
from pathlib import Path

from render import SERVICE_SID, TWILIO, session_sid

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
VENVS = BENCH / ".venvs"

STATEMENTS = {
    "bare interpreter": "pass",
    "import sessionhub": "import sessionhub",
    "import twilio.rest": "import twilio.rest",
    "sessionhub TwilioProxy ready": "from sessionhub import TwilioProxy",
    "twilio async client ready": ("import twilio.rest, twilio.http.async_http_client"),
}
BASELINE = "bare interpreter"

ACCOUNT = "AC" + "0" * 32
# Import and construct inside a running event loop (twilio's async client needs one to be
# built), nothing sent: what a service pays before its first call.
FIRST_CLIENT = {
    "sessionhub": (
        "import asyncio\n"
        "from sessionhub import TwilioProxy\n"
        "async def main():\n"
        f"    return TwilioProxy(account_sid={ACCOUNT!r}, auth_token='t' * 32)\n"
        "asyncio.run(main())"
    ),
    "twilio": (
        "import asyncio\n"
        "from twilio.rest import Client\n"
        "from twilio.http.async_http_client import AsyncTwilioHttpClient\n"
        "async def main():\n"
        f"    return Client({ACCOUNT!r}, 't' * 32, http_client=AsyncTwilioHttpClient())\n"
        "asyncio.run(main())"
    ),
}
TWILIO_RUNTIME = ("twilio==9.13.0", "aiohttp==3.14.5", "aiohttp-retry==2.9.1")


def _time_once(statement: str, env: dict[str, str], python: str = sys.executable) -> float:
    started = time.perf_counter()
    subprocess.run([python, "-c", statement], env=env, check=True)
    return time.perf_counter() - started


def _env() -> dict[str, str]:
    return {
        k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")
    }


def measure(runs: int, available: Callable[[str], bool]) -> dict[str, float]:
    """Median ms over the bare interpreter for each statement whose modules are installed."""
    env = _env()
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


def _pip(python: Path, *args: str) -> None:
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *args],
        check=True,
        capture_output=True,
        timeout=900,
    )


def runtime_venvs() -> dict[str, Path]:
    """The interpreters of the two runtime-only venvs, created (or refreshed) here."""
    pythons: dict[str, Path] = {}
    for name, requirements in (("sessionhub", ()), ("twilio", TWILIO_RUNTIME)):
        path = VENVS / name
        python = path / "bin" / "python"
        stamp = path / ".requirements"
        wanted = "\n".join(requirements)
        if not python.exists():
            venv.create(path, with_pip=True)
        if name == "sessionhub":
            # dependencies resolved from pyproject.toml; the package itself rebuilt each run
            _pip(python, str(ROOT))
            _pip(python, "--no-deps", "--force-reinstall", str(ROOT))
        elif not stamp.exists() or stamp.read_text() != wanted:
            _pip(python, *requirements)
            stamp.write_text(wanted)
        pythons[name] = python
    return pythons


def first_response_code(base_url: str) -> dict[str, str]:
    """Import, the first client built, one session fetched from the loopback server and the
    client closed: what a process pays until its first answer. sessionhub imports aiohttp
    on the first request (not when the client is built), so this is where that cost shows."""
    sid = session_sid(0)
    return {
        "sessionhub": (
            "import asyncio\n"
            "from sessionhub import TwilioProxy\n"
            "async def main():\n"
            f"    client = TwilioProxy(account_sid={ACCOUNT!r}, auth_token='t' * 32,\n"
            f"                         base_url={base_url!r})\n"
            f"    session = await client.sessions.get({SERVICE_SID!r}, {sid!r})\n"
            f"    assert session.sid == {sid!r}\n"
            "    await client.aclose()\n"
            "asyncio.run(main())"
        ),
        "twilio": (
            "import asyncio\n"
            "from twilio.rest import Client\n"
            "from twilio.http.async_http_client import AsyncTwilioHttpClient\n"
            "class Loopback(AsyncTwilioHttpClient):\n"  # as stacks/twilio_python.py does
            "    async def request(self, method, url, *args, **kwargs):\n"
            f"        url = url.replace({TWILIO!r}, {base_url!r}, 1)\n"
            "        return await super().request(method, url, *args, **kwargs)\n"
            "async def main():\n"
            "    http = Loopback()\n"
            f"    client = Client({ACCOUNT!r}, 't' * 32, http_client=http)\n"
            f"    session = await client.proxy.v1.services({SERVICE_SID!r}).sessions({sid!r})"
            ".fetch_async()\n"
            f"    assert session.sid == {sid!r}\n"
            "    await http.close()\n"
            "asyncio.run(main())"
        ),
    }


def first_client_ready(runs: int, base_url: str | None = None) -> dict[str, float]:
    """Median ms over each venv's bare interpreter: import plus the first client built
    (keys "sessionhub", "twilio") and, given the loopback server's `base_url`, also until
    the first response (keys "sessionhub first response", "twilio first response")."""
    env = _env()
    pythons = runtime_venvs()
    statements = {name: {name: FIRST_CLIENT[name]} for name in pythons}
    if base_url is not None:
        for name, code in first_response_code(base_url).items():
            statements[name][f"{name} first response"] = code
    jobs = [
        (key, str(pythons[name]), code)
        for name in pythons
        for key, code in {f"{name} bare": "pass", **statements[name]}.items()
    ]
    for _, python, code in jobs:
        _time_once(code, env, python)  # compiles .pyc files; not measured
    samples: dict[str, list[float]] = {key: [] for key, _, _ in jobs}
    for _ in range(runs):
        for key, python, code in jobs:
            samples[key].append(_time_once(code, env, python))
    return {
        key: (statistics.median(samples[key]) - statistics.median(samples[f"{name} bare"])) * 1000
        for name in pythons
        for key in statements[name]
    }
