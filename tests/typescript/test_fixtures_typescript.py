"""Every fixture spec (tests/fixtures/specs) as a TypeScript SDK: one ``tsc`` over all of them (and
the tests that use them), each spec its own test, and one eslint over all of them; then the
pagination, upload and stream tests on the compiled output (``node --test``, against the scripted
``node:http`` server and Prism).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from ts_harness import NODE_TESTS, REPO, eslint, node_test, tsc, tsc_project

from generator.pipeline import generate

SPECS = REPO / "tests" / "fixtures" / "specs"
FIXTURES = {p.stem: p for p in sorted(SPECS.glob("*.yaml"))}
FIXTURES.update({d.name: d / "root.yaml" for d in sorted(SPECS.iterdir()) if (d / "root.yaml").is_file()})
TESTS = ["server.ts", "pagination.test.ts", "uploads.test.ts", "pagination_prism.test.ts"]


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """(the build root, spec name -> its tsc errors) after one tsc over every fixture SDK."""
    root = tmp_path_factory.mktemp("ts-fixtures")
    options = {"typescript": {"package": "fixture", "client_name": "Client"}}
    for name, spec in FIXTURES.items():
        files = generate(spec, ["typescript"], options).files["typescript"]
        for rel, text in files.items():
            path = root / "pkgs" / name / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    (root / "tests").mkdir()
    for t in TESTS:
        shutil.copy(NODE_TESTS / t, root / "tests" / t)
    config = tsc_project(root, ["pkgs/*/src", "tests"], node_types=True, emit=True)
    proc = tsc(config)
    errors: dict[str, list[str]] = {}
    for line in (proc.stdout + proc.stderr).splitlines():
        m = re.match(r"pkgs/([^/]+)/", line)
        errors.setdefault(m.group(1) if m else "", []).append(line)
    assert proc.returncode == 0 or set(errors) - {""}, proc.stdout + proc.stderr
    return root, {k: "\n".join(v) for k, v in errors.items()}


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture_type_checks(compiled: tuple[Path, dict[str, str]], name: str) -> None:
    assert name not in compiled[1], compiled[1][name]


def test_every_fixture_sdk_is_lint_clean(compiled: tuple[Path, dict[str, str]]) -> None:
    """typescript-eslint strict-type-checked over every fixture SDK, in one eslint run."""
    proc = eslint(*sorted((compiled[0] / "pkgs").iterdir()))
    assert proc.returncode == 0, proc.stdout[-12000:] + proc.stderr[-3000:]


def test_the_tests_type_check(compiled: tuple[Path, dict[str, str]]) -> None:
    assert "" not in compiled[1], compiled[1][""]


@pytest.mark.parametrize("name", ["pagination.test.ts", "uploads.test.ts"])
def test_node(compiled: tuple[Path, dict[str, str]], name: str) -> None:
    dist = compiled[0] / "dist"
    proc = node_test([dist / "tests" / name.replace(".ts", ".js")], dist, dict(os.environ))
    assert proc.returncode == 0, proc.stdout[-12000:] + proc.stderr[-4000:]


def test_pagination_against_prism(compiled: tuple[Path, dict[str, str]], prism_pagination_url: str) -> None:
    dist = compiled[0] / "dist"
    env = dict(os.environ, OASGEN_PRISM_URL=prism_pagination_url)
    proc = node_test([dist / "tests" / "pagination_prism.test.js"], dist, env)
    assert proc.returncode == 0, proc.stdout[-12000:] + proc.stderr[-4000:]
