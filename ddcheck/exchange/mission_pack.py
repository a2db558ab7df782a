"""The `.ddmission` pack: a safe zip of the mission JSON and the checklist files it asks for.

Read with the same archive checks as a `.ddcheck` bundle (`exchange.archive`); the mission JSON
goes through the border into the strict mission model. The checklist YAML files come back as
bytes: the catalog validates them (aliases, cycles, unknown sources ...) in the services.
Written with the adviser workspace's key, the pack carries a signature over its manifest
(`exchange.archive`); `PackContents.signer` says who signed (None: unsigned).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ddcheck.domain.mission import MissionDefinition
from ddcheck.exchange.archive import Kind, read_archive, write_archive
from ddcheck.exchange.border import BorderError, load_json, validated
from ddcheck.exchange.errors import ExchangeError
from ddcheck.exchange.signing import Signer, SigningKey

PACK_FORMAT = "ddcheck-mission"
PACK_FORMAT_VERSION = 1
SUFFIX = ".ddmission"
MISSION = "mission.json"
CHECKLIST_DIR = "checklists/"
MAX_CHECKLIST_BYTES = 2 * 1024 * 1024  # as catalog.loader.MAX_TEMPLATE_BYTES
_CHECKLIST_NAME = re.compile(r"^checklists/([a-z0-9][a-z0-9_.-]{0,79})-v([1-9][0-9]{0,6})\.yaml$")


class PackError(ExchangeError):
    """The file is not a mission pack ddcheck can read safely."""


@dataclass(frozen=True)
class PackContents:
    """A checked pack: the mission and the checklist files by (id, version)."""

    mission: MissionDefinition
    checklists: dict[tuple[str, int], bytes]
    signer: Signer | None = None  # who signed the pack; None when unsigned


def _allowed(name: str) -> bool:
    return name == MISSION or bool(_CHECKLIST_NAME.match(name))


PACK = Kind(
    what="mission pack",
    error=PackError,
    format=PACK_FORMAT,
    format_version=PACK_FORMAT_VERSION,
    allowed_name=_allowed,
    max_entries=250,
    max_entry_bytes=MAX_CHECKLIST_BYTES,
    max_total_bytes=64 * 1024 * 1024,
    max_manifest_bytes=256 * 1024,
)


def checklist_path(template_id: str, version: int) -> str:
    """Return the path of a checklist file inside a pack."""
    return f"{CHECKLIST_DIR}{template_id}-v{version}.yaml"


def write_pack(
    mission: MissionDefinition,
    checklists: dict[tuple[str, int], bytes],
    key: SigningKey | None = None,
) -> bytes:
    """Return the pack bytes of `mission` and the YAML text of each checklist it asks for.

    With `key` (the adviser workspace's), the pack is signed.
    """
    entries = [(MISSION, mission.model_dump_json(indent=1).encode("utf-8"))]
    entries += [(checklist_path(tid, v), checklists[tid, v]) for tid, v in sorted(checklists)]
    return write_archive(PACK, entries, key=key, mission=MISSION, mission_id=mission.id)


def _check_manifest(manifest: dict[str, Any]) -> None:
    if MISSION not in {entry["path"] for entry in manifest["entries"]}:
        raise PackError("the mission pack has no mission")


def read_pack(path: Path | str) -> PackContents:
    """Return the checked mission and checklist files of the pack at `path`; raise PackError."""
    archive = read_archive(path, PACK, _check_manifest)
    contents = dict(archive.contents)
    raw = contents.pop(MISSION)
    try:
        load_json(raw, "mission")
        mission = validated(MissionDefinition, raw, "mission")
    except BorderError as error:
        raise PackError(str(error)) from error
    if archive.manifest.get("mission_id") not in (None, mission.id):
        raise PackError("the mission's id differs from the one in the manifest")
    checklists: dict[tuple[str, int], bytes] = {}
    for name, blob in contents.items():
        match = _CHECKLIST_NAME.match(name)
        assert match is not None  # the archive admits no other names
        checklists[match.group(1), int(match.group(2))] = blob
    wanted = {(c.id, c.version) for c in mission.checklists}
    extra = sorted(set(checklists) - wanted)
    if extra:
        raise PackError(
            f"the mission pack holds a checklist the mission does not ask for: {extra[0][0]}"
        )
    missing = sorted(wanted - set(checklists))
    if missing:
        tid, version = missing[0]
        raise PackError(
            f"the mission pack lacks the checklist it asks for: {tid} version {version}"
        )
    return PackContents(mission, checklists, archive.signer)
