"""`lkjip schema`: a JSON Schema that the reference report satisfies, and that stays committed."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import MINIMAL, vary
from typer.testing import CliRunner

from lkjip_cli.cli.app import app
from lkjip_cli.source.yamlsource import parse_yaml_text

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "2020.yaml"
COMMITTED_SCHEMA = ROOT / "docs" / "lkjip.schema.json"


def schema_output() -> str:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert result.exception is None
    return result.stdout


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_output())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def to_json_numbers(value: Any) -> Any:
    """Decimals to int/float, for the schema check only: jsonschema's `integer` and `number`
    reject Decimal. lkjip itself never turns a figure into a float."""
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        return int(value) if isinstance(exponent, int) and exponent >= 0 else float(value)
    if isinstance(value, dict):
        return {key: to_json_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [to_json_numbers(item) for item in value]
    return value


def yaml_as_json(text: str, name: str = "t.yaml") -> Any:
    parsed = parse_yaml_text(name, text)
    assert parsed.diagnostics == []
    return to_json_numbers(parsed.data)


def errors(validator: jsonschema.Draft202012Validator, instance: Any) -> list[str]:
    return [e.message for e in validator.iter_errors(instance)]


def test_schema_output_is_json_with_the_declared_dialect() -> None:
    schema = json.loads(schema_output())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["type"] == "object"
    assert set(schema["required"]) == {"instansi", "tahun", "renstra", "sasaran"}
    assert schema["additionalProperties"] is False


def test_reference_report_validates_against_the_schema(
    validator: jsonschema.Draft202012Validator,
) -> None:
    instance = yaml_as_json(DATA.read_text(encoding="utf-8"), str(DATA))
    assert errors(validator, instance) == []


def test_minimal_report_validates(validator: jsonschema.Draft202012Validator) -> None:
    assert errors(validator, yaml_as_json(MINIMAL)) == []


def test_schema_rejects_an_unknown_key(validator: jsonschema.Draft202012Validator) -> None:
    instance = yaml_as_json(vary(MINIMAL, "realisasi: 72", "realsasi: 72"))
    assert len(errors(validator, instance)) == 1


def test_schema_rejects_a_missing_key(validator: jsonschema.Draft202012Validator) -> None:
    instance = yaml_as_json(vary(MINIMAL, '        satuan: "%"\n', ""))
    assert errors(validator, instance) == ["'satuan' is a required property"]


def test_schema_rejects_a_bad_polaritas(validator: jsonschema.Draft202012Validator) -> None:
    text = vary(MINIMAL, "    realisasi: 72\n", "    realisasi: 72\n        polaritas: naik\n")
    assert len(errors(validator, yaml_as_json(text))) == 1


def test_committed_schema_is_current() -> None:
    assert COMMITTED_SCHEMA.read_text(encoding="utf-8") == schema_output()


def test_reference_report_points_editors_at_the_schema() -> None:
    first_line = DATA.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../docs/lkjip.schema.json"
    # The relative path resolves from data/ to the committed schema.
    assert (DATA.parent / "../docs/lkjip.schema.json").resolve() == COMMITTED_SCHEMA
