"""Fuzzing the generated ChatKit runtimes' decoders with malformed JSON.

Python: no JSON value, however malformed, makes a model's ``from_dict`` raise anything but the
package's ``ValidationError``; what it accepts encodes (``to_dict``) to JSON that decodes again to
the same value.  Payloads are arbitrary JSON values and mutations of the valid payloads of
tests/vectors/chatkit.json (a value replaced, a key dropped or added, a container wrapped), given to
every model.

Go: the generated ``FuzzDecode`` (templates/go/package/fuzz_test.go.jinja) gives bytes to any type's
decoder and fails on a panic or on an accepted value that does not re-encode stably.  `make test`
runs its seeds (the generated ones plus every vector payload, written as a seed corpus) with
``go test -run FuzzDecode``; `make fuzz` sets ``OASGEN_GO_FUZZTIME`` (e.g. ``60s``) to fuzz for real.

Knobs: ``OASGEN_FUZZ_RUNTIME_EXAMPLES`` (default 300 per property), ``OASGEN_FUZZ_SEED`` (default
derandomized), ``OASGEN_GO_FUZZTIME`` (unset: seeds only).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from sdk_checks import GO_BIN, go_env

ROOT = Path(__file__).resolve().parents[2]
GENERATED_PY = ROOT / "generated" / "python"
GENERATED_GO = ROOT / "generated" / "go"
VECTORS = json.loads((ROOT / "tests" / "vectors" / "chatkit.json").read_text(encoding="utf-8"))["vectors"]
EXAMPLES = int(os.environ.get("OASGEN_FUZZ_RUNTIME_EXAMPLES", "300"))
SEED = os.environ.get("OASGEN_FUZZ_SEED", "")
GO_FUZZTIME = os.environ.get("OASGEN_GO_FUZZTIME", "")

if str(GENERATED_PY) not in sys.path:  # ``import chatkit`` is the generated SDK (as in tests/python)
    sys.path.insert(0, str(GENERATED_PY))

from chatkit import models  # noqa: E402
from chatkit._exceptions import ValidationError  # noqa: E402

MODELS: list[type[Any]] = [
    obj
    for name in models.__all__
    if isinstance(obj := getattr(models, name), type) and hasattr(obj, "from_dict")
]


def _keys(node: object) -> set[str]:
    if isinstance(node, dict):
        return set(node) | {k for v in node.values() for k in _keys(v)}
    if isinstance(node, list):
        return {k for v in node for k in _keys(v)}
    return set()


# Keys the models know make a mutation reach deeper than random text would.
KNOWN_KEYS = sorted(set().union(*(_keys(v["payload"]) for v in VECTORS)))
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0, -1, 2**63, -(2**63) - 1, 1e308, -0.0, 0.5, "", "0", "null", "true"]),
    st.text(max_size=10),
)
KEYS = st.sampled_from(KNOWN_KEYS) | st.text(max_size=6)
ANY_JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=12,
)


def _paths(node: object, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [here]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*here, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*here, i))
    return out


def _replace(node: Any, path: tuple[Any, ...], fn: Any) -> Any:
    if not path:
        return fn(node)
    head, *rest = path
    copy = list(node) if isinstance(node, list) else dict(node)
    result = _replace(copy[head], tuple(rest), fn)
    if result is _DROP:
        del copy[head]
    else:
        copy[head] = result
    return copy


_DROP = object()


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """A valid vector payload with one to three mutations."""
    payload: Any = draw(st.sampled_from([v["payload"] for v in VECTORS if v["valid"]]))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(payload)))
        how = draw(st.sampled_from(["value", "value", "drop", "add", "wrap", "unwrap", "stringify"]))
        if how == "value":
            new = draw(ANY_JSON)
            payload = _replace(payload, path, lambda _old, new=new: new)
        elif how == "drop" and path:
            payload = _replace(payload, path, lambda _old: _DROP)
        elif how == "add":
            key, value = draw(KEYS), draw(ANY_JSON)
            payload = _replace(
                payload, path, lambda old, k=key, v=value: {**old, k: v} if isinstance(old, dict) else old
            )
        elif how == "wrap":
            payload = _replace(payload, path, lambda old: [old])
        elif how == "unwrap":
            payload = _replace(payload, path, lambda old: old[0] if isinstance(old, list) and old else old)
        elif how == "stringify":
            payload = _replace(payload, path, lambda old: json.dumps(old))
    return payload


def fuzz_settings(fn: Any) -> Any:
    fn = settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=not SEED,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )(fn)
    return seed(int(SEED))(fn) if SEED else fn


def decode_or_refuse(model: type[Any], payload: Any) -> None:
    try:
        value = model.from_dict(payload)
    except ValidationError:
        return
    out = value.to_dict()
    text = json.dumps(out, allow_nan=False)
    again = model.from_dict(json.loads(text))
    assert again.to_dict() == out, f"{model.__name__}: {out!r} decodes to {again.to_dict()!r}"
    repr(value)


def test_every_model_is_fuzzed() -> None:
    assert len(MODELS) >= 10 and {"ChatSession", "SessionCreateParams"} <= {m.__name__ for m in MODELS}
    for v in VECTORS:  # the mutations start from payloads the models accept
        if v["valid"]:
            getattr(models, v["schema"]).from_dict(v["payload"])


@fuzz_settings
@given(st.sampled_from(MODELS), ANY_JSON)
def test_any_json_value_is_decoded_or_refused(model: type[Any], payload: Any) -> None:
    decode_or_refuse(model, payload)


@fuzz_settings
@given(st.sampled_from(MODELS), mutated())
def test_mutated_payloads_are_decoded_or_refused(model: type[Any], payload: Any) -> None:
    decode_or_refuse(model, payload)


# -- Go ---------------------------------------------------------------------------------------------------
def _go_seed_file(which: int, payload: object) -> str:
    data = json.dumps(payload, ensure_ascii=False).encode()
    return f"go test fuzz v1\nuint({which})\n[]byte({_go_bytes(data)})\n"


def _go_bytes(data: bytes) -> str:
    """A Go interpreted string literal of arbitrary bytes."""
    out = []
    for b in data:
        ch = chr(b)
        out.append(ch if 0x20 <= b < 0x7F and ch not in '"\\' else f"\\x{b:02x}")
    return '"' + "".join(out) + '"'


@pytest.fixture(scope="module")
def go_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """generated/go copied, with every vector payload (valid or not) as a seed of its type."""
    if not Path(GO_BIN).exists():
        pytest.fail("go is not installed", pytrace=False)
    work = tmp_path_factory.mktemp("go-fuzz") / "go"
    shutil.copytree(GENERATED_GO, work)
    fuzz_src = (work / "fuzz_test.go").read_text(encoding="utf-8")
    order = [
        line.split("new(", 1)[1].split(")", 1)[0] for line in fuzz_src.splitlines() if "return new(" in line
    ]
    corpus = work / "testdata" / "fuzz" / "FuzzDecode"
    corpus.mkdir(parents=True)
    for n, v in enumerate(VECTORS):
        assert v["schema"] in order, f"{v['schema']} is not in fuzz_test.go's types {order}"
        (corpus / f"vector{n:03d}").write_text(_go_seed_file(order.index(v["schema"]), v["payload"]))
    return work


def _go_test(cwd: Path, *args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [GO_BIN, "test", "-count=1", *args, "."],
        cwd=cwd,
        env=go_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _failure(cwd: Path, proc: subprocess.CompletedProcess[str]) -> str:
    found = sorted((cwd / "testdata" / "fuzz" / "FuzzDecode").glob("[0-9a-f]*"))
    inputs = "\n".join(f"{p.name}: {p.read_text()[:2000]}" for p in found)
    return f"{proc.stdout[-6000:]}\n{proc.stderr[-3000:]}\nfailing inputs:\n{inputs}"


def test_go_decoders_survive_the_seed_corpus(go_copy: Path) -> None:
    proc = _go_test(go_copy, "-run", "^FuzzDecode$", "-v", timeout=600)
    assert proc.returncode == 0, _failure(go_copy, proc)
    assert "--- PASS: FuzzDecode" in proc.stdout, proc.stdout[-3000:]
    assert f"FuzzDecode/vector{len(VECTORS) - 1:03d}" in proc.stdout  # the vectors ran as seeds


@pytest.mark.skipif(not GO_FUZZTIME, reason="set OASGEN_GO_FUZZTIME (make fuzz does) to fuzz the Go decoders")
@pytest.mark.timeout(7200)
def test_go_decoders_survive_fuzzing(go_copy: Path) -> None:
    proc = _go_test(go_copy, "-run", "^$", "-fuzz", "^FuzzDecode$", "-fuzztime", GO_FUZZTIME, timeout=7000)
    print(proc.stdout[-1500:])
    assert proc.returncode == 0, _failure(go_copy, proc)
