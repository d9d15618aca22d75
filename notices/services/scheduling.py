from django.db import transaction
from django.utils import timezone

from ..models import Notice, NoticeStatus
from .outbox import notice_release


def notices_release_due() -> int:
    """Release scheduled notices whose time has come (celery beat, every minute)."""
    released = 0
    due = Notice.objects.filter(status=NoticeStatus.SCHEDULED, send_at__lte=timezone.now())
    for notice in due.order_by("send_at").only("pk"):
        with transaction.atomic():
            notice_release(notice=notice)
        released += 1
    return released


@transaction.atomic
def notice_cancel(*, notice: Notice) -> Notice:
    """Cancel a scheduled notice before it goes out."""
    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    if notice.status == NoticeStatus.SCHEDULED:
        notice.status = NoticeStatus.CANCELLED
        notice.save(update_fields=["status"])
    return notice
