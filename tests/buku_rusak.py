"""Hostile and damaged workbooks, built in memory from a valid one (issue 18).

The tests of `lkjip import` (tests/test_impor_bermusuhan.py, tests/test_impor_fuzz.py) and
benchmarks/impor.py take the data-entry workbook of data/2020.yaml (or of
data/contoh-renja.yaml, for the cascade's sheets) and change its zip parts
and XML directly: a cell far down the sheet, tens of thousands of merged ranges, a sheet of
150 MB that zips to a few hundred kB, values Excel never writes (`NaN`, `INF`, a date that is
no date). Building them this way takes milliseconds where openpyxl would take minutes (a
cell at row 1,048,576 written through openpyxl creates every row above it); the large sheets
are streamed into the zip, never held whole in memory.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@cache
def buku_2020() -> bytes:
    """`lkjip export data/2020.yaml --to xlsx --data`, as bytes."""
    from lkjip_cli.buku.tulis import buku_data, simpan
    from lkjip_cli.loader import load

    result = load(ROOT / "data" / "2020.yaml")
    assert result.report is not None
    return simpan(buku_data(result.report))


@cache
def buku_renja() -> bytes:
    """`lkjip export data/contoh-renja.yaml --to xlsx --data`, as bytes: the workbook whose
    cascade sheets (issue 23) hold rows."""
    from lkjip_cli.buku.tulis import buku_data, simpan
    from lkjip_cli.loader import load

    result = load(ROOT / "data" / "contoh-renja.yaml")
    assert result.report is not None
    return simpan(buku_data(result.report))


def bagian(data: bytes) -> dict[str, bytes]:
    """Every part of a workbook, by name, in zip order."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {info.filename: z.read(info) for info in z.infolist()}


def susun(parts: dict[str, bytes], metode: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of `parts`, in their order."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", metode) as z:
        for name, isi in parts.items():
            z.writestr(name, isi)
    return out.getvalue()


def bagian_lembar(data: bytes, nama: str) -> str:
    """The part (`xl/worksheets/sheet7.xml`) that holds the sheet `nama`."""
    parts = bagian(data)
    wb = parts["xl/workbook.xml"].decode("utf-8")
    rid = re.search(rf'<sheet [^>]*name="{re.escape(nama)}"[^>]*r:id="([^"]+)"', wb)
    assert rid, nama
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    target = re.search(rf'<Relationship [^>]*Target="([^"]+)" Id="{rid[1]}"', rels)
    assert target, rid[1]
    return target[1].lstrip("/")


def ubah_bagian(data: bytes, part: str, ubah: Callable[[bytes], bytes | None]) -> bytes:
    """The workbook with one part changed (`None` removes it)."""
    parts = bagian(data)
    baru = ubah(parts[part])
    if baru is None:
        del parts[part]
    else:
        parts[part] = baru
    return susun(parts)


def ubah_lembar(data: bytes, nama: str, ubah: Callable[[str], str]) -> bytes:
    """The workbook with the XML text of sheet `nama` changed."""
    return ubah_bagian(data, bagian_lembar(data, nama),
                       lambda raw: ubah(raw.decode("utf-8")).encode("utf-8"))


def tambah_baris(xml: str, baris: str) -> str:
    """`baris` (`<row ...>...</row>`) added at the end of the sheet's data."""
    if "<sheetData/>" in xml:
        return xml.replace("<sheetData/>", f"<sheetData>{baris}</sheetData>")
    return xml.replace("</sheetData>", f"{baris}</sheetData>")


def dimensi(xml: str, ref: str | None) -> str:
    """The sheet's `<dimension>` set to `ref`, or removed (`None`)."""
    baru = "" if ref is None else f'<dimension ref="{ref}"/>'
    return re.sub(r"<dimension [^>]*/>", baru, xml, count=1)


def teks(ref: str, isi: str) -> str:
    """An inline-string cell."""
    return f'<c r="{ref}" t="inlineStr"><is><t>{isi}</t></is></c>'


def sel_jauh(data: bytes, nama: str = "Indikator", baris: int = 1_048_576,
             kolom: str = "A", ref_dimensi: bool = True) -> bytes:
    """One text cell far down (or right) of sheet `nama`, the dimension saying so as Excel
    and openpyxl write it (or, with `ref_dimensi=False`, left as it was)."""
    ref = f"{kolom}{baris}"

    def ubah(xml: str) -> str:
        xml = tambah_baris(xml, f'<row r="{baris}">{teks(ref, "jauh")}</row>')
        return dimensi(xml, f"A1:{ref}") if ref_dimensi else xml

    return ubah_lembar(data, nama, ubah)


def gabungan(data: bytes, n: int, nama: str = "Indikator") -> bytes:
    """`n` merged ranges (A2:B2, A3:B3, ...) in sheet `nama`."""
    rentang = "".join(f'<mergeCell ref="A{i}:B{i}"/>' for i in range(2, n + 2))
    blok = f'<mergeCells count="{n}">{rentang}</mergeCells>'
    return ubah_lembar(data, nama, lambda xml: xml.replace("</sheetData>",
                                                           f"</sheetData>{blok}", 1))


