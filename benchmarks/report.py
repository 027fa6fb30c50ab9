"""The Markdown report: medians, ratios, the goals of issues 16 and 6, and the machine."""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

PACKAGES = (
    "sessionhub",
    "httpx",
    "httpcore",
    "anyio",
    "attrs",
    "aiohttp",
    "httpx-aiohttp",
    "twilio",
)


@dataclass(frozen=True)
class StackDef:
    key: str
    label: str
    module: str
    option: str | None = None
    needs: tuple[str, ...] = ()
    candidate: bool = False
    baseline: bool = False  # runs on sessionhub before issue 13 (baseline.py)


# The stack of sessionhub before issue 13, against which the unused hooks/options are costed.
BASELINE_KEY = "sh-base"


@dataclass(frozen=True, order=True)
class Cell:
    workload: str  # W1 | W2 | one page | accumulate
    level: int  # concurrency for W1, PageSize otherwise

    def __str__(self) -> str:
        return (
            f"{self.workload} c={self.level}"
            if self.workload == "W1"
            else (f"{self.workload} ps={self.level}")
        )


@dataclass
class Meta:
    server: str
    pinned: bool
    runs: int
    requests: int
    total: int
    elapsed_s: float
    date: dt.datetime
    quick: bool
    import_runs: int
    repeat_limit_s: float
    load: tuple[float, float]  # 1-minute load average before and after the run
    skipped: list[str] = field(default_factory=list)
    # issue 16: ms of import + first client built, per runtime-only venv ({} = not measured)
    first_client_ms: dict[str, float] = field(default_factory=dict)
    # issue 16: the sandbox's Twilio fetches, runs of (requests/s wall, per CPU-second)
    sandbox_rps: list[tuple[float, float]] = field(default_factory=list)
    # issue 16's "hooks and options unused" goal: the baseline sessionhub's label, e.g.
    # "8bde553 (sessionhub 0.1.0)", or why it was not run (e.g. not in a shallow clone)
    baseline: str = ""
    baseline_note: str = ""
    # issue 16: the mean body of one full page at the memory cells' PageSize, as served
    # (bytes on the wire, in MiB); what "one page's body" in the streaming goal divides by
    page_body_mib: float | None = None


Results = dict[tuple[str, Cell], list[dict[str, Any]]]


def _cpu_model() -> str:
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return platform.processor() or "unknown"
    for line in out.splitlines():
        if line.startswith("Model name:"):
            return line.split(":", 1)[1].strip()
    return "unknown"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _fmt(value: float | None, digits: int = 0) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


class _Table:
    def __init__(self, *header: str) -> None:
        self.lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]

    def row(self, *cells: str) -> None:
        self.lines.append("| " + " | ".join(cells) + " |")

    def __str__(self) -> str:
        return "\n".join(self.lines)


class _Data:
    """Medians per (stack, cell), and ratios between stacks."""

    def __init__(
        self, results: Results, medians: dict[tuple[str, Cell], float], scale: dict[str, int]
    ):
        self.results = results
        self.medians = medians
        self.scale = scale  # divide CPU seconds by this to get per-call / per-item

    def cpu(self, stack: str, cell: Cell) -> float | None:
        return self.medians.get((stack, cell))

    def per_unit_us(self, stack: str, cell: Cell) -> float | None:
        cpu = self.cpu(stack, cell)
        return None if cpu is None else cpu / self.scale[cell.workload] * 1e6

    def ratio(self, stack: str, other: str, cell: Cell) -> float | None:
        a, b = self.cpu(stack, cell), self.cpu(other, cell)
        return None if a is None or not b else a / b

    def peak_mib(self, stack: str, cell: Cell) -> float | None:
        runs = self.results.get((stack, cell))
        if not runs:
            return None
        return statistics.median(r["peak_growth_kib"] for r in runs) / 1024

    def runs(self, stack: str, cell: Cell) -> int:
        return len(self.results.get((stack, cell), []))

    def spread(self, stack: str, cell: Cell) -> float | None:
        """(max - min) / median of a cell's CPU over its runs."""
        runs, median = self.results.get((stack, cell), []), self.cpu(stack, cell)
        if len(runs) < 2 or not median:
            return None
        return (max(r["cpu_s"] for r in runs) - min(r["cpu_s"] for r in runs)) / median

    def pair_ratios(self, stack: str, other: str, cell: Cell) -> list[float]:
        """stack ÷ other run by run, when both have the same number of runs (run i of one
        ran next to run i of the other)."""
        a, b = self.results.get((stack, cell), []), self.results.get((other, cell), [])
        if len(a) != len(b):
            return []
        return [x["cpu_s"] / y["cpu_s"] for x, y in zip(a, b, strict=True) if y["cpu_s"]]


