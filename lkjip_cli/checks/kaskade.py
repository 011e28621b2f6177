"""The cascade below the sasaran holds together (issue 23; docs/renja.md).

Warnings, each at the place to fix: an IKU that no program, kegiatan or indicator below it
supports (`kaskade-iku-tanpa-program`); a program indicator that no kegiatan or sub kegiatan
indicator supports (`kaskade-ikp-tanpa-kegiatan`); the Renstra's years an Evaluasi Hasil
Renja needs and the file does not give (`kaskade-renstra-tidak-lengkap`); a node with money
and no indicator at a level the file requires one (`kaskade-anggaran-tanpa-indikator`); a leaf
whose money by quarter does not add up to its realisasi (`realisasi-triwulan`); an indicator
that is an IKU (`sama_dengan`) writing a value of its own that differs from the IKU's
(`sama-dengan`). An indicator's
`mendukung` naming nothing is the error every reference gets (`unknown-ref`).

The cascade warnings run only in a file that uses the cascade (an indicator on a program or a
rincian, or an `evaluasi_renja` block), so a report of 2020, whose kegiatan indicators stand
alone, reads as it always did.
"""

from __future__ import annotations

from decimal import Decimal

from lkjip_cli import angka
from lkjip_cli.checks.dokumen import Doc, items, mapping, number, text, year
from lkjip_cli.checks.konteks import Konteks
from lkjip_cli.diagnostics import Path, Severity
from lkjip_cli.model.anggaran import TINGKAT_BAWAAN


def kaskade_checks(ctx: Konteks) -> None:
    simpul_ind = list(ctx.indikator_simpul())
    _rujukan_indikator(ctx, simpul_ind)
    _sama_dengan(ctx, simpul_ind)
    _realisasi_triwulan(ctx)
    ev = ctx.data.get("evaluasi_renja")
    if not isinstance(ev, dict) and not any(t != 1 for _, _, t in simpul_ind):
        return
    _iku_tanpa_program(ctx, simpul_ind)
    _ikp_tanpa_kegiatan(ctx)
    if isinstance(ev, dict):
        _renstra_lengkap(ctx, simpul_ind)
        _anggaran_tanpa_indikator(ctx, ev)


def _kode(doc: Doc) -> str | None:
    return text(doc.get("kode"))


def _mendukung(doc: Doc) -> list[tuple[int, str]]:
    refs = doc.get("mendukung")
    if not isinstance(refs, list):
        return []
    return [(n, r) for n, r in enumerate(refs) if isinstance(r, str)]


def _rujukan_indikator(ctx: Konteks, simpul_ind: list[tuple[Path, Doc, int]]) -> None:
    """An indicator's `mendukung` names a sasaran, an IKU or another node's indicator."""
    known = {k for _, s in ctx.sasaran() if (k := _kode(s))}
    known |= {k for _, i in ctx.indikator() if (k := _kode(i))}
    known |= {k for _, i, _ in simpul_ind if (k := _kode(i))}
    for base, ik, _ in simpul_ind:
        for n, kode in _mendukung(ik):
            if kode not in known:
                ctx.add((*base, "mendukung", n), "unknown-ref",
                        f"tidak ada sasaran atau indikator dengan kode `{kode}`; indikator "
                        "program mendukung sasaran atau IKU, indikator kegiatan dan sub "
                        "kegiatan mendukung indikator satu tingkat di atasnya")


#: What an indicator that is an IKU (`sama_dengan`) may repeat, with the default when absent.
_SAMA = (("satuan", None), ("polaritas", "positif"), ("rekap_triwulan", "terakhir"),
         ("target", None), ("realisasi", None))


