"""The unused-hooks goal again, in instructions: load-independent, not part of `make bench`.

    .venv/bin/python benchmarks/instructions.py          # needs valgrind; about 5 minutes

CPU time on a shared 2-core machine spreads by tens of percent between runs, too much for a
2 % goal. Here each stack process runs under callgrind (`valgrind --tool=callgrind`), which
counts the instructions the process executes, whatever else the machine does (repeatable
to about 0.1 % here with PYTHONHASHSEED fixed). A process's count includes its imports and
warm-up, so each cell runs at two sizes and the difference, divided by the extra calls or
items, is the marginal cost of one. Instructions are not time (cache misses, branch
mispredictions), but for two versions of the same code path they say where the cost moved;
`make bench`'s row stays the CPU time the goal is stated in.

The same stack script, server and baseline as `run.py` (see README.md, "Hooks and options,
unused"): sessionhub now ÷ sessionhub at `baseline.BASELINE_COMMIT`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import baseline
import server
from render import render

BENCH = Path(__file__).resolve().parent
# (label, unit, stack arguments, small size, big size): `{n}` is the size
CELLS = (
    (
        "W1 c=50",
        "call",
        ["--workload", "fetch", "--concurrency", "50", "--requests", "{n}"],
        200,
        1200,
    ),
    ("W2 ps=50", "item", ["--workload", "list", "--page-size", "50", "--limit", "{n}"], 1000, 6000),
    (
        "W2 ps=1000",
        "item",
        ["--workload", "list", "--page-size", "1000", "--limit", "{n}"],
        2000,
        12000,
    ),
)
TOTAL = 20_000


def instructions(args: list[str], env: dict[str, str], out: Path) -> int:
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}",
            sys.executable,
            "-m",
            "stacks.sessionhub_twilio",
            *args,
        ],
        cwd=BENCH,
        env={**env, "PYTHONHASHSEED": "0"},
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if done.returncode != 0 or not found:
        raise RuntimeError(f"{args}: exit {done.returncode}\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reps", type=int, default=1, help="measure each count this many times")
    parser.add_argument("--only", help="only the cells whose label starts so, e.g. W1")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    base = baseline.prepare()
    if isinstance(base, str):
        print(base, file=sys.stderr)
        return 2
    print(f"baseline: sessionhub {base.label}", flush=True)
    pinned = hasattr(os, "sched_setaffinity") and len(os.sched_getaffinity(0)) >= 2
    (BENCH / ".work").mkdir(exist_ok=True)  # git-ignored
    with tempfile.TemporaryDirectory(prefix="instructions-", dir=BENCH / ".work") as tmp:
        work = Path(tmp)
        port = server.free_port()
        url = f"http://{server.HOST}:{port}"
        render(work / "site", url, total=TOTAL, fetch=5000, page_sizes=(50, 1000))
        if pinned:
            server.pin(0)
        srv = server.start(work, port, "auto")
        if pinned:
            server.pin(1)
        try:
            print(f"server: {srv.kind} on {url}", flush=True)
            envs = {"now": dict(os.environ), "before": base.env()}
            print("| cell | now | before | now ÷ before - 1 |\n| --- | --- | --- | --- |")
            for label, unit, template, small, big in CELLS:
                if args.only and not label.startswith(args.only):
                    continue
                per: dict[str, list[float]] = {"now": [], "before": []}
                for _ in range(args.reps):
                    for name, env in envs.items():
                        counts = []
                        for n in (small, big):
                            cell = [a.replace("{n}", str(n)) for a in template]
                            cmd = ["--base-url", url, "--total", str(TOTAL), *cell]
                            counts.append(instructions(cmd, env, work / f"cg.{name}.{n}"))
                        per[name].append((counts[1] - counts[0]) / (big - small))
                now, before = (statistics.median(per[k]) for k in ("now", "before"))
                each = ", ".join(f"{a / b - 1:+.2%}" for a, b in zip(*per.values(), strict=True))
                print(
                    f"| {label} | {now:,.0f} per {unit} | {before:,.0f} per {unit} "
                    f"| {now / before - 1:+.2%} (each rep: {each}) |",
                    flush=True,
                )
        finally:
            srv.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
