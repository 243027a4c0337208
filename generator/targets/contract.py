"""The one contract every target plugs in through.

A target is a folder ``generator/targets/<name>/`` (plus ``templates/<name>/``) whose package
defines ``TARGET``, a :class:`Target`, and one line in the registry
(:data:`generator.targets.REGISTRY`).  A target declares:

* its ``name`` (also the key of its ``[tool.oasgen.<name>]`` options table and its output folder);
* its ``options``: each with a default and a one-line doc.  Unknown keys are usage errors, values
  are checked against the default's type, and an option marked ``package=True`` takes the
  ``--package`` flag.  A target checks the values' *meaning* (a valid module name, ...) itself;
* ``generate(context) -> {relative path: text}``: pure, never writes;
* for an SDK target, ``snippets(api, options)``: the provider of the call syntax and runnable
  examples that the docs target shows.  The docs target finds every SDK target through this
  contract (``Context.sdks``), never by name.

Nothing here knows any language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..errors import UsageError
from ..ir.model import Api, Operation

Progress = Callable[[str], None]
Files = dict[str, str]


class Snippets(Protocol):
    """What an SDK target tells the docs about itself (one instance per API and options)."""

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

    def iterate(self, op: Operation) -> str:
        """How to loop over every item of a paginated list operation (``op.pagination``), as code."""
        ...


SnippetProvider = Callable[[Api, Mapping[str, Any]], Snippets]


@dataclass(frozen=True, slots=True)
class Option:
    """One key of a target's options table.

    ``default`` is the value when the key is absent; ``None`` means the target derives it (from the
    spec or from other options).  A non-None default also fixes the value's type.
    """

    name: str
    default: object
    doc: str
    package: bool = False  # the ``--package`` flag sets this option

    def check(self, target: str, value: object) -> object:
        expected = type(self.default) if self.default is not None else None
        if expected is list:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise UsageError(f"[tool.oasgen.{target}] {self.name} must be a list of strings")
            return list(value)
        if expected is not None and (type(value) is not expected):
            raise UsageError(
                f"[tool.oasgen.{target}] {self.name} must be a {expected.__name__}, "
                f"not {type(value).__name__} {value!r}"
            )
        if expected is None and not isinstance(value, (str, list)):
            raise UsageError(f"[tool.oasgen.{target}] {self.name} must be a string, not {value!r}")
        return value


@dataclass(frozen=True, slots=True)
class SdkInfo:
    """An SDK target as another target (docs) sees it: its contract and its resolved options."""

    target: Target
    options: Mapping[str, Any]

    def snippets(self, api: Api) -> Snippets:
        assert self.target.snippets is not None
        return self.target.snippets(api, self.options)


@dataclass(frozen=True, slots=True)
class Context:
    """Everything ``Target.generate`` receives."""

    api: Api
    options: Mapping[str, Any]  # this target's options: checked, defaults filled in
    sdks: tuple[SdkInfo, ...] = ()  # every registered SDK target, in registry order
    progress: Progress = field(default=lambda _msg: None)


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    summary: str  # one line, for `--help` and the README
    options: tuple[Option, ...]
    generate: Callable[[Context], Files]
    snippets: SnippetProvider | None = None  # set by SDK targets
    needs_sdks: bool = False  # the context carries every SDK target (docs)

    @property
    def is_sdk(self) -> bool:
        return self.snippets is not None

    @property
    def package_option(self) -> Option | None:
        """The option the ``--package`` flag sets, if the target has one."""
        return next((o for o in self.options if o.package), None)

    def resolve(self, table: object) -> dict[str, Any]:
        """The target's options from its config table, checked, with defaults filled in."""
        if table is None:
            table = {}
        if not isinstance(table, Mapping):
            raise UsageError(f"[tool.oasgen.{self.name}] must be a table of options")
        known = {o.name: o for o in self.options}
        unknown = sorted(set(table) - set(known))
        if unknown:
            names = ", ".join(sorted(known)) or "none"
            raise UsageError(
                f"[tool.oasgen.{self.name}] has no option {unknown[0]!r}; the {self.name} target's "
                f"options are: {names}"
            )
        out: dict[str, Any] = {}
        for o in self.options:
            if o.name in table:
                out[o.name] = o.check(self.name, table[o.name])
            else:
                out[o.name] = list(o.default) if isinstance(o.default, list) else o.default
        return out
