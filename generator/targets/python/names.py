"""Python identifiers: one deterministic pass from IR ids and wire names to names."""

from __future__ import annotations

import keyword
import re

from ...ir.model import Api, Field
from ...naming import snake, split_words

# Names the package itself defines at its root; a model may not take them.
RESERVED_TYPE_NAMES = frozenset(
    {
        "APIError",
        "APIConnectionError",
        "APITimeoutError",
        "APIStatusError",
        "APIResponse",
        "BadRequestError",
        "AuthenticationError",
        "PermissionDeniedError",
        "NotFoundError",
        "ConflictError",
        "UnprocessableEntityError",
        "RateLimitError",
        "InternalServerError",
        "ValidationError",
        "Model",
        "Parser",
        "NotGiven",
        "NOT_GIVEN",
        "OpenEnum",
        "Any",
        "Literal",
        "Self",
        "TypeAlias",
        "Mapping",
        "Callable",
        "Iterator",
    }
)
# Attribute names a model's fields may not take (its own methods and slots).
# Builtins that the generated annotations use: a field of that name would shadow them in the class body.
RESERVED_ATTRS = frozenset(
    {
        "from_dict",
        "to_dict",
        "extra_fields",
        "self",
        "cls",
        "str",  # every model's to_dict() -> dict[str, Any]
        "dict",
    }
    | {"Any", "Literal", "Self", "NotGiven", "NOT_GIVEN", "TypeAlias"}
)
# Builtins a field may be named after unless the model's own annotations use them (class-body scope).
SHADOWABLE = frozenset({"int", "float", "bool", "list", "bytes"})
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_IDENT_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def py_ident(words_or_text: tuple[str, ...] | str) -> str:
    name = snake(words_or_text) if isinstance(words_or_text, tuple) else snake(split_words(words_or_text))
    if not name:
        name = "value"
    if name[0].isdigit():
        name = "n_" + name
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in RESERVED_ATTRS:
        name += "_"
    return name


def type_name(words: tuple[str, ...]) -> str:
    """Keep the spec's own casing of each word (``ChatKit``, ``OpenAI``): just capitalise and join."""
    name = "".join(w[:1].upper() + w[1:] for w in words if w)
    name = re.sub(r"[^A-Za-z0-9_]", "", name) or "Model"
    if name[0].isdigit():
        name = "M" + name
    if keyword.iskeyword(name) or name in RESERVED_TYPE_NAMES:
        name += "Model"
    return name


def unique(candidates: list[tuple[str, str]]) -> dict[str, str]:
    """``[(key, wanted name)]`` in priority order -> ``{key: name}`` with clashes numbered 2, 3, ..."""
    taken: set[str] = set()
    out: dict[str, str] = {}
    for key, wanted in candidates:
        name, n = wanted, 1
        while name in taken:
            n += 1
            name = f"{wanted}{n}" if not wanted.endswith("_") else f"{wanted}{n}"
        taken.add(name)
        out[key] = name
    return out


def model_names(api: Api, extra_taken: set[str]) -> dict[str, str]:
    """Component models first (spec order), then inline ones: an inline schema never renames a component."""
    ordered = sorted(api.models, key=lambda m: (not m.id.startswith("#/components/schemas/"), 0))
    cands = [("\0taken:" + t, t) for t in sorted(extra_taken)]
    cands += [(m.id, type_name(m.name)) for m in ordered]
    names = unique(cands)
    return {k: v for k, v in names.items() if not k.startswith("\0taken:")}


def field_names(fields: tuple[Field, ...], annotations: tuple[str, ...] = ()) -> list[str]:
    """A field whose snake_case equals its wire name keeps it; clashing ones are numbered in spec order.

    ``annotations`` are the model's annotations: a builtin they use (``bytes``) cannot be a field name.
    """
    used = {w for a in annotations for w in _IDENT_WORD.findall(a)} & SHADOWABLE

    def ident(name: str) -> str:
        i = py_ident(name)
        return i + "_" if i in used else i

    exact = [f for f in fields if ident(f.name) == f.name]
    rest = [f for f in fields if ident(f.name) != f.name]
    names = unique([(f.name, ident(f.name)) for f in exact + rest])
    return [names[f.name] for f in fields]
