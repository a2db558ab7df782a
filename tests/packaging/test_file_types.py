"""Every platform's file association names the same ddcheck file types (ddcheck/file_types.py)."""

from __future__ import annotations

import configparser
import plistlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from ddcheck.file_types import (
    APP_ID,
    DOCUMENT_TYPES,
    mac_document_types,
    mac_exported_types,
    mime_types,
    shared_mime_info_xml,
)

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def test_the_shared_mime_info_file_is_the_table() -> None:
    shipped = (LINUX / f"{APP_ID}.mime.xml").read_text("utf-8")
    assert shipped == shared_mime_info_xml(), "rewrite it from ddcheck.file_types"
    root = ET.fromstring(shipped)
    globs = {
        kind.get("type"): kind.find(f"{MIME_NS}glob").get("pattern")
        for kind in root.iter(f"{MIME_NS}mime-type")
    }
    assert globs == {kind.mime: f"*{kind.extension}" for kind in DOCUMENT_TYPES}


def test_the_desktop_entry_takes_files_of_every_type() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Exec"] == "ddcheck %F"  # %F: the opened files become `ddcheck FILE ...`
    assert [t for t in entry["MimeType"].split(";") if t] == mime_types()


def test_the_windows_installer_associates_every_type_with_the_app() -> None:
    script = (ROOT / "packaging" / "windows" / "ddcheck.iss").read_text("utf-8")
    assert "ChangesAssociations=yes" in script
    for kind in DOCUMENT_TYPES:
        ext = re.escape(kind.extension)
        prog = re.escape(kind.prog_id)
        assert re.search(rf'Subkey: "Software\\Classes\\{ext}";.*ValueData: "{prog}"', script)
        command = rf'Subkey: "Software\\Classes\\{prog}\\shell\\open\\command";.*""%1"""'
        assert re.search(command, script), kind.extension


def test_the_mac_document_types_are_a_valid_plist() -> None:
    plist = {
        "CFBundleDocumentTypes": mac_document_types(),
        "UTExportedTypeDeclarations": mac_exported_types(),
    }
    again = plistlib.loads(plistlib.dumps(plist))
    declared = {t["UTTypeIdentifier"]: t for t in again["UTExportedTypeDeclarations"]}
    for kind in DOCUMENT_TYPES:
        tags = declared[kind.uti]["UTTypeTagSpecification"]
        assert tags["public.filename-extension"] == [kind.extension.lstrip(".")]
    handled = [uti for t in again["CFBundleDocumentTypes"] for uti in t["LSItemContentTypes"]]
    assert handled == [kind.uti for kind in DOCUMENT_TYPES]
    spec = (ROOT / "packaging" / "ddcheck.spec").read_text("utf-8")
    assert '"CFBundleDocumentTypes": mac_document_types()' in spec
