"""Validating parsers and serializers that the generated models are built from.

A parser takes a JSON value (as ``json.loads`` gives it) and returns the typed value, or
raises ``ValidationError`` whose path locates the bad value (``workflow.state_variables.x``).
Parsers are plain functions or small closures composed once at import time, so parsing a
payload is straight-line calls: no reflection, no per-call schema interpretation.

JSON types are kept exactly: ``True`` is never an integer, ``1`` stays ``int``, ``1.5`` stays
``float``.  This module does not import httpx.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast

from ._exceptions import ValidationError
from ._types import NOT_GIVEN, NotGiven

__all__ = [
    "Model",
    "OpenEnum",
    "Parser",
    "at",
    "expected",
    "p_any",
    "p_bool",
    "p_checked",
    "p_const",
    "p_enum",
    "p_float",
    "p_int",
    "p_list",
    "p_map",
    "p_nullable",
    "p_str",
    "p_tagged",
    "p_union",
    "s_enum",
    "s_list",
    "s_map",
    "s_nullable",
    "to_json",
]

T = TypeVar("T")
U = TypeVar("U")
E = TypeVar("E", bound="OpenEnum")
Parser = Callable[[object], T]

_KINDS = {dict: "object", list: "list", str: "string", bool: "boolean", int: "integer", float: "number"}


def kind(value: object) -> str:
    """How a JSON value reads in an error message."""
    return "null" if value is None else _KINDS.get(type(value), type(value).__name__)


def expected(what: str, value: object, path: str = "") -> ValidationError:
    return ValidationError(path, f"expected {what}, got {kind(value)}")


def at(err: ValidationError, key: str | int) -> ValidationError:
    """``err`` moved one level down: under object key ``key`` or list index ``key``."""
    head = f"[{key}]" if isinstance(key, int) else str(key)
    if not err.path:
        path = head
    elif err.path.startswith("["):
        path = head + err.path
    else:
        path = f"{head}.{err.path}"
    return ValidationError(path, err.message)


# -- primitives ----------------------------------------------------------------------------------------
def p_str(value: object) -> str:
    if type(value) is str:
        return value
    raise expected("string", value)


def p_int(value: object) -> int:
    if type(value) is int:
        return value
    raise expected("integer", value)  # 1.0 is refused: it would not round-trip as written


def p_float(value: object) -> float | int:
    if type(value) is float or type(value) is int:
        return value
    raise expected("number", value)


def p_bool(value: object) -> bool:
    if type(value) is bool:
        return value
    raise expected("boolean", value)


def p_any(value: object) -> Any:
    return value


# -- composites -----------------------------------------------------------------------------------------
def p_nullable(inner: Parser[T]) -> Parser[T | None]:
    def parse(value: object) -> T | None:
        return None if value is None else inner(value)

    return parse


def p_list(item: Parser[T]) -> Parser[list[T]]:
    def parse(value: object) -> list[T]:
        if type(value) is not list:
            raise expected("list", value)
        out: list[T] = []
        for i, x in enumerate(value):
            try:
                out.append(item(x))
            except ValidationError as err:
                raise at(err, i) from None
        return out

    return parse


def p_map(item: Parser[T]) -> Parser[dict[str, T]]:
    def parse(value: object) -> dict[str, T]:
        if type(value) is not dict:
            raise expected("object", value)
        out: dict[str, T] = {}
        for k, x in value.items():
            try:
                out[k] = item(x)
            except ValidationError as err:
                raise at(err, k) from None
        return out

    return parse


def p_const(const: T) -> Parser[T]:
    """Exactly ``const`` (any JSON value; kinds kept apart: ``1`` is not ``true`` or ``1.0``)."""

    def parse(value: object) -> T:
        if same_json(value, const):
            return cast(T, _fresh(const))  # an object or array of its own, never the constant
        raise ValidationError("", f"expected {const!r}, got {value!r}"[:200])

    return parse


def _fresh(value: object) -> object:
    if type(value) is dict:
        assert isinstance(value, dict)
        return {k: _fresh(v) for k, v in value.items()}
    if type(value) is list:
        assert isinstance(value, list)
        return [_fresh(v) for v in value]
    return value


def same_json(a: object, b: object) -> bool:
    """Equal JSON values of the same kinds, all the way down."""
    if type(a) is not type(b):
        return False
    if type(a) is dict:
        assert isinstance(a, dict) and isinstance(b, dict)
        return a.keys() == b.keys() and all(same_json(a[k], b[k]) for k in a)
    if type(a) is list:
        assert isinstance(a, list) and isinstance(b, list)
        return len(a) == len(b) and all(same_json(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def p_union(what: str, *parsers: Parser[Any]) -> Parser[Any]:
    """The first variant that accepts the value wins (variants are ordered most specific first)."""

    # JSON scalar types that some variant accepts unchanged: a dict lookup instead of try/except.
    exact: set[type] = set()
    for parser in parsers:
        exact.update(_EXACT.get(parser, ()))
    rest = tuple(p for p in parsers if p not in _EXACT)

    def parse(value: object) -> Any:
        if type(value) in exact:
            return value
        for parser in rest:
            try:
                return parser(value)
            except ValidationError:
                continue
        raise expected(what, value)

    return parse


_EXACT: dict[Callable[[object], Any], tuple[type, ...]] = {
    p_str: (str,),
    p_int: (int,),
    p_float: (int, float),
    p_bool: (bool,),
}


def p_tagged(
    prop: str, what: str, variants: Mapping[str, Parser[Any]], fallback: Parser[Any] | None
) -> Parser[Any]:
    """A discriminated union: the value of ``prop`` picks the variant."""

    def parse(value: object) -> Any:
        if type(value) is not dict:
            raise expected(what, value)
        tag = value.get(prop)
        parser = variants.get(tag) if type(tag) is str else None
        if parser is not None:
            return parser(value)
        if fallback is not None:
            return fallback(value)
        raise at(
            ValidationError("", f"expected one of {', '.join(map(repr, variants))}, got {tag!r}"[:300]), prop
        )

    return parse


def p_checked(parser: Parser[T], *checks: Callable[[T], str | None]) -> Parser[T]:
    """``parser`` followed by constraint checks; a check returns an error message or None."""

    def parse(value: object) -> T:
        result = parser(value)
        for check in checks:
            problem = check(result)
            if problem is not None:
                raise ValidationError("", problem)
        return result

    return parse


def c_min_length(n: int) -> Callable[[Any], str | None]:
    return lambda v: None if len(v) >= n else f"must have at least {n} character(s), got {len(v)}"


def c_max_length(n: int) -> Callable[[Any], str | None]:
    return lambda v: None if len(v) <= n else f"must have at most {n} character(s), got {len(v)}"


def c_pattern(pattern: str) -> Callable[[Any], str | None]:
    import re  # lazily: only models with a pattern need it

    rx = re.compile(pattern)
    return lambda v: None if rx.search(v) else f"must match the pattern {pattern!r}"


def c_minimum(n: float) -> Callable[[Any], str | None]:
    return lambda v: None if v >= n else f"must be >= {n}, got {v}"


def c_maximum(n: float) -> Callable[[Any], str | None]:
    return lambda v: None if v <= n else f"must be <= {n}, got {v}"


def c_exclusive_minimum(n: float) -> Callable[[Any], str | None]:
    return lambda v: None if v > n else f"must be > {n}, got {v}"


def c_exclusive_maximum(n: float) -> Callable[[Any], str | None]:
    return lambda v: None if v < n else f"must be < {n}, got {v}"


def c_multiple_of(n: float) -> Callable[[Any], str | None]:
    return lambda v: None if (v / n).is_integer() else f"must be a multiple of {n}, got {v}"


def c_min_items(n: int) -> Callable[[Any], str | None]:
    return lambda v: None if len(v) >= n else f"must have at least {n} item(s), got {len(v)}"


def c_max_items(n: int) -> Callable[[Any], str | None]:
    return lambda v: None if len(v) <= n else f"must have at most {n} item(s), got {len(v)}"


def c_unique_items() -> Callable[[Any], str | None]:
    return lambda v: None if len({repr(x) for x in v}) == len(v) else "items must be unique"


def c_min_properties(n: int) -> Callable[[Any], str | None]:
    return lambda v: None if len(v) >= n else f"must have at least {n} entries, got {len(v)}"


def c_max_properties(n: int) -> Callable[[Any], str | None]:
    return lambda v: None if len(v) <= n else f"must have at most {n} entries, got {len(v)}"


# -- enums ----------------------------------------------------------------------------------------------
# JSON kinds an enum of each base accepts: a number enum takes integers too (``0`` is a number).
_ENUM_KINDS: dict[type, tuple[type, ...]] = {float: (float, int)}


class OpenEnum(enum.Enum):
    """An enum that grows: a value the server adds later parses, is kept, and serialises unchanged.

    Known values are members (``ChatSessionStatus.ACTIVE``); ``ChatSessionStatus("paused")`` is an
    unknown member whose ``is_known`` is False.
    """

    @classmethod
    def _missing_(cls, value: object) -> Any:
        base: Any = cls.__dict__.get("_member_type_", object)
        if base is object or type(value) not in _ENUM_KINDS.get(base, (base,)):
            return None
        new: Any = base.__new__
        member = new(cls, value)
        member._name_ = f"UNKNOWN_{value}"
        member._value_ = value
        return member

    def __str__(self) -> str:
        return str(self._value_)

    @property
    def is_known(self) -> bool:
        return self._name_ in type(self).__members__


def p_enum(cls: type[E], base: type) -> Parser[E]:
    """A known member, or an unknown one that keeps the value; a value of another JSON kind fails.

    A number enum takes integers and floats; its members are floats: ``0`` is the member ``0.0``
    (the same JSON number, written back as ``0.0``).
    """
    members = {m.value: m for m in cls}
    kinds = _ENUM_KINDS.get(base, (base,))

    def parse(value: object) -> E:
        if type(value) not in kinds:
            raise expected(cls.__name__, value)
        member = members.get(value)
        return member if member is not None else cls(value)

    return parse


# -- serializers (only where the JSON form differs from the Python value) -------------------------------
def s_enum(value: Any) -> Any:
    """An enum member's plain JSON value (``"active"``, not the member)."""
    return value._value_


