"""How lkjip's cost grows with the size of a report, measured against the YAML parse floor.

A province's LKjIP has hundreds of indicators and thousands of budget lines; every stage must
stay near-linear in the file's size (issue 15). This script generates reports of
data/2020.yaml's structure at N indicators (N/4 copies of its sasaran with their indicators
and printed figures, 3 kegiatan per indicator in copies of its programs), and prints for each
N, in one run on this machine:

- `parse floor`: PyYAML's C loader (`yaml.load(..., CSafeLoader)`) on the same file, the
  least any YAML-reading command can cost;
- the commands `validate`, `compute`, `check` and `render`, run in-process through the CLI
  (start-up and imports excluded: a small report is run first), output captured;
- the loader's stages (`source` = YAML to positioned data, `model` = pydantic, `checks` =
  semantic checks) and the engine (`hitung`), to show where time goes;

each with wall time (best of a few runs), peak traced memory (tracemalloc, a separate run),
and the growth exponent log(t2/t1)/log(N2/N1) between successive N. The goal is an exponent
at most 1.1 everywhere and each command within 3x the parse floor at N = 1,000.

Run: `PYTHONPATH=. python benchmarks/scale.py [N ...] [--runs R] [--tanpa-5000]`.
N = 5,000 makes a file above the 5 MiB input limit; the benchmark lifts the limit in-process
for it (a user's file that large is refused with `too-large`).
"""

from __future__ import annotations

import copy
import itertools
import math
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "2020.yaml"
UKURAN = (10, 100, 1_000, 5_000)
KEGIATAN_PER_INDIKATOR = 3
INDIKATOR_PER_SALINAN = 4  # data/2020.yaml: IKU1-IKU4 under three sasaran


# ------------------------------------------------------------------ generating reports


def _dasar() -> dict[str, Any]:
    from lkjip_cli.source.yamlsource import parse_yaml_text

    parsed = parse_yaml_text(str(DATA), DATA.read_text(encoding="utf-8"))
    assert parsed.data is not None and not parsed.diagnostics, parsed.diagnostics
    return parsed.data


def _salin(node: dict[str, Any], akhiran: str) -> dict[str, Any]:
    baru = copy.deepcopy(node)
    if akhiran:
        baru["kode"] = f"{baru['kode']}-{akhiran}"
    return baru


def _sasaran(dasar: dict[str, Any], n: int) -> list[dict[str, Any]]:
    """Copies of the sasaran, their indicators renamed `IKU1-c`, N indicators in all."""
    hasil: list[dict[str, Any]] = []
    sisa = n
    salinan = 0
    while sisa > 0:
        akhiran = str(salinan) if salinan else ""
        for sas in dasar["sasaran"]:
            if sisa <= 0:
                break
            baru = _salin(sas, akhiran)
            baru["indikator"] = [_salin(ind, akhiran) for ind in sas["indikator"][:sisa]]
            sisa -= len(baru["indikator"])
            hasil.append(baru)
        salinan += 1
    return hasil


