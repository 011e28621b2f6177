"""Where each key and value of a YAML report stands in its file (`SourceMap`).

Why a module of its own: the reader (`source/yamlsource.py`) fills it once, and every later
stage asks it where a path stands, to put a diagnostic at its line and column: the semantic
checks, the terminal's findings, `explain`, the check over many files. It holds positions
compactly (two integer arrays indexed by node number, and per collection its children's
numbers) and resolves a path by walking from the root, so nothing is stored per path and an
aliased value shared many times costs nothing more. It knows nothing of YAML's syntax and
does not import yaml.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeAlias

from lkjip_cli.diagnostics import Path
from lkjip_cli.source.asal_sel import AsalSel


@dataclass(frozen=True, slots=True)
class Mark:
    """A 1-based position in the source file."""

    line: int
    column: int


#: The children of one collection node: key -> number of the key node (its value is the
#: next node, or an alias node) for a mapping, the numbers of the items for a sequence.
Anak: TypeAlias = "dict[str, int] | array[int]"


class SourceMap:
    """Where each key and value of the document stands in the file.

    Nodes are numbered in the order of the file; `baris` and `kolom` hold each node's
    1-based line and column, `anak` each collection's children, `alias` the node an alias
    node stands for. A path is resolved by walking from the root (node 0), so nothing is
    stored per path.
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.baris = array("i")
        self.kolom = array("i")
        self.anak: dict[int, Anak] = {}
        self.alias: dict[int, int] = {}
        self.values = _Tanda(self, kunci=False)
        self.keys = _Tanda(self, kunci=True)
        #: The workbook cells of a file `lkjip import` wrote (`source/asal_sel.py`).
        self.asal: AsalSel | None = None

    def _simpul(self, mark: Any) -> int:
        self.baris.append(int(mark.line) + 1)
        self.kolom.append(int(mark.column) + 1)
        return len(self.baris) - 1

    def _mark(self, node: int) -> Mark:
        return Mark(self.baris[node], self.kolom[node])

    def _jalan(self, path: Path) -> Iterator[tuple[int, int | None]]:
        """(value node, key node or None) of each prefix of `path` that exists, shortest first."""
        if not self.baris:
            return
        node: int = 0
        yield node, None
        for part in path:
            children = self.anak.get(self.alias.get(node, node))
            if isinstance(children, dict) and isinstance(part, str) and part in children:
                key = children[part]
                node = key + 1
                yield node, key
            elif isinstance(children, array) and isinstance(part, int) and \
                    0 <= part < len(children):
                node = children[part]
                yield node, None
            else:
                return

    def _lookup(self, path: Path) -> tuple[int, int | None, bool]:
        """The deepest node along `path`, its key node, and whether the whole path exists."""
        depth, node, key = -1, -1, None
        for depth, (node, key) in enumerate(self._jalan(path)):  # noqa: B007
            pass
        return node, key, depth == len(path)

    def value_mark(self, path: Path) -> Mark | None:
        """The position of the value at `path`, or of its nearest ancestor that has one."""
        node, _, _ = self._lookup(path)
        return self._mark(node) if node >= 0 else None

    def key_mark(self, path: Path) -> Mark | None:
        """The position of the key that names `path` (falling back to the value)."""
        _, key, whole = self._lookup(path)
        if whole and key is not None:
            return self._mark(key)
        return self.value_mark(path)


class _Tanda(Mapping[Path, Mark]):
    """`source.values[path]` / `source.keys[path]`: the exact position, no fallback."""

    def __init__(self, source: SourceMap, *, kunci: bool) -> None:
        self._source = source
        self._kunci = kunci

    def __getitem__(self, path: Path) -> Mark:
        node, key, whole = self._source._lookup(path)
        target = key if self._kunci else node
        if not whole or target is None or target < 0:
            raise KeyError(path)
        return self._source._mark(target)

    def __iter__(self) -> Iterator[Path]:
        stack: list[tuple[int, Path]] = [(0, ())] if self._source.baris else []
        while stack:
            node, path = stack.pop()
            if not self._kunci or (path and isinstance(path[-1], str)):
                yield path  # keys: only the values named by a mapping key have one
            children = self._source.anak.get(self._source.alias.get(node, node))
            if isinstance(children, dict):
                stack.extend((key + 1, (*path, k)) for k, key in children.items())
            elif children is not None:
                stack.extend((child, (*path, i)) for i, child in enumerate(children))

    def __len__(self) -> int:
        return sum(1 for _ in self)
