"""Public pages of the loop: send input, follow it with a receipt code, see accountability."""

from allauth.core.ratelimit import consume_or_429
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .. import panels, selectors, services
from ..forms import AccountabilityFilterForm, InputForm, ReceiptLookupForm
from ..models import Format, Source


def input_create(request, pk: int):
    engagement = selectors.engagement_get_for_user(pk=pk, user=request.user)
    if not (engagement.is_open and engagement.accepts_input):
        messages.info(request, _("This engagement is not taking comments now."))
        return redirect(engagement.get_absolute_url())
    form = InputForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if limited := consume_or_429(request, action="portal_input"):
            return limited
        if form.is_valid():
            data = form.cleaned_data
            signed_in = request.user.is_authenticated
            try:
                item = services.input_create(
                    engagement=engagement,
                    text=data["text"],
                    language=get_language(),
                    # Before a press conference, what people send are questions for it.
                    source=Source.QUESTION
                    if engagement.format == Format.PRESS_CONFERENCE
                    else Source.ONLINE_COMMENT,
                    topic=data.get("topic"),
                    neighborhood=data.get("neighborhood"),
                    author=request.user if signed_in and not data.get("anonymous") else None,
                    contact_name=data.get("contact_name", ""),
                    contact_email=data.get("contact_email", ""),
                    contact_phone=data.get("contact_phone") or "",
                    contact_consent=data.get("contact_consent", False),
                )
            except services.LoopError as error:
                messages.error(request, str(error))
                return redirect(engagement.get_absolute_url())
            request.session["last_receipt"] = item.receipt_code
            return redirect("engagements:receipt_detail", code=item.receipt_code)
    return render(
        request,
        "engagements/input_form.html",
        {"engagement": engagement, "form": form, "nav": "catalogue"},
    )


def receipt_lookup(request):
    form = ReceiptLookupForm(request.POST or None)
    if request.method == "POST":
        if limited := consume_or_429(request, action="portal_receipt"):
            return limited
        if form.is_valid():
            return redirect("engagements:receipt_detail", code=form.cleaned_data["code"].strip())
    return render(request, "engagements/receipt_lookup.html", {"form": form})


def receipt_detail(request, code: str):
    item = selectors.input_get_by_receipt(code=code)
    just_sent = request.session.pop("last_receipt", None) == item.receipt_code
    return render(
        request, "engagements/receipt_detail.html", {"input": item, "just_sent": just_sent}
    )


def accountability(request):
    form = AccountabilityFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    figures = selectors.accountability_figures_public(
        topic=filters.get("topic"),
        neighborhood=filters.get("neighborhood"),
        since=filters.get("since"),
        until=filters.get("until"),
    )
    return render(
        request,
        "engagements/accountability.html",
        {
            "form": form,
            "figures": figures,
            "links": panels.accountability_links(),
            "nav": "accountability",
        },
    )
