"""Round trip of the 2021+ report through the data-entry workbook: YAML -> workbook ->
`lkjip import` gives an equal validated model for data/contoh-2023.yaml and for generated
reports using the budget tree at any depth, spending classes with pagu murni and groups,
`penomoran` labels as places, interim periods, monthly values and inputs. A report the
workbook cannot hold is refused with a diagnostic before anything is written."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_engine_properties import ANGKA, laporan_acak

from lkjip_cli.buku.impor import buku_utuh, impor
from lkjip_cli.buku.tulis import buku_data, simpan
from lkjip_cli.diagnostics import format_text
from lkjip_cli.loader import load, load_text
from lkjip_cli.model.laporan import Laporan

ROOT = Path(__file__).resolve().parent.parent
RUPIAH = st.integers(0, 10**12)
ROMAWI = {"2.5": "II.3", "2.6": "II.4", "3.4": "III.3", "3.10": "III.9", "3.12": "III.11",
          "3.13": "III.12"}


def _pulang(tmp: Path, asli: Laporan) -> Laporan:
    buku = tmp / "isian.xlsx"
    buku.write_bytes(simpan(buku_data(asli)))
    hasil = impor(buku)
    assert hasil.laporan is not None, [format_text(d) for d in hasil.diagnostics]
    return hasil.laporan


def test_the_2023_example_round_trips(tmp_path: Path) -> None:
    asli = load(ROOT / "data" / "contoh-2023.yaml").report
    assert asli is not None
    kembali = _pulang(tmp_path, asli)
    assert kembali.model_dump() == asli.model_dump()
    # The parts a 2020-shaped workbook lost (issue 20): sub kegiatan rows with their money,
    # the classes with pagu murni, the printed group, penomoran and the II.4 place.
    sub = kembali.program[0].kegiatan[0].rincian[0]
    assert (sub.kode, sub.pagu, sub.rpd) == ("1.02.02.2.01.0014", Decimal(800_000_000),
                                             Decimal(250_000_000))
    assert [(j.jenis, j.pagu_murni) for j in kembali.belanja[0].jenis][2] == (
        "5.2.02", Decimal(900_000_000))
    assert kembali.belanja[0].kelompok[0].dilaporkan.pagu == {"II.3": 3_200_000_000}
    assert kembali.penomoran["2.6"] == "II.4"
    assert kembali.sasaran[0].dilaporkan.pagu == {"II.4": 1_400_000_000}
    assert kembali.periode is not None and kembali.periode.sampai == "TW2"


@st.composite
def _simpul(draw: st.DrawFn, kode: str, sisa: int, indikator: list[str],
            tempat: str) -> dict[str, Any]:
    """A node with `sisa` levels below it; money at the leaves only."""
    node: dict[str, Any] = {"kode": kode, "nama": f"Rincian {kode}"}
    if draw(st.booleans()):
        node["mendukung"] = draw(st.lists(st.sampled_from(indikator), max_size=2, unique=True))
    if sisa == 0:
        node["pagu"] = draw(RUPIAH)
        node["realisasi"] = draw(RUPIAH)
        if draw(st.booleans()):
            node["rpd"] = draw(RUPIAH)
    else:
        node["rincian"] = [draw(_simpul(f"{kode}.{i}", sisa - 1, indikator, tempat))
                           for i in range(1, draw(st.integers(1, 2)) + 1)]
    if draw(st.booleans()):
        node["dilaporkan"] = {"pagu": {tempat: draw(RUPIAH)}}
    return node


@st.composite
def laporan_2021(draw: st.DrawFn) -> dict[str, Any]:
    data = draw(laporan_acak())
    tahun = data["tahun"]
    tingkat = draw(st.sampled_from([["Program", "Kegiatan", "Sub Kegiatan"],
                                    ["Program", "Kegiatan", "KRO", "RO"],
                                    ["Program", "Kegiatan"]]))
    data["tingkat_anggaran"] = tingkat
    data["penomoran"] = dict(draw(st.lists(st.sampled_from(sorted(ROMAWI.items())),
                                           unique=True)))
    tempat = data["penomoran"].get("3.12", "3.12")
    indikator = [i["kode"] for s in data["sasaran"] for i in s["indikator"]]
    data["program"] = [
        {"kode": f"1.0{p}", "nama": f"Program {p}", "mendukung": draw(st.lists(
            st.sampled_from(indikator), max_size=1)),
         "kegiatan": [draw(_simpul(f"1.0{p}.{k}", len(tingkat) - 2, indikator, tempat))
                      for k in range(1, draw(st.integers(1, 2)) + 1)],
         "dilaporkan": {"penyerapan": {tempat: draw(ANGKA)}}}
        for p in range(1, draw(st.integers(1, 2)) + 1)]
    for prog in data["program"]:
        for keg in prog["kegiatan"]:
            if "dilaporkan" in keg:
                keg["dilaporkan"] = {"realisasi": {tempat: draw(RUPIAH)}}
    if draw(st.booleans()):
        data["periode"] = {"sampai": draw(st.sampled_from(
            ["TW1", "TW2", "TW3", "TW4", f"{tahun}-05", f"{tahun}-11"]))}
    for s in data["sasaran"]:
        for ind in s["indikator"]:
            if not ind["triwulan"] and draw(st.booleans()):
                ind["bulanan"] = [{"target": draw(st.one_of(st.none(), ANGKA)),
                                   "realisasi": draw(st.one_of(st.none(), ANGKA))}
                                  for _ in range(draw(st.integers(1, 12)))]
                ind["bulanan"][-1]["dilaporkan"] = {"capaian": {"bab3": draw(ANGKA)}}
            elif ind["triwulan"]:
                ind["triwulan"][0]["dilaporkan"] = {
                    "capaian": {data["penomoran"].get("3.4", "3.4"): draw(ANGKA)}}
        if draw(st.booleans()):
            s["masukan"] = [{"nama": "Dana", "anggaran": True},
                            {"nama": "SDM", "satuan": "orang-hari", "target": draw(ANGKA),
                             "realisasi": draw(ANGKA),
                             "dilaporkan": {"efisiensi": {"bab3": draw(ANGKA)}}}]
    jenis = draw(st.lists(st.sampled_from(["5.1.01", "5.1.02", "5.2.02", "5.3"]),
                          min_size=1, unique=True))
    kelas = data["penomoran"].get("2.5", "2.5")
    data["belanja"] = [{
        "tahun": tahun, "klasifikasi": "permendagri-77-2020",
        "jenis": [{"jenis": j, "pagu": draw(RUPIAH), "pagu_murni": draw(RUPIAH),
                   "realisasi": draw(RUPIAH)} for j in jenis],
        "kelompok": [{"kelompok": "5.1", "dilaporkan": {"pagu": {kelas: draw(RUPIAH)}}}],
        "dilaporkan": {"pagu_murni": {"bab2": draw(RUPIAH)}}}]
    _issue_22(draw, data, tahun)
    _issue_23(draw, data, tahun, tingkat)
    _pendapatan(draw, data)
    return data


def _issue_22(draw: st.DrawFn, data: dict[str, Any], tahun: int) -> None:
    """The keys issue 22 added: earlier years' targets, the kind of percentage, rounding per
    place, printed signs, and rows a program's total covers that the file does not list."""
    for s in data["sasaran"]:
        for ind in s["indikator"]:
            if draw(st.booleans()):
                ind["target_sebelumnya"] = {tahun - 1: draw(ANGKA)}
            if draw(st.booleans()):
                ind["jenis_persen"] = draw(st.sampled_from(["bagian", "laju", "rasio",
                                                            "indeks"]))
    _hitung(draw, data["sasaran"][0]["indikator"][0], tahun)
    aturan = data.setdefault("aturan", {})
    if draw(st.booleans()):
        aturan["bulatkan_realisasi"] = draw(st.integers(0, 3))
    if draw(st.booleans()):
        aturan["per_tempat"] = {"3.5": {"pembulatan": "down"}, "ikhtisar": {"desimal": 1}}
    if draw(st.booleans()):
        aturan["tanda_cetak"] = [{"besaran": "perubahan_pagu", "tempat": "bab2",
                                  "tanda": "dibalik"},
                                 {"besaran": "perubahan_poin", "tanda": "tanpa-tanda"}]
    if draw(st.booleans()):
        data["program"][0]["baris_lain"] = {"pagu": draw(RUPIAH), "realisasi": draw(RUPIAH),
                                            "keterangan": "halaman sebelumnya"}


