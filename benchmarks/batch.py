"""Many reports at once: `lkjip rekap` and `lkjip check` against the floor of parsing alone.

Run: `python benchmarks/batch.py [N] [RUNS]` (default 1000 reports, 3 runs). It writes N
reports the size of data/2020.yaml (its structure, with varied figures and agency names)
to a temporary directory, then measures side by side, in one run:

- the floor: reading and parsing the same files with PyYAML's C loader in one process;
- `lkjip rekap DIR --format json` and `lkjip check FILES --format json`, each a fresh process
  using every core;

and prints the median wall and CPU time of RUNS runs and their ratios to the floor (and of
`check` to `rekap`, which issue 24 wants within 2x), the peak
resident memory of the lkjip process tree (sampled from /proc: the main process plus its
workers, summed; RSS counts the pages the forked workers share with the main process once
per process, PSS shares them out) and the processes used. On a machine shared with other
work the wall ratio says little; the CPU ratio divided by the cores is what the wall ratio
would be on idle cores with perfect sharing. `python benchmarks/batch.py N RUNS rekap`
measures rekap only (`check` is JSON, `check-teks` the default text output, `rekap-tabel`
the recap's default table output; by default every command but `rekap-tabel`). With
`--sebelum DIR` every lkjip command also runs with the source tree at DIR, each run beside
the same run of this tree. Figures go to docs/performance.md by hand.
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "2020.yaml"
LKJIP = [sys.executable, "-m", "lkjip_cli"]
#: Distinct variants of the figures; file i uses variant i % VARIAN with its own name.
VARIAN = 50
NAMA = "Badan Kepegawaian Daerah Provinsi Kalimantan Timur"


# ------------------------------------------------------------------------- generating


def _ubah(node: Any, rng: random.Random, key: str = "") -> Any:
    """The document with every realisasi moved by up to ±20% (budgets never above pagu)."""
    if isinstance(node, dict):
        out = {k: _ubah(v, rng, k) for k, v in node.items()}
        pagu = out.get("pagu")
        if isinstance(pagu, str):
            pagu = _angka(pagu)
        if isinstance(pagu, Decimal) and isinstance(out.get("realisasi"), Decimal):
            out["realisasi"] = min(pagu, out["realisasi"])
        return out
    if isinstance(node, list):
        return [_ubah(v, rng, key) for v in node]
    if key == "realisasi" and isinstance(node, str):
        node = _angka(node)
    if key == "realisasi" and isinstance(node, Decimal) and node > 0:
        factor = Decimal(rng.randint(80, 120)) / 100
        places = Decimal(1) if node == node.to_integral_value() else Decimal("0.01")
        return (node * factor).quantize(places)
    return node


def _angka(text: str) -> Any:
    """An Indonesian-formatted figure (`2.098.578.585`) as a Decimal, other text as it is."""
    from lkjip_cli.source.numbers import NumberError, parse_number

    try:
        return parse_number(text)
    except NumberError:
        return text


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = f"{value:f}"
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    pass


_Dumper.add_representer(Decimal, _decimal)


def varian(seed: int) -> list[str]:
    """`VARIAN` texts of data/2020.yaml with varied realisasi, exact (Decimal) throughout."""
    sys.path.insert(0, str(ROOT))
    from lkjip_cli.source.yamlsource import parse_yaml_text

    data = parse_yaml_text(str(DATA), DATA.read_text(encoding="utf-8")).data
    rng = random.Random(seed)
    return [yaml.dump(_ubah(data, rng), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                      width=100) for _ in range(VARIAN)]


def tulis_laporan(folder: Path, n: int, seed: int = 1) -> list[Path]:
    """Write N reports `laporan-00000.yaml`... to `folder`; agency i is `Dinas Contoh i`."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = varian(seed)
    paths = []
    for i in range(n):
        path = folder / f"laporan-{i:05d}.yaml"
        path.write_text(texts[i % VARIAN].replace(NAMA, f"Dinas Contoh {i:05d}"),
                        encoding="utf-8")
        paths.append(path)
    return paths


# -------------------------------------------------------------------------- measuring


def lantai(paths: list[Path]) -> float:
    """Seconds to read and parse every file with the C loader, in this one process."""
    loader = yaml.CSafeLoader
    start = time.perf_counter()
    for path in paths:
        with open(path, "rb") as handle:
            yaml.load(handle.read(), Loader=loader)
    return time.perf_counter() - start


def _anak(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(p) for p in handle.read().split()]
    except OSError:
        return []


def _kb(path: str, key: str) -> int:
    try:
        with open(path) as handle:
            for line in handle:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _rss(pid: int) -> int:
    return _kb(f"/proc/{pid}/status", "VmRSS:")


def _pss(pid: int) -> int:
    """Proportional set size: pages shared by the forked workers counted once overall."""
    return _kb(f"/proc/{pid}/smaps_rollup", "Pss:")


