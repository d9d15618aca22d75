"""Channel backends: how a rendered message leaves the portal.

A backend is a class with `open()`, `send(delivery, message)` and `close()`; `send` raises
TransientSendError (try again later) or PermanentSendError (give up, and stop using the address).
Which class serves which channel is the NOTICES_CHANNEL_BACKENDS setting.
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string


class SendError(Exception):
    pass


class TransientSendError(SendError):
    """The provider could not take the message now; the delivery is retried with backoff."""


class PermanentSendError(SendError):
    """The message can never be delivered to this address (e.g. a rejected recipient)."""


@dataclass(frozen=True)
class RenderedMessage:
    subject: str
    body: str
    language: str
    link: str
    unsubscribe_url: str
    kind: str
    attachments: tuple = ()


class ChannelBackend(ABC):
    def open(self) -> None:  # noqa: B027  (optional hook)
        """Called once per batch, before the first send."""

    @abstractmethod
    def send(self, delivery, message: RenderedMessage) -> None:
        """Send one message; raise TransientSendError or PermanentSendError on failure."""

    def close(self) -> None:  # noqa: B027  (optional hook)
        """Called once per batch, after the last send."""


def channel_backend(channel: str) -> ChannelBackend:
    return import_string(settings.NOTICES_CHANNEL_BACKENDS[channel])()
