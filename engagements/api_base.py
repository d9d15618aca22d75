"""What every endpoint of the open data API (/api/v1/) shares.

The API is anonymous and read-only, and gives everyone the same answer: views read through the
apps' public selectors, so what a page hides (drafts, unpublished things, board-only material,
small survey cells) the API hides too. Here live the pieces every app's `api.py` uses: the language
of the answer, throttling, pagination, ETag/Last-Modified with conditional GET, the schema's common
parts and the router that `engagement_portal/urls.py` fills.
"""

import hashlib
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.db.models import Max, Model
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, inline_serializer
from rest_framework import routers, serializers, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView


def api_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


# --- Language -------------------------------------------------------------------------------------


def negotiate_language(request) -> str:
    """`?lang=` when given (and valid), else what LocaleMiddleware read from Accept-Language,
    else the default language."""
    asked = request.query_params.get("lang")
    if asked is not None:
        if asked not in api_languages():
            raise ValidationError(
                {"lang": [_("Unknown language. Use one of: %s.") % ", ".join(api_languages())]}
            )
        return asked
    current = translation.get_language()
    return current if current in api_languages() else settings.LANGUAGE_CODE


# --- Serializers ----------------------------------------------------------------------------------


# Every field is output only (the API takes no input), so the schema marks each one read-only and
# required: a consumer can count on every field being present. (A comment, not a docstring: the
# schema would show a docstring on every component.)
class _OutputOnly:
    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            field.read_only = True
            field.required = False
        return fields


class PublicSerializer(_OutputOnly, serializers.Serializer):
    pass


class PublicModelSerializer(_OutputOnly, serializers.ModelSerializer):
    pass


# --- Filters --------------------------------------------------------------------------------------

# Python's dates end in year 9999 and a day is added to "until" dates: keep filters to years the
# portal can compute with, and answer 400 outside them.
_YEARS = (1900, 2999)


def _check_year(value):
    if not _YEARS[0] <= value.year <= _YEARS[1]:
        raise ValidationError(
            _("Give a date between %(first)s and %(last)s.")
            % {"first": _YEARS[0], "last": _YEARS[1]}
        )
    return value


class DateFilter(serializers.DateField):
    def to_internal_value(self, value):
        return _check_year(super().to_internal_value(value))


class DateTimeFilter(serializers.DateTimeField):
    def enforce_timezone(self, value):
        # Before the time zone: converting year 9999 to UTC overflows.
        return super().enforce_timezone(_check_year(value))


def check_period(attrs: dict, start: str, end: str) -> dict:
    if attrs.get(start) and attrs.get(end) and attrs[end] < attrs[start]:
        raise ValidationError({end: [_("The end of the period must be after its start.")]})
    return attrs


# --- Throttling and pagination --------------------------------------------------------------------


class PublicAPIThrottle(AnonRateThrottle):
    """Requests per client address. The rate is read from settings on every request (DRF binds
    its rates when the module loads), so deployments and tests can change it."""

    scope = "public_api"

    def get_rate(self) -> str:
        return settings.PORTAL_API_RATE


class PublicAPIPagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_schema_operation_parameters(self, view):
        page, size = super().get_schema_operation_parameters(view)
        page["schema"]["minimum"] = 1
        size["schema"].update(minimum=1, maximum=self.max_page_size)
        return [page, size]


# --- Schema ---------------------------------------------------------------------------------------

LANG_PARAMETER = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    enum=api_languages(),
    description=(
        "Language of translated content and labels. Without it the Accept-Language header "
        "decides, then the default language. A text missing in the language falls back to the "
        "default language. The answer's Content-Language header says which language was served."
    ),
)
_HEADERS = [
    OpenApiParameter(
        "ETag",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        response=[200, 304],
        required=True,
        description="Send it back in If-None-Match to get 304 when nothing changed.",
    ),
    OpenApiParameter(
        "Last-Modified",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        response=[200, 304],
        description="Latest change of the listed kind of thing (lists) or of the item; "
        "absent for computed figures. For If-Modified-Since.",
    ),
    OpenApiParameter(
        "Content-Language",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        response=[200],
        required=True,
        description="The language served.",
    ),
    OpenApiParameter(
        "Retry-After",
        OpenApiTypes.INT,
        OpenApiParameter.HEADER,
        response=[429],
        description="Seconds to wait before the next request.",
    ),
]
_DETAIL = inline_serializer("ErrorDetail", fields={"detail": serializers.CharField()})


class PublicAPISchema(AutoSchema):
    """Adds what every operation shares: `lang`, the caching headers, and the 304, 400, 404 and
    429 answers, so that the schema describes every answer the API can give."""

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        if self.method == "GET":
            parameters += [LANG_PARAMETER, *_HEADERS]
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if self.method != "GET":
            return responses
        extra = {
            "304": OpenApiResponse(description="Not modified since the ETag or date you sent."),
            "400": OpenApiResponse(
                response=OpenApiTypes.OBJECT,
                description="A filter or `lang` is not valid: the messages, by parameter.",
            ),
            "429": OpenApiResponse(
                response=_DETAIL, description="Too many requests: wait Retry-After seconds."
            ),
        }
        if hasattr(self.view, "action"):
            extra["404"] = OpenApiResponse(
                response=_DETAIL, description="No such public item, or no such page."
            )
        for code, response in extra.items():
            if code not in responses:
                responses[code] = self._get_response_for_code(response, code, direction=direction)
        return dict(sorted(responses.items()))


