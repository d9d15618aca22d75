"""Open data API of the platform: engagements, report-backs, accountability figures and the
reference lists (topics, neighborhoods, languages) that filters name.

No owner, author, contact or input text ever leaves here: the serializers name every field, and
tests/api/test_personal_data.py walks them all.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers
from rest_framework.response import Response

from . import selectors
from .api_base import (
    DateFilter,
    DateTimeFilter,
    PublicAPIView,
    PublicModelSerializer,
    PublicReadOnlyViewSet,
    PublicSerializer,
    check_period,
)
from .models import (
    Action,
    Category,
    Engagement,
    Format,
    Language,
    Mode,
    Neighborhood,
    ReportBack,
    Topic,
)

# --- Reference lists ------------------------------------------------------------------------------


class TopicSerializer(PublicModelSerializer):
    class Meta:
        model = Topic
        fields = ("slug", "name")


class NeighborhoodSerializer(PublicModelSerializer):
    class Meta:
        model = Neighborhood
        fields = ("slug", "name", "beat")


class LanguageSerializer(PublicModelSerializer):
    class Meta:
        model = Language
        fields = ("code", "name", "native_name")


class TopicViewSet(PublicReadOnlyViewSet):
    """Topics engagements and announcements are tagged with; filter by their `slug`."""

    serializer_class = TopicSerializer
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"

    def get_queryset(self):
        return selectors.topic_list()


class NeighborhoodViewSet(PublicReadOnlyViewSet):
    """Neighborhoods (or beats); filter by their `slug`."""

    serializer_class = NeighborhoodSerializer
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"

    def get_queryset(self):
        return selectors.neighborhood_list()


class LanguageViewSet(PublicReadOnlyViewSet):
    """Languages engagements and sessions are offered in; filter by their `code`."""

    serializer_class = LanguageSerializer
    lookup_field = "code"
    lookup_value_regex = "[-a-zA-Z0-9_]+"

    def get_queryset(self):
        return selectors.language_list()


def page_url(serializer: serializers.Serializer, path: str) -> str:
    request = serializer.context.get("request")
    return request.build_absolute_uri(path) if request else path


# --- Engagements ----------------------------------------------------------------------------------


class EngagementSerializer(PublicModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api_v1:engagement-detail")
    page_url = serializers.SerializerMethodField(help_text="The engagement's page on the portal.")
    category_label = serializers.CharField(source="get_category_display")
    format_label = serializers.CharField(source="get_format_display")
    mode_label = serializers.CharField(source="get_mode_display")
    topics = TopicSerializer(many=True)
    neighborhoods = NeighborhoodSerializer(many=True)
    languages = LanguageSerializer(many=True)

    class Meta:
        model = Engagement
        fields = (
            "id",
            "url",
            "page_url",
            "title",
            "summary",
            "description",
            "category",
            "category_label",
            "format",
            "format_label",
            "mode",
            "mode_label",
            "status",
            "location",
            "starts_at",
            "ends_at",
            "accepts_input",
            "step_free_access",
            "asl_interpretation",
            "language_interpretation",
            "childcare",
            "captioning",
            "topics",
            "neighborhoods",
            "languages",
            "published_at",
            "closed_at",
            "updated_at",
        )

    @extend_schema_field(OpenApiTypes.URI)
    def get_page_url(self, engagement: Engagement) -> str:
        return page_url(self, engagement.get_absolute_url())


class EngagementFilters(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[("open", "open"), ("closed", "closed"), ("all", "all")],
        default="all",
        help_text="open: taking part now; closed: over, with what happened next; all: both.",
    )
    category = serializers.ChoiceField(choices=Category.choices, required=False)
    format = serializers.ChoiceField(choices=Format.choices, required=False)
    topic = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Topic.objects.all(),
        required=False,
        help_text="A topic's slug (see /api/v1/topics/).",
    )
    neighborhood = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Neighborhood.objects.all(),
        required=False,
        help_text="A neighborhood's slug (see /api/v1/neighborhoods/).",
    )
    language = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Language.objects.all(),
        required=False,
        help_text="A language's code (see /api/v1/languages/).",
    )
    mode = serializers.ChoiceField(
        choices=[Mode.IN_PERSON, Mode.VIRTUAL],
        required=False,
        help_text="in_person or virtual; hybrid engagements count as both.",
    )
    updated_since = DateTimeFilter(required=False, help_text="Changed at or after this time.")
    q = serializers.CharField(
        required=False, max_length=100, help_text="Words in the title or summary."
    )


@extend_schema_view(list=extend_schema(parameters=[EngagementFilters]))
class EngagementViewSet(PublicReadOnlyViewSet):
    """Published engagements, open and closed; drafts never."""

    serializer_class = EngagementSerializer
    filter_serializer_class = EngagementFilters
    tracked_models = (Engagement,)

    def get_queryset(self):
        filters = {"status": "all", **self.get_filters()}
        return selectors.engagement_list_public(filters=selectors.CatalogueFilters(**filters))


# --- Report-backs ---------------------------------------------------------------------------------


class ActionSerializer(PublicModelSerializer):
    status_label = serializers.CharField(source="get_status_display")

    class Meta:
        model = Action
        fields = (
            "id",
            "title",
            "description",
            "status",
            "status_label",
            "reason",
            "referred_to",
            "due_on",
            "done_on",
            "is_overdue",
        )


class ReportBackSerializer(PublicModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api_v1:report-back-detail")
    page_url = serializers.SerializerMethodField(
        help_text="The engagement's page, where the report-back is published."
    )
    engagement_title = serializers.CharField(source="engagement.title")
    actions = ActionSerializer(many=True)

    class Meta:
        model = ReportBack
        fields = (
            "id",
            "url",
            "page_url",
            "engagement",
            "engagement_title",
            "heard",
            "did",
            "actions",
            "published_at",
            "updated_at",
        )

    @extend_schema_field(OpenApiTypes.URI)
    def get_page_url(self, report_back: ReportBack) -> str:
        return page_url(self, report_back.engagement.get_absolute_url())


class ReportBackFilters(serializers.Serializer):
    engagement = serializers.IntegerField(
        required=False, min_value=1, max_value=2**31 - 1, help_text="An engagement's id."
    )
    published_since = DateTimeFilter(required=False, help_text="Published at or after this time.")


@extend_schema_view(list=extend_schema(parameters=[ReportBackFilters]))
class ReportBackViewSet(PublicReadOnlyViewSet):
    """Published "what we heard, what we did" of public engagements, with the actions reported."""

    serializer_class = ReportBackSerializer
    filter_serializer_class = ReportBackFilters
    tracked_models = (ReportBack, Action, Engagement)

    def get_queryset(self):
        filters = self.get_filters()
        return selectors.report_back_list_public(
            engagement_id=filters.get("engagement"),
            published_since=filters.get("published_since"),
        )

    def item_timestamps(self, instance):
        return [
            instance.updated_at,
            instance.engagement.updated_at,
            *(action.updated_at for action in instance.actions.all()),
        ]


# --- Accountability -------------------------------------------------------------------------------


class AccountabilitySerializer(PublicSerializer):
    inputs_received = serializers.IntegerField(
        source="inputs",
        allow_null=True,
        help_text="Comments, questions and recommendations received. Null (with every figure "
        "but overdue actions) when 1 to 10: so few would point at the people who wrote.",
    )
    with_action = serializers.IntegerField(
        allow_null=True, help_text="Of those, how many have a decision."
    )
    share_with_action = serializers.FloatField(allow_null=True, help_text="0 to 1.")
    reported_back = serializers.IntegerField(
        allow_null=True, help_text="Of those, how many were reported back."
    )
    share_reported_back = serializers.FloatField(allow_null=True, help_text="0 to 1.")
    median_days_to_report_back = serializers.FloatField(allow_null=True)
    overdue_actions = serializers.IntegerField(help_text="Decisions past their due date.")


class AccountabilityFilters(serializers.Serializer):
    topic = serializers.SlugRelatedField(
        slug_field="slug", queryset=Topic.objects.all(), required=False
    )
    neighborhood = serializers.SlugRelatedField(
        slug_field="slug", queryset=Neighborhood.objects.all(), required=False
    )
    since = DateFilter(required=False, help_text="Inputs received on or after this day.")
    until = DateFilter(required=False, help_text="Inputs received on or before this day.")

    def validate(self, attrs):
        return check_period(attrs, "since", "until")


class AccountabilityView(PublicAPIView):
    """The figures of the public accountability page: what share of what people said got a
    decision and a report-back, how long that took, and how many decisions are overdue."""

    serializer_class = AccountabilitySerializer
    filter_serializer_class = AccountabilityFilters

    @extend_schema(parameters=[AccountabilityFilters], responses=AccountabilitySerializer)
    def get(self, request):
        filters = self.get_filters()
        figures = selectors.accountability_figures_public(
            topic=filters.get("topic"),
            neighborhood=filters.get("neighborhood"),
            since=filters.get("since"),
            until=filters.get("until"),
        )
        return Response(AccountabilitySerializer(figures).data)