def _hitung(draw: st.DrawFn, ind: dict[str, Any], tahun: int) -> None:
    """An indicator derived from its inputs (sheets Hitung and Masukan Hitung): by a formula,
    with a target formula over inputs with both values, or the IKM with respondents in all
    or per unsur; and an earlier year's printed capaian (Dilaporkan, Butir the year)."""
    if draw(st.booleans()):
        ind.setdefault("dilaporkan", {})["tahun_sebelumnya"] = {
            tahun - 2: {"capaian": {"bab3": draw(ANGKA)}, "target": {"3.6": draw(ANGKA)}}}
    cara = draw(st.sampled_from(["", "rumus", "target", "ikm"]))
    if not cara:
        return
    ind.pop("realisasi", None)
    ind.pop("triwulan", None)
    ind.pop("bulanan", None)
    if cara == "rumus":
        ind["hitung"] = {"masukan": {"selesai": draw(ANGKA),
                                     "diterima": draw(st.one_of(st.none(), ANGKA))},
                         "realisasi": "selesai / diterima * 100",
                         "dilaporkan": {"masukan": {"selesai": {"3.5": draw(ANGKA)}}}}
    elif cara == "target":
        ind.pop("target", None)
        ind["hitung"] = {
            "masukan": {"pad": {"target": draw(ANGKA), "realisasi": draw(ANGKA)},
                        "pendapatan": {"target": draw(st.one_of(st.none(), ANGKA)),
                                       "realisasi": draw(ANGKA)}},
            "realisasi": "pad / pendapatan * 100", "target": "pad / pendapatan * 100",
            "dilaporkan": {"masukan_target": {"pendapatan": {"3.5": draw(ANGKA)}}}}
    else:
        ind["hitung"] = {
            "bawaan": "ikm-permenpan-rb-14-2017", "masukan": {"u1": 105, "u2": 101},
            "responden": draw(st.sampled_from([None, 29, {"u1": 29, "u2": 28}])),
            "dilaporkan": {"nrr": {"u1": {"3.5": draw(ANGKA)}}, "mutu": {"3.5": "A"},
                           "nilai_indeks": {"3.5": draw(ANGKA)}}}


