"""The Go target on the full public OpenAI spec: every operation a method, files per resource (none
over 5,000 lines), gofmt-clean, vets and builds.

Slow (about a minute and a half with a cold Go build cache on an idle machine, mostly compiling the
6 MB of models; several times that on a loaded one): marked ``slow``.  Plus a fast check of the two
things that spec taught the type mapping.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from test_go import GO_BIN, MODULE, run

from generator.pipeline import build, generate
from generator.targets.go.types import TypeMapper
from generator.targets.go.views import Builder, value_reach

PUBLIC = Path(__file__).resolve().parents[3] / "shared/specs/openai-openapi.yaml"
GOFMT = str(Path(GO_BIN).parent / "gofmt")


def write(files: dict[str, str], out: Path) -> None:
    for rel, text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text)


LIMIT = 5000  # lines of any generated Go file


@pytest.mark.slow
@pytest.mark.timeout(1200)
@pytest.mark.skipif(not PUBLIC.exists(), reason=f"the shared public OpenAI spec is not at {PUBLIC}")
def test_full_openai_spec_builds(tmp_path: Path) -> None:
    result = generate(PUBLIC, ["go"], {"go": {"module": MODULE, "package": "openaisdk"}})
    files = result.files["go"]
    write(files, tmp_path)
    _spec, api, _ = build(PUBLIC)
    sources = {name: text for name, text in files.items() if name.endswith(".go")}
    too_long = {name: text.count("\n") for name, text in sources.items() if text.count("\n") > LIMIT}
    assert not too_long, f"files over {LIMIT} lines: {too_long}"
    assert len(sources) > 100 and "models.go" in sources and not any("/" in name for name in sources)
    # One file per resource of the tree: each service type is declared in exactly one file.
    services = [n for n, t in sources.items() if re.search(r"^func new\w+Service\(c \*Client\)", t, re.M)]
    assert len(services) >= len(api.resources)
    # Every service method, across the resource files.
    code = "\n".join(t for n, t in sorted(sources.items()) if not n.endswith("_test.go"))
    methods = re.findall(r"^func \(s \*\w+\) (\w+)\(", code, re.M)
    # Every operation a method, plus a Stream method beside each that also answers with events.
    streams = [op for op in api.operations if op.success is not None and op.success.stream is not None]
    extra = [op for op in streams if op.success is not None and op.success.encoding != "event-stream"]
    assert len(api.operations) > 100 and streams and extra
    # ... and a <Name>AutoPaging method beside each list that pages.
    paged = [op for op in api.operations if op.pagination is not None]
    assert len([m for m in methods if m.endswith("AutoPaging")]) == len(paged) > 0
    assert len(methods) == len(api.operations) + len(extra) + len(paged)
    returns = re.findall(r"^func \(s \*\w+\) \w+\(.*\) \(\*Stream\[.+\], error\) \{$", code, re.M)
    assert len(returns) == len(streams)
    prose = re.sub(r"\n\s*// ", " ", code)  # doc comments unwrapped
    assert "Streaming (text/event-stream) is not supported" not in prose
    # Multipart bodies with an object schema are typed (files are File); others stay raw, said so.
    multipart = [op for op in api.operations if op.body is not None and op.body.encoding == "multipart"]
    raw = prose.count("set ContentType to the writer's")
    assert multipart and raw < len(multipart)
    streamed = [op for op in extra if op in multipart]  # their Stream method builds the form too
    assert code.count("form := newMultipartForm()") == len(multipart) - raw + len(streamed)
    assert re.search(r"^\t\w+ (Opt\[)?File\]?$", code, re.M)
    assert run([GOFMT, "-l", "."], tmp_path) == ""
    run([GO_BIN, "vet", "./..."], tmp_path, timeout=560)
    run([GO_BIN, "build", "./..."], tmp_path, timeout=560)


CONSTRAINTS = textwrap.dedent("""\
    openapi: 3.1.0
    info: {title: Constraints, version: "1"}
    paths: {}
    components:
      schemas:
        Thing:
          type: object
          required: [query, seed]
          properties:
            query:
              description: a string or strings; minItems belongs to the array branch only
              oneOf:
                - type: string
                  minItems: 1
                - type: array
                  minItems: 1
                  minLength: 2
                  items: {type: string}
            seed: {type: integer, minimum: -9223372036854776000, maximum: 9223372036854776000}
            n: {type: integer, minimum: 1, maximum: 128}
    """)


def test_constraints_apply_to_their_own_type_and_fit_int64(tmp_path: Path) -> None:
    spec = tmp_path / "constraints.yaml"
    spec.write_text(CONSTRAINTS)
    _spec, api, _ = build(spec)
    b = Builder(api, "chatkit", MODULE)
    types = TypeMapper(b.models, b.names, b.table, value_reach(api))
    thing = next(m for m in api.models if m.name == ("Thing",))
    seed, n = (types.map(f.type, "X", "", None).decoder for f in thing.fields[1:])
    assert seed == "decodeInt", "bounds beyond int64 hold for every int64"
    assert n == "checked(decodeInt, minimum[int64](1), maximum[int64](128))"
    union = types.map(thing.fields[0].type, "ThingQuery", "", None)
    variants = types.unions[thing.fields[0].type].variants
    assert union.go == "ThingQuery"
    assert [v.decoder for v in variants] == [
        "decodeString",
        "checked(listOf(decodeString), minItems[string](1))",
    ]
    out = tmp_path / "go"
    write(generate(spec, ["go"], {"go": {"module": MODULE}}).files["go"], out)
    run([GO_BIN, "vet", "./..."], out)
