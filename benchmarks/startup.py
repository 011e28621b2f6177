"""Start-up cost of the CLI, measured (not guessed): median wall and CPU time of several runs.

Run: `python benchmarks/startup.py [RUNS]` (default 11). First it shows where the time of
`lkjip compute data/2020.yaml` goes: `python -X importtime`, self time summed per package,
and what is left for running the command. Then, side by side in fresh processes (the runs
interleaved, so that a busy machine slows all alike), the median wall and CPU (user + sys)
time and the ratio to the floor any typer+pydantic+yaml+rich program pays,
`python -c "import typer, pydantic, yaml, rich"`. A second reference adds what a command
that validates a model and prints a rich table cannot avoid (pydantic's BaseModel machinery,
rich's console and table). Last, which lkjip modules `--help` imports (no engine, renderer or
template code).
"""

from __future__ import annotations

import collections
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LKJIP = [sys.executable, "-m", "lkjip_cli"]
DATA = str(ROOT / "data" / "2020.yaml")
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

FLOOR = "python -c 'import typer, pydantic, yaml, rich'"
COMMANDS = {
    FLOOR: [sys.executable, "-c", "import typer, pydantic, yaml, rich"],
    "  + BaseModel, rich.console, rich.table": [
        sys.executable, "-c", "import typer, pydantic, yaml, rich; from pydantic import "
        "BaseModel; import rich.console, rich.table"],
    "lkjip --help": [*LKJIP, "--help"],
    "lkjip compute data/2020.yaml": [*LKJIP, "compute", DATA],
    "lkjip check data/2020.yaml": [*LKJIP, "check", DATA],
}


def run_once(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU (user + sys of the child) milliseconds of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False, env=ENV)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu


def where_the_time_goes() -> None:
    argv = [sys.executable, "-X", "importtime", "-m", "lkjip_cli", "compute", DATA]
    start = time.perf_counter()
    out = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=False, env=ENV)
    wall = (time.perf_counter() - start) * 1000
    per_package: collections.Counter[str] = collections.Counter()
    for line in out.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _, name = line[len("import time:"):].split("|")
        parts = name.strip().split(".")
        key = ".".join(parts[:2]) if parts[0] == "lkjip_cli" else parts[0]
        per_package[key] += int(self_us)
    imports = sum(per_package.values()) / 1000
    print(f"`lkjip compute data/2020.yaml`: {wall:.0f} ms wall, of which imports "
          f"{imports:.0f} ms (-X importtime, self time per package, top 15):")
    for name, us in per_package.most_common(15):
        print(f"  {us / 1000:7.1f} ms  {name}")
    print(f"  and about {wall - imports:.0f} ms interpreter start and running the command "
          "(load, compute, rich layout)")


def help_imports() -> list[str]:
    code = ("import sys\nfrom typer.testing import CliRunner\nfrom lkjip_cli.cli.app import app\n"
            "CliRunner().invoke(app, ['--help'])\n"
            "print('\\n'.join(sorted(m for m in sys.modules if m.startswith('lkjip_cli')"
            " or m in ('jinja2', 'lkjip_cli.engine'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True, env=ENV)
    return out.stdout.split()


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    where_the_time_goes()
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in COMMANDS}
    for _ in range(runs):
        for name, argv in COMMANDS.items():
            results[name].append(run_once(argv))
    floor_wall = statistics.median(w for w, _ in results[FLOOR])
    floor_cpu = statistics.median(c for _, c in results[FLOOR])
    print(f"\n{runs} runs each, interleaved; median wall (min-max) and CPU time in ms, "
          "ratio to the floor")
    for name, times in results.items():
        walls = [w for w, _ in times]
        wall, cpu = statistics.median(walls), statistics.median(c for _, c in times)
        spread = f"({min(walls):.0f}-{max(walls):.0f})"
        print(f"  {name:44} {wall:6.0f} {spread:12} {wall / floor_wall:5.2f}x"
              f"   cpu {cpu:6.0f} {cpu / floor_cpu:5.2f}x")
    print("modules imported by `lkjip --help`:", ", ".join(help_imports()))


if __name__ == "__main__":
    main()
