"""The resource tree: ``[tool.oasgen.resources]`` renames, the clash check, and the tree itself.

``[tool.oasgen.resources]`` maps a dotted call path to a new one, so a team can match an SDK it
already ships:

* a resource: ``"chatkit.threads" = "beta.chatkit.threads"`` moves the resource and everything
  under it;
* a method: ``"threads.messages.list" = "threads.messages.all"`` renames one method (and may move it
  to another resource); the key may also be an operationId.

Keys are applied to the call paths the naming rule gives (:mod:`.grouping`), the most specific
first; a key that matches nothing is a usage error.

Clashes: the naming rule looks at one operation at a time, so names it gives never change when
operations are added.  A few shapes of real specs still give two operations one call path; the
settlement rules of :func:`settle` rename one of them, structurally (never after its
operationId), with a located warning: such a name depends on the operation it clashed with.
Whatever is left (two operations with one call path, or a method named like a resource beside
it), and any clash after ``[tool.oasgen.resources]``, is a located error naming both.
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


_COLLECTION = {"GET": "list", "POST": "create", "PUT": "update", "PATCH": "update", "DELETE": "delete"}


def _trailing_params(path: str) -> tuple[str, int]:
    """``/x/{a}/{b}`` -> (``/x``, 2): the path without its trailing parameters, and their number."""
    segments = [s for s in path.partition("?")[0].split("/") if s]
    n = 0
    while n < len(segments) and "{" in segments[-1 - n]:
        n += 1
    return "/" + "/".join(segments[: len(segments) - n]), n


def _settle_group(group: list[Operation]) -> list[tuple[Operation, Words, str]]:
    """New names for some operations of one clash group, each with the settlement rule's name."""
    puts = [op for op in group if op.method == "PUT"]
    if len(puts) == 1 and puts[0].name == ("update",):
        return [(puts[0], ("replace",), "a PUT beside another update is replace")]
    posts = [op for op in group if op.method == "POST"]
    if (
        len(posts) == 1
        and posts[0].name == ("update",)
        and any(op.method == "PATCH" and op.path == posts[0].path for op in group)
    ):
        return [(posts[0], ("create",), "a POST to an item that also has PATCH is create")]
    stems = {_trailing_params(op.path)[0] for op in group}
    counts = [_trailing_params(op.path)[1] for op in group]
    if len(stems) == 1 and len(set(counts)) == len(counts):
        keep = 1 if 1 in counts else min(counts)
        out = []
        for op, n in zip(group, counts, strict=True):
            if n == keep:
                continue
            segments = [s for s in op.path.partition("?")[0].split("/") if s]
            last = segments[-1] if segments else ""
            words = ("all",) if n == 0 or not last else ("by", *split_words(last.strip("{}")))
            out.append((op, op.name + words, "paths that differ in their trailing parameters"))
        return out
    return []


def settle(ops: list[Operation], declared: set[str]) -> tuple[list[Operation], list[Finding]]:
    """Settle the clashes the naming rule leaves, by the documented rules; a warning for each.

    * an action named like a child resource becomes that resource's collection call;
    * a ``PUT`` beside another ``update`` is ``replace``;
    * a ``POST`` to an item that also has ``PATCH`` is ``create``;
    * paths that differ only in trailing parameters: the one with one keeps the name, none adds
      ``_all``, more add ``_by_<last parameter>``.

    Operations named by ``x-oasgen`` (``declared``) are never renamed here.
    """
    found: list[Finding] = []
    for _ in range(4):
        children = {op.resource[:i] for op in ops for i in range(1, len(op.resource) + 1)}
        renamed: dict[str, tuple[Path, Words, str]] = {}
        for op in ops:
            if op.resource + (op.name,) in children and op.id not in declared:
                verb: Words = (_COLLECTION.get(op.method, op.method.lower()),)
                renamed[op.id] = (op.resource + (op.name,), verb, "an action named like a resource")
        groups: dict[tuple[Path, Words], list[Operation]] = {}
        for op in ops:
            groups.setdefault((op.resource, op.name), []).append(op)
        for group in groups.values():
            if len(group) > 1 and not any(op.id in declared or op.id in renamed for op in group):
                for op, new_name, how in _settle_group(group):
                    renamed[op.id] = (op.resource, new_name, how)
        if not renamed:
            break
        out = []
        for op in ops:
            if op.id in renamed:
                resource, settled_name, how = renamed[op.id]
                new = replace(op, resource=resource, name=settled_name)
                found.append(
                    Finding(
                        Severity.WARNING,
                        "operation-name-settled",
                        f"{_describe(op)} would clash as {_call(op)}; {how}: it is {_call(new)}",
                        op.location or UNKNOWN,
                    )
                )
                op = new
            out.append(op)
        ops = out
    return ops, found


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
