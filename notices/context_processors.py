from django.utils.functional import SimpleLazyObject

from .selectors import inbox_unread_count


def inbox(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"inbox_unread": 0}
    # Evaluated only by templates that show it: one COUNT on an indexed column.
    return {"inbox_unread": SimpleLazyObject(lambda: inbox_unread_count(user=user))}
