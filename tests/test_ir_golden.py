"""The IR of every valid fixture spec matches its golden JSON; a few IR facts are asserted directly.

Update the goldens with ``OASGEN_UPDATE_GOLDEN=1 pytest tests/test_ir_golden.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.errors import SpecError
from generator.ir.builder import build_api
from generator.ir.model import (
    Api,
    ArrayType,
    Const,
    Field,
    MapType,
    Model,
    ModelRef,
    Nullable,
    Primitive,
    SecurityRequirement,
    UnionType,
)
from generator.loading.spec import load_spec
from generator.targets.ir import render_ir

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "tests" / "fixtures" / "specs"
GOLDEN = ROOT / "tests" / "fixtures" / "golden"
CHATKIT = ROOT / "spec" / "chatkit.yaml"
UPDATE = os.environ.get("OASGEN_UPDATE_GOLDEN") == "1"


def valid_specs() -> list[Path]:
    """Root documents only: the other files of a multi-file fixture are referenced, not specs of their own."""
    return sorted(SPECS.glob("*.yaml")) + sorted(SPECS.glob("*/root.yaml"))


def golden_name(spec: Path) -> str:
    return spec.relative_to(SPECS).as_posix().replace("/", "__") + ".ir.json"


def ir_json(spec: Path) -> str:
    api, _warnings = build_api(load_spec(spec))
    return render_ir(api)


def api_of(spec: Path) -> Api:
    return build_api(load_spec(spec))[0]


def model(api: Api, name: str) -> Model:
    return api.model(f"#/components/schemas/{name}")


def field(m: Model, name: str) -> Field:
    found = [f for f in m.fields if f.name == name]
    assert len(found) == 1, f"{m.id}: fields {[f.name for f in m.fields]}"
    return found[0]


@pytest.mark.parametrize("spec", valid_specs(), ids=lambda p: p.relative_to(SPECS).as_posix())
def test_ir_matches_golden(spec: Path) -> None:
    actual = ir_json(spec)
    path = GOLDEN / golden_name(spec)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.is_file(), f"no golden {path}; run with OASGEN_UPDATE_GOLDEN=1 to create it"
    expected = path.read_text(encoding="utf-8")
    assert (
        actual == expected
    ), f"IR of {spec.name} differs from {path.name}; update with OASGEN_UPDATE_GOLDEN=1"
    json.loads(actual)  # and it is JSON


def test_no_stray_goldens() -> None:
    expected = {golden_name(p) for p in valid_specs()}
    present = {p.name for p in GOLDEN.glob("*.ir.json")}
    assert present == expected


def test_ir_is_independent_of_how_the_path_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = SPECS / "multifile" / "root.yaml"
    monkeypatch.chdir(SPECS)
    assert ir_json(Path("multifile/root.yaml")) == ir_json(spec)


def test_openapi30_normalises_to_the_31_form() -> None:
    assert ir_json(SPECS / "openapi30.yaml") == ir_json(SPECS / "openapi30_as31.yaml")


def test_generated_ir_is_the_chatkit_ir() -> None:
    assert (ROOT / "generated" / "ir" / "api.json").read_text(encoding="utf-8") == ir_json(CHATKIT)


# --- targeted facts about spec/chatkit.yaml -------------------------------------------------------


@pytest.fixture(scope="module")
def chatkit() -> Api:
    return api_of(CHATKIT)


def test_required_nullable_integer(chatkit: Api) -> None:
    f = field(model(chatkit, "ChatSessionFileUpload"), "max_files")
    assert f.required
    assert f.nullable
    assert isinstance(f.type, Nullable)
    assert isinstance(f.type.inner, Primitive) and f.type.inner.kind == "integer"


def test_state_variables_is_a_nullable_map_of_scalars(chatkit: Api) -> None:
    t = field(model(chatkit, "ChatKitWorkflow"), "state_variables").type
    assert isinstance(t, Nullable)
    assert isinstance(t.inner, MapType)
    union = t.inner.values
    assert isinstance(union, UnionType)
    kinds = [v.kind for v in union.variants if isinstance(v, Primitive)]
    assert sorted(kinds) == ["boolean", "number", "string"]
    assert len(union.variants) == 3


def test_const_and_secret_fields(chatkit: Api) -> None:
    session = model(chatkit, "ChatSession")
    assert field(session, "object").type == Const("chatkit.session")
    assert field(session, "client_secret").secret is True
    assert field(session, "id").secret is False
    assert field(session, "workflow").type == ModelRef("#/components/schemas/ChatKitWorkflow")


def test_operations_use_x_oasgen_names_and_const_beta_header(chatkit: Api) -> None:
    ops = {(".".join(o.group), ".".join(o.name)): o for o in chatkit.operations}
    assert sorted(ops) == [("sessions", "cancel"), ("sessions", "create")]
    create, cancel = ops["sessions", "create"], ops["sessions", "cancel"]
    assert (create.method, create.path) == ("POST", "/chatkit/sessions")
    assert (cancel.method, cancel.path) == ("POST", "/chatkit/sessions/{session_id}/cancel")
    for op in (create, cancel):
        beta = [p for p in op.params if p.name == "OpenAI-Beta"]
        assert len(beta) == 1
        assert beta[0].location == "header" and beta[0].required
        assert beta[0].const == Const("chatkit_beta=v1")
    assert [p.name for p in cancel.params if p.location == "path"] == ["session_id"]


# --- targeted facts about the fixtures --------------------------------------------------------------


def test_optional_and_nullable_are_distinct() -> None:
    api = api_of(SPECS / "nullable_optional.yaml")
    combos = {(f.required, f.nullable) for m in api.models for f in m.fields}
    assert combos == {(True, True), (True, False), (False, True), (False, False)}


def test_recursion_is_a_model_ref() -> None:
    api = api_of(SPECS / "recursion.yaml")
    tree = model(api, "TreeNode")
    ref = ModelRef(tree.id)
    assert field(tree, "children").type == ArrayType(ref)
    assert field(tree, "parent").type == Nullable(ref)
    assert field(model(api, "Company"), "ceo").type == ModelRef("#/components/schemas/Person")
    assert field(model(api, "Person"), "employer").type == ModelRef("#/components/schemas/Company")


def test_keywords_keep_their_wire_names() -> None:
    names = [f.name for f in model(api_of(SPECS / "keywords.yaml"), "Type").fields]
    assert names[:5] == ["class", "from", "type", "self", "import"]
    assert "None" in names and "return" in names


def test_colliding_wire_names_are_both_kept() -> None:
    api = api_of(SPECS / "collisions.yaml")
    names = [f.name for m in api.models for f in m.fields]
    assert "max-files" in names and "max_files" in names


def test_openapi30_nullable_becomes_nullable() -> None:
    api = api_of(SPECS / "openapi30.yaml")
    nullables = [f.name for m in api.models for f in m.fields if f.nullable]
    assert nullables, "3.0 nullable: true was not normalised to Nullable"


def test_refs_in_any_position_build_the_same_api_as_inline_objects() -> None:
    api = api_of(SPECS / "refs" / "root.yaml")
    # a component written as a $ref to a file is that file's schema, under the component's name
    pet = api.model("schemas/pet.yaml#")
    assert pet.name == ("Pet",)
    assert [m.name for m in api.models if m.name == ("Pet",)] == [("Pet",)]
    assert field(pet, "name").description == "The name the shelter gave the pet.\n"
    new_pet = api.model("schemas/new_pet.yaml#")
    assert new_pet.name == ("new", "pet")  # named after its file
    ops = {o.id: o for o in api.operations}
    assert sorted(ops) == ["createPet", "deletePet", "getPet", "listPets"]
    listing = ops["listPets"]
    assert listing.location is not None and listing.location.file.endswith("refs/operations/list_pets.yaml")
    assert [(p.name, p.location) for p in listing.params] == [("limit", "query"), ("species", "query")]
    (ok,) = listing.responses
    assert ok.type == ModelRef("schemas/pet_list.yaml#")
    assert ops["getPet"].description == "Only the id of a pet that is still in the shelter is found.\n"
    assert [p.name for p in ops["getPet"].params] == ["pet_id"]  # the path item's, through a $ref
    created = {r.status: r for r in ops["createPet"].responses}
    assert created["201"].description == "The new pet."  # written beside the $ref: it wins
    assert created["201"].type == ModelRef("schemas/pet.yaml#")
    assert created["default"].type == ModelRef("schemas/error.yaml#")
    body = ops["createPet"].body
    assert body is not None and body.required and body.type == ModelRef("schemas/new_pet.yaml#")
    (scheme,) = api.auth
    assert (scheme.name, scheme.kind, scheme.description) == (
        "ApiKey",
        "api-key",
        "Send your key in the `X-API-Key` header.\n",
    )


def test_unusable_discriminator_mapping_entries_fall_back_to_the_variants() -> None:
    api, warnings = build_api(load_spec(SPECS / "discriminator_mapping.yaml"))
    shape = model(api, "Shape").type
    assert isinstance(shape, UnionType) and shape.discriminator is not None
    assert shape.discriminator.mapping == (
        ("circle", "#/components/schemas/Circle"),
        ("square", "#/components/schemas/Square"),  # through a $ref, followed
        ("triangle", "#/components/schemas/Triangle"),  # its own enum value: the entry is broken
    )
    located = [(f.severity.value, f.rule, f.location.line, f.location.pointer) for f in warnings]
    mapping = "/components/schemas/Shape/discriminator/mapping"
    assert located == [
        ("warning", "ref-through", 47, f"{mapping}/square"),
        ("warning", "discriminator-mapping", 49, f"{mapping}/triangle"),
        ("warning", "discriminator-mapping", 51, f"{mapping}/hexagon"),
    ]
    assert "Trigon" in warnings[1].message and "falls back" in warnings[1].message


# --- parameters and security -----------------------------------------------------------------------


def test_params_get_their_location_defaults_once() -> None:
    api = api_of(SPECS / "params_methods.yaml")
    params = {(p.location, p.name): p for op in api.operations for p in op.params}
    assert (params["query", "owner"].style, params["query", "owner"].explode) == ("form", True)
    assert (params["query", "ids"].style, params["query", "ids"].explode) == ("form", False)
    assert (params["header", "X-Request-Id"].style, params["header", "X-Request-Id"].explode) == (
        "simple",
        False,
    )
    assert (params["path", "widget_id"].style, params["path", "widget_id"].explode) == ("simple", False)
    styles = api_of(SPECS / "param_styles.yaml")
    typed = next(op for op in styles.operations if op.id == "getTyped")
    by_name = {p.name: p for p in typed.params}
    assert (by_name["session"].style, by_name["session"].explode) == ("form", True)  # a cookie
    assert by_name["next"].allow_reserved and not by_name["when"].allow_reserved
    assert (
        by_name["coords"].content_type == "application/json" and by_name["prefs"].content_type == "text/plain"
    )
    assert by_name["api-version"].const == Const("2024-01")
    assert (by_name["ids"].style, by_name["ids"].explode) == ("label", False)


def test_security_keeps_alternatives_and_optional_auth() -> None:
    api = api_of(SPECS / "security_schemes.yaml")
    ops = {op.id: op for op in api.operations}
    assert [s.name for s in api.auth] == [
        "api_key", "query_key", "cookie_key", "basic", "bearer", "dsn", "oauth", "oidc", "mtls"
    ]  # fmt: skip
    assert api.security == (SecurityRequirement(("api_key",)),)
    assert ops["default"].security is None and api.security_of(ops["default"]) == api.security
    assert ops["either"].security == (SecurityRequirement(("bearer",)), SecurityRequirement(("basic",)))
    assert ops["both"].security == (SecurityRequirement(("api_key", "query_key")),)
    assert ops["optional"].security == (SecurityRequirement(()), SecurityRequirement(("bearer",)))
    assert ops["public"].security == () and api.security_of(ops["public"]) == ()
    assert ops["oauth"].security == (SecurityRequirement(("oauth",), (("oauth", ("read",)),)),)
    kinds = {s.name: (s.kind, s.param_in, s.param_name, s.scheme) for s in api.auth}
    assert kinds["query_key"] == ("api-key", "query", "api key", None)
    assert kinds["dsn"] == ("http", None, None, "DSN")
    assert kinds["mtls"][0] == "mutual-tls" and kinds["oidc"][0] == "openid"


def _api_and_warnings(tmp_path: Path, text: str) -> tuple[Api, list[str]]:
    spec = tmp_path / "spec.yaml"
    spec.write_text(text)
    api, warnings = build_api(load_spec(spec))
    return api, [f"{w.rule} {w.location.line}" for w in warnings]


def test_undefined_schemes_and_undeclared_security_degrade_with_warnings(tmp_path: Path) -> None:
    head = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"
    op = "paths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n"
    api, warnings = _api_and_warnings(tmp_path, head + "security: [{nope: []}, {}]\n" + op)
    assert api.security == (SecurityRequirement(()),) and api.auth == ()
    assert warnings == ["security-unknown-scheme 3"]
    schemes = "components:\n  securitySchemes:\n    k: {type: apiKey, in: header, name: X-K}\n"
    api, warnings = _api_and_warnings(tmp_path, head + op + schemes)
    assert api.security == (SecurityRequirement(("k",)), SecurityRequirement(()))
    assert [s.name for s in api.auth] == ["k"] and warnings == ["security-undeclared 9"]


def test_a_style_the_location_lacks_is_a_located_error(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n"
        "      parameters:\n        - {name: q, in: header, style: form, schema: {type: string}}\n"
        "      responses: {'200': {description: ok}}\n"
    )
    with pytest.raises(SpecError) as info:
        build_api(load_spec(spec))
    [finding] = info.value.findings
    assert finding.rule == "param-style" and finding.location.line == 7