@st.composite
def _indikator_simpul(draw: st.DrawFn, kode: str, tahun: int, tempat: str,
                      mendukung: list[str]) -> dict[str, Any]:
    """An indicator of a node, measured like an IKU, with the cascade's keys."""
    ind: dict[str, Any] = {"kode": kode, "nama": f"Indikator {kode}",
                           "satuan": draw(st.sampled_from(["unit", "%", "orang"])),
                           "target": draw(ANGKA), "realisasi": draw(st.one_of(st.none(), ANGKA))}
    if draw(st.booleans()):
        ind["polaritas"] = "negatif"
        ind["rumus_negatif"] = draw(st.sampled_from(["T/R", "(2T-R)/T"]))
    if draw(st.booleans()):
        ind["rekap_triwulan"] = draw(st.sampled_from(["jumlah", "rata-rata", "terakhir"]))
        ind["rekap_renstra"] = draw(st.sampled_from(["jumlah", "terakhir"]))
    if draw(st.booleans()):
        ind["triwulan"] = [{"target": draw(ANGKA), "realisasi": draw(ANGKA)}
                           for _ in range(draw(st.integers(1, 4)))]
        ind["triwulan"][0]["dilaporkan"] = {"realisasi": {tempat: draw(ANGKA)}}
    elif draw(st.booleans()):
        ind["bulanan"] = [{"realisasi": draw(st.one_of(st.none(), ANGKA))}
                          for _ in range(draw(st.integers(1, 12)))]
    if draw(st.booleans()):
        ind["target_renstra"] = {t: draw(ANGKA) for t in range(tahun - 2, tahun + 2)}
        ind["realisasi_sebelumnya"] = {tahun - 1: draw(ANGKA)}
    if mendukung and draw(st.booleans()):
        ind["mendukung"] = mendukung
    if draw(st.booleans()):
        ind["keterangan"] = "Keterangan\nberbaris dua"
        ind["rencana_aksi"] = ["Aksi satu", "Aksi dua"]
    if draw(st.booleans()):
        ind["dilaporkan"] = {"capaian": {tempat: draw(ANGKA)}}
    return ind


