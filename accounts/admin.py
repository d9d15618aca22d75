from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Demographics, User
from .roles import GROUP_ROLES
from .selectors import user_roles
from .services import user_set_roles


class UserRolesForm(forms.ModelForm):
    roles = forms.MultipleChoiceField(
        label=_("Staff roles"),
        choices=[(role.value, role.label) for role in GROUP_ROLES],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("No role: the person is a resident."),
    )

    class Meta:
        model = User
        fields = ["email", "display_name", "language", "is_active"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserRolesForm
    ordering = ["email"]
    list_display = ["email", "display_name", "language", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_active", "groups", "language"]
    search_fields = ["email", "display_name"]
    readonly_fields = ["last_login", "date_joined", "is_staff"]
    fieldsets = [
        (None, {"fields": ["email", "display_name", "language", "password"]}),
        (_("Role"), {"fields": ["roles", "is_staff", "is_active"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is not None and "roles" in form.base_fields:
            form.base_fields["roles"].initial = [
                role for role in user_roles(user=obj) if role in {r.value for r in GROUP_ROLES}
            ]
        return form

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if "roles" in form.cleaned_data:
            user_set_roles(user=form.instance, roles=form.cleaned_data["roles"])


@admin.register(Demographics)
class DemographicsAdmin(admin.ModelAdmin):
    """Aggregate use only: the admin shows that answers exist, never the answers with a name."""

    list_display = ["consented_at", "updated_at"]
    fields = ["consented_at", "updated_at"]
    readonly_fields = ["consented_at", "updated_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
