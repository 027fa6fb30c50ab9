"""scripts/upstream.py (the package scripts/upstream_watch/): the lock, `check` against the
vendors' snapshots, `diff` on planted changes, and `refresh --from PATH` (never a vendor host)."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts import upstream_watch as upstream
from tests.conftest import ROOT

SPECS = ROOT / "specs"
UPSTREAM = SPECS / "upstream"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = upstream.main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("upstream.py tried to reach the network in a test")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)


def load(path: Path) -> Any:
    return upstream.load_document(path)


def dump(document: Any, path: Path) -> Path:
    if path.suffix == ".json":
        path.write_text(json.dumps(document, indent=2))
    else:
        path.write_text(yaml.safe_dump(document, sort_keys=False))
    return path


# --------------------------------------------------------------------------------------- lock


def test_the_lock_records_every_snapshot_with_its_sha256() -> None:
    lock = yaml.safe_load((UPSTREAM / "upstream.lock.yaml").read_text())["snapshots"]
    assert set(lock) == {"twilio_proxy", "trinsic_connect", "sipher", "equos"}
    for api, entry in lock.items():
        data = (UPSTREAM / entry["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], api
        assert entry["commit"] and entry["date"] and entry["source"], api
        assert "source_url" in entry, api
    assert lock["equos"]["source_url"] is None  # no published document: refresh needs --from


def test_the_snapshots_are_the_vendors_documents_not_ours() -> None:
    for name in ("twilio_proxy_v1.yaml", "trinsic_connect_v1.json", "sipher.yaml"):
        text = (UPSTREAM / name).read_text()
        assert "sessionhub" not in text, name


def test_a_hand_edited_snapshot_fails_the_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = shutil.copytree(UPSTREAM, tmp_path / "upstream")
    path = copy / "sipher.yaml"
    path.write_text(path.read_text() + "\n# edited\n")
    code, out = run(capsys, "--upstream", str(copy), "check")
    assert code == 1
    assert "sipher: sipher.yaml has sha256" in out and "refresh --write" in out


# -------------------------------------------------------------------------------------- check


def test_check_passes_on_the_repository(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "check")
    assert code == 0, out
    assert "lock sha256 OK" in out


def test_a_spec_that_departs_from_the_vendor_fails_naming_operation_field_and_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = shutil.copytree(SPECS, tmp_path / "specs")
    spec = specs / "twilio_proxy.yaml"
    text = spec.read_text()
    # a looser SID pattern on fetch's response, and a Session field Twilio does not have
    assert "pattern: ^KC[0-9a-fA-F]{32}$\n          description: The session's SID" in text
    text = text.replace(
        "pattern: ^KC[0-9a-fA-F]{32}$\n          description: The session's SID",
        "pattern: ^KC[0-9a-zA-Z]{32}$\n          description: The session's SID",
    )
    text = text.replace(
        "        links:\n          allOf:",
        "        region:\n          type: string\n        links:\n          allOf:",
        1,
    )
    spec.write_text(text)
    code, out = run(capsys, "--specs", str(specs), "--upstream", str(UPSTREAM), "check")
    assert code == 1
    row = (
        "| twilio_proxy | GET /v1/Services/{ServiceSid}/Sessions/{Sid} | "
        "`responses.200.body.sid` | pattern | `^KC[0-9a-fA-F]{32}$` | `^KC[0-9a-zA-Z]{32}$` |"
    )
    assert row in out
    assert (
        "| twilio_proxy | POST /v1/Services/{ServiceSid}/Sessions | `responses.201.body.region` "
        "| presence | absent | `present` |"
    ) in out


def test_an_entry_that_no_longer_matches_is_stale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = shutil.copytree(UPSTREAM, tmp_path / "upstream")
    known = yaml.safe_load((copy / "known-differences.yaml").read_text())
    known["differences"].append(
        {
            "id": "made-up",
            "api": "sipher",
            "field": "responses.200.body.nothing",
            "aspect": "type",
            "upstream": "string",
            "ours": "integer",
            "kind": "vendor-bug",
            "reason": "planted by the test",
        }
    )
    (copy / "known-differences.yaml").write_text(yaml.safe_dump(known, sort_keys=False))
    code, out = run(capsys, "--upstream", str(copy), "check")
    assert code == 1
    assert "stale: known difference 'made-up'" in out


# review finding 4: an entry without values matched any value, so a limit could drift


def test_a_planted_limit_edit_fails_naming_the_field_and_both_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = shutil.copytree(SPECS, tmp_path / "specs")
    spec = specs / "twilio_proxy.yaml"
    text = spec.read_text()
    assert "maxLength: 191" in text
    spec.write_text(text.replace("maxLength: 191", "maxLength: 190", 1))
    code, out = run(capsys, "--specs", str(specs), "--upstream", str(UPSTREAM), "check")
    assert code == 1, out
    assert (
        "| twilio_proxy | GET /v1/Services/{ServiceSid}/Sessions/{Sid} | "
        "`parameters.path.Sid` | maxLength | absent | `190` |"
    ) in out
    assert (
        "`parameters.path.Sid` maxLength: entry 'twilio-fetch-sid-length' covers it but pins "
        "upstream absent / ours `191`, not vendor absent / ours `190`"
    ) in out


def test_every_entry_pins_both_values() -> None:
    entries, _contract = upstream.load_known(UPSTREAM)
    assert [e.id for e in entries if e.unpinned()] == []
    # no wildcard is needed today; one would have to say why
    assert [e.id for e in entries if e.wildcard] == []


def _with_entry(tmp_path: Path, **entry: Any) -> Path:
    copy = shutil.copytree(UPSTREAM, tmp_path / "upstream")
    known = yaml.safe_load((copy / "known-differences.yaml").read_text())
    for existing in known["differences"]:
        if existing["id"] == "twilio-fetch-sid-length":
            existing.pop("values")
            existing.update(entry)
    (copy / "known-differences.yaml").write_text(yaml.safe_dump(known, sort_keys=False))
    return copy


def test_an_entry_without_values_fails_check_and_suggest_prints_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = _with_entry(tmp_path)
    code, out = run(capsys, "--upstream", str(copy), "check")
    assert code == 1
    assert (
        "known-differences.yaml: entry 'twilio-fetch-sid-length' gives no `upstream`/`ours` "
        "value, so it matches any value; pin maxLength: absent -> `191`, minLength: absent -> `1`"
    ) in out
    code, out = run(capsys, "--upstream", str(copy), "check", "--suggest")
    assert code == 1
    assert {
        "id": "twilio-fetch-sid-length",
        "values": [
            {"aspect": "maxLength", "upstream": "absent", "ours": 191},
            {"aspect": "minLength", "upstream": "absent", "ours": 1},
        ],
    } in yaml.safe_load(out)
    # one side alone is not enough either
    copy = _with_entry(tmp_path / "one", upstream="absent")
    code, out = run(capsys, "--upstream", str(copy), "check")
    assert code == 1
    assert "entry 'twilio-fetch-sid-length' gives no `ours` value" in out


def test_a_wildcard_needs_a_reason_and_then_matches_any_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = _with_entry(tmp_path, upstream="absent", ours="any")
    with pytest.raises(upstream.UpstreamError, match="say in `wildcard:` why"):
        upstream.load_known(copy)
    copy = _with_entry(tmp_path / "why", upstream="absent", ours="any", wildcard="planted")
    code, out = run(capsys, "--upstream", str(copy), "check")
    assert code == 0, out


def test_every_entry_has_a_kind_and_a_reason() -> None:
    entries, contract = upstream.load_known(UPSTREAM)
    assert len(entries) >= 40
    for entry in entries:
        assert entry.kind in upstream.KINDS and len(entry.reason) > 20, entry.id
    assert {c["id"] for c in contract} == {
        "twilio-form-array-untyped",
        "trinsic-text-plain-first",
        "sipher-placeholder-examples",
    }


def test_check_suggest_prints_stubs_for_new_differences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = shutil.copytree(UPSTREAM, tmp_path / "upstream")
    (copy / "known-differences.yaml").write_text("differences: []\n")
    code, out = run(capsys, "--upstream", str(copy), "check", "--api", "sipher", "--suggest")
    assert code == 1
    stubs = yaml.safe_load(out)
    assert {"api", "operations", "field", "aspect", "upstream", "ours", "kind", "reason"} <= set(
        stubs[0]
    )


# --------------------------------------------------------------------------------------- diff


def plant_twilio(doc: dict[str, Any]) -> None:
    schemas = doc["components"]["schemas"]
    del schemas["proxy.v1.service.session"]["properties"]["closed_reason"]  # removed field
    schemas["session_enum_status"]["enum"].append("paused")  # new enum value
    doc["paths"]["/v1/Services/{ServiceSid}/Sessions"]["get"]["parameters"].append(
        {"name": "Region", "in": "query", "required": True, "schema": {"type": "string"}}
    )  # new required parameter
    fetch = doc["paths"]["/v1/Services/{ServiceSid}/Sessions/{Sid}"]["get"]
    fetch["parameters"][0]["schema"]["pattern"] = "^KS[0-9a-f]{32}$"  # narrowed pattern


def plant_trinsic(doc: dict[str, Any]) -> None:
    schemas = doc["components"]["schemas"]
    del schemas["Session"]["properties"]["clientToken"]
    schemas["IDVSessionState"]["enum"].append("IdvExpired")
    doc["paths"]["/v1/sessions/get"]["get"]["parameters"].append(
        {"name": "region", "in": "query", "required": True, "schema": {"type": "string"}}
    )
    schemas["ListSessionsRequest"]["properties"]["pageSize"]["maximum"] = 5  # narrowed range


def plant_sipher(doc: dict[str, Any]) -> None:
    schemas = doc["components"]["schemas"]
    del schemas["getSession_200_response_data"]["properties"]["lastAccessedAt"]
    schemas["createSession_request_defaults"]["properties"]["chain"]["enum"].append("tron")
    doc["paths"]["/v1/sessions/{id}"]["delete"].setdefault("parameters", []).append(
        {"name": "confirm", "in": "query", "required": True, "schema": {"type": "boolean"}}
    )
    key = schemas["createSession_request_defaults"]["properties"]["defaultViewingKey"]
    key["pattern"] = "^0x[0-9a-f]{64}$"


PLANTS = {
    "twilio_proxy": (
        "twilio_proxy_v1.yaml",
        plant_twilio,
        {
            (
                "GET /v1/Services/{ServiceSid}/Sessions",
                "responses.200.body.sessions[].closed_reason",
            ): (
                "breaking",
                "removed",
            ),
            ("GET /v1/Services/{ServiceSid}/Sessions/{Sid}", "responses.200.body.status"): (
                "additive",
                "new enum value",
            ),
            ("GET /v1/Services/{ServiceSid}/Sessions", "parameters.query.Region"): (
                "breaking",
                "new required",
            ),
            ("GET /v1/Services/{ServiceSid}/Sessions/{Sid}", "parameters.path.ServiceSid"): (
                "breaking",
                "pattern narrowed",
            ),
        },
    ),
    "trinsic_connect": (
        "trinsic_connect_v1.json",
        plant_trinsic,
        {
            ("GET /v1/sessions/get", "responses.200.body.session.clientToken"): (
                "breaking",
                "removed",
            ),
            ("POST /v1/sessions/cancel", "responses.200.body.session.state"): (
                "additive",
                "new enum value",
            ),
            ("GET /v1/sessions/get", "parameters.query.region"): ("breaking", "new required"),
            ("POST /v1/sessions/list", "request.body.pageSize"): ("breaking", "maximum narrowed"),
        },
    ),
    "sipher": (
        "sipher.yaml",
        plant_sipher,
        {
            ("GET /v1/sessions/{id}", "responses.200.body.data.lastAccessedAt"): (
                "breaking",
                "removed",
            ),
            ("POST /v1/sessions", "request.body.defaults.chain"): ("additive", "new enum value"),
            ("DELETE /v1/sessions/{id}", "parameters.query.confirm"): (
                "breaking",
                "new required",
            ),
            ("PATCH /v1/sessions/{id}", "request.body.defaults.defaultViewingKey"): (
                "breaking",
                "pattern narrowed",
            ),
        },
    ),
}


@pytest.mark.parametrize("api", PLANTS)
def test_diff_reports_each_planted_change_with_its_class(
    api: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name, plant, expected = PLANTS[api]
    doc = load(UPSTREAM / name)
    plant(doc)
    new = dump(doc, tmp_path / name)
    classified = upstream.diff_documents(api, load(UPSTREAM / name), load(new), SPECS)
    found = {(c.operation, c.where): (cls, what) for cls, what, c in classified}
    for key, (cls, words) in expected.items():
        assert key in found, f"{api}: {key} not reported; got {sorted(found)}"
        assert found[key][0] == cls and words in found[key][1], (key, found[key])
    assert {cls for cls, _w, _c in classified} <= {"breaking", "additive"}

    code, out = run(capsys, "diff", str(UPSTREAM / name), str(new))
    assert code == 1
    assert "## Breaking for sessionhub" in out and "## Additive" in out
    for operation, where in expected:
        assert f"| {operation} | `{where}` |" in out


def test_diff_of_identical_documents_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    path = UPSTREAM / "twilio_proxy_v1.yaml"
    code, out = run(capsys, "diff", str(path), str(path))
    assert code == 0
    assert "No change touches the operations sessionhub uses." in out


def test_diff_ignores_operations_we_do_not_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = load(UPSTREAM / "twilio_proxy_v1.yaml")
    del doc["paths"]["/v1/Services/{ServiceSid}/PhoneNumbers"]
    new = dump(doc, tmp_path / "twilio_proxy_v1.yaml")
    code, out = run(capsys, "diff", str(UPSTREAM / "twilio_proxy_v1.yaml"), str(new))
    assert code == 0, out


def test_a_description_change_is_documentation_only(tmp_path: Path) -> None:
    doc = load(UPSTREAM / "twilio_proxy_v1.yaml")
    session = doc["components"]["schemas"]["proxy.v1.service.session"]
    session["properties"]["unique_name"]["description"] = "Now described differently."
    new = dump(doc, tmp_path / "twilio_proxy_v1.yaml")
    classified = upstream.diff_documents(
        "twilio_proxy", load(UPSTREAM / "twilio_proxy_v1.yaml"), load(new), SPECS
    )
    assert classified and {cls for cls, _w, _c in classified} == {"documentation"}


def test_a_removed_operation_and_a_type_change_are_breaking(tmp_path: Path) -> None:
    doc = load(UPSTREAM / "trinsic_connect_v1.json")
    del doc["paths"]["/v1/sessions/cancel"]
    doc["components"]["schemas"]["Session"]["properties"]["created"]["type"] = "string"
    new = dump(doc, tmp_path / "trinsic_connect_v1.json")
    classified = upstream.diff_documents(
        "trinsic_connect", load(UPSTREAM / "trinsic_connect_v1.json"), load(new), SPECS
    )
    found = {(c.operation, c.where, c.aspect): (cls, what) for cls, what, c in classified}
    assert found[("POST /v1/sessions/cancel", "operation", "presence")] == (
        "breaking",
        "operation removed",
    )
    assert found[("GET /v1/sessions/get", "responses.200.body.session.created", "type")][0] == (
        "breaking"
    )


def test_diff_compares_two_equos_facts_records(tmp_path: Path) -> None:
    doc = load(UPSTREAM / "equos_client.yaml")
    session = doc["components"]["schemas"]["EquosSession"]
    session["properties"]["region"] = {"type": "string"}  # a newer client's new field
    del session["properties"]["freemium"]
    doc["info"]["x-client"]["version"] = "3.1.0"
    new = dump(doc, tmp_path / "equos_client.yaml")
    classified = upstream.diff_documents(
        "equos", load(UPSTREAM / "equos_client.yaml"), load(new), SPECS
    )
    found = {(c.operation, c.where): cls for cls, _w, c in classified}
    assert found[("GET /v3/sessions/{id}", "responses.200.body.region")] == "additive"
    assert found[("GET /v3/sessions/{id}", "responses.200.body.freemium")] == "breaking"


# ------------------------------------------------------------------------------------ refresh


def test_refresh_from_a_file_reports_and_writes_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = shutil.copytree(UPSTREAM, tmp_path / "upstream")
    doc = load(UPSTREAM / "sipher.yaml")
    plant_sipher(doc)
    new = dump(doc, tmp_path / "new-sipher.yaml")
    before = (copy / "sipher.yaml").read_bytes()

    code, out = run(
        capsys, "--upstream", str(copy), "refresh", "--api", "sipher", "--from", str(new)
    )
    assert code == 1
    assert "`parameters.query.confirm` | new required query parameter" in out
    assert (copy / "sipher.yaml").read_bytes() == before  # no --write: nothing changes

    code, out = run(
        capsys,
        "--upstream",
        str(copy),
        "refresh",
        "--api",
        "sipher",
        "--from",
        str(new),
        "--write",
        "--commit",
        "abc1234",
        "--date",
        "2026-08-01",
    )
    assert code == 1 and "wrote" in out
    assert (copy / "sipher.yaml").read_bytes() == new.read_bytes()
    lock = yaml.safe_load((copy / "upstream.lock.yaml").read_text())
    entry = lock["snapshots"]["sipher"]
    assert entry["sha256"] == hashlib.sha256(new.read_bytes()).hexdigest()
    assert (entry["commit"], entry["date"]) == ("abc1234", "2026-08-01")
    assert (copy / "upstream.lock.yaml").read_text().startswith("# Where each vendor snapshot")
    assert upstream.verify_lock(copy) == []

    # the same file again: nothing changes, nothing to report
    code, out = run(
        capsys, "--upstream", str(copy), "refresh", "--api", "sipher", "--from", str(new)
    )
    assert code == 0 and "No change touches" in out


def test_refresh_of_equos_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "refresh", "--api", "equos")
    assert code == 2
    assert "pass --from PATH" in out


def test_refresh_of_a_missing_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(capsys, "refresh", "--api", "sipher", "--from", str(tmp_path / "nope.yaml"))
    assert code == 2 and "no file" in out


@pytest.mark.slow  # a child process
def test_the_script_runs_from_any_directory_as_main_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # -I leaves scripts/ off sys.path, so this fails if the file stops finding its package
    path = UPSTREAM / "twilio_proxy_v1.yaml"
    script = ROOT / "scripts" / "upstream.py"
    for argv in (["diff", str(path), str(path)], ["refresh", "--api", "equos"]):
        child = subprocess.run(
            [sys.executable, "-I", str(script), *argv],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            check=False,
        )
        code, out = run(capsys, *argv)
        assert (child.returncode, child.stdout + child.stderr) == (code, out), argv
        assert code in (0, 2) and out, argv


# ------------------------------------------------------------------------------------- digest


def test_nullable_spellings_of_30_and_31_are_one_fact() -> None:
    spec30 = {
        "openapi": "3.0.3",
        "paths": {},
        "components": {
            "schemas": {
                "E": {"type": "string", "enum": ["a", "b"]},
                "S": {
                    "type": "object",
                    "properties": {
                        "x": {"allOf": [{"$ref": "#/components/schemas/E"}], "nullable": True}
                    },
                },
            }
        },
    }
    spec31 = {
        "openapi": "3.1.0",
        "paths": {},
        "components": {
            "schemas": {
                "S": {
                    "type": "object",
                    "properties": {
                        "x": {"anyOf": [{"type": "string", "enum": ["b", "a"]}, {"type": "null"}]}
                    },
                }
            }
        },
    }
    facts = []
    for spec in (spec30, spec31):
        out: dict[Any, Any] = {}
        upstream.Digester(spec).schema_facts(
            {"$ref": "#/components/schemas/S"}, ("body",), out, required=None
        )
        facts.append(out[("body", "x")])
    assert (
        facts[0]
        == facts[1]
        == {
            "type": "string",
            "enum": ["a", "b"],
            "nullable": True,
            "required": False,
        }
    )


def test_glob_treats_brackets_literally() -> None:
    assert upstream.glob("responses.*.body.sessions[].sid", "responses.200.body.sessions[].sid")
    assert not upstream.glob("responses.*.body.sessions[].sid", "responses.200.body.sessionsX.sid")
