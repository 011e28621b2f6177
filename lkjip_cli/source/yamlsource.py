"""YAML text to plain Python data, with the source position of every key and value.

PyYAML's own constructors lose positions, silently keep the last of two duplicate keys, read
`10.50` as a float, expand aliases without limit, recurse once per nesting level and raise
plain Python exceptions on tagged values they cannot build (`!!bool foo`,
`!!timestamp 2020-13-45`). lkjip instead reads libyaml's *event stream* (`CSafeLoader`,
falling back to the pure-Python parser where libyaml is absent) and builds the data itself,
with an explicit stack, in one pass:

- scalars tagged int or float become `Decimal(text)`, so `10.50` stays `Decimal('10.50')`
  and `12345678901234567.89` stays exact;
- every tag has one meaning or a positioned error (`source/yamltag.py`, docs/format.md):
  the standard scalar tags (str, int, float, bool, null) with a value they accept, `!!seq`
  on a sequence and `!!map` on a mapping; a plain scalar that YAML 1.1 would read as a
  date stays text (no figure of a report is a date); every other tag is refused;
- the position of every key and value is kept compactly: two integer arrays (line, column)
  indexed by node number, and per collection its children's numbers (`SourceMap`,
  `source/yamlposisi.py`);
- duplicate keys, merge keys, non-scalar keys and recursive aliases are diagnostics;
- limits stop the reading at once, with one diagnostic naming the limit: files above
  `MAX_FILE_BYTES`, aliases expanding to more than `MAX_ALIAS_VALUES` values (a "billion
  laughs" file; plain values do not count), nesting deeper than `MAX_DEPTH`.

An aliased value is shared, not copied: the expansion is counted (each anchor knows how many
values it holds), so the cost of everything downstream stays bounded by the file's size plus
`MAX_ALIAS_VALUES`. The walk (`source/yamlpembangun.py`) never raises for a user mistake: it
returns what it could build and diagnostics.

This module is the reader's entry and its one path: other rooms, tests and benchmarks import
every name of the reader from `lkjip_cli.source.yamlsource` (`__all__`). It keeps what
happens around the walk: the bytes' size and encoding, the parser, one document per file,
libyaml's own errors as diagnostics. The limits and the parser are its globals, read each
time a file is parsed (the builder is handed `MAX_DEPTH` and `MAX_ALIAS_VALUES`), so that a
test or benchmark patching one of them, or `_BaseLoader`, here changes what the reader does
(`tests/test_yaml_source.py` and `test_yaml_hostile.py` show each patch taking effect).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from lkjip_cli.diagnostics import Diagnostic, Severity
from lkjip_cli.pesan import pesan_yaml
from lkjip_cli.source.asal_sel import asal_sel
from lkjip_cli.source.yamlpembangun import INVALID, Batas, Invalid, Pembangun, pesan_kedalaman
from lkjip_cli.source.yamlposisi import Anak, Mark, SourceMap
from lkjip_cli.source.yamltag import (
    BOOL_TAG,
    FLOAT_TAG,
    INT_TAG,
    MAP_TAG,
    MERGE_TAG,
    NULL_TAG,
    SEQ_TAG,
    STR_TAG,
    TIMESTAMP_TAG,
    VALUE_TAG,
    YAML_TAG,
    tag_tampil,
)

#: Every name other modules import from here, those defined in the modules it is made of
#: included: `lkjip_cli.source.yamlsource` is the reader's one path.
__all__ = [
    "BOOL_TAG",
    "FLOAT_TAG",
    "INT_TAG",
    "INVALID",
    "MAP_TAG",
    "MAX_ALIAS_VALUES",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MERGE_TAG",
    "NULL_TAG",
    "SEQ_TAG",
    "STR_TAG",
    "TIMESTAMP_TAG",
    "VALUE_TAG",
    "YAML_TAG",
    "Anak",
    "Invalid",
    "Mark",
    "ParsedYaml",
    "SourceMap",
    "decode_utf8",
    "parse_yaml_bytes",
    "parse_yaml_text",
    "tag_tampil",
]

#: Files beyond this many bytes are refused before parsing.
MAX_FILE_BYTES = 5 * 1024 * 1024
#: Values that aliases may add to a document beyond those written out in the file; a
#: "billion laughs" file reaches it after a few aliases instead of exhausting memory.
MAX_ALIAS_VALUES = 100_000
#: Nesting depth of collections; a report needs about ten levels.
MAX_DEPTH = 64

_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class ParsedYaml:
    """The outcome of reading one YAML file."""

    data: dict[str, Any] | None
    source: SourceMap
    diagnostics: list[Diagnostic]


def _reader_diagnostic(file: str, exc: yaml.reader.ReaderError, text: str) -> Diagnostic:
    """A character libyaml refuses (a control character): it gives an offset, not a mark."""
    offset = min(max(int(exc.position), 0), len(text))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    raw = exc.character
    character = raw if isinstance(raw, int) else ord(str(raw)[:1] or "\0")
    return Diagnostic(file, line, column, Severity.ERROR, "yaml-syntax",
                      "berkas mengandung karakter kendali yang tidak diizinkan "
                      f"(#x{character:04x}): hapus karakter itu")


def _syntax_diagnostic(file: str, exc: yaml.YAMLError, text: str = "") -> Diagnostic:
    if isinstance(exc, yaml.reader.ReaderError):
        return _reader_diagnostic(file, exc, text)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    message = pesan_yaml(str(problem), context, text, mark, getattr(exc, "context_mark", None))
    code = "yaml-syntax"
    if "exceeded maximum nesting depth" in str(problem):
        # libyaml's own bound (1000 flow levels), met while it looks ahead of our reading
        code, message = "yaml-depth", pesan_kedalaman(MAX_DEPTH)
    return Diagnostic(
        file=file,
        line=int(mark.line) + 1 if mark is not None else None,
        column=int(mark.column) + 1 if mark is not None else None,
        severity=Severity.ERROR,
        code=code,
        message=message,
    )


def _file_error(file: str, code: str, message: str, line: int | None = None) -> ParsedYaml:
    diag = Diagnostic(file, line, 1 if line else None, Severity.ERROR, code, message)
    return ParsedYaml(None, SourceMap(file), [diag])


def decode_utf8(file: str, raw: bytes) -> str | ParsedYaml:
    """The text of the file, or a diagnostic at the line of the first bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return _file_error(
            file,
            "encoding",
            f"berkas bukan UTF-8 (bita 0x{raw[exc.start]:02x} pada posisi {exc.start}): "
            "simpan ulang sebagai UTF-8",
            line,
        )


