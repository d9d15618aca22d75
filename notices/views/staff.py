"""Staff compose notices, preview them per language, send or schedule, and follow deliveries."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import permission_required_or_403

from .. import selectors, services
from ..channels.sms import sms_segments
from ..forms import NoticeComposeForm
from ..models import Notice, NoticeStatus

staff_only = permission_required_or_403("notices.manage_notices")


@staff_only
def notice_list(request):
    page = Paginator(selectors.notice_list_for_staff(), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "notices/staff/notice_list.html",
        {"page_obj": page, "notices": page.object_list, "nav": "staff"},
    )


@staff_only
def notice_compose(request, pk: int | None = None):
    notice = get_object_or_404(Notice, pk=pk, status=NoticeStatus.DRAFT) if pk else None
    form = NoticeComposeForm(request.POST or None, instance=notice)
    if request.method == "POST" and form.is_valid():
        notice = services.notice_draft_save(
            notice=notice,
            values=form.cleaned_data,
            audience_kind=form.cleaned_data["audience_kind"],
            audience_params=form.audience_params(),
            created_by=request.user,
        )
        return redirect("staff:notices:preview", pk=notice.pk)
    return render(
        request, "notices/staff/notice_form.html", {"form": form, "notice": notice, "nav": "staff"}
    )


@staff_only
def notice_preview(request, pk: int):
    notice = get_object_or_404(Notice, pk=pk)
    languages = selectors.audience_language_counts(notice=notice)
    previews = []
    for language in languages:
        code = language["code"] if language["translated"] else "en"
        field = code.replace("-", "_")
        subject = getattr(notice, f"subject_{field}") or notice.subject_en
        previews.append(
            language
            | {
                "subject": subject,
                "body": getattr(notice, f"body_{field}") or notice.body_en,
                "sms": sms_segments(subject + "\n" + notice.link),
            }
        )
    return render(
        request,
        "notices/staff/notice_preview.html",
        {
            "notice": notice,
            "languages": previews,
            "missing": [language for language in languages if not language["translated"]],
            "nav": "staff",
        },
    )


@require_POST
@staff_only
def notice_confirm(request, pk: int):
    notice = get_object_or_404(Notice, pk=pk)
    try:
        notice = services.notice_confirm(notice=notice)
    except services.NoticeStateError as error:
        messages.error(request, str(error))
    else:
        if notice.status == NoticeStatus.SCHEDULED:
            messages.success(request, _("The notice is scheduled."))
        else:
            messages.success(request, _("The notice is on its way."))
    return redirect("staff:notices:detail", pk=notice.pk)


@require_POST
@staff_only
def notice_cancel(request, pk: int):
    notice = services.notice_cancel(notice=get_object_or_404(Notice, pk=pk))
    if notice.status == NoticeStatus.CANCELLED:
        messages.success(request, _("The notice is cancelled."))
    return redirect("staff:notices:detail", pk=notice.pk)


@staff_only
def notice_detail(request, pk: int):
    notice = get_object_or_404(Notice.objects.select_related("created_by", "engagement"), pk=pk)
    return render(
        request,
        "notices/staff/notice_detail.html",
        {"notice": notice, "stats": selectors.notice_delivery_stats(notice=notice), "nav": "staff"},
    )
