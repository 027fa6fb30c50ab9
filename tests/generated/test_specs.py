"""The hand-written specs: valid OpenAPI, exactly the 17 operations, and every example valid
against its schema (validated as OpenAPI 3.0, so `nullable` counts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate

SPECS = Path(__file__).resolve().parents[2] / "specs"
APIS = ("equos", "sipher", "trinsic_connect", "twilio_proxy")
METHODS = ("get", "post", "put", "patch", "delete")

EXPECTED = {
    "trinsic_connect": {
        ("post", "/v1/sessions"),
        ("get", "/v1/sessions/get"),
        ("post", "/v1/sessions/list"),
        ("post", "/v1/sessions/cancel"),
    },
    "sipher": {
        ("post", "/v1/sessions"),
        ("get", "/v1/sessions/{id}"),
        ("patch", "/v1/sessions/{id}"),
        ("delete", "/v1/sessions/{id}"),
    },
    "equos": {
        ("post", "/v3/sessions"),
        ("get", "/v3/sessions/{id}"),
        ("get", "/v3/sessions"),
        ("patch", "/v3/sessions/{id}/stop"),
    },
    "twilio_proxy": {
        ("post", "/v1/Services/{ServiceSid}/Sessions"),
        ("get", "/v1/Services/{ServiceSid}/Sessions"),
        ("get", "/v1/Services/{ServiceSid}/Sessions/{Sid}"),
        ("post", "/v1/Services/{ServiceSid}/Sessions/{Sid}"),
        ("delete", "/v1/Services/{ServiceSid}/Sessions/{Sid}"),
    },
}


def load(api: str) -> dict[str, Any]:
    return yaml.safe_load((SPECS / f"{api}.yaml").read_text())


def operations(spec: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (method, path): item[method]
        for path, item in spec["paths"].items()
        for method in METHODS
        if method in item
    }


@pytest.mark.parametrize("api", APIS)
def test_spec_is_valid_openapi(api: str) -> None:
    validate(load(api))


def test_exactly_the_17_operations() -> None:
    found = {api: set(operations(load(api))) for api in APIS}
    assert found == EXPECTED
    assert sum(len(ops) for ops in found.values()) == 17


@pytest.mark.parametrize("api", APIS)
def test_each_operation_has_an_id_one_tag_and_no_default_response(api: str) -> None:
    ids = []
    for key, op in operations(load(api)).items():
        assert op.get("operationId"), key
        assert len(op.get("tags", [])) == 1, key
        assert "default" not in op["responses"], key
        ids.append(op["operationId"])
        for status, response in op["responses"].items():
            content = response.get("content", {})
            assert len(content) <= 1, f"{key} {status}: one content type per response"
        body = op.get("requestBody", {}).get("content", {})
        assert len(body) <= 1, f"{key}: one content type per request body"
    assert len(ids) == len(set(ids))


def _nullable_refs(schema: Any) -> Any:
    """`allOf: [$ref]` + `nullable: true` (our nullable-ref form) as OAS30Validator can check it.

    OAS 3.0.3 applies `nullable` only to a `type` in the same schema object, so the validator
    rejects null for that form; the generator (and sessionhub) read it as "X or null".
    """
    if isinstance(schema, list):
        return [_nullable_refs(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    schema = {key: _nullable_refs(value) for key, value in schema.items()}
    if schema.get("nullable") is True and "allOf" in schema and "type" not in schema:
        del schema["nullable"]
        return {"anyOf": [schema, {"enum": [None]}]}
    return schema


def _examples(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any], Any]]:
    found = []
    for (method, path), op in operations(spec).items():
        bodies = [("request", op.get("requestBody", {}))]
        bodies += [(status, r) for status, r in op["responses"].items()]
        for where, holder in bodies:
            for media in holder.get("content", {}).values():
                for name, example in media.get("examples", {}).items():
                    found.append(
                        (
                            f"{method.upper()} {path} {where} {name}",
                            media["schema"],
                            example["value"],
                        )
                    )
    return found


@pytest.mark.parametrize("api", APIS)
def test_every_operation_has_response_examples(api: str) -> None:
    spec = load(api)
    for key, op in operations(spec).items():
        for status, response in op["responses"].items():
            for media in response.get("content", {}).values():
                assert media.get("examples"), f"{api} {key} {status} has no examples"


@pytest.mark.parametrize("api", APIS)
def test_every_example_is_valid_against_its_schema(api: str) -> None:
    spec = load(api)
    examples = _examples(spec)
    assert examples
    for where, schema, value in examples:
        # Refs are `#/components/...`: resolve them against a document that has components.
        validator = OAS30Validator(
            {**_nullable_refs(schema), "components": _nullable_refs(spec["components"])}
        )
        errors = sorted(validator.iter_errors(value), key=str)
        assert not errors, f"{api} {where}: {errors[0].message}"


@pytest.mark.parametrize("api", APIS)
def test_a_broken_example_would_be_caught(api: str) -> None:
    # The validation above can fail: a wrong-typed document does not pass.
    spec = load(api)
    where, schema, _value = next(e for e in _examples(spec) if "request" not in e[0])
    validator = OAS30Validator({**schema, "components": spec["components"]})
    assert list(validator.iter_errors(12345)), where
