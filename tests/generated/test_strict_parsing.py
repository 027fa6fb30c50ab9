"""Strict parsing in the generated `from_dict` (scripts/codegen/templates/): a JSON value of the
wrong type is a TypeError, never stored; valid samples still parse and round-trip.

The four APIs' models are exercised directly, plus a small probe spec generated here with the
same config and templates, for the kinds the real specs lack (floats, int enums, lists of
enums and of ints, typed additional properties, models referencing each other in a cycle).
"""

from __future__ import annotations

import datetime
import importlib
import json
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from _sessionhub_generated import equos, sipher, trinsic_connect, twilio_proxy
from _sessionhub_generated.equos import models as eq
from _sessionhub_generated.sipher import models as sp
from _sessionhub_generated.trinsic_connect import models as tc
from _sessionhub_generated.twilio_proxy import models as tw
from tests.conftest import sample

ROOT = Path(__file__).resolve().parents[2]


def _is_date(value: str) -> bool:
    try:
        datetime.datetime.fromisoformat(value)
    except ValueError:
        return False
    return "T" in value


def normalized(value: Any) -> Any:
    """JSON with every ISO 8601 date-time as a datetime (`Z` and `+00:00` compare equal) and
    null members dropped: an absent optional field and a null one both read as None, and
    `to_dict` writes None as null where the spec allows null (as the vendors send it)."""
    if isinstance(value, dict):
        return {k: normalized(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [normalized(v) for v in value]
    if isinstance(value, str) and _is_date(value):
        return datetime.datetime.fromisoformat(value)
    return value


# --- valid samples ---------------------------------------------------------------------

SAMPLES = [
    ("twilio-proxy", "session-create-201.json", tw.Session),
    ("twilio-proxy", "session-fetch-200.json", tw.Session),
    ("twilio-proxy", "session-update-200.json", tw.Session),
    ("twilio-proxy", "sessions-list-page-200.json", tw.ListSessionsResponse),
    ("twilio-proxy", "sessions-list-empty-200.json", tw.ListSessionsResponse),
    ("twilio-proxy", "error-404.json", tw.TwilioError),
    ("trinsic-connect", "create-session-200.json", tc.CreateSessionResponse),
    ("trinsic-connect", "get-session-200-success.json", tc.GetSessionResponse),
    ("trinsic-connect", "cancel-session-200.json", tc.CancelSessionResponse),
    ("trinsic-connect", "list-sessions-200.json", tc.ListSessionsResponse),
    ("trinsic-connect", "error-401.json", tc.FailureMessage),
    ("sipher", "create-session-201.json", sp.CreateSessionResponse),
    ("sipher", "get-session-200.json", sp.GetSessionResponse),
    ("sipher", "update-session-200.json", sp.UpdateSessionResponse),
    ("sipher", "error-400-validation.json", sp.ErrorResponse),
    ("sipher", "error-403-tier-denied.json", sp.ErrorResponse),
    ("sipher", "error-404-session-not-found.json", sp.ErrorResponse),
    ("equos", "create-session-201.json", eq.CreateSessionResponse),
    ("equos", "get-session-200.json", eq.EquosSession),
    ("equos", "stop-session-200.json", eq.EquosSession),
    ("equos", "list-sessions-200.json", eq.ListSessionsResponse),
    ("equos", "error-400-validation.json", eq.EquosError),
    ("equos", "error-401-unauthorized.json", eq.EquosError),
]


@pytest.mark.parametrize(
    ("vendor", "name", "model"), SAMPLES, ids=[f"{v}/{n}" for v, n, _ in SAMPLES]
)
def test_valid_samples_parse_and_round_trip(vendor: str, name: str, model: Any) -> None:
    body = sample(vendor, name)
    parsed = model.from_dict(body)
    assert normalized(parsed.to_dict()) == normalized(body)
    assert model.from_dict(parsed.to_dict()) == parsed


def test_trinsic_validation_errors_sample_parses() -> None:
    body = sample("trinsic-connect", "error-400-validation.json")
    parsed = [tc.ValidationResult.from_dict(item) for item in body]
    assert [p.to_dict() for p in parsed] == body


def test_valid_values_keep_their_python_types() -> None:
    body = sample("twilio-proxy", "sessions-list-page-200.json")
    page = tw.ListSessionsResponse.from_dict(body)
    first = page.sessions[0]
    assert first.status is tw.SessionStatus.IN_PROGRESS
    assert first.mode is tw.SessionMode.VOICE_AND_MESSAGE
    assert first.date_started == datetime.datetime(2024, 5, 1, 17, 5, 40, tzinfo=datetime.UTC)
    assert first.ttl == 3600 and type(first.ttl) is int
    assert first.date_ended is None
    assert isinstance(first.links, tw.SessionLinks)
    assert page.sessions[1].closed_reason == ""


def test_unknown_enum_values_and_unknown_keys_are_kept() -> None:
    body = {**sample("twilio-proxy", "session-fetch-200.json"), "status": "paused", "new": [1]}
    session = tw.Session.from_dict(body)
    assert session.status == "paused" and session.status.name == "UNDOCUMENTED"
    assert session.additional_properties == {"new": [1]}
    assert session.to_dict()["new"] == [1]


def test_a_non_dict_mapping_is_accepted() -> None:
    body = sample("twilio-proxy", "session-fetch-200.json")
    assert tw.Session.from_dict(types.MappingProxyType(body)) == tw.Session.from_dict(body)


# --- the top level must be an object ---------------------------------------------------


def _models() -> Iterator[Any]:
    for package in (equos, sipher, trinsic_connect, twilio_proxy):
        module = package.models
        for name in module.__all__:
            cls = getattr(module, name)
            if attrs.has(cls):
                yield cls


MODELS = list(_models())


@pytest.mark.parametrize("model", MODELS, ids=[f"{m.__module__}.{m.__name__}" for m in MODELS])
@pytest.mark.parametrize("value", [[], [["sid", "KC1"]], "x", None, 0, True], ids=repr)
def test_every_model_rejects_a_non_object(model: Any, value: Any) -> None:
    with pytest.raises(TypeError, match=f"^{model.__name__}: expected a JSON object, got "):
        model.from_dict(value)


# --- wrong types on the real models -----------------------------------------------------


def _twilio_session(**changes: Any) -> dict[str, Any]:
    return {**sample("twilio-proxy", "session-fetch-200.json"), **changes}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"sid": 5}, "sid: unexpected int"),  # required str
        ({"sid": None}, "sid: unexpected NoneType"),
        ({"service_sid": 5}, "service_sid: unexpected int"),  # nullable str
        ({"url": ["x"]}, "url: unexpected list"),
        ({"ttl": True}, "ttl: unexpected bool"),  # nullable int: JSON true is not an integer
        ({"ttl": 1.5}, "ttl: unexpected float"),
        ({"ttl": "60"}, "ttl: unexpected str"),
        ({"status": 1}, "status: unexpected int"),  # nullable enum
        ({"date_created": 1700000000}, "date_created: unexpected int"),
        ({"links": "x"}, "links: unexpected str"),  # nullable model
    ],
)
def test_twilio_session_rejects_wrong_types(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(TypeError, match=f"^{message}$"):
        tw.Session.from_dict(_twilio_session(**changes))


def test_nullable_and_absent_values_are_still_accepted() -> None:
    body = _twilio_session(service_sid=None, ttl=None, status=None, links=None)
    del body["url"]
    session = tw.Session.from_dict(body)
    assert session.service_sid is None and session.ttl is None and session.status is None
    assert session.url is None  # absent reads as None too: no Unset in a response model
    assert "url" not in body and session.to_dict()["url"] is None


@pytest.mark.parametrize(
    ("model", "body", "message"),
    [
        # int (required, and optional)
        (eq.ListSessionsResponse, {"skip": "0"}, "skip: unexpected str"),
        (eq.ListSessionsResponse, {"total": True}, "total: unexpected bool"),
        (eq.ListSessionsResponse, {"take": None}, "take: unexpected NoneType"),
        (tc.ListSessionsResponse, {"total": False}, "total: unexpected bool"),
        # bool (required, and optional)
        (sp.GetSessionResponse, {"success": 1}, "success: unexpected int"),
        (tc.ListSessionsResponse, {"more": "yes"}, "more: unexpected str"),
        # list of models where a string or an object arrives
        (tc.ListSessionsResponse, {"sessions": "abc"}, "sessions: unexpected str"),
        (tc.ListSessionsResponse, {"sessions": {"id": "x"}}, "sessions: unexpected dict"),
        (tw.ListSessionsResponse, {"sessions": "KC1"}, "sessions: unexpected str"),
        (tw.ListSessionsResponse, {"sessions": {"sid": "KC1"}}, "sessions: unexpected dict"),
        # list of str, optional and nullable
        (tc.ValidationResult, {"memberNames": "PageSize"}, "memberNames: unexpected str"),
        (tc.ValidationResult, {"memberNames": ["a", 1]}, "memberNames: unexpected int item"),
        # str | list[str]
        (eq.EquosError, {"message": 5}, "message: unexpected int"),
        (eq.EquosError, {"message": ["a", None]}, "message: unexpected list"),
        # typed additional properties
        (eq.TemplateVars, {"name": 1}, "name: unexpected int"),
    ],
)
def test_models_reject_wrong_types(model: Any, body: dict[str, Any], message: str) -> None:
    valid = {
        eq.ListSessionsResponse: {"skip": 0, "take": 20, "total": 0, "sessions": []},
        tc.ListSessionsResponse: {"sessions": [], "total": 0, "more": False},
        sp.GetSessionResponse: sample("sipher", "get-session-200.json"),
        tw.ListSessionsResponse: sample("twilio-proxy", "sessions-list-empty-200.json"),
        tc.ValidationResult: {"memberNames": ["PageSize"], "errorMessage": "x"},
        eq.EquosError: {"statusCode": 400, "message": "Bad Request"},
        eq.TemplateVars: {"name": "Ada"},
    }[model]
    model.from_dict(valid)  # the untouched body parses
    with pytest.raises(TypeError, match=f"^{message}$"):
        model.from_dict({**valid, **body})


def test_request_models_check_primitive_lists() -> None:
    body = {"UniqueName": "u", "Participants": ["a", "b"]}
    assert tw.CreateSessionRequest.from_dict(body).participants == ["a", "b"]
    with pytest.raises(TypeError, match="^Participants: unexpected str$"):
        tw.CreateSessionRequest.from_dict({**body, "Participants": "ab"})
    with pytest.raises(TypeError, match="^Participants: unexpected int item$"):
        tw.CreateSessionRequest.from_dict({**body, "Participants": ["a", 1]})


def test_str_or_list_union_accepts_both() -> None:
    assert eq.EquosError.from_dict({"statusCode": 400, "message": "x"}).message == "x"
    assert eq.EquosError.from_dict({"statusCode": 400, "message": ["x"]}).message == ["x"]


def test_a_wrong_type_deep_in_a_page_fails_the_page() -> None:
    body = sample("twilio-proxy", "sessions-list-page-200.json")
    body["sessions"][1]["ttl"] = True
    with pytest.raises(TypeError, match="^ttl: unexpected bool$"):
        tw.ListSessionsResponse.from_dict(body)


# --- a probe spec for the kinds the real specs lack ------------------------------------

PROBE_SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Strict parsing probe", "version": "1.0"},
    "paths": {
        "/things": {
            "get": {
                "operationId": "getThing",
                "tags": ["things"],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}
                        },
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Color": {"type": "string", "enum": ["red", "green"]},
            "Level": {"type": "integer", "enum": [1, 2, 3]},
            "Thing": {
                "type": "object",
                "required": ["name", "count", "ratio", "flag", "colors", "parts"],
                "properties": {
                    "name": {"type": "string"},
                    "count": {"type": "integer"},
                    "ratio": {"type": "number"},
                    "flag": {"type": "boolean"},
                    "scores": {"type": "array", "items": {"type": "integer"}},
                    "weights": {"type": "array", "items": {"type": "number"}},
                    "colors": {"type": "array", "items": {"$ref": "#/components/schemas/Color"}},
                    "parts": {"type": "array", "items": {"$ref": "#/components/schemas/Part"}},
                    "maybe_level": {
                        "nullable": True,
                        "allOf": [{"$ref": "#/components/schemas/Level"}],
                    },
                    "maybe_ratio": {"type": "number", "nullable": True},
                    "maybe_flags": {
                        "type": "array",
                        "nullable": True,
                        "items": {"type": "boolean"},
                    },
                    "anything": {},
                    "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
                    "left": {"$ref": "#/components/schemas/Left"},
                    "node": {"$ref": "#/components/schemas/Node"},
                },
            },
            "Part": {
                "type": "object",
                "required": ["id"],
                "properties": {"id": {"type": "string"}},
            },
            "Node": {
                "type": "object",
                "properties": {
                    "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}
                },
            },
            "Left": {
                "type": "object",
                "properties": {
                    "right": {"$ref": "#/components/schemas/Right"},
                    "part": {"$ref": "#/components/schemas/Part"},
                },
            },
            "Right": {
                "type": "object",
                "properties": {"left": {"$ref": "#/components/schemas/Left"}},
            },
        }
    },
}

