"""Spec -> :class:`Api`: the one place that normalises a loaded spec into the IR."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import Finding, Severity, SpecError, UsageError
from ..loading.spec import Node, Spec
from ..naming import keep_case_words
from .model import Api, Info, Model, Operation, Server
from .operations import OperationBuilder
from .resources import apply_renames, build_tree, clashes, settle
from .schemas import COMPONENT_PREFIX, SchemaConverter, is_component
from .security import SecurityBuilder


def build_api(spec: Spec, options: Mapping[str, Any] | None = None) -> tuple[Api, list[Finding]]:
    """Build the IR.  Raises SpecError for input it cannot represent; returns warnings beside it.

    ``options`` is the part of ``[tool.oasgen]`` the IR reads: the ``resources`` table (renames,
    see :mod:`.resources`) and the ``pagination`` table (see :mod:`.pagination`); a bad entry
    raises UsageError.
    """
    options = options or {}
    broken = [f for f in spec.findings if f.severity is Severity.ERROR]
    if broken:  # a $ref left unresolved stands where an object or a string should
        raise SpecError(broken)
    data = spec.data
    version = str(data.get("openapi", ""))
    conv = SchemaConverter(spec, is_30=version.startswith("3.0"))

    # Every component schema is a model, in spec order, whether or not an operation uses it.
    schemas = (data.get("components") or {}).get("schemas") or {}
    for name in schemas:
        node = spec.node(COMPONENT_PREFIX.rstrip("/")).child(name)
        conv.model_ref(_component_model(spec, node), keep_case_words(str(name)) or (str(name),))

    paging = _table(options, "pagination")
    security = SecurityBuilder(spec, conv)
    default_security = security.default()
    builder = OperationBuilder(conv, security, paging)
    ops = builder.build_all()
    schemes, default_security = security.finish(default_security)
    webhooks = data.get("webhooks")
    if isinstance(webhooks, dict) and webhooks:
        conv.warn(
            "webhooks-not-generated",
            f"{len(webhooks)} webhook(s) are not generated as calls; their payload schemas are models",
            spec.node("/webhooks"),
        )
    findings = list(conv.findings)
    _check_keys(paging, ops)
    ops, settled = settle(ops, builder.declared)
    findings += settled
    ops = apply_renames(ops, _table(options, "resources"))
    clashed = clashes(ops)
    if clashed:
        raise SpecError(clashed)
    models = tuple(m for mid in conv.order if (m := conv.models[mid]) is not None)

    info = data.get("info") or {}
    api = Api(
        info=Info(str(info.get("title", "")), str(info.get("version", "")), info.get("description")),
        servers=tuple(
            Server(str(s["url"]), s.get("description"))
            for s in data.get("servers") or ()
            if isinstance(s, dict) and "url" in s
        ),
        auth=schemes,
        security=default_security,
        operations=tuple(ops),
        models=models,
        resources=build_tree(ops),
    )
    return api, findings


_REF_ANNOTATIONS = {"$ref", "description", "title", "summary", "$comment"}


def _component_model(spec: Spec, node: Node) -> Node:
    """The node of a component schema's model.

    A component written as a ``$ref`` to a schema outside the components (``Pet: {$ref:
    schemas/pet.yaml}``, the usual multi-file layout) *is* that schema, under the component's
    name: refs to the file and to ``#/components/schemas/Pet`` then give the same model.
    """
    value = spec.value(node)
    if not isinstance(value, dict) or "$ref" not in value or value.keys() - _REF_ANNOTATIONS:
        return node
    try:
        final, _ = spec.deref(node)
    except SpecError:
        return node  # reported by the ref rules; converting the node says so again
    return node if is_component(final) else final


def _table(options: Mapping[str, Any], name: str) -> Mapping[str, Any] | None:
    table = options.get(name)
    if table is not None and not isinstance(table, Mapping):
        raise UsageError(f"[tool.oasgen.{name}] must be a table")
    return table


def _check_keys(table: Mapping[str, Any] | None, ops: list[Operation]) -> None:
    known = {op.id for op in ops}
    for key in table or {}:
        if key not in known:
            raise UsageError(f"[tool.oasgen.pagination]: {key!r} is not an operationId of the spec")


def model_index(api: Api) -> dict[str, Model]:
    return {m.id: m for m in api.models}
