"""The counterfactual of issue 16's goal "tracing hooks and the options added in v0.2 cost
≤ 2 % on W1 and W2 when unused": the same sessionhub stack, run on sessionhub as it was
just before issue 13 (hooks, OpenTelemetry, ClientOptions/RequestOptions, raw responses).

`BASELINE_COMMIT` is the tip of the issue-16 performance branch before "Merge main (issue 13:
facade v0.2)" (aa99f3a): it has issue 16's performance work (msgspec parsing, the new
`from_dict` template, the request path of round 2) and none of issue 13. Its `src/sessionhub`
and `generated/_sessionhub_generated` are extracted with `git archive` under
`benchmarks/.baseline/<commit>/` (git-ignored, reused by later runs) and put first on
PYTHONPATH for that stack's processes only: PYTHONPATH precedes site-packages, where the
editable install's `.pth` puts this checkout, and each such process checks that it really
imported the baseline (`stacks/sessionhub_twilio.py`, `EXPECT_ENV`).

The comparison is an upper bound of what the unused hooks and options cost: everything
else that changed on the request path since that commit (issue 13's User-Agent header and
header merging, the retry loop's hook and policy checks, the review fixes, later work on
main) is in the difference too.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BASELINE_COMMIT = "8bde55370c41b55f41deb30791de083c228b4001"
TREES = ("src/sessionhub", "generated/_sessionhub_generated")
# Set for the baseline stack's processes: the directory its sessionhub must come from.
EXPECT_ENV = "SESSIONHUB_BENCH_BASELINE"
MISSING = "baseline commit not in this clone"


@dataclass(frozen=True)
class Baseline:
    commit: str
    root: Path  # holds src/ and generated/
    version: str  # sessionhub.__version__ as the baseline process imported it

    @property
    def label(self) -> str:
        return f"{self.commit[:7]} (sessionhub {self.version})"

    def env(self) -> dict[str, str]:
        """The environment of a process that must import the baseline, not this checkout.

        Without coverage.py's variables: under `make test` (coverage's subprocess patch) a
        baseline process would otherwise be measured as `sessionhub` too, and the old copy's
        unexercised modules would count against this checkout's coverage floor."""
        paths = [str(self.root / "src"), str(self.root / "generated")]
        if os.environ.get("PYTHONPATH"):
            paths.append(os.environ["PYTHONPATH"])
        env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
        return {**env, "PYTHONPATH": os.pathsep.join(paths), EXPECT_ENV: str(self.root)}


def _git(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], capture_output=True, check=False, timeout=120
    )


def _extract(commit: str, target: Path) -> None:
    """`git archive` of the two trees into `target`, atomically (a half-written copy from an
    interrupted run is never reused)."""
    done = _git("archive", "--format=tar", commit, *TREES)
    if done.returncode != 0:
        raise RuntimeError(f"git archive {commit[:7]}: {done.stderr.decode(errors='replace')}")
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    with tarfile.open(fileobj=io.BytesIO(done.stdout)) as tar:
        if hasattr(tarfile, "data_filter"):  # 3.11.4+
            tar.extractall(partial, filter="data")
        else:  # pragma: no cover
            tar.extractall(partial)  # our own repository's archive
    partial.rename(target)


def _imported(root: Path) -> dict[str, str]:
    """What a process with the baseline's environment imports, from the stacks' directory."""
    probe = (
        "import json, sessionhub, _sessionhub_generated; print(json.dumps({"
        "'sessionhub': sessionhub.__file__, 'generated': _sessionhub_generated.__file__,"
        "'version': sessionhub.__version__}))"
    )
    env = Baseline(BASELINE_COMMIT, root, "?").env()
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=BENCH,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    if done.returncode != 0:
        raise RuntimeError(f"importing the baseline failed:\n{done.stderr[-2000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def prepare() -> Baseline | str:
    """The baseline ready to run, or why not (`MISSING` when the commit is not in this
    clone, e.g. a shallow one)."""
    if shutil.which("git") is None:
        return "not measured: git is not installed"
    if _git("cat-file", "-e", f"{BASELINE_COMMIT}^{{commit}}").returncode != 0:
        return f"not measured: {MISSING} ({BASELINE_COMMIT[:7]})"
    root = BENCH / ".baseline" / BASELINE_COMMIT[:12]
    if not root.is_dir():
        root.parent.mkdir(exist_ok=True)
        _extract(BASELINE_COMMIT, root)
    found = _imported(root)
    for key in ("sessionhub", "generated"):
        if not Path(found[key]).resolve().is_relative_to(root.resolve()):
            raise RuntimeError(
                f"the baseline process imported {key} from {found[key]}, not from {root}"
            )
    return Baseline(BASELINE_COMMIT, root, found["version"])


def check_imported() -> None:
    """In a stack process: exit unless sessionhub and the generated package were imported
    from where EXPECT_ENV says. A process without EXPECT_ENV runs this checkout's and is not
    checked."""
    expected = os.environ.get(EXPECT_ENV)
    if not expected:
        return
    for name in ("sessionhub", "_sessionhub_generated"):
        module = sys.modules.get(name)
        where = getattr(module, "__file__", None) or "nowhere"
        if not Path(where).resolve().is_relative_to(Path(expected).resolve()):
            raise SystemExit(f"baseline stack imported {name} from {where}, not {expected}")
