import pytest

from notices.channels.sms import LocmemSmsProvider


@pytest.fixture(autouse=True)
def _sms_outbox(settings):
    settings.NOTICES_SMS_PROVIDER = "notices.channels.sms.LocmemSmsProvider"
    # Quiet hours off unless a test turns them on, so results do not depend on the clock.
    settings.NOTICES_SMS_QUIET_HOURS = (0, 0)
    LocmemSmsProvider.outbox = []
    return LocmemSmsProvider.outbox


@pytest.fixture
def sms_outbox(_sms_outbox):
    return _sms_outbox
