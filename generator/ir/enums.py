"""Closed lists of JSON values (``enum``, a ``oneOf`` of ``const``s) -> exact IR types.

The JSON type of each value decides; nothing is widened:

* values are grouped by JSON type: the strings are one :class:`EnumType`, the numbers another
  (``integer`` when every value is whole and the schema does not say ``number``), the booleans
  :class:`Primitive` boolean (both values) or a :class:`Const` (one), each object or array a
  :class:`Const`; several groups make a :class:`UnionType` of kind ``types``;
* ``null`` among the values makes the result :class:`Nullable`;
* a value the schema's ``type`` rules out can never validate: it is left out, with a problem;
* duplicates are dropped (the first keeps its name);
* member names are neutral words (``("not", "found")``); targets case them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..naming import split_words
from .model import Const, EnumBase, EnumType, FrozenDict, Nullable, Primitive, Type, UnionType, freeze, thaw
from .shapes import is_annotation

# JSON Schema type names, as ``type`` spells them.
JsonKind = str


def json_kind(value: object) -> JsonKind:
    """The JSON type of a (frozen) value; a whole float such as 1.0 is a ``number`` here."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (FrozenDict, dict)):
        return "object"
    return "array"


def allows(allowed: set[JsonKind] | None, value: object) -> bool:
    """Whether a value of this JSON type passes ``type`` (``None``: no ``type``, anything goes)."""
    if allowed is None:
        return True
    kind = json_kind(value)
    if kind in allowed:
        return True
    if kind == "integer":
        return "number" in allowed
    return isinstance(value, float) and "integer" in allowed and value.is_integer()


@dataclass(frozen=True)
class Member:
    value: object  # frozen JSON
    name: tuple[str, ...] = ()
    description: str | None = None


def member_name(text: object) -> tuple[str, ...]:
    """Neutral words for a member name written in the spec (a title, an x-enum-varnames entry)."""
    return split_words(text) if isinstance(text, str) else ()


def names_and_descriptions(
    s: Mapping[str, Any], values: Sequence[object]
) -> tuple[list[tuple[str, ...]] | None, list[str | None] | None, list[str]]:
    """Member names and descriptions from ``x-enum-varnames``/``x-enumNames`` and
    ``x-enum-descriptions`` (a list parallel to ``values``, or a map from value to text),
    and problems with them."""
    problems: list[str] = []
    names: list[tuple[str, ...]] | None = None
    for key in ("x-enum-varnames", "x-enumNames"):
        given = s.get(key)
        if given is None:
            continue
        if isinstance(given, list) and len(given) == len(values):
            names = [member_name(n) for n in given]
            break
        problems.append(f"`{key}` is not a list of {len(values)} names (one per value); ignored")
    descriptions: list[str | None] | None = None
    given = s.get("x-enum-descriptions")
    if isinstance(given, list) and len(given) == len(values):
        descriptions = [d if isinstance(d, str) and d else None for d in given]
    elif isinstance(given, dict):
        by_value = {str(k): v for k, v in given.items()}
        descriptions = [d if isinstance(d := by_value.get(str(thaw(v))), str) and d else None for v in values]
    elif given is not None:
        problems.append(
            f"`x-enum-descriptions` is not a list of {len(values)} texts (one per value); ignored"
        )
    return names, descriptions, problems


def const_members(s: Mapping[str, Any], branches: Sequence[Any]) -> list[Member] | None:
    """The members of ``s``'s ``oneOf``/``anyOf`` when its (dereferenced) ``branches`` are all
    ``const``s, one-value enums or ``null`` (at least two values); None otherwise.  A branch's
    ``title`` names its member and its ``description`` describes it, unless ``s`` has
    ``x-enum-varnames``/``x-enum-descriptions``."""
    members: list[Member] = []
    for b in branches:
        if not isinstance(b, dict):
            return None
        if b.get("type") == "null" and all(k == "type" or is_annotation(k) for k in b):
            members.append(Member(None))
            continue
        one = isinstance(b.get("enum"), list) and len(b["enum"]) == 1
        if not ("const" in b or one) or not all(
            k in ("const", "enum", "type") or is_annotation(k) for k in b
        ):
            return None  # a branch that is not one value
        desc = b.get("description")
        value = b["const"] if "const" in b else b["enum"][0]
        members.append(
            Member(
                freeze(value), member_name(b.get("title")), desc if isinstance(desc, str) and desc else None
            )
        )
    if sum(m.value is not None for m in members) < 2:
        return None  # one const (and null) is that const
    names, descriptions, _ = names_and_descriptions(s, [m.value for m in members])
    return [
        Member(m.value, names[i] if names else m.name, descriptions[i] if descriptions else m.description)
        for i, m in enumerate(members)
    ]


def exact_type(
    members: Sequence[Member], allowed: set[JsonKind] | None
) -> tuple[Type | None, bool, list[str]]:
    """The exact type of the non-null ``members`` (None when no value can validate), whether null
    was among them, and problems (values left out).  ``allowed`` is the schema's ``type`` set
    without ``null`` (None when it has no ``type``)."""
    problems: list[str] = []
    seen: set[tuple[str, str]] = set()
    has_null = False
    groups: dict[str, list[Member]] = {}
    for m in members:
        if m.value is None:
            has_null = True
            continue
        if isinstance(m.value, float) and not math.isfinite(m.value):
            problems.append(
                f"enum value {m.value!r} is not a JSON number and can never validate; it is left out"
            )
            continue
        if not allows(allowed, m.value):
            shown = json.dumps(thaw(m.value), ensure_ascii=False)
            problems.append(
                f"enum value {shown} is not of the schema's type ({', '.join(sorted(allowed or ()))}) "
                "and can never validate; it is left out"
            )
            continue
        kind = json_kind(m.value)
        group = "number" if kind in ("integer", "number") else kind
        key = (group, _identity(m.value))
        if key in seen:
            continue
        seen.add(key)
        groups.setdefault(group, []).append(m)
    parts: list[Type] = []
    for group, found in groups.items():
        if group == "string":
            parts.append(_enum("string", found))
        elif group == "number":
            parts.append(_enum(_number_base(allowed, found), found))
        elif group == "boolean":
            parts.append(Primitive("boolean") if len(found) == 2 else Const(found[0].value))
        else:
            parts.extend(Const(m.value) for m in found)
    if not parts:
        return None, has_null, problems
    return (parts[0] if len(parts) == 1 else UnionType(tuple(parts), "types")), has_null, problems


def nullable_if(t: Type, nullable: bool) -> Type:
    return Nullable(t) if nullable and not isinstance(t, Nullable) else t


def _number_base(allowed: set[JsonKind] | None, members: list[Member]) -> EnumBase:
    """``integer`` when the schema says so, or says nothing and every value is written whole."""
    if allowed is not None:
        return "number" if "number" in allowed else "integer"
    return "integer" if all(isinstance(m.value, int) for m in members) else "number"


def _enum(base: EnumBase, members: list[Member]) -> EnumType:
    values = tuple(_whole(m.value) if base == "integer" else m.value for m in members)
    names = tuple(m.name for m in members)
    descriptions = tuple(m.description for m in members)
    return EnumType(
        base,
        values,
        names if any(names) else (),
        descriptions if any(d is not None for d in descriptions) else (),
    )


def _whole(value: object) -> object:
    return int(value) if isinstance(value, float) else value


def _identity(value: object) -> str:
    """A key under which equal JSON values meet (1 and 1.0 do; 1 and true do not)."""
    if isinstance(value, float) and value.is_integer():
        return repr(int(value))
    return json.dumps(thaw(value), sort_keys=True, ensure_ascii=False)
