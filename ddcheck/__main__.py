"""Run ddcheck with `python -m ddcheck`."""

from ddcheck.cli.main import main

raise SystemExit(main())
