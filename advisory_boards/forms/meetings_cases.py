"""Forms for applications, conflicts, meetings and confidential cases."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Board, Meeting, MeetingDocument, Membership, MinutesStatus
from .reviews import _check_upload, _plain


class ApplicationForm(forms.Form):
    motivation = forms.CharField(
        label=_("Why do you want to join this board?"),
        widget=forms.Textarea({"rows": 4}),
        max_length=3000,
    )

    def __init__(self, *args, board: Board, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = board.recruitment_question_list()
        for number, question in enumerate(self.questions):
            self.fields[f"answer_{number}"] = forms.CharField(
                label=question, widget=forms.Textarea({"rows": 2}), required=False, max_length=2000
            )
        _plain(self)

    def answers(self) -> list[dict[str, str]]:
        return [
            {"question": question, "answer": self.cleaned_data.get(f"answer_{number}", "")}
            for number, question in enumerate(self.questions)
        ]


class DeclarationForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=_("Do you have a conflict of interest with this item?"),
        choices=[("no", _("No")), ("yes", _("Yes"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    details = forms.CharField(
        label=_("If yes, what is it?"),
        required=False,
        widget=forms.Textarea({"rows": 2}),
        max_length=2000,
    )


class FindingsForm(forms.Form):
    findings = forms.CharField(label=_("The board's findings"), widget=forms.Textarea({"rows": 4}))
    recommendation = forms.CharField(
        label=_("The board's recommendation"), widget=forms.Textarea({"rows": 3}), required=False
    )


class DecisionTextForm(forms.Form):
    decision = forms.CharField(label=_("The agency's decision"), widget=forms.Textarea({"rows": 3}))


class SelectForm(forms.Form):
    term_start = forms.DateField(label=_("Term starts"), widget=forms.DateInput({"type": "date"}))
    term_end = forms.DateField(
        label=_("Term ends"), required=False, widget=forms.DateInput({"type": "date"})
    )


class MeetingForm(forms.ModelForm):
    online_link = forms.URLField(
        label=_("Online link (members only)"), required=False, assume_scheme="https"
    )

    class Meta:
        model = Meeting
        fields = ["starts_at", "place", "online_link", "agenda"]
        widgets = {
            "starts_at": forms.DateTimeInput({"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "agenda": forms.Textarea({"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _plain(self)


class MeetingRecordForm(forms.Form):
    attendees = forms.ModelMultipleChoiceField(
        label=_("Members present"),
        queryset=Membership.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    minutes = forms.CharField(
        label=_("Minutes"), widget=forms.Textarea({"rows": 8}), required=False
    )
    minutes_status = forms.ChoiceField(label=_("Minutes are"), choices=MinutesStatus.choices)

    def __init__(self, *args, meeting: Meeting, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "attendees": list(meeting.attendees.all()),
                "minutes": meeting.minutes,
                "minutes_status": meeting.minutes_status,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = (
            Membership.objects.current(on=meeting.starts_at.date())
            .filter(board=meeting.board)
            .select_related("user")
        )
        self.fields["attendees"].label_from_instance = lambda membership: str(
            membership.user.display_name or membership.user.email
        )
        _plain(self)


class MeetingDocumentForm(forms.ModelForm):
    class Meta:
        model = MeetingDocument
        fields = ["title", "file"]

    def clean_file(self):
        return _check_upload(self.cleaned_data["file"])


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [_check_upload(single(item, initial)) for item in data]
        return [_check_upload(single(data, initial))] if data else []


class CaseForm(forms.Form):
    reference = forms.CharField(label=_("Case reference"), max_length=40)
    summary = forms.CharField(
        label=_("Redacted summary"),
        widget=forms.Textarea({"rows": 8}),
        help_text=_("Remove names, addresses and anything the board does not need."),
    )
    files = MultipleFileField(label=_("Redacted documents"), required=False)
    no_criminal_history = forms.BooleanField(
        label=_(
            "I confirm that no criminal-history record information is attached or quoted: "
            "such records do not belong here."
        )
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _plain(self)
