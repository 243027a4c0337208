"""Pure predicates over schema dicts: which keywords only annotate, constrain, or give a type.

They decide how a schema is read (see schemas.py and objects.py) without looking through ``$ref``s;
callers dereference first where that matters.
"""

from __future__ import annotations

from typing import Any

# Keywords that describe a value without changing which values are valid (or, for ``nullable``,
# that the converter reads as a separate fact).
ANNOTATIONS = frozenset(
    {
        "description",
        "title",
        "nullable",
        "default",
        "readOnly",
        "writeOnly",
        "example",
        "examples",
        "deprecated",
        "externalDocs",
        "xml",
        "$comment",
        "$id",
        "$schema",
        "$anchor",
        "$defs",
        "definitions",
    }
)
# Keywords that narrow an object without giving it a shape: a oneOf of these is a constraint.
_OBJECT_CONSTRAINTS = frozenset(
    {"required", "not", "minProperties", "maxProperties", "dependentRequired", "propertyNames"}
)


def is_annotation(key: object) -> bool:
    return isinstance(key, str) and (key in ANNOTATIONS or key.startswith("x-"))


def annotation_only(s: Any) -> bool:
    """A schema that only annotates (``{description: ...}``, ``{nullable: true}``, ``{}``)."""
    return isinstance(s, dict) and all(is_annotation(k) for k in s)


def constraint_only(s: Any) -> bool:
    """A union branch that narrows an object (``{required: [url]}``) rather than typing it."""
    return (
        isinstance(s, dict)
        and "$ref" not in s
        and any(k in _OBJECT_CONSTRAINTS for k in s)
        and all(k in _OBJECT_CONSTRAINTS or is_annotation(k) for k in s)
    )


def schema_is_object(s: dict[str, Any]) -> bool:
    t = s.get("type")
    return "properties" in s or t == "object" or (isinstance(t, list) and "object" in t and "properties" in s)


def is_map_only(s: dict[str, Any]) -> bool:
    """An object schema without properties: a map (unless it allows no members at all)."""
    return not s.get("properties") and "allOf" not in s and s.get("additionalProperties") is not False


def is_weaker(s: Any) -> bool:
    """A property schema that says nothing (a later ``{}`` does not erase an earlier type)."""
    return not isinstance(s, dict) or not s


def says_nullable(s: Any) -> bool:
    """OpenAPI 3.0's ``nullable: true`` on this (annotation) schema."""
    return isinstance(s, dict) and s.get("nullable") is True