def _sama_dengan(ctx: Konteks, simpul_ind: list[tuple[Path, Doc, int]]) -> None:
    """An indicator that is an IKU (`sama_dengan`) takes the IKU's values; one it writes
    as well and that differs contradicts it, at the place it is written."""
    iku = {k: ind for _, ind in ctx.indikator() if (k := _kode(ind))}
    for base, ik, _ in simpul_ind:
        kode = ik.get("sama_dengan")
        if not isinstance(kode, str) or kode not in iku:
            continue
        lain = iku[kode]
        pairs: list[tuple[Path, str, object, object]] = [
            ((*base, key), key, ik.get(key, bawaan), lain.get(key, bawaan))
            for key, bawaan in _SAMA if key in ik]
        quarters = dict(items(lain, "triwulan"))
        for q, tw in items(ik, "triwulan"):
            for key in ("target", "realisasi"):
                if key in tw:
                    pairs.append(((*base, "triwulan", q, key), f"{key} triwulan {q + 1}",
                                  tw.get(key), quarters.get(q, {}).get(key)))
        for path, nama, sendiri, milik_iku in pairs:
            if _sama(sendiri, milik_iku):
                continue
            ctx.add(path, "sama-dengan",
                    f"{nama} {_tampil(sendiri)} berbeda dengan {nama} IKU `{kode}` "
                    f"{_tampil(milik_iku)}: indikator ini sama dengan IKU itu (sama_dengan) "
                    "dan memakai angkanya; hapus nilai ini atau samakan", Severity.WARNING)


def _sama(a: object, b: object) -> bool:
    na, nb = number(a), number(b)
    if na is not None or nb is not None:
        return na == nb
    return a == b


def _tampil(value: object) -> str:
    n = number(value)
    if n is not None:
        return angka.angka(n)
    if isinstance(value, dict):
        return f"{_tampil(value.get('min'))}–{_tampil(value.get('maks'))}"
    return "kosong" if value is None else str(value)


def _iku_tanpa_program(ctx: Konteks, simpul_ind: list[tuple[Path, Doc, int]]) -> None:
    didukung = {kode for _, node, _ in ctx.simpul() for _, kode in _mendukung(node)}
    didukung |= {kode for _, ik, _ in simpul_ind for _, kode in _mendukung(ik)}
    didukung |= {kode for _, ik, _ in simpul_ind
                 if isinstance(kode := ik.get("sama_dengan"), str)}
    for base, sas in ctx.sasaran():
        sas_kode = _kode(sas)
        for j, iku in items(sas, "indikator"):
            kode = _kode(iku)
            if kode and kode not in didukung and sas_kode not in didukung:
                ctx.add((*base, "indikator", j, "kode"), "kaskade-iku-tanpa-program",
                        f"IKU `{kode}` tidak didukung program, kegiatan atau indikator mana "
                        f"pun; tulis kodenya di `mendukung` program atau indikator "
                        "programnya", Severity.WARNING)


def _ikp_tanpa_kegiatan(ctx: Konteks) -> None:
    """Each program indicator is supported by an indicator below it: one naming it, or one
    naming nothing (which supports every indicator of its parent)."""
    for i, prog in items(ctx.data, "program"):
        ikp = [(k, ik) for k, ik in items(prog, "indikator") if _kode(ik)]
        if not ikp:
            continue
        below = [ik for _, keg in items(prog, "kegiatan") for _, ik in items(keg, "indikator")]
        umum = any(not _mendukung(ik) for ik in below)
        dinamai = {kode for ik in below for _, kode in _mendukung(ik)}
        for k, ik in ikp:
            if not umum and _kode(ik) not in dinamai:
                ctx.add(("program", i, "indikator", k, "kode"), "kaskade-ikp-tanpa-kegiatan",
                        f"indikator program `{_kode(ik)}` tidak didukung indikator kegiatan "
                        "mana pun; beri kegiatannya indikator output yang `mendukung` kode "
                        "ini", Severity.WARNING)


def _pagu_pohon(node: Doc) -> Decimal:
    """A node's pagu: its own at a leaf, else the sum of its leaves' (what is typed)."""
    anak = [x for _, x in (*items(node, "kegiatan"), *items(node, "rincian"))]
    if not anak:
        return number(node.get("pagu")) or Decimal(0)
    return sum((_pagu_pohon(x) for x in anak), Decimal(0))


