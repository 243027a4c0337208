"""The Go target: generated/go is fresh, gofmt/vet clean, its own tests pass, it round-trips the
shared payload vectors, talks to the Prism mock, and every fixture spec's output compiles and passes.

Go runs offline (GOPROXY=off, GOTOOLCHAIN=local): the generated module uses the standard library only.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.errors import UsageError
from generator.format import FormatError, format_go
from generator.pipeline import build, generate
from generator.targets.go import options_of
from generator.targets.go.names import exported, field_names, method_name, unexported
from generator.targets.go.views import Builder

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "generated" / "go"
SPECS = ROOT / "tests" / "fixtures" / "specs"
VECTORS = ROOT / "tests" / "vectors" / "chatkit.json"
MODULE = "example.com/chatkit"
GO_BIN = shutil.which("go") or "/usr/local/go/bin/go"
# Runtime tests that wait on real timers; the fixture runs skip them (generated/go runs them all).
SLOW = (
    "^(TestRetryAfterHonoured|TestDefaultBackoffOnConnectionError|TestRequestTimeoutIsRetried"
    "|TestServerClosesEveryConnection)$"
)


def go_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(GOFLAGS="-mod=mod", GOTOOLCHAIN="local", GOPROXY="off", GOWORK="off", CGO_ENABLED="0")
    env["PATH"] = f"{Path(GO_BIN).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def run(args: list[str], cwd: Path, stdin: str | None = None, timeout: float = 240) -> str:
    proc = subprocess.run(
        args, cwd=cwd, env=go_env(), input=stdin, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert (
        proc.returncode == 0
    ), f"{' '.join(args)} failed in {cwd}:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    return proc.stdout


def program(tmp: Path, main_go: str) -> Path:
    """A throwaway module importing the generated SDK through a replace directive."""
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "go.mod").write_text(
        f"module oasgencheck\n\ngo 1.22\n\nrequire {MODULE} v0.0.0\n\nreplace {MODULE} => {GENERATED}\n"
    )
    (tmp / "main.go").write_text(main_go)
    return tmp


@pytest.fixture(scope="module", autouse=True)
def _go_available() -> None:
    if not Path(GO_BIN).exists():
        pytest.fail("go is not installed (expected on PATH or at /usr/local/go/bin/go)", pytrace=False)


# -- the golden output ------------------------------------------------------------------------------------
def test_generated_go_is_fresh() -> None:
    result = generate(ROOT / "spec" / "chatkit.yaml", ["go"], {"go": {"module": MODULE}})
    on_disk = {
        p.relative_to(GENERATED).as_posix(): p.read_text() for p in GENERATED.rglob("*") if p.is_file()
    }
    expected = result.files["go"]
    assert sorted(on_disk) == sorted(expected), "run: python -m generator generate --target go"
    stale = [name for name in expected if on_disk[name] != expected[name]]
    assert not stale, f"stale files {stale}; run: python -m generator generate --target go"


def test_gofmt_lists_nothing() -> None:
    assert run([str(Path(GO_BIN).parent / "gofmt"), "-l", "."], GENERATED) == ""


def test_go_vet() -> None:
    run([GO_BIN, "vet", "./..."], GENERATED)


def test_go_test_generated() -> None:
    out = run([GO_BIN, "test", "-count=1", "-v", "./..."], GENERATED)
    passed = [ln for ln in out.splitlines() if ln.startswith("--- PASS")]
    for name in (
        "TestSessionsNew",
        "TestSessionsCancel",
        "TestContextCancelledDuringBackoff",
        "TestPathEscaping",
    ):
        assert any(f" {name} " in ln for ln in passed), f"{name} did not run:\n{out[-3000:]}"
    assert "--- FAIL" not in out


def test_standard_library_only() -> None:
    mod = (GENERATED / "go.mod").read_text()
    assert mod.startswith(f"module {MODULE}\n") and "require" not in mod
    fmt = '{{if not .Standard}}{{.ImportPath}}{{"\\n"}}{{end}}'
    packages = [
        ln for ln in run([GO_BIN, "list", "-deps", "-test", "-f", fmt, "./..."], GENERATED).splitlines() if ln
    ]
    assert packages and all(p.split()[0] in (MODULE, MODULE + ".test") for p in packages), packages


# -- shared payload vectors -------------------------------------------------------------------------------
VECTORS_MAIN = (Path(__file__).parent / "vectors_main.go.txt").read_text()


def same_json(a: object, b: object) -> bool:
    """Equal JSON values with kinds kept apart: true is not 1, 1 is not 1.0, "1" is not 1."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return a.keys() == b.keys() and all(same_json(a[k], b[k]) for k in a)
    if isinstance(a, list):
        assert isinstance(b, list)
        return len(a) == len(b) and all(same_json(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def test_payload_vectors(tmp_path: Path) -> None:
    vectors = json.loads(VECTORS.read_text())["vectors"]
    _spec, api, _ = build(ROOT / "spec" / "chatkit.yaml")
    names = Builder(api, "chatkit", MODULE).build("0").names
    by_schema = {m.id.rsplit("/", 1)[-1]: names[m.id] for m in api.models}
    schemas = sorted({v["schema"] for v in vectors})
    codecs = "\n".join(f'\t"{s}": roundTrip[chatkit.{by_schema[s]}],' for s in schemas)
    src = program(tmp_path / "vectors", VECTORS_MAIN.replace("%CODECS%", codecs))
    results = [
        json.loads(ln) for ln in run([GO_BIN, "run", "."], src, stdin=VECTORS.read_text()).splitlines()
    ]
    assert [r["name"] for r in results] == [v["name"] for v in vectors]
    problems = []
    for v, r in zip(vectors, results, strict=True):
        if v["valid"]:
            if not r["ok"]:
                problems.append(f"{v['name']}: rejected: {r['error']}")
            elif not same_json(json.loads(r["out"]), v["payload"]):
                problems.append(f"{v['name']}: round trip differs:\n  got  {r['out']}\n  want {v['payload']}")
        elif r["ok"]:
            problems.append(f"{v['name']}: accepted, want an error at {v['error_path']!r}")
        elif v["error_path"] and not r["error"].startswith(v["error_path"] + ": "):
            problems.append(f"{v['name']}: error {r['error']!r} is not at {v['error_path']!r}")
        elif not v["error_path"] and not r["error"].startswith("expected "):
            problems.append(f"{v['name']}: error {r['error']!r} is not at the root")
    assert not problems, "\n".join(problems)
    assert sum(v["valid"] for v in vectors) >= 10 and sum(not v["valid"] for v in vectors) >= 10


# -- contract against the Prism mock ----------------------------------------------------------------------
PRISM_MAIN = (Path(__file__).parent / "prism_main.go.txt").read_text()


def test_prism_contract(prism_url: str, tmp_path: Path) -> None:
    src = program(tmp_path / "prism", PRISM_MAIN)
    assert run([GO_BIN, "run", ".", prism_url], src).strip().endswith("OK")


# -- every fixture spec ----------------------------------------------------------------------------------
FIXTURES = sorted(SPECS.glob("*.yaml")) + sorted(SPECS.glob("*/root.yaml"))


@pytest.mark.parametrize("spec", FIXTURES, ids=lambda p: p.relative_to(SPECS).as_posix())
def test_fixture_output_compiles_vets_and_passes(spec: Path, tmp_path: Path) -> None:
    files = generate(spec, ["go"], {"go": {"module": MODULE}}).files["go"]
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    run([GO_BIN, "vet", "./..."], tmp_path)
    run([GO_BIN, "test", "-count=1", "-skip", SLOW, "./..."], tmp_path)


# -- generator units -----------------------------------------------------------------------------------
def test_names() -> None:
    assert exported("max_requests_per_1_minute") == "MaxRequestsPer1Minute"
    assert exported("session_id") == "SessionID" and exported("ids") == "IDs"
    assert exported("api_url") == "APIURL" and exported("X-Request-Id") == "XRequestID"
    assert exported("1st") == "V1St" and exported("") == "Empty" and exported("👍") == "ThumbsUpSign"
    taken: set[str] = set()
    assert [unexported(n, taken) for n in ("session_id", "type", "func", "type", "ctx")] == [
        "sessionID",
        "typeParam",
        "funcParam",
        "typeParam2",
        "ctxParam",
    ]
    assert method_name(("create",)) == "New" and method_name(("retrieve",)) == "Get"
    assert method_name(("replace", "widget")) == "ReplaceWidget"


def test_field_name_clashes_prefer_plain_wire_names() -> None:
    _spec, api, _ = build(SPECS / "collisions.yaml")
    limits = next(m for m in api.models if m.name == ("Upload", "Limits"))
    assert [f.name for f in limits.fields] == ["max-files", "max_files"]
    assert field_names(limits.fields) == ["MaxFiles2", "MaxFiles"]


def test_gofmt_failure_is_a_located_generator_bug() -> None:
    with pytest.raises(FormatError) as info:
        format_go("package x\n\nfunc f() {\n\treturn (\n}\n", "broken.go")
    assert "generator bug: broken.go is not valid Go" in str(info.value)
    assert "return (" in str(info.value)


def test_bad_options_are_usage_errors() -> None:
    assert options_of({}) == (MODULE, "chatkit", "0.1.0")
    assert options_of({"module": "github.com/acme/widgets-sdk"})[1] == "widgetssdk"
    for bad in ({"module": "bad module"}, {"package": "Chat"}, {"package": "func"}):
        with pytest.raises(UsageError):
            options_of(bad)
