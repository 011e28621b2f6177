"""Charts of the report's figures: the data (pure, tested) and its drawings (matplotlib).

Why two halves: what a chart shows (which indicators, which figures, which bands of the
interpretation scale) is a decision about the report that must be tested like any figure,
while pixels are not worth testing. `data_grafik(hasil)` returns plain data models built from
the engine's result; `gambar(data, "png"|"svg")` draws one with matplotlib (the Agg backend,
no display), and `render/xlsx/grafik.py` adds the same data to the report workbook as native
Excel charts.

Four kinds, as LKjIPs draw them: per sasaran, target vs realisasi of each indicator with its
capaian; capaian of every indicator against the interpretation scale's bands; realisasi last
year and this year with the Renstra end target (Tabel 3.6 and 3.7 data); penyerapan per
program (Tabel 3.13), each bar labelled by the program's kode and (shortened) name.

Never two units on one axis: a target and a realisasi mean something only in their own unit
(an indicator near 107 beside one near 0,09 on one axis makes the second invisible), so the
two charts of indicators' own figures draw one small panel per indicator, each with its own
axis labelled with the indicator's satuan (`DataGrafik.satuan`), and Excel gets one chart per
indicator (`pecah`). Capaian, which is in % for every indicator, keeps one chart with the
scale's bands: the cross-indicator view. A capaian-only chart instead would lose what Tabel
3.5 prints (the figures in their units) and hide a negative polarity.

Labels are Indonesian and every number shown is formatted by `lkjip_cli/angka.py`. Plotting
positions are the one place a figure becomes a float: for pixels only, never for a printed
number.

matplotlib is an optional extra (`lkjip[grafik]`) imported inside `gambar`; the data half needs
nothing but the engine's result.
"""

from __future__ import annotations

import io
import math
import os
import textwrap
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from lkjip_cli import __version__
from lkjip_cli import angka as fmt
from lkjip_cli.engine.hasil import Hasil, Target
from lkjip_cli.engine.skala import skala_interpretasi
from lkjip_cli.model.laporan import Rentang
from lkjip_cli.source.simpanan import Simpanan, kunci
from lkjip_cli.tabel import ROMAWI

Jenis = Literal["batang", "mendatar"]
Bentuk = Literal["png", "svg"]


@dataclass(frozen=True, slots=True)
class Seri:
    nama: str
    nilai: tuple[Decimal | None, ...]


@dataclass(frozen=True, slots=True)
class Pita:
    """A band of the interpretation scale drawn behind capaian: [bawah, atas)."""

    bawah: Decimal
    atas: Decimal
    sebutan: str
    rentang: str  # as the legend prints it: "< 51", "76–91", "≥ 91"


@dataclass(frozen=True, slots=True)
class DataGrafik:
    """One chart: what it shows, independent of how it is drawn."""

    kode: str
    judul: str
    tabel: str
    kategori: tuple[str, ...]
    seri: tuple[Seri, ...]
    sumbu: str
    jenis: Jenis = "batang"
    label: tuple[str, ...] = ()
    pita: tuple[Pita, ...] = ()
    #: One panel per category with its own axis, in this unit (one per category); empty:
    #: one axis for every category (the figures share a unit).
    satuan: tuple[str, ...] = ()
    #: Each category's full name (an indicator's, a program's), for titles and labels.
    nama: tuple[str, ...] = ()

    def label_kategori(self, i: int, panjang: int = 45) -> str:
        """`IKU1 Persentase SDM Aparatur yang …`: the kode and the name, shortened."""
        if not self.nama:
            return self.kategori[i]
        return f"{self.kategori[i]} {textwrap.shorten(self.nama[i], panjang, placeholder=' …')}"


def _angka_target(target: Target | None) -> Decimal | None:
    """A range target is drawn at its upper bound (the label says the range)."""
    return target.maks if isinstance(target, Rentang) else target


def _persen(nilai: Decimal | None, h: Hasil) -> str:
    a = h.laporan.aturan
    return fmt.persen(nilai, a.desimal_persen, a.pembulatan, tanda=nilai is not None)


