"""``name-collision`` (warning): identifiers that become equal after case conversion.

Targets derive identifiers from spec names with :mod:`generator.naming`; two
different wire names that convert to the same identifier get deterministic
suffixes in the targets, but the author should know:

* two properties of one object schema with the same ``snake(split_words(name))``
  (``max-files`` / ``max_files``);
* two component schemas with the same ``pascal(split_words(name))`` (``Foo_Bar`` / ``FooBar``);
* two operations with different operationIds that the naming rule (:mod:`generator.ir.grouping`)
  puts at the same call path (``generate`` stops on it: a located error naming both).  Lint does
  not look at responses, so a collection ``GET`` is taken to be a ``list`` and an item ``GET`` a
  ``retrieve``.
"""

from __future__ import annotations

from typing import Any

from ..errors import Finding, Severity
from ..ir.grouping import operation_call
from ..loading.spec import Node, Spec
from ..naming import pascal, snake, split_words
from .walk import OperationSite

RULE = "name-collision"


def _collisions(owner: Node, names: list[str], convert: Any, what: str, form: str) -> list[Finding]:
    first: dict[str, str] = {}
    findings = []
    for name in names:
        ident = convert(split_words(name))
        if not ident:
            continue
        if ident in first:
            findings.append(
                Finding(
                    Severity.WARNING,
                    RULE,
                    f"{what} {first[ident]!r} and {name!r} both become {ident!r} in {form}",
                    owner.child(name).location,
                )
            )
        else:
            first[ident] = name
    return findings


def check_property_names(schemas: list[tuple[Node, dict[str, Any]]]) -> list[Finding]:
    findings: list[Finding] = []
    for node, schema in schemas:
        props = schema.get("properties")
        if isinstance(props, dict) and len(props) > 1:
            findings += _collisions(node.child("properties"), list(props), snake, "properties", "snake_case")
    return findings


def check_schema_names(spec: Spec) -> list[Finding]:
    comps = spec.data.get("components") if isinstance(spec.data, dict) else None
    schemas = comps.get("schemas") if isinstance(comps, dict) else None
    if not isinstance(schemas, dict):
        return []
    owner = spec.node("/components/schemas")
    return _collisions(owner, list(schemas), pascal, "schemas", "PascalCase")


def check_operation_names(operations: list[OperationSite]) -> list[Finding]:
    first: dict[tuple[tuple[tuple[str, ...], ...], str], OperationSite] = {}
    findings = []
    for op in operations:
        op_id = op.value.get("operationId")
        if not isinstance(op_id, str):
            continue
        item = op.path.partition("?")[0].rstrip("/").endswith("}")
        call = operation_call(op.method, op.path, op.value, "object" if item else "list")
        key = (call.resource, snake(call.name))
        other = first.setdefault(key, op)
        other_id = other.value.get("operationId")
        if other is not op and other_id != op_id:
            findings.append(
                Finding(
                    Severity.WARNING,
                    RULE,
                    f"operations {other_id!r} ({other.method.upper()} {other.path}) and {op_id!r} "
                    f"both map to {'.'.join(snake(w) for w in call.resource)}.{key[1]}; "
                    "rename one with x-oasgen: {group, name} or [tool.oasgen.resources]",
                    op.node.child("operationId").location,
                )
            )
    return findings
