"""Go expressions for JSON values, typed as the Go SDK declares them (for the docs' examples).

The walk follows the IR type (what the value means) and the Go type text of the SDK's own views
(what it is called): ``Opt[T]`` becomes ``chatkit.Some(...)``, a model a struct literal, a union
its constructor, an enum value its constant.  Every expression has exactly its Go type, so it can
sit anywhere (an ``Opt`` argument, a union constructor) without a conversion.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping

from ...ir.model import (
    AnyType,
    ArrayType,
    Const,
    EnumType,
    MapType,
    Model,
    ModelRef,
    Nullable,
    Type,
    UnionType,
    thaw,
)
from .types import go_scalar, go_string
from .viewmodels import CtorView, EnumView, ModelView, PackageView


class NoLiteral(Exception):
    """The value does not fit the type (an example the spec got wrong, or one we cannot place)."""


def _generic_arg(go: str, prefix: str) -> str:
    inner = go[len(prefix) : -1]
    if not go.startswith(prefix) or not go.endswith("]"):
        raise NoLiteral(f"expected {prefix}...] in {go}")
    return inner


class Literals:
    def __init__(
        self,
        pkg: PackageView,
        models: Mapping[str, Model],
        unions: Mapping[str, list[str]],
        qualifier: str | None = None,
    ) -> None:
        """``unions``: Go union name -> the Go type of each variant, in IR order; ``qualifier``: the
        name the SDK is imported as (its package name by default)."""
        self.p = qualifier or pkg.package
        self.models = models
        self.by_name = {m.name: m for m in pkg.models}
        self.enums: dict[str, EnumView] = {e.name: e for e in pkg.enums}
        self.ctors: dict[str, dict[int, CtorView]] = {
            u.name: {c.variant: c for c in u.ctors if c.variant >= 0} for u in pkg.unions
        }
        self.union_go = unions
        self.aliases = {a.name: a.go for a in pkg.aliases}
        self.uses_json = False

    def q(self, go: str) -> str:
        """A Go type text as seen from another package (``[]Foo`` -> ``[]chatkit.Foo``)."""
        self.uses_json = self.uses_json or "json." in go
        out: list[str] = []
        word = ""
        for ch in go + " ":
            if ch.isalnum() or ch == "_":
                word += ch
                continue
            if word:
                qualified = word[:1].isupper() and not (out and out[-1] == ".")
                out.append(f"{self.p}.{word}" if qualified else word)
                word = ""
            out.append(ch)
        return "".join(out)[:-1]

    # -- the walk ----------------------------------------------------------------------------------------
    def expr(self, t: Type, go: str, value: object) -> str:
        if go.startswith("Opt["):
            return f"{self.p}.Some({self.expr(t, _generic_arg(go, 'Opt['), value)})"
        if go.startswith("Nullable["):
            inner = _generic_arg(go, "Nullable[")
            if value is None:
                return f"{self.p}.Null[{self.q(inner)}]()"
            return f"{self.p}.NotNull({self.expr(_strip(t), inner, value)})"
        if go.startswith("*"):
            return "&" + self.expr(t, go[1:], value)
        if isinstance(t, Nullable):
            t = t.inner
        if isinstance(t, ModelRef):
            return self.model_ref(t, go, value)
        if go.startswith("[]"):
            if not isinstance(value, list) or not isinstance(t, ArrayType):
                raise NoLiteral("expected an array")
            items = [self.expr(t.items, go[2:], v) for v in value]
            return _braced(self.q(go), items)
        if go.startswith("map[string]"):
            if not isinstance(value, dict) or not isinstance(t, MapType):
                raise NoLiteral("expected an object")
            vgo = go[len("map[string]") :]
            entries = [f"{go_string(k)}: {self.expr(t.values, vgo, v)}" for k, v in value.items()]
            return _braced(self.q(go), entries)
        if isinstance(t, UnionType):
            return self.union(t, go, value)
        if isinstance(t, EnumType):
            return self.enum(t, go, value)
        return self.scalar(t, go, value)

    def scalar(self, t: Type, go: str, value: object) -> str:
        if go in ("json.RawMessage", "json.Number"):
            if go == "json.Number" and not (isinstance(value, (int, float)) and not isinstance(value, bool)):
                raise NoLiteral("expected a number")
            self.uses_json = True
            text = json.dumps(value, ensure_ascii=False) if go == "json.RawMessage" else repr(value)
            return f"{go}({go_string(text)})"
        if isinstance(t, Const):
            if thaw(t.value) != value:
                raise NoLiteral(f"expected the constant {t.value!r}")
            return f"{go}({go_scalar(value)})" if go not in ("string", "bool") else go_scalar(value)
        kinds: dict[str, tuple[type, ...]] = {
            "string": (str,),
            "Secret": (str,),
            "bool": (bool,),
            "int64": (int,),
            "float64": (int, float),
        }
        want = kinds.get(go)
        if want is None or not isinstance(value, want) or (go != "bool" and isinstance(value, bool)):
            raise NoLiteral(f"expected {go}")
        if go == "string" or go == "bool":
            return go_scalar(value)
        if go == "Secret":
            return f"{self.p}.Secret({go_string(str(value))})"
        if go == "int64":
            return f"int64({value})"
        assert isinstance(value, (int, float))
        if not math.isfinite(value):
            raise NoLiteral("not a finite number")
        return repr(float(value))

    def enum(self, t: EnumType, go: str, value: object) -> str:
        if value not in t.values:
            raise NoLiteral(f"{value!r} is not one of {go}'s values")
        view = self.enums.get(go)
        literal = go_scalar(value)
        for const, lit in view.consts if view else []:
            if lit == literal:
                return f"{self.p}.{const}"
        return f"{self.q(go)}({literal})"

    def model_ref(self, t: ModelRef, go: str, value: object) -> str:
        model = self.models.get(t.id)
        if model is None:
            return self.scalar(AnyType(), "json.RawMessage", value)
        if model.kind == "object":
            view = self.by_name.get(go)
            if view is None:
                raise NoLiteral(f"no struct {go}")
            return self.struct(model, view, value)
        if model.type is None:
            return self.scalar(AnyType(), "json.RawMessage", value)
        if isinstance(model.type, (UnionType, EnumType)):
            return self.expr(model.type, go, value)
        return self.expr(model.type, self.aliases.get(go, go), value)  # `type A = T`: T's literal

    def struct(self, model: Model, view: ModelView, value: object) -> str:
        if not isinstance(value, dict):
            raise NoLiteral(f"expected an object for {view.name}")
        parts = []
        known = set()
        for f, fv in zip(model.fields, view.fields, strict=True):
            known.add(f.name)
            if f.name not in value:
                if f.required and not isinstance(f.type, Const):
                    raise NoLiteral(f"{view.name} needs {f.name}")
                continue
            if isinstance(f.type, Const):
                if thaw(f.type.value) != value[f.name]:
                    raise NoLiteral(f"{f.name} must be {f.type.value!r}")
                continue  # written when encoding
            parts.append(f"{fv.name}: {self.expr(f.type, fv.go, value[f.name])}")
        extra = {k: v for k, v in value.items() if k not in known}
        if extra:
            self.uses_json = True
            raw = [f"{go_string(k)}: json.RawMessage({go_string(json.dumps(v))})" for k, v in extra.items()]
            parts.append(f"ExtraFields: map[string]json.RawMessage{{{', '.join(raw)}}}")
        return _braced(f"{self.p}.{view.name}", parts)

    def union(self, t: UnionType, go: str, value: object) -> str:
        variants = self.union_go.get(go)
        ctors = self.ctors.get(go)
        if variants is None or ctors is None:
            raise NoLiteral(f"no union {go}")
        order = list(range(len(t.variants)))
        if t.discriminator is not None and isinstance(value, dict):
            tagged = {mid for v, mid in t.discriminator.mapping if v == value.get(t.discriminator.property)}
            ids = [v.id if isinstance(v, ModelRef) else "" for v in t.variants]
            order.sort(key=lambda i: ids[i] not in tagged)
        problems = []
        for i in order:
            saved = self.uses_json
            try:
                inner = self.expr(t.variants[i], variants[i], value)
            except NoLiteral as e:
                self.uses_json = saved
                problems.append(str(e))
                continue
            return f"{self.p}.{ctors[i].name}({inner})"
        raise NoLiteral(f"no variant of {go} fits: {'; '.join(problems)}")


def _braced(head: str, parts: list[str]) -> str:
    """A composite literal: one line when short, else one element per line (gofmt indents it)."""
    one = f"{head}{{{', '.join(parts)}}}"
    if len(one) <= 60 and "\n" not in one:
        return one
    return head + "{\n" + "".join(p + ",\n" for p in parts) + "}"


def _strip(t: Type) -> Type:
    return t.inner if isinstance(t, Nullable) else t


__all__ = ["Literals", "NoLiteral"]
