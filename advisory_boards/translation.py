from modeltranslation.translator import TranslationOptions, register

from .models import Board


@register(Board)
class BoardTranslation(TranslationOptions):
    fields = ("name", "purpose", "charter", "meeting_schedule", "recruitment_questions")
