"""Demo surveys (see seed_demo): an open survey in every language, a closed one with published
results, and two waves of the trust survey so the trend has two points."""

import random
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from accounts.models import User
from engagements.models import Engagement, Neighborhood

from .models import QuestionKind, Response, Survey
from .services import (
    question_save,
    response_submit,
    survey_add_trust_bank,
    survey_close,
    survey_open,
    survey_save,
)

ALL = [code for code, _name in settings.LANGUAGES]

PRIORITIES = {
    "engagement": "Survey: what should we prioritize in 2027?",
    "title": {
        "en": "What should we prioritize in 2027?",
        "es": "¿Qué debemos priorizar en 2027?",
        "vi": "Chúng tôi nên ưu tiên điều gì trong năm 2027?",
        "zh-hans": "2027年我们应优先关注什么？",
        "ar": "ما الذي يجب أن نعطيه الأولوية في 2027؟",
    },
    "intro": {
        "en": "Your answers shape next year's enforcement priorities. We publish what we heard.",
        "es": "Sus respuestas definen las prioridades del próximo año. Publicamos lo que escuchamos.",
        "vi": "Câu trả lời của quý vị định hình các ưu tiên năm tới. Chúng tôi công bố những gì đã nghe.",
        "zh-hans": "您的回答将决定明年的执法重点。我们会公布听到的意见。",
        "ar": "إجاباتك تحدد أولويات العام المقبل. ننشر ما سمعناه.",
    },
    "questions": [
        {
            "kind": QuestionKind.SINGLE,
            "required": True,
            "text": {
                "en": "Which issue matters most where you live?",
                "es": "¿Qué problema es el más importante donde usted vive?",
                "vi": "Vấn đề nào quan trọng nhất nơi quý vị sống?",
                "zh-hans": "在您居住的地方，哪个问题最重要？",
                "ar": "ما المشكلة الأهم في مكان سكنك؟",
            },
            "choices": [
                {
                    "en": "Traffic safety",
                    "es": "Seguridad vial",
                    "vi": "An toàn giao thông",
                    "zh-hans": "交通安全",
                    "ar": "السلامة المرورية",
                },
                {
                    "en": "Burglary and theft",
                    "es": "Robos y hurtos",
                    "vi": "Trộm cắp",
                    "zh-hans": "入室盗窃和偷窃",
                    "ar": "السطو والسرقة",
                },
                {
                    "en": "Programs for young people",
                    "es": "Programas para jóvenes",
                    "vi": "Chương trình cho thanh thiếu niên",
                    "zh-hans": "青少年项目",
                    "ar": "برامج للشباب",
                },
                {
                    "en": "Response to people in crisis",
                    "es": "Atención a personas en crisis",
                    "vi": "Hỗ trợ người đang gặp khủng hoảng",
                    "zh-hans": "应对处于危机中的人",
                    "ar": "الاستجابة للأشخاص في أزمة",
                },
            ],
        },
        {
            "kind": QuestionKind.SHORT_TEXT,
            "show_if": 0,
            "text": {
                "en": "Which street or crossing worries you most?",
                "es": "¿Qué calle o cruce le preocupa más?",
                "vi": "Con đường hoặc giao lộ nào khiến quý vị lo ngại nhất?",
                "zh-hans": "哪条街道或哪个路口最让您担心？",
                "ar": "ما الشارع أو التقاطع الذي يقلقك أكثر؟",
            },
        },
        {
            "kind": QuestionKind.MULTIPLE,
            "text": {
                "en": "How would you like to hear from us?",
                "es": "¿Cómo prefiere recibir noticias nuestras?",
                "vi": "Quý vị muốn nhận tin từ chúng tôi bằng cách nào?",
                "zh-hans": "您希望通过什么方式收到我们的消息？",
                "ar": "كيف تفضّل أن تصلك أخبارنا؟",
            },
            "choices": [
                {
                    "en": "Email",
                    "es": "Correo electrónico",
                    "vi": "Email",
                    "zh-hans": "电子邮件",
                    "ar": "البريد الإلكتروني",
                },
                {
                    "en": "Text message",
                    "es": "Mensaje de texto",
                    "vi": "Tin nhắn",
                    "zh-hans": "短信",
                    "ar": "رسالة نصية",
                },
                {
                    "en": "Community meetings",
                    "es": "Reuniones comunitarias",
                    "vi": "Họp cộng đồng",
                    "zh-hans": "社区会议",
                    "ar": "اجتماعات المجتمع",
                },
            ],
        },
        {
            "kind": QuestionKind.AGREEMENT,
            "text": {
                "en": "The department listens to my neighborhood's concerns.",
                "es": "El departamento escucha las preocupaciones de mi vecindario.",
                "vi": "Sở cảnh sát lắng nghe những mối quan tâm của khu phố tôi.",
                "zh-hans": "警察局倾听我所在社区的关切。",
                "ar": "تستمع الإدارة إلى مخاوف حيّي.",
            },
        },
        {
            "kind": QuestionKind.LONG_TEXT,
            "text": {
                "en": "Anything else we should know?",
                "es": "¿Algo más que debamos saber?",
                "vi": "Còn điều gì khác chúng tôi nên biết không?",
                "zh-hans": "还有什么需要我们了解的吗？",
                "ar": "هل هناك أي شيء آخر يجب أن نعرفه؟",
            },
        },
    ],
}

