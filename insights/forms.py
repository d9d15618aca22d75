from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Long enough for a year of programs, short enough to stay a picture of now.
MAX_DAYS = 3 * 366
FIRST_YEAR = 2000
PUBLIC_QUARTERS = 12


def default_period(today: date | None = None) -> tuple[date, date]:
    today = today or timezone.localdate()
    return today - timedelta(days=364), today


class PeriodForm(forms.Form):
    """Any period, for staff: they can read the records themselves."""

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
        if start.year < FIRST_YEAR or end > default_end + timedelta(days=366):
            raise forms.ValidationError(
                _("Choose dates from %(first)s to next year.") % {"first": FIRST_YEAR}
            )
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


def completed_quarters(today: date | None = None, count: int = PUBLIC_QUARTERS) -> list[tuple]:
    """(key, label, start, end) of the last `count` calendar quarters that have ended, newest
    first."""
    today = today or timezone.localdate()
    year, quarter = today.year, (today.month - 1) // 3 + 1
    quarters = []
    for _step in range(count):
        quarter -= 1
        if quarter == 0:
            year, quarter = year - 1, 4
        start = date(year, 3 * quarter - 2, 1)
        following = date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
        label = _("Quarter %(number)s of %(year)s") % {"number": quarter, "year": year}
        quarters.append((f"{year}-q{quarter}", label, start, following - timedelta(days=1)))
    return quarters


class PublicPeriodForm(forms.Form):
    """Whole calendar quarters that have ended, for the public. Periods that overlap or that
    still grow would let anyone subtract one set of figures from another and read a single day's
    count, however small; quarters that do not overlap give nothing away by subtraction."""

    quarter = forms.ChoiceField(label=_("Quarter"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.quarters = completed_quarters()
        self.fields["quarter"].choices = [(key, label) for key, label, *_dates in self.quarters]

    def period(self) -> tuple[date, date]:
        chosen = self.cleaned_data.get("quarter") if self.is_bound and self.is_valid() else None
        for key, _label, start, end in self.quarters:
            if not chosen or key == chosen:
                return start, end
        return self.quarters[0][2], self.quarters[0][3]
