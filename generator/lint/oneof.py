"""``oneof-overlap`` (error): two ``oneOf`` branches that accept the same value.

``oneOf`` requires *exactly one* branch to match, so a value that fits two
branches is rejected by validators and cannot be decoded unambiguously.  The
check is deliberately conservative (no solver); it reports only overlaps that
are certain from the branches' types:

* a branch that accepts anything (``{}`` or annotations only) overlaps every other branch;
* ``integer`` and ``number``: every integer is a number (numeric ``format``s are sizes, not
  distinctions) unless both branches list ``enum``/``const`` values that do not meet;
* two branches of the same primitive type (``string``, ``boolean``, ``null``, ...), unless a
  ``format`` differs, or ``enum``/``const`` values are given on one side only (a literal vs.
  its open type is a deliberate, common pattern) or on both sides without a common value.
  ``null`` from a 3.1 type list or a 3.0 ``nullable: true`` counts as a type.

Object and array branches, and branches built from ``allOf``/``anyOf``/``oneOf``/``not``,
are not compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import Finding, Severity, SpecError
from ..loading.spec import Node, Spec

RULE = "oneof-overlap"
_PRIMITIVE = ("string", "integer", "number", "boolean", "null")
_NUMERIC_FORMATS = {None, "int32", "int64", "float", "double"}
_ANNOTATIONS = {
    "description",
    "title",
    "example",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
    "default",
    "externalDocs",
    "xml",
    "$comment",
}


@dataclass(frozen=True, slots=True)
class _Branch:
    index: int
    types: frozenset[str]  # primitive types (and "null") this branch admits; empty = not compared
    any: bool
    values: tuple[object, ...] | None  # enum/const values, None when unrestricted
    format: str | None


def _classify(spec: Spec, node: Node, index: int) -> _Branch | None:
    try:
        _, schema = spec.deref(node)
    except SpecError:
        return None
    if schema is True:
        return _Branch(index, frozenset(), True, None, None)
    if not isinstance(schema, dict):
        return None
    keys = {k for k in schema if not k.startswith("x-") and k not in _ANNOTATIONS}
    if not keys:
        return _Branch(index, frozenset(), True, None, None)
    if keys & {"allOf", "anyOf", "oneOf", "not", "$ref", "if"}:
        return None
    raw = schema.get("type")
    types = set(raw if isinstance(raw, list) else [raw] if isinstance(raw, str) else [])
    if schema.get("nullable") is True:
        types.add("null")
    values: tuple[object, ...] | None = None
    if "const" in schema:
        values = (schema["const"],)
    elif isinstance(schema.get("enum"), list):
        values = tuple(schema["enum"])
    fmt = schema.get("format")
    return _Branch(
        index,
        frozenset(t for t in types if t in _PRIMITIVE),
        False,
        values,
        fmt if isinstance(fmt, str) else None,
    )


def _same(a: object, b: object) -> bool:
    """JSON equality: ``1 == 1.0`` but ``True != 1``."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    return a == b


def _overlap(a: _Branch, b: _Branch) -> str | None:
    """Why ``a`` and ``b`` overlap, or None if they may not."""
    if a.any or b.any:
        return f"branch {a.index if a.any else b.index} accepts any value"
    shared = a.types & b.types
    numeric = (
        not shared
        and {"integer", "number"} <= (a.types | b.types)
        and (("integer" in a.types and "number" in b.types) or ("number" in a.types and "integer" in b.types))
    )
    if not shared and not numeric:
        return None
    if a.values is not None and b.values is not None:
        common = [v for v in a.values if any(_same(v, w) for w in b.values)]
        return f"both allow {common[0]!r}" if common else None
    if (a.values is None) != (b.values is None):
        return None
    if numeric:
        if a.format in _NUMERIC_FORMATS and b.format in _NUMERIC_FORMATS:
            return "every integer is also a number"
        return None
    if a.format != b.format:
        return None
    kind = min(shared)
    return f"both accept any {kind}" if kind != "null" else "both accept null"


def check_oneof(spec: Spec, schemas: list[tuple[Node, dict[str, Any]]]) -> list[Finding]:
    findings: list[Finding] = []
    for node, schema in schemas:
        branches = schema.get("oneOf")
        if not isinstance(branches, list):
            continue
        classified = [_classify(spec, node.child("oneOf", i), i) for i in range(len(branches))]
        known = [b for b in classified if b is not None]
        for j, b in enumerate(known):
            for a in known[:j]:
                why = _overlap(a, b)
                if why:
                    findings.append(
                        Finding(
                            Severity.ERROR,
                            RULE,
                            f"oneOf branches {a.index} and {b.index} overlap ({why}), "
                            "so a value can match both and oneOf rejects it",
                            node.child("oneOf", b.index).location,
                        )
                    )
                    break
    return findings
