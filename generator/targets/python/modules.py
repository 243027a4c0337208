"""The package's modules: which definitions each ``types/`` module holds, what every module imports.

:mod:`.layout` decides where each definition goes; this module gathers the view models of one
module and computes its imports from the expressions it prints (names are package-unique, so a
name says where it is defined).  Parser constants (``_P3 = p_list(p_str)``) are private: a module
defines the ones it uses, so two modules may each define the same small constant.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import layout
from .params import RUNTIME_PARAM_NAMES
from .text import docstring

if TYPE_CHECKING:
    from .methods import MethodView, ResourceView
    from .views import AliasView, EnumView, ModelView

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_CONSTANT = re.compile(r"_[PS]\d+")

STREAMING_NAMES = frozenset(
    {"Stream", "AsyncStream", "ServerSentEvent", "stream_of", "async_stream_of", "json_events", "raw_events"}
)
SERDE_NAMES = frozenset(
    {"Parser", "at", "expected", "p_any", "p_bool", "p_checked", "p_const", "p_enum", "p_float", "p_int"}
    | {"p_list", "p_map", "p_nullable", "p_str", "p_tagged", "p_union", "s_enum", "s_list", "s_map"}
    | {"s_nullable", "to_json", "c_min_length", "c_max_length", "c_pattern", "c_minimum", "c_maximum"}
    | {"c_exclusive_minimum", "c_exclusive_maximum", "c_multiple_of", "c_min_items", "c_max_items"}
    | {"c_unique_items", "c_min_properties", "c_max_properties"}
)


def names_in(texts: Iterable[str]) -> set[str]:
    """The identifiers that expressions mention, string literals left out."""
    seen: set[str] = set()
    for t in texts:
        seen.update(_IDENT.findall(_STRING.sub("", t)))
    return seen


def used(pool: Iterable[str], texts: Iterable[str]) -> list[str]:
    """The names of ``pool`` that ``texts`` mention, sorted."""
    return sorted(names_in(texts) & set(pool))


@dataclass
class Constant:
    name: str
    declared: str  # its annotation, or ""
    expr: str


@dataclass
class TypesModule:
    name: str  # under types/: "sessions", "_shared"
    about: str  # what it holds, for its docstring
    models: list[ModelView] = field(default_factory=list)
    enums: list[EnumView] = field(default_factory=list)
    aliases: list[AliasView] = field(default_factory=list)
    constants: list[Constant] = field(default_factory=list)
    exports: list[str] = field(default_factory=list)
    imports: list[tuple[str, list[str]]] = field(default_factory=list)  # (sibling module, names)
    serde: list[str] = field(default_factory=list)
    typing: list[str] = field(default_factory=list)
    abc: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)  # from .._types
    errors: bool = False  # a from_dict catches ValidationError


@dataclass
class ResourceModule:
    name: str  # under resources/
    resource: ResourceView
    constants: list[Constant] = field(default_factory=list)
    imports: list[tuple[str, list[str]]] = field(default_factory=list)  # (types module, names)
    runtime: dict[str, list[str]] = field(default_factory=dict)  # runtime module -> names
    typing: list[str] = field(default_factory=list)
    builtins: bool = False  # an annotation says builtins.list (a method is named list)
    doc: str = ""  # the module docstring's first paragraph
    children: list[tuple[str, str, str]] = field(default_factory=list)  # (attribute, module, class)


def model_texts(m: ModelView) -> list[str]:
    texts = [x for f in m.fields for x in (f.parser, f.to_json, f.annotation)]
    return texts + [x for x in (m.extra_parser, m.extra_serializer) if x]


def method_texts(m: MethodView) -> list[str]:
    texts = [p.to_json for p in m.body_fields] if m.body_kind != "raw" else []
    texts += [m.returns_sync, m.returns_async, m.parser_sync, m.parser_async, m.result_sync, m.result_async]
    texts += [m.body_model or "" if m.body_kind == "fields" else ""]
    return texts + [p.annotation for p in m.positional + m.keyword]


class Modules:
    """Splits the package's definitions into modules; see :mod:`.layout` for the rule."""

    def __init__(
        self,
        models: list[ModelView],
        enums: list[EnumView],
        aliases: list[AliasView],
        constants: list[Constant],
        resources: list[ResourceView],
        resource_modules: list[str],
        title: str,
    ) -> None:
        self.constants = {c.name: c for c in constants}
        self.constant_order = {c.name: i for i, c in enumerate(constants)}
        self.constant_names = {c.name: names_in([c.expr, c.declared]) for c in constants}
        self.texts: dict[str, list[str]] = {}
        self.views: dict[str, ModelView | EnumView | AliasView] = {}
        weights: dict[str, int] = {}
        for m in models:
            self.views[m.name], self.texts[m.name] = m, model_texts(m)
            weights[m.name] = 25 + 15 * len(m.fields)
        for e in enums:
            self.views[e.name], self.texts[e.name] = e, []
            weights[e.name] = 8 + 2 * len(e.members)
        for a in aliases:
            # A forward reference is a string literal: the names in it still need importing.
            text = ast.literal_eval(a.annotation) if a.annotation.startswith(('"', "'")) else a.annotation
            self.views[a.name], self.texts[a.name] = a, [text]
            weights[a.name] = 3
        defs = {
            name: layout.Definition(name, frozenset(self.refs(texts)), weights[name])
            for name, texts in self.texts.items()
        }
        uses = {
            module: self.refs(t for m in r.methods for t in method_texts(m))
            for module, r in zip(resource_modules, resources, strict=True)
        }
        self.module_of, self.owners = layout.assign(defs, uses)
        self.title = title
        self.attrs = {module: r.access for module, r in zip(resource_modules, resources, strict=True)}
        self.resources = list(zip(resource_modules, resources, strict=True))

    def closure(self, texts: Iterable[str]) -> tuple[set[str], list[Constant]]:
        """(the names ``texts`` mention, with those of the constants they need; those constants)."""
        names = names_in(texts)
        needed: dict[str, Constant] = {}
        todo = [n for n in names if n in self.constants]
        while todo:
            c = self.constants[todo.pop()]
            if c.name in needed:
                continue
            needed[c.name] = c
            more = self.constant_names[c.name]
            names |= more
            todo.extend(n for n in more if n in self.constants and n not in needed)
        return names, sorted(needed.values(), key=lambda c: self.constant_order[c.name])

    def refs(self, texts: Iterable[str]) -> set[str]:
        names, _ = self.closure(texts)
        return {n for n in names if n in self.texts}

    def types_modules(self) -> list[TypesModule]:
        by_module: dict[str, list[str]] = {}
        for name in self.views:
            by_module.setdefault(self.module_of[name], []).append(name)
        return [self.types_module(module, names) for module, names in sorted(by_module.items())]

    def types_module(self, module: str, names: list[str]) -> TypesModule:
        from .views import AliasView, EnumView, ModelView

        out = TypesModule(module, docstring(self.about(module), 0))
        for name in names:
            view = self.views[name]
            if isinstance(view, ModelView):
                out.models.append(view)
            elif isinstance(view, EnumView):
                out.enums.append(view)
            elif isinstance(view, AliasView):
                out.aliases.append(view)
        texts = [t for name in names for t in self.texts[name]]
        mentioned, out.constants = self.closure(texts)
        all_texts = texts + [x for c in out.constants for x in (c.expr, c.declared)]
        out.imports = self.imports(mentioned, module, ".")
        out.exports = sorted(names)
        out.serde = used(SERDE_NAMES, all_texts)
        out.errors = any(m.fields or m.extra_parser for m in out.models)  # some from_dict catches errors
        out.serde += (["Model", "expected"] if out.models else []) + (["at"] if out.errors else [])
        out.serde += ["OpenEnum"] if out.enums else []
        out.serde = sorted(set(out.serde))
        out.typing = sorted(
            set(used({"Any", "Literal"}, all_texts))
            | ({"Any", "Self"} if out.models else set())
            | ({"TypeAlias"} if out.aliases else set())
        )
        out.abc = used({"Mapping"}, all_texts)
        if any(not f.required for m in out.models for f in m.fields):
            out.types = ["NOT_GIVEN", "NotGiven"]
        return out

    def about(self, module: str) -> str:
        owner = self.owners[module]
        if owner == layout.SHARED:
            return f"Models of the {self.title} that several resources use."
        if owner == layout.OTHER:
            return f"Models of the {self.title} that no operation uses (they are part of the API's schemas)."
        return f"Models of the {self.title} that only ``{self.attrs[owner]}`` uses."

    def imports(self, names: set[str], here: str | None, prefix: str) -> list[tuple[str, list[str]]]:
        by_module: dict[str, list[str]] = {}
        for name in sorted(names):
            module = self.module_of.get(name)
            if module is not None and module != here:
                by_module.setdefault(prefix + module, []).append(name)
        return sorted(by_module.items())

    def resource_modules(self) -> list[ResourceModule]:
        out = []
        for module, r in self.resources:
            texts = [t for m in r.methods for t in method_texts(m)]
            mentioned, constants = self.closure(texts)
            view = ResourceModule(module, r, constants)
            view.imports = self.imports(mentioned, None, "..types.")
            all_texts = texts + [x for c in constants for x in (c.expr, c.declared)]
            view.runtime = runtime_imports(r.methods, all_texts)
            view.builtins = any("builtins." in t for t in texts)
            view.doc = docstring(f"The ``{r.access}`` resource of the {self.title}.", 0)
            view.children = [(c.attr, c.module, c.cls) for c in r.children]
            view.typing = sorted(
                set(used({"Literal", "IO", "Any"}, all_texts))
                | ({"Any"} if any(m.body_kind == "fields" for m in r.methods) else set())
            )
            out.append(view)
        return out


