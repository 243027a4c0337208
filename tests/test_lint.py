"""Lint rules: each broken fixture gives exactly the located findings it was written for."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.errors import Finding, Severity, SpecError
from generator.lint import lint
from generator.loading.spec import load_spec

ROOT = Path(__file__).resolve().parent.parent
BROKEN = ROOT / "tests" / "fixtures" / "broken"
SPECS = ROOT / "tests" / "fixtures" / "specs"
PUBLIC = Path(__file__).resolve().parents[2] / "shared" / "specs" / "openai-openapi.yaml"

E, W = Severity.ERROR, Severity.WARNING

# fixture -> [(severity, rule, "line:col", pointer)], in lint() order
EXPECTED: dict[str, list[tuple[Severity, str, str, str]]] = {
    "oas_schema.yaml": [
        (E, "oas-schema", "1:1", ""),
        (E, "oas-schema", "7:15", "/paths/~1items/get/parameters/0/in"),
    ],
    "oas_schema_30.yaml": [(E, "oas-schema", "8:19", "/paths/~1items/get/deprecated")],
    "unsupported_version.yaml": [(E, "oas-schema", "1:10", "/openapi")],
    "missing_version.yaml": [(E, "oas-schema", "1:1", "")],
    "ref_unresolved.yaml": [
        (E, "ref-unresolved", "12:17", "/components/schemas/Pet/properties/owner/$ref"),
        (E, "ref-unresolved", "14:17", "/components/schemas/Pet/properties/tag/$ref"),
    ],
    "ref_remote.yaml": [(E, "ref-remote", "9:13", "/components/schemas/Pet/$ref")],
    "ref_outside.yaml": [(E, "ref-outside", "9:13", "/components/schemas/Pet/$ref")],
    "ref_cycle.yaml": [(E, "ref-cycle", "9:13", "/components/schemas/A/$ref")],
    # $refs where objects and values stand (not schemas): refused the same way, at the ref
    "ref_remote_positions.yaml": [
        (E, "ref-remote", "6:11", "/info/description/$ref"),
        (E, "ref-remote", "10:13", "/paths/~1pets/get/$ref"),
        (E, "ref-remote", "14:13", "/components/securitySchemes/ApiKey/$ref"),
    ],
    "ref_outside_positions.yaml": [
        (E, "ref-outside", "7:11", "/paths/~1pets/$ref"),
        (E, "ref-outside", "12:17", "/paths/~1owners/get/parameters/0/$ref"),
    ],
    "ref_missing_file.yaml": [
        (E, "ref-unresolved", "10:15", "/paths/~1pets/get/description/$ref"),
        (E, "ref-unresolved", "12:17", "/paths/~1pets/get/parameters/0/$ref"),
        (E, "ref-unresolved", "16:17", "/paths/~1pets/get/responses/200/$ref"),
    ],
    "ref_cycle_objects.yaml": [
        (E, "ref-cycle", "17:19", "/paths/~1pets/post/callbacks/created/{$request.query.url}/$ref"),
        (E, "ref-cycle", "21:13", "/components/parameters/A/$ref"),
    ],
    "duplicate_operation_id.yaml": [
        (E, "duplicate-operation-id", "14:20", "/paths/~1animals/get/operationId"),
    ],
    "path_params.yaml": [
        (E, "path-params", "8:7", "/paths/~1pets~1{pet_id}/get"),
        (E, "path-params", "22:11", "/paths/~1owners~1{owner_id}/get/parameters/0"),
        (E, "oas-schema", "43:17", "/components/parameters/ShopId/required"),
        (E, "path-params", "43:17", "/components/parameters/ShopId/required"),
    ],
    "invalid_example.yaml": [
        (E, "invalid-example", "14:20", "/paths/~1sessions/get/parameters/0/example"),
        (
            E,
            "invalid-example",
            "26:34",
            "/paths/~1sessions/get/responses/200/content/application~1json/examples/cancelled/value/ttl_seconds",
        ),
        (E, "invalid-example", "40:21", "/components/schemas/Session/example/expires_at"),
    ],
    "invalid_default.yaml": [
        (E, "invalid-default", "14:20", "/components/schemas/Settings/properties/max_files/default"),
    ],
    "invalid_const.yaml": [(E, "invalid-const", "10:14", "/components/schemas/Kind/const")],
    "invalid_enum_value.yaml": [(E, "invalid-enum-value", "12:11", "/components/schemas/Status/enum/1")],
    "example_unknown_property.yaml": [
        (W, "example-unknown-property", "18:11", "/components/schemas/Session/example/scope"),
        (W, "example-unknown-property", "21:24", "/components/schemas/Session/example/workflow/ttl_seconds"),
    ],
    "invalid_schema.yaml": [
        (E, "invalid-schema", "11:25", "/components/schemas/Rate/exclusiveMinimum"),
        (E, "invalid-schema", "14:13", "/components/schemas/Cursor/type"),
        (E, "invalid-schema", "19:9", "/components/schemas/Pet/properties"),
    ],
    "oneof_overlap.yaml": [
        (E, "oneof-overlap", "13:11", "/components/schemas/StateValue/oneOf/3"),
        (E, "oneof-overlap", "17:11", "/components/schemas/Anything/oneOf/1"),
        (E, "oneof-overlap", "22:11", "/components/schemas/TwoStrings/oneOf/1"),
    ],
    "name_collision.yaml": [
        (W, "name-collision", "14:20", "/paths/~1sessions/post/operationId"),
        (W, "name-collision", "27:11", "/components/schemas/FooBar/properties/max-files"),
        (W, "name-collision", "29:7", "/components/schemas/Foo_Bar"),
    ],
}

# fixtures whose findings are in the files they $ref: [(severity, rule, "file:line:col", pointer)],
# the file relative to tests/fixtures/broken
ELSEWHERE: dict[str, list[tuple[Severity, str, str, str]]] = {
    "ref_elsewhere.yaml": [
        (E, "yaml-syntax", "refs/broken.yaml:3:1", ""),
        (E, "path-params", "refs/pet_path.yaml:4:3", "/get"),
        (E, "oas-schema", "refs/pet_path.yaml:5:14", "/get/deprecatd"),
        (
            E,
            "invalid-example",
            "refs/pet_path.yaml:17:18",
            "/get/responses/200/content/application~1json/example/age",
        ),
    ],
}

# fixtures the loader itself refuses: (rule, "line:col")
LOADER_ERRORS = {
    "duplicate_key.yaml": ("yaml-duplicate-key", "10:7"),
    "invalid_yaml.yaml": ("yaml-syntax", "4:10"),
    "alias_bomb.yaml": ("yaml-too-large", "10:6"),
}


def summary(findings: list[Finding]) -> list[tuple[Severity, str, str, str]]:
    return [(f.severity, f.rule, f"{f.location.line}:{f.location.col}", f.location.pointer) for f in findings]


def lint_file(path: Path) -> list[Finding]:
    return lint(load_spec(path))


def lint_text(tmp_path: Path, text: str, name: str = "openapi.yaml") -> list[Finding]:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return lint_file(path)


def test_every_broken_fixture_is_covered() -> None:
    on_disk = {p.name for p in BROKEN.glob("*.yaml")}
    assert on_disk == set(EXPECTED) | set(ELSEWHERE) | set(LOADER_ERRORS)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_fixture_findings(name: str) -> None:
    findings = lint_file(BROKEN / name)
    assert summary(findings) == EXPECTED[name]
    for f in findings:
        assert f.location.file.endswith(f"tests/fixtures/broken/{name}")
        assert f.message and "\n" not in f.message
        assert f.format().startswith(f"{f.location}: {f.severity.value}: ")


@pytest.mark.parametrize("name", sorted(ELSEWHERE))
def test_findings_in_referenced_files_name_those_files(name: str) -> None:
    findings = lint_file(BROKEN / name)
    located = [
        (
            f.severity,
            f.rule,
            f"{Path(f.location.file).resolve().relative_to(BROKEN).as_posix()}:{f.location.line}:{f.location.col}",
            f.location.pointer,
        )
        for f in findings
    ]
    assert located == ELSEWHERE[name]


@pytest.mark.parametrize("name", sorted(LOADER_ERRORS))
def test_loader_refuses_broken_fixture(name: str) -> None:
    with pytest.raises(SpecError) as info:
        load_spec(BROKEN / name)
    (finding,) = info.value.findings
    rule, where = LOADER_ERRORS[name]
    assert (finding.rule, f"{finding.location.line}:{finding.location.col}") == (rule, where)


def test_messages_name_the_problem() -> None:
    def messages(name: str) -> list[str]:
        return [f.message for f in lint_file(BROKEN / name)]

    assert "'listPets' is already used by GET /pets (line 8)" in messages("duplicate_operation_id.yaml")[0]
    invalid = messages("invalid_example.yaml")
    assert invalid[1] == "example is invalid at $.ttl_seconds: unknown field 'ttl_seconds'"
    assert invalid[2] == "example is invalid at $.expires_at: expected integer, got string"
    assert messages("example_unknown_property.yaml") == [
        "example property $.scope is not declared by Session",
        "example property $.workflow.ttl_seconds is not declared by Workflow",
    ]
    assert "every integer is also a number" in messages("oneof_overlap.yaml")[0]
    assert "'max_files' and 'max-files'" in messages("name_collision.yaml")[1]
    assert "'FooBar' and 'Foo_Bar'" in messages("name_collision.yaml")[2]
    cycle = messages("ref_cycle.yaml")[0]
    assert "#/components/schemas/A -> #/components/schemas/B -> #/components/schemas/A" in cycle
    assert "Node" not in cycle  # the recursive schema next to it is fine


def test_findings_are_deterministic_and_sorted() -> None:
    first = lint_file(BROKEN / "path_params.yaml")
    second = lint_file(BROKEN / "path_params.yaml")
    assert first == second
    assert first == sorted(first, key=lambda f: f.sort_key())


# -- clean specs -----------------------------------------------------------------------------------


def clean_specs() -> list[Path]:
    found = sorted(SPECS.glob("*.yaml")) + sorted(SPECS.glob("*/root.yaml"))
    chatkit = ROOT / "spec" / "chatkit.yaml"
    return found + ([chatkit] if chatkit.exists() else [])


# Fixtures that break a value rule on purpose, to show generation copes: the rules they break.
DELIBERATE = {"enum_values.yaml": {"invalid-enum-value"}}  # enums whose values contradict their type


@pytest.mark.parametrize("path", clean_specs(), ids=lambda p: p.name)
def test_valid_fixture_specs_have_no_errors(path: Path) -> None:
    allowed = DELIBERATE.get(path.name, set())
    errors = [f.format() for f in lint_file(path) if f.severity is Severity.ERROR and f.rule not in allowed]
    assert errors == []
    if allowed:  # and the deliberate breakage is still reported
        assert {f.rule for f in lint_file(path) if f.severity is Severity.ERROR} == allowed


def test_clean_spec_has_no_findings(tmp_path: Path) -> None:
    findings = lint_text(
        tmp_path,
        """\
        openapi: 3.1.0
        info: {title: Clean, version: "1"}
        paths:
          /sessions/{session_id}:
            parameters:
              - name: session_id
                in: path
                required: true
                schema: {type: string}
                example: cksess_1
            get:
              operationId: getSession
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Session"}
                      example: {id: cksess_1, status: active, parent: {id: p, status: expired}}
        components:
          schemas:
            Session:
              type: object
              required: [id]
              properties:
                id: {type: string}
                status: {type: string, enum: [active, expired], default: active}
                parent: {$ref: "#/components/schemas/Session"}
                value:
                  oneOf:
                    - {type: string, format: date-time}
                    - {type: string}
                    - {type: integer}
                    - {type: "null"}
        """,
    )
    assert findings == []


@pytest.mark.parametrize(
    "schema",
    [
        "{type: object, properties: {a: {type: {$ref: 5}}}, example: {a: 1}}",
        "{type: [string, -1.5], default: x}",
        "{oneOf: {a: 1}, example: 1}",
        "{allOf: [null, 3], enum: 5, example: 1}",
        "{items: [1], example: [1]}",
        "{type: string, pattern: '([', example: x}",
    ],
)
def test_malformed_schemas_give_findings_not_tracebacks(tmp_path: Path, schema: str) -> None:
    findings = lint_text(
        tmp_path,
        f"""\
        openapi: 3.1.0
        info: {{title: Malformed, version: "1"}}
        paths: {{}}
        components:
          schemas:
            S: {schema}
        """,
    )
    assert all(f.location.file.endswith("openapi.yaml") for f in findings)


# -- rule details ----------------------------------------------------------------------------------


def test_openapi30_nullable_admits_null(tmp_path: Path) -> None:
    findings = lint_text(
        tmp_path,
        """\
        openapi: 3.0.3
        info: {title: Nullable, version: "1"}
        paths: {}
        components:
          schemas:
            Thing:
              type: object
              properties:
                name: {type: string, nullable: true, default: null}
                size: {type: integer, default: null}
        """,
    )
    size = "/components/schemas/Thing/properties/size/default"
    assert summary(findings) == [(E, "invalid-default", "10:40", size)]


def test_example_refs_and_cross_file_schemas(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "pet.yaml").write_text(
        "Pet:\n  type: object\n  additionalProperties: false\n  properties:\n    name: {type: string}\n",
        encoding="utf-8",
    )
    findings = lint_text(
        tmp_path,
        """\
        openapi: 3.1.0
        info: {title: Multi, version: "1"}
        paths:
          /pets:
            post:
              operationId: addPet
              requestBody:
                content:
                  application/json:
                    schema: {$ref: "schemas/pet.yaml#/Pet"}
                    examples:
                      good: {$ref: "#/components/examples/Good"}
                      bad: {$ref: "#/components/examples/Bad"}
              responses:
                "204": {description: done}
        components:
          examples:
            Good: {value: {name: Rex}}
            Bad: {value: {name: Rex, age: 3}}
        """,
    )
    assert summary(findings) == [(E, "invalid-example", "19:35", "/components/examples/Bad/value/age")]


def test_unknown_property_respects_open_schemas_and_branches(tmp_path: Path) -> None:
    findings = lint_text(
        tmp_path,
        """\
        openapi: 3.1.0
        info: {title: Open, version: "1"}
        paths: {}
        components:
          schemas:
            Map:
              type: object
              properties: {a: {type: string}}
              additionalProperties: {type: integer}
              example: {a: x, b: 1}
            Either:
              anyOf:
                - {type: object, properties: {a: {type: string}}}
                - {type: object, properties: {b: {type: string}}}
                - {type: "null"}
              example: {a: x, b: y, c: z}
            Combined:
              allOf:
                - {type: object, properties: {a: {type: string}}}
                - {type: object, properties: {b: {type: string}}}
              example: {a: x, b: y}
        """,
    )
    pointer = "/components/schemas/Either/example/c"
    assert summary(findings) == [(W, "example-unknown-property", "16:32", pointer)]


def test_vendor_response_examples_are_warnings(tmp_path: Path) -> None:
    findings = lint_text(
        tmp_path,
        """\
        openapi: 3.1.0
        info: {title: Vendor, version: "1"}
        paths:
          /sessions:
            post:
              operationId: createSession
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          id: {type: string}
                          ttl: {type: integer}
              x-oaiMeta:
                examples:
                  response: |
                    {"id": "cksess_1", "ttl": "long", "scope": {"project": "a"}}
        """,
    )
    assert summary(findings) == [
        (W, "example-unknown-property", "19:21", "/paths/~1sessions/post/x-oaiMeta/examples/response"),
        (W, "invalid-example", "19:21", "/paths/~1sessions/post/x-oaiMeta/examples/response"),
    ]
    expected = "x-oaiMeta response example is invalid at $.ttl: expected integer, got string"
    assert findings[1].message == expected


def test_path_params_from_path_item_and_refs_are_fine(tmp_path: Path) -> None:
    findings = lint_text(
        tmp_path,
        """\
        openapi: 3.1.0
        info: {title: Params, version: "1"}
        paths:
          /a/{x}/b/{y}:
            parameters:
              - {$ref: "#/components/parameters/X"}
            get:
              operationId: getB
              parameters:
                - {name: y, in: path, required: true, schema: {type: string}}
              responses:
                "200": {description: OK}
        components:
          parameters:
            X: {name: x, in: path, required: true, schema: {type: string}}
        """,
    )
    assert findings == []


@pytest.mark.parametrize(
    ("branches", "overlaps"),
    [
        ("[{type: integer}, {type: number}]", True),
        ("[{type: integer, format: int32}, {type: number, format: double}]", True),
        ("[{type: string, enum: [a, b]}, {type: string, enum: [b, c]}]", True),
        ("[{type: string, enum: [a]}, {type: string, enum: [b]}]", False),
        ("[{type: [string, 'null']}, {type: object, nullable: true, properties: {}}, {type: 'null'}]", True),
        ("[{type: boolean}, {type: integer, enum: [1]}]", False),
        ("[{type: string}, {type: string, format: byte}]", False),
        ("[{type: object, properties: {a: {}}}, {type: object, properties: {b: {}}}]", False),
        ("[{}, {type: object}]", True),
        ("[{type: string}, {allOf: [{type: string}]}]", False),
    ],
)
def test_oneof_overlap_cases(tmp_path: Path, branches: str, overlaps: bool) -> None:
    text = f"""\
        openapi: 3.1.0
        info: {{title: OneOf, version: "1"}}
        paths: {{}}
        components:
          schemas:
            U:
              oneOf: {branches}
        """
    rules = [f.rule for f in lint_text(tmp_path, text)]
    assert ("oneof-overlap" in rules) is overlaps


def test_operations_that_map_to_the_same_method_are_reported(tmp_path: Path) -> None:
    # The IR's naming rule (generator/ir/grouping.py) makes both things.list.
    findings = lint_text(
        tmp_path,
        """\
        openapi: 3.1.0
        info: {title: Ops, version: "1"}
        paths:
          /v1/things:
            get: {operationId: listThings, responses: {"200": {description: OK}}}
          /v2/things:
            get: {operationId: list_things, responses: {"200": {description: OK}}}
          /c:
            get: {operationId: listThings2, tags: [other], responses: {"200": {description: OK}}}
        """,
    )
    assert summary(findings) == [(W, "name-collision", "7:24", "/paths/~1v2~1things/get/operationId")]


# -- the public OpenAI spec ------------------------------------------------------------------------


@pytest.mark.skipif(not PUBLIC.exists(), reason="the shared public spec is not on this machine")
def test_public_openai_spec() -> None:
    findings = lint_file(PUBLIC)
    overlaps = [f for f in findings if f.rule == "oneof-overlap"]
    assert any("/ChatkitWorkflow/properties/state_variables/" in f.location.pointer for f in overlaps)
    assert all("every integer is also a number" in f.message for f in overlaps)
    cancel = "/paths/~1chatkit~1sessions~1{session_id}~1cancel/post/x-oaiMeta/examples/response"
    unknown = {
        f.message for f in findings if f.rule == "example-unknown-property" and f.location.pointer == cancel
    }
    assert unknown == {
        f"example property $.{key} is not declared by ChatSessionResource"
        for key in ("scope", "ttl_seconds", "cancelled_at")
    }
    assert not [f for f in findings if f.rule == "oas-schema"]


def test_required_read_only_and_write_only_properties_may_be_missing_from_examples(tmp_path: Path) -> None:
    findings = lint_text(
        tmp_path,
        """\
        openapi: 3.1.0
        info: {title: Visibility, version: "1"}
        paths:
          /pets:
            post:
              operationId: createPet
              requestBody:
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/Pet"}
                    example: {name: Rex, password: secret}
              responses:
                "201":
                  description: Created
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Pet"}
                      example: {id: p_1, name: Rex}
                "400":
                  description: Bad
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Pet"}
                      example: {id: p_1}
        components:
          schemas:
            Pet:
              type: object
              required: [id, name, password]
              properties:
                id: {type: string, readOnly: true}
                name: {type: string}
                password: {type: string, writeOnly: true}
        """,
    )
    assert summary(findings) == [
        (E, "invalid-example", "24:24", "/paths/~1pets/post/responses/400/content/application~1json/example"),
    ]
    assert findings[0].message == "example is invalid at $: 'name' is a required property"
