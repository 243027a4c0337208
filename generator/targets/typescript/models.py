"""View models of models.ts (types and value objects) and parse.ts (the generated parse functions)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...ir.model import AnyType, Api, EnumType, Model, Nullable
from ...naming import screaming, symbol_words
from .docs import tsdoc
from .names import prop_key
from .types import Types, js


@dataclass
class FieldView:
    key: str  # as written in the interface: bare or quoted
    wire: str  # JS string literal of the wire name
    optional: bool
    ts: str
    doc: list[str]
    check: str
    required: bool
    bad: str = ""  # the inline test that the value is invalid ("" : the checker decides)


@dataclass
class MemberView:
    name: str  # SCREAMING_CASE
    value: str  # literal
    doc: list[str]


@dataclass
class ModelView:
    name: str
    kind: str  # "object" | "enum" | "alias"
    doc: list[str]
    fields: list[FieldView] = field(default_factory=list)
    index: bool = False  # typed additionalProperties: an index signature and a check of the rest
    rest_check: str = ""
    known: str = ""  # JS array literal of the declared wire names
    secrets: str = ""  # JS array literal of the secret fields' wire names ("" for none)
    ts: str = ""  # enum / alias: the aliased type
    check: str = ""  # enum / alias: the checker
    members: list[MemberView] = field(default_factory=list)
    known_type: str = ""  # enum: the union of the known values


def _members(t: EnumType) -> list[MemberView]:
    out: list[MemberView] = []
    taken: set[str] = {"PARSE", "IS_KNOWN", "VALUES"}
    for i, v in enumerate(t.values):
        base = screaming(t.name_of(i)) or screaming(symbol_words(str(v))) or "VALUE"
        if base[0].isdigit():
            base = "V_" + base
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base}_{n}"
        taken.add(name)
        out.append(MemberView(name, js(v), tsdoc(t.description_of(i))))
    return out


def model_view(m: Model, name: str, types: Types, parse: Types) -> ModelView:
    doc = tsdoc(m.description, m.deprecated)
    if m.kind == "object":
        fields = []
        for f in m.fields:
            ts = types.ts(f.type)
            value = f"o[{js(f.name)}]"
            fast = parse.fast_bad(f.type, value)
            if fast is not None and not f.required:
                fast = f"{value} !== undefined && {'(' + fast + ')' if '&&' in fast else fast}"
            fields.append(
                FieldView(
                    key=prop_key(f.name),
                    wire=js(f.name),
                    optional=not f.required,
                    ts=ts,
                    doc=tsdoc(f.description, f.deprecated),
                    check=parse.check(f.type),
                    required=f.required,
                    bad=fast or "",
                )
            )
        typed_rest = m.additional is not None and not isinstance(m.additional, AnyType)
        secrets = [f.name for f in m.fields if f.secret]
        return ModelView(
            name,
            "object",
            doc,
            fields,
            index=m.additional is not None or not fields,
            rest_check=parse.check(m.additional) if typed_rest and m.additional is not None else "",
            known=js([f.name for f in m.fields]),
            secrets=js(secrets) if secrets else "",
        )
    assert m.type is not None
    t = m.type.inner if isinstance(m.type, Nullable) else m.type
    if isinstance(t, EnumType):
        members = _members(t)
        known_type = " | ".join(js(v) for v in t.values)
        return ModelView(
            name,
            "enum",
            doc,
            ts=types.ts(m.type),
            check=parse.check(m.type),
            members=members,
            known_type=known_type,
        )
    return ModelView(name, "alias", doc, ts=types.ts(m.type), check=parse.check(m.type))


@dataclass
class ModelsView:
    models: list[ModelView]
    constants: list[tuple[str, str]]  # parse.ts's hoisted checkers

    @property
    def uses_runtime(self) -> bool:
        """parse.ts names the runtime (``$``)."""
        return bool(self.constants) or any(m.kind == "object" or "$." in m.check for m in self.models)


def models_view(api: Api, names: dict[str, str]) -> tuple[ModelsView, Types]:
    types = Types(names, "", "P.")
    parse = Types(names, "M.", "")
    parse.enums = {m.id: m.type for m in api.models if m.kind == "enum" and m.type is not None}
    views = [model_view(m, names[m.id], types, parse) for m in api.models]
    return ModelsView(views, []), parse
