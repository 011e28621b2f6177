"""What a template can see: the engine result and the table models as plain, read-only data.

Why a copy and not the objects themselves: the engine result holds pydantic models and
dataclasses, and every public method of those is a door out of a sandbox. pydantic's
`parse_raw(..., allow_pickle=True)` unpickles a string, so a template that could call it
ran shell commands. Jinja2's sandbox only refuses names beginning with `_`; it cannot know
which of a library's public methods are dangerous. So templates receive no object of ours
or of a library at all: `data()` converts everything into

- `Rekaman`: an immutable mapping with no public method of its own (a record: a model or a
  dataclass, its fields and its properties, e.g. `nilai.ada`; or a dict, e.g. `tabel`),
  compared by identity,
- tuples (for lists, tuples and sets), and
- scalars: `str`, `int`, `bool`, `None` and `Decimal` (a figure stays exact; the sandbox
  refuses every attribute of a Decimal, so its methods cannot be called).

The names and shapes stay those of the engine (`hasil.sasaran[0].indikator[0].capaian.ada`),
so templates written against the objects keep working; methods (`hasil.tampil(...)`) are
gone. A `Rekaman` remembers the object it was made from, for lkjip's own filters (`sel`,
`persen`) only: the sandbox gives templates no way to reach it.

A record of a model converts each field the first time it is read (the models are frozen,
so it is the same value every time): a report of 3,000 indicators holds 400,000 values,
and templates read a fraction of them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any

from pydantic import BaseModel

from lkjip_cli.engine import RUMUS_EFISIENSI
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.tabel import BUILDERS, Tabel

#: The values a template can hold that are not containers.
Skalar = str | int | bool | Decimal | None


class Rekaman(Mapping[Any, Any]):
    """A read-only record or mapping handed to templates.

    Templates read it as `r.nama` or `r["nama"]` (the sandbox resolves both to the data, never
    to a method), iterate its keys, test `"nama" in r`, and use `|items` or `|dictsort`.
    """

    __slots__ = ("_asal", "_isi", "_jenis", "_kunci", "_pengubah")

    _jenis: str
    _isi: dict[Any, Any]
    _asal: object
    _kunci: tuple[str, ...] | None
    _pengubah: _Pengubah | None

    def __init__(self, jenis: str, isi: dict[Any, Any], asal: object = None, *,
                 kunci: tuple[str, ...] | None = None,
                 pengubah: _Pengubah | None = None) -> None:
        object.__setattr__(self, "_jenis", jenis)
        object.__setattr__(self, "_isi", isi)
        object.__setattr__(self, "_asal", asal)
        object.__setattr__(self, "_kunci", kunci)
        object.__setattr__(self, "_pengubah", pengubah)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{self._jenis} hanya-baca")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{self._jenis} hanya-baca")

    def __getitem__(self, kunci: Any) -> Any:
        try:
            return self._isi[kunci]
        except KeyError:
            if self._pengubah is None or kunci not in self:
                raise
        # A record of a frozen model converts a field the first time it is read: the same
        # value every time, and only what templates read is converted.
        nilai = self._pengubah.data(getattr(self._asal, kunci))
        self._isi[kunci] = nilai
        return nilai

    def __contains__(self, kunci: object) -> bool:
        if self._kunci is None:
            return kunci in self._isi
        return kunci in _himpunan(self._kunci)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._isi if self._kunci is None else self._kunci)

    def __len__(self) -> int:
        return len(self._isi if self._kunci is None else self._kunci)

    def __repr__(self) -> str:
        return f"<{self._jenis}>"

    # Compared and hashed by identity, not content: comparing two records by content costs
    # as much as the report is large, and a template could make it do so a million times in
    # one C call (`[a] * 10**6 == [b] * 10**6`). Shared objects stay shared (`data()`), so a
    # record equals itself wherever the report reaches it.
    def __eq__(self, other: object) -> bool:
        return self is other

    def __ne__(self, other: object) -> bool:
        return self is not other

    def __hash__(self) -> int:
        return id(self)


@cache
def _himpunan(kunci: tuple[str, ...]) -> frozenset[str]:
    return frozenset(kunci)


def jenis(rekaman: Rekaman) -> str:
    """The name of what a record was made from (`Nilai`, `HasilIndikator`, `dict`)."""
    return rekaman._jenis


def asal(nilai: object) -> object:
    """The engine object a record was made from (for lkjip's filters), or the value itself."""
    return nilai._asal if isinstance(nilai, Rekaman) else nilai


# ---------------------------------------------------------------------------- converting


@cache
def _properti(cls: type) -> list[str]:
    """The public properties lkjip's classes define (`Nilai.ada`, `Hasil.indikator`), by
    name; not pydantic's own (`model_extra`)."""
    ours = [klass for klass in cls.__mro__ if klass not in (*BaseModel.__mro__, object)]
    return sorted({nama for klass in ours for nama, attr in vars(klass).items()
                   if isinstance(attr, property) and not nama.startswith("_")})


@cache
def _medan(cls: type) -> tuple[str, ...]:
    """The fields of a model or a dataclass, then its properties: what a template may read."""
    if issubclass(cls, BaseModel):
        names = [*cls.model_fields, *cls.model_computed_fields]
    else:
        names = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    return (*names, *(p for p in _properti(cls) if p not in names))


def _skalar(nilai: object) -> Skalar:
    """A scalar as its exact built-in type: an enum or a str subclass carries methods."""
    if nilai is None:
        return None
    if isinstance(nilai, Enum):
        return _skalar(nilai.value)
    if isinstance(nilai, bool):
        return bool(nilai)
    if isinstance(nilai, int):
        return int(nilai)
    if isinstance(nilai, str):
        return str.__str__(nilai)
    if isinstance(nilai, Decimal):
        return nilai if type(nilai) is Decimal else Decimal(nilai)
    raise TypeError(f"nilai {type(nilai).__name__} tidak dapat diberikan ke templat")


#: Values that pass as they are: exact built-in scalars (the fast path of `_Pengubah.data`).
_TEPAT = frozenset({str, int, bool, Decimal, type(None)})


@cache
def _rekaman(cls: type) -> bool:
    """Whether values of `cls` become records of their fields (models and dataclasses)."""
    return issubclass(cls, BaseModel) or dataclasses.is_dataclass(cls)


class _Pengubah:
    """One conversion; shared objects stay shared (`sameas` keeps its meaning)."""

    def __init__(self) -> None:
        self.sudah: dict[int, tuple[object, object]] = {}

    def data(self, obj: object) -> object:
        kind = type(obj)
        if kind in _TEPAT:
            return obj
        if kind is tuple and not obj:
            return ()
        known = self.sudah.get(id(obj))
        if known is not None:
            return known[1]
        if isinstance(obj, str | int | Decimal | Enum):  # a subclass: its exact value
            return _skalar(obj)
        hasil = self._wadah(obj)
        self.sudah[id(obj)] = (obj, hasil)
        return hasil

    def _wadah(self, obj: object) -> object:
        kind: type = type(obj)
        if _rekaman(kind):
            return Rekaman(kind.__name__, {}, obj, kunci=_medan(kind), pengubah=self)
        if isinstance(obj, list | tuple):
            return tuple(map(self.data, obj))
        if isinstance(obj, Mapping):
            return Rekaman("dict", {_skalar(k): self.data(v) for k, v in obj.items()}, obj)
        if isinstance(obj, set | frozenset):
            return tuple(sorted(self.data(v) for v in obj))  # type: ignore[type-var]
        raise TypeError(f"nilai {type(obj).__name__} tidak dapat diberikan ke templat")


def data(obj: object) -> object:
    """`obj` as plain read-only data (see the module docstring); TypeError for a value that
    has no plain form (a float, a function), which is a bug in lkjip, not in the input."""
    return _Pengubah().data(obj)


def konteks(hasil: Hasil) -> dict[str, object]:
    """What every template sees (documented in docs/render.md), as plain data."""
    laporan = hasil.laporan
    pengubah = _Pengubah()
    tabel = {n: build(hasil) for n, build in BUILDERS.items()}
    return {
        "hasil": pengubah.data(hasil),
        "laporan": pengubah.data(laporan),
        "aturan": pengubah.data(laporan.aturan),
        "tahun": laporan.tahun,
        "instansi": laporan.instansi.nama,
        "singkatan": laporan.instansi.singkatan or laporan.instansi.nama,
        "tabel": pengubah.data(tabel),
        "tabel_bagian": pengubah.data(_per_bagian(tabel)),
        "rumus_efisiensi": pengubah.data(dict(RUMUS_EFISIENSI)),
        "bagian": None,
    }


def _per_bagian(tabel: Mapping[str, Sequence[Tabel]]) -> dict[str, dict[str, list[Tabel]]]:
    """The parts of each table by their `bagian` (Tabel 3.8: one per sasaran), so that a
    template printing one part per sasaran looks it up instead of walking every part for
    every sasaran, which grows with the square of the report."""
    hasil: dict[str, dict[str, list[Tabel]]] = {nomor: {} for nomor in tabel}
    for nomor, bagian in tabel.items():
        for t in bagian:
            if t.bagian:
                hasil[nomor].setdefault(t.bagian, []).append(t)
    return hasil
