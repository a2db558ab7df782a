"""ddcheck: offline IMVO due-diligence checklists for trade-mission participants."""

__version__ = "0.1.0"
APP_NAME = "ddcheck"
