"""``invalid-schema`` (error): Schema Object keywords whose value has the wrong JSON type.

The OpenAPI 3.1 document schema checks a Schema Object only as "object or
boolean"; validating every schema against the draft 2020-12 meta-schema with
jsonschema takes seconds on a large spec (its ``$dynamicRef`` handling is slow).
This rule checks the value *type* of each JSON Schema keyword the generator and
the example checks rely on, per Schema Object, in one pass.  It catches the
common mistakes, e.g. 3.0's boolean ``exclusiveMinimum: true`` in a 3.1 spec, or
``properties: {a: null}``, which would otherwise make value validation fail.
"""

from __future__ import annotations

from typing import Any

from ..errors import Finding, Severity
from ..loading.spec import Node

RULE = "invalid-schema"

_SCHEMA = "a schema (object or boolean)"
_NUMBER = "a number"
_COUNT = "a non-negative integer"


def _is_schema(v: Any) -> bool:
    return isinstance(v, (dict, bool))


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _is_count(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


def _schema_map(v: Any) -> bool:
    return isinstance(v, dict) and all(_is_schema(s) for s in v.values())


def _schema_list(v: Any) -> bool:
    return isinstance(v, list) and len(v) > 0 and all(_is_schema(s) for s in v)


def _type(v: Any) -> bool:
    names = {"string", "number", "integer", "boolean", "array", "object", "null"}
    if isinstance(v, str):
        return v in names
    return isinstance(v, list) and len(v) > 0 and all(isinstance(t, str) and t in names for t in v)


def _strings(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(s, str) for s in v) and len(set(v)) == len(v)


# keyword -> (check, what it must be) for OpenAPI 3.1 / draft 2020-12
CHECKS_31: dict[str, tuple[Any, str]] = {
    "type": (_type, "a JSON type name or a non-empty list of them"),
    "enum": (lambda v: isinstance(v, list), "a list"),
    "required": (_strings, "a list of distinct strings"),
    "properties": (_schema_map, "a map of schemas"),
    "patternProperties": (_schema_map, "a map of schemas"),
    "$defs": (_schema_map, "a map of schemas"),
    "dependentSchemas": (_schema_map, "a map of schemas"),
    "allOf": (_schema_list, "a non-empty list of schemas"),
    "anyOf": (_schema_list, "a non-empty list of schemas"),
    "oneOf": (_schema_list, "a non-empty list of schemas"),
    "prefixItems": (_schema_list, "a non-empty list of schemas"),
    "minimum": (_is_number, _NUMBER),
    "maximum": (_is_number, _NUMBER),
    "exclusiveMinimum": (_is_number, _NUMBER + " (3.1 has no boolean form; that is OpenAPI 3.0)"),
    "exclusiveMaximum": (_is_number, _NUMBER + " (3.1 has no boolean form; that is OpenAPI 3.0)"),
    "multipleOf": (lambda v: _is_number(v) and v > 0, "a number greater than 0"),
    "pattern": (lambda v: isinstance(v, str), "a string"),
    "format": (lambda v: isinstance(v, str), "a string"),
    "uniqueItems": (lambda v: isinstance(v, bool), "a boolean"),
    "$ref": (lambda v: isinstance(v, str), "a string"),
    "$id": (lambda v: isinstance(v, str), "a string"),
    "$anchor": (lambda v: isinstance(v, str), "a string"),
    "$dynamicAnchor": (lambda v: isinstance(v, str), "a string"),
    "$recursiveAnchor": (
        lambda v: isinstance(v, str),
        "a string (draft 2019-09's boolean form is not 2020-12)",
    ),
}
for _kw in ("items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames"):
    CHECKS_31[_kw] = (_is_schema, _SCHEMA)
for _kw in ("unevaluatedItems", "unevaluatedProperties"):
    CHECKS_31[_kw] = (_is_schema, _SCHEMA)
for _kw in ("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"):
    CHECKS_31[_kw] = (_is_count, _COUNT)


def check_schema_shapes(schemas: list[tuple[Node, dict[str, Any]]]) -> tuple[list[Finding], set[str]]:
    """The findings and the ids of the malformed schemas (values are not checked against those).

    3.1 only: the 3.0 document schema already describes Schema Objects keyword by keyword.
    """
    findings: list[Finding] = []
    bad: set[str] = set()
    for node, schema in schemas:
        for key, value in schema.items():
            check = CHECKS_31.get(key)
            if check is not None and not check[0](value):
                bad.add(node.id)
                findings.append(
                    Finding(Severity.ERROR, RULE, f"{key!r} must be {check[1]}", node.child(key).location)
                )
    return findings, bad
