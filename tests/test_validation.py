"""sessionhub._validation against a reference model: the jsonschema library.

For every schema of the four generated constraints modules, and values drawn by hypothesis
around each schema (matching and mutated strings, integers at and past the bounds, nested
dicts with known and unknown keys), a `Rule` accepts exactly what jsonschema accepts for
the same schema made strict the way sessionhub is on purpose (undeclared keys refused). The
deliberate differences are excluded from the comparison, each tested on its own below.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import jsonschema
import pytest
from _sessionhub_generated.equos import constraints as equos
from _sessionhub_generated.sipher import constraints as sipher
from _sessionhub_generated.trinsic_connect import constraints as trinsic
from _sessionhub_generated.twilio_proxy import constraints as twilio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sessionhub import InvalidRequestError
from sessionhub._operation import Operation
from sessionhub._validation import Rules

MODULES = {"twilio": twilio, "trinsic": trinsic, "sipher": sipher, "equos": equos}
OP = Operation("twilio", "sessions.test", idempotent=True)
INT_FORMATS = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


def to_json_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """sessionhub's reduced schema as standard JSON Schema, with sessionhub's strictness."""
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "$ref":
            out["$ref"] = f"#/$defs/{value}"
        elif key == "nullable":
            continue
        elif key == "items":
            out["items"] = to_json_schema(value)
        elif key == "properties":
            out["properties"] = {k: to_json_schema(v) for k, v in value.items()}
        elif key == "additionalProperties":
            out[key] = to_json_schema(value) if isinstance(value, dict) else value
        elif key == "oneOf":
            out["anyOf"] = [to_json_schema(v) for v in value]  # sessionhub: first that fits
        elif key == "format":
            if value not in INT_FORMATS:
                continue  # date-time and uri: compared apart (see uses_formats)
            low, high = INT_FORMATS[value]
            out["minimum"] = max(low, schema.get("minimum", low))
            out["maximum"] = min(high, schema.get("maximum", high))
        elif key not in ("minimum", "maximum") or "format" not in schema:
            out[key] = value
    if schema.get("type") == "object":
        out.setdefault("additionalProperties", False)
    if schema.get("nullable"):
        out = {"anyOf": [out, {"type": "null"}]}
    return out


def uses_formats(schema: Any, schemas: dict[str, Any], seen: frozenset[str] = frozenset()) -> bool:
    """date-time fields take datetimes and uri is checked by sessionhub only: compared apart."""
    if isinstance(schema, list):
        return any(uses_formats(item, schemas, seen) for item in schema)
    if not isinstance(schema, dict):
        return False
    if schema.get("format") in ("date-time", "uri"):
        return True
    ref = schema.get("$ref")
    if ref is not None and ref not in seen and uses_formats(schemas[ref], schemas, seen | {ref}):
        return True
    return any(uses_formats(v, schemas, seen) for k, v in schema.items() if k != "enum")


def cases() -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for api, module in MODULES.items():
        for name, schema in module.SCHEMAS.items():
            shaped = {"properties", "enum", "additionalProperties"} & set(schema)
            if shaped and not uses_formats(schema, module.SCHEMAS):
                out.append((api, name, {"$ref": name}))
        for op_id, op in module.OPERATIONS.items():
            for name, parameter in op["parameters"].items():
                if not uses_formats(parameter["schema"], module.SCHEMAS):
                    out.append((api, f"{op_id}.{name}", parameter["schema"]))
    return out


CASES = cases()
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"), max_size=8)


def values_for(
    schema: dict[str, Any], schemas: dict[str, Any], depth: int = 0
) -> st.SearchStrategy[Any]:
    """Values near what the schema accepts, and plenty it refuses."""
    if "$ref" in schema:
        return values_for(
            {**schemas[schema["$ref"]], **{k: v for k, v in schema.items() if k != "$ref"}},
            schemas,
            depth,
        )
    anything: st.SearchStrategy[Any] = st.none() | st.booleans() | st.integers(-3, 3) | TEXT
    if depth > 3:
        return anything
    options = [anything]
    if "enum" in schema:
        options.append(st.sampled_from(schema["enum"]))
        options.append(st.sampled_from(schema["enum"]).map(lambda v: f"{v}x"))
    if "oneOf" in schema:
        options.extend(values_for(sub, schemas, depth + 1) for sub in schema["oneOf"])
    kind = schema.get("type")
    if kind == "string":
        if "pattern" in schema:
            matching = st.from_regex(schema["pattern"], fullmatch=True).filter(
                lambda s: "\n" not in s
            )
            options.append(matching)
            options.append(matching.map(lambda s: s[:-1]))
            options.append(matching.map(lambda s: s + s[-1:]))
        for bound in ("minLength", "maxLength"):
            if bound in schema:
                n = schema[bound]
                options.append(st.sampled_from([n - 1, n, n + 1]).map(lambda k: "v" * max(k, 0)))
    if kind == "integer":
        low, high = INT_FORMATS.get(schema.get("format", ""), (None, None))
        for bound in (schema.get("minimum", low), schema.get("maximum", high)):
            if bound is not None:
                options.append(st.sampled_from([bound - 1, bound, bound + 1]))
    if kind == "array":
        item = values_for(schema.get("items", {}), schemas, depth + 1)
        options.append(st.lists(item, max_size=(schema.get("maxItems", 2) + 1)))
    if kind == "object":
        properties = schema.get("properties", {})
        keys = st.sampled_from([*properties, "nmae"]) if properties else TEXT
        extra = schema.get("additionalProperties")
        value = values_for(extra, schemas, depth + 1) if isinstance(extra, dict) else anything
        fixed = {k: values_for(v, schemas, depth + 1) for k, v in properties.items()}
        options.append(st.fixed_dictionaries({}, optional=fixed))
        options.append(st.dictionaries(keys, value, max_size=3))
    return st.one_of(options)


@pytest.mark.parametrize(("api", "name", "schema"), CASES, ids=[f"{a}:{n}" for a, n, _ in CASES])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_rule_agrees_with_jsonschema(
    api: str, name: str, schema: dict[str, Any], data: st.DataObject
) -> None:
    module = MODULES[api]
    rule = Rules(module.SCHEMAS, module.OPERATIONS).compile(schema)
    reference = jsonschema.Draft202012Validator(
        {
            **to_json_schema(schema),
            "$defs": {k: to_json_schema(v) for k, v in module.SCHEMAS.items()},
        }
    )
    value = data.draw(values_for(schema, module.SCHEMAS))
    ours = rule.problem(name, value, 0)
    theirs = list(reference.iter_errors(value))
    assert (ours is None) == (not theirs), (value, ours, [e.message for e in theirs])


# --- the deliberate differences -----------------------------------------------------------


RULES = Rules(twilio.SCHEMAS, twilio.OPERATIONS)


def test_a_pattern_is_matched_against_the_whole_string() -> None:
    """Python's `$` also matches before a final newline (jsonschema accepts "KS...\\n")."""
    sid = RULES.param("fetch_session", "ServiceSid")
    with pytest.raises(InvalidRequestError):
        sid.check(OP, "service_sid", "KS" + "a" * 32 + "\n")
    assert reference_accepts(
        {"type": "string", "pattern": "^KS[0-9a-fA-F]{32}$"}, "KS" + "a" * 32 + "\n"
    )


