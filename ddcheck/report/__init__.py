"""The PDF report: style sheet, page templates, story builder, charts and fonts (reportlab)."""
