"""Forms for boards, members, drafts and the review."""

from crispy_forms.helper import FormHelper
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.utils import build_localized_fieldname

from accounts.models import User
from engagements.forms.translated import label_translated_fields
from engagements.models import ActionStatus

from ..models import (
    Attachment,
    Board,
    Comment,
    MemberRole,
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
