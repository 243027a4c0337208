"""Lint a loaded spec: structural validation plus the semantic rules.

Rules (id, severity):

* ``oas-schema`` (error): the document does not match the OpenAPI 3.0/3.1 schema
  (:mod:`generator.loading.validate`); an unsupported or missing version stops here.
* ``ref-unresolved``, ``ref-remote``, ``ref-outside``, ``ref-invalid``, ``ref-cycle`` (error)
  (:mod:`generator.loading.resolve`, :mod:`.walk`); recursive schemas are fine, pure alias cycles
  and objects that ``$ref`` themselves are not.
* ``ref-through`` (warning): a ref's JSON pointer runs through another ``$ref`` (followed).
* ``duplicate-operation-id`` (error) (:mod:`.operation_ids`).
* ``path-params`` (error) (:mod:`.path_params`).
* ``invalid-example``, ``invalid-default``, ``invalid-const``, ``invalid-enum-value`` (error;
  warning for ``x-oaiMeta`` examples) (:mod:`.values`, :mod:`.oai_meta`).
* ``example-unknown-property`` (warning) (:mod:`.unknown_props`).
* ``invalid-schema`` (error): 3.1 Schema Object keywords with a wrong value type (:mod:`.schema_shape`).
* ``oneof-overlap`` (error) (:mod:`.oneof`).
* ``name-collision`` (warning) (:mod:`.names`).
"""

from __future__ import annotations

from ..errors import Finding, SpecError
from ..loading.spec import Node, Spec
from ..loading.validate import validate_structure
from .names import check_operation_names, check_property_names, check_schema_names
from .oai_meta import vendor_example_sites
from .oneof import check_oneof
from .operation_ids import check_operation_ids
from .path_params import check_path_params
from .schema_check import SchemaChecker
from .schema_shape import check_schema_shapes
from .unknown_props import check_unknown_properties
from .values import check_values
from .walk import SpecIndex, walk

__all__ = ["blocking", "lint"]


def _schema_id(spec: Spec, node: Node) -> str:
    try:
        return spec.deref(node)[0].id
    except SpecError:
        return node.id


def lint(spec: Spec) -> list[Finding]:
    """Structural validation + all semantic rules.

    Findings are sorted by (file, line, col, rule) and deduplicated; the result is deterministic.
    """
    version, index, findings = _blocking(spec)
    if version is None or index is None:
        return _tidy(findings)
    sites = index.values + vendor_example_sites(spec, index.operations)
    if version == "3.1":
        shape_findings, malformed = check_schema_shapes(index.schemas)
        findings += shape_findings
        sites = [s for s in sites if _schema_id(spec, s.schema) not in malformed]
    findings += check_values(spec, SchemaChecker(spec, version), sites)
    findings += check_unknown_properties(spec, sites)
    findings += check_oneof(spec, index.schemas)
    findings += check_property_names(index.schemas)
    findings += check_schema_names(spec)
    findings += check_operation_names(index.operations)
    return _tidy(findings)


def blocking(spec: Spec) -> list[Finding]:
    """The findings that make a spec impossible to generate correctly.

    Structure, refs, operation ids and path parameters: ``generate`` stops on their errors.  A
    malformed schema is typed as any, with a warning from the IR builder; the value rules
    (examples, defaults, overlaps) are for ``lint``.
    """
    return _tidy(_blocking(spec, fast=True)[2])


def _blocking(spec: Spec, fast: bool = False) -> tuple[str | None, SpecIndex | None, list[Finding]]:
    version, findings = validate_structure(spec, fast=fast)
    if version is None:
        return None, None, findings
    findings += spec.findings
    index = walk(spec, version)
    findings += index.findings
    findings += check_operation_ids(index.operations)
    findings += check_path_params(index.operations)
    return version, index, findings


def _tidy(findings: list[Finding]) -> list[Finding]:
    unique = {(f.rule, f.location, f.message, f.severity): f for f in findings}
    return sorted(unique.values(), key=lambda f: f.sort_key())
