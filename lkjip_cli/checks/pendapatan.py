"""The revenue tree (`pendapatan`): money typed at its leaves, codes unique and nested.

As in the budget tree, an account with `rincian` is their sum: a target or realisasi typed on
it is refused (the figure the report printed for it goes under `dilaporkan`, where `lkjip
check` compares it), and a leaf carries its own. The tree nests no deeper than
`MAKS_AKUN` (Permendagri 90/2019's revenue codes have six levels: akun, kelompok, jenis,
objek, rincian objek, sub rincian objek). Account codes are unique within the tree, and a
code that does not begin with its parent's (`4.1.02` under `4.1.01`) is a warning: usually a
row placed under the wrong heading.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkjip_cli.checks.dokumen import Doc, items, mapping, text
from lkjip_cli.checks.konteks import Konteks
from lkjip_cli.diagnostics import Path, Severity

#: How deep accounts may nest below `pendapatan.akun` (the six levels of a region's code,
#: with room for a report's own subdivision).
MAKS_AKUN = 8

#: The keys that hold money, typed at a leaf only.
UANG = ("target", "realisasi", "realisasi_sebelumnya")


def akun(ctx: Konteks) -> Iterator[tuple[Path, Doc, Doc | None, int]]:
    """Every account of the revenue tree with its parent and depth (0 at the top),
    top-down, without recursion and no deeper than `MAKS_AKUN`."""
    root = mapping(ctx.data, "pendapatan")
    stack: list[tuple[Path, Doc, Doc | None, int]] = [
        (("pendapatan", "akun", n), node, None, 0)
        for n, node in reversed(list(items(root, "akun")))]
    while stack:
        path, node, parent, depth = stack.pop()
        yield path, node, parent, depth
        if depth < MAKS_AKUN:
            stack += [((*path, "rincian", n), child, node, depth + 1)
                      for n, child in reversed(list(items(node, "rincian")))]


def pendapatan_checks(ctx: Konteks) -> None:
    seen: dict[str, Path] = {}
    for path, node, parent, depth in akun(ctx):
        if depth == MAKS_AKUN and node.get("rincian"):
            ctx.add((*path, "rincian"), "pendapatan-terlalu-dalam",
                    f"rincian akun pendapatan bertingkat lebih dari {MAKS_AKUN}; kode "
                    "rekening pendapatan (Permendagri 90/2019) hanya enam tingkat")
        _uang(ctx, path, node)
        kode = text(node.get("kode"))
        if kode is None:
            continue
        if kode in seen:
            ctx.add((*path, "kode"), "duplicate-kode",
                    f"kode akun pendapatan `{kode}` sudah dipakai di "
                    f"{_tempat(seen[kode])}; setiap akun membawa kodenya sendiri")
        seen.setdefault(kode, path)
        induk = text(parent.get("kode")) if parent is not None else None
        if induk is not None and not kode.startswith(induk):
            ctx.add((*path, "kode"), "pendapatan-kode",
                    f"akun `{kode}` berada di bawah `{induk}`, tetapi kodenya tidak diawali "
                    f"`{induk}`: periksa apakah baris ini di bawah akun yang benar",
                    Severity.WARNING)


def _uang(ctx: Konteks, path: Path, node: Doc) -> None:
    """Target and realisasi at a leaf, never above it."""
    has_rincian = bool(node.get("rincian"))
    for key in UANG:
        if has_rincian and node.get(key) is not None:
            ctx.add((*path, key), "pendapatan-di-atas-daun",
                    f"`{key}` diisi pada akun yang mempunyai rincian: nilainya adalah jumlah "
                    f"rinciannya. Hapus `{key}`, atau catat angka yang dicetak laporan di "
                    f"`dilaporkan.{key}` agar lkjip check membandingkannya")
        elif not has_rincian and key != "realisasi_sebelumnya" and key not in node:
            ctx.add((*path, key), "missing",
                    f"kunci wajib `{key}` tidak ada: akun pendapatan terbawah (tanpa "
                    "`rincian`) membawa target dan realisasinya sendiri", mark_at=path)


def _tempat(path: Path) -> str:
    return ".".join(str(p) for p in path)
