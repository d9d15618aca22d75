"""Open data API of announcements: published media releases and updates. Never drafts, never
who wrote them, never the questions people sent before a press conference."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers

from engagements.api import NeighborhoodSerializer, TopicSerializer, page_url
from engagements.api_base import DateTimeFilter, PublicModelSerializer, PublicReadOnlyViewSet
from engagements.models import Neighborhood, Status, Topic

from . import selectors
from .models import Announcement, AnnouncementKind


class AnnouncementSerializer(PublicModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api_v1:announcement-detail")
    page_url = serializers.SerializerMethodField(help_text="The announcement's page.")
    kind_label = serializers.CharField(source="get_kind_display")
    topics = TopicSerializer(many=True)
    neighborhoods = NeighborhoodSerializer(many=True)
    engagement = serializers.SerializerMethodField(
        help_text="The related engagement's id (e.g. a press conference), if it is public."
    )

    class Meta:
        model = Announcement
        fields = (
            "id",
            "url",
            "page_url",
            "kind",
            "kind_label",
            "title",
            "summary",
            "body",
            "topics",
            "neighborhoods",
            "engagement",
            "published_at",
            "updated_at",
        )

    @extend_schema_field(OpenApiTypes.URI)
    def get_page_url(self, announcement: Announcement) -> str:
        return page_url(self, announcement.get_absolute_url())

    def get_engagement(self, announcement: Announcement) -> int | None:
        # A draft engagement is not public, not even its id.
        engagement = announcement.engagement
        return engagement.pk if engagement and engagement.status != Status.DRAFT else None


class AnnouncementFilters(serializers.Serializer):
    kind = serializers.ChoiceField(choices=AnnouncementKind.choices, required=False)
    topic = serializers.SlugRelatedField(
        slug_field="slug", queryset=Topic.objects.all(), required=False
    )
    neighborhood = serializers.SlugRelatedField(
        slug_field="slug", queryset=Neighborhood.objects.all(), required=False
    )
    published_since = DateTimeFilter(required=False, help_text="Published at or after this time.")


@extend_schema_view(list=extend_schema(parameters=[AnnouncementFilters]))
class AnnouncementViewSet(PublicReadOnlyViewSet):
    """Published announcements, newest first: traffic updates, requests for help identifying a
    suspect, community events, good news and press releases."""

    serializer_class = AnnouncementSerializer
    filter_serializer_class = AnnouncementFilters
    tracked_models = (Announcement,)

    def get_queryset(self):
        return selectors.announcement_list_published(**self.get_filters())
