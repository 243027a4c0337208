"""One POD reference page per path, like the reference Perl client's: each operation on the path,
its Perl call, its parameters, the response with an example, the errors and the models."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ...ir.model import ArrayType, MapType, ModelRef, Nullable, Type, UnionType
from ..docs.examples import response_example
from .errors import error_class
from .names import unique
from .pod import inline

if TYPE_CHECKING:
    from .viewmodels import MethodView, RefPage
    from .views import Builder


def _models_of(t: Type | None, out: list[str]) -> None:
    if isinstance(t, ModelRef):
        out.append(t.id)
    elif isinstance(t, (Nullable,)):
        _models_of(t.inner, out)
    elif isinstance(t, ArrayType):
        _models_of(t.items, out)
    elif isinstance(t, MapType):
        _models_of(t.values, out)
    elif isinstance(t, UnionType):
        for v in t.variants:
            _models_of(v, out)


def reference_pages(b: Builder, methods: list[MethodView]) -> list[RefPage]:
    from .viewmodels import RefOp, RefPage, module_file, reference_package

    by_path: dict[str, list[MethodView]] = {}
    for m in methods:
        if m.kind == "call":
            by_path.setdefault(b.ops[m.op_id].path, []).append(m)
    pages: list[RefPage] = []
    taken: set[str] = set()
    for path, ms in by_path.items():
        package = unique([reference_package(b.ns, path)], taken)[0]
        ops = []
        for m in ms:
            op = b.ops[m.op_id]
            ids: list[str] = []
            ok = op.success
            if op.body is not None:
                _models_of(op.body.type, ids)
            if ok is not None:
                _models_of(ok.type, ids)
            example = None
            if ok is not None:
                found = response_example(ok, b.models)
                if found is not None:
                    example = json.dumps(found[1], indent=2, ensure_ascii=False)
            errors = [(r.status, error_class(b.ns, r.status)) for r in op.errors]
            ops.append(
                RefOp(
                    http=m.http,
                    summary=m.summary,
                    doc=m.doc,
                    call=m.call,
                    args=m.args,
                    returns=m.returns,
                    example=example,
                    errors=errors,
                    models=[b.classes[i] for i in dict.fromkeys(ids) if i in b.classes],
                )
            )
        pages.append(RefPage(package, module_file(package)[: -len(".pm")] + ".pod", inline(path), ops))
    return pages
