"""Sign-up, verification, login, reset: what a resident sees, and what a stranger cannot learn."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _link_from(message) -> str:
    return re.search(r"https?://testserver(/\S+)", message.body).group(1)


def test_sign_up_verify_then_log_in(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "New.Resident@Example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": "Rosa",
            "language": "es",
            "age_confirmation": "on",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="new.resident@example.org")
    assert (user.display_name, user.language) == ("Rosa", "es")

    # Verification is mandatory: no session until the address is confirmed.
    assert "_auth_user_id" not in client.session
    response = client.post(
        reverse("account_login"), {"login": "new.resident@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session

    confirm_url = _link_from(mail.outbox[-1])
    assert client.get(confirm_url).status_code == 200
    response = client.post(confirm_url)
    assert response.status_code == 302

    response = client.post(
        reverse("account_login"), {"login": "new.resident@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    # People land in the language of their profile.
    assert response["Location"].startswith("/es/")


def test_sign_up_with_a_registered_email_looks_the_same(client):
    UserFactory(email="taken@example.org")
    data = {
        "password1": PASSWORD,
        "password2": PASSWORD,
        "language": "en",
        "age_confirmation": "on",
    }

    known = client.post(reverse("account_signup"), {**data, "email": "taken@example.org"})
    client.logout()
    unknown = client.post(reverse("account_signup"), {**data, "email": "fresh@example.org"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    # The owner of the taken address is told by email; the stranger learns nothing on screen.
    assert {m.to[0] for m in mail.outbox} == {"taken@example.org", "fresh@example.org"}


def test_password_reset_looks_the_same_for_known_and_unknown_emails(client):
    UserFactory(email="known@example.org")
    known = client.post(reverse("account_reset_password"), {"email": "known@example.org"})
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_bad_login_error_is_the_same_for_known_and_unknown_emails(client):
    UserFactory(email="known@example.org")
    known = client.post(
        reverse("account_login"), {"login": "known@example.org", "password": "wrong-1"}
    )
    unknown = client.post(
        reverse("account_login"), {"login": "nobody@example.org", "password": "wrong-1"}
    )
    assert known.status_code == unknown.status_code == 200
    assert known.context["form"].errors == unknown.context["form"].errors


def test_repeated_bad_logins_are_rate_limited(client):
    UserFactory(email="target@example.org")
    for _attempt in range(5):
        client.post(reverse("account_login"), {"login": "target@example.org", "password": "guess"})

    # Even the right password is refused now: the account is paused, not open to guessing.
    response = client.post(
        reverse("account_login"), {"login": "target@example.org", "password": PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()


def test_login_rate_limit_per_address_holds_across_clients(client, django_user_model):
    from django.test import Client

    UserFactory(email="target@example.org")
    for number in range(5):
        Client(REMOTE_ADDR=f"10.0.0.{number}").post(
            reverse("account_login"), {"login": "target@example.org", "password": "guess"}
        )
    fresh = Client(REMOTE_ADDR="10.0.1.1")
    fresh.post(reverse("account_login"), {"login": "target@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in fresh.session


def test_admin_login_goes_through_the_throttled_login(client, agency_admin):
    # Django's own admin form would check passwords without any limit; it must not be reachable.
    response = client.post("/admin/login/", {"username": agency_admin.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session

    for _attempt in range(5):
        client.post(reverse("account_login"), {"login": agency_admin.email, "password": "guess"})
    client.post(reverse("account_login"), {"login": agency_admin.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_log_out(client, resident):
    client.force_login(resident)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_email_is_the_login_and_case_does_not_matter(client):
    UserFactory(email="mixed@example.org")
    client.post(reverse("account_login"), {"login": "MIXED@example.org", "password": PASSWORD})
    assert "_auth_user_id" in client.session


def test_children_under_13_cannot_make_an_account(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "kid@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "language": "en",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["age_confirmation"]
    assert not User.objects.filter(email="kid@example.org").exists()
