"""Every shared payload vector of tests/vectors/chatkit.json against the generated Python models.

Valid vectors must round-trip exactly (JSON kinds included); invalid ones must raise ValidationError
at ``error_path``. ``expected`` is a hint, not text to match (tests/vectors/README.md), so the
message is checked per ``rule``: ``type`` names the JSON kind that was found, ``required`` says so,
``const`` quotes the constant, and bound rules quote the bound. No rule is skipped.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import chatkit
import pytest
from chatkit import ValidationError

VECTORS_FILE = Path(__file__).resolve().parents[1] / "vectors" / "chatkit.json"
VECTORS: list[dict[str, Any]] = json.loads(VECTORS_FILE.read_text(encoding="utf-8"))["vectors"]
KINDS = {dict: "object", list: "list", str: "string", bool: "boolean", int: "integer", float: "number"}


def model_for(vector: dict[str, Any]) -> Any:
    return getattr(chatkit, vector["schema"])


def value_at(payload: Any, path: str) -> Any:
    value = payload
    for part in path.split(".") if path else []:
        value = value[part]
    return value


def test_vectors_are_loaded() -> None:
    assert len(VECTORS) >= 40
    assert {v["valid"] for v in VECTORS} == {True, False}
    assert len({v["name"] for v in VECTORS}) == len(VECTORS)


@pytest.mark.parametrize("vector", [v for v in VECTORS if v["valid"]], ids=lambda v: v["name"])
def test_valid_vector_round_trips_exactly(vector: dict[str, Any]) -> None:
    payload = vector["payload"]
    out = model_for(vector).from_dict(payload).to_dict()
    assert out == payload
    assert json.dumps(out, sort_keys=True) == json.dumps(payload, sort_keys=True)


@pytest.mark.parametrize("vector", [v for v in VECTORS if not v["valid"]], ids=lambda v: v["name"])
def test_invalid_vector_is_rejected_at_its_path(vector: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as info:
        model_for(vector).from_dict(vector["payload"])
    err = info.value
    assert err.path == vector["error_path"]
    assert str(err) == (f"{err.path}: {err.message}" if err.path else err.message)
    rule, hint = vector["rule"], vector.get("expected", "")
    if rule == "type":
        found = value_at(vector["payload"], vector["error_path"])
        kind = "null" if found is None else KINDS[type(found)]
        assert err.message.startswith("expected ") and err.message.endswith(f"got {kind}"), err.message
    elif rule == "required":
        assert err.message == "is required"
    elif rule == "const":
        assert repr(json.loads(hint)) in err.message, (hint, err.message)
    else:  # minLength, maxProperties, minimum, maximum: the bound is quoted
        bounds = re.findall(r"\d+", hint)
        assert bounds and all(b in err.message for b in bounds), (hint, err.message)
