"""Issue 9: what lkjip says in words (explain, sentences, footnotes, table layout) reads as a
careful analyst would write it. Small inline reports; expected words worked out by hand.
"""

from __future__ import annotations

import textwrap

from lkjip_cli.engine import hitung
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.loader import LoadResult, load_text
from lkjip_cli.render.teks.jelaskan import jelaskan

HEAD = textwrap.dedent(
    """\
    instansi:
      nama: Dinas Contoh
    tahun: 2020
    renstra: {mulai: 2019, selesai: 2023}
    """
)


def muat(text: str) -> tuple[LoadResult, Hasil]:
    loaded = load_text(text)
    assert loaded.report is not None, [d.message for d in loaded.diagnostics]
    return loaded, hitung(loaded.report)


def satu_indikator(indikator: str, rest: str = "") -> str:
    """HEAD, `rest` (top-level keys such as aturan) and sasaran SS1 with indicator IKU1."""
    return HEAD + textwrap.dedent(rest) + textwrap.dedent("""\
        sasaran:
          - kode: SS1
            nama: Sasaran satu
            indikator:
              - kode: IKU1
                nama: Indikator satu
                satuan: "%"
        """) + textwrap.indent(textwrap.dedent(indikator), " " * 8)


# ------------------------------------------------------------------ point 1: explain


def test_explain_shows_the_uncapped_value_the_cap_and_the_displayed_value() -> None:
    # 97 / 50 x 100 = 194; aturan.batas_atas 100 applies to tampilan: tables show 100,00
    loaded, h = muat(satu_indikator("target: 50\nrealisasi: 97\n", """\
        aturan:
          batas_atas: {nilai: 100, berlaku: [rata-rata, tampilan]}
        """))
    lines = jelaskan(h, "IKU1", loaded.source)
    assert lines is not None
    assert "Capaian: 100,00% (tanpa batas atas 194,00%)" in lines
    assert "  hitungan : 97 / 50 x 100 = 194 -> 194,00% (2 desimal, half-up)" in lines
    assert any(line.startswith("  batas    : 100") and line.endswith("ditampilkan 100,00%")
               for line in lines)


def bab3(text: str) -> str:
    from lkjip_cli.render.markdown.templat import render_markdown

    _, h = muat(text)
    return render_markdown(h, bab=("3",))


# --------------------------------------------- point 12: membaik, memburuk, same places


def test_a_fall_of_a_negative_indicator_is_an_improvement() -> None:
    # Angka kematian ibu, negative: 12,5 last year, 10 this year: turun 2,50 poin (12,5 - 10),
    # penurunan (10 / 12,5 - 1) x 100 = -20,00%; lower is better, so the change is membaik.
    # The two figures print with the same places: 10,0 beside 12,5.
    text = satu_indikator("target: 11\nrealisasi: 10\npolaritas: negatif\n"
                          "realisasi_sebelumnya: {2019: 12.5}\n").replace('satuan: "%"',
                                                                          "satuan: per mil")
    out = bab3(text)
    assert ("realisasinya 10,0 per mil, dibandingkan 12,5 per mil pada tahun 2019: turun 2,5 "
            "per mil (penurunan 20,00% dari tahun sebelumnya), kinerja membaik karena "
            "polaritas negatif (makin rendah realisasi makin baik).") in out


def test_a_fall_of_a_positive_indicator_is_worse() -> None:
    # 84,19 last year, 73 this year: turun 11,19 poin; positive, so memburuk; 73 prints 73,00
    out = bab3(satu_indikator("target: 75\nrealisasi: 73\nrealisasi_sebelumnya: {2019: 84.19}\n"))
    assert ("realisasinya 73,00%, dibandingkan 84,19% pada tahun 2019: turun 11,19 poin "
            "(penurunan 13,29% dari tahun sebelumnya), kinerja memburuk.") in out


# ------------------------------------------------------------- point 13: footnotes


def test_footnotes_name_the_regulation_and_say_the_rounding_in_words() -> None:
    out = bab3(satu_indikator("target: 0\nrealisasi: 5\n"))
    # the report's words on the regulation's bands (issue 21 point 8: the note says so)
    assert ("pada pita capaian Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017, yang "
            "menamai pita itu Sangat Tinggi, Tinggi, Sedang, Rendah, Sangat Rendah; ditentukan "
            "dari capaian sebelum dibulatkan.") in out
    assert "Target 0: capaian tidak dapat dihitung. Capaian dibulatkan dua desimal." in out
    assert "permendagri-86-2017" not in out and "target_nol=" not in out
    assert "half-up" not in out and "Dibulatkan 2 desimal" not in out


