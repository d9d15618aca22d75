from crispy_forms.helper import FormHelper
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.utils import build_localized_fieldname

from accounts.models import User
from engagements.forms.translated import label_translated_fields
from engagements.models import ActionStatus

from .models import (
    Attachment,
    Board,
    Comment,
    Meeting,
    MeetingDocument,
    MemberRole,
    Membership,
    MinutesStatus,
    Outcome,
    PolicyDraft,
    Position,
    Section,
)

MAX_UPLOAD = 20 * 1024 * 1024
ALLOWED_UPLOADS = (".pdf", ".docx", ".odt", ".txt", ".png", ".jpg", ".jpeg")


def _check_upload(upload):
    if upload.size > MAX_UPLOAD:
        raise forms.ValidationError(_("Files can be up to 20 MB."))
    if not upload.name.lower().endswith(ALLOWED_UPLOADS):
        raise forms.ValidationError(_("Upload a PDF, Word, OpenDocument, text or image file."))
    return upload


def _plain(form) -> None:
    form.helper = FormHelper()
    form.helper.form_tag = False


class BoardForm(forms.ModelForm):
    class Meta:
        model = Board
        fields = [
            "kind",
            "slug",
            *(
                build_localized_fieldname(field, code)
                for code, _n in settings.LANGUAGES
                for field in (
                    "name",
                    "purpose",
                    "charter",
                    "meeting_schedule",
                    "recruitment_questions",
                )
            ),
            "is_listed",
            "accepts_applications",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_translated_fields(
            self,
            Board,
            ("name", "purpose", "charter", "meeting_schedule", "recruitment_questions"),
        )
        self.fields["name_en"].required = True
        self.fields["purpose_en"].required = True
        _plain(self)


class MemberForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address of the member"),
        help_text=_("The person needs an account on the portal."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices)
    term_start = forms.DateField(label=_("Term starts"), widget=forms.DateInput({"type": "date"}))
    term_end = forms.DateField(
        label=_("Term ends"), required=False, widget=forms.DateInput({"type": "date"})
    )
    name_is_public = forms.BooleanField(
        label=_("The member agrees to be named on the public page"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _plain(self)

    def clean_email(self):
        user = User.objects.filter(email__iexact=self.cleaned_data["email"]).first()
        if user is None:
            raise forms.ValidationError(_("No account uses this address."))
        return user


class AgreementForm(forms.Form):
    text = forms.CharField(label=_("Text of the agreement"), widget=forms.Textarea({"rows": 8}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _plain(self)


class AcceptForm(forms.Form):
    typed_name = forms.CharField(label=_("Your full name, as a signature"), max_length=200)
    agree = forms.BooleanField(
        label=_(
            "I have read the agreement and will keep the board's confidential material to myself."
        )
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _plain(self)


class DraftForm(forms.ModelForm):
    class Meta:
        model = PolicyDraft
        fields = [
            "topic",
            "title",
            "summary",
            "glossary",
            "visibility",
            "review_opens_on",
            "review_closes_on",
        ]
        widgets = {
            "review_opens_on": forms.DateInput({"type": "date"}),
            "review_closes_on": forms.DateInput({"type": "date"}),
            "visibility": forms.RadioSelect,
            "summary": forms.Textarea({"rows": 4}),
            "glossary": forms.Textarea({"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _plain(self)

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("review_opens_on"), cleaned.get("review_closes_on")
        if opens and closes and closes < opens:
            self.add_error("review_closes_on", _("The review cannot close before it opens."))
        return cleaned


class SectionForm(forms.Form):
    key = forms.CharField(required=False, widget=forms.HiddenInput)
    number = forms.CharField(
        label=pgettext_lazy("number of a section", "Number"), max_length=20, required=False
    )
    heading = forms.CharField(label=_("Heading"), max_length=200, required=False)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea({"rows": 5}), required=False)


SectionFormSet = forms.formset_factory(SectionForm, extra=2, max_num=80, absolute_max=80)


class VersionNoteForm(forms.Form):
    note = forms.CharField(label=_("What changed"), max_length=300)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _plain(self)


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["text"]
        widgets = {"text": forms.Textarea({"rows": 3})}


class PositionForm(forms.ModelForm):
    class Meta:
        model = Position
        fields = ["stance", "rationale"]
        widgets = {"stance": forms.RadioSelect, "rationale": forms.Textarea({"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _plain(self)


class ResponseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    reason = forms.CharField(label=_("Reason or explanation"), widget=forms.Textarea({"rows": 2}))
    changed_section = forms.ChoiceField(
        label=_("Changed section (for an adopted comment)"), required=False
    )

    def __init__(self, *args, later_sections: list[Section], **kwargs):
        """`later_sections`: the sections of later versions of the draft, fetched once per page
        rather than once per comment."""
        super().__init__(*args, **kwargs)
        self.later = {str(section.pk): section for section in later_sections}
        self.fields["changed_section"].choices = [("", "—")] + [
            (key, f"v{section.version.number} · {section.number} {section.heading}")
            for key, section in self.later.items()
        ]

    def clean_changed_section(self):
        return self.later.get(self.cleaned_data.get("changed_section") or "")


def later_sections(*, draft_id: int, after_version: int) -> list[Section]:
    return list(
        Section.objects.filter(version__draft_id=draft_id, version__number__gt=after_version)
        .select_related("version")
        .order_by("version__number", "position")
    )


class RecommendationForm(forms.Form):
    text = forms.CharField(label=_("Recommendation"), widget=forms.Textarea({"rows": 3}))


class VoteForm(forms.Form):
    votes_for = forms.IntegerField(label=_("Votes for"), min_value=0)
    votes_against = forms.IntegerField(label=_("Votes against"), min_value=0)
    votes_abstaining = forms.IntegerField(label=_("Abstentions"), min_value=0)


class DecisionForm(forms.Form):
    status = forms.ChoiceField(label=_("The agency's decision"), choices=ActionStatus.choices)
    explanation = forms.CharField(
        label=_("Explanation"), widget=forms.Textarea({"rows": 3}), max_length=5000
    )


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = Attachment
        fields = ["title", "file"]

    def clean_file(self):
        return _check_upload(self.cleaned_data["file"])


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
