"""Field types shared by the report models: exact numbers, rupiah, codes, printed locations.

`Angka` is the one way a figure enters a model. It takes a Decimal (what the YAML loader
builds from the text of a number), an int, or an Indonesian-formatted string, and refuses a
float from any path: a float has already lost the digits the report printed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from lkjip_cli.source.numbers import NumberError, check_magnitude, parse_number


def to_decimal(value: Any) -> Decimal:
    """Accept exact inputs only; every refusal carries a code the diagnostics keep."""
    if isinstance(value, bool):
        raise PydanticCustomError("number-type", "harus berupa angka, ditemukan true/false")
    if isinstance(value, float):
        raise PydanticCustomError(
            "number-float",
            "bilangan float biner tidak dapat menyimpan angka laporan dengan tepat; berikan "
            "angkanya sebagai teks atau sebagai angka YAML yang dibaca pemuat lkjip",
        )
    try:
        if isinstance(value, Decimal):
            return check_magnitude(value, original=str(value))
        if isinstance(value, int):
            return check_magnitude(Decimal(value), original=str(value))
        if isinstance(value, str):
            return parse_number(value)
    except NumberError as exc:
        raise PydanticCustomError(exc.code, exc.message) from None
    raise PydanticCustomError(
        "number-type", "harus berupa angka, ditemukan {kind}{hint}",
        {"kind": _kind(value), "hint": "; target rentang ditulis {min: ..., maks: ...}, bukan "
                                       "[..]" if isinstance(value, list) else ""}
    )


def _kind(value: Any) -> str:
    if value is None:
        return "kosong (null)"
    if isinstance(value, dict):
        return "sebuah pemetaan"
    if isinstance(value, list):
        return "sebuah daftar"
    return type(value).__name__


def _rupiah(value: Decimal) -> Decimal:
    if value < 0:
        raise PydanticCustomError("negative", "anggaran tidak boleh negatif, ditemukan {value}",
                                  {"value": str(value)})
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise PydanticCustomError(
            "number-ambiguous",
            "jumlah rupiah paling banyak punya dua angka desimal, ditemukan {value}; bagi "
            "YAML 900.000 tanpa tanda kutip adalah sembilan ratus: tulis 900000, atau beri "
            "tanda kutip \"900.000\"",
            {"value": str(value)},
        )
    return value


def to_int(value: Any) -> int:
    """Whole numbers (years, counts, places): refuse booleans and fractions."""
    if isinstance(value, bool | float):
        raise PydanticCustomError("number-type", "harus berupa bilangan bulat, ditemukan {value!r}",
                                  {"value": value})
    if isinstance(value, Decimal | str):
        try:
            number = to_decimal(value)
        except PydanticCustomError as exc:
            if exc.type == "number-digit":
                raise
            raise PydanticCustomError("int_parsing", "harus berupa bilangan bulat") from None
        if number != number.to_integral_value():
            raise PydanticCustomError("number-type",
                                      "harus berupa bilangan bulat, ditemukan {value}",
                                      {"value": str(value)})
        return int(number)
    if isinstance(value, int):
        return value
    raise PydanticCustomError("number-type", "harus berupa bilangan bulat, ditemukan {kind}",
                              {"kind": _kind(value)})


_NUMBER_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "number"},
        {
            "type": "string",
            "description": (
                "Indonesian-formatted number: 22.984.963.000, Rp1.368.120.592,-, 91,79, 97,3%"
            ),
        },
    ]
}

#: Any figure: a Decimal built from text.
Angka = Annotated[Decimal, BeforeValidator(to_decimal), WithJsonSchema(_NUMBER_SCHEMA)]

#: A rupiah amount; never negative.
Rupiah = Annotated[
    Decimal,
    BeforeValidator(to_decimal),
    AfterValidator(_rupiah),
    WithJsonSchema(_NUMBER_SCHEMA | {"description": "Rupiah, not negative"}),
]

#: A whole number: a year, a count, a number of places.
Bulat = Annotated[int, BeforeValidator(to_int)]

#: The years a report can speak of: from the Republic's first year to far past any Renstra.
TAHUN_MIN = 1945
TAHUN_MAKS = 2200


def _tahun(value: int) -> int:
    if not TAHUN_MIN <= value <= TAHUN_MAKS:
        raise PydanticCustomError(
            "number-range",
            "tahun {value} di luar rentang {min}-{maks}; tulis tahun dengan empat angka, "
            "misalnya 2019",
            {"value": value, "min": TAHUN_MIN, "maks": TAHUN_MAKS})
    return value


#: A year used as a key (`realisasi_sebelumnya`, `target_renstra`), within TAHUN_MIN..MAKS.
Tahun = Annotated[int, BeforeValidator(to_int), AfterValidator(_tahun)]


def _positif(value: Decimal) -> Decimal:
    if value <= 0:
        raise PydanticCustomError(
            "number-range", "nilai ini harus lebih dari 0, tertulis {value}; tulis angka "
            "positif",
            {"value": str(value)})
    return value


def _tidak_negatif(value: Decimal) -> Decimal:
    if value < 0:
        raise PydanticCustomError(
            "number-range", "nilai ini tidak boleh negatif, tertulis {value}; tulis 0 atau "
            "angka positif", {"value": str(value)})
    return value


#: A figure that must be above 0 (a weight, a cap).
AngkaPositif = Annotated[
    Decimal,
    BeforeValidator(to_decimal),
    AfterValidator(_positif),
    WithJsonSchema({"anyOf": [{"type": "number", "exclusiveMinimum": 0},
                              _NUMBER_SCHEMA["anyOf"][1]],
                    "description": "Lebih dari 0"}),
]

#: A figure that cannot be below 0 (a score, a floor).
AngkaTakNegatif = Annotated[
    Decimal,
    BeforeValidator(to_decimal),
    AfterValidator(_tidak_negatif),
    WithJsonSchema({"anyOf": [{"type": "number", "minimum": 0}, _NUMBER_SCHEMA["anyOf"][1]],
                    "description": "Tidak negatif"}),
]

#: A code that other parts of the file refer to: `IKU1`, `P06.02`, `SS-1`.
Kode = Annotated[
    str, StringConstraints(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
]

#: The named places a report prints figures in (the pattern below accepts exactly these).
TEMPAT_BERNAMA = ("ikhtisar", "bab1", "bab2", "bab3", "bab4")

#: A table label as a report prints it: `3.5`, `19`, `III.2`, `Tabel IV.1`, `3.21a`, and the
#: lettered numbers of the regional planning forms: `E.81`, `T-C.29`.
POLA_LABEL_TABEL = (r"(?:Tabel )?(?:[0-9]{1,3}(?:\.[0-9]{1,3}){0,2}[a-z]?"
                    r"|[IVXLC]{1,7}(?:\.[0-9]{1,3}){1,2}[a-z]?"
                    r"|[A-Z](?:-[A-Z])?\.[0-9]{1,3}[a-z]?)")

#: The printed label of a table (`penomoran`).
LabelTabel = Annotated[str, StringConstraints(pattern=rf"^{POLA_LABEL_TABEL}$")]

#: Where a report printed a figure: a table label (`"3.5"`, `"Tabel 19"`, `"III.2"`, resolved
#: through `penomoran`), `ikhtisar`, `bab1`...`bab4`, with an optional `/suffix` when one
#: place prints the same quantity twice.
POLA_LOKASI = rf"^(?:{POLA_LABEL_TABEL}|ikhtisar|bab[1-4])(?:/[a-z0-9_-]+)?$"
Lokasi = Annotated[str, StringConstraints(pattern=POLA_LOKASI)]

class _HanyaKunciTempat:
    """JSON Schema: a mapping keyed by places refuses any other key, as the model does."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> Any:
        schema = handler(core_schema)
        schema["additionalProperties"] = False
        return schema


#: Printed figures of one quantity, by the place that printed them.
Dicetak = Annotated[dict[Lokasi, Angka], _HanyaKunciTempat()]
#: Printed words (a predicate, a category) by the place that printed them.
DicetakTeks = Annotated[dict[Lokasi, str], _HanyaKunciTempat()]
