"""`lkjip rekap`: the recap's figures against small reports worked by hand.

Three agencies of 2021 (inline YAML below):

- Dinas A: IKU1 60 / 80 = 75; IKU2 50 / 50 = 100; capaian (75 + 100) / 2 = 87,5.
  Kegiatan 1.000.000 / 900.000, belanja tidak langsung 1.000.000 / 1.000.000:
  serapan 1.900.000 / 2.000.000 = 95; serapan PK 900.000 / 1.000.000 = 90.
  Tercapai: 1 of 2 indicators reach 100 = 50.
- Dinas B: IKU1 90 / 100 = 90; IKU2 60 / 50 = 120; IKU3 (negative) (2 x 10 - 5) / 10 = 150;
  capaian (90 + 120 + 150) / 3 = 120. Kegiatan 3.000.000 / 2.000.000, tidak langsung
  1.000.000 / 1.000.000: serapan 3.000.000 / 4.000.000 = 75. Tercapai 2 of 3 = 66,67.
- Dinas C: no realisasi: no capaian. Belanja 1.000.000 / 1.000.000: serapan 100.

Averages across the agencies (Dinas C has no capaian, so it is out of the capaian average):
- rata:      capaian (87,5 + 120) / 2 = 103,75; serapan (95 + 75 + 100) / 3 = 90.
- indikator: capaian (87,5 x 2 + 120 x 3) / 5 = 535 / 5 = 107.
- pagu:      capaian (87,5 x 2.000.000 + 120 x 4.000.000) / 6.000.000 = 655 / 6 = 109,1666…;
             serapan (95 x 2 + 75 x 4 + 100 x 1) / 7 = 590 / 7 = 84,2857… (= 5,9 / 7 million).
"""

from __future__ import annotations

import importlib.util
import io
import json
import shutil
import textwrap
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from typer.testing import CliRunner

from lkjip_cli import __version__
from lkjip_cli.banyak.rekap import BarisRekap, BerkasGagal, Bobot, ringkas_berkas, susun
from lkjip_cli.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "2020.yaml"


def indikator(kode: str, target: int, realisasi: int | None, polaritas: str = "positif") -> str:
    real = "null" if realisasi is None else str(realisasi)
    return textwrap.indent(textwrap.dedent(f"""\
        - kode: {kode}
          nama: Indikator {kode}
          satuan: "%"
          polaritas: {polaritas}
          target: {target}
          realisasi: {real}
        """), "      ")


def laporan(nama: str, tahun: int, inds: list[str], pagu: str, real: str,
            tl: tuple[str, str] = ("1000000", "1000000")) -> str:
    kodes = ", ".join(line.split(":")[1].strip() for i in inds
                      for line in i.splitlines() if "- kode:" in line)
    return textwrap.dedent(f"""\
        instansi: {{nama: {nama}}}
        tahun: {tahun}
        renstra: {{mulai: 2019, selesai: 2023}}
        sasaran:
          - kode: SS1
            nama: Sasaran satu
            indikator:
        """) + "".join(inds) + textwrap.dedent(f"""\
        program:
          - kode: P01
            nama: Program satu
            kegiatan:
              - kode: P01.01
                nama: Kegiatan satu
                pagu: {pagu}
                realisasi: {real}
                mendukung: [{kodes}]
        belanja:
          - tahun: {tahun}
            tidak_langsung: {{pagu: {tl[0]}, realisasi: {tl[1]}}}
        """)


A_2021 = laporan("Dinas A", 2021, [indikator("IKU1", 80, 60), indikator("IKU2", 50, 50)],
                 "1000000", "900000")
B_2021 = laporan("Dinas B", 2021, [indikator("IKU1", 100, 90), indikator("IKU2", 50, 60),
                                   indikator("IKU3", 10, 5, "negatif")],
                 "3000000", "2000000")
C_2021 = laporan("Dinas C", 2021, [indikator("IKU1", 80, None)], "500000", "500000",
                 ("500000", "500000"))
# The year before: Dinas A IKU1 was 70 (70 / 80 = 87,5, IKU2 100: capaian 93,75);
# Dinas B IKU3 (negative) was 8: down to 5 this year, an improvement.
A_2020 = laporan("Dinas A", 2020, [indikator("IKU1", 80, 70), indikator("IKU2", 50, 50)],
                 "1000000", "1000000")
B_2020 = laporan("Dinas B", 2020, [indikator("IKU1", 100, 90), indikator("IKU2", 50, 60),
                                   indikator("IKU3", 10, 8, "negatif")],
                 "3000000", "3000000")


