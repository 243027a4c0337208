"""Where a ``$ref`` points: the file (loaded once) and the node its JSON pointer names.

Only local refs (``#/components/schemas/X``) and relative-file refs (``common.yaml#/X``,
``schemas/x.yaml``, ``../docs/intro.md``) are followed, relative to the file the ref is written in.
A ref that points at http(s), or at a file outside the spec's folder, is refused: oasgen never
touches the network and never reads arbitrary files.  YAML and JSON files are parsed; any other
file (Markdown, text) is one string, its whole content.

A pointer that runs through another ``$ref`` (``#/components/schemas/A/properties/x`` where ``A``
is itself a ``$ref``) is followed through it.  Through a ``$ref`` the loader resolves in place (a
path item, a ``components/schemas`` section in another file) that is what a bundled document
would hold; through a schema ``$ref``, which stays a reference, it is a ``ref-through`` warning.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..errors import Finding, Severity, SpecError, error
from .node import Node
from .yaml_source import Document, escape_pointer_token, unescape_pointer_token

STRUCTURED_SUFFIXES = (".yaml", ".yml", ".json")
MAX_HOPS = 64  # refs a pointer may run through, one inside another

Loader = Callable[[Path], Document]
_Key = tuple[int, str, str]


def _key(ref: Any, at: Node) -> _Key:
    return (id(at.doc), at.pointer, ref if isinstance(ref, str) else repr(ref))


def cycle_finding(cycle: list[Node]) -> Finding:
    """One located finding for a cycle of ``$ref`` sites, the same whichever site it was met at."""
    first = min(cycle, key=lambda n: (n.location.file, n.location.line, n.location.col))
    start = cycle.index(first)
    ordered = cycle[start:] + cycle[:start] + [first]
    chain = " -> ".join(n.id for n in ordered)
    return Finding(Severity.ERROR, "ref-cycle", f"$ref alias cycle: {chain}", first.written("$ref").location)


class RefTargets:
    """Resolves ``$ref`` strings to nodes; remembers each answer (and each error)."""

    def __init__(self, base_dir: Path, load: Loader) -> None:
        self.base_dir = base_dir
        self.load = load
        self._memo: dict[_Key, Node | SpecError] = {}
        self._active: set[_Key] = set()
        # refs whose pointer ran through other $refs: (the ref, where it is written, the $ref
        # nodes it ran through, where it led)
        self._through: dict[_Key, tuple[str, Node, list[Node], Node]] = {}

    def warnings(self, in_place: Callable[[Node], bool]) -> list[Finding]:
        """``ref-through`` warnings: pointers through a ``$ref`` that ``in_place`` does not resolve."""
        out = []
        for key in self._through:
            found = self.warning_of(key, in_place)
            if found is not None:
                out.append(found)
        return out

    def warning(self, ref: Any, at: Node, in_place: Callable[[Node], bool]) -> Finding | None:
        """The ``ref-through`` warning of a ref already resolved, if its pointer ran through one."""
        return self.warning_of(_key(ref, at), in_place)

    def warning_of(self, key: _Key, in_place: Callable[[Node], bool]) -> Finding | None:
        through = self._through.get(key)
        if through is None:
            return None
        ref, at, vias, node = through
        via = next((v for v in vias if not in_place(v)), None)
        if via is None:
            return None
        return Finding(
            Severity.WARNING,
            "ref-through",
            f"$ref {ref!r} runs through the $ref at {via.id}; followed to {node.id}, "
            "which the ref could name directly",
            at.written("$ref").location,
        )

    def target(self, ref: Any, at: Node) -> Node:
        """The node a ``$ref`` written at ``at`` points to; raises a located SpecError."""
        key = _key(ref, at)
        known = self._memo.get(key)
        if known is None:
            if key in self._active:
                raise error("ref-cycle", f"$ref {ref!r} points through itself", at.written("$ref").location)
            self._active.add(key)
            try:
                known = self._find(ref, at, key)
            except SpecError as exc:
                known = exc
            finally:
                self._active.discard(key)
            self._memo[key] = known
        if isinstance(known, SpecError):
            raise known
        return known

    def _find(self, ref: Any, at: Node, key: _Key) -> Node:
        loc = at.written("$ref").location
        if not isinstance(ref, str):
            raise error("ref-invalid", "$ref must be a string", loc)
        parts = urlsplit(ref)
        if parts.scheme or parts.netloc:
            raise error(
                "ref-remote",
                f"remote $ref {ref!r} is not allowed: refs must stay inside the spec's folder",
                loc,
            )
        doc = at.doc
        if parts.path:
            path = (at.doc.path.parent / unquote(parts.path)).resolve()
            if not path.is_relative_to(self.base_dir):
                raise error("ref-outside", f"$ref {ref!r} leaves the spec's folder", loc)
            if not path.is_file():
                raise error("ref-unresolved", f"$ref {ref!r}: no such file", loc)
            doc = self.load(path)
        fragment = unquote(parts.fragment)
        if fragment and not fragment.startswith("/"):
            raise error("ref-invalid", f"$ref {ref!r}: the fragment must be a JSON pointer", loc)
        return self._walk(doc, fragment, ref, at, key)

    def _walk(self, doc: Document, fragment: str, ref: str, at: Node, key: _Key) -> Node:
        node, value = Node(doc, ""), doc.data
        vias: list[Node] = []
        for raw in fragment.split("/")[1:] if fragment else ():
            token = unescape_pointer_token(raw)
            while isinstance(value, dict) and "$ref" in value and token not in value:
                if node in vias:  # an alias cycle on the way: the pointer leads nowhere
                    raise error(
                        "ref-cycle",
                        f"$ref {ref!r} runs through a $ref cycle at {node.id}",
                        at.written("$ref").location,
                    )
                vias.append(node)
                node = self.target(value["$ref"], node)
                value = raw_value(node)
            if isinstance(value, dict) and token in value:
                value = value[token]
            elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
                value = value[int(token)]
            else:
                raise error("ref-unresolved", f"$ref {ref!r} does not resolve", at.written("$ref").location)
            node = Node(node.doc, node.pointer + "/" + escape_pointer_token(token))
        if vias:
            self._through[key] = (ref, at, vias, node)
        return node


def raw_value(node: Node) -> Any:
    """The value at ``node`` as written in its file (``$ref``s not resolved); None if absent."""
    return walk(node.doc.data, node.pointer)


def walk(value: Any, pointer: str) -> Any:
    """The value under the JSON ``pointer`` in ``value``; None if absent."""
    for raw in pointer.split("/")[1:]:
        token = unescape_pointer_token(raw)
        if isinstance(value, dict) and token in value:
            value = value[token]
        elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        else:
            return None
    return value
