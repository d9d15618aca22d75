from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Long enough for a year of programs, short enough to stay a picture of now.
MAX_DAYS = 3 * 366


def default_period(today: date | None = None) -> tuple[date, date]:
    today = today or timezone.localdate()
    return today - timedelta(days=364), today


class PeriodForm(forms.Form):
    start = forms.DateField(
        label=_("From"), widget=forms.DateInput(attrs={"type": "date"}), required=False
    )
    end = forms.DateField(
        label=_("To"), widget=forms.DateInput(attrs={"type": "date"}), required=False
    )

    def clean(self):
        data = super().clean()
        default_start, default_end = default_period()
        start = data.get("start") or default_start
        end = data.get("end") or default_end
        if start > end:
            raise forms.ValidationError(_("The start date must be on or before the end date."))
        if (end - start).days > MAX_DAYS:
            raise forms.ValidationError(_("Choose a period of at most three years."))
        data["start"], data["end"] = start, end
        return data

    def period(self) -> tuple[date, date]:
        """The chosen period, or the last twelve months when the form is empty or invalid."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["start"], self.cleaned_data["end"]
        return default_period()
