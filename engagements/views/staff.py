"""Staff pages for the catalogue. Every view checks `engagements.manage_engagements`."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import permission_required_or_403

from .. import selectors, services
from ..forms import EngagementForm, StaffEngagementFilterForm
from ..models import Engagement
from ..panels import staff_links_for

staff_only = permission_required_or_403("engagements.manage_engagements")

PAGE_SIZE = 25


@staff_only
def engagement_list(request):
    form = StaffEngagementFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = selectors.engagement_list_for_staff(
        status=filters.get("status", ""), q=filters.get("q", "")
    )
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "engagements/staff/engagement_list.html",
        {"form": form, "page_obj": page, "engagements": page.object_list, "nav": "staff"},
    )


@staff_only
def engagement_create(request):
    form = EngagementForm(request.POST or None, initial={"owner": request.user})
    if request.method == "POST" and form.is_valid():
        engagement = services.engagement_create(created_by=request.user, values=form.cleaned_data)
        messages.success(request, _("The engagement is saved as a draft."))
        return redirect("staff:engagements:edit", pk=engagement.pk)
    return render(request, "engagements/staff/engagement_form.html", {"form": form, "nav": "staff"})


@staff_only
def engagement_edit(request, pk: int):
    engagement = get_object_or_404(Engagement, pk=pk)
    form = EngagementForm(request.POST or None, instance=engagement)
    if request.method == "POST" and form.is_valid():
        services.engagement_update(
            engagement=engagement, updated_by=request.user, values=form.cleaned_data
        )
        messages.success(request, _("Your changes are saved."))
        return redirect("staff:engagements:edit", pk=engagement.pk)
    return render(
        request,
        "engagements/staff/engagement_form.html",
        {
            "form": form,
            "engagement": engagement,
            "staff_links": staff_links_for(engagement),
            "nav": "staff",
        },
    )


@require_POST
@staff_only
def engagement_publish(request, pk: int):
    engagement = get_object_or_404(Engagement, pk=pk)
    try:
        services.engagement_publish(engagement=engagement, published_by=request.user)
    except services.EngagementStateError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The engagement is published."))
    return redirect("staff:engagements:edit", pk=engagement.pk)


@require_POST
@staff_only
def engagement_close(request, pk: int):
    engagement = get_object_or_404(Engagement, pk=pk)
    try:
        services.engagement_close(engagement=engagement, closed_by=request.user)
    except services.EngagementStateError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The engagement is closed."))
    return redirect("staff:engagements:edit", pk=engagement.pk)