def _per_unit_table(
    data: _Data, stacks: Sequence[StackDef], cells: Sequence[Cell], runs: int, heading: str
) -> str:
    table = _Table("stack", *heading.split("|"))
    for stack in stacks:
        values = []
        for cell in cells:
            value = _fmt(data.per_unit_us(stack.key, cell), 1 if cell.workload == "W2" else 0)
            n = data.runs(stack.key, cell)
            values.append(value + (" †" if 0 < n < runs else ""))
        table.row(stack.label, *values)
    return str(table)


def _ratio_table(
    data: _Data,
    stacks: Sequence[StackDef],
    cells: Sequence[Cell],
    references: Sequence[tuple[str, str]],
    label: str,
) -> str:
    header = [f"÷ {name} {label}={c.level}" for _, name in references for c in cells]
    table = _Table("stack", *header)
    for stack in stacks:
        table.row(
            stack.label,
            *[_ratio(data.ratio(stack.key, ref, c)) for ref, _ in references for c in cells],
        )
    return str(table)


def _goal_rows(
    data: _Data,
    import_ms: dict[str, float],
    w1: Sequence[Cell],
    w2: Sequence[Cell],
    memory_cells: tuple[Cell, Cell],
) -> list[tuple[str, str, float | None, str]]:
    """(goal, target, measured, worst over all levels)."""
    w1_head = next((c for c in w1 if c.level == 50), w1[-1])
    w2_head = next((c for c in w2 if c.level == 1000), w2[-1])

    def worst(other: str, cells: Sequence[Cell], minus_one: bool = False) -> str:
        values = [data.ratio("sessionhub", other, c) for c in cells]
        known = [(v, c) for v, c in zip(values, cells, strict=True) if v is not None]
        if not known:
            return "-"
        value, cell = max(known, key=lambda vc: vc[0])
        return (f"{(value - 1) * 100:+.0f} %" if minus_one else _ratio(value)) + f" ({cell})"

    def overhead(cell: Cell) -> float | None:
        value = data.ratio("sessionhub", "generated", cell)
        return None if value is None else value - 1

    one_page, stream = memory_cells
    mem_one, mem_stream = data.peak_mib("sessionhub", one_page), data.peak_mib("sessionhub", stream)
    sh_import, tw_import = import_ms.get("import sessionhub"), import_ms.get("import twilio.rest")
    return [
        (
            f"{w1_head}: sessionhub ÷ twilio-python",
            "≤ 1.0x",
            data.ratio("sessionhub", "twilio", w1_head),
            worst("twilio", w1),
        ),
        (
            f"{w1_head}: sessionhub ÷ raw aiohttp",
            "≤ 1.5x",
            data.ratio("sessionhub", "aiohttp", w1_head),
            worst("aiohttp", w1),
        ),
        (
            f"{w2_head}: sessionhub ÷ twilio-python",
            "≤ 0.35x",
            data.ratio("sessionhub", "twilio", w2_head),
            worst("twilio", w2),
        ),
        (
            f"{w2_head}: sessionhub ÷ raw httpx",
            "≤ 2.0x",
            data.ratio("sessionhub", "httpx", w2_head),
            worst("httpx", w2),
        ),
        (
            f"streaming {stream.level}-item pages: peak RSS growth ÷ one page's peak growth",
            "≤ 1.2x",
            None if mem_one is None or mem_stream is None or not mem_one else mem_stream / mem_one,
            "",
        ),
        (
            "import sessionhub ÷ import twilio.rest",
            "≤ 0.5x",
            None if sh_import is None or not tw_import else sh_import / tw_import,
            "",
        ),
        (
            f"facade overhead {w1_head} (sessionhub ÷ generated - 1)",
            "≤ +10 %",
            overhead(w1_head),
            worst("generated", w1, minus_one=True),
        ),
        (
            f"facade overhead {w2_head} (sessionhub ÷ generated - 1)",
            "≤ +10 %",
            overhead(w2_head),
            worst("generated", w2, minus_one=True),
        ),
    ]


# The sandbox's Twilio fetches per second on one core before spec-driven validation
# (issue 16's own figure, measured on this machine class before issue 14 landed).
SANDBOX_BEFORE_RPS = 3400
# "No growth in CPU per call beyond the raw stack's": sessionhub ÷ raw aiohttp at any
# concurrency may exceed the same ratio at c=1 by at most this (about twice the runs' spread).
CURVE_TOLERANCE = 1.10


