"""The loader: YAML 1.2 scalars, positions, duplicate keys, refs, hostile input."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.errors import Finding, SpecError
from generator.lint import lint
from generator.loading.spec import Spec, load_spec
from generator.loading.yaml_source import MAX_BYTES, parse_text

BROKEN = Path(__file__).resolve().parent / "fixtures" / "broken"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def refused(path: Path) -> Finding:
    with pytest.raises(SpecError) as info:
        load_spec(path)
    (finding,) = info.value.findings
    return finding


def at(f: Finding) -> str:
    return f"{f.location.line}:{f.location.col}"


# -- YAML 1.2 scalars ------------------------------------------------------------------------------

SCALARS = """\
responses:
  200:
    description: OK
  "201": {description: Created}
version: 2024-10-01
flags: [on, off, yes, no, y, n]
real: [true, false, True, null, ~, ""]
numbers: [1.0, 1, "1", -2, 0x1F, 0o17, 1e3, .inf, 010]
text: [1_000, 0b101, 12:30, "true"]
"""


def test_yaml12_scalars() -> None:
    data = parse_text(SCALARS, "s.yaml", Path("/tmp/s.yaml")).data
    assert list(data["responses"]) == ["200", "201"]
    assert data["version"] == "2024-10-01"
    assert data["flags"] == ["on", "off", "yes", "no", "y", "n"]
    assert data["real"] == [True, False, True, None, None, ""]
    numbers = data["numbers"]
    assert numbers == [1.0, 1, "1", -2, 31, 15, 1000.0, float("inf"), 10]
    assert [type(n) for n in numbers[:4]] == [float, int, str, int]
    assert data["text"] == ["1_000", "0b101", "12:30", "true"]


def test_positions_of_known_nodes() -> None:
    doc = parse_text(SCALARS, "s.yaml", Path("/tmp/s.yaml"))
    assert str(doc.location("/responses/200/description")) == "s.yaml:3:18"
    assert str(doc.location("/numbers/2")) == "s.yaml:8:19"
    assert doc.location("/flags/3").pointer == "/flags/3"
    # A pointer with no node of its own falls back to its nearest ancestor's position.
    assert str(doc.location("/responses/201/missing")) == "s.yaml:4:10"


def test_duplicate_key_is_located() -> None:
    f = refused(BROKEN / "duplicate_key.yaml")
    pointer = "/components/schemas/Pet/type"
    assert (f.rule, at(f), f.location.pointer) == ("yaml-duplicate-key", "10:7", pointer)
    assert "first defined at line 9" in f.message


def test_invalid_yaml_is_located() -> None:
    f = refused(BROKEN / "invalid_yaml.yaml")
    assert (f.rule, at(f)) == ("yaml-syntax", "4:10")


def test_empty_file(tmp_path: Path) -> None:
    f = refused(write(tmp_path / "empty.yaml", ""))
    assert (f.rule, at(f)) == ("yaml-empty", "1:1")


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("openapi: 3.1.0\ninfo: {title: caf\xe9}\n".encode("latin-1"))
    f = refused(path)
    assert f.rule == "file-encoding"
    assert "not UTF-8" in f.message


def test_missing_file(tmp_path: Path) -> None:
    assert refused(tmp_path / "nope.yaml").rule == "file-read"


def test_alias_bomb_is_refused_before_expanding() -> None:
    f = refused(BROKEN / "alias_bomb.yaml")
    assert (f.rule, at(f), f.location.pointer) == ("yaml-too-large", "10:6", "/x-g")
    assert "alias bomb" in f.message


def test_recursive_alias_is_refused(tmp_path: Path) -> None:
    f = refused(write(tmp_path / "r.yaml", "a: &a [1, *a]\n"))
    assert (f.rule, at(f)) == ("yaml-recursive-alias", "1:4")


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    # libyaml's composer would crash the interpreter on this; the loader must refuse it first.
    f = refused(write(tmp_path / "deep.yaml", "x: " + "[" * 60_000 + "]" * 60_000 + "\n"))
    assert f.rule == "yaml-too-deep"


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    line = "    description: " + "x" * 1000 + "\n"
    with path.open("w", encoding="utf-8") as out:
        out.write("openapi: 3.1.0\ninfo: {title: huge, version: '1'}\npaths: {}\nx-pad:\n  a:\n")
        for _ in range(50 * 1024):
            out.write(line)
    assert path.stat().st_size > 50_000_000 > MAX_BYTES
    f = refused(path)
    assert f.rule == "file-too-large"
    assert "huge.yaml" in f.message and "MB" in f.message


# -- refs ------------------------------------------------------------------------------------------


def multifile(tmp_path: Path) -> Spec:
    write(
        tmp_path / "openapi.yaml",
        """\
        openapi: 3.1.0
        info: {title: Multi, version: "1"}
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema: {$ref: "schemas/pet.yaml#/Pet"}
        components:
          schemas:
            Id: {type: string}
        """,
    )
    write(
        tmp_path / "schemas" / "pet.yaml",
        """\
        Pet:
          type: object
          properties:
            id: {$ref: "../openapi.yaml#/components/schemas/Id"}
            tag: {$ref: "common.yaml#/Tag"}
            kids:
              type: array
              items: {$ref: "#/Pet"}
        """,
    )
    write(tmp_path / "schemas" / "common.yaml", "Tag:\n  type: string\n  example: 7\n")
    return load_spec(tmp_path / "openapi.yaml")


def test_multi_file_refs(tmp_path: Path) -> None:
    spec = multifile(tmp_path)
    schema = spec.node("/paths/~1pets/get/responses/200/content/application~1json/schema")
    pet, value = spec.deref(schema)
    assert pet.id == "schemas/pet.yaml#/Pet"
    assert value["type"] == "object"
    assert str(pet.location).endswith("schemas/pet.yaml:2:3")
    tag, _ = spec.deref(pet.child("properties", "tag"))
    assert tag.id == "schemas/common.yaml#/Tag"
    # a ref back into the root document resolves to the root (no second copy)
    ident, _ = spec.deref(pet.child("properties", "id"))
    assert ident.id == "#/components/schemas/Id"
    assert ident.doc is spec.root


def test_multi_file_lint_locates_findings_in_the_other_file(tmp_path: Path) -> None:
    findings = lint(multifile(tmp_path))
    assert [(f.rule, Path(f.location.file).name, at(f), f.location.pointer) for f in findings] == [
        ("invalid-example", "common.yaml", "3:12", "/Tag/example"),
    ]


@pytest.mark.parametrize(
    ("ref", "rule"),
    [
        ("https://example.com/pet.yaml#/Pet", "ref-remote"),
        ("//example.com/pet.yaml", "ref-remote"),
        ("../outside.yaml#/Pet", "ref-outside"),
        ("/etc/passwd", "ref-outside"),
        ("missing.yaml#/Pet", "ref-unresolved"),
        ("#/components/schemas/Nope", "ref-unresolved"),
        ("#components", "ref-invalid"),
    ],
)
def test_refused_refs_are_located(tmp_path: Path, ref: str, rule: str) -> None:
    (tmp_path / "outside.yaml").write_text("Pet: {type: string}\n", encoding="utf-8")
    root = write(
        tmp_path / "api" / "openapi.yaml",
        f"""\
        openapi: 3.1.0
        info: {{title: Refs, version: "1"}}
        paths: {{}}
        components:
          schemas:
            Pet:
              $ref: "{ref}"
        """,
    )
    spec = load_spec(root)
    with pytest.raises(SpecError) as info:
        spec.deref(spec.node("/components/schemas/Pet"))
    (f,) = info.value.findings
    assert (f.rule, at(f), f.location.pointer) == (rule, "7:13", "/components/schemas/Pet/$ref")
    assert [(x.rule, at(x)) for x in lint(spec)] == [(rule, "7:13")]


def test_alias_cycle_is_reported_and_recursion_is_fine() -> None:
    spec = load_spec(BROKEN / "ref_cycle.yaml")
    with pytest.raises(SpecError) as info:
        spec.deref(spec.node("/components/schemas/A"))
    assert info.value.findings[0].rule == "ref-cycle"
    node, value = spec.deref(spec.node("/components/schemas/Node/properties/children/items"))
    assert node.pointer == "/components/schemas/Node"
    assert value["properties"]["children"]["items"] == {"$ref": "#/components/schemas/Node"}
    assert [f.rule for f in lint(spec)] == ["ref-cycle"]
