from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from accounts.selectors import user_list_staff

from ..models import Category, Engagement, Format, Language, Mode, Neighborhood, Status, Topic
from ..models.engagement import FORMATS_BY_CATEGORY
from .translated import label_translated_fields, language_fieldsets

TRANSLATED_FIELDS = ("title", "summary", "description", "location")
_FORMAT_LABELS = dict(Format.choices)


def grouped_format_choices() -> list:
    """Formats grouped under their band of the spectrum, for an <optgroup> per band."""
    return [
        (label, [(fmt, _FORMAT_LABELS[fmt]) for fmt in FORMATS_BY_CATEGORY[value]])
        for value, label in Category.choices
    ]


class CatalogueFilterForm(forms.Form):
    """The filters above the public catalogue (a GET form; every field optional)."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    category = forms.ChoiceField(
        label=_("Kind of engagement"),
        choices=[("", _("All kinds")), *Category.choices],
        required=False,
    )
    format = forms.ChoiceField(label=_("Format"), required=False)
    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=Topic.objects.all(), required=False, empty_label=_("All topics")
    )
    neighborhood = forms.ModelChoiceField(
        label=_("Neighborhood"),
        queryset=Neighborhood.objects.all(),
        required=False,
        empty_label=_("All neighborhoods"),
    )
    language = forms.ModelChoiceField(
        label=_("Language"),
        queryset=Language.objects.all(),
        required=False,
        empty_label=_("Any language"),
    )
    mode = forms.ChoiceField(
        label=_("In person or online"),
        choices=[("", _("Either")), (Mode.IN_PERSON, _("In person")), (Mode.VIRTUAL, _("Online"))],
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Show"),
        choices=[
            ("open", _("Open now")),
            ("closed", _("Closed, with what happened next")),
            ("all", _("Open and closed")),
        ],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = [("", _("All formats")), *grouped_format_choices()]


class EngagementForm(forms.ModelForm):
    class Meta:
        model = Engagement
        fields = [
            *(
                build_localized_fieldname(field, code)
                for code, _name in settings.LANGUAGES
                for field in TRANSLATED_FIELDS
            ),
            "category",
            "format",
            "mode",
            "accepts_input",
            "starts_at",
            "ends_at",
            "topics",
            "neighborhoods",
            "languages",
            "step_free_access",
            "asl_interpretation",
            "language_interpretation",
            "childcare",
            "captioning",
            "owner",
        ]
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "ends_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "topics": forms.CheckboxSelectMultiple,
            "neighborhoods": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = [("", "---------"), *grouped_format_choices()]
        self.fields["owner"].queryset = user_list_staff()
        label_translated_fields(self, Engagement, TRANSLATED_FIELDS)
        for field in ("summary", "description"):
            self.fields[
                build_localized_fieldname(field, "en")
            ].help_text = Engagement._meta.get_field(field).help_text
        for name in ("title_en", "summary_en"):
            self.fields[name].required = True
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(
                _("What kind of engagement"), "category", "format", "mode", "owner", "accepts_input"
            ),
            *language_fieldsets(TRANSLATED_FIELDS),
            Fieldset(_("When"), "starts_at", "ends_at"),
            Fieldset(_("Who and where"), "topics", "neighborhoods", "languages"),
            Fieldset(
                _("Access"),
                "step_free_access",
                "asl_interpretation",
                "language_interpretation",
                "childcare",
                "captioning",
            ),
        )


class StaffEngagementFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any status")), *Status.choices], required=False
    )
