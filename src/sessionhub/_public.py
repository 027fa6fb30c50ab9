"""Giving re-exported classes the public module's name."""

from __future__ import annotations

import inspect
import typing
from collections.abc import Iterable, MutableMapping
from typing import Any

__all__ = ["publish"]


def publish(module: str, namespace: MutableMapping[str, Any], names: Iterable[str]) -> None:
    """Set `__module__` to the public module for each class among `names`.

    Tracebacks, `repr`, documentation tools and pickles then name `sessionhub.<vendor>`, and
    pickle finds the class there (it must be exported under the same name). The classes'
    annotations are strings (`from __future__ import annotations`), which
    `typing.get_type_hints` evaluates in the globals of `__module__`; they are resolved
    first, in the defining module, so that keeps working after the rename.
    """
    for name in names:
        value = namespace[name]
        if not isinstance(value, type) or value.__module__ == module:
            continue
        own = inspect.get_annotations(value)
        if own:  # each class in the MRO is still resolved in its own (defining) module
            try:
                hints = typing.get_type_hints(value, include_extras=True)
            except NameError:  # a name imported only for type checkers: leave them as text
                hints = None
            if hints is not None:
                value.__annotations__ = {key: hints[key] for key in own}
        value.__module__ = module