def grafik_sasaran(h: Hasil) -> list[DataGrafik]:
    """Per sasaran: target and realisasi of each indicator, labelled with its capaian."""
    out = []
    for i, sas in enumerate(h.sasaran):
        nomor = ROMAWI[i] if i < len(ROMAWI) else str(i + 1)
        inds = sas.indikator
        out.append(DataGrafik(
            kode=f"target-realisasi-{sas.kode}",
            judul=f"Target dan Realisasi Sasaran Strategis {nomor}",
            tabel="3.5",
            kategori=tuple(ind.kode for ind in inds),
            seri=(Seri("Target", tuple(_angka_target(ind.target) for ind in inds)),
                  Seri("Realisasi", tuple(ind.realisasi for ind in inds))),
            sumbu="Nilai (satuan indikator)",
            label=tuple(f"capaian {_persen(h.tampil(ind.capaian).nilai, h)}"
                        + (" (makin kecil makin baik)" if ind.polaritas == "negatif" else "")
                        for ind in inds),
            satuan=tuple(ind.satuan for ind in inds), nama=tuple(ind.nama for ind in inds),
        ))
    return out


def pita_skala(h: Hasil, atas: Decimal) -> tuple[Pita, ...]:
    """The interpretation scale's bands from 0 up to `atas`, lowest first."""
    bands = sorted((p for p in skala_interpretasi(h.laporan.aturan)),
                   key=lambda p: p.mulai if p.mulai is not None else Decimal(-1))
    out = []
    for n, p in enumerate(bands):
        bawah = p.mulai if p.mulai is not None else Decimal(0)
        terakhir = n + 1 == len(bands)
        puncak = atas if terakhir else bands[n + 1].mulai
        if puncak is None or max(bawah, Decimal(0)) >= min(puncak, atas):
            continue
        if p.mulai is None:
            rentang = f"< {fmt.angka(puncak)}"
        elif terakhir:
            rentang = f"{'≥' if p.inklusif else '>'} {fmt.angka(p.mulai)}"
        else:
            rentang = f"{fmt.angka(p.mulai)}–{fmt.angka(puncak)}"
        out.append(Pita(max(bawah, Decimal(0)), min(puncak, atas), p.sebutan, rentang))
    return tuple(out)


def grafik_skala(h: Hasil) -> DataGrafik:
    """Capaian of every indicator against the bands of the report's interpretation scale."""
    inds = h.indikator
    capaian = tuple(h.tampil(ind.capaian).nilai for ind in inds)
    # the bands reach a little above the highest bar (at least to 120)
    puncak = max([Decimal(120), *(c * Decimal("1.1") for c in capaian if c is not None)])
    return DataGrafik(
        kode="capaian-skala", judul="Capaian Indikator Kinerja dan Skala Kategori",
        tabel="3.5", kategori=tuple(ind.kode for ind in inds),
        seri=(Seri("Capaian (%)", capaian),), sumbu="Capaian (%)",
        label=tuple(_persen(c, h) for c in capaian), pita=pita_skala(h, puncak))


def grafik_tahunan(h: Hasil) -> DataGrafik:
    """Realisasi last year and this year, and the Renstra end target (Tabel 3.6, 3.7)."""
    inds = h.indikator
    tahun, akhir = h.laporan.tahun, h.laporan.renstra.selesai
    return DataGrafik(
        kode="realisasi-tahunan", judul=f"Realisasi {tahun - 1}, {tahun} dan Target Akhir "
        f"Renstra ({akhir})", tabel="3.7", kategori=tuple(ind.kode for ind in inds),
        seri=(Seri(f"Realisasi {tahun - 1}", tuple(ind.realisasi_tahun_lalu for ind in inds)),
              Seri(f"Realisasi {tahun}", tuple(ind.realisasi for ind in inds)),
              Seri(f"Target Akhir Renstra ({akhir})",
                   tuple(_angka_target(ind.target_renstra_akhir) for ind in inds))),
        sumbu="Nilai (satuan indikator)", satuan=tuple(ind.satuan for ind in inds),
        nama=tuple(ind.nama for ind in inds),
        label=tuple("makin kecil makin baik" if ind.polaritas == "negatif" else ""
                    for ind in inds))


def grafik_penyerapan(h: Hasil) -> DataGrafik | None:
    """Penyerapan anggaran per program (Tabel 3.13)."""
    if not h.program:
        return None
    pen = tuple(p.anggaran.penyerapan.nilai for p in h.program)
    return DataGrafik(
        kode="penyerapan-program", judul=f"Penyerapan Anggaran per Program Tahun "
        f"{h.laporan.tahun}", tabel="3.13", kategori=tuple(p.kode for p in h.program),
        seri=(Seri("Penyerapan (%)", pen),), sumbu="Penyerapan (%)", jenis="mendatar",
        label=tuple(_persen(v, h) for v in pen),
        # every bar is a program: the word says nothing, the rest of the name does
        nama=tuple(p.nama.removeprefix("Program ") for p in h.program))


