from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from engagements.forms.translated import label_translated_fields, language_fieldsets
from engagements.models import Neighborhood

from .models import AGREEMENT_LABELS, CHOICE_KINDS, Choice, Question, QuestionKind, Survey


class SurveyForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages offered"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The survey opens only when every question has text in each of these languages."
        ),
    )

    class Meta:
        model = Survey
        fields = [
            *(
                build_localized_fieldname(field, code)
                for code, _n in settings.LANGUAGES
                for field in ("title", "intro")
            ),
            "anonymity",
            "access",
            "languages",
            "ask_neighborhood",
            "trust_wave",
            "results_published",
        ]
        widgets = {"anonymity": forms.RadioSelect, "access": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_translated_fields(self, Survey, ("title", "intro"))
        self.fields["title_en"].required = True
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(
                _("Promise and access"),
                "anonymity",
                "access",
                "languages",
                "ask_neighborhood",
                "trust_wave",
                "results_published",
            ),
            *language_fieldsets(("title", "intro")),
        )


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = [
            "kind",
            *(
                build_localized_fieldname(field, code)
                for code, _n in settings.LANGUAGES
                for field in ("text", "help_text")
            ),
            "required",
            "show_if_choice",
            "publish_results",
        ]

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        label_translated_fields(self, Question, ("text", "help_text"))
        self.fields["text_en"].required = True
        earlier = survey.questions.filter(kind__in=CHOICE_KINDS)
        if self.instance.pk:
            earlier = earlier.filter(position__lt=self.instance.position)
        self.fields["show_if_choice"].queryset = Choice.objects.filter(
            question__in=earlier
        ).select_related("question")
        self.fields["show_if_choice"].label_from_instance = lambda choice: (
            f"{choice.question.position}. {choice.question.text} → {choice.text}"
        )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(_("The question"), "kind", "required", "show_if_choice", "publish_results"),
            *language_fieldsets(("text", "help_text")),
        )


class ChoiceForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, _name in settings.LANGUAGES:
            name = build_localized_fieldname("text", code)
            self.fields[name] = forms.CharField(label=_("Choice"), max_length=200, required=False)
            self.fields[name].widget.attrs["lang"] = code


ChoiceFormSet = forms.formset_factory(ChoiceForm, extra=3, max_num=30, absolute_max=30)


def _choices_for(question: Question) -> list[tuple]:
    if question.kind in CHOICE_KINDS:
        return [(str(choice.pk), choice.text) for choice in question.choices.all()]
    if question.kind == QuestionKind.AGREEMENT:
        return [(str(value), label) for value, label in AGREEMENT_LABELS.items()]
    return [(str(value), str(value)) for value in range(11)]


class AnswerForm(forms.Form):
    """The survey as a form in the reader's language; each field is named after its question."""

    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, survey: Survey, questions: list[Question], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        by_choice = {
            choice.pk: question for question in questions for choice in question.choices.all()
        }
        for question in questions:
            name = f"q{question.pk}"
            required = question.required and not question.show_if_choice_id
            common = {"label": f"{question.position}. {question.text}", "required": required}
            hint = [question.help_text] if question.help_text else []
            if question.show_if_choice_id:
                earlier = by_choice.get(question.show_if_choice_id)
                if earlier:
                    hint.append(
                        str(_("Answer only if you chose “%(choice)s” in question %(number)d."))
                        % {"choice": question.show_if_choice.text, "number": earlier.position}
                    )
            common["help_text"] = " ".join(hint)
            if question.kind == QuestionKind.MULTIPLE:
                field = forms.MultipleChoiceField(
                    choices=_choices_for(question), widget=forms.CheckboxSelectMultiple, **common
                )
            elif question.kind in (
                QuestionKind.SINGLE,
                QuestionKind.AGREEMENT,
                QuestionKind.RATING,
            ):
                field = forms.ChoiceField(
                    choices=_choices_for(question), widget=forms.RadioSelect, **common
                )
            elif question.kind == QuestionKind.NUMBER:
                field = forms.DecimalField(max_digits=12, decimal_places=2, **common)
            elif question.kind == QuestionKind.LONG_TEXT:
                field = forms.CharField(
                    widget=forms.Textarea(attrs={"rows": 4}), max_length=5000, **common
                )
            else:
                field = forms.CharField(max_length=500, **common)
            earlier = by_choice.get(question.show_if_choice_id)
            # Read by the template to show the question only while its choice is picked.
            field.show_if = (f"q{earlier.pk}", question.show_if_choice_id) if earlier else None
            self.fields[name] = field
        if survey.ask_neighborhood:
            self.fields["neighborhood"] = forms.ModelChoiceField(
                label=_("Which neighborhood do you live in? (optional)"),
                queryset=Neighborhood.objects.all(),
                required=False,
                empty_label=_("Prefer not to say"),
            )
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.order_fields([f"q{q.pk}" for q in questions] + ["neighborhood", "website"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("Your answers could not be sent. Please try again."))
        return cleaned

    def answers(self) -> dict[int, object]:
        return {
            question.pk: self.cleaned_data.get(f"q{question.pk}") for question in self.questions
        }


class InviteForm(forms.Form):
    emails = forms.CharField(
        label=_("Email addresses"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("One per line."),
    )
    participants = forms.BooleanField(
        label=_("Everyone who took part in this engagement"), required=False
    )

    def clean_emails(self):
        from django.core.validators import validate_email

        emails = []
        for line in self.cleaned_data["emails"].splitlines():
            address = line.strip().lower()
            if address:
                try:
                    validate_email(address)
                except forms.ValidationError:
                    raise forms.ValidationError(
                        _("“%(address)s” is not an email address.") % {"address": address}
                    ) from None
                emails.append(address)
        return emails


class BreakdownForm(forms.Form):
    question = forms.ModelChoiceField(label=_("Question"), queryset=Question.objects.none())
    by = forms.ChoiceField(label=_("Broken down by"))

    def __init__(self, *args, survey: Survey, breakdowns: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["question"].queryset = survey.questions.exclude(
            kind__in=[QuestionKind.NUMBER, QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT]
        )
        self.fields["by"].choices = [(key, label) for key, (_path, label) in breakdowns.items()]
