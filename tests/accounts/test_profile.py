"""A resident's own account: profile, channels, language, demographics, download, deletion."""

import json

import pytest
from django.urls import reverse

from accounts.models import Demographics, User
from tests.factories import PASSWORD, LanguageFactory, NeighborhoodFactory, TopicFactory

pytestmark = pytest.mark.django_db

PROFILE = {
    "display_name": "Rosa",
    "language": "es",
    "phone": "",
    "notify_by_email": "on",
    "notify_in_app": "on",
    "neighborhood": "",
}


def test_profile_saves_phone_in_e164_with_consent(client, resident):
    neighborhood = NeighborhoodFactory()
    topic = TopicFactory()
    client.force_login(resident)
    response = client.post(
        reverse("accounts:profile"),
        {
            **PROFILE,
            "phone": "(312) 555-0142",
            "sms_consent": "on",
            "notify_by_sms": "on",
            "neighborhood": neighborhood.pk,
            "topics_followed": [topic.pk],
        },
    )
    assert response.status_code == 302
    resident.refresh_from_db()
    assert str(resident.phone) == "+13125550142"
    assert resident.sms_consent_at is not None
    assert resident.notify_by_sms is True
    assert resident.neighborhood == neighborhood
    assert list(resident.topics_followed.all()) == [topic]


def test_invalid_phone_is_refused_with_a_clear_error_and_nothing_is_lost(client, resident):
    client.force_login(resident)
    response = client.post(reverse("accounts:profile"), {**PROFILE, "phone": "12"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert 'href="#id_phone"' in body
    # What the person typed is still in the form.
    assert 'value="Rosa"' in body
    resident.refresh_from_db()
    assert resident.display_name != "Rosa"


def test_text_messages_need_phone_and_consent(client, resident):
    client.force_login(resident)
    response = client.post(reverse("accounts:profile"), {**PROFILE, "notify_by_sms": "on"})
    assert response.status_code == 200
    assert response.context["form"].errors["notify_by_sms"]


def test_withdrawing_sms_consent_turns_the_channel_off(client, resident):
    client.force_login(resident)
    client.post(
        reverse("accounts:profile"),
        {**PROFILE, "phone": "+13125550142", "sms_consent": "on", "notify_by_sms": "on"},
    )
    client.post(reverse("accounts:profile"), {**PROFILE, "phone": "+13125550142"})
    resident.refresh_from_db()
    assert resident.sms_consent_at is None
    assert resident.notify_by_sms is False


def test_language_switcher_saves_to_profile_and_keeps_the_page(client, resident):
    client.force_login(resident)
    response = client.post(
        reverse("accounts:set_language"), {"language": "vi", "next": "/en/engagements/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/vi/engagements/"
    resident.refresh_from_db()
    assert resident.language == "vi"


def test_language_switcher_works_without_an_account(client):
    response = client.post(reverse("accounts:set_language"), {"language": "ar", "next": "/en/"})
    assert response["Location"] == "/ar/"


def test_demographics_need_explicit_consent(client, resident):
    client.force_login(resident)
    response = client.post(reverse("accounts:demographics"), {"age_band": "25_34"})
    assert response.status_code == 200
    assert response.context["form"].errors["consent"]
    assert not Demographics.objects.filter(user=resident).exists()


def test_demographics_saved_with_consent_and_deleted_on_withdrawal(client, resident):
    language = LanguageFactory()
    client.force_login(resident)
    response = client.post(
        reverse("accounts:demographics"),
        {
            "consent": "on",
            "age_band": "25_34",
            "gender": "prefer_not",
            "race_ethnicity": ["asian", "hispanic"],
            "languages_spoken": [language.pk],
            "disability": "",
            "income_band": "prefer_not",
        },
    )
    assert response.status_code == 302
    answers = Demographics.objects.get(user=resident)
    assert answers.consented_at is not None
    assert answers.race_ethnicity == ["asian", "hispanic"]
    assert list(answers.languages_spoken.all()) == [language]

    client.post(reverse("accounts:demographics"), {"withdraw": "1"})
    assert not Demographics.objects.filter(user=resident).exists()


def test_prefer_not_to_say_cannot_be_combined(client, resident):
    client.force_login(resident)
    response = client.post(
        reverse("accounts:demographics"),
        {"consent": "on", "race_ethnicity": ["prefer_not", "white"]},
    )
    assert response.context["form"].errors["race_ethnicity"]


def test_download_my_data(client, resident):
    resident.phone = "+13125550142"
    resident.save()
    client.force_login(resident)
    response = client.get(reverse("accounts:personal_data"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == resident.email
    assert data["account"]["phone"] == "+13125550142"
    assert data["account"]["email_addresses"][0]["verified"] is True


def test_delete_account_needs_the_password(client, resident):
    client.force_login(resident)
    response = client.post(reverse("accounts:delete"), {"password": "not-it"})
    assert response.status_code == 200
    assert User.objects.filter(pk=resident.pk).exists()

    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=resident.pk).exists()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "name",
    ["accounts:profile", "accounts:demographics", "accounts:personal_data", "accounts:delete"],
)
def test_account_pages_need_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
