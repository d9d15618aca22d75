import pytest
from django.apps import apps
from django.core.management import call_command

from accounts.models import User
from engagements.models import Category, Engagement, Status

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for config in apps.get_app_configs()
        if config.name
        in {
            "accounts",
            "engagements",
            "notices",
            "announcements",
            "programs",
            "surveys",
            "advisory_boards",
            "allauth.account",
        }
        for model in config.get_models()
    }


def test_seed_demo_twice_leaves_the_same_counts(settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    first = _counts()
    call_command("seed_demo", verbosity=0)
    assert _counts() == first
    assert first["engagements.Engagement"] >= 10


def test_seed_demo_covers_every_band_and_every_language(settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    published = Engagement.objects.filter(status=Status.PUBLISHED)
    assert set(published.values_list("category", flat=True)) == set(Category.values)
    languages = set(User.objects.values_list("language", flat=True))
    assert languages == {code for code, _ in settings.LANGUAGES}
    assert User.objects.get(email="ana@demo.example").check_password("community-demo")


def test_seed_demo_refuses_to_run_on_a_live_portal(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", verbosity=0)
    assert not User.objects.exists()


def test_seed_demo_shows_the_loop(settings):
    from engagements.models import Action, ActionStatus, Input, ReportBack
    from notices.models import Notice

    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    assert Input.objects.count() >= 5
    assert set(Action.objects.values_list("status", flat=True)) == set(ActionStatus.values)
    assert ReportBack.objects.filter(published_at__isnull=False).exists()
    assert Notice.objects.filter(kind="report_back").exists()
    assert Action.objects.overdue().exists()


def test_seed_demo_publishes_news_and_answered_questions(settings):
    from announcements.models import Announcement, QuestionReview

    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    assert Announcement.objects.published().count() >= 4
    assert QuestionReview.objects.filter(status="approved").exclude(answer_en="").exists()


def test_seed_demo_schedules_programs_with_sign_ups_and_a_waitlist(settings):
    from programs.models import Program, Registration, Session

    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    assert Program.objects.count() >= 6
    assert Session.objects.count() >= 10
    statuses = set(Registration.objects.values_list("status", flat=True))
    assert {"confirmed", "waitlisted", "unconfirmed"} <= statuses


def test_seed_demo_fills_every_program_kind(settings):
    from programs.models import Application, MinorDetails, Program, RideOutRequest, VolunteerHours

    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    kinds = set(Program.objects.values_list("kind", flat=True))
    assert kinds == {"sessions", "ride_out", "academy", "volunteer", "scenario", "training"}
    assert set(RideOutRequest.objects.values_list("status", flat=True)) >= {"submitted", "approved"}
    assert Application.objects.filter(status="accepted", cohort__isnull=False).exists()
    assert MinorDetails.objects.exists()
    assert VolunteerHours.objects.filter(status="approved").exists()


def test_seed_demo_has_open_closed_and_trust_surveys(settings, client):
    from django.urls import reverse

    from surveys.models import Survey, SurveyStatus
    from surveys.selectors import trust_trend
    from surveys.services import survey_missing_translations

    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    every_language = {code for code, _ in settings.LANGUAGES}
    open_surveys = Survey.objects.filter(status=SurveyStatus.OPEN)
    assert any(
        set(survey.languages) == every_language and not survey_missing_translations(survey=survey)
        for survey in open_surveys
    )
    published = Survey.objects.get(
        status=SurveyStatus.CLOSED, results_published=True, trust_wave=""
    )
    page = client.get(reverse("surveys:results", kwargs={"pk": published.pk}))
    assert page.status_code == 200
    assert "%" in page.content.decode()
    trend = trust_trend(public=True)
    assert len(trend["waves"]) == 2
    assert all(value["n"] for row in trend["rows"] for value in row["values"])


def test_seed_demo_has_boards_a_draft_in_review_and_a_redline(settings, client):
    from advisory_boards.models import Board, BoardKind, CommentResponse, PolicyDraft

    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    assert set(Board.objects.values_list("kind", flat=True)) == set(BoardKind.values)
    draft = PolicyDraft.objects.get(visibility="board")
    assert draft.versions.count() == 2
    assert CommentResponse.objects.filter(comment__section__version__draft=draft).count() >= 3
    chair = User.objects.get(email="board.chair@demo.example")
    client.force_login(chair)
    changes = client.get(f"/en/boards/drafts/{draft.pk}/versions/2/changes/")
    assert changes.status_code == 200
    assert "<ins>" in changes.content.decode()
    client.force_login(User.objects.get(email="board.former@demo.example"))
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_seed_demo_has_a_case_only_its_board_opens_and_public_minutes(settings, client):
    from advisory_boards.models import Case, Meeting

    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    case = Case.objects.get()
    url = f"/en/boards/cases/{case.pk}/"
    client.force_login(User.objects.get(email="board.chair@demo.example"))
    assert client.get(url).status_code == 200
    for email in ("board.member@demo.example", "outreach@demo.example", "admin@demo.example"):
        client.force_login(User.objects.get(email=email))
        assert client.get(url).status_code == 404, email
    assert Meeting.objects.filter(minutes_status="public").exists()
    client.logout()
    page = client.get("/en/boards/policy-review/").content.decode()
    assert "asked for a clear rule on when to stop" in page


def test_seed_demo_shows_who_is_missing(settings):
    """The demo's equity page has real figures and names an under-represented neighborhood and
    language, so a newcomer sees what the page is for."""
    from datetime import timedelta

    from django.utils import timezone

    from insights.equity import equity_report

    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    today = timezone.localdate()
    report = equity_report(start=today - timedelta(days=364), end=today)
    assert report.total is not None
    assert report.total >= 100
    assert "Westfield" in [g.label for g in report.dimension("neighborhood").under_represented]
    assert "Vietnamese" in [g.label for g in report.dimension("language").under_represented]
