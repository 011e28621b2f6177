"""Cost of `lkjip import` on ordinary and hostile workbooks, before and after issue 18, side by
side in one run.

Run: `PYTHONPATH=. python benchmarks/impor.py [--dasar REF] [--batas-waktu S] [--ulang R]`.

The "before" code is commit REF (default `1e1f2f4`, main before issue 18), extracted with
`git archive` into a temporary directory; "after" is this tree. Each command runs in its own
process (`python -m lkjip_cli import BUKU`), whose wall time and peak resident memory
(VmHWM) are printed; a process still running after `--batas-waktu` seconds (default 60) is
killed and shown as `>S`, with the peak it had reached. Every process runs under a 3 GiB
address-space limit, so that the old reader of `/dev/zero` fails instead of taking the
machine's memory.

The workbooks, built in memory (tests/buku_rusak.py, benchmarks/scale.py):

- `2020`: the data-entry workbook of data/2020.yaml (`export --to xlsx --data`);
- `N=850`: a report of 850 indicators, about the largest whose YAML (with import's source
  comments) still fits the 5 MiB report limit: the largest workbook that imports;
- `di batas`: a workbook at the limits of `source/batas.py`: a report of 1,340 indicators
  (its Dilaporkan sheet 50,000 rows), its rows padded with formatted empty cells to just under
  500,000 cells, and 240,000 cell formats in its styles (just under the limit of elements
  outside cell data); it is read to the end (its report is then too large to import);
- the examples of issue 18: one cell at row 1,048,576; a sheet of 150 MB zipped to a few
  hundred kB; 50,000 merged ranges; a FIFO; `/dev/zero`.

For `2020` and `N=850` it also prints the in-process median time of reading the workbook
(`baca_buku`) and of the whole `impor` (read, YAML, validate), before and after, and their
ratio: the old reader loaded each workbook twice with openpyxl, the new one scans it once and
loads it once, read-only.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

#: Address space of each measured process (bytes).
BATAS_MEMORI = 3 * 1024**3

#: Times `baca_buku` and `impor` in-process (imports paid before timing).
_DALAM = """
import statistics, sys, time
try:  # the rooms since issue 19
    from lkjip_cli.buku.baca import baca_buku
    from lkjip_cli.buku.impor import impor
except ImportError:  # a tree from before them (--dasar)
    from lkjip_cli.impor import impor
    from lkjip_cli.source.xlsx import baca_buku
path, ulang = sys.argv[1], int(sys.argv[2])
impor(path)
def median(fn):
    t = []
    for _ in range(ulang):
        s = time.perf_counter(); fn(); t.append(time.perf_counter() - s)
    return statistics.median(t)
print(median(lambda: baca_buku(path)), median(lambda: impor(path)))
"""


@dataclass(frozen=True)
class Ukuran:
    detik: float
    rss_mb: float
    keluar: int | None  # None: killed at the time limit
    baris: str  # the first error (or the first line) on stderr


#: Runs `lkjip ARGS` in this process under the memory limit and, at exit, writes its peak
#: resident memory (VmHWM: that of this program, not of the process it was forked from,
#: which `ru_maxrss` would include) to the file named by argv[2].
_JALAN = """
import atexit, resource, runpy, sys
resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[1]),) * 2)
laporan = sys.argv[2]
def puncak():
    with open("/proc/self/status") as f, open(laporan, "w") as out:
        out.write(next(b for b in f if b.startswith("VmHWM")).split()[1])
atexit.register(puncak)
sys.argv = ["lkjip", *sys.argv[3:]]
runpy.run_module("lkjip_cli", run_name="__main__")
"""


def _hwm(pid: int) -> int:
    """Peak resident memory (kB) of a running process, 0 when it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            return int(next(b for b in f if b.startswith("VmHWM")).split()[1])
    except (OSError, StopIteration, ValueError):
        return 0


