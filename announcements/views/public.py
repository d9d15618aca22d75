from allauth.core.ratelimit import consume_or_429
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from engagements.services import LoopError

from .. import selectors, services
from ..forms import AnnouncementFilterForm, QuestionForm


def announcement_list(request):
    form = AnnouncementFilterForm(request.GET or None)
    kind = form.cleaned_data.get("kind", "") if form.is_valid() else ""
    page = Paginator(selectors.announcement_list_published(kind=kind), 15).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "announcements/announcement_list.html",
        {"form": form, "page_obj": page, "announcements": page.object_list, "nav": "news"},
    )


def announcement_detail(request, pk: int):
    announcement = selectors.announcement_get_for_user(pk=pk, user=request.user)
    return render(
        request,
        "announcements/announcement_detail.html",
        {"announcement": announcement, "nav": "news"},
    )


def press_conference(request, pk: int):
    engagement = selectors.press_conference_get(pk=pk)
    return render(
        request,
        "announcements/press_conference.html",
        {
            "engagement": engagement,
            "questions": selectors.questions_published(engagement=engagement),
            "nav": "news",
        },
    )


def question_ask(request, pk: int):
    engagement = selectors.press_conference_get(pk=pk)
    form = QuestionForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if limited := consume_or_429(request, action="portal_input"):
            return limited
        if form.is_valid():
            data = form.cleaned_data
            signed_in = request.user.is_authenticated
            try:
                item = services.question_submit(
                    engagement=engagement,
                    text=data["text"],
                    language=get_language(),
                    author=request.user if signed_in and not data.get("anonymous") else None,
                    contact_name=data.get("contact_name", ""),
                    contact_email=data.get("contact_email", ""),
                    contact_phone=data.get("contact_phone") or "",
                    contact_consent=data.get("contact_consent", False),
                )
            except (services.AnnouncementError, LoopError) as error:
                messages.error(request, str(error))
                return redirect("announcements:press_conference", pk=engagement.pk)
            request.session["last_receipt"] = item.receipt_code
            messages.success(
                request, _("Thank you. Your question will be read before the press conference.")
            )
            return redirect("engagements:receipt_detail", code=item.receipt_code)
    return render(
        request,
        "announcements/question_form.html",
        {"engagement": engagement, "form": form, "nav": "news"},
    )
