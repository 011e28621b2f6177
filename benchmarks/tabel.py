"""What the terminal table of a large report costs next to computing it (issue 18, point 5).

For reports of data/2020.yaml's structure at N indicators (benchmarks/scale.py's generator,
default N = 1,000, 5,000, 10,000 and 20,000), in one run on this machine:

- whole commands in fresh processes, output to /dev/null (so laid out at 100 columns, as
  when piped): `validate`, `compute --format json`, `compute` (the tables), and with
  `--check` also `check --format github` and `check` (the findings tables); wall time (best
  of `--runs`) and peak RSS of each;
- inside one process, the stages of `compute`: `load`, `hitung` (the engine), `bangun` (the
  table models, figures formatted), `json` (the JSON text) and `tabel` (printing the tables
  to a console 100 columns wide); the goal is `tabel` no longer than `hitung + bangun`;
- ratios: `compute` / `compute --format json`, `compute` / `validate`, `tabel` /
  (`hitung + bangun`).

With `--sebelum DIR` every figure is measured for the lkjip source tree at DIR too (for
example `git archive main | tar -x -C /tmp/main`), each run of it next to the same run of
this tree, so that a busy machine slows both alike; the tables then show both and their
ratio.

Run: `python benchmarks/tabel.py [N ...] [--runs R] [--sebelum DIR] [--check]`. Reports above
the 5 MiB input limit (N >= 2,000) are read with the limit lifted inside the measured
processes only.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UKURAN = (1_000, 5_000, 10_000, 20_000)

#: Runs the CLI with the input limit lifted (argv after `-c` as the command line).
CLI = ("import sys, lkjip_cli.source.yamlsource as y; y.MAX_FILE_BYTES = 1 << 31; "
       "from lkjip_cli.cli.app import main; sys.argv[0] = 'lkjip'; main()")

#: The stages of `compute` in one process; prints seconds per stage as JSON.
TAHAP = """
import io, json, sys, time
import lkjip_cli.source.yamlsource as y
y.MAX_FILE_BYTES = 1 << 31
from rich.console import Console
from lkjip_cli.engine import hitung
from lkjip_cli.loader import load
try:  # the rooms since issue 19
    from lkjip_cli.render.teks.ekspor import to_json
    from lkjip_cli.render.teks.terminal import print_tables
    from lkjip_cli.tabel import BAB_III, bangun
except ImportError:  # a tree from before them (--sebelum)
    from lkjip_cli.render.ekspor import to_json
    from lkjip_cli.render.tabel import BAB_III, bangun
    from lkjip_cli.render.terminal import print_tables
t = [time.perf_counter()]
report = load(sys.argv[1]).report
t.append(time.perf_counter())
hasil = hitung(report)
t.append(time.perf_counter())
tables = bangun(hasil, list(BAB_III))
t.append(time.perf_counter())
to_json(hasil, tables)
t.append(time.perf_counter())
print_tables(Console(file=io.StringIO(), width=100), tables, hasil.laporan.aturan)
t.append(time.perf_counter())
names = ["load", "hitung", "bangun", "json", "tabel"]
print(json.dumps({n: b - a for n, a, b in zip(names, t, t[1:])}))
"""


def _jalan(sumber: Path, argv: list[str], *, tangkap: bool = False) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MiB) and, if `tangkap`, the stdout of one process running
    lkjip from the source tree `sumber` (otherwise stdout goes to /dev/null)."""
    env = {**os.environ, "PYTHONPATH": str(sumber), "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, *argv],
                                stdout=out if tangkap else subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env=env, cwd=sumber)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise RuntimeError(f"{argv[2:]}: exit {os.waitstatus_to_exitcode(status)}")
        out.seek(0)
        return wall, usage.ru_maxrss / 1024, out.read().decode()


def _perintah(path: Path, check: bool) -> dict[str, list[str]]:
    cmds = {
        "validate": ["-c", CLI, "validate", str(path)],
        "compute -f json": ["-c", CLI, "compute", str(path), "--format", "json"],
        "compute": ["-c", CLI, "compute", str(path)],
    }
    if check:
        cmds["check -f github"] = ["-c", CLI, "check", str(path), "--format", "github"]
        cmds["check"] = ["-c", CLI, "check", str(path)]
    return cmds


