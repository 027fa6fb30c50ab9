"""scripts/codegen/constraints.py: nothing a spec constrains is dropped silently."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from codegen.constraints import ConstraintError, reduce_schema, render


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        ({"type": "integer", "multipleOf": 5}, "keyword 'multipleOf' is not supported"),
        ({"type": "string", "format": "email"}, "format 'email' is not supported"),
        (
            {"allOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}]},
            "exactly one",
        ),
        ({"$ref": "other.yaml#/X"}, "only #/components/schemas/"),
        ({"type": "object", "properties": {"a": {"type": "string", "uniqueItems": True}}}, "X.a"),
    ],
)
def test_unsupported_constraints_fail_generation(schema: dict[str, object], message: str) -> None:
    with pytest.raises(ConstraintError, match=message):
        reduce_schema(schema, "X")


def test_documentation_is_dropped_and_refs_shortened() -> None:
    reduced = reduce_schema(
        {
            "description": "d",
            "example": "e",
            "allOf": [{"$ref": "#/components/schemas/SessionStatus"}],
            "nullable": True,
        },
        "X",
    )
    assert reduced == {"nullable": True, "$ref": "SessionStatus"}


def test_render_types_nested_dict_arguments_and_enum_values() -> None:
    spec = {
        "paths": {
            "/things": {
                "post": {
                    "operationId": "create_thing",
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Body"}}
                        }
                    },
                    "responses": {},
                }
            }
        },
        "components": {
            "schemas": {
                "Color": {"type": "string", "enum": ["red", "green"]},
                "Body": {
                    "type": "object",
                    "properties": {"part": {"$ref": "#/components/schemas/Part"}},
                },
                "Part": {
                    "type": "object",
                    "required": ["color"],
                    "properties": {
                        "color": {"$ref": "#/components/schemas/Color"},
                        "sizes": {"type": "array", "items": {"type": "integer"}, "nullable": True},
                    },
                },
            }
        },
    }
    text = render("thing.yaml", spec)
    assert (
        'ColorValue = Literal["red", "green"]' in text
        or "ColorValue = Literal['red', 'green']" in text
    )
    assert "class PartDict(TypedDict):" in text
    assert "    color: ColorValue | Color\n" in text
    assert "    sizes: NotRequired[Sequence[int] | None]\n" in text
    assert "class BodyDict" not in text  # the body itself is built from keyword arguments
