"""A server-made SVG chart of each group's share of participants next to its share of the
community: no JavaScript, mirrored for right-to-left languages, hidden from assistive technology
because the table under it holds the same figures."""

from django import template
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

register = template.Library()

WIDTH = 640
ROW = 44
LABEL = 230
BAR = 320  # 100%
GAP = 8
THICK = 14


def _shorten(text: str, limit: int = 34) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@register.inclusion_tag("insights/includes/share_chart.svg")
def share_chart(groups) -> dict:
    rtl = get_language_bidi()
    # The longest bar fills the width, so small groups stay visible.
    top = max(
        [g.share_percent or 0 for g in groups] + [g.community_percent or 0 for g in groups] + [1]
    )
    rows = []
    for index, group in enumerate(groups):
        y = index * ROW
        bars = []
        for offset, percent, kind in (
            (4, group.share_percent, "participants"),
            (4 + THICK + 2, group.community_percent, "community"),
        ):
            length = round(BAR * (percent or 0) / top)
            start = LABEL + GAP
            bars.append(
                {
                    "x": WIDTH - start - length if rtl else start,
                    "y": y + offset,
                    "length": length,
                    "kind": kind,
                    "value_x": (WIDTH - start - length - 6) if rtl else start + length + 6,
                    "value": "" if percent is None else f"{percent}%",
                }
            )
        rows.append(
            {
                "label": _shorten(group.label),
                "label_x": WIDTH if rtl else 0,
                "text_y": y + ROW // 2 + 4,
                "bars": bars,
                "hidden": group.participants is None,
                "hidden_x": (WIDTH - LABEL - GAP) if rtl else LABEL + GAP,
                "hidden_y": y + 4 + THICK - 2,
            }
        )
    return {
        "rows": rows,
        "width": WIDTH,
        "height": ROW * len(groups),
        "direction": "rtl" if rtl else "ltr",
        # With direction="rtl" on the chart, "start" is the right edge: values sit left of the bars.
        "anchor": "start",
        "hidden_text": _("hidden"),
        "rtl": rtl,
    }
