"""Small server-rendered SVG charts (no JavaScript): weekly columns, lines and
horizontal bars. Each chart carries a <title> and <desc> for screen readers and scales
to its container through its viewBox. Labels are escaped; numbers are formatted by the
caller's `fmt`.

Margins are sized from the text they hold (`text_width`): the y axis makes room for its
widest tick label ("500 nghìn"), the x axis for half a label past each end, the line
chart's legend gets its own rows above the plot."""

import math
import unicodedata
from collections.abc import Callable, Sequence
from itertools import count
from xml.sax.saxutils import escape

from django.utils.safestring import SafeString, mark_safe

PALETTE = ("#1f6f43", "#c98a00", "#3b6fb6", "#b3261e")
_ids = count(1)


def _esc(text) -> str:
    return escape(str(text), {'"': "&quot;"})


TICKS = 4
FONT_SIZE = 11  # the <svg>'s font-size, in viewBox units
GAP = 4  # between a tick label and the plot
# Advance widths in em of DejaVu Sans, the widest of the page's fallback fonts (system-ui
# on Debian): estimates err on the side of more room. Accents do not change the width.
_NARROW = frozenset(" .,:;'|!/()[]ijlI")
_MIDDLE = frozenset("frt")
_WIDE = frozenset("mwMW★₫%@")


def text_width(text, size: float = FONT_SIZE) -> float:
    """Estimated width of `text` set at `size` (no font metrics on the server)."""
    em = 0.0
    for char in str(text):
        base = unicodedata.normalize("NFD", char)[0]
        em += 0.34 if base in _NARROW else 0.42 if base in _MIDDLE else 0.98 if base in _WIDE else 0.64
    return em * size


def _ceiling(value: float) -> float:
    """A round axis maximum at or above `value` whose quarters are round too
    (a tick step of 1, 2, 2.5 or 5 × 10^n, never below 1: counts and đồng are whole)."""
    raw = max(value, 1) / TICKS
    magnitude = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 1
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= raw:
            return step * magnitude * TICKS
    return 10 * magnitude * TICKS


def _open(title: str, desc: str, width: int, height: int) -> tuple[list[str], str]:
    """A <figure> with a visible caption around an <svg> whose <title>/<desc> carry the
    title and every value for screen readers. Closed by _close()."""
    ident = f"chart{next(_ids)}"
    parts = [f'<figure class="chart-figure"><figcaption>{_esc(title)}</figcaption>'
             f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
             f'aria-labelledby="{ident}-t {ident}-d" xmlns="http://www.w3.org/2000/svg" font-size="11" '
             f'fill="#1d2522">',
             f'<title id="{ident}-t">{_esc(title)}</title><desc id="{ident}-d">{_esc(desc)}</desc>']
    return parts, ident


_CLOSE = "</svg></figure>"


def _describe(labels: Sequence[str], values: Sequence[float], fmt: Callable) -> str:
    return "; ".join(f"{label}: {fmt(value)}" for label, value in zip(labels, values, strict=True))


def column_chart(title: str, labels: Sequence[str], values: Sequence[float], *,
                 fmt: Callable = str, axis_fmt: Callable | None = None, colour: str = PALETTE[0]) -> SafeString:
    """Vertical columns, one per label (weeks). `axis_fmt` writes the (short) axis labels."""
    width, height, bottom, top = 360, 180, 24, 10
    top_value = _ceiling(max(values, default=0))
    ticks = _ticks(top_value, axis_fmt or fmt)
    left, right = _left_margin(ticks), _right_margin(labels)
    plot_w, plot_h = width - left - right, height - bottom - top
    parts, _ = _open(title, _describe(labels, values, fmt), width, height)
    parts += _axis(left, top, plot_w, plot_h, ticks)
    slot = plot_w / max(len(values), 1)
    every = _every(labels)
    x_labels = []
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        h = plot_h * value / top_value
        x = left + i * slot + slot * 0.15
        # No <title> per column: the chart's <desc> already lists every value (page weight).
        parts.append(f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}" '
                     f'fill="{colour}"/>')
        if i % every == 0:
            x_labels.append(f'<text x="{left + i * slot + slot / 2:.1f}" y="{height - 10}">{_esc(label)}</text>')
    parts.append(f'<g class="x-labels" text-anchor="middle">{"".join(x_labels)}</g>')
    parts.append(_CLOSE)
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text went through _esc


