"""Open data API of programs: their sessions, with public venues and places left.

Never here: the online meeting link (only people signed up get it), hosts, registrations, rosters
or anything about the people who signed up; `online` says only whether a link exists.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers

from engagements.api import LanguageSerializer, NeighborhoodSerializer, page_url
from engagements.api_base import (
    DateFilter,
    PublicModelSerializer,
    PublicReadOnlyViewSet,
    check_period,
)
from engagements.models import Language, Neighborhood

from . import selectors
from .models import Session, Venue


class VenueSerializer(PublicModelSerializer):
    neighborhood = NeighborhoodSerializer(allow_null=True)

    class Meta:
        model = Venue
        fields = (
            "name",
            "address",
            "neighborhood",
            "step_free",
            "accessible_restroom",
            "hearing_loop",
            "near_transit",
            "parking",
            "directions",
        )


class SessionSerializer(PublicModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api_v1:session-detail")
    page_url = serializers.SerializerMethodField(help_text="The session's page on the portal.")
    engagement = serializers.IntegerField(source="program.engagement_id")
    engagement_title = serializers.CharField(source="program.engagement.title")
    title = serializers.CharField(
        source="display_title", help_text="The session's own title, else its engagement's."
    )
    status_label = serializers.CharField(source="get_status_display")
    venue = VenueSerializer(allow_null=True)
    online = serializers.SerializerMethodField(
        help_text="Whether people can join online. The link goes only to people signed up."
    )
    places_taken = serializers.IntegerField(source="confirmed_count")
    places_left = serializers.IntegerField()
    languages = LanguageSerializer(many=True)
    interpretation = LanguageSerializer(many=True)
    is_open_for_registration = serializers.BooleanField()

    class Meta:
        model = Session
        fields = (
            "id",
            "url",
            "page_url",
            "engagement",
            "engagement_title",
            "title",
            "starts_at",
            "ends_at",
            "status",
            "status_label",
            "venue",
            "online",
            "capacity",
            "places_taken",
            "places_left",
            "waitlist_enabled",
            "registration_opens_at",
            "registration_closes_at",
            "is_open_for_registration",
            "languages",
            "interpretation",
            "asl",
            "updated_at",
        )

    @extend_schema_field(OpenApiTypes.URI)
    def get_page_url(self, session: Session) -> str:
        return page_url(self, session.get_absolute_url())

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_online(self, session: Session) -> bool:
        return bool(session.virtual_link)


class SessionFilters(serializers.Serializer):
    when = serializers.ChoiceField(
        choices=[("upcoming", "upcoming"), ("past", "past"), ("all", "all")],
        default="upcoming",
        help_text="upcoming: not yet ended (soonest first); past: ended (newest first); all.",
    )
    engagement = serializers.IntegerField(
        required=False, min_value=1, max_value=2**31 - 1, help_text="An engagement's id."
    )
    neighborhood = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Neighborhood.objects.all(),
        required=False,
        help_text="The venue's neighborhood, by slug.",
    )
    language = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Language.objects.all(),
        required=False,
        help_text="Spoken in, or interpreted into, this language (a code).",
    )
    starts_from = DateFilter(required=False, help_text="Starting on or after this day.")
    starts_until = DateFilter(required=False, help_text="Starting on or before this day.")

    def validate(self, attrs):
        return check_period(attrs, "starts_from", "starts_until")


@extend_schema_view(list=extend_schema(parameters=[SessionFilters]))
class SessionViewSet(PublicReadOnlyViewSet):
    """Sessions of public programs (town halls, Coffee with a Cop, academy classes...), with
    their venue, places and languages. Cancelled sessions are listed with their status."""

    serializer_class = SessionSerializer
    filter_serializer_class = SessionFilters
    # No Last-Modified: places left change with every sign-up, which moves no timestamp here, so
    # a date would answer 304 with stale places. The ETag (a hash of the body) is exact.
    tracked_models = ()

    def get_queryset(self):
        filters = {"when": "all", **self.get_filters()}
        return selectors.session_list_public(
            when=filters["when"],
            engagement_id=filters.get("engagement"),
            neighborhood=filters.get("neighborhood"),
            language=filters.get("language"),
            starts_from=filters.get("starts_from"),
            starts_until=filters.get("starts_until"),
        )

    def item_timestamps(self, instance):
        return []
