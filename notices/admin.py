from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Delivery, Notice, Suppression


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Notice)
class NoticeAdmin(TranslationAdmin):
    list_display = ["subject", "kind", "audience_kind", "status", "created_at", "released_at"]
    list_filter = ["kind", "status"]
    search_fields = ["subject"]
    readonly_fields = ["status", "released_at", "dedupe_key", "created_by", "created_at"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = [
        "notice",
        "channel",
        "address",
        "language",
        "fell_back",
        "status",
        "attempts",
        "sent_at",
    ]
    list_filter = ["status", "channel", "language", "fell_back"]
    list_select_related = ["notice"]
    search_fields = ["address"]


@admin.register(Suppression)
class SuppressionAdmin(admin.ModelAdmin):
    list_display = ["channel", "address", "reason", "created_at"]
    list_filter = ["channel", "reason"]
    search_fields = ["address"]
