"""The report: charts, templates, build."""
