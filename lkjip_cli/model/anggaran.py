"""The budget tree below a program: kegiatan's sub kegiatan (regions), or KRO and RO (K/L).

From the 2021 budget year a region's pagu and realisasi sit on the sub kegiatan (Permendagri
90/2019; SIPD codes such as `5.03.02.1.01.0001`), and a ministry's on the RO of a KRO (Program
→ Kegiatan → KRO → RO). Rather than one model per nomenclature, a kegiatan holds `rincian`,
and a rincian holds its own `rincian`, to any depth; the report names its levels
(`tingkat_anggaran`). Program and kegiatan of 2020 are the first two levels of the same tree:
a kegiatan without `rincian` is a leaf with its own pagu, as it always was.

Money is typed at the leaves only; every level above is their sum. A total the report printed
for a level goes under its `dilaporkan`, where `lkjip check` compares it with that sum.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema

from lkjip_cli.model.dasar import Model
from lkjip_cli.model.kaskade import SimpulRenja
from lkjip_cli.model.types import Dicetak, Kode, Rupiah

#: The level names of the reference report's tree and of a 2021+ region's.
TINGKAT_BAWAAN = ("Program", "Kegiatan", "Sub Kegiatan")


class DilaporkanAnggaran(Model):
    """Printed pagu, realisasi and penyerapan of one node of the budget tree (Tabel 3.13)."""

    pagu: Dicetak = {}
    realisasi: Dicetak = {}
    penyerapan: Dicetak = {}
    rpd: Dicetak = Field(default={}, description="Rencana penarikan dana up to the period")
    penyerapan_rpd: Dicetak = Field(default={}, description="Realisasi / RPD x 100")
    persen_rpd: Dicetak = Field(default={}, description="RPD / pagu x 100")
    porsi: Dicetak = Field(default={}, description="The node's pagu as a share of all "
                           "programs' pagu x 100")
    pagu_renstra_akhir: Dicetak = Field(
        default={}, description="Renja evaluation column 5 (Rp): the Renstra's pagu")
    realisasi_renstra_lalu: Dicetak = Field(
        default={}, description="Renja evaluation column 6 (Rp): up to last year")
    realisasi_renstra_kumulatif: Dicetak = Field(
        default={}, description="Renja evaluation column 14 (Rp): up to this year")
    capaian_renstra_kumulatif: Dicetak = Field(
        default={}, description="Renja evaluation column 15 (Rp): column 14 against 5")
    realisasi_tw1: Dicetak = {}
    realisasi_tw2: Dicetak = {}
    realisasi_tw3: Dicetak = {}
    realisasi_tw4: Dicetak = {}


class BarisLain(Model):
    """Rows a printed total covers that the file does not list: a table continued from
    another page, or an excerpt that shows some kegiatan of a program. Their money (as the
    other page prints it) joins the total, so a right Jumlah is not flagged."""

    pagu: Rupiah | None = None
    realisasi: Rupiah | None = None
    keterangan: str | None = Field(default=None, description="Where those rows are printed")


class RincianAnggaran(SimpulRenja):
    """A level below kegiatan: a sub kegiatan, a KRO, an RO; any depth."""

    kode: Kode
    nama: str = Field(min_length=1)
    pagu: Rupiah | None = Field(default=None, description="Only at a leaf (no rincian)")
    realisasi: Rupiah | None = Field(default=None, description="Only at a leaf (no rincian)")
    rpd: Rupiah | None = Field(
        default=None, description="Rencana penarikan dana up to the report's period (a leaf)")
    realisasi_bulanan: tuple[Rupiah | None, ...] = Field(
        default=(), max_length=12, description="Monthly realisasi from January (each month's "
        "own spending, not cumulative; null: no data), at a leaf: their sum is the realisasi "
        "when realisasi is not given")
    mendukung: tuple[Kode, ...] = Field(
        default=(), description="Kode of the indikator kinerja this line supports; "
        "inherited by every line below it")
    rincian: tuple[RincianAnggaran, ...] = Field(
        default=(), description="The next level down (sub kegiatan, KRO, RO)")
    dilaporkan: DilaporkanAnggaran = DilaporkanAnggaran()


# ------------------------------------------------------------ spending by classification

#: The spending classifications lkjip knows (lkjip_cli/model/klasifikasi.py).
NamaKlasifikasi = Literal["bl-btl", "permendagri-77-2020", "apbn"]


def _kode_kelas(value: Any) -> Any:
    """A class code typed without quotes (`5.2`, `52`) reads as a number: take its text."""
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return str(value)
    return value


#: The code of a class or group of a spending classification: `5.1.01`, `5.2`, `52`.
KodeKelas = Annotated[
    str, BeforeValidator(_kode_kelas), Field(min_length=1),
    WithJsonSchema({"anyOf": [{"type": "string", "minLength": 1}, {"type": "number"}],
                    "description": "Class code: 5.1.01, 5.2, 52, langsung"})]


class DilaporkanPosBelanja(Model):
    """Printed figures of one class or group of spending (Tabel 2.5, 3.11, Bab II)."""

    pagu: Dicetak = {}
    pagu_murni: Dicetak = {}
    perubahan_pagu: Dicetak = Field(
        default={}, description="pagu - pagu_murni: negative for a cut (penghematan)")
    realisasi: Dicetak = {}
    penyerapan: Dicetak = {}


class JenisBelanja(Model):
    """One line of a year's spending: a class of the year's classification, with its money."""

    jenis: KodeKelas = Field(description="A class code: 5.1.01, 5.2 (a whole group), 52, "
                             "langsung")
    pagu: Rupiah | None = Field(default=None, description="After changes (APBD perubahan, "
                                "DIPA revisi); penyerapan is against this")
    pagu_murni: Rupiah | None = Field(default=None, description="Before changes (APBD murni, "
                                      "DIPA awal)")
    realisasi: Rupiah | None = None
    dilaporkan: DilaporkanPosBelanja = DilaporkanPosBelanja()


class KelompokBelanja(Model):
    """A group's totals as the report printed them (Belanja Operasi: pagu, realisasi)."""

    kelompok: KodeKelas = Field(description="The group's code: 5.1, 5.2")
    dilaporkan: DilaporkanPosBelanja = DilaporkanPosBelanja()