def _issue_23(draw: st.DrawFn, data: dict[str, Any], tahun: int, tingkat: list[str]) -> None:
    """The cascade (issue 23): indicators on nodes of any level, each node's money per
    quarter, month and Renstra year and its unit, and the Evaluasi Renja block."""
    sasaran = [s["kode"] for s in data["sasaran"]]
    nomor = iter(range(1, 1000))

    def simpul(node: dict[str, Any], n: int) -> None:
        if draw(st.booleans()):
            node["indikator"] = [draw(_indikator_simpul(
                f"IS{next(nomor)}", tahun, "E.81", sasaran if n == 1 else []))
                for _ in range(draw(st.integers(1, 2)))]
        if draw(st.booleans()):
            node["penanggung_jawab"] = f"Bidang {node['kode']}"
        if draw(st.booleans()):
            node["pagu_renstra"] = {t: draw(RUPIAH) for t in range(tahun, tahun + 3)}
            node["realisasi_sebelumnya"] = {tahun - 1: draw(RUPIAH)}
        if "pagu" in node and draw(st.booleans()):
            node["realisasi_triwulan"] = [draw(RUPIAH) for _ in range(draw(st.integers(1, 4)))]
        if "pagu" in node and draw(st.booleans()):
            node["realisasi_bulanan"] = [draw(st.one_of(st.none(), RUPIAH))
                                         for _ in range(draw(st.integers(1, 12)))]
        for anak in node.get("kegiatan", node.get("rincian", [])):
            simpul(anak, n + 1)

    for program in data["program"]:
        simpul(program, 1)
    if draw(st.booleans()):
        data["evaluasi_renja"] = {
            "sampai": draw(st.sampled_from([None, "TW1", "TW2", "TW4"])),
            "bentuk": draw(st.sampled_from(["17-kolom", "15-kolom"])),
            "tingkat_dokumen": draw(st.sampled_from(["renja", "rkpd"])),
            "capaian_renja_terhadap": draw(st.sampled_from(["tahunan", "periode"])),
            "rata_rata": draw(st.sampled_from(["semua", "program"])),
            "wajib_indikator": draw(st.lists(st.sampled_from(tingkat), unique=True)),
            "faktor_pendorong": "Pagu tersedia.\nKontrak cepat.",
            "tindak_lanjut_renja": "Jadwal ulang.",
            "dilaporkan": {"predikat_kinerja": {"E.81": "Tinggi"},
                           "rata_rata_capaian_kinerja": {"E.81": draw(ANGKA)}}}


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=laporan_2021())
def test_generated_2021_reports_round_trip(tmp_path_factory: pytest.TempPathFactory,
                                           data: dict[str, Any]) -> None:
    asli = Laporan.model_validate(data)
    kembali = _pulang(tmp_path_factory.mktemp("acak"), asli)
    assert kembali.model_dump() == asli.model_dump()


