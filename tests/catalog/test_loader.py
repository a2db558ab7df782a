"""Broken template files give every problem with file, line and field, in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddcheck.catalog import TemplateError, load_template_file, load_template_text
from ddcheck.domain.sources import Expectation, Source, SourceRegistry
from ddcheck.domain.text import LocalizedText

BROKEN = Path(__file__).parent / "broken"


def registry() -> SourceRegistry:
    text = LocalizedText(nl="x", en="x")
    return SourceRegistry(
        sources=(
            Source(id="oecd-ddg-2018", kind="framework", title=text, publisher="OECD"),
            Source(id="letter-l1", kind="letter", title=text, publisher="BZ"),
        ),
        expectations=(
            Expectation(
                id="L1-Q10-1", letter="letter-l1", citation=text, topic="missions", text=text
            ),
        ),
    )


def problems_of(name: str) -> list[str]:
    with pytest.raises(TemplateError) as caught:
        load_template_file(BROKEN / name, registry())
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    "name,expected",
    [
        ("yaml_syntax.yaml", ["yaml_syntax.yaml:5: YAML syntax error"]),
        (
            "wrong_type.yaml",
            [
                "wrong_type.yaml:3: version: should be a whole number",
                "wrong_type.yaml:14: sections[0].items[0].required: should be true or false",
            ],
        ),
        (
            "unknown_scale.yaml",
            [
                "unknown_scale.yaml:13: sections[0].items[0].scale: item 'i1' uses "
                "unknown scale 'stars'"
            ],
        ),
        (
            "dangling_reference.yaml",
            [
                "dangling_reference.yaml:15: sections[0].items[0].refs[0]: refers to unknown "
                "expectation 'L9-Q99-9'",
                "dangling_reference.yaml:21: sections[0].items[1].refs[0]: refers to unknown "
                "source "
                "'no-such-source'",
            ],
        ),
        (
            "duplicate_item.yaml",
            ["duplicate_item.yaml:18: sections[1].items[0].id: item id 'i1' is used twice"],
        ),
        (
            "unknown_condition_item.yaml",
            [
                "unknown_condition_item.yaml:15: "
                "sections[0].items[0].applies_if: the condition refers to "
                "unknown item 'ps9-applicable'"
            ],
        ),
        (
            "missing_language.yaml",
            ["missing_language.yaml:11: sections[0].items[0].question.en: is required but missing"],
        ),
        ("not_a_mapping.yaml", ["not_a_mapping.yaml:1: the file should hold a mapping"]),
        ("not_utf8.yaml", ["not_utf8.yaml: the file is not UTF-8 text"]),
    ],
)
def test_each_broken_file_names_line_field_and_problem(name: str, expected: list[str]) -> None:
    found = problems_of(name)
    assert len(found) == len(expected), found
    for message, prefix in zip(found, expected, strict=True):
        assert message.endswith(name) or prefix.split(name)[1] in message, (message, prefix)
        assert Path(message.split(":")[0]).name == name


def test_messages_carry_line_numbers_for_every_file_that_has_lines() -> None:
    for path in sorted(BROKEN.glob("*.yaml")):
        if path.name == "not_utf8.yaml":
            continue
        with pytest.raises(TemplateError) as caught:
            load_template_file(path, registry())
        assert caught.value.problems, path.name  # never vacuous: each file has a problem
        assert all(p.line for p in caught.value.problems), path.name


def test_yes_and_no_stay_option_ids_and_duplicate_keys_are_caught() -> None:
    text = (BROKEN.parent / "valid_with_gate.yaml").read_text(encoding="utf-8")
    template = load_template_text(text, "gate.yaml", registry())
    gated = template.item("fees")
    assert gated.applies_if.in_ == ("yes", "unknown")
    assert gated.red_flags == ("no",)
    doubled = text.replace("version: 1\n", "version: 1\nversion: 2\n", 1)
    with pytest.raises(TemplateError) as caught:
        load_template_text(doubled, "gate.yaml", registry())
    assert "gate.yaml:4: version: is given twice in the same mapping" in str(caught.value)


def test_missing_file_is_a_template_error_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="file not found"):
        load_template_file(tmp_path / "nope.yaml", registry())
