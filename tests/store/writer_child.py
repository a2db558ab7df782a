"""A child process for the durability and concurrency tests: answers items, reporting each commit.

Usage: python writer_child.py DATA_DIR DOSSIER_ID TAG [COUNT [START_FILE]]
Prints "TAG SEQ ITEM" on stdout after each answer is committed; runs forever without COUNT;
with START_FILE it prints "ready" and waits for that file before writing.
"""

from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path

import yaml

from ddcheck.domain.templates import Template
from ddcheck.services import SimpleCatalog, Workspace

TEMPLATES = Path(__file__).resolve().parents[1] / "fixtures" / "templates"
ITEMS = ("policy", "grievance", "workers", "risk-map", "ekv-esap", "remarks")


def main() -> int:
    """Answer items in a loop and acknowledge every commit on stdout."""
    data_dir, dossier_id, tag = sys.argv[1:4]
    count = int(sys.argv[4]) if len(sys.argv) > 4 else None
    start = Path(sys.argv[5]) if len(sys.argv) > 5 else None
    templates = [
        Template.model_validate(yaml.safe_load((TEMPLATES / f"{name}.yaml").read_text()))
        for name in ("mini-v1", "briefing-sa")
    ]
    with Workspace.open(data_dir, user=tag, catalog=SimpleCatalog.of(templates)) as ws:
        if start is not None:
            sys.stdout.write("ready\n")
            sys.stdout.flush()
            while not start.exists():
                time.sleep(0.005)
        for seq in itertools.count() if count is None else range(count):
            item = ITEMS[seq % len(ITEMS)]
            ws.answer(dossier_id, "mini", item, note=f"{tag} {seq}")
            sys.stdout.write(f"{tag} {seq} {item}\n")
            sys.stdout.flush()
            if start is not None:
                time.sleep(0.001)  # pace like a person, so the two writers interleave
    return 0


if __name__ == "__main__":
    sys.exit(main())
