"""A loaded spec: the root document, the files it ``$ref``s, and its resolved view.

Loading reads the root document and every file it refers to, and resolves the ``$ref``s that
stand for objects or values in place (:mod:`.resolve`); schema ``$ref``s stay references and
are followed with :meth:`Spec.deref`.  :meth:`Spec.value` reads the resolved view,
:class:`Node` navigation lands where each value is written (file, pointer, line:col), and
problems met while resolving are in :attr:`Spec.findings` (located, never raised here).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import Finding, error
from .node import Node
from .refs import STRUCTURED_SUFFIXES, RefTargets, walk
from .resolve import ResolvedView
from .yaml_source import Document, load_file, unescape_pointer_token

__all__ = ["Node", "Spec", "load_spec"]
_UNSEEN = object()


class Spec:
    def __init__(self, root_path: Path) -> None:
        self.root_path = root_path.resolve()
        self.base_dir = self.root_path.parent
        self._docs: dict[Path, Document] = {}
        self.display_root = root_path.as_posix()
        self._display_dir = root_path.parent
        self.root = self._load(self.root_path)
        self._refs = RefTargets(self.base_dir, self._load)
        self._view = ResolvedView(self.root, self._refs)
        self._data: dict[Document, Any] = {}
        self._values: dict[Node, Any] = {}  # node -> value (the resolved data does not change)

    # -- documents ----------------------------------------------------------------------------------
    def _load(self, path: Path) -> Document:
        doc = self._docs.get(path)
        if doc is None:
            uri = "" if path == self.root_path else path.relative_to(self.base_dir).as_posix()
            display = (self._display_dir / uri).as_posix() if uri else self.display_root
            as_text = bool(uri) and path.suffix.lower() not in STRUCTURED_SUFFIXES
            doc = load_file(path, display, uri, as_text=as_text)
            self._docs[path] = doc
        return doc

    @property
    def documents(self) -> list[Document]:
        return list(self._docs.values())

    @property
    def data(self) -> Any:
        """The root document's resolved data."""
        return self.resolved(self.root)

    @property
    def findings(self) -> list[Finding]:
        """What resolving found: broken or cyclic ``$ref``s (errors), pointers through refs (warnings)."""
        return self._view.findings + self._refs.warnings(self._view.in_place)

    def unresolved(self, node: Node) -> bool:
        """Whether ``node`` is an object or value written as a ``$ref`` that could not be resolved."""
        return (node.doc, node.pointer) in self._view.unresolved

    def resolved(self, doc: Document) -> Any:
        data = self._data.get(doc)
        if data is None:
            data = self._data[doc] = self._view.data(doc)
        return data

    def node(self, pointer: str = "") -> Node:
        """The node at ``pointer`` in the root document (through resolved ``$ref``s)."""
        tokens = [unescape_pointer_token(t) for t in pointer.split("/")[1:]] if pointer else []
        return Node(self.root, "").child(*tokens)

    def value(self, node: Node) -> Any:
        """The resolved value at ``node``; None when there is none."""
        value: Any = self.resolved(node.doc)
        if not node.pointer:
            return value
        cached = self._values.get(node, _UNSEEN)
        if cached is not _UNSEEN:
            return cached
        self._values[node] = value = walk(value, node.pointer)
        return value

    # -- refs ---------------------------------------------------------------------------------------
    def ref_target(self, ref: Any, at: Node) -> Node:
        """The node a ``$ref`` string written at ``at`` points to; raises a located SpecError."""
        return self._refs.target(ref, at)

    def ref_warning(self, ref: Any, at: Node) -> Finding | None:
        """The warning for a ref already resolved whose pointer ran through another ``$ref``."""
        return self._refs.warning(ref, at, self._view.in_place)

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
    """Load the root document and what it refers to.  Raises SpecError on unreadable or invalid YAML."""
    return Spec(path)
