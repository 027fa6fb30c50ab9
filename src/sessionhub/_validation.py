"""Checks on arguments before anything is sent: the generator does not enforce the specs'
patterns, lengths, ranges or enums, so the facade does, with messages that say what to pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import Enum
from typing import TypeVar

from ._exceptions import InvalidRequestError
from ._operation import Operation

__all__ = ["check_enum", "check_id", "check_int", "invalid"]

E = TypeVar("E", bound=Enum)

_CONTROL = re.compile("[\x00-\x1f\x7f]")  # C0 controls and DEL: never valid in an id


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def invalid(op: Operation, message: str) -> InvalidRequestError:
    """The error for a rejected argument, naming the vendor and operation."""
    return InvalidRequestError(f"{op.vendor} {op.name}: {message}; nothing was sent")


def check_id(
    op: Operation,
    name: str,
    value: object,
    *,
    pattern: re.Pattern[str] | None = None,
    min_length: int = 1,
    max_length: int | None = None,
) -> str:
    """A path or query id: a string of the allowed length matching the vendor's pattern.

    Ids that are only dots are refused even without a pattern: a URL normaliser would turn
    `.`/`..` into a different path. Everything else is percent-encoded by the generated code.
    """
    if not isinstance(value, str):
        raise invalid(op, f"{name} must be a string, got {type(value).__name__}")
    if pattern is not None and not pattern.fullmatch(value):
        raise invalid(op, f"{name} must match {pattern.pattern}, got {_shown(value)}")
    if len(value) < min_length:
        raise invalid(
            op,
            f"{name} must not be empty"
            if min_length == 1
            else f"{name} must be at least {min_length} characters, got {_shown(value)}",
        )
    if max_length is not None and len(value) > max_length:
        raise invalid(op, f"{name} must be at most {max_length} characters, got {len(value)}")
    if value.strip(".") == "":
        raise invalid(op, f"{name} must not be {_shown(value)}")
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: no URL can carry it
            raise invalid(op, f"{name} is not valid Unicode, got {_shown(value)}") from None
    if _CONTROL.search(value):
        raise invalid(op, f"{name} must not contain control characters, got {_shown(value)}")
    return value


def check_int(
    op: Operation,
    name: str,
    value: object,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
) -> int:
    """An integer argument within the documented range."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise invalid(op, f"{name} must be an integer, got {_shown(value)}")
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        low = "" if minimum is None else f"{minimum} <= "
        high = "" if maximum is None else f" <= {maximum}"
        raise invalid(op, f"{name} must be {low}{name}{high}, got {value}")
    return value


def check_enum(op: Operation, name: str, value: object, enum: type[E]) -> E:
    """One of the enum's documented values (the generated enums accept unknown values when
    parsing responses; a request must only carry known ones)."""
    known: Iterable[E] = list(enum)
    for member in known:
        if value in (member, member.value):
            return member
    choices = ", ".join(repr(m.value) for m in known)
    raise invalid(op, f"{name} must be one of {choices}, got {_shown(value)}")
