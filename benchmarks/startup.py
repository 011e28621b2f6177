"""Start-up cost of the CLI, measured (not guessed): median wall time of several runs.

Run: `.venv/bin/python benchmarks/startup.py [RUNS]`. Prints the median and spread of
`lkjip compute data/2020.yaml`, `lkjip --help`, `lkjip check data/2020.yaml` and, as the
floor any typer+pydantic+yaml+rich program pays, `python -c "import typer, pydantic, yaml,
rich"`, all in fresh processes on this machine. Also lists which lkjip modules `--help`
imports, to show it loads no engine, renderer or template code.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LKJIP = [sys.executable, "-m", "lkjip_cli"]
DATA = str(ROOT / "data" / "2020.yaml")

COMMANDS = {
    "python -c 'import typer, pydantic, yaml, rich'":
        [sys.executable, "-c", "import typer, pydantic, yaml, rich"],
    "lkjip --help": [*LKJIP, "--help"],
    "lkjip compute data/2020.yaml": [*LKJIP, "compute", DATA],
    "lkjip check data/2020.yaml": [*LKJIP, "check", DATA],
}


def median_ms(argv: list[str], runs: int) -> tuple[float, float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), max(times)


def help_imports() -> list[str]:
    code = ("import sys\nfrom typer.testing import CliRunner\nfrom lkjip_cli.cli.app import app\n"
            "CliRunner().invoke(app, ['--help'])\n"
            "print('\\n'.join(sorted(m for m in sys.modules if m.startswith('lkjip_cli')"
            " or m in ('jinja2', 'lkjip_cli.engine'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    return out.stdout.split()


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    print(f"{runs} runs each, median (min-max) wall time in ms")
    for name, argv in COMMANDS.items():
        med, lo, hi = median_ms(argv, runs)
        print(f"  {name:48} {med:7.0f}  ({lo:.0f}-{hi:.0f})")
    print("modules imported by `lkjip --help`:", ", ".join(help_imports()))


if __name__ == "__main__":
    main()
