"""The resource tree: ``[tool.oasgen.resources]`` renames, the clash check, and the tree itself.

``[tool.oasgen.resources]`` maps a dotted call path to a new one, so a team can match an SDK it
already ships:

* a resource: ``"chatkit.threads" = "beta.chatkit.threads"`` moves the resource and everything
  under it;
* a method: ``"threads.messages.list" = "threads.messages.all"`` renames one method (and may move it
  to another resource); the key may also be an operationId.

Keys are applied to the call paths the naming rule gives (:mod:`.grouping`), the most specific
first; a key that matches nothing is a usage error.  Two operations with one call path, or a
method with the name of a child resource, are a located error naming both: the rule never settles
a clash by renaming, so that adding an operation never renames another.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ..errors import UNKNOWN, Finding, Severity, UsageError
from ..naming import split_words
from .model import Operation, Resource, Words

Path = tuple[Words, ...]


def parse_path(text: str, where: str) -> Path:
    parts = tuple(split_words(p) for p in text.split("."))
    if not text or not all(parts):
        raise UsageError(f"{where}: {text!r} is not a dotted call path such as threads.messages")
    return parts


def dotted(path: Path) -> str:
    return ".".join("_".join(p) for p in path)


def apply_renames(ops: list[Operation], table: Mapping[str, Any] | None) -> list[Operation]:
    """Apply ``[tool.oasgen.resources]``; raises UsageError for a key that matches nothing."""
    if not table:
        return ops
    where = "[tool.oasgen.resources]"
    methods: dict[Path, Path] = {}
    by_id: dict[str, Path] = {}
    moves: dict[Path, Path] = {}
    resources = {op.resource[:i] for op in ops for i in range(1, len(op.resource) + 1)}
    calls = {op.resource + (op.name,) for op in ops}
    ids = {op.id for op in ops}
    for key, value in table.items():
        if not isinstance(value, str):
            raise UsageError(f"{where}: the value of {key!r} must be a dotted call path (a string)")
        target = parse_path(value, f"{where} {key!r}")
        source = None if key in ids else parse_path(key, where)
        if (source is None or source in calls) and len(target) < 2:
            raise UsageError(f"{where}: {key!r} names a method; its new name needs a resource too")
        if source is None:
            by_id[key] = target
        elif source in calls:
            methods[source] = target
        elif source in resources:
            moves[source] = target
        else:
            raise UsageError(f"{where}: {key!r} matches no resource, method or operationId of the spec")
    out = []
    for op in ops:
        renamed = by_id.get(op.id) or methods.get(op.resource + (op.name,))
        if renamed is not None:
            out.append(replace(op, resource=renamed[:-1], name=renamed[-1]))
            continue
        for n in range(len(op.resource), 0, -1):
            moved = moves.get(op.resource[:n])
            if moved is not None:
                op = replace(op, resource=moved + op.resource[n:])
                break
        out.append(op)
    return out


def _call(op: Operation) -> str:
    return f"{dotted(op.resource)}.{'_'.join(op.name)}"


def _describe(op: Operation) -> str:
    where = f" at {op.location}" if op.location else ""
    return f"{op.id!r} ({op.method} {op.path}{where})"


def clashes(ops: list[Operation]) -> list[Finding]:
    """Two operations with one call path; a method named like a child resource of its resource."""
    found: list[Finding] = []
    first: dict[Path, Operation] = {}
    for op in ops:
        key = op.resource + (op.name,)
        other = first.setdefault(key, op)
        if other is not op:
            both = f"operations {_describe(other)} and {_describe(op)}"
            found.append(_clash(op, f"{both} both map to {_call(op)}"))
    children = {op.resource[:i] for op in ops for i in range(1, len(op.resource) + 1)}
    for op in ops:
        if op.resource + (op.name,) in children:
            found.append(
                _clash(
                    op,
                    f"method {_call(op)} of {_describe(op)} has the name of the resource "
                    f"{_call(op)} beside it",
                )
            )
    return found


def _clash(op: Operation, message: str) -> Finding:
    return Finding(
        Severity.ERROR,
        "operation-name-clash",
        message + "; rename one with x-oasgen: {group, name} or [tool.oasgen.resources]",
        op.location or UNKNOWN,
    )


def build_tree(ops: list[Operation]) -> tuple[Resource, ...]:
    """The resource tree: nodes in first-appearance order, each with its operations in spec order."""
    own: dict[Path, list[str]] = {}
    kids: dict[Path, list[Path]] = {(): []}
    for op in ops:
        for i in range(1, len(op.resource) + 1):
            node = op.resource[:i]
            if node not in own:
                own[node] = []
                kids[node] = []
                kids[node[:-1]].append(node)
        own[op.resource].append(op.id)

    def make(node: Path) -> Resource:
        return Resource(node[-1], node, tuple(own[node]), tuple(make(k) for k in kids[node]))

    return tuple(make(k) for k in kids[()])
