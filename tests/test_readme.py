"""The README's four quickstarts run as written, against a mock of each vendor, and every
Python block in it passes `mypy --strict` as a user would check it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import sample

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README, re.S)


def quickstarts() -> dict[str, str]:
    section = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"### ([^\n(]+?) \(.*?```python\n(.*?)```", section, re.S)
    return {title.strip(): code for title, code in blocks}


def twilio(request: httpx.Request) -> httpx.Response:
    path, method = request.url.path, request.method
    if method == "DELETE":
        return httpx.Response(204)
    if path.endswith("/Sessions"):
        if method == "POST":
            return httpx.Response(201, json=sample("twilio-proxy", "session-create-201.json"))
        name = (
            "sessions-list-empty-200.json"
            if "PageToken" in request.url.params
            else "sessions-list-page-200.json"
        )
        return httpx.Response(200, json=sample("twilio-proxy", name))
    name = "session-update-200.json" if method == "POST" else "session-fetch-200.json"
    return httpx.Response(200, json=sample("twilio-proxy", name))


def trinsic(request: httpx.Request) -> httpx.Response:
    names = {
        "/v1/sessions": "create-session-200.json",
        "/v1/sessions/get": "get-session-200-success.json",
        "/v1/sessions/list": "list-sessions-200.json",
        "/v1/sessions/cancel": "cancel-session-200.json",
    }
    return httpx.Response(200, json=sample("trinsic-connect", names[request.url.path]))


def sipher(request: httpx.Request) -> httpx.Response:
    if request.method == "POST":
        return httpx.Response(201, json=sample("sipher", "create-session-201.json"))
    if request.method == "DELETE":
        session_id = request.url.path.rsplit("/", 1)[1]
        return httpx.Response(
            200, json={"success": True, "data": {"sessionId": session_id, "deleted": True}}
        )
    name = "update-session-200.json" if request.method == "PATCH" else "get-session-200.json"
    return httpx.Response(200, json=sample("sipher", name))


def equos(request: httpx.Request) -> httpx.Response:
    if request.method == "POST":
        return httpx.Response(201, json=sample("equos", "create-session-201.json"))
    if request.url.path.endswith("/stop"):
        return httpx.Response(200, json=sample("equos", "stop-session-200.json"))
    if request.url.path == "/v3/sessions":
        return httpx.Response(200, json=sample("equos", "list-sessions-200.json"))
    return httpx.Response(200, json=sample("equos", "get-session-200.json"))


VENDORS = {
    "Twilio Proxy": ("proxy.twilio.com", twilio),
    "Trinsic Connect": ("connect-api.trinsic.id", trinsic),
    "Sipher": ("sipher.sip-protocol.org", sipher),
    "Equos": ("api.equos.ai", equos),
}


def test_readme_has_the_four_quickstarts() -> None:
    assert set(quickstarts()) == set(VENDORS)


@pytest.mark.parametrize("title", sorted(VENDORS))
def test_quickstart_runs(
    title: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    host, handler = VENDORS[title]
    seen: list[httpx.Request] = []

    def route(request: httpx.Request) -> httpx.Response:
        assert request.url.host == host  # the production URL, answered by the mock
        seen.append(request)
        return handler(request)

    import sessionhub._client
    from sessionhub._transport import HttpxSender

    monkeypatch.setattr(
        sessionhub._client,
        "default_sender",
        lambda redactor, size: HttpxSender(
            httpx.AsyncClient(transport=httpx.MockTransport(route)), redactor, size, owned=True
        ),
    )
    for name, value in {
        "TWILIO_ACCOUNT_SID": "AC" + "0" * 32,
        "TWILIO_AUTH_TOKEN": "t",
        "TRINSIC_API_KEY": "k",
        "SIPHER_API_KEY": "k",
        "EQUOS_API_KEY": "k",
    }.items():
        monkeypatch.setenv(name, value)
    namespace: dict[str, Any] = {"__name__": "__readme__"}
    exec(compile(quickstarts()[title], f"README:{title}", "exec"), namespace)
    assert len(seen) >= 4
    assert capsys.readouterr().out.strip()


def test_every_python_block_passes_mypy_strict(tmp_path: Path) -> None:
    """Each block as its own file, complete as written, checked with `mypy --strict` from a
    directory outside the repository: sessionhub is found as installed (its py.typed), with
    no project configuration, as a user's code would be."""
    blocks = python_blocks()
    assert len(blocks) >= 5  # the four quickstarts and the errors example
    for index, block in enumerate(blocks):
        (tmp_path / f"readme_block_{index}.py").write_text(block)
    (tmp_path / "mypy.ini").write_text("[mypy]\n")
    files = sorted(p.name for p in tmp_path.glob("readme_block_*.py"))
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", "mypy.ini", *files],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Success: no issues found in {len(blocks)} source files" in result.stdout


def test_mypy_check_of_the_readme_can_fail(tmp_path: Path) -> None:
    """The same check rejects what the typed arguments are for: a misspelt enum value and a
    misspelt key of a nested dict."""
    (tmp_path / "bad.py").write_text(
        "from sessionhub import TwilioProxy\n\n"
        "async def main(twilio: TwilioProxy) -> None:\n"
        '    await twilio.sessions.update("KS" + "0" * 32, "KC" + "0" * 32, status="closedd")\n'
        '    await twilio.sessions.create("KS" + "0" * 32, participants=[{"Identifer": "+1"}])\n'
    )
    (tmp_path / "mypy.ini").write_text("[mypy]\n")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", "mypy.ini", "bad.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stdout
    assert 'bad.py:4: error: Argument "status"' in result.stdout
    assert 'bad.py:5: error: Extra key "Identifer"' in result.stdout
