"""Staff and admin pages need a second factor whenever the setting is on (production default)."""

import os
import subprocess
import sys

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.conf import settings as django_settings
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

STAFF_URL = "/en/staff/engagements/"


@pytest.fixture
def mfa_required(settings):
    settings.PORTAL_STAFF_MFA_REQUIRED = True


@pytest.mark.usefixtures("mfa_required")
@pytest.mark.parametrize("url", [STAFF_URL, "/admin/"])
def test_staff_without_authenticator_is_sent_to_set_one_up(client, staff, url):
    client.force_login(staff)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))


@pytest.mark.usefixtures("mfa_required")
def test_staff_with_authenticator_must_give_a_code_at_login_then_gets_in(client, staff):
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)

    response = client.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    counter = next(yield_hotp_counters_from_time())
    code = format_hotp_value(hotp_value(secret, counter))
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)
    assert client.get(STAFF_URL).status_code == 200


@pytest.mark.usefixtures("mfa_required")
def test_residents_are_not_asked_for_a_second_factor_on_public_pages(client, resident):
    client.force_login(resident)
    assert client.get("/en/").status_code == 200
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_without_the_setting_staff_pages_open_without_authenticator(client, staff, settings):
    settings.PORTAL_STAFF_MFA_REQUIRED = False
    client.force_login(staff)
    assert client.get(STAFF_URL).status_code == 200


def test_mfa_is_required_by_default_when_debug_is_off():
    env = {
        "PATH": os.environ["PATH"],
        "DEBUG": "0",
        "SECRET_KEY": "x" * 60,
        "DJANGO_SETTINGS_MODULE": "engagement_portal.settings",
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings; print(settings.PORTAL_STAFF_MFA_REQUIRED)",
        ],
        env=env,
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "True"


def test_every_person_can_set_up_an_authenticator(client, resident):
    from allauth.mfa.models import Authenticator

    client.post(reverse("account_login"), {"login": resident.email, "password": PASSWORD})
    # Setting up a second factor asks for the password once more.
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    secret = response.context["form"].secret
    counter = next(yield_hotp_counters_from_time())
    code = format_hotp_value(hotp_value(secret, counter))
    response = client.post(reverse("mfa_activate_totp"), {"code": code})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=resident, type=Authenticator.Type.TOTP).exists()
