"""The data-entry workbook holds the whole report model: a walk over the pydantic model's
fields finds, for each, its sheet and column in `buku/tata.py` (`PETA_MODEL`), its `Bagian`
on the Dilaporkan sheet (`BAGIAN_DILAPORKAN`) or its reason for being YAML-only
(`HANYA_YAML`, listed in docs/excel.md). A field added to the model later fails here with the
list of what to add where."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from lkjip_cli.buku import tata as tb
from lkjip_cli.model.laporan import Laporan

ROOT = Path(__file__).resolve().parent.parent


def _isi(annotation: Any) -> tuple[list[type[BaseModel]], bool]:
    """The models a field's type holds (in tuples, unions, dict values) and whether it
    also holds a plain value (a leaf the workbook must give a column)."""
    models: list[type[BaseModel]] = []
    daun = False
    tumpuk = [annotation]
    while tumpuk:
        a = tumpuk.pop()
        origin = typing.get_origin(a)
        if origin is typing.Annotated:
            tumpuk.append(typing.get_args(a)[0])
        elif isinstance(a, type) and issubclass(a, BaseModel):
            models.append(a)
        elif origin in (tuple, list, typing.Union, types.UnionType):
            tumpuk.extend(x for x in typing.get_args(a) if x is not Ellipsis)
        elif origin is dict:
            tumpuk.append(typing.get_args(a)[1])
        elif a is not type(None):
            daun = True
    return models, daun


def isian_model(cls: type[BaseModel] = Laporan, awal: str = "",
                dilihat: frozenset[type[BaseModel]] = frozenset({Laporan})
                ) -> Iterator[tuple[str, type[BaseModel]]]:
    """(path, owning model) of every leaf field of the report model; a `dilaporkan` is one
    leaf (its quantities are free keys of the Dilaporkan sheet), a model met again below
    itself (the budget tree's `rincian`) is one leaf (the sheet's `Tingkat`)."""
    for nama, info in cls.model_fields.items():
        path = f"{awal}.{nama}" if awal else nama
        if nama == "dilaporkan":
            yield path, cls
            continue
        models, daun = _isi(info.annotation)
        if daun:
            yield path, cls
        for m in models:
            if m in dilihat:
                yield path, cls
            else:
                yield from isian_model(m, path, dilihat | {m})


def _saran(path: str, cls: type[BaseModel]) -> str:
    modul = typing.cast(Any, cls).__module__.replace(".", "/") + ".py"
    induk = path.rsplit(".", 1)[0] if "." in path else ""
    tetangga = next((v.split("/")[0] for k, v in tb.PETA_MODEL.items()
                     if k.rsplit(".", 1)[0] == induk and "." in k), None)
    if path.endswith("dilaporkan"):
        return (f"- `{path}` ({cls.__name__}.dilaporkan, {modul}): tambahkan `Bagian` barunya "
                f"ke `BAGIAN` dan `BAGIAN_DILAPORKAN` di lkjip_cli/buku/tata.py, tulis "
                f"barisnya di lkjip_cli/buku/tulis.py (`_dilaporkan`), temukan objeknya di "
                f"lkjip_cli/buku/susun.py (`_objek`), dan sebut di docs/excel.md (Dilaporkan)")
    if tetangga:
        lembar = f"lembar `{tetangga}`"
    elif not induk:
        lembar = "lembar `Instansi` (satu baris) atau lembar baru untuk isian berulang"
    else:
        lembar = f"lembar baru untuk `{induk}` (`Lembar` di `LEMBAR`, `opsional=True`)"
    return (f"- `{path}` ({cls.__name__}.{path.rsplit('.', 1)[-1]}, {modul}): tambahkan "
            f"`Kolom` di {lembar} (lkjip_cli/buku/tata.py) dan entri "
            f"`\"{path}\": \"<Lembar>/<Judul kolom>\"` di `PETA_MODEL`; tulis nilainya di "
            f"lkjip_cli/buku/tulis.py, baca di lkjip_cli/buku/susun_*.py, dan sebut kolomnya "
            f"di docs/excel.md bagian 3; isi juga di `laporan_2021` (tests/test_buku_pulang.py) "
            f"agar pulang-perginya diuji. Bila buku kerja memang tidak dapat memuatnya: entri "
            f"di `HANYA_YAML` dengan alasannya, dan barisnya di tabel \"Hanya di YAML\" "
            f"docs/excel.md")


def test_every_model_field_has_a_home_in_the_workbook() -> None:
    tanpa = [_saran(path, cls) for path, cls in isian_model()
             if path not in tb.PETA_MODEL and path not in tb.BAGIAN_DILAPORKAN
             and path not in tb.HANYA_YAML]
    assert not tanpa, ("isian model laporan tanpa tempat di buku kerja isian:\n"
                       + "\n".join(tanpa))


def test_the_map_names_real_fields_sheets_and_columns() -> None:
    jalur = {path for path, _ in isian_model()}
    basi = sorted((set(tb.PETA_MODEL) | set(tb.BAGIAN_DILAPORKAN) | set(tb.HANYA_YAML))
                  - jalur)
    assert basi == [], "isian ini sudah tidak ada di model: hapus entrinya di buku/tata.py"
    kolom = {f"{lembar.nama}/{k.judul}" for lembar in tb.LEMBAR for k in lembar.kolom}
    assert sorted(set(tb.PETA_MODEL.values()) - kolom) == []
    assert sorted(set(tb.BAGIAN_DILAPORKAN.values()) - set(tb.BAGIAN)) == []


def test_yaml_only_fields_are_documented_with_their_reason() -> None:
    text = (ROOT / "docs" / "excel.md").read_text(encoding="utf-8")
    assert "### Hanya di YAML" in text
    assert [p for p in tb.HANYA_YAML if f"| `{p}` |" not in text] == []


def test_the_walk_sees_nested_new_fields() -> None:
    """The walk is not vacuous: it reaches a field four models deep, a field below the
    recursive tree, a range target's bounds, and a union's plain branch."""
    jalur = {path for path, _ in isian_model()}
    assert {"sasaran.indikator.bulanan.realisasi", "program.kegiatan.rincian.rpd",
            "sasaran.indikator.triwulan.target.maks", "aturan.skala_interpretasi",
            "aturan.skala_interpretasi.sebutan", "belanja.kelompok.dilaporkan"} <= jalur
    assert len(jalur) > 120
