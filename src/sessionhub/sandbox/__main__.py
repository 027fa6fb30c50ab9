"""`python -m sessionhub.sandbox`: run the sandbox over real sockets until stopped.

    python -m sessionhub.sandbox --host 127.0.0.1 --port 8080
    python -m sessionhub.sandbox --state sandbox-state.json   # survives restarts

Port 0 picks a free port. The first line printed is the base URL, so a script that
starts the sandbox can read where it listens. `--state FILE` loads every vendor's
sessions from FILE at start (when it exists; the format of `GET /_sandbox/state`) and
writes them back on shutdown (SIGINT or SIGTERM), so a sandbox shared by a team keeps its
sessions across restarts. The control plane (faults, request log, clock, reset, state)
is served under `/_sandbox/`; docs/SANDBOX.md describes it. A host that is not a loopback address is
refused unless `--allow-remote` is given: the sandbox accepts fixed, published
credentials and must not be reachable from a network by accident.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

from ._constants import (
    EQUOS_API_KEY,
    SIPHER_API_KEY,
    SIPHER_FREE_API_KEY,
    TRINSIC_API_KEY,
    TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN,
    TWILIO_SERVICE_SID,
    VENDORS,
)
from ._server import Sandbox, is_loopback, serve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sessionhub.sandbox",
        description="Serve sessionhub's sandbox of the Trinsic, Sipher, Equos and Twilio "
        "Sessions APIs.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080, help="port to bind; 0 picks a free one")
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a host that is not a loopback address (the credentials are public)",
    )
    parser.add_argument(
        "--state",
        metavar="FILE",
        type=Path,
        help="load sessions from FILE at start (if it exists) and save them there on shutdown",
    )
    args = parser.parse_args(argv)
    if not args.allow_remote and not is_loopback(args.host):
        parser.error(
            f"{args.host} is not a loopback address; the sandbox's credentials are public, "
            "so pass --allow-remote to expose it anyway"
        )
    if not 0 <= args.port <= 65535:
        parser.error("--port must be between 0 and 65535")
    seed = None
    if args.state is not None and args.state.exists():
        try:
            seed = json.loads(args.state.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"sessionhub sandbox: cannot read {args.state}: {exc}", file=sys.stderr)
            return 1
    try:
        asyncio.run(_run(args.host, args.port, args.allow_remote, args.state, seed))
    except _BadState as exc:
        print(f"sessionhub sandbox: {args.state} is not a sandbox state: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(
            f"sessionhub sandbox: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr
        )
        return 1
    return 0


class _BadState(Exception):
    pass


async def _run(host: str, port: int, allow_remote: bool, state: Path | None, seed: Any) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with serve(host=host, port=port, allow_remote=allow_remote) as sandbox:
        if seed is not None:
            try:
                sandbox.import_state(seed)
            except ValueError as exc:
                raise _BadState(str(exc)) from None
        print(sandbox.url, flush=True)
        print(_banner(sandbox), flush=True)
        await stop.wait()
        if state is not None:
            _save(state, sandbox.export_state())
            print(f"sessionhub sandbox: state saved to {state}", flush=True)


def _save(path: Path, state: dict[str, Any]) -> None:
    """Write atomically: a crash mid-write leaves the previous file, never half of one."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(state, indent=1), encoding="utf-8")
    os.replace(temporary, path)


def _banner(sandbox: Sandbox) -> str:
    urls = "\n".join(f"  {vendor:8} {sandbox.base_url(vendor)}" for vendor in VENDORS)
    return (
        f"sessionhub sandbox listening (Ctrl-C to stop)\n{urls}\n"
        f"  control  {sandbox.control_url}/ (faults, requests, clock, reset, state)\n"
        f"credentials:\n"
        f"  trinsic  Authorization: Bearer {TRINSIC_API_KEY}\n"
        f"  sipher   X-API-Key: {SIPHER_API_KEY}  (free tier: {SIPHER_FREE_API_KEY})\n"
        f"  equos    x-api-key: {EQUOS_API_KEY}\n"
        f"  twilio   Basic {TWILIO_ACCOUNT_SID}:{TWILIO_AUTH_TOKEN}, "
        f"service {TWILIO_SERVICE_SID}"
    )


if __name__ == "__main__":
    sys.exit(main())