def _anggaran_tanpa_indikator(ctx: Konteks, ev: Doc) -> None:
    """A node with money and no indicator, at the levels the file says must have one."""
    wajib = ev.get("wajib_indikator")
    if not isinstance(wajib, list) or not wajib:
        return
    tingkat = ctx.data.get("tingkat_anggaran")
    nama = ([t for t in tingkat if isinstance(t, str)] if isinstance(tingkat, list)
            else list(TINGKAT_BAWAAN))
    dicari = {w.casefold() for w in wajib if isinstance(w, str)}
    for base, node, level in ctx.simpul():
        if level >= len(nama) or nama[level].casefold() not in dicari:
            continue
        if any(True for _ in items(node, "indikator")) or _pagu_pohon(node) <= 0:
            continue
        ctx.add((*base, "kode"), "kaskade-anggaran-tanpa-indikator",
                f"{nama[level]} `{_kode(node)}` beranggaran {angka.rupiah(_pagu_pohon(node))} "
                "tanpa indikator, padahal evaluasi_renja.wajib_indikator mewajibkannya di "
                "tingkat ini", Severity.WARNING)


def _sampai(ctx: Konteks) -> int:
    ev = mapping(ctx.data, "evaluasi_renja")
    for s in (ev.get("sampai"), mapping(ctx.data, "periode").get("sampai")):
        if isinstance(s, str) and s.startswith("TW") and s[2:].isdigit():
            return int(s[2:])
        if isinstance(s, str) and s[5:7].isdigit():
            return max(1, int(s[5:7]) // 3)
    return 4


def _realisasi_triwulan(ctx: Konteks) -> None:
    """A leaf's money spent in each quarter adds up, to the period, to its realisasi."""
    sampai = _sampai(ctx)
    for base, node in ctx.daun():
        per = node.get("realisasi_triwulan")
        if not isinstance(per, list) or not per:
            continue
        values = [number(v) for v in per[:sampai]]
        realisasi = number(node.get("realisasi"))
        if realisasi is None or any(v is None for v in values):
            continue
        total = sum((v for v in values if v is not None), Decimal(0))
        if len(values) < sampai:
            ctx.add((*base, "realisasi_triwulan"), "realisasi-triwulan",
                    f"realisasi_triwulan memuat {len(values)} triwulan, evaluasi s.d. "
                    f"triwulan {sampai}: tambahkan triwulan yang kurang (0 bila tidak ada "
                    "belanja)", Severity.WARNING)
        elif total != realisasi:
            ctx.add((*base, "realisasi_triwulan"), "realisasi-triwulan",
                    f"jumlah realisasi_triwulan s.d. triwulan {sampai} "
                    f"{angka.rupiah(total)} berbeda dengan realisasi "
                    f"{angka.rupiah(realisasi)}", Severity.WARNING)


def _renstra_lengkap(ctx: Konteks, simpul_ind: list[tuple[Path, Doc, int]]) -> None:
    """The Renstra's years the form's columns 5 and 6 need, per indicator."""
    renstra = mapping(ctx.data, "renstra")
    mulai, selesai = year(renstra.get("mulai")), year(renstra.get("selesai"))
    tahun = year(ctx.data.get("tahun"))
    if mulai is None or selesai is None or tahun is None:
        return
    for base, ik, _ in simpul_ind:
        rule = ik.get("rekap_renstra") or (
            "jumlah" if ik.get("rekap_triwulan") == "jumlah" else "terakhir")
        target = {year(k) for k in mapping(ik, "target_renstra")}
        lalu = {year(k) for k in mapping(ik, "realisasi_sebelumnya")}
        perlu_t = range(mulai, selesai + 1) if rule == "jumlah" else range(selesai, selesai + 1)
        kurang = [str(y) for y in perlu_t if y not in target]
        sebelum = range(mulai, tahun)
        if rule == "jumlah":
            kurang_r = [str(y) for y in sebelum if y not in lalu]
        else:
            kurang_r = [] if not sebelum or lalu & set(sebelum) else [
                f"{sebelum.start}-{sebelum.stop - 1}"]
        for kunci, tahun_kurang in (("target_renstra", kurang),
                                    ("realisasi_sebelumnya", kurang_r)):
            if tahun_kurang:
                ctx.add((*base, "kode"), "kaskade-renstra-tidak-lengkap",
                        f"indikator `{_kode(ik)}` tidak punya {kunci} "
                        f"{', '.join(tahun_kurang)} (rekap_renstra: {rule}); kolom "
                        f"{'5' if kunci == 'target_renstra' else '6'} Evaluasi Hasil Renja "
                        "tidak dapat dihitung", Severity.WARNING)
