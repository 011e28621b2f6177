"""A report document as commented YAML text, for the files lkjip writes for people to edit.

Why not `yaml.safe_dump`: PyYAML drops comments, and `lkjip init` and `lkjip import` exist to
say things beside the values (what a key means, which workbook cell a value came from). The
documents they write are small and of one shape (mappings, lists, strings, Decimals), so a
forty-line emitter is simpler than a round-trip YAML library. Decimals are written with their
own digits (`5.840` stays `5.840`), which lkjip's loader reads back exactly; strings that
could read as anything else are double-quoted (JSON escapes are valid YAML). Text of several
lines (the analyst's narrative) is a literal block when it reads back unchanged.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any


@dataclass(frozen=True, slots=True)
class Catatan:
    """A value with a comment written after it on its line (`target: 0  # ISI: ...`)."""

    nilai: Any
    catatan: str


@dataclass(frozen=True, slots=True)
class Baris:
    """A dict key that is no key: comment lines written before the next entry (blank text: an
    empty line). Its value is ignored; give each one distinct text, as for any key."""

    teks: str


_POLOS = re.compile(r"^[A-Za-z(][A-Za-z0-9 ._/()'&+-]*$")
_KATA_YAML = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf"}


def skalar(value: Any) -> str:
    """One scalar as YAML text that lkjip's loader reads back as the same value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, int):
        return str(value)
    text = str(value)
    polos = (_POLOS.match(text) and text == text.strip() and " #" not in text
             and text.lower().lstrip(".") not in _KATA_YAML)
    return text if polos else "".join(map(_tampak, json.dumps(text, ensure_ascii=False)))


def _tampak(c: str) -> str:
    """A character of a double-quoted scalar: as it is when printable, else YAML's escape
    (JSON escapes only the C0 controls; YAML reads NEL and U+2028 as line breaks)."""
    if c.isprintable():
        return c
    o = ord(c)
    return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}" if o < 0x10000 else f"\\U{o:08x}"


def _kunci(key: Any) -> str:
    return str(key) if isinstance(key, int) or re.match(r"^[a-z_][a-z0-9_]*$", key) else (
        json.dumps(key, ensure_ascii=False))


def _buka(value: Any) -> tuple[Any, str]:
    return (value.nilai, f"  # {value.catatan}") if isinstance(value, Catatan) else (value, "")


def _kosong(value: Any) -> str | None:
    """A scalar's text, `{}`/`[]` for an empty collection, or None for a non-empty one."""
    if isinstance(value, dict):
        return "{}" if not value else None
    if isinstance(value, list | tuple):
        return "[]" if not value else None
    return skalar(value)


def _blok(value: Any) -> bool:
    """Whether a text of several lines can be a literal block (`|-`) with the same value:
    printable lines only (a control character needs JSON's escapes), no line ending in a
    space (an editor drops it), and a first line that does not begin with a space."""
    if not isinstance(value, str) or "\n" not in value or value[:1] in (" ", "\n"):
        return False
    return all(line.isprintable() and line == line.rstrip() for line in value.split("\n"))


def _baris(node: Any, indent: int) -> list[str]:
    pad = " " * indent
    out: list[str] = []
    if isinstance(node, dict):
        for key, raw in node.items():
            if isinstance(key, Baris):
                out += [f"{pad}# {t}".rstrip() if t.strip() else ""
                        for t in key.teks.splitlines() or [""]]
                continue
            value, komentar = _buka(raw)
            text = _kosong(value)
            if _blok(value):  # the analyst's narrative, readable as written
                out.append(f"{pad}{_kunci(key)}: |-{komentar}")
                out += [f"{pad}  {line}" if line else "" for line in value.split("\n")]
            elif text is not None:
                out.append(f"{pad}{_kunci(key)}: {text}{komentar}")
            else:
                out.append(f"{pad}{_kunci(key)}:{komentar}")
                out += _baris(value, indent + 2)
        return out
    for raw in node:
        value, komentar = _buka(raw)
        text = _kosong(value)
        if text is not None or komentar:
            out.append(f"{pad}-{komentar}" if text is None else f"{pad}- {text}{komentar}")
            if text is None:
                out += _baris(value, indent + 2)
            continue
        inner = _baris(value, indent + 2)
        first = next(i for i, line in enumerate(inner) if not line.lstrip().startswith("#"))
        out += inner[:first]
        out.append(f"{pad}- {inner[first][indent + 2:]}")
        out += inner[first + 1:]
    return out


def yaml_teks(doc: dict[Any, Any], kepala: str = "") -> str:
    """The document as block YAML, after `kepala` written as comment lines."""
    head = [f"# {t}".rstrip() for t in kepala.splitlines()] if kepala else []
    return "\n".join(head + _baris(doc, 0)) + "\n"
