"""Helpers for the mission pack tests: an adviser's pack, hostile variants, a workspace's state."""

from __future__ import annotations

import datetime as dt
import io
import json
import stat
import zipfile
from pathlib import Path

from ddcheck.domain.mission import Participant
from ddcheck.exchange.archive import json_bytes
from ddcheck.services import Workspace

PARTICIPANTS = [
    Participant(company="Van Dijk Bouwmaterieel B.V.", kvk_number="12345678"),
    Participant(company="Zand & Zee B.V.", kvk_number="87654321"),
    Participant(company="Gamma Pompen B.V.", kvk_number="11223344"),
]


def define_mission(ws: Workspace, checklists: tuple[str, ...] = ("mini",)) -> str:
    """Define the test mission in `ws` and return its id."""
    return ws.create_mission(
        "Handelsmissie Saoedi-Arabië 2027",
        name_en="Trade mission Saudi Arabia 2027",
        destinations=["SA"],
        start=dt.date(2027, 2, 1),
        end=dt.date(2027, 2, 5),
        deadline=dt.date(2027, 1, 15),
        organiser="RVO",
        contact="adviseur@rvo.example",
        checklists=checklists,
        participants=PARTICIPANTS,
    ).id


def state(ws: Workspace) -> tuple[str, tuple[str, ...]]:
    """Return everything a workspace holds: its database dump and its template files."""
    dump = "\n".join(ws._store.conn.iterdump())
    folder = ws.templates_dir
    files = tuple(sorted(p.name for p in folder.iterdir())) if folder.is_dir() else ()
    return dump, files


def rezip(pack: bytes, change) -> bytes:
    """Return `pack` with every entry passed through `change(info, data) -> [(info, data)]`."""
    with zipfile.ZipFile(io.BytesIO(pack)) as archive:
        entries = [(i, archive.read(i)) for i in archive.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            for new_info, new_data in change(info, data):
                target.writestr(new_info, new_data)
    return out.getvalue()


def _replace(name: str, data: bytes, *, fix_manifest: bool = True, keep_signature: bool = False):
    """Return a change that puts `data` in entry `name` (and, by default, the manifest right).

    A fixed manifest drops the signature (as a forger would) unless `keep_signature`.
    """
    import hashlib

    def change(info, blob):
        if info.filename == name:
            return [(info, data)]
        if info.filename == "manifest.sig" and fix_manifest and not keep_signature:
            return []
        if info.filename == "manifest.json" and fix_manifest:
            manifest = json.loads(blob)
            for entry in manifest["entries"]:
                if entry["path"] == name:
                    entry["size"] = len(data)
                    entry["sha256"] = hashlib.sha256(data).hexdigest()
            return [(info, json_bytes(manifest))]
        return [(info, blob)]

    return change


def _extra(name: str, payload: bytes = b"x", mode: int | None = None):
    def change(info, blob):
        if info.filename != "mission.json":
            return [(info, blob)]
        extra = zipfile.ZipInfo(name)
        if mode is not None:
            extra.external_attr = mode << 16
        return [(info, blob), (extra, payload)]

    return change


def hostile_packs(valid: bytes, folder: Path) -> dict[str, Path]:
    """Write hostile variants of a valid pack (which asks for checklist mini v2) into `folder`."""
    mission = json.loads(zipfile.ZipFile(io.BytesIO(valid)).read("mission.json"))
    checklist = next(
        n for n in zipfile.ZipFile(io.BytesIO(valid)).namelist() if n.startswith("checklists/")
    )

    def mission_with(**changes) -> bytes:
        return json.dumps({**mission, **changes}).encode()

    alias_yaml = b"a: &x [1, 2]\nb: *x\nid: mini\nversion: 2\n"
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", b"{}")
        archive.writestr("mission.json", b" " * (2 * 1024 * 1024))
    variants = {
        "empty.ddmission": b"",
        "text.ddmission": b"not a zip at all",
        "truncated.ddmission": valid[: len(valid) // 2],
        "bomb.ddmission": bomb.getvalue(),
        "no-manifest.ddmission": rezip(
            valid, lambda i, b: [] if i.filename == "manifest.json" else [(i, b)]
        ),
        "traversal.ddmission": rezip(valid, _extra("../../escape.txt")),
        "absolute.ddmission": rezip(valid, _extra("/tmp/escape.txt")),
        "symlink.ddmission": rezip(
            valid, _extra("checklists/x-v1.yaml", b"/etc/passwd", stat.S_IFLNK | 0o777)
        ),
        "hash-mismatch.ddmission": rezip(
            valid, _replace("mission.json", mission_with(organiser="EVL"), fix_manifest=False)
        ),
        "signature-broken.ddmission": rezip(
            valid,
            _replace("mission.json", mission_with(organiser="EVL"), keep_signature=True),
        ),
        "bad-manifest.ddmission": rezip(valid, _replace("manifest.json", b'{"format": 1}')),
        "bad-json.ddmission": rezip(valid, _replace("mission.json", b"{not json")),
        "bad-country.ddmission": rezip(
            valid, _replace("mission.json", mission_with(destinations=["XX"]))
        ),
        "bad-kvk.ddmission": rezip(
            valid,
            _replace(
                "mission.json",
                mission_with(participants=[{"company": "A", "kvk_number": "123"}]),
            ),
        ),
        "bad-id.ddmission": rezip(valid, _replace("mission.json", mission_with(id="x"))),
        "nan.ddmission": rezip(valid, _replace("mission.json", b'{"id": NaN}')),
        "alias-yaml.ddmission": rezip(valid, _replace(checklist, alias_yaml)),
        "garbage-yaml.ddmission": rezip(valid, _replace(checklist, b"\xff\xfe\x00garbage")),
        "wrong-checklist.ddmission": rezip(valid, _replace(checklist, b"id: other\nversion: 2\n")),
        "missing-checklist.ddmission": rezip(
            valid,
            lambda i, b: [] if i.filename.startswith("checklists/") else [(i, b)],
        ),
    }
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, content in variants.items():
        path = folder / name
        path.write_bytes(content)
        paths[name] = path
    return paths
