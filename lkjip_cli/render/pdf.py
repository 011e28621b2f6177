"""The Word document as PDF, through LibreOffice: offices publish the PDF.

Why LibreOffice and not a PDF library: the PDF must be the Word document as a reader sees
it, pages, fields and all, and only a word processor lays a DOCX out. LibreOffice runs
headless, computes the SEQ and PAGE fields at layout, but prints a TOC field's stored result
as it is (its bug tdf#44448), so the Daftar Isi, Tabel and Gambar would lack their page
numbers. When a Python that can `import uno` is at hand (LibreOffice's own, or Debian's
python3 with python3-uno), a short script loads the document in LibreOffice, updates every
index twice (the lists' own length moves the roman page numbers), refreshes the fields and
exports the PDF; otherwise, or when that script fails, the plain `--convert-to pdf` runs.

Every run has its own LibreOffice profile in a temporary directory (a second soffice would
otherwise hand the job to a running one, or stop on the profile's lock), runs in its own
process group with a time limit, and is killed with its children when it overruns. The
output's name is LibreOffice's to choose, so the conversion writes into the temporary
directory and lkjip reads the bytes back; the command writes them under its file policy.
Nothing here imports python-docx: the input is the DOCX's bytes.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

#: Where LibreOffice lives when it is not on PATH (macOS, Windows).
SOFFICE_LAIN = (
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)

#: The one line printed when LibreOffice is missing.
TANPA_LIBREOFFICE = (
    "Tidak dapat menulis PDF: LibreOffice (soffice) tidak ditemukan. Pasang dengan "
    "`sudo apt-get install libreoffice-writer-nogui` (Debian/Ubuntu) atau dari "
    "https://www.libreoffice.org/download/, lalu ulangi; `--to docx` tidak memerlukannya.")

#: Seconds a conversion may take (a 20-page report takes about 2 s).
BATAS_DETIK = 180

#: Run by a Python that has LibreOffice's `uno`: argv soffice, input, output, profile URL.
SKRIP_UNO = r'''
import os, subprocess, sys, time
import uno
from com.sun.star.beans import PropertyValue

def pv(n, v):
    p = PropertyValue(); p.Name, p.Value = n, v; return p

soffice, src, out, profil = sys.argv[1:5]
pipa = "lkjip%d" % os.getpid()
proc = subprocess.Popen([soffice, "-env:UserInstallation=" + profil, "--headless",
                         "--invisible", "--norestore", "--nologo",
                         "--accept=pipe,name=%s;urp;" % pipa],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    lokal = uno.getComponentContext()
    resolver = lokal.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", lokal)
    ctx = None
    for _ in range(300):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipa)
            break
        except Exception:
            if proc.poll() is not None:
                break
            time.sleep(0.2)
    if ctx is None:
        sys.exit("LibreOffice tidak dapat dihubungi")
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0,
                                       (pv("Hidden", True),))
    for _ in range(2):
        daftar = doc.getDocumentIndexes()
        for i in range(daftar.getCount()):
            daftar.getByIndex(i).update()
    doc.getTextFields().refresh()
    doc.storeToURL(uno.systemPathToFileUrl(out), (pv("FilterName", "writer_pdf_Export"),))
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
finally:
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
'''


class GalatPdf(ValueError):
    """LibreOffice did not make the PDF: one line for the user."""


def cari_soffice() -> str | None:
    """LibreOffice's program, on PATH or where its installers put it; None when absent."""
    for nama in ("soffice", "libreoffice"):
        if found := shutil.which(nama):
            return found
    return next((p for p in SOFFICE_LAIN if Path(p).is_file()), None)


def python_uno(soffice: str) -> str | None:
    """A Python that can `import uno`: LibreOffice's own beside its program, or the
    system's (Debian's python3-uno)."""
    program = Path(soffice).resolve().parent
    calon = [program / "python", program / "python.exe", Path("/usr/bin/python3")]
    for py in calon:
        if py.is_file() and _jalan([str(py), "-c", "import uno"], 30, diam=True) == 0:
            return str(py)
    return None


def docx_ke_pdf(isi: bytes, soffice: str, *, batas: int = BATAS_DETIK) -> bytes:
    """The PDF of a DOCX, its lists updated when LibreOffice's Python is at hand."""
    with tempfile.TemporaryDirectory(prefix="lkjip-pdf-") as tmp:
        d = Path(tmp)
        src, out = d / "laporan.docx", d / "laporan.pdf"
        src.write_bytes(isi)
        profil = (d / "profil").as_uri()
        py = python_uno(soffice)
        if py is not None:
            _jalan([py, "-c", SKRIP_UNO, soffice, str(src), str(out), profil], batas)
        if not _ada(out):  # no uno, or the script failed: the plain conversion
            kode = _jalan([soffice, f"-env:UserInstallation={profil}", "--headless",
                           "--norestore", "--convert-to", "pdf", "--outdir", str(d),
                           str(src)], batas)
            if not _ada(out):
                raise GalatPdf(f"Tidak dapat menulis PDF: LibreOffice ({soffice}) berhenti "
                               f"tanpa menulis PDF (kode keluar {kode}). Pastikan "
                               "komponen Writer-nya terpasang (Debian/Ubuntu: paket "
                               "libreoffice-writer-nogui).")
        return out.read_bytes()


def _ada(path: Path) -> bool:
    return path.is_file() and path.stat().st_size > 0


def _jalan(cmd: list[str], batas: int, *, diam: bool = False) -> int:
    """Run `cmd` in its own process group; kill the group when it overruns `batas`."""
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError as exc:
        if diam:
            return -1
        raise GalatPdf(f"Tidak dapat menjalankan LibreOffice ({cmd[0]}): "
                       f"{exc.strerror or exc}.") from None
    try:
        return proc.wait(timeout=batas)
    except subprocess.TimeoutExpired:
        _bunuh(proc)
        if diam:
            return -1
        raise GalatPdf(f"Tidak dapat menulis PDF: LibreOffice tidak selesai dalam {batas} "
                       "detik.") from None


def _bunuh(proc: subprocess.Popen[bytes]) -> None:
    if hasattr(os, "killpg"):
        with contextlib.suppress(OSError):
            os.killpg(proc.pid, signal.SIGKILL)
    else:
        proc.kill()
    proc.wait()
