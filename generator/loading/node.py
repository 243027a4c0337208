"""A position in the spec: a document and a JSON pointer inside it, always where the node is written.

Navigation (:meth:`Node.child`) follows the ``$ref``s the loader resolved in place (operations,
parameters, responses, descriptions, ...): the child of a path item's ``get`` that is written as
``{$ref: ops/list.yaml}`` is the node ``ops/list.yaml#``, so its location names that file.  Schema
``$ref``s are never followed here: a schema reference keeps its identity (see :mod:`.resolve`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Location
from .yaml_source import Document, escape_pointer_token, unescape_pointer_token


@dataclass(frozen=True, slots=True)
class Node:
    doc: Document
    pointer: str

    @property
    def location(self) -> Location:
        return self.doc.location(self.pointer)

    @property
    def id(self) -> str:
        """Stable id: ``#/pointer`` in the root document, ``file.yaml#/pointer`` elsewhere."""
        return f"{self.doc.uri}#{self.pointer}"

    @property
    def name(self) -> str:
        """The node's own name: its last pointer token, or the file's stem for a whole document."""
        if not self.pointer:
            return self.doc.path.stem
        return unescape_pointer_token(self.pointer.rsplit("/", 1)[-1])

    def child(self, *tokens: str | int) -> Node:
        """The node under ``tokens``, through every ``$ref`` the loader resolved on the way."""
        node = self
        for t in tokens:
            doc = node.doc
            key = str(t)
            if doc.overlays:
                overlay = doc.overlays.get(node.pointer)
                if overlay is not None and key not in overlay[2]:
                    node = Node(overlay[0], overlay[1])  # a key the $ref's target provides
                    doc = node.doc
            ptr = node.pointer + "/" + escape_pointer_token(key)
            mount = doc.mounts.get(ptr)
            node = Node(mount[0], mount[1]) if mount is not None else Node(doc, ptr)
        return node

    def written(self, *tokens: str | int) -> Node:
        """The node under ``tokens`` as written here: a resolved ``$ref`` site stays the site."""
        ptr = self.pointer + "".join("/" + escape_pointer_token(str(t)) for t in tokens)
        return Node(self.doc, ptr)
