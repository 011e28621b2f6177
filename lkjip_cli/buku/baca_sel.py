"""Reading the data-entry workbook's sheets and cells: rows by column heading, and each
cell's value as the user typed it.

Why the care with numbers: Excel keeps a typed `0.1` as the binary float nearest to it, and
openpyxl hands lkjip that float. lkjip never builds a figure from a float's binary value;
it takes the shortest decimal that reads back as the same float (`repr`), which is what the
user typed, cut to Excel's 15 significant digits, and then honours the cell's number format:
a percent cell (stored 0.973, shown 97,3%) is read as 97.3, and a cell formatted with two
places keeps them (`97,30`). A number no report could hold (10^18 and above, `1e28`) is an
error at its cell, as in YAML. Text in a number cell goes through the same Indonesian number
parser as YAML. A formula cell gives its cached value; one with no saved value is an error,
as is a date where a number belongs, an Excel error value (`#DIV/0!`), a merged cell, a
missing sheet or an unknown column.

Why read-only: the workbook is loaded once, by openpyxl in its streaming mode, for the values
only. What the values do not say (which cells hold a formula but no saved value, which
ranges are merged, how far each sheet really goes) comes from the scan that inspected the
file first (`source/arsip.py`), so each sheet is read exactly up to its last cell with
something in it, and only the columns that have a heading.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Context, Decimal
from functools import cache
from typing import Any

from lkjip_cli.buku import tata as tb
from lkjip_cli.diagnostics import Diagnostic, Severity
from lkjip_cli.source.arsip import Lembar, Paket, Penolakan
from lkjip_cli.source.batas import BATAS_BUKU, MAKS_JUDUL, BatasArsip, Tenggat
from lkjip_cli.source.numbers import MIN_EXPONENT, NumberError, check_magnitude, parse_number

#: Significant digits Excel keeps of a typed number.
DIGIT_EXCEL = 15

#: Wide enough for any figure a report may hold (10^18) with the most places it may show.
_LEBAR = Context(prec=60)


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
    #: The "did you mean" hint given for each unknown code (`buku/baca.py`).
    saran: dict[str, str] = field(default_factory=dict)
    #: (sheet, heading) of each required column missing from its header row: reported once
    #: there, never again as an empty cell on every row (at a column it does not have).
    kolom_hilang: set[tuple[str, str]] = field(default_factory=set)


# ------------------------------------------------------------------------- numbers


def _desimal_format(number_format: str) -> tuple[int, bool]:
    """(decimal places shown, is a percent) of an Excel number format like `0.00%`."""
    first = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format.split(";")[0])
    places = re.search(r"\.([0#?]+)", first)
    return (len(places[1]) if places else 0), "%" in first


def desimal_dari_float(nilai: float, number_format: str = "General") -> Decimal:
    """The decimal a user typed into a cell Excel stored as `nilai` (never `Decimal(float)`).

    Raises `NumberError` (`number-invalid`, `number-range`) for what no report holds: NaN,
    an infinity, a magnitude of 10^18 or more, more than 12 decimal places."""
    if not math.isfinite(nilai):
        raise NumberError("number-invalid", f"nilai sel {nilai!r} bukan angka terhingga")
    angka = Decimal(repr(nilai))
    if len(angka.as_tuple().digits) > DIGIT_EXCEL:
        angka = Decimal(format(nilai, f".{DIGIT_EXCEL}g"))
    places, persen = _desimal_format(number_format)
    if persen:
        angka = angka.scaleb(2)
    # Only the places the number has (`2120554565.0` is a float's text, not a typed place),
    # written without an exponent (`5E+1` is 50).
    angka = check_magnitude(angka.normalize(_LEBAR), original=repr(nilai))
    if angka.as_tuple().exponent > 0:  # type: ignore[operator]
        angka = angka.quantize(Decimal(1), context=_LEBAR)
    exponent = angka.as_tuple().exponent
    shown = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    places = min(places, -MIN_EXPONENT)  # a format may show more places than a figure has
    if places > shown:  # the places the cell shows are the places the user sees
        angka = angka.quantize(Decimal(1).scaleb(-places), context=_LEBAR)
    return angka


# ------------------------------------------------------------------------ the reader


def _normal(text: Any) -> str:
    return " ".join(str(text or "").split()).casefold()


class Pembaca:
    """Reads sheets and cells of one workbook, collecting diagnostics with their cell."""

    def __init__(self, file: str, wb: Any, paket: Paket, tenggat: Tenggat | None = None,
                 batas: BatasArsip = BATAS_BUKU) -> None:
        self.file = file
        #: The workbook, opened by openpyxl read-only for its saved values.
        self.wb = wb
        #: What the inspection of the file learned of each sheet (`source/arsip.py`).
        self.paket = paket
        self.batas = batas
        self.tenggat = tenggat or Tenggat(batas.detik)
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
        if lembar.nama not in self.wb.sheetnames:
            asal = self._diganti_nama(lembar)
            if lembar.opsional and asal is None:
                return []
            saran = (f"; lembar `{asal}` tampaknya lembar ini yang diganti namanya: "
                     f"kembalikan namanya" if asal else
                     "; tambahkan lembar itu (boleh kosong, dengan baris judulnya) dari "
                     "`lkjip init --to xlsx`")
            self.galat(lembar.nama, None, "sheet-missing",
                       f"lembar `{lembar.nama}` tidak ada{saran}")
            return []
        survei = self.paket.lembar.get(lembar.nama)
        if survei is None:  # never read a sheet the inspection did not see
            raise Penolakan("xlsx-invalid", f"lembar `{lembar.nama}` tidak ditemukan di peta "
                            "buku kerja; simpan ulang buku kerja di Excel atau LibreOffice",
                            lembar=lembar.nama)
        baris_baris = self._baris(self.wb[lembar.nama], survei)
        kolom = self._judul(lembar, next(baris_baris, (1, ()))[1])
        self._gabungan(lembar.nama, survei)
        out = []
        for r, baris in baris_baris if kolom else ():
            isian = {}
            for c, kol in kolom.items():
                ref = f"{_kolom_huruf(c)}{r}"
                nilai = self.nilai_sel(lembar.nama, baris[c - 1], ref, kol, survei)
                if nilai is not None:
                    isian[kol.kunci] = Isian(nilai, ref)
            if isian:
                out.append(Rekaman(lembar.nama, r, {
                    k.kunci: isian.get(k.kunci) or Isian(None, f"{_huruf(kolom, k)}{r}")
                    for k in lembar.kolom}))
            if lembar.satu_baris:
                break
        return out

    def _diganti_nama(self, lembar: tb.Lembar) -> str | None:
        """A sheet outside the layout that looks like `lembar` renamed: a name close to its
        name, or row 1 holding its headings (every required one and at least half of all).
        An optional sheet renamed would otherwise be skipped as absent, its rows lost without
        a word; a notes or pivot sheet with other headings is left alone."""
        lain: list[str] = [n for n in self.wb.sheetnames
                           if _normal(n) not in {_normal(x.nama) for x in tb.LEMBAR}]
        dekat = difflib.get_close_matches(lembar.nama, lain, n=1, cutoff=0.6)
        if dekat:
            return dekat[0]
        perlu = {_normal(k.judul) for k in lembar.kolom if k.wajib}
        semua = {_normal(k.judul) for k in lembar.kolom}
        for nama in lain:
            survei = self.paket.lembar.get(nama)
            if survei is None:
                continue
            pertama = next(self._baris(self.wb[nama], survei), None)
            judul = {_normal(sel.value) for sel in pertama[1]} if pertama else set()
            if perlu <= judul and 2 * len(semua & judul) >= len(semua):
                return nama
        return None

    def _baca(self, lembar: str, baris: int, langkah: Iterator[tuple[Any, ...]]
              ) -> tuple[Any, ...] | None:
        """The next row from openpyxl; whatever it raises (a value the inspection did not
        foresee) stops the reading with one diagnostic at that row."""
        try:
            return next(langkah, None)
        except Exception as exc:
            raise Penolakan("xlsx-invalid", f"lembar tidak dapat dibaca mulai baris {baris} "
                            f"({type(exc).__name__}: {str(exc)[:80]}); simpan ulang buku kerja "
                            "di Excel atau LibreOffice", lembar=lembar, sel=f"A{baris}") from None

    def _baris(self, ws: Any, survei: Lembar) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """Row 1 (the headings) to the last row with something in it, each as many cells as
        row 1 has headings (no column without one is read). openpyxl is never asked past that
        row, so it never parses what follows (merged ranges, formats, validations)."""
        if not survei.baris_akhir or not survei.kolom_judul:
            return
        langkah = ws.iter_rows(min_row=1, max_row=survei.baris_akhir,
                               max_col=survei.kolom_judul)
        for r in range(1, survei.baris_akhir + 1):
            if self.tenggat.lewat():
                raise Penolakan("xlsx-limit", "pembacaan buku kerja melewati batas waktu "
                                f"{self.batas.detik:g} detik", lembar=ws.title, sel=f"A{r}")
            baris = self._baca(ws.title, r, langkah)
            if baris is None:
                return
            yield r, baris

    def _judul(self, lembar: tb.Lembar, judul_baris: tuple[Any, ...]) -> dict[int, tb.Kolom]:
        dikenal = {_normal(k.judul): k for k in lembar.kolom}
        kolom: dict[int, tb.Kolom] = {}
        asing: list[tuple[int, str]] = []
        for c, sel in enumerate(judul_baris, start=1):
            judul = sel.value
            if judul is None or not str(judul).strip():
                continue
            kol = dikenal.get(_normal(judul))
            if kol is None:
                asing.append((c, str(judul).strip()))
            else:
                kolom[c] = kol
        hilang = [k for k in lembar.kolom if k not in kolom.values()]
        for c, judul in asing:
            dekat = (difflib.get_close_matches(judul, [k.judul for k in hilang], n=1, cutoff=0.5)
                     if len(judul) <= MAKS_JUDUL else [])
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
                       f"kolom `{_ringkas(judul)}` tidak dikenal{saran}")
        for k in hilang:
            if k.wajib:
                self.galat(lembar.nama, "1:1", "column-missing",
                           f"kolom wajib `{k.judul}` tidak ada di baris judul")
                self.hasil.kolom_hilang.add((lembar.nama, k.judul))
        return kolom

    def _gabungan(self, lembar: str, survei: Lembar) -> None:
        for rentang in sorted(survei.gabungan):
            awal = rentang.split(":")[0]
            self.galat(lembar, awal if _SEL.match(awal) else None, "cell-merged",
                       f"sel {_ringkas(rentang)} digabung (merge); lkjip membaca satu nilai per "
                       "sel: batalkan penggabungan (Unmerge Cells) dan isi setiap sel")

    # -------------------------------------------------------------------- values

    def nilai_sel(self, lembar: str, sel: Any, ref: str, kol: tb.Kolom, survei: Lembar) -> Any:
        """One cell's value as typed, or `GAGAL` with its diagnostic (any sheet, any column)."""
        nilai = sel.value
        if nilai is None:
            rumus = survei.rumus_kosong.get(ref)
            if rumus is None:
                return None
            teks_rumus = f" ={_ringkas(rumus)}" if rumus else ""
            self.galat(lembar, ref, "cell-formula",
                       f"sel berisi rumus{teks_rumus} tanpa nilai tersimpan (buku kerja "
                       "disimpan oleh program yang tidak menghitung rumus); buka dan simpan "
                       "ulang di Excel atau LibreOffice, atau ketik nilainya", kol.judul)
            return GAGAL
        if sel.data_type == "e":
            return self._galat_excel(lembar, sel, ref, kol)
        if isinstance(nilai, str):
            if len(nilai) > self.batas.teks_sel:
                self.galat(lembar, ref, "cell-invalid", f"teks sel sepanjang "
                           f"{len(nilai)} karakter, melewati batas Excel "
                           f"{self.batas.teks_sel} karakter", kol.judul)
                return GAGAL
            nilai = nilai.strip()
            return nilai or None
        if isinstance(nilai, datetime.date) and kol.jenis == "periode":
            return f"{nilai.year:04d}-{nilai.month:02d}"  # `2023-06` that Excel made a date
        if isinstance(nilai, datetime.date | datetime.time | datetime.timedelta):
            tampil = nilai.date() if isinstance(nilai, datetime.datetime) else nilai
            self.galat(lembar, ref, "cell-date",
                       f"sel berformat tanggal/waktu ({tampil}) di kolom angka; Excel mengubah "
                       "angka yang diketik menjadi tanggal: ubah format sel menjadi Number "
                       "(Angka) lalu ketik ulang nilainya", kol.judul)
            return GAGAL
        if isinstance(nilai, float):
            return self._angka(lembar, sel, ref, kol)
        if isinstance(nilai, bool | int):
            return nilai
        return str(nilai)

    def _format(self, sel: Any) -> str | None:
        """The cell's number format; None when its style is missing from the workbook."""
        try:
            return str(sel.number_format or "General")
        except (IndexError, KeyError, TypeError, ValueError, AttributeError):
            return None

    def _angka(self, lembar: str, sel: Any, ref: str, kol: tb.Kolom) -> Any:
        number_format = self._format(sel)
        if number_format is None:
            self.galat(lembar, ref, "cell-invalid", "gaya sel ini tidak ada dalam buku kerja; "
                       "simpan ulang buku kerja di Excel atau LibreOffice", kol.judul)
            return GAGAL
        try:
            return desimal_dari_float(sel.value, number_format)
        except NumberError as exc:
            self.galat(lembar, ref, exc.code, exc.message, kol.judul)
            return GAGAL

    def _galat_excel(self, lembar: str, sel: Any, ref: str, kol: tb.Kolom) -> Any:
        """An error value (`#DIV/0!`, `#N/A`); openpyxl also gives `#VALUE!` for a
        date-formatted cell whose number is no date."""
        from openpyxl.styles.numbers import is_date_format

        if is_date_format(self._format(sel) or "General"):
            self.galat(lembar, ref, "cell-date", "sel berformat tanggal berisi angka yang "
                       "bukan tanggal (Excel menampilkannya sebagai #####): ubah format sel "
                       "menjadi Number (Angka) lalu ketik ulang nilainya", kol.judul)
        else:
            self.galat(lembar, ref, "cell-invalid", f"sel berisi galat Excel "
                       f"{_ringkas(str(sel.value))}: perbaiki rumusnya atau ketik nilainya",
                       kol.judul)
        return GAGAL


#: A cell reference, for a merged range's first cell.
_SEL = re.compile(r"^[A-Z]{1,3}[1-9][0-9]*$")


def _ringkas(teks: str) -> str:
    """Text from the file, cut short for a message."""
    return teks if len(teks) <= 60 else teks[:57] + "..."


@cache
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
    if jenis == "nama":  # names: one per line in the cell, or comma-separated without one
        pemisah = r"\n" if "\n" in str(nilai) else r"[,;]"
        return [b.strip() for b in re.split(pemisah, str(nilai)) if b.strip()]
    if jenis == "daftar":  # `-` is the empty list, an empty cell the default
        return [b.strip() for b in re.split(r"[,;\n]", str(nilai)) if b.strip() != "-"
                and b.strip()]
    if jenis == "bebas":
        return Decimal(nilai) if isinstance(nilai, int) and not isinstance(nilai, bool) else (
            nilai)
    return format(nilai, "f") if isinstance(nilai, Decimal) else str(nilai)
