"""The resolved view of a spec: every non-schema ``$ref`` replaced by what it points to.

Bundlers (Redocly, swagger-cli) accept a ``$ref`` wherever an object or value stands: on a path
item, an operation, a parameter list entry, a response, a ``description``, ...  The loader does the
same, in two steps:

1. A walk from the root, guided by :mod:`.oas_types`, finds every ``$ref`` *site* and resolves it
   (:mod:`.refs`), following refs into other files; it skips subtrees with no ``$ref`` at all.
   Schema ``$ref``s are followed too (their files may hold more sites) but stay references.
2. Each document gets a resolved copy of its data: the containers on the way to a site are copied
   and the site's value is the resolved value of its target (keys written beside the ``$ref``
   override the target's).  Everything else is shared with the parsed data, never copied.  Each
   resolved site is recorded in its document's ``mounts``/``overlays``, so that :class:`Node`
   navigation lands on the node where a value is written, in the file it is written in.

A site whose ref does not resolve keeps its ``{$ref: ...}`` (the error is reported once); a site
that contains itself (``A -> B -> A``, or a callback back to its own path item) is a ``ref-cycle``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import Finding, Severity, SpecError
from .node import Node
from .oas_types import LITERAL, SCHEMA, child_kind, is_name_map, item_kind
from .refs import RefTargets, cycle_finding, raw_value
from .yaml_source import Document, escape_pointer_token, unescape_pointer_token

MAX_NESTING = 64  # sites resolved inside one another; real specs nest a handful


@dataclass(slots=True)
class _Site:
    """A ``$ref`` resolved in place: written at ``at``, pointing at ``target``."""

    at: Node
    target: Node
    siblings: frozenset[str]
    failed: bool = False


@dataclass(slots=True)
class _Trie:
    """The sites of one document, by pointer token."""

    children: dict[str, _Trie] = field(default_factory=dict)
    site: _Site | None = None


class ResolvedView:
    """Builds and holds the resolved data of every document of a spec."""

    def __init__(self, root: Document, refs: RefTargets) -> None:
        self.refs = refs
        self.findings: list[Finding] = []
        # the non-schema sites left as written ({$ref: ...}): their ref is broken, cyclic or too deep
        self.unresolved: set[tuple[Document, str]] = set()
        self._tries: dict[Document, _Trie] = {}
        self._sites: list[_Site] = []
        self._memo: dict[tuple[Document, str], Any] = {}
        self._active: list[tuple[Document, str]] = []
        self._site_stack: list[_Site] = []
        self._cycles: set[frozenset[str]] = set()
        self._find_sites(Node(root, ""))
        # Resolve every site (and find every cycle) before mounting any.  A target is found after
        # the site that refers to it, so the reverse order resolves targets first: a long chain of
        # refs is then resolved link by link instead of one inside another.
        for site in reversed(self._sites):
            try:
                self._value_at(site.at.doc, site.at.pointer)
            except RecursionError:  # deep nesting inside each of many chained files: refuse, located
                self._too_deep(site)
        _mount_all(self._sites)
        self._site_keys = {(s.at.doc, s.at.pointer) for s in self._sites} | self.unresolved
        self.unresolved.update((s.at.doc, s.at.pointer) for s in self._sites if s.failed)

    def in_place(self, node: Node) -> bool:
        """Whether ``node`` is a ``$ref`` site resolved in place (not a schema reference)."""
        return (node.doc, node.pointer) in self._site_keys

    def data(self, doc: Document) -> Any:
        """The resolved data of ``doc`` (its parsed data when nothing in it is resolved)."""
        if doc not in self._tries:
            return doc.data
        return self._value_at(doc, "")

    # -- 1: find the sites ------------------------------------------------------------------------
    def _find_sites(self, root: Node) -> None:
        todo: list[tuple[Node, str]] = [(root, "root")]
        visited: set[tuple[Document, str]] = set()  # every node walked, each once
        while todo:
            node, kind = todo.pop()
            todo.extend(self._walk(node, kind, visited))

    def _walk(self, start: Node, kind: str, visited: set[tuple[Document, str]]) -> list[tuple[Node, str]]:
        """Record the sites under ``start`` (one document); return the targets to walk next."""
        doc, refs_below = start.doc, start.doc.ref_paths
        targets: list[tuple[Node, str]] = []
        stack: list[tuple[str, Any, str]] = [(start.pointer, raw_value(start), kind)]
        while stack:
            ptr, value, kind = stack.pop()
            if ptr not in refs_below or kind == LITERAL or (doc, ptr) in visited:
                continue
            visited.add((doc, ptr))
            if isinstance(value, list):
                sub = item_kind(kind)
                stack.extend((f"{ptr}/{i}", v, sub) for i, v in enumerate(value))
                continue
            if not isinstance(value, dict):
                continue
            if "$ref" in value and (isinstance(value["$ref"], str) or not is_name_map(kind)):
                target = self._target(Node(doc, ptr), value["$ref"])
                if target is not None:
                    targets.append((target, kind))
                if kind == SCHEMA:  # a schema $ref stays a reference
                    pass
                elif target is None:
                    self.unresolved.add((doc, ptr))
                else:
                    self._add_site(_Site(Node(doc, ptr), target, frozenset(value) - {"$ref"}))
            for key, v in value.items():
                if key != "$ref" and isinstance(v, (dict, list)):
                    child = f"{ptr}/{escape_pointer_token(key)}"
                    if child in refs_below:
                        stack.append((child, v, child_kind(kind, key)))
        return targets

    def _target(self, at: Node, ref: Any) -> Node | None:
        try:
            return self.refs.target(ref, at)
        except SpecError as exc:
            self.findings.extend(exc.findings)
            return None

    def _add_site(self, site: _Site) -> None:
        trie = self._tries.setdefault(site.at.doc, _Trie())
        for token in site.at.pointer.split("/")[1:]:
            trie = trie.children.setdefault(token, _Trie())
        trie.site = site
        self._sites.append(site)

    # -- 2: resolved values -----------------------------------------------------------------------
    def _value_at(self, doc: Document, ptr: str) -> Any:
        """The resolved value at ``(doc, ptr)``, a node where a value is written."""
        key = (doc, ptr)
        if key in self._memo:
            return self._memo[key]
        trie: _Trie | None = self._tries.get(doc)
        for token in ptr.split("/")[1:] if ptr else ():
            if trie is None:
                break
            trie = trie.children.get(token)
        raw = raw_value(Node(doc, ptr))
        if trie is None:
            return raw
        self._active.append(key)
        try:
            value = self._build(doc, ptr, raw, trie)
        finally:
            self._active.pop()
        self._memo[key] = value
        return value

    def _build(self, doc: Document, ptr: str, raw: Any, trie: _Trie) -> Any:
        site = trie.site
        if site is not None:
            return self._resolve_site(site, raw)
        if isinstance(raw, dict):
            out: dict[str, Any] = dict(raw)
            for token in trie.children:
                key = unescape_pointer_token(token)
                if key in out:
                    out[key] = self._value_at(doc, f"{ptr}/{token}")
            return out
        if isinstance(raw, list):
            items = list(raw)
            for token in trie.children:
                if token.isdigit() and int(token) < len(items):
                    items[int(token)] = self._value_at(doc, f"{ptr}/{token}")
            return items
        return raw

    def _resolve_site(self, site: _Site, raw: Any) -> Any:
        target = site.target
        if site.failed:
            return raw
        if (target.doc, target.pointer) in self._active:
            self._report_cycle(site)
            return raw
        if len(self._site_stack) >= MAX_NESTING:
            self._too_deep(site)
            return raw
        self._site_stack.append(site)
        try:
            resolved = self._value_at(target.doc, target.pointer)
        finally:
            self._site_stack.pop()
        if site.failed:  # the target turned out to lead back here
            return raw
        if not site.siblings or not isinstance(resolved, dict):
            return resolved
        out = dict(resolved)
        for key in site.siblings:
            out[key] = self._value_at(site.at.doc, f"{site.at.pointer}/{escape_pointer_token(key)}")
        return out

    def _too_deep(self, site: _Site) -> None:
        site.failed = True
        self.findings.append(
            Finding(
                Severity.ERROR,
                "ref-too-deep",
                f"$refs nest more than {MAX_NESTING} deep here; resolve some of them in the files",
                site.at.written("$ref").location,
            )
        )

    def _report_cycle(self, closing: _Site) -> None:
        """``closing``'s target is being resolved: the sites from there to ``closing`` form a cycle."""
        target = closing.target
        if closing.at.doc is target.doc and _within(closing.at.pointer, target.pointer):
            cycle = [closing]  # it refers to itself, or to something that contains it
        else:
            start = len(self._site_stack)
            for i, s in enumerate(self._site_stack):
                if s.at.doc is target.doc and _within(s.at.pointer, target.pointer):
                    start = i
                    break
            cycle = self._site_stack[start:]
            if closing not in cycle:
                cycle.append(closing)
        for s in cycle:
            s.failed = True
        key = frozenset(s.at.id for s in cycle)
        if key in self._cycles:
            return
        self._cycles.add(key)
        if len(cycle) == 1 and closing.target != closing.at:
            self.findings.append(
                Finding(
                    Severity.ERROR,
                    "ref-cycle",
                    f"$ref cycle: {closing.at.id} refers to {target.id}, which contains it",
                    closing.at.written("$ref").location,
                )
            )
        else:
            self.findings.append(cycle_finding([s.at for s in cycle]))


def _within(pointer: str, prefix: str) -> bool:
    return pointer == prefix or pointer.startswith(prefix + "/")


def _mount_all(sites: list[_Site]) -> None:
    """Record each resolved site in its document; a chain of sites mounts its last target."""
    full = {(s.at.doc, s.at.pointer): s for s in sites if not s.failed and not s.siblings}
    for site in sites:
        if site.failed:
            continue
        target, hops = site.target, 0
        while (target.doc, target.pointer) in full and hops < len(full):
            target, hops = full[target.doc, target.pointer].target, hops + 1
        doc, ptr = site.at.doc, site.at.pointer
        if site.siblings and isinstance(raw_value(target), dict):
            doc.overlays[ptr] = (target.doc, target.pointer, site.siblings)
        else:
            doc.mounts[ptr] = (target.doc, target.pointer)
