"""The builder of the YAML reader: libyaml's events to plain data, with positions, in one pass.

Why a module of its own: this is where a report file from anyone becomes data, and where
most of what SECURITY.md promises of one is kept. `Pembangun` walks the event stream with an
explicit stack (no recursion, however deep the file), numbers every node in `SourceMap`,
asks `source/yamltag.py` for the value of each scalar, and turns each mistake into a
positioned diagnostic instead of an exception: a duplicate key or anchor, a merge key, a key
that is no scalar, a tag a key or collection cannot carry, a recursive alias. An aliased
value is shared, not copied, and its expansion counted (each anchor knows how many values it
holds). Two limits stop the walk at once with one diagnostic (`Batas`): nesting deeper than
its `maks_kedalaman` (aliases included) and aliases adding more than its `maks_alias` values.
Both are given by the reader (`source/yamlsource.py`, `MAX_DEPTH` and `MAX_ALIAS_VALUES`),
which also owns the file's size limit and the parser.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Any

import yaml

from lkjip_cli.diagnostics import Diagnostic, Path, Severity, format_path
from lkjip_cli.source.numbers import NumberError
from lkjip_cli.source.yamlposisi import Anak, SourceMap
from lkjip_cli.source.yamltag import (
    KEY_TAGS,
    MAP_TAG,
    SEQ_TAG,
    Tolak,
    is_merge_key,
    skalar,
    tag_ditolak,
)


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


class Batas(Exception):
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
class Pembangun:
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
        raise Batas(_diagnostic(self.file, self.source, node, "yaml-depth",
                                 pesan_kedalaman(self.maks_kedalaman), self.path()))

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
            raise Batas(_diagnostic(
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


def pesan_kedalaman(batas: int | str) -> str:
    return (f"susunan bersarang lebih dalam dari {batas} tingkat (termasuk lewat alias); "
            "laporan tidak pernah sedalam ini: periksa kurung `[`/`{` yang tidak ditutup atau "
            "indentasinya")