# --- Conditional GET ------------------------------------------------------------------------------


def latest_change(*models: type[Model]) -> datetime | None:
    """The last `updated_at` over whole tables, published or not: an upper bound for any list of
    them, so an object that leaves a list (unpublished) still moves Last-Modified forward."""
    stamps = [model.objects.aggregate(latest=Max("updated_at"))["latest"] for model in models]
    stamps = [stamp for stamp in stamps if stamp is not None]
    return max(stamps) if stamps else None


def _latest(stamps: Iterable[datetime | None]) -> datetime | None:
    present = [stamp for stamp in stamps if stamp is not None]
    return max(present) if present else None


class PublicAPIMixin:
    """Anonymous access, throttling, the answer's language, filters from the query string, and
    ETag/Last-Modified with 304 answers to If-None-Match / If-Modified-Since.

    The ETag is a hash of the rendered body, so it is exact whatever changed. Last-Modified comes
    from `modified_at`, set by the view: table-wide for lists, the object's own for details."""

    authentication_classes: tuple = ()
    permission_classes = (AllowAny,)
    throttle_classes = (PublicAPIThrottle,)
    pagination_class = PublicAPIPagination
    schema = PublicAPISchema()
    filter_serializer_class: type[serializers.Serializer] | None = None
    modified_at: datetime | None = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        translation.activate(negotiate_language(request))

    def get_filters(self) -> dict:
        if self.filter_serializer_class is None:
            return {}
        serializer = self.filter_serializer_class(data=self.request.query_params)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response["Content-Language"] = translation.get_language()
        patch_vary_headers(response, ("Accept", "Accept-Language"))
        patch_cache_control(response, public=True, max_age=settings.PORTAL_API_MAX_AGE)
        response.render()
        etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:40])
        response["ETag"] = etag
        last_modified = None
        if self.modified_at is not None:
            last_modified = int(self.modified_at.timestamp())
            response["Last-Modified"] = http_date(last_modified)
        return get_conditional_response(
            request, etag=etag, last_modified=last_modified, response=response
        )


class PublicAPIView(PublicAPIMixin, APIView):
    """A single public resource (no list, no id)."""


class APINotFoundView(PublicAPIView):
    """Any other path under the API (an id that is not a number, a missing segment): a 404 in
    the API's own format, like every other miss, instead of the site's HTML page."""

    schema = None

    def get(self, request, *args, **kwargs):
        raise NotFound


class PublicReadOnlyViewSet(PublicAPIMixin, viewsets.ReadOnlyModelViewSet):
    """A public list and its items. Subclasses implement `get_queryset()` over a selector (using
    `self.get_filters()`, which is empty for a single item) and may name `tracked_models`, whose
    latest change is the list's Last-Modified."""

    lookup_value_regex = "[0-9]+"
    tracked_models: tuple[type[Model], ...] = ()

    def get_filters(self) -> dict:
        return super().get_filters() if self.action == "list" else {}

    def list(self, request, *args, **kwargs):
        self.modified_at = latest_change(*self.tracked_models)
        return super().list(request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        self.modified_at = self.item_modified_at(instance)
        return Response(self.get_serializer(instance).data)

    def item_modified_at(self, instance) -> datetime | None:
        return _latest(self.item_timestamps(instance))

    def item_timestamps(self, instance) -> Iterable[datetime | None]:
        return [getattr(instance, "updated_at", None)]


# --- Router ---------------------------------------------------------------------------------------


class PublicAPIRouter(routers.DefaultRouter):
    """DefaultRouter whose root page also links the endpoints that are not viewsets. No `.json`
    suffixes: the Accept header chooses JSON or the browsable page."""

    include_format_suffixes = False

    def __init__(self, *args, extra_links: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.extra_links = extra_links or {}

    def get_api_root_view(self, api_urls=None):
        links = self.extra_links

        class PublicAPIRootView(PublicAPIMixin, routers.APIRootView):
            """Open data of the engagement portal. Every list takes `lang`, `page` and
            `page_size`; see /api/v1/docs/ for filters and the schema."""

            schema = None

            def get_view_name(self) -> str:
                return "Open data API"

            def get(self, request, *args, **kwargs):
                response = super().get(request, *args, **kwargs)
                namespace = request.resolver_match.namespace
                for key, name in links.items():
                    response.data[key] = reverse(f"{namespace}:{name}", request=request)
                return response

        api_root_dict = {
            prefix: self.routes[0].name.format(basename=basename)
            for prefix, _viewset, basename in self.registry
        }
        return PublicAPIRootView.as_view(api_root_dict=api_root_dict)
