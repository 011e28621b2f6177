"""The JSON Schema of the report format, generated from the pydantic models.

Editors use it through the `yaml-language-server` comment at the top of a report file; CI can
validate files with any JSON Schema validator.
"""

from __future__ import annotations

import json
from typing import Any

from lkjip_cli.model.laporan import Laporan
from lkjip_cli.versi import VERSI_FORMAT

#: The schema's `$id` names the data format version it describes.
SCHEMA_ID = f"https://lkjip.invalid/schema/format-{VERSI_FORMAT}/laporan.schema.json"


def schema_dict() -> dict[str, Any]:
    schema = Laporan.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Laporan LKjIP (format data lkjip)",
        **schema,
    }


def schema_json() -> str:
    return json.dumps(schema_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
