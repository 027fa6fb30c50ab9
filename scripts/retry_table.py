"""The README's retry table, generated from the code so it cannot go stale.

    python scripts/retry_table.py           # print it
    python scripts/retry_table.py --write   # replace the block between the README markers

Each cell asks the request loop's own policy (`sessionhub._retry.retry_reason_for_status`
and `BaseClient._transport_retry_reason`) about every operation the vendor modules define;
tests/test_docs.py fails when the README's copy differs.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

import httpx

from sessionhub._client import BaseClient
from sessionhub._operation import Operation
from sessionhub._registry import VENDORS
from sessionhub._retry import retry_reason_for_status

README = Path(__file__).resolve().parents[1] / "README.md"
START = "<!-- retry-table:start (scripts/retry_table.py --write) -->"
END = "<!-- retry-table:end -->"

# (column, what fails): transport failures as the senders raise them, then statuses
FAILURES: list[tuple[str, object]] = [
    ("connect error / timeout", httpx.ConnectError("x")),
    ("reset, dropped, read timeout", httpx.ReadError("x")),
    ("408", 408),
    ("429", 429),
    ("500-599", 503),
    ("other 4xx", 409),
]


def operations() -> list[tuple[type[BaseClient], Operation]]:
    found = []
    for info in VENDORS:
        module = importlib.import_module(f"sessionhub._vendors.{info.module.rsplit('.', 1)[1]}")
        client = getattr(module, info.client)
        found += [(client, v) for v in vars(module).values() if isinstance(v, Operation)]
    return found


def cell(client: type[BaseClient], op: Operation, failure: object) -> str:
    if isinstance(failure, int):
        reason = retry_reason_for_status(
            failure, idempotent=op.idempotent, safe_statuses=client._not_processed_statuses
        )
    else:
        assert isinstance(failure, Exception)
        reason = BaseClient._transport_retry_reason(op, failure)
    return "retried" if reason is not None else "no"


def retry_table() -> str:
    head = ["vendor", "operation", "idempotent", *(name for name, _ in FAILURES)]
    rows = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for client, op in operations():
        cells = [cell(client, op, failure) for _, failure in FAILURES]
        idempotent = "yes" if op.idempotent else "no"
        rows.append(f"| {op.vendor} | `{op.name}` | {idempotent} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def readme_with_table(text: str) -> str:
    before, start, rest = text.partition(START)
    _, end, after = rest.partition(END)
    if not start or not end:
        raise SystemExit(f"README.md has no {START} ... {END} block")
    return f"{before}{START}\n{retry_table()}\n{END}{after}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update README.md in place")
    args = parser.parse_args(argv)
    if args.write:
        README.write_text(readme_with_table(README.read_text()))
    else:
        print(retry_table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