class Ukuran(NamedTuple):
    """One run of a command: wall and CPU seconds, peak RSS and PSS (kB) summed over its
    process tree, and the most processes seen."""

    wall: float
    cpu: float
    rss: int
    pss: int
    proses: int


def jalankan(argv: list[str], sumber: Path = ROOT) -> Ukuran:
    """Run `argv` with the lkjip source tree `sumber`, sampling the resident memory of it
    and its workers every 0.1 s."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # cwd is the tree too: `python -m` puts the working directory first on the path.
    proc = subprocess.Popen(argv, cwd=sumber, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL,
                            env={**os.environ, "PYTHONPATH": str(sumber)})
    peak = [0, 0, 0]

    def sample() -> None:
        while proc.poll() is None:
            tree = [proc.pid, *_anak(proc.pid)]
            peak[0] = max(peak[0], sum(_rss(p) for p in tree))
            peak[1] = max(peak[1], sum(_pss(p) for p in tree))
            peak[2] = max(peak[2], len(tree))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample)
    sampler.start()
    proc.wait()
    elapsed = time.perf_counter() - start
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return Ukuran(elapsed, cpu, peak[0], peak[1], peak[2])


def lantai_cpu(paths: list[Path]) -> tuple[float, float]:
    """Wall and CPU seconds of the floor."""
    cpu = time.process_time()
    wall = lantai(paths)
    return wall, time.process_time() - cpu


def main() -> None:
    posisi = [a for a in sys.argv[1:] if not a.startswith("--")]
    pohon = {"": ROOT}
    if "--sebelum" in sys.argv:
        sebelum = Path(sys.argv[sys.argv.index("--sebelum") + 1]).resolve()
        posisi.remove(str(sys.argv[sys.argv.index("--sebelum") + 1]))
        pohon = {" [sebelum]": sebelum, " [sesudah]": ROOT}
    n = int(posisi[0]) if posisi else 1000
    runs = int(posisi[1]) if len(posisi) > 1 else 3
    only = posisi[2].split(",") if len(posisi) > 2 else ["rekap", "check", "check-teks"]
    with tempfile.TemporaryDirectory(prefix="lkjip-batch-") as tmp:
        folder = Path(tmp)
        paths = tulis_laporan(folder, n)
        commands = {
            "rekap": [*LKJIP, "rekap", str(folder), "--format", "json"],
            "check": [*LKJIP, "check", *map(str, paths), "--format", "json"],
            # the default text output, findings tables laid out (the directory: issue 24)
            "check-teks": [*LKJIP, "check", *map(str, paths)],
            # the recap as a table on the terminal's stand-in (issue 24 P3: under 150 MB)
            "rekap-tabel": [*LKJIP, "rekap", str(folder)],
        }
        commands = {k: v for k, v in commands.items() if k in only}
        floors: list[tuple[float, float]] = []
        measured: dict[str, list[Ukuran]] = {
            f"{k}{t}": [] for k in commands for t in pohon}
        for _ in range(runs):  # interleaved, so that load from others hits all alike
            floors.append(lantai_cpu(paths))
            for name, argv in commands.items():
                for t, sumber in pohon.items():
                    measured[f"{name}{t}"].append(jalankan(argv, sumber))
    floor = statistics.median(w for w, _ in floors)
    floor_cpu = statistics.median(c for _, c in floors)
    cores = len(os.sched_getaffinity(0))
    print(f"{n} reports like data/2020.yaml, {runs} runs, {cores} cores, load average "
          f"{os.getloadavg()[0]:.1f}; median of the runs")
    print(f"  parse floor (CSafeLoader, 1 process)  wall {floor:7.2f} s  cpu {floor_cpu:7.2f} s"
          f"  ({floor / n * 1000:.2f} ms/report)")
    median: dict[str, tuple[float, float]] = {}
    for name, results in measured.items():
        wall = statistics.median(r.wall for r in results)
        cpu = statistics.median(r.cpu for r in results)
        median[name] = (wall, cpu)
        rss = max(r.rss for r in results) / 1024
        pss = max(r.pss for r in results) / 1024
        procs = max(r.proses for r in results)
        print(f"  lkjip {name:31} wall {wall:7.2f} s  cpu {cpu:7.2f} s  "
              f"wall ratio {wall / floor:5.2f}x  cpu ratio {cpu / floor_cpu:5.2f}x  "
              f"(cpu / {cores} cores: {cpu / cores / floor_cpu:4.2f}x)  "
              f"peak RSS {rss:6.1f} MB (PSS {pss:6.1f} MB)  processes {procs}")
    for t in pohon:  # issue 24: check within 2x of rekap on the same files
        for check in ("check", "check-teks"):
            if f"{check}{t}" in median and f"rekap{t}" in median:
                (cw, cc), (rw, rc) = median[f"{check}{t}"], median[f"rekap{t}"]
                print(f"  {check}{t} / rekap{t}: wall {cw / rw:5.2f}x  cpu {cc / rc:5.2f}x")


if __name__ == "__main__":
    main()
