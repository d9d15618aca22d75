"""Writing content translated per language (django-modeltranslation fields) in services."""

from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname


def portal_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def set_translated(instance, values: Mapping[str, Any], fields: Sequence[str]) -> None:
    """Copy `<field>_<language>` values present in `values` onto `instance` (None becomes "")."""
    for field in fields:
        for code in portal_languages():
            name = build_localized_fieldname(field, code)
            if name in values:
                setattr(instance, name, values[name] or "")
