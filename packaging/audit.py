"""Summarise a pip-audit JSON report: fail on a known vulnerability, name what went unchecked.

Usage: python packaging/audit.py REPORT.json
Exit 1 when any locked package has a known vulnerability. Packages pip-audit could not look up
(no answer from the vulnerability service) are listed; they fail the run only with
DDCHECK_AUDIT_REQUIRED=1, because a machine without access to the service cannot check anything.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def main(report_path: str) -> int:
    """Print the verdict for one pip-audit JSON report and return the exit code."""
    report = json.loads(Path(report_path).read_text(encoding="utf-8"))
    dependencies = report.get("dependencies", [])
    vulnerable = [d for d in dependencies if d.get("vulns")]
    skipped = [d for d in dependencies if d.get("skip_reason")]
    audited = len(dependencies) - len(skipped)
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixes = ", ".join(vuln.get("fix_versions") or []) or "no fixed release yet"
            print(f"VULNERABLE {dep['name']}=={dep['version']}: {vuln['id']} (fixed in: {fixes})")
    print(
        f"pip-audit: {audited} of {len(dependencies)} locked packages checked, "
        f"{len(vulnerable)} with a known vulnerability"
    )
    if skipped:
        names = ", ".join(d["name"] for d in skipped)
        print(
            f"pip-audit: NOT CHECKED ({len(skipped)}): the vulnerability service gave no answer "
            f"for {names} (first reason given: {skipped[0]['skip_reason']})"
        )
    if vulnerable:
        return 1
    if skipped and os.environ.get("DDCHECK_AUDIT_REQUIRED") == "1":
        print("pip-audit: DDCHECK_AUDIT_REQUIRED=1 and some packages were not checked: failing")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
