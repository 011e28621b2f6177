"""The engine is pure: computing a report imports neither typer, rich nor jinja2."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "2020.yaml"

SCRIPT = textwrap.dedent(
    """\
    import sys
    from lkjip_cli.engine import hitung
    from lkjip_cli.loader import load

    result = load(sys.argv[1])
    assert result.report is not None
    h = hitung(result.report)
    print("indikator", len(h.indikator))
    for name in ("typer", "rich", "jinja2"):
        loaded = name in sys.modules or any(m.startswith(name + ".") for m in sys.modules)
        print(name, loaded)
    """
)


def test_engine_imports_no_presentation_library() -> None:
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(DATA)], capture_output=True,
                         text=True, check=True, timeout=120)
    lines = out.stdout.splitlines()
    # the computation really ran (4 IKUs in data/2020.yaml) before the modules were listed
    assert lines[0] == "indikator 4"
    assert lines[1:] == ["typer False", "rich False", "jinja2 False"]