def test_strings_must_be_valid_unicode() -> None:
    with pytest.raises(InvalidRequestError, match="not valid Unicode"):
        RULES.field("create_session", "UniqueName").check(OP, "unique_name", "a\ud800")


def test_date_time_fields_take_datetimes() -> None:
    expiry = RULES.field("create_session", "DateExpiry")
    assert expiry.check(OP, "date_expiry", dt.datetime(2030, 1, 1)) is not None
    with pytest.raises(InvalidRequestError, match="must be a datetime"):
        expiry.check(OP, "date_expiry", "2030-01-01T00:00:00Z")


def test_path_segments_refuse_what_no_url_segment_may_carry() -> None:
    sid = RULES.param("fetch_session", "Sid")  # no pattern: free text of 1..191 characters
    for bad in ["..", ".", "a\tb", "a\x7fb"]:
        with pytest.raises(InvalidRequestError):
            sid.check(OP, "session_sid", bad)
    assert sid.check(OP, "session_sid", "my unique name") == "my unique name"


def test_none_means_not_given_only_for_optional_arguments() -> None:
    assert RULES.field("create_session", "Ttl").check(OP, "ttl", None) is None
    with pytest.raises(InvalidRequestError, match="must not be None"):
        RULES.param("fetch_session", "Sid").check(OP, "session_sid", None)


