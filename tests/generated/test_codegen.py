"""scripts/generate.py and scripts/check_drift.py: deterministic output, drift reported."""

from __future__ import annotations

import filecmp
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# slow: runs the generator and the drift check in child processes
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
CHECK = [sys.executable, str(ROOT / "scripts" / "check_drift.py")]


def run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)


def tree_differences(a: Path, b: Path) -> list[str]:
    comparison = filecmp.dircmp(a, b, ignore=["__pycache__"])
    found = [*comparison.left_only, *comparison.right_only, *comparison.diff_files]
    _, mismatch, errors = filecmp.cmpfiles(a, b, comparison.common_files, shallow=False)
    found += mismatch + errors
    for sub in comparison.common_dirs:
        found += [f"{sub}/{name}" for name in tree_differences(a / sub, b / sub)]
    return found


def test_committed_tree_is_what_the_specs_produce(fresh_generation: Path) -> None:
    # The committed tree came from an earlier run of the generator (another process, another
    # day, another output folder), so byte identity here also shows the output is deterministic.
    assert tree_differences(fresh_generation, ROOT / "generated") == []


def test_output_is_asyncio_only_and_typed(fresh_generation: Path) -> None:
    package = fresh_generation / "_sessionhub_generated"
    for api in ("equos", "sipher", "trinsic_connect", "twilio_proxy"):
        assert (package / api / "py.typed").is_file()
        for module in (package / api / "api").rglob("*.py"):
            text = module.read_text()
            assert "def sync" not in text, module
        assert not (package / api / ".ruff_cache").exists()


def test_manifest_records_inputs(fresh_generation: Path) -> None:
    manifest = json.loads((fresh_generation / "manifest.json").read_text())
    assert manifest["generator"] == {"openapi-python-client": "0.29.1", "ruff": "0.17.6"}
    assert len(manifest["templates_sha256"]) == 64
    assert set(manifest["apis"]) == {"equos", "sipher", "trinsic_connect", "twilio_proxy"}
    assert manifest == json.loads((ROOT / "generated" / "manifest.json").read_text())


def test_drift_check_is_clean_on_the_committed_tree(fresh_generation: Path) -> None:
    result = run([*CHECK, "--fresh", str(fresh_generation)])
    assert result.returncode == 0, result.stderr


def test_drift_check_names_a_modified_spec(tmp_path: Path, fresh_generation: Path) -> None:
    specs, generated = tmp_path / "specs", tmp_path / "generated"
    shutil.copytree(ROOT / "specs", specs)
    shutil.copytree(ROOT / "generated", generated)
    spec = specs / "sipher.yaml"
    text = spec.read_text()
    assert "title:" in text
    spec.write_text(text.replace("title:", "title: Drifted", 1))
    # A spec edit without `make generate` is caught by its sha256 in the manifest, before any
    # regeneration (the regenerated diff itself is covered by the hand-edit test below).
    result = run(
        [
            *CHECK,
            "--specs",
            str(specs),
            "--generated",
            str(generated),
            "--fresh",
            str(fresh_generation),
        ]
    )
    assert result.returncode == 1
    assert "specs/sipher.yaml (sipher) changed" in result.stderr, result.stderr
    assert "is stale" in result.stderr and "make generate" in result.stderr


def test_drift_check_catches_a_hand_edit(tmp_path: Path, fresh_generation: Path) -> None:
    generated = tmp_path / "generated"
    shutil.copytree(ROOT / "generated", generated)
    target = generated / "_sessionhub_generated" / "equos" / "client.py"
    target.write_text(target.read_text() + "\n# hand edit\n")
    (generated / "_sessionhub_generated" / "twilio_proxy" / "extra.py").write_text("x = 1\n")
    result = run([*CHECK, "--generated", str(generated), "--fresh", str(fresh_generation)])
    assert result.returncode == 1
    assert "DRIFT in equos" in result.stderr and "+# hand edit" not in result.stderr
    assert "-# hand edit" in result.stderr
    assert "twilio_proxy/extra.py: not produced by the spec" in result.stderr


def test_other_generator_versions_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    import codegen

    monkeypatch.setattr(
        codegen, "installed_versions", lambda: {"openapi-python-client": "0.30.0", "ruff": "0.17.6"}
    )
    with pytest.raises(codegen.CodegenError, match=r"installed 0\.30\.0, pinned 0\.29\.1"):
        codegen.check_tool_versions()
