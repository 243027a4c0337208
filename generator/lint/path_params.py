"""``path-params`` (error): path templates and ``in: path`` parameters must agree.

For each operation, with path-level and operation-level parameters merged
(after ``$ref``): every ``{name}`` in the template needs a declared path
parameter, every declared path parameter must appear in the template, and path
parameters must be ``required: true``.
"""

from __future__ import annotations

import re

from ..errors import Finding, Severity
from .walk import OperationSite

RULE = "path-params"
_TEMPLATE = re.compile(r"\{([^{}]*)\}")


def check_path_params(operations: list[OperationSite]) -> list[Finding]:
    findings: list[Finding] = []
    reported: set[str] = set()
    for op in operations:
        names = _TEMPLATE.findall(op.path)
        declared = {p.name: p for p in op.params if p.where == "path"}
        method = op.method.upper()
        for name in dict.fromkeys(names):
            if name not in declared:
                msg = f"{method} {op.path} has no 'in: path' parameter named {name!r} for {{{name}}}"
                findings.append(Finding(Severity.ERROR, RULE, msg, op.node.location))
        for name, param in declared.items():
            if param.written.id in reported:
                continue  # a path-level parameter is reported once, not per operation
            if name not in names:
                reported.add(param.written.id)
                msg = f"path parameter {name!r} does not appear in the path template {op.path}"
                findings.append(Finding(Severity.ERROR, RULE, msg, param.written.location))
            elif param.value.get("required") is not True:
                reported.add(param.written.id)
                node = param.node.child("required") if "required" in param.value else param.node
                msg = f"path parameter {name!r} must have 'required: true'"
                findings.append(Finding(Severity.ERROR, RULE, msg, node.location))
    return findings
