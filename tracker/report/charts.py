"""The report's charts (matplotlib's Agg canvas, no pyplot state): PNGs with fixed metadata, reproducible."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import DateFormatter, DayLocator, date2num
from matplotlib.figure import Figure as MplFigure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, LogLocator, NullLocator

from tracker.figure import CASUALTY_CATEGORIES
from tracker.report.formatting import format_number
from tracker.report.model import ChartBar, RevisionChart, Timeline, wrap_label

#: PNG metadata written into every chart: fixed, so the same data gives the same bytes.
PNG_METADATA: dict[str, str | None] = {"Software": None}
DPI = 100
#: Values spanning more than this ratio (largest / smallest) get a log scale.
LOG_SCALE_RATIO = 100.0
#: One colour per casualty category (Tableau palette); other categories grey.
CATEGORY_COLOURS = dict(zip(CASUALTY_CATEGORIES, (
    "#d62728", "#ff7f0e", "#9467bd", "#8c564b", "#2ca02c", "#1f77b4", "#17becf", "#bcbd22", "#e377c2",
    "#aec7e8", "#393b79",
), strict=True))
SOURCE_MARKERS = ("o", "s", "D", "^", "v", "P", "X", "*")


def _thousands(value: float, _pos: object = None) -> str:
    return format_number(value) if value == value else ""


def _use_log_scale(values: Sequence[float]) -> bool:
    positive = [v for v in values if v > 0]
    return len(positive) > 1 and max(positive) / min(positive) > LOG_SCALE_RATIO


def _save(fig: MplFigure, path: Path, *, tight: bool = True) -> None:
    FigureCanvasAgg(fig)
    if tight:
        fig.tight_layout()
    fig.savefig(path, format="png", dpi=DPI, metadata=PNG_METADATA)


def _style_value_axis(ax: Axes, values: Sequence[float], axis: str) -> bool:
    log = _use_log_scale(values)
    value_axis = ax.xaxis if axis == "x" else ax.yaxis
    if log:
        (ax.set_xscale if axis == "x" else ax.set_yscale)("log")
        value_axis.set_major_locator(LogLocator(base=10, numticks=8))
    value_axis.set_minor_locator(NullLocator())  # minor ticks add clutter and cost seconds on log axes
    value_axis.set_major_formatter(FuncFormatter(_thousands))
    return log


def casualty_chart(bars: Sequence[ChartBar], path: Path, *, total: int | None = None) -> None:
    """A horizontal bar chart of casualty claims by statistic and source, bounds drawn as ranges."""
    height = max(3.2, 0.55 * len(bars) + 2.2)
    fig = MplFigure(figsize=(10, height))
    ax = fig.add_subplot()
    shown = f" ({len(bars)} most reported of {total:,})" if total is not None and total > len(bars) else ""
    ax.set_title(f"Casualty figures by statistic and source{shown}", loc="left", fontsize=12)
    if not bars:
        ax.text(0.5, 0.5, "No casualty figures in this report", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
        _save(fig, path)
        return
    ys = list(range(len(bars)))
    extent = [v for b in bars for v in (b.value, b.low, b.high) if v is not None]
    log = _style_value_axis(ax, extent, "x")
    colours = [CATEGORY_COLOURS.get(b.category, "#7f7f7f") for b in bars]
    left = min(v for v in extent if v > 0) / 2 if log else 0
    ax.barh(ys, [b.value - left for b in bars], left=left, color=colours, alpha=0.35, height=0.6)
    top = max(extent)
    arrow = top * 0.6 if log else top * 0.08
    for y, bar, colour in zip(ys, bars, colours, strict=True):
        if bar.low is not None and bar.high is not None and bar.high > bar.low:
            ax.hlines(y, bar.low, bar.high, color=colour, linewidth=3)
            ax.plot([bar.low, bar.high], [y, y], "|", color=colour, markersize=12)
        if bar.open_upper:
            start = bar.low if bar.low is not None else bar.value
            ax.annotate("", xy=(start + arrow if not log else start * 3, y), xytext=(start, y),
                        arrowprops={"arrowstyle": "->", "color": colour, "lw": 2})
        ax.plot([bar.value], [y], "o", color=colour, markersize=6)
        ax.annotate(bar.text, xy=(bar.value, y), xytext=(8, 6), textcoords="offset points",
                    fontsize=8, va="bottom")
    ax.set_yticks(ys, [wrap_label(b.label) for b in bars], fontsize=8)
    ax.set_ylim(len(bars) - 0.3, -0.7)  # first bar on top
    ax.set_xlim(left if log else 0, top * (6 if log else 1.3))
    ax.set_xlabel("people (count" + ("; log scale" if log else "") + ")")
    ax.grid(axis="x", alpha=0.3)
    used = sorted({b.category for b in bars}, key=lambda c: list(CATEGORY_COLOURS).index(c)
                  if c in CATEGORY_COLOURS else len(CATEGORY_COLOURS))
    handles = [Patch(color=CATEGORY_COLOURS.get(c, "#7f7f7f"), label=c) for c in used]
    ax.legend(handles=handles, title="category", loc="upper center", bbox_to_anchor=(0.5, -0.16),
              ncol=min(len(handles), 6), fontsize=8, frameon=False)
    _save(fig, path)


def _draw_timeline(ax: Axes, timeline: Timeline, styles: dict[str, tuple[str, str]]) -> None:
    ax.set_title(wrap_label(timeline.label, 60), loc="left", fontsize=9)
    values = [v for p in timeline.points for v in (p.value, p.low, p.high) if v is not None]
    if not _style_value_axis(ax, values, "y"):
        ax.set_ylim(0, max(values, default=1) * 1.15)
    for source in sorted({p.source for p in timeline.points}):
        colour, marker = styles[source]
        points = [p for p in timeline.points if p.source == source]
        whens = [float(date2num(p.when.to_pydatetime())) for p in points]
        ax.plot(whens, [p.value for p in points], marker=marker, color=colour, alpha=0.85, markersize=4,
                linewidth=1)
        ranged = [(w, p.low, p.high) for w, p in zip(whens, points, strict=True)
                  if p.low is not None and p.high is not None and p.high > p.low]
        if ranged:
            xs, lows, highs = zip(*ranged, strict=True)
            ax.vlines(xs, lows, highs, color=colour, alpha=0.5)
        opened = [(w, p.value) for w, p in zip(whens, points, strict=True) if p.open_upper]
        if opened:
            xs, ys = zip(*opened, strict=True)
            ax.plot(xs, ys, "^", color="black", markersize=4, linestyle="none")
    ax.set_ylabel("people (count)", fontsize=8)
    ax.tick_params(labelsize=8)
    ax.grid(alpha=0.3)
    ax.margins(x=0.08)


def timelines_chart(timelines: Sequence[Timeline], path: Path) -> None:
    """Small multiples, one panel per statistic: its mentions by publication date, a colour per source."""
    n = len(timelines)
    cols = 1 if n == 1 else 2
    rows = -(-n // cols)
    height = 2.9 * rows + 1.7
    fig = MplFigure(figsize=(11, height))
    # Fixed margins (inches) instead of a layout engine: the layout pass costs seconds with many panels.
    fig.subplots_adjust(left=0.9 / 11, right=1 - 0.2 / 11, top=1 - 0.75 / height, bottom=1.5 / height,
                        hspace=0.75, wspace=0.2)
    fig.suptitle("Casualty statistics over time (publication date, UTC)", x=0.01, y=1 - 0.1 / height,
                 ha="left", va="top", fontsize=12)
    axes = fig.subplots(rows, cols, squeeze=False, sharex=True)
    sources = sorted({p.source for t in timelines for p in t.points})
    styles = {s: (f"C{i % 10}", SOURCE_MARKERS[i % len(SOURCE_MARKERS)]) for i, s in enumerate(sources)}
    for ax, timeline in zip(axes.flat, timelines, strict=False):
        _draw_timeline(ax, timeline, styles)
    for ax in list(axes.flat)[n:]:
        ax.set_axis_off()
    days = [p.when for t in timelines for p in t.points]
    span = (max(days) - min(days)).days + 1 if days else 1
    for ax in axes.flat:
        ax.xaxis.set_major_locator(DayLocator(interval=max(1, -(-span // 6))))
        ax.xaxis.set_major_formatter(DateFormatter("%Y-%m-%d"))
        ax.tick_params(axis="x", labelbottom=True, labelrotation=30)
    handles = [Line2D([], [], color=c, marker=m, label=wrap_label(s, 40)) for s, (c, m) in styles.items()]
    handles.append(Line2D([], [], color="black", marker="^", linestyle="none", label="open upper bound"))
    fig.legend(handles=handles, loc="lower center", ncol=min(len(handles), 4), fontsize=8,
               title="source", frameon=False)
    _save(fig, path, tight=False)


def revisions_chart(charts: Sequence[RevisionChart], path: Path) -> None:
    """One event's revision charts: a step chart per statistic, one line per source (x: publication date when
    every figure has one, else the order of the steps)."""
    n = len(charts)
    height = 2.6 * n + 0.8
    fig = MplFigure(figsize=(9, height))
    fig.subplots_adjust(left=0.1, right=0.72, top=1 - 0.45 / height, bottom=0.5 / height, hspace=0.9)
    axes = fig.subplots(n, 1, squeeze=False)
    for ax, chart in zip(axes.flat, charts, strict=True):
        ax.set_title(wrap_label(chart.label, 70), loc="left", fontsize=9)
        dated = all(when is not None for line in chart.lines for when, _ in line.points)
        values = [v for line in chart.lines for _, v in line.points]
        if not _style_value_axis(ax, values, "y"):
            ax.set_ylim(0, max(values, default=1) * 1.15)
        for i, line in enumerate(chart.lines):
            xs = [float(date2num(w.to_pydatetime())) for w, _ in line.points if w is not None] if dated \
                else list(range(1, len(line.points) + 1))
            ax.step(xs, [v for _, v in line.points], where="post", marker=SOURCE_MARKERS[i % len(SOURCE_MARKERS)],
                    color=f"C{i % 10}", label=wrap_label(line.source, 30), linewidth=1.5, markersize=4)
        if dated:
            ax.xaxis.set_major_formatter(DateFormatter("%Y-%m-%d"))
            ax.tick_params(axis="x", labelrotation=30)
        else:
            ax.set_xlabel("step of the running toll (undated reports)", fontsize=8)
        ax.tick_params(labelsize=8)
        ax.grid(alpha=0.3)
        ax.margins(x=0.1)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False, title="source")
    _save(fig, path, tight=False)
