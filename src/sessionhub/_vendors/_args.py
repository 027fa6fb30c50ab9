"""Turning users' nested arguments (dicts or generated models) into generated request models."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

import attrs

from .._operation import Operation
from .._validation import invalid

__all__ = ["model_arg", "unknown_enum_value"]


def unknown_enum_value(value: object) -> str | None:
    """The first value in a (nested) generated model that is not one of its enum's members.

    Generated enums accept unknown strings so that a vendor adding a value does not break
    parsing; requests must carry documented values only.
    """
    if isinstance(value, Enum):
        # a pseudo-member made by the generated `_missing_` is not one of the class's members
        return None if value.name in type(value).__members__ else str(value.value)
    if isinstance(value, (list, tuple)):
        items: list[object] = list(value)
    elif isinstance(value, dict):
        items = list(value.values())
    elif attrs.has(type(value)):
        items = [getattr(value, field.name) for field in attrs.fields(type(value))]  # type: ignore[arg-type]
    else:
        return None
    for item in items:
        found = unknown_enum_value(item)
        if found is not None:
            return found
    return None


def model_arg(op: Operation, name: str, value: object, *models: type[Any]) -> Any:
    """`value` as the first of `models` it is, or parses as (wire-format camelCase keys).

    The generated `from_dict` raises KeyError/TypeError/ValueError on a bad dict; the user
    gets one InvalidRequestError naming the argument instead, before anything is sent.
    """
    if isinstance(value, models):
        return value
    if isinstance(value, Mapping):
        problems = []
        for model in models:
            try:
                parsed = model.from_dict(value)
            except KeyError as exc:
                problems.append(f"{model.__name__} needs key {exc.args[0]!r}")
            except (TypeError, ValueError, AttributeError) as exc:
                problems.append(f"{model.__name__}: {exc}")
            else:
                unknown = unknown_enum_value(parsed)
                if unknown is None:
                    return parsed
                problems.append(f"{unknown!r} is not a documented value")
        raise invalid(op, f"{name} is not valid ({'; '.join(problems)})")
    expected = " or ".join(model.__name__ for model in models)
    raise invalid(op, f"{name} must be a dict or {expected}, got {type(value).__name__}")
