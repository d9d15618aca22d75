"""Forms of the programs with rules of their own: ride-outs, applications, volunteer hours."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.selectors import user_list_staff

from .models import ApplicationStatus, BackgroundCheck, Cohort, Session, Unit

DATE = {"type": "date"}


class RideOutRequestForm(forms.Form):
    unit = forms.ChoiceField(label=_("Unit you would like to ride with"), choices=Unit.choices)
    preferred_date_1 = forms.DateField(
        label=_("First choice of date"), widget=forms.DateInput(attrs=DATE)
    )
    preferred_date_2 = forms.DateField(
        label=_("Second choice"), required=False, widget=forms.DateInput(attrs=DATE)
    )
    preferred_date_3 = forms.DateField(
        label=_("Third choice"), required=False, widget=forms.DateInput(attrs=DATE)
    )
    date_of_birth = forms.DateField(label=_("Date of birth"), widget=forms.DateInput(attrs=DATE))
    lives_in_city = forms.BooleanField(label=_("I live in the city"), required=False)
    guardian_name = forms.CharField(
        label=_("Guardian's name"),
        max_length=100,
        required=False,
        help_text=_("Only for riders under 18."),
    )
    guardian_email = forms.EmailField(label=_("Guardian's email"), required=False)
    guardian_consent = forms.BooleanField(
        label=_("As the guardian, I consent to this ride-out."), required=False
    )
    waiver_accepted = forms.BooleanField(label=_("I have read the waiver and I accept it."))
    signature = forms.CharField(
        label=_("Type your full name to sign"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        for name in ("preferred_date_1", "preferred_date_2", "preferred_date_3"):
            if cleaned.get(name) and cleaned[name] <= today:
                self.add_error(name, _("Choose a date in the future."))
        born = cleaned.get("date_of_birth")
        if born and born >= today:
            self.add_error("date_of_birth", _("Enter your real date of birth."))
        return cleaned

    def preferred_dates(self) -> list:
        return [
            d
            for name in ("preferred_date_1", "preferred_date_2", "preferred_date_3")
            if (d := self.cleaned_data.get(name))
        ]


class BackgroundCheckForm(forms.Form):
    background_check = forms.ChoiceField(
        label=_("Background check"), choices=BackgroundCheck.choices
    )


class RideOutApproveForm(forms.Form):
    scheduled_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    unit = forms.ChoiceField(label=_("Unit"), choices=Unit.choices)
    officer = forms.ModelChoiceField(label=_("Officer"), queryset=None, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = user_list_staff()

    def clean_scheduled_at(self):
        when = self.cleaned_data["scheduled_at"]
        if when <= timezone.now():
            raise forms.ValidationError(_("Choose a time in the future."))
        return when


class RideOutDeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The resident will read this."),
    )


class ApplicationForm(forms.Form):
    applying_for = forms.ChoiceField(
        label=_("Who is applying?"),
        choices=[("self", _("Myself")), ("child", _("My child (I am their parent or guardian)"))],
        widget=forms.RadioSelect,
        initial="self",
    )
    date_of_birth = forms.DateField(
        label=_("Your date of birth"), required=False, widget=forms.DateInput(attrs=DATE)
    )
    child_name = forms.CharField(label=_("Young person's name"), max_length=100, required=False)
    child_date_of_birth = forms.DateField(
        label=_("Young person's date of birth"), required=False, widget=forms.DateInput(attrs=DATE)
    )
    school = forms.CharField(label=_("School"), max_length=150, required=False)
    guardian_name = forms.CharField(label=_("Guardian's name"), max_length=100, required=False)
    guardian_phone = forms.CharField(label=_("Guardian's phone"), max_length=30, required=False)
    guardian_consent = forms.BooleanField(
        label=_("As the parent or guardian, I consent to this application."), required=False
    )

    def __init__(self, *args, questions: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for index, question in enumerate(questions):
            self.fields[f"answer_{index}"] = forms.CharField(
                label=question, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
            )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("applying_for") == "child":
            for name in ("child_name", "child_date_of_birth", "guardian_name"):
                if not cleaned.get(name):
                    self.add_error(name, _("This is needed when you apply for your child."))
            if not cleaned.get("guardian_consent"):
                self.add_error("guardian_consent", _("Your consent as the guardian is needed."))
        elif not cleaned.get("date_of_birth"):
            self.add_error("date_of_birth", _("We need your date of birth to apply the age rules."))
        return cleaned

    def answers(self) -> list[str]:
        return [
            self.cleaned_data.get(f"answer_{index}", "") for index in range(len(self.questions))
        ]


class ApplicationDecisionForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            choice
            for choice in ApplicationStatus.choices
            if choice[0] != ApplicationStatus.SUBMITTED
        ],
    )
    cohort = forms.ModelChoiceField(
        label=_("Cohort"), queryset=Cohort.objects.none(), required=False
    )

    def __init__(self, *args, program, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = Cohort.objects.filter(program=program)


class CohortForm(forms.Form):
    name = forms.CharField(label=_("Name of the new cohort"), max_length=100)


class HoursForm(forms.Form):
    worked_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs=DATE))
    hours = forms.DecimalField(
        label=_("Hours"), min_value=0.25, max_value=24, decimal_places=2, max_digits=4
    )
    description = forms.CharField(label=_("What you did"), max_length=300)
    session = forms.ModelChoiceField(
        label=_("Shift (optional)"), queryset=Session.objects.none(), required=False
    )

    def __init__(self, *args, program, **kwargs):
        super().__init__(*args, **kwargs)
        recent = timezone.now() - timedelta(days=120)
        self.fields["session"].queryset = (
            program.sessions.active()
            .filter(starts_at__gte=recent, starts_at__lte=timezone.now())
            .order_by("-starts_at")
        )
