"""YAML (and JSON) with source positions, YAML 1.2 scalars and no duplicate keys.

PyYAML resolves plain scalars by YAML 1.1 rules: ``200:`` becomes an int key,
``2024-10-01`` a date, ``on`` a boolean.  We compose the node graph with the C
parser (fast, no construction) and build plain Python values ourselves with the
YAML 1.2 core schema, so scalars stay what the spec's author meant.  Every
node's ``(line, col)`` is recorded under its JSON pointer.

Limits keep hostile input from hanging or exhausting memory: the file size, and
the number of nodes after alias expansion (a "billion laughs" bomb).

JSON writers escape characters outside the BMP as surrogate pairs (``"\\ud83d\\udc4d"``), which
libyaml refuses.  Such a file is read again with PyYAML's pure-Python scanner, which keeps each
half; the halves of a pair are joined into one character and a lone half (not a character at all)
becomes U+FFFD, as JSON decoders that must produce valid Unicode do.  A ``.json`` file may also hold
DEL, C1 controls, U+2028 and U+2029 raw inside its strings (the only place JSON allows them), which
YAML would refuse or read as line breaks: they are read as the characters they are (written as
escapes before parsing, so later columns on such a line shift by five per character).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import Location, error

MAX_BYTES = 32 * 1024 * 1024
MAX_NODES = 4_000_000
MAX_DEPTH = 200  # real specs nest ~25 deep; libyaml's C composer crashes (no guard) near 50,000

try:  # pragma: no cover - depends on how PyYAML was built
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_BOOL_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def resolve_plain_scalar(text: str) -> object:
    """YAML 1.2 core schema resolution of an unquoted scalar."""
    if _NULL.match(text):
        return None
    if _BOOL_TRUE.match(text):
        return True
    if _BOOL_FALSE.match(text):
        return False
    if _INT10.match(text):
        return int(text)
    if _INT8.match(text):
        return int(text, 0)
    if _INT16.match(text):
        return int(text, 0)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.match(text):
        return math.nan
    return text


@dataclass(frozen=True, slots=True, eq=False)
class Document:
    """One loaded file: its data (plain dict/list/scalars) and node positions by JSON pointer.

    ``ref_paths`` holds the pointer of every mapping with a ``$ref`` key and of all its ancestors,
    so a walk looking for refs can skip the subtrees that have none.  ``mounts`` and ``overlays``
    are filled by :mod:`.resolve`: where the resolved view of this document shows another node.
    """

    path: Path  # absolute
    display: str  # how messages name the file
    uri: str  # "" for the root document, else its path relative to the root's folder
    data: Any
    positions: dict[str, tuple[int, int]]
    ref_paths: frozenset[str] = frozenset()
    # pointer of a resolved ``$ref`` site -> the (document, pointer) its value comes from
    mounts: dict[str, tuple[Document, str]] = field(default_factory=dict)
    # a site with keys beside its ``$ref`` -> (target document, pointer, those keys): the other keys
    # come from the target
    overlays: dict[str, tuple[Document, str, frozenset[str]]] = field(default_factory=dict)

    def location(self, pointer: str) -> Location:
        """The position of ``pointer``, or of its nearest ancestor that has one."""
        p = pointer
        while True:
            pos = self.positions.get(p)
            if pos is not None:
                return Location(self.display, pos[0], pos[1], pointer)
            if not p:
                return Location(self.display, 1, 1, pointer)
            p = p.rsplit("/", 1)[0]


_SURROGATE = re.compile("[\ud800-\udfff]")


def join_surrogates(text: str) -> str:
    """Pairs of surrogate halves -> the character they encode; a lone half -> U+FFFD."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


class _Builder:
    def __init__(self, display: str, surrogates: bool = False) -> None:
        self.display = display
        self.surrogates = surrogates  # scalars may hold surrogate halves (read by the pure scanner)
        self.positions: dict[str, tuple[int, int]] = {}
        self.refs: list[str] = []  # pointers of mappings that have a $ref key
        self.count = 0

    def loc(self, node: yaml.Node, pointer: str) -> Location:
        return Location(self.display, node.start_mark.line + 1, node.start_mark.column + 1, pointer)

    def build(self, node: yaml.Node, pointer: str) -> Any:
        # Recursive: spec depth is small; a hostile file that nests deeply hits RecursionError,
        # which parse_text turns into a located error.
        self.count += 1
        if self.count > MAX_NODES:
            raise error(
                "yaml-too-large",
                f"the document expands to more than {MAX_NODES:,} nodes (an alias bomb?)",
                self.loc(node, pointer),
            )
        self.positions[pointer] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            # The C parser reports a plain scalar's style as "", the pure-Python one as None.
            if not node.style:
                return resolve_plain_scalar(node.value)
            return join_surrogates(node.value) if self.surrogates else node.value
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, f"{pointer}/{i}") for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise error("yaml-key", "mapping keys must be scalars", self.loc(key_node, pointer))
                if key_node.value == "<<" and not key_node.style:
                    raise error(
                        "yaml-merge-key",
                        "YAML merge keys (<<) are not supported in specs",
                        self.loc(key_node, pointer),
                    )
                key = join_surrogates(key_node.value) if self.surrogates else key_node.value
                child = f"{pointer}/{escape_pointer_token(key)}"
                if key in out:
                    first = self.positions.get(child, (0, 0))
                    raise error(
                        "yaml-duplicate-key",
                        f"duplicate key {key!r} (first defined at line {first[0]})",
                        self.loc(key_node, child),
                    )
                out[key] = self.build(value_node, child)
            if "$ref" in out:
                self.refs.append(pointer)
            return out
        raise error("yaml-node", f"unsupported YAML node {type(node).__name__}", self.loc(node, pointer))


