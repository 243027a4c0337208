"""Doc comments of generated Go methods: what they do and what they leave to the caller."""

from __future__ import annotations

from ...ir.model import Model, Operation
from .docs import comment
from .streams import typed_multipart


def _limits(name: str, op: Operation, models: dict[str, Model]) -> list[str]:
    """What the method does not do for the caller (encodings the SDK passes through untouched)."""
    notes = []
    body = op.body
    if body is not None and body.encoding != "json" and not typed_multipart(op, models):
        notes.append(f"The {body.content_type} request body is sent as-is (Body).")
        if body.encoding == "multipart":
            notes.append(
                "Build it with mime/multipart and set ContentType to the writer's FormDataContentType()."
            )
        elif body.encoding == "form":
            notes.append("Encode it with net/url's Values.Encode().")
    ok = op.success
    if ok is not None and ok.stream is not None and ok.encoding != "event-stream":
        notes.append(f"For the {ok.stream.content_type} response, call {name}Stream.")
    elif ok is not None and ok.encoding == "event-stream":
        notes.append(f"The {ok.content_type} response is returned as a Stream of its events.")
    return notes


def method_doc(
    name: str, op: Operation, models: dict[str, Model], notes: list[str] | None = None
) -> list[str]:
    text = op.description or op.summary or f"calls {op.method} {op.path}"
    lines = comment(text, name=name)
    notes = _limits(name, op, models) if notes is None else notes
    if notes:
        lines += ["//"] + comment(" ".join(notes))
    lines += ["//"] + comment(f"{op.method} {op.path}")  # a path is spec text: escaped as prose is
    if op.deprecated:
        lines += ["//", "// Deprecated: the API marks this operation as deprecated."]
    return lines