def _goal_rows_16(
    data: _Data, w1: Sequence[Cell], w2: Sequence[Cell], memory_cells: tuple[Cell, Cell], meta: Meta
) -> list[tuple[str, str, float | None, str]]:
    """(goal, target, measured, note) for issue 16."""
    w1_head = next((c for c in w1 if c.level == 50), w1[-1])
    rows: list[tuple[str, str, float | None, str]] = []
    for cell in w2:
        rows.append(
            (
                f"{cell}: sessionhub ÷ twilio-python",
                "≤ 0.25x",
                data.ratio("sessionhub", "twilio", cell),
                "",
            )
        )
    w2_big = next((c for c in w2 if c.level == 1000), w2[-1])
    rows.append(
        (
            f"{w2_big}: sessionhub ÷ raw httpx",
            "≤ 1.2x",
            data.ratio("sessionhub", "httpx", w2_big),
            "",
        )
    )
    rows.append(
        (
            f"{w1_head}: sessionhub ÷ twilio-python",
            "≤ 0.6x",
            data.ratio("sessionhub", "twilio", w1_head),
            "",
        )
    )
    rows.append(
        (
            f"{w1_head}: sessionhub ÷ raw aiohttp",
            "≤ 1.1x",
            data.ratio("sessionhub", "aiohttp", w1_head),
            "",
        )
    )
    curve = [(c, data.ratio("sessionhub", "aiohttp", c)) for c in w1]
    known = [(c, v) for c, v in curve if v is not None]
    growth, note = None, ""
    if known and known[0][0].level == min(c.level for c in w1):
        first = known[0][1]
        cell, worst = max(known, key=lambda cv: cv[1])
        growth = worst / first
        note = "sessionhub ÷ raw aiohttp: " + ", ".join(f"{v:.2f}x (c={c.level})" for c, v in known)
    rows.append(
        (
            "W1 curve: worst (sessionhub ÷ raw aiohttp) over all c ÷ the same at c=1",
            f"≤ {CURVE_TOLERANCE:.2f}x",
            growth,
            note,
        )
    )
    sh, tw = meta.first_client_ms.get("sessionhub"), meta.first_client_ms.get("twilio")
    rows.append(
        (
            "first client ready (runtime-only venvs): sessionhub ÷ twilio-python async",
            "≤ 0.8x",
            None if sh is None or not tw else sh / tw,
            _first_client_detail(meta.first_client_ms),
        )
    )
    # Issue 16 says "1.2x one page's body": the divisor is the body's size, not the peak RSS
    # growth of fetching one page (which also counts its decoded models: issue 6's reading,
    # "one page's worth", kept in its own table and in the detail here).
    one_page, stream = memory_cells
    mem_one, mem_stream = data.peak_mib("sessionhub", one_page), data.peak_mib("sessionhub", stream)
    body = meta.page_body_mib
    rows.append(
        (
            f"streaming {stream.level}-item pages: peak RSS growth ÷ one page's body (no env var)",
            "≤ 1.2x",
            None if body is None or mem_stream is None or not body else mem_stream / body,
            ""
            if body is None or mem_stream is None
            else f"{mem_stream:.1f} MiB ÷ {body:.2f} MiB body; ÷ one page's peak growth "
            f"({_fmt(mem_one, 1)} MiB): " + _ratio(mem_stream / mem_one if mem_one else None),
        )
    )
    rows += _unused_rows(data, [w1_head, *w2], meta)
    runs = meta.sandbox_rps
    per_cpu = statistics.median(r[1] for r in runs) if runs else None
    sandbox_note = ""
    if runs:
        low, high = min(r[0] for r in runs), max(r[0] for r in runs)
        sandbox_note = (
            f"wall-clock {low:,.0f} to {high:,.0f} req/s over {len(runs)} runs; "
            "before: the issue's figure, not re-measured here"
        )
    rows.append(
        (
            "sandbox Twilio fetches per CPU-second of its one core, c=50",
            f"≥ {SANDBOX_BEFORE_RPS:,} req/s",
            per_cpu,
            sandbox_note,
        )
    )
    return rows


