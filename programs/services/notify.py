"""Every message about a session goes through notices/, in each reader's language."""

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from notices.models import Channel, Kind
from notices.services import notice_create
from notices.texts import neutral_url

from ..calendars import session_ics
from ..models import Registration, RegistrationStatus, Session


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _when(session: Session) -> str:
    start = timezone.localtime(session.starts_at)
    end = timezone.localtime(session.ends_at)
    return f"{formats.date_format(start, 'DATETIME_FORMAT')} – {formats.time_format(end, 'TIME_FORMAT')}"  # noqa: RUF001


def _where(session: Session, *, with_link: bool) -> str:
    parts = []
    if session.venue_id:
        parts.append(f"{session.venue.name}, {session.venue.address}")
    if session.virtual_link:
        parts.append(
            session.virtual_link if with_link else _("Online (link sent to people signed up)")
        )
    return " / ".join(parts)


def _texts(render) -> tuple[dict[str, str], dict[str, str]]:
    subjects, bodies = {}, {}
    for code in _languages():
        with translation.override(code):
            subjects[code], bodies[code] = render()
    return subjects, bodies


def _to_registration(
    registration: Registration, *, kind: str, render, key: str, ics: bool = False
) -> None:
    subject, body = _texts(render)
    session = registration.session
    notice_create(
        kind=kind,
        subject=subject,
        body=body,
        audience_kind="registration",
        audience_params={"registration_id": registration.pk},
        channels=[Channel.EMAIL, Channel.SMS, Channel.IN_APP],
        engagement=session.program.engagement,
        link=neutral_url("programs:registration", token=registration.token),
        dedupe_key=f"{key}:{registration.pk}",
        attachments=[
            {
                "filename": "session.ics",
                "mimetype": "text/calendar",
                "content": session_ics(session, include_link=True),
            }
        ]
        if ics
        else None,
    )


def registration_confirm_request(registration: Registration) -> None:
    session = registration.session

    def render():
        return (
            _("Please confirm your sign-up: %(title)s") % {"title": session.display_title},
            _(
                "Open the link to confirm your place for %(title)s on %(when)s, or enter the code "
                "%(code)s on the sign-up page. If you did not sign up, ignore this message."
            )
            % {"title": session.display_title, "when": _when(session), "code": registration.code},
        )

    _to_registration(
        registration, kind=Kind.CONFIRMATION, render=render, key="registration-confirm"
    )


def registration_confirmed(registration: Registration) -> None:
    session = registration.session
    if registration.status == RegistrationStatus.WAITLISTED:
        from .registrations import waitlist_position

        position = waitlist_position(registration)

        def render():
            return (
                _("You are on the waitlist: %(title)s") % {"title": session.display_title},
                _(
                    "The session on %(when)s is full. You are number %(position)d on the waitlist; "
                    "if a place frees up, it is yours and we will tell you."
                )
                % {"when": _when(session), "position": position},
            )

        _to_registration(
            registration, kind=Kind.CONFIRMATION, render=render, key="registration-waitlisted"
        )
        return

    def render():
        return (
            _("You are signed up: %(title)s") % {"title": session.display_title},
            _(
                "See you on %(when)s.\nWhere: %(where)s\nYour registration code: %(code)s. Show it "
                "(or the QR code on your registration page) at the door. You can cancel from the link."
            )
            % {
                "when": _when(session),
                "where": _where(session, with_link=True),
                "code": registration.code,
            },
        )

    _to_registration(
        registration, kind=Kind.CONFIRMATION, render=render, key="registration-confirmed", ics=True
    )


def registration_promoted(registration: Registration) -> None:
    session = registration.session

    def render():
        return (
            _("A place opened up: %(title)s") % {"title": session.display_title},
            _(
                "Good news: you have a place for %(title)s on %(when)s.\nWhere: %(where)s\n"
                "Your registration code: %(code)s. If you can no longer come, please cancel from the link."
            )
            % {
                "title": session.display_title,
                "when": _when(session),
                "where": _where(session, with_link=True),
                "code": registration.code,
            },
        )

    _to_registration(
        registration, kind=Kind.CONFIRMATION, render=render, key="registration-promoted", ics=True
    )


def _to_session(
    session: Session, *, kind: str, render, key: str, statuses, attended: bool = False
) -> None:
    subject, body = _texts(render)
    notice_create(
        kind=kind,
        subject=subject,
        body=body,
        audience_kind="session_people",
        audience_params={
            "session_id": session.pk,
            "statuses": list(statuses),
            "attended": attended,
        },
        engagement=session.program.engagement,
        link=neutral_url("programs:session", pk=session.pk),
        dedupe_key=key,
        attachments=[
            {
                "filename": "session.ics",
                "mimetype": "text/calendar",
                "content": session_ics(session),
            }
        ]
        if kind == Kind.CHANGE
        else None,
    )


WAITING_OR_CONFIRMED = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


def session_changed(session: Session, *, version: str) -> None:
    def render():
        return (
            _("Changed: %(title)s") % {"title": session.display_title},
            _("The session has changed. It is now on %(when)s.\nWhere: %(where)s")
            % {"when": _when(session), "where": _where(session, with_link=False)},
        )

    _to_session(
        session,
        kind=Kind.CHANGE,
        render=render,
        key=f"session-changed:{session.pk}:{version}",
        statuses=WAITING_OR_CONFIRMED,
    )


def session_cancelled(session: Session) -> None:
    def render():
        return (
            _("Cancelled: %(title)s") % {"title": session.display_title},
            _(
                "We are sorry: the session on %(when)s is cancelled. See the program page for other dates."
            )
            % {"when": _when(session)},
        )

    _to_session(
        session,
        kind=Kind.CANCELLATION,
        render=render,
        key=f"session-cancelled:{session.pk}",
        statuses=WAITING_OR_CONFIRMED,
    )


def session_reminder(session: Session) -> None:
    def render():
        return (
            _("Reminder: %(title)s") % {"title": session.display_title},
            _(
                "See you on %(when)s.\nWhere: %(where)s\nCannot come? Please cancel so someone on the waitlist can have your place."
            )
            % {"when": _when(session), "where": _where(session, with_link=False)},
        )

    _to_session(
        session,
        kind=Kind.REMINDER,
        render=render,
        key=f"session-reminder:{session.pk}",
        statuses=[RegistrationStatus.CONFIRMED],
    )


def session_thanks(session: Session) -> None:
    def render():
        return (
            _("Thank you for coming: %(title)s") % {"title": session.display_title},
            _(
                "Thank you for taking part. What did you think, and what should we do next? "
                "Tell us on the engagement page; we report back on what we do with every comment."
            ),
        )

    subject, body = _texts(render)
    notice_create(
        kind=Kind.INVITATION,
        subject=subject,
        body=body,
        audience_kind="session_people",
        audience_params={
            "session_id": session.pk,
            "statuses": [RegistrationStatus.CONFIRMED],
            "attended": True,
        },
        engagement=session.program.engagement,
        link=neutral_url("engagements:input_create", pk=session.program.engagement_id),
        dedupe_key=f"session-thanks:{session.pk}",
    )
