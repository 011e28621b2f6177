"""`penomoran`: a report's own table numbers in captions, `dilaporkan` places and findings."""

from __future__ import annotations

import textwrap
from decimal import Decimal

from lkjip_cli.audit import Tingkat, audit
from lkjip_cli.engine import hitung
from lkjip_cli.loader import load_text
from lkjip_cli.model.penomoran import Penomoran, urutan_label
from lkjip_cli.render.markdown.templat import render_markdown
from lkjip_cli.tabel import bangun

D = Decimal

LAPORAN = textwrap.dedent(
    """\
    instansi: {nama: Kementerian Contoh (rekaan)}
    tahun: 2023
    renstra: {mulai: 2020, selesai: 2024}
    penomoran:
      "3.5": IV.1
      "3.13": Tabel 19
      "3.4": "3.21"
    sasaran:
      - kode: SS1
        nama: Sasaran satu
        indikator:
          - kode: IKU1
            nama: Indikator satu
            satuan: "%"
            target: 80
            realisasi: 84
            dilaporkan:
              capaian: {"Tabel IV.1": "105,00", "IV.1/narasi": "105,50", bab3: 105}
    """
)


def _load(text: str = LAPORAN):  # type: ignore[no-untyped-def]
    loaded = load_text(text)
    assert loaded.report is not None, [str(d) for d in loaded.diagnostics]
    return loaded.report


def test_labels_resolve_to_lkjip_numbers() -> None:
    p = Penomoran({"3.5": "IV.1", "3.13": "Tabel 19"})
    assert p.resolusi("Tabel IV.1") == "3.5"
    assert p.resolusi("IV.1/narasi") == "3.5/narasi"
    assert p.resolusi("19") == "3.13"
    assert p.resolusi("3.6") == "3.6"  # not mapped: the number itself, as before penomoran
    assert p.resolusi("3.5") is None  # 3.5 is printed as IV.1 in this report
    assert p.resolusi("IV.2") is None
    assert p.resolusi("bab3/x") == "bab3/x"
    assert p.saran("IV.2") == "IV.1"


def test_roman_labels_sort_as_numbers() -> None:
    assert urutan_label("III.5") == (3, 5)
    assert urutan_label("Tabel XIV.2") == (14, 2)
    assert urutan_label("19") == (19,)
    assert urutan_label("3.21a") == (3, 21)


def test_printed_label_is_audited_against_the_mapped_table() -> None:
    a = audit(hitung(_load()))
    by_place = {t.tabel: t for t in a.temuan if t.kolom == "Capaian (%)"}
    # 84 / 80 x 100 = 105: "105,00" matches, "105,50" does not.
    assert by_place["Tabel IV.1"].tingkat is Tingkat.COCOK
    assert by_place["Tabel IV.1 (narasi)"].tingkat is Tingkat.SELISIH
    assert by_place["Bab III"].tingkat is Tingkat.COCOK
    # The finding at IV.1/narasi names the other place by its printed label.
    assert "di Tabel IV.1" in by_place["Tabel IV.1 (narasi)"].keterangan
    # The path still points at the key as the file wrote it.
    assert by_place["Tabel IV.1"].path[-1] == "Tabel IV.1"


def test_captions_use_the_printed_labels() -> None:
    h = hitung(_load())
    [t35] = bangun(h, ["3.5"])
    assert (t35.nomor, t35.nomor_cetak) == ("3.5", "IV.1")
    assert t35.caption.startswith("Tabel IV.1 Perbandingan")
    [t36] = bangun(h, ["3.6"])
    assert t36.label == "3.6"  # not renumbered
    md = render_markdown(h, tabel=["3.5", "3.13", "3.4"])
    assert "**Tabel IV.1** Perbandingan" in md
    # no program: one line under the report's own label, never an empty table (issue 21)
    assert "*Tabel 19 tidak disajikan: datanya tidak ada dalam berkas laporan.*" in md
    assert "**Tabel 3.21** Pengukuran Capaian Kinerja" in md


def test_label_matching_nothing_is_an_error_with_the_nearest() -> None:
    text = LAPORAN.replace('"Tabel IV.1": "105,00"', '"Tabel IV.2": "105,00"')
    loaded = load_text(text)
    assert loaded.report is None
    [d] = [d for d in loaded.diagnostics if d.code == "unknown-place"]
    assert "`Tabel IV.2`" in d.message and "`IV.1`" in d.message
    assert d.line == 18  # the capaian line


def test_renumbered_lkjip_number_names_its_label() -> None:
    text = LAPORAN.replace('bab3: 105', '"3.5": 105')
    [d] = [d for d in load_text(text).diagnostics if d.code == "unknown-place"]
    assert "`IV.1`" in d.message


def test_roman_place_without_penomoran_asks_for_it() -> None:
    text = LAPORAN.replace('penomoran:\n  "3.5": IV.1\n  "3.13": Tabel 19\n  "3.4": "3.21"\n',
                           "")
    found = [d for d in load_text(text).diagnostics if d.code == "unknown-place"]
    assert len(found) == 2  # "Tabel IV.1" and "IV.1/narasi"
    assert all("petakan nomor cetakan laporan di `penomoran`" in d.message for d in found)


def test_one_label_for_two_tables_is_refused() -> None:
    text = LAPORAN.replace('"3.4": "3.21"', '"3.4": IV.1')
    assert [d.code for d in load_text(text).diagnostics] == ["duplicate-label"]


def test_konsistensi_findings_use_the_label() -> None:
    text = LAPORAN.replace("realisasi: 84", "realisasi: 84\n        triwulan:\n"
                           "          - {target: 80, realisasi: 50}\n"
                           "          - {target: 80, realisasi: 40}")
    a = audit(hitung(_load(text)))
    assert {t.tabel for t in a.temuan if t.jenis == "konsistensi"} == {"Tabel 3.21"}
