"""The pure engine: every figure of Bab III from a validated report, with provenance.

No I/O, and never an import of typer, rich or jinja2 (a test checks `sys.modules`). Other
rooms reach `hitung` and the names below through `lkjip_cli.engine`, and the result's types
through `lkjip_cli.engine.hasil` and `lkjip_cli.engine.nilai`. Inside, one module per concern
(indicators, sasaran, averages, efficiency, the budget tree and its levels, spending, SAKIP),
assembled by `hitung.py`; docs/arsitektur.md lists them and their order.
"""

from lkjip_cli.engine.bandingkan import AngkaMetode, angka_dengan, hitung_dengan
from lkjip_cli.engine.efisiensi import METODE_EFISIENSI, RUMUS_EFISIENSI, TURUNAN_EFISIENSI
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.engine.hitung import hitung
from lkjip_cli.engine.ikm import METODE_IKM
from lkjip_cli.engine.rata_rata import METODE_RATA_RATA
from lkjip_cli.engine.turunan import ATURAN_TARGET_TURUNAN, ATURAN_TURUNAN

__all__ = ["ATURAN_TARGET_TURUNAN", "ATURAN_TURUNAN", "METODE_EFISIENSI", "METODE_IKM",
           "METODE_RATA_RATA", "RUMUS_EFISIENSI", "TURUNAN_EFISIENSI", "AngkaMetode", "Hasil",
           "angka_dengan", "hitung", "hitung_dengan"]
