"""Participation equity (staff) and the public transparency page: thin views over selectors."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from accounts.decorators import permission_required_or_403
from engagements import panels
from engagements.exports import csv_response

from .cache import cached_figures
from .equity import equity_report
from .forms import PeriodForm, PublicPeriodForm
from .transparency import transparency


def _small(value) -> str:
    """Totals and counts hidden only for being small."""
    return _("fewer than 11") if value is None else value


def _hidden(value) -> str:
    """Cells hidden for being small or for giving a small one away."""
    return _("hidden") if value is None else value


@permission_required_or_403("insights.view_equity")
def equity(request):
    form = PeriodForm(request.GET or None)
    start, end = form.period()
    report = cached_figures(
        "equity", start=start, end=end, build=lambda: equity_report(start=start, end=end)
    )
    return render(request, "insights/equity.html", {"form": form, "report": report})


@permission_required_or_403("insights.view_equity")
def equity_csv(request):
    form = PeriodForm(request.GET or None)
    start, end = form.period()
    report = cached_figures(
        "equity", start=start, end=end, build=lambda: equity_report(start=start, end=end)
    )
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
    return csv_response(f"participation-equity-{start}-{end}.csv", header, rows)


def transparency_page(request):
    form = PublicPeriodForm(request.GET or None)
    start, end = form.period()
    return render(
        request,
        "insights/transparency.html",
        {
            "form": form,
            "data": cached_figures(
                "transparency",
                start=start,
                end=end,
                build=lambda: transparency(start=start, end=end),
            ),
            "sections": panels.transparency_sections(),
            "nav": "accountability",
        },
    )
