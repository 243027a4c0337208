"""Which module of the package each model goes to: the rule that keeps modules small and acyclic.

A definition (a model, an enum or a type alias) is *used by* every resource whose methods reach it,
directly or through other definitions.  Its module is:

* ``types/<resource>.py`` when exactly one resource uses it;
* ``types/_shared.py`` when several do;
* ``types/_other.py`` when none does (schemas that no operation mentions).

A reference never points from a definition to one used by fewer resources (whatever reaches the
referrer reaches what it refers to), so modules only import "upwards": ``_other`` -> a resource's
module -> ``_shared``.  There is no import cycle between modules, and every module can be imported
first.  A module whose estimated size is over the budget is split in parts (``_shared_2``, ...) along
the definitions' strongly connected components, dependencies first, so a part imports only earlier
parts: mutually recursive models always stay together, in one module.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

SHARED = "_shared"
OTHER = "_other"
# Estimated lines per module part; the formatted output stays well under 5,000 lines.
BUDGET = 2500


@dataclass(frozen=True)
class Definition:
    name: str
    refs: frozenset[str]  # names of other definitions it mentions
    weight: int  # estimated lines


def assign(
    defs: Mapping[str, Definition], roots: Mapping[str, Iterable[str]]
) -> tuple[dict[str, str], dict[str, str]]:
    """(``{definition name: module}``, ``{module: owner}``); ``roots`` maps each resource module to the
    names its methods use.  The owner is the resource module, ``SHARED`` or ``OTHER``.

    Deterministic: it depends only on the order of ``defs`` and ``roots`` and on their contents.
    """
    users: dict[str, list[str]] = {name: [] for name in defs}
    for module, names in roots.items():
        for name in _reach(defs, names):
            users[name].append(module)
    groups: dict[str, list[str]] = {}
    for name, used_by in users.items():
        owner = used_by[0] if len(used_by) == 1 else SHARED if used_by else OTHER
        groups.setdefault(owner, []).append(name)
    out: dict[str, str] = {}
    owners: dict[str, str] = {}
    taken = set(roots) | {SHARED, OTHER}
    for owner, names in groups.items():
        for i, part in enumerate(_split(defs, names)):
            module = owner if i == 0 else _fresh(f"{owner}_{i + 1}", taken)
            owners[module] = owner
            out.update((name, module) for name in part)
    return out, owners


def _fresh(name: str, taken: set[str]) -> str:
    base, n = name, 1
    while name in taken:
        n += 1
        name = f"{base}_{n}"
    taken.add(name)
    return name


def _reach(defs: Mapping[str, Definition], start: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    stack = [n for n in start if n in defs]
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen[name] = None
        stack.extend(r for r in defs[name].refs if r in defs and r not in seen)
    return list(seen)


def _split(defs: Mapping[str, Definition], names: list[str]) -> list[list[str]]:
    """``names`` in parts of at most BUDGET lines (a component larger than that is one part)."""
    if sum(defs[n].weight for n in names) <= BUDGET:
        return [names]
    parts: list[list[str]] = [[]]
    size = 0
    for component in _components(defs, names):
        weight = sum(defs[n].weight for n in component)
        if parts[-1] and size + weight > BUDGET:
            parts.append([])
            size = 0
        parts[-1].extend(component)
        size += weight
    return parts


def _components(defs: Mapping[str, Definition], names: list[str]) -> list[list[str]]:
    """Strongly connected components of ``names`` (edges among them), dependencies first (Tarjan)."""
    inside = set(names)
    order = {n: i for i, n in enumerate(names)}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    for root in names:
        if root in index:
            continue
        # Iterative Tarjan: (node, iterator over its successors).
        work = [(root, iter(sorted(r for r in defs[root].refs if r in inside)))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            step = next(successors, None)
            if step is not None:
                if step not in index:
                    index[step] = low[step] = len(index)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(sorted(r for r in defs[step].refs if r in inside))))
                elif step in on_stack:
                    low[node] = min(low[node], index[step])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                out.append(sorted(component, key=order.__getitem__))
    return out