def parse_yaml_bytes(file: str, raw: bytes) -> ParsedYaml:
    """Parse one YAML document held in `raw`; never raises for bad input."""
    if len(raw) > MAX_FILE_BYTES:
        return _file_error(
            # `load` reads at most MAX_FILE_BYTES + 1 bytes, so len(raw) is not the file's size.
            file, "too-large", f"berkas melebihi batas {MAX_FILE_BYTES} bita"
        )
    text = decode_utf8(file, raw)
    if isinstance(text, ParsedYaml):
        return text
    return parse_yaml_text(file, text)


_SECOND_DOCUMENT = ("berkas berisi lebih dari satu dokumen YAML: simpan satu laporan per berkas, "
                    "tanpa `---` atau isi setelah akhir dokumen")


def parse_yaml_text(file: str, text: str) -> ParsedYaml:
    """Parse one YAML document from text; never raises for bad input."""
    try:
        loader = _BaseLoader(text)  # the pure-Python reader checks characters here
    except yaml.YAMLError as exc:
        return ParsedYaml(None, SourceMap(file), [_syntax_diagnostic(file, exc, text)])
    builder = Pembangun(file, loader, MAX_DEPTH, MAX_ALIAS_VALUES)
    documents = 0
    try:
        while True:
            event = loader.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    mark: Any = event.start_mark
                    diag = Diagnostic(file, int(mark.line) + 1, int(mark.column) + 1,
                                      Severity.ERROR, "yaml-syntax", _SECOND_DOCUMENT)
                    return ParsedYaml(None, SourceMap(file), [diag])
            builder.event(event)
    except yaml.YAMLError as exc:
        return ParsedYaml(None, SourceMap(file), [_syntax_diagnostic(file, exc, text)])
    except Batas as limit:
        return ParsedYaml(None, SourceMap(file), [limit.diagnostic])
    finally:
        loader.dispose()
    if documents == 0:
        return _file_error(file, "empty", "berkas tidak berisi dokumen YAML")
    data = builder.hasil
    if not isinstance(data, dict):
        builder.error(0, "not-mapping", "bagian teratas berkas harus berupa pemetaan kunci "
                      "(instansi:, tahun:, ...)", ())
        return ParsedYaml(None, builder.source, builder.diagnostics)
    builder.source.asal = asal_sel(text)
    return ParsedYaml(data, builder.source, builder.diagnostics)