def test_a_report_the_workbook_cannot_hold_is_refused_unwritten(tmp_path: Path) -> None:
    """A rencana aksi holding a line break cannot stand in a cell that holds one aksi per
    line: `export --data` names the field, exits 2 and writes nothing."""
    from typer.testing import CliRunner

    from lkjip_cli.cli.app import app

    teks = (ROOT / "data" / "2020.yaml").read_text(encoding="utf-8")
    teks = teks.replace("- Merevisi Pergub tentang Mutasi Pegawai.",
                        '- "Merevisi Pergub\\ntentang Mutasi Pegawai."', 1)
    sumber = tmp_path / "aksi.yaml"
    sumber.write_text(teks, encoding="utf-8")
    asli = load_text(teks).report
    assert asli is not None
    isi, masalah = buku_utuh(asli, str(sumber))
    assert isi is None
    # The anchored list is used twice in 2020.yaml: both indicators are named.
    assert [d.path for d in masalah] == [
        "program[4].kegiatan[2].indikator[0].rencana_aksi",
        "program[4].kegiatan[2].indikator[1].rencana_aksi"]
    assert format_text(masalah[0]).startswith(
        f"{sumber}: error[xlsx-lossy]: program[4].kegiatan[2].indikator[0].rencana_aksi: buku "
        "kerja isian tidak dapat memuat nilai ini persis: ('Merevisi Pergub\\ntentang Mutasi "
        "Pegawai.', ")
    assert format_text(masalah[0]).endswith(
        "; buku tidak ditulis (laporkan sebagai bug lkjip, atau pakai YAML-nya)")
    out = tmp_path / "aksi.xlsx"
    result = CliRunner().invoke(app, ["export", str(sumber), "--to", "xlsx", "--data",
                                      "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.endswith("".join(format_text(d) + "\n" for d in masalah))
    assert not out.exists()


def test_level_names_with_commas_round_trip(tmp_path: Path) -> None:
    """Names holding a comma are written one per line in the Tingkat anggaran cell."""
    teks = (ROOT / "data" / "contoh-2023.yaml").read_text(encoding="utf-8")
    teks += 'tingkat_anggaran: [Program, "Kegiatan, Bagian", "sub kegiatan"]\n'
    asli = load_text(teks).report
    assert asli is not None
    assert _pulang(tmp_path, asli).model_dump() == asli.model_dump()


def test_a_month_excel_turned_into_a_date_is_read_as_that_month(tmp_path: Path) -> None:
    import datetime

    import openpyxl

    asli = load(ROOT / "data" / "contoh-2023.yaml").report
    assert asli is not None
    path = tmp_path / "isian.xlsx"
    path.write_bytes(simpan(buku_data(asli)))
    wb = openpyxl.load_workbook(path)
    ws = wb["Instansi"]
    kolom = next(c.column for c in ws[1] if c.value == "Periode sampai")
    ws.cell(row=2, column=int(kolom or 0), value=datetime.datetime(2023, 5, 1))  # typed 2023-05
    wb.save(path)
    hasil = impor(path)
    assert hasil.laporan is not None, [format_text(d) for d in hasil.diagnostics]
    assert hasil.laporan.periode is not None and hasil.laporan.periode.sampai == "2023-05"


def _akun(draw: st.DrawFn, kode: str, sisa: int) -> dict[str, Any]:
    """A revenue account with up to `sisa` levels below it; money at the leaves only."""
    akun: dict[str, Any] = {"kode": kode, "uraian": f"Akun {kode}"}
    if sisa and draw(st.booleans()):
        akun["rincian"] = [draw(_akun_st(f"{kode}.0{n}", sisa - 1))
                           for n in range(1, draw(st.integers(1, 2)) + 1)]
        akun["dilaporkan"] = {"target": {"3.14": draw(RUPIAH)}}
        return akun
    akun |= {"target": draw(RUPIAH), "realisasi": draw(RUPIAH)}
    if draw(st.booleans()):
        akun["realisasi_sebelumnya"] = draw(RUPIAH)
        akun["dilaporkan"] = {"capaian": {"3.14": draw(ANGKA)}, "selisih": {"bab3": -5}}
    return akun


def _akun_st(kode: str, sisa: int) -> st.SearchStrategy[dict[str, Any]]:
    return st.composite(lambda draw: _akun(draw, kode, sisa))()


def _pendapatan(draw: st.DrawFn, data: dict[str, Any]) -> None:
    """Issue 22's revenue tree, with its table's settings and the Jumlah's printed figures."""
    if not draw(st.booleans()):
        return
    data["pendapatan"] = {
        "akun": [_akun(draw, f"4.{n}", 2) for n in range(1, draw(st.integers(1, 2)) + 1)],
        "dilaporkan": {"realisasi": {"ikhtisar": draw(RUPIAH)}}}
    if draw(st.booleans()):
        data["pendapatan"] |= {
            "judul": "Realisasi Pendapatan", "kolom": draw(st.sampled_from(
                [[], ["porsi"], ["pertumbuhan", "porsi"]])), "sumber_data": "LRA",
            "baris_lain": {"target": draw(RUPIAH), "keterangan": "halaman 3"}}


def test_revenue_example_round_trips(tmp_path: Path) -> None:
    """data/contoh-pendapatan-2023.yaml through the workbook: the account tree by Induk,
    the table's settings, every printed figure (the Jumlah's on a row without a kode)."""
    asli = load(ROOT / "data" / "contoh-pendapatan-2023.yaml").report
    assert asli is not None and asli.pendapatan is not None
    kembali = _pulang(tmp_path, asli)
    assert kembali.model_dump() == asli.model_dump()
    assert kembali.pendapatan is not None
    assert kembali.pendapatan.akun[0].rincian[1].rincian[1].kode == "4.1.02.02"
    assert kembali.pendapatan.dilaporkan.pertumbuhan == {"III.9": Decimal("7.40")}

