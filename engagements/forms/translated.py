"""Form helpers for content translated per language (django-modeltranslation fields)."""

from crispy_forms.layout import Fieldset
from django import forms
from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname


def language_fieldsets(fields: tuple[str, ...]) -> list[Fieldset]:
    fieldsets = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        if code == settings.LANGUAGE_CODE:
            legend = _("Text in %(language)s (required)") % {"language": info["name_translated"]}
        else:
            legend = _("Text in %(language)s (optional; English is shown where empty)") % {
                "language": info["name_translated"]
            }
        fieldsets.append(
            Fieldset(legend, *(build_localized_fieldname(field, code) for field in fields))
        )
    return fieldsets


def label_translated_fields(form, model, fields: tuple[str, ...]) -> None:
    for code, _name in settings.LANGUAGES:
        for field in fields:
            name = build_localized_fieldname(field, code)
            form.fields[name].label = model._meta.get_field(field).verbose_name.capitalize()
            form.fields[name].widget.attrs["lang"] = code
            if isinstance(form.fields[name].widget, forms.Textarea):
                form.fields[name].widget.attrs["rows"] = 3
