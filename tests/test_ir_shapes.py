"""IR facts about schema shapes (beside the golden files): what each shape becomes, and the located
warnings for what cannot be typed exactly.  Small specs are written inline where a fixture would
only repeat one line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.errors import Finding
from generator.ir.builder import build_api
from generator.ir.model import (
    AnyType,
    Api,
    ArrayType,
    Const,
    EnumType,
    MapType,
    Model,
    ModelRef,
    Nullable,
    Primitive,
    Type,
    UnionType,
)
from generator.loading.spec import load_spec

SPECS = Path(__file__).resolve().parent / "fixtures" / "specs"


def build(spec: Path) -> tuple[Api, list[Finding]]:
    return build_api(load_spec(spec))


def schemas_api(tmp_path: Path, schemas: dict[str, Any], version: str = "3.1.0") -> tuple[Api, list[Finding]]:
    doc = {"openapi": version, "info": {"title": "t", "version": "1"}, "paths": {}}
    doc["components"] = {"schemas": schemas}
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    return build(path)


def model(api: Api, name: str) -> Model:
    return api.model(f"#/components/schemas/{name}")


def type_of(api: Api, name: str) -> Type | None:
    return model(api, name).type


def test_enum_values_are_typed_exactly() -> None:
    api, warnings = build(SPECS / "enum_values.yaml")
    assert type_of(api, "WithEmpty") == EnumType("string", ("", "available", "pending"))
    assert type_of(api, "WeightWithEmpty") == EnumType("number", (0, 1, 2))
    assert type_of(api, "Weight") == EnumType("number", (0, 0.5, 1.5, 2))
    assert type_of(api, "NullableColor") == Nullable(EnumType("string", ("red", "green")))
    assert type_of(api, "Toggle") == Primitive("boolean") and type_of(api, "AlwaysOn") == Const(True)
    mixed = type_of(api, "Mixed")
    assert mixed == UnionType(
        (EnumType("string", ("auto",)), EnumType("integer", (1, 2)), Const(True)), "types"
    )
    assert type_of(api, "Duplicates") == EnumType("string", ("", "x"))
    code = type_of(api, "Code")
    assert isinstance(code, EnumType) and code.names[3] == ("not", "found")
    assert code.descriptions[2] == "It worked."
    left_out = [w for w in warnings if w.rule == "enum-value" and "can never validate" in w.message]
    assert [w.location.line for w in left_out] == [49, 125]  # WeightWithEmpty and inline_numbers
    assert all(w.location.file.endswith("enum_values.yaml") for w in warnings)


def test_oneof_of_consts_is_a_named_enum() -> None:
    api, warnings = build(SPECS / "const_unions.yaml")
    speed = type_of(api, "Speed")
    assert speed == EnumType(
        "string",
        ("fast", "slow-and-steady", ""),
        (("fast",), ("slow", "and", "steady"), ("default",)),
        ("As fast as possible.", "Slowly, with fewer retries.", None),
    )
    assert model(api, "Speed").kind == "enum"
    assert type_of(api, "Priority") == Nullable(EnumType("string", ("low", "high")))
    named = type_of(api, "Named")
    assert isinstance(named, EnumType) and named.names == (("ex",), ("why",))
    assert not warnings


def test_consts_of_every_json_type() -> None:
    api, _ = build(SPECS / "consts.yaml")
    assert type_of(api, "Mode") == Const("fast") and type_of(api, "Nothing") == Const(None)
    assert type_of(api, "NullType") == Const(None) and type_of(api, "Ratio") == Const(0.5)
    settings = {f.name: f.type for f in model(api, "Settings").fields}
    assert settings["maybe"] == Nullable(Const(7))  # one const and null: that const, not an enum
    assert isinstance(settings["level"], UnionType)


def test_annotated_allof_is_the_referenced_type() -> None:
    api, warnings = build(SPECS / "allof_annotations.yaml")
    order = {f.name: f for f in model(api, "Order").fields}
    method = "#/components/schemas/PaymentMethod"
    assert (
        order["method"].type == ModelRef(method) and order["method"].description == "How the order is paid."
    )
    assert order["backup_method"].type == Nullable(ModelRef(method))
    assert order["shipping"].type == Nullable(ModelRef("#/components/schemas/Address"))
    assert order["currency"].default is not None and order["currency"].default.value == "EUR"
    assert order["amount"].read_only and order["note"].deprecated
    assert type_of(api, "BillingAddress") == ModelRef("#/components/schemas/Address")
    assert type_of(api, "DefaultMethod") == ModelRef(method)
    assert isinstance(type_of(api, "PaymentMethod"), UnionType)
    assert not any(m.kind == "object" and not m.fields for m in api.models)  # no empty model
    assert not warnings


def test_unions_beside_object_keywords() -> None:
    api, warnings = build(SPECS / "object_shapes.yaml")
    pet = type_of(api, "Pet")
    assert isinstance(pet, UnionType) and pet.discriminator is not None
    named = type_of(api, "NamedPet")
    assert isinstance(named, UnionType)
    variants = [api.model(v.id) for v in named.variants if isinstance(v, ModelRef)]
    assert [[f.name for f in m.fields] for m in variants] == [
        ["name", "kind", "meows"],
        ["name", "kind", "barks"],
    ]
    assert named.discriminator is not None and named.discriminator.mapping == (
        ("cat", "#/components/schemas/NamedPet/oneOf/0"),
        ("dog", "#/components/schemas/NamedPet/oneOf/1"),
    )
    assert model(api, "OneOfRequired").kind == "object"  # a oneOf of required lists constrains
    assert model(api, "Closed").kind == "object" and model(api, "Empty").type == MapType(AnyType())
    assert [w.rule for w in warnings] == ["unsupported-not", "unsupported-not"]
    assert type_of(api, "StringNotEmpty") == Primitive("string")


def test_discriminator_of_merged_variants_points_at_them(tmp_path: Path) -> None:
    cat = {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "cat"}}}
    api, _ = schemas_api(
        tmp_path,
        {
            "Cat": cat,
            "Pet": {
                "type": "object",
                "required": ["name"],
                "properties": {"name": {"type": "string"}},
                "oneOf": [{"$ref": "#/components/schemas/Cat"}],
                "discriminator": {"propertyName": "kind", "mapping": {"cat": "#/components/schemas/Cat"}},
            },
        },
    )
    # one variant: the union is that (merged) model
    assert type_of(api, "Pet") == ModelRef("#/components/schemas/Pet/oneOf/0")


def test_allof_with_a_union_member_distributes(tmp_path: Path) -> None:
    obj = {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}}}
    api, _ = schemas_api(
        tmp_path,
        {
            "A": dict(obj, properties={"kind": {"const": "a"}, "x": {"type": "integer"}}),
            "B": dict(obj, properties={"kind": {"const": "b"}, "y": {"type": "integer"}}),
            "AorB": {"oneOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}]},
            "Tagged": {
                "allOf": [
                    {"$ref": "#/components/schemas/AorB"},
                    {"type": "object", "properties": {"tag": {"type": "string"}}},
                ]
            },
        },
    )
    tagged = type_of(api, "Tagged")
    assert isinstance(tagged, UnionType)
    fields = [[f.name for f in api.model(v.id).fields] for v in tagged.variants if isinstance(v, ModelRef)]
    assert fields == [["tag", "kind", "x"], ["tag", "kind", "y"]]


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "null"}, Const(None)),
        ({"type": ["null"]}, Const(None)),
        ({"const": None}, Const(None)),
        ({"anyOf": [{"type": "null"}]}, Const(None)),
        ({"enum": [None]}, Const(None)),
        ({"type": "number", "enum": [""]}, Primitive("number")),
        (
            {"type": ["string", "integer"], "enum": ["a", 1]},
            UnionType((EnumType("string", ("a",)), EnumType("integer", (1,))), "types"),
        ),
        ({"type": "integer", "enum": [1.0, 2]}, EnumType("integer", (1, 2))),
        ({"enum": [1, 1.0, True]}, UnionType((EnumType("integer", (1,)), Const(True)), "types")),
        (
            {"oneOf": [{"enum": ["a"], "title": "A"}, {"enum": ["b"]}]},
            EnumType("string", ("a", "b"), (("a",), ())),
        ),
        ({"type": "number", "enum": [1.5, float("inf")]}, EnumType("number", (1.5,))),
        ({"const": float("nan")}, Primitive("number")),
        ({"not": {"type": "string"}}, AnyType()),
        ({"allOf": [{"type": "string"}, {"description": "d"}]}, Primitive("string")),
    ],
)
def test_small_shapes(tmp_path: Path, schema: dict[str, Any], expected: Type) -> None:
    api, _ = schemas_api(tmp_path, {"S": schema})
    assert type_of(api, "S") == expected


def test_30_nullable_annotation_and_enum_null(tmp_path: Path) -> None:
    api, warnings = schemas_api(
        tmp_path,
        {
            "E": {"type": "string", "nullable": True, "enum": ["a", None]},
            "F": {"type": "string", "enum": ["a", None]},
            "R": {"allOf": [{"$ref": "#/components/schemas/E"}], "nullable": True},
        },
        version="3.0.3",
    )
    assert type_of(api, "E") == Nullable(EnumType("string", ("a",)))
    assert type_of(api, "F") == Nullable(EnumType("string", ("a",)))
    assert type_of(api, "R") == Nullable(ModelRef("#/components/schemas/E"))
    assert [w.message for w in warnings] == [
        "enum lists null but the schema's type does not allow it; typed as nullable"
    ]


def test_keywords_the_ir_does_not_type_are_warnings(tmp_path: Path) -> None:
    api, warnings = schemas_api(
        tmp_path,
        {
            "T": {"type": "array", "prefixItems": [{"type": "string"}]},
            "O": {"type": "object", "properties": {"a": {"type": "string"}}, "patternProperties": {"^x": {}}},
        },
    )
    assert type_of(api, "T") == ArrayType(AnyType())
    assert [(w.rule, w.message.split("`")[1]) for w in warnings] == [
        ("unsupported-keyword", "prefixItems"),
        ("unsupported-keyword", "patternProperties"),
    ]
    assert all(w.location.file.endswith("spec.yaml") and w.location.line > 1 for w in warnings)
