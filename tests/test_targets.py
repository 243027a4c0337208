"""The target plug-in contract: registry, declared options, --package, and docs finding SDK targets."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from generator.errors import UsageError
from generator.ir.builder import build_api
from generator.ir.model import Api, Operation
from generator.loading.spec import load_spec
from generator.pipeline import generate
from generator.targets import REGISTRY, all_targets, get, sdk_infos
from generator.targets.contract import Context, Option, SdkInfo, Target

ROOT = Path(__file__).resolve().parent.parent
CHATKIT = ROOT / "spec" / "chatkit.yaml"


def test_every_registered_target_declares_itself() -> None:
    for name in REGISTRY:
        target = get(name)
        assert target.name == name
        assert target.summary
        assert all(o.doc for o in target.options), name
        assert len({o.name for o in target.options}) == len(target.options), name
        assert sum(o.package for o in target.options) <= 1, name
    assert {t.name for t in all_targets() if t.is_sdk} >= {"python", "go"}
    assert not get("docs").is_sdk and get("docs").needs_sdks


def test_unknown_target_and_option_are_usage_errors() -> None:
    with pytest.raises(UsageError, match="unknown target 'cobol'"):
        generate(CHATKIT, ["cobol"], {})
    with pytest.raises(UsageError, match=r"\[tool.oasgen.python\] has no option 'pakage'.*package"):
        generate(CHATKIT, ["python"], {"python": {"pakage": "x"}})
    with pytest.raises(UsageError, match="client_name must be a str, not int 3"):
        generate(CHATKIT, ["python"], {"python": {"client_name": 3}})


def test_defaults_are_filled_in() -> None:
    options = get("python").resolve({"package": "acme"})
    assert options == {"package": "acme", "client_name": "Client", "version": "0.1.0"}


def test_cli_usage_errors_exit_2(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(f'[tool.oasgen]\nspec = "{CHATKIT}"\n[tool.oasgen.go]\nmodul = "x"\n', encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--config", str(config), "--target", "go"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert proc.returncode == 2, proc.stderr
    assert "[tool.oasgen.go] has no option 'modul'" in proc.stderr
    assert not (tmp_path / "generated").exists()


def test_package_flag_reaches_every_target_that_declares_one(tmp_path: Path) -> None:
    cmd = [
        sys.executable,
        "-m",
        "generator",
        "generate",
        "-q",
        "--spec",
        str(CHATKIT),
        "--out",
        str(tmp_path),
    ]
    cmd += ["--package", "acme", "--target", "python", "--target", "go", "--target", "docs"]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "python" / "acme" / "__init__.py").is_file()
    assert "package acme\n" in (tmp_path / "go" / "client.go").read_text(encoding="utf-8")
    page = (tmp_path / "docs" / "reference" / "operations" / "sessions-cancel.md").read_text(encoding="utf-8")
    assert "from acme import Client" in page
    assert "acme.NewClient" in page


class _Shell:
    """A minimal SDK's snippets: enough for the docs to show a third language."""

    label = "Shell"
    fence = "sh"
    api_key_env = "SHELL_KEY"
    scheme_envs: dict[str, tuple[str, ...]] = {"bearerAuth": ("SHELL_KEY",)}
    base_url_env = "SHELL_URL"
    default_base_url = "https://shell.test"

    def __init__(self, api: Api, options: Mapping[str, Any]) -> None:
        self.prefix = str(options["prefix"])

    def setup(self) -> str:
        return f"export {self.api_key_env}=..."

    def call(self, op: Operation) -> str:
        return f"{self.prefix} {op.id}"

    def snippet(
        self,
        op: Operation,
        body: object | None,
        path_params: Mapping[str, object],
        query: Mapping[str, object] | None = None,
    ) -> str:
        return f"{self.prefix} {op.id} {' '.join(map(str, path_params.values()))}"

    def error_class(self, status: str) -> str:
        return f"exit-{status}"


SHELL = Target(
    name="shell",
    summary="a test SDK target that exists only in this test",
    options=(Option("prefix", "shellsdk", "the command name"),),
    generate=lambda ctx: {},
    snippets=_Shell,
)


def test_docs_finds_sdk_targets_through_the_contract() -> None:
    """A target the docs have never heard of shows up in every page, through Context.sdks alone."""
    api, _ = build_api(load_spec(CHATKIT))
    sdks = sdk_infos({}) + (SdkInfo(SHELL, SHELL.resolve({"prefix": "ck"})),)
    docs = get("docs")
    files = docs.generate(Context(api, docs.resolve({}), sdks))
    cancel = files["reference/operations/sessions-cancel.md"]
    assert "| Shell | `ck CancelChatSession` |" in cancel  # the call
    assert "| `ChatKit::Error::NotFound` | `NotFoundError` | `exit-404` |" in cancel
    assert "```sh\nck CancelChatSession cksess_123\n```" in cancel  # the runnable example
    assert "| Python | Go | Perl | TypeScript | Shell |" in files["reference/index.md"]
    only = docs.generate(Context(api, docs.resolve({"languages": ["shell"]}), sdks))
    index = only["reference/index.md"]
    assert "Shell" in index and "Python" not in index and "```go" not in index
