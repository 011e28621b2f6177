"""Pausing Python's cyclic garbage collector while a report is built.

Loading and computing a report allocates hundreds of thousands of small, long-lived objects
(dicts and lists from the YAML, pydantic models, `Nilai` records) and no reference cycles:
aliases are shared, never cyclic (recursive ones are refused), and models are trees. The
collector's full collections walk every live object, and they come more often as the heap
grows, so with it running the load and the engine grow faster than the file (exponent about
1.2-1.8 from N = 100 to 1,000 in benchmarks/scale.py, about 0.8-0.9 with it paused). Reference
counting still frees everything as usual; only the cycle search waits until the block ends.

The rest of a command (the audit, the table models, rich and Jinja2 rendering) allocates as
much again, also with few cycles, so a process running one command (`untuk_perintah`, from
the CLI's entry point) keeps what it imported out of every collection (`gc.freeze`) and
collects less often. Measured in one process at 1,000 indicators (2021+ shape, CPU time):
`compute` 2.41 -> 1.89 s, `render` 3.60 -> 2.68 s, `check` 1.96 -> 1.44 s, peak memory the
same; with the collector off for the whole command the gain is only a few percent more, and
a long `rekap` or a template that makes cycles would then never have them collected.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: Collection thresholds for a command: a young collection every 100,000 allocations (Python's
#: default: 700), and older generations after 50 and 100 of the younger ones.
AMBANG_PERINTAH = (100_000, 50, 100)


def untuk_perintah() -> None:
    """Set the collector up for a process that runs one command (see the module docstring).

    Only for a process of its own: frozen objects are never collected, so a program that
    calls lkjip many times in one process (the tests, a server) does not call this."""
    gc.freeze()
    gc.set_threshold(*AMBANG_PERINTAH)


@contextmanager
def tanpa_gc() -> Iterator[None]:
    """Pause the cyclic collector for the block (nested use is fine), then restore it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