def jalankan(src: Path, args: list[str], batas_waktu: float, tmp: Path) -> Ukuran:
    """`lkjip ARGS` with the lkjip of `src`, in its own process: time, peak RSS, exit, line."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    laporan = tmp / "puncak.txt"
    laporan.unlink(missing_ok=True)
    with tempfile.TemporaryFile() as galat:
        mulai = time.perf_counter()
        # cwd: not this tree, whose lkjip_cli `python -c` would import first
        proc = subprocess.Popen([sys.executable, "-c", _JALAN, str(BATAS_MEMORI), str(laporan),
                                 *args], env=env, cwd=tmp, stdout=subprocess.DEVNULL,
                                stderr=galat)
        puncak, keluar = 0, None
        while True:
            puncak = max(puncak, _hwm(proc.pid))
            try:
                keluar = proc.wait(0.02)
                break
            except subprocess.TimeoutExpired:
                if time.perf_counter() - mulai > batas_waktu:
                    proc.kill()
                    proc.wait()
                    break
        detik = time.perf_counter() - mulai
        if laporan.exists():
            puncak = max(puncak, int(laporan.read_text() or 0))
        galat.seek(0)
        baris = galat.read().decode("utf-8", "replace").splitlines()
    pertama = next((b for b in baris if "error[" in b or "Error" in b),
                   baris[0] if baris else "")
    return Ukuran(detik, puncak / 1024, keluar, pertama)


def dalam_proses(src: Path, path: Path, ulang: int, tmp: Path) -> tuple[float, float]:
    """Median seconds of `baca_buku` and of `impor` on `path`, with the lkjip of `src`."""
    out = subprocess.run([sys.executable, "-c", _DALAM, str(path), str(ulang)],
                         env={**os.environ, "PYTHONPATH": str(src)}, cwd=tmp,
                         capture_output=True, text=True, check=True)
    baca, semua = out.stdout.split()
    return float(baca), float(semua)


# ------------------------------------------------------------------------ the workbooks


def _buku_laporan(n: int) -> bytes:
    from scale import laporan_skala

    from lkjip_cli.buku.tulis import buku_data, simpan
    from lkjip_cli.loader import load_text

    loaded = load_text(laporan_skala(n))
    assert loaded.report is not None
    return simpan(buku_data(loaded.report))


def _di_batas() -> bytes:
    """A workbook just inside every limit that costs openpyxl work (see the docstring)."""
    import buku_rusak as br

    from lkjip_cli.source.batas import MAKS_ELEMEN_LAIN, MAKS_SEL

    data = _buku_laporan(1_340)
    parts = br.bagian(data)
    jumlah = sum(len(re.findall(rb"<c ", isi)) for nama, isi in parts.items()
                 if nama.startswith("xl/worksheets/sheet"))
    part = br.bagian_lembar(data, "Dilaporkan")
    xml = parts[part].decode("utf-8")
    tambahan = MAKS_SEL - 1_000 - jumlah
    per_baris = 6  # columns G:L of each row

    def isi(m: re.Match[str]) -> str:
        nonlocal tambahan
        if tambahan <= 0 or m[1] == "1":
            return m[0]
        n = min(per_baris, tambahan)
        tambahan -= n
        sel = "".join(f'<c r="{k}{m[1]}" s="1"/>' for k in "GHIJKL"[:n])
        return m[0].replace("</row>", f"{sel}</row>")

    parts[part] = re.sub(r'<row r="(\d+)"[^>]*>.*?</row>', isi, xml, flags=re.DOTALL).encode()
    gaya = parts["xl/styles.xml"].decode("utf-8")
    n_gaya = MAKS_ELEMEN_LAIN - 10_000
    acak = random.Random(18)  # varied, as real formats are: they must not zip like a bomb
    xf = "".join(f'<xf numFmtId="{acak.randrange(164)}" fontId="0" fillId="0" borderId="0" '
                 f'xfId="{acak.randrange(100)}"/>' for _ in range(n_gaya))
    gaya = re.sub(r'<cellXfs count="(\d+)">', lambda m: f'<cellXfs count="{int(m[1]) + n_gaya}">',
                  gaya, count=1).replace("</cellXfs>", f"{xf}</cellXfs>", 1)
    parts["xl/styles.xml"] = gaya.encode("utf-8")
    return br.susun(parts)


def buku(tmp: Path) -> dict[str, Path]:
    import buku_rusak as br

    dasar = br.buku_2020()
    isi = {
        "2020": dasar,
        "N=850": _buku_laporan(850),
        "di batas": _di_batas(),
        "sel A1048576": br.sel_jauh(dasar),
        "XML 150 MB": br.bom_lembar(dasar, 150),
        "50.000 gabungan": br.gabungan(dasar, 50_000),
    }
    out = {}
    for nama, data in isi.items():
        path = tmp / (re.sub(r"\W+", "-", nama) + ".xlsx")
        path.write_bytes(data)
        out[nama] = path
    fifo = tmp / "fifo.xlsx"
    os.mkfifo(fifo)
    out["FIFO"] = fifo
    out["/dev/zero"] = Path("/dev/zero")
    return out


def ekstrak(ref: str, tujuan: Path) -> Path:
    """The lkjip package of commit `ref`, extracted (no worktree is touched)."""
    arsip = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "lkjip_cli", "templates"],
                           capture_output=True, check=True).stdout
    tujuan.mkdir()
    with tempfile.TemporaryFile() as f:
        f.write(arsip)
        f.seek(0)
        with tarfile.open(fileobj=f) as tar:
            tar.extractall(tujuan, filter="data")
    return tujuan


# ----------------------------------------------------------------------------- report


def _tampil(u: Ukuran, batas_waktu: float) -> str:
    waktu = f">{batas_waktu:.0f} s" if u.keluar is None else f"{u.detik:.2f} s"
    keluar = "dibunuh" if u.keluar is None else f"keluar {u.keluar}"
    return f"{waktu:>9} {u.rss_mb:8.0f} MB {keluar:>9}"


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dasar", default="1e1f2f4", help="commit of the 'before' code")
    parser.add_argument("--batas-waktu", type=float, default=60.0)
    parser.add_argument("--ulang", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as nama:
        tmp = Path(nama)
        lama = ekstrak(args.dasar, tmp / "lama")
        semua = buku(tmp)
        print(f"sebelum: {args.dasar}; sesudah: pohon ini. Waktu dinding, RSS puncak, kode "
              "keluar (proses sendiri).\n")
        print(f"{'buku kerja':18} {'sebelum':>31}   {'sesudah':>31}   rasio waktu")
        baris_sesudah = {}
        for judul, path in semua.items():
            sebelum = jalankan(lama, ["import", str(path)], args.batas_waktu, tmp)
            sesudah = jalankan(ROOT, ["import", str(path)], args.batas_waktu, tmp)
            rasio = sebelum.detik / sesudah.detik
            tanda = ">" if sebelum.keluar is None else ""
            print(f"{judul:18} {_tampil(sebelum, args.batas_waktu)}   "
                  f"{_tampil(sesudah, args.batas_waktu)}   {tanda}{rasio:.1f}x")
            baris_sesudah[judul] = sesudah.baris
        print("\nbaris pertama sesudah:")
        for judul, baris in baris_sesudah.items():
            print(f"  {judul:18} {baris[:150]}")
        print(f"\ndalam proses, median {args.ulang} kali (baca_buku / impor):")
        for judul in ("2020", "N=850"):
            baca_l, impor_l = dalam_proses(lama, semua[judul], args.ulang, tmp)
            baca_b, impor_b = dalam_proses(ROOT, semua[judul], args.ulang, tmp)
            print(f"  {judul:8} baca_buku {baca_l * 1000:8.0f} -> {baca_b * 1000:6.0f} ms "
                  f"({baca_l / baca_b:.1f}x)   impor {impor_l * 1000:8.0f} -> "
                  f"{impor_b * 1000:6.0f} ms ({impor_l / impor_b:.1f}x)")


if __name__ == "__main__":
    main(sys.argv[1:])
