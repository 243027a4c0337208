"""The SDK languages the docs show, each with its snippet builder.

A language plugs in with a function ``(api, sdk options) -> Snippets``; ``Snippets`` gives the call
syntax, a runnable example and the exception class of an error status.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from ...ir.model import Api, Operation


class Snippets(Protocol):
    label: str  # "Python"
    fence: str  # the code block's language, "python"
    api_key_env: str  # the environment variables the SDK reads
    scheme_envs: dict[str, tuple[str, ...]]  # security scheme -> the variables of its credentials
    base_url_env: str
    default_base_url: str

    def setup(self) -> str: ...

    def call(self, op: Operation) -> str: ...

    def snippet(
        self,
        op: Operation,
        body: object | None,
        path_params: Mapping[str, object],
        query: Mapping[str, object] | None = None,
    ) -> str: ...

    def error_class(self, status: str) -> str: ...


@dataclass(frozen=True)
class Language:
    key: str  # the target's name, and the key of its options
    make: Callable[[Api, Mapping[str, Any]], Snippets]


def _python(api: Api, options: Mapping[str, Any]) -> Snippets:
    from ..python.snippets import PythonSnippets

    return PythonSnippets(api, options)


def _go(api: Api, options: Mapping[str, Any]) -> Snippets:
    from ..go.snippets import GoSnippets

    return GoSnippets(api, options)


LANGUAGES: tuple[Language, ...] = (Language("python", _python), Language("go", _go))
