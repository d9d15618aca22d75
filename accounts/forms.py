from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from engagements.models import Language, Neighborhood, Topic

from .models import AgeBand, Disability, Gender, IncomeBand, RaceEthnicity, User


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=100,
        required=False,
        help_text=_("Optional. How we address you."),
    )
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)
    # Children under 13 take part through a parent's or guardian's account, never their own.
    age_confirmation = forms.BooleanField(
        label=_("I am 13 or older."),
        help_text=_("Children under 13 take part through a parent or guardian."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = get_language()

    def signup(self, request, user: User) -> None:
        user.display_name = self.cleaned_data.get("display_name", "")
        user.language = self.cleaned_data["language"]
        user.save(update_fields=["display_name", "language"])


class ProfileForm(forms.ModelForm):
    sms_consent = forms.BooleanField(
        label=_("I agree to receive text messages from the agency at this number."),
        required=False,
        help_text=_("Message and data rates may apply. Reply STOP to any message to end them."),
    )

    class Meta:
        model = User
        fields = [
            "display_name",
            "language",
            "phone",
            "notify_by_email",
            "notify_by_sms",
            "notify_in_app",
            "neighborhood",
            "topics_followed",
        ]
        widgets = {"topics_followed": forms.CheckboxSelectMultiple}
        help_texts = {"phone": _("Optional. Include the country code if it is not a US number.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sms_consent"].initial = bool(self.instance.sms_consent_at)
        self.fields["neighborhood"].queryset = Neighborhood.objects.order_by("name")
        self.fields["neighborhood"].empty_label = _("Not set")
        self.fields["topics_followed"].queryset = Topic.objects.order_by("name")
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})

    def clean(self):
        cleaned = super().clean()
        phone = cleaned.get("phone")
        if cleaned.get("sms_consent") and not phone:
            self.add_error("phone", _("Enter a phone number to receive text messages."))
        if cleaned.get("notify_by_sms") and not (phone and cleaned.get("sms_consent")):
            self.add_error(
                "notify_by_sms",
                _("Text messages need a phone number and your agreement to receive them."),
            )
        return cleaned


class DemographicsForm(forms.Form):
    consent = forms.BooleanField(
        label=_(
            "I agree that the agency stores these answers and uses them only in aggregate, to "
            "see who takes part and who is missing."
        ),
        required=True,
        error_messages={"required": _("Tick the box to agree, or leave this page.")},
    )
    age_band = forms.ChoiceField(
        label=_("Age"), choices=[("", "—"), *AgeBand.choices], required=False
    )
    gender = forms.ChoiceField(
        label=_("Gender"), choices=[("", "—"), *Gender.choices], required=False
    )
    race_ethnicity = forms.MultipleChoiceField(
        label=_("Race or ethnicity"),
        help_text=_("Choose all that apply."),
        choices=RaceEthnicity.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages_spoken = forms.ModelMultipleChoiceField(
        label=_("Languages spoken at home"),
        queryset=Language.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    disability = forms.ChoiceField(
        label=_("Do you identify as a person with a disability?"),
        choices=[("", "—"), *Disability.choices],
        required=False,
    )
    income_band = forms.ChoiceField(
        label=_("Household income"), choices=[("", "—"), *IncomeBand.choices], required=False
    )

    def clean_race_ethnicity(self):
        chosen = self.cleaned_data["race_ethnicity"]
        if RaceEthnicity.PREFER_NOT in chosen and len(chosen) > 1:
            raise forms.ValidationError(
                _("'Prefer not to say' cannot be combined with other answers.")
            )
        return chosen


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user: User, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your current password."))
        return password
