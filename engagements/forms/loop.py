from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from phonenumber_field.formfields import PhoneNumberField

from accounts.selectors import user_list_staff

from ..models import Action, Neighborhood, ReportBack, Source, Topic
from .translated import label_translated_fields, language_fieldsets


class InputForm(forms.Form):
    """A resident's comment or question on an engagement."""

    text = forms.CharField(
        label=_("Your comment or question"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        help_text=_("Please do not include anyone's personal details."),
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=Topic.objects.all(), required=False, empty_label=_("Not sure")
    )
    neighborhood = forms.ModelChoiceField(
        label=_("Your neighborhood"),
        queryset=Neighborhood.objects.all(),
        required=False,
        empty_label=_("Prefer not to say"),
    )
    anonymous = forms.BooleanField(
        label=_("Send without my name"),
        required=False,
        help_text=_(
            "We will not link this comment to your account. Keep the receipt code to follow it."
        ),
    )
    contact_name = forms.CharField(label=_("Name (optional)"), max_length=100, required=False)
    contact_email = forms.EmailField(label=_("Email (optional)"), required=False)
    contact_phone = PhoneNumberField(label=_("Mobile phone (optional)"), required=False)
    contact_consent = forms.BooleanField(
        label=_("Tell me what happens with my comment"),
        required=False,
        help_text=_("We use your email or phone only for news about this engagement."),
    )
    # Bots fill every field; people never see this one. No puzzle that locks out screen readers.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user is not None and user.is_authenticated:
            for name in ("contact_name", "contact_email", "contact_phone", "contact_consent"):
                del self.fields[name]
        else:
            del self.fields["anonymous"]
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("Your comment could not be sent. Please try again."))
        if cleaned.get("contact_consent") and not (
            cleaned.get("contact_email") or cleaned.get("contact_phone")
        ):
            self.add_error(
                "contact_consent", _("Give an email or a phone number so we can tell you.")
            )
        return cleaned


class ReceiptLookupForm(forms.Form):
    code = forms.CharField(
        label=_("Receipt code"),
        max_length=20,
        help_text=_("The code you got when you sent your comment, e.g. 7KQ4-M2XW9P."),
    )


class BatchInputForm(forms.Form):
    """One row of the batch entry from paper comment cards or meeting notes."""

    text = forms.CharField(
        label=_("What was said"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    source = forms.ChoiceField(
        label=_("Source"), choices=Source.choices, initial=Source.COMMENT_CARD
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.all(), required=False)
    neighborhood = forms.ModelChoiceField(
        label=_("Neighborhood"), queryset=Neighborhood.objects.all(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = get_language()


BatchInputFormSet = forms.formset_factory(BatchInputForm, extra=8, max_num=100, absolute_max=100)


class ActionForm(forms.ModelForm):
    TRANSLATED = ("title", "description", "reason")

    mark_done = forms.BooleanField(
        label=_("Done: mark this action as completed today"), required=False
    )

    class Meta:
        model = Action
        fields = [
            *(
                build_localized_fieldname(field, code)
                for code, _name in settings.LANGUAGES
                for field in ("title", "description", "reason")
            ),
            "status",
            "referred_to",
            "owner",
            "due_on",
            "done_on",
        ]
        widgets = {
            "due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "done_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_translated_fields(self, Action, self.TRANSLATED)
        self.fields["title_en"].required = True
        self.fields["owner"].queryset = user_list_staff()
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(
                _("Decision"), "status", "referred_to", "owner", "due_on", "done_on", "mark_done"
            ),
            *language_fieldsets(self.TRANSLATED),
        )


class ReportBackForm(forms.ModelForm):
    TRANSLATED = ("heard", "did")

    actions = forms.ModelMultipleChoiceField(
        label=_("Actions this report-back covers"),
        queryset=Action.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = ReportBack
        fields = [
            build_localized_fieldname(field, code)
            for code, _name in settings.LANGUAGES
            for field in ("heard", "did")
        ]

    def __init__(self, *args, engagement, **kwargs):
        super().__init__(*args, **kwargs)
        label_translated_fields(self, ReportBack, self.TRANSLATED)
        for code, _name in settings.LANGUAGES:
            for field in self.TRANSLATED:
                self.fields[build_localized_fieldname(field, code)].widget.attrs["rows"] = 5
        self.fields["heard_en"].required = True
        self.fields["did_en"].required = True
        self.fields["actions"].queryset = Action.objects.filter(engagement=engagement).order_by(
            "pk"
        )
        if self.instance.pk:
            self.fields["actions"].initial = self.instance.actions.all()
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout("actions", *language_fieldsets(self.TRANSLATED))


class AccountabilityFilterForm(forms.Form):
    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=Topic.objects.all(), required=False, empty_label=_("All topics")
    )
    neighborhood = forms.ModelChoiceField(
        label=_("Neighborhood"),
        queryset=Neighborhood.objects.all(),
        required=False,
        empty_label=_("All neighborhoods"),
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("since") and cleaned.get("until") and cleaned["until"] < cleaned["since"]:
            self.add_error("until", _("The end of the period must be after its start."))
        # The figures add a day to the end of the period; year 9999 has no next day.
        for name in ("since", "until"):
            if cleaned.get(name) and not 1900 <= cleaned[name].year <= 2999:
                self.add_error(name, _("Give a date between 1900 and 2999."))
        return cleaned
