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
        raise PydanticCustomError("number-type", "expected a number, got a boolean")
    if isinstance(value, float):
        raise PydanticCustomError(
            "number-float",
            "a binary float cannot hold a report's figure exactly; give the number as text "
            "or as a YAML number read by lkjip's loader",
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
        "number-type", "expected a number, got {kind}", {"kind": _kind(value)}
    )


def _kind(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def _rupiah(value: Decimal) -> Decimal:
    if value < 0:
        raise PydanticCustomError("negative", "a budget cannot be negative, got {value}",
                                  {"value": str(value)})
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise PydanticCustomError(
            "number-ambiguous",
            "a rupiah amount has at most two decimal places, got {value}; an unquoted "
            "900.000 is nine hundred to YAML: write 900000, or quote it as \"900.000\"",
            {"value": str(value)},
        )
    return value


def to_int(value: Any) -> int:
    """Whole numbers (years, counts, places): refuse booleans and fractions."""
    if isinstance(value, bool | float):
        raise PydanticCustomError("number-type", "expected a whole number, got {value!r}",
                                  {"value": value})
    if isinstance(value, Decimal | str):
        try:
            number = to_decimal(value)
        except PydanticCustomError:
            raise PydanticCustomError("int_parsing", "expected a whole number") from None
        if number != number.to_integral_value():
            raise PydanticCustomError("number-type", "expected a whole number, got {value}",
                                      {"value": str(value)})
        return int(number)
    if isinstance(value, int):
        return value
    raise PydanticCustomError("number-type", "expected a whole number, got {kind}",
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

#: A code that other parts of the file refer to: `IKU1`, `P06.02`, `SS-1`.
Kode = Annotated[
    str, StringConstraints(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
]

#: A table label as a report prints it: `3.5`, `19`, `III.2`, `Tabel IV.1`, `3.21a`.
POLA_LABEL_TABEL = (r"(?:Tabel )?(?:[0-9]{1,3}(?:\.[0-9]{1,3}){0,2}[a-z]?"
                    r"|[IVXLC]{1,7}(?:\.[0-9]{1,3}){1,2}[a-z]?)")

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
