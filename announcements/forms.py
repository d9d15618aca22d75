from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from engagements.forms import InputForm
from engagements.forms.translated import label_translated_fields, language_fieldsets
from engagements.models import Engagement

from .models import Announcement, AnnouncementKind, QuestionReview, QuestionStatus


class AnnouncementForm(forms.ModelForm):
    TRANSLATED = ("title", "summary", "body")

    class Meta:
        model = Announcement
        fields = [
            "kind",
            "topics",
            "neighborhoods",
            "engagement",
            "notify_followers",
            *(
                build_localized_fieldname(field, code)
                for code, _name in settings.LANGUAGES
                for field in ("title", "summary", "body")
            ),
        ]
        widgets = {
            "topics": forms.CheckboxSelectMultiple,
            "neighborhoods": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_translated_fields(self, Announcement, self.TRANSLATED)
        for name in ("title_en", "summary_en", "body_en"):
            self.fields[name].required = True
        self.fields["engagement"].queryset = Engagement.objects.exclude(status="draft")
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(
                _("About"), "kind", "topics", "neighborhoods", "engagement", "notify_followers"
            ),
            *language_fieldsets(self.TRANSLATED),
        )


class AnnouncementFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *AnnouncementKind.choices], required=False
    )


class QuestionForm(InputForm):
    """A question before a press conference: the input form without topic and neighborhood."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["topic"]
        del self.fields["neighborhood"]
        self.fields["text"].label = _("Your question")
        self.fields["text"].help_text = _(
            "Questions are read before they are published. Please do not name private people."
        )


class QuestionReviewForm(forms.ModelForm):
    class Meta:
        model = QuestionReview
        fields = [
            "status",
            "decline_reason",
            *(build_localized_fieldname("answer", code) for code, _name in settings.LANGUAGES),
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_translated_fields(self, QuestionReview, ("answer",))
        self.fields["status"].choices = [
            choice for choice in QuestionStatus.choices if choice[0] != QuestionStatus.PENDING
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == QuestionStatus.DECLINED and not cleaned.get("decline_reason"):
            self.add_error("decline_reason", _("Note why, for the record."))
        return cleaned
