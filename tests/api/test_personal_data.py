"""The personal-data test over the API: no field of any serializer reachable from /api/v1/, nor
any property or parameter of its schema, may carry personal data. And the walker can fail."""

import pytest
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from engagements.models import Engagement
from programs.models import Session
from tests.api.personal_data import ALLOWED, Walker, api_callbacks

EXPECTED_SERIALIZERS = {
    "EngagementSerializer",
    "EngagementFilters",
    "TopicSerializer",
    "NeighborhoodSerializer",
    "LanguageSerializer",
    "SessionSerializer",
    "SessionFilters",
    "VenueSerializer",
    "AnnouncementSerializer",
    "AnnouncementFilters",
    "SurveySummarySerializer",
    "SurveyResultsSerializer",
    "QuestionResultSerializer",
    "ResultRowSerializer",
    "SurveyResultFilters",
    "ReportBackSerializer",
    "ReportBackFilters",
    "ActionSerializer",
    "AccountabilitySerializer",
    "AccountabilityFilters",
}


def walk_api() -> tuple[Walker, list]:
    walker = Walker()
    views = api_callbacks()
    for _route, callback in views:
        walker.walk_view(callback)
    walker.walk_schema(SchemaGenerator().get_schema(request=None, public=True))
    return walker, views


def test_no_field_of_the_api_can_carry_personal_data():
    walker, views = walk_api()

    # The walk found every view and every serializer (a walk that sees nothing proves nothing).
    assert len(views) >= 17
    assert {cls.__name__ for cls in walker.seen} >= EXPECTED_SERIALIZERS
    assert not walker.findings, "personal data in the API:\n" + "\n".join(map(str, walker.findings))


def test_every_exception_is_used_and_says_why():
    walker, _views = walk_api()
    assert set(ALLOWED) == walker.allowed_used, "remove exceptions no field needs any more"
    assert all(len(reason) >= 25 for reason in ALLOWED.values())


# --- the walker can fail ---------------------------------------------------------------------------


class ContactSerializer(serializers.Serializer):
    contact_email = serializers.EmailField()


class AllFields(serializers.ModelSerializer):
    class Meta:
        model = Engagement
        fields = "__all__"


class ExcludeOwner(serializers.ModelSerializer):
    class Meta:
        model = Engagement
        exclude = ("owner",)


class OwnerField(serializers.ModelSerializer):
    class Meta:
        model = Engagement
        fields = ("id", "owner")


class InnocentNameOwnerSource(serializers.ModelSerializer):
    organizer = serializers.CharField(source="owner.display_name")

    class Meta:
        model = Engagement
        fields = ("id", "organizer")


class ReachesInputs(serializers.ModelSerializer):
    said = serializers.StringRelatedField(source="inputs", many=True)

    class Meta:
        model = Engagement
        fields = ("id", "said")


class NestedContact(serializers.Serializer):
    reach = ContactSerializer()


class MethodDeclaringContact(serializers.Serializer):
    details = serializers.SerializerMethodField()

    @extend_schema_field(ContactSerializer)
    def get_details(self, obj):
        return {}


class VirtualLink(serializers.ModelSerializer):
    class Meta:
        model = Session
        fields = ("id", "virtual_link")


class Receipt(serializers.Serializer):
    reference = serializers.CharField(source="receipt_code")


class FreeText(serializers.Serializer):
    texts = serializers.ListField(child=serializers.CharField())


class Birthday(serializers.Serializer):
    date_of_birth = serializers.DateField()


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        (AllFields, '"__all__"'),
        (ExcludeOwner, "exclude"),
        (OwnerField, "account or author"),
        (InnocentNameOwnerSource, "InnocentNameOwnerSource.organizer: account or author ('owner')"),
        (ReachesInputs, "reaches Input"),
        (NestedContact, "Contact.contact_email"),
        (MethodDeclaringContact, "Contact.contact_email"),
        (VirtualLink, "online meeting link"),
        (Receipt, "receipt"),
        (FreeText, "free text"),
        (Birthday, "date of birth"),
    ],
)
def test_the_walker_reports_a_personal_field(bad, expected):
    walker = Walker()
    walker.walk(bad)
    assert any(expected in str(finding) for finding in walker.findings), walker.findings


def test_the_schema_net_reports_personal_properties_and_parameters():
    walker = Walker()
    walker.walk_schema(
        {
            "components": {"schemas": {"Thing": {"properties": {"id": {}, "contact_phone": {}}}}},
            "paths": {"/api/v1/things/": {"get": {"parameters": [{"name": "email"}]}}},
        }
    )
    assert [str(finding) for finding in walker.findings] == [
        "Thing.contact_phone: phone ('contact_phone')",
        "GET /api/v1/things/.email: email ('email')",
    ]
