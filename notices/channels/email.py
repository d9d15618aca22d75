import smtplib

from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.utils import translation

from . import ChannelBackend, PermanentSendError, TransientSendError


class EmailChannel(ChannelBackend):
    """Text and HTML email through Django's email backend, with one-click unsubscribe headers
    (RFC 8058) so mail clients offer a real unsubscribe button."""

    def open(self) -> None:
        self.connection = get_connection()
        self.connection.open()

    def close(self) -> None:
        self.connection.close()

    def send(self, delivery, message) -> None:
        context = {"message": message, "delivery": delivery}
        with translation.override(message.language):
            text = render_to_string("notices/email/message.txt", context)
            html = render_to_string("notices/email/message.html", context)
        email = EmailMultiAlternatives(
            subject=message.subject,
            body=text,
            to=[delivery.address],
            headers={
                "List-Unsubscribe": f"<{message.unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Auto-Submitted": "auto-generated",
            },
            connection=self.connection,
        )
        email.attach_alternative(html, "text/html")
        for attachment in message.attachments:
            email.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
        try:
            email.send()
        except smtplib.SMTPRecipientsRefused as error:
            raise PermanentSendError(str(error)[:300]) from error
        except (smtplib.SMTPException, OSError) as error:
            raise TransientSendError(str(error)[:300]) from error
