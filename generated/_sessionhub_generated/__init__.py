# written by scripts/codegen/__init__.py for specs/*.yaml; do not edit, run `make generate`.
"""Generated API packages of sessionhub. DO NOT EDIT.

Every sub-package here is written by `make generate` (scripts/generate.py) from a spec in
specs/ with the pinned openapi-python-client and ruff. Only sessionhub's facade imports them;
`make check-drift` fails when this tree differs from what the specs produce.
"""
