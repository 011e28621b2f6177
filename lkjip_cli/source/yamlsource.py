"""YAML text to plain Python data, with the source position of every key and value.

PyYAML's own constructors lose positions, silently keep the last of two duplicate keys, read
`10.50` as a float, expand aliases without limit, recurse once per nesting level and raise
plain Python exceptions on tagged values they cannot build (`!!bool foo`,
`!!timestamp 2020-13-45`). lkjip instead reads libyaml's *event stream* (`CSafeLoader`,
falling back to the pure-Python parser where libyaml is absent) and builds the data itself,
with an explicit stack, in one pass:

- scalars tagged int or float become `Decimal(text)`, so `10.50` stays `Decimal('10.50')`
  and `12345678901234567.89` stays exact;
- every tag has one meaning or a positioned error (see `source/yamltag.py` and docs/format.md):
  the standard scalar tags (str, int, float, bool, null) with a value they accept, `!!seq`
  on a sequence and `!!map` on a mapping; a plain scalar that YAML 1.1 would read as a
  date stays text (no figure of a report is a date); every other tag is refused;
- the position of every key and value is kept compactly: two integer arrays (line, column)
  indexed by node number, and per collection its children's numbers (`SourceMap`);
- duplicate keys, merge keys, non-scalar keys and recursive aliases are diagnostics;
- limits stop the reading at once, with one diagnostic naming the limit: files above
  `MAX_FILE_BYTES`, aliases expanding to more than `MAX_ALIAS_VALUES` values (a "billion
  laughs" file; plain values do not count), nesting deeper than `MAX_DEPTH`.

An aliased value is shared, not copied: the expansion is counted (each anchor knows how many
values it holds), so the cost of everything downstream stays bounded by the file's size plus
`MAX_ALIAS_VALUES`. The walk never raises for a user mistake: it returns what it could build
and diagnostics.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Any

import yaml

from lkjip_cli.diagnostics import Diagnostic, Path, Severity, format_path
from lkjip_cli.pesan import pesan_yaml
from lkjip_cli.source.numbers import NumberError
from lkjip_cli.source.yamlposisi import Anak, Mark, SourceMap
from lkjip_cli.source.yamltag import (
    BOOL_TAG,
    FLOAT_TAG,
    INT_TAG,
    KEY_TAGS,
    MAP_TAG,
    MERGE_TAG,
    NULL_TAG,
    SEQ_TAG,
    STR_TAG,
    TIMESTAMP_TAG,
    VALUE_TAG,
    YAML_TAG,
    Tolak,
    is_merge_key,
    skalar,
    tag_ditolak,
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


class Invalid:
    """Stands in for a value that could not be built; it was already reported."""

    _instance: Invalid | None = None

    def __new__(cls) -> Invalid:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "<invalid>"


INVALID = Invalid()

@dataclass
class ParsedYaml:
    """The outcome of reading one YAML file."""

    data: dict[str, Any] | None
    source: SourceMap
    diagnostics: list[Diagnostic]


class _Batas(Exception):
    """A limit was hit: the reading stops with this one diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


@dataclass(slots=True)
class _Anchor:
    """What an anchor names: its value, node, how many values it holds, its text if a scalar."""

    value: Any
    node: int
    ukuran: int
    teks: str | None
    terbuka: bool = False
    tinggi: int = 0  # levels of collections inside it (0 for a scalar)


@dataclass(slots=True)
class _Wadah:
    """A collection being built (one stack frame of the walk)."""

    node: int
    isi: Any  # dict or list
    anak: Anak
    anchor: str | None
    ukuran: int = 1
    tinggi: int = 1  # levels of collections in this one, itself included
    tidak_sah: bool = False  # refused (bad tag): becomes INVALID when closed
    sebagai_kunci: bool = False  # a collection written where a key was expected
    # mappings only: the key of the value being read, its node, and whether to drop it
    kunci: str | None = None
    kunci_node: int = -1
    lewati: bool = False
    menunggu_kunci: bool = True

    def bagian(self) -> str | int:
        """The path part of the child being read."""
        if isinstance(self.isi, list):
            return len(self.isi)
        return self.kunci if self.kunci is not None else ""


