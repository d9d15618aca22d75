"""Taking answers, as the survey promised: anonymous, confidential or identified.

Nothing here logs, queues or stores anything that joins an anonymous Response to a person, their
session, their IP address or their invitation: the Response has a random id and a date; that the
person (or token) answered is recorded as a keyed hash in Participation, with no reference back.
"""

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from accounts.models import User

from ..models import (
    CHOICE_KINDS,
    Access,
    Anonymity,
    Answer,
    Invitation,
    Participation,
    Question,
    QuestionKind,
    Response,
    ResponseMode,
    Survey,
    SurveyStatus,
)


class ResponseError(Exception):
    pass


class AlreadyAnswered(ResponseError):
    pass


def participation_key(*, survey: Survey, who: str) -> str:
    """A keyed hash of "who answered" (a person or a token); the key is the site's secret."""
    return salted_hmac("surveys.participation", f"{survey.pk}:{who}").hexdigest()


def has_answered(*, survey: Survey, user: User | None = None, token: str = "") -> bool:
    if token:
        return Invitation.objects.filter(survey=survey, token=token, used=True).exists()
    if user is not None and user.is_authenticated:
        key = participation_key(survey=survey, who=f"user:{user.pk}")
        return Participation.objects.filter(survey=survey, key=key).exists()
    return False


def visible_questions(questions, answers: Mapping[int, Any]) -> list[Question]:
    """Questions shown given the answers so far: a conditional question appears only when its
    earlier choice was chosen."""
    chosen: set[int] = set()
    shown = []
    for question in questions:
        if question.show_if_choice_id and question.show_if_choice_id not in chosen:
            continue
        shown.append(question)
        value = answers.get(question.pk)
        if question.kind in CHOICE_KINDS and value:
            values = value if isinstance(value, list | tuple | set) else [value]
            chosen.update(int(item) for item in values)
    return shown


def _answers_for(question: Question, value, valid_choices: set[int]) -> list[Answer]:
    if value in (None, "", [], ()):
        if question.required:
            raise ResponseError(_("Please answer: %(question)s") % {"question": question.text})
        return []
    if question.kind in CHOICE_KINDS:
        values = value if isinstance(value, list | tuple | set) else [value]
        picked = [int(item) for item in values]
        if not set(picked) <= valid_choices or (
            question.kind == QuestionKind.SINGLE and len(picked) != 1
        ):
            raise ResponseError(_("That choice is not available."))
        return [Answer(question=question, choice_id=choice_id) for choice_id in picked]
    if question.kind in (QuestionKind.AGREEMENT, QuestionKind.RATING, QuestionKind.NUMBER):
        try:
            number = Decimal(str(value))
        except (InvalidOperation, ValueError):
            raise ResponseError(
                _("Enter a number for: %(question)s") % {"question": question.text}
            ) from None
        bounds = {QuestionKind.AGREEMENT: (1, 5), QuestionKind.RATING: (0, 10)}.get(question.kind)
        if bounds and not (
            bounds[0] <= number <= bounds[1] and number == number.to_integral_value()
        ):
            raise ResponseError(_("That answer is out of range."))
        return [Answer(question=question, number=number)]
    return [Answer(question=question, text=str(value).strip()[:5000])]


@transaction.atomic
def response_submit(
    *,
    survey: Survey,
    answers: Mapping[int, Any],
    language: str,
    user: User | None = None,
    token: str = "",
    neighborhood=None,
    mode: str = ResponseMode.ONLINE,
) -> None:
    """Record one response. Returns nothing on purpose: no caller needs (or may keep) its id.

    One response per person or token, even under simultaneous submits: a token is spent with a
    conditional UPDATE; a person is counted with a unique Participation row; both inside this
    transaction, so a second submit fails as a whole.
    """
    if mode == ResponseMode.ONLINE and survey.status != SurveyStatus.OPEN:
        raise ResponseError(_("This survey is not open."))
    if mode == ResponseMode.ONLINE and survey.access != Access.LINK and not token:
        raise ResponseError(_("This survey is by invitation. Use the link you were sent."))
    signed_in = user is not None and user.is_authenticated
    if (
        mode == ResponseMode.ONLINE
        and survey.anonymity != Anonymity.ANONYMOUS
        and not signed_in
        and not token
    ):
        raise ResponseError(_("Sign in to answer this survey."))

    questions = list(survey.questions.prefetch_related("choices"))
    shown = visible_questions(questions, answers)
    built = []
    for question in shown:
        built += _answers_for(
            question, answers.get(question.pk), {choice.pk for choice in question.choices.all()}
        )

    if token:
        spent = Invitation.objects.filter(survey=survey, token=token, used=False).update(used=True)
        if not spent:
            raise AlreadyAnswered(_("This invitation link has already been used."))
    try:
        with transaction.atomic():
            if signed_in and mode == ResponseMode.ONLINE:
                Participation.objects.create(
                    survey=survey, key=participation_key(survey=survey, who=f"user:{user.pk}")
                )
    except IntegrityError:
        raise AlreadyAnswered(_("You have already answered this survey. Thank you!")) from None

    linked_user = (
        user
        if signed_in and survey.anonymity != Anonymity.ANONYMOUS and mode == ResponseMode.ONLINE
        else None
    )
    if linked_user is None and token and survey.anonymity != Anonymity.ANONYMOUS:
        linked_user = Invitation.objects.get(survey=survey, token=token).user
    response = Response.objects.create(
        survey=survey,
        submitted_on=timezone.localdate(),
        language=language,
        mode=mode,
        neighborhood=neighborhood,
        user=linked_user,
    )
    for answer in built:
        answer.response = response
    Answer.objects.bulk_create(built)
