import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from accounts.services import user_set_roles
from engagements.models import Category, Engagement, Format, Language, Neighborhood, Status, Topic

PASSWORD = "a-Long-test-passw0rd"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("name")
    language = "en"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
        self.save()

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            user_set_roles(user=self, roles=extracted)


def staff_user(**kwargs) -> User:
    return UserFactory(roles=[Role.OUTREACH_STAFF], **kwargs)


def admin_user(**kwargs) -> User:
    return UserFactory(roles=[Role.AGENCY_ADMIN], **kwargs)


class NeighborhoodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Neighborhood
        django_get_or_create = ("slug",)

    name_en = factory.Sequence(lambda n: f"Neighborhood {n}")
    slug = factory.Sequence(lambda n: f"neighborhood-{n}")


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name_en = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class LanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Language
        django_get_or_create = ("code",)

    code = "es"
    name = "Spanish"
    native_name = "Español"


class EngagementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Engagement
        skip_postgeneration_save = True

    title_en = factory.Sequence(lambda n: f"Engagement {n}")
    summary_en = "Come and talk with us."
    category = Category.IN_PERSON
    format = Format.TOWN_HALL
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)

    @factory.post_generation
    def neighborhoods(self, create, extracted, **kwargs):
        if create and extracted:
            self.neighborhoods.set(extracted)

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create and extracted:
            self.languages.set(extracted)


def program_factory(**engagement_kwargs):
    from programs.models import Program

    return Program.objects.create(engagement=EngagementFactory(**engagement_kwargs))


def session_factory(program=None, **kwargs):
    from datetime import timedelta

    from programs.models import Session, Venue

    program = program or program_factory()
    venue = kwargs.pop("venue", None) or Venue.objects.create(name="Library", address="1 Main St")
    starts_at = kwargs.pop("starts_at", None) or timezone.now() + timedelta(days=7)
    return Session.objects.create(
        program=program,
        venue=venue,
        starts_at=starts_at,
        ends_at=kwargs.pop("ends_at", None) or starts_at + timedelta(hours=2),
        **kwargs,
    )
