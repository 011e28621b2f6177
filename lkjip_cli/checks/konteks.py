"""What every semantic check shares, and what a check is.

A check is a function of one `Konteks`: the document, its source map, the diagnostics found
so far and the walks over the report's parts (sasaran, indikator, kegiatan and the budget
tree below them). The checks add to one list in the order they run, so the order of the
diagnostics is the order `semantik.PEMERIKSAAN` declares.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lkjip_cli.checks.dokumen import Doc, items
from lkjip_cli.diagnostics import Diagnostic, Path, Severity, format_path
from lkjip_cli.source.yamlsource import SourceMap


class Konteks:
    """What every check shares: the document, its source map, the diagnostics found so far
    (in the order the checks found them) and the walks over the report's parts."""

    def __init__(self, data: Doc, source: SourceMap) -> None:
        self.data = data
        self.source = source
        self.found: list[Diagnostic] = []

    def add(self, path: Path, code: str, message: str, severity: Severity = Severity.ERROR,
            mark_at: Path | None = None) -> None:
        mark = self.source.value_mark(path if mark_at is None else mark_at)
        self.found.append(
            Diagnostic(
                file=self.source.file,
                line=mark.line if mark else None,
                column=mark.column if mark else None,
                severity=severity,
                code=code,
                message=message,
                path=format_path(path),
            )
        )

    # ------------------------------------------------------------------ walking

    def sasaran(self) -> Iterator[tuple[Path, Doc]]:
        for i, sas in items(self.data, "sasaran"):
            yield ("sasaran", i), sas

    def indikator(self) -> Iterator[tuple[Path, Doc]]:
        for base, sas in self.sasaran():
            for j, ind in items(sas, "indikator"):
                yield (*base, "indikator", j), ind

    def kegiatan(self) -> Iterator[tuple[Path, Doc]]:
        for i, prog in items(self.data, "program"):
            for j, keg in items(prog, "kegiatan"):
                yield ("program", i, "kegiatan", j), keg

    def rincian(self) -> Iterator[tuple[Path, Doc]]:
        """Every node below kegiatan (sub kegiatan, KRO, RO), top-down."""
        for base, keg in self.kegiatan():
            yield from _rincian(keg, base)

    def simpul(self) -> Iterator[tuple[Path, Doc, int]]:
        """Every node of the budget tree with its level (0 program, 1 kegiatan, 2 and on
        rincian), top-down: a program, then its kegiatan each followed by its rincian."""
        for i, prog in items(self.data, "program"):
            yield ("program", i), prog, 0
            for j, keg in items(prog, "kegiatan"):
                base: Path = ("program", i, "kegiatan", j)
                yield base, keg, 1
                for path, node in _rincian(keg, base):
                    yield path, node, 1 + sum(1 for p in path[len(base):] if p == "rincian")

    def indikator_simpul(self) -> Iterator[tuple[Path, Doc, int]]:
        """The indicators of every node of the budget tree (issue 23's cascade), with the
        node's level, in the order of `simpul`."""
        for base, node, tingkat in self.simpul():
            for k, ik in items(node, "indikator"):
                yield (*base, "indikator", k), ik, tingkat

    def daun(self) -> Iterator[tuple[Path, Doc]]:
        """The leaves of the budget tree, where pagu and realisasi are typed."""
        for base, node in (*self.kegiatan(), *self.rincian()):
            if not node.get("rincian"):
                yield base, node


#: How deep `rincian` may nest below kegiatan: K/L's KRO and RO need two, a region's sub
#: kegiatan one; deeper files are refused before anything walks them recursively.
MAKS_RINCIAN = 8


def _rincian(node: Doc, base: Path) -> Iterator[tuple[Path, Doc]]:
    """The nodes below `node`, top-down, without recursion and no deeper than
    `MAKS_RINCIAN` (a deeper node is yielded, its children are not)."""
    stack = [((*base, "rincian", n), child, 1)
             for n, child in reversed(list(items(node, "rincian")))]
    while stack:
        path, child, depth = stack.pop()
        yield path, child
        if depth <= MAKS_RINCIAN:
            stack += [((*path, "rincian", n), grandchild, depth + 1)
                      for n, grandchild in reversed(list(items(child, "rincian")))]


#: A check reads the document through the context and adds what it finds to it.
Pemeriksaan = Callable[[Konteks], None]
