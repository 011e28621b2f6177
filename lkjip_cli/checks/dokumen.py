"""Reading the raw YAML document the semantic checks run on.

The checks read the parsed document, not the validated models, so that they run even where
model validation failed elsewhere in the file. These readers take a value as it came from
YAML and return it only when it has the expected shape (a list of mappings, a mapping, a
number, a text, a whole year), else nothing: every check skips what is not shaped as
expected, and the model validation reports it.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from lkjip_cli.source.numbers import NumberError, parse_number

Doc = dict[str, Any]


def items(node: Any, key: str) -> Iterator[tuple[int, Doc]]:
    """The mappings in the list under `key` of `node`, with their index."""
    value = node.get(key) if isinstance(node, dict) else None
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, dict):
                yield i, item


def mapping(node: Any, key: str) -> Doc:
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, dict) else {}


def number(value: Any) -> Decimal | None:
    """The value as a Decimal when it is one (or an Indonesian-formatted string), else None."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        try:
            return parse_number(value)
        except NumberError:
            return None
    return None


def text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def year(value: Any) -> int | None:
    n = number(value)
    return int(n) if n is not None and n == n.to_integral_value() else None
