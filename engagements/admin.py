from django import forms
from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .admin_retention import LegalHoldAdminMixin, legal_hold_clean
from .models import CommunityFigures, Engagement, Language, Neighborhood, Topic


class EngagementAdminForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        legal_hold_clean(self)
        return cleaned


@admin.register(Engagement)
class EngagementAdmin(LegalHoldAdminMixin, TranslationAdmin):
    form = EngagementAdminForm
    list_display = ["title", "category", "format", "status", "owner", "published_at", "legal_hold"]
    list_filter = ["status", "category", "format", "mode", "legal_hold", "topics", "neighborhoods"]
    search_fields = ["title", "summary"]
    autocomplete_fields = ["owner"]
    filter_horizontal = ["topics", "neighborhoods", "languages"]
    readonly_fields = ["published_at", "closed_at", "created_at", "updated_at"]
    list_select_related = ["owner"]


@admin.register(Neighborhood)
class NeighborhoodAdmin(TranslationAdmin):
    list_display = ["name", "slug", "beat"]
    search_fields = ["name", "beat"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Topic)
class TopicAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "native_name"]
    search_fields = ["code", "name", "native_name"]


@admin.register(CommunityFigures)
class CommunityFiguresAdmin(admin.ModelAdmin):
    list_display = ["neighborhood", "population", "source", "updated_at"]
    list_select_related = ["neighborhood"]
