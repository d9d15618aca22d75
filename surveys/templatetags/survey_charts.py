"""Server-made SVG bar charts for results: no JavaScript, readable in print, mirrored for
right-to-left languages. Charts are hidden from assistive technology because the same numbers
follow in a table."""

from django import template
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

register = template.Library()

WIDTH = 640
ROW = 28
LABEL = 250  # room for the answer's text
BAR = 300  # the longest bar (100%)
GAP = 8


def _shorten(text: str, limit: int = 38) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@register.inclusion_tag("surveys/includes/bar_chart.svg")
def bar_chart(rows: list[dict]) -> dict:
    rtl = get_language_bidi()
    bars = []
    for index, row in enumerate(rows):
        y = index * ROW
        length = round(BAR * (row["percent"] or 0) / 100)
        value = _("hidden") if row["count"] is None else f"{row['percent']}%"
        if rtl:
            bar_end = WIDTH - LABEL - GAP
            bars.append(
                {
                    "label_x": WIDTH,
                    "bar_x": bar_end - length,
                    "value_x": bar_end - length - 6,
                    "anchor": "start",
                    # direction="rtl": "start" is the right edge, so the value sits left of the bar.
                    "value_anchor": "start",
                }
            )
        else:
            bars.append(
                {
                    "label_x": 0,
                    "bar_x": LABEL + GAP,
                    "value_x": LABEL + GAP + length + 6,
                    "anchor": "start",
                    "value_anchor": "start",
                }
            )
        bars[-1].update(
            {
                "y": y,
                "text_y": y + ROW // 2 + 5,
                "bar_y": y + 6,
                "length": length,
                "label": _shorten(row["label"]),
                "value": value,
                "hidden": row["count"] is None,
            }
        )
    return {
        "bars": bars,
        "width": WIDTH,
        "height": ROW * len(rows),
        "direction": "rtl" if rtl else "ltr",
    }
