"""reportlab and pypdf are imported only when a PDF is made or read."""

from __future__ import annotations

import json
import subprocess
import sys


def test_export_service_cli_and_exchange_import_without_reportlab_or_pypdf() -> None:
    script = (
        "import json, sys\n"
        "import ddcheck.services.export, ddcheck.cli.export, ddcheck.exchange\n"
        "import ddcheck.domain.redaction, ddcheck.exchange.dossier_json, ddcheck.report.errors\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'pypdf'})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
