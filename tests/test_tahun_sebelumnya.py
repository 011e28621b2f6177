"""Earlier years' printed figures (`dilaporkan.tahun_sebelumnya`) and last year's average
capaian (the Rata-rata row of Tabel 3.6's capaian part), each worked by hand:

- IKU1 (positive): 2021 T 75, R 60 -> 80,00; 2022 T 80, R 72 -> 90,00; 2023 T 80, R 84 -> 105,00
- IKU2 (negative, (2T - R) / T): 2022 T 10, R 12 -> (20 - 12) / 10 = 80,00;
  2023 T 10, R 8 -> (20 - 8) / 10 = 120,00
- mean 2022 (90 + 80) / 2 = 85,00; 2023 (105 + 120) / 2 = 112,50; change 27,50 points
- geometric (PMK 22/2021) 2022 sqrt(0,9 x 0,8) = sqrt(0,72) = 0,848528 -> 84,85;
  2023 sqrt(1,05 x 1,2) = sqrt(1,26) = 1,122497 -> 112,25; change 112,2497 - 84,8528 = 27,40
"""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_cli.audit import audit
from lkjip_cli.engine import hitung
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.loader import load_text
from lkjip_cli.tabel import bangun

D = Decimal

DUA_TAHUN = textwrap.dedent("""\
    instansi: {nama: Dinas Contoh (rekaan)}
    tahun: 2023
    renstra: {mulai: 2021, selesai: 2026}
    sasaran:
      - kode: SS1
        nama: Meningkatnya layanan
        indikator:
          - kode: IKU1
            nama: Persentase layanan tepat waktu
            satuan: "%"
            target: 80
            realisasi: 84
            target_sebelumnya: {2021: 75, 2022: 80}
            realisasi_sebelumnya: {2021: 60, 2022: 72}
            dilaporkan:
              tahun_sebelumnya:
                2021:
                  target: {"3.6": 75}
                  realisasi: {"3.6": 60}
                  capaian: {"3.6": "80,00", bab3: "120,00"}
                2019:
                  capaian: {bab3: "95,00"}
          - kode: IKU2
            nama: Angka kasus berulang
            satuan: kasus
            polaritas: negatif
            target: 10
            realisasi: 8
            target_sebelumnya: {2022: 10}
            realisasi_sebelumnya: {2022: 12}
    dilaporkan:
      rata_rata_capaian: {"3.6": "112,50"}
      rata_rata_capaian_tahun_lalu: {"3.6": "85,00", bab3: "112,50"}
      perubahan_rata_rata_capaian_poin: {"3.6": "27,50"}
    """)


def hasil(text: str) -> Hasil:
    loaded = load_text(text)
    assert loaded.report is not None, [str(d) for d in loaded.diagnostics]
    return hitung(loaded.report)


def q2(value: Decimal | None) -> Decimal:
    assert value is not None
    return value.quantize(D("0.01"))