@pytest.fixture
def tiga(tmp_path: Path) -> list[str]:
    names = []
    for name, text in (("a.yaml", A_2021), ("b.yaml", B_2021), ("c.yaml", C_2021)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        names.append(str(tmp_path / name))
    return names


def rows(paths: list[str], per_indikator: bool = False) -> list[BarisRekap | BerkasGagal]:
    return [ringkas_berkas(p, per_indikator=per_indikator) for p in paths]


def test_each_row_by_the_reports_own_rules(tiga: list[str]) -> None:
    rekap = susun(rows(tiga))
    by_name = {b.instansi: b for b in rekap.baris}
    a, b, c = by_name["Dinas A"], by_name["Dinas B"], by_name["Dinas C"]
    assert a.rata_rata_capaian == Decimal("87.5")  # (75 + 100) / 2
    assert b.rata_rata_capaian == Decimal(120)  # (90 + 120 + 150) / 3
    assert c.rata_rata_capaian is None
    assert a.penyerapan == Decimal(95)  # 1.900.000 / 2.000.000
    assert b.penyerapan == Decimal(75)  # 3.000.000 / 4.000.000
    assert c.penyerapan == Decimal(100)
    assert a.penyerapan_pk == Decimal(90)  # 900.000 / 1.000.000
    assert a.persen_mencapai == Decimal(50)  # 1 of 2
    assert round(b.persen_mencapai or 0, 2) == Decimal("66.67")  # 2 of 3
    assert c.persen_mencapai is None
    assert (a.jumlah_indikator, b.jumlah_indikator, c.jumlah_indikator) == (2, 3, 1)


def test_ranking_puts_no_value_last_without_a_rank(tiga: list[str]) -> None:
    rekap = susun(rows(tiga), urut="capaian")
    assert [b.instansi for b in rekap.baris] == ["Dinas B", "Dinas A", "Dinas C"]
    assert rekap.peringkat == (1, 2, None)
    assert "terbesar lebih dulu" in rekap.catatan_urut
    # Dinas C is kept in the table and listed with the reason.
    assert [(c.instansi, c.alasan.split(":")[0]) for c in rekap.tidak_dibandingkan] == [
        ("Dinas C", "rata-rata capaian tidak dapat dihitung")]


def test_ranking_by_serapan_and_shared_ranks(tiga: list[str]) -> None:
    rekap = susun(rows(tiga), urut="serapan")
    assert [b.instansi for b in rekap.baris] == ["Dinas C", "Dinas A", "Dinas B"]  # 100, 95, 75
    rekap = susun(rows(tiga), urut="selisih")  # no printed figures: 0 each, one shared rank
    assert rekap.peringkat == (1, 1, 1)
    assert "terkecil lebih dulu" in rekap.catatan_urut


@pytest.mark.parametrize(("bobot", "capaian", "serapan"), [
    (Bobot.rata, Decimal("103.75"), Decimal(90)),  # (87,5 + 120) / 2; (95 + 75 + 100) / 3
    (Bobot.indikator, Decimal(107), None),  # (87,5 x 2 + 120 x 3) / 5
    (Bobot.pagu, Decimal(655) / 6, Decimal(590) / 7),  # weights 2, 4 (and 1) million
])
def test_the_recaps_average_is_weighted_as_asked(tiga: list[str], bobot: Bobot,
                                                  capaian: Decimal,
                                                  serapan: Decimal | None) -> None:
    rekap = susun(rows(tiga), bobot=bobot)
    got = rekap.rata["capaian"]
    assert round(got.nilai or 0, 20) == round(capaian, 20)
    assert (got.masuk, got.tanpa_nilai) == (2, 1)  # Dinas C has no capaian
    if serapan is not None:
        assert round(rekap.rata["serapan"].nilai or 0, 20) == round(serapan, 20)
        assert rekap.rata["serapan"].masuk == 3


def test_indicator_weighting_leaves_out_a_report_with_no_capaian(tiga: list[str]) -> None:
    # Dinas C's serapan (100) has no weight under --bobot indikator: no indicator entered
    # its average. Serapan = (95 x 2 + 75 x 3) / 5 = 415 / 5 = 83.
    rekap = susun(rows(tiga), bobot=Bobot.indikator)
    assert rekap.rata["serapan"].nilai == Decimal(83)
    assert (rekap.rata["serapan"].masuk, rekap.rata["serapan"].tanpa_nilai) == (2, 1)


def test_years_side_by_side_give_a_trend_and_falling_indicators(tmp_path: Path,
                                                                 tiga: list[str]) -> None:
    for name, text in (("a-2020.yaml", A_2020), ("b-2020.yaml", B_2020)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    paths = [*tiga, str(tmp_path / "a-2020.yaml"), str(tmp_path / "b-2020.yaml")]
    rekap = susun(rows(paths, per_indikator=True), per_indikator=True)
    assert rekap.tahun == 2021
    assert [b.instansi for b in rekap.baris] == ["Dinas B", "Dinas A", "Dinas C"]
    tren = {t.instansi: t for t in rekap.tren}
    assert tren["Dinas A"].perubahan_capaian == Decimal("-6.25")  # 87,5 - 93,75
    assert tren["Dinas A"].perubahan_penyerapan == Decimal(-5)  # 95 - 100 (2.000.000 all spent)
    assert tren["Dinas B"].tahun_lalu == 2020
    turun = [(t.instansi, t.kode, t.realisasi_lalu, t.realisasi, t.membaik) for t in rekap.turun]
    assert turun == [("Dinas A", "IKU1", Decimal(70), Decimal(60), False),
                     ("Dinas B", "IKU3", Decimal(8), Decimal(5), True)]


def test_another_year_without_a_match_is_listed_not_dropped(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(A_2021, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(B_2020, encoding="utf-8")
    rekap = susun(rows([str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")]))
    assert [b.instansi for b in rekap.baris] == ["Dinas A"]
    assert [(c.instansi, c.tahun) for c in rekap.tidak_dibandingkan] == [("Dinas B", 2020)]
    assert "rekap ini tahun 2021" in rekap.tidak_dibandingkan[0].alasan


# --------------------------------------------------------------------------------- CLI


def run(*args: str) -> Any:
    return CliRunner().invoke(app, ["rekap", *args])


def test_cli_table_with_weighting_rule_under_it(tiga: list[str]) -> None:
    result = run(*tiga, "--bobot", "pagu")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Rekap Kinerja dan Anggaran Tahun 2021" in out
    assert "103,75" not in out and "109,17" in out  # 655 / 6, tertimbang pagu
    assert "84,29" in out  # 590 / 7
    assert "Peringkat menurut rata-rata capaian" in out
    assert "tertimbang pagu" in out


def _generate(tmp_path: Path, n: int) -> Path:
    spec = importlib.util.spec_from_file_location("batch", ROOT / "benchmarks" / "batch.py")
    assert spec and spec.loader
    batch = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(batch)
    folder = tmp_path / "laporan"
    batch.tulis_laporan(folder, n, seed=7)
    shutil.copy(DATA, folder / "2020.yaml")
    (folder / "rusak.yaml").write_text("instansi: {nama: Dinas Rusak}\ntahun: 20x0\n",
                                       encoding="utf-8")
    return folder


def test_a_directory_with_an_invalid_file_lists_it_and_exits_2(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _generate(tmp_path, 5)
    monkeypatch.chdir(tmp_path)  # short names, as a user would type them
    result = run("laporan")
    assert result.exit_code == 2
    out = result.stdout
    assert "Badan Kepegawaian" in out  # data/2020.yaml (its name wraps in the table)
    assert all(f"Dinas Contoh {i:05d}" in out for i in range(5))
    assert "Berkas yang Tidak Valid" in out
    # Its first diagnostic, with line and column (`renstra` is missing, then `tahun` is bad).
    assert "laporan/rusak.yaml:1:1: error[missing]: renstra: kunci wajib" in out.replace("\n", " ")


def _json_rows(doc: dict[str, Any], bagian: str) -> list[list[str]]:
    tabel = next(t for t in doc["tabel"] if t["bagian"] == bagian)
    return [[c if isinstance(c, str) else (c["nilai"] or "") for c in row]
            for row in tabel["baris"]]


def _xlsx_rows(data: bytes, sheet: int) -> list[list[str]]:
    """The cells of a sheet as written (exact text of each number, no float)."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = ElementTree.fromstring(z.read(f"xl/worksheets/sheet{sheet}.xml"))
    out = []
    for row in root.iterfind(".//m:row", ns):
        cells = []
        for c in row.iterfind("m:c", ns):
            text = c.findtext("m:is/m:t", default=None, namespaces=ns)
            cells.append(text if text is not None else c.findtext("m:v", "", ns))
        out.append(cells)
    return out


def test_json_and_xlsx_hold_the_same_rows(tmp_path: Path) -> None:
    folder = _generate(tmp_path, 4)
    result = run(str(folder), "--format", "json")
    assert result.exit_code == 2
    doc = json.loads(result.stdout)
    assert doc["lkjip"] == __version__  # every JSON lkjip prints names its version
    out = tmp_path / "rekap.xlsx"
    assert run(str(folder), "--format", "xlsx", "-o", str(out)).exit_code == 2
    sheet = _xlsx_rows(out.read_bytes(), 1)
    expected = _json_rows(doc, "rekap")
    assert len(expected) == 4 + 1 + 1  # 4 generated + 2020.yaml + the average row
    # Row 1 caption, row 2 header, then the rows; an empty text cell is not written.
    got = [r for r in sheet[2:2 + len(expected)]]
    assert [[c for c in r if c] for r in got] == [[c for c in r if c] for r in expected]
    invalid = _xlsx_rows(out.read_bytes(), len(doc["tabel"]))
    assert any("rusak.yaml" in c for r in invalid for c in r)
    assert Decimal(expected[0][3]) > 0  # exact decimal text, not a float repr


def test_xlsx_never_turns_a_name_into_a_formula(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text(A_2021.replace("Dinas A", "'=HYPERLINK(1)'"),
                                     encoding="utf-8")
    out = tmp_path / "r.xlsx"
    assert run(str(tmp_path / "x.yaml"), "-f", "xlsx", "-o", str(out)).exit_code == 0
    with zipfile.ZipFile(out) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "=HYPERLINK(1)" in xml


def test_csv_and_markdown(tiga: list[str], tmp_path: Path) -> None:
    csv_out = run(*tiga, "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("No,Instansi,IKU,Capaian (%)")
    assert csv_out[1].startswith("1,Dinas B,3,120,")
    md = tmp_path / "rekap.md"
    assert run(*tiga, "-f", "md", "-o", str(md)).exit_code == 0
    text = md.read_text(encoding="utf-8")
    assert text.startswith("<!-- dibuat oleh lkjip")
    assert "| 1 | Dinas B | 3 | 120,00 |" in text
    # lkjip may replace its own Markdown, but not an input file.
    assert run(*tiga, "-f", "md", "-o", str(md)).exit_code == 0
    refused = run(*tiga, "-f", "md", "-o", tiga[0])
    assert refused.exit_code == 2 and "berkas masukan" in refused.output


def test_missing_path_is_listed_and_exits_2(tiga: list[str], tmp_path: Path) -> None:
    result = run(*tiga, str(tmp_path / "tidak-ada.yaml"))
    assert result.exit_code == 2
    assert "tidak-ada.yaml" in result.stdout and "tidak ada" in result.stdout


def test_a_failure_of_lkjip_on_one_file_is_listed_with_it(
        tiga: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import lkjip_cli.engine

    def rusak(laporan: Any) -> Any:
        raise ZeroDivisionError("contoh")

    monkeypatch.setattr(lkjip_cli.engine, "hitung", rusak)
    got = ringkas_berkas(tiga[0])
    assert isinstance(got, BerkasGagal)
    assert got.diagnostik.code == "internal"
    assert "ZeroDivisionError: contoh" in got.diagnostik.message


def test_an_empty_directory_is_said_not_ignored(tmp_path: Path) -> None:
    (tmp_path / "kosong").mkdir()
    result = run(str(tmp_path / "kosong"))
    assert result.exit_code == 2
    assert "tidak memuat berkas *.yaml" in result.stdout


def test_parallel_order_is_the_input_order(tmp_path: Path) -> None:
    folder = _generate(tmp_path, 12)
    from lkjip_cli.banyak.rekap import cari_berkas, ringkas_semua

    files, _ = cari_berkas([str(folder)])
    serial = [getattr(r, "berkas", None) for r in ringkas_semua(files, proses=1)]
    parallel = [getattr(r, "berkas", None) for r in ringkas_semua(files, proses=2)]
    assert serial == parallel == files


def test_the_cli_offers_every_ranking_column() -> None:
    from lkjip_cli.banyak.rekap import KOLOM_URUT
    from lkjip_cli.cli.rekap_cmd import KOLOM

    assert tuple(KOLOM_URUT) == KOLOM
    assert run("--urut", "nilai", "x.yaml").exit_code == 2


@pytest.mark.parametrize("name", ["2020.yaml", "generated"])
def test_counting_findings_agrees_with_the_full_audit(name: str, tmp_path: Path) -> None:
    from lkjip_cli.audit import audit, hitung_temuan
    from lkjip_cli.engine import hitung
    from lkjip_cli.loader import load

    path = DATA if name == "2020.yaml" else _generate(tmp_path, 1) / "laporan-00000.yaml"
    report = load(path).report
    assert report is not None
    hasil = hitung(report)
    assert hitung_temuan(hasil) == audit(hasil).ringkasan
