"""Staff work on the loop: the inbox of inputs, actions, batch entry, report-backs."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.decorators import permission_required_or_403

from .. import selectors, services
from ..forms import ActionForm, BatchInputFormSet, ReportBackForm
from ..models import Action, Engagement, Input, ReportBack

staff_only = permission_required_or_403("engagements.manage_loop")

PAGE_SIZE = 50


def _selected_inputs(request) -> list[Input]:
    ids = [int(value) for value in request.POST.getlist("inputs") if value.isdigit()]
    return list(Input.objects.filter(pk__in=ids).select_related("engagement"))


@staff_only
def inbox(request):
    """Inputs nobody has acted on yet, oldest first."""
    engagement = None
    if request.GET.get("engagement", "").isdigit():
        engagement = Engagement.objects.filter(pk=request.GET["engagement"]).first()
    page = Paginator(
        selectors.input_list_without_action(engagement=engagement), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "engagements/staff/loop_inbox.html",
        {"page_obj": page, "inputs": page.object_list, "engagement": engagement, "nav": "staff"},
    )


@staff_only
def action_create(request):
    """Group selected inputs (one engagement) under a new action."""
    inputs = _selected_inputs(request) if request.method == "POST" else []
    if request.method == "POST" and "inputs_chosen" in request.POST:
        # Arrived from the inbox with a selection: show the form for it.
        form = ActionForm(initial={"owner": request.user})
    else:
        form = ActionForm(request.POST or None, initial={"owner": request.user})
        if request.method == "POST" and form.is_valid():
            engagement = inputs[0].engagement if inputs else None
            try:
                if engagement is None:
                    raise services.LoopError(_("Choose at least one input."))
                action = services.action_create(
                    engagement=engagement,
                    inputs=inputs,
                    values=form.cleaned_data,
                    created_by=request.user,
                )
            except services.LoopError as error:
                messages.error(request, str(error))
                return redirect("staff:loop:inbox")
            messages.success(request, _("The action is saved."))
            return redirect("staff:loop:action_edit", pk=action.pk)
    if not inputs:
        messages.error(request, _("Choose at least one input."))
        return redirect("staff:loop:inbox")
    return render(
        request,
        "engagements/staff/action_form.html",
        {"form": form, "inputs": inputs, "nav": "staff"},
    )


@require_POST
@staff_only
def inputs_attach(request):
    """Put selected inputs under an existing action."""
    action = get_object_or_404(Action, pk=request.POST.get("action") or 0)
    inputs = _selected_inputs(request)
    try:
        services.action_attach_inputs(action=action, inputs=inputs)
    except services.LoopError as error:
        messages.error(request, str(error))
        return redirect("staff:loop:inbox")
    messages.success(
        request,
        ngettext(
            "%(count)d input added to the action.",
            "%(count)d inputs added to the action.",
            len(inputs),
        )
        % {"count": len(inputs)},
    )
    return redirect("staff:loop:action_edit", pk=action.pk)


@staff_only
def action_edit(request, pk: int):
    action = get_object_or_404(Action.objects.select_related("engagement", "owner"), pk=pk)
    form = ActionForm(request.POST or None, instance=action)
    if request.method == "POST" and form.is_valid():
        services.action_update(action=action, values=form.cleaned_data, updated_by=request.user)
        messages.success(request, _("Your changes are saved."))
        return redirect("staff:loop:action_edit", pk=action.pk)
    return render(
        request,
        "engagements/staff/action_form.html",
        {
            "form": form,
            "action": action,
            "inputs": action.inputs.select_related("topic", "neighborhood"),
            "nav": "staff",
        },
    )


def _action_list(request, *, title: str, **filters):
    page = Paginator(selectors.action_list(**filters), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "engagements/staff/action_list.html",
        {"page_obj": page, "actions": page.object_list, "title": title, "nav": "staff"},
    )


@staff_only
def actions_mine(request):
    return _action_list(request, title=_("My open actions"), owner=request.user, open_only=True)


@staff_only
def actions_overdue(request):
    return _action_list(request, title=_("Overdue actions"), overdue=True)


@staff_only
def engagement_loop(request, pk: int):
    """One engagement's loop: its inputs, actions, report-backs and figures."""
    engagement = get_object_or_404(Engagement, pk=pk)
    return render(
        request,
        "engagements/staff/engagement_loop.html",
        {
            "engagement": engagement,
            "waiting": selectors.input_list_without_action(engagement=engagement)[:20],
            "actions": selectors.action_list_for_engagement(engagement=engagement),
            "report_backs": engagement.report_backs.order_by("-created_at"),
            "figures": selectors.accountability_figures(engagement=engagement),
            "nav": "staff",
        },
    )


@staff_only
def inputs_batch(request, pk: int):
    """Type in many inputs at once: comment cards, notes from a town hall."""
    engagement = get_object_or_404(Engagement, pk=pk)
    formset = BatchInputFormSet(request.POST or None)
    if request.method == "POST" and formset.is_valid():
        rows = [form.cleaned_data for form in formset if form.cleaned_data.get("text", "").strip()]
        try:
            created = services.inputs_create_batch(
                engagement=engagement, rows=rows, entered_by=request.user
            )
        except services.LoopError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                ngettext("%(count)d input saved.", "%(count)d inputs saved.", len(created))
                % {"count": len(created)},
            )
            return redirect("staff:loop:engagement", pk=engagement.pk)
    return render(
        request,
        "engagements/staff/inputs_batch.html",
        {"engagement": engagement, "formset": formset, "nav": "staff"},
    )


@staff_only
def report_back_edit(request, pk: int, report_back_pk: int | None = None):
    engagement = get_object_or_404(Engagement, pk=pk)
    report_back = (
        get_object_or_404(ReportBack, pk=report_back_pk, engagement=engagement)
        if report_back_pk
        else None
    )
    form = ReportBackForm(request.POST or None, instance=report_back, engagement=engagement)
    if request.method == "POST" and form.is_valid():
        try:
            report_back = services.report_back_save(
                engagement=engagement,
                report_back=report_back,
                values=form.cleaned_data,
                actions=list(form.cleaned_data["actions"]),
                saved_by=request.user,
            )
        except services.LoopError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The report-back is saved."))
            return redirect(
                "staff:loop:report_back_edit", pk=engagement.pk, report_back_pk=report_back.pk
            )
    return render(
        request,
        "engagements/staff/report_back_form.html",
        {"engagement": engagement, "report_back": report_back, "form": form, "nav": "staff"},
    )


@require_POST
@staff_only
def report_back_publish(request, pk: int, report_back_pk: int):
    report_back = get_object_or_404(ReportBack, pk=report_back_pk, engagement_id=pk)
    try:
        services.report_back_publish(report_back=report_back, published_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The report-back is published and on its way to everyone who took part."),
        )
    return redirect("staff:loop:report_back_edit", pk=pk, report_back_pk=report_back.pk)
