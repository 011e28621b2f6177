"""A target derived by formula (`hitung.target`): each input carries a target and a realisasi
value, the target formula reads the one and the realisasi formula the other; capaian follows
from both. Every figure below is worked by hand from the inputs, never read back from lkjip."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_cli.angka import bulatkan
from lkjip_cli.engine import hitung
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.loader import load_text

D = Decimal

RASIO = textwrap.dedent("""\
    instansi: {nama: Dinas Contoh (rekaan)}
    tahun: 2023
    renstra: {mulai: 2021, selesai: 2026}
    sasaran:
      - kode: SS1
        nama: Meningkatnya layanan
        indikator:
          - kode: IKU1
            nama: Persentase perkara diselesaikan tepat waktu
            satuan: "%"
            hitung:
              masukan:
                selesai: {target: 7, realisasi: 42}
                diterima: {target: 8, realisasi: 45}
              target: "selesai / diterima * 100"
              realisasi: "selesai / diterima * 100"
    program:
      - kode: P1
        nama: Program Layanan
        kegiatan:
          - {kode: K1, nama: Kegiatan, pagu: 100000000, realisasi: 90000000,
             mendukung: [IKU1]}
    """)


def hasil(text: str) -> Hasil:
    loaded = load_text(text)
    assert loaded.report is not None, [str(d) for d in loaded.diagnostics]
    return hitung(loaded.report)


def r2(v: Decimal | None) -> Decimal:
    assert v is not None
    return bulatkan(v, 2, "half-up")


def test_target_dan_realisasi_dari_masukan() -> None:
    ind = hasil(RASIO).indikator[0]
    # target 7 / 8 x 100 = 87,5; realisasi 42 / 45 x 100 = 93,333...;
    # capaian 93,333... / 87,5 x 100 = 106,666... -> 106,67
    assert ind.target == D("87.5")
    assert r2(ind.realisasi) == D("93.33")
    assert r2(ind.capaian.nilai) == D("106.67")
    hh = ind.hitungan
    assert hh is not None and hh.target is not None
    assert [(m.nama, m.nilai) for m in hh.target.masukan] == [("selesai", 7), ("diterima", 8)]
    assert hh.target.masukan[0].sumber == (
        "sasaran", 0, "indikator", 0, "hitung", "masukan", "selesai", "target")
    assert hh.realisasi.masukan[1].sumber == (
        "sasaran", 0, "indikator", 0, "hitung", "masukan", "diterima", "realisasi")


def test_masukan_angka_tetap_realisasi() -> None:
    # A plain number is the realisasi's value, as before target formulas existed: with a
    # typed target 90, 42 / 45 x 100 = 93,33 and capaian 103,70.
    text = RASIO.replace("selesai: {target: 7, realisasi: 42}", "selesai: 42").replace(
        "diterima: {target: 8, realisasi: 45}", "diterima: 45").replace(
        '          target: "selesai / diterima * 100"\n', "").replace(
        "        hitung:\n", "        target: 90\n        hitung:\n")
    ind = hasil(text).indikator[0]
    assert r2(ind.capaian.nilai) == D("103.70")


def test_rumus_target_atas_masukan_tanpa_target_ditolak() -> None:
    text = RASIO.replace("diterima: {target: 8, realisasi: 45}", "diterima: 45")
    loaded = load_text(text)
    assert loaded.report is None
    [d] = loaded.diagnostics
    # `diterima` is the 11th character of the formula, whose quote is at column 19 of line 15.
    assert d.code == "rumus" and "`diterima` tidak punya nilai target" in d.message
    assert (d.line, d.column) == (15, 19 + 11)


@pytest.mark.parametrize(("ganti", "kata"), [
    ("        hitung:\n", "hapus `target`"),
    ("          realisasi: \"selesai / diterima * 100\"\n", "bawaan"),
])
def test_target_ganda_dan_bawaan_ditolak(ganti: str, kata: str) -> None:
    if kata == "bawaan":
        text = RASIO.replace(ganti, "          bawaan: ikm-permenpan-rb-14-2017\n")
    else:
        text = RASIO.replace(ganti, "        target: 90\n" + ganti)
    loaded = load_text(text)
    assert loaded.report is None
    assert any(kata in d.message for d in loaded.diagnostics), \
        [d.message for d in loaded.diagnostics]


def test_target_kosong_tidak_dapat_dihitung() -> None:
    ind = hasil(RASIO.replace("{target: 8, realisasi: 45}",
                              "{target: null, realisasi: 45}")).indikator[0]
    assert ind.hitungan is not None and ind.hitungan.target is not None
    assert ind.hitungan.target.nilai is None
    assert "`diterima` kosong" in str(ind.hitungan.target.alasan)
    assert ind.capaian.nilai is None
    # the capaian says why: the target's formula, not "target tidak ada"
    assert ind.capaian.alasan == ("target tidak dapat dihitung dari masukannya: masukan "
                                  "`diterima` kosong")


def test_tabel_catatan_dan_json() -> None:
    from lkjip_cli.render.teks.ekspor import to_json
    from lkjip_cli.tabel import bangun
    h = hasil(RASIO)
    [t35] = bangun(h, ["3.5"])
    assert t35.baris[0].sel[3].nilai == D("87.5")
    assert any("Target Persentase perkara diselesaikan tepat waktu dihitung dari "
               "masukannya: selesai / diterima * 100 = 7 / 8 x 100 = 87,50." in c
               for c in t35.catatan)
    import json
    [turunan] = json.loads(to_json(h, [t35]))["indikator_turunan"]
    assert turunan["target"] == "87.5" and turunan["masukan_target"] == {
        "selesai": "7", "diterima": "8"}


def test_check_target_dicetak() -> None:
    from lkjip_cli.audit import audit
    text = RASIO.replace(
        '          realisasi: "selesai / diterima * 100"\n',
        '          realisasi: "selesai / diterima * 100"\n'
        "          dilaporkan:\n"
        '            masukan_target: {diterima: {"3.5": 10}}\n'
        "        dilaporkan:\n"
        # 87,50 right; 0,88 the ratio without x 100; 70,00 = 7 / 10 x 100, from the printed 10
        '          target: {"3.5": "87,50", "2.4": "0,88", bab3: "70,00"}\n'
        '          capaian: {"3.5": "106,67"}\n')
    found = {(t.kolom, t.path[-1]): (t.tingkat.value, t.keterangan)
             for t in audit(hasil(text)).temuan if t.jenis == "dicetak"}
    assert found[("Target", "3.5")][0] == "cocok"
    assert found[("Capaian (%)", "3.5")][0] == "cocok"
    assert found[("Target", "2.4")][0] == "selisih"
    assert "rasio tanpa x 100" in found[("Target", "2.4")][1]
    assert "dihitung dari masukan yang dicetak (diterima 10)" in found[("Target", "bab3")][1]
    # the printed input: 10 against the file's 8
    assert found[("Masukan rumus target", "3.5")][0] == "selisih"


def test_explain_menampilkan_masukan_target(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from lkjip_cli.cli.app import app
    f = tmp_path / "l.yaml"
    f.write_text(RASIO, encoding="utf-8")
    out = CliRunner().invoke(app, ["explain", str(f), "IKU1"]).output
    assert "Target (dihitung dari masukan): 87,50" in out
    assert "hitungan : 7 / 8 x 100 = 87,5 -> 87,50" in out
    # the target value of `selesai` is on line 13 of the file
    assert f"selesai = 7 ({f}:13:" in out


def test_xlsx_target_rumus_hidup(tmp_path: Path) -> None:
    pytest.importorskip("formulas")
    from lkjip_cli.render.xlsx.buku_kerja import buku_kerja
    from tests.rekalkulasi import bandingkan, hitung_ulang
    h = hasil(RASIO)
    wb, lembar = buku_kerja(h, bab=["2", "3"])
    path = tmp_path / "l.xlsx"
    wb.save(path)
    t24 = next(lb for lb in lembar if lb.tabel.nomor == "2.4")
    t35 = next(lb for lb in lembar if lb.tabel.nomor == "3.5")
    # The target's home is the first table showing it (the Perjanjian Kinerja): 7/8*100.
    assert t24.ws.cell(t24.baris(0), 5).value == "=7/8*100"
    assert str(t35.ws.cell(t35.baris(0), 4).value).startswith("='Tabel 2.4")
    _, beda = bandingkan(lembar, hitung_ulang(path), h.laporan.aturan)
    assert beda == []
