"""Every example in generated/docs runs: Python and curl against Prism, JSON against its schema."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from docs_helpers import GENERATED, REPO, Block, blocks
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from generator.pipeline import build
from generator.targets.docs.names import page_names

SPEC = REPO / "spec" / "chatkit.yaml"
DOCS = GENERATED / "reference"
SPEC_URI = "urn:oasgen:chatkit"
_RESPONSE = re.compile(r"^Response `(\w+)`: ")


@pytest.fixture(scope="module")
def all_blocks() -> list[Block]:
    found = blocks(DOCS)
    assert found, f"no code blocks under {DOCS}: run the docs target first"
    return found


def _env(prism_url: str, tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHATKIT_")}
    env.update(
        CHATKIT_BASE_URL=prism_url,
        CHATKIT_API_KEY="test",
        PYTHONPATH=str(REPO / "generated" / "python"),
        CURL_HOME=str(tmp),  # .curlrc below: print only the status code
    )
    return env


def test_python_snippets_run(prism_url: str, all_blocks: list[Block], tmp_path: Path) -> None:
    snippets = [b for b in all_blocks if b.lang == "python"]
    runnable = [b for b in snippets if b.page.startswith("operations/")]
    assert len(runnable) >= 3, "one per request example of spec/chatkit.yaml (2 create, 1 cancel)"
    for b in snippets:
        proc = subprocess.run(
            [sys.executable, "-c", b.text],
            env=_env(prism_url, tmp_path),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 0, f"{b.page} ({b.heading}) failed:\n{b.text}\n{proc.stderr}"
        if b in runnable:
            assert "ChatSession(" in proc.stdout, f"{b.page}: printed no session:\n{proc.stdout}"


def test_curl_snippets_get_2xx(prism_url: str, all_blocks: list[Block], tmp_path: Path) -> None:
    (tmp_path / ".curlrc").write_text(
        'silent\nshow-error\noutput = "/dev/null"\nwrite-out = "%{http_code}"\n'
    )
    snippets = [b for b in all_blocks if b.lang == "bash"]
    assert len(snippets) >= 3
    for b in snippets:
        assert b.text.startswith("curl "), b.text
        proc = subprocess.run(
            ["bash", "-c", b.text], env=_env(prism_url, tmp_path), capture_output=True, text=True, timeout=60
        )
        assert proc.returncode == 0, f"{b.page}: curl failed:\n{b.text}\n{proc.stderr}"
        assert proc.stdout.startswith("2"), f"{b.page}: HTTP {proc.stdout}:\n{b.text}"


# -- JSON examples against their schemas ------------------------------------------------------------
def _validator(spec: dict[str, Any], pointer: str) -> jsonschema.protocols.Validator:
    registry: Registry[Any] = Registry().with_resource(
        SPEC_URI, Resource.from_contents(spec, default_specification=DRAFT202012)
    )
    return jsonschema.Draft202012Validator({"$ref": f"{SPEC_URI}#{pointer}"}, registry=registry)


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _follow(spec: dict[str, Any], pointer: str) -> str:
    """The pointer of the object at ``pointer``, after its ``$ref`` (responses are shared by $ref)."""
    node: Any = spec
    for part in pointer.split("/")[1:]:
        node = node[part.replace("~1", "/").replace("~0", "~")]
    ref = node.get("$ref") if isinstance(node, dict) else None
    return _follow(spec, ref[1:]) if isinstance(ref, str) else pointer


def schema_pointers() -> tuple[dict[str, dict[str, str]], dict[str, str], dict[str, str]]:
    """Page -> {status: response schema pointer}, page -> request body schema pointer, model page -> id."""
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    _spec, api, _w = build(SPEC)
    pages = page_names(api)
    responses: dict[str, dict[str, str]] = {}
    bodies: dict[str, str] = {}
    for op in api.operations:
        page = pages.operation_path(op.id).removeprefix("")
        base = f"/paths/{_escape(op.path)}/{op.method.lower()}"
        responses[page] = {}
        for r in op.responses:
            if r.content_type:
                at = _follow(spec, f"{base}/responses/{r.status}")
                responses[page][r.status] = f"{at}/content/{_escape(r.content_type)}/schema"
        if op.body is not None:
            bodies[page] = f"{base}/requestBody/content/{_escape(op.body.content_type)}/schema"
    models = {pages.model_path(m.id): m.id.removeprefix("#") for m in api.models}
    return responses, bodies, models


def test_json_examples_match_their_schemas(all_blocks: list[Block]) -> None:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    responses, bodies, models = schema_pointers()
    checked = 0
    for b in all_blocks:
        if b.lang == "json":
            m = _RESPONSE.match(b.heading)
            if b.page in models and b.heading == "Example":
                pointer = models[b.page]
            else:
                assert m is not None, f"{b.page}: a JSON block under an unknown heading {b.heading!r}"
                pointer = responses[b.page][m.group(1)]
            value = json.loads(b.text)
        elif b.lang == "bash" and " -d '" in b.text:
            pointer = bodies[b.page]
            value = json.loads(b.text.split(" -d '", 1)[1].rsplit("'", 1)[0].replace("'\\''", "'"))
        else:
            continue
        errors = [e.message for e in _validator(spec, pointer).iter_errors(value)]
        assert not errors, f"{b.page} ({b.heading}): example does not match {pointer}: {errors}"
        checked += 1
    assert checked >= 2 * 6 + 2, "each operation shows 6 response examples; create has 2 request bodies"


def test_validation_catches_a_wrong_example() -> None:
    """The check above can fail: a session without its required fields is rejected."""
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    responses, _bodies, _models = schema_pointers()
    pointer = responses["operations/sessions-cancel.md"]["200"]
    assert list(_validator(spec, pointer).iter_errors({"id": "x", "status": "paused"}))
