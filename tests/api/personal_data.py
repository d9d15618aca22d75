"""Finds fields of the open data API that could carry personal data.

Walks every serializer reachable from every view under /api/v1/ (each action's serializer, the
filter serializer, nested serializers, and the types SerializerMethodFields declare) and reports:

- `fields = "__all__"` or `exclude`: a new model field would be published without review;
- a field whose name, or any step of whose source, looks personal (PATTERNS);
- on model serializers, a source that steps into a model that holds people's data (the user, an
  input, a registration, a survey response...) or ends on an email, phone or IP field.

A field may pass only through ALLOWED, a short reviewed list keyed by (serializer, field), each
with the reason it is not personal. The generated OpenAPI schema is checked too, by property and
parameter name, as a second net for whatever a view declares outside its serializers.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver
from phonenumber_field.modelfields import PhoneNumberField
from rest_framework import serializers

PATTERNS: dict[str, str] = {
    "email": r"e_?mail",
    "phone": r"phone|mobile|sms|fax",
    "name of a person": r"(^|_)(first_?|last_?|display_?|full_?|given_?|family_?|sur|nick)?names?($|_)",
    "date of birth": r"birth|dob($|_)|(^|_)age($|_)",
    "address": r"address|street|postcode|postal|zip_?code",
    "ip address": r"(^|_)ip($|_)|remote_addr|user_agent",
    "account or author": (
        r"^(users?|authors?|owners?|creators?|persons?|people|members?|memberships?|hosts?|"
        r"coordinators?|officers?|guests?|participants?|attendees?|respondents_?ids?)$|_by$|^user_"
    ),
    "contact": r"contact",
    "token or secret": r"token|secret|password|session_key|api_key",
    "receipt or registration code": r"receipt|registration_code|(^|_)codes?_for",
    "online meeting link": r"virtual|meeting_link|join_url|zoom|teams_link",
    "free text of survey answers": r"^(answers?|answer_text|texts|free_text|comments?|responses_text)$",
    "demographics": r"demograph|gender|race|ethnic|income|disabilit",
}
_COMPILED = {reason: re.compile(pattern, re.IGNORECASE) for reason, pattern in PATTERNS.items()}

# Reviewed exceptions: (serializer without the "Serializer" suffix, field) -> why it is not personal.
ALLOWED: dict[tuple[str, str], str] = {
    ("Topic", "name"): "a topic's name (e.g. Traffic safety), not a person's",
    ("Neighborhood", "name"): "a neighborhood's name: public geography, not a person",
    ("Language", "name"): "a language's name in English (Spanish)",
    ("Language", "native_name"): "a language's name in itself (Español)",
    ("Venue", "name"): "a public venue (library, community center) where sessions are held",
    ("Venue", "address"): (
        "the street address of that public venue, printed on every session page; venues are "
        "places the agency books, never a resident's home"
    ),
}


def _personal_models() -> set:
    """Models whose rows are about one person (or a board's confidential case about one): nothing
    may reach into them."""
    from django.apps import apps

    names = [
        settings.AUTH_USER_MODEL,
        "accounts.Demographics",
        "engagements.Input",
        "programs.Registration",
        "programs.RideOutRequest",
        "programs.Application",
        "programs.MinorDetails",
        "programs.VolunteerHours",
        "surveys.Response",
        "surveys.Answer",
        "surveys.Invitation",
        "surveys.Participation",
        "advisory_boards.Membership",
        "advisory_boards.BoardApplication",
        "advisory_boards.AccessLog",
        "advisory_boards.Comment",
        "advisory_boards.Position",
        "advisory_boards.AgreementAcceptance",
        "advisory_boards.ConflictDeclaration",
        "advisory_boards.Case",
        "advisory_boards.CaseFile",
        "notices.Delivery",
        "notices.OptOut",
        "notices.Suppression",
    ]
    return {apps.get_model(name) for name in names}


@dataclass(frozen=True)
class Finding:
    where: str
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}.{self.field}: {self.reason}"


def _short(name: str) -> str:
    return name.removesuffix("Serializer")


def _looks_personal(word: str) -> str | None:
    for reason, pattern in _COMPILED.items():
        if pattern.search(word):
            return reason
    return None


class Walker:
    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.allowed_used: set[tuple[str, str]] = set()
        self.seen: set[type] = set()
        self.personal_models = _personal_models()

    # --- names -----------------------------------------------------------------------------------

    def check_name(self, owner: str, field: str, words: list[str]) -> None:
        for word in words:
            reason = _looks_personal(word)
            if reason is None:
                continue
            if (owner, field) in ALLOWED:
                self.allowed_used.add((owner, field))
                return
            self.findings.append(Finding(owner, field, f"{reason} ({word!r})"))
            return

    # --- serializers -----------------------------------------------------------------------------

    def walk(self, serializer) -> None:
        cls = serializer if isinstance(serializer, type) else type(serializer)
        if cls in self.seen:
            return
        self.seen.add(cls)
        owner = _short(cls.__name__)
        meta = getattr(cls, "Meta", None)
        if meta is not None:
            if getattr(meta, "fields", None) == serializers.ALL_FIELDS:
                self.findings.append(
                    Finding(owner, "Meta", 'fields = "__all__" publishes any new field')
                )
            if getattr(meta, "exclude", None) is not None:
                self.findings.append(Finding(owner, "Meta", "exclude publishes any new field"))
        instance = serializer if not isinstance(serializer, type) else cls()
        model = (
            getattr(meta, "model", None) if issubclass(cls, serializers.ModelSerializer) else None
        )
        if model in self.personal_models:
            self.findings.append(
                Finding(owner, "Meta", f"model {model.__name__} is about a person")
            )
        for name, field in instance.fields.items():
            self.walk_field(owner, cls, model, name, field)

    def walk_field(self, owner: str, cls: type, model, name: str, field) -> None:
        source = field.source if field.source and field.source != "*" else name
        self.check_name(owner, name, [name, *source.split(".")])
        if model is not None and field.source != "*":
            self.check_model_path(owner, name, model, source.split("."))
        if isinstance(field, serializers.ListSerializer):
            self.walk(field.child)
        elif isinstance(field, serializers.BaseSerializer):
            self.walk(field)
        elif isinstance(field, serializers.ListField | serializers.DictField):
            self.walk_field(owner, cls, None, name, field.child)
        elif isinstance(field, serializers.SerializerMethodField):
            method = getattr(cls, field.method_name or f"get_{name}")
            self.check_name(owner, name, [method.__name__.removeprefix("get_")])
            declared = getattr(method, "_spectacular_annotation", {}).get("field")
            for candidate in (declared, getattr(method, "__annotations__", {}).get("return")):
                if isinstance(candidate, serializers.BaseSerializer) or (
                    isinstance(candidate, type)
                    and issubclass(candidate, serializers.BaseSerializer)
                ):
                    self.walk(
                        candidate.child
                        if isinstance(candidate, serializers.ListSerializer)
                        else candidate
                    )

    def check_model_path(self, owner: str, name: str, model, steps: list[str]) -> None:
        for step in steps:
            try:
                model_field = model._meta.get_field(step)
            except Exception:
                return
            related = getattr(model_field, "related_model", None)
            if related in self.personal_models:
                self.findings.append(
                    Finding(owner, name, f"reaches {related.__name__}, which is about a person")
                )
                return
            if isinstance(
                model_field, models.EmailField | PhoneNumberField | models.GenericIPAddressField
            ):
                self.findings.append(Finding(owner, name, f"is a {type(model_field).__name__}"))
                return
            if related is None:
                return
            model = related

    # --- views and schema ------------------------------------------------------------------------

    def walk_view(self, callback) -> list[type]:
        cls = callback.cls
        found = []
        actions = getattr(callback, "actions", None) or {"get": "get"}
        for action in set(actions.values()):
            view = cls(**getattr(callback, "initkwargs", {}))
            view.action, view.request, view.format_kwarg, view.kwargs = action, None, None, {}
            serializer_class = getattr(cls, "serializer_class", None)
            if serializer_class is not None and hasattr(view, "get_serializer_class"):
                serializer_class = view.get_serializer_class()
            for candidate in (serializer_class, getattr(cls, "filter_serializer_class", None)):
                if candidate is not None:
                    found.append(candidate)
                    self.walk(candidate)
        return found

    def walk_schema(self, schema: dict) -> None:
        for component, body in schema.get("components", {}).get("schemas", {}).items():
            owner = component.removeprefix("Paginated").removesuffix("List")
            for prop in body.get("properties", {}):
                self.check_name(owner, prop, [prop])
        for path, operations in schema.get("paths", {}).items():
            for method, operation in operations.items():
                for parameter in operation.get("parameters", []):
                    self.check_name(
                        f"{method.upper()} {path}", parameter["name"], [parameter["name"]]
                    )


def api_callbacks(prefix: str = "api/v1/") -> list[tuple[str, object]]:
    """(route, view) for every Django REST framework view under the prefix."""
    found = []

    def visit(patterns, route):
        for pattern in patterns:
            here = route + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                visit(pattern.url_patterns, here)
            elif (
                isinstance(pattern, URLPattern)
                and hasattr(pattern.callback, "cls")
                and here.lstrip("^").startswith(prefix)
            ):
                found.append((here, pattern.callback))

    visit(get_resolver().url_patterns, "")
    return found