@dataclass
class _Pembangun:
    """Builds data from events, with an explicit stack: no recursion however deep the file.

    Its two limits are given by the reader, which reads them from this module's globals when
    it is called (a test lowers one by patching `MAX_DEPTH` or `MAX_ALIAS_VALUES`)."""

    file: str
    resolver: Any
    maks_kedalaman: int
    maks_alias: int
    source: SourceMap = field(init=False)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    stack: list[_Wadah] = field(default_factory=list)
    anchors: dict[str, _Anchor] = field(default_factory=dict)
    ekspansi: int = 0
    hasil: Any = None
    memo: dict[tuple[Any, str, bool], tuple[Any, tuple[str, str] | None]] = field(
        default_factory=dict)

    def __post_init__(self) -> None:
        self.source = SourceMap(self.file)

    # ------------------------------------------------------------------ diagnostics

    def path(self) -> Path:
        return tuple(w.bagian() for w in self.stack)

    def error(self, node: int | None, code: str, message: str, path: Path) -> None:
        self.diagnostics.append(_diagnostic(self.file, self.source, node, code, message, path))

    # ------------------------------------------------------------------------ events

    def event(self, event: Any) -> None:
        kind = type(event)
        if kind is yaml.ScalarEvent:
            self.scalar(event)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self.buka(event, mapping=kind is yaml.MappingStartEvent)
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self.tutup()
        elif kind is yaml.AliasEvent:
            self.alias(event)

    def scalar(self, event: Any) -> None:
        node = self.source._simpul(event.start_mark)
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.isi, dict) and top.menunggu_kunci:
            self.kunci(top, node, event)
            if event.anchor is not None:
                self.jangkar_baru(event.anchor, node)
                self.anchors[event.anchor] = _Anchor(self.nilai_kunci(event), node, 1,
                                                     str(event.value))
            return
        value, problem = self.nilai(event)
        if problem is not None:
            self.error(node, problem[0], problem[1], self.path())
        if event.anchor is not None:
            self.jangkar_baru(event.anchor, node)
            self.anchors[event.anchor] = _Anchor(value, node, 1, str(event.value))
        self.tempel(value, node, 1)

    def jangkar_baru(self, anchor: str, node: int) -> None:
        """YAML lets a later `&a` replace an earlier one silently; an alias then names
        whichever came last, which in a report is a mistake: said, as before."""
        first = self.anchors.get(anchor)
        if first is not None:
            self.error(node, "yaml-syntax",
                       f"jangkar `&{anchor}` dipakai dua kali (pertama di baris "
                       f"{self.source.baris[first.node]}): beri setiap jangkar nama sendiri", ())

    def nilai(self, event: Any) -> tuple[Any, tuple[str, str] | None]:
        """The scalar's value, or INVALID and (code, message); remembered per short text,
        since a report repeats the same few values (`100`, `"%"`, `positif`) thousands of
        times and every value built is immutable."""
        key = (event.tag, event.value, event.implicit[0])
        known = self.memo.get(key)
        if known is not None:
            return known
        try:
            found: tuple[Any, tuple[str, str] | None] = (skalar(self.resolver, event), None)
        except NumberError as exc:
            found = (INVALID, (exc.code, exc.message))
        except Tolak as exc:
            found = (INVALID, ("yaml-value", exc.message))
        if len(event.value) <= 40 and len(self.memo) < 50_000:
            self.memo[key] = found
        return found

    def nilai_kunci(self, event: Any) -> Any:
        """The value of an anchored key, should an alias use it as a value."""
        return self.nilai(event)[0]

    def kunci(self, top: _Wadah, node: int, event: Any) -> None:
        top.menunggu_kunci = False
        top.kunci_node = node
        if is_merge_key(event):
            top.kunci, top.lewati = None, True
            self.error(node, "merge-key",
                       "kunci gabung (`<<`) tidak didukung: tulis kuncinya satu per satu",
                       self.path()[:-1])
            return
        if event.tag not in KEY_TAGS:
            top.kunci, top.lewati = None, True
            self.error(node, "yaml-value", tag_ditolak(event.tag, "kunci").message,
                       self.path()[:-1])
            return
        self.nama_kunci(top, node, str(event.value))

    def nama_kunci(self, top: _Wadah, node: int, key: str) -> None:
        top.kunci, top.kunci_node = key, node
        assert isinstance(top.anak, dict)
        first = top.anak.get(key)
        if first is None:
            top.lewati = False
            return
        top.lewati = True
        self.error(node, "duplicate-key",
                   f"kunci `{key}` ditulis dua kali (pertama di baris "
                   f"{self.source.baris[first]}); YAML diam-diam hanya menyimpan yang terakhir: "
                   "hapus salah satunya", (*self.path()[:-1], key))

    def buka(self, event: Any, *, mapping: bool) -> None:
        node = self.source._simpul(event.start_mark)
        self.kedalaman(node, 1)
        top = self.stack[-1] if self.stack else None
        sebagai_kunci = top is not None and isinstance(top.isi, dict) and top.menunggu_kunci
        if sebagai_kunci:
            assert top is not None
            top.menunggu_kunci, top.kunci, top.lewati, top.kunci_node = False, None, True, node
        wadah = _Wadah(node, {} if mapping else [], {} if mapping else array("i"), event.anchor,
                       sebagai_kunci=sebagai_kunci)
        tag = event.tag
        if tag not in (None, "!", MAP_TAG if mapping else SEQ_TAG):
            jenis = "pemetaan" if mapping else "daftar"
            self.error(node, "yaml-value", tag_ditolak(tag, jenis).message, self.path())
            wadah.tidak_sah = True
        if event.anchor is not None:
            self.jangkar_baru(event.anchor, node)
            self.anchors[event.anchor] = _Anchor(INVALID, node, 1, None, terbuka=True)
        self.stack.append(wadah)
        self.source.anak[node] = wadah.anak

    def kedalaman(self, node: int, tinggi: int) -> None:
        """Stop at a collection (or an alias of one) that would nest beyond MAX_DEPTH."""
        if len(self.stack) + tinggi <= self.maks_kedalaman:
            return
        raise _Batas(_diagnostic(self.file, self.source, node, "yaml-depth",
                                 _pesan_kedalaman(self.maks_kedalaman), self.path()))

    def tutup(self) -> None:
        wadah = self.stack.pop()
        value = INVALID if wadah.tidak_sah else wadah.isi
        if wadah.anchor is not None:
            self.anchors[wadah.anchor] = _Anchor(value, wadah.node, wadah.ukuran, None,
                                                 tinggi=wadah.tinggi)
        if wadah.sebagai_kunci:
            self.error(wadah.node, "key-type", _KUNCI_BIASA, self.path()[:-1])
            return
        self.tempel(value, wadah.node, wadah.ukuran, wadah.tinggi)

    def alias(self, event: Any) -> None:
        node = self.source._simpul(event.start_mark)
        anchor = self.anchors.get(event.anchor)
        if anchor is None:
            raise yaml.composer.ComposerError(
                None, None, f"found undefined alias {event.anchor!r}", event.start_mark)
        self.source.alias[node] = anchor.node
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.isi, dict) and top.menunggu_kunci:
            top.menunggu_kunci = False
            if anchor.teks is None:
                self.error(node, "key-type", _KUNCI_BIASA, self.path()[:-1])
                top.kunci, top.lewati, top.kunci_node = None, True, node
            else:
                self.nama_kunci(top, node, anchor.teks)
            return
        if anchor.terbuka:
            self.error(node, "alias-recursive", "alias merujuk ke dirinya sendiri: hapus alias ini",
                       self.path())
            self.tempel(INVALID, node, 1)
            return
        self.kedalaman(node, anchor.tinggi)
        self.ekspansi += anchor.ukuran
        if self.ekspansi > self.maks_alias:
            raise _Batas(_diagnostic(
                self.file, self.source, node, "alias-limit",
                f"alias di berkas ini mengembang menjadi lebih dari {self.maks_alias} nilai "
                "(\"billion laughs\"); berkas tidak dibaca. Tulis nilai yang dipakai berulang "
                "secara langsung, tanpa alias bersarang", self.path()))
        self.tempel(anchor.value, node, anchor.ukuran, anchor.tinggi)

    def tempel(self, value: Any, node: int, ukuran: int, tinggi: int = 0) -> None:
        """Attach a finished value to the collection being built (or make it the result)."""
        if not self.stack:
            self.hasil = value
            return
        top = self.stack[-1]
        top.ukuran += ukuran
        if tinggi >= top.tinggi:
            top.tinggi = tinggi + 1
        if isinstance(top.isi, list):
            top.isi.append(value)
            assert isinstance(top.anak, array)
            top.anak.append(node)
            return
        if not top.lewati and top.kunci is not None:
            top.isi[top.kunci] = value
            assert isinstance(top.anak, dict)
            top.anak[top.kunci] = top.kunci_node  # its value is node kunci_node + 1
        top.menunggu_kunci, top.kunci, top.lewati = True, None, False


def _diagnostic(file: str, source: SourceMap, node: int | None, code: str, message: str,
                path: Path) -> Diagnostic:
    mark = source._mark(node) if node is not None else None
    return Diagnostic(
        file=file,
        line=mark.line if mark else None,
        column=mark.column if mark else None,
        severity=Severity.ERROR,
        code=code,
        message=message,
        path=format_path(path),
    )


#: The key-type message: keys are plain text.
_KUNCI_BIASA = "kunci harus berupa teks biasa, bukan daftar atau pemetaan"


def _pesan_kedalaman(batas: int | str) -> str:
    return (f"susunan bersarang lebih dalam dari {batas} tingkat (termasuk lewat alias); "
            "laporan tidak pernah sedalam ini: periksa kurung `[`/`{` yang tidak ditutup atau "
            "indentasinya")


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
        code, message = "yaml-depth", _pesan_kedalaman(MAX_DEPTH)
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
    builder = _Pembangun(file, loader, MAX_DEPTH, MAX_ALIAS_VALUES)
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
    except _Batas as limit:
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
    return ParsedYaml(data, builder.source, builder.diagnostics)
