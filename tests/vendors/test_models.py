"""What users read: the models each public module exports.

No field's type mentions the generated packages' private `Unset`; every model has a readable
repr, compares equal after pickle and deepcopy, and its `to_dict()` is JSON before and after
either; every public class names its public module, and pickles by that name.
"""

from __future__ import annotations

import copy
import json
import pickle
import re
import typing
from types import ModuleType
from typing import Any

import attrs
import pytest

import sessionhub.equos
import sessionhub.sipher
import sessionhub.trinsic
import sessionhub.twilio
from tests.conftest import sample

MODULES = [sessionhub.twilio, sessionhub.trinsic, sessionhub.sipher, sessionhub.equos]


def public_models(module: ModuleType) -> list[type[Any]]:
    return [
        value
        for name in module.__all__
        if attrs.has(value := getattr(module, name)) and isinstance(value, type)
    ]


def reachable_models(model: type[Any], seen: set[type[Any]]) -> set[type[Any]]:
    """Every attrs class a field of `model` can hold, recursively."""
    if model in seen:
        return seen
    seen.add(model)
    hints = typing.get_type_hints(model)
    for field in attrs.fields(model):
        for arg in _flatten(hints[field.name]):
            if attrs.has(arg) and isinstance(arg, type):
                reachable_models(arg, seen)
    return seen


def _flatten(tp: Any) -> list[Any]:
    args = typing.get_args(tp)
    return [tp] if not args else [t for arg in args for t in _flatten(arg)]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_no_public_field_type_mentions_unset(module: ModuleType) -> None:
    models = public_models(module)
    assert models
    checked = 0
    for model in models:
        for field_name, hint in typing.get_type_hints(model).items():
            assert "Unset" not in str(hint), f"{model.__name__}.{field_name}: {hint}"
            checked += 1
    assert checked > 10


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_every_model_a_user_can_receive_is_exported(module: ModuleType) -> None:
    """Exported means picklable by the public name, and named in docs and tracebacks."""
    reachable: set[type[Any]] = set()
    for model in public_models(module):
        reachable_models(model, reachable)
    exported = set(public_models(module))
    assert reachable <= exported, sorted(m.__name__ for m in reachable - exported)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_public_classes_name_the_public_module(module: ModuleType) -> None:
    for name in module.__all__:
        value = getattr(module, name)
        if isinstance(value, type):
            assert value.__module__ == module.__name__, name
            assert getattr(module, value.__qualname__) is value
            typing.get_type_hints(value)  # string annotations still resolve after the rename


def _samples() -> list[tuple[str, Any]]:
    tw, tc, sp, eq = MODULES
    twilio_session = sample("twilio-proxy", "session-fetch-200.json")
    odd = {**twilio_session, "status": "paused-by-vendor", "brand_new_field": [1, {"a": None}]}
    return [
        ("twilio fetch", tw.Session.from_dict(twilio_session)),
        ("twilio undocumented", tw.Session.from_dict(odd)),
        ("twilio sparse", tw.Session.from_dict({"sid": twilio_session["sid"]})),
        (
            "trinsic get",
            tc.Session.from_dict(
                sample("trinsic-connect", "get-session-200-success.json")["session"]
            ),
        ),
        ("sipher get", sp.Session.from_dict(sample("sipher", "get-session-200.json")["data"])),
        (
            "sipher create",
            sp.Session.from_dict(sample("sipher", "create-session-201.json")["data"]),
        ),
        ("equos get", eq.Session.from_dict(sample("equos", "get-session-200.json"))),
        (
            "equos create",
            eq.CreateSessionResponse.from_dict(sample("equos", "create-session-201.json")),
        ),
    ]


SAMPLES = _samples()


@pytest.mark.parametrize(("label", "model"), SAMPLES, ids=[label for label, _ in SAMPLES])
def test_models_survive_pickle_and_deepcopy(label: str, model: Any) -> None:
    wire = model.to_dict()
    json.dumps(wire)
    for twin in (pickle.loads(pickle.dumps(model)), copy.deepcopy(model), copy.copy(model)):
        assert twin == model
        assert type(twin) is type(model)
        assert json.loads(json.dumps(twin.to_dict())) == json.loads(json.dumps(wire))
        assert type(model).from_dict(twin.to_dict()) == model


@pytest.mark.parametrize(("label", "model"), SAMPLES, ids=[label for label, _ in SAMPLES])
def test_repr_is_readable(label: str, model: Any) -> None:
    text = repr(model)
    assert text.startswith(type(model).__name__ + "(")
    assert not re.search(r"at 0x[0-9a-f]+", text), text
    assert "Unset" not in text and "_sessionhub_generated" not in text


def test_pickles_name_the_public_module() -> None:
    data = pickle.dumps(SAMPLES[0][1])
    assert b"sessionhub.twilio" in data and b"_sessionhub_generated" not in data


def test_undocumented_enum_value_survives_pickle() -> None:
    _, model = SAMPLES[1]
    assert model.status.name == "UNDOCUMENTED" and model.status == "paused-by-vendor"
    assert pickle.loads(pickle.dumps(model)).status == "paused-by-vendor"
    assert model.to_dict()["brand_new_field"] == [1, {"a": None}]
