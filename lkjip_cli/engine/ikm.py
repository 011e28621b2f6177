"""The Indeks Kepuasan Masyarakat (IKM) as a built-in index over its unsur.

PermenPAN-RB 14/2017 (Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara
Pelayanan Publik): each unsur's nilai rata-rata (NRR = total score / respondents who filled
it), weighted equally (1/U, summing to 1), summed to the index on the 1-4 scale, times 25.
Its band (mutu A-D, kinerja Sangat Baik ... Tidak Baik) is on the IKM to two decimals,
read as half-open intervals so the printed gaps (64,99 | 65,00) leave no hole, and the
unrounded IKM is classified (as for the other scales, `skala.py`). KepMenPAN
25/KEP/M.PAN/2/2004 (Pedoman Umum Penyusunan Indeks Kepuasan Masyarakat Unit Pelayanan
Instansi Pemerintah) is the same rule over its fourteen unsur with its own bands.

The weight is exactly 1/U. Copies of both regulations print it rounded (0,111; 0,11;
0,071), which makes the index up to 1% low; `check` names that as a cause (`BOBOT_SALAH`),
without calling it an error of the report, since the Lampiran's own worked form could not be
read (docs/format.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.metode import Metode, daftar
from lkjip_cli.engine.nilai import Masukan, Nilai, presisi, tidak_dapat
from lkjip_cli.engine.skala import klasifikasi
from lkjip_cli.model.laporan import Pita

KALI_IKM = Decimal(25)

METODE_IKM = daftar(
    Metode("ikm-permenpan-rb-14-2017", "IKM (PermenPAN-RB 14/2017)",
           "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 14 "
           "Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat Unit "
           "Penyelenggara Pelayanan Publik",
           "IKM = jumlah (NRR per unsur x 1/banyak unsur) x 25",
           "=AVERAGE(NRR)*25", pasti=False),
    Metode("ikm-kepmenpan-25-2004", "IKM (KepMenPAN 25/2004)",
           "Keputusan Menteri Pendayagunaan Aparatur Negara Nomor KEP/25/M.PAN/2/2004 tentang "
           "Pedoman Umum Penyusunan Indeks Kepuasan Masyarakat Unit Pelayanan Instansi "
           "Pemerintah",
           "IKM = jumlah (NRR per unsur x 1/banyak unsur) x 25",
           "=AVERAGE(NRR)*25", pasti=False),
)


def _pita(kode: str, sebutan: str, mulai: str | None) -> Pita:
    return Pita(kode=kode, sebutan=sebutan, mulai=None if mulai is None else Decimal(mulai),
                inklusif=True)


#: Mutu pelayanan and kinerja unit pelayanan by the IKM (nilai interval konversi).
SKALA_IKM: dict[str, tuple[Pita, ...]] = {
    "ikm-permenpan-rb-14-2017": (
        _pita("A", "Sangat Baik", "88.31"), _pita("B", "Baik", "76.61"),
        _pita("C", "Kurang Baik", "65.00"), _pita("D", "Tidak Baik", None)),
    "ikm-kepmenpan-25-2004": (
        _pita("A", "Sangat Baik", "81.26"), _pita("B", "Baik", "62.51"),
        _pita("C", "Kurang Baik", "43.76"), _pita("D", "Tidak Baik", None)),
}


@presisi
def nrr(masukan: Mapping[str, Decimal | None],
        responden: Decimal | Mapping[str, Decimal] | None, path: Path) -> dict[str, Nilai]:
    """Each unsur's NRR: the input itself, or its total score over the respondents (all of
    them, or those who answered that unsur: the regulation's "kuesioner yang terisi")."""
    out: dict[str, Nilai] = {}
    for nama, v in masukan.items():
        sumber = (*path, "masukan", nama)
        if responden is None:
            out[nama] = Nilai(v, f"NRR {nama} (isian)", (Masukan(nama, v, sumber),),
                              satuan="", alasan=None if v is not None else "tidak diisi")
            continue
        rumus = f"NRR {nama} = jumlah nilai / responden"
        n = responden.get(nama) if isinstance(responden, Mapping) else responden
        n_path: Path = (*path, "responden", nama) if isinstance(responden, Mapping) \
            else (*path, "responden")
        inputs = (Masukan(f"jumlah nilai {nama}", v, sumber), Masukan("responden", n, n_path))
        if v is None or n is None:
            out[nama] = tidak_dapat(rumus, f"jumlah nilai {nama} kosong", inputs, satuan="")
            continue
        out[nama] = Nilai(v / n, rumus, inputs, satuan="").with_uraian("{0} / {1}", v, n)
    return out


@presisi
def indeks(kode: str, unsur: Mapping[str, Nilai]) -> tuple[Nilai, Nilai]:
    """The index on the 1-4 scale (mean of the NRR, i.e. each weighted 1/U) and the IKM."""
    m = METODE_IKM[kode]
    inputs = tuple(Masukan(f"NRR {nama}", n.nilai) for nama, n in unsur.items())
    aturan = (f"metode={kode}", f"bobot tiap unsur = 1/{len(unsur)}")
    rumus_x = "nilai indeks = jumlah (NRR x 1/banyak unsur)"
    missing = [i.nama for i in inputs if i.nilai is None]
    if missing:
        reason = f"NRR tidak lengkap: {', '.join(missing)}"
        return (tidak_dapat(rumus_x, reason, inputs, satuan="", aturan=aturan),
                tidak_dapat(m.rumus, reason, inputs, satuan="", aturan=aturan))
    numbers = tuple(i.nilai for i in inputs if i.nilai is not None)
    x = sum(numbers, Decimal(0)) / len(numbers)
    uraian = "(" + " + ".join(f"{{{i}}}" for i in range(len(numbers))) + f") / {len(numbers)}"
    nilai_x = Nilai(x, rumus_x, inputs, aturan, satuan="",
                    turunan=tuple(unsur.values())).with_uraian(uraian, *numbers)
    ikm = Nilai(x * KALI_IKM, m.rumus, (Masukan("nilai indeks", x),), aturan,
                satuan="", turunan=(nilai_x,)).with_uraian("{0} x 25", x)
    return nilai_x, ikm


def mutu(kode: str, ikm: Decimal | None) -> Pita | None:
    """The IKM's band: mutu (kode A-D) and kinerja (sebutan)."""
    return klasifikasi(ikm, SKALA_IKM[kode])