def runtime_imports(methods: list[MethodView], texts: list[str]) -> dict[str, list[str]]:
    """The runtime names a resource module's methods use, by runtime module."""
    if not methods:
        return {}
    body_json = [p.to_json for m in methods if m.body_kind != "raw" for p in m.body_fields]
    sends = [x for m in methods for x in m.path_values + m.query + m.headers + m.cookies]
    runtime: dict[str, list[str]] = {
        "_encoding": (["encode_form"] if any(m.body_kind == "form" for m in methods) else [])
        + (["encode_raw"] if any(m.body_kind == "raw" for m in methods) else []),
        "_params": used(RUNTIME_PARAM_NAMES, sends)
        + (["encode_path"] if any(m.path_values for m in methods) else []),
        "_serde": used(SERDE_NAMES, texts)
        + used({"to_json"}, body_json)
        + (["to_json"] if any(m.body_kind in ("form", "whole") for m in methods) else [])
        + (["to_json"] if any(m.body_kind == "multipart" and m.body_consts for m in methods) else []),
        "_response": ["APIResponse"],
        "_streaming": used(STREAMING_NAMES, texts),
        "_pagination": ["AsyncPage", "Paging", "SyncPage"] if any(m.paging for m in methods) else [],
        "_types": ["NOT_GIVEN", "NotGiven"] + used({"FileInput"}, texts),
    }
    return {k: sorted(set(v)) for k, v in sorted(runtime.items()) if v}
