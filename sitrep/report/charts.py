"""Charts as inline SVG: no script, no font or file to fetch, every text escaped.

`series_chart` draws any number of series over the same labelled positions (months, weeks): bars side
by side and lines, on a left or a right scale, with intervals, marks (an alert, a drop) and a link per
position to what is behind it. A new chart (day against night, say) is a new list of `Series`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Literal

from ..analyse import Tally

_W, _H = 640, 220  # plot size
_LEFT, _RIGHT, _TOP, _BOTTOM = 44, 44, 20, 24  # margins: scales, marks above the plot, labels
_MARK = "#d0021b"


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]  # one per label; None: nothing drawn there
    colour: str
    kind: Literal["bar", "line"] = "bar"
    axis: Literal["left", "right"] = "left"


@dataclass(frozen=True)
class Mark:
    """A triangle above position `index`, e.g. an alert; its own link."""

    index: int
    label: str
    href: str | None = None


@dataclass(frozen=True)
class Interval:
    """A range at position `index` on the left scale, e.g. a forecast's predictive interval."""

    index: int
    low: float
    high: float
    label: str
    colour: str = "#2c7fb8"


def _link(href: str | None, inner: str) -> str:
    return f'<a href="{escape(href)}">{inner}</a>' if href else inner


@dataclass(frozen=True)
class _Frame:
    """Where a position and a value are drawn: x by position, y by value on the left or right scale."""

    n: int
    left_top: float
    right_top: float

    @property
    def step(self) -> float:
        return _W / max(1, self.n)

    def x(self, i: int) -> float:
        return _LEFT + self.step * (i + 0.5)

    def y(self, v: float, axis: str = "left") -> float:
        return _TOP + _H - _H * v / (self.left_top if axis == "left" else self.right_top)


def _top(values: Sequence[float]) -> float:
    return max(values, default=0.0) or 1.0


def _number(v: float) -> str:
    return f"{v:g}" if v == int(v) else f"{v:.1f}"


def series_chart(
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    links: Sequence[str | None] = (),
    marks: Sequence[Mark] = (),
    intervals: Sequence[Interval] = (),
    caption: str = "",
) -> str:
    """A figure: the series over `labels`, position i linked to `links[i]` (when given)."""
    left = [v for s in series if s.axis == "left" for v in s.values if v is not None]
    right = [v for s in series if s.axis == "right" for v in s.values if v is not None]
    frame = _Frame(len(labels), _top(left + [i.high for i in intervals]), _top(right))
    x, y = frame.x, frame.y
    out = [
        f'<line x1="{_LEFT}" y1="{_TOP + _H}" x2="{_LEFT + _W}" y2="{_TOP + _H}" stroke="#999"/>',
        f'<text x="{_LEFT - 4}" y="{_TOP + 10}" text-anchor="end" font-size="11">{_number(frame.left_top)}</text>',
        f'<text x="{_LEFT - 4}" y="{_TOP + _H}" text-anchor="end" font-size="11">0</text>',
    ]
    if any(s.axis == "right" for s in series):
        out.append(
            f'<text x="{_LEFT + _W + 4}" y="{_TOP + 10}" font-size="11">{_number(frame.right_top)}</text>'
        )
    widest = max((len(label) for label in labels), default=1) * 6.5 + 10  # px at font size 11
    every = max(1, math.ceil(len(labels) * widest / _W))
    for i, label in enumerate(labels):
        if i % every == 0:
            out.append(
                f'<text x="{x(i):.1f}" y="{_TOP + _H + 14}" text-anchor="middle" font-size="11">{escape(label)}</text>'
            )
    for s in series:
        if s.kind == "line":
            points = [(x(i), y(v, s.axis)) for i, v in enumerate(s.values) if v is not None]
            out.append(
                f'<polyline fill="none" stroke="{escape(s.colour)}" stroke-width="1.8" '
                f'points="{" ".join(f"{px:.1f},{py:.1f}" for px, py in points)}"/>'
            )
    out += _columns(frame, labels, series, links)
    for iv in intervals:
        cx, lo, hi = x(iv.index), y(iv.low), y(iv.high)
        out.append(
            f'<g class="interval" stroke="{escape(iv.colour)}" stroke-width="2"><title>{escape(iv.label)}</title>'
            f'<line x1="{cx:.1f}" y1="{lo:.1f}" x2="{cx:.1f}" y2="{hi:.1f}"/>'
            f'<line x1="{cx - 6:.1f}" y1="{lo:.1f}" x2="{cx + 6:.1f}" y2="{lo:.1f}"/>'
            f'<line x1="{cx - 6:.1f}" y1="{hi:.1f}" x2="{cx + 6:.1f}" y2="{hi:.1f}"/></g>'
        )
    for m in marks:
        cx = x(m.index)
        triangle = (
            f'<path class="mark" d="M{cx - 6:.1f},{_TOP - 16} L{cx + 6:.1f},{_TOP - 16} L{cx:.1f},{_TOP - 4} Z" '
            f'fill="{_MARK}"><title>{escape(m.label)}</title></path>'
        )
        out.append(_link(m.href, triangle))
    legend = " ".join(
        f'<span style="color:{escape(s.colour)}">{"■" if s.kind == "bar" else "━"}</span> {escape(s.name)}'
        + (" (right scale)" if s.axis == "right" else "")
        for s in series
    )
    if marks:
        legend += f' <span style="color:{_MARK}">▼</span> marked'
    width, height = _LEFT + _W + _RIGHT, _TOP + _H + _BOTTOM
    return (
        f'<figure class="chart"><figcaption><b>{escape(title)}</b></figcaption>'
        f'<svg role="img" aria-label="{escape(title)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">{"".join(out)}</svg>'
        f"<figcaption>{legend}{'<br>' + escape(caption) if caption else ''}</figcaption></figure>"
    )


