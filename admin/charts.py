"""Charts drawn on the server as inline SVG (no JavaScript, nothing from a CDN)."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

COLORS = ("#2b6cb0", "#dd6b20")
ROW = 26
LABEL_W = 150
LABEL_CHAR_W = 7.5  # px per character of a week label ("11-23") at 12 px
WIDE_CHAR_W = 12.0  # px per CJK (full-width) character at 12 px
LABEL_GAP = 10
ELLIPSIS = "…"


def text_width(text: str) -> float:
    """Estimated width in px of text at the charts' 12 px font (CJK full, Latin narrow)."""
    return sum(WIDE_CHAR_W if ord(ch) > 0x2E7F else LABEL_CHAR_W for ch in text)


def fit_text(text: str, room: float) -> str:
    """The text, shortened with "…" to fit `room` px (the whole text when it fits)."""
    if text_width(text) <= room:
        return text
    room -= text_width(ELLIPSIS)
    kept = ""
    for ch in text:
        if text_width(kept + ch) > room:
            break
        kept += ch
    return kept.rstrip() + ELLIPSIS


def _label(x: float, y: float, text: str, room: float, anchor: str = "end") -> str:
    """A label fitted to `room` px; a shortened one keeps the whole text as its tooltip."""
    shown = fit_text(text, room)
    tag = f'<text x="{x:.1f}" y="{y}" text-anchor="{anchor}">{escape(shown)}</text>'
    return tag if shown == text else f"<g><title>{escape(text)}</title>{tag}</g>"


def label_room(labels: Sequence[str], width: int) -> float:
    """Width of the label column: the longest label, between 60 px and 45 % of the chart."""
    longest = max((text_width(label) for label in labels), default=0.0)
    return min(max(longest + 8, 60.0), width * 0.45)


def _svg(width: int, height: int, body: list[str], title: str) -> Markup:
    return Markup(
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
        + "".join(body)
        + "</svg>"
    )


def _bar(x: float, y: float, w: float, h: int, color: str, extra: str = "") -> str:
    """A bar, or nothing for a zero value (no stray one-pixel ticks)."""
    if w <= 0:
        return ""
    w = max(w, 2.0)  # a small non-zero value stays visible
    return f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{h}" fill="{color}"{extra}/>'


