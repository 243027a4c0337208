"""The loader: YAML 1.2 scalars, positions, duplicate keys, refs, hostile input."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.errors import Finding, Location, SpecError
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


# -- $ref in any position (tests/fixtures/specs/refs) ------------------------------------------------

REFS = Path(__file__).resolve().parent / "fixtures" / "specs" / "refs"


@pytest.fixture(scope="module")
def refs_spec() -> Spec:
    return load_spec(REFS / "root.yaml")


def where(loc: Location) -> str:
    """``file:line:col`` with the file relative to the refs fixture."""
    return f"{Path(loc.file).resolve().relative_to(REFS).as_posix()}:{loc.line}:{loc.col}"


def test_objects_written_as_refs_are_the_objects_they_point_to(refs_spec: Spec) -> None:
    spec = refs_spec
    # a path item, an operation inside it, a parameter list entry, a response
    pets = spec.node("/paths/~1pets")
    assert (pets.id, where(pets.location)) == ("paths/pets.yaml#", "paths/pets.yaml:1:1")
    get = spec.node("/paths/~1pets/get")
    assert (get.id, where(get.location)) == ("operations/list_pets.yaml#", "operations/list_pets.yaml:1:1")
    assert spec.value(get)["operationId"] == "listPets"
    assert pets.child("get") == get  # navigation and pointers agree
    limit = get.child("parameters", 0)
    assert limit.id == "components/parameters.yaml#/Limit"
    assert where(limit.child("name").location) == "components/parameters.yaml:10:9"
    assert spec.value(limit)["name"] == "limit"
    pet_id = spec.node("/paths/~1pets~1{pet_id}/parameters/0")
    assert pet_id.id == "components/parameters.yaml#/PetId"
    # the site itself is still where the $ref is written
    site = spec.node("/paths/~1pets~1{pet_id}").written("parameters", 0)
    assert where(site.location) == "root.yaml:18:9"
    ok = get.child("responses", "200", "headers", "X-Rate-Limit-Remaining")
    assert ok.id == "components/headers/rate_limit.yaml#"
    example = get.child("responses", "200", "content", "application/json", "examples", "two", "value")
    assert example.id == "components/examples/pets.yaml#/value"
    link = get.child("responses", "200", "links", "first")
    assert spec.value(link)["operationId"] == "getPet"
    callback = spec.node("/paths/~1pets/post/callbacks/adopted")
    assert callback.id == "components/callbacks.yaml#/Adopted"
    scheme = spec.node("/components/securitySchemes/ApiKey")
    assert spec.value(scheme)["name"] == "X-API-Key"


def test_plain_values_from_other_files(refs_spec: Spec) -> None:
    spec = refs_spec
    intro = spec.node("/info/description")
    assert spec.value(intro) == (REFS / "docs" / "intro.md").read_text(encoding="utf-8")
    assert where(intro.location) == "docs/intro.md:1:1"
    assert spec.data["tags"][0]["description"] == "Everything about the pets in the shelter."
    # relative to the file the ref is written in: components/security.yaml -> ../docs/auth.md
    auth = spec.node("/components/securitySchemes/ApiKey/description")
    assert spec.value(auth) == "Send your key in the `X-API-Key` header.\n"
    # a description ref inside a schema is resolved too; the schema's own refs are not
    pet, _ = spec.deref(spec.node("/components/schemas/Pet"))
    assert pet.id == "schemas/pet.yaml#"
    assert spec.value(pet.child("properties", "name", "description")).startswith("The name the shelter")
    assert spec.value(pet.child("properties", "species")) == {"$ref": "./species.yaml"}


def test_keys_beside_a_ref_override_the_target(refs_spec: Spec) -> None:
    created = refs_spec.node("/paths/~1pets/post/responses/201")
    assert where(created.location) == "paths/pets.yaml:12:7"
    assert refs_spec.value(created)["description"] == "The new pet."
    assert where(created.child("description").location) == "paths/pets.yaml:13:20"
    content = created.child("content")
    assert content.id == "components/responses/pet.yaml#/content"
    assert "$ref" not in refs_spec.value(created)


def test_structural_validation_sees_the_resolved_document(refs_spec: Spec) -> None:
    # hundreds of `unknown field '$ref'` before: operations, descriptions and list entries as refs
    findings = [
        f for f in lint(refs_spec) if f.rule.startswith(("ref-", "oas-")) or f.severity.value == "error"
    ]
    assert [(f.severity.value, f.rule, where(f.location), f.location.pointer) for f in findings] == [
        ("warning", "ref-through", "components/parameters.yaml:8:11", "/PetId/schema/$ref"),
        ("warning", "ref-through", "schemas/new_pet.yaml:9:11", "/properties/species/$ref"),
    ]
    assert "runs through the $ref at #/components/schemas/Pet" in findings[0].message
    assert "followed to schemas/pet.yaml#/properties/id" in findings[0].message


def test_pointer_through_a_ref_is_followed(refs_spec: Spec) -> None:
    schema = refs_spec.node("/paths/~1pets~1{pet_id}/parameters/0/schema")
    target, value = refs_spec.deref(schema)
    assert (target.id, value) == (
        "schemas/pet.yaml#/properties/id",
        {"type": "string", "description": "The pet's id."},
    )


def test_pointer_through_an_object_ref_is_the_bundled_path(tmp_path: Path) -> None:
    """Through a $ref resolved in place the pointer names what a bundled document holds: no warning."""
    write(tmp_path / "paths" / "pets.yaml", "get:\n  responses:\n    '200': {description: OK}\n")
    write(tmp_path / "schemas" / "_index.yaml", "Pet: {$ref: ./Pet.yaml}\n")
    write(tmp_path / "schemas" / "Pet.yaml", "type: object\nproperties: {name: {type: string}}\n")
    root = write(
        tmp_path / "openapi.yaml",
        """\
        openapi: 3.1.0
        info: {title: T, version: "1"}
        paths:
          /pets: {$ref: paths/pets.yaml}
          /animals:
            get:
              responses:
                "200": {$ref: "#/paths/~1pets/get/responses/200"}
          /pet:
            get:
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Pet"}
        components:
          schemas: {$ref: schemas/_index.yaml}
        """,
    )
    spec = load_spec(root)
    ok = spec.node("/paths/~1animals/get/responses/200")
    assert ok.id == "paths/pets.yaml#/get/responses/200"
    schema = spec.node("/paths/~1pet/get/responses/200/content/application~1json/schema")
    assert spec.deref(schema)[0].id == "schemas/Pet.yaml#"
    assert spec.node("/components/schemas/Pet").id == "schemas/_index.yaml#/Pet"
    assert lint(spec) == []


def test_ref_cycles_through_objects_are_reported_once() -> None:
    spec = load_spec(BROKEN / "ref_cycle_objects.yaml")
    cycles = sorted(f.message for f in spec.findings if f.rule == "ref-cycle")
    assert len(cycles) == 2
    assert cycles[1].endswith("refers to #/paths/~1pets, which contains it")
    assert spec.unresolved(spec.node("/components/parameters/A").written())


def test_long_chains_of_refs_across_files(tmp_path: Path) -> None:
    for i in range(300):
        nxt = f"$ref: p{i + 1}.yaml\n" if i < 299 else "name: x\nin: query\nschema: {type: string}\n"
        write(tmp_path / "f" / f"p{i}.yaml", nxt)
    root = write(
        tmp_path / "openapi.yaml",
        """\
        openapi: 3.1.0
        info: {title: T, version: "1"}
        paths:
          /a:
            get:
              parameters: [{$ref: f/p0.yaml}]
              responses: {"200": {description: OK}}
        """,
    )
    spec = load_spec(root)
    param = spec.node("/paths/~1a/get/parameters/0")
    assert param.id == "f/p299.yaml#"
    assert lint(spec) == []


def test_a_broken_referenced_file_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    write(tmp_path / "op.yaml", "operationId: x\nresponses: [oops\n")
    root = write(
        tmp_path / "openapi.yaml",
        'openapi: 3.1.0\ninfo: {title: T, version: "1"}\npaths:\n  /a:\n    get: {$ref: op.yaml}\n',
    )
    findings = lint(load_spec(root))
    assert [(f.rule, Path(f.location.file).name, at(f)) for f in findings] == [
        ("yaml-syntax", "op.yaml", "3:1")
    ]


def test_pointer_through_an_alias_cycle_is_an_error_not_a_hang(tmp_path: Path) -> None:
    root = write(
        tmp_path / "openapi.yaml",
        """\
        openapi: 3.1.0
        info: {title: T, version: "1"}
        paths: {}
        components:
          schemas:
            C: {$ref: "#/components/schemas/D"}
            D: {$ref: "#/components/schemas/C"}
            E: {$ref: "#/components/schemas/C/properties/y"}
        """,
    )
    findings = lint(load_spec(root))
    assert [(f.rule, at(f), f.location.pointer) for f in findings] == [
        ("ref-cycle", "6:15", "/components/schemas/C/$ref"),
        ("ref-cycle", "8:15", "/components/schemas/E/$ref"),
    ]
    assert findings[1].message == (
        "$ref '#/components/schemas/C/properties/y' runs through a $ref cycle at #/components/schemas/C"
    )