def _expanded_sizes(root: yaml.Node, display: str) -> dict[int, int]:
    """Node count of every node after alias expansion, computed once per distinct node.

    Aliases compose to the *same* node object, so this is linear in the file's size even for a
    "billion laughs" bomb, which is rejected before anything is expanded.
    """
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        known = sizes.get(key)
        if known is not None:
            return known
        if key in active:
            mark = node.start_mark
            raise error(
                "yaml-recursive-alias",
                "an alias refers to a node that contains it",
                Location(display, mark.line + 1, mark.column + 1, ""),
            )
        active.add(key)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(size(item) for item in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        active.discard(key)
        sizes[key] = total
        return total

    size(root)
    return sizes


def _check_expansion(root: yaml.Node, display: str) -> None:
    sizes = _expanded_sizes(root, display)
    if sizes[id(root)] <= MAX_NODES:
        return
    # Point at the smallest node that alone expands past the limit.
    node, pointer = root, ""
    while True:
        children: list[tuple[str, yaml.Node]] = []
        if isinstance(node, yaml.SequenceNode):
            children = [(str(i), item) for i, item in enumerate(node.value)]
        elif isinstance(node, yaml.MappingNode):
            children = [(escape_pointer_token(str(k.value)), v) for k, v in node.value]
        big = next(((t, c) for t, c in children if sizes[id(c)] > MAX_NODES), None)
        if big is None:
            break
        pointer += "/" + big[0]
        node = big[1]
    mark = node.start_mark
    raise error(
        "yaml-too-large",
        f"the document expands to {sizes[id(root)]:,} nodes, more than {MAX_NODES:,} (an alias bomb?)",
        Location(display, mark.line + 1, mark.column + 1, pointer),
    )


_OPEN_EVENTS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE_EVENTS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _check_depth(text: str, display: str, loader: Any) -> None:
    """Reject deep nesting from the event stream (iterative) before composing (recursive C code)."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, _OPEN_EVENTS):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                raise error(
                    "yaml-too-deep",
                    f"the document nests more than {MAX_DEPTH} levels deep",
                    Location(display, line, col, ""),
                )
        elif isinstance(event, _CLOSE_EVENTS):
            depth -= 1


def _compose(text: str, display: str, loader: Any) -> yaml.Node | None:
    _check_depth(text, display, loader)
    return yaml.compose(text, Loader=loader)


# Characters JSON allows raw in a string that YAML refuses (DEL, C1) or folds (NEL, U+2028, U+2029).
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def parse_text(text: str, display: str, path: Path, uri: str = "") -> Document:
    if path.suffix.lower() == ".json" and _JSON_RAW.search(text):
        text = _JSON_RAW.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
    surrogates = False
    try:
        try:
            root = _compose(text, display, _Loader)
        except yaml.MarkedYAMLError as exc:
            if _Loader is yaml.SafeLoader or "invalid Unicode character escape" not in str(exc.problem):
                raise
            root, surrogates = _compose(text, display, yaml.SafeLoader), True
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        raise error("yaml-syntax", f"invalid YAML: {problem}", Location(display, line, col, "")) from None
    except yaml.YAMLError as exc:
        raise error("yaml-syntax", f"invalid YAML: {exc}", Location(display, 1, 1, "")) from None
    if root is None:
        raise error("yaml-empty", "the document is empty", Location(display, 1, 1, ""))
    builder = _Builder(display, surrogates)
    try:
        _check_expansion(root, display)
        data = builder.build(root, "")
    except RecursionError:
        raise error("yaml-too-deep", "the document nests too deeply", Location(display, 1, 1, "")) from None
    return Document(path, display, uri, data, builder.positions, _with_ancestors(builder.refs))


def _with_ancestors(pointers: list[str]) -> frozenset[str]:
    out: set[str] = set()
    for p in pointers:
        while p not in out:
            out.add(p)
            if not p:
                break
            p = p.rsplit("/", 1)[0]
    return frozenset(out)


def text_document(path: Path, display: str, uri: str, text: str) -> Document:
    """A file that is not YAML or JSON (Markdown, plain text): its whole content is one string."""
    return Document(path, display, uri, text, {"": (1, 1)})


def load_file(path: Path, display: str, uri: str = "", as_text: bool = False) -> Document:
    """Read and parse one file; ``as_text``: keep its content as one string (Markdown, text)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise error(
            "file-read", f"cannot read {display}: {exc.strerror}", Location(display, 0, 0, "")
        ) from None
    if size > MAX_BYTES:
        raise error(
            "file-too-large",
            f"{display} is {size / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB",
            Location(display, 0, 0, ""),
        )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise error(
            "file-encoding", f"{display} is not UTF-8 ({exc.reason})", Location(display, 1, 1, "")
        ) from None
    except OSError as exc:
        raise error(
            "file-read", f"cannot read {display}: {exc.strerror}", Location(display, 0, 0, "")
        ) from None
    return text_document(path, display, uri, text) if as_text else parse_text(text, display, path, uri)