PROBE = "sessionhub_strict_probe"


@pytest.fixture(scope="module")
def probe(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Any]]:
    """The probe spec generated with sessionhub's config and templates, and its models."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from codegen import _run_generator
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    root = tmp_path_factory.mktemp("probe")
    spec = root / "probe.json"
    spec.write_text(json.dumps(PROBE_SPEC))
    _run_generator(spec, root / PROBE)
    sys.path.insert(0, str(root))
    try:
        yield root / PROBE, importlib.import_module(f"{PROBE}.models")
    finally:
        sys.path.remove(str(root))
        for name in [n for n in sys.modules if n == PROBE or n.startswith(PROBE + ".")]:
            del sys.modules[name]


def _thing(**changes: Any) -> dict[str, Any]:
    return {
        "name": "n",
        "count": 1,
        "ratio": 0.5,
        "flag": True,
        "colors": ["red"],
        "parts": [{"id": "p"}],
        **changes,
    }


def test_probe_valid_body_parses(probe: tuple[Path, Any]) -> None:
    _, models = probe
    body = _thing(
        ratio=2,
        scores=[1, 2],
        weights=[1, 0.5],
        maybe_level=2,
        maybe_ratio=None,
        maybe_flags=[False],
        anything=[True, {"x": None}],
        counts={"a": 1},
        left={"right": {"left": {"part": {"id": "q"}}}},
        node={"children": [{"children": []}]},
    )
    thing = models.Thing.from_dict(body)
    assert thing.colors == [models.Color.RED] and thing.maybe_level is models.Level.VALUE_2
    assert thing.left.right.left.part.id == "q"
    assert thing.to_dict() == body


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"ratio": True}, "ratio: unexpected bool"),  # number
        ({"ratio": "0.5"}, "ratio: unexpected str"),
        ({"maybe_ratio": False}, "maybe_ratio: unexpected bool"),
        ({"count": 1.0}, "count: unexpected float"),
        ({"flag": 0}, "flag: unexpected int"),
        ({"scores": [1, True]}, "scores: unexpected bool item"),
        ({"weights": [1.5, "2"]}, "weights: unexpected str item"),
        ({"maybe_flags": [1]}, "maybe_flags: unexpected int item"),
        ({"colors": "red"}, "colors: unexpected str"),  # a list of enums, not iterated
        ({"colors": {"red": 1}}, "colors: unexpected dict"),
        ({"parts": {"id": "p"}}, "parts: unexpected dict"),
        ({"maybe_level": True}, "maybe_level: unexpected bool"),  # an int enum
        ({"counts": {"a": True}}, "a: unexpected bool"),
        ({"left": {"right": {"left": []}}}, "left: unexpected list"),
    ],
)
def test_probe_rejects_wrong_types(
    probe: tuple[Path, Any], changes: dict[str, Any], message: str
) -> None:
    _, models = probe
    with pytest.raises(TypeError, match=f"^{message}$"):
        models.Thing.from_dict(_thing(**changes))


def test_probe_imports_models_lazily_only_in_a_cycle(probe: tuple[Path, Any]) -> None:
    package, _ = probe
    left = (package / "models" / "left.py").read_text()
    thing = (package / "models" / "thing.py").read_text()
    assert "\nfrom ..models.part import Part\n" in left  # Part cannot reach Left
    assert "\nif TYPE_CHECKING:\n    from ..models.right import Right\n" in left
    assert "from ..models.right import Right  # noqa: PLC0415" in left
    assert "PLC0415" not in thing and "\nfrom ..models.left import Left\n" in thing


@pytest.mark.slow  # runs mypy in a child process
def test_probe_passes_mypy_strict(probe: tuple[Path, Any]) -> None:
    package, _ = probe
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", PROBE],
        cwd=package.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