# Serializers take Any: list and dict are invariant, so precise types would not compose.
def s_nullable(inner: Callable[[Any], object]) -> Callable[[Any], object]:
    return lambda v: None if v is None else inner(v)


def s_list(item: Callable[[Any], object]) -> Callable[[Any], object]:
    return lambda v: [item(x) for x in v]


def s_map(item: Callable[[Any], object]) -> Callable[[Any], object]:
    return lambda v: {k: item(x) for k, x in v.items()}


def to_json(value: object) -> Any:
    """The JSON form of a model, a mapping, a list or a scalar (for request arguments and unions)."""
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    return value


class Model:
    """Base of every generated model: equality, a repr that hides secrets, and unknown fields."""

    __slots__ = ("_extra",)
    _SECRETS: tuple[str, ...] = ()
    _CONSTS: tuple[tuple[str, object], ...] = ()
    _extra: dict[str, Any] | None

    def to_dict(self) -> dict[str, Any]:  # pragma: no cover - every model overrides it
        raise NotImplementedError

    @classmethod
    def request_json(cls, value: Model | Mapping[str, Any]) -> Any:
        """A request argument given as a model or a plain dict, as JSON; const fields are filled in."""
        if isinstance(value, Model):
            return value.to_dict()
        if not isinstance(value, Mapping):
            return to_json(value)  # not an object: the request model's validation names it
        out: dict[str, Any] = dict(cls._CONSTS)
        out.update(to_json(value))
        return out

    @property
    def extra_fields(self) -> dict[str, Any]:
        """Fields the server sent that the spec does not declare (kept, and sent back by ``to_dict``)."""
        return dict(self._extra or {})

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Model)
        return self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        parts = []
        for name in type(self).__slots__:
            value = getattr(self, name, NOT_GIVEN)
            if isinstance(value, NotGiven):
                continue
            shown = "'**********'" if name in self._SECRETS and value is not None else repr(value)
            parts.append(f"{name}={shown}")
        if self._extra:
            parts.append(f"extra_fields={{{', '.join(map(repr, self._extra))}}}")
        return f"{type(self).__name__}({', '.join(parts)})"

    __str__ = __repr__
