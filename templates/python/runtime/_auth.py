"""Credentials: where each security scheme puts them, and which a request sends.

A client is built with its credentials by argument name (``api_key=...``); each one not given is
read from its environment variable.  Every request names the alternatives its operation accepts
(``security``: a tuple of requirements, each a tuple of scheme names that are all sent); the first
alternative whose credentials are all present is used, an empty alternative means "none needed",
and when no alternative can be met the request fails before anything is sent.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Callable, Mapping, Sequence

from ._exceptions import APIError

__all__ = ["AuthScheme", "Credentials", "Security"]

Security = Sequence[Sequence[str]]  # alternatives (OR) of scheme names (AND)


class AuthScheme:
    """One security scheme of the API.

    ``kind`` is ``"token"`` (the credential, after ``prefix``, in a header, query parameter or
    cookie), ``"basic"`` (two credentials: user name and password) or ``"tls"`` (a client
    certificate on the caller's own HTTP client; nothing to send here).  ``args`` are the client
    arguments that carry its credentials, ``envs`` their environment variables.
    """

    __slots__ = ("name", "kind", "param_in", "param_name", "prefix", "args", "envs")

    def __init__(
        self,
        name: str,
        kind: str,
        *,
        args: tuple[str, ...] = (),
        envs: tuple[str, ...] = (),
        param_in: str = "header",
        param_name: str = "Authorization",
        prefix: str = "",
    ) -> None:
        self.name = name
        self.kind = kind
        self.args = args
        self.envs = envs
        self.param_in = param_in
        self.param_name = param_name
        self.prefix = prefix


class Credentials:
    """The credentials a client holds, by argument name, and how to send them."""

    __slots__ = ("schemes", "values")

    def __init__(
        self,
        schemes: Sequence[AuthScheme],
        given: Mapping[str, object],
        required: Sequence[str] = (),
    ) -> None:
        self.schemes = {s.name: s for s in schemes}
        self.values: dict[str, object] = {}
        for s in schemes:
            for arg, env in zip(s.args, s.envs, strict=True):
                value = given.get(arg)
                source = f"{arg}"
                if value is None:
                    value, source = os.environ.get(env) or None, f"the {env} environment variable"
                if isinstance(value, str) and s.kind == "token":
                    _check_token(value, source)
                if value is not None and value != "":
                    self.values[arg] = value
        for name in required:  # needed by every operation: fail now rather than on the first call
            missing = self._missing(self.schemes[name])
            if missing:
                raise APIError(_missing_message([missing]))

    def _missing(self, s: AuthScheme) -> list[tuple[str, str]]:
        """The credentials ``s`` still lacks (a basic password may be empty: only the user name counts)."""
        needed = list(zip(s.args, s.envs, strict=True))[:1]
        return [(a, e) for a, e in needed if a not in self.values]

    def apply(
        self, security: Security, headers: dict[str, str], query: list[str], cookies: list[str]
    ) -> None:
        """Add the credentials of the first alternative of ``security`` that can be met."""
        if not security:
            return
        optional = False
        missing: list[list[tuple[str, str]]] = []
        for alternative in security:
            if not alternative:
                optional = True
                continue
            lacking = [m for name in alternative for m in self._missing(self.schemes[name])]
            if lacking:
                missing.append(lacking)
                continue
            for name in alternative:
                self._send(self.schemes[name], headers, query, cookies)
            return
        if not optional:
            raise APIError(_missing_message(missing))

    def _send(self, s: AuthScheme, headers: dict[str, str], query: list[str], cookies: list[str]) -> None:
        if s.kind == "tls":
            return
        if s.kind == "basic":
            user, password = (str(self.values.get(a, "")) for a in s.args)
            pair = f"{user}:{password}".encode()
            text = "Basic " + base64.b64encode(pair).decode("ascii")
        else:
            text = s.prefix + _token(self.values[s.args[0]], s.args[0])
        if s.param_in == "query":
            from urllib.parse import quote

            query.append(f"{quote(s.param_name, safe='')}={quote(text, safe='')}")
        elif s.param_in == "cookie":
            if ";" in text:
                raise APIError(f"The {s.args[0]} credential cannot be sent as a cookie: it contains ';'.")
            cookies.append(f"{s.param_name}={text}")
        else:
            headers[s.param_name] = text


def _token(value: object, arg: str) -> str:
    """A token, or the result of the callable that supplies one (called for every request)."""
    if callable(value):
        supplier: Callable[[], object] = value
        token = supplier()
        if not isinstance(token, str) or not token:
            raise APIError(f"The {arg} callable returned {type(token).__name__}, not a non-empty string.")
        _check_token(token, f"the {arg} callable")
        return token
    return str(value)


def _check_token(value: str, source: str) -> None:
    if value != value.strip() or not value.isascii() or not value.isprintable():
        raise APIError(
            f"The credential from {source} contains whitespace, non-printable or non-ASCII characters."
        )


def _missing_message(missing: list[list[tuple[str, str]]]) -> str:
    options = [
        " and ".join(f"{arg}=... (or the {env} environment variable)" for arg, env in group)
        for group in missing
    ]
    if len(options) == 1 and len(missing[0]) == 1:
        arg, env = missing[0][0]
        return f"No credentials were given: pass {arg}=... to the client or set the {env} environment variable."
    return "No credentials were given for this call; pass one of: " + "; ".join(options) + "."
