"""Who uses a model: the models that name it directly, and the operations that reach it at all."""

from __future__ import annotations

from dataclasses import dataclass

from ...ir.model import Api, ArrayType, MapType, Model, ModelRef, Nullable, Operation, Type, UnionType


def refs(t: Type | None) -> list[str]:
    """Model ids named by a type expression (without following them), in order."""
    if t is None:
        return []
    if isinstance(t, ModelRef):
        return [t.id]
    if isinstance(t, Nullable):
        return refs(t.inner)
    if isinstance(t, ArrayType):
        return refs(t.items)
    if isinstance(t, MapType):
        return refs(t.values)
    if isinstance(t, UnionType):
        return [r for v in t.variants for r in refs(v)]
    return []


def model_refs(m: Model) -> list[str]:
    out = [r for f in m.fields for r in refs(f.type)] + refs(m.additional) + refs(m.type)
    return list(dict.fromkeys(out))


@dataclass(frozen=True)
class Usage:
    models: dict[str, list[str]]  # model id -> ids of the models that name it
    operations: dict[str, list[tuple[str, list[str]]]]  # model id -> [(op id, roles)]


def _closure(start: list[str], models: dict[str, Model]) -> list[str]:
    seen: dict[str, None] = {}
    todo = list(start)
    while todo:
        mid = todo.pop(0)
        if mid in seen or mid not in models:
            continue
        seen[mid] = None
        todo.extend(model_refs(models[mid]))
    return list(seen)


def _roles(op: Operation) -> list[tuple[str, list[str]]]:
    request = [r for p in op.params for r in refs(p.type)] + (refs(op.body.type) if op.body else [])
    ok = op.success
    return [
        ("request", request),
        ("response", refs(ok.type) if ok else []),
        ("error responses", [r for e in op.errors for r in refs(e.type)]),
    ]


def usage(api: Api) -> Usage:
    models = {m.id: m for m in api.models}
    by_model: dict[str, list[str]] = {m.id: [] for m in api.models}
    for m in api.models:
        for r in model_refs(m):
            if r in by_model and m.id not in by_model[r]:
                by_model[r].append(m.id)
    by_op: dict[str, list[tuple[str, list[str]]]] = {m.id: [] for m in api.models}
    for op in api.operations:
        found: dict[str, list[str]] = {}
        for role, start in _roles(op):
            for mid in _closure(start, models):
                found.setdefault(mid, []).append(role)
        for mid, roles in found.items():
            by_op[mid].append((op.id, roles))
    return Usage(by_model, by_op)
