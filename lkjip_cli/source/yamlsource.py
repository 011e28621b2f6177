"""YAML text to plain Python data, with the source position of every key and value.

PyYAML's own constructors lose positions, silently keep the last of two duplicate keys, read
`10.50` as a float and expand aliases without limit. lkjip instead composes the node graph
with libyaml (`CSafeLoader`, falling back to the pure-Python loader where libyaml is absent)
and walks it itself:

- scalars tagged int or float are built by the loader's constructors as `Decimal(text)`, so
  `10.50` stays `Decimal('10.50')` and `12345678901234567.89` stays exact;
- every mapping key and every value gets its (line, column), 1-based, keyed by its path;
- duplicate keys, merge keys, recursive aliases and alias expansion past a bound are
  reported as diagnostics instead of being resolved silently;
- files that are empty, too large, not UTF-8 or not a mapping at the top are refused.

The walk never raises for a user mistake: it returns what it could build and diagnostics.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml

from lkjip_cli.diagnostics import Diagnostic, Path, Severity, format_path
from lkjip_cli.pesan import pesan_nilai_yaml, pesan_yaml
from lkjip_cli.source.numbers import NumberError, decimal_from_yaml_text

#: Files beyond this many bytes are refused before parsing.
MAX_FILE_BYTES = 5 * 1024 * 1024
#: Values the walk may build in one document, aliases expanded; a "billion laughs" file
#: reaches it in microseconds instead of exhausting memory.
MAX_NODES = 50_000

_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
MERGE_TAG = "tag:yaml.org,2002:merge"


class DecimalLoader(_BaseLoader):  # type: ignore[misc]
    """The safe libyaml loader, with int and float scalars built as exact Decimals."""


def _construct_decimal(loader: Any, node: yaml.ScalarNode) -> Decimal:
    return decimal_from_yaml_text(str(node.value))


DecimalLoader.add_constructor(INT_TAG, _construct_decimal)
DecimalLoader.add_constructor(FLOAT_TAG, _construct_decimal)


@dataclass(frozen=True, slots=True)
class Mark:
    """A 1-based position in the source file."""

    line: int
    column: int


class Invalid:
    """Stands in for a scalar that could not be built; it was already reported."""

    _instance: Invalid | None = None

    def __new__(cls) -> Invalid:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "<invalid>"


INVALID = Invalid()


@dataclass
class SourceMap:
    """Where each path of the document stands in the file."""

    file: str
    values: dict[Path, Mark] = field(default_factory=dict)
    keys: dict[Path, Mark] = field(default_factory=dict)

    def value_mark(self, path: Path) -> Mark | None:
        """The position of the value at `path`, or of its nearest ancestor that has one."""
        for prefix in _prefixes(path):
            if prefix in self.values:
                return self.values[prefix]
        return None

    def key_mark(self, path: Path) -> Mark | None:
        """The position of the key that names `path` (falling back to the value)."""
        return self.keys.get(path) or self.value_mark(path)


def _prefixes(path: Path) -> Iterator[Path]:
    for end in range(len(path), -1, -1):
        yield path[:end]


@dataclass
class ParsedYaml:
    """The outcome of reading one YAML file."""

    data: dict[str, Any] | None
    source: SourceMap
    diagnostics: list[Diagnostic]


def _mark_of(mark: Any) -> Mark:
    return Mark(line=int(mark.line) + 1, column=int(mark.column) + 1)


class _Walker:
    """Turns a composed node graph into Python data, recording positions and problems."""

    def __init__(self, file: str, loader: Any) -> None:
        self.file = file
        self.loader = loader
        self.source = SourceMap(file)
        self.diagnostics: list[Diagnostic] = []
        self.count = 0
        self.over_limit = False
        self.active: set[int] = set()

    def error(self, mark: Mark | None, code: str, message: str, path: Path) -> None:
        self.diagnostics.append(
            Diagnostic(
                file=self.file,
                line=mark.line if mark else None,
                column=mark.column if mark else None,
                severity=Severity.ERROR,
                code=code,
                message=message,
                path=format_path(path),
            )
        )

    def walk(self, node: yaml.Node, path: Path) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            if not self.over_limit:
                self.over_limit = True
                self.error(
                    _mark_of(node.start_mark),
                    "alias-limit",
                    f"dokumen ini mengembang menjadi lebih dari {MAX_NODES} nilai (lewat alias); "
                    "lkjip menolak membangunnya: kurangi alias (*nama)",
                    path,
                )
            return INVALID
        self.source.values[path] = _mark_of(node.start_mark)
        if id(node) in self.active:
            self.error(_mark_of(node.start_mark), "alias-recursive",
                       "alias merujuk ke dirinya sendiri: hapus alias ini", path)
            return INVALID
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            self.active.add(id(node))
            items = [self.walk(child, (*path, i)) for i, child in enumerate(node.value)]
            self.active.discard(id(node))
            return items
        return self._scalar(node, path)

    def _scalar(self, node: yaml.Node, path: Path) -> Any:
        try:
            return self.loader.construct_object(node, deep=True)
        except NumberError as exc:
            self.error(_mark_of(node.start_mark), exc.code, exc.message, path)
        except yaml.YAMLError as exc:
            self.error(_mark_of(node.start_mark), "yaml-value",
                       pesan_nilai_yaml(str(exc).splitlines()[0]), path)
        return INVALID

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        self.active.add(id(node))
        result: dict[str, Any] = {}
        first_seen: dict[str, Mark] = {}
        for key_node, value_node in node.value:
            key_mark = _mark_of(key_node.start_mark)
            key = self._key_text(key_node, key_mark, path)
            if key is None:
                continue
            if key in first_seen:
                first = first_seen[key]
                self.error(
                    key_mark,
                    "duplicate-key",
                    f"kunci `{key}` ditulis dua kali (pertama di baris {first.line}); YAML "
                    "diam-diam hanya menyimpan yang terakhir: hapus salah satunya",
                    (*path, key),
                )
                continue
            first_seen[key] = key_mark
            self.source.keys[(*path, key)] = key_mark
            result[key] = self.walk(value_node, (*path, key))
        self.active.discard(id(node))
        return result

    def _key_text(self, key_node: yaml.Node, mark: Mark, path: Path) -> str | None:
        if key_node.tag == MERGE_TAG:
            self.error(mark, "merge-key",
                       "kunci gabung (`<<`) tidak didukung: tulis kuncinya satu per satu", path)
            return None
        if not isinstance(key_node, yaml.ScalarNode):
            self.error(mark, "key-type",
                       "kunci harus berupa teks biasa, bukan daftar atau pemetaan", path)
            return None
        return str(key_node.value)


def _syntax_diagnostic(file: str, exc: yaml.YAMLError, text: str = "") -> Diagnostic:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    message = pesan_yaml(str(problem), context, text, mark,
                         getattr(exc, "context_mark", None))
    position = getattr(exc, "position", None)  # a ReaderError (a control character) has no mark
    if mark is None and isinstance(position, int):
        before = text[:position]
        return Diagnostic(file, before.count("\n") + 1, position - before.rfind("\n"),
                          Severity.ERROR, "yaml-syntax", message)
    return Diagnostic(
        file=file,
        line=int(mark.line) + 1 if mark is not None else None,
        column=int(mark.column) + 1 if mark is not None else None,
        severity=Severity.ERROR,
        code="yaml-syntax",
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


def parse_yaml_text(file: str, text: str) -> ParsedYaml:
    """Parse one YAML document from text; never raises for bad input."""
    loader = DecimalLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        return ParsedYaml(None, SourceMap(file), [_syntax_diagnostic(file, exc, text)])
    finally:
        loader.dispose()
    if node is None:
        return _file_error(file, "empty", "berkas tidak berisi dokumen YAML")
    walker = _Walker(file, loader)
    data = walker.walk(node, ())
    if not isinstance(data, dict):
        mark = _mark_of(node.start_mark)
        walker.error(mark, "not-mapping",
                     "bagian teratas berkas harus berupa pemetaan kunci (instansi:, tahun:, ...)",
                     ())
        return ParsedYaml(None, walker.source, walker.diagnostics)
    return ParsedYaml(data, walker.source, walker.diagnostics)
