"""The foundation's journeys in a real browser: keyboard, languages, staff publishing, and WCAG 2.1
AA checks with axe-core on every page of this issue."""

import re

import pytest
from playwright.sync_api import expect

from engagements.models import Engagement, Status
from tests.factories import (
    PASSWORD,
    EngagementFactory,
    LanguageFactory,
    NeighborhoodFactory,
    TopicFactory,
    UserFactory,
    staff_user,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def catalogue():
    riverside = NeighborhoodFactory(name_en="Riverside", name_es="Riverside", slug="riverside")
    traffic = TopicFactory(name_en="Traffic safety", name_es="Seguridad vial", slug="traffic")
    spanish = LanguageFactory(code="es")
    coffee = EngagementFactory(
        title_en="Coffee with a Cop",
        title_es="Café con un policía",
        title_ar="قهوة مع شرطي",
        summary_en="Talk with the officers who patrol your streets.",
        neighborhoods=[riverside],
        topics=[traffic],
        languages=[spanish],
        step_free_access=True,
    )
    EngagementFactory(title_en="Survey on priorities")
    return {"coffee": coffee, "riverside": riverside}


def _sign_in(page, user) -> None:
    page.goto("/en/account/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page).not_to_have_url(re.compile(r"/login/"))


def test_keyboard_user_skips_to_content(page, catalogue):
    page.goto("/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_resident_finds_an_engagement_in_spanish(page, catalogue):
    page.goto("/en/")
    page.get_by_label("Language").select_option("es")
    page.get_by_role("button", name="Change").click()
    expect(page).to_have_url(re.compile(r"/es/$"))
    assert page.locator("html").get_attribute("lang") == "es"

    page.get_by_role("link", name="Café con un policía").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Café con un policía")
    assert page.locator("html").get_attribute("lang") == "es"


def test_resident_filters_the_catalogue(page, catalogue):
    page.goto("/en/engagements/")
    page.get_by_label("Neighborhood").select_option(label="Riverside")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("heading", name="1 engagement found")).to_be_visible()
    expect(page.get_by_role("link", name="Coffee with a Cop")).to_be_visible()
    expect(page.get_by_role("link", name="Survey on priorities")).to_have_count(0)


def test_arabic_pages_run_right_to_left(page, catalogue):
    page.goto("/ar/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    expect(page.get_by_role("link", name="قهوة مع شرطي").first).to_be_visible()


def test_language_choice_is_saved_to_the_profile(page, catalogue):
    person = UserFactory()
    _sign_in(page, person)
    page.get_by_label("Language").select_option("vi")
    page.get_by_role("button", name="Change").click()
    expect(page).to_have_url(re.compile(r"/vi/"))
    person.refresh_from_db()
    assert person.language == "vi"


def test_staff_member_creates_and_publishes_an_engagement(page, catalogue):
    _sign_in(page, staff_user())
    page.goto("/en/staff/engagements/new/")
    page.get_by_label("Category").select_option(label="In-person interactions")
    page.get_by_label("Format").select_option(label="Front-porch line-up")
    page.locator("#id_title_en").fill("Front-porch line-up on Elm Street")
    page.locator("#id_summary_en").fill("Meet the beat team on a neighbor's porch.")
    page.locator("#id_title_es").fill("Reunión en el porche en la calle Elm")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The engagement is saved as a draft.")).to_be_visible()

    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("The engagement is published.")).to_be_visible()
    engagement = Engagement.objects.get(title_en="Front-porch line-up on Elm Street")
    assert engagement.status == Status.PUBLISHED

    page.goto("/es/engagements/")
    expect(page.get_by_role("link", name="Reunión en el porche en la calle Elm")).to_be_visible()


def test_form_errors_are_summarised_and_focusable(page, catalogue):
    _sign_in(page, staff_user())
    page.goto("/en/staff/engagements/new/")
    page.get_by_role("button", name="Save").click()
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_be_visible()
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.tagName") in {"INPUT", "SELECT", "TEXTAREA"}


PUBLIC_PAGES = [
    "/{lang}/",
    "/{lang}/transparency/",
    "/{lang}/engagements/{coffee}/comment/",
    "/{lang}/engagements/receipt/",
    "/{lang}/engagements/receipt/{receipt}/",
    "/{lang}/engagements/accountability/",
    "/{lang}/news/",
    "/{lang}/news/{news}/",
    "/{lang}/news/press/{press}/",
    "/{lang}/news/press/{press}/ask/",
    "/{lang}/programs/sessions/{session}/",
    "/{lang}/programs/registrations/{registration}/",
    "/{lang}/programs/partners/",
    "/{lang}/engagements/",
    "/{lang}/engagements/?neighborhood=999999",
    "/{lang}/engagements/{coffee}/",
    "/{lang}/account/login/",
    "/{lang}/account/signup/",
    "/{lang}/account/password/reset/",
    "/{lang}/accessibility/",
    "/{lang}/privacy/",
    "/{lang}/surveys/{survey}/",
    "/{lang}/surveys/{survey}/print/",
    "/{lang}/surveys/{survey}/thanks/",
    "/{lang}/surveys/{survey}/results/",
    "/{lang}/surveys/i/{invitation}/",
    "/{lang}/surveys/trust/",
    "/{lang}/boards/",
    "/{lang}/boards/{board_slug}/",
    "/{lang}/boards/drafts/{public_draft}/",
]
SIGNED_IN_PAGES = [
    "/{lang}/staff/",
    "/{lang}/staff/insights/equity/",
    "/{lang}/profile/",
    "/{lang}/notices/inbox/",
    "/{lang}/notices/preferences/",
    "/{lang}/staff/loop/inbox/",
    "/{lang}/staff/loop/actions/mine/",
    "/{lang}/staff/loop/actions/{action}/",
    "/{lang}/staff/loop/engagements/{coffee}/",
    "/{lang}/staff/loop/engagements/{coffee}/inputs/",
    "/{lang}/staff/loop/engagements/{coffee}/report-backs/{report}/",
    "/{lang}/staff/notices/",
    "/{lang}/staff/notices/new/",
    "/{lang}/staff/notices/{notice}/preview/",
    "/{lang}/staff/notices/{notice}/",
    "/{lang}/staff/announcements/",
    "/{lang}/staff/announcements/new/",
    "/{lang}/staff/announcements/press/{press}/questions/",
    "/{lang}/programs/mine/",
    "/{lang}/staff/programs/engagements/{coffee}/",
    "/{lang}/staff/programs/engagements/{coffee}/series/new/",
    "/{lang}/staff/programs/sessions/{session}/",
    "/{lang}/staff/programs/sessions/{session}/check-in/",
    "/{lang}/programs/{rides}/ride-out/",
    "/{lang}/programs/ride-outs/{ride}/",
    "/{lang}/programs/{academy}/apply/",
    "/{lang}/programs/applications/{application}/",
    "/{lang}/programs/{volunteers}/hours/",
    "/{lang}/staff/programs/ride-outs/{ride}/",
    "/{lang}/staff/programs/engagements/{academy_engagement}/applications/",
    "/{lang}/staff/programs/applications/{application}/",
    "/{lang}/staff/programs/engagements/{volunteers_engagement}/hours/",
    "/{lang}/profile/demographics/",
    "/{lang}/profile/delete/",
    "/{lang}/account/email/",
    "/{lang}/account/2fa/",
    "/{lang}/staff/engagements/",
    "/{lang}/staff/engagements/new/",
    "/{lang}/staff/engagements/{coffee}/",
    "/{lang}/staff/surveys/engagements/{survey_engagement}/",
    "/{lang}/staff/surveys/{survey}/",
    "/{lang}/staff/surveys/{draft_survey}/questions/new/",
    "/{lang}/staff/surveys/{draft_survey}/questions/{question}/",
    "/{lang}/staff/surveys/{survey}/preview/vi/",
    "/{lang}/staff/surveys/{survey}/invitations/",
    "/{lang}/staff/surveys/{survey}/paper/",
    "/{lang}/staff/surveys/{survey}/results/?question={survey_question}&by=neighborhood",
    "/{lang}/boards/mine/",
    "/{lang}/boards/drafts/{secret_draft}/",
    "/{lang}/boards/drafts/{secret_draft}/?version=1",
    "/{lang}/boards/drafts/{secret_draft}/versions/2/changes/",
    "/{lang}/staff/boards/",
    "/{lang}/staff/boards/{board}/",
    "/{lang}/staff/boards/{board}/drafts/new/",
    "/{lang}/staff/boards/drafts/{secret_draft}/versions/new/",
    "/{lang}/staff/boards/drafts/{secret_draft}/attachments/new/",
    "/{lang}/staff/boards/{board}/applications/",
    "/{lang}/staff/boards/{board}/meetings/new/",
    "/{lang}/staff/boards/meetings/{meeting}/",
    "/{lang}/staff/boards/{case_board}/cases/new/",
    "/{lang}/staff/boards/{board}/composition/",
    "/{lang}/boards/meetings/{meeting}/",
    "/{lang}/boards/{board_slug}/apply/",
    "/{lang}/boards/cases/{case}/",
]


@pytest.fixture
def loop_pages(catalogue):
    """One of everything the loop, notices and news pages show."""
    from announcements import services as news
    from engagements import services as loop
    from engagements.models import Category, Format
    from notices.services import notice_create

    staff = staff_user()
    coffee = catalogue["coffee"]
    item = loop.input_create(engagement=coffee, text="More patrols at night", language="en")
    action = loop.action_create(
        engagement=coffee,
        inputs=[item],
        values={"title_en": "Night patrols", "status": "adopted", "owner": staff},
        created_by=staff,
    )
    report = loop.report_back_save(
        engagement=coffee,
        values={"heard_en": "You asked for patrols.", "did_en": "We added them."},
        actions=[action],
        saved_by=staff,
    )
    loop.report_back_publish(report_back=report, published_by=staff)
    press = EngagementFactory(category=Category.INFORMATION_SHARING, format=Format.PRESS_CONFERENCE)
    news.question_submit(engagement=press, text="Who sees the data?", language="en")
    announcement = news.announcement_save(
        values={
            "kind": "event",
            "title_en": "Block party",
            "summary_en": "Saturday",
            "body_en": "Come.",
        },
        author=staff,
    )
    news.announcement_publish(announcement=announcement, published_by=staff)
    notice = notice_create(
        kind="custom",
        subject={"en": "Hello"},
        body={"en": "Text"},
        audience_kind="people",
        audience_params={"emails": ["a@example.org"]},
        release=False,
    )
    from programs.models import Partner, Program
    from programs.services import Accommodations, Guest, registration_create
    from tests.factories import session_factory

    program = Program.objects.create(engagement=coffee)
    program.partners.add(Partner.objects.create(name="St. Mark's", kind="faith"))
    session = session_factory(program=program, capacity=1)
    registration = registration_create(
        session=session,
        guest=Guest(name="Rosa", email="rosa@example.org"),
        language="en",
        needs=Accommodations(asl=True),
    )
    registration_create(session=session, user=staff, language="en")
    kinds = _program_kinds(staff)
    return {
        **kinds,
        **_surveys(staff),
        **_boards(staff),
        "session": session.pk,
        "registration": registration.token,
        "coffee": coffee.pk,
        "receipt": item.receipt_code,
        "action": action.pk,
        "report": report.pk,
        "press": press.pk,
        "news": announcement.pk,
        "notice": notice.pk,
    }


def _surveys(staff) -> dict:
    """An open survey with published results and enough answers to chart, a draft to edit, an
    invitation link and two trust waves."""
    from surveys.models import Access
    from surveys.services import (
        invitations_for_people,
        response_submit,
        survey_add_trust_bank,
        survey_close,
        survey_open,
        survey_save,
    )
    from tests.surveys.conftest import answers_for, make_survey

    survey = make_survey(staff=staff, results_published=True)
    for walk in ["Yes"] * 14 + ["No"] * 12:
        answers = answers_for(survey, walk=walk)
        response_submit(
            survey=survey,
            answers={int(key[1:]): value for key, value in answers.items()},
            language="en",
        )
    draft = make_survey(staff=staff, open_it=False)
    invited = make_survey(staff=staff, access=Access.INVITATION)
    invitations_for_people(survey=invited, emails=["guest@example.org"])
    for wave in ("2026 spring", "2026 autumn"):
        trust = survey_save(
            engagement=survey.engagement,
            values={"title_en": wave, "languages": ["en"], "trust_wave": wave},
            created_by=staff,
        )
        survey_add_trust_bank(survey=trust)
        trust = survey_open(survey=trust)
        questions = list(trust.questions.all())
        for value in ["4"] * 8 + ["2"] * 5:
            response_submit(survey=trust, answers={q.pk: value for q in questions}, language="en")
        survey_close(survey=trust, closed_by=staff)
    return {
        "survey": survey.pk,
        "survey_engagement": survey.engagement_id,
        "draft_survey": draft.pk,
        "question": draft.questions.order_by("position").last().pk,
        "survey_question": survey.questions.order_by("position").first().pk,
        "invitation": invited.invitations.get().token,
    }


def _boards(staff) -> dict:
    """A board with a member, a board-only draft in two versions with comments, answers and a
    recommendation, and a public-comment draft."""
    from advisory_boards.models import Outcome, Visibility
    from advisory_boards.services import (
        comment_add,
        comment_respond,
        draft_new_version,
        recommendation_draft,
        recommendation_record_vote,
    )
    from tests.advisory_boards.conftest import SECTIONS, add_member, make_board, make_draft

    board = make_board("browser-board")
    member = add_member(board)
    secret = make_draft(board, staff=staff)
    public = make_draft(board, visibility=Visibility.PUBLIC, title="Camera draft", staff=staff)
    section = secret.versions.get().sections.get(number="2")
    comment = comment_add(section=section, author=member, text="Name a speed.")
    comment_add(section=section, author=member, text="And school zones.", parent=comment)
    version = draft_new_version(
        draft=secret,
        sections=[SECTIONS[0], {**SECTIONS[1], "body": "Stop above 80 km/h."}],
        note="Speed named",
        created_by=staff,
    )
    comment_respond(
        comment=comment,
        outcome=Outcome.ADOPTED,
        reason="Done.",
        changed_section=version.sections.get(number="2"),
        responded_by=staff,
    )
    recommendation = recommendation_draft(draft=secret, text="Publish figures.", created_by=staff)
    recommendation_record_vote(
        recommendation=recommendation,
        votes_for=5,
        votes_against=0,
        votes_abstaining=0,
        recorded_by=staff,
    )
    recommendation_draft(draft=secret, text="Train yearly.", created_by=staff)
    from datetime import timedelta

    from django.utils import timezone

    from advisory_boards.models import BoardApplication, BoardKind
    from advisory_boards.services import case_create, meeting_record, meeting_save

    board.accepts_applications = True
    board.recruitment_questions_en = "Which neighborhood do you know best?"
    board.save()
    BoardApplication.objects.create(
        board=board, user=member, motivation="I care.", answers=[{"question": "Q", "answer": "A"}]
    )
    meeting = meeting_save(
        board=board,
        values={
            "starts_at": timezone.now() - timedelta(days=1),
            "place": "Hall",
            "agenda": "One\nTwo",
        },
    )
    meeting_record(
        meeting=meeting,
        attendees=list(board.memberships.all()),
        minutes="Met.",
        minutes_status="draft",
    )
    case_board = make_board("browser-cases", kind=BoardKind.CITIZEN_REVIEW)
    case = case_create(
        board=case_board, values={"reference": "C-1", "summary": "Redacted."}, created_by=staff
    )
    return {
        "meeting": meeting.pk,
        "case_board": case_board.pk,
        "case": case.pk,
        "board": board.pk,
        "board_slug": board.slug,
        "secret_draft": secret.pk,
        "public_draft": public.pk,
    }


def _program_kinds(staff) -> dict:
    """A ride-out request, an academy application and volunteer hours, owned by `staff` so the
    signed-in pages show them."""
    from datetime import date, timedelta
    from decimal import Decimal

    from django.utils import timezone

    from programs.models import Program, Waiver
    from programs.services import application_submit, hours_log, rideout_request_create

    made = {}
    for kind in ("ride_out", "academy", "volunteer"):
        program = Program.objects.create(
            engagement=EngagementFactory(), kind=kind, application_questions_en="Why?"
        )
        made[kind] = program
    Waiver.objects.create(program=made["ride_out"], version=1, text_en="At my own risk.")
    ride = rideout_request_create(
        program=made["ride_out"],
        user=staff,
        unit="patrol",
        preferred_dates=[timezone.localdate() + timedelta(days=9)],
        date_of_birth=date(1980, 1, 1),
        lives_in_city=True,
        signature="Staff",
        waiver_accepted=True,
    )
    application = application_submit(
        program=made["academy"],
        user=staff,
        answers=["To learn"],
        applicant_date_of_birth=date(1980, 1, 1),
    )
    hours_log(
        program=made["volunteer"],
        user=staff,
        worked_on=timezone.localdate(),
        hours=Decimal(2),
        description="Event",
    )
    return {
        "rides": made["ride_out"].pk,
        "ride": ride.pk,
        "academy": made["academy"].pk,
        "application": application.pk,
        "volunteers": made["volunteer"].pk,
        "academy_engagement": made["academy"].engagement_id,
        "volunteers_engagement": made["volunteer"].engagement_id,
    }


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_pages_meet_wcag_21_aa(page, loop_pages, axe, lang):
    failures = {}
    for template in PUBLIC_PAGES:
        url = template.format(lang=lang, **loop_pages)
        assert page.goto(url).status < 400, url
        if violations := axe(page):
            failures[url] = violations
    signed_in = staff_user()
    # A liaison of the case board too, so the confidential case page is checked as well.
    from advisory_boards.models import Board, MemberRole
    from tests.advisory_boards.conftest import add_member

    add_member(Board.objects.get(pk=loop_pages["case_board"]), signed_in, role=MemberRole.LIAISON)
    _sign_in(page, signed_in)
    for template in SIGNED_IN_PAGES:
        url = template.format(lang=lang, **loop_pages)
        assert page.goto(url).status < 400, url
        if violations := axe(page):
            failures[url] = violations
    import json

    assert failures == {}, json.dumps(failures, indent=1, ensure_ascii=False)


def test_a_resident_answers_a_survey_whose_follow_up_appears_when_it_applies(page):
    from surveys.models import Answer, Response
    from tests.surveys.conftest import make_survey

    survey = make_survey()
    page.goto(f"/en/surveys/{survey.pk}/")
    expect(page.get_by_text("Anonymous", exact=False).first).to_be_visible()
    follow_up = page.get_by_role("group", name=re.compile("I feel safe walking at night"))
    expect(follow_up).to_be_hidden()
    page.get_by_label("Yes", exact=True).check()
    expect(follow_up).to_be_visible()
    page.get_by_label("Agree", exact=True).check()
    page.get_by_label("No", exact=True).check()
    expect(follow_up).to_be_hidden()
    page.get_by_label("Yes", exact=True).check()
    page.get_by_label("What would help?").fill("Brighter street lights")
    page.get_by_role("button", name="Send my answers").click()
    expect(page).to_have_url(re.compile(rf"/surveys/{survey.pk}/thanks/"))
    assert Response.objects.count() == 1
    assert Answer.objects.filter(number=4).exists()
