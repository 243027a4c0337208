"""The package layout: which module each model goes to, and lazy loading from the package root."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.targets.python import layout
from generator.targets.python.layout import OTHER, SHARED, Definition, assign

GENERATED = Path(__file__).resolve().parents[2] / "generated" / "python"


def defs(refs: dict[str, list[str]], weight: int = 10) -> dict[str, Definition]:
    return {name: Definition(name, frozenset(r), weight) for name, r in refs.items()}


def test_one_user_shared_and_unused() -> None:
    d = defs({"A": ["B"], "B": ["S"], "S": [], "C": ["S"], "U": ["A"]})
    modules, owners = assign(d, {"alpha": ["A"], "gamma": ["C"]})
    assert modules == {"A": "alpha", "B": "alpha", "S": SHARED, "C": "gamma", "U": OTHER}
    assert owners == {"alpha": "alpha", "gamma": "gamma", SHARED: SHARED, OTHER: OTHER}


def _module_graph(d: dict[str, Definition], modules: dict[str, str]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name, definition in d.items():
        graph.setdefault(modules[name], set()).update(
            modules[r] for r in definition.refs if modules[r] != modules[name]
        )
    return graph


def _acyclic(graph: dict[str, set[str]]) -> bool:
    done: set[str] = set()
    active: set[str] = set()

    def visit(node: str) -> bool:
        if node in active:
            return False
        if node in done:
            return True
        active.add(node)
        ok = all(visit(n) for n in graph.get(node, ()))
        active.discard(node)
        done.add(node)
        return ok

    return all(visit(n) for n in graph)


def test_large_groups_split_along_components_without_cycles() -> None:
    # 60 shared models of 100 lines: a chain, with a two-model cycle in the middle.
    refs = {f"M{i}": [f"M{i + 1}"] for i in range(59)} | {"M59": []}
    refs["M31"] = ["M30", "M32"]  # M30 <-> M31
    d = defs(refs, weight=100)
    modules, owners = assign(d, {"a": ["M0"], "b": ["M0"]})
    parts = sorted(set(modules.values()))
    assert len(parts) == 3 and all(owners[p] == SHARED for p in parts)
    assert modules["M30"] == modules["M31"]  # a cycle stays in one module
    assert _acyclic(_module_graph(d, modules))
    for part in parts:
        assert sum(d[n].weight for n in d if modules[n] == part) <= layout.BUDGET


def test_assignment_is_stable_under_a_new_unrelated_model() -> None:
    d = defs({"A": ["S"], "S": [], "C": ["S"]})
    before, _ = assign(d, {"a": ["A"], "c": ["C"]})
    after, _ = assign(d | defs({"N": []}), {"a": ["A"], "c": ["C"], "n": ["N"]})
    assert {k: after[k] for k in before} == before and after["N"] == "n"


def _fresh(code: str) -> str:
    proc = subprocess.run([sys.executable, "-c", code], cwd=GENERATED, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout.strip()


def test_import_and_client_import_no_model_resource_or_httpx() -> None:
    code = (
        "import sys, chatkit\n"
        "chatkit.ChatKit(api_key='k'); chatkit.AsyncChatKit(api_key='k')\n"
        "print(' '.join(m for m in sorted(sys.modules) if m.startswith(('chatkit.', 'httpx'))))"
    )
    loaded = _fresh(code).split()
    assert loaded and not [m for m in loaded if m.startswith(("chatkit.types", "chatkit.resources", "httpx"))]


def test_first_use_of_a_resource_imports_its_modules() -> None:
    code = (
        "import sys, chatkit\n"
        "client = chatkit.ChatKit(api_key='k'); client.sessions\n"
        "print(' '.join(m for m in sorted(sys.modules) if m.startswith('chatkit.')))"
    )
    loaded = set(_fresh(code).split())
    assert {"chatkit.resources.sessions", "chatkit.types.sessions"} <= loaded
    assert "chatkit.types._other" not in loaded  # ErrorResponse: no operation parses it


@pytest.mark.parametrize("stmt", ["from chatkit import ChatSession", "import chatkit; chatkit.ChatSession"])
def test_a_model_from_the_root_loads_only_its_module(stmt: str) -> None:
    listing = "print(' '.join(m for m in sorted(sys.modules) if m.startswith('chatkit.types')))"
    code = f"import sys\n{stmt}\n{listing}"
    assert _fresh(code).split() == ["chatkit.types", "chatkit.types.sessions"]


def test_every_public_name_from_the_root() -> None:
    import chatkit
    import chatkit.types

    names = set(chatkit.__all__)
    assert {"ChatKit", "ChatSession", "ChatSessionStatus", "ErrorResponse", "NotGiven"} <= names
    for name in names:
        assert getattr(chatkit, name) is not None
    assert names <= set(dir(chatkit))
    assert chatkit.ChatSession is chatkit.types.ChatSession is chatkit.types.sessions.ChatSession
    namespace: dict[str, object] = {}
    exec("from chatkit import *", namespace)
    assert names <= set(namespace)
    with pytest.raises(AttributeError, match="has no attribute 'Nope'"):
        chatkit.Nope  # noqa: B018
    with pytest.raises(ImportError):
        exec("from chatkit import Nope", {})
