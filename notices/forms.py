from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.conf import settings
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from engagements.forms.translated import label_translated_fields, language_fieldsets
from engagements.models import Engagement, Neighborhood, Topic

from .audiences import audience_choices
from .models import Channel, Kind, Notice

AUDIENCE_PARAM = {
    "engagement_participants": "engagement",
    "engagement_input_givers": "engagement",
    "topic_followers": "topic",
    "neighborhood": "neighborhood",
    "people": "emails",
}


class NoticeComposeForm(forms.ModelForm):
    """Staff write a notice once per language and choose who gets it."""

    audience_kind = forms.ChoiceField(label=_("Send to"))
    engagement = forms.ModelChoiceField(
        label=_("Engagement"), queryset=Engagement.objects.exclude(status="draft"), required=False
    )
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.all(), required=False)
    neighborhood = forms.ModelChoiceField(
        label=_("Neighborhood"), queryset=Neighborhood.objects.all(), required=False
    )
    emails = forms.CharField(
        label=_("Email addresses"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("One per line. People with an account get it in their own language."),
    )
    channels = forms.MultipleChoiceField(
        label=_("Channels"),
        choices=Channel.choices,
        initial=[Channel.EMAIL, Channel.IN_APP],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each person's own choices still apply."),
    )
    send_at = forms.DateTimeField(
        label=_("Send later"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Leave empty to send as soon as you confirm."),
    )

    class Meta:
        model = Notice
        fields = [
            "kind",
            "link",
            *(
                build_localized_fieldname(field, code)
                for code, _name in settings.LANGUAGES
                for field in ("subject", "body")
            ),
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audience_kind"].choices = audience_choices()
        self.fields["kind"].choices = [
            (value, label)
            for value, label in Kind.choices
            if value
            in (Kind.ANNOUNCEMENT, Kind.INVITATION, Kind.CHANGE, Kind.CUSTOM, Kind.REMINDER)
        ]
        label_translated_fields(self, Notice, ("subject", "body"))
        self.fields["subject_en"].required = True
        self.fields["body_en"].required = True
        if self.instance.pk:
            self.initial.update(self._initial_audience(self.instance))
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(
                _("Who and how"),
                "kind",
                "audience_kind",
                "engagement",
                "topic",
                "neighborhood",
                "emails",
                "channels",
                "send_at",
                "link",
            ),
            *language_fieldsets(("subject", "body")),
        )

    @staticmethod
    def _initial_audience(notice: Notice) -> dict:
        params = notice.audience_params
        return {
            "audience_kind": notice.audience_kind,
            "engagement": params.get("engagement_id"),
            "topic": params.get("topic_id"),
            "neighborhood": params.get("neighborhood_id"),
            "emails": "\n".join(params.get("emails", [])),
            "channels": notice.channels,
            "send_at": notice.send_at,
        }

    def clean_emails(self):
        emails = []
        for line in self.cleaned_data.get("emails", "").splitlines():
            address = line.strip().lower()
            if not address:
                continue
            try:
                validate_email(address)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("“%(address)s” is not an email address.") % {"address": address}
                ) from None
            emails.append(address)
        return emails

    def clean_send_at(self):
        send_at = self.cleaned_data.get("send_at")
        if send_at and send_at <= timezone.now():
            raise forms.ValidationError(_("Choose a time in the future, or leave it empty."))
        return send_at

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("audience_kind")
        needed = AUDIENCE_PARAM.get(kind)
        if needed and not cleaned.get(needed):
            self.add_error(needed, _("Choose who this goes to."))
        return cleaned

    def audience_params(self) -> dict:
        data = self.cleaned_data
        kind = data["audience_kind"]
        if kind in ("engagement_participants", "engagement_input_givers"):
            return {"engagement_id": data["engagement"].pk}
        if kind == "topic_followers":
            return {"topic_id": data["topic"].pk}
        if kind == "neighborhood":
            return {"neighborhood_id": data["neighborhood"].pk}
        if kind == "people":
            return {"emails": data["emails"]}
        return {}


class PreferencesForm(forms.Form):
    """One checkbox per kind of optional notice and channel: ticked means "send me these"."""

    def __init__(self, *args, kinds, blocked: set[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = kinds
        kind_labels = dict(Kind.choices)
        for kind in kinds:
            self.fields[f"kind_{kind}"] = forms.MultipleChoiceField(
                label=kind_labels[kind],
                choices=Channel.choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                initial=[channel for channel in Channel.values if (kind, channel) not in blocked],
            )

    def blocked(self) -> set[tuple[str, str]]:
        return {
            (kind, channel)
            for kind in self.kinds
            for channel in Channel.values
            if channel not in self.cleaned_data.get(f"kind_{kind}", [])
        }
