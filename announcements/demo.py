"""Demo news and press-conference questions (see seed_demo)."""

from datetime import timedelta

from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from accounts.models import User
from engagements.models import Engagement, Format, Input, Topic

from .models import Announcement, AnnouncementKind, QuestionStatus
from .services import announcement_publish, question_review, question_submit

NEWS = [
    {
        "kind": AnnouncementKind.TRAFFIC,
        "days_ago": 1,
        "topics": ["traffic"],
        "title": {
            "en": "Harbor Boulevard lane closures this weekend",
            "es": "Cierre de carriles en Harbor Boulevard este fin de semana",
            "vi": "Đóng làn đường trên đại lộ Harbor cuối tuần này",
        },
        "summary": {
            "en": "Two lanes close Saturday 6 a.m. to Sunday 6 p.m. for repaving. Use Elm Street.",
            "es": "Se cierran dos carriles del sábado a las 6 a. m. al domingo a las 6 p. m. por repavimentación. Use la calle Elm.",
            "vi": "Hai làn đường đóng từ 6 giờ sáng thứ Bảy đến 6 giờ chiều Chủ nhật để trải lại mặt đường. Xin đi đường Elm.",
        },
        "body": {
            "en": "Officers will direct traffic at the Elm Street intersection. Expect delays of up to 15 minutes."
        },
    },
    {
        "kind": AnnouncementKind.HELP_IDENTIFY,
        "days_ago": 3,
        "topics": ["neighborhood-safety"],
        "title": {
            "en": "Help us find the driver in a hit-and-run on Mill Street",
            "es": "Ayúdenos a encontrar al conductor que huyó tras un choque en la calle Mill",
        },
        "summary": {
            "en": "A cyclist was injured on Tuesday evening. Do you have camera footage from Mill Street?",
            "es": "Un ciclista resultó herido el martes por la noche. ¿Tiene grabaciones de cámaras de la calle Mill?",
        },
        "body": {"en": "Call the tip line or write to us. You can stay anonymous."},
    },
    {
        "kind": AnnouncementKind.POSITIVE_STORY,
        "days_ago": 6,
        "topics": ["youth"],
        "title": {
            "en": "Explorers repaint the Northpark skate park",
            "es": "Los Exploradores pintan de nuevo el parque de patinaje de Northpark",
            "vi": "Các bạn trẻ chương trình Khám phá sơn lại công viên trượt ván Northpark",
            "zh-hans": "探索者青少年重新粉刷北园滑板公园",
            "ar": "المستكشفون يعيدون طلاء حديقة التزلج في نورثبارك",
        },
        "summary": {
            "en": "Twenty young Explorers and five officers spent Saturday painting murals designed by neighborhood kids.",
            "es": "Veinte jóvenes Exploradores y cinco agentes pasaron el sábado pintando murales diseñados por niños del vecindario.",
        },
        "body": {"en": "Thank you to everyone who brought paint, food and music."},
    },
    {
        "kind": AnnouncementKind.PRESS_RELEASE,
        "days_ago": 2,
        "topics": ["technology"],
        "press_conference": True,
        "title": {
            "en": "Chief to present the license plate reader proposal",
            "es": "El jefe presentará la propuesta de lectores de matrículas",
        },
        "summary": {
            "en": "The proposal, its privacy rules and its costs are public. Send your questions before the press conference.",
            "es": "La propuesta, sus reglas de privacidad y sus costos son públicos. Envíe sus preguntas antes de la rueda de prensa.",
        },
        "body": {
            "en": "The press conference is streamed live with captions and ASL interpretation."
        },
    },
]

QUESTIONS = [
    (
        "How long will plate scans be kept?",
        "en",
        "Thirty days, unless a scan is part of an open investigation.",
    ),
    ("¿Se compartirán los datos con inmigración?", "es", ""),
    ("Who checks that the cameras are not misused?", "en", ""),
]


def _translated(field: str, texts: dict[str, str]) -> dict[str, str]:
    return {build_localized_fieldname(field, code): text for code, text in texts.items()}


def seed() -> list[tuple[str, str]]:
    staff = User.objects.filter(email="outreach@demo.example").first()
    press = Engagement.objects.filter(format=Format.PRESS_CONFERENCE).first()
    now = timezone.now()
    for item in NEWS:
        if Announcement.objects.filter(title_en=item["title"]["en"]).exists():
            continue
        announcement = Announcement.objects.create(
            kind=item["kind"],
            author=staff,
            engagement=press if item.get("press_conference") else None,
            **_translated("title", item["title"]),
            **_translated("summary", item["summary"]),
            **_translated("body", item["body"]),
        )
        announcement.topics.set(Topic.objects.filter(slug__in=item["topics"]))
        if staff is not None:
            announcement_publish(announcement=announcement, published_by=staff)
        Announcement.objects.filter(pk=announcement.pk).update(
            published_at=now - timedelta(days=item["days_ago"])
        )
    if (
        press is not None
        and staff is not None
        and not Input.objects.filter(engagement=press).exists()
    ):
        for text, language, answer in QUESTIONS:
            question = question_submit(engagement=press, text=text, language=language)
            question_review(
                question=question,
                status=QuestionStatus.APPROVED,
                reviewed_by=staff,
                answers={"en": answer} if answer else None,
            )
    return []
