"""The recap of many reports as tables (`Tabel`), and those tables as terminal, JSON, CSV,
Markdown and XLSX output.

Why one table model: every output draws the same captions, columns, rows and notes from
`tabel_rekap`, so the JSON, the workbook and the terminal can never disagree about a row.
Figures are rounded for display by lkjip's defaults (2 places, half up: `Aturan()`), since
the reports of a recap may each round differently; JSON, CSV and XLSX keep the exact values.
Text from the files never becomes a spreadsheet formula (a name beginning with `=` stays
text: `source/sel_aman.py`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from lkjip_cli import angka as fmt
from lkjip_cli.banyak.rekap import KOLOM_RATA, URAIAN_BOBOT, BarisRekap, Rekap
from lkjip_cli.diagnostics import format_text
from lkjip_cli.model.laporan import Aturan
from lkjip_cli.tabel import Baris, Kolom, Sel, Tabel, format_sel

#: Display rules of the recap (each report's own rules made its figures).
ATURAN_TAMPIL = Aturan()
#: First line of `lkjip rekap --format md -o`: lets lkjip replace its own file.
PENANDA_MD = "<!-- dibuat oleh lkjip rekap; lkjip rekap menimpa berkas ini -->"


def _p(nilai: Decimal | None) -> Sel:
    return Sel(nilai, "persen")


def _n(nilai: int | None) -> Sel:
    return Sel(None if nilai is None else Decimal(nilai), "bilangan")


def _t(teks: str | None) -> Sel:
    return Sel(teks or "", "teks")


def _efisiensi(b: BarisRekap) -> Sel:
    jenis = {"Rp": "rupiah", "poin": "poin"}.get(b.satuan_efisiensi, "persen")
    return Sel(b.efisiensi, jenis)  # type: ignore[arg-type]


def _k(judul: str, angka: bool = False) -> Kolom:
    return Kolom(judul, angka)


KOLOM_UTAMA = (
    _k("No"), _k("Instansi"), _k("IKU", True), _k("Capaian (%)", True), _k("Kategori"),
    _k("Tercapai (%)", True), _k("Serapan (%)", True), _k("Serapan PK (%)", True),
    _k("Efisiensi", True), _k("SAKIP", True), _k("Predikat"), _k("Cocok", True),
    _k("Pembulatan", True), _k("Selisih", True),
)


def _baris_utama(b: BarisRekap, peringkat: int | None) -> Baris:
    return Baris((
        _t(str(peringkat) if peringkat is not None else "-"), _t(b.instansi),
        _n(b.jumlah_indikator), Sel(b.rata_rata_capaian, "persen", b.alasan_capaian),
        _t(b.kategori), _p(b.persen_mencapai), _p(b.penyerapan), _p(b.penyerapan_pk),
        _efisiensi(b), Sel(b.nilai_sakip, "bilangan"), _t(b.predikat), _n(b.cocok),
        _n(b.pembulatan), _n(b.selisih),
    ))


def _baris_rata(r: Rekap) -> Baris:
    rata = r.rata
    kosong = _t("")
    return Baris((
        kosong, _t(f"Rata-rata rekap (bobot {r.bobot.value})"), kosong,
        _p(rata["capaian"].nilai), kosong, _p(rata["tercapai"].nilai),
        _p(rata["serapan"].nilai), _p(rata["serapan-pk"].nilai),
        kosong, kosong, kosong, kosong, kosong, kosong,
    ), "jumlah")


JUDUL_RATA = {"capaian": "capaian", "tercapai": "tercapai", "serapan": "serapan",
              "serapan-pk": "serapan PK"}


def _catatan_utama(r: Rekap) -> tuple[str, ...]:
    masuk = "; ".join(
        f"{JUDUL_RATA[k]} dari {r.rata[k].masuk} laporan"
        + (f" ({r.rata[k].tanpa_nilai} tanpa nilai atau bobot, tidak ikut)"
           if r.rata[k].tanpa_nilai else "")
        for k in KOLOM_RATA)
    return (
        r.catatan_urut,
        f"Rata-rata rekap: {URAIAN_BOBOT[r.bobot]}; {masuk}.",
        "IKU: banyak indikator kinerja. Capaian: rata-rata capaian; Capaian, Kategori dan "
        "Efisiensi setiap laporan dihitung dengan aturan laporan itu sendiri (dasar "
        "rata-rata, pengecualian, batas atas, metode efisiensi, skala). Tercapai: "
        "persentase indikator yang capaiannya mencapai ambang berhasil laporan (bawaan 100), "
        "dari indikator yang capaiannya dapat dihitung.",
        "Serapan: penyerapan anggaran, realisasi / pagu belanja total tahun laporan x 100; "
        "Serapan PK: penyerapan anggaran kegiatan yang mendukung indikator (Perjanjian "
        "Kinerja). SAKIP dan Predikat: nilai dan predikat hasil evaluasi SAKIP tahun terakhir "
        "yang dimuat laporan. Cocok, Pembulatan, Selisih: hasil `lkjip check` atas angka "
        "tercetak (Selisih termasuk temuan konsistensi).",
    )


#: Where the revenue column stands (after Serapan PK), in a recap with any revenue table.
KOLOM_PENDAPATAN = 8


def _dengan_pendapatan(baris: Baris, sel: Sel) -> Baris:
    cells = baris.sel
    return replace(baris, sel=(*cells[:KOLOM_PENDAPATAN], sel, *cells[KOLOM_PENDAPATAN:]))


def tabel_utama(r: Rekap) -> Tabel:
    rows = [_baris_utama(b, p) for b, p in zip(r.baris, r.peringkat, strict=True)]
    if r.baris:
        rows.append(_baris_rata(r))
    tahun = f" Tahun {r.tahun}" if r.tahun else ""
    kolom: tuple[Kolom, ...] = KOLOM_UTAMA
    catatan = _catatan_utama(r)
    if any(b.capaian_pendapatan is not None for b in r.baris):
        # only when a report has a revenue table: other recaps stay as they were
        sel = [_p(b.capaian_pendapatan) for b in r.baris] + [_t("")] * (len(rows) - len(r.baris))
        rows = [_dengan_pendapatan(b, x) for b, x in zip(rows, sel, strict=True)]
        kolom = (*KOLOM_UTAMA[:KOLOM_PENDAPATAN], _k("Pendapatan (%)", True),
                 *KOLOM_UTAMA[KOLOM_PENDAPATAN:])
        catatan = (*catatan, "Pendapatan: capaian pendapatan, realisasi / target Jumlah "
                   "pendapatan x 100 (Tabel 3.14), tanpa batas atas, bagi laporan yang "
                   "memuat `pendapatan`.")
    return Tabel("R.1", (f"Rekap Kinerja dan Anggaran{tahun}",), kolom, tuple(rows),
                 catatan, bagian="rekap")


def tabel_tren(r: Rekap) -> Tabel:
    rows = tuple(Baris((
        _t(t.instansi), _t(str(t.tahun_lalu)), _t(str(t.tahun)), _p(t.capaian_lalu),
        _p(t.capaian),
        Sel(t.perubahan_capaian, "poin"), _p(t.penyerapan_lalu), _p(t.penyerapan),
        Sel(t.perubahan_penyerapan, "poin"), _t(t.predikat_lalu or fmt.TIDAK_ADA),
        _t(t.predikat or fmt.TIDAK_ADA),
    )) for t in r.tren)
    kolom = (_k("Instansi"), _k("Tahun Lalu", True), _k("Tahun", True),
             _k("Capaian Lalu (%)", True), _k("Capaian (%)", True),
             _k("Perubahan Capaian (poin)", True), _k("Serapan Lalu (%)", True),
             _k("Serapan (%)", True), _k("Perubahan Serapan (poin)", True),
             _k("Predikat Lalu"), _k("Predikat"))
    return Tabel("R.2", ("Perubahan dari Laporan Tahun Sebelumnya",), kolom, rows,
                 ("Setiap instansi dibandingkan dengan laporannya yang terakhir sebelum "
                  "tahun rekap; perubahan dalam poin persentase (tahun ini - tahun lalu).",),
                 bagian="tren")


def tabel_turun(r: Rekap) -> Tabel:
    rows = tuple(Baris((
        _t(t.instansi), _t(t.kode), _t(t.nama), _t(t.satuan), _t(str(t.tahun_lalu)),
        Sel(t.realisasi_lalu, "input"), Sel(t.realisasi, "input"),
        Sel(t.realisasi - t.realisasi_lalu, "input"),
        _t("turun; polaritas negatif: penurunan berarti membaik" if t.membaik else "turun"),
    )) for t in r.turun)
    kolom = (_k("Instansi"), _k("Kode"), _k("Indikator"), _k("Satuan"),
             _k("Tahun Lalu", True), _k("Realisasi Lalu", True), _k("Realisasi", True),
             _k("Perubahan", True), _k("Keterangan"))
    return Tabel("R.3", ("Indikator yang Realisasinya Turun dari Tahun Sebelumnya",), kolom,
                 rows, ("Indikator dipadankan menurut kode dan satuan. Untuk indikator "
                        "berpolaritas negatif (makin kecil makin baik) penurunan adalah "
                        "perbaikan.",), bagian="indikator-turun")


def tabel_tidak_dibandingkan(r: Rekap) -> Tabel:
    rows = tuple(Baris((_t(c.berkas), _t(c.instansi), _t(str(c.tahun)), _t(c.alasan)))
                 for c in r.tidak_dibandingkan)
    kolom = (_k("Berkas"), _k("Instansi"), _k("Tahun", True), _k("Alasan"))
    return Tabel("R.4", ("Laporan yang Tidak Dibandingkan",), kolom, rows,
                 bagian="tidak-dibandingkan")


def tabel_tidak_valid(r: Rekap) -> Tabel:
    rows = tuple(Baris((_t(format_text(g.diagnostik)), _n(g.jumlah_galat))) for g in r.gagal)
    kolom = (_k("Diagnostik Pertama (berkas:baris:kolom)"), _k("Galat", True))
    return Tabel("R.5", ("Berkas yang Tidak Valid",), kolom, rows,
                 ("Jalankan `lkjip validate BERKAS` untuk melihat semua galatnya.",),
                 bagian="tidak-valid")


def tabel_rkpd(r: Rekap) -> Tabel:
    """The Bappeda's view of many OPD's Evaluasi Hasil Renja: one row per OPD and program."""
    rows = tuple(Baris((
        _t(str(x.peringkat) if x.peringkat is not None else "-"), _t(x.instansi),
        _t(x.program.kode), _t(x.program.nama),
        Sel(x.program.capaian_kinerja, "persen", x.program.alasan_kinerja),
        _t(x.program.predikat_kinerja or fmt.TIDAK_ADA),
        Sel(x.program.capaian_anggaran, "persen", x.program.alasan_anggaran),
        _t(x.program.predikat_anggaran or fmt.TIDAK_ADA),
    )) for x in r.rkpd)
    kolom = (_k("No"), _k("Perangkat Daerah"), _k("Kode"), _k("Program"),
             _k("Capaian Kinerja (%)", True), _k("Predikat Kinerja"),
             _k("Capaian Anggaran (%)", True), _k("Predikat Anggaran"))
    urut = ("capaian anggaran" if r.urut in ("serapan", "serapan-pk") else
            "nama Perangkat Daerah dan kode program" if r.urut in ("instansi", "berkas")
            else "capaian kinerja")
    return Tabel("R.6", ("Rekap Evaluasi Hasil Renja Perangkat Daerah (RKPD)",), kolom, rows,
                 (f"Diurutkan menurut {urut} (terbesar lebih dulu; nilai sama berperingkat "
                  "sama; tanpa nilai di bawah).",
                  "Capaian Kinerja: rata-rata tingkat capaian Renja indikator program yang "
                  "dapat dihitung; Capaian Anggaran: realisasi / pagu program x 100; "
                  "predikat menurut skala evaluasi Renja setiap laporan (Permendagri "
                  "86/2017: Sangat Tinggi ... Sangat Rendah)."), bagian="rkpd")


def tabel_rekap(r: Rekap) -> list[Tabel]:
    """Every table of the recap: the recap itself, then trends and lists, when not empty."""
    out = [tabel_utama(r)]
    if r.rkpd:
        out.append(tabel_rkpd(r))
    if r.tren:
        out.append(tabel_tren(r))
    if r.per_indikator:
        out.append(tabel_turun(r))
    if r.tidak_dibandingkan:
        out.append(tabel_tidak_dibandingkan(r))
    if r.gagal:
        out.append(tabel_tidak_valid(r))
    return out


# ------------------------------------------------------------------------------ outputs


#: The width of the recap when the output is not a terminal: a recap is a wide sheet.
LEBAR_REKAP = 140


def cetak(tables: Sequence[Tabel]) -> None:
    """The tables on the terminal (rich is imported only here)."""
    from rich.console import Console
    from rich.text import Text

    from lkjip_cli.render.teks.tabel_teks import cetak as cetak_tabel
    from lkjip_cli.render.teks.terminal import tabel_teks

    probe = Console()
    console = probe if probe.is_terminal else Console(width=LEBAR_REKAP)
    for i, tabel in enumerate(tables):
        if i:
            console.print()
        # The caption without its number, in rich's title style (the recap's own look).
        judul = Text("\n".join(tabel.judul), style="table.title")
        cetak_tabel(console, replace(tabel_teks(tabel, ATURAN_TAMPIL, console.width),
                                     judul=judul))


def json_potongan(r: Rekap, tables: Sequence[Tabel]) -> Iterator[str]:
    """`{"lkjip", "tahun", "bobot", "urut", "tabel": [...]}`, tables as `lkjip compute`
    prints them, a row per line and a row at a time: 10,000 rows never become one document
    in memory. `lkjip` is the version that made it, as in every JSON lkjip prints."""
    from lkjip_cli import __version__
    from lkjip_cli.render.teks.ekspor import tabel_dict

    kepala = {"lkjip": __version__, "tahun": r.tahun, "bobot": r.bobot.value, "urut": r.urut}
    yield json.dumps(kepala, ensure_ascii=False)[:-1] + ', "tabel": ['
    for i, t in enumerate(tables):
        bagian = tabel_dict(replace(t, baris=()), ATURAN_TAMPIL)
        del bagian["baris"]
        yield ("," if i else "") + "\n " + json.dumps(bagian, ensure_ascii=False)[:-1]
        yield ', "baris": ['
        for j, b in enumerate(t.baris):
            row = tabel_dict(replace(t, baris=(b,), judul=(), catatan=()), ATURAN_TAMPIL)
            yield ("," if j else "") + "\n  " + json.dumps(row["baris"][0], ensure_ascii=False)
        yield "]}"
    yield "\n]}\n"


def to_json(r: Rekap, tables: Sequence[Tabel]) -> str:
    """The whole JSON document (see `json_potongan`)."""
    return "".join(json_potongan(r, tables))


def _sel_md(sel: Sel) -> str:
    text = format_sel(sel, ATURAN_TAMPIL)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def to_markdown(tables: Sequence[Tabel]) -> str:
    """GitHub-flavoured Markdown: a caption, a pipe table and its notes per table."""
    parts = [PENANDA_MD]
    for t in tables:
        header = "| " + " | ".join(k.judul for k in t.kolom) + " |"
        align = "|" + "|".join("---:" if k.angka else "---" for k in t.kolom) + "|"
        body = ["| " + " | ".join(_sel_md(s) for s in b.sel) + " |" for b in t.baris]
        notes = [f"*{_escape(n)}*" for n in t.catatan]
        parts.append("\n".join([f"**{_escape(' '.join(t.judul))}**", "", header, align,
                                *body, *([""] if notes else []), *notes]))
    return "\n\n".join(parts) + "\n"


def _escape(text: str) -> str:
    return text.replace("*", "\\*").replace("_", "\\_")


#: Excel number formats by cell kind (display only: the cell holds the exact value).
FORMAT_XLSX = {"persen": "#,##0.00", "poin": "#,##0.00", "rupiah": "#,##0",
               "input": "General", "bilangan": "General"}


def to_xlsx(tables: Sequence[Tabel]) -> bytes:
    """One sheet per table: caption, header, rows (exact numbers), notes."""
    import io

    from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.styles import Font  # type: ignore[import-untyped,unused-ignore]

    from lkjip_cli.source.sel_aman import tulis_teks

    wb = Workbook()
    wb.remove(wb.worksheets[0])
    for t in tables:
        ws = wb.create_sheet(title=(t.bagian or t.nomor)[:31])
        tulis_teks(ws.cell(row=1, column=1), " ".join(t.judul)).font = Font(bold=True)
        for j, k in enumerate(t.kolom, start=1):
            tulis_teks(ws.cell(row=2, column=j), k.judul).font = Font(bold=True)
        for i, b in enumerate(t.baris, start=3):
            for j, sel in enumerate(b.sel, start=1):
                _sel_xlsx(ws.cell(row=i, column=j), sel)
        row = 3 + len(t.baris) + 1
        for n in t.catatan:
            tulis_teks(ws.cell(row=row, column=1), n)
            row += 1
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _sel_xlsx(cell: Any, sel: Sel) -> None:
    from lkjip_cli.source.sel_aman import tulis_nilai, tulis_teks

    if sel.jenis == "teks" or sel.nilai is None:
        if sel.jenis != "teks":
            tulis_teks(cell, fmt.TIDAK_ADA)
        elif sel.nilai:
            tulis_teks(cell, str(sel.nilai))
        return
    assert isinstance(sel.nilai, Decimal)
    tulis_nilai(cell, sel.nilai)  # a number cell...
    # ...whose <v> holds the exact decimal text: openpyxl would print a Decimal through a
    # float ("%.16g"), and Excel reads a long decimal literal just as well.
    cell._value = fmt.desimal_polos(sel.nilai)
    cell.number_format = FORMAT_XLSX[sel.jenis]
