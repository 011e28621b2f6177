"""`lkjip compute --bandingkan`: the report's figures under the other rules it could have
chosen, each worked by hand from the rule (two indicators, T 80/90, R 84/81, pagu 100/300
juta, realisasi 90/294 juta; capaian 105 and 90, penyerapan 384/400 = 96)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from lkjip_cli.cli.app import app
from tests.test_metode import DUA

TEKS = DUA.replace("METODE", "rata-rata").replace("EFISIENSI", "selisih")


def _baris(tmp_path: Path) -> dict[tuple[str, str], list[str]]:
    berkas = tmp_path / "l.yaml"
    berkas.write_text(TEKS, encoding="utf-8")
    r = CliRunner().invoke(app, ["compute", str(berkas), "--bandingkan", "-f", "json"])
    assert r.exit_code == 0, r.output
    [tabel] = json.loads(r.output)["tabel"]
    out = {}
    for row in tabel["baris"]:
        cells = [c["tampil"] if isinstance(c, dict) else c for c in row]
        out[(cells[0], cells[1])] = cells[2:]
    return out


def test_bandingkan(tmp_path: Path) -> None:
    rows = _baris(tmp_path)
    # columns: rata-rata, kategori, efisiensi, capaian SS1
    assert rows[("aturan laporan", "(pilihan laporan)")] == ["97,50", "Sangat Baik", "1,50",
                                                            "97,50"]
    assert rows[("rata_rata.metode", "rasio-rata-rata")][0] == "97,06"    # 165 / 170
    assert rows[("rata_rata.metode", "tertimbang-pagu")][0] == "93,75"    # 37.500 / 400
    assert rows[("rata_rata.metode", "geometrik-pmk-22-2021")][0] == "97,21"
    assert rows[("batas_atas", "batas atas 100 (rata-rata)")][0] == "95,00"  # (100 + 90) / 2
    eff = {pilihan: v[2] for (aspek, pilihan), v in rows.items()
           if aspek == "efisiensi.keseluruhan"}
    assert eff == {
        "sisa-anggaran": "4,00",                     # 100 - 96
        "rasio": "101,56",                           # 97,5 / 96 x 100
        "nominal": "16.000.000",                     # 400 - 384 juta
        "indeks-efisiensi": "1,02",                  # 97,5 / 96 = 1,015625, report's 2 places
        "selisih-rata-rata-serapan": "1,50",         # one sasaran: its mean absorption is 96
        "nilai-efisiensi-pmk-22-2021": "53,85",      # E = (390 - 384) / 390; 50 + E/20 x 50
    }
    # A report without negative indicators has no negative-formula variant.
    assert not any(aspek == "rumus_negatif" for aspek, _ in rows)
    assert rows[("pembulatan", "down")][0] == "97,50"


def test_bandingkan_ie_dengan_desimal_laporan(tmp_path: Path) -> None:
    """The IE follows the report's decimals, and the place's own (`per_tempat`): Bab IV,
    where the overall efficiency is printed, at 3 places; 97,5 / 96 = 1,015625 -> 1,016, or
    1,015 truncated (`down`); the average (Ikhtisar) keeps the report's 2: 97,50."""
    berkas = tmp_path / "l.yaml"
    for aturan, ie in (("bab4: {desimal: 3}", "1,016"),
                       ("bab4: {desimal: 3, pembulatan: down}", "1,015"),
                       ("ikhtisar: {desimal: 1}", "1,02")):
        berkas.write_text(TEKS.replace("aturan:\n", f"aturan:\n  per_tempat: {{{aturan}}}\n", 1),
                          encoding="utf-8")
        r = CliRunner().invoke(app, ["compute", str(berkas), "--bandingkan", "-f", "json"])
        assert r.exit_code == 0, r.output
        [tabel] = json.loads(r.output)["tabel"]
        rows = {(row[0]["tampil"] if isinstance(row[0], dict) else row[0],
                 row[1]["tampil"] if isinstance(row[1], dict) else row[1]):
                [c["tampil"] if isinstance(c, dict) else c for c in row[2:]]
                for row in tabel["baris"]}
        assert rows[("efisiensi.keseluruhan", "indeks-efisiensi")][2] == ie
        rata = rows[("aturan laporan", "(pilihan laporan)")][0]
        assert rata == ("97,5" if aturan.startswith("ikhtisar") else "97,50")


def test_bandingkan_tidak_bersama_tabel(tmp_path: Path) -> None:
    berkas = tmp_path / "l.yaml"
    berkas.write_text(TEKS, encoding="utf-8")
    r = CliRunner().invoke(app, ["compute", str(berkas), "--bandingkan", "-t", "3.5"])
    assert r.exit_code == 2


def _laporan_uji() -> list[tuple[str, str]]:
    """Every file under data/, and small reports of both generated shapes, each also on
    the other basis of the average (every indicator, or each sasaran)."""
    import importlib.util

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("scale", root / "benchmarks" / "scale.py")
    assert spec is not None and spec.loader is not None
    scale = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scale)
    out = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((root / "data").glob("*.yaml"))]
    out += [("2020-12", scale.laporan_skala(12)), ("2021-12", scale.laporan_skala_2021(12))]
    return out


def test_angka_dengan_sama_dengan_laporan_yang_dihitung_ulang() -> None:
    # `check` tries another method's average or efficiency as a cause from the figures
    # already computed (engine.bandingkan.angka_dengan); the report recomputed whole with
    # the rule changed (hitung_dengan, what --bandingkan shows) must give the same figures,
    # provenance included, for every method on every shape of report.
    from lkjip_cli.engine import METODE_EFISIENSI, METODE_RATA_RATA, angka_dengan, hitung
    from lkjip_cli.engine.bandingkan import ATURAN_BAGIAN, hitung_dengan
    from lkjip_cli.loader import load_text

    pilihan = {"rata_rata.metode": list(METODE_RATA_RATA),
               "efisiensi.sasaran": list(METODE_EFISIENSI),
               "efisiensi.keseluruhan": [m for m in METODE_EFISIENSI if m != "output-input"]}
    assert set(pilihan) == set(ATURAN_BAGIAN)
    dicoba = 0
    laporan_uji = _laporan_uji()
    assert len(laporan_uji) >= 6
    for nama, teks in laporan_uji:
        loaded = load_text(teks, nama)
        assert loaded.report is not None, nama
        for dasar in ("indikator", "sasaran"):
            a = loaded.report.aturan
            laporan = loaded.report.model_copy(update={"aturan": a.model_copy(update={
                "rata_rata": a.rata_rata.model_copy(update={"dasar": dasar})})})
            h = hitung(laporan)
            for kunci, nilai in ((k, v) for k, vs in pilihan.items() for v in vs):
                utuh = hitung_dengan(laporan, kunci, nilai)
                angka = angka_dengan(h, kunci, nilai)
                bidang = "capaian" if kunci.startswith("rata_rata") else "efisiensi"
                laporan_utuh = utuh.rata_rata_capaian if bidang == "capaian" else utuh.efisiensi
                assert angka.laporan == laporan_utuh, (nama, dasar, kunci, nilai)
                assert angka.sasaran == {s.kode: getattr(s, bidang) for s in utuh.sasaran}, (
                    nama, dasar, kunci, nilai)
                dicoba += 1
    assert dicoba == len(laporan_uji) * 2 * (4 + 8 + 7)  # every method, both bases
