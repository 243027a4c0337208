"""Examples, defaults, consts and enum values must be valid against their schema.

Rules: ``invalid-example``, ``invalid-default``, ``invalid-const``, ``invalid-enum-value``
(errors).  Examples taken from vendor extensions (``x-oaiMeta``) are documentation
samples outside OpenAPI's semantics, so their findings are warnings.

Each finding points at the offending part of the value (the example's own
sub-node when the value is written in the spec) and names its JSON path.
"""

from __future__ import annotations

from ..errors import Finding, Severity
from ..loading.spec import Spec
from ..loading.validate import describe
from .schema_check import SchemaChecker, json_path, pointer_of
from .walk import ValueSite

RULES = {
    "example": "invalid-example",
    "default": "invalid-default",
    "const": "invalid-const",
    "enum value": "invalid-enum-value",
}


def check_site(spec: Spec, checker: SchemaChecker, site: ValueSite) -> list[Finding]:
    value = site.parsed if site.has_parsed else spec.value(site.value)
    errors = checker.errors(value, site.schema)
    if not errors:
        return []
    findings = []
    severity = Severity.WARNING if site.vendor else Severity.ERROR
    label = f"x-oaiMeta response {site.kind}" if site.vendor else site.kind
    for err in errors:
        path, message = describe(err)
        node = site.value
        location = node.doc.location(node.pointer + ("" if site.has_parsed else pointer_of(path)))
        findings.append(
            Finding(
                severity, RULES[site.kind], f"{label} is invalid at {json_path(path)}: {message}", location
            )
        )
    return findings


def check_values(spec: Spec, checker: SchemaChecker, sites: list[ValueSite]) -> list[Finding]:
    findings: list[Finding] = []
    for site in sites:
        findings.extend(check_site(spec, checker, site))
    return findings
