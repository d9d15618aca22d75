"""Texts a service writes into a notice, once per language."""

from collections.abc import Callable

from django.conf import settings
from django.utils import translation


def in_every_language(render: Callable[[], str]) -> dict[str, str]:
    """Call `render` with each portal language active; gettext inside it picks that language."""
    texts = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            texts[code] = str(render())
    return texts


def neutral_url(viewname: str, **kwargs) -> str:
    """A site path without its language prefix: the portal redirects it to each reader's language,
    so one link in a notice serves every language."""
    from django.urls import reverse

    with translation.override(settings.LANGUAGE_CODE):
        path = reverse(viewname, kwargs=kwargs or None)
    prefix = f"/{settings.LANGUAGE_CODE}/"
    return "/" + path[len(prefix) :] if path.startswith(prefix) else path
