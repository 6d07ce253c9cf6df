"""The docs stay true: every output field is documented, the README names both commands."""

from __future__ import annotations

from parley.model import json_schema

from .conftest import ROOT


def _fields(schema: dict) -> set[str]:
    names = set(schema.get("properties", {}))
    for definition in schema.get("$defs", {}).values():
        names |= set(definition.get("properties", {}))
    return names


def test_every_output_field_is_documented():
    page = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    missing = sorted(name for name in _fields(json_schema()) if f"`{name}`" not in page)
    assert not missing, f"docs/output.md does not mention: {missing}"


def test_readme_names_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
