"""The budget tree from an agency's kode-rekening sheet (issue 20 point 3): the hierarchy
comes from the SIPD codes, the columns from their headings (or the user's mapping), the rest
of each node from the Program Kegiatan sheet, and each unreadable row is named by its cell."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from lkjip_cli.buku.impor import impor
from lkjip_cli.buku.rekening import PilihanRekening
from lkjip_cli.buku.tulis import buku_data, simpan
from lkjip_cli.cli.app import app
from lkjip_cli.diagnostics import format_text
from lkjip_cli.loader import load

ROOT = Path(__file__).resolve().parent.parent

#: The tree of data/contoh-2023.yaml as a finance sheet prints it: urusan and bidang rows,
#: totals on program and kegiatan rows, belanja accounts under a sub kegiatan.
SIPD: list[tuple[Any, ...]] = [
    ("1", "URUSAN PEMERINTAHAN WAJIB PELAYANAN DASAR", None, None, None),
    ("1.02", "URUSAN PEMERINTAHAN BIDANG KESEHATAN", None, None, None),
    ("1.02.02", "Program Pemenuhan Upaya Kesehatan", 1_550_000_000, 1_400_000_000,
     470_000_000),
    ("1.02.02.2.01", "Penyediaan Fasilitas Pelayanan Kesehatan", 1_100_000_000,
     1_000_000_000, 290_000_000),
    ("1.02.02.2.01.0014", "Pengadaan Alat Kesehatan", 900_000_000, 800_000_000,
     200_000_000),
    ("5.2.02.05.01.0001", "Belanja Modal Alat Kedokteran Umum", 900_000_000, 800_000_000,
     200_000_000),
    ("1.02.02.2.01.0026", "Pemeliharaan Sarana Fasilitas Pelayanan Kesehatan", 200_000_000,
     200_000_000, 90_000_000),
    ("5.1.02.03.02.0001", "Belanja Pemeliharaan Gedung", 200_000_000, 200_000_000,
     90_000_000),
    ("1.02.02.2.02", "Penyediaan Layanan Kesehatan Rujukan", None, None, None),
    ("1.02.02.2.02.0001", "Pengelolaan Pelayanan Kesehatan Ibu Hamil", 450_000_000,
     400_000_000, 180_000_000),
    ("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor", 450_000_000,
     400_000_000, 180_000_000),
    ("1.02.01", "Program Penunjang Urusan Pemerintahan Daerah", None, None, None),
    ("1.02.01.2.02", "Administrasi Keuangan Perangkat Daerah", None, None, None),
    ("1.02.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", 2_600_000_000,
     "2.600.000.000", 1_300_000_000),
    ("5.1.01.01.01.0001", "Belanja Gaji Pokok PNS", 2_600_000_000, 2_600_000_000,
     1_300_000_000),
    (None, "JUMLAH", 4_150_000_000, 4_000_000_000, 1_770_000_000),
]
JUDUL = ("Kode Rekening", "Uraian", "Anggaran Murni (Rp)", "Anggaran Setelah Perubahan (Rp)",
         "Realisasi (Rp)")


def _buku(tmp: Path, baris: list[tuple[Any, ...]] = SIPD, judul: tuple[str, ...] = JUDUL,
          ) -> Path:
    asli = load(ROOT / "data" / "contoh-2023.yaml").report
    assert asli is not None
    wb = buku_data(asli)
    pk = wb["Program Kegiatan"]
    for row in pk.iter_rows(min_row=2):  # money now comes from the finance sheet
        row[4].value = row[5].value = None
    jb = wb["Jenis Belanja"]  # and so does 2023's spending by class (its account rows)
    for r in range(jb.max_row, 1, -1):
        if jb.cell(row=r, column=1).value == 2023:
            jb.delete_rows(r)
    ws = wb.create_sheet("Realisasi SIPD")
    ws.append(["LAPORAN REALISASI ANGGARAN SKPD"])
    ws.append(["Dinas Kesehatan Kabupaten Contoh, s.d. Juni 2023"])
    ws.append([])
    ws.append(list(judul))
    for row in baris:
        ws.append(list(row))
    path = tmp / "isian.xlsx"
    path.write_bytes(simpan(wb))
    return path


def test_the_tree_is_read_from_the_codes(tmp_path: Path) -> None:
    hasil = impor(_buku(tmp_path), rekening=PilihanRekening("Realisasi SIPD"))
    assert hasil.laporan is not None, [format_text(d) for d in hasil.diagnostics]
    asli = load(ROOT / "data" / "contoh-2023.yaml").report
    assert asli is not None
    # Program, kegiatan and sub kegiatan with their money, uraian as nama from the sheet;
    # Anggaran PK, sumber dana, mendukung and RPD from the Program Kegiatan rows.
    got = hasil.laporan.program
    assert [p.kode for p in got] == ["1.02.02", "1.02.01"]
    sub = got[0].kegiatan[0].rincian
    assert [(s.kode, s.nama, s.pagu, s.realisasi, s.rpd) for s in sub] == [
        ("1.02.02.2.01.0014", "Pengadaan Alat Kesehatan", Decimal(800_000_000),
         Decimal(200_000_000), Decimal(250_000_000)),
        ("1.02.02.2.01.0026", "Pemeliharaan Sarana Fasilitas Pelayanan Kesehatan",
         Decimal(200_000_000), Decimal(90_000_000), Decimal(100_000_000))]
    assert got[1].kegiatan[0].rincian[0].pagu == Decimal(2_600_000_000)  # text "2.600.000.000"
    assert (got[0].anggaran_perjanjian_kinerja, got[0].sumber_dana, got[0].mendukung) == (
        Decimal(1_500_000_000), "APBD", ("IKU1", "IKU2"))
    # The printed figures of the Dilaporkan sheet still find their nodes by kode.
    assert got[0].dilaporkan == asli.program[0].dilaporkan
    assert "# Realisasi SIPD!D9" in (hasil.teks or "")  # the sub kegiatan's pagu cell
    # 2023's classes summed from the belanja accounts under the sub kegiatan: 5.1.01 gaji,
    # 5.1.02 pemeliharaan 200 + alat/bahan 450 juta (murni; 200 + 400 after changes), 5.2.02
    # alat kedokteran: the same lines as the YAML example.
    assert hasil.laporan.belanja[0].jenis == asli.belanja[0].jenis


def test_columns_mapped_by_the_user(tmp_path: Path) -> None:
    judul = ("No. Rek", "Nama Program/Kegiatan", "Murni", "Pagu APBD-P", "Realisasi")
    buku = _buku(tmp_path, judul=judul)
    result = CliRunner().invoke(app, ["import", str(buku), "--rekening", "Realisasi SIPD",
                                      "--kolom", "kode=A", "--kolom",
                                      "uraian=Nama Program/Kegiatan", "--kolom",
                                      "pagu=Pagu APBD-P", "-o", str(tmp_path / "out.yaml")])
    assert result.exit_code == 0, result.output
    kembali = load(tmp_path / "out.yaml").report
    assert kembali is not None and kembali.program[0].kegiatan[1].rincian[0].pagu == 400_000_000


def test_unreadable_rows_are_named_by_their_cells(tmp_path: Path) -> None:
    rusak = [*SIPD[:2],
             ("1.02.02", "Program Pemenuhan Upaya Kesehatan", 1_500_000_000, None, None),
             ("1.02.02.2.01", "Penyediaan Fasilitas Pelayanan Kesehatan", 1_100_000_000,
              1_000_000_000, None),
             ("1.02.02.2.01.0014", "Pengadaan Alat Kesehatan", 900_000_000, 800_000_000,
              200_000_000),
             ("1.02.02.2.09.0001", "Sub kegiatan tanpa kegiatan", 10, 10, 5),
             ("kode salah!", "Baris rusak", 1, 1, 1),
             ("1.02.02.2.01.0026", "Pemeliharaan", 200_000_000, 200_000_000,
              "sembilan puluh juta"),
             (None, "Belanja Jasa Kebersihan", 5_000_000, 5_000_000, 0),
             (None, "JUMLAH", 1_100_000_010, 1_000_000_010, 200_000_005)]
    hasil = impor(_buku(tmp_path, rusak), rekening=PilihanRekening("Realisasi SIPD"))
    assert hasil.teks is None
    pesan = [format_text(d).split("isian.xlsx:", 1)[1] for d in hasil.diagnostics
             if d.code == "rekening-invalid"]
    assert pesan == [
        "Realisasi SIPD!C7: error[rekening-invalid]: pagu_murni: baris `1.02.02` mencatat "
        "Rp1.500.000.000, tetapi jumlah baris di bawahnya Rp1.100.000.000: periksa salah "
        "satunya",
        "Realisasi SIPD!A10: error[rekening-invalid]: Kode: baris `1.02.02.2.09.0001` tingkat 3 "
        "menurut kodenya, tetapi induknya (kode `1.02.02.2.09`) tidak ada di lembar ini: "
        "tambahkan baris induknya",
        "Realisasi SIPD!A11: error[rekening-invalid]: Kode: `kode salah!` bukan kode rekening "
        "(bagian angka atau huruf dipisah titik, seperti 1.02.02.2.01.0014)",
        "Realisasi SIPD!E12: error[rekening-invalid]: realisasi: 'sembilan puluh juta' bukan "
        "rupiah",
        "Realisasi SIPD!A13: error[rekening-invalid]: Kode: baris `Belanja Jasa Kebersihan` "
        "berisi rupiah tetapi tanpa kode rekening: isi kodenya (baris jumlah diawali Jumlah "
        "atau Total)",
    ]
    # The unreadable realisasi is not reported a second time as a missing key.
    assert not [d for d in hasil.diagnostics if d.code == "missing"]


def test_a_sheet_without_recognisable_headings_says_how_to_map(tmp_path: Path) -> None:
    buku = _buku(tmp_path, judul=("A", "B", "C", "D", "E"))
    hasil = impor(buku, rekening=PilihanRekening("Realisasi SIPD"))
    assert [format_text(d).split("isian.xlsx:", 1)[1] for d in hasil.diagnostics] == [
        "Realisasi SIPD!A1: error[rekening-invalid]: kolom kode, uraian, pagu tidak dikenali di "
        "baris judul lembar kode rekening (judul yang dikenal, kode: kode, kode rekening, kode "
        "rek, kode akun; uraian: uraian, nama, uraian rekening, nama rekening; pagu: pagu, "
        "anggaran, pagu anggaran, pagu perubahan); beri judulnya dengan --kolom KUNCI=JUDUL "
        "atau KUNCI=HURUF (misalnya --kolom pagu=\"Pagu APBD-P\" atau --kolom kode=B)"]


def test_classes_from_two_sources_are_refused(tmp_path: Path) -> None:
    buku = _buku(tmp_path)
    import openpyxl

    wb = openpyxl.load_workbook(buku)
    wb["Jenis Belanja"].append([2023, "5.1.01", 1, 1, 1])
    wb.save(buku)
    hasil = impor(buku, rekening=PilihanRekening("Realisasi SIPD"))
    assert [format_text(d).split("isian.xlsx:", 1)[1] for d in hasil.diagnostics] == [
        "Jenis Belanja!A2: error[rekening-invalid]: belanja tahun 2023 per jenis diisi di "
        "lembar Jenis Belanja dan dijumlah dari baris rekening belanja lembar `Realisasi "
        "SIPD`; kosongkan baris tahun itu di Jenis Belanja"]


# --------------------------------------------- indicators of the nodes (issue 23 point 6)

#: SIPD's Renja and RKA sheets print a node's indicators beside it: "Indikator ...",
#: "Target Kinerja", "Satuan"; several in one cell, one per line, or on rows of their own
#: below the node (no kode, no money).
JUDUL_INDIKATOR = (*JUDUL, "Indikator Program/Kegiatan/Sub Kegiatan", "Target Kinerja",
                   "Satuan")


def _dengan_indikator(ubah: dict[int, tuple[Any, Any, Any]],
                      sisip: dict[int, tuple[Any, Any, Any]]) -> list[tuple[Any, ...]]:
    """SIPD's rows with indicator cells: `ubah` on the row of that index, `sisip` a row of
    its own (no kode) after it."""
    out: list[tuple[Any, ...]] = []
    for i, row in enumerate(SIPD):
        out.append((*row, *ubah.get(i, (None, None, None))))
        if i in sisip:
            out.append((None, None, None, None, None, *sisip[i]))
    return out


def test_indicators_at_every_level_are_read_beside_their_node(tmp_path: Path) -> None:
    baris = _dengan_indikator(
        {2: ("Angka kematian bayi\nCakupan imunisasi dasar", "10\n95", "per 1.000 KH\n%"),
         3: ("Persentase fasilitas kesehatan sesuai standar", 80, "%"),
         4: ("Jumlah alat kesehatan yang diadakan", "40 unit", None)},
        {4: ("Jumlah puskesmas yang menerima alat", "12,5 unit", None)})
    hasil = impor(_buku(tmp_path, baris, JUDUL_INDIKATOR),
                  rekening=PilihanRekening("Realisasi SIPD"))
    assert hasil.laporan is not None, [format_text(d) for d in hasil.diagnostics]
    program = hasil.laporan.program[0]
    assert [(i.kode, i.nama, i.satuan, i.target) for i in program.indikator] == [
        ("1.02.02-I1", "Angka kematian bayi", "per 1.000 KH", Decimal(10)),
        ("1.02.02-I2", "Cakupan imunisasi dasar", "%", Decimal(95))]
    kegiatan = program.kegiatan[0]
    assert [(i.kode, i.satuan, i.target) for i in kegiatan.indikator] == [
        ("1.02.02.2.01-I1", "%", Decimal(80))]
    sub = kegiatan.rincian[0]
    assert [(i.kode, i.nama, i.satuan, i.target) for i in sub.indikator] == [
        ("1.02.02.2.01.0014-I1", "Jumlah alat kesehatan yang diadakan", "unit", Decimal(40)),
        ("1.02.02.2.01.0014-I2", "Jumlah puskesmas yang menerima alat", "unit",
         Decimal("12.5"))]
    assert hasil.teks is not None
    # Each value names the finance sheet's cell; the row of its own (row 10) too.
    for baris_yaml in ('- kode: "1.02.02-I2"  # Realisasi SIPD!F7',
                       "satuan: unit  # Realisasi SIPD!G9", "target: 12.5  # Realisasi SIPD!G10"):
        assert baris_yaml in hasil.teks


def test_a_sheet_with_a_target_column_but_no_indicator_column_reads_as_before(
        tmp_path: Path) -> None:
    baris = [(*row, 100) for row in SIPD]
    hasil = impor(_buku(tmp_path, baris, (*JUDUL, "Target")),
                  rekening=PilihanRekening("Realisasi SIPD"))
    assert hasil.laporan is not None, [format_text(d) for d in hasil.diagnostics]
    assert not any(p.indikator for p in hasil.laporan.program)


def test_unreadable_indicator_cells_are_named_all_at_once(tmp_path: Path) -> None:
    baris = _dengan_indikator(
        {2: ("Angka kematian bayi\nCakupan imunisasi dasar", "10", "%"),  # 2 lines, 1 target
         3: ("Persentase fasilitas kesehatan", "banyak", "%"),            # not a number
         4: ("Jumlah alat kesehatan", 40, None),                           # no unit
         1: ("Indikator bidang kesehatan", 1, "unit")},                     # a bidang's
        {})
    baris.insert(0, (None, None, None, None, None, "Indikator yatim", 1, "unit"))
    hasil = impor(_buku(tmp_path, baris, JUDUL_INDIKATOR),
                  rekening=PilihanRekening("Realisasi SIPD"))
    assert [format_text(d).split(": error", 1)[1] for d in hasil.diagnostics
            if d.is_error] == [
        "[rekening-invalid]: Indikator: indikator tanpa baris program, kegiatan atau sub "
        "kegiatan di atasnya",
        "[rekening-invalid]: Indikator: indikator di baris urusan atau bidang urusan `1.02` "
        "tidak dibaca: lkjip memuat indikator program, kegiatan dan sub kegiatan; pindahkan "
        "ke baris programnya",
        "[rekening-invalid]: target_kinerja: 1 baris di sel ini untuk 2 indikator di sel F8: "
        "tulis satu nilai per indikator, baris demi baris",
        "[rekening-invalid]: target_kinerja: `banyak` bukan angka: tulis angkanya, dengan "
        "satuannya sesudahnya bila perlu (100 %, 12 unit)",
        "[rekening-invalid]: Indikator: indikator `Jumlah alat kesehatan` tanpa satuan: isi "
        "kolom Satuan, atau tulis satuannya sesudah target (100 %)"]
    assert [d.cell for d in hasil.diagnostics if d.is_error] == [
        "F5", "F7", "G8", "G9", "F10"]
