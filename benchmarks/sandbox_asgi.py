"""CPU per request of the sandbox's app itself, called in-process over ASGI (no sockets, no
server, no client): what request validation and the handlers cost, steady on a machine
shared with other work, where benchmarks/sandbox_rps.py's wall-clock figures are not.

    .venv/bin/python benchmarks/sandbox_asgi.py            # median of 5 rounds of 4,000

Prints microseconds of CPU per request and the requests per CPU-second that makes, for a
Twilio fetch and for each vendor's create.
"""

from __future__ import annotations

import asyncio
import base64
import json
import statistics
import time
from typing import Any

from sessionhub.sandbox import create_app

SERVICE = "KS00000000000000000000000000000000"
_BASIC = base64.b64encode(b"AC00000000000000000000000000000000:sandbox-twilio")
TWILIO = [(b"authorization", b"Basic " + _BASIC)]
FORM = [(b"content-type", b"application/x-www-form-urlencoded")]
JSON = [(b"content-type", b"application/json")]
AVATAR = {"identity": "a", "name": "A", "refImage": "https://example.invalid/a.png"}


async def call(
    app: Any, method: str, path: str, headers: list[Any], body: bytes = b""
) -> tuple[int, bytes]:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [
            (b"host", b"127.0.0.1"),
            *headers,
            (b"content-length", str(len(body)).encode()),
        ],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    sent = False
    status = 0
    chunks: list[bytes] = []

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        else:
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(chunks)


async def main() -> None:
    app = create_app()
    sessions = f"/twilio/v1/Services/{SERVICE}/Sessions"
    workloads = {
        "twilio fetch": ("GET", sessions + "/{sid}", TWILIO, b"", 200),
        "twilio create": ("POST", sessions, TWILIO + FORM, b"Ttl=60&Mode=message-only", 201),
        "sipher create": (
            "POST",
            "/sipher/v1/sessions",
            [(b"x-api-key", b"sandbox-sipher"), *JSON],
            json.dumps({"defaults": {"chain": "solana"}, "ttlSeconds": 600}).encode(),
            201,
        ),
        "trinsic create": (
            "POST",
            "/trinsic/v1/sessions",
            [(b"authorization", b"Bearer sandbox-trinsic"), *JSON],
            json.dumps({"verifications": [{"type": "GovernmentId"}]}).encode(),
            200,
        ),
        "equos create": (
            "POST",
            "/equos/v3/sessions",
            [(b"x-api-key", b"sandbox-equos"), *JSON],
            json.dumps({"name": "bench", "avatar": AVATAR, "client": "u1"}).encode(),
            201,
        ),
    }
    rounds, count = 5, 4000
    for name, (method, path, headers, body, expected) in workloads.items():
        medians = []
        for _ in range(rounds):
            app.reset()  # a create workload must not grow the state round after round
            status, created = await call(app, "POST", sessions, TWILIO + FORM, b"")
            assert status == 201
            target = path.format(sid=json.loads(created)["sid"])
            start = time.process_time()
            for _ in range(count):
                status, _ = await call(app, method, target, headers, body)
            medians.append((time.process_time() - start) / count)
            assert status == expected, (name, status)
        per = statistics.median(medians)
        print(f"{name:15} {per * 1e6:6.1f} us CPU per request, {1 / per:7,.0f} per CPU-second")


if __name__ == "__main__":
    asyncio.run(main())
