"""The error classes: one per status the other SDKs name, plus the fallbacks (one table)."""

from __future__ import annotations

from dataclasses import dataclass

# Status -> the class word of ``<Namespace>::Error::<Word>`` (a ``<Namespace>::Error::API``).
BY_STATUS: tuple[tuple[int, str, str], ...] = (
    (400, "BadRequest", "the request is malformed or a parameter is invalid"),
    (401, "Authentication", "the credentials are missing or invalid"),
    (403, "PermissionDenied", "the credentials do not allow this request"),
    (404, "NotFound", "the resource does not exist"),
    (409, "Conflict", "the request conflicts with the resource's state"),
    (422, "UnprocessableEntity", "the request is well-formed but cannot be processed"),
    (429, "RateLimit", "too many requests"),
)
SERVER = ("InternalServer", "the server failed (any status of 500 or more)")
FALLBACK = "API"


@dataclass(frozen=True)
class ErrorClass:
    package: str
    word: str
    status: str  # "404" or "500+"
    doc: str


def error_classes(ns: str) -> list[ErrorClass]:
    out = [ErrorClass(f"{ns}::Error::{w}", w, str(code), doc) for code, w, doc in BY_STATUS]
    out.append(ErrorClass(f"{ns}::Error::{SERVER[0]}", SERVER[0], "500+", SERVER[1]))
    return out


def error_class(ns: str, status: str) -> str:
    """The class thrown for an OpenAPI response key: ``"404"``, ``"5XX"``, ``"default"``."""
    if status.isdigit():
        code = int(status)
        for c, word, _doc in BY_STATUS:
            if c == code:
                return f"{ns}::Error::{word}"
        return f"{ns}::Error::{SERVER[0] if code >= 500 else FALLBACK}"
    return f"{ns}::Error::{SERVER[0] if status.upper() == '5XX' else FALLBACK}"
