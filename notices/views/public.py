"""What residents see of notices: their inbox, their choices, and one-click unsubscribe."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from .. import selectors, services
from ..forms import PreferencesForm
from ..models import Channel, Delivery, OptOut


@login_required
def inbox(request):
    page = Paginator(selectors.inbox_list(user=request.user), 20).get_page(request.GET.get("page"))
    cache: dict = {}
    items = [
        {"delivery": delivery, "message": services.delivery_render(delivery, cache)}
        for delivery in page.object_list
    ]
    return render(request, "notices/inbox.html", {"page_obj": page, "items": items, "nav": "inbox"})


@login_required
def inbox_detail(request, pk: int):
    delivery = get_object_or_404(selectors.inbox_list(user=request.user), pk=pk)
    if delivery.read_at is None:
        services.inbox_mark_read(user=request.user, delivery_ids=[delivery.pk])
    return render(
        request,
        "notices/inbox_detail.html",
        {"delivery": delivery, "message": services.delivery_render(delivery), "nav": "inbox"},
    )


@login_required
def preferences(request):
    blocked = set(OptOut.objects.filter(user=request.user).values_list("kind", "channel"))
    form = PreferencesForm(request.POST or None, kinds=services.optional_kinds(), blocked=blocked)
    if request.method == "POST" and form.is_valid():
        services.opt_outs_set(user=request.user, blocked=form.blocked())
        messages.success(request, _("Your choices are saved."))
        return redirect("notices:preferences")
    return render(request, "notices/preferences.html", {"form": form, "nav": "profile"})


# Mail clients send the one-click unsubscribe as a POST without a CSRF token (RFC 8058); the signed
# token in the URL is the authorisation.
@csrf_exempt
def unsubscribe(request, token: str):
    try:
        delivery: Delivery = services.delivery_from_unsubscribe_token(token)
    except services.InvalidUnsubscribeLink:
        return render(request, "notices/unsubscribe.html", {"invalid": True}, status=404)
    if request.method == "POST":
        services.unsubscribe(delivery=delivery)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(status=200)
        return render(request, "notices/unsubscribe.html", {"done": True, "delivery": delivery})
    return render(
        request,
        "notices/unsubscribe.html",
        {"delivery": delivery, "is_email": delivery.channel == Channel.EMAIL},
    )
