"""sessionhub._public.publish: re-exported classes take the public module's name."""

from __future__ import annotations

import types
import typing

from sessionhub._public import publish


def test_publish_renames_and_keeps_annotations_resolvable() -> None:
    defining = types.ModuleType("sessionhub_test_defining")
    exec(
        "from __future__ import annotations\n"
        "import datetime\n"
        "class Model:\n"
        "    when: datetime.datetime | None\n"
        "class Lazy:\n"
        "    request: NotImportedHere\n",  # a name only a type checker would import
        defining.__dict__,
    )
    import sys

    sys.modules[defining.__name__] = defining
    try:
        namespace = {"Model": defining.Model, "Lazy": defining.Lazy, "Alias": int | None}
        publish("sessionhub.public_name", namespace, ["Model", "Lazy", "Alias"])
    finally:
        del sys.modules[defining.__name__]
    assert defining.Model.__module__ == "sessionhub.public_name"
    assert defining.Lazy.__module__ == "sessionhub.public_name"
    import datetime

    assert typing.get_type_hints(defining.Model) == {"when": datetime.datetime | None}
    assert defining.Lazy.__annotations__ == {"request": "NotImportedHere"}  # left as text
    assert namespace["Alias"] == int | None  # not a class (like the Literal aliases): skipped
