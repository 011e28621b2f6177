"""Every command on one large report against the parse of the same file (issue 24 P4).

For reports of both shapes at N indicators (benchmarks/scale.py: `2020`, data/2020.yaml's
structure; `2021`, data/contoh-2023.yaml's, with its budget tree program -> kegiatan -> sub
kegiatan), this runs, each as a fresh process and interleaved so that a busy machine slows
all alike:

- the floor: `python -c "yaml.load(..., CSafeLoader)"` on the same file;
- `lkjip validate`, `compute`, `check` and `render` (output to /dev/null);

and prints, from the median of `--runs` runs (`nan`: the command failed, exit 2), each
command's CPU time (user + system, which other work on a shared machine changes far less
than the wall clock) as a multiple of the
floor's, the growth exponent log(t2/t1) / log(N2/N1) between successive N, and the peak
resident memory. The goals: every command within 3x the floor at N = 1,000, exponent at most
1.1 from 300 to 3,000.

With `--sebelum DIR` (another lkjip source tree, e.g. `git archive main | tar -x -C DIR`)
every figure is measured for that tree too, each of its runs next to the same run of this
tree, and the tables show both and their ratio.

Run: `python benchmarks/perintah.py [N ...] [--bentuk 2020|2021] [--runs R] [--sebelum DIR]`
(default N = 300, 1,000, 3,000; both shapes). Reports above the 5 MiB input limit are read
with the limit lifted inside the measured processes only.

Export (`--ekspor`, issue 24 P1): for the reports under data/ (or the files named with
`--berkas`), `lkjip export` to xlsx, docx and, where LibreOffice is installed, pdf, each a
fresh process beside the import floor `python -c "import typer, pydantic, yaml, rich"` (the
floor of any typer + pydantic + yaml + rich program) and `lkjip compute`; CPU time (the
process and its children: chart workers, LibreOffice) and wall time as multiples of the
floor's, medians of `--runs` interleaved runs. `docx` draws every chart (cache off,
`LKJIP_CACHE=0`); `docx-cache` runs with a chart cache filled by a run before the timed
ones (a tree without the cache draws them again). With `--sebelum DIR` both trees, each run
of one next to the same run of the other, and the ratio sebelum / sesudah.
Run: `python benchmarks/perintah.py --ekspor [--berkas F ...] [--runs R] [--sebelum DIR]`.

Start-up (issue 24 P1): `python benchmarks/perintah.py --mulai [--runs R] [--sebelum DIR]`
runs `lkjip validate|compute|check|render|export --to xlsx|docx data/2020.yaml` (output to
/dev/null or a temporary file) against the import floor `python -c "import typer, pydantic,
yaml, rich"` and prints each command's median CPU and wall time as a multiple of the floor's
(goals: validate and compute 1.5x, check and render 2x). Every process runs from bytecode, as
an installed lkjip does: `PYTHONDONTWRITEBYTECODE` is dropped and the bytecode goes to a
temporary `PYTHONPYCACHEPREFIX`, filled by a first run that is not counted (with the variable
set, as on the development machine, every run compiled lkjip's 300 modules from source: about
a third of `compute`'s start-up).
"""

from __future__ import annotations

import itertools
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UKURAN = (300, 1_000, 3_000)
BENTUK = ("2021", "2020")

#: Runs the CLI's entry point with the input limit lifted (argv after `-c`).
CLI = ("import sys, lkjip_cli.source.yamlsource as y; y.MAX_FILE_BYTES = 1 << 31; "
       "from lkjip_cli.cli.app import main; sys.argv[0] = 'lkjip'; main()")
LANTAI = ("import sys, yaml; "
          "yaml.load(open(sys.argv[1], 'rb').read(), Loader=yaml.CSafeLoader)")
PERINTAH = ("validate", "compute", "check", "render")
LANTAI_IMPOR = "import typer, pydantic, yaml, rich"
MULAI = {"validate": ["validate"], "compute": ["compute"], "check": ["check"],
         "render": ["render"], "export xlsx": ["export", "--to", "xlsx", "--force", "-o"],
         "export docx": ["export", "--to", "docx", "--force", "-o"]}
