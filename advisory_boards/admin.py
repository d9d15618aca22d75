"""Boards in the admin. Drafts, comments and confidential material are handled in the staff pages
(which log access); the access log is read-only here."""

from django import forms
from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from engagements.admin_retention import LegalHoldAdminMixin, legal_hold_clean

from .models import AccessLog, Agreement, Board, Case, Membership


@admin.register(Board)
class BoardAdmin(TranslationAdmin):
    list_display = ["name", "kind", "is_listed"]
    list_filter = ["kind", "is_listed"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "board", "role", "term_start", "term_end", "removed_at"]
    list_filter = ["board", "role"]
    list_select_related = ["user", "board"]
    raw_id_fields = ["user"]
    search_fields = ["user__email", "user__display_name"]


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["board", "version", "created_at"]
    list_select_related = ["board"]
    readonly_fields = ["version"]


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    list_display = ["at", "user", "board", "action", "what"]
    list_filter = ["board", "action"]
    list_select_related = ["user", "board"]
    search_fields = ["user__email", "what"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_module_permission(self, request):
        return request.user.has_perm("advisory_boards.view_access_log")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("advisory_boards.view_access_log")


class CaseAdminForm(forms.ModelForm):
    class Meta:
        model = Case
        fields = ["legal_hold", "legal_hold_reason"]

    def clean(self):
        cleaned = super().clean()
        legal_hold_clean(self)
        return cleaned


@admin.register(Case)
class CaseAdmin(LegalHoldAdminMixin, admin.ModelAdmin):
    """Only the legal hold is edited here; the confidential text never shows in the admin (it is
    read in the members' pages, which log access)."""

    form = CaseAdminForm
    list_display = ["reference", "board", "status", "decided_at", "purged_at", "legal_hold"]
    list_filter = ["legal_hold", "status", "board"]
    list_select_related = ["board"]
    search_fields = ["reference"]
    fields = [
        "reference",
        "board",
        "status",
        "decided_at",
        "purged_at",
        "legal_hold",
        "legal_hold_reason",
        "legal_hold_set_by",
        "legal_hold_set_at",
    ]
    readonly_fields = ["reference", "board", "status", "decided_at", "purged_at"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_module_permission(self, request):
        return request.user.has_perm("engagements.manage_legal_hold")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("engagements.manage_legal_hold")

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("engagements.manage_legal_hold")
