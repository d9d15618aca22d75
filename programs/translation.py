from modeltranslation.translator import TranslationOptions, register

from .models import Partner, Program, Session, Venue


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
