"""The shipped catalog kept as validated JSON, so that the app starts without parsing YAML.

Parsing the shipped YAML with line numbers takes about a tenth of a second at every start; the
same templates read back from JSON (and validated again by the same models) take a few
milliseconds. The copy is keyed by the SHA-256 of every file it was made from (the YAML, and the
code of the models and the loader) and the app version: when anything changes, the YAML is
read again and the copy rewritten. Anything wrong with the copy means: read the YAML.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ValidationError

from ddcheck.catalog.catalog import Catalog, load_shipped_catalog
from ddcheck.catalog.loader import template_files
from ddcheck.domain.sources import SourceRegistry
from ddcheck.domain.templates import Template

CACHE_NAME = "shipped-catalog.json"
_PACKAGE = Path(__file__).resolve().parent.parent


class _Copy(BaseModel):
    """What the cache file holds."""

    key: str
    registry: SourceRegistry
    templates: list[Template]


def _made_from() -> list[Path]:
    """Return the files the shipped catalog is made from: its YAML and the code that reads it."""
    from ddcheck import paths

    files = [
        *template_files(paths.checklists_dir()),
        paths.resources_dir() / "sources.yaml",
        paths.seeds_dir() / "expectations.yaml",
    ]
    for package in ("domain", "catalog"):  # a source checkout: the models may change
        files += sorted((_PACKAGE / package).glob("*.py"))
    return files


def catalog_key(files: Iterable[Path]) -> str:
    """Return the SHA-256 over the app version and the names and bytes of `files`."""
    from ddcheck import __version__

    digest = hashlib.sha256(__version__.encode())
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def shipped_catalog(cache_dir: Path) -> Catalog:
    """Return the shipped catalog: from the copy in `cache_dir` when it is current, else YAML."""
    key = catalog_key(_made_from())
    path = cache_dir / CACHE_NAME
    try:
        copy = _Copy.model_validate_json(path.read_bytes())
    except (OSError, ValueError, ValidationError):
        copy = None
    if copy is not None and copy.key == key:
        catalog = Catalog(registry=copy.registry)
        for template in copy.templates:
            catalog.add(template)
        return catalog
    catalog = load_shipped_catalog()
    _write(path, _Copy(key=key, registry=catalog.registry, templates=[*catalog.versions.values()]))
    return catalog


def _write(path: Path, copy: _Copy) -> None:
    """Write the copy whole or not at all; a cache that cannot be written is no problem."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".catalog-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(copy.model_dump_json().encode())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass
