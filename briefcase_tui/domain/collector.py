"""The garbage collector held off while large acyclic structures are made.

Reading a corpus or a pack, building an index or rendering a 50,000-entry export makes objects
by the hundred thousand, none of them garbage and none in a cycle: reference counting frees
whatever is dropped. With the collector on, each thousand new objects set off a collection
that walks them again, and the older generations walk all of them (it doubled the cost).
"""

from __future__ import annotations

import gc
from collections.abc import Generator
from contextlib import contextmanager


@contextmanager
def collector_paused(*, freeze: bool) -> Generator[None]:
    """Pause the garbage collector for the block, and turn it back on if it was on.

    With `freeze`, what the block made and kept is frozen afterwards (`gc.freeze`), so no
    later collection walks it either: for what lives as long as the process (a corpus, a
    pack that was read). Without it, for what is garbage once the block's result is out
    (an export's headings, facts and lines).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()
