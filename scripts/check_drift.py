"""Fail when generated/ is not exactly what specs/ produce.

    python scripts/check_drift.py                       # what `make check-drift` runs
    python scripts/check_drift.py --specs DIR --generated DIR
    python scripts/check_drift.py --fresh DIR           # compare with a tree generate.py wrote

Checks, in order, each with a message that says what to do:
1. the installed openapi-python-client and ruff are the pinned versions;
2. generated/manifest.json matches the specs, pins and templates (else it is stale);
3. regenerating every API into a temporary folder gives byte-identical files
   (else a unified diff per file, cut to a readable length, naming the API and its spec).
"""

from __future__ import annotations

import argparse
import difflib
import filecmp
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from codegen import (
    APIS,
    GENERATED,
    MANIFEST_NAME,
    PACKAGE,
    SPECS,
    CodegenError,
    build_manifest,
    check_tool_versions,
    generate_into,
)

MAX_LINES_PER_FILE = 40
MAX_LINES_TOTAL = 400
IGNORED = {"__pycache__", ".ruff_cache", ".mypy_cache"}


def _files(root: Path) -> set[str]:
    if not root.is_dir():
        return set()
    return {
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and not IGNORED.intersection(p.relative_to(root).parts)
    }


def _diff(expected: Path, actual: Path, name: str) -> list[str]:
    def lines(path: Path) -> list[str]:
        try:
            return path.read_text().splitlines(keepends=True) if path.exists() else []
        except UnicodeDecodeError:
            return ["<binary file>\n"]

    diff = list(
        difflib.unified_diff(
            lines(actual), lines(expected), f"generated/{name} (committed)", f"{name} (from spec)"
        )
    )
    if len(diff) > MAX_LINES_PER_FILE:
        cut = len(diff) - MAX_LINES_PER_FILE
        diff = [*diff[:MAX_LINES_PER_FILE], f"... ({cut} more diff lines in this file)\n"]
    return diff


def stale_manifest(generated: Path, specs: Path) -> list[str]:
    """Why generated/manifest.json no longer describes the inputs (empty when current)."""
    path = generated / MANIFEST_NAME
    if not path.is_file():
        return [f"{path} is missing"]
    recorded = json.loads(path.read_text())
    current = build_manifest(specs)
    current_apis: dict[str, dict[str, str]] = current["apis"]  # type: ignore[assignment]
    problems = []
    if recorded.get("generator") != current["generator"]:
        problems.append(
            f"generator pins changed: {recorded.get('generator')} -> {current['generator']}"
        )
    if recorded.get("templates_sha256") != current["templates_sha256"]:
        problems.append("scripts/codegen/ (config or templates) changed")
    recorded_apis = recorded.get("apis", {})
    for api, entry in current_apis.items():
        if recorded_apis.get(api, {}).get("spec_sha256") != entry["spec_sha256"]:
            problems.append(f"{entry['spec']} ({api}) changed")
    return problems


def compare(expected_root: Path, actual_root: Path) -> list[str]:
    """Report lines for every difference, grouped by API."""
    report: list[str] = []
    exp_pkg, act_pkg = expected_root / PACKAGE, actual_root / PACKAGE
    for api, spec in sorted(APIS.items()):
        exp_files, act_files = _files(exp_pkg / api), _files(act_pkg / api)
        changed = sorted(
            name
            for name in exp_files | act_files
            if name not in exp_files
            or name not in act_files
            or not filecmp.cmp(exp_pkg / api / name, act_pkg / api / name, shallow=False)
        )
        if not changed:
            continue
        report.append(
            f"DRIFT in {api} (spec specs/{spec}): {len(changed)} file(s) differ from what the spec "
            "produces"
        )
        for name in changed:
            state = (
                "missing from generated/"
                if name not in act_files
                else "not produced by the spec (hand-added or stale)"
                if name not in exp_files
                else "changed"
            )
            report.append(f"  {PACKAGE}/{api}/{name}: {state}")
            report.extend(
                "    " + line.rstrip("\n")
                for line in _diff(exp_pkg / api / name, act_pkg / api / name, f"{api}/{name}")
            )
    for name in ("__init__.py", "py.typed"):
        committed = act_pkg / name
        if not committed.is_file() or not filecmp.cmp(exp_pkg / name, committed, shallow=False):
            report.append(f"DRIFT in {PACKAGE}/{name}: differs from what generate.py writes")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--specs", type=Path, default=SPECS)
    parser.add_argument("--generated", type=Path, default=GENERATED)
    parser.add_argument(
        "--fresh",
        type=Path,
        help="a tree that `generate.py --out` already wrote from these specs: compare with it "
        "instead of regenerating (the test suite generates once and shares the result)",
    )
    args = parser.parse_args(argv)
    try:
        check_tool_versions()
    except CodegenError as exc:
        print(f"check-drift: {exc}", file=sys.stderr)
        return 2
    problems = stale_manifest(args.generated, args.specs)
    if problems:
        print("check-drift: generated/manifest.json is stale:", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        print("Run `make generate` and commit specs/ and generated/ together.", file=sys.stderr)
    if args.fresh is not None:
        report = compare(args.fresh, args.generated)
    else:
        with tempfile.TemporaryDirectory(prefix="sessionhub-drift-") as scratch:
            try:
                generate_into(Path(scratch), args.specs, sorted(APIS))
            except CodegenError as exc:
                print(f"check-drift: {exc}", file=sys.stderr)
                return 1
            report = compare(Path(scratch), args.generated)
    if report:
        if len(report) > MAX_LINES_TOTAL:
            report = [
                *report[:MAX_LINES_TOTAL],
                f"... ({len(report) - MAX_LINES_TOTAL} more lines)",
            ]
        print("\n".join(report), file=sys.stderr)
        print(
            "\ncheck-drift: generated/ differs from specs/. Never edit generated/ by hand: "
            "edit the spec, run `make generate`, commit both.",
            file=sys.stderr,
        )
        return 1
    if problems:
        return 1
    print(f"check-drift: generated/ matches specs/ for {', '.join(sorted(APIS))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
