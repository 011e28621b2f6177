"""Many files on every core: results in input order, whatever order the workers finish in,
and the same as one process gives."""

from __future__ import annotations

import shutil
from pathlib import Path

from lkjip_cli.banyak.paralel import peta_urut, ukuran_chunk
from lkjip_cli.banyak.periksa import periksa_semua

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "2020.yaml"


def _lambat_dulu(i: int) -> int:
    # The first items take longest, so a pool would finish them last.
    import time

    time.sleep(0.02 if i < 4 else 0)
    return i * i


def test_order_is_the_input_order_not_the_finishing_order() -> None:
    assert list(peta_urut(_lambat_dulu, list(range(40)), 2)) == [i * i for i in range(40)]


def test_chunks_give_every_process_work() -> None:
    assert ukuran_chunk(10, 2) == 1  # 10 // 8
    assert ukuran_chunk(10_000, 2) == 16  # at most 16
    assert ukuran_chunk(100, 2) == 12  # 100 // 8


def test_check_in_parallel_equals_check_in_one_process(tmp_path: Path) -> None:
    files = []
    for i in range(9):
        shutil.copy(DATA, tmp_path / f"{i}.yaml")
        files.append(str(tmp_path / f"{i}.yaml"))
    (tmp_path / "4.yaml").write_text("tahun: 2020\n", encoding="utf-8")  # invalid
    serial = list(periksa_semua(files, proses=1))
    parallel = list(periksa_semua(files, proses=2))
    assert [d.berkas for d in parallel] == files
    assert [d.audit is None for d in parallel] == [i == 4 for i in range(9)]
    assert [(d.audit and d.audit.ringkasan, d.diagnostik) for d in parallel] == \
        [(d.audit and d.audit.ringkasan, d.diagnostik) for d in serial]
    # Only the positions the findings point at cross between processes, and they agree.
    first = parallel[0]
    assert first.audit is not None
    assert all(first.source.value_mark(t.path) == serial[0].source.value_mark(t.path)
               for t in first.audit.temuan)
