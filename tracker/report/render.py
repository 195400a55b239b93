"""Rendering the report page: a jinja2 environment that escapes everything it is given."""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2
import pandas as pd
from markupsafe import Markup

from tracker.errors import ReportError
from tracker.report.export import date_strings, plain_values
from tracker.report.formatting import escape_text, format_bounds, format_number, highlight_html

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


_PROVENANCE_COLUMNS = ("figure_id", "text", "sentence", "start", "end", "sentence_start", "value", "low", "high",
                       "qualifier", "unit", "category", "source", "doc", "outlet")


def provenance_html(figures: pd.DataFrame) -> Markup:
    """The provenance appendix's table rows: every figure with its sentence (figure in <mark>), all escaped.

    Built in one pass with plain string joins (100,000 figures in about a second); every piece of stored
    text goes through `escape_text`.
    """
    frame = figures.sort_values(["published", "doc", "index"], na_position="last", kind="stable")
    dates = date_strings(frame["published"])
    columns = [plain_values(frame[name]) for name in _PROVENANCE_COLUMNS]
    rows = []
    for (figure_id, text, sentence, start, end, s0, value, low, high, qualifier, unit, category, source, doc,
         outlet), published in zip(zip(*columns, strict=True), dates, strict=True):
        marked = highlight_html(sentence or "", text or "", start, end, s0)
        bounds = escape_text(format_bounds(value, low, high, qualifier, unit))
        rows.append(
            f'<tr id="f{int(figure_id)}"><td class="num">{int(figure_id)}</td><td class="sentence">{marked}</td>'
            f'<td class="bounds">{bounds}</td><td>{escape_text(str(category or ""))}</td>'
            f"<td>{escape_text(str(source or ''))}</td><td>{escape_text(str(doc or ''))}</td>"
            f'<td>{escape_text(str(outlet or ""))}</td><td class="date">{published}</td></tr>\n'
        )
    return Markup("".join(rows))  # noqa: S704 - built from escaped pieces above
