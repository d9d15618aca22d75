"""The trust question bank: procedural justice (dignity and respect, voice, neutrality and
transparency, trustworthy motives), feeling of safety and overall trust, asked on the 5-point
agreement scale so waves can be compared."""

from django.utils.translation import gettext_lazy as _

TRUST_BANK = [
    (
        "pj_respect",
        _("Dignity and respect"),
        _("Officers in my neighborhood treat people with dignity and respect."),
    ),
    (
        "pj_voice",
        _("Voice"),
        _("When people deal with the police, officers listen to their side before deciding."),
    ),
    (
        "pj_neutrality",
        _("Neutrality"),
        _("The police make decisions based on facts, not on who the person is."),
    ),
    (
        "pj_transparency",
        _("Transparency"),
        _("The police explain their decisions to the people they affect."),
    ),
    (
        "pj_motives",
        _("Trustworthy motives"),
        _("The police try to do what is best for the people in my neighborhood."),
    ),
    (
        "safety",
        _("Feeling of safety"),
        _("I feel safe walking alone in my neighborhood after dark."),
    ),
    ("trust", _("Overall trust"), _("I trust the police in my city.")),
]

BANK_LABELS = {key: label for key, label, _question in TRUST_BANK}
