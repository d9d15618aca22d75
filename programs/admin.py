from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import (
    Application,
    Cohort,
    Partner,
    Program,
    Registration,
    RideOutRequest,
    Series,
    Session,
    Venue,
    VolunteerHours,
    Waiver,
)


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


@admin.register(Waiver)
class WaiverAdmin(TranslationAdmin):
    list_display = ["program", "version", "created_at"]
    list_select_related = ["program__engagement"]


@admin.register(RideOutRequest)
class RideOutRequestAdmin(admin.ModelAdmin):
    list_display = ["user", "program", "unit", "status", "background_check", "scheduled_at"]
    list_filter = ["status", "background_check", "unit"]
    list_select_related = ["user", "program__engagement"]
    raw_id_fields = ["user", "officer", "program", "waiver"]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    """Minors' details are not shown here; coordinators see them on the staff pages."""

    list_display = ["user", "program", "cohort", "status", "created_at"]
    list_filter = ["status", "program"]
    list_select_related = ["user", "program__engagement", "cohort"]
    raw_id_fields = ["user", "program", "cohort"]


@admin.register(VolunteerHours)
class VolunteerHoursAdmin(admin.ModelAdmin):
    list_display = ["user", "program", "worked_on", "hours", "status"]
    list_filter = ["status", "program"]
    list_select_related = ["user", "program__engagement"]
    raw_id_fields = ["user", "program", "session"]
