from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Announcement, QuestionReview


@admin.register(Announcement)
class AnnouncementAdmin(TranslationAdmin):
    list_display = ["title", "kind", "published_at", "notify_followers"]
    list_filter = ["kind", "topics", "neighborhoods"]
    search_fields = ["title", "summary"]
    filter_horizontal = ["topics", "neighborhoods"]
    readonly_fields = ["published_at", "created_at", "updated_at", "author"]


@admin.register(QuestionReview)
class QuestionReviewAdmin(TranslationAdmin):
    list_display = ["input", "status", "reviewed_at", "answered_at"]
    list_filter = ["status"]
    list_select_related = ["input"]
    readonly_fields = ["input", "reviewed_by", "reviewed_at", "answered_at"]
