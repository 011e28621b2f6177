"""docs/format.md: its complete example is a valid report, and it names every key of the models."""

from __future__ import annotations

import inspect
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
from pydantic import BaseModel

import lkjip_cli.model.anggaran as anggaran
import lkjip_cli.model.laporan as laporan
import lkjip_cli.model.masukan as masukan
import lkjip_cli.model.narasi as narasi
import lkjip_cli.model.periode as periode
import lkjip_cli.model.standar as standar
from lkjip_cli.loader import load_text
from lkjip_cli.model.schema import schema_dict
from lkjip_cli.source.yamlsource import parse_yaml_text

ROOT = Path(__file__).resolve().parent.parent
FORMAT_MD = Path(__file__).resolve().parent.parent / "docs" / "format.md"


def format_md() -> str:
    return FORMAT_MD.read_text(encoding="utf-8")


def first_yaml_block(markdown: str) -> str:
    match = re.search(r"^```yaml\n(.*?)^```$", markdown, re.DOTALL | re.MULTILINE)
    assert match is not None, "docs/format.md has no ```yaml block"
    return match.group(1)


def test_first_yaml_block_helper() -> None:
    text = "intro\n```sh\nx\n```\n```yaml\na: 1\nb: 2\n```\n```yaml\nc: 3\n```\n"
    assert first_yaml_block(text) == "a: 1\nb: 2\n"


def test_example_loads_without_any_diagnostic() -> None:
    result = load_text(first_yaml_block(format_md()), "docs/format.md")
    assert result.diagnostics == ()
    assert result.report is not None


def test_example_covers_every_section_of_a_report() -> None:
    result = load_text(first_yaml_block(format_md()))
    report = result.report
    assert report is not None
    assert report.tujuan and report.program and report.belanja
    assert report.evaluasi_sakip is not None and report.evaluasi_sakip.hasil
    assert any(ind.triwulan for s in report.sasaran for ind in s.indikator)
    assert any(k.indikator for p in report.program for k in p.kegiatan)
    assert report.aturan.rata_rata.dikecualikan
    # A `/suffix` place, as the format describes.
    assert any("/" in place for place in report.dilaporkan.rata_rata_capaian)


def test_example_realisasi_in_rupiah_text_is_exact() -> None:
    report = load_text(first_yaml_block(format_md())).report
    assert report is not None
    # `realisasi: Rp1.200.000.000,00` in the example.
    assert str(report.program[0].kegiatan[0].realisasi) == "1200000000.00"


def _json_numbers(value: Any) -> Any:
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        return int(value) if isinstance(exponent, int) and exponent >= 0 else float(value)
    if isinstance(value, dict):
        return {k: _json_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_numbers(v) for v in value]
    return value


def test_example_validates_against_the_json_schema() -> None:
    parsed = parse_yaml_text("docs/format.md", first_yaml_block(format_md()))
    assert parsed.diagnostics == []
    schema = json.loads(json.dumps(schema_dict()))
    jsonschema.Draft202012Validator(schema).validate(_json_numbers(parsed.data))


def model_classes() -> list[type[BaseModel]]:
    return [
        cls
        for module in (laporan, anggaran, masukan, periode, narasi, standar)
        for name, cls in vars(module).items()
        if inspect.isclass(cls)
        and issubclass(cls, BaseModel)
        and cls.__module__ == module.__name__
        and name != "Model"
    ]


def test_every_model_key_is_documented() -> None:
    text = format_md()
    missing = [
        f"{cls.__name__}.{field}"
        for cls in model_classes()
        for field in cls.model_fields
        if f"`{field}`" not in text
    ]
    assert missing == []


def test_every_model_is_named() -> None:
    text = format_md()
    assert [cls.__name__ for cls in model_classes() if f"`{cls.__name__}`" not in text] == []


def test_diagnostic_codes_are_listed() -> None:
    text = format_md()
    codes = [
        "io", "too-large", "encoding", "empty", "yaml-syntax", "yaml-value", "not-mapping",
        "duplicate-key", "merge-key", "key-type", "alias-recursive", "alias-limit", "yaml-depth",
        "number-invalid", "number-ambiguous", "number-format", "number-range", "number-float",
        "number-type", "negative", "missing", "unknown-key", "type", "value",
        "duplicate-kode", "unknown-ref", "range-order", "duplicate-year", "outside-renstra",
        "realisasi-over-pagu",
    ]  # fmt: skip
    rows = set(re.findall(r"^\| `([a-z-]+)` \| (?:error|warning) \|", text, re.MULTILINE))
    assert sorted(set(codes) - rows) == []


def test_english_summary_comes_last() -> None:
    headings = re.findall(r"^## (.+)$", format_md(), re.MULTILINE)
    assert headings[-1].endswith("English summary")
    assert headings[0].endswith("Contoh lengkap")


def test_docs_index_links_every_document() -> None:
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\(([^)#]+)\)", index))
    docs = {p.name for p in (ROOT / "docs").iterdir() if p.suffix in {".md", ".json"}}
    assert docs - {"index.md"} <= linked, sorted(docs - linked - {"index.md"})
    for target in linked:
        assert (ROOT / "docs" / target).exists(), target


def test_changelog_has_the_current_version() -> None:
    from lkjip_cli import __version__

    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{__version__}] - " in changelog
    assert "## [Belum dirilis]" in changelog


def feature_examples(markdown: str) -> dict[str, str]:
    """Section 8's examples: every ```yaml block whose first line is `# contoh: NAME`."""
    blocks = re.findall(r"^```yaml\n# contoh: ([a-z0-9-]+)\n(.*?)^```$", markdown,
                        re.DOTALL | re.MULTILINE)
    return dict(blocks)


def test_feature_examples_load_and_check_clean() -> None:
    from lkjip_cli.audit import Tingkat, audit
    from lkjip_cli.engine import hitung

    examples = feature_examples(format_md())
    assert {"penomoran", "pohon-anggaran", "belanja-klasifikasi",
            "efisiensi-output-input", "periode-tw2", "narasi"} <= set(examples)
    for name, text in examples.items():
        result = load_text(text, f"docs/format.md#{name}")
        assert result.diagnostics == (), name
        assert result.report is not None
        found = audit(hitung(result.report)).temuan
        assert found, name
        assert [t for t in found if t.tingkat is not Tingkat.COCOK] == [], name
