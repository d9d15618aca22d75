"""Content fields residents read, translated per language (django-modeltranslation).

Each field gets one column per language (`title_es`, `title_vi`, ...); reading `title` gives the
active language and falls back to English when a translation is missing.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Action, Engagement, Neighborhood, ReportBack, Topic


@register(Engagement)
class EngagementTranslation(TranslationOptions):
    fields = ("title", "summary", "description", "location")
    required_languages = ("en",)


@register(Neighborhood)
class NeighborhoodTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


@register(Action)
class ActionTranslation(TranslationOptions):
    fields = ("title", "description", "reason")
    required_languages = ("en",)


@register(ReportBack)
class ReportBackTranslation(TranslationOptions):
    fields = ("heard", "did")
    required_languages = ("en",)
