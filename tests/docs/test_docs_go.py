"""Every Go example in generated/docs is a complete program: it vets, builds against generated/go and
runs against the Prism mock (exit 0, the result's id printed)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from docs_helpers import GENERATED, REPO, Block, blocks

from generator.pipeline import build
from generator.targets.go.snippets import GoSnippets

DOCS = GENERATED / "reference"
MODULE = "example.com/chatkit"
GO = shutil.which("go") or "/usr/local/go/bin/go"


def go_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHATKIT_")}
    env.update(GOFLAGS="-mod=mod", GOTOOLCHAIN="local", GOPROXY="off", GOWORK="off", CGO_ENABLED="0")
    env.update(extra)
    return env


def go(args: list[str], cwd: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [GO, *args], cwd=cwd, env=go_env(**extra), capture_output=True, text=True, timeout=240, check=False
    )


@pytest.fixture(scope="module")
def go_blocks() -> list[Block]:
    if not Path(GO).exists():
        pytest.fail("go is not installed (expected on PATH or at /usr/local/go/bin/go)", pytrace=False)
    found = [b for b in blocks(DOCS) if b.lang == "go"]
    assert found, f"no Go blocks under {DOCS}: run the docs target first"
    return found


@pytest.fixture(scope="module")
def programs(go_blocks: list[Block], tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Block]:
    """One module, one command per complete program; vetted and built once."""
    root = tmp_path_factory.mktemp("gosnippets")
    sdk = REPO / "generated" / "go"
    (root / "go.mod").write_text(
        f"module snippets\n\ngo 1.22\n\nrequire {MODULE} v0.0.0\n\nreplace {MODULE} => {sdk}\n"
    )
    built: dict[Path, Block] = {}
    for i, b in enumerate(b for b in go_blocks if b.text.startswith("package main")):
        (root / f"ex{i}").mkdir()
        (root / f"ex{i}" / "main.go").write_text(b.text + "\n")
        built[root / "bin" / f"ex{i}"] = b
    vet = go(["vet", "./..."], root)
    assert vet.returncode == 0, f"go vet failed:\n{vet.stderr[-4000:]}"
    (root / "bin").mkdir()
    out = go(["build", "-o", str(root / "bin") + "/", "./..."], root)
    assert out.returncode == 0, f"go build failed:\n{out.stderr[-4000:]}"
    return built


def test_every_operation_example_is_a_program(go_blocks: list[Block], programs: dict[Path, Block]) -> None:
    pages = {b.page for b in programs.values()}
    assert {"operations/sessions-create.md", "operations/sessions-cancel.md"} <= pages
    examples = [b for b in programs.values() if b.page.startswith("operations/")]
    assert len(examples) >= 3, "one per request example of spec/chatkit.yaml (2 create, 1 cancel)"
    for b in examples:
        assert "chatkit.NewClient()" in b.text and "fmt.Println(result.ID)" in b.text, b.text
    setups = [b for b in go_blocks if not b.text.startswith("package main")]
    assert setups and all("chatkit.NewClient()" in b.text for b in setups)


def test_go_examples_run_against_prism(prism_url: str, programs: dict[Path, Block]) -> None:
    env = go_env(CHATKIT_BASE_URL=prism_url, CHATKIT_API_KEY="test")
    for binary, b in programs.items():
        proc = subprocess.run([str(binary)], env=env, capture_output=True, text=True, timeout=60, check=False)
        assert proc.returncode == 0, f"{b.page} ({b.heading}) failed:\n{b.text}\n{proc.stderr}"
        assert proc.stdout.strip(), f"{b.page}: printed nothing"


def test_go_example_without_a_key_fails(programs: dict[Path, Block]) -> None:
    """The runs above can fail: without CHATKIT_API_KEY the program exits non-zero, naming the variable."""
    binary = next(iter(programs))
    proc = subprocess.run(
        [str(binary)], env=go_env(), capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode != 0 and "CHATKIT_API_KEY" in proc.stderr


def test_go_calls_use_the_sdk_names() -> None:
    _spec, api, _ = build(REPO / "spec" / "chatkit.yaml")
    go_docs = GoSnippets(api, {"module": MODULE})
    ops = {op.id: op for op in api.operations}
    calls = sorted(go_docs.call(op) for op in ops.values())
    assert calls == [
        "client.Sessions.Cancel(ctx, sessionID)",
        "client.Sessions.New(ctx, chatkit.SessionNewParams{...})",
    ]
    cancel = next(op for op in ops.values() if op.name == ("cancel",))
    text = go_docs.snippet(cancel, None, {"session_id": "cksess_123"})
    assert 'client.Sessions.Cancel(context.Background(), "cksess_123")' in text
    assert go_docs.error_class("404") == "*chatkit.Error (StatusCode 404)"
    assert go_docs.error_class("default") == "*chatkit.Error"
