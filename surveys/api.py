"""Open data API of surveys: results of surveys whose results are published, exactly as the public
results page shows them.

Through `survey_results(public=True)`: counts under SMALL_CELL are hidden (null), and so is any count
that would give a hidden one away; free-text answers and questions kept unpublished never appear.
"""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers
from rest_framework.response import Response

from engagements.api import page_url
from engagements.api_base import PublicModelSerializer, PublicReadOnlyViewSet, PublicSerializer
from engagements.suppression import SMALL_CELL

from . import selectors
from .models import Anonymity, QuestionKind, Survey, SurveyStatus


def _suppressed(count: int) -> int | None:
    return None if count < SMALL_CELL else count


class SurveySummarySerializer(PublicModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api_v1:survey-result-detail")
    page_url = serializers.SerializerMethodField(help_text="The public results page.")
    respondents = serializers.SerializerMethodField(
        help_text=f"People who answered; null when fewer than {SMALL_CELL}."
    )
    languages = serializers.ListField(child=serializers.CharField(), help_text="Language codes.")

    class Meta:
        model = Survey
        fields = (
            "id",
            "url",
            "page_url",
            "engagement",
            "title",
            "anonymity",
            "status",
            "trust_wave",
            "languages",
            "opened_at",
            "closed_at",
            "respondents",
        )

    @extend_schema_field(OpenApiTypes.URI)
    def get_page_url(self, survey: Survey) -> str:
        return page_url(self, reverse("surveys:results", kwargs={"pk": survey.pk}))

    def get_respondents(self, survey: Survey) -> int | None:
        return _suppressed(survey.response_count)


class ResultRowSerializer(PublicSerializer):
    label = serializers.CharField(help_text="The choice, or the point of the scale.")
    count = serializers.IntegerField(allow_null=True, help_text="null when suppressed.")
    percent = serializers.IntegerField(allow_null=True, help_text="Of the question's answers.")


class QuestionResultSerializer(PublicSerializer):
    id = serializers.IntegerField(source="question.pk")
    position = serializers.IntegerField(source="question.position")
    kind = serializers.ChoiceField(source="question.kind", choices=QuestionKind.choices)
    kind_label = serializers.CharField(source="question.get_kind_display")
    question = serializers.CharField(source="question.text")
    answered = serializers.IntegerField(
        source="total", allow_null=True, help_text=f"null when fewer than {SMALL_CELL}."
    )
    mean = serializers.FloatField(
        allow_null=True, help_text="Average of a scale or number question, when shown."
    )
    rows = ResultRowSerializer(many=True)


class SurveyResultsSerializer(PublicSerializer):
    """One survey's published results (the selector's SurveyResults)."""

    id = serializers.IntegerField(source="survey.pk")
    url = serializers.SerializerMethodField()
    page_url = serializers.SerializerMethodField(help_text="The public results page.")
    engagement = serializers.IntegerField(source="survey.engagement_id")
    title = serializers.CharField(source="survey.title")
    anonymity = serializers.ChoiceField(source="survey.anonymity", choices=Anonymity.choices)
    status = serializers.ChoiceField(source="survey.status", choices=SurveyStatus.choices)
    trust_wave = serializers.CharField(source="survey.trust_wave")
    opened_at = serializers.DateTimeField(source="survey.opened_at", allow_null=True)
    closed_at = serializers.DateTimeField(source="survey.closed_at", allow_null=True)
    respondents = serializers.IntegerField(
        source="responses", allow_null=True, help_text=f"null when fewer than {SMALL_CELL}."
    )
    questions = QuestionResultSerializer(many=True)

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, results) -> str:
        return page_url(
            self, reverse("api_v1:survey-result-detail", kwargs={"pk": results.survey.pk})
        )

    @extend_schema_field(OpenApiTypes.URI)
    def get_page_url(self, results) -> str:
        return page_url(self, reverse("surveys:results", kwargs={"pk": results.survey.pk}))


class SurveyResultFilters(serializers.Serializer):
    engagement = serializers.IntegerField(
        required=False, min_value=1, max_value=2**31 - 1, help_text="An engagement's id."
    )


@extend_schema_view(
    list=extend_schema(parameters=[SurveyResultFilters]),
    retrieve=extend_schema(responses=SurveyResultsSerializer),
)
class SurveyResultViewSet(PublicReadOnlyViewSet):
    """Surveys whose results are public, and each one's results by question. Counts of fewer than
    11 answers, and any count that would reveal one, are null; free text is never published."""

    serializer_class = SurveySummarySerializer
    filter_serializer_class = SurveyResultFilters

    def get_queryset(self):
        return selectors.survey_list_results_published(
            engagement_id=self.get_filters().get("engagement")
        )

    def get_serializer_class(self):
        return SurveyResultsSerializer if self.action == "retrieve" else SurveySummarySerializer

    def retrieve(self, request, *args, **kwargs):
        results = selectors.survey_results(survey=self.get_object(), public=True)
        return Response(self.get_serializer(results).data)
