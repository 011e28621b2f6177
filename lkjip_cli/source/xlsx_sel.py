"""Reading the data-entry workbook's sheets and cells: rows by column heading, and each
cell's value as the user typed it.

Why the care with numbers: Excel keeps a typed `0.1` as the binary float nearest to it, and
openpyxl hands lkjip that float. lkjip never builds a figure from a float's binary value;
it takes the shortest decimal that reads back as the same float (`repr`), which is what the
user typed, cut to Excel's 15 significant digits, and then honours the cell's number format:
a percent cell (stored 0.973, shown 97,3%) is read as 97.3, and a cell formatted with two
places keeps them (`97,30`). Text in a number cell goes through the same Indonesian number
parser as YAML. A formula cell gives its cached value (the workbook is opened twice, once for
formulas and once for the values Excel saved); one with no saved value is an error, as is a
date where a number belongs, a merged cell, a missing sheet or an unknown column.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from lkjip_cli.diagnostics import Diagnostic, Severity
from lkjip_cli.source import tata_buku as tb
from lkjip_cli.source.numbers import NumberError, parse_number

#: Significant digits Excel keeps of a typed number.
DIGIT_EXCEL = 15
#: Workbooks beyond this size are refused before openpyxl opens them.
MAX_XLSX_BYTES = 20 * 1024 * 1024
#: ... and beyond this size once unzipped (the sheets' XML), so a zip bomb never expands.
MAX_XLSX_UNZIPPED = 200 * 1024 * 1024


class _Gagal:
    """A cell already reported (a formula without a value, a date): no value for it."""


GAGAL = _Gagal()


@dataclass(frozen=True, slots=True)
class Isian:
    """One cell of a record: its value (None when empty) and its coordinate."""

    nilai: Any
    sel: str


@dataclass
class Rekaman:
    """One row of a sheet, by column key."""

    lembar: str
    baris: int
    isian: dict[str, Isian]

    def __getitem__(self, kunci: str) -> Isian:
        return self.isian.get(kunci) or Isian(None, f"A{self.baris}")

    @property
    def sel(self) -> str:
        return f"A{self.baris}"


@dataclass
class BacaanBuku:
    """What a workbook holds: the report document (values wrapped with their cell), where
    each path of it came from, and the problems found while reading."""

    doc: dict[str, Any]
    sel: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    sel_kunci: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    sudah: set[str] = field(default_factory=set)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Text typed in a number cell that the number parser refused, by path (for the message).
    teks_angka: dict[str, str] = field(default_factory=dict)
    #: The cell (`Indikator!B2`) where each kode first appears.
    kode_sel: dict[str, str] = field(default_factory=dict)


# ------------------------------------------------------------------------- numbers


def _desimal_format(number_format: str) -> tuple[int, bool]:
    """(decimal places shown, is a percent) of an Excel number format like `0.00%`."""
    first = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format.split(";")[0])
    places = re.search(r"\.([0#?]+)", first)
    return (len(places[1]) if places else 0), "%" in first


def desimal_dari_float(nilai: float, number_format: str = "General") -> Decimal:
    """The decimal a user typed into a cell Excel stored as `nilai` (never `Decimal(float)`)."""
    angka = Decimal(repr(nilai))
    if len(angka.as_tuple().digits) > DIGIT_EXCEL:
        angka = Decimal(format(nilai, f".{DIGIT_EXCEL}g"))
    places, persen = _desimal_format(number_format)
    if persen:
        angka = angka.scaleb(2)
    # Only the places the number has (`2120554565.0` is a float's text, not a typed place),
    # written without an exponent (`5E+1` is 50).
    angka = angka.normalize()
    if angka.as_tuple().exponent > 0:  # type: ignore[operator]
        angka = angka.quantize(Decimal(1))
    exponent = angka.as_tuple().exponent
    shown = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if places > shown:  # the places the cell shows are the places the user sees
        angka = angka.quantize(Decimal(1).scaleb(-places))
    return angka


# ------------------------------------------------------------------------ the reader


def _normal(text: Any) -> str:
    return " ".join(str(text or "").split()).casefold()


class Pembaca:
    """Reads sheets and cells of one workbook, collecting diagnostics with their cell."""

    def __init__(self, file: str, wb_nilai: Any, wb_rumus: Any) -> None:
        self.file = file
        self.wb_nilai = wb_nilai
        self.wb_rumus = wb_rumus
        self.hasil = BacaanBuku({})
        #: The Instansi row, which also holds the SAKIP evaluation's source line.
        self.instansi: Rekaman | None = None

    def galat(self, lembar: str, sel: str | None, code: str, message: str, judul: str = "",
              severity: Severity = Severity.ERROR) -> None:
        self.hasil.diagnostics.append(Diagnostic(self.file, None, None, severity, code, message,
                                                 judul, sheet=lembar, cell=sel))

    # ------------------------------------------------------------ sheets and rows

    def rekaman(self, lembar: tb.Lembar) -> list[Rekaman]:
        """Every non-empty row of a sheet, by column key; header problems reported."""
        if lembar.nama not in self.wb_nilai.sheetnames:
            lain = [n for n in self.wb_nilai.sheetnames
                    if _normal(n) not in {_normal(x.nama) for x in tb.LEMBAR}]
            dekat = difflib.get_close_matches(lembar.nama, lain, n=1, cutoff=0.6)
            saran = (f"; lembar `{dekat[0]}` tampaknya lembar ini yang diganti namanya: "
                     f"kembalikan namanya" if dekat else
                     "; tambahkan lembar itu (boleh kosong, dengan baris judulnya) dari "
                     "`lkjip init --to xlsx`")
            self.galat(lembar.nama, None, "sheet-missing",
                       f"lembar `{lembar.nama}` tidak ada{saran}")
            return []
        ws, ws_f = self.wb_nilai[lembar.nama], self.wb_rumus[lembar.nama]
        kolom = self._judul(lembar, ws)
        self._gabungan(lembar.nama, ws_f)
        out = []
        for r in range(2, (ws.max_row or 1) + 1):
            isian = {}
            for c, kol in kolom.items():
                sel = ws.cell(row=r, column=c)
                nilai = self._nilai(lembar.nama, sel, ws_f.cell(row=r, column=c), kol)
                if nilai is not None:
                    isian[kol.kunci] = Isian(nilai, sel.coordinate)
            if isian:
                out.append(Rekaman(lembar.nama, r, {
                    k.kunci: isian.get(k.kunci) or Isian(None, f"{_huruf(kolom, k)}{r}")
                    for k in lembar.kolom}))
            if lembar.satu_baris:
                break
        return out

    def _judul(self, lembar: tb.Lembar, ws: Any) -> dict[int, tb.Kolom]:
        dikenal = {_normal(k.judul): k for k in lembar.kolom}
        kolom: dict[int, tb.Kolom] = {}
        asing: list[tuple[int, str]] = []
        for c in range(1, (ws.max_column or 1) + 1):
            judul = ws.cell(row=1, column=c).value
            if judul is None or not str(judul).strip():
                continue
            kol = dikenal.get(_normal(judul))
            if kol is None:
                asing.append((c, str(judul).strip()))
            else:
                kolom[c] = kol
        hilang = [k for k in lembar.kolom if k not in kolom.values()]
        for c, judul in asing:
            dekat = difflib.get_close_matches(judul, [k.judul for k in hilang], n=1, cutoff=0.5)
            if dekat:
                # Read it as the column it was renamed from, so that its values do not also
                # show up as missing: one mistake, one diagnostic.
                kolom[c] = next(k for k in hilang if k.judul == dekat[0])
                hilang = [k for k in hilang if k.judul != dekat[0]]
                saran = f"; maksudnya `{dekat[0]}`? Kembalikan judul kolom itu"
            else:
                saran = (f"; nilainya tidak dibaca. Kolom lembar ini: "
                         f"{', '.join(k.judul for k in lembar.kolom)}")
            self.galat(lembar.nama, f"{_kolom_huruf(c)}1", "column-unknown",
                       f"kolom `{judul}` tidak dikenal{saran}")
        for k in hilang:
            if k.wajib:
                self.galat(lembar.nama, "1:1", "column-missing",
                           f"kolom wajib `{k.judul}` tidak ada di baris judul")
        return kolom

    def _gabungan(self, lembar: str, ws_f: Any) -> None:
        for rentang in sorted(ws_f.merged_cells.ranges, key=str):
            awal = str(rentang).split(":")[0]
            self.galat(lembar, awal, "cell-merged",
                       f"sel {rentang} digabung (merge); lkjip membaca satu nilai per sel: "
                       "batalkan penggabungan (Unmerge Cells) dan isi setiap sel")

    # -------------------------------------------------------------------- values

    def _nilai(self, lembar: str, sel: Any, sel_f: Any, kol: tb.Kolom) -> Any:
        nilai = sel.value
        if sel_f.data_type == "f" and nilai is None:
            self.galat(lembar, sel.coordinate, "cell-formula",
                       f"sel berisi rumus {sel_f.value} tanpa nilai tersimpan (buku kerja "
                       "disimpan oleh program yang tidak menghitung rumus); buka dan simpan "
                       "ulang di Excel atau LibreOffice, atau ketik nilainya", kol.judul)
            return GAGAL
        if isinstance(nilai, str):
            nilai = nilai.strip()
            return nilai or None
        if isinstance(nilai, datetime.date | datetime.time | datetime.timedelta):
            tampil = nilai.date() if isinstance(nilai, datetime.datetime) else nilai
            self.galat(lembar, sel.coordinate, "cell-date",
                       f"sel berformat tanggal/waktu ({tampil}) di kolom angka; Excel mengubah "
                       "angka yang diketik menjadi tanggal: ubah format sel menjadi Number "
                       "(Angka) lalu ketik ulang nilainya", kol.judul)
            return GAGAL
        if isinstance(nilai, float):
            return desimal_dari_float(nilai, sel.number_format or "General")
        if isinstance(nilai, bool | int):
            return nilai
        return None if nilai is None else str(nilai)


def _kolom_huruf(c: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(c))


def _huruf(kolom: dict[int, tb.Kolom], k: tb.Kolom) -> str:
    for c, kol in kolom.items():
        if kol is k:
            return _kolom_huruf(c)
    return "A"


# ---------------------------------------------------------------- typed values


def sebagai(jenis: str, nilai: Any) -> Any:
    """A cell's value as the report document holds it for a column of `jenis`; text that
    cannot be read is passed on, for the model to report with the YAML loader's message."""
    if nilai is None or nilai is GAGAL:
        return nilai
    if jenis in ("angka", "rupiah"):
        if isinstance(nilai, bool):
            return nilai
        if isinstance(nilai, int):
            return Decimal(nilai)
        if isinstance(nilai, str):
            try:
                return parse_number(nilai)
            except NumberError:
                return nilai
        return nilai
    if jenis == "bulat":
        if isinstance(nilai, Decimal) and nilai == nilai.to_integral_value():
            return int(nilai)
        if isinstance(nilai, str) and re.fullmatch(r"\d{1,4}", nilai):
            return int(nilai)
        return nilai
    if jenis == "yatidak":
        ya = {"ya": True, "tidak": False, "true": True, "false": False}
        return ya.get(_normal(nilai), nilai) if isinstance(nilai, str) else nilai
    if jenis == "daftar":  # `-` is the empty list, an empty cell the default
        return [b.strip() for b in re.split(r"[,;\n]", str(nilai)) if b.strip() != "-"
                and b.strip()]
    if jenis == "bebas":
        return Decimal(nilai) if isinstance(nilai, int) and not isinstance(nilai, bool) else (
            nilai)
    return format(nilai, "f") if isinstance(nilai, Decimal) else str(nilai)
