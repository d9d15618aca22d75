from django.core.paginator import Paginator
from django.shortcuts import render

from .. import selectors
from ..forms import CatalogueFilterForm
from ..models.engagement import CATEGORY_DESCRIPTIONS
from ..panels import panels_for

PAGE_SIZE = 12


def home(request):
    return render(
        request,
        "engagements/home.html",
        {
            "open_now": selectors.engagement_list_open_now(limit=6),
            "spectrum": [
                band | {"description": CATEGORY_DESCRIPTIONS[band["category"]]}
                for band in selectors.engagement_counts_by_category()
            ],
        },
    )


def engagement_list(request):
    form = CatalogueFilterForm(request.GET or None)
    filters = selectors.CatalogueFilters()
    if form.is_valid():
        cleaned = {key: value for key, value in form.cleaned_data.items() if value}
        filters = selectors.CatalogueFilters(**cleaned)
    paginator = Paginator(selectors.engagement_list_public(filters=filters), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "engagements/engagement_list.html",
        {
            "form": form,
            "page_obj": page,
            "engagements": page.object_list,
            "filtered": form.is_bound and form.is_valid() and any(form.cleaned_data.values()),
            "nav": "catalogue",
        },
    )


def engagement_detail(request, pk: int):
    engagement = selectors.engagement_get_for_user(pk=pk, user=request.user)
    return render(
        request,
        "engagements/engagement_detail.html",
        {
            "engagement": engagement,
            "report_backs": selectors.report_back_list_published(engagement=engagement),
            "panels": panels_for(request, engagement),
            "nav": "catalogue",
        },
    )
