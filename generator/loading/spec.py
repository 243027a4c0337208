"""A loaded spec: the root document, the files it ``$ref``s, and ref resolution.

Only local refs (``#/components/schemas/X``) and relative-file refs
(``common.yaml#/X``, ``schemas/x.yaml``) are followed.  A ref that points at
http(s), or at a file outside the spec's folder, is refused: oasgen never
touches the network and never reads arbitrary files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..errors import Location, error
from .yaml_source import Document, load_file, unescape_pointer_token


@dataclass(frozen=True, slots=True)
class Node:
    """A position in the spec: a document and a JSON pointer inside it."""

    doc: Document
    pointer: str

    @property
    def location(self) -> Location:
        return self.doc.location(self.pointer)

    @property
    def id(self) -> str:
        """Stable id: ``#/pointer`` in the root document, ``file.yaml#/pointer`` elsewhere."""
        return f"{self.doc.uri}#{self.pointer}"

    def child(self, *tokens: str | int) -> Node:
        ptr = self.pointer
        for t in tokens:
            ptr += "/" + str(t).replace("~", "~0").replace("/", "~1")
        return Node(self.doc, ptr)


class Spec:
    def __init__(self, root_path: Path) -> None:
        self.root_path = root_path.resolve()
        self.base_dir = self.root_path.parent
        self._docs: dict[Path, Document] = {}
        self.display_root = root_path.as_posix()
        self._display_dir = root_path.parent
        self.root = self._load(self.root_path, self.display_root)

    # -- documents ----------------------------------------------------------------------------------
    def _load(self, path: Path, display: str, uri: str = "") -> Document:
        doc = self._docs.get(path)
        if doc is None:
            doc = load_file(path, display, uri)
            self._docs[path] = doc
        return doc

    @property
    def documents(self) -> list[Document]:
        return list(self._docs.values())

    @property
    def data(self) -> Any:
        return self.root.data

    def node(self, pointer: str = "") -> Node:
        return Node(self.root, pointer)

    # -- pointers -----------------------------------------------------------------------------------
    @staticmethod
    def lookup(doc: Document, pointer: str) -> tuple[bool, Any]:
        value: Any = doc.data
        if pointer == "":
            return True, value
        for raw in pointer.lstrip("/").split("/"):
            token = unescape_pointer_token(raw)
            if isinstance(value, dict) and token in value:
                value = value[token]
            elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
                value = value[int(token)]
            else:
                return False, None
        return True, value

    def value(self, node: Node) -> Any:
        return self.lookup(node.doc, node.pointer)[1]

    # -- refs ---------------------------------------------------------------------------------------
    def ref_target(self, ref: str, at: Node) -> Node:
        """The node a ``$ref`` string written at ``at`` points to; raises a located SpecError."""
        loc = at.child("$ref").location
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
            target = (at.doc.path.parent / unquote(parts.path)).resolve()
            if not target.is_relative_to(self.base_dir):
                raise error("ref-outside", f"$ref {ref!r} leaves the spec's folder", loc)
            if not target.is_file():
                raise error("ref-unresolved", f"$ref {ref!r}: no such file", loc)
            uri = target.relative_to(self.base_dir).as_posix()
            if target == self.root_path:
                uri = ""
            doc = self._load(target, (self._display_dir / uri).as_posix() if uri else self.display_root, uri)
        fragment = unquote(parts.fragment)
        if fragment and not fragment.startswith("/"):
            raise error("ref-invalid", f"$ref {ref!r}: the fragment must be a JSON pointer", loc)
        found, _ = self.lookup(doc, fragment)
        if not found:
            raise error("ref-unresolved", f"$ref {ref!r} does not resolve", loc)
        return Node(doc, fragment)

    def deref(self, node: Node) -> tuple[Node, Any]:
        """Follow a chain of ``$ref``s from ``node`` to a node that is not a ref. Alias cycles are errors."""
        seen: list[Node] = []
        value = self.value(node)
        while isinstance(value, dict) and "$ref" in value:
            if node in seen:
                chain = " -> ".join(n.id for n in seen + [node])
                raise error("ref-cycle", f"$ref cycle: {chain}", seen[0].location)
            seen.append(node)
            node = self.ref_target(value["$ref"], node)
            value = self.value(node)
        return node, value


def load_spec(path: Path) -> Spec:
    """Load the root document.  Raises SpecError (located) on unreadable or invalid YAML."""
    return Spec(path)
