"""YAML to plain data without source positions, for files that turn out to be clean.

Why: recording the line and column of every key and value costs about as much as parsing,
and only a file with a problem needs them. `lkjip rekap` reads thousands of reports that are
almost all valid, so it first builds each one this way and falls back to the positioned
walk of `yamlsource` (which reports every problem with its place) as soon as anything is
unusual. The result for a clean file is the same data the walk builds: exact Decimals,
keys as their text, and nothing the walk would refuse is accepted here. Duplicate keys,
merge keys, non-scalar keys, any alias (shared nodes), a scalar the number rules refuse, a
document past `MAX_NODES` values, or a top that is not a mapping all raise `Lambat`, the
signal to take the slow path.
"""

from __future__ import annotations

from typing import Any

import yaml

from lkjip_cli.source.numbers import NumberError
from lkjip_cli.source.yamlsource import MAX_NODES, MERGE_TAG, DecimalLoader


class Lambat(Exception):
    """This document needs the positioned walk (it may hold a problem to report)."""


class _LoaderCepat(DecimalLoader):
    """The Decimal loader, refusing (with `Lambat`) whatever the walk would report."""

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self.jumlah = 0

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise Lambat("alias")
        self.jumlah += 1
        if self.jumlah > MAX_NODES:
            raise Lambat("too many values")
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[str, Any]:
        if not isinstance(node, yaml.MappingNode):
            raise Lambat("not a mapping")
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == MERGE_TAG or not isinstance(key_node, yaml.ScalarNode):
                raise Lambat("key")
            key = str(key_node.value)
            if key in mapping:
                raise Lambat("duplicate key")
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


def parse_tanpa_posisi(text: str) -> dict[str, Any]:
    """The document as plain data, or `Lambat` when the positioned walk is needed."""
    loader = _LoaderCepat(text)
    try:
        data = loader.get_single_data()
    except (yaml.YAMLError, NumberError, RecursionError) as exc:
        raise Lambat(type(exc).__name__) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise Lambat("top")
    return data
