"""The app reads the shipped catalog from a validated JSON copy, equal to the YAML, kept current."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddcheck.catalog import cache as catalog_cache
from ddcheck.catalog import load_shipped_catalog
from ddcheck.catalog.cache import CACHE_NAME, shipped_catalog


def test_the_copy_holds_the_same_catalog_as_the_yaml(tmp_path: Path) -> None:
    from_yaml = load_shipped_catalog()
    first = shipped_catalog(tmp_path)  # reads the YAML, writes the copy
    assert (tmp_path / CACHE_NAME).is_file()
    again = shipped_catalog(tmp_path)  # reads the copy
    for catalog in (first, again):
        assert catalog.registry == from_yaml.registry
        assert catalog.versions == from_yaml.versions
        assert list(catalog.templates) == list(from_yaml.templates)


def test_the_copy_is_not_read_back_as_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped_catalog(tmp_path)

    def no_yaml() -> None:
        raise AssertionError("the YAML was parsed although the copy is current")

    monkeypatch.setattr(catalog_cache, "load_shipped_catalog", no_yaml)
    assert shipped_catalog(tmp_path).templates


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"key": "old", "templates": []}'])
def test_a_damaged_or_stale_copy_means_reading_the_yaml_again(
    tmp_path: Path, damage: bytes
) -> None:
    (tmp_path / CACHE_NAME).write_bytes(damage)
    assert shipped_catalog(tmp_path).versions == load_shipped_catalog().versions
    assert (tmp_path / CACHE_NAME).read_bytes() != damage  # written again


def test_a_changed_file_changes_the_key(tmp_path: Path) -> None:
    one, two = tmp_path / "a.yaml", tmp_path / "b.yaml"
    one.write_text("x: 1")
    two.write_text("x: 1")
    before = catalog_cache.catalog_key([one, two])
    two.write_text("x: 2")
    assert catalog_cache.catalog_key([one, two]) != before


def test_a_cache_folder_that_cannot_be_written_is_no_problem(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert shipped_catalog(blocked / "cache").templates
