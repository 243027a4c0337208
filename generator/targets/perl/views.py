"""View models of the Perl distribution: every name and every Perl literal, computed once.

Templates only print these fields and loop over them.  The models' type descriptors and the
operations' call tables are Perl source built here (:mod:`.types`, :func:`perl_hash`).
"""

from __future__ import annotations

import json

from ...ir.model import Api, EnumType, Model, ModelRef, Operation, Resource, thaw
from ...naming import symbol_words
from ..credentials import credentials
from . import literals
from .errors import error_classes
from .names import (
    ARG_RESERVED,
    RESOURCE_RESERVED,
    SPECIAL_SUBS,
    critic_note,
    field_names,
    ident,
    model_packages,
    package_word,
    unique,
)
from .pod import inline, paragraphs
from .types import Descriptors, perl_type_name
from .viewmodels import (
    ArgView,
    ChildView,
    FieldView,
    MethodView,
    ModelView,
    Package,
    RefPage,
    ResourceView,
    module_file,
    perl_hash,
)


class Builder:
    def __init__(self, api: Api, ns: str, version: str) -> None:
        self.api, self.ns, self.version = api, ns, version
        self.env_prefix = ns.replace("::", "_").upper()
        ids = [m.id for m in api.models]
        words = [m.name for m in api.models]
        self.classes = {i: f"{ns}::Model::{w}" for i, w in zip(ids, model_packages(ids, words), strict=True)}
        self.types = Descriptors(self.classes)
        self.models = {m.id: m for m in api.models}
        self.ops = {op.id: op for op in api.operations}
        self.methods: dict[str, MethodView] = {}  # op id -> its main method
        self._resource_packages: dict[tuple[tuple[str, ...], ...], str] = {}

    # -- models -------------------------------------------------------------------------------
    def model(self, m: Model) -> ModelView:
        package = self.classes[m.id]
        view = ModelView(package, module_file(package), m.kind, inline(m.description) or package, [])
        view.doc = paragraphs(m.description)
        if m.examples:
            view.example = json.dumps(thaw(m.examples[0]), indent=2, ensure_ascii=False)
        if m.kind == "object":
            names = field_names([f.name for f in m.fields])
            for f, arg in zip(m.fields, names, strict=True):
                view.fields.append(
                    FieldView(
                        arg=arg,
                        key=literals.string(f.name),
                        wire=inline(f.name),
                        type=self.types.of(f.type),
                        required=f.required,
                        secret=f.secret,
                        pod_type=inline(perl_type_name(f.type, self.classes)),
                        doc=inline(f.description),
                        note=critic_note(arg),
                        has_note=critic_note(f"has_{arg}"),
                    )
                )
            view.additional = self.types.of(m.additional) if m.additional is not None else None
            return view
        assert m.type is not None
        view.type = self.types.of(m.type)
        enum = m.type if isinstance(m.type, EnumType) else None
        taken: set[str] = {"VALUES", "IS_KNOWN"}
        for i, v in enumerate(enum.values if enum is not None else ()):
            assert enum is not None
            words = enum.name_of(i) or symbol_words(str(v))
            name = ident(words, "EMPTY").upper()
            name = unique([name + "_VALUE" if name in SPECIAL_SUBS else name], taken)[0]
            view.constants.append((name, literals.value(v), inline(enum.description_of(i))))
        return view

    # -- operations ---------------------------------------------------------------------------
    def _body_model(self, op: Operation) -> Model | None:
        b = op.body
        if b is None or b.encoding not in ("json", "multipart", "form") or not isinstance(b.type, ModelRef):
            return None
        m = self.models.get(b.type.id)
        return m if m is not None and m.kind == "object" else None

    def method(self, op: Operation, name: str, chain: str, kind: str) -> MethodView:
        body_model = self._body_model(op)
        body_args = field_names([f.name for f in body_model.fields]) if body_model else []
        taken = set(body_args) | set(ARG_RESERVED)
        params = [p for p in op.params if p.const is None]
        path_names = unique([ident(p.name, "id") for p in params if p.location == "path"], set())
        taken |= set(path_names)
        other = [p for p in params if p.location != "path"]
        wanted = [ident(p.name, "param") for p in other]
        other_names = unique([w + "_param" if w in taken else w for w in wanted], taken)
        arg_of = dict(zip([id(p) for p in params if p.location == "path"], path_names, strict=True))
        arg_of.update(zip([id(p) for p in other], other_names, strict=True))
        entries, args = [], []
        for p in op.params:
            pairs = [("name", literals.string(p.name)), ("in", f"'{p.location}'")]
            if p.const is not None:
                pairs.append(("const", literals.value(p.const.value)))
            else:
                pairs += [("arg", f"'{arg_of[id(p)]}'"), ("type", self.types.of(p.type))]
                args.append(
                    ArgView(
                        arg_of[id(p)],
                        inline(perl_type_name(p.type, self.classes)),
                        p.required,
                        inline(p.description),
                        p.location,
                    )
                )
            pairs += [("required", "1" if p.required else "0"), ("style", f"'{p.style}'")]
            pairs += [("explode", "1" if p.explode else "0")]
            if p.allow_reserved:
                pairs.append(("reserved", "1"))
            if p.content_type is not None:
                pairs.append(("content", literals.string(p.content_type)))
            entries.append(perl_hash(pairs))
        table: list[tuple[str, str]] = [
            ("name", literals.string(f"{chain.split('->', 1)[-1]}->{name}".lstrip(">-"))),
            ("method", f"'{op.method}'"),
            ("path", literals.string(op.path)),
            ("path_args", "[" + ", ".join(f"'{n}'" for n in path_names) + "]"),
            ("params", "[" + ", ".join(entries) + "]"),
        ]
        if op.body is not None:
            b = op.body
            bpairs = [
                ("encoding", f"'{b.encoding}'"),
                ("content_type", literals.string(b.content_type)),
                ("type", self.types.of(b.type)),
                ("required", "1" if b.required else "0"),
            ]
            if body_model is not None:
                bpairs.append(("fields", "1"))
                for f, arg in zip(body_model.fields, body_args, strict=True):
                    args.append(
                        ArgView(
                            arg,
                            inline(perl_type_name(f.type, self.classes)),
                            f.required,
                            inline(f.description),
                            "body",
                        )
                    )
            else:
                args.append(
                    ArgView(
                        "body",
                        inline(perl_type_name(b.type, self.classes)),
                        b.required,
                        inline(b.description),
                        "body",
                    )
                )
            table.append(("body", perl_hash(bpairs)))
        ok = op.success
        returns = "nothing"
        if ok is not None and ok.encoding != "none":
            rtype = self.types.of(ok.type) if ok.type is not None else "undef"
            table.append(("response", perl_hash([("encoding", f"'{ok.encoding}'"), ("type", rtype)])))
            returns = perl_type_name(ok.type, self.classes) if ok.type is not None else ok.encoding
            if ok.encoding in ("binary", "text"):
                table.append(("accept", literals.string(ok.content_type or "*/*")))
        else:
            table.append(("response", "{encoding => 'none'}"))
        stream = ok.stream if ok is not None else None
        if stream is not None and (kind == "stream" or ok is not None and ok.encoding == "event-stream"):
            stype = self.types.of(stream.type) if stream.type is not None else "undef"
            table.append(("stream", perl_hash([("type", stype)])))
            table.append(("accept", "'text/event-stream'"))
            returns = f"{self.ns}::Runtime::Stream"
        if op.security is not None:
            alts = ", ".join(
                "[" + ", ".join(literals.string(s) for s in r.schemes) + "]" for r in op.security
            )
            table.append(("security", f"[{alts}]"))
        if op.pagination is not None and kind == "all":
            table.append(
                (
                    "pagination",
                    self._pagination(op, dict(zip([p.name for p in other], other_names, strict=True))),
                )
            )
            item = perl_type_name(op.pagination.item_type, self.classes)
            returns = f"{self.ns}::Runtime::Pager (of {item})"
        call_args = [f"${n}" for n in path_names]
        required = [a for a in args if a.required and a.where != "path"]
        call_args += [f"{a.name} => ..." for a in required]
        call = f"{chain}->{name}({', '.join(call_args)})"
        var = "$" + name.upper()
        return MethodView(
            name=name,
            note=critic_note(name),
            var=var,
            table=perl_hash(table),
            call=call,
            summary=inline(op.summary) or inline(f"{op.method} {op.path}"),
            doc=paragraphs(op.description),
            http=inline(f"{op.method} {op.path}"),
            args=args,
            returns=inline(returns),
            kind=kind,
            op_id=op.id,
        )

    def _pagination(self, op: Operation, arg_of: dict[str, str]) -> str:
        p = op.pagination
        assert p is not None
        param = {"cursor": p.cursor_param, "offset": p.offset_param, "page": p.page_param}.get(p.style)
        pairs = [("style", f"'{p.style}'")]
        if p.items is not None:
            pairs.append(("items", literals.string(p.items)))
        if param is not None and param in arg_of:
            pairs.append(("arg", f"'{arg_of[param]}'"))
        elif p.style != "link":
            pairs = [("style", "'link'")] + pairs[1:]
        if p.cursor_field is not None:
            pairs.append(("cursor_field", literals.string(p.cursor_field)))
        if p.has_more_field is not None:
            pairs.append(("has_more", literals.string(p.has_more_field)))
        if p.total_field is not None and p.style in ("offset", "page"):
            pairs.append(("total", literals.string(p.total_field)))
            if p.limit_param is not None and p.limit_param in arg_of:
                pairs.append(("limit_arg", f"'{arg_of[p.limit_param]}'"))
        return perl_hash(pairs)

    def _methods(self, op_ids: tuple[str, ...], chain: str, taken: set[str]) -> list[MethodView]:
        out: list[MethodView] = []
        for op_id in op_ids:
            op = self.ops[op_id]
            base = unique([ident(op.name, "call")], taken)[0]
            main = self.method(op, base, chain, "call")
            self.methods[op_id] = main
            out.append(main)
            ok = op.success
            if ok is not None and ok.encoding != "event-stream" and ok.stream is not None:
                out.append(self.method(op, unique([base + "_stream"], taken)[0], chain, "stream"))
            if op.pagination is not None:
                out.append(self.method(op, unique([base + "_all"], taken)[0], chain, "all"))
        return out

    def resource(self, r: Resource, chain: str, out: list[ResourceView]) -> None:
        package = self.resource_package(r)
        taken = set(RESOURCE_RESERVED)
        children = []
        names = unique([ident(c.name, "resource") for c in r.children], taken)
        for c, name in zip(r.children, names, strict=True):
            children.append(ChildView(name, self.resource_package(c), critic_note(name)))
        view = ResourceView(
            package, module_file(package), chain, children, self._methods(r.operations, chain, taken)
        )
        out.append(view)
        for c, child in zip(r.children, children, strict=True):
            self.resource(c, f"{chain}->{child.accessor}", out)

    def resource_package(self, r: Resource) -> str:
        """``<ns>::Resource::<Pascal of the path>``, numbered when two paths spell the same."""
        if not self._resource_packages:
            taken: set[str] = set()
            for node in self._walk(self.api.resources):
                word = "".join(package_word(w, "Resource") for w in node.path)
                self._resource_packages[node.path] = unique([f"{self.ns}::Resource::{word}"], taken)[0]
        return self._resource_packages[r.path]

    # -- the package --------------------------------------------------------------------------
    def build(self) -> Package:
        api = self.api
        models = [self.model(m) for m in api.models]
        resources: list[ResourceView] = []
        taken = set(RESOURCE_RESERVED)
        roots = []
        tree_ops = {i for r in self._walk(api.resources) for i in r.operations}
        root_ops = tuple(op.id for op in api.operations if op.id not in tree_ops)
        root_methods = self._methods(root_ops, "$client", taken)
        names = unique([ident(r.name, "resource") for r in api.resources], taken)
        for r, name in zip(api.resources, names, strict=True):
            roots.append(ChildView(name, self.resource_package(r), critic_note(name)))
            self.resource(r, f"$client->{name}", resources)
        env_args, auth = self._auth()
        base_url = api.servers[0].url if api.servers else "http://localhost"
        security = ", ".join(
            "[" + ", ".join(literals.string(s) for s in r.schemes) + "]" for r in api.security
        )
        config = perl_hash(
            [
                ("name", literals.string(self.ns)),
                ("version", literals.string(self.version)),
                ("base_url_env", literals.string(f"{self.env_prefix}_BASE_URL")),
                ("default_base_url", literals.string(base_url)),
                ("auth", "[" + ", ".join(auth) + "]"),
                ("security", f"[{security}]"),
            ]
        )
        pkg = Package(
            ns=self.ns,
            version=self.version,
            title=inline(api.info.title),
            doc=paragraphs(api.info.description),
            config=config,
            base_url_env=f"{self.env_prefix}_BASE_URL",
            default_base_url=inline(base_url),
            env_args=env_args,
            roots=roots,
            root_methods=root_methods,
            models=models,
            resources=resources,
            references=self.references(resources, root_methods),
            errors=error_classes(self.ns),
        )
        pkg.examples = self.examples()
        calls = [m.call for r in resources for m in r.methods] + [m.call for m in root_methods]
        pkg.example = calls[0] if calls else ""
        pkg.modules = [self.ns] + [m.package for m in models] + [r.package for r in resources]
        return pkg

    def examples(self) -> list[tuple[str, str, str]]:
        """The spec's examples of object models (schemas and 2xx JSON responses), for t/examples.t."""
        out: list[tuple[str, str, str]] = []
        for m in self.api.models:
            if m.kind == "object":
                for i, ex in enumerate(m.examples):
                    out.append(
                        (literals.string(f"{m.id} example {i + 1}"), self.classes[m.id], literals.value(ex))
                    )
        for op in self.api.operations:
            ok = op.success
            if ok is None or ok.encoding != "json" or not isinstance(ok.type, ModelRef):
                continue
            model = self.models.get(ok.type.id)
            if model is None or model.kind != "object":
                continue
            for name, ex in ok.examples:
                label = literals.string(f"{op.id} {ok.status} {name}")
                out.append((label, self.classes[model.id], literals.value(ex)))
        return out

    def _walk(self, nodes: tuple[Resource, ...]) -> list[Resource]:
        out: list[Resource] = []
        for n in nodes:
            out.append(n)
            out.extend(self._walk(n.children))
        return out

    def _auth(self) -> tuple[list[tuple[str, str, bool]], list[str]]:
        env_args: list[tuple[str, str, bool]] = []
        auth: list[str] = []
        for c in credentials(self.api):
            s = c.scheme
            args = [ident(w) for w in c.words]
            envs = [f"{self.env_prefix}_{a.upper()}" for a in args]
            env_args += [(a, e, c.required) for a, e in zip(args, envs, strict=True)]
            pairs = [
                ("name", literals.string(s.name)),
                ("kind", f"'{s.kind}'"),
                ("args", "[" + ", ".join(f"'{a}'" for a in args) + "]"),
                ("envs", "[" + ", ".join(f"'{e}'" for e in envs) + "]"),
                ("required", "1" if c.required else "0"),
            ]
            if s.param_in is not None:
                pairs.append(("in", f"'{s.param_in}'"))
            if s.param_name is not None:
                pairs.append(("param", literals.string(s.param_name)))
            if s.scheme is not None:
                pairs.append(("http_scheme", literals.string(s.scheme)))
            auth.append(perl_hash(pairs))
        return env_args, auth

    # -- reference pages ------------------------------------------------------------------------
    def references(self, resources: list[ResourceView], root: list[MethodView]) -> list[RefPage]:
        from .reference import reference_pages

        methods = [m for r in resources for m in r.methods] + root
        return reference_pages(self, methods)