def ukur(sizes: list[int], runs: int, pohon: dict[str, Path],
         check: bool) -> dict[int, dict[str, dict[str, tuple[float, float]]]]:
    """{N: {tree: {measure: (seconds, MiB)}}}, the trees' runs interleaved."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from scale import KEGIATAN_PER_INDIKATOR, laporan_skala

    hasil: dict[int, dict[str, dict[str, tuple[float, float]]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"n{n}.yaml"
            path.write_text(laporan_skala(n), encoding="utf-8")
            print(f"N = {n}: {path.stat().st_size / 2**20:.1f} MiB, "
                  f"{n * KEGIATAN_PER_INDIKATOR} kegiatan", file=sys.stderr, flush=True)
            per_tree: dict[str, dict[str, tuple[float, float]]] = {t: {} for t in pohon}
            for name, argv in _perintah(path, check).items():
                for _ in range(runs):
                    for tree, sumber in pohon.items():
                        wall, rss, _ = _jalan(sumber, argv)
                        best = per_tree[tree].get(name, (float("inf"), 0.0))
                        per_tree[tree][name] = (min(best[0], wall), max(best[1], rss))
            for _ in range(runs):
                for tree, sumber in pohon.items():
                    _, _, text = _jalan(sumber, ["-c", TAHAP, str(path)], tangkap=True)
                    for stage, seconds in json.loads(text).items():
                        best = per_tree[tree].get(stage, (float("inf"), 0.0))
                        per_tree[tree][stage] = (min(best[0], seconds), 0.0)
            hasil[n] = per_tree
            path.unlink()
    return hasil


def _baris_angka(hasil: dict[int, dict[str, dict[str, tuple[float, float]]]],
                 names: list[str], index: int, fmt: str) -> list[str]:
    """One line per measure and tree: figure `index` (0 time, 1 memory) at every N."""
    trees = list(next(iter(hasil.values())))
    return [f"{f'{name} [{tree}]' if len(trees) > 1 else name:34}"
            + "".join(format(per_n[tree][name][index], fmt) for per_n in hasil.values())
            for name in names for tree in trees]


def laporan(hasil: dict[int, dict[str, dict[str, tuple[float, float]]]]) -> list[str]:
    sizes = list(hasil)
    trees = list(hasil[sizes[0]])
    names = list(hasil[sizes[0]][trees[0]])
    head = f"{'':34}" + "".join(f"{f'N={n}':>10}" for n in sizes)
    out = ["time (s, best of runs; stages inside one process)", head]
    out += _baris_angka(hasil, names, 0, "10.2f")
    out += ["", "peak RSS (MiB)", head]
    # Stages have no memory figure of their own: they run inside one process.
    out += _baris_angka(hasil, [m for m in names if hasil[sizes[0]][trees[0]][m][1]], 1,
                        "10.0f")
    out += ["", "ratios", head]
    for tree in trees:
        suffix = f" [{tree}]" if len(trees) > 1 else ""

        def t(n: int, name: str, tree: str = tree) -> float:
            return hasil[n][tree][name][0]

        rows = {
            "compute / json": lambda n: t(n, "compute") / t(n, "compute -f json"),
            "compute / validate": lambda n: t(n, "compute") / t(n, "validate"),
            "tabel / (hitung+bangun)": lambda n: t(n, "tabel") / (t(n, "hitung")
                                                                 + t(n, "bangun")),
            "tabel / hitung": lambda n: t(n, "tabel") / t(n, "hitung"),
        }
        if "check" in names:
            rows["check / check github"] = lambda n: t(n, "check") / t(n, "check -f github")
        for label, fn in rows.items():
            out.append(f"{label + suffix:34}" + "".join(f"{fn(n):10.2f}" for n in sizes))
    if len(trees) == 2:
        before, after = trees
        out += ["", f"{before} / {after} (time)", head]
        for name in names:
            out.append(f"{name:34}" + "".join(
                f"{hasil[n][before][name][0] / hasil[n][after][name][0]:10.2f}"
                for n in sizes))
    return out


def main(argv: list[str]) -> None:
    runs = 1
    sizes: list[int] = []
    pohon = {"sesudah": ROOT}
    check = False
    args = iter(argv)
    for arg in args:
        if arg == "--runs":
            runs = int(next(args))
        elif arg == "--sebelum":
            pohon = {"sebelum": Path(next(args)).resolve(), "sesudah": ROOT}
        elif arg == "--check":
            check = True
        else:
            sizes.append(int(arg))
    print("\n".join(laporan(ukur(sorted(sizes or list(UKURAN)), runs, pohon, check))))


if __name__ == "__main__":
    main(sys.argv[1:])
