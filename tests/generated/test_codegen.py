"""scripts/generate.py and scripts/check_drift.py: deterministic output, drift reported."""

from __future__ import annotations

import filecmp
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GENERATE = [sys.executable, str(ROOT / "scripts" / "generate.py")]
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


@pytest.fixture(scope="module")
def generated_twice(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    first, second = tmp_path_factory.mktemp("gen1"), tmp_path_factory.mktemp("gen2")
    for out in (first, second):
        result = run([*GENERATE, "--out", str(out)])
        assert result.returncode == 0, result.stderr
    return first, second


def test_generation_is_byte_for_byte_deterministic(generated_twice: tuple[Path, Path]) -> None:
    first, second = generated_twice
    assert tree_differences(first, second) == []


def test_committed_tree_is_what_the_specs_produce(generated_twice: tuple[Path, Path]) -> None:
    assert tree_differences(generated_twice[0], ROOT / "generated") == []


def test_output_is_asyncio_only_and_typed(generated_twice: tuple[Path, Path]) -> None:
    package = generated_twice[0] / "_sessionhub_generated"
    for api in ("equos", "sipher", "trinsic_connect", "twilio_proxy"):
        assert (package / api / "py.typed").is_file()
        for module in (package / api / "api").rglob("*.py"):
            text = module.read_text()
            assert "def sync" not in text, module
        assert not (package / api / ".ruff_cache").exists()


def test_manifest_records_inputs(generated_twice: tuple[Path, Path]) -> None:
    manifest = json.loads((generated_twice[0] / "manifest.json").read_text())
    assert manifest["generator"] == {"openapi-python-client": "0.29.1", "ruff": "0.17.6"}
    assert len(manifest["templates_sha256"]) == 64
    assert set(manifest["apis"]) == {"equos", "sipher", "trinsic_connect", "twilio_proxy"}
    assert manifest == json.loads((ROOT / "generated" / "manifest.json").read_text())


def test_drift_check_is_clean_on_the_committed_tree() -> None:
    result = run(CHECK)
    assert result.returncode == 0, result.stderr


def test_drift_check_names_a_modified_spec(tmp_path: Path) -> None:
    specs, generated = tmp_path / "specs", tmp_path / "generated"
    shutil.copytree(ROOT / "specs", specs)
    shutil.copytree(ROOT / "generated", generated)
    spec = specs / "sipher.yaml"
    text = spec.read_text()
    assert "title:" in text
    spec.write_text(text.replace("title:", "title: Drifted", 1))
    result = run([*CHECK, "--specs", str(specs), "--generated", str(generated)])
    assert result.returncode == 1
    assert "specs/sipher.yaml" in result.stderr and "DRIFT in sipher" in result.stderr
    assert "stale" in result.stderr
    assert "---" in result.stderr and "+++" in result.stderr  # a unified diff


def test_drift_check_catches_a_hand_edit(tmp_path: Path) -> None:
    generated = tmp_path / "generated"
    shutil.copytree(ROOT / "generated", generated)
    target = generated / "_sessionhub_generated" / "equos" / "client.py"
    target.write_text(target.read_text() + "\n# hand edit\n")
    (generated / "_sessionhub_generated" / "twilio_proxy" / "extra.py").write_text("x = 1\n")
    result = run([*CHECK, "--generated", str(generated)])
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
