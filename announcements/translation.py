from modeltranslation.translator import TranslationOptions, register

from .models import Announcement, QuestionReview


@register(Announcement)
class AnnouncementTranslation(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = ("en",)


@register(QuestionReview)
class QuestionReviewTranslation(TranslationOptions):
    fields = ("answer",)
