"""The credentials a client takes, shared by every SDK target (each spells the words its own way).

One rule, documented in the README ("Authentication"):

* With one scheme that takes a credential, it is named after its kind: ``api key`` (an API key,
  a bearer token or another HTTP scheme), ``access token`` (OAuth2, OpenID Connect), or
  ``username`` + ``password`` (HTTP basic).
* With several, each is named after its scheme (``petstore_auth``; basic adds ``username`` and
  ``password`` to the scheme's words).
* Mutual TLS takes no credential: the client certificate belongs to the user's HTTP client.
* A scheme is *required* when every operation needs it: a client then refuses to be built without
  it; otherwise a call that needs a missing credential fails before sending.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ir.model import Api, AuthScheme
from ..naming import split_words

# Words of the client options every SDK already has: a credential may not take them.
CLIENT_OPTION_WORDS = frozenset(
    {("base", "url"), ("timeout",), ("max", "retries"), ("default", "headers"), ("http", "client")}
)


@dataclass(frozen=True)
class Credential:
    scheme: AuthScheme
    words: tuple[tuple[str, ...], ...]  # one word tuple per value: (("api", "key"),) or user + password
    source: bool  # a token that a callable / token source may supply (OAuth2, OpenID Connect)
    required: bool  # every operation needs it


def required_schemes(api: Api) -> set[str]:
    """Schemes every operation needs (in each of its alternatives); none when there is no operation."""
    need: set[str] | None = None
    for op in api.operations:
        alternatives = api.security_of(op)
        common = set(alternatives[0].schemes) if alternatives else set()
        for r in alternatives[1:]:
            common &= set(r.schemes)
        need = common if need is None else need & common
    return need or set()


def credentials(api: Api) -> list[Credential]:
    schemes = [s for s in api.auth if s.kind != "mutual-tls"]
    required = required_schemes(api)
    taken: set[tuple[str, ...]] = set(CLIENT_OPTION_WORDS)
    out: list[Credential] = []
    for s in schemes:
        if len(schemes) == 1:
            base = {"oauth2": ("access", "token"), "openid": ("access", "token"), "basic": ()}.get(
                s.kind, ("api", "key")
            )
        else:
            base = split_words(s.name) or ("credential",)
        words = base
        n = 1
        while (words in taken and s.kind != "basic") or (
            s.kind == "basic" and {words + ("username",), words + ("password",)} & taken
        ):
            n += 1
            words = base + (str(n),)
        values = (words + ("username",), words + ("password",)) if s.kind == "basic" else (words,)
        taken.update(values)
        out.append(Credential(s, values, s.kind in ("oauth2", "openid"), s.name in required))
    return out
