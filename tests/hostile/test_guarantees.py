"""The README's guarantees each name the tests that hold them: those tests exist."""

from __future__ import annotations

import ast
import re

from tests.conftest import ROOT


def test_every_test_the_readme_names_exists() -> None:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Guarantees", 1)[1].split("\n## ", 1)[0]
    named: list[tuple[str, str | None]] = []
    current = ""
    for path, name in re.findall(r"`(tests/[\w/]+\.py)?(?:::(\w+))?`", section):
        current = path or current
        if path or name:
            named.append((current, name or None))
    assert len(named) >= 10, named
    for path, name in named:
        source = (ROOT / path).read_text()
        if name is not None:
            functions = {
                node.name
                for node in ast.walk(ast.parse(source))
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            }
            assert name in functions, f"README names {path}::{name}, which does not exist"
