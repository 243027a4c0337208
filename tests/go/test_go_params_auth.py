"""The Go SDK's parameter styles and security schemes over real HTTP, against the scripted server.

The SDKs of tests/fixtures/specs/param_styles.yaml and security_schemes.yaml are generated into a
temporary folder; a small program (styles_main.go.txt, security_main.go.txt) calls them, and the
requests the server received are checked against the same expectations as the Python SDK's:
the OpenAPI "Style Examples" table (tests/vectors/style_examples.json) and the credentials each
operation must send.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.pipeline import generate
from tests.go.test_go import GO_BIN, go_env
from tests.python.test_security import ALL, EXPECTED, check
from tests.servers.scripted import RecordedRequest, Reply, ScriptedServer

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "tests" / "fixtures" / "specs"
TABLE = [
    tuple(r) for r in json.loads((ROOT / "tests" / "vectors" / "style_examples.json").read_text())["rows"]
]


@pytest.fixture(scope="module", autouse=True)
def _go_available() -> None:
    if not Path(GO_BIN).exists():
        pytest.fail("go is not installed", pytrace=False)


@pytest.fixture
def scripted_server() -> Iterator[ScriptedServer]:
    """A started ScriptedServer; teardown fails on unscripted requests or handler errors."""
    server = ScriptedServer().start()
    try:
        yield server
    finally:
        server.stop()
    assert server.unscripted == 0, f"{server.unscripted} request(s) arrived with no reply scripted"
    assert not server.errors, f"scripted server handler errors: {server.errors}"


def go_program(tmp: Path, spec: Path, package: str, main: str) -> Path:
    """The SDK of ``spec`` as module example.com/<package>, and a program using it."""
    module = f"example.com/{package}"
    files = generate(spec, ["go"], {"go": {"module": module}}).files["go"]
    sdk = tmp / "sdk"
    for rel, text in files.items():
        (sdk / rel).parent.mkdir(parents=True, exist_ok=True)
        (sdk / rel).write_text(text)
    prog = tmp / "prog"
    prog.mkdir()
    (prog / "go.mod").write_text(
        f"module prog\n\ngo 1.22\n\nrequire {module} v0.0.0\n\nreplace {module} => {sdk}\n"
    )
    (prog / "main.go").write_text((Path(__file__).parent / main).read_text())
    return prog


def run(prog: Path, args: list[str], stdin: str = "", env: dict[str, str] | None = None) -> None:
    proc = subprocess.run(
        [GO_BIN, "run", ".", *args],
        cwd=prog,
        env={**go_env(), **(env or {})},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert proc.returncode == 0 and proc.stdout.strip().endswith("OK"), (
        proc.stdout[-3000:] + proc.stderr[-3000:]
    )


def carried(request: RecordedRequest, resource: str, method: str) -> str | None:
    if resource == "path":
        prefix = f"/path/{method.replace('_', '-')}/"
        assert request.url_path.startswith(prefix), request.url_path
        return request.url_path[len(prefix) :]
    if resource == "query":
        return request.path.partition("?")[2]
    return request.header("color" if resource == "header" else "Cookie")


def test_go_style_examples_table(tmp_path: Path, scripted_server: ScriptedServer) -> None:
    prog = go_program(tmp_path, SPECS / "param_styles.yaml", "styles", "styles_main.go.txt")
    scripted_server.script(*[Reply(204)] * (len(TABLE) + 3), Reply(json={"ok": True}))
    run(prog, [scripted_server.url], "".join(f"{r} {m} {k}\n" for r, m, k, _ in TABLE))
    requests = scripted_server.requests
    problems = [
        f"{r}.{m}({k}): sent {got!r}, want {want!r}"
        for (r, m, k, want), request in zip(TABLE, requests, strict=False)
        if (got := carried(request, r, m)) != want
    ]
    assert not problems, "\n".join(problems)
    typed, unset, empty, clash = requests[len(TABLE) :]
    assert typed.url_path == "/typed/7/1.5/true/.1,2"
    assert typed.path.partition("?")[2] == "&".join(
        [
            "when=2024-01-01T00%3A00%3A00Z",
            "kind=small",
            "R=1&G=2&B=3",
            "coords=%7B%22lat%22%3A1.5%2C%22long%22%3A-2%7D",
            "next=https://x.test/a%20b?c=d%26e",
            "api-version=2024-01",
        ]
    )
    assert (typed.header("X-Rate"), typed.header("X-Tags")) == ("5", "a,b c")
    assert typed.header("Cookie") == "session=s%201%3B; prefs=raw=value"
    assert unset.path == "/typed/0/-0.5/false/.3?api-version=2024-01" and unset.header("Cookie") is None
    assert empty.path == "/query/form-explode"
    assert clash.query == [
        ("params", "params"),
        ("query", "query"),
        ("path", "path"),
        ("timeout", "3"),
        ("object", "o"),
        ("response", "response"),
        ("req", "req"),
        ("err", "err"),
        ("opts", "p"),
    ]
    assert (clash.header("headers"), clash.header("Cookie")) == ("headers", "cookies=cookies")


def test_go_security_schemes(tmp_path: Path, scripted_server: ScriptedServer) -> None:
    prog = go_program(tmp_path, SPECS / "security_schemes.yaml", "secured", "security_main.go.txt")
    names = [e[0] for e in EXPECTED]
    scripted_server.script(*[Reply(204)] * (len(names) + 9))
    env = {"SECURED_" + arg.upper(): "" for arg in ALL}
    run(prog, [scripted_server.url, *names], env=env)
    requests = scripted_server.requests
    for (name, headers, query, cookie), request in zip(EXPECTED, requests, strict=False):
        assert request.url_path == "/" + name
        check(request, headers, query, cookie)
    either, optional, public, mtls, header, per_call, env_bearer, t1, t2 = requests[len(names) :]
    check(either, {"Authorization": "Basic dTo="}, "", None)
    for request in (optional, public, mtls):
        check(request, {}, "", None)
    check(header, {"X-API-Key": "k"}, "", None)
    assert [r.header("Authorization") for r in (per_call, env_bearer, t1, t2)] == [
        "Bearer per-call",
        "Bearer from-env",
        "Bearer t1",
        "Bearer t2",
    ]
