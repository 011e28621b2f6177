"""What each YAML tag means to lkjip: the value of a scalar by its tag, and the refusal of
every tag lkjip does not read.

Why a module of its own: YAML lets a file ask for any type by a tag (`!!timestamp`,
`!!binary`, `!!python/object`), and PyYAML's constructors would build it or fail with a bare
Python exception. lkjip builds nothing a tag asks for: every tag has one documented meaning
(docs/format.md, section 3) or a positioned `yaml-value` error, and this is the one list of
those meanings. Scalars tagged int or float (by the file, or implicitly by YAML 1.1's
resolver) become exact `Decimal`s, `!!bool` and `!!null` only with a value they accept; a
plain value that looks like a date, `<<` or `=` stays text. A key is always its text, whatever
scalar tag it carries (`KEY_TAGS`); a merge key (`<<`) is recognised so that the builder can
refuse it. The builder (`source/yamlpembangun.py`) asks `skalar` for each value and refuses,
with `tag_ditolak`'s words, a tag on a key outside `KEY_TAGS` and one on a collection other
than `!!seq` or `!!map`.
"""

from __future__ import annotations

from typing import Any

import yaml

from lkjip_cli.source.numbers import decimal_from_yaml_text

YAML_TAG = "tag:yaml.org,2002:"
STR_TAG = YAML_TAG + "str"
INT_TAG = YAML_TAG + "int"
FLOAT_TAG = YAML_TAG + "float"
BOOL_TAG = YAML_TAG + "bool"
NULL_TAG = YAML_TAG + "null"
TIMESTAMP_TAG = YAML_TAG + "timestamp"
MERGE_TAG = YAML_TAG + "merge"
VALUE_TAG = YAML_TAG + "value"
SEQ_TAG = YAML_TAG + "seq"
MAP_TAG = YAML_TAG + "map"

_BOOL = {"yes": True, "true": True, "on": True, "no": False, "false": False, "off": False}
_NULL = {"", "~", "null", "Null", "NULL"}
#: Tags a key may carry: a key is always its text.
KEY_TAGS = {None, "!", STR_TAG, INT_TAG, FLOAT_TAG, BOOL_TAG, NULL_TAG}


class Tolak(Exception):
    """A value with a tag it cannot have; `message` says what to write instead."""

    def __init__(self, message: str) -> None:
        self.message = message


def tag_tampil(tag: str) -> str:
    """`tag:yaml.org,2002:bool` as the user wrote it: `!!bool`."""
    return "!!" + tag[len(YAML_TAG):] if tag.startswith(YAML_TAG) else tag


def tag_ditolak(tag: str, jenis: str) -> Tolak:
    return Tolak(
        f"tag `{tag_tampil(tag)}` pada {jenis} tidak didukung: lkjip hanya membaca teks, "
        "angka, true/false, null, daftar dan pemetaan; hapus tag itu dan tulis nilainya "
        "biasa")


def skalar(resolver: Any, event: Any) -> Any:
    """The value of one scalar, by its tag; `Tolak` or `NumberError` when it has none."""
    tag, value = event.tag, str(event.value)
    if tag is None or tag == "!":
        tag = resolver.resolve(yaml.ScalarNode, value, event.implicit)
        if tag in (TIMESTAMP_TAG, MERGE_TAG, VALUE_TAG):
            return value  # a date, `<<` or `=` as a value: text (no figure is a date)
    if tag == STR_TAG:
        return value
    if tag in (INT_TAG, FLOAT_TAG):
        return decimal_from_yaml_text(value)
    if tag == BOOL_TAG:
        if value.lower() in _BOOL:
            return _BOOL[value.lower()]
        raise Tolak(f"`{value}` bukan nilai `!!bool`; tulis true atau false, atau hapus tag "
                     "itu agar nilainya dibaca sebagai teks")
    if tag == NULL_TAG:
        if value in _NULL:
            return None
        raise Tolak(f"`{value}` bukan nilai `!!null`; tulis null (atau kosongkan), atau hapus "
                     "tag itu agar nilainya dibaca sebagai teks")
    if tag == TIMESTAMP_TAG:
        raise Tolak("tag `!!timestamp` tidak didukung: laporan lkjip tidak memuat tanggal; "
                     "hapus tag itu (nilainya dibaca sebagai teks) atau tulis tahun sebagai "
                     "angka")
    raise tag_ditolak(tag, "skalar")


def is_merge_key(event: Any) -> bool:
    """`<<` as a plain key (YAML 1.1's merge key, resolver pattern `^(?:<<)$`) or `!!merge`."""
    if event.tag == MERGE_TAG:
        return True
    return bool(event.tag is None and event.value == "<<" and event.implicit[0])
