"""Retention in the back office: periods a records officer edits, the record of runs, and the
legal-hold fields shared by engagements and cases."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import RetentionPolicy, RetentionRun
from .retention import rules
from .services import legal_hold_release, legal_hold_set, retention_policies_ensure

LEGAL_HOLD_FIELDS = ("legal_hold", "legal_hold_reason", "legal_hold_set_by", "legal_hold_set_at")


class LegalHoldAdminMixin:
    """Adds the hold to the change form (who and when are stamped, not typed) and a release action.

    Writes go through the legal-hold services so the stamp and the log are always made."""

    legal_hold_readonly = ("legal_hold_set_by", "legal_hold_set_at")
    actions = ["release_legal_hold"]

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), *self.legal_hold_readonly]
        if not request.user.has_perm("engagements.manage_legal_hold"):
            readonly += ["legal_hold", "legal_hold_reason"]
        return readonly

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not request.user.has_perm("engagements.manage_legal_hold"):
            actions.pop("release_legal_hold", None)
        return actions

    def save_model(self, request, obj, form, change):
        hold_changed = {"legal_hold", "legal_hold_reason"} & set(form.changed_data)
        super().save_model(request, obj, form, change)
        if not hold_changed:
            return
        if obj.legal_hold:
            legal_hold_set(obj=obj, reason=obj.legal_hold_reason, set_by=request.user)
        else:
            legal_hold_release(obj=obj, released_by=request.user)

    @admin.action(description=_("Release the legal hold"))
    def release_legal_hold(self, request, queryset):
        held = list(queryset.filter(legal_hold=True))
        for obj in held:
            legal_hold_release(obj=obj, released_by=request.user)
        self.message_user(
            request,
            ngettext("Released %(n)d legal hold.", "Released %(n)d legal holds.", len(held))
            % {"n": len(held)},
            messages.SUCCESS,
        )


def legal_hold_clean(form) -> None:
    """Form-level check: a hold needs a reason (the database enforces it too)."""
    data = form.cleaned_data
    if data.get("legal_hold") and not (data.get("legal_hold_reason") or "").strip():
        form.add_error("legal_hold_reason", _("Say why the data is held."))


@admin.register(RetentionPolicy)
class RetentionPolicyAdmin(admin.ModelAdmin):
    list_display = ["rule", "period_days", "enabled", "updated_by", "updated_at"]
    list_editable = ["period_days", "enabled"]
    readonly_fields = ["key", "rule", "description", "updated_by", "updated_at"]
    fields = ["rule", "description", "period_days", "enabled", "updated_by", "updated_at"]

    @admin.display(description=_("rule"))
    def rule(self, obj):
        return str(obj)

    @admin.display(description=_("what happens"))
    def description(self, obj):
        return next((rule.description for rule in rules() if rule.key == obj.key), "")

    def changelist_view(self, request, extra_context=None):
        # The rows exist before the first run, so the officer can set periods beforehand.
        retention_policies_ensure()
        return super().changelist_view(request, extra_context)

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RetentionRun)
class RetentionRunAdmin(admin.ModelAdmin):
    list_display = ["started_at", "dry_run", "as_of", "triggered_by", "total_done"]
    list_filter = ["dry_run"]
    readonly_fields = [
        "dry_run",
        "as_of",
        "triggered_by",
        "started_at",
        "finished_at",
        "report",
    ]

    @admin.display(description=_("records changed"))
    def total_done(self, obj):
        return obj.total_done

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