FEEDBACK = {
    "engagement": "Town hall: our draft body-worn camera policy",
    "title": {
        "en": "After the town hall: your feedback",
        "es": "Después de la reunión comunitaria: su opinión",
    },
    "questions": [
        {
            "kind": QuestionKind.RATING,
            "text": {
                "en": "How useful was the town hall for you? (0 = not at all, 10 = very)",
                "es": "¿Qué tan útil le resultó la reunión? (0 = nada, 10 = mucho)",
            },
        },
        {
            "kind": QuestionKind.SINGLE,
            "text": {
                "en": "Did you get to ask your question?",
                "es": "¿Pudo hacer su pregunta?",
            },
            "choices": [
                {"en": "Yes", "es": "Sí"},
                {"en": "No", "es": "No"},
                {"en": "I did not have one", "es": "No tenía ninguna"},
            ],
        },
        {
            "kind": QuestionKind.AGREEMENT,
            "text": {
                "en": "I understand the draft camera policy better now.",
                "es": "Ahora entiendo mejor el borrador de la política de cámaras.",
            },
        },
        {
            "kind": QuestionKind.LONG_TEXT,
            "text": {
                "en": "What should change in the policy?",
                "es": "¿Qué debería cambiar en la política?",
            },
        },
    ],
}

TRUST_WAVES = [
    # wave, title by language, days ago opened, responses, chance of agreeing
    (
        "2026 spring",
        {
            "en": "Community trust survey, spring 2026",
            "es": "Encuesta de confianza comunitaria, primavera de 2026",
            "vi": "Khảo sát niềm tin cộng đồng, mùa xuân 2026",
            "zh-hans": "社区信任调查，2026年春季",
            "ar": "استطلاع ثقة المجتمع، ربيع 2026",
        },
        230,
        64,
        0.42,
    ),
    (
        "2026 autumn",
        {
            "en": "Community trust survey, autumn 2026",
            "es": "Encuesta de confianza comunitaria, otoño de 2026",
            "vi": "Khảo sát niềm tin cộng đồng, mùa thu 2026",
            "zh-hans": "社区信任调查，2026年秋季",
            "ar": "استطلاع ثقة المجتمع، خريف 2026",
        },
        50,
        78,
        0.55,
    ),
]

TEXT_ANSWERS = [
    "Slower traffic near the school on Elm Street.",
    "More officers walking, fewer just driving by.",
    "Más información en español, por favor.",
    "Crosswalk at Harbor and 5th is dangerous at night.",
]


def _translated(field: str, texts: dict[str, str]) -> dict[str, str]:
    return {build_localized_fieldname(field, code): text for code, text in texts.items()}