#: Goals of issue 24 P1 (CPU time / import floor).
SASARAN_MULAI = {"validate": 1.5, "compute": 1.5, "check": 2.0, "render": 2.0}


def _jalan(sumber: Path, argv: list[str], env_: dict[str, str] | None = None
           ) -> tuple[float, float]:
    """CPU seconds (user + system) and peak RSS (MiB) of one process running `argv` with
    the lkjip source tree `sumber` first on its path."""
    env = {**os.environ, "PYTHONPATH": str(sumber), "NO_COLOR": "1", **(env_ or {})}
    proc = subprocess.Popen([sys.executable, *argv], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env, cwd=sumber)
    _, status, usage = os.wait4(proc.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # a failure (a render over the sandbox's limits) is shown as nan
        print(f"{sumber}: {' '.join(argv[2:])}: exit {code}", file=sys.stderr, flush=True)
        return math.nan, usage.ru_maxrss / 1024
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _laporan(bentuk: str, n: int) -> str:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import scale

    return scale.laporan_skala(n) if bentuk == "2020" else scale.laporan_skala_2021(n)


Hasil = dict[str, dict[int, dict[str, dict[str, tuple[float, float]]]]]


def ukur(bentuk_: list[str], sizes: list[int], runs: int, pohon: dict[str, Path]) -> Hasil:
    """{shape: {N: {tree: {command: (median CPU s, peak MiB)}}}}."""
    hasil: Hasil = {}
    with tempfile.TemporaryDirectory() as tmp:
        for bentuk, n in itertools.product(bentuk_, sizes):
            path = Path(tmp) / f"{bentuk}-{n}.yaml"
            path.write_text(_laporan(bentuk, n), encoding="utf-8")
            print(f"{bentuk}, N = {n}: {path.stat().st_size / 2**20:.1f} MiB",
                  file=sys.stderr, flush=True)
            cmds = {"floor": ["-c", LANTAI, str(path)]} | {
                c: ["-c", CLI, c, str(path)] for c in PERINTAH}
            samples: dict[str, dict[str, list[tuple[float, float]]]] = {
                t: {c: [] for c in cmds} for t in pohon}
            for _ in range(runs):
                for name, argv in cmds.items():
                    for tree, sumber in pohon.items():
                        samples[tree][name].append(_jalan(sumber, argv))
            hasil.setdefault(bentuk, {})[n] = {
                tree: {c: (statistics.median(s[0] for s in v), max(s[1] for s in v))
                       for c, v in per.items()} for tree, per in samples.items()}
    return hasil


def tabel(hasil: Hasil, sizes: list[int], pohon: dict[str, Path]) -> list[str]:
    out: list[str] = []
    pairs = list(itertools.pairwise(sizes))
    for bentuk, per_n in hasil.items():
        head = f"{'':28}" + "".join(f"{f'N={n}':>10}" for n in sizes)
        out += ["", f"== shape {bentuk}: CPU time / floor CPU time (median of runs)", head]
        for tree in pohon:
            for c in ("floor", *PERINTAH):
                out.append(f"{f'{c} [{tree}]':28}" + "".join(
                    f"{per_n[n][tree][c][0] / per_n[n][tree]['floor'][0]:10.2f}"
                    for n in sizes))
        out += ["", f"   shape {bentuk}: CPU seconds", head]
        for tree in pohon:
            for c in ("floor", *PERINTAH):
                out.append(f"{f'{c} [{tree}]':28}" + "".join(
                    f"{per_n[n][tree][c][0]:10.2f}" for n in sizes))
        out += ["", f"   shape {bentuk}: growth exponent of CPU time",
                f"{'':28}" + "".join(f"{f'{a}->{b}':>12}" for a, b in pairs)]
        for tree in pohon:
            for c in ("floor", *PERINTAH):
                out.append(f"{f'{c} [{tree}]':28}" + "".join(
                    f"{_eksponen(per_n[a][tree][c][0], per_n[b][tree][c][0], a, b):12.2f}"
                    for a, b in pairs))
        out += ["", f"   shape {bentuk}: peak RSS (MiB)", head]
        for tree in pohon:
            for c in ("floor", *PERINTAH):
                out.append(f"{f'{c} [{tree}]':28}" + "".join(
                    f"{per_n[n][tree][c][1]:10.0f}" for n in sizes))
        if len(pohon) == 2:
            out += ["", f"   shape {bentuk}: CPU time sebelum / sesudah", head]
            for c in PERINTAH:
                out.append(f"{c:28}" + "".join(
                    f"{per_n[n]['sebelum'][c][0] / per_n[n]['sesudah'][c][0]:10.2f}"
                    for n in sizes))
    return out


def _eksponen(t1: float, t2: float, n1: int, n2: int) -> float:
    return math.log(t2 / t1) / math.log(n2 / n1)


# ------------------------------------------------------------------------------ export

EKSPOR = ("xlsx", "docx", "docx-cache", "pdf")


def _ekspor_argv(berkas: Path, perintah: str, keluar: Path) -> list[str]:
    if perintah == "floor":
        return ["-c", LANTAI_IMPOR]
    if perintah == "compute":
        return ["-c", CLI, "compute", str(berkas)]
    to = perintah.split("-")[0]
    return ["-c", CLI, "export", str(berkas), "--to", to, "-o",
            str(keluar / f"{berkas.stem}.{to}"), "--force"]


def _waktu(sumber: Path, argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds of the process and its children, wall seconds)."""
    mulai = time.perf_counter()
    cpu, _ = _jalan(sumber, argv, env)
    return cpu, time.perf_counter() - mulai


def ukur_ekspor(berkas: list[Path], runs: int, pohon: dict[str, Path]
                ) -> dict[str, dict[str, dict[str, tuple[float, float]]]]:
    """{file: {tree: {command: (median CPU s, median wall s)}}}."""
    from lkjip_cli.render.pdf import cari_soffice

    perintah = ["floor", "compute", *(e for e in EKSPOR if e != "pdf" or cari_soffice())]
    hasil: dict[str, dict[str, dict[str, tuple[float, float]]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        keluar = Path(tmp)
        cache = {tree: keluar / f"cache-{tree}" for tree in pohon}
        for path in berkas:
            sampel: dict[str, dict[str, list[tuple[float, float]]]] = {
                t: {c: [] for c in perintah} for t in pohon}
            for tree, sumber in pohon.items():  # fill each tree's chart cache
                _jalan(sumber, _ekspor_argv(path, "docx", keluar),
                       {"LKJIP_CACHE": str(cache[tree])})
            for _ in range(runs):
                for c in perintah:
                    for tree, sumber in pohon.items():
                        env = {"LKJIP_CACHE": str(cache[tree]) if c == "docx-cache" else "0"}
                        sampel[tree][c].append(
                            _waktu(sumber, _ekspor_argv(path, c, keluar), env))
            hasil[path.name] = {
                tree: {c: (statistics.median(x[0] for x in v),
                           statistics.median(x[1] for x in v)) for c, v in per.items()}
                for tree, per in sampel.items()}
            print(f"{path.name}: done", file=sys.stderr, flush=True)
    return hasil


def tabel_ekspor(hasil: dict[str, dict[str, dict[str, tuple[float, float]]]],
                 pohon: dict[str, Path]) -> list[str]:
    out: list[str] = []
    nama = list(hasil)
    head = f"{'':24}" + "".join(f"{n[:18]:>20}" for n in nama)
    for judul, k in (("CPU time (process + children)", 0), ("wall time", 1)):
        out += ["", f"== export: {judul} / import floor `python -c \"{LANTAI_IMPOR}\"`",
                head]
        for tree in pohon:
            for c in hasil[nama[0]][tree]:
                out.append(f"{f'{c} [{tree}]':24}" + "".join(
                    f"{hasil[n][tree][c][k] / hasil[n][tree]['floor'][k]:20.2f}"
                    for n in nama))
        out += ["", f"   export: {judul}, seconds", head]
        for tree in pohon:
            for c in hasil[nama[0]][tree]:
                out.append(f"{f'{c} [{tree}]':24}" + "".join(
                    f"{hasil[n][tree][c][k]:20.2f}" for n in nama))
        if len(pohon) == 2:
            out += ["", f"   export: {judul} sebelum / sesudah", head]
            for c in hasil[nama[0]]["sesudah"]:
                if c != "floor":
                    out.append(f"{c:24}" + "".join(
                        f"{hasil[n]['sebelum'][c][k] / hasil[n]['sesudah'][c][k]:20.2f}"
                        for n in nama))


def mulai(runs: int, pohon: dict[str, Path]) -> list[str]:
    """The start-up table: {command: median CPU and wall / the floor's}, per tree."""
    cpu: dict[tuple[str, str], list[float]] = {}
    wall: dict[tuple[str, str], list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        env = {"PYTHONPYCACHEPREFIX": str(Path(tmp) / "pyc")}
        saved = os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        try:
            cmds = {"floor": ["-c", LANTAI_IMPOR]} | {
                nama: ["-c", CLI, *args, *([str(Path(tmp) / f"x.{args[2]}")]
                                           if args[0] == "export" else []),
                       str(ROOT / "data" / "2020.yaml")] for nama, args in MULAI.items()}
            for sumber in pohon.values():  # bytecode first, not counted
                for argv in cmds.values():
                    _jalan(sumber, argv, env)
            for _ in range(runs):
                for nama, argv in cmds.items():
                    for tree, sumber in pohon.items():
                        start = time.perf_counter()
                        detik, _ = _jalan(sumber, argv, env)
                        wall.setdefault((tree, nama), []).append(time.perf_counter() - start)
                        cpu.setdefault((tree, nama), []).append(detik)
        finally:
            if saved is not None:
                os.environ["PYTHONDONTWRITEBYTECODE"] = saved
    med = {k: statistics.median(v) for k, v in cpu.items()}
    medw = {k: statistics.median(v) for k, v in wall.items()}
    out = [f"== start-up, data/2020.yaml: median of {runs} interleaved runs, ratio to "
           f"`python -c \"{LANTAI_IMPOR}\"`",
           f"{'':26}{'CPU ms':>9}{'CPU x':>8}{'wall ms':>9}{'wall x':>8}{'goal':>6}"]
    for tree in pohon:
        for nama in ("floor", *MULAI):
            c, w = med[tree, nama], medw[tree, nama]
            goal = SASARAN_MULAI.get(nama)
            out.append(f"{f'{nama} [{tree}]':26}{c * 1000:9.0f}{c / med[tree, 'floor']:8.2f}"
                       f"{w * 1000:9.0f}{w / medw[tree, 'floor']:8.2f}"
                       + (f"{goal:6.1f}" if goal else ""))
    if len(pohon) == 2:
        out += ["", f"{'CPU sebelum / sesudah':26}"]
        for nama in MULAI:
            out.append(f"{nama:26}{med['sebelum', nama] / med['sesudah', nama]:9.2f}")
    return out


def main(argv: list[str]) -> None:
    runs = 1
    start_up = False
    sizes: list[int] = []
    bentuk: list[str] = []
    berkas: list[Path] = []
    ekspor = False
    pohon = {"sesudah": ROOT}
    args = iter(argv)
    for arg in args:
        if arg == "--runs":
            runs = int(next(args))
        elif arg == "--bentuk":
            bentuk.append(next(args))
        elif arg == "--sebelum":
            pohon = {"sebelum": Path(next(args)).resolve(), "sesudah": ROOT}
        elif arg == "--mulai":
            start_up = True
        elif arg == "--ekspor":
            ekspor = True
        elif arg == "--berkas":
            berkas.append(Path(next(args)).resolve())
        else:
            sizes.append(int(arg))
    if start_up:
        print("\n".join(mulai(runs, pohon)))
        print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end")
        return
    if ekspor:
        sys.path.insert(0, str(ROOT))
        hasil_ekspor = ukur_ekspor(berkas or sorted((ROOT / "data").glob("*.yaml")), runs,
                                   pohon)
        print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end; "
              f"{runs} run(s) per figure")
        print("\n".join(tabel_ekspor(hasil_ekspor, pohon)))
        return
    sizes = sorted(sizes or list(UKURAN))
    hasil = ukur(bentuk or list(BENTUK), sizes, runs, pohon)
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end; "
          f"{runs} run(s) per figure")
    print("\n".join(tabel(hasil, sizes, pohon)))


if __name__ == "__main__":
    main(sys.argv[1:])