def reference_accepts(schema: dict[str, Any], value: Any) -> bool:
    return jsonschema.Draft202012Validator(schema).is_valid(value)


# --- the checker's other branches, on synthetic schemas -----------------------------------


def synthetic(schema: dict[str, Any]) -> Any:
    return Rules({"Thing": schema}, {}).schema("Thing")


@pytest.mark.parametrize(
    ("schema", "good", "bad", "message"),
    [
        ({"type": "number", "minimum": 0, "exclusiveMinimum": True}, 0.5, 0, "0 < x"),
        ({"type": "number", "maximum": 1, "exclusiveMaximum": True}, 0.5, 1.0, "x < 1"),
        ({"type": "number"}, 2, float("nan"), "finite number"),
        ({"type": "number"}, 1.5, "1.5", "must be a number"),
        ({"type": "integer", "maximum": 2.5}, 2, 3, "x <= 2.5"),
        ({"type": "array", "minItems": 1, "items": {}}, [1], [], "at least 1 items"),
        ({"type": "string", "pattern": "b+"}, "abba", "aaa", "must match b+"),  # unanchored
        ({"type": "boolean"}, False, 0, "True or False"),
        (
            {"type": "object", "additionalProperties": True},
            {"k": [1, {"a": None}]},
            {"k": {1}},
            "not a JSON value",
        ),
        ({}, {"a": [1.5, "x", None]}, {"a": float("inf")}, "finite number"),
        ({"oneOf": [{"type": "string"}, {"type": "integer"}]}, 1, None, "must not be None or"),
        ({}, {"a": "b"}, {1: "b"}, "keys must be strings"),
        ({}, [[1]], ["x", object()], r"x\[1\] is not a JSON value"),
    ],
)
def test_synthetic_schemas(schema: dict[str, Any], good: Any, bad: Any, message: str) -> None:
    rule = synthetic(schema)
    assert rule.check(OP, "x", good) is good
    with pytest.raises(InvalidRequestError, match=message):
        rule.check(OP, "x", bad)


def test_null_is_a_free_form_value() -> None:
    assert synthetic({}).check(OP, "x", None) is None  # JSON Schema's {} accepts null too


def test_free_form_values_are_bounded_in_depth() -> None:
    deep: Any = "leaf"
    for _ in range(40):
        deep = [deep]
    with pytest.raises(InvalidRequestError, match="nested more than 32 levels"):
        synthetic({}).check(OP, "x", deep)


def test_a_hostile_repr_does_not_replace_the_error() -> None:
    class Hostile:
        def __repr__(self) -> str:
            raise RuntimeError("boom")

    with pytest.raises(InvalidRequestError, match="x is not a JSON value, got Hostile"):
        synthetic({}).check(OP, "x", Hostile())
    with pytest.raises(InvalidRequestError, match=r"x must be one of 'a', got <Hostile>"):
        synthetic({"type": "string", "enum": ["a"]}).check(OP, "x", Hostile())


def test_facade_only_integers() -> None:
    from sessionhub._validation import check_int

    assert check_int(OP, "limit", 0, minimum=0) == 0
    for bad in (True, 1.0, "1"):
        with pytest.raises(InvalidRequestError, match="limit must be an integer"):
            check_int(OP, "limit", bad, minimum=0)
    with pytest.raises(InvalidRequestError, match="limit must be >= 0, got -1"):
        check_int(OP, "limit", -1, minimum=0)


def test_body_fields_of_an_inline_body_schema() -> None:
    rules = Rules(
        {},
        {
            "op": {
                "body": {
                    "schema": {
                        "type": "object",
                        "required": ["a"],
                        "properties": {"a": {"type": "string"}},
                    }
                }
            }
        },
    )
    with pytest.raises(InvalidRequestError, match="a must not be None"):
        rules.field("op", "a").check(OP, "a", None)