def _program(dasar: dict[str, Any], kode_indikator: list[str]) -> list[dict[str, Any]]:
    """Copies of the programs with 3 kegiatan per indicator, each supporting its indicator."""
    contoh = [(prog, keg) for prog in dasar["program"] for keg in prog["kegiatan"]]
    hasil: list[dict[str, Any]] = []
    per_salinan = INDIKATOR_PER_SALINAN * KEGIATAN_PER_INDIKATOR
    jumlah = len(kode_indikator) * KEGIATAN_PER_INDIKATOR
    for salinan, awal in enumerate(range(0, jumlah, per_salinan)):
        akhiran = str(salinan) if salinan else ""
        program: dict[str, dict[str, Any]] = {}
        for nomor in range(awal, min(awal + per_salinan, jumlah)):
            prog, keg = contoh[(nomor - awal) % len(contoh)]
            if prog["kode"] not in program:
                baru_prog = _salin(prog, akhiran)
                baru_prog["kegiatan"] = []
                program[prog["kode"]] = baru_prog
            baru = _salin(keg, f"{akhiran}k{nomor}")
            baru["indikator"] = [_salin(ik, f"{akhiran}k{nomor}")
                                 for ik in keg.get("indikator", [])]
            baru["mendukung"] = [kode_indikator[nomor // KEGIATAN_PER_INDIKATOR]]
            program[prog["kode"]]["kegiatan"].append(baru)
        hasil.extend(program.values())
    return hasil


def laporan_skala(n: int) -> str:
    """The YAML text of a report of data/2020.yaml's structure with `n` indicators."""
    dasar = _dasar()
    laporan = dict(dasar)
    laporan["sasaran"] = _sasaran(dasar, n)
    kode = [ind["kode"] for sas in laporan["sasaran"] for ind in sas["indikator"]]
    laporan["program"] = _program(dasar, kode)
    return yaml.dump(laporan, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=None, width=100)


# ------------------------------------------------------- the 2021+ shape (contoh-2023)

DATA_2021 = ROOT / "data" / "contoh-2023.yaml"
#: data/contoh-2023.yaml: IKU1-IKU3 under two sasaran, two programs, three kegiatan, four
#: sub kegiatan.
INDIKATOR_PER_SALINAN_2021 = 3


def _dasar_2021() -> dict[str, Any]:
    from lkjip_cli.source.yamlsource import parse_yaml_text

    parsed = parse_yaml_text(str(DATA_2021), DATA_2021.read_text(encoding="utf-8"))
    assert parsed.data is not None and not parsed.diagnostics, parsed.diagnostics
    return parsed.data


def _ganti_kode(node: Any, akhiran: str) -> Any:
    """A deep copy with every `kode` and every reference to one (`mendukung`, `tujuan`)
    given `akhiran`, so that the copies of one report can live in one file."""
    if isinstance(node, dict):
        baru = {}
        for kunci, nilai in node.items():
            if kunci == "kode" or (kunci == "tujuan" and isinstance(nilai, str)):
                baru[kunci] = f"{nilai}.{akhiran}"
            elif kunci == "mendukung":
                baru[kunci] = [f"{x}.{akhiran}" for x in nilai]
            else:
                baru[kunci] = _ganti_kode(nilai, akhiran)
        return baru
    if isinstance(node, list):
        return [_ganti_kode(x, akhiran) for x in node]
    return copy.deepcopy(node)


def laporan_skala_2021(n: int) -> str:
    """The YAML text of a report of data/contoh-2023.yaml's structure (budget tree program ->
    kegiatan -> sub kegiatan with SIPD codes, Permendagri 77/2020 spending, quarterly
    targets, table numbering of its own) with `n` indicators: copies of its sasaran and
    programs, each copy's codes suffixed, each copy's programs supporting its indicators.
    The printed figures are copied too, so a copy's printed sums over the whole report
    (belanja, the average) are selisih for `check`, as in the 2020 generator."""
    dasar = _dasar_2021()
    laporan = dict(dasar)
    sasaran: list[dict[str, Any]] = []
    program: list[dict[str, Any]] = []
    tujuan: list[dict[str, Any]] = []
    sisa = n
    salinan = 0
    while sisa > 0:
        akhiran = f"s{salinan}"
        tujuan += _ganti_kode(dasar["tujuan"], akhiran)
        for sas in _ganti_kode(dasar["sasaran"], akhiran):
            sas["indikator"] = sas["indikator"][:sisa]
            if not sas["indikator"]:
                break
            sisa -= len(sas["indikator"])
            sasaran.append(sas)
        ada = {ind["kode"] for sas in sasaran for ind in sas["indikator"]}
        for prog in _ganti_kode(dasar["program"], akhiran):
            prog["mendukung"] = [k for k in prog["mendukung"] if k in ada]
            if prog["mendukung"]:
                program.append(prog)
        salinan += 1
    laporan.update(tujuan=tujuan, sasaran=sasaran, program=program)
    return yaml.dump(laporan, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=None, width=100)


class _Dumper(yaml.CSafeDumper if hasattr(yaml, "CSafeDumper") else yaml.SafeDumper):  # type: ignore[misc]
    """Dumps Decimals as the plain YAML numbers they were read from, with no anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = str(value)
    tag = "tag:yaml.org,2002:float" if "." in text or "E" in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


_Dumper.add_representer(Decimal, _decimal)


# ---------------------------------------------------------------------------- measuring


def _terbaik(fn: Callable[[], object], runs: int) -> float:
    best = math.inf
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def _puncak(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def _cli(*args: str) -> Callable[[], object]:
    from typer.testing import CliRunner

    from lkjip_cli.cli.app import app

    def jalan() -> object:
        result = CliRunner().invoke(app, list(args))
        if result.exit_code not in (0, 1):
            raise RuntimeError(f"{args}: exit {result.exit_code}\n{result.output[-2000:]}")
        return result

    return jalan


def _tahap(path: Path) -> dict[str, Callable[[], object]]:
    from lkjip_cli.checks import semantic_checks
    from lkjip_cli.engine import hitung
    from lkjip_cli.loader import load
    from lkjip_cli.memori import tanpa_gc
    from lkjip_cli.model.laporan import Laporan
    from lkjip_cli.source.yamlsource import parse_yaml_bytes

    raw = path.read_bytes()
    parsed = parse_yaml_bytes(str(path), raw)
    report = load(path).report
    assert report is not None
    text = raw.decode("utf-8")
    def jeda(fn: Callable[[], object]) -> Callable[[], object]:
        def run() -> object:
            with tanpa_gc():  # as `load` runs these stages
                return fn()
        return run

    return {
        "parse floor": lambda: yaml.load(text, Loader=yaml.CSafeLoader),
        "floor gc off": jeda(lambda: yaml.load(text, Loader=yaml.CSafeLoader)),
        "source": jeda(lambda: parse_yaml_bytes(str(path), raw)),
        "model": jeda(lambda: Laporan.model_validate(parsed.data)),
        "checks": jeda(lambda: semantic_checks(parsed.data or {}, parsed.source)),
        "hitung": lambda: hitung(report),
        "validate": _cli("validate", str(path)),
        "compute": _cli("compute", str(path)),
        "check": _cli("check", str(path)),
        "render": _cli("render", str(path)),
    }


def ukur(sizes: list[int], runs: int) -> list[str]:
    import lkjip_cli.source.yamlsource as yamlsource

    yamlsource.MAX_FILE_BYTES = 64 * 2**20  # N = 5,000 is above the 5 MiB input limit
    out: list[str] = []
    hasil: dict[int, dict[str, tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        kecil = Path(tmp) / "pemanasan.yaml"
        kecil.write_text(laporan_skala(4), encoding="utf-8")
        for fn in _tahap(kecil).values():  # imports and first-call caches, outside the figures
            fn()
        for n in sizes:
            path = Path(tmp) / f"n{n}.yaml"
            path.write_text(laporan_skala(n), encoding="utf-8")
            size = path.stat().st_size
            r = runs if n <= 1_000 else 1
            hasil[n] = {name: (_terbaik(fn, r), _puncak(fn)) for name, fn in _tahap(path).items()}
            out.append(f"N = {n:>5}: {size / 2**20:6.2f} MiB, "
                       f"{n * KEGIATAN_PER_INDIKATOR} kegiatan")
            print(out[-1], file=sys.stderr, flush=True)
    out.append("")
    out += _tabel(hasil, sizes)
    return out


def _tabel(hasil: dict[int, dict[str, tuple[float, float]]], sizes: list[int]) -> list[str]:
    names = list(hasil[sizes[0]])
    pairs = list(itertools.pairwise(sizes))
    head = f"{'':12}" + "".join(f"{f'N={n}':>10}" for n in sizes)
    out = ["time (ms, best of runs)", head]
    out += [f"{name:12}" + "".join(f"{hasil[n][name][0]:10.0f}" for n in sizes) for name in names]
    out += ["", "time / parse floor", head]
    out += [f"{name:12}" + "".join(f"{hasil[n][name][0] / hasil[n]['parse floor'][0]:10.2f}"
                                   for n in sizes) for name in names]
    out += ["", "peak traced memory (MiB)", head]
    out += [f"{name:12}" + "".join(f"{hasil[n][name][1]:10.1f}" for n in sizes)
            for name in names]
    out += ["", "growth exponent log(t2/t1) / log(N2/N1)",
            f"{'':12}" + "".join(f"{f'{a}->{b}':>12}" for a, b in pairs)]
    out += [f"{name:12}" + "".join(
        f"{math.log(hasil[b][name][0] / hasil[a][name][0]) / math.log(b / a):12.2f}"
        for a, b in pairs) for name in names]
    return out


def main(argv: list[str]) -> None:
    runs = 3
    sizes: list[int] = []
    args = iter(argv)
    for arg in args:
        if arg == "--runs":
            runs = int(next(args))
        elif arg == "--tanpa-5000":
            sizes = [n for n in UKURAN if n < 5_000]
        else:
            sizes.append(int(arg))
    print("\n".join(ukur(sorted(sizes or list(UKURAN)), runs)))
    print("\n'parse floor' is yaml.load(CSafeLoader) as a program calls it; 'floor gc off' the "
          "same with Python's cyclic GC paused, as lkjip pauses it while loading and "
          "computing (lkjip_cli/memori.py).")


if __name__ == "__main__":
    main(sys.argv[1:])
