"""An indicator whose realisasi (and target) is derived from named inputs: by a formula, or a
built-in.

Many percentages a report prints are counts behind the scenes (cases settled on time / cases
received x 100), and the Indeks Kepuasan Masyarakat is computed from its service elements'
scores (PermenPAN-RB 14/2017). Holding only the final figure lets a wrong division or a
wrong weight pass unseen; holding the inputs and the rule lets lkjip compute the figure,
`explain` show its inputs and `check` audit what the report printed of each. The formula is
read by the one safe expression language (`ekspresi.py`) when the file is validated.

A target may be derived the same way (`target`: a ratio of planned counts, the PAD target
over the revenue target). An input then carries a value for each side (`{target: 50,
realisasi: 42}`); a plain number stays what it always was, a realisasi value, so files
written before keep their meaning, and a target formula naming an input that has no target
value is refused rather than read as the realisasi's.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from lkjip_cli.model.dasar import Model
from lkjip_cli.model.ekspresi import GalatRumus, Rumus, periksa_nama, urai
from lkjip_cli.model.types import Angka, AngkaPositif, Dicetak, DicetakTeks

#: A name a formula can use: lower case, digits and `_`, starting with a letter.
NamaMasukan = Annotated[str, StringConstraints(pattern=r"^[a-z_][a-z0-9_]{0,63}$")]

#: The built-in indices (engine/ikm.py holds each one's rule, source and bands).
MetodeBawaan = Literal["ikm-permenpan-rb-14-2017", "ikm-kepmenpan-25-2004"]


def galat_rumus(teks: str, exc: GalatRumus) -> PydanticCustomError:
    """A formula's error as a positioned validation error: the column inside the formula,
    and the formula with a caret under it."""
    caret = " " * (exc.kolom - 1) + "^"
    return PydanticCustomError(
        "rumus", "rumus tidak dapat dibaca (kolom {kolom} dalam rumus): {pesan}\n  "
        "{teks}\n  {caret}", {"kolom": exc.kolom, "pesan": exc.pesan, "teks": teks, "caret": caret})


def _rumus_sah(teks: str) -> str:
    try:
        urai(teks)
    except GalatRumus as exc:
        raise galat_rumus(teks, exc) from None
    return teks


#: A formula in the safe language; its syntax is checked when the file is validated.
TeksRumus = Annotated[str, AfterValidator(_rumus_sah)]


class MasukanGanda(Model):
    """An input with a value for each side: the target formula reads `target`, the
    realisasi formula `realisasi` (null: no data; the figure is then not computable)."""

    target: Angka | None = Field(default=None, description="The input's planned value")
    realisasi: Angka | None = Field(default=None, description="The input's actual value")


def _jenis_masukan(value: Any) -> str:
    return "ganda" if isinstance(value, dict | MasukanGanda) else "angka"


#: One input: a number (the realisasi's, as before target formulas existed), or both sides.
IsianMasukan = Annotated[
    Annotated[MasukanGanda, Tag("ganda")] | Annotated[Angka, Tag("angka")],
    Discriminator(_jenis_masukan),
]


def nilai_sisi(isian: MasukanGanda | Decimal | None, sisi: str) -> Decimal | None:
    """An input's value for `sisi` ("target" or "realisasi"): a plain number is a
    realisasi value only."""
    if isinstance(isian, MasukanGanda):
        return isian.target if sisi == "target" else isian.realisasi
    return isian if sisi == "realisasi" else None


def punya_target(isian: MasukanGanda | Decimal | None) -> bool:
    """Whether an input declares a target value (`target:` written, even as null)."""
    return isinstance(isian, MasukanGanda) and "target" in isian.model_fields_set


class DilaporkanHitung(Model):
    """What a report printed of a derived indicator's inputs and intermediate figures."""

    masukan: dict[NamaMasukan, Dicetak] = Field(
        default={}, description="Printed inputs (counts), by input name")
    masukan_target: dict[NamaMasukan, Dicetak] = Field(
        default={}, description="Printed target values of the inputs, by input name")
    nrr: dict[NamaMasukan, Dicetak] = Field(
        default={}, description="IKM: printed nilai rata-rata (NRR) per unsur")
    nrr_tertimbang: dict[NamaMasukan, Dicetak] = Field(
        default={}, description="IKM: printed NRR tertimbang (NRR x bobot) per unsur")
    nilai_indeks: Dicetak = Field(
        default={}, description="IKM: the printed index on the 1-4 scale, before x 25")
    mutu: DicetakTeks = Field(default={}, description="IKM: printed mutu pelayanan (A-D)")
    kinerja: DicetakTeks = Field(
        default={}, description="IKM: printed kinerja unit pelayanan (Sangat Baik ...)")


