"""A program indicator that is an IKU (`sama_dengan`): it takes the IKU's target, realisasi
and quarters, so the LKjIP and the Renja evaluation cannot disagree; a value written on both
that differs is a positioned warning. data/contoh-renja.yaml's IKP1 and IKU1 are both the
Angka kematian bayi (negative, last quarter): IKU1 holds TW I 8 and TW II 8, IKP1 TW I 9 and
TW II 8. Every expected figure is worked by hand beside it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from lkjip_cli.engine import hitung
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.loader import LoadResult, load_text

D = Decimal
TEKS = (Path(__file__).resolve().parent.parent / "data" / "contoh-renja.yaml").read_text(
    encoding="utf-8")
#: IKP1's own target and quarters, as the example writes them.
IKP1_SENDIRI = ("        target: 10\n        triwulan:\n"
                "          - {target: 10, realisasi: 9}\n"
                "          - {target: 10, realisasi: 8}\n"
                "          - {target: 10}\n          - {target: 10}\n"
                "        target_renstra:")


def muat(teks: str) -> LoadResult:
    return load_text(teks, "contoh-renja.yaml")


def hasil(teks: str) -> Hasil:
    result = muat(teks)
    assert result.report is not None, result.diagnostics
    return hitung(result.report)


def sama_dengan(sendiri: bool = False) -> str:
    """The example with IKP1 `sama_dengan: IKU1`, without its own values (or with them)."""
    assert IKP1_SENDIRI in TEKS
    ganti = "        sama_dengan: IKU1\n" + (IKP1_SENDIRI if sendiri else "        target_renstra:")
    return TEKS.replace(IKP1_SENDIRI, ganti, 1)


def test_the_program_indicator_takes_the_ikus_values() -> None:
    h = hasil(sama_dengan())
    [prog] = h.program
    [ikp] = prog.indikator
    # IKU1's target 10 and TW II realisasi 8 (terakhir): (2 x 10 - 8) / 10 x 100 = 120
    assert (ikp.target, ikp.realisasi, ikp.capaian.nilai) == (D(10), D(8), D(120))
    # read at IKU1's place in the file, where the values are typed once: s.d. TW II, by the
    # last quarter, target and realisasi are TW II's
    assert {m.sumber for m in ikp.capaian.masukan} == {
        ("sasaran", 0, "indikator", 0, "triwulan", 1, "target"),
        ("sasaran", 0, "indikator", 0, "triwulan", 1, "realisasi")}
    assert h.renja is not None
    [i] = [i for i in h.renja.indikator if i.kode == "IKP1"]
    # column 8 (TW I) is IKU1's 8, not the 9 IKP1 wrote; column 5 stays IKP1's own
    # target_renstra 2026 = 8 (IKU1 gives no Renstra years)
    assert i.triwulan[:2] == (D(8), D(8))
    assert i.target_renstra.nilai == D(8)
    assert i.capaian.nilai == D(120)


def test_a_value_written_on_both_that_differs_is_a_warning_at_its_place() -> None:
    result = muat(sama_dengan(sendiri=True))
    got = [(d.path, d.severity.value, d.message) for d in result.diagnostics
           if d.code == "sama-dengan"]
    # target 10 = 10, TW I target 10 = 10, TW II 8 = 8; only TW I realisasi 9 against 8
    assert got == [("program[0].indikator[0].triwulan[0].realisasi", "warning",
                    "realisasi triwulan 1 9 berbeda dengan realisasi triwulan 1 IKU `IKU1` 8: "
                    "indikator ini sama dengan IKU itu (sama_dengan) dan memakai angkanya; "
                    "hapus nilai ini atau samakan")]
    # the figures are still the IKU's: TW I 8 in the form
    h = hasil(sama_dengan(sendiri=True))
    assert h.renja is not None
    assert [i.triwulan[0] for i in h.renja.indikator if i.kode == "IKP1"] == [D(8)]


def test_an_unknown_iku_is_an_error_with_the_nearest_kode() -> None:
    result = muat(sama_dengan().replace("sama_dengan: IKU1", "sama_dengan: IKU2"))
    [d] = [d for d in result.diagnostics if d.code == "unknown-ref"]
    assert (d.path, d.severity.value) == ("program[0].indikator[0].sama_dengan", "error")
    assert "tidak ada indikator dengan kode `IKU2`" in d.message and "IKU1" in d.message


def test_an_iku_reached_only_by_sama_dengan_is_supported() -> None:
    # neither the program's mendukung nor IKP1's names IKU1 or SS1: sama_dengan does
    teks = sama_dengan().replace("    mendukung: [IKU1]\n", "", 1).replace(
        "        mendukung: [SS1]\n", "", 1)
    codes = [d.code for d in muat(teks).diagnostics]
    assert "kaskade-iku-tanpa-program" not in codes


def test_the_xlsx_program_table_refers_to_the_ikus_cells(tmp_path: Path) -> None:
    import pytest

    pytest.importorskip("formulas")
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from rekalkulasi import bandingkan, hitung_ulang

    from lkjip_cli.render.xlsx.buku_kerja import buku_kerja

    h = hasil(sama_dengan())
    wb, lembar = buku_kerja(h, bab=[], tabel=["3.4", "kinerja-program"])
    path = tmp_path / "sama.xlsx"
    wb.save(path)
    nilai = hitung_ulang(path)
    assert bandingkan(lembar, nilai, h.laporan.aturan)[1] == []
    program = lembar[1].ws
    # IKU1's TW II target and realisasi stand once, in Tabel 3.4 (its second row)
    assert (program["D4"].value, program["E4"].value) == ("='Tabel 3.4'!G5",
                                                          "='Tabel 3.4'!H5")
    assert nilai[f"{program.title.upper()}!F4"] == pytest.approx(120.0)


def test_the_workbook_carries_sama_dengan_and_imports_the_same_report(tmp_path: Path) -> None:
    import openpyxl
    from typer.testing import CliRunner

    from lkjip_cli.cli.app import app
    from lkjip_cli.loader import load

    sumber, buku, kembali = tmp_path / "sama.yaml", tmp_path / "isian.xlsx", tmp_path / "k.yaml"
    sumber.write_text(sama_dengan(), encoding="utf-8")
    run = CliRunner().invoke
    assert run(app, ["export", str(sumber), "--to", "xlsx", "--data", "-o", str(buku)]
               ).exit_code == 0
    ws = openpyxl.load_workbook(buku)["Indikator Simpul"]
    judul = [c.value for c in ws[1]]
    [baris] = [r for r in ws.iter_rows(min_row=2, values_only=True)
               if r[judul.index("Kode")] == "IKP1"]
    assert baris[judul.index("Sama dengan")] == "IKU1"
    assert run(app, ["import", str(buku), "-o", str(kembali)]).exit_code == 0
    a, b = load(kembali).report, load(sumber).report
    assert a is not None and b is not None
    assert a.program[0].indikator[0].sama_dengan == "IKU1"
    assert a.model_dump() == b.model_dump()


def test_next_years_starter_leaves_the_values_to_the_iku() -> None:
    from lkjip_cli.model.kerangka import kerangka_lanjutan

    result = muat(sama_dengan())
    assert result.report is not None
    lanjut = muat(kerangka_lanjutan(result.report, "contoh-renja.yaml"))
    assert [d.code for d in lanjut.diagnostics if d.code == "sama-dengan"] == []
    lap = lanjut.report
    assert lap is not None and lap.tahun == 2024
    ikp = lap.program[0].indikator[0]
    assert (ikp.sama_dengan, ikp.target, ikp.triwulan) == ("IKU1", None, ())
    assert ikp.target_renstra[2026] == D(8)  # its own Renstra years stay
