from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField

from accounts.selectors import user_list_staff
from engagements.models import Language

from .models import Cohort, Partner, Program, Session, Venue


class HttpsURLField(forms.URLField):
    """A link field that reads a bare "meet.example.org/x" as https, not http."""

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


DATETIME_WIDGET = {"type": "datetime-local"}
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class ProgramForm(forms.ModelForm):
    class Meta:
        model = Program
        fields = [
            "kind",
            "coordinators",
            "partners",
            "reminder_hours",
            "requires_confidentiality",
            "min_age",
            "min_age_with_guardian",
            "max_per_year",
            "residency_required",
            "completion_percent",
            *(
                f"application_questions_{code.replace('-', '_')}"
                for code, _name in settings.LANGUAGES
            ),
        ]
        widgets = {
            "coordinators": forms.CheckboxSelectMultiple,
            "partners": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coordinators"].queryset = user_list_staff()
        for code, _name in settings.LANGUAGES:
            field = self.fields[f"application_questions_{code.replace('-', '_')}"]
            field.widget.attrs.update({"rows": 3, "lang": code})
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(
                _("The program"),
                "kind",
                "coordinators",
                "partners",
                "reminder_hours",
                "requires_confidentiality",
            ),
            Fieldset(
                _("Ride-outs"),
                "min_age",
                "min_age_with_guardian",
                "max_per_year",
                "residency_required",
            ),
            Fieldset(
                _("Academies and youth programs"),
                "completion_percent",
                *(
                    f"application_questions_{code.replace('-', '_')}"
                    for code, _name in settings.LANGUAGES
                ),
            ),
        )


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = [
            "title_en",
            "starts_at",
            "ends_at",
            "venue",
            "virtual_link",
            "capacity",
            "waitlist_enabled",
            "registration_opens_at",
            "registration_closes_at",
            "languages",
            "interpretation",
            "asl",
            "hosts",
            "partner_hosts",
            "cohort",
        ]
        field_classes = {"virtual_link": HttpsURLField}
        widgets = {
            name: forms.DateTimeInput(attrs=DATETIME_WIDGET, format=DATETIME_FORMAT)
            for name in ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at")
        } | {
            "languages": forms.CheckboxSelectMultiple,
            "interpretation": forms.CheckboxSelectMultiple,
            "hosts": forms.CheckboxSelectMultiple,
            "partner_hosts": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, program: Program, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title_en"].label = _("Title (optional)")
        self.fields["hosts"].queryset = user_list_staff()
        self.fields["cohort"].queryset = Cohort.objects.filter(program=program)
        self.fields["apply_to_rest"] = forms.BooleanField(
            label=_("Apply these changes (except the date) to the rest of the series"),
            required=False,
        )


class SeriesForm(forms.Form):
    """Many sessions in one form: rotating places, days and times remove barriers."""

    FREQUENCIES = [
        ("1", _("Every week")),
        ("2", _("Every second week")),
        ("3", _("Every third week")),
        ("4", _("Every fourth week")),
        ("month_1", _("First of the month (same weekday)")),
        ("month_2", _("Second of the month (same weekday)")),
        ("month_3", _("Third of the month (same weekday)")),
        ("month_4", _("Fourth of the month (same weekday)")),
        ("month_-1", _("Last of the month (same weekday)")),
    ]

    first_date = forms.DateField(
        label=_("First date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Last possible date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    frequency = forms.ChoiceField(label=_("How often"), choices=FREQUENCIES)
    start_time = forms.TimeField(
        label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    end_time = forms.TimeField(label=_("Ends at"), widget=forms.TimeInput(attrs={"type": "time"}))
    alt_start_time = forms.TimeField(
        label=_("Every other session starts at"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        help_text=_("Optional: alternate morning and evening so more people can come."),
    )
    alt_end_time = forms.TimeField(
        label=_("and ends at"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    venue_1 = forms.ModelChoiceField(label=_("Place"), queryset=Venue.objects.all(), required=False)
    venue_2 = forms.ModelChoiceField(
        label=_("Then at"), queryset=Venue.objects.all(), required=False
    )
    venue_3 = forms.ModelChoiceField(
        label=_("Then at"), queryset=Venue.objects.all(), required=False
    )
    virtual_link = HttpsURLField(label=_("Online link"), required=False)
    capacity = forms.IntegerField(label=_("Places"), min_value=1, initial=30)
    waitlist_enabled = forms.BooleanField(
        label=_("Waitlist when full"), required=False, initial=True
    )
    languages = forms.ModelMultipleChoiceField(
        label=_("Spoken in"),
        queryset=Language.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    interpretation = forms.ModelMultipleChoiceField(
        label=_("Interpretation into"),
        queryset=Language.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    asl = forms.BooleanField(label=_("ASL interpretation"), required=False)
    partner_hosts = forms.ModelMultipleChoiceField(
        label=_("Partner hosts"),
        queryset=Partner.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self):
        cleaned = super().clean()
        first, until = cleaned.get("first_date"), cleaned.get("until")
        if first and until and until < first:
            self.add_error("until", _("The last date must be after the first date."))
        if first and until and (until - first).days > 366 * 2:
            self.add_error("until", _("A series can cover at most two years."))
        if bool(cleaned.get("alt_start_time")) != bool(cleaned.get("alt_end_time")):
            self.add_error(
                "alt_end_time", _("Give both times of the alternate sessions, or neither.")
            )
        if not any(cleaned.get(f"venue_{n}") for n in (1, 2, 3)) and not cleaned.get(
            "virtual_link"
        ):
            self.add_error("venue_1", _("Choose a place or give an online link."))
        return cleaned

    def venues(self) -> list[Venue]:
        return [venue for n in (1, 2, 3) if (venue := self.cleaned_data.get(f"venue_{n}"))]


class SignUpForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(label=_("Email"), required=False)
    phone = PhoneNumberField(label=_("Mobile phone"), required=False)
    interpreter_language = forms.ModelChoiceField(
        label=_("I need an interpreter for"),
        queryset=Language.objects.all(),
        required=False,
        empty_label=_("No interpreter needed"),
    )
    needs_asl = forms.BooleanField(label=_("I need an ASL interpreter"), required=False)
    needs_step_free = forms.BooleanField(label=_("I need step-free access"), required=False)
    needs_childcare = forms.BooleanField(label=_("I need childcare"), required=False)
    needs_other = forms.CharField(
        label=_("Anything else we should know"), max_length=300, required=False
    )
    confidentiality = forms.BooleanField(
        label=_("I will keep what I see and hear in the scenarios confidential."), required=False
    )
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, user, session: Session, **kwargs):
        super().__init__(*args, **kwargs)
        if user.is_authenticated:
            for name in ("name", "email", "phone"):
                del self.fields[name]
        if not session.program.requires_confidentiality:
            del self.fields["confidentiality"]
        else:
            self.fields["confidentiality"].required = True
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("Your sign-up could not be sent. Please try again."))
        if "email" in self.fields and not (cleaned.get("email") or cleaned.get("phone")):
            self.add_error("email", _("Give an email or a mobile phone number, so we can confirm."))
        return cleaned


class ConfirmCodeForm(forms.Form):
    code = forms.CharField(label=_("Code from your message"), max_length=12)


class CheckInSearchForm(forms.Form):
    q = forms.CharField(label=_("Name or registration code"), max_length=100, required=False)
