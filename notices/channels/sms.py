"""Text messages: a small provider interface, development backends, and segment counting."""

import json
import logging
from abc import ABC, abstractmethod
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from . import ChannelBackend

logger = logging.getLogger(__name__)

# GSM 03.38: the basic set costs one unit per character, the extension table two.
GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENDED = set("^{}\\[~]|€\f")


def sms_segments(text: str) -> tuple[str, int]:
    """The encoding a text needs and how many SMS segments it costs.

    GSM-7 fits 160 units in one message or 153 per segment when split; anything outside GSM-7 (most
    Vietnamese, Chinese and Arabic text) needs UCS-2: 70 characters, or 67 per segment.
    """
    if all(char in GSM7_BASIC or char in GSM7_EXTENDED for char in text):
        units = sum(2 if char in GSM7_EXTENDED else 1 for char in text)
        single, multi, encoding = 160, 153, "GSM-7"
    else:
        # UTF-16 code units: characters outside the BMP (emoji) take two.
        units = len(text.encode("utf-16-le")) // 2
        single, multi, encoding = 70, 67, "UCS-2"
    if units <= single:
        return encoding, 1 if units else 0
    return encoding, -(-units // multi)


def sms_text(message) -> str:
    with translation.override(message.language):
        parts = [message.subject]
        if message.link:
            parts.append(message.link)
        parts.append(_("Reply STOP to stop texts."))
    return "\n".join(parts)


class SmsProvider(ABC):
    """What an SMS gateway adapter implements (Twilio, a carrier API, ...)."""

    @abstractmethod
    def send(self, *, to: str, text: str) -> None:
        """Hand one text to the gateway; raise TransientSendError or PermanentSendError."""


class ConsoleSmsProvider(SmsProvider):
    def send(self, *, to: str, text: str) -> None:
        encoding, segments = sms_segments(text)
        logger.info("SMS to %s (%s, %s segment(s)):\n%s", to, encoding, segments, text)


class FileSmsProvider(SmsProvider):
    """Appends one JSON line per message to NOTICES_SMS_FILE_PATH, for development and tests."""

    def send(self, *, to: str, text: str) -> None:
        path = Path(settings.NOTICES_SMS_FILE_PATH)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as file:
            file.write(json.dumps({"to": to, "text": text}, ensure_ascii=False) + "\n")


class LocmemSmsProvider(SmsProvider):
    outbox: list[dict] = []

    def send(self, *, to: str, text: str) -> None:
        type(self).outbox.append({"to": to, "text": text})


class SmsChannel(ChannelBackend):
    def open(self) -> None:
        self.provider = import_string(settings.NOTICES_SMS_PROVIDER)()

    def send(self, delivery, message) -> None:
        self.provider.send(to=delivery.address, text=sms_text(message))