def _num(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def bar_chart(pairs: Sequence[tuple[str, float]], *, title: str, width: int = 560) -> Markup:
    """Horizontal bars, one per (label, value)."""
    if not pairs:
        return Markup('<p class="muted">暂无数据</p>')
    top = max(v for _, v in pairs) or 1
    left = label_room([label for label, _ in pairs], width)
    span = width - left - 70
    body = []
    for i, (label, value) in enumerate(pairs):
        y = i * ROW + 4
        w = span * value / top if value > 0 else 0.0
        body.append(
            _label(left - 6, y + 14, label, left - 8)
            + _bar(left, y, w, 18, COLORS[0])
            + f'<text x="{left + w + 4:.1f}" y="{y + 14}">{_num(value)}</text>'
        )
    return _svg(width, len(pairs) * ROW + 8, body, title)


def paired_bar_chart(
    rows: Sequence[tuple[str, float, float]],
    *,
    names: tuple[str, str],
    title: str,
    width: int = 560,
) -> Markup:
    """Two bars per label (e.g. requested vs granted amounts), with a legend."""
    if not rows:
        return Markup('<p class="muted">暂无数据</p>')
    top = max(max(a, b) for _, a, b in rows) or 1
    span = width - LABEL_W - 80
    body = [
        f'<rect x="{LABEL_W}" y="2" width="12" height="12" fill="{COLORS[0]}"/>'
        f'<text x="{LABEL_W + 16}" y="13">{escape(names[0])}</text>'
        f'<rect x="{LABEL_W + 120}" y="2" width="12" height="12" fill="{COLORS[1]}"/>'
        f'<text x="{LABEL_W + 136}" y="13">{escape(names[1])}</text>'
    ]
    for i, (label, a, b) in enumerate(rows):
        y = 24 + i * (ROW + 12)
        body.append(_label(LABEL_W - 6, y + 18, label, LABEL_W - 8))
        for j, value in enumerate((a, b)):
            w = span * value / top if value > 0 else 0.0
            yy = y + j * 17
            body.append(
                _bar(LABEL_W, yy, w, 15, COLORS[j])
                + f'<text x="{LABEL_W + w + 4:.1f}" y="{yy + 12}">{_num(value)}</text>'
            )
    return _svg(width, 30 + len(rows) * (ROW + 12), body, title)


def funnel_chart(steps: Sequence[tuple[str, int]], *, title: str, width: int = 560) -> Markup:
    """Centered bars narrowing from the first step, with the share of the first step."""
    if not steps or not steps[0][1]:
        return Markup('<p class="muted">暂无数据</p>')
    first = steps[0][1]
    span = width - LABEL_W - 100
    body = []
    for i, (label, value) in enumerate(steps):
        y = i * (ROW + 6) + 4
        w = span * value / first if value > 0 else 0.0
        x = LABEL_W + (span - w) / 2
        share = f"{value}（{value * 100 / first:.0f}%）"
        body.append(
            _label(LABEL_W - 6, y + 17, label, LABEL_W - 8)
            + _bar(x, y, w, 24, COLORS[0], ' rx="3"')
            + f'<text x="{LABEL_W + span + 8}" y="{y + 17}">{share}</text>'
        )
    return _svg(width, len(steps) * (ROW + 6) + 8, body, title)


def line_chart(
    points: Sequence[tuple[str, int, int]],
    *,
    names: tuple[str, str],
    title: str,
    width: int = 560,
    height: int = 220,
) -> Markup:
    """Two series over weeks (e.g. submitted and granted per week)."""
    if not points:
        return Markup('<p class="muted">暂无数据</p>')
    left, right, bottom, top_pad = 36, 26, 30, 24
    top = max(max(a, b) for _, a, b in points) or 1
    plot_w, plot_h = width - left - right, height - bottom - top_pad
    step = plot_w / max(1, len(points) - 1)
    body = [
        f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{left + plot_w}" '
        f'y2="{top_pad + plot_h}" stroke="#999"/>',
        f'<text x="{left - 4}" y="{top_pad + 4}" text-anchor="end">{top}</text>',
        f'<text x="{left - 4}" y="{top_pad + plot_h}" text-anchor="end">0</text>',
    ]
    for j, name in enumerate(names):
        values = [p[1] if j == 0 else p[2] for p in points]
        coords = [
            (left + i * step, top_pad + plot_h - plot_h * v / top) for i, v in enumerate(values)
        ]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        body.append(
            f'<polyline fill="none" stroke="{COLORS[j]}" stroke-width="2" points="{path}"/>'
        )
        body += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{COLORS[j]}"/>' for x, y in coords]
        body.append(
            f'<rect x="{left + 10 + j * 110}" y="4" width="12" height="12" '
            f'fill="{COLORS[j]}"/><text x="{left + 26 + j * 110}" y="15">'
            f"{escape(name)}</text>"
        )
    for i in _label_positions([left + i * step for i in range(len(points))], points):
        body.append(
            f'<text x="{left + i * step:.1f}" y="{height - 10}" '
            f'text-anchor="middle">{escape(points[i][0])}</text>'
        )
    return _svg(width, height, body, title)


def _label_positions(xs: list[float], points: Sequence[tuple[str, int, int]]) -> list[int]:
    """Indexes of the x labels to draw: the last one always, then leftwards without overlap.

    Labels are centred on their point; two labels need their half-widths plus a gap between
    their centres (LABEL_CHAR_W px per character at the chart's 12 px font).
    """
    shown: list[int] = []
    for i in range(len(xs) - 1, -1, -1):
        if not shown:
            shown.append(i)
            continue
        j = shown[-1]
        need = (len(points[i][0]) + len(points[j][0])) * LABEL_CHAR_W / 2 + LABEL_GAP
        if xs[j] - xs[i] >= need:
            shown.append(i)
    return sorted(shown)
