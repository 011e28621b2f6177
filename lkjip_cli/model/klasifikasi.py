"""Spending classifications: the classes a year's belanja is split into, and their groups.

A report names the classification its spending tables use; lkjip knows three:

- `permendagri-77-2020`: regions from the 2021 budget year, PP 12/2019 (Pengelolaan Keuangan
  Daerah) art. 55 and Permendagri 77/2020 (Pedoman Teknis Pengelolaan Keuangan Daerah), codes
  from Kepmendagri 050-5889/2021. Types group into Belanja Operasi (5.1), Belanja Modal (5.2),
  Belanja Tidak Terduga (5.3) and Belanja Transfer (5.4). A line may be a whole group (`5.2`)
  when the report does not split it.
- `apbn`: ministries and agencies, the jenis belanja of the Bagan Akun Standar (51 to 58);
  no groups.
- `bl-btl`: regions up to 2020, Belanja Langsung and Belanja Tidak Langsung (the reference
  report); no groups.

Pure data, below every layer: the semantic checks (which refuse an unknown class), the engine
(which sums groups) and the tables (which print the names) read the same table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Kelas:
    """One class of a classification: its code, its name, and its group's code (or None)."""

    kode: str
    nama: str
    kelompok: str | None = None


_PERMENDAGRI = (
    Kelas("5.1", "Belanja Operasi"),
    Kelas("5.1.01", "Belanja Pegawai", "5.1"),
    Kelas("5.1.02", "Belanja Barang dan Jasa", "5.1"),
    Kelas("5.1.03", "Belanja Bunga", "5.1"),
    Kelas("5.1.04", "Belanja Subsidi", "5.1"),
    Kelas("5.1.05", "Belanja Hibah", "5.1"),
    Kelas("5.1.06", "Belanja Bantuan Sosial", "5.1"),
    Kelas("5.2", "Belanja Modal"),
    Kelas("5.2.01", "Belanja Modal Tanah", "5.2"),
    Kelas("5.2.02", "Belanja Modal Peralatan dan Mesin", "5.2"),
    Kelas("5.2.03", "Belanja Modal Gedung dan Bangunan", "5.2"),
    Kelas("5.2.04", "Belanja Modal Jalan, Jaringan, dan Irigasi", "5.2"),
    Kelas("5.2.05", "Belanja Modal Aset Tetap Lainnya", "5.2"),
    Kelas("5.2.06", "Belanja Modal Aset Lainnya", "5.2"),
    Kelas("5.3", "Belanja Tidak Terduga"),
    Kelas("5.3.01", "Belanja Tidak Terduga", "5.3"),
    Kelas("5.4", "Belanja Transfer"),
    Kelas("5.4.01", "Belanja Bagi Hasil", "5.4"),
    Kelas("5.4.02", "Belanja Bantuan Keuangan", "5.4"),
)

_APBN = (
    Kelas("51", "Belanja Pegawai"),
    Kelas("52", "Belanja Barang"),
    Kelas("53", "Belanja Modal"),
    Kelas("54", "Pembayaran Bunga Utang"),
    Kelas("55", "Subsidi"),
    Kelas("56", "Belanja Hibah"),
    Kelas("57", "Belanja Bantuan Sosial"),
    Kelas("58", "Belanja Lain-lain"),
)

_BL_BTL = (
    Kelas("tidak-langsung", "Belanja Tidak Langsung"),
    Kelas("langsung", "Belanja Langsung"),
)

#: Every classification by the name a report gives it.
KLASIFIKASI: dict[str, tuple[Kelas, ...]] = {
    "permendagri-77-2020": _PERMENDAGRI,
    "apbn": _APBN,
    "bl-btl": _BL_BTL,
}

#: The regulation each classification comes from, by its full name.
SUMBER: dict[str, str] = {
    "permendagri-77-2020": "Peraturan Menteri Dalam Negeri Nomor 77 Tahun 2020 tentang "
    "Pedoman Teknis Pengelolaan Keuangan Daerah",
    "apbn": "Bagan Akun Standar (jenis belanja APBN)",
    "bl-btl": "Belanja Langsung dan Belanja Tidak Langsung (sebelum 2021)",
}


def kelas(klasifikasi: str, kode: str) -> Kelas | None:
    return next((k for k in KLASIFIKASI.get(klasifikasi, ()) if k.kode == kode), None)


def anggota(klasifikasi: str, kelompok: str) -> tuple[Kelas, ...]:
    """The types of a group (`5.1` -> Belanja Pegawai, Barang dan Jasa, ...)."""
    return tuple(k for k in KLASIFIKASI.get(klasifikasi, ()) if k.kelompok == kelompok)


def adalah_kelompok(klasifikasi: str, kode: str) -> bool:
    return bool(anggota(klasifikasi, kode))
