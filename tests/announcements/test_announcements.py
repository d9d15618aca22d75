"""Information sharing: news with feeds and follower notices, and press-conference questions."""

import feedparser
import pytest
from django.core import mail
from django.urls import reverse

from announcements import services
from announcements.models import Announcement, AnnouncementKind, QuestionStatus
from engagements.models import Category, Format, Input, Source
from notices.models import Channel, Kind, Notice
from tests.factories import EngagementFactory, NeighborhoodFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db

VALUES = {
    "kind": AnnouncementKind.TRAFFIC,
    "title_en": "Main Street closed Saturday",
    "summary_en": "Detour by Elm Street.",
    "body_en": "Main Street is closed from 8 to 14.",
    "title_es": "Calle Main cerrada el sábado",
    "summary_es": "Desvío por la calle Elm.",
    "body_es": "La calle Main está cerrada de 8 a 14.",
}


def test_publishing_notifies_followers_of_its_topics_and_neighborhoods_once(
    staff, django_capture_on_commit_callbacks
):
    traffic = TopicFactory(slug="traffic")
    riverside = NeighborhoodFactory(slug="riverside")
    by_topic = UserFactory(language="es")
    by_topic.topics_followed.add(traffic)
    by_both = UserFactory(neighborhood=riverside)
    by_both.topics_followed.add(traffic)
    UserFactory()  # follows nothing
    announcement = services.announcement_save(
        values={
            **VALUES,
            "topics": [traffic],
            "neighborhoods": [riverside],
            "notify_followers": True,
        },
        author=staff,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.announcement_publish(announcement=announcement, published_by=staff)
        services.announcement_publish(announcement=announcement, published_by=staff)
    notice = Notice.objects.get(kind=Kind.ANNOUNCEMENT)
    emails = {d.address: d.language for d in notice.deliveries.filter(channel=Channel.EMAIL)}
    assert emails == {by_topic.email: "es", by_both.email: "en"}
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects[by_topic.email] == "Calle Main cerrada el sábado"


def test_without_notify_nobody_is_messaged(staff):
    announcement = services.announcement_save(values=VALUES, author=staff)
    services.announcement_publish(announcement=announcement, published_by=staff)
    assert not Notice.objects.exists()


@pytest.mark.parametrize(
    ("code", "title"),
    [("en", "Main Street closed Saturday"), ("es", "Calle Main cerrada el sábado")],
)
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_parse_in_each_language(client, staff, code, title, kind):
    published = services.announcement_save(values=VALUES, author=staff)
    services.announcement_publish(announcement=published, published_by=staff)
    services.announcement_save(values={**VALUES, "title_en": "Draft only"}, author=staff)
    response = client.get(f"/{code}/news/feed/{kind}/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert [entry.title for entry in feed.entries] == [title]
    assert feed.entries[0].link.endswith(f"/{code}/news/{published.pk}/")
    assert feed.feed.language == code


def test_drafts_are_404_to_the_public(client, staff):
    draft = services.announcement_save(values=VALUES, author=staff)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(staff)
    assert client.get(draft.get_absolute_url()).status_code == 200


@pytest.fixture
def press_conference():
    return EngagementFactory(
        title_en="Press conference: license plate readers",
        category=Category.INFORMATION_SHARING,
        format=Format.PRESS_CONFERENCE,
    )


def test_questions_are_moderated_answered_and_enter_the_loop(client, staff, press_conference):
    response = client.post(
        reverse("announcements:question_ask", kwargs={"pk": press_conference.pk}),
        {"text": "How long are plate scans kept?"},
    )
    assert response.status_code == 302
    question = Input.objects.get()
    assert question.source == Source.QUESTION
    page = reverse("announcements:press_conference", kwargs={"pk": press_conference.pk})
    assert "How long are plate scans kept?" not in client.get(page).content.decode()

    # It is in the loop's inbox like any input.
    client.force_login(staff)
    assert question in client.get(reverse("staff:loop:inbox")).context["inputs"]

    moderation = reverse("staff:announcements:questions", kwargs={"pk": press_conference.pk})
    assert "How long are plate scans kept?" in client.get(moderation).content.decode()
    response = client.post(
        reverse(
            "staff:announcements:question_review",
            kwargs={"pk": press_conference.pk, "input_pk": question.pk},
        ),
        {
            f"q{question.pk}-status": QuestionStatus.APPROVED,
            f"q{question.pk}-answer_en": "Thirty days, then deleted.",
        },
    )
    assert response.status_code == 302
    client.logout()
    body = client.get(page).content.decode()
    assert "How long are plate scans kept?" in body
    assert "Thirty days, then deleted." in body


def test_comments_sent_from_the_engagement_page_are_questions_too(client, staff, press_conference):
    client.post(
        f"/en/engagements/{press_conference.pk}/comment/", {"text": "Will you share the data?"}
    )
    assert Input.objects.get().source == Source.QUESTION
    client.force_login(staff)
    moderation = client.get(
        reverse("staff:announcements:questions", kwargs={"pk": press_conference.pk})
    )
    assert "Will you share the data?" in moderation.content.decode()


def test_declining_needs_a_note(client, staff, press_conference):
    question = services.question_submit(
        engagement=press_conference, text="Rude question", language="en"
    )
    client.force_login(staff)
    client.post(
        reverse(
            "staff:announcements:question_review",
            kwargs={"pk": press_conference.pk, "input_pk": question.pk},
        ),
        {f"q{question.pk}-status": QuestionStatus.DECLINED},
    )
    question.question_review.refresh_from_db()
    assert question.question_review.status == QuestionStatus.PENDING


def test_other_engagements_take_no_questions_here(client):
    town_hall = EngagementFactory()
    assert (
        client.get(reverse("announcements:question_ask", kwargs={"pk": town_hall.pk})).status_code
        == 404
    )


@pytest.mark.parametrize(
    ("who", "expected"), [("anonymous", 302), ("resident", 403), ("staff", 200), ("admin", 200)]
)
def test_staff_pages_matrix(client, people, press_conference, staff, who, expected):
    announcement = services.announcement_save(values=VALUES, author=staff)
    if who != "anonymous":
        client.force_login(people[who])
    for url in (
        reverse("staff:announcements:list"),
        reverse("staff:announcements:create"),
        reverse("staff:announcements:edit", kwargs={"pk": announcement.pk}),
        reverse("staff:announcements:questions", kwargs={"pk": press_conference.pk}),
    ):
        assert client.get(url).status_code == expected, url
    response = client.post(reverse("staff:announcements:publish", kwargs={"pk": announcement.pk}))
    assert response.status_code in ({302} if expected == 200 else {expected})
    announcement.refresh_from_db()
    assert (announcement.published_at is not None) is (expected == 200)


@pytest.mark.parametrize("count", [10, 200])
def test_news_pages_query_count_does_not_grow(
    client, staff, press_conference, django_assert_max_num_queries, count
):
    topic = TopicFactory()
    for number in range(count):
        item = Announcement.objects.create(
            kind="event", title_en=f"News {number}", summary_en="s", body_en="b"
        )
        item.topics.add(topic)
        services.announcement_publish(announcement=item, published_by=staff)
        services.question_submit(
            engagement=press_conference, text=f"Question {number}", language="en"
        )
    for review_input in Input.objects.all():
        services.question_review(
            question=review_input, status=QuestionStatus.APPROVED, reviewed_by=staff
        )
    for url in ("/en/news/", "/en/news/feed/rss/", f"/en/news/press/{press_conference.pk}/"):
        with django_assert_max_num_queries(8):
            assert client.get(url).status_code == 200, url
    client.force_login(staff)
    for url in (
        "/en/staff/announcements/",
        f"/en/staff/announcements/press/{press_conference.pk}/questions/",
    ):
        with django_assert_max_num_queries(10):
            assert client.get(url).status_code == 200, url
