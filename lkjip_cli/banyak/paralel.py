"""One function applied to many files on every core, with results in input order.

Why this shape: `lkjip rekap` and `lkjip check` read hundreds or thousands of independent
files, and each costs milliseconds of pure-Python CPU, so threads gain nothing (the GIL) and
processes gain almost a core each. `Pool.imap` hands results back in the order of the input,
whatever order the workers finish in, so the output of a run never depends on scheduling;
chunks amortise the cost of sending work to a process. Results stream: the caller consumes
each as it arrives and need not hold them all. Small batches stay in this process, where
starting workers would cost more than they save.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

A = TypeVar("A")
B = TypeVar("B")

#: Below this many items the work stays in the calling process.
MIN_PARALEL = 8
#: Most items sent to a worker at once; smaller chunks when there are few items, so that
#: every core gets work.
CHUNK_MAKS = 16


def banyak_inti() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def ukuran_chunk(n: int, proses: int) -> int:
    """Items per chunk: about four chunks per process, at most `CHUNK_MAKS`."""
    return max(1, min(CHUNK_MAKS, n // (proses * 4) or 1))


def peta_urut(fungsi: Callable[[A], B], items: Sequence[A],
              proses: int | None = None) -> Iterator[B]:
    """`fungsi(item)` for every item, yielded in input order, on `proses` processes.

    `proses=None` uses every core; 1, or fewer than `MIN_PARALEL` items, runs here.
    `fungsi` must be a module-level function (it is sent to the workers by name).
    """
    jumlah = banyak_inti() if proses is None else max(1, proses)
    jumlah = min(jumlah, len(items))
    if jumlah <= 1 or len(items) < MIN_PARALEL:
        yield from map(fungsi, items)
        return
    ctx = multiprocessing.get_context("fork" if "fork" in
                                      multiprocessing.get_all_start_methods() else None)
    with ctx.Pool(jumlah) as pool:
        yield from pool.imap(fungsi, items, chunksize=ukuran_chunk(len(items), jumlah))