def _unused_rows(
    data: _Data, cells: Sequence[Cell], meta: Meta
) -> list[tuple[str, str, float | None, str]]:
    """Issue 16's "tracing hooks and the options added in v0.2 cost <= 2 % on W1 and W2
    when unused": sessionhub's CPU ÷ the same stack's on sessionhub before issue 13, - 1.

    run.py runs each pair back to back (in turn first), so the median of the pairs' ratios
    is the figure: load that changes between pairs, which moves both cells' medians on a
    shared machine, cancels within a pair. --quick runs cells side by side: the ratio of
    the medians there."""
    rows = []
    for cell in cells:
        ratio = data.ratio("sessionhub", BASELINE_KEY, cell)
        pairs = [] if meta.quick else data.pair_ratios("sessionhub", BASELINE_KEY, cell)
        value = statistics.median(pairs) if pairs else ratio
        note = meta.baseline_note or "sessionhub or its baseline stack was not run"
        if value is not None:
            unit = "call" if cell.workload == "W1" else "item"
            now, before = (data.per_unit_us(k, cell) for k in ("sessionhub", BASELINE_KEY))
            head = (
                f"median of {len(pairs)} pairs run back to back, "
                f"{(min(pairs) - 1):+.1%} to {(max(pairs) - 1):+.1%}; "
                if pairs
                else ""
            )
            spread = [data.spread(k, cell) for k in ("sessionhub", BASELINE_KEY)]
            note = (
                f"{head}medians {now:.2f} ÷ {before:.2f} µs per {unit} ({ratio:.3f}x"
                + (f", spread {spread[0]:.0%} / {spread[1]:.0%}" if None not in spread else "")
                + f"); before = {meta.baseline}: an upper bound, it also counts every "
                "other hot-path change of issue 13 and since"
            )
        rows.append(
            (
                f"unused hooks and v0.2 options, {cell}: sessionhub ÷ before issue 13 - 1",
                "≤ +2 %",
                None if value is None else value - 1,
                note,
            )
        )
    return rows


def _shown(target: str, value: float | None) -> str:
    if value is None:
        return "-"
    if "%" in target:
        return f"{value * 100:+.1f} %" if abs(value) < 0.1 else f"{value * 100:+.0f} %"
    if "req/s" in target:
        return f"{value:,.0f} req/s"
    return _ratio(value)


def _met(target: str, value: float | None) -> str:
    if value is None:
        return "not measured"
    if target.startswith("≥"):
        limit = float(target.split()[1].replace(",", ""))
        return "met" if value >= limit else "**not met**"
    if "%" in target:
        limit = float(target.split("+")[1].split(maxsplit=1)[0]) / 100
        return "met" if value <= limit else "**not met**"
    limit = float(target.split()[1].rstrip("x"))
    return "met" if value <= limit else "**not met**"


