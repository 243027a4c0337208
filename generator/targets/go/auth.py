"""The Go client's credentials: one Option per credential, its environment variable, the scheme table."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...ir.model import Api, AuthScheme
from ...naming import screaming
from ..credentials import Credential, credentials
from .names import NameTable, exported
from .types import go_string


@dataclass
class OptionView:
    name: str
    doc: str  # one line, after "// <Name> "
    params: str  # "key string"
    body: str  # the returned expression


@dataclass
class EnvView:
    name: str  # the Go constant
    value: str  # Go literal
    env: str  # the variable's name
    option: str  # the Option that overrides it


@dataclass
class AuthView:
    schemes: list[str] = field(default_factory=list)  # map entries of securitySchemes
    required: str = ""  # Go literals of requiredSchemes' names, comma-separated
    options: list[OptionView] = field(default_factory=list)
    envs: list[EnvView] = field(default_factory=list)
    context: bool = False  # an option mentions context.Context (a token source)
    scheme_envs: dict[str, tuple[str, ...]] = field(default_factory=dict)  # scheme -> variable names


def _what(s: AuthScheme, c: Credential) -> str:
    """What the option sets and how it is sent: "the API key, sent as a bearer token"."""
    if s.kind == "api-key":
        where = {"header": "header", "query": "query parameter", "cookie": "cookie"}[s.param_in or "header"]
        return f"the API key, sent in the {s.param_name} {where}"
    if s.kind == "http":
        return f'the credential, sent as "Authorization: {s.scheme} <value>"'
    if s.kind == "oauth2":
        return "the OAuth2 access token, sent as a bearer token"
    if s.kind == "openid":
        return "the OpenID Connect access token, sent as a bearer token"
    if c.words == (("api", "key"),):
        return "the API key, sent as a bearer token"
    return "the bearer token"


def claim_names(api: Api, table: NameTable) -> dict[str, tuple[str, list[str]]]:
    """scheme name -> (option stem, env constant names), claimed before any model takes them."""
    out: dict[str, tuple[str, list[str]]] = {}
    for c in credentials(api):
        stem_words = c.words[0][:-1] if c.scheme.kind == "basic" else c.words[0]
        stem = table.claim("With" + (exported(stem_words) if stem_words else "BasicAuth"))[4:]
        envs = [table.claim(exported(w) + "Env") for w in c.words]
        if c.source:
            table.claim(f"With{stem}TokenSource" if stem != "AccessToken" else "WithTokenSource")
        out[c.scheme.name] = (stem, envs)
    return out


def _entry(s: AuthScheme, c: Credential | None, names: tuple[str, list[str]] | None) -> str:
    fields = [f"kind: {go_string({'basic': 'basic', 'mutual-tls': 'tls'}.get(s.kind, 'token'))}"]
    if s.kind == "api-key":
        fields += [f"in: {go_string(s.param_in or 'header')}", f"param: {go_string(s.param_name or '')}"]
    elif s.kind != "mutual-tls":
        fields += ['in: "header"', 'param: "Authorization"']
    if s.kind == "http":
        fields.append(f"prefix: {go_string((s.scheme or '') + ' ')}")
    elif s.kind in ("bearer", "oauth2", "openid"):
        fields.append('prefix: "Bearer "')
    if c is not None and names is not None:
        stem, envs = names
        option = f"With{stem}"
        if c.source:
            option += f" or {_source_option(stem)}"
        fields.append(f"options: {go_string(option)}")
        fields.append("envs: []string{" + ", ".join(envs) + "}")
    else:
        fields.append('options: "WithHTTPClient (a client certificate)"')
    return f"{go_string(s.name)}: {{{', '.join(fields)}}},"


def _source_option(stem: str) -> str:
    return "WithTokenSource" if stem == "AccessToken" else f"With{stem}TokenSource"


def auth_view(api: Api, names: dict[str, tuple[str, list[str]]], env_prefix: str) -> AuthView:
    view = AuthView()
    by_scheme = {c.scheme.name: c for c in credentials(api)}
    for s in api.auth:
        c = by_scheme.get(s.name)
        view.schemes.append(_entry(s, c, names.get(s.name)))
        if c is None:
            continue
        stem, envs = names[s.name]
        scheme = go_string(s.name)
        for const, words in zip(envs, c.words, strict=True):
            env = f"{env_prefix}_{screaming(words)}"
            view.envs.append(EnvView(const, go_string(env), env, f"With{stem}"))
        view.scheme_envs[s.name] = tuple(e.env for e in view.envs[-len(envs) :])
        env_note = " and ".join(envs)
        suffix = f" (scheme {s.name})" if len(by_scheme) > 1 else ""
        if s.kind == "basic":
            view.options.append(
                OptionView(
                    f"With{stem}",
                    f"sets the user name and password of HTTP basic authentication{suffix} "
                    f"(default: the environment variables named by {env_note}).",
                    "username, password string",
                    f"withCredential({scheme}, username, password)",
                )
            )
            continue
        view.options.append(
            OptionView(
                f"With{stem}",
                f"sets {_what(s, c)}{suffix} (default: the environment variable named by {env_note}).",
                "value string",
                f"withCredential({scheme}, value)",
            )
        )
        if c.source:
            view.context = True
            view.options.append(
                OptionView(
                    _source_option(stem),
                    f"sets a function that returns the access token{suffix}; it is called for every "
                    f"request, so it can refresh the token. It replaces With{stem}.",
                    "source func(context.Context) (string, error)",
                    f"withTokenSource({scheme}, source)",
                )
            )
    required = [go_string(c.scheme.name) for c in by_scheme.values() if c.required]
    view.required = ", ".join(required)
    return view
