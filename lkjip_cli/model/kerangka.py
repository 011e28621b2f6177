"""`lkjip init`: a commented starter report, new or carried over from last year's.

Why a generator and not a template file: the skeleton's shape depends on the options (how
many sasaran and indikator, which Renstra years), and next year's report is this year's
validated model moved one year on. Both are built as a document and written by the
commented-YAML emitter, so every key can say what it means beside it.

The file validates as written: every value still to be filled holds a placeholder that the
model accepts (`null` where a key may be empty, `0` for a required figure, a text in brackets
for a required name) and carries the comment `# ISI: ...` saying what belongs there. A tool
or a test can find every blank by that mark. Every rule of `aturan` is written out with its
documented default and a comment naming its meaning, so a reader sees what was assumed.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from lkjip_cli.model.anggaran import RincianAnggaran
from lkjip_cli.model.indikator import IndikatorPeriodik
from lkjip_cli.model.kaskade import IndikatorSimpul, SimpulRenja
from lkjip_cli.model.laporan import Aturan, IndikatorKinerja, Kegiatan, Laporan, Rentang
from lkjip_cli.model.pendapatan import AkunPendapatan, Pendapatan
from lkjip_cli.source.yamlteks import Baris, Catatan, yaml_teks

#: The mark of every value still to be filled.
ISI = "ISI"

def isi(nilai: Any, apa: str) -> Catatan:
    return Catatan(nilai, f"{ISI}: {apa}")


def bagi_indikator(sasaran: int, indikator: int) -> list[int]:
    """How many indicators each sasaran gets: `7` over `3` -> [3, 2, 2] (at least one each)."""
    indikator = max(indikator, sasaran)
    dasar, sisa = divmod(indikator, sasaran)
    return [dasar + (1 if i < sisa else 0) for i in range(sasaran)]


# ------------------------------------------------------------------------- rules


def aturan_dokumen(aturan: Aturan) -> dict[Any, Any]:
    """Every rule with its value and a comment naming what it means (docs/format.md, 6)."""
    a = aturan
    doc: dict[Any, Any] = {
        Baris("Aturan perhitungan; nilai di bawah adalah bawaan lkjip (docs/format.md bagian 6).\n"
              "Ubah bila laporan Anda menghitung dengan cara lain."): None,
        "desimal_persen": Catatan(a.desimal_persen, "tempat desimal persentase yang dicetak"),
        "pembulatan": Catatan(a.pembulatan, "half-up: 0,005 dibulatkan ke atas; half-even; "
                              "down: dipotong"),
        "rumus_negatif": Catatan(a.rumus_negatif, "capaian indikator negatif (makin kecil "
                                 "makin baik): (2T-R)/T x 100, atau T/R x 100"),
        "target_nol": Catatan(a.target_nol, "target 0: capaian tidak dapat dihitung (n/a), "
                              "atau 100-jika-realisasi-0"),
        "rata_rata": Catatan(a.rata_rata.model_dump(mode="json", exclude_defaults=True)
                             or {"dasar": a.rata_rata.dasar},
                             "rata-rata capaian atas semua indikator (atau per sasaran); "
                             "dikecualikan: indikator yang tidak dihitung, dengan alasan; "
                             "metode: rata-rata, rasio-rata-rata, tertimbang-pagu, "
                             "geometrik-pmk-22-2021"),
        # batas_e matters only to one method and is left out of the starter file.
        "efisiensi": Catatan(a.efisiensi.model_dump(mode="json", exclude={"batas_e"}),
                             "selisih: capaian - penyerapan; sisa-anggaran: 100 - penyerapan; "
                             "rasio; nominal: pagu - realisasi (Rp); juga indeks-efisiensi, "
                             "selisih-rata-rata-serapan, nilai-efisiensi-pmk-22-2021"),
        "skala_interpretasi": Catatan(_skala(a.skala_interpretasi), "kategori capaian: pita "
                                      "Permendagri 86/2017 (>= 91 Sangat Tinggi, 76-90 Tinggi, "
                                      "...)"),
        "skala_predikat": Catatan(_skala(a.skala_predikat), "predikat evaluasi SAKIP "
                                  "PermenPAN-RB 12/2015 (AA, A, BB, B, CC, C, D)"),
        "ambang_berhasil": Catatan(a.ambang_berhasil, "sasaran 'berhasil' bila capaian setiap "
                                   "indikatornya mencapai nilai ini"),
    }
    if a.batas_atas is not None:
        doc["batas_atas"] = Catatan(a.batas_atas.model_dump(mode="json"),
                                    "capaian dibatasi nilai ini pada rata-rata/tampilan")
    return doc


def _skala(skala: Any) -> Any:
    if isinstance(skala, str):
        return skala
    return [p.model_dump(mode="json", exclude_defaults=True) for p in skala]


# --------------------------------------------------------------------- a new report


def _indikator_baru(kode: str, nomor: int, mulai: int, selesai: int) -> dict[Any, Any]:
    return {
        "kode": Catatan(kode, "kode unik; dirujuk oleh kegiatan (mendukung)"),
        "nama": isi(f"(nama indikator {nomor})", "nama indikator kinerja utama"),
        "satuan": isi("%", 'satuan: "%", orang, dokumen, indeks, ...'),
        "polaritas": Catatan("positif", "positif: makin besar makin baik; negatif: makin kecil"),
        "target": isi(Decimal(0), "target tahun ini (Perjanjian Kinerja, Tabel 2.4); "
                      "rentang: {min: 3, maks: 5}"),
        "realisasi": isi(None, "realisasi tahun ini (Tabel 3.5); null bila belum ada data"),
        "rekap_triwulan": Catatan("terakhir", "nilai tahunan dari triwulan: terakhir "
                                  "(kumulatif), jumlah, rata-rata"),
        "triwulan": Catatan([{"target": isi(None, f"target TW {t}"),
                              "realisasi": isi(None, f"realisasi TW {t}")} for t in range(1, 5)],
                            "Tabel 3.4, nilai kumulatif; boleh dihapus bila tidak ada"),
        "target_renstra": Catatan({tahun: isi(Decimal(0), f"target Renstra {tahun}")
                                   for tahun in range(mulai, selesai + 1)}, "Tabel 2.1"),
    }


def kerangka_baru(*, instansi: str | None, tahun: int, mulai: int, selesai: int,
                  sasaran: int, indikator: int) -> str:
    """A blank report: `sasaran` sasaran sharing `indikator` indicators, one program."""
    daftar: list[Any] = []
    nomor = 0
    for s, jumlah in enumerate(bagi_indikator(sasaran, indikator), start=1):
        inds = []
        for _ in range(jumlah):
            nomor += 1
            inds.append(_indikator_baru(f"IKU{nomor}", nomor, mulai, selesai))
        daftar.append({"kode": Catatan(f"SS{s}", "kode unik sasaran"),
                       "nama": isi(f"(nama sasaran strategis {s})", "nama sasaran strategis"),
                       "indikator": inds})
    doc: dict[Any, Any] = {
        "instansi": {"nama": instansi or isi("(nama instansi)", "nama lengkap instansi"),
                     "singkatan": isi(None, "singkatan, misalnya Diskominfo")},
        "tahun": Catatan(tahun, "tahun yang dilaporkan"),
        "renstra": {"mulai": Catatan(mulai, "tahun awal Renstra"),
                    "selesai": Catatan(selesai, "tahun akhir Renstra")},
        Baris(""): None,
        "aturan": aturan_dokumen(Aturan()),
        Baris(" "): None,
        "sasaran": daftar,
        Baris("  "): None,
        "program": [_program_baru()],
        Baris("   "): None,
        "belanja": [{"tahun": tahun, "tidak_langsung": {
            "pagu": isi(None, "pagu belanja tidak langsung (Tabel 2.5)"),
            "realisasi": isi(None, "realisasi belanja tidak langsung")}}],
        Baris("    "): None,
        Baris("Teks laporan (docs/format.md bagian 8.8): blok teks `|`,\natau "
              "{berkas: narasi/bab1.md} di direktori laporan."): None,
        "narasi": {
            "kata_pengantar": isi(None, "teks Kata Pengantar"),
            "ikhtisar": isi(None, "teks Ikhtisar Eksekutif, dicetak setelah angka kuncinya"),
            "bab1": Catatan([], "bagian Bab I: - {judul: A. Latar Belakang, isi: ...}"),
        },
    }
    return yaml_teks(doc, _kepala(f"Laporan Kinerja {tahun}: kerangka dari "
                                                  "`lkjip init`."))


def _program_baru() -> dict[Any, Any]:
    return {
        "kode": Catatan("P01", "kode unik program"),
        "nama": isi("(nama program)", "nama program"),
        "anggaran_perjanjian_kinerja": isi(None, "anggaran program di Perjanjian Kinerja "
                                           "(Tabel 2.4)"),
        "sumber_dana": Catatan("APBD", "sumber dana"),
        "kegiatan": [{
            "kode": Catatan("P01.01", "kode unik kegiatan"),
            "nama": isi("(nama kegiatan)", "nama kegiatan"),
            "pagu": isi(Decimal(0), "pagu (APBD Perubahan), rupiah tanpa titik: 1250000000"),
            "realisasi": isi(Decimal(0), "realisasi anggaran, rupiah"),
            "mendukung": Catatan(["IKU1"], "kode indikator kinerja yang didukung kegiatan ini"),
        }],
    }


def _kepala(judul: str) -> str:
    return (f"{judul}\n"
            f"Setiap nilai bertanda `# {ISI}:` masih harus diisi; berkas ini sudah sah apa adanya\n"
            "(`lkjip validate`), jadi isilah sedikit demi sedikit. Angka: `75`, `70.42` atau\n"
            '"70,42"; rupiah: 1250000000 atau "1.250.000.000". Format lengkap: docs/format.md.\n'
            "Angka yang DICETAK laporan (untuk `lkjip check`) dicatat di bawah `dilaporkan`.")


# -------------------------------------------------------------- next year's report


def _target_doc(target: Decimal | Rentang | None) -> Any:
    return target.model_dump() if isinstance(target, Rentang) else target


def _indikator_lanjut(ind: IndikatorPeriodik, tahun: int) -> dict[Any, Any]:
    lama = ind.model_dump(exclude_defaults=True, exclude={"dilaporkan", "triwulan"})
    sebelumnya = dict(ind.realisasi_sebelumnya)
    if ind.realisasi is not None:
        sebelumnya[tahun - 1] = ind.realisasi
    renstra = ind.target_renstra.get(tahun)
    target = (Catatan(_target_doc(renstra), f"target Renstra {tahun}; periksa dengan "
                      "Perjanjian Kinerja") if renstra is not None
              else isi(_target_doc(ind.target), f"target {tahun} (tidak ada di "
                       "target_renstra: ini target tahun lalu)"))
    lama.update({
        "target": target,
        "realisasi": isi(None, f"realisasi {tahun}"),
        "realisasi_sebelumnya": Catatan(dict(sorted(sebelumnya.items())),
                                        f"realisasi {tahun - 1} dari laporan tahun lalu"),
    })
    if isinstance(ind, IndikatorKinerja):
        # Only an IKU's capaian is compared across years (Tabel 3.6); a node indicator
        # has no target_sebelumnya.
        target_lalu = {y: _target_doc(t) for y, t in ind.target_sebelumnya.items()}
        if ind.target is not None:
            target_lalu[tahun - 1] = _target_doc(ind.target)
        lama["target_sebelumnya"] = Catatan(dict(sorted(target_lalu.items())),
                                            f"target {tahun - 1} dari laporan tahun lalu")
    if ind.triwulan:
        lama["triwulan"] = [{"target": isi(None, f"target TW {t}"),
                             "realisasi": isi(None, f"realisasi TW {t}")} for t in range(1, 5)]
    return lama


def _kegiatan_lanjut(keg: Kegiatan | RincianAnggaran, tahun: int,
                     tahunan: bool = True) -> dict[Any, Any]:
    """A node of the budget tree next year: money typed at the leaves only (placeholders),
    this year's realisasi among the earlier years' where the file keeps them (the Renja
    evaluation's cascade) and it is the whole year's (`tahunan`: not an interim report),
    indicators carried like an IKU when they have quarters or Renstra targets, and the
    levels below."""
    doc = keg.model_dump(exclude_defaults=True, exclude={
        "dilaporkan", "indikator", "rincian", "rpd", "realisasi_triwulan"})
    if keg.rincian:
        doc.pop("pagu", None)
        doc.pop("realisasi", None)
    else:
        doc["pagu"] = isi(Decimal(0), "pagu tahun ini")
        doc["realisasi"] = isi(Decimal(0), "realisasi tahun ini")
        if keg.realisasi_sebelumnya and keg.realisasi is not None and tahunan:
            doc["realisasi_sebelumnya"] = Catatan(
                dict(sorted({**keg.realisasi_sebelumnya, tahun - 1: keg.realisasi}.items())),
                f"realisasi {tahun - 1} dari laporan tahun lalu")
    if keg.indikator:
        doc["indikator"] = [_indikator_simpul_lanjut(ik, tahun) for ik in keg.indikator]
    if keg.rincian:
        doc["rincian"] = [_kegiatan_lanjut(r, tahun, tahunan) for r in keg.rincian]
    return _kunci_kaskade_di_akhir(doc)


def _akun_lanjut(akun: AkunPendapatan, tahunan: bool) -> dict[Any, Any]:
    """A revenue account next year: target and realisasi blank at the leaves, this year's
    realisasi as last year's (when it is the whole year's), printed figures cleared."""
    doc: dict[Any, Any] = {"kode": akun.kode, "uraian": akun.uraian}
    if akun.rincian:
        doc["rincian"] = [_akun_lanjut(r, tahunan) for r in akun.rincian]
        return doc
    doc["target"] = isi(Decimal(0), "target pendapatan tahun ini")
    doc["realisasi"] = isi(Decimal(0), "realisasi pendapatan tahun ini")
    if akun.realisasi is not None and tahunan:
        doc["realisasi_sebelumnya"] = Catatan(akun.realisasi, "realisasi dari laporan tahun lalu")
    return doc


def _pendapatan_lanjut(p: Pendapatan, tahunan: bool) -> dict[Any, Any]:
    doc = p.model_dump(exclude_defaults=True, include={"judul", "kolom"})  # not the year's source
    doc["akun"] = [_akun_lanjut(a, tahunan) for a in p.akun]
    return doc


def _kunci_kaskade_di_akhir(doc: dict[Any, Any]) -> dict[Any, Any]:
    """A node's own keys first (kode, nama, money), the cascade's keys that every node shares
    (`SimpulRenja`, declared first by inheritance) after them, the levels below last."""
    bersama = set(SimpulRenja.model_fields) - {"indikator"}
    akhir = ("indikator", "kegiatan", "rincian")
    return {k: doc[k] for k in sorted(doc, key=lambda k: (k in akhir, k in bersama))}


def _indikator_simpul_lanjut(ik: IndikatorSimpul, tahun: int) -> dict[Any, Any]:
    if ik.sama_dengan is not None:
        # an indicator that is an IKU takes next year's values from the IKU, carried there
        return ik.model_dump(exclude_defaults=True, exclude={
            "dilaporkan", "target", "realisasi", "triwulan", "bulanan"})
    if ik.triwulan or ik.target_renstra or ik.realisasi_sebelumnya:
        return _indikator_lanjut(ik, tahun)
    return (ik.model_dump(exclude_defaults=True, exclude={"dilaporkan", "realisasi"})
            | {"realisasi": isi(None, "realisasi tahun ini")})


def _belanja_lanjut(lap: Laporan) -> Iterator[dict[str, Any]]:
    """This year's blank entry, last year's as known in full, older years as they were."""
    tahun = lap.tahun + 1
    yield {"tahun": tahun, "tidak_langsung": {"pagu": isi(None, "pagu belanja tidak langsung"),
                                              "realisasi": isi(None, "realisasi")}}
    kegiatan = [k for p in lap.program for k in p.kegiatan]
    for bel in lap.belanja:
        doc = bel.model_dump(exclude_defaults=True, exclude={"dilaporkan"})
        if bel.tahun == lap.tahun and kegiatan:
            doc.setdefault("langsung", {})
            doc["langsung"].setdefault("pagu", sum((_jumlah(k, "pagu") for k in kegiatan),
                                                   Decimal(0)))
            doc["langsung"].setdefault("realisasi",
                                       sum((_jumlah(k, "realisasi") for k in kegiatan),
                                           Decimal(0)))
            doc.setdefault("jumlah_program", len(lap.program))
            doc.setdefault("jumlah_kegiatan", len(kegiatan))
        yield doc


def kerangka_lanjutan(lap: Laporan, sumber: str) -> str:
    """Next year's report from this year's: realisasi become last year's, targets move to the
    next Renstra year, printed figures (`dilaporkan`) are cleared, budgets start blank."""
    tahun = lap.tahun + 1
    doc: dict[Any, Any] = lap.model_dump(
        exclude_defaults=True, include={"instansi", "renstra", "tujuan"})
    doc["tahun"] = Catatan(tahun, f"dari {sumber} ({lap.tahun}) + 1")
    doc["aturan"] = aturan_dokumen(lap.aturan)
    doc["sasaran"] = [
        sas.model_dump(exclude_defaults=True, exclude={"dilaporkan", "indikator"})
        | {"indikator": [_indikator_lanjut(ind, tahun) for ind in sas.indikator]}
        for sas in lap.sasaran]
    if lap.program:
        doc["program"] = [
            prog.model_dump(exclude_defaults=True, exclude={"dilaporkan", "kegiatan",
                                                            "indikator"})
            | ({"indikator": [_indikator_simpul_lanjut(ik, tahun) for ik in prog.indikator]}
               if prog.indikator else {})
            | {"kegiatan": [_kegiatan_lanjut(k, tahun, lap.periode is None)
                            for k in prog.kegiatan]}
            for prog in lap.program]
        doc["program"] = [_kunci_kaskade_di_akhir(p) for p in doc["program"]]
    doc["belanja"] = list(_belanja_lanjut(lap))
    if lap.evaluasi_sakip is not None:
        ev = lap.evaluasi_sakip
        doc["evaluasi_sakip"] = ev.model_dump(exclude_defaults=True, exclude={"hasil"}) | {
            "hasil": [h.model_dump(exclude_defaults=True, exclude={"dilaporkan"})
                      for h in ev.hasil]}
    narasi = lap.narasi.model_dump(exclude_defaults=True, include={
        "sampul": True, "penandatangan": {"jabatan", "nama", "pangkat", "nip"}, "bab1": True})
    if narasi:  # what outlives the year; Kata Pengantar, Ikhtisar and analyses are rewritten
        doc["narasi"] = narasi
    if lap.evaluasi_renja is not None:
        # The form's settings carry over; its period, narrative and printed figures do not.
        doc["evaluasi_renja"] = lap.evaluasi_renja.model_dump(
            exclude_defaults=True, exclude={"sampai", "dilaporkan", "faktor_pendorong",
                                            "faktor_penghambat", "tindak_lanjut_triwulan",
                                            "tindak_lanjut_renja"})
    if lap.pendapatan is not None:
        doc["pendapatan"] = _pendapatan_lanjut(lap.pendapatan, lap.periode is None)
    urut = ["instansi", "tahun", "renstra", "aturan", "tujuan", "sasaran", "program",
            "belanja", "evaluasi_sakip", "evaluasi_renja", "pendapatan", "narasi"]
    return yaml_teks({k: doc[k] for k in urut if k in doc},
                     _kepala(f"Laporan Kinerja {tahun}: dilanjutkan dari {sumber} oleh "
                             "`lkjip init --dari`."))


def _jumlah(simpul: Any, kunci: str) -> Decimal:
    """A budget node's money: its own at a leaf, else the sum of its `rincian` (money sits
    at the leaves of the 2021+ tree; the model bounds its depth)."""
    rincian = getattr(simpul, "rincian", ())
    if rincian:
        return sum((_jumlah(r, kunci) for r in rincian), Decimal(0))
    nilai = getattr(simpul, kunci)
    return nilai if isinstance(nilai, Decimal) else Decimal(0)
