from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from modeltranslation.utils import build_localized_fieldname

from accounts.decorators import permission_required_or_403
from engagements.models import Input

from .. import selectors, services
from ..forms import AnnouncementForm, QuestionReviewForm
from ..models import Announcement, QuestionReview

staff_only = permission_required_or_403("announcements.manage_announcements")


@staff_only
def announcement_list(request):
    page = Paginator(selectors.announcement_list_for_staff(), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "announcements/staff/announcement_list.html",
        {"page_obj": page, "announcements": page.object_list, "nav": "staff"},
    )


@staff_only
def announcement_edit(request, pk: int | None = None):
    announcement = get_object_or_404(Announcement, pk=pk) if pk else None
    form = AnnouncementForm(request.POST or None, instance=announcement)
    if request.method == "POST" and form.is_valid():
        announcement = services.announcement_save(
            announcement=announcement, values=form.cleaned_data, author=request.user
        )
        messages.success(request, _("The announcement is saved."))
        return redirect("staff:announcements:edit", pk=announcement.pk)
    return render(
        request,
        "announcements/staff/announcement_form.html",
        {"form": form, "announcement": announcement, "nav": "staff"},
    )


@require_POST
@staff_only
def announcement_publish(request, pk: int):
    announcement = services.announcement_publish(
        announcement=get_object_or_404(Announcement, pk=pk), published_by=request.user
    )
    messages.success(request, _("The announcement is published."))
    return redirect("staff:announcements:edit", pk=announcement.pk)


@staff_only
def questions_moderate(request, pk: int):
    engagement = selectors.press_conference_get(pk=pk)
    rows = [
        (question, QuestionReviewForm(instance=_review_of(question), prefix=f"q{question.pk}"))
        for question in selectors.questions_for_moderation(engagement=engagement)
    ]
    return render(
        request,
        "announcements/staff/questions_moderate.html",
        {"engagement": engagement, "rows": rows, "nav": "staff"},
    )


def _review_of(question: Input) -> QuestionReview:
    try:
        return question.question_review
    except QuestionReview.DoesNotExist:
        return QuestionReview(input=question)


@require_POST
@staff_only
def question_review(request, pk: int, input_pk: int):
    question = get_object_or_404(Input, pk=input_pk, engagement_id=pk)
    form = QuestionReviewForm(request.POST, instance=_review_of(question), prefix=f"q{question.pk}")
    if form.is_valid():
        services.question_review(
            question=question,
            status=form.cleaned_data["status"],
            reviewed_by=request.user,
            decline_reason=form.cleaned_data.get("decline_reason", ""),
            answers={
                code: form.cleaned_data.get(build_localized_fieldname("answer", code), "")
                for code, _name in settings.LANGUAGES
            },
        )
        messages.success(request, _("The question is reviewed."))
    else:
        messages.error(
            request, " ".join(str(error) for errors in form.errors.values() for error in errors)
        )
    return redirect("staff:announcements:questions", pk=pk)
