from modeltranslation.translator import TranslationOptions, register

from .models import Partner, Program, Session, Venue, Waiver


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("description",)


@register(Venue)
class VenueTranslation(TranslationOptions):
    fields = ("directions",)


@register(Program)
class ProgramTranslation(TranslationOptions):
    fields = ("application_questions",)


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title",)


@register(Waiver)
class WaiverTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = ("en",)
