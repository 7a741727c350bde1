"""The code's own limits: small modules with one job, short functions. Migrations are Django's generated record."""

import ast

import pytest

from tests.support.locations import ROOT

LONGEST_MODULE = 300
LONGEST_FUNCTION = 50
SOURCES = sorted(
    path
    for folder in ("archive", "benchmarks", "tests", "deploy")
    for path in (ROOT / folder).rglob("*.py")
    if "migrations" not in path.parts
)


def test_the_project_has_python_sources_to_measure():
    assert (ROOT / "archive" / "models" / "articles.py") in SOURCES


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_module_is_longer_than_300_lines_nor_any_function_than_50(path):
    text = path.read_text(encoding="utf-8")
    functions = [
        (node.name, node.end_lineno - node.lineno + 1)
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]
    assert text.count("\n") <= LONGEST_MODULE
    assert [(name, lines) for name, lines in functions if lines > LONGEST_FUNCTION] == []
