"""The equity figures as CSV rows: the same suppressed figures the page shows."""

from django.utils.translation import gettext as _

from .equity import EquityReport


def _small(value) -> str:
    """Totals and counts hidden only for being small."""
    return _("fewer than 11") if value is None else value


def _hidden(value) -> str:
    """Cells hidden for being small or for giving a small one away."""
    return _("hidden") if value is None else value


def equity_csv_rows(report: EquityReport) -> tuple[list, list[list]]:
    rows = [[_("Participants, all"), "", _small(report.total), "", "", "", ""]]
    rows += [
        [_("Activity"), label, _small(count), "", "", "", ""] for label, count in report.by_activity
    ]
    for dimension in report.dimensions:
        for group in dimension.groups:
            rows.append(
                [
                    dimension.title,
                    group.label,
                    _hidden(group.participants),
                    "" if group.share_percent is None else group.share_percent,
                    "" if group.community_percent is None else group.community_percent,
                    "" if group.ratio is None else group.ratio,
                    _("yes") if group.under_represented else "",
                ]
            )
        if dimension.partition:
            rows.append(
                [dimension.title, _("Not stated"), _small(dimension.not_stated), "", "", "", ""]
            )
    header = [
        _("Dimension"),
        _("Group"),
        _("Participants"),
        _("Share of participants (%)"),
        _("Share of community (%)"),
        _("Representation ratio"),
        _("Under-represented"),
    ]
    return header, rows