def _baris_dilaporkan(n: int) -> Iterator[bytes]:
    """`n` rows of the Dilaporkan sheet, one printed figure each, written without cell
    references (they are optional: each row and cell follows the previous one), so that the
    rows are identical and the sheet zips about 500:1."""
    sel = "".join(teks("", isi).replace(' r=""', "")
                  for isi in ("indikator", "IKU1", "", "capaian", "3.5"))
    baris = f"<row>{sel}<c><v>98.76</v></c></row>".encode("ascii")
    potong = baris * 2000
    for _ in range(n // 2000):
        yield potong
    yield baris * (n % 2000)


#: Bytes of one row written by `_baris_dilaporkan`.
PANJANG_BARIS = len(next(_baris_dilaporkan(1)))


def bom_lembar(data: bytes, mb: int = 150, nama: str = "Dilaporkan") -> bytes:
    """Sheet `nama` replaced by about `mb` MB of rows (it zips to about 1/500 of that),
    streamed into the zip: the issue's "150 MB of sheet XML" workbook."""
    part = bagian_lembar(data, nama)
    parts = bagian(data)
    asli = parts[part].decode("utf-8")
    kepala = asli[:asli.index("<sheetData>")] + "<sheetData>"
    kepala = dimensi(kepala, None)
    kepala += ("<row r=\"1\">" + teks("A1", "Bagian") + teks("B1", "Kode atau tahun")
               + teks("C1", "Triwulan") + teks("D1", "Besaran") + teks("E1", "Tempat")
               + teks("F1", "Nilai") + "</row>")
    ekor = "</sheetData></worksheet>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, isi in parts.items():
            if name != part:
                z.writestr(name, isi)
                continue
            with z.open(name, "w", force_zip64=True) as w:
                w.write(kepala.encode("utf-8"))
                for potong in _baris_dilaporkan(mb * 1_000_000 // PANJANG_BARIS):
                    w.write(potong)
                w.write(ekor.encode("ascii"))
    return out.getvalue()


def bom_nol(data: bytes, mb: int, part: str = "xl/media/kosong.bin") -> bytes:
    """The workbook with one more part of `mb` MB of zero bytes (zips about 1000:1)."""
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as z, \
            z.open(part, "w", force_zip64=True) as w:
        nol = bytes(1 << 20)
        for _ in range(mb):
            w.write(nol)
    return out.getvalue()


def ukuran_palsu(data: bytes, part: str, ukuran: int) -> bytes:
    """The zip with `part`'s uncompressed size in its central directory (and local header)
    replaced by `ukuran`: a zip that lies about how much a part expands to."""
    raw = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo(part)
    nama = part.encode("utf-8")
    # central directory entry: signature, then 20 bytes to the sizes (compressed, then
    # uncompressed at +24), and the name at +46
    for m in re.finditer(re.escape(b"PK\x01\x02"), raw):
        awal = m.start()
        panjang = int.from_bytes(raw[awal + 28:awal + 30], "little")
        if bytes(raw[awal + 46:awal + 46 + panjang]) == nama:
            raw[awal + 24:awal + 28] = ukuran.to_bytes(4, "little")
    lokal = info.header_offset
    raw[lokal + 22:lokal + 26] = ukuran.to_bytes(4, "little")
    return bytes(raw)


def gaya_tanggal(data: bytes) -> tuple[bytes, int]:
    """The workbook with one more cell style, formatted as a date (built-in format 14);
    returns the workbook and the new style's index."""
    parts = bagian(data)
    xml = parts["xl/styles.xml"].decode("utf-8")
    m = re.search(r'<cellXfs count="(\d+)">', xml)
    assert m
    n = int(m[1])
    xml = xml.replace(m[0], f'<cellXfs count="{n + 1}">', 1)
    xml = xml.replace("</cellXfs>", '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" '
                      'applyNumberFormat="1" xfId="0"/></cellXfs>', 1)
    parts["xl/styles.xml"] = xml.encode("utf-8")
    return susun(parts), n


def ganti_sel(xml: str, ref: str, sel: str) -> str:
    """The cell `ref` replaced by the XML `sel` (added to its row when it is empty)."""
    pola = re.compile(rf'<c r="{ref}"(?:[^>]*/>|[^>]*>.*?</c>)', re.DOTALL)
    if pola.search(xml):
        return pola.sub(lambda _: sel, xml, count=1)
    baris = re.sub(r"[A-Z]+", "", ref)
    # cells of a row must stay in column order: an empty cell is appended at the row's end,
    # which holds for the last column of a row (the tests pick those)
    pola_baris = re.compile(rf'(<row r="{baris}"[^>]*>)(.*?)(</row>)', re.DOTALL)
    assert pola_baris.search(xml), ref
    return pola_baris.sub(lambda m: m[1] + m[2] + sel + m[3], xml, count=1)
