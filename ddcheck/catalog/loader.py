"""Load and validate template, source and expectation files."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from ddcheck.bounded_read import UnreadableFile, read_regular_file
from ddcheck.catalog.problems import LocatedProblem, TemplateError, field_name
from ddcheck.domain.sources import Expectation, Source, SourceRegistry
from ddcheck.domain.templates import Template, template_problems

if TYPE_CHECKING:  # YAML (PyYAML) loads only when a file is parsed, not when the app starts
    from ddcheck.catalog.yaml_source import YamlDocument

MAX_TEMPLATE_BYTES = 2 * 1024 * 1024


class SourcesFile(BaseModel):
    """The shape of `resources/sources.yaml`."""

    model_config = ConfigDict(extra="forbid")

    format: int = 1
    sources: tuple[Source, ...]


class ExpectationsFile(BaseModel):
    """The shape of `seeds/expectations.yaml`."""

    model_config = ConfigDict(extra="forbid")

    format: int = 1
    expectations: tuple[Expectation, ...]


def _read_document(path: Path) -> YamlDocument:
    name = str(path)
    try:
        data = read_regular_file(path, MAX_TEMPLATE_BYTES)
        text = data.decode("utf-8")
    except UnreadableFile as error:
        raise TemplateError(name, [LocatedProblem(name, None, "", error.reason)]) from error
    except UnicodeDecodeError as error:
        raise TemplateError(
            name, [LocatedProblem(name, None, "", "the file is not UTF-8 text")]
        ) from error
    return parse_text(text, name)


def parse_text(text: str, name: str) -> YamlDocument:
    """Parse YAML text, turning a syntax error into a TemplateError with its line."""
    from ddcheck.catalog.yaml_source import YamlSyntaxError, parse_yaml

    try:
        return parse_yaml(text)
    except YamlSyntaxError as error:
        raise TemplateError(name, [LocatedProblem(name, error.line, "", str(error))]) from error


def reference_problems(
    template: Template, registry: SourceRegistry, document: YamlDocument | None, name: str
) -> list[LocatedProblem]:
    """Return a problem for every reference that names an unknown expectation or source."""
    expectations = {e.id for e in registry.expectations}
    sources = {s.id for s in registry.sources} | {s.id for s in template.sources}
    problems = []
    for s_index, section in enumerate(template.sections):
        for i_index, item in enumerate(section.items):
            for r_index, ref in enumerate(item.refs):
                path = ("sections", s_index, "items", i_index, "refs", r_index)
                if ref.expectation is not None and ref.expectation not in expectations:
                    message = f"refers to unknown expectation '{ref.expectation}' (see seeds/)"
                elif ref.source is not None and ref.source not in sources:
                    message = (
                        f"refers to unknown source '{ref.source}' (see resources/sources.yaml)"
                    )
                else:
                    continue
                line = document.line_of(path) if document else None
                problems.append(LocatedProblem(name, line, field_name(path), message))
    return problems


def template_from_document(document: YamlDocument, name: str, registry: SourceRegistry) -> Template:
    """Validate a parsed document as a template; raise TemplateError with every problem."""
    from ddcheck.catalog.validation import validate_document

    template, problems = validate_document(Template, document, name)
    if template is not None:
        problems += [
            LocatedProblem(name, document.line_of(p.path), field_name(p.path), p.message)
            for p in template_problems(template)
        ]
        problems += reference_problems(template, registry, document, name)
    if problems or template is None:
        raise TemplateError(name, problems)
    return template


def load_template_file(path: Path, registry: SourceRegistry) -> Template:
    """Load one template file; raise TemplateError naming file, line and field of each problem."""
    return template_from_document(_read_document(path), str(path), registry)


def load_template_text(text: str, name: str, registry: SourceRegistry) -> Template:
    """Load a template from YAML text (an imported file's contents)."""
    return template_from_document(parse_text(text, name), name, registry)


def load_registry(sources_file: Path, expectations_file: Path) -> SourceRegistry:
    """Load the framework sources and the letters' expectations."""
    from ddcheck.catalog.validation import validate_document

    problems: list[LocatedProblem] = []
    sources_doc = _read_document(sources_file)
    sources, found = validate_document(SourcesFile, sources_doc, str(sources_file))
    problems += found
    expectations_doc = _read_document(expectations_file)
    expectations, found = validate_document(
        ExpectationsFile, expectations_doc, str(expectations_file)
    )
    problems += found
    if problems or sources is None or expectations is None:
        raise TemplateError(str(sources_file), problems)
    registry = SourceRegistry(sources=sources.sources, expectations=expectations.expectations)
    problems += _registry_problems(registry, str(expectations_file))
    if problems:
        raise TemplateError(str(expectations_file), problems)
    return registry


def _registry_problems(registry: SourceRegistry, name: str) -> list[LocatedProblem]:
    problems = []
    source_ids = {s.id for s in registry.sources}
    seen: set[str] = set()
    for index, expectation in enumerate(registry.expectations):
        if expectation.id in seen:
            problems.append(
                LocatedProblem(name, None, f"expectations[{index}].id", "is used twice")
            )
        seen.add(expectation.id)
        if expectation.letter not in source_ids:
            problems.append(
                LocatedProblem(
                    name,
                    None,
                    f"expectations[{index}].letter",
                    f"refers to unknown source '{expectation.letter}'",
                )
            )
    return problems


def template_files(folder: Path) -> Iterable[Path]:
    """Yield the template files in a folder, in name order."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
