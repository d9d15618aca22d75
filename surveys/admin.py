"""Surveys in the admin: the survey itself only. Responses, participations and invitations are
left out on purpose: the admin would show confidential answers next to the people who gave them,
which the survey promised never to do. Staff read results through the results pages."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Survey


@admin.register(Survey)
class SurveyAdmin(TranslationAdmin):
    list_display = ["title", "engagement", "status", "anonymity", "access", "trust_wave"]
    list_filter = ["status", "anonymity", "access"]
    list_select_related = ["engagement"]
    search_fields = ["title", "trust_wave"]
    raw_id_fields = ["engagement", "created_by"]
    # The promise and the life cycle change only through the builder's rules.
    readonly_fields = ["anonymity", "status", "opened_at", "closed_at"]
