"""Checklist files that cannot hurt: aliases, deep or circular conditions, odd files, long ids."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from ddcheck.catalog import TemplateError, load_template_file, load_template_text
from ddcheck.domain.conditions import MAX_CONDITION_DEPTH
from ddcheck.domain.templates import Template
from tests.catalog.test_loader import registry

HEAD = """format: 1
id: {id}
version: 1
title: {{nl: "T", en: "T"}}
description: {{nl: "x", en: "x"}}
sections:
  - id: s1
    title: {{nl: "S", en: "S"}}
    items:
      - id: i1
        question: {{nl: "V?", en: "Q?"}}
        guidance: {{nl: "T", en: "G"}}
        scale: status
        refs: [{{source: oecd-ddg-2018, locator: "1.1"}}]
"""
SECOND_ITEM = """      - id: i2
        question: {nl: "V2?", en: "Q2?"}
        guidance: {nl: "T", en: "G"}
        scale: status
        refs: [{source: oecd-ddg-2018, locator: "1.1"}]
"""


def template_text(extra: str = "", template_id: str = "hostile") -> str:
    return HEAD.format(id=template_id) + extra


def nested_nots(depth: int) -> str:
    condition = "{profile: size, equals: small}"
    for _ in range(depth):
        condition = "{not: " + condition + "}"
    return condition


def problems(text: str) -> list[str]:
    with pytest.raises(TemplateError) as caught:
        load_template_text(text, "t.yaml", registry())
    found = [str(p) for p in caught.value.problems]
    assert found and all("\n" not in p for p in found)  # every reason is one line
    return found


def billion_laughs() -> str:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    previous = "a"
    for name in "bcdefghi":
        text += f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]\n"
        previous = name
    return text


def test_billion_laughs_is_refused_at_once() -> None:
    text = billion_laughs()
    assert len(text) < 1024
    started = time.perf_counter()
    found = problems(text)
    assert time.perf_counter() - started < 0.5
    assert "anchors and aliases" in found[0] and "t.yaml:1:" in found[0]


def test_a_small_valid_template_expanding_through_aliases_is_refused() -> None:
    # 1.2 KB whose aliases would expand to 10**6 conditions: refused before anything is built
    levels = "".join(
        f"  - &c{n} {{any: [" + ", ".join([f"*c{n - 1}"] * 10) + "]}\n" for n in range(1, 7)
    )
    text = template_text(
        "x_defs:\n  - &c0 {profile: size, equals: small}\n" + levels + "        applies_if: *c6\n"
    )
    assert len(text) < 1300
    assert any("anchors and aliases" in p for p in problems(text))


def test_195_nested_nots_are_refused_with_the_reason() -> None:
    found = problems(template_text("        applies_if: " + nested_nots(195) + "\n"))
    assert "nested more than 64 levels deep" in found[0]


def test_condition_depth_is_bounded_and_the_deepest_allowed_one_reloads_from_json() -> None:
    too_deep = problems(template_text("        applies_if: " + nested_nots(13) + "\n"))
    assert f"at most {MAX_CONDITION_DEPTH} are allowed" in too_deep[0]
    deepest = load_template_text(
        template_text("        applies_if: " + nested_nots(MAX_CONDITION_DEPTH - 1) + "\n"),
        "ok.yaml",
        registry(),
    )
    stored = deepest.model_dump_json(by_alias=True)
    assert Template.model_validate_json(stored) == deepest


def test_a_self_reference_and_a_cycle_are_refused() -> None:
    itself = problems(template_text("        applies_if: {answer: i1, in: [yes]}\n"))
    assert "item 'i1' is shown only after an answer to itself" in itself[0]
    circle = problems(
        template_text(
            "        applies_if: {answer: i2, in: [yes]}\n"
            + SECOND_ITEM
            + "        applies_if: {not: {answer: i1, in: [no]}}\n"
        )
    )
    assert "go round in a circle (i1 -> i2 -> i1)" in circle[0]
    section_level = template_text(SECOND_ITEM).replace(
        '    title: {nl: "S", en: "S"}\n',
        '    title: {nl: "S", en: "S"}\n    applies_if: {answer: i2, in: [yes]}\n',
    )
    assert "i2" in problems(section_level)[0]
    fine = template_text(SECOND_ITEM + "        applies_if: {answer: i1, in: [yes]}\n")
    assert load_template_text(fine, "ok.yaml", registry()).item_count == 2


def test_a_255_character_id_is_refused() -> None:
    found = problems(template_text(template_id="a" * 255))
    assert "at most 64 characters" in found[0]


def file_problems(path: Path) -> list[str]:
    outcome: list[list[str]] = []

    def load() -> None:
        with pytest.raises(TemplateError) as caught:
            load_template_file(path, registry())
        outcome.append([str(p) for p in caught.value.problems])

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(5)
    assert outcome, f"reading {path} blocked"
    return outcome[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_dev_zero_and_a_folder_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert "not a regular file" in file_problems(fifo)[0]
    assert "not a regular file" in file_problems(Path("/dev/zero"))[0]
    assert "a folder, not a file" in file_problems(tmp_path)[0]
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (3 * 1024 * 1024))
    assert "too large" in file_problems(big)[0]
