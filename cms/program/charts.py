"""Small server-rendered SVG charts (no JavaScript): weekly columns, lines and
horizontal bars. Each chart carries a <title> and <desc> for screen readers and scales
to its container through its viewBox. Labels are escaped; numbers are formatted by the
caller's `fmt`."""

from collections.abc import Callable, Sequence
from itertools import count
from xml.sax.saxutils import escape

from django.utils.safestring import SafeString, mark_safe

PALETTE = ("#1f6f43", "#c98a00", "#3b6fb6", "#b3261e")
_ids = count(1)


def _esc(text) -> str:
    return escape(str(text), {'"': "&quot;"})


TICKS = 4


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
    width, height, left, bottom, top = 360, 180, 44, 24, 10
    plot_w, plot_h = width - left - 8, height - bottom - top
    top_value = _ceiling(max(values, default=0))
    parts, _ = _open(title, _describe(labels, values, fmt), width, height)
    parts += _axis(left, top, plot_w, plot_h, top_value, axis_fmt or fmt)
    slot = plot_w / max(len(values), 1)
    every = max(1, round(len(labels) / 5))
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        h = plot_h * value / top_value
        x = left + i * slot + slot * 0.15
        # No <title> per column: the chart's <desc> already lists every value (page weight).
        parts.append(f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}" '
                     f'fill="{colour}"/>')
        if i % every == 0:
            parts.append(f'<text x="{left + i * slot + slot / 2:.1f}" y="{height - 10}" text-anchor="middle">'
                         f'{_esc(label)}</text>')
    parts.append(_CLOSE)
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text went through _esc


def line_chart(title: str, labels: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], *,
               fmt: Callable = str) -> SafeString:
    """Several lines over the same labels (weeks), with a legend."""
    width, height, left, bottom, top = 360, 214, 44, 58, 10
    plot_w, plot_h = width - left - 8, height - bottom - top
    top_value = _ceiling(max((v for _, values in series for v in values), default=0))
    desc = " | ".join(f"{name}: {_describe(labels, values, fmt)}" for name, values in series)
    parts, _ = _open(title, desc, width, height)
    parts += _axis(left, top, plot_w, plot_h, top_value, fmt)
    step = plot_w / max(len(labels) - 1, 1)
    every = max(1, round(len(labels) / 5))
    for i, label in enumerate(labels):
        if i % every == 0:
            parts.append(f'<text x="{left + i * step:.1f}" y="{top + plot_h + 16}" text-anchor="middle">'
                         f'{_esc(label)}</text>')
    for n, (name, values) in enumerate(series):
        colour = PALETTE[n % len(PALETTE)]
        points = " ".join(f"{left + i * step:.1f},{top + plot_h - plot_h * v / top_value:.1f}"
                          for i, v in enumerate(values))
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
        ly = top + plot_h + 26 + n * 13
        parts.append(f'<rect x="{left}" y="{ly - 5}" width="12" height="4" fill="{colour}"/>'
                     f'<text x="{left + 16}" y="{ly}">{_esc(name)}</text>')
    parts.append(_CLOSE)
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text went through _esc


def bar_chart(title: str, labels: Sequence[str], values: Sequence[float], *,
              fmt: Callable = str, colour: str = PALETTE[0]) -> SafeString:
    """Horizontal bars with the label above each bar (readable at 360 px): provinces,
    product groups, stars."""
    width, row, top = 360, 32, 4
    height = top + row * max(len(values), 1) + 4
    top_value = _ceiling(max(values, default=0))
    parts, _ = _open(title, _describe(labels, values, fmt), width, height)
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = top + i * row
        w = (width - 120) * value / top_value
        parts.append(f'<text x="0" y="{y + 11}">{_esc(label)}</text>'
                     f'<rect x="0" y="{y + 15}" width="{w:.1f}" height="12" fill="{colour}"/>'
                     f'<text x="{w + 6:.1f}" y="{y + 25}">{_esc(fmt(value))}</text>')
    parts.append(_CLOSE)
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text went through _esc


def _axis(left: int, top: int, plot_w: float, plot_h: float, top_value: float, fmt: Callable) -> list[str]:
    parts = []
    for k in range(5):
        value = top_value * k / 4
        y = top + plot_h - plot_h * k / 4
        parts.append(f'<line x1="{left}" x2="{left + plot_w:.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="#dfe5e1"/>'
                     f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{_esc(fmt(_tidy(value)))}</text>')
    return parts


def _tidy(value: float):
    return int(value) if float(value).is_integer() else round(value, 1)
