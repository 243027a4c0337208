"""The Perl target's view models: plain dataclasses the templates print (built by :mod:`.views`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...naming import pascal, split_words
from .errors import ErrorClass


def perl_hash(pairs: list[tuple[str, str]]) -> str:
    """``{ key => value, ... }`` of already-rendered Perl values (keys are plain words)."""
    return "{" + ", ".join(f"{k} => {v}" for k, v in pairs) + "}"


def module_file(package: str) -> str:
    return "lib/" + package.replace("::", "/") + ".pm"


@dataclass
class FieldView:
    arg: str
    key: str  # Perl literal of the wire name
    wire: str
    type: str  # descriptor
    required: bool
    secret: bool
    pod_type: str
    doc: str
    note: str
    has_note: str


@dataclass
class ModelView:
    package: str
    file: str
    kind: str  # object / enum / alias
    title: str
    doc: list[str]
    fields: list[FieldView] = field(default_factory=list)
    additional: str | None = None
    constants: list[tuple[str, str, str]] = field(default_factory=list)  # name, literal, doc
    type: str = ""
    example: str | None = None


@dataclass
class ArgView:
    name: str
    pod_type: str
    required: bool
    doc: str
    where: str  # path / query / header / cookie / body


@dataclass
class MethodView:
    name: str
    note: str
    var: str  # the package variable holding the call table
    table: str  # Perl source of the call table
    call: str  # "$client->sessions->cancel($session_id)"
    summary: str
    doc: list[str]
    http: str  # "POST /chatkit/sessions"
    args: list[ArgView]
    returns: str
    kind: str  # call / all / stream
    op_id: str


@dataclass
class ChildView:
    accessor: str
    package: str
    note: str


@dataclass
class ResourceView:
    package: str
    file: str
    chain: str  # "$client->threads->messages"
    children: list[ChildView]
    methods: list[MethodView]


@dataclass
class RefOp:
    http: str
    summary: str
    doc: list[str]
    call: str
    args: list[ArgView]
    returns: str
    example: str | None
    errors: list[tuple[str, str]]  # status, class
    models: list[str]


@dataclass
class RefPage:
    package: str
    file: str
    path: str
    ops: list[RefOp]


@dataclass
class Package:
    ns: str
    version: str
    title: str
    doc: list[str]
    config: str
    base_url_env: str
    default_base_url: str
    env_args: list[tuple[str, str, bool]]  # arg, env, required
    roots: list[ChildView]
    root_methods: list[MethodView]
    models: list[ModelView]
    resources: list[ResourceView]
    references: list[RefPage]
    errors: list[ErrorClass]
    modules: list[str] = field(default_factory=list)  # every package, for the load test
    examples: list[tuple[str, str, str]] = field(default_factory=list)  # Perl label, class, Perl value
    example: str = ""  # one call, for the synopsis


def words_of_path(path: str) -> tuple[str, ...]:
    return split_words(path) or ("root",)


def reference_package(ns: str, path: str) -> str:
    return f"{ns}::Reference::" + (pascal(words_of_path(path)) or "Root")
