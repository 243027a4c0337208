"""The Python client's credentials: its arguments, their environment variables, the runtime schemes."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from ...ir.model import Api, AuthScheme
from ...naming import screaming
from ..credentials import credentials
from .names import py_ident
from .params import py_tuple
from .text import LINE_LENGTH, escape_doc
from .types import py_literal


@dataclass
class AuthArg:
    arg: str
    annotation: str
    env: str
    doc: str  # its docstring entry, wrapped
    text: str  # the same as one line of Markdown


@dataclass
class AuthView:
    args: list[AuthArg]
    schemes: list[str]  # runtime AuthScheme(...) expressions
    required: str  # tuple literal of the scheme names every operation needs
    credentials: str  # dict literal: argument name -> argument
    scheme_envs: dict[str, tuple[str, ...]]  # scheme name -> its environment variables
    callable: bool = False  # some argument takes a Callable


def _wrap(arg: str, text: str) -> str:
    """An ``Args:`` entry of the client's docstring (its name at 8 spaces), wrapped to the line length."""
    lines = textwrap.wrap(f"{arg}: {escape_doc(text)}", LINE_LENGTH - 8, break_long_words=False)
    return "\n".join(lines[:1] + [" " * 12 + ln for ln in lines[1:]]).removeprefix(f"{arg}: ")


def _where(s: AuthScheme) -> str:
    if s.kind == "api-key":
        what = {"header": "header", "query": "query parameter", "cookie": "cookie"}[s.param_in or "header"]
        return f"Sent in the ``{s.param_name}`` {what}."
    if s.kind == "http":
        return f"Sent as ``Authorization: {s.scheme} <value>``."
    if s.kind in ("oauth2", "openid"):
        what = "an OAuth2" if s.kind == "oauth2" else "an OpenID Connect"
        return (
            f"{what[0].upper()}{what[1:]} access token, or a callable that returns one (called for every "
            "request); sent as a bearer token."
        )
    return "Sent as a bearer token."


def _runtime(s: AuthScheme, args: list[str], envs: list[str]) -> str:
    name = py_literal(s.name)
    if s.kind == "mutual-tls":
        return f'AuthScheme({name}, "tls")'
    kind = "basic" if s.kind == "basic" else "token"
    parts = [name, py_literal(kind), f"args={py_tuple([py_literal(a) for a in args])}"]
    parts.append(f"envs={py_tuple([py_literal(e) for e in envs])}")
    if s.kind == "api-key":
        parts += [f"param_in={py_literal(s.param_in)}", f"param_name={py_literal(s.param_name)}"]
    elif s.kind == "http":
        parts.append(f"prefix={py_literal((s.scheme or '') + ' ')}")
    elif s.kind != "basic":
        parts.append('prefix="Bearer "')
    return f"AuthScheme({', '.join(parts)})"


def auth_view(api: Api, env_prefix: str) -> AuthView:
    by_scheme = {c.scheme.name: c for c in credentials(api)}
    args: list[AuthArg] = []
    schemes: list[str] = []
    envs: dict[str, tuple[str, ...]] = {}
    for s in api.auth:
        c = by_scheme.get(s.name)
        names = [py_ident(w) for w in c.words] if c else []
        vars_ = [f"{env_prefix}_{screaming(w)}" for w in c.words] if c else []
        schemes.append(_runtime(s, names, vars_))
        envs[s.name] = tuple(vars_)
        if c is None:
            continue
        annotation = "str | Callable[[], str] | None" if c.source else "str | None"
        for i, (arg, env) in enumerate(zip(names, vars_, strict=True)):
            if s.kind == "basic":
                doc = f"The {'user name' if i == 0 else 'password'} for HTTP basic authentication."
            else:
                doc = _where(s)
            if len(by_scheme) > 1:
                doc += f" Scheme ``{s.name}``."
            doc += f" Defaults to the ``{env}`` environment variable."
            args.append(AuthArg(arg, annotation, env, _wrap(arg, doc), doc.replace("``", "`")))
    required = [py_literal(c.scheme.name) for c in by_scheme.values() if c.required]
    return AuthView(
        args=args,
        schemes=schemes,
        required=py_tuple(required),
        credentials="{" + ", ".join(f"{py_literal(a.arg)}: {a.arg}" for a in args) + "}",
        scheme_envs=envs,
        callable=any("Callable" in a.annotation for a in args),
    )