def pecah(data: DataGrafik) -> list[DataGrafik]:
    """A chart of one panel per category as one chart per category (for Excel, whose chart
    has one value axis); a chart on one axis as it is."""
    if not data.satuan:
        return [data]
    return [replace(data, kode=f"{data.kode}-{k}", judul=f"{data.judul}: {k}",
                    kategori=(k,), seri=tuple(Seri(s.nama, (s.nilai[i],)) for s in data.seri),
                    sumbu=data.satuan[i], label=data.label[i:i + 1], satuan=(data.satuan[i],),
                    nama=data.nama[i:i + 1])
            for i, k in enumerate(data.kategori)]


def data_grafik(h: Hasil) -> list[DataGrafik]:
    """Every chart of the report, in the order of the tables they illustrate."""
    out = [*grafik_sasaran(h), grafik_skala(h), grafik_tahunan(h)]
    pen = grafik_penyerapan(h)
    return out + ([pen] if pen is not None else [])


# ------------------------------------------------------------------------- drawing

WARNA = ("#1f4e79", "#c55a11", "#548235")
WARNA_PITA = ("#f8d7da", "#fde2c4", "#fff3bf", "#d9ead3", "#b6d7a8", "#93c47d")


def _label_angka(x: float, _pos: int) -> str:
    """A tick as Indonesian text (`1.000`, `2,5`); ticks are floats, so six places suffice."""
    return fmt.angka(Decimal(f"{float(x):.6f}").normalize())


def gambar(data: DataGrafik, bentuk: Bentuk = "png") -> bytes:
    """The chart drawn by matplotlib (Agg backend) as PNG or SVG bytes, in matplotlib's own
    default style (a user's matplotlibrc changes no chart: the same report and the same
    matplotlib give the same bytes, which the cache of `gambar_semua` relies on; an SVG's
    element ids are salted by a fixed word, not a random one)."""
    from matplotlib import rc_context, style

    with style.context("default"), rc_context({"svg.hashsalt": "lkjip"}):
        return _gambar(data, bentuk)


def _gambar(data: DataGrafik, bentuk: Bentuk) -> bytes:
    from matplotlib.figure import Figure  # a bare Figure draws with Agg, no display

    if data.satuan:
        fig = _panel(data)
    else:
        tinggi = 4.2 if data.jenis != "mendatar" else max(3.0, 1.2 + 0.42 * len(data.kategori))
        fig = Figure(figsize=(7.5, tinggi), dpi=110)
        _satu_sumbu(fig.add_subplot(), data)
        fig.tight_layout()
    buffer = io.BytesIO()
    # No date or version in the file: the same report gives the same bytes.
    meta: dict[str, Any] = ({"Date": None, "Creator": None} if bentuk == "svg"
                            else {"Software": None})
    fig.savefig(buffer, format=bentuk, metadata=meta)
    return buffer.getvalue()


def _satu_sumbu(ax: Any, data: DataGrafik) -> None:
    """Every category on one axis (the figures share a unit)."""
    from matplotlib.ticker import FuncFormatter

    n = len(data.kategori)
    lebar = 0.8 / max(len(data.seri), 1)
    mendatar = data.jenis == "mendatar"
    for pita, warna in zip(data.pita, WARNA_PITA, strict=False):
        span = ax.axvspan if mendatar else ax.axhspan
        span(float(pita.bawah), float(pita.atas), color=warna, alpha=0.6, zorder=0,
             label=f"{pita.sebutan} ({pita.rentang})")
    for k, seri in enumerate(data.seri):
        pos = [i + (k - (len(data.seri) - 1) / 2) * lebar for i in range(n)]
        nilai = [float(v) if v is not None else 0.0 for v in seri.nilai]
        bar = ax.barh if mendatar else ax.bar
        batang = bar(pos, nilai, lebar, label=seri.nama, color=WARNA[k % len(WARNA)],
                     zorder=2)
        if data.label and k == len(data.seri) - 1:
            ax.bar_label(batang, labels=list(data.label), fontsize=8, padding=2)
    if mendatar:  # programs by kode and name, the first at the top
        ax.set_yticks(range(n), [data.label_kategori(i, 40) for i in range(n)], fontsize=8)
        ax.invert_yaxis()
    else:
        ax.set_xticks(range(n), list(data.kategori))
    sumbu_angka = ax.xaxis if mendatar else ax.yaxis
    sumbu_angka.set_major_formatter(FuncFormatter(_label_angka))
    (ax.set_xlabel if mendatar else ax.set_ylabel)(data.sumbu)
    ax.set_title(data.judul, fontsize=10)
    if len(data.seri) > 1 or data.pita:
        ax.legend(fontsize=7, loc="best")
    if mendatar:
        ax.margins(x=0.2)
    else:
        ax.margins(y=0.15)


