"""Board meetings: agenda, documents, attendance and minutes."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .drafts import _private_storage


class MinutesStatus(models.TextChoices):
    NONE = "none", _("No minutes yet")
    DRAFT = "draft", _("Draft minutes")
    APPROVED = "approved", _("Approved by the board")
    PUBLIC = "public", _("Approved and public")


class Meeting(models.Model):
    board = models.ForeignKey(
        "advisory_boards.Board", on_delete=models.CASCADE, related_name="meetings"
    )
    starts_at = models.DateTimeField(_("starts"))
    place = models.CharField(_("where"), max_length=200)
    online_link = models.URLField(_("online link (members only)"), blank=True)
    agenda = models.TextField(_("agenda"), help_text=_("One item per line."))
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_status = models.CharField(
        _("minutes"), max_length=10, choices=MinutesStatus.choices, default=MinutesStatus.NONE
    )
    attendees = models.ManyToManyField(
        "advisory_boards.Membership",
        verbose_name=_("members present"),
        blank=True,
        related_name="meetings_attended",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return f"{self.board} {self.starts_at:%Y-%m-%d}"

    def agenda_items(self) -> list[str]:
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]


class MeetingDocument(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), storage=_private_storage, upload_to="meetings/%Y/%m/")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.title
