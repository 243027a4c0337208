"""Pagination in the IR (generator/ir/pagination.py): detection, x-oasgen-pagination, config."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.errors import SpecError, UsageError
from generator.ir.builder import build_api
from generator.ir.model import Api, ModelRef, Pagination
from generator.loading.spec import load_spec

SPEC = Path(__file__).resolve().parent / "fixtures" / "specs" / "pagination.yaml"


def api_of(spec: Path = SPEC, options: dict[str, Any] | None = None) -> Api:
    return build_api(load_spec(spec), options)[0]


def paging(api: Api) -> dict[str, Pagination | None]:
    return {op.id: op.pagination for op in api.operations}


def item(name: str) -> ModelRef:
    return ModelRef(f"#/components/schemas/{name}")


def test_every_style_is_detected_or_declared() -> None:
    got = paging(api_of())
    assert got["listPets"] == Pagination(
        "cursor", "data", item("Pet"), cursor_param="after", has_more_field="has_more", limit_param="limit"
    )
    assert got["listOwners"] == Pagination(
        "cursor",
        "items",
        item("Owner"),
        cursor_param="page_token",
        cursor_field="next_page_token",
        limit_param="page_size",
    )
    assert got["listToys"] == Pagination(
        "offset", "results", item("Toy"), offset_param="offset", limit_param="limit", total_field="total"
    )
    assert got["listVets"] == Pagination(
        "page", "data", item("Vet"), page_param="page", limit_param="per_page", total_field="total_pages"
    )
    assert got["listVisits"] == Pagination("link", None, item("Visit"), limit_param="per_page")
    assert got["listTreats"] == Pagination(
        "cursor",
        "treats",
        item("Treat"),
        cursor_param="from",
        cursor_field="resume_at",
        limit_param="take",
        source="declared",
    )
    assert got["listSnapshots"] is None


def _edited(tmp_path: Path, path: str, change: dict[str, Any]) -> Path:
    data = load_spec(SPEC).data
    data["paths"][path]["get"].update(change)
    out = tmp_path / "spec.json"
    out.write_text(json.dumps(data), encoding="utf-8")
    return out


def test_cursor_needs_a_way_to_know_there_is_more(tmp_path: Path) -> None:
    data = load_spec(SPEC).data
    schema = data["paths"]["/pets"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    del schema["properties"]["has_more"]
    schema["required"] = ["data"]
    out = tmp_path / "spec.json"
    out.write_text(json.dumps(data), encoding="utf-8")
    assert paging(api_of(out))["listPets"] is None


def test_a_string_next_field_is_the_cursor_beside_a_cursor_param(tmp_path: Path) -> None:
    data = load_spec(SPEC).data
    schema = data["paths"]["/owners"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    schema["properties"]["next"] = schema["properties"].pop("next_page_token")
    data["paths"]["/owners"]["get"]["parameters"][0]["name"] = "after"
    out = tmp_path / "spec.json"
    out.write_text(json.dumps(data), encoding="utf-8")
    got = paging(api_of(out))["listOwners"]
    assert got is not None and (got.style, got.cursor_param, got.cursor_field) == ("cursor", "after", "next")


def test_only_get_lists_are_detected(tmp_path: Path) -> None:
    data = load_spec(SPEC).data
    data["paths"]["/pets"]["post"] = data["paths"]["/pets"].pop("get")
    out = tmp_path / "spec.json"
    out.write_text(json.dumps(data), encoding="utf-8")
    assert paging(api_of(out))["listPets"] is None


@pytest.mark.parametrize(
    ("declared", "message"),
    [
        ("cursor", "must be false or a table"),
        ({"style": "scroll"}, "`style` must be one of"),
        ({"style": "cursor"}, "style cursor needs `cursor_param`"),
        ({"style": "cursor", "cursor_param": "nope"}, "'nope' is not a query parameter"),
        ({"style": "cursor", "cursor_param": "after", "cursor_field": "x"}, "'x' is not a field"),
        ({"style": "link", "items": "has_more"}, "not an array field"),
        ({"style": "link", "pages": 3}, "unknown key 'pages'"),
    ],
)
def test_a_bad_declaration_is_a_located_error(tmp_path: Path, declared: object, message: str) -> None:
    spec = _edited(tmp_path, "/pets", {"x-oasgen-pagination": declared})
    with pytest.raises(SpecError) as exc:
        api_of(spec)
    (finding,) = exc.value.findings
    assert message in finding.message
    assert finding.location.pointer == "/paths/~1pets/get/x-oasgen-pagination"
    assert finding.location.line > 0


def test_a_declaration_on_a_response_that_is_no_list_says_so(tmp_path: Path) -> None:
    data = load_spec(SPEC).data
    media = data["paths"]["/toys"]["get"]["responses"]["200"]["content"]["application/json"]
    media["schema"] = {"type": "object", "properties": {"n": {"type": "integer"}}}
    data["paths"]["/toys"]["get"]["x-oasgen-pagination"] = {"style": "offset", "offset_param": "offset"}
    out = tmp_path / "spec.json"
    out.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SpecError, match="is not a list"):
        api_of(out)


def test_config_table_declares_and_turns_off() -> None:
    table = {
        "listPets": False,
        "listSnapshots": {"style": "cursor", "cursor_param": "after", "has_more_field": "has_more"},
    }
    got = paging(api_of(options={"pagination": table}))
    assert got["listPets"] is None
    assert got["listSnapshots"] == Pagination(
        "cursor", "data", item("Pet"), cursor_param="after", has_more_field="has_more", source="declared"
    )
    assert got["listToys"] is not None  # the others are still detected


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"noSuchOperation": False}, "is not an operationId"),
        ({"listPets": {"style": "page"}}, "needs `page_param`"),
        ("off", "must be a table"),
    ],
)
def test_bad_config_table_is_a_usage_error(table: object, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        api_of(options={"pagination": table})
