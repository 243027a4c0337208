"""The generator's own parameter serialisation (generator/targets/wire.py: docs' curl commands and the Go
SDK's generated tests) against the OpenAPI "Style Examples" table, as the SDK runtimes are tested."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.ir.model import Param, Primitive, freeze
from generator.targets.wire import cookie_pieces, header_text, path_text, query_pieces

ROWS = json.loads((Path(__file__).parent / "vectors" / "style_examples.json").read_text())["rows"]
VALUES = {"string": "blue", "array": ["blue", "black", "brown"], "object": {"R": 100, "G": 200, "B": 150}}
# The fixture's methods: resource.method -> (style, explode).
METHODS = {
    "simple": ("simple", False),
    "simple_explode": ("simple", True),
    "label": ("label", False),
    "label_explode": ("label", True),
    "matrix": ("matrix", False),
    "matrix_explode": ("matrix", True),
    "form": ("form", False),
    "form_explode": ("form", True),
    "space": ("spaceDelimited", False),
    "pipe": ("pipeDelimited", False),
    "deep": ("deepObject", True),
}


def param(location: str, method: str, **kw: object) -> Param:
    style, explode = METHODS[method]
    return Param("color", location, Primitive("string"), True, style, explode, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("resource", "method", "kind", "expected"), ROWS)
def test_style_examples_table(resource: str, method: str, kind: str, expected: str) -> None:
    p, value = param(resource, method), freeze(VALUES[kind])
    if resource == "path":
        assert path_text(p, value) == expected
    elif resource == "query":
        assert "&".join(query_pieces(p, value)) == expected
    elif resource == "header":
        assert header_text(p, value) == expected
    else:
        assert "; ".join(cookie_pieces(p, value)) == expected


def test_encoding_details() -> None:
    q = param("query", "form_explode")
    assert query_pieces(q, "a b&c") == ["color=a%20b%26c"]
    assert query_pieces(param("query", "form", allow_reserved=True), "a/b?c&d") == ["color=a/b?c%26d"]
    assert query_pieces(param("query", "form", content_type="application/json"), freeze({"a": 1})) == [
        "color=%7B%22a%22%3A1%7D"
    ]
    assert query_pieces(q, None) == [] and query_pieces(q, ()) == []
    assert query_pieces(param("query", "deep"), freeze({"a": {"b": [1]}})) == ["color%5Ba%5D%5Bb%5D%5B0%5D=1"]
    assert path_text(param("path", "matrix"), "") == ";color"
    assert cookie_pieces(param("cookie", "form", content_type="text/plain"), "a=b") == ["color=a=b"]
