"""The shape in which audiences hand people to the outbox."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Recipient:
    """Someone a notice can reach, with the channels they accept.

    People with an account carry their profile's choices; a guest who left an email or phone with an
    input or a sign-up carries just that address, and is only ever part of that engagement's
    audiences.
    """

    language: str
    user_id: int | None = None
    email: str = ""
    phone: str = ""
    email_ok: bool = True
    sms_ok: bool = False
    in_app_ok: bool = False
    # A link for this person only (e.g. a single-use survey invitation); overrides the notice's link.
    link: str = ""
