"""The document types ddcheck opens from the desktop: one table for every platform's association."""

from __future__ import annotations

from dataclasses import dataclass

APP_ID = "io.github.ddcheck.ddcheck"


@dataclass(frozen=True)
class DocumentType:
    """A file type the desktop hands to ddcheck when the user opens such a file."""

    extension: str  # with its dot, lower case
    mime: str  # freedesktop shared-mime-info type
    uti: str  # macOS uniform type identifier
    prog_id: str  # Windows registry class name
    name_en: str
    name_nl: str
    base_mime: str = "application/zip"  # what the file is underneath
    base_uti: str = "public.zip-archive"

    def name(self, lang: str) -> str:
        """Return the type's description in `lang` (nl or en)."""
        return self.name_nl if lang == "nl" else self.name_en


DOCUMENT_TYPES: tuple[DocumentType, ...] = (
    DocumentType(
        extension=".ddcheck",
        mime="application/x-ddcheck-bundle",
        uti=f"{APP_ID}.bundle",
        prog_id="ddcheck.bundle",
        name_en="ddcheck dossier bundle",
        name_nl="ddcheck-dossierbundel",
    ),
    DocumentType(
        extension=".ddreview",
        mime="application/x-ddcheck-review",
        uti=f"{APP_ID}.review",
        prog_id="ddcheck.review",
        name_en="ddcheck adviser review",
        name_nl="ddcheck-beoordeling van de adviseur",
        base_mime="application/json",
        base_uti="public.json",
    ),
    DocumentType(
        extension=".ddmission",
        mime="application/x-ddcheck-mission",
        uti=f"{APP_ID}.mission",
        prog_id="ddcheck.mission",
        name_en="ddcheck mission pack",
        name_nl="ddcheck-missiepakket",
    ),
)


def mime_types() -> list[str]:
    """Return the MIME types of every document type, in table order."""
    return [kind.mime for kind in DOCUMENT_TYPES]


def shared_mime_info_xml() -> str:
    """Return the freedesktop shared-mime-info package that names ddcheck's file types."""
    entries = []
    for kind in DOCUMENT_TYPES:
        entries.append(
            f'  <mime-type type="{kind.mime}">\n'
            f"    <comment>{kind.name_en}</comment>\n"
            f'    <comment xml:lang="nl">{kind.name_nl}</comment>\n'
            f'    <sub-class-of type="{kind.base_mime}"/>\n'
            f'    <glob pattern="*{kind.extension}"/>\n'
            f'    <icon name="{APP_ID}"/>\n'
            "  </mime-type>\n"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<!-- Written from ddcheck/file_types.py (a test keeps them equal). -->\n"
        '<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">\n'
        + "".join(entries)
        + "</mime-info>\n"
    )


def mac_document_types() -> list[dict[str, object]]:
    """Return Info.plist CFBundleDocumentTypes: ddcheck opens (is the owner of) each type."""
    return [
        {
            "CFBundleTypeName": kind.name_en,
            "CFBundleTypeRole": "Editor",
            "LSHandlerRank": "Owner",
            "LSItemContentTypes": [kind.uti],
        }
        for kind in DOCUMENT_TYPES
    ]


def mac_exported_types() -> list[dict[str, object]]:
    """Return Info.plist UTExportedTypeDeclarations: what each ddcheck type is."""
    return [
        {
            "UTTypeIdentifier": kind.uti,
            "UTTypeDescription": kind.name_en,
            "UTTypeConformsTo": ["public.data", kind.base_uti],
            "UTTypeTagSpecification": {
                "public.filename-extension": [kind.extension.lstrip(".")],
                "public.mime-type": [kind.mime],
            },
        }
        for kind in DOCUMENT_TYPES
    ]
