from modeltranslation.translator import TranslationOptions, register

from .models import Choice, Question, Survey


@register(Survey)
class SurveyTranslation(TranslationOptions):
    fields = ("title", "intro")
    required_languages = ("en",)


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "help_text")


@register(Choice)
class ChoiceTranslation(TranslationOptions):
    fields = ("text",)
