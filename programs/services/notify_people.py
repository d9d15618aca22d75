"""Messages to one person about their ride-out request or application, in their language."""

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from notices.models import Channel, Kind
from notices.services import notice_create
from notices.texts import neutral_url


def _send(user, *, kind: str, render, link: str, key: str, engagement) -> None:
    subject, body = {}, {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            subject[code], body[code] = render()
    notice_create(
        kind=kind,
        subject=subject,
        body=body,
        audience_kind="people",
        audience_params={"user_ids": [user.pk]},
        channels=[Channel.EMAIL, Channel.SMS, Channel.IN_APP],
        engagement=engagement,
        link=link,
        dedupe_key=key,
    )


def rideout_received(request) -> None:
    def render():
        return (
            _("We received your ride-out request"),
            _("Thank you. We review every request and will tell you the date or our answer."),
        )

    _send(
        request.user,
        kind=Kind.CONFIRMATION,
        render=render,
        link=neutral_url("programs:rideout", pk=request.pk),
        key=f"rideout-received:{request.pk}",
        engagement=request.program.engagement,
    )


def rideout_approved(request) -> None:
    def render():
        when = formats.date_format(timezone.localtime(request.scheduled_at), "DATETIME_FORMAT")
        return (
            _("Your ride-out is scheduled"),
            _(
                "Your ride-out with the %(unit)s is on %(when)s. Bring a photo ID. If you cannot come, cancel from the link."
            )
            % {
                "unit": request.get_assigned_unit_display() or request.get_unit_display(),
                "when": when,
            },
        )

    _send(
        request.user,
        kind=Kind.CONFIRMATION,
        render=render,
        link=neutral_url("programs:rideout", pk=request.pk),
        key=f"rideout-approved:{request.pk}",
        engagement=request.program.engagement,
    )


def rideout_declined(request) -> None:
    def render():
        return (
            _("About your ride-out request"),
            _("We are sorry: we cannot offer you a ride-out this time. The reason: %(reason)s")
            % {"reason": request.decline_reason},
        )

    _send(
        request.user,
        kind=Kind.CHANGE,
        render=render,
        link=neutral_url("programs:rideout", pk=request.pk),
        key=f"rideout-declined:{request.pk}",
        engagement=request.program.engagement,
    )


def application_received(application) -> None:
    def render():
        return (
            _("We received your application: %(program)s")
            % {"program": application.program.engagement.title},
            _("Thank you for applying. We will tell you our decision."),
        )

    _send(
        application.user,
        kind=Kind.CONFIRMATION,
        render=render,
        link=neutral_url("programs:application", pk=application.pk),
        key=f"application-received:{application.pk}",
        engagement=application.program.engagement,
    )


def application_decided(application) -> None:
    def render():
        title = application.program.engagement.title
        return (
            _("Your application: %(program)s") % {"program": title},
            _("Your application is now: %(status)s.")
            % {"status": application.get_status_display()},
        )

    _send(
        application.user,
        kind=Kind.CHANGE,
        render=render,
        link=neutral_url("programs:application", pk=application.pk),
        key=f"application-decided:{application.pk}:{application.status}",
        engagement=application.program.engagement,
    )
