"""Participation equity (staff) and the public transparency page: thin views over selectors."""

from django.shortcuts import render

from accounts.decorators import permission_required_or_403
from engagements import panels
from engagements.exports import csv_response

from .cache import cached_figures
from .equity import EquityReport, equity_report
from .exports import equity_csv_rows
from .forms import PeriodForm, PublicPeriodForm
from .transparency import transparency


def _equity(request) -> tuple[PeriodForm, EquityReport]:
    form = PeriodForm(request.GET or None)
    start, end = form.period()
    report = cached_figures(
        "equity", start=start, end=end, build=lambda: equity_report(start=start, end=end)
    )
    return form, report


@permission_required_or_403("insights.view_equity")
def equity(request):
    form, report = _equity(request)
    return render(request, "insights/equity.html", {"form": form, "report": report})


@permission_required_or_403("insights.view_equity")
def equity_csv(request):
    _form, report = _equity(request)
    header, rows = equity_csv_rows(report)
    return csv_response(f"participation-equity-{report.start}-{report.end}.csv", header, rows)


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