def temuan(text: str) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(lokasi, kolom, place) -> (tingkat, keterangan) of every printed figure."""
    return {(t.lokasi, t.kolom, str(t.path[-1])): (t.tingkat.value, t.keterangan)
            for t in audit(hasil(text)).temuan if t.jenis == "dicetak"}


def test_rata_rata_tahun_lalu_dan_perubahannya() -> None:
    h = hasil(DUA_TAHUN)
    assert h.rata_rata_capaian_tahun_lalu is not None
    assert q2(h.rata_rata_capaian_tahun_lalu.nilai) == D("85.00")
    assert q2(h.rata_rata_capaian.nilai) == D("112.50")
    assert h.perubahan_rata_rata_capaian is not None
    assert q2(h.perubahan_rata_rata_capaian.nilai) == D("27.50")


def test_rata_rata_tahun_lalu_geometrik() -> None:
    h = hasil(DUA_TAHUN.replace("sasaran:\n", "aturan:\n  rata_rata: {metode: "
                                "geometrik-pmk-22-2021}\nsasaran:\n", 1))
    assert h.rata_rata_capaian_tahun_lalu is not None
    assert q2(h.rata_rata_capaian_tahun_lalu.nilai) == D("84.85")
    assert q2(h.rata_rata_capaian.nilai) == D("112.25")
    assert h.perubahan_rata_rata_capaian is not None
    assert q2(h.perubahan_rata_rata_capaian.nilai) == D("27.40")


def test_tertimbang_pagu_tahun_lalu_tidak_dapat_dihitung() -> None:
    h = hasil(DUA_TAHUN.replace("sasaran:\n", "aturan:\n  rata_rata: {metode: "
                                "tertimbang-pagu}\nsasaran:\n", 1))
    assert h.rata_rata_capaian_tahun_lalu is not None
    assert h.rata_rata_capaian_tahun_lalu.nilai is None
    assert "pagu tahun 2022" in str(h.rata_rata_capaian_tahun_lalu.alasan)


def test_tanpa_capaian_tahun_lalu_tidak_ada_rata_rata() -> None:
    text = DUA_TAHUN.replace("target_sebelumnya: {2021: 75, 2022: 80}", "").replace(
        "target_sebelumnya: {2022: 10}", "")
    text = "\n".join(line for line in text.splitlines()
                     if "2021:" not in line and "2019:" not in line and "3.6" not in line
                     and "bab3" not in line and "tahun_sebelumnya:" not in line
                     and "dilaporkan:" not in line)
    assert hasil(text).rata_rata_capaian_tahun_lalu is None


def test_baris_rata_rata_tabel_3_6() -> None:
    h = hasil(DUA_TAHUN)
    bagian = [t for t in bangun(h, ["3.6"]) if t.bagian == "capaian"]
    [t] = bagian
    rata = t.baris[-1]
    assert rata.gaya == "jumlah" and rata.sel[1].nilai == "Rata-rata"
    assert [q2(s.asal.nilai if s.asal else None) for s in rata.sel[7:10]] == [
        D("85.00"), D("112.50"), D("27.50")]
    assert any(c.startswith("Baris Rata-rata: rata-rata capaian indikator setiap tahun")
               for c in t.catatan)


def test_baris_rata_rata_hanya_bila_setiap_indikator_punya_tahun_lalu() -> None:
    # Without IKU2's 2022, last year's average is not computable: no Rata-rata row.
    h = hasil(DUA_TAHUN.replace("target_sebelumnya: {2022: 10}", ""))
    [t] = [t for t in bangun(h, ["3.6"]) if t.bagian == "capaian"]
    assert all(b.gaya != "jumlah" for b in t.baris)


def test_check_tahun_sebelumnya_dan_rata_rata_tahun_lalu() -> None:
    found = temuan(DUA_TAHUN)
    # 2021: T 75, R 60 -> 80,00 right; 120,00 = (2 x 75 - 60) / 75 x 100, the negative
    # formula on a positive indicator
    assert found[("IKU1 2021", "Target", "3.6")][0] == "cocok"
    assert found[("IKU1 2021", "Realisasi", "3.6")][0] == "cocok"
    assert found[("IKU1 2021", "Capaian (%)", "3.6")][0] == "cocok"
    tingkat, ket = found[("IKU1 2021", "Capaian (%)", "bab3")]
    assert tingkat == "selisih" and "dihitung seperti polaritas negatif" in ket
    # 2019: the file gives neither target nor realisasi
    tingkat, ket = found[("IKU1 2019", "Capaian (%)", "bab3")]
    assert tingkat != "cocok" and "tidak ada target dan realisasi tahun 2019" in ket
    assert found[("Keseluruhan", "Rata-rata capaian tahun lalu (%)", "3.6")][0] == "cocok"
    tingkat, ket = found[("Keseluruhan", "Rata-rata capaian tahun lalu (%)", "bab3")]
    assert tingkat == "selisih" and "rata-rata capaian tahun 2023, bukan tahun lalu" in ket
    assert found[("Keseluruhan", "Perubahan rata-rata capaian (poin)", "3.6")][0] == "cocok"


def test_tempat_tahun_sebelumnya_dikenal() -> None:
    loaded = load_text(DUA_TAHUN.replace('capaian: {"3.6": "80,00", bab3: "120,00"}',
                                         'capaian: {"Tabel 19": "80,00"}'))
    assert [d.code for d in loaded.diagnostics] == ["unknown-place"]
    d = loaded.diagnostics[0]
    assert d.path.endswith("dilaporkan.tahun_sebelumnya.2021.capaian.Tabel 19")
    assert (d.line, d.column) == (20, 37)


def test_xlsx_baris_rata_rata_rumus_hidup(tmp_path: Path) -> None:
    pytest.importorskip("formulas")
    from lkjip_cli.render.xlsx.buku_kerja import buku_kerja
    from tests.rekalkulasi import bandingkan, hitung_ulang
    for teks in (DUA_TAHUN, DUA_TAHUN.replace(
            "sasaran:\n", "aturan:\n  rata_rata: {metode: geometrik-pmk-22-2021}\n"
            "sasaran:\n", 1)):
        h = hasil(teks)
        wb, lembar = buku_kerja(h, bab=["3"])
        path = tmp_path / "l.xlsx"
        wb.save(path)
        [t36] = [lb for lb in lembar if lb.tabel.nomor == "3.6" and lb.tabel.bagian]
        r = t36.baris(len(t36.tabel.baris) - 1)
        for j in (7, 8, 9):
            assert str(t36.ws.cell(r, j + 1).value).startswith("=ROUND(")
        _, beda = bandingkan(lembar, hitung_ulang(path), h.laporan.aturan)
        assert beda == []
