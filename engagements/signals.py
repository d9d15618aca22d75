"""Signals between the platform and spectrum apps that must not import each other."""

from django.dispatch import Signal

# Sent when people took part in something of an engagement and it is over (a session ended).
# kwargs: engagement_id (int), recipients (a callable returning an iterator of notices Recipients),
# key (str, unique per occasion, for idempotent receivers).
participation_ended = Signal()
