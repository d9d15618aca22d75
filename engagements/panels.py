"""Extra sections on an engagement's page, contributed by spectrum apps.

The engagement page belongs to the platform, which never imports spectrum apps. An app registers a
function `panel(request, engagement) -> dict | None` that returns {"template": ..., **context} (or
None when it has nothing for this engagement); the page includes each template with its context.
"""

from collections.abc import Callable

Panel = Callable[..., dict | None]
_panels: list[Panel] = []


def register(panel: Panel) -> None:
    if panel not in _panels:
        _panels.append(panel)


def panels_for(request, engagement) -> list[dict]:
    return [result for panel in _panels if (result := panel(request, engagement))]


# Links on an engagement's staff page to the staff pages of spectrum apps: (label, view name).
_staff_links: list[tuple[str, str]] = []


def register_staff_link(label, viewname: str) -> None:
    """`viewname` is reversed with the engagement's pk as `engagement_pk`."""
    if (label, viewname) not in _staff_links:
        _staff_links.append((label, viewname))


def staff_links_for(engagement) -> list[tuple[str, str]]:
    from django.urls import reverse

    return [
        (label, reverse(viewname, kwargs={"engagement_pk": engagement.pk}))
        for label, viewname in _staff_links
    ]


# Links on the public accountability page to what spectrum apps publish: (label, view name).
_accountability_links: list[tuple[str, str]] = []


def register_accountability_link(label, viewname: str) -> None:
    if (label, viewname) not in _accountability_links:
        _accountability_links.append((label, viewname))


def accountability_links() -> list[tuple[str, str]]:
    from django.urls import reverse

    return [(label, reverse(viewname)) for label, viewname in _accountability_links]


# Sections of the staff home contributed by spectrum apps: `section(user) -> dict | None` returning
# {"template": ..., **context}; each must read in a fixed number of queries.
_home_sections: list[Panel] = []


def register_staff_home(section: Panel) -> None:
    if section not in _home_sections:
        _home_sections.append(section)


def staff_home_sections(user) -> list[dict]:
    return [result for section in _home_sections if (result := section(user))]


# Sections of the public transparency page contributed by spectrum apps: `section() -> dict | None`
# returning {"template": ..., **context}; figures in them must already be small-cell suppressed.
_transparency_sections: list[Callable[[], dict | None]] = []


def register_transparency_section(section: Callable[[], dict | None]) -> None:
    if section not in _transparency_sections:
        _transparency_sections.append(section)


def transparency_sections() -> list[dict]:
    return [result for section in _transparency_sections if (result := section())]
