"""``duplicate-operation-id`` (error): operationIds must be unique across the spec."""

from __future__ import annotations

from ..errors import Finding, Severity
from .walk import OperationSite

RULE = "duplicate-operation-id"


def check_operation_ids(operations: list[OperationSite]) -> list[Finding]:
    seen: dict[str, OperationSite] = {}
    findings = []
    ordered = sorted(operations, key=lambda o: _key(o))
    for op in ordered:
        op_id = op.value.get("operationId")
        if not isinstance(op_id, str):
            continue
        first = seen.setdefault(op_id, op)
        if first is not op:
            where = first.node.child("operationId").location
            at = f"line {where.line}" if where.file == op.node.location.file else f"{where}"
            findings.append(
                Finding(
                    Severity.ERROR,
                    RULE,
                    f"operationId {op_id!r} is already used by {first.method.upper()} {first.path} ({at})",
                    op.node.child("operationId").location,
                )
            )
    return findings


def _key(op: OperationSite) -> tuple[str, int, int]:
    loc = op.node.child("operationId").location
    return (loc.file, loc.line, loc.col)
