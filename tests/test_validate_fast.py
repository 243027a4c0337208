"""The fast structural check (jsonschema-rs, used by `generate`) agrees with the full one (`lint`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import SpecError
from generator.loading.spec import load_spec
from generator.loading.validate import validate_structure

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]
SPECS = sorted((FIXTURES / "specs").glob("*.yaml")) + sorted((FIXTURES / "broken").glob("*.yaml"))
SPECS += [ROOT / "spec" / "chatkit.yaml", ROOT.parent / "shared" / "specs" / "openai-openapi.yaml"]


@pytest.mark.parametrize("path", [p for p in SPECS if p.exists()], ids=lambda p: p.name)
def test_fast_and_full_structural_checks_agree(path: Path) -> None:
    try:
        spec = load_spec(path)
    except SpecError:
        pytest.skip("the loader refuses this file before structural validation")
    assert validate_structure(spec, fast=True) == validate_structure(spec, fast=False)


def test_the_fast_check_still_reports_located_errors() -> None:
    version, findings = validate_structure(load_spec(FIXTURES / "broken" / "oas_schema.yaml"), fast=True)
    assert version == "3.1"
    assert ("oas-schema", 1, "'info' is a required property") in [
        (f.rule, f.location.line, f.message) for f in findings
    ]
