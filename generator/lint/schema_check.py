"""Validate a JSON value against a Schema Object that lives somewhere in the spec.

One ``referencing.Registry`` is built from every loaded document (each under its
``file://`` URI), so ``$ref``s inside schemas resolve locally and across files
without any I/O.  A schema is checked through ``{"$ref": "<doc uri>#<pointer>"}``,
which keeps relative refs relative to the document the schema is written in.

* 3.1: JSON Schema draft 2020-12 (``Draft202012Validator``).
* 3.0: openapi-schema-validator's ``OAS30Validator`` (draft-4 based; ``nullable: true``
  admits null, boolean ``exclusiveMinimum``/``exclusiveMaximum``).

In both, a required property marked ``readOnly`` or ``writeOnly`` may be missing: OpenAPI
requires it in responses or in requests only, and an example may be either.

Formats are annotations here (not asserted): a wrong ``format`` is not an invalid example.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import UnknownType, ValidationError
from jsonschema.validators import extend
from openapi_schema_validator import OAS30Validator
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT4, DRAFT202012

from ..loading.spec import Node, Spec
from ..loading.yaml_source import escape_pointer_token

MAX_ERRORS_PER_VALUE = 5


def _required(validator: Any, required: Any, instance: Any, schema: Any) -> Iterator[ValidationError]:
    """``required``, where a ``readOnly``/``writeOnly`` property may be missing (as in OAS30Validator)."""
    if not validator.is_type(instance, "object") or not isinstance(required, list):
        return
    props = schema.get("properties") if isinstance(schema, dict) else None
    props = props if isinstance(props, dict) else {}
    for name in required:
        if name in instance:
            continue
        sub = props.get(name)
        if isinstance(sub, dict) and (sub.get("readOnly") is True or sub.get("writeOnly") is True):
            continue
        yield ValidationError(f"{name!r} is a required property")


_OAS31Validator: Any = extend(Draft202012Validator, {"required": _required})  # type: ignore[no-untyped-call]


class SchemaChecker:
    def __init__(self, spec: Spec, version: str) -> None:
        self.version = version
        specification = DRAFT4 if version == "3.0" else DRAFT202012
        resources: list[tuple[str, Resource[Any]]] = [
            (doc.path.as_uri(), specification.create_resource(doc.data))
            for doc in spec.documents
            if isinstance(doc.data, (dict, list))
        ]
        self.registry: Registry[Any] = Registry().with_resources(resources)
        self.cls: Any = OAS30Validator if version == "3.0" else _OAS31Validator

    def errors(self, value: Any, schema: Node) -> list[ValidationError] | None:
        """The validation errors (sorted, capped), or None when the schema itself cannot be used."""
        ref = {"$ref": schema.doc.path.as_uri() + "#" + schema.pointer}
        validator = self.cls(ref, registry=self.registry)
        try:
            errors = list(validator.iter_errors(value))
        except (Unresolvable, re.error, RecursionError):
            # A broken $ref is reported by the ref rule, a schema keyword of the wrong type by
            # oas-schema (3.0) / invalid-schema (3.1).  Nothing more to say about the value.
            return None
        except (UnknownType, AttributeError, TypeError, KeyError, ValueError, IndexError):
            # jsonschema assumes a well-formed schema and fails this way on a malformed one; the
            # malformed keyword is reported by the rules above.
            return None
        errors.sort(key=lambda e: (list(map(str, e.absolute_path)), e.message))
        return errors[:MAX_ERRORS_PER_VALUE]


def json_path(path: list[str | int]) -> str:
    """``["a", 0, "b c"]`` -> ``$.a[0]['b c']``."""
    out = "$"
    for p in path:
        if isinstance(p, int):
            out += f"[{p}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", p):
            out += "." + p
        else:
            out += f"[{p!r}]"
    return out


def pointer_of(path: list[str | int]) -> str:
    return "".join("/" + escape_pointer_token(str(p)) for p in path)