def _build(spec: dict, *, engagement: Engagement, staff: User, languages: list[str], **values):
    survey = survey_save(
        engagement=engagement,
        values={
            **_translated("title", spec["title"]),
            **_translated("intro", spec.get("intro", {})),
            "languages": languages,
            **values,
        },
        created_by=staff,
    )
    made = []
    for item in spec["questions"]:
        condition = None
        if "show_if" in item:
            condition = made[item["show_if"]].choices.order_by("position").first()
        made.append(
            question_save(
                survey=survey,
                values={
                    "kind": item["kind"],
                    "required": item.get("required", False),
                    "show_if_choice": condition,
                    **_translated("text", item["text"]),
                },
                choices=[_translated("text", texts) for texts in item.get("choices", [])],
            )
        )
    return survey_open(survey=survey)


def _answer(survey: Survey, rng: random.Random, *, agree: float = 0.6) -> dict:
    answers = {}
    for question in survey.questions.prefetch_related("choices"):
        choices = [choice.pk for choice in question.choices.all()]
        if question.kind == QuestionKind.SINGLE:
            answers[question.pk] = str(rng.choice(choices))
        elif question.kind == QuestionKind.MULTIPLE:
            answers[question.pk] = [str(pk) for pk in choices if rng.random() < 0.5] or [
                str(choices[0])
            ]
        elif question.kind == QuestionKind.AGREEMENT:
            answers[question.pk] = str(
                rng.choice([4, 5]) if rng.random() < agree else rng.choice([1, 2, 3])
            )
        elif question.kind == QuestionKind.RATING:
            answers[question.pk] = str(rng.choice([5, 6, 7, 8, 8, 9, 10]))
        elif rng.random() < 0.3:
            answers[question.pk] = rng.choice(TEXT_ANSWERS)
    return answers


def _responses(survey: Survey, count: int, rng: random.Random, *, agree: float = 0.6) -> None:
    neighborhoods = list(Neighborhood.objects.order_by("pk"))
    languages = [code for code in survey.languages for _weight in range(3 if code == "en" else 1)]
    for _number in range(count):
        response_submit(
            survey=survey,
            answers=_answer(survey, rng, agree=agree),
            language=rng.choice(languages),
            neighborhood=rng.choice(neighborhoods) if neighborhoods else None,
        )


def _backdate(survey: Survey, days_ago: int, *, lasted: int = 21) -> None:
    opened = timezone.now() - timedelta(days=days_ago)
    Survey.objects.filter(pk=survey.pk).update(
        opened_at=opened, closed_at=opened + timedelta(days=lasted)
    )
    Response.objects.filter(survey=survey).update(
        submitted_on=(opened + timedelta(days=lasted // 2)).date()
    )


def seed() -> list[tuple[str, str]]:
    staff = User.objects.filter(email="outreach@demo.example").first()
    if staff is None:
        return []
    rng = random.Random(2026)  # noqa: S311 - repeatable demo data, not secrets

    priorities = Engagement.objects.filter(title_en=PRIORITIES["engagement"]).first()
    if priorities and not Survey.objects.filter(title_en=PRIORITIES["title"]["en"]).exists():
        survey = _build(PRIORITIES, engagement=priorities, staff=staff, languages=ALL)
        _responses(survey, 24, rng)

    town_hall = Engagement.objects.filter(title_en=FEEDBACK["engagement"]).first()
    if town_hall and not Survey.objects.filter(title_en=FEEDBACK["title"]["en"]).exists():
        survey = _build(
            FEEDBACK,
            engagement=town_hall,
            staff=staff,
            languages=["en", "es"],
            results_published=True,
            ask_neighborhood=True,
        )
        _responses(survey, 46, rng)
        survey_close(survey=survey, closed_by=staff)
        _backdate(survey, 30, lasted=10)

    for wave, title, days_ago, count, agree in TRUST_WAVES:
        if Survey.objects.filter(trust_wave=wave).exists() or priorities is None:
            continue
        survey = survey_save(
            engagement=priorities,
            values={
                **_translated("title", title),
                "languages": ALL,
                "trust_wave": wave,
                "results_published": True,
            },
            created_by=staff,
        )
        survey_add_trust_bank(survey=survey)
        survey = survey_open(survey=survey)
        _responses(survey, count, rng, agree=agree)
        survey_close(survey=survey, closed_by=staff)
        _backdate(survey, days_ago)
    return []
