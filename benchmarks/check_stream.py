"""Memory of `lkjip check` over many files: it streams, so the peak stays one file's worth.

Run: `python benchmarks/check_stream.py [N]` (N copies of data/2020.yaml, default 100).
Prints, side by side in one run, the peak resident memory (ru_maxrss of a fresh process) of:

- `lkjip check` over 1 file and over N files (`--format json` and text), which stream;
- the way `check` worked before it streamed: every file's `HasilBerkas` held until the end,
  rebuilt here in a process of its own from the same library calls;

and the ratios N files / 1 file. Streaming keeps the ratio near 1; holding grows with N.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "2020.yaml"

#: Runs a script in a fresh process and prints its own peak RSS (KiB) on the last line.
PENGUKUR = """
import resource, runpy, sys
sys.argv = sys.argv[1:]
try:
    runpy.run_path(sys.argv[0], run_name="__main__")
except SystemExit:
    pass
sys.stdout.flush()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""

CHECK = "from lkjip_cli.cli.app import main\nmain()\n"

#: The pre-streaming `check`: hold every file's result, print at the end.
MENAHAN = """
import sys
from lkjip_cli.audit import audit
from lkjip_cli.engine import hitung
from lkjip_cli.loader import load
from lkjip_cli.render.teks.temuan import HasilBerkas, to_json
results = []
for path in sys.argv[1:]:
    loaded = load(path)
    assert loaded.report is not None
    results.append(HasilBerkas(path, audit(hitung(loaded.report)), loaded.source,
                               loaded.report.aturan))
print(to_json(results))
"""


def puncak(script: str, *args: str) -> tuple[float, float]:
    """(peak RSS in MiB, wall seconds) of `script` run with `args` in a fresh process."""
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(script)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", PENGUKUR, handle.name, *args],
                          capture_output=True, text=True, check=False,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    elapsed = time.perf_counter() - start
    Path(handle.name).unlink()
    return int(proc.stderr.strip().splitlines()[-1]) / 1024, elapsed


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    tmp = Path(tempfile.mkdtemp())
    try:
        files = []
        for i in range(n):
            files.append(str(tmp / f"laporan-{i}.yaml"))
            shutil.copy(DATA, files[-1])
        rows = [
            ("check --format json (streams)", CHECK, ["check", "--format", "json"]),
            ("check, text (streams)", CHECK, ["check"]),
            ("held until the end (before)", MENAHAN, []),
        ]
        print(f"{'':34} {'1 file':>10} {f'{n} files':>10} {'ratio':>7} {'time':>7}")
        for label, script, args in rows:
            one, _ = puncak(script, *args, files[0])
            many, secs = puncak(script, *args, *files)
            print(f"{label:34} {one:8.1f}MB {many:8.1f}MB {many / one:7.2f} {secs:6.1f}s")
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
