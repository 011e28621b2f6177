"""The budget tree read from the sheet finance staff already keep: realisasi by kode rekening
(SIPD codes such as `1.02.02.2.01.0014`), copied into the data-entry workbook as a sheet.

Why from the kode: in SIPD a code holds its ancestry (`1.02.02` program, `1.02.02.2.01`
kegiatan, `1.02.02.2.01.0014` sub kegiatan), so a row's parent is the longest code in the
sheet that its own code starts with, and nobody retypes the tree. Columns are found by their
heading, from the names finance sheets use (`Kode Rekening`, `Uraian`, `Anggaran Setelah
Perubahan`, `Realisasi`), or as the user maps them (`--kolom pagu="Pagu APBD-P"`, or a column
letter). Rows of belanja accounts below a sub kegiatan (`5.1.02.01.01.0024`) and the urusan
and bidang rows above the programs (`1`, `1.02`) are not part of the tree and are passed
over; money on a parent row is the sum of the rows below it and is checked as such. Every
row that cannot be read is named by its cell (`rekening-invalid`), all at once.

A node's own indicators (issue 23) come from the same sheet when it has an indicator column,
as SIPD's Renja and RKA sheets print them beside each program, kegiatan and sub kegiatan
(`Indikator`, `Target Kinerja`, `Satuan`): several per cell, one per line, or on rows of
their own below the node. The rest of a node (Anggaran PK, sumber dana, indicators
supported, RPD, unit) still comes from the Program Kegiatan sheet, matched by kode; more
indicators, their quarters and Renstra years from Indikator Simpul, Triwulan and Renstra.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from lkjip_cli import angka
from lkjip_cli.buku import tata as tb
from lkjip_cli.buku.baca_sel import GAGAL, sebagai
from lkjip_cli.buku.penyusun import Penyusun, Pohon
from lkjip_cli.diagnostics import Path, format_path
from lkjip_cli.source.numbers import NumberError, parse_number
from lkjip_cli.source.yamlteks import Catatan

#: What a kode-rekening sheet's columns hold, and the headings each is recognised by
#: (compared without case, spaces, punctuation or a `(Rp)`).
JUDUL_REKENING: dict[str, tuple[str, ...]] = {
    "kode": ("kode", "kode rekening", "kode rek", "kode akun", "no rekening", "kode sipd",
             "kode program kegiatan sub kegiatan"),
    "uraian": ("uraian", "nama", "uraian rekening", "nama rekening",
               "program kegiatan sub kegiatan", "uraian program kegiatan sub kegiatan",
               "nomenklatur"),
    "pagu": ("pagu", "anggaran", "pagu anggaran", "pagu perubahan", "anggaran perubahan",
             "anggaran setelah perubahan", "apbd perubahan", "apbd p", "pagu apbd p",
             "jumlah anggaran"),
    "pagu_murni": ("pagu murni", "anggaran murni", "apbd murni", "anggaran sebelum perubahan",
                   "pagu apbd murni"),
    "realisasi": ("realisasi", "realisasi anggaran", "jumlah realisasi", "realisasi sd",
                  "realisasi s d", "realisasi keuangan"),
    # Indicators of a node (issue 23), as SIPD's Renja and RKA sheets print them beside the
    # program, kegiatan or sub kegiatan: read only when an indicator column is there.
    "indikator": ("indikator", "indikator kinerja", "tolok ukur", "tolok ukur kinerja",
                  "indikator program kegiatan sub kegiatan",
                  "indikator kinerja program kegiatan sub kegiatan",
                  "indikator kinerja program outcome kegiatan output",
                  "indikator program", "indikator kegiatan", "indikator sub kegiatan",
                  "keluaran", "indikator keluaran"),
    "kode_indikator": ("kode indikator",),
    "target_kinerja": ("target", "target kinerja", "target capaian kinerja", "target indikator",
                       "target k", "volume"),
    "satuan": ("satuan", "satuan indikator", "satuan target"),
    "realisasi_kinerja": ("realisasi kinerja", "realisasi indikator", "realisasi target",
                          "realisasi capaian kinerja", "realisasi k", "realisasi fisik"),
}
#: The indicator columns, read only with `indikator`.
KOLOM_INDIKATOR = ("indikator", "kode_indikator", "target_kinerja", "satuan",
                   "realisasi_kinerja")
WAJIB_REKENING = ("kode", "uraian")
#: Where the heading row may be: finance sheets open with a title of a few rows.
BARIS_JUDUL_MAKS = 20
#: How far right a kode-rekening sheet is read.
KOLOM_MAKS = 40

_KODE = re.compile(r"^[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*$")


@dataclass(frozen=True, slots=True)
class PilihanRekening:
    """Which sheet holds the kode rekening, and the columns the user mapped (kunci ->
    heading text or column letter); unmapped columns are recognised by their heading."""

    lembar: str
    kolom: dict[str, str] = field(default_factory=dict)


def _normal(teks: Any) -> str:
    teks = re.sub(r"\(\s*rp\s*\)|\brp\b", " ", str(teks).lower())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", teks).split())


def _huruf_kolom(huruf: str) -> int | None:
    if not re.fullmatch(r"[A-Za-z]{1,2}", huruf):
        return None
    n = 0
    for ch in huruf.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


@dataclass
class _Indikator:
    """One indicator of a node, as the sheet gives it (one line of its cells)."""

    nomor: int
    sel: dict[str, str]
    nilai: dict[str, Any]


@dataclass
class _Baris:
    nomor: int
    kode: str
    sel: dict[str, str]
    nilai: dict[str, Any]
    anak: list[_Baris] = field(default_factory=list)
    tingkat: int = 0
    indikator: list[_Indikator] = field(default_factory=list)


class _Pembaca:
    """Reads one kode-rekening sheet into rows, reporting at each cell."""

    def __init__(self, p: Penyusun, pilihan: PilihanRekening) -> None:
        self.p = p
        self.pilihan = pilihan
        self.lembar = pilihan.lembar
        #: Rows of belanja accounts (`5.1.02.01.01.0024`), not nodes of the tree.
        self.akun: list[_Baris] = []

    def galat(self, sel: str | None, pesan: str, judul: str = "") -> None:
        self.p.galat(self.lembar, sel, "rekening-invalid", pesan, judul)

    def baris(self) -> list[tuple[int, list[Any]]] | None:
        p = self.p
        if self.lembar not in p.wb.sheetnames:
            p.galat(self.lembar, None, "sheet-missing",
                    f"lembar kode rekening `{self.lembar}` tidak ada; lembar buku ini: "
                    f"{', '.join(p.wb.sheetnames)}")
            return None
        survei = p.paket.lembar.get(self.lembar)
        if survei is None or not survei.baris_akhir:
            self.galat("A1", "lembar kode rekening kosong")
            return None
        ws = p.wb[self.lembar]
        out: list[tuple[int, list[Any]]] = []
        kolom = min(max(survei.kolom_akhir, 1), KOLOM_MAKS)
        for r, row in enumerate(ws.iter_rows(min_row=1, max_row=survei.baris_akhir,
                                             max_col=kolom), start=1):
            if p.tenggat.lewat():
                self.galat(f"A{r}", "pembacaan lembar kode rekening melewati batas waktu")
                return None
            out.append((r, list(row)))
        return out

    def kolom(self, rows: list[tuple[int, list[Any]]]) -> tuple[int, dict[str, int]] | None:
        """(heading row, column index by kunci)."""
        peta: dict[str, int] = {}
        for kunci, nilai in self.pilihan.kolom.items():
            huruf = _huruf_kolom(nilai)
            if huruf is not None:
                peta[kunci] = huruf
        judul_baris = 0
        for r, row in rows[:BARIS_JUDUL_MAKS]:
            teks = {i: _normal(c.value) for i, c in enumerate(row) if c.value is not None}
            diberi = {k: v for k, v in self.pilihan.kolom.items() if k not in peta}
            cocok = {k: i for k, v in diberi.items() for i, t in teks.items()
                     if t == _normal(v)}
            kenal = {k: i for k, names in JUDUL_REKENING.items() for i, t in teks.items()
                     if t in names and k not in diberi}
            if "kode" in cocok or "kode" in kenal or ("kode" in peta and (cocok or kenal)):
                judul_baris = r
                for k, i in {**kenal, **cocok}.items():
                    peta.setdefault(k, i)
                break
        if "indikator" not in peta:  # no indicators: their other columns are not read
            peta = {k: v for k, v in peta.items() if k not in KOLOM_INDIKATOR}
        hilang = [k for k in WAJIB_REKENING if k not in peta]
        if "pagu" not in peta and "pagu_murni" not in peta:
            hilang.append("pagu")
        if hilang:
            dikenal = "; ".join(f"{k}: {', '.join(JUDUL_REKENING[k][:4])}" for k in hilang)
            self.galat(f"A{judul_baris or 1}", f"kolom {', '.join(hilang)} tidak dikenali "
                       f"di baris judul lembar kode rekening (judul yang dikenal, {dikenal}); "
                       "beri judulnya dengan --kolom KUNCI=JUDUL atau KUNCI=HURUF "
                       "(misalnya --kolom pagu=\"Pagu APBD-P\" atau --kolom kode=B)")
            return None
        return judul_baris, peta


def _sel(row: list[Any], i: int, r: int) -> tuple[Any, str]:
    from openpyxl.utils import get_column_letter

    return (row[i].value if i < len(row) else None), f"{get_column_letter(i + 1)}{r}"


def _kode_akun(kode: str) -> bool:
    """`5.1.02.01.01.0024`: a belanja (4 pendapatan, 6 pembiayaan) account, not a node of
    the program tree, whose second part is two digits (`5.02.01` is a program of urusan 5)."""
    bagian = kode.split(".")
    return bagian[0] in ("4", "5", "6") and len(bagian) > 1 and len(bagian[1]) == 1


def _baca_baris(b: _Pembaca, rows: list[tuple[int, list[Any]]], judul: int,
                peta: dict[str, int]) -> list[_Baris]:
    p = b.p
    out: list[_Baris] = []
    jenis = {"kode": "teks", "uraian": "teks", "pagu": "rupiah", "pagu_murni": "rupiah",
             "realisasi": "rupiah", "indikator": "teks", "kode_indikator": "teks",
             "target_kinerja": "bebas", "satuan": "teks", "realisasi_kinerja": "bebas"}
    for r, row in rows:
        if r <= judul:
            continue
        nilai: dict[str, Any] = {}
        sel: dict[str, str] = {}
        for kunci, i in peta.items():
            mentah, ref = _sel(row, i, r)
            sel[kunci] = ref
            kol = tb.Kolom(kunci, kunci, "rupiah" if jenis[kunci] == "rupiah" else "teks")
            if jenis[kunci] == "bebas":
                kol = tb.Kolom(kunci, kunci, "angka")
            if mentah is None:
                continue
            v = p.nilai_sel(b.lembar, row[i], ref, kol, p.paket.lembar[b.lembar])
            nilai[kunci] = sebagai(jenis[kunci], v)
        kode = nilai.get("kode")
        if kode is None and nilai.get("indikator") is not None:
            # a further indicator of the node above, on a row of its own
            if out:
                out[-1].indikator += _indikator(b, r, sel, nilai)
            else:
                b.galat(sel["indikator"], "indikator tanpa baris program, kegiatan atau sub "
                        "kegiatan di atasnya", "Indikator")
            continue
        if kode is None or kode is GAGAL:
            uraian = str(nilai.get("uraian") or "")
            uang = any(nilai.get(k) is not None for k in ("pagu", "pagu_murni", "realisasi"))
            if kode is None and uang and not re.match(r"(?i)\s*(jumlah|total|sub ?total)",
                                                      uraian):
                b.galat(sel["kode"], f"baris `{uraian[:40]}` berisi rupiah tetapi tanpa kode "
                        "rekening: isi kodenya (baris jumlah diawali Jumlah atau Total)",
                        "Kode")
            continue  # an empty row, a heading, or the sheet's total at its foot
        kode = str(kode).strip()
        if not _KODE.match(kode):
            b.galat(sel["kode"], f"`{kode[:40]}` bukan kode rekening (bagian angka atau huruf "
                    "dipisah titik, seperti 1.02.02.2.01.0014)", "Kode")
            continue
        for k in ("pagu", "pagu_murni", "realisasi"):
            v = nilai.get(k)
            if v is not None and v is not GAGAL and not isinstance(v, Decimal):
                b.galat(sel[k], f"{v!r} bukan rupiah", k)
                nilai[k] = GAGAL
        baris = _Baris(r, kode, sel, nilai)
        if nilai.get("indikator") is not None:
            baris.indikator = _indikator(b, r, sel, nilai)
        if _kode_akun(kode):
            b.akun.append(baris)
            continue
        out.append(baris)
    return out


def _baris_sel(nilai: Any) -> list[Any]:
    """A cell's lines: SIPD puts a node's several indicators (and their targets) one per
    line in one cell."""
    if isinstance(nilai, str):
        return [x.strip() for x in nilai.splitlines() if x.strip()]
    return [] if nilai is None or nilai is GAGAL else [nilai]


def _indikator(b: _Pembaca, r: int, sel: dict[str, str], nilai: dict[str, Any]
               ) -> list[_Indikator]:
    """The indicators on one row: one per line of the indicator cell, each with the line of
    the same number in the other indicator cells (or their one value, for one indicator)."""
    nama = _baris_sel(nilai.get("indikator"))
    lain = {k: _baris_sel(nilai.get(k)) for k in KOLOM_INDIKATOR if k != "indikator"}
    for k, isi in lain.items():
        if isi and len(isi) != len(nama):
            b.galat(sel[k], f"{len(isi)} baris di sel ini untuk {len(nama)} indikator di sel "
                    f"{sel['indikator']}: tulis satu nilai per indikator, baris demi baris",
                    k)
            return []
    return [_Indikator(r, sel, {"indikator": n, **{k: isi[i] for k, isi in lain.items()
                                                   if isi}})
            for i, n in enumerate(nama)]


_ANGKA_SATUAN = re.compile(r"^\s*([-+]?[0-9][0-9.,]*)\s*(\S.*)?$")


def _target_satuan(b: _Pembaca, x: _Indikator, kunci: str) -> tuple[Any, str | None]:
    """A target or realisasi (`100`, `70,42`) and the unit written after it (`100 %`,
    `12 unit`), as SIPD prints "Target Kinerja"; None when empty, GAGAL when unreadable."""
    v = x.nilai.get(kunci)
    if v is None or isinstance(v, Decimal):
        return v, None
    m = _ANGKA_SATUAN.match(str(v))
    if m:
        try:
            return parse_number(m[1]), m[2]
        except NumberError:
            pass
    b.galat(x.sel[kunci], f"`{str(v)[:40]}` bukan angka: tulis angkanya, dengan satuannya "
            "sesudahnya bila perlu (100 %, 12 unit)", kunci)
    return GAGAL, None


def _indikator_simpul(b: _Pembaca, x: _Baris, path: Path) -> list[dict[str, Any]]:
    """A node's indicators from the sheet (issue 23): kode from `kode_indikator`, or the
    node's kode and the indicator's number (`1.02.02-I1`); unit from `satuan`, or written
    after the target."""
    lembar = b.lembar
    out: list[dict[str, Any]] = []
    for n, ind in enumerate(x.indikator, start=1):
        ipath: Path = (*path, "indikator", len(out))
        sel = ind.sel
        target, satuan_t = _target_satuan(b, ind, "target_kinerja")
        realisasi, satuan_r = _target_satuan(b, ind, "realisasi_kinerja")
        satuan, sel_satuan = next(
            ((v, sel[k]) for v, k in ((ind.nilai.get("satuan"), "satuan"),
                                      (satuan_t, "target_kinerja"),
                                      (satuan_r, "realisasi_kinerja")) if v),
            (None, sel["indikator"]))
        if target is GAGAL or realisasi is GAGAL:
            continue
        if not satuan:
            b.galat(sel["indikator"], f"indikator `{str(ind.nilai['indikator'])[:40]}` tanpa "
                    "satuan: isi kolom Satuan, atau tulis satuannya sesudah target (100 %)",
                    "Indikator")
            continue
        kode = ind.nilai.get("kode_indikator") or f"{x.kode}-I{n}"
        asal = f"{lembar}!{sel.get('kode_indikator', sel['indikator'])}"
        item: dict[str, Any] = {"kode": Catatan(str(kode), asal),
                                "nama": Catatan(ind.nilai["indikator"],
                                                f"{lembar}!{sel['indikator']}"),
                                "satuan": Catatan(str(satuan), f"{lembar}!{sel_satuan}")}
        for kunci, nama, v in (("target_kinerja", "target", target),
                               ("realisasi_kinerja", "realisasi", realisasi)):
            if v is not None:
                item[nama] = Catatan(v, f"{lembar}!{sel[kunci]}")
                b.p.hasil.sel[format_path((*ipath, nama))] = (lembar, sel[kunci], nama)
        b.p.hasil.sel[format_path(ipath)] = (lembar, sel["indikator"], "Indikator")
        b.p.hasil.kode_sel.setdefault(str(kode), asal)
        out.append(item)
    return out


def _jenis(b: _Pembaca) -> list[dict[str, Any]]:
    """The year's spending by class (`5.1.02` Belanja Barang dan Jasa) summed from the
    belanja account rows (`5.1.02.01.01.0024`): the Jenis Belanja lines, with pagu (after
    changes, or murni when the sheet has only that), pagu murni and realisasi."""
    kelas: dict[str, dict[str, Any]] = {}
    for x in b.akun:
        bagian = x.kode.split(".")
        if bagian[0] != "5" or len(bagian) < 3:
            continue
        kode = ".".join(bagian[:3])
        entry = kelas.setdefault(kode, {"jenis": kode, "_baris": []})
        entry["_baris"].append(x.nomor)
        pagu = x.nilai.get("pagu") if x.nilai.get("pagu") is not None else (
            x.nilai.get("pagu_murni"))
        for nama, v in (("pagu", pagu), ("pagu_murni", x.nilai.get("pagu_murni")),
                        ("realisasi", x.nilai.get("realisasi"))):
            if isinstance(v, Decimal):
                entry[nama] = entry.get(nama, Decimal(0)) + v
    out = []
    for kode, entry in sorted(kelas.items()):
        baris = entry.pop("_baris")
        asal = f"{b.lembar}: jumlah {len(baris)} baris rekening {kode}"
        out.append({k: Catatan(v, asal) for k, v in entry.items()} | {"_sel": f"A{baris[0]}"})
    return out


def _pohon(b: _Pembaca, baris: list[_Baris]) -> list[_Baris]:
    """The rows as a tree by kode prefix; the roots are the programs."""
    numerik = all(re.fullmatch(r"[0-9.]+", x.kode) for x in baris)
    if numerik and any(x.kode.count(".") >= 2 for x in baris):
        for x in baris:
            if x.kode.count(".") < 2 and x.indikator:
                b.galat(x.indikator[0].sel["indikator"], f"indikator di baris urusan atau "
                        f"bidang urusan `{x.kode}` tidak dibaca: lkjip memuat indikator "
                        "program, kegiatan dan sub kegiatan; pindahkan ke baris programnya",
                        "Indikator")
        baris = [x for x in baris if x.kode.count(".") >= 2]  # urusan and bidang rows
    per_kode: dict[str, _Baris] = {}
    for x in baris:
        if x.kode in per_kode:
            b.galat(x.sel["kode"], f"kode `{x.kode}` sudah ada di baris "
                    f"{per_kode[x.kode].nomor}", "Kode")
            continue
        per_kode[x.kode] = x
    akar: list[_Baris] = []
    for x in per_kode.values():
        bagian = x.kode.split(".")
        induk = next((per_kode[".".join(bagian[:n])] for n in range(len(bagian) - 1, 0, -1)
                      if ".".join(bagian[:n]) in per_kode), None)
        if induk is None:
            akar.append(x)
        else:
            induk.anak.append(x)
    # SIPD codes say their level by their parts: 3 program, 5 kegiatan, 6 sub kegiatan.
    sipd = {3: 1, 5: 2, 6: 3}
    cek = numerik and all(x.kode.count(".") + 1 in sipd for x in per_kode.values())

    def tandai(x: _Baris, n: int) -> bool:
        x.tingkat = n
        harap = sipd.get(x.kode.count(".") + 1) if cek else None
        if harap is not None and harap != n:
            b.galat(x.sel["kode"], f"baris `{x.kode}` tingkat {harap} menurut kodenya, tetapi "
                    f"induknya (kode `{'.'.join(x.kode.split('.')[:[0, 3, 3, 5][harap]])}`) "
                    "tidak ada di lembar ini: tambahkan baris induknya", "Kode")
            x.anak = []  # reported: neither it nor its rows join the tree
            return False
        x.anak = [a for a in x.anak if tandai(a, n + 1)]
        return True

    return [x for x in akar if tandai(x, 1)]


def _jumlah(x: _Baris, kunci: str) -> Decimal | None:
    """The sum of a node's leaves for `kunci`; None when a leaf's cell could not be read
    (reported at that cell), so that no total is compared with a sum missing a part."""
    if not x.anak:
        v = x.nilai.get(kunci)
        return None if v is GAGAL else v if isinstance(v, Decimal) else Decimal(0)
    total = Decimal(0)
    for a in x.anak:
        v = _jumlah(a, kunci)
        if v is None:
            return None
        total += v
    return total


def _periksa_jumlah(b: _Pembaca, x: _Baris) -> None:
    """Money on a parent row is the sum of the rows below it, as finance sheets print it."""
    for kunci in ("pagu", "pagu_murni", "realisasi"):
        sendiri = x.nilai.get(kunci)
        total = _jumlah(x, kunci)
        if isinstance(sendiri, Decimal) and total is not None and sendiri != total:
            b.galat(x.sel[kunci], f"baris `{x.kode}` mencatat {angka.rupiah(sendiri)}, "
                    f"tetapi jumlah baris di bawahnya {angka.rupiah(total)}: periksa salah "
                    "satunya", kunci)


def _simpul(b: _Pembaca, x: _Baris, path: Path, pohon: Pohon) -> dict[str, Any]:
    lembar = b.lembar
    p = b.p
    item: dict[str, Any] = {"kode": Catatan(x.kode, f"{lembar}!{x.sel['kode']}")}
    p.hasil.sel[format_path(path)] = (lembar, f"A{x.nomor}", "")
    if x.tingkat == 1:
        p.hasil.sel[format_path((*path, "kegiatan"))] = (lembar, f"A{x.nomor}", "")
    for kunci, nama in (("uraian", "nama"),):
        v = x.nilai.get(kunci)
        if isinstance(v, str):
            item[nama] = Catatan(v, f"{lembar}!{x.sel[kunci]}")
    if x.tingkat > 1 and not x.anak:
        pagu_kunci = "pagu" if x.nilai.get("pagu") is not None else "pagu_murni"
        for kunci, nama in ((pagu_kunci, "pagu"), ("realisasi", "realisasi")):
            v = x.nilai.get(kunci)
            if isinstance(v, Decimal):
                item[nama] = Catatan(v, f"{lembar}!{x.sel[kunci]}")
            elif v is GAGAL:  # reported at its cell: not again as a missing key
                p.hasil.sudah.add(format_path((*path, nama)))
            if kunci in x.sel:
                p.hasil.sel[format_path((*path, nama))] = (lembar, x.sel[kunci], nama)
    else:
        _periksa_jumlah(b, x)
    indikator = _indikator_simpul(b, x, path)
    if indikator:
        item["indikator"] = indikator
    pohon.tambah(x.kode, item, path, x.tingkat)
    anak = "kegiatan" if x.tingkat == 1 else "rincian"
    if x.anak:
        item[anak] = [_simpul(b, a, (*path, anak, i), pohon) for i, a in enumerate(x.anak)]
    return item


def susun_rekening(p: Penyusun, doc: dict[str, Any], pilihan: PilihanRekening) -> Pohon:
    """The budget tree from the kode-rekening sheet, with the rest of each node from the
    Program Kegiatan sheet (by kode)."""
    pohon = Pohon()
    b = _Pembaca(p, pilihan)
    pohon.gagal = True
    rows = b.baris()
    if rows is None:
        return pohon
    kolom = b.kolom(rows)
    if kolom is None:
        return pohon
    judul, peta = kolom
    akar = _pohon(b, _baca_baris(b, rows, judul, peta))
    if not akar:
        b.galat(f"A{judul + 1}", "lembar kode rekening tidak berisi baris berkode di bawah "
                "baris judulnya")
        return pohon
    pohon.gagal = False
    doc["program"] = [_simpul(b, x, ("program", i), pohon) for i, x in enumerate(akar)]
    _pelengkap(p, pohon)
    pohon.jenis = _jenis(b)
    return pohon


def jenis_dari_rekening(p: Penyusun, doc: dict[str, Any], pohon: Pohon,
                        pilihan: PilihanRekening, tahunan: dict[int, Any],
                        kelas: dict[tuple[int, str], Any]) -> None:
    """The report year's Jenis Belanja from the account rows, when the sheet has them: on
    the Belanja row of that year (made when there is none), classified by Permendagri
    77/2020, and indexed (`tahunan`, `kelas`) for the printed figures of Dilaporkan. Lines on
    the Jenis Belanja sheet for the same year would be a second source: refused."""
    tahun = doc.get("tahun")
    tahun = tahun.nilai if isinstance(tahun, Catatan) else tahun
    if not pohon.jenis or not isinstance(tahun, int):
        return
    daftar = doc.setdefault("belanja", [])
    if tahun not in tahunan:
        tahunan[tahun] = ({"tahun": tahun}, ("belanja", len(daftar)))
        daftar.append(tahunan[tahun][0])
    entry, base = tahunan[tahun]
    if entry.get("jenis"):
        p.galat(tb.JENIS_BELANJA.nama, "A2", "rekening-invalid",
                f"belanja tahun {tahun} per jenis diisi di lembar Jenis Belanja dan dijumlah "
                f"dari baris rekening belanja lembar `{pilihan.lembar}`; kosongkan baris tahun "
                "itu di Jenis Belanja")
        return
    entry.setdefault("klasifikasi", "permendagri-77-2020")
    jenis = []
    for j, baris in enumerate(pohon.jenis):
        sel = baris.pop("_sel")
        path = (*base, "jenis", j)
        p.hasil.sel[format_path(path)] = (pilihan.lembar, sel, "")
        jenis.append(baris)
        kelas.setdefault((tahun, baris["jenis"].nilai), (baris, path))
    entry["jenis"] = jenis


def _pelengkap(p: Penyusun, pohon: Pohon) -> None:
    """Anggaran PK, sumber dana, `mendukung` and RPD of the nodes, from the Program Kegiatan
    sheet's rows of the same kode; money there would be a second source, so it is refused."""
    L = tb.ANGGARAN
    for rek in p.rekaman(L):
        found = p.rujukan(rek, "kode", "baris lembar kode rekening", pohon.semua, L)
        if found is None:
            continue
        item, path, tingkat = found
        kolom = (("anggaran_perjanjian_kinerja", "sumber_dana", "mendukung",
                  "penanggung_jawab") if tingkat == 1
                 else ("mendukung", "rpd", "penanggung_jawab"))
        for k in kolom:
            p.taruh(item, k, rek, k, (*path, k), L)
        for k in ("pagu", "realisasi"):
            if rek[k].nilai is not None:
                p.galat(L.nama, rek[k].sel, "value", "pagu dan realisasi dibaca dari lembar "
                        "kode rekening; kosongkan sel ini", L.kolom_kunci(k).judul)
