"""Load and validate the shipped and imported checklist templates."""

from ddcheck.catalog.catalog import Catalog, load_catalog, load_shipped_catalog
from ddcheck.catalog.loader import (
    load_registry,
    load_template_file,
    load_template_text,
    template_files,
)
from ddcheck.catalog.problems import LocatedProblem, TemplateError

__all__ = [
    "Catalog",
    "LocatedProblem",
    "TemplateError",
    "load_catalog",
    "load_registry",
    "load_shipped_catalog",
    "load_template_file",
    "load_template_text",
    "template_files",
]