def test_rounding_in_words() -> None:
    from lkjip_cli.angka import uraian_pembulatan

    assert uraian_pembulatan(2) == "dibulatkan dua desimal"
    assert uraian_pembulatan(0) == "dibulatkan ke bilangan bulat"
    assert uraian_pembulatan(1, "half-even") == (
        "dibulatkan satu desimal, angka 5 dibulatkan ke genap")
    assert uraian_pembulatan(2, "down") == "dipotong (tidak dibulatkan) pada dua desimal"


# ------------------------------------------------------------------ point 14: tables


def test_tabel_3_4_indicator_with_empty_quarters_has_one_row() -> None:
    from lkjip_cli.tabel.capaian import tabel_3_4

    _, h = muat(satu_indikator("target: 80\nrealisasi: 72\ntriwulan: [{}, {}, {}, {}]\n"))
    [t] = tabel_3_4(h)
    assert len(t.baris) == 1
    # issue 21 point 9: the annual target, realisasi and capaian (72 / 80 x 100 = 90)
    assert [s.nilai for s in t.baris[0].sel[5:8]] == ["Tahunan", 80, 72]
    assert t.baris[0].sel[8].nilai == 90


def test_tabel_2_4_program_without_pk_budget_has_a_note() -> None:
    from lkjip_cli.tabel.perencanaan import tabel_2_4
    from lkjip_cli.tabel.sel import format_sel

    program = textwrap.dedent("""\
        program:
          - kode: P01
            nama: Program satu
            kegiatan:
              - {kode: P01.01, nama: Kegiatan satu, pagu: 1000, realisasi: 900, mendukung: [IKU1]}
        """)
    _, h = muat(satu_indikator("target: 80\nrealisasi: 72\n") + program)
    _, anggaran = tabel_2_4(h)
    # An empty budget is not a figure that cannot be computed: the document says it in
    # words, and the note names no key of the report file.
    assert format_sel(anggaran.baris[0].sel[2], h.laporan.aturan) == "tidak tersedia"
    assert anggaran.catatan == ("Tidak tersedia: anggaran program dalam Perjanjian Kinerja "
                                "tidak diisi.",)


def test_tabel_2_4_program_with_pk_budget_has_no_note() -> None:
    from lkjip_cli.tabel.perencanaan import tabel_2_4
    from lkjip_cli.tabel.sel import format_sel

    program = textwrap.dedent("""\
        program:
          - kode: P01
            nama: Program satu
            anggaran_perjanjian_kinerja: 1500000
            kegiatan:
              - {kode: P01.01, nama: Kegiatan satu, pagu: 1000, realisasi: 900, mendukung: [IKU1]}
        """)
    _, h = muat(satu_indikator("target: 80\nrealisasi: 72\n") + program)
    _, anggaran = tabel_2_4(h)
    assert format_sel(anggaran.baris[0].sel[2], h.laporan.aturan) == "1.500.000"
    assert anggaran.catatan == ()


# ------------------------------------ a document names no key of the report file


def test_reasons_name_the_report_files_keys_in_words() -> None:
    from lkjip_cli.tabel.catatan import kata_alasan

    assert kata_alasan("tidak ada target_renstra 2026") == "target Renstra 2026 tidak diisi"
    assert (kata_alasan("tidak ada target_renstra 2024, 2025")
            == "target Renstra 2024, 2025 tidak diisi")
    assert (kata_alasan("tidak ada realisasi_sebelumnya")
            == "realisasi tahun sebelumnya tidak diisi")
    assert (kata_alasan("tidak ada nilai untuk realisasi_triwulan")
            == "realisasi triwulan tidak diisi")
    assert (kata_alasan("anggaran tidak diisi (anggaran_perjanjian_kinerja)")
            == "anggaran tidak diisi")
    assert kata_alasan("target 0: capaian tidak dapat dihitung") == (
        "target 0: capaian tidak dapat dihitung")


def test_a_missing_renstra_target_reads_in_words_in_the_document() -> None:
    # data/contoh-renja.yaml (Renstra 2021-2026; the indicator on line 108 sums its years)
    # without its 2026 target: column (5) cannot be computed; the note says so in words,
    # the engine's reason (what `explain` and JSON show) keeps the key.
    from pathlib import Path

    from lkjip_cli.render.markdown.templat import render_markdown

    text = (Path(__file__).parent.parent / "data" / "contoh-renja.yaml").read_text(
        encoding="utf-8").replace("2025: 45, 2026: 50}", "2025: 45}")
    assert "2025: 45}" in text
    _, h = muat(text)
    md = render_markdown(h)
    assert "n/a: target Renstra 2026 tidak diisi." in md
    assert "target_renstra" not in md
    assert h.renja is not None
    assert "tidak ada target_renstra 2026" in {
        i.target_renstra.alasan for s in h.renja.simpul for i in s.indikator}


