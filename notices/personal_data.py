from .models import Delivery, OptOut


def notices_data(user) -> dict:
    return {
        "opt_outs": [
            {"kind": kind, "channel": channel}
            for kind, channel in OptOut.objects.filter(user=user).values_list("kind", "channel")
        ],
        "messages": [
            {
                "subject": delivery.notice.subject,
                "channel": delivery.channel,
                "sent_at": delivery.sent_at.isoformat() if delivery.sent_at else None,
            }
            for delivery in Delivery.objects.filter(user=user).select_related("notice")[:1000]
        ],
    }
