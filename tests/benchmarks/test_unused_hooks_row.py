"""Issue 16's row "tracing hooks and the v0.2 options cost <= 2 % when unused" (benchmarks/
baseline.py, run.py's `sh-base` stack, report.py's `_unused_rows`).

The row compares the sessionhub stack with the same stack on sessionhub before issue 13,
extracted from git history. These tests check that the baseline really is what its
processes import, that each pair of cells runs back to back, and that the row says met,
not met or why it was not measured. Nothing here looks at how fast anything was: the
CPU figures below are made up to drive the report.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "benchmarks"
sys.path.insert(0, str(BENCH))

import baseline  # noqa: E402
import report  # noqa: E402
import run  # noqa: E402
from report import BASELINE_KEY, Cell  # noqa: E402


def _commit_in_clone() -> bool:
    done = subprocess.run(
        ["git", "-C", str(ROOT), "cat-file", "-e", f"{baseline.BASELINE_COMMIT}^{{commit}}"],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def _stacks(*keys: str) -> list[report.StackDef]:
    return [s for s in run.STACKS if s.key in keys]


def test_each_baseline_cell_runs_right_after_sessionhubs_same_cell() -> None:
    cells = run.plan(_stacks("aiohttp", "sessionhub", BASELINE_KEY), run.FULL)
    keys = [(s.key, c) for s, c in cells]
    expected = [Cell("W1", 50), Cell("W2", 50), Cell("W2", 1000)]
    assert [c for k, c in keys if k == BASELINE_KEY] == expected
    for cell in expected:
        i = keys.index(("sessionhub", cell))
        assert keys[i + 1] == (BASELINE_KEY, cell)
    # the baseline runs no other cell (no W1 curve, no memory)
    assert len(keys) == len(run.plan(_stacks("aiohttp", "sessionhub"), run.FULL)) + 3
    # every other run, each pair in the other order, nothing else moved
    swapped = [(s.key, c) for s, c in run._swap_pairs(cells)]
    for cell in expected:
        i = swapped.index((BASELINE_KEY, cell))
        assert swapped[i + 1] == ("sessionhub", cell)
    assert sorted(swapped, key=str) == sorted(keys, key=str)


def test_cells_option_keeps_only_those_cells() -> None:
    only = run.parse_cells("W1:50,W2:1000")
    cfg = run.Config(**{**run.FULL.__dict__, "only": only})
    cells = {c for _, c in run.plan(_stacks("sessionhub", BASELINE_KEY), cfg)}
    assert cells == {Cell("W1", 50), Cell("W2", 1000)}
    with pytest.raises(Exception, match="not a cell"):
        run.parse_cells("W3:50")


def _meta(**changes: Any) -> report.Meta:
    fields: dict[str, Any] = {
        "server": "test",
        "pinned": False,
        "runs": 3,
        "requests": 5000,
        "total": 100_000,
        "elapsed_s": 1.0,
        "date": dt.datetime(2026, 12, 2, tzinfo=dt.UTC),
        "quick": False,
        "import_runs": 1,
        "repeat_limit_s": 30.0,
        "load": (0.0, 0.0),
        "baseline": "8bde553 (sessionhub 0.1.0)",
    }
    return report.Meta(**{**fields, **changes})


def _results(now: list[float], before: list[float]) -> report.Results:
    cell = Cell("W1", 50)
    return {
        ("sessionhub", cell): [{"cpu_s": v} for v in now],
        (BASELINE_KEY, cell): [{"cpu_s": v} for v in before],
    }


def _row(results: report.Results, meta: report.Meta) -> tuple[str, str, float | None, str]:
    medians = {k: statistics.median(r["cpu_s"] for r in v) for k, v in results.items()}
    data = report._Data(results, medians, {"W1": 5000, "W2": 100_000})
    (row,) = report._unused_rows(data, [Cell("W1", 50)], meta)
    return row


def test_row_is_the_median_of_the_pairs_ratios() -> None:
    # pairs +1 %, +3 %, +10 %, while the load moved between them: the medians of the two
    # cells alone would say 0.505 / 0.50 = +1 %
    goal, target, value, note = _row(_results([0.505, 0.824, 0.44], [0.50, 0.80, 0.40]), _meta())
    assert goal.startswith("unused hooks and v0.2 options, W1 c=50")
    assert target == "≤ +2 %"
    assert value == pytest.approx(0.03)
    assert report._met(target, value) == "**not met**"
    assert report._shown(target, value) == "+3.0 %"
    assert "median of 3 pairs run back to back, +1.0% to +10.0%" in note
    assert "(1.010x, spread" in note
    assert "8bde553 (sessionhub 0.1.0)" in note and "upper bound" in note


def test_row_is_met_within_two_percent() -> None:
    _, target, value, _ = _row(_results([0.51, 0.49, 0.505], [0.50, 0.50, 0.50]), _meta())
    assert value == pytest.approx(0.01)
    assert report._met(target, value) == "met"


def test_quick_row_uses_the_ratio_of_medians() -> None:
    _, _, value, note = _row(_results([0.6], [0.5]), _meta(quick=True))
    assert value == pytest.approx(0.2)
    assert "pairs" not in note


def test_row_without_the_baseline_says_why() -> None:
    note = f"not measured: {baseline.MISSING} (8bde553)"
    cell = Cell("W1", 50)
    results: report.Results = {("sessionhub", cell): [{"cpu_s": 0.5}]}
    _, target, value, detail = _row(results, _meta(baseline="", baseline_note=note))
    assert value is None
    assert report._met(target, value) == "not measured"
    assert detail == note


def test_a_commit_missing_from_the_clone_is_not_measured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(baseline, "BASELINE_COMMIT", "0" * 40)
    assert baseline.prepare() == f"not measured: {baseline.MISSING} (0000000)"


@pytest.mark.slow  # extracts the baseline (once) and starts interpreters
def test_baseline_processes_import_the_baseline_and_check_it() -> None:
    if not _commit_in_clone():  # a shallow clone: the row must say so (checked above)
        assert baseline.prepare() == f"not measured: {baseline.MISSING} (8bde553)"
        return
    base = baseline.prepare()
    assert isinstance(base, baseline.Baseline)
    assert base.version == "0.1.0"  # issue 13 made it 0.2.0
    assert not (base.root / "src" / "sessionhub" / "_hooks.py").exists()
    assert (base.root / "src" / "sessionhub" / "_response.py").exists()
    probe = "import sessionhub, _sessionhub_generated; print(sessionhub.__file__)"
    env = base.env()
    assert env["PYTHONPATH"].startswith(str(base.root / "src") + os.pathsep)
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=BENCH,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert Path(done.stdout.strip()).is_relative_to(base.root), done.stdout + done.stderr
    # without the baseline's PYTHONPATH, the stack process finds this checkout's sessionhub
    # (the editable install) and refuses to run as the baseline
    wrong = {**os.environ, baseline.EXPECT_ENV: str(base.root)}
    stack = [sys.executable, "-m", "stacks.sessionhub_twilio", "--base-url", "http://127.0.0.1:9"]
    done = subprocess.run(
        [*stack, "--workload", "fetch"],
        cwd=BENCH,
        env=wrong,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    assert "baseline stack imported sessionhub from" in done.stderr, done.stderr
    assert str(ROOT / "src" / "sessionhub") in done.stderr


def test_pairs_run_five_times_back_to_back_in_turn_first(monkeypatch: pytest.MonkeyPatch) -> None:
    order: list[tuple[str, Cell, bool]] = []

    def fake_cell(
        stack: report.StackDef, cell: Cell, cfg: run.Config, url: str, env: Any = None
    ) -> dict[str, Any]:
        order.append((stack.key, cell, env is not None))
        return {"cpu_s": 1.0, "wall_s": 1.0}

    monkeypatch.setattr(run, "run_cell", fake_cell)
    base = baseline.Baseline(baseline.BASELINE_COMMIT, BENCH / ".baseline" / "x", "0.1.0")
    stacks = _stacks("aiohttp", "sessionhub", BASELINE_KEY)
    results, failures = run.measure(stacks, run.FULL, "http://127.0.0.1:9", 30.0, base)
    assert not failures
    pair_cells = run.baseline_cells(run.FULL)
    for (key, cell), runs in results.items():
        paired = key == BASELINE_KEY or (key == "sessionhub" and cell in pair_cells)
        assert len(runs) == (5 if paired else 3), (key, cell)
    # only the baseline's processes get the baseline's environment
    assert all(with_env == (key == BASELINE_KEY) for key, _, with_env in order)
    for cell in pair_cells:
        mine = [k for k, c, _ in order if c == cell and k in ("sessionhub", BASELINE_KEY)]
        assert mine == ["sessionhub", BASELINE_KEY, BASELINE_KEY, "sessionhub"] * 2 + [
            "sessionhub",
            BASELINE_KEY,
        ]
        # back to back: nothing runs between the two cells of a pair
        for i, (key, c, _) in enumerate(order):
            if key == BASELINE_KEY and c == cell:
                neighbours = {order[i - 1][:2], order[(i + 1) % len(order)][:2]}
                assert ("sessionhub", cell) in neighbours


def test_baseline_env_puts_the_copy_first_and_drops_coverage(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PYTHONPATH", "/elsewhere")
    monkeypatch.setenv("COVERAGE_PROCESS_CONFIG", "{}")
    root = BENCH / ".baseline" / "x"
    env = baseline.Baseline(baseline.BASELINE_COMMIT, root, "0.1.0").env()
    assert env["PYTHONPATH"].split(os.pathsep) == [
        str(root / "src"),
        str(root / "generated"),
        "/elsewhere",
    ]
    assert env[baseline.EXPECT_ENV] == str(root)
    # make test's coverage would otherwise measure the old copy as `sessionhub`
    assert not [k for k in env if k.startswith("COVERAGE_")]