def _panel(data: DataGrafik) -> Any:
    """One small panel per category, each with its own axis in the category's unit; the
    series (Target, Realisasi, ...) side by side, each bar labelled with its figure."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    n = len(data.kategori)
    kolom = 1 if n == 1 else 2
    baris = math.ceil(n / kolom)
    fig = Figure(figsize=(7.5, 0.9 + 2.7 * baris), dpi=110, layout="constrained")
    axes = fig.subplots(baris, kolom, squeeze=False)
    for i, ax in enumerate(ax for row in axes for ax in row):
        if i >= n:
            ax.set_visible(False)
            continue
        nilai = [s.nilai[i] for s in data.seri]
        batang = ax.bar(range(len(nilai)), [float(v) if v is not None else 0.0 for v in nilai],
                        0.7, color=[WARNA[k % len(WARNA)] for k in range(len(nilai))],
                        zorder=2)
        ax.bar_label(batang, labels=[fmt.angka(v) if v is not None else "–" for v in nilai],
                     fontsize=7, padding=2)
        ax.set_xticks([])
        ax.yaxis.set_major_formatter(FuncFormatter(_label_angka))
        ax.tick_params(axis="y", labelsize=7)
        ax.set_ylabel(data.satuan[i], fontsize=8)
        judul = textwrap.fill(data.label_kategori(i, 70), 48)
        ax.set_title(judul + (f"\n{data.label[i]}" if data.label and data.label[i] else ""),
                     fontsize=8)
        ax.margins(y=0.2)
        ax.set_ylim(bottom=0)
    fig.suptitle(data.judul, fontsize=10)
    fig.legend(handles=[_kotak(WARNA[k % len(WARNA)], s.nama) for k, s in enumerate(data.seri)],
               loc="outside lower center", ncols=len(data.seri), fontsize=7, frameon=False)
    return fig


def _kotak(warna: str, nama: str) -> Any:
    from matplotlib.patches import Patch

    return Patch(color=warna, label=nama)


@dataclass(frozen=True, slots=True)
class Gambar:
    """A drawn chart for the Word document: its caption's title and the PNG."""

    kode: str
    judul: str
    png: bytes


def png_per_tabel(h: Hasil, *, proses: int | None = None,
                  simpanan: Simpanan | None = None) -> dict[str, list[Gambar]]:
    """PNG charts keyed by the table they follow in the Word document, all drawn."""
    with png_tertunda(h, proses=proses, simpanan=simpanan) as grafik:
        return {nomor: grafik[nomor] for nomor in grafik}


@contextmanager
def png_tertunda(h: Hasil, *, proses: int | None = None, simpanan: Simpanan | None = None
                 ) -> Iterator[Mapping[str, list[Gambar]]]:
    """The charts of `png_per_tabel`, drawn while the caller goes on (the Word document is
    built meanwhile): looking a table's charts up waits for those charts only. Charts still
    to be drawn when the block ends are not drawn."""
    semua = data_grafik(h)
    with Antrean(semua, "png", proses=proses, simpanan=simpanan, sibuk=True) as antrean:
        yield _PerTabel(semua, antrean)


class _PerTabel(Mapping[str, list[Gambar]]):
    def __init__(self, semua: Sequence[DataGrafik], antrean: Antrean) -> None:
        self._indeks: dict[str, list[int]] = {}
        for i, data in enumerate(semua):
            self._indeks.setdefault(data.tabel, []).append(i)
        self._semua = semua
        self._antrean = antrean

    def __getitem__(self, nomor: str) -> list[Gambar]:
        return [Gambar(self._semua[i].kode, self._semua[i].judul, self._antrean.ambil(i))
                for i in self._indeks[nomor]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._indeks)

    def __len__(self) -> int:
        return len(self._indeks)