def test_the_parts_of_one_table_have_distinct_captions() -> None:
    from lkjip_cli.tabel import BUILDERS

    _, h = muat(satu_indikator("target: 80\nrealisasi: 72\n") + textwrap.dedent("""\
        belanja:
          - tahun: 2020
            langsung: {pagu: 1000, realisasi: 900}
            tidak_langsung: {pagu: 500, realisasi: 400}
            jumlah_program: 1
            jumlah_kegiatan: 1
        """))
    for nomor in ("2.4", "3.11"):
        captions = [t.caption for t in BUILDERS[nomor](h)]
        assert len(captions) == 2 and len(set(captions)) == 2, captions
        assert captions[1].startswith(f"Tabel {nomor} (lanjutan) ")


def test_sentences_show_the_capaian_under_the_display_cap_as_the_tables_do() -> None:
    # 97 / 50 x 100 = 194, shown at most 100 (batas_atas berlaku tampilan), as Tabel 3.5
    out = bab3(satu_indikator("target: 50\nrealisasi: 97\n", """\
        aturan:
          batas_atas: {nilai: 100, berlaku: [rata-rata, tampilan]}
        """))
    assert "sehingga capaian 100,00% (Sangat Baik)." in out
    assert "194" not in out


def test_rendered_examples_print_no_key_of_the_report_file() -> None:
    # What a reviewer reads (Markdown, and through it Word/PDF) names no YAML key: no
    # `snake_case` word, no backticked path such as `narasi.bab1`.
    import re
    from pathlib import Path

    from lkjip_cli.loader import load
    from lkjip_cli.render.markdown.templat import render_markdown

    data = Path(__file__).parent.parent / "data"
    for name in ("2020", "contoh-2023", "contoh-renja", "contoh-hitung-2023",
                 "contoh-pendapatan-2023"):
        loaded = load(data / f"{name}.yaml")
        assert loaded.report is not None, name
        md = render_markdown(hitung(loaded.report))
        assert re.findall(r"\b[a-z]+_[a-z_]+\b|`", md) == [], name
    assert "*[Bab I Pendahuluan belum ditulis:" in md  # contoh-pendapatan has no Bab I


# ------------------------------------ a report up to Triwulan IV covers the whole year


def _contoh_2023(sampai: str) -> Hasil:
    from pathlib import Path

    text = (Path(__file__).parent.parent / "data" / "contoh-2023.yaml").read_text(
        encoding="utf-8")
    assert "periode: {sampai: TW2}" in text
    _, h = muat(text.replace("periode: {sampai: TW2}", f"periode: {{sampai: {sampai}}}"))
    return h


def test_a_report_up_to_tw4_or_december_speaks_of_the_whole_year() -> None:
    from lkjip_cli.render.markdown.templat import render_markdown
    from lkjip_cli.tabel.anggaran import tabel_3_11

    for sampai in ("TW4", '"2023-12"'):
        h = _contoh_2023(sampai)
        efisiensi, _ = tabel_3_11(h)
        assert efisiensi.baris[-1].sel[0].nilai == "2023"  # not "2023 s.d. Triwulan IV"
        assert "Nilai Efisiensi (Rp)" in [k.judul for k in efisiensi.kolom]
        assert "belum berakhir" not in " ".join(efisiensi.catatan)
        assert h.judul_periode == "Tahun 2023"
        md = render_markdown(h)
        assert "belum berakhir" not in md
        assert "s.d. Triwulan IV Tahun 2023" not in md and "s.d. Desember" not in md
        assert "Sampai dengan akhir tahun 2023, realisasi Sasaran Strategis" in md


def test_a_report_up_to_tw3_is_still_interim() -> None:
    from lkjip_cli.tabel.anggaran import tabel_3_11

    h = _contoh_2023("TW3")
    efisiensi, _ = tabel_3_11(h)
    assert efisiensi.baris[-1].sel[0].nilai == "2023 s.d. Triwulan III"
    assert "Sisa Anggaran (Rp)" in [k.judul for k in efisiensi.kolom]
    assert "tahun anggaran belum berakhir" in " ".join(efisiensi.catatan)
    assert h.judul_periode == "s.d. Triwulan III Tahun 2023"
