"""sessionhub's benchmark suite (issues 6 and 16): `make bench`, or

    .venv/bin/python benchmarks/run.py            # the full suite, writes benchmarks/RESULTS.md
    .venv/bin/python benchmarks/run.py --quick    # seconds: tiny counts, one run, no file

Starts a loopback fake Twilio Proxy (nginx when installed, else a Python server) pinned to
one core, runs every stack in its own process pinned to the other, several times, and
prints the medians, the ratios against raw aiohttp and twilio-python, and each goal of
issues 16 and 6 as met or not met. README.md says what is measured and how.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import baseline
import imports
import report
import server
from render import render
from report import BASELINE_KEY, Cell, StackDef

BENCH = Path(__file__).resolve().parent
SERVER_CPU, CLIENT_CPU = 0, 1

STACKS = (
    StackDef("aiohttp", "raw aiohttp + json", "raw_aiohttp", needs=("aiohttp",)),
    StackDef("httpx", "raw httpx + json (stock pool)", "raw_httpx"),
    StackDef(
        "httpx-aio",
        "raw httpx + json on AiohttpTransport",
        "raw_httpx",
        "aiohttp",
        needs=("httpx_aiohttp",),
    ),
    StackDef("twilio", "twilio-python 9.13 async", "twilio_python", needs=("twilio", "aiohttp")),
    StackDef(
        "generated",
        "generated functions (httpx on aiohttp)",
        "generated",
        needs=("_sessionhub_generated.twilio_proxy", "httpx_aiohttp"),
    ),
    StackDef(
        "sessionhub",
        "sessionhub TwilioProxy (default sender)",
        "sessionhub_twilio",
        needs=("sessionhub.twilio",),
    ),
    # The same stack script on sessionhub before issue 13 (baseline.py): the goal "hooks and
    # options cost <= 2 % when unused". Only the cells that goal names (W1 c=50, W2).
    StackDef(
        BASELINE_KEY,
        f"sessionhub before issue 13 ({baseline.BASELINE_COMMIT[:7]})",
        "sessionhub_twilio",
        needs=("sessionhub.twilio",),
        baseline=True,
    ),
    # --candidates: the transports sessionhub could default to.
    StackDef(
        "sh-aio",
        "sessionhub on AiohttpTransport",
        "sessionhub_twilio",
        "aiohttp",
        needs=("sessionhub.twilio", "httpx_aiohttp"),
        candidate=True,
    ),
    StackDef(
        "sh-keepalive",
        "sessionhub on stock pool, 100 keep-alive",
        "sessionhub_twilio",
        "keepalive",
        needs=("sessionhub.twilio",),
        candidate=True,
    ),
)
MEMORY_STACKS = ("aiohttp", "twilio", "generated", "sessionhub")
QUICK_MEMORY_STACKS = ("sessionhub",)


@dataclass(frozen=True)
class Config:
    requests: int
    concurrency: tuple[int, ...]
    page_sizes: tuple[int, ...]
    memory_page_size: int
    total: int
    pool: int
    runs: int
    import_runs: int
    quick: bool
    # runs of each (sessionhub, baseline) pair (>= runs): the goal they measure is +2 %
    pair_runs: int = 1
    only: frozenset[Cell] | None = None  # --cells: run only these (None: all)


FULL = Config(
    5000, (1, 10, 50, 200, 1000), (50, 1000), 1000, 100_000, 5000, 3, 15, quick=False, pair_runs=5
)
QUICK = Config(40, (10,), (50,), 50, 300, 100, 1, 1, quick=True)


def installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:  # a parent package is missing
        return False


def ensure_nginx(allow_install: bool) -> None:
    """Install Debian's nginx-light when possible (root, apt-get); otherwise say why not."""
    if server.find_nginx() or not allow_install:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        print("nginx is not installed (and cannot be installed here): using the Python server")
        return
    print("nginx is not installed: trying `apt-get install nginx-light` ...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "nginx-light"]
    for step in (install, ["apt-get", "update", "-q"], install):
        done = subprocess.run(step, env=env, capture_output=True, timeout=600, check=False)
        if step is install and done.returncode == 0:
            return
    print("apt-get could not install nginx: using the Python server")


def run_cell(
    stack: StackDef,
    cell: Cell,
    cfg: Config,
    base_url: str,
    env: dict[str, str] | None = None,
) -> dict[str, Any]:
    cmd = [
        sys.executable,
        "-m",
        f"stacks.{stack.module}",
        "--base-url",
        base_url,
        "--pool",
        str(cfg.pool),
        "--total",
        str(cfg.total),
    ]
    if stack.option:
        cmd += ["--option", stack.option]
    if cell.workload == "W1":
        cmd += [
            "--workload",
            "fetch",
            "--requests",
            str(cfg.requests),
            "--concurrency",
            str(cell.level),
        ]
    else:
        cmd += ["--workload", "list", "--page-size", str(cell.level)]
        if cell.workload == "one page":
            cmd += ["--limit", str(cell.level)]
        elif cell.workload == "accumulate":
            cmd += ["--mode", "accumulate"]
    done = subprocess.run(
        cmd, cwd=BENCH, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{stack.label} {cell}: exit {done.returncode}\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def baseline_cells(cfg: Config) -> list[Cell]:
    """The cells of the unused-hooks goal: W1 at c=50 (else the highest level) and W2."""
    w1 = 50 if 50 in cfg.concurrency else cfg.concurrency[-1]
    return [Cell("W1", w1), *(Cell("W2", p) for p in cfg.page_sizes)]


def plan(stacks: list[StackDef], cfg: Config) -> list[tuple[StackDef, Cell]]:
    """Every (stack, cell) of one run, in order. A baseline stack's cell comes right after
    sessionhub's same cell, so the pair sees the same machine (measure() swaps each pair
    on every other run, so that neither always goes first)."""
    plain = [s for s in stacks if not s.baseline]
    paired = [s for s in stacks if s.baseline]
    cells = [(s, Cell("W1", c)) for s in plain for c in cfg.concurrency]
    cells += [(s, Cell("W2", p)) for s in plain for p in cfg.page_sizes]
    for stack in paired:
        for cell in baseline_cells(cfg):
            now = next(
                (i for i, (s, c) in enumerate(cells) if s.key == "sessionhub" and c == cell), None
            )
            if now is None:  # sessionhub itself is not being run: at the end
                cells.append((stack, cell))
            else:
                cells.insert(now + 1, (stack, cell))
    memory = [s for s in plain if s.key in (QUICK_MEMORY_STACKS if cfg.quick else MEMORY_STACKS)]
    for mode in ("one page", "accumulate"):
        cells += [(s, Cell(mode, cfg.memory_page_size)) for s in memory]
    return [sc for sc in cells if cfg.only is None or sc[1] in cfg.only]


def parse_cells(text: str) -> frozenset[Cell]:
    """`W1:50,W2:1000` -> those cells (the memory ones are `one page:1000`, `accumulate:1000`)."""
    cells = set()
    for item in text.split(","):
        workload, _, level = item.strip().rpartition(":")
        if workload not in ("W1", "W2", "one page", "accumulate") or not level.isdigit():
            raise argparse.ArgumentTypeError(f"not a cell: {item!r} (e.g. W1:50 or W2:1000)")
        cells.add(Cell(workload, int(level)))
    return frozenset(cells)


def _swap_pairs(cells: list[tuple[StackDef, Cell]]) -> list[tuple[StackDef, Cell]]:
    """The same cells with each (sessionhub, baseline) pair in the other order."""
    out = list(cells)
    for i in range(len(out) - 1):
        (a, cell_a), (b, cell_b) = out[i], out[i + 1]
        if a.key == "sessionhub" and b.baseline and cell_a == cell_b:
            out[i], out[i + 1] = out[i + 1], out[i]
    return out


def measure(
    stacks: list[StackDef],
    cfg: Config,
    base_url: str,
    repeat_limit_s: float,
    base: baseline.Baseline | None = None,
) -> tuple[dict[tuple[str, Cell], list[dict[str, Any]]], list[str]]:
    """Every cell `cfg.runs` times, interleaved run by run so drift spreads over all stacks.

    A cell whose first run took longer than `repeat_limit_s` is measured once (the table
    marks it): httpx's stock pool at high concurrency would otherwise take most of the time.
    --quick runs its cells side by side: it only checks that everything works.
    A baseline stack's processes run with `base`'s environment (its sessionhub first).
    """
    results: dict[tuple[str, Cell], list[dict[str, Any]]] = {}
    failures: list[str] = []
    cells = plan(stacks, cfg)

    def one(run: int, stack: StackDef, cell: Cell) -> None:
        started = time.perf_counter()
        try:
            env = base.env() if stack.baseline and base is not None else None
            result = run_cell(stack, cell, cfg, base_url, env)
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            failures.append(str(exc))
            print(f"  FAILED {stack.label} {cell}: {str(exc).splitlines()[0]}", flush=True)
            return
        results.setdefault((stack.key, cell), []).append(result)
        print(
            f"  run {run + 1}/{max(cfg.runs, cfg.pair_runs)} {stack.label:44} {cell!s:18} "
            f"cpu {result['cpu_s']:7.3f}s  ({time.perf_counter() - started:5.1f}s)",
            flush=True,
        )

    paired = {(s.key, c) for s, c in cells if s.baseline}
    paired |= {("sessionhub", c) for _, c in paired}
    for run in range(max(cfg.runs, cfg.pair_runs)):
        todo = [
            (stack, cell)
            for stack, cell in (_swap_pairs(cells) if run % 2 else cells)
            if (run < cfg.runs or (stack.key, cell) in paired)
            and (
                not run
                or (
                    (stack.key, cell) in results
                    and results[stack.key, cell][0]["wall_s"] <= repeat_limit_s
                )
            )
        ]
        with ThreadPoolExecutor(max_workers=4 if cfg.quick else 1) as pool:
            list(pool.map(lambda sc, r=run: one(r, *sc), todo))
    return results, failures


def _page_body_mib(folder: Path) -> float | None:
    """The mean size of one page's body as served from `folder` (`<page>.json`), the last
    page left out when there are others (it may be short): the streaming goal's divisor."""
    pages = sorted(folder.glob("*.json"), key=lambda p: int(p.stem))
    if len(pages) > 1:
        pages = pages[:-1]
    if not pages:
        return None
    return statistics.mean(p.stat().st_size for p in pages) / (1024 * 1024)


def sandbox_rps(runs: int, requests: int) -> list[tuple[float, float]]:
    """`sandbox_rps.py` (issue 14's script) `runs` times: (requests/s, per CPU-second)."""
    figures = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "sandbox_rps.py", "--json", "--requests", str(requests)],
            cwd=BENCH,
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
        line = json.loads(done.stdout.strip().splitlines()[-1])
        figures.append((float(line["rps"]), float(line["per_cpu_second"])))
        print(
            f"  sandbox: {figures[-1][0]:,.0f} req/s, {figures[-1][1]:,.0f} per CPU-s", flush=True
        )
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="tiny counts, one run, no pinning")
    parser.add_argument("--server", choices=("auto", "nginx", "python"), default="auto")
    parser.add_argument(
        "--no-install", action="store_true", help="never apt-get install nginx when it is missing"
    )
    parser.add_argument(
        "--runs",
        type=int,
        help="runs per cell (default 3, and 5 for the cells the unused-hooks goal compares; "
        "--quick 1)",
    )
    parser.add_argument("--stacks", help="comma-separated stack keys (default: all installed)")
    parser.add_argument(
        "--cells", type=parse_cells, help="only these cells, e.g. W1:50,W2:50,W2:1000"
    )
    parser.add_argument(
        "--cpu-only",
        action="store_true",
        help="only the stacks' cells: no import time, first client or sandbox throughput",
    )
    parser.add_argument(
        "--candidates",
        action="store_true",
        help="also the candidate transports for sessionhub's default",
    )
    parser.add_argument(
        "--repeat-limit",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="measure a cell once when its first run takes longer",
    )
    parser.add_argument(
        "--results",
        type=Path,
        help="write the report here (default: benchmarks/RESULTS.md; a partial run, "
        "--quick, --stacks, --cells or --cpu-only, writes nothing unless given)",
    )
    parser.add_argument("--json", type=Path, help="also dump every raw measurement as JSON")
    args = parser.parse_args()

    cfg = QUICK if args.quick else FULL
    if args.runs:
        cfg = Config(**{**cfg.__dict__, "runs": args.runs, "pair_runs": args.runs})
    if args.cells:
        cfg = Config(**{**cfg.__dict__, "only": args.cells})
    pin = not cfg.quick and hasattr(os, "sched_setaffinity") and len(os.sched_getaffinity(0)) >= 2
    wanted = set(args.stacks.split(",")) if args.stacks else None
    stacks, skipped = [], []
    for stack in STACKS:
        if (wanted and stack.key not in wanted) or (
            stack.candidate and not args.candidates and not wanted
        ):
            continue
        missing = [m for m in stack.needs if not installed(m)]
        (
            skipped.append(f"{stack.label} (missing {', '.join(missing)})")
            if missing
            else stacks.append(stack)
        )
    base: baseline.Baseline | None = None
    baseline_note = ""
    broken: list[str] = []  # a baseline that should run but does not: the run fails
    if any(s.baseline for s in stacks):
        try:
            prepared = baseline.prepare()
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
            broken.append(f"baseline {baseline.BASELINE_COMMIT[:7]}: {exc}")
            prepared = f"not measured: the baseline failed ({str(exc).splitlines()[0]})"
        if isinstance(prepared, str):
            baseline_note = prepared
            stacks = [s for s in stacks if not s.baseline]
            skipped.append(f"sessionhub before issue 13 ({prepared})")
        else:
            base = prepared
            print(f"baseline: sessionhub {base.label} from {base.root}", flush=True)
    if not args.quick and not args.no_install and args.server != "python":
        ensure_nginx(allow_install=True)

    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    work = BENCH / ".work" / f"run-{os.getpid()}"
    port = server.free_port()
    base_url = f"http://{server.HOST}:{port}"
    print(f"rendering {cfg.total:,} sessions ...", flush=True)
    render(
        work / "site",
        base_url,
        total=cfg.total,
        fetch=cfg.pool,
        page_sizes=tuple(sorted({*cfg.page_sizes, cfg.memory_page_size})),
    )
    page_body_mib = _page_body_mib(work / "site" / "pages" / str(cfg.memory_page_size))
    if pin:
        server.pin(SERVER_CPU)  # the server inherits this affinity ...
    srv = server.start(work, port, args.server)
    if pin:
        server.pin(CLIENT_CPU)  # ... and every client process, and the import timing, this one
    print(
        f"server: {srv.kind} ({srv.version}) on {base_url}"
        f"{f', pinned to CPU {SERVER_CPU}' if pin else ', not pinned'}; "
        f"clients {f'pinned to CPU {CLIENT_CPU}' if pin else 'not pinned'}",
        flush=True,
    )
    for line in skipped:
        print(f"skipped: {line}")
    try:
        results, failures = measure(stacks, cfg, base_url, args.repeat_limit, base)
        failures += broken
        first_client: dict[str, float] = {}
        if not cfg.quick and not args.cpu_only:  # needs venvs of its own: not for --quick
            print("first client ready and first response, in runtime-only venvs ...", flush=True)
            first_client = imports.first_client_ready(cfg.import_runs, base_url)
    finally:
        srv.stop()
        shutil.rmtree(work, ignore_errors=True)
    import_ms: dict[str, float] = {}
    if not args.cpu_only:
        print("import time ...", flush=True)
        import_ms = imports.measure(cfg.import_runs, installed)
    rps: list[tuple[float, float]] = []
    # a sandbox of its own: not for --quick
    if (
        not cfg.quick
        and not args.cpu_only
        and installed("sessionhub.sandbox")
        and installed("uvicorn")
    ):
        print("sandbox throughput ...", flush=True)
        rps = sandbox_rps(cfg.runs, 10_000)
    elapsed = time.perf_counter() - started

    medians = {key: statistics.median(r["cpu_s"] for r in runs) for key, runs in results.items()}
    text = report.render_report(
        stacks=stacks,
        results=results,
        medians=medians,
        import_ms=import_ms,
        meta=report.Meta(
            server=f"{srv.kind} ({srv.version})",
            pinned=pin,
            runs=cfg.runs,
            requests=cfg.requests,
            total=cfg.total,
            skipped=skipped,
            elapsed_s=elapsed,
            date=dt.datetime.now(dt.UTC),
            quick=args.quick,
            import_runs=cfg.import_runs,
            repeat_limit_s=args.repeat_limit,
            load=(load_before, os.getloadavg()[0]),
            first_client_ms=first_client,
            sandbox_rps=rps,
            baseline=base.label if base is not None else "",
            baseline_note=baseline_note,
            page_body_mib=page_body_mib,
        ),
        concurrency=cfg.concurrency,
        page_sizes=cfg.page_sizes,
        memory_page_size=cfg.memory_page_size,
    )
    print()
    print(text)
    # Only a whole run rewrites RESULTS.md; a partial one (--quick, --stacks, --cells,
    # --cpu-only) writes only where --results says.
    partial = args.quick or args.stacks or args.cells or args.cpu_only
    target = args.results or (None if partial else BENCH / "RESULTS.md")
    if target:
        target.write_text(text)
        print(f"wrote {target}")
    if args.json:
        rows = [
            {"stack": k[0], "workload": k[1].workload, "level": k[1].level, "runs": v}
            for k, v in results.items()
        ]
        args.json.write_text(
            json.dumps(
                {
                    "cells": rows,
                    "import_ms": import_ms,
                    "first_client_ms": first_client,
                    "sandbox_rps": rps,
                },
                indent=1,
            )
        )
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