def _columns(
    frame: _Frame, labels: Sequence[str], series: Sequence[Series], links: Sequence[str | None]
) -> list[str]:
    """Per position: its bars and line points and a transparent area holding the tooltip, all one link."""
    x, y, step = frame.x, frame.y, frame.step
    bars = [s for s in series if s.kind == "bar"]
    width = step * 0.8 / max(1, len(bars))
    out = []
    for i, label in enumerate(labels):
        parts = []
        for b, s in enumerate(bars):
            v = s.values[i]
            if v:
                top = y(v, s.axis)
                left = x(i) - step * 0.4 + b * width
                parts.append(
                    f'<rect x="{left:.1f}" y="{top:.1f}" width="{max(1.0, width - 1):.1f}" '
                    f'height="{_TOP + _H - top:.1f}" fill="{escape(s.colour)}"/>'
                )
        for s in series:
            v = s.values[i]
            if s.kind == "line" and v is not None:
                parts.append(
                    f'<circle cx="{x(i):.1f}" cy="{y(v, s.axis):.1f}" r="2.5" fill="{escape(s.colour)}"/>'
                )
        told = "; ".join(f"{s.name}: {_number(v)}" for s in series if (v := s.values[i]) is not None)
        parts.append(
            f'<rect x="{x(i) - step / 2:.1f}" y="{_TOP}" width="{step:.1f}" height="{_H}" fill="#000" '
            f'fill-opacity="0"><title>{escape(f"{label}: {told}")}</title></rect>'
        )
        href = links[i] if i < len(links) else None
        out.append(_link(href, f'<g class="column">{"".join(parts)}</g>'))
    return out


def bar_chart(title: str, rows: Sequence[Tally]) -> str:
    """A horizontal bar chart as inline SVG: one bar per row, length by number of events."""
    width, bar_h, label_w = 420, 18, 150
    top = max((r.events for r in rows), default=1) or 1
    height = bar_h * len(rows) + 8
    bars = []
    for i, r in enumerate(rows):
        y = i * bar_h + 4
        w = max(1.0, (width - label_w - 60) * r.events / top)
        bars.append(
            f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end" font-size="12">{escape(r.key)}</text>'
            f'<rect x="{label_w}" y="{y + 2}" width="{w:.1f}" height="{bar_h - 5}" fill="#b33"><title>'
            f"{escape(r.key)}: {r.events} events, {r.fatalities} killed</title></rect>"
            f'<text x="{label_w + w + 4}" y="{y + 13}" font-size="12">{r.events}</text>'
        )
    return (
        f'<figure><figcaption><b>{escape(title)}</b></figcaption><svg role="img" width="{width}" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg">{"".join(bars)}</svg></figure>'
    )