def line_chart(title: str, labels: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], *,
               fmt: Callable = str) -> SafeString:
    """Several lines over the same labels (weeks), with a legend in its own rows above the
    plot (below, it crowded the x-axis labels)."""
    width, plot_h, bottom = 360, 146, 24
    top_value = _ceiling(max((v for _, values in series for v in values), default=0))
    ticks = _ticks(top_value, fmt)
    # A line's first and last points sit on the plot's edges: half a label must fit past each.
    left = max(_left_margin(ticks), math.ceil(text_width(labels[0]) / 2) + 2 if labels else 0)
    right = max(8, math.ceil(max(map(text_width, labels), default=0) / 2) + 2)
    plot_w = width - left - right
    legend, legend_h = _legend([name for name, _values in series], left, width - right)
    top = legend_h + 12  # the top tick label reaches ~8 units above the plot
    height = top + plot_h + bottom
    desc = " | ".join(f"{name}: {_describe(labels, values, fmt)}" for name, values in series)
    parts, _ = _open(title, desc, width, height)
    parts.append(legend)
    parts += _axis(left, top, plot_w, plot_h, ticks)
    step = plot_w / max(len(labels) - 1, 1)
    every = _every(labels)
    parts.append('<g class="x-labels" text-anchor="middle">' + "".join(
        f'<text x="{left + i * step:.1f}" y="{top + plot_h + 16}">{_esc(label)}</text>'
        for i, label in enumerate(labels) if i % every == 0) + "</g>")
    for n, (_name, values) in enumerate(series):
        colour = PALETTE[n % len(PALETTE)]
        points = " ".join(f"{left + i * step:.1f},{top + plot_h - plot_h * v / top_value:.1f}"
                          for i, v in enumerate(values))
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
    parts.append(_CLOSE)
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text went through _esc


def bar_chart(title: str, labels: Sequence[str], values: Sequence[float], *,
              fmt: Callable = str, colour: str = PALETTE[0]) -> SafeString:
    """Horizontal bars with the label above each bar (readable at 360 px): provinces,
    product groups, stars."""
    width, row, top = 360, 32, 4
    height = top + row * max(len(values), 1) + 4
    top_value = _ceiling(max(values, default=0))
    # The longest bar leaves room for the widest value written after it.
    longest = min(width - 120, width - 8 - math.ceil(max((text_width(fmt(v)) for v in values), default=0)))
    parts, _ = _open(title, _describe(labels, values, fmt), width, height)
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = top + i * row
        w = longest * value / top_value
        parts.append(f'<text x="0" y="{y + 11}">{_esc(label)}</text>'
                     f'<rect x="0" y="{y + 15}" width="{w:.1f}" height="12" fill="{colour}"/>'
                     f'<text x="{w + 6:.1f}" y="{y + 25}">{_esc(fmt(value))}</text>')
    parts.append(_CLOSE)
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text went through _esc


def _ticks(top_value: float, fmt: Callable) -> list[str]:
    """The y axis's labels, bottom (0) to top."""
    return [str(fmt(_tidy(top_value * k / TICKS))) for k in range(TICKS + 1)]


def _left_margin(ticks: Sequence[str]) -> int:
    """Room for the widest tick label, right-aligned GAP units left of the plot, plus 2."""
    return math.ceil(max(map(text_width, ticks), default=0)) + GAP + 2


def _right_margin(labels: Sequence[str]) -> int:
    """Room for half of an x label centred near the plot's right edge."""
    return max(8, math.ceil(max(map(text_width, labels), default=0) / 2) + 2)


def _every(labels: Sequence[str]) -> int:
    """Label every n-th week so that about five labels show."""
    return max(1, round(len(labels) / 5))


def _legend(names: Sequence[str], x0: float, x1: float) -> tuple[str, int]:
    """Swatch + name per series, flowing left to right and wrapping before `x1`: the
    <g class="legend"> and the height it takes from the top of the chart."""
    row_h, swatch, items = 16, 12, []
    x, row = x0, 0
    for n, name in enumerate(names):
        item_w = swatch + 4 + math.ceil(text_width(name))
        if x > x0 and x + item_w > x1:
            x, row = x0, row + 1
        baseline = 4 + FONT_SIZE + row * row_h
        items.append(f'<rect x="{x:.0f}" y="{baseline - 8}" width="{swatch}" height="8" '
                     f'fill="{PALETTE[n % len(PALETTE)]}"/><text x="{x + swatch + 4:.0f}" y="{baseline}">'
                     f"{_esc(name)}</text>")
        x += item_w + 14
    height = 4 + (row + 1) * row_h if names else 0
    return f'<g class="legend">{"".join(items)}</g>', height


def _axis(left: int, top: int, plot_w: float, plot_h: float, ticks: Sequence[str]) -> list[str]:
    """Grid lines and their labels, right-aligned GAP units left of the plot."""
    lines, texts = [], []
    for k, label in enumerate(ticks):
        y = top + plot_h - plot_h * k / TICKS
        lines.append(f'<line x1="{left}" x2="{left + plot_w:.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="#dfe5e1"/>')
        texts.append(f'<text x="{left - GAP}" y="{y + 4:.1f}">{_esc(label)}</text>')
    return [*lines, f'<g class="y-labels" text-anchor="end">{"".join(texts)}</g>']


def _tidy(value: float):
    return int(value) if float(value).is_integer() else round(value, 1)
