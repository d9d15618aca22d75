from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Cohort, Partner, Program, Registration, Series, Session, Venue


@admin.register(Partner)
class PartnerAdmin(TranslationAdmin):
    list_display = ["name", "kind", "is_listed"]
    list_filter = ["kind", "is_listed"]
    search_fields = ["name"]
    filter_horizontal = ["neighborhoods"]


@admin.register(Venue)
class VenueAdmin(TranslationAdmin):
    list_display = ["name", "address", "neighborhood", "step_free"]
    list_filter = ["neighborhood", "step_free"]
    search_fields = ["name", "address"]


@admin.register(Program)
class ProgramAdmin(TranslationAdmin):
    list_display = ["engagement", "kind"]
    list_filter = ["kind"]
    list_select_related = ["engagement"]
    filter_horizontal = ["coordinators", "partners"]
    raw_id_fields = ["engagement"]


@admin.register(Session)
class SessionAdmin(TranslationAdmin):
    list_display = ["program", "starts_at", "venue", "capacity", "status"]
    list_filter = ["status", "program"]
    list_select_related = ["program__engagement", "venue"]
    date_hierarchy = "starts_at"
    filter_horizontal = ["languages", "interpretation", "hosts", "partner_hosts"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["code", "session", "status", "checked_in_at", "no_show"]
    list_filter = ["status", "no_show"]
    list_select_related = ["session__program__engagement"]
    search_fields = ["code", "guest_name", "guest_email", "user__email"]
    readonly_fields = [
        "token",
        "code",
        "created_at",
        "confirmed_at",
        "cancelled_at",
        "waitlisted_at",
    ]
    raw_id_fields = ["session", "user"]


admin.site.register(Series)
admin.site.register(Cohort)
