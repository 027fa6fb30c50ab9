"""The memory-bomb cases, run in a child process under an address-space limit
(RLIMIT_AS), so that a regression fails the test instead of taking the machine down.

    python -m tests.hostile._bomb SENDER GZIP_BOMB_FILE DEFLATE_BOMB_FILE

Prints one JSON object per case: the exception class and message, the elapsed seconds, the
growth of the peak RSS, and how many bytes the server managed to send before the client
hung up.
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from ._server import client_for, serve

HEADROOM = 512 * 1024 * 1024  # address space allowed beyond what the child has mapped
BLOCK = b" " * 65536


def _limit_address_space() -> None:
    status = Path("/proc/self/status").read_text()
    vm_kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmSize"))
    limit = vm_kb * 1024 + HEADROOM
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _peak_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class Stream:
    """A handler that sends a head and then blocks until the client hangs up (or `total`
    bytes), counting what it sent."""

    def __init__(self, head: bytes, blocks: Any) -> None:
        self.head = head
        self.blocks = blocks
        self.sent = 0

    async def __call__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(self.head)
        for block in self.blocks():
            writer.write(block)
            self.sent += len(block)
            await writer.drain()  # raises once the client has closed the connection


def _cases(gzip_bomb: bytes, deflate_bomb: bytes) -> dict[str, Stream]:
    json_head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"

    def once(data: bytes) -> Any:
        return lambda: (data[i : i + 65536] for i in range(0, len(data), 65536))

    def forever(block: bytes) -> Any:
        def blocks() -> Any:
            while True:
                yield block

        return blocks

    def sized(total: int) -> Any:
        return lambda: (BLOCK for _ in range(total // len(BLOCK)))

    return {
        "gzip-1GiB": Stream(
            json_head + b"Content-Encoding: gzip\r\nContent-Length: %d\r\n\r\n" % len(gzip_bomb),
            once(gzip_bomb),
        ),
        "deflate-256MiB": Stream(
            json_head
            + b"Content-Encoding: deflate\r\nContent-Length: %d\r\n\r\n" % len(deflate_bomb),
            once(deflate_bomb),
        ),
        "500MB-body": Stream(json_head + b"Content-Length: 500000000\r\n\r\n", sized(500_000_000)),
        "500MB-error-body": Stream(
            b"HTTP/1.1 500 Oops\r\nContent-Type: text/plain\r\nContent-Length: 500000000\r\n\r\n",
            sized(500_000_000),
        ),
        "500MB-until-close": Stream(json_head + b"Connection: close\r\n\r\n", sized(500_000_000)),
        "endless-chunked": Stream(
            json_head + b"Transfer-Encoding: chunked\r\n\r\n",
            forever(b"10000\r\n" + BLOCK + b"\r\n"),
        ),
    }


async def _run(sender: str, gzip_bomb: bytes, deflate_bomb: bytes) -> None:
    baseline = _peak_kb()
    for name, handler in _cases(gzip_bomb, deflate_bomb).items():
        async with serve(handler) as server:
            async with client_for("trinsic", sender, server.url, timeout=20) as client:
                started = time.monotonic()
                outcome: dict[str, Any]
                try:
                    await client.sessions.get("session-1")
                    outcome = {"error": None}
                except BaseException as exc:  # what escaped is the result
                    outcome = {"error": type(exc).__name__, "message": str(exc)[:300]}
                outcome["elapsed"] = time.monotonic() - started
            await asyncio.sleep(0.05)  # let the server see the hang-up
        outcome.update(
            case=name,
            sent=handler.sent,
            requests=len(server.requests),
            peak_growth_mb=(_peak_kb() - baseline) / 1024,
        )
        print(json.dumps(outcome), flush=True)


def main() -> None:
    sender, gzip_file, deflate_file = sys.argv[1:4]
    gzip_bomb = Path(gzip_file).read_bytes()
    deflate_bomb = Path(deflate_file).read_bytes()
    _limit_address_space()
    asyncio.run(_run(sender, gzip_bomb, deflate_bomb))


if __name__ == "__main__":
    main()
