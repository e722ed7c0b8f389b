"""Bar charts drawn on the server as SVG: no script, no other host, readable without CSS.

A chart is a list of rows (label, value, link). The template
(includes/bar_chart.html) draws each row as its label over a bar, which stays
legible when a phone shrinks the drawing, and repeats the numbers in a table
that screen readers read instead of the drawing.
"""

from dataclasses import dataclass, field

WIDTH = 400  # viewBox units; the figure scales to its column
ROW = 38  # label line + bar
BAR = 14
VALUE_ROOM = 48  # space kept after the longest bar for its number


@dataclass
class Bar:
    label: str
    value: int
    # Filled in by layout():
    y: float = 0
    label_x: float = 0
    bar_x: float = 0
    bar_y: float = 0
    width: float = 0
    value_x: float = 0
    value_y: float = 0


@dataclass
class Chart:
    id: str
    title: str
    label_heading: str
    bars: list = field(default_factory=list)
    width: int = WIDTH
    height: int = 0
    rtl: bool = False
    note: str = ""

    @property
    def direction(self):
        # Said on the <svg>: text-anchor="start" is then the right edge in Arabic.
        return "rtl" if self.rtl else "ltr"

    @property
    def total(self):
        return sum(bar.value for bar in self.bars)


def layout(chart):
    """Place every bar: lengths proportional to the largest value, growing from the
    start of the line (the right in Arabic)."""
    longest = max((bar.value for bar in chart.bars), default=0) or 1
    room = chart.width - VALUE_ROOM
    for i, bar in enumerate(chart.bars):
        bar.y = i * ROW + 14
        bar.bar_y = bar.y + 6
        bar.value_y = bar.bar_y + 12
        bar.width = round(max(bar.value / longest * room, 2 if bar.value else 0), 1)
        if chart.rtl:
            bar.label_x = chart.width
            bar.bar_x = round(chart.width - bar.width, 1)
            bar.value_x = round(bar.bar_x - 4, 1)
        else:
            bar.label_x = 0
            bar.bar_x = 0
            bar.value_x = round(bar.width + 4, 1)
    chart.height = len(chart.bars) * ROW
    return chart
