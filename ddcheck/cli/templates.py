"""`ddcheck templates`: list, show, validate and describe the checklist format."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ddcheck.catalog import Catalog, TemplateError, load_shipped_catalog, load_template_file
from ddcheck.cli.errors import said
from ddcheck.domain.templates import Template
from ddcheck.domain.text import Language
from ddcheck.domain.vocabulary import catalog_entry


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `templates` command and its subcommands."""
    parser = subparsers.add_parser("templates", help="list, show and validate checklist templates")
    commands = parser.add_subparsers(dest="templates_command", metavar="SUBCOMMAND", required=True)

    listing = commands.add_parser("list", help="list the templates with their item counts")
    listing.add_argument("--lang", choices=("nl", "en"), default="en")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=list_templates)

    show = commands.add_parser("show", help="show one template's sections and items")
    show.add_argument("template_id", metavar="ID", help="template id (see 'templates list')")
    show.add_argument("--lang", choices=("nl", "en"), default="en")
    show.add_argument("--json", action="store_true", help="print the template as JSON")
    show.set_defaults(func=show_template)

    validate = commands.add_parser("validate", help="check template files; exit 2 on problems")
    validate.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="template files (.yaml) to check"
    )
    validate.set_defaults(func=validate_templates)

    schema = commands.add_parser("schema", help="print the JSON Schema of the template format")
    schema.set_defaults(func=print_schema)

    from ddcheck.cli.authoring import register_authoring

    register_authoring(commands)


def list_templates(args: argparse.Namespace) -> int:
    """Print id, version, kind, item count and title of every shipped template."""
    catalog = _shipped_catalog(args)
    rows = [
        {
            "id": t.id,
            "version": t.version,
            "kind": t.kind,
            "items": t.item_count,
            "title": t.title.get(args.lang),
            "countries": list(t.countries),
        }
        for t in catalog.templates.values()
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    width = max((len(str(r["id"])) for r in rows), default=2)
    print(f"{'ID':<{width}}  VERSION  KIND       ITEMS  TITLE")
    for r in rows:
        print(
            f"{r['id']:<{width}}  {r['version']:>7}  {r['kind']:<9}  {r['items']:>5}  {r['title']}"
        )
    return 0


def show_template(args: argparse.Namespace) -> int:
    """Print one template: its sections, items, scales and references."""
    catalog = _shipped_catalog(args)
    template = catalog.get(args.template_id)
    if template is None:
        known = ", ".join(catalog.templates)
        raise said(
            catalog_entry("cli", "no template '{template}' (known: {known})"),
            template=args.template_id,
            known=known,
        )
    if args.json:
        print(template.model_dump_json(indent=2, by_alias=True, exclude_none=True))
        return 0
    _print_template(template, args.lang)
    return 0


def _print_template(template: Template, lang: Language) -> None:
    print(f"{template.title.get(lang)}  [{template.id} v{template.version}, {template.kind}]")
    print(template.description.get(lang))
    if template.countries:
        print(f"countries: {', '.join(template.countries)}; valid until {template.valid_until}")
    for section in template.sections:
        print(f"\n== {section.title.get(lang)}  [{section.id}]")
        for item in section.items:
            refs = ", ".join(
                r.expectation or f"{r.source}{' ' + r.locator if r.locator else ''}"
                for r in item.refs
            )
            required = "" if item.required else " (optional)"
            print(f"  {item.id}: {item.question.get(lang)}{required}")
            print(f"      scale: {item.scale}; refs: {refs}")


def validate_templates(args: argparse.Namespace) -> int:
    """Validate each file and print every problem with its line; exit 2 when any is found."""
    registry = _shipped_catalog(args).registry
    failures = 0
    for path in args.files:
        try:
            template = load_template_file(path, registry)
        except TemplateError as error:
            failures += 1
            for problem in error.problems:
                print(str(problem), file=sys.stderr)
            continue
        print(f"{path}: ok ({template.id} v{template.version}, {template.item_count} items)")
    if failures:
        print(f"{failures} of {len(args.files)} file(s) have problems", file=sys.stderr)
        return 2
    return 0


def print_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of the template format."""
    schema = Template.model_json_schema(by_alias=True)
    schema["title"] = "ddcheck checklist template (format 1)"
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return 0


def _shipped_catalog(args: argparse.Namespace | None = None) -> Catalog:
    from ddcheck.cli.authoring import imported_dirs

    try:
        return load_shipped_catalog(imported_dirs(args))
    except TemplateError as error:
        raise said(
            catalog_entry("cli", "the shipped checklists are damaged: {problem}"),
            problem=error.problems[0],
        ) from error
