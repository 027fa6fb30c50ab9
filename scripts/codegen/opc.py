"""Run the pinned openapi-python-client CLI with sessionhub's extra template filters.

    python scripts/codegen/opc.py generate --path ... (the generator's own arguments)

The custom templates need one thing the stock template context lacks: the same property
as if it were required (`property | as_required`). A response model's optional field is
declared `X | None = None` and parsed as "absent or null -> None, else parse as X"; the
"parse as X" and "serialise X" code is exactly what the stock property templates emit for
a *required* property, so the templates reuse it instead of copying every property
template. See docs/ARCHITECTURE.md ("Custom templates").
"""

from __future__ import annotations

import attrs
import openapi_python_client
from openapi_python_client.cli import app


def as_required(prop: object) -> object:
    """A copy of a parsed property (an attrs instance) with `required=True`."""
    return attrs.evolve(prop, required=True)  # type: ignore[misc]


openapi_python_client.TEMPLATE_FILTERS["as_required"] = as_required

if __name__ == "__main__":
    app()
