"""Rendering the report page: a jinja2 environment that escapes everything it is given."""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

from tracker.errors import ReportError
from tracker.report.formatting import format_number

TEMPLATE = "index.html.j2"


@cache
def environment() -> jinja2.Environment:
    """The report's jinja2 environment: templates from the package, autoescape on for every template."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("tracker.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["thousands"] = lambda v: format_number(None if v is None else float(v))
    return env


def render_page(**context: Any) -> str:
    """The report's index.html for a context of already computed values."""
    try:
        return environment().get_template(TEMPLATE).render(**context)
    except jinja2.TemplateError as exc:
        raise ReportError(f"report template {TEMPLATE}: {exc}") from exc