class HitungIndikator(Model):
    """How an indicator's realisasi is derived: `realisasi` (a formula over `masukan`) or
    `bawaan` (a built-in index over `masukan`, one per unsur); and, optionally, its target
    (`target`, a formula over the inputs' target values)."""

    masukan: dict[NamaMasukan, IsianMasukan | None] = Field(
        min_length=1, description="Named inputs: a number (the realisasi's value), or "
        "{target: ..., realisasi: ...} for an input the target formula reads too; null "
        "when there is no data")
    realisasi: TeksRumus | None = Field(
        default=None, description="Formula over the inputs: numbers, names, + - * / and "
        "parentheses (`diselesaikan / diterima * 100`)")
    target: TeksRumus | None = Field(
        default=None, description="Formula for the target over the inputs' target values "
        "(each named input written {target: ..., realisasi: ...}); the indicator's "
        "`target` is then left out")
    bawaan: MetodeBawaan | None = Field(
        default=None, description="A built-in index; the inputs are its unsur")
    responden: AngkaPositif | dict[NamaMasukan, AngkaPositif] | None = Field(
        default=None, description="IKM: with it, the inputs are each unsur's total score "
        "and NRR = total / responden (one number, or per unsur: the questionnaires that "
        "answered it); without it, the inputs are the NRR")
    dilaporkan: DilaporkanHitung = DilaporkanHitung()

    @field_validator("realisasi", "target")
    @classmethod
    def _nama_dikenal(cls, teks: str | None, info: ValidationInfo) -> str | None:
        masukan = info.data.get("masukan")
        if teks is None or masukan is None:
            return teks
        try:
            rumus = urai(teks)
            periksa_nama(rumus, masukan)
            if info.field_name == "target":
                _periksa_target(rumus, masukan)
        except GalatRumus as exc:
            raise galat_rumus(teks, exc) from None
        return teks

    def nilai(self, sisi: str) -> dict[str, Decimal | None]:
        """Every input's value for `sisi` ("target" or "realisasi")."""
        return {nama: nilai_sisi(v, sisi) for nama, v in self.masukan.items()}

    @model_validator(mode="after")
    def _satu_cara(self) -> HitungIndikator:
        if (self.bawaan is None) == (self.realisasi is None):
            raise PydanticCustomError(
                "rumus", "isi tepat satu dari `realisasi` (rumus) atau `bawaan` (misalnya "
                "ikm-permenpan-rb-14-2017)")
        if self.target is not None and self.bawaan is not None:
            raise PydanticCustomError(
                "rumus", "`target` (rumus) hanya untuk realisasi dari rumus; target indeks "
                "bawaan ditulis di `target` indikator")
        if self.bawaan is not None and any(isinstance(v, MasukanGanda)
                                           for v in self.masukan.values()):
            raise PydanticCustomError(
                "rumus", "masukan indeks bawaan adalah nilai unsur: tulis angka, bukan "
                "{target: ..., realisasi: ...}")
        if self.responden is not None and self.bawaan is None:
            raise PydanticCustomError(
                "rumus", "`responden` hanya untuk indeks bawaan (IKM); pada rumus, tulis "
                "jumlah responden sebagai masukan")
        if isinstance(self.responden, dict) and set(self.responden) != set(self.masukan):
            beda = sorted(set(self.responden) ^ set(self.masukan))
            raise PydanticCustomError(
                "rumus", "`responden` per unsur harus menyebut unsur yang sama dengan "
                "`masukan`; berbeda: {beda}", {"beda": ", ".join(beda)})
        return self


def _periksa_target(rumus: Rumus, masukan: dict[str, Any]) -> None:
    """Refuse a name in the target formula whose input gives no target value, at its
    column: a plain number is the realisasi's value, never silently the target's."""
    for t in rumus.token:
        if t.jenis == "nama" and not punya_target(masukan.get(t.teks)):
            raise GalatRumus(f"masukan `{t.teks}` tidak punya nilai target: tulis "
                             f"`{t.teks}: {{target: ..., realisasi: ...}}`", t.kolom)