def render_report(
    *,
    stacks: Sequence[Any],
    results: Results,
    medians: dict[tuple[str, Cell], float],
    import_ms: dict[str, float],
    meta: Meta,
    concurrency: Sequence[int],
    page_sizes: Sequence[int],
    memory_page_size: int,
) -> str:
    data = _Data(results, medians, {"W1": meta.requests, "W2": meta.total})
    w1 = [Cell("W1", c) for c in concurrency]
    w2 = [Cell("W2", p) for p in page_sizes]
    mem_one, mem_stream = Cell("one page", memory_page_size), Cell("W2", memory_page_size)
    mem_all = Cell("accumulate", memory_page_size)
    out: list[str] = []
    add = out.append

    add("# sessionhub benchmark results" + (" (--quick: not representative)" if meta.quick else ""))
    add("")
    add(
        f"Measured {meta.date:%Y-%m-%d %H:%M} UTC by `benchmarks/run.py` "
        f"({meta.elapsed_s / 60:.1f} min in all). These are the numbers of that run on that "
        "machine: compare ratios, not absolute times."
    )
    add("")
    add(
        f"- Machine: {os.cpu_count()} CPUs (`nproc`), {_cpu_model()}, Linux "
        f"{platform.release()}; Python {sys.version.split()[0]}."
    )
    add("- Versions: " + ", ".join(f"{p} {_version(p)}" for p in PACKAGES) + ".")
    add(
        f"- Server: {meta.server} on 127.0.0.1, pre-rendered Twilio Proxy JSON; "
        + (
            "server pinned to CPU 0, each client process to CPU 1."
            if meta.pinned
            else "not pinned."
        )
    )
    add(
        f"- Client CPU = user+sys of the client process over the measured section only; "
        f"each cell a fresh process; median of {meta.runs} run(s), interleaved. "
        f"† = measured once (its first run took over {meta.repeat_limit_s:.0f} s)."
    )
    spreads = [
        (max(r["cpu_s"] for r in runs) - min(r["cpu_s"] for r in runs)) / medians[key]
        for key, runs in results.items()
        if len(runs) > 1 and medians.get(key)
    ]
    if spreads:
        add(
            f"- Noise: 1-minute load average {meta.load[0]:.1f} before, {meta.load[1]:.1f} after "
            "(this run alone adds about 1-1.5 on 2 cores; more means other work shared them). "
            f"Spread (max-min)/median of a cell's runs: median {statistics.median(spreads):.0%}, "
            f"worst {max(spreads):.0%}."
        )
    for line in meta.skipped:
        add(f"- Skipped: {line}.")
    add("")

    add("## Goals of issue 16")
    add("")
    table = _Table("goal", "target", "measured", "status", "detail")
    for goal, target, value, note in _goal_rows_16(data, w1, w2, (mem_one, mem_stream), meta):
        table.row(goal, target, _shown(target, value), _met(target, value), note)
    add(str(table))
    add("")

    add("## Goals of issue 6")
    add("")
    table = _Table("goal", "target", "measured", "worst level", "status")
    for goal, target, value, worst_level in _goal_rows(
        data, import_ms, w1, w2, (mem_one, mem_stream)
    ):
        table.row(goal, target, _shown(target, value), worst_level or "", _met(target, value))
    add(str(table))
    add("")

    add(f"## W1: {meta.requests:,} single-session GETs, client CPU µs per call")
    add("")
    add(_per_unit_table(data, stacks, w1, meta.runs, "|".join(f"c={c}" for c in concurrency)))
    add("")
    add(_ratio_table(data, stacks, w1, [("aiohttp", "raw aiohttp"), ("twilio", "twilio")], "c"))
    add("")

    add(f"## W2: paginate {meta.total:,} sessions, client CPU µs per item")
    add("")
    add(_per_unit_table(data, stacks, w2, meta.runs, "|".join(f"PageSize {p}" for p in page_sizes)))
    add("")
    add(
        _ratio_table(
            data,
            stacks,
            w2,
            [("aiohttp", "raw aiohttp"), ("httpx", "raw httpx"), ("twilio", "twilio")],
            "ps",
        )
    )
    add("")

    add(f"## Memory: peak RSS growth above the pre-run baseline, MiB (PageSize {memory_page_size})")
    body = meta.page_body_mib
    add("")
    table = _Table(
        "stack",
        "one page (limit=PageSize)",
        f"streaming {meta.total:,}",
        "streaming ÷ one page",
        "streaming ÷ one page's body",
        f"accumulating {meta.total:,} in a list",
    )
    for stack in stacks:
        one, stream = data.peak_mib(stack.key, mem_one), data.peak_mib(stack.key, mem_stream)
        if one is None:
            continue
        table.row(
            stack.label,
            _fmt(one, 1),
            _fmt(stream, 1),
            _ratio(stream / one if stream is not None and one else None),
            _ratio(stream / body if stream is not None and body else None),
            _fmt(data.peak_mib(stack.key, mem_all), 1),
        )
    add(str(table))
    add("")
    if body:
        add(
            f"One page's body: {body:.2f} MiB ({body * 1024 * 1024:,.0f} bytes, the mean of the "
            f"full {memory_page_size}-session pages served)."
        )
        add("")

    add(f"## Import time, ms over a bare `python -c pass` (median of {meta.import_runs})")
    add("")
    table = _Table("statement", "ms")
    for name, value in import_ms.items():
        table.row(name + (" (absolute)" if name == "bare interpreter" else ""), _fmt(value, 0))
    for name, value in meta.first_client_ms.items():
        what = (
            "until the first response" if name.endswith(" first response") else "first client built"
        )
        table.row(
            f"{name.removesuffix(' first response')}: import + {what}, runtime-only venv",
            _fmt(value, 0),
        )
    add(str(table))
    add("")
    if meta.sandbox_rps:
        add("## Sandbox throughput: Twilio fetches, concurrency 50 (`sandbox_rps.py`)")
        add("")
        table = _Table("run", "requests/s (wall)", "requests per CPU-second of the sandbox")
        for i, (wall, cpu) in enumerate(meta.sandbox_rps, 1):
            table.row(str(i), _fmt(wall, 0), _fmt(cpu, 0))
        add(str(table))
        add("")
    return "\n".join(out)


def _first_client_detail(ms: dict[str, float]) -> str:
    """The ready times, and (not a goal, shown so that nothing is hidden: sessionhub imports
    aiohttp on the first request) the same ratio until the first response."""
    sh, tw = ms.get("sessionhub"), ms.get("twilio")
    if sh is None or tw is None:
        return ""
    detail = f"{sh:.0f} ms ÷ {tw:.0f} ms"
    sh_r, tw_r = ms.get("sessionhub first response"), ms.get("twilio first response")
    if sh_r is not None and tw_r:
        detail += f"; until the first response: {sh_r:.0f} ms ÷ {tw_r:.0f} ms = {sh_r / tw_r:.2f}x"
    return detail