# ------------------------------------------------------------ many charts: cache, workers

#: The cache namespace of drawn charts (`source/simpanan.py`).
SIMPANAN = "grafik"


def gambar_semua(daftar: Sequence[DataGrafik], bentuk: Bentuk = "png", *,
                 proses: int | None = None, simpanan: Simpanan | None = None) -> list[bytes]:
    """Every chart drawn, in order: the same bytes `gambar` draws one by one (`Antrean`)."""
    with Antrean(daftar, bentuk, proses=proses, simpanan=simpanan) as antrean:
        return [antrean.ambil(i) for i in range(len(daftar))]


class Antrean:
    """Charts being drawn, each taken by its index when wanted (`ambil`).

    A chart drawn before with the same data, drawing code and libraries comes from the
    user's cache (`simpanan`, default the `grafik` namespace; `LKJIP_CACHE=0` turns it off).
    The others are handed at once to `proses` worker processes, each importing matplotlib
    itself, so that this process never pays for it. By default one per core this process
    may use, at most one per chart; `sibuk`: this process has its own work meanwhile (the
    Word document), so one core is left to it (on 2 cores: one worker draws while this
    process writes, no second import of matplotlib). Without a worker (one core, or one
    chart while this process waits) a chart is drawn here when it is taken. Each chart
    drawn is stored in the cache.
    """

    def __init__(self, daftar: Sequence[DataGrafik], bentuk: Bentuk, *,
                 proses: int | None = None, simpanan: Simpanan | None = None,
                 sibuk: bool = False) -> None:
        self.daftar = daftar
        self.bentuk = bentuk
        self.simpanan = simpanan if simpanan is not None else Simpanan(SIMPANAN)
        self.kunci = [_kunci(d, bentuk) for d in daftar]
        self.hasil = [self.simpanan.ambil(k) if k else None for k in self.kunci]
        kurang = [i for i, b in enumerate(self.hasil) if b is None]
        inti = max(1, _inti() - (1 if sibuk else 0)) if proses is None else max(1, proses)
        self.jumlah = min(inti, len(kurang))
        self.pool: Executor | None = None
        self.tugas: dict[int, Future[bytes]] = {}
        if self.jumlah > 1 or (sibuk and self.jumlah == 1 and _inti() > 1):
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # fork: a worker starts with lkjip already imported and imports only matplotlib
            ctx = multiprocessing.get_context("fork" if "fork" in
                                              multiprocessing.get_all_start_methods() else None)
            self.pool = ProcessPoolExecutor(self.jumlah, mp_context=ctx,
                                            initializer=_pekerja_mulai)
            self.tugas = {i: self.pool.submit(gambar, daftar[i], bentuk) for i in kurang}

    def __enter__(self) -> Antrean:
        return self

    def __exit__(self, *_: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            for i, f in self.tugas.items():  # drawn but not taken: still worth keeping
                if self.hasil[i] is None and f.done() and not f.cancelled() \
                        and f.exception() is None:
                    self._simpan(i, f.result())

    def ambil(self, i: int) -> bytes:
        """Chart `i`'s bytes, waiting for its worker (or drawing it here)."""
        png = self.hasil[i]
        if png is None:
            png = self.tugas[i].result() if i in self.tugas else \
                gambar(self.daftar[i], self.bentuk)
            self._simpan(i, png)
        return png

    def _simpan(self, i: int, png: bytes) -> None:
        self.hasil[i] = png
        if self.kunci[i]:
            self.simpanan.simpan(self.kunci[i], png)


def _pekerja_mulai() -> None:
    """A worker leaves Ctrl+C to the command, which stops waiting and ends the pool (no
    traceback from every worker)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _inti() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _kunci(data: DataGrafik, bentuk: Bentuk) -> str:
    """The cache key of a chart: its data (the dataclasses' repr holds every field, exact
    Decimals included), the format, this module's source (the drawing code), lkjip's,
    matplotlib's and Pillow's versions; "" when one of them cannot be read (no cache)."""
    from importlib import metadata

    try:
        kode = Path(__file__).read_bytes()
        versi = [metadata.version(p) for p in ("matplotlib", "pillow")]
    except (OSError, metadata.PackageNotFoundError):
        return ""
    return kunci(SIMPANAN, __version__, *versi, kode, bentuk, repr(data))
