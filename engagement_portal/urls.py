"""The one place that names every app's URLs."""

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from advisory_boards.urls import staff_urlpatterns as board_staff_urls
from announcements.api import AnnouncementViewSet
from announcements.urls import staff_urlpatterns as announcement_staff_urls
from engagements.api import (
    AccountabilityView,
    EngagementViewSet,
    LanguageViewSet,
    NeighborhoodViewSet,
    ReportBackViewSet,
    TopicViewSet,
)
from engagements.api_base import APINotFoundView, PublicAPIRouter, PublicAPIThrottle
from engagements.urls import loop_staff_urlpatterns as loop_staff_urls
from engagements.urls import staff_urlpatterns as engagement_staff_urls
from engagements.views.home import staff_home
from engagements.views.public import home
from insights.urls import staff_urlpatterns as insight_staff_urls
from notices.urls import staff_urlpatterns as notice_staff_urls
from programs.api import SessionViewSet
from programs.urls import staff_urlpatterns as program_staff_urls
from surveys.api import SurveyResultViewSet
from surveys.urls import staff_urlpatterns as survey_staff_urls

# The admin signs people in through allauth, so its login gets allauth's rate limits and the
# second factor instead of Django's unthrottled form.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = settings.PORTAL_AGENCY_NAME
admin.site.site_title = settings.PORTAL_AGENCY_NAME

pages = (
    [
        path(
            "accessibility/",
            TemplateView.as_view(template_name="pages/accessibility.html"),
            name="accessibility",
        ),
        path("privacy/", TemplateView.as_view(template_name="pages/privacy.html"), name="privacy"),
    ],
    "pages",
)

staff = (
    [
        path("", staff_home, name="home"),
        path("engagements/", include(engagement_staff_urls)),
        path("loop/", include(loop_staff_urls)),
        path("notices/", include(notice_staff_urls)),
        path("announcements/", include(announcement_staff_urls)),
        path("programs/", include(program_staff_urls)),
        path("surveys/", include(survey_staff_urls)),
        path("boards/", include(board_staff_urls)),
        path("insights/", include(insight_staff_urls)),
    ],
    "staff",
)

# The open data API: read-only, anonymous, outside the language prefix (`?lang=` picks the
# language). A breaking change goes to /api/v2/ beside this one; see docs/api.md.
api_v1 = PublicAPIRouter(
    extra_links={"accountability": "accountability", "schema": "schema", "docs": "docs"}
)
api_v1.register("engagements", EngagementViewSet, basename="engagement")
api_v1.register("sessions", SessionViewSet, basename="session")
api_v1.register("announcements", AnnouncementViewSet, basename="announcement")
api_v1.register("survey-results", SurveyResultViewSet, basename="survey-result")
api_v1.register("report-backs", ReportBackViewSet, basename="report-back")
api_v1.register("topics", TopicViewSet, basename="topic")
api_v1.register("neighborhoods", NeighborhoodViewSet, basename="neighborhood")
api_v1.register("languages", LanguageViewSet, basename="language")

api_v1_urls = (
    [
        path("accountability/", AccountabilityView.as_view(), name="accountability"),
        path(
            "schema/",
            SpectacularAPIView.as_view(throttle_classes=[PublicAPIThrottle]),
            name="schema",
        ),
        path(
            "docs/",
            SpectacularSwaggerView.as_view(
                url_name="api_v1:schema", throttle_classes=[PublicAPIThrottle]
            ),
            name="docs",
        ),
        *api_v1.urls,
        # Last: anything else ending in a slash is the API's JSON 404 (without a slash,
        # APPEND_SLASH redirects first).
        re_path(r"^[\s\S]+/\Z", APINotFoundView.as_view()),
    ],
    "api_v1",
)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include(api_v1_urls)),
]

urlpatterns += i18n_patterns(
    path("", home, name="home"),
    path("engagements/", include("engagements.urls")),
    path("account/", include("allauth.urls")),
    path("profile/", include("accounts.urls")),
    path("notices/", include("notices.urls")),
    path("news/", include("announcements.urls")),
    path("programs/", include("programs.urls")),
    path("surveys/", include("surveys.urls")),
    path("boards/", include("advisory_boards.urls")),
    path("transparency/", include("insights.urls")),
    path("staff/", include(staff)),
    path("", include(pages)),
)
