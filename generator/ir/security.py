"""Security schemes and requirements -> IR: the schemes the SDKs send, and who needs which.

Rules (README, "Authentication"):

* A ``security`` list is a choice (OR) of requirement objects; each requirement is a set (AND) of
  schemes.  ``{}`` is the alternative "no credentials".  An operation's own ``security`` replaces the
  API's; ``security: []`` means the operation needs none.
* Only schemes that some requirement names are part of the API.  A spec that defines schemes but
  never requires any gets them all as optional alternatives (sent when the user gives them).
* A requirement that names an undefined scheme, or a scheme the SDKs cannot send, is dropped with a
  located warning (the other alternatives stay).
"""

from __future__ import annotations

from typing import Any

from ..loading.spec import Node, Spec
from .model import AuthScheme, SecurityRequirement
from .schemas import SchemaConverter

SCHEMES_POINTER = "/components/securitySchemes"


class SecurityBuilder:
    def __init__(self, spec: Spec, conv: SchemaConverter) -> None:
        self.spec = spec
        self.conv = conv
        self.defined: dict[str, AuthScheme] = {}
        root = spec.node(SCHEMES_POINTER)
        raw = (spec.data.get("components") or {}).get("securitySchemes")
        for name in raw if isinstance(raw, dict) else {}:
            node, value = spec.deref(root.child(name))
            scheme = self.scheme(str(name), node, value)
            if scheme is not None:
                self.defined[str(name)] = scheme
        self.used: set[str] = set()
        self.any_requirement = False

    def scheme(self, name: str, node: Node, s: Any) -> AuthScheme | None:
        if not isinstance(s, dict):
            return None
        kind, description = s.get("type"), s.get("description")
        description = description if isinstance(description, str) else None
        if kind == "http":
            word = str(s.get("scheme", "")).strip()
            lowered = word.lower()
            fmt = s.get("bearerFormat") if isinstance(s.get("bearerFormat"), str) else None
            if lowered == "bearer":
                return AuthScheme(name, "bearer", bearer_format=fmt, description=description)
            if lowered == "basic":
                return AuthScheme(name, "basic", description=description)
            if word and all(c.isalnum() or c in "-._~+!#$&'*^`|" for c in word) and lowered != "digest":
                return AuthScheme(name, "http", scheme=word, description=description)
            self.conv.warn(
                "security-unsupported",
                f"HTTP auth scheme {word!r} of {name!r} cannot be sent by the SDKs; it is left out",
                node,
            )
            return None
        if kind == "apiKey":
            where, pname = s.get("in"), s.get("name")
            if where in ("header", "query", "cookie") and isinstance(pname, str) and pname:
                return AuthScheme(name, "api-key", param_in=where, param_name=pname, description=description)
            self.conv.warn("security-unsupported", f"apiKey scheme {name!r} needs `in` and `name`", node)
            return None
        if kind in ("oauth2", "openIdConnect"):
            return AuthScheme(name, "oauth2" if kind == "oauth2" else "openid", description=description)
        if kind == "mutualTLS":
            return AuthScheme(name, "mutual-tls", description=description)
        self.conv.warn("security-unsupported", f"security scheme {name!r} has unknown type {kind!r}", node)
        return None

    def requirements(self, node: Node) -> tuple[SecurityRequirement, ...]:
        """The alternatives of the ``security`` list at ``node`` (which must hold a list)."""
        self.any_requirement = True
        out: list[SecurityRequirement] = []
        raw = self.spec.value(node)
        for i, req in enumerate(raw if isinstance(raw, list) else ()):
            if not isinstance(req, dict):
                continue
            unknown = [str(k) for k in req if str(k) not in self.defined]
            if unknown:
                self.conv.warn(
                    "security-unknown-scheme",
                    f"security requirement names {', '.join(map(repr, unknown))}, which "
                    f"{'is' if len(unknown) == 1 else 'are'} not a usable scheme of "
                    f"components/securitySchemes; this alternative is left out",
                    node.child(i),
                )
                continue
            schemes = tuple(str(k) for k in req)
            scopes = tuple(
                (str(k), tuple(str(x) for x in v)) for k, v in req.items() if isinstance(v, list) and v
            )
            self.used.update(schemes)
            requirement = SecurityRequirement(schemes, scopes)
            if requirement not in out:
                out.append(requirement)
        return tuple(out)

    def default(self) -> tuple[SecurityRequirement, ...]:
        if isinstance(self.spec.data.get("security"), list):
            return self.requirements(self.spec.node("/security"))
        return ()

    def finish(
        self, default: tuple[SecurityRequirement, ...]
    ) -> tuple[tuple[AuthScheme, ...], tuple[SecurityRequirement, ...]]:
        """(the API's schemes, its default alternatives), once every operation has been read."""
        if not self.any_requirement and self.defined:
            self.conv.warn(
                "security-undeclared",
                "the spec defines security schemes but no `security` requirement; the SDKs accept "
                "their credentials as optional and send those given",
                self.spec.node(SCHEMES_POINTER),
            )
            default = tuple(SecurityRequirement((n,)) for n in self.defined) + (SecurityRequirement(()),)
            self.used.update(self.defined)
        return tuple(s for n, s in self.defined.items() if n in self.used), default
