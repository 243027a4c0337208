"""Schema shapes in the generated Python models: consts of every JSON type, enums of every kind,
oneOf-of-const enums, objects with nothing or only optional members, unions beside object keywords,
annotated allOf.  The SDKs are generated from the fixture specs into a temporary folder.

Every root model round-trips random payloads drawn from the IR (tests/payloads.py: the same draws
the Go test uses), under hypothesis too; the targeted tests check what a user of each shape sees.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.ir.builder import build_api
from generator.ir.model import Api
from generator.loading.spec import load_spec
from tests.payloads import Payloads, dumps, same_json
from tests.python.conftest import generated_sdk

SPECS = Path(__file__).resolve().parents[1] / "fixtures" / "specs"
# fixture -> the root object model that reaches every other schema of the spec
ROOTS = {
    "consts": "Settings",
    "enum_values": "Palette",
    "const_unions": "Job",
    "object_shapes": "Thing",
    "allof_annotations": "Order",
}
DRAWS = 150


@pytest.fixture(scope="module")
def sdks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, ModuleType]]:
    base = tmp_path_factory.mktemp("shapes_sdk")
    with ExitStack() as stack:
        yield {
            name: stack.enter_context(
                generated_sdk(SPECS / f"{name}.yaml", base / name, f"sh_{name}", "Shapes")
            )
            for name in ROOTS
        }


def api_of(name: str) -> Api:
    return build_api(load_spec(SPECS / f"{name}.yaml"))[0]


APIS = {name: api_of(name) for name in ROOTS}


def root_id(name: str) -> str:
    return f"#/components/schemas/{ROOTS[name]}"


def round_trip(sdk: ModuleType, name: str, payload: Any) -> None:
    cls = getattr(sdk, ROOTS[name])
    parsed = cls.from_dict(payload)
    out = parsed.to_dict()
    assert same_json(out, payload), f"\n got  {dumps(out)}\n want {dumps(payload)}"
    assert cls.from_dict(out) == parsed


@pytest.mark.parametrize("name", ROOTS)
def test_random_payloads_round_trip(sdks: dict[str, ModuleType], name: str) -> None:
    for seed in range(DRAWS):
        payload = Payloads(APIS[name], random.Random(seed)).model(root_id(name))
        round_trip(sdks[name], name, payload)


@pytest.mark.parametrize("name", ROOTS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rng=st.randoms(use_true_random=False))
def test_round_trip_property(sdks: dict[str, ModuleType], name: str, rng: random.Random) -> None:
    round_trip(sdks[name], name, Payloads(APIS[name], rng).model(root_id(name)))


def error_of(cls: Any, payload: Any) -> tuple[str, str]:
    errors = cls.__module__.split(".")[0]
    with pytest.raises(Exception) as info:
        cls.from_dict(payload)
    assert type(info.value).__name__ == "ValidationError" and type(info.value).__module__.startswith(errors)
    return info.value.path, info.value.message  # type: ignore[attr-defined]


# -- const --------------------------------------------------------------------------------------------------
SETTINGS = {
    "object": "settings",
    "version": 2,
    "ratio": 0.25,
    "strict": False,
    "empty": None,
    "origin": {"x": 1, "y": [2, 3]},
    "pair": ["a", 1, True],
    "mode": "fast",
}


def test_constructor_fills_every_const(sdks: dict[str, ModuleType]) -> None:
    sdk = sdks["consts"]
    built = sdk.Settings(mode="fast")
    assert built.to_dict() == dict(SETTINGS, nothing=None, quotes="say \"hi\" 'there'")
    assert sdk.Settings.from_dict(SETTINGS).to_dict() == SETTINGS  # an absent optional const stays absent


@pytest.mark.parametrize(
    ("key", "bad"),
    [
        ("object", "other"),
        ("version", 2.5),
        ("version", True),
        ("strict", 0),
        ("empty", 0),
        ("origin", {"x": 1, "y": [2, True]}),
        ("origin", {"x": 1}),
        ("pair", ["a", 1]),
        ("mode", "slow"),
        ("null_type", False),
        ("named_origin", {"x": 0, "y": 0}),
    ],
)
def test_a_wrong_const_is_rejected_at_its_path(sdks: dict[str, ModuleType], key: str, bad: Any) -> None:
    path, message = error_of(sdks["consts"].Settings, dict(SETTINGS, **{key: bad}))
    assert path == key and message.startswith("expected "), message


def test_object_and_array_consts_are_never_shared(sdks: dict[str, ModuleType]) -> None:
    sdk = sdks["consts"]
    first, second = sdk.Settings(mode="fast"), sdk.Settings(mode="fast")
    assert first.origin == second.origin and first.origin is not second.origin
    parsed = sdk.Settings.from_dict(SETTINGS)
    parsed.origin["x"] = 99
    assert sdk.Settings.from_dict(SETTINGS).origin == {"x": 1, "y": [2, 3]}
    assert sdk.Settings(mode="fast").origin == {"x": 1, "y": [2, 3]}


def test_top_level_consts_are_aliases(sdks: dict[str, ModuleType]) -> None:
    sdk = sdks["consts"]
    assert sdk.Mode == 'Literal["fast"]' and sdk.Nothing == "None" and sdk.Origin == "dict[str, Any]"


# -- enum ---------------------------------------------------------------------------------------------------
PALETTE = {"single": "only", "with_empty": "", "weight": 0, "code": 404}


def test_enum_values_of_every_kind(sdks: dict[str, ModuleType]) -> None:
    sdk = sdks["enum_values"]
    p = sdk.Palette.from_dict(
        dict(
            PALETTE,
            only_empty="",
            color=None,
            weight_with_empty=2.5,
            toggle=False,
            always_on=True,
            mixed=7,
            mixed_nullable=None,
            untyped_numbers=1,
            objects=[1, 2],
            duplicates="",
            inline_empty="+",
            inline_numbers=3,
        )
    )
    assert p.with_empty is sdk.WithEmpty.EMPTY and p.only_empty is sdk.OnlyEmpty.EMPTY
    assert p.weight is sdk.Weight.V0 and p.weight == 0
    assert not p.weight_with_empty.is_known and p.weight_with_empty == 2.5
    assert p.code is sdk.Code.NOT_FOUND and p.code == 404
    assert p.toggle is False and p.always_on is True and p.objects == [1, 2]
    assert p.mixed == 7 and not p.mixed.is_known and p.mixed_nullable is None
    assert p.untyped_numbers is sdk.UntypedNumbers.V1
    assert [m.value for m in sdk.Duplicates] == ["", "x"]
    assert [m.name for m in sdk.PaletteInlineEmpty] == ["EMPTY", "HYPHEN_MINUS", "PLUS_SIGN"]


def test_member_names_come_from_the_spec(sdks: dict[str, ModuleType]) -> None:
    sdk = sdks["enum_values"]
    assert [(m.name, m.value) for m in sdk.Code] == [
        ("UNKNOWN", -1),
        ("ZERO", 0),
        ("OK", 200),
        ("NOT_FOUND", 404),
    ]
    assert [m.name for m in sdk.Severity] == ["LOW_PRIORITY", "HIGH_PRIORITY"]
    assert [m.name for m in sdk.PaletteInlineNamed] == ["ALPHA", "BETA"]


@pytest.mark.parametrize(
    ("key", "bad"),
    [
        ("weight_with_empty", ""),  # "" can never be a number: it is not one of its values
        ("weight", "0"),
        ("weight", True),
        ("code", 1.5),
        ("always_on", False),
        ("mixed", False),
        ("mixed", 1.5),
        ("objects", {"a": 2}),
        ("color", 3),
        ("single", None),
    ],
)
def test_a_value_of_the_wrong_kind_is_rejected(sdks: dict[str, ModuleType], key: str, bad: Any) -> None:
    path, message = error_of(sdks["enum_values"].Palette, dict(PALETTE, **{key: bad}))
    assert path == key and message.startswith("expected "), message


def test_oneof_of_consts_is_a_named_enum(sdks: dict[str, ModuleType]) -> None:
    sdk = sdks["const_unions"]
    assert [(m.name, m.value) for m in sdk.Speed] == [
        ("FAST", "fast"),
        ("SLOW_AND_STEADY", "slow-and-steady"),
        ("DEFAULT", ""),
    ]
    assert [m.name for m in sdk.Retries] == ["NONE", "A_FEW", "MANY"]
    assert [m.name for m in sdk.Named] == ["EX", "WHY"] and [m.name for m in sdk.JobUnit] == [
        "SECONDS",
        "MILLISECONDS",
    ]
    job = sdk.Job.from_dict(
        {"speed": "", "status": "paused", "priority": None, "choice": 1, "units": ["kb", "gb"], "retries": 3}
    )
    assert job.speed is sdk.Speed.DEFAULT and job.retries is sdk.Retries.A_FEW and job.priority is None
    assert not job.status.is_known and job.status == "paused"
    assert job.units[0] is sdk.JobUnitsItem.KILOBYTES and not job.units[1].is_known
    assert job.choice is sdk.ChoiceVariant1.ONE
    assert sdk.Job(speed=sdk.Speed.FAST, status=sdk.Status.DONE).to_dict() == {
        "speed": "fast",
        "status": "done",
    }
    path, _ = error_of(sdk.Job, {"speed": 1, "status": "done"})
    assert path == "speed"


# -- objects ------------------------------------------------------------------------------------------------
def test_objects_without_properties(sdks: dict[str, ModuleType]) -> None:
    sdk = sdks["object_shapes"]
    assert sdk.Closed.from_dict({}).to_dict() == {} and sdk.Closed().to_dict() == {}
    assert sdk.OptionalOnly().to_dict() == {} and sdk.OptionalOnly(b=1).to_dict() == {"b": 1}
    thing = sdk.Thing.from_dict(
        {"grid": [[1, 2], []], "empty": {"a": [1]}, "no_properties": {}, "anything": 3}
    )
    assert thing.empty == {"a": [1]} and thing.anything == 3 and thing.grid == [[1, 2], []]
    assert error_of(sdk.Thing, {"grid": [[1, "2"]]}) == ("grid[0][1]", "expected integer, got string")
    assert error_of(sdk.Thing, {"grid": [], "empty": []})[0] == "empty"


def test_unions_beside_object_keywords_survive(sdks: dict[str, ModuleType]) -> None:
    sdk = sdks["object_shapes"]
    thing = sdk.Thing.from_dict(
        {
            "grid": [],
            "pet": {"kind": "dog", "barks": 2},
            "any_pet": {"kind": "cat", "meows": True},
            "inline_pet": {"kind": "cat", "meows": False},
            "named_pet": {"name": "Rex", "kind": "dog", "barks": 1},
            "one_of_required": {"url": "u"},
        }
    )
    assert isinstance(thing.pet, sdk.Dog) and isinstance(thing.any_pet, sdk.Cat)
    assert isinstance(thing.inline_pet, sdk.Cat)
    assert isinstance(thing.named_pet, sdk.NamedPetDog) and thing.named_pet.name == "Rex"
    assert isinstance(thing.one_of_required, sdk.OneOfRequired) and thing.one_of_required.url == "u"
    assert error_of(sdk.Thing, {"grid": [], "pet": {"kind": "bird"}})[0] == "pet.kind"
    no_name = {"grid": [], "named_pet": {"kind": "cat", "meows": True}}
    assert error_of(sdk.Thing, no_name) == ("named_pet.name", "is required")


def test_maps_of_unions_and_typed_extras(sdks: dict[str, ModuleType]) -> None:
    sdk = sdks["object_shapes"]
    thing = sdk.Thing.from_dict(
        {
            "grid": [],
            "scores": {"a": 1, "b": "x", "c": [1.5, 2]},
            "pets_by_name": {"tom": {"kind": "cat", "meows": True}},
            "maybe_pets": {"none": None},
            "extra_typed": {"id": "i", "n": 3},
            "extra_ref": {"id": "i", "tom": {"kind": "cat", "meows": True}},
        }
    )
    assert thing.scores == {"a": 1, "b": "x", "c": [1.5, 2]}
    assert isinstance(thing.pets_by_name["tom"], sdk.Cat) and thing.maybe_pets == {"none": None}
    assert thing.extra_typed.extra_fields == {"n": 3}
    assert isinstance(thing.extra_ref.extra_fields["tom"], sdk.Cat)
    assert error_of(sdk.Thing, {"grid": [], "extra_typed": {"n": "x"}})[0] == "extra_typed.n"
    assert error_of(sdk.Thing, {"grid": [], "scores": {"a": True}})[0] == "scores.a"


def test_annotated_allof_is_the_referenced_type(sdks: dict[str, ModuleType]) -> None:
    sdk = sdks["allof_annotations"]
    order = sdk.Order.from_dict(
        {
            "method": {"kind": "bank", "iban": "DE00"},
            "backup_method": None,
            "currency": "USD",
            "shipping": None,
            "billing": {"city": "Oslo"},
            "default_method": {"kind": "card", "last4": "4242"},
            "extended": {"city": "Rome", "zip": "00100"},
        }
    )
    assert isinstance(order.method, sdk.Bank) and order.backup_method is None and order.shipping is None
    assert order.currency is sdk.Currency.USD
    assert sdk.BillingAddress is sdk.Address and isinstance(order.billing, sdk.Address)
    assert isinstance(order.default_method, sdk.Card) and order.extended.zip == "00100"
    assert error_of(sdk.Order, {"method": {"kind": "card"}, "currency": "EUR"}) == (
        "method.last4",
        "is required",
    )
    assert error_of(sdk.Order, {"method": None, "currency": "EUR"})[0] == "method"
