"""docs/SANDBOX.md tells the truth: its curl examples run, in order, against
`python -m sessionhub.sandbox` and print what the doc says; it shows the whole fault
syntax, as help() does; and it covers every control-plane endpoint."""

from __future__ import annotations

import os
import pydoc
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import sessionhub.sandbox
from sessionhub.sandbox import Faults
from sessionhub.sandbox._app import SandboxApp
from sessionhub.sandbox._faults import GRAMMAR

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "SANDBOX.md").read_text()
CONTROL_SECTION = DOC.split("## The control plane", 1)[1].split("\n## ", 1)[0]


def shell_examples() -> list[tuple[str, str | None]]:
    """Each ```sh block of the control-plane section, with the ```text block that
    follows it directly (its expected output), if any."""
    blocks = re.findall(r"```(sh|text)\n(.*?)```", CONTROL_SECTION, re.S)
    examples: list[tuple[str, str | None]] = []
    for kind, body in blocks:
        if kind == "sh":
            examples.append((body, None))
        else:
            assert examples and examples[-1][1] is None, "a text block follows a sh block"
            examples[-1] = (examples[-1][0], body)
    return examples


@pytest.fixture
def sandbox_process(tmp_path: Path) -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "sessionhub.sandbox", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    assert process.stdout is not None
    try:
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), url
        yield url
    finally:
        process.terminate()
        process.communicate(timeout=10)


@pytest.mark.skipif(shutil.which("curl") is None, reason="the doc's examples use curl")
def test_every_curl_example_runs_and_prints_what_the_doc_says(
    sandbox_process: str, tmp_path: Path
) -> None:
    (preamble, _), *examples = shell_examples()
    assert "SANDBOX=" in preamble
    assert len(examples) >= 10
    for script, expected in examples:
        result = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", preamble + script],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env={**os.environ, "SANDBOX": sandbox_process},
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, f"{script}\n{result.stdout}\n{result.stderr}"
        if expected is not None:
            assert result.stdout == expected, script


def test_the_doc_covers_every_control_plane_endpoint() -> None:
    from sessionhub.sandbox import create_app

    app: SandboxApp = create_app()
    (control,) = [r for r in app.routes if getattr(r, "path", None) == "/_sandbox"]
    served = {
        (method, "/_sandbox" + route.path.replace("{id:int}", "{id}"))
        for route in control.routes  # type: ignore[attr-defined]
        for method in route.methods - {"HEAD"}
    }
    documented = set()
    for script, _ in shell_examples():
        for line in script.replace("\\\n", " ").splitlines():
            if "$SANDBOX/_sandbox" not in line:
                continue
            method = re.search(r"-X (\w+)", line)
            path = re.search(r"\$SANDBOX(/_sandbox/[a-z]+(?:/\d+)?)", line)
            assert path, line
            documented.add(
                (method.group(1) if method else "GET", re.sub(r"/\d+$", "/{id}", path.group(1)))
            )
    assert documented == served
    for _method, path in served:  # and each has its heading
        assert path.removeprefix("/_sandbox/").split("/")[0] in CONTROL_SECTION


def _dedented(text: str) -> str:
    return "\n".join(line.removeprefix("    ") for line in text.splitlines())


def test_the_fault_syntax_is_in_the_doc_and_in_help() -> None:
    assert _dedented(GRAMMAR).strip() in DOC
    for kind in (
        "status=",
        "retry-after=",
        "body=",
        "delay=",
        "drop=after",
        "truncate",
        "malformed-json",
        "empty",
        "content-type",
        "rate=",
        "seed",
    ):
        assert kind in GRAMMAR, kind
    for public in (Faults, sessionhub.sandbox, sessionhub.sandbox.Fault):
        shown = pydoc.render_doc(public, renderer=pydoc.plaintext)
        unbarred = re.sub(r"^ *\| ?", "", shown, flags=re.M)  # a class's doc has a margin
        normalized = re.sub(r"\s+", " ", unbarred)
        assert re.sub(r"\s+", " ", GRAMMAR).strip() in normalized, public


def test_the_docs_operation_names_are_the_clients() -> None:
    from sessionhub._vendors import equos, sipher, trinsic, twilio
    from sessionhub.sandbox._constants import OPERATIONS

    for vendor, module in (
        ("trinsic", trinsic),
        ("sipher", sipher),
        ("equos", equos),
        ("twilio", twilio),
    ):
        # The clients' names are exactly the sandbox's (no alias needed to match them).
        names = {
            value.name
            for value in vars(module).values()
            if type(value).__name__ == "Operation" and value.vendor == vendor
        }
        assert names == set(OPERATIONS[vendor]), vendor  # type: ignore[index]
        row = re.search(rf"^\| {vendor} \| (.*) \|$", DOC, re.M)
        assert row, vendor
        assert set(re.findall(r"`([a-z.]+)`", row.group(1))) == names
