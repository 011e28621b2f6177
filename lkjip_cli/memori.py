"""Pausing Python's cyclic garbage collector while a report is built.

Loading and computing a report allocates hundreds of thousands of small, long-lived objects
(dicts and lists from the YAML, pydantic models, `Nilai` records) and no reference cycles:
aliases are shared, never cyclic (recursive ones are refused), and models are trees. The
collector's full collections walk every live object, and they come more often as the heap
grows, so with it running the load and the engine grow faster than the file (exponent about
1.2-1.8 from N = 100 to 1,000 in benchmarks/scale.py, about 0.8-0.9 with it paused). Reference
counting still frees everything as usual; only the cycle search waits until the block ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


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
