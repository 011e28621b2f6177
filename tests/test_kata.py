"""Issue 9: what lkjip says in words (explain, sentences, footnotes, table layout) reads as a
careful analyst would write it. Small inline reports; expected words worked out by hand.
"""

from __future__ import annotations

import textwrap

from lkjip_cli.engine import hitung
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.loader import LoadResult, load_text
from lkjip_cli.render.jelaskan import jelaskan

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
