from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account. People sign in with their email address; there are no usernames.

    Profile fields live here rather than on a separate model so that every page and every notice can
    read a person's language and channels without a join that might be missing.
    """

    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=100,
        blank=True,
        help_text=_("How we address you. Leave empty to use the start of your email address."),
    )
    language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Pages and messages reach you in this language."),
    )
    phone = PhoneNumberField(_("mobile phone"), blank=True)
    sms_consent_at = models.DateTimeField(_("text message consent given"), null=True, blank=True)
    notify_by_email = models.BooleanField(_("email"), default=True)
    notify_by_sms = models.BooleanField(_("text message (SMS)"), default=False)
    notify_in_app = models.BooleanField(_("inbox on this site"), default=True)
    neighborhood = models.ForeignKey(
        "engagements.Neighborhood",
        verbose_name=_("neighborhood"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="residents",
    )
    topics_followed = models.ManyToManyField(
        "engagements.Topic", verbose_name=_("topics I follow"), blank=True, related_name="followers"
    )
    is_staff = models.BooleanField(
        _("back-office access"),
        default=False,
        help_text=_("Set from the person's role; allows the Django admin."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["email"]
        constraints = [
            models.CheckConstraint(
                name="user_sms_requires_phone_and_consent",
                condition=Q(notify_by_sms=False) | (~Q(phone="") & Q(sms_consent_at__isnull=False)),
            ),
        ]

    def __str__(self) -> str:
        return self.get_short_name()

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self) -> str:
        return self.display_name or self.email

    def get_short_name(self) -> str:
        return self.display_name or self.email.split("@", 1)[0]


class AgeBand(models.TextChoices):
    UNDER_18 = "under_18", _("Under 18")
    FROM_18_TO_24 = "18_24", _("18 to 24")
    FROM_25_TO_34 = "25_34", _("25 to 34")
    FROM_35_TO_44 = "35_44", _("35 to 44")
    FROM_45_TO_54 = "45_54", _("45 to 54")
    FROM_55_TO_64 = "55_64", _("55 to 64")
    FROM_65 = "65_plus", _("65 or older")
    PREFER_NOT = "prefer_not", _("Prefer not to say")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    NON_BINARY = "non_binary", _("Non-binary")
    ANOTHER = "another", _("Another gender identity")
    PREFER_NOT = "prefer_not", _("Prefer not to say")


class RaceEthnicity(models.TextChoices):
    # The minimum categories of the 2024 US federal standard (SPD 15); people may choose several.
    AMERICAN_INDIAN = "american_indian", _("American Indian or Alaska Native")
    ASIAN = "asian", _("Asian")
    BLACK = "black", _("Black or African American")
    HISPANIC = "hispanic", _("Hispanic or Latino")
    MIDDLE_EASTERN = "middle_eastern", _("Middle Eastern or North African")
    PACIFIC_ISLANDER = "pacific_islander", _("Native Hawaiian or Pacific Islander")
    WHITE = "white", _("White")
    ANOTHER = "another", _("Another race or ethnicity")
    PREFER_NOT = "prefer_not", _("Prefer not to say")


class Disability(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    PREFER_NOT = "prefer_not", _("Prefer not to say")


class IncomeBand(models.TextChoices):
    UNDER_25K = "under_25k", _("Under $25,000")
    FROM_25K = "25k_50k", _("$25,000 to $49,999")
    FROM_50K = "50k_75k", _("$50,000 to $74,999")
    FROM_75K = "75k_100k", _("$75,000 to $99,999")
    FROM_100K = "100k_150k", _("$100,000 to $149,999")
    FROM_150K = "150k_plus", _("$150,000 or more")
    PREFER_NOT = "prefer_not", _("Prefer not to say")


class Demographics(models.Model):
    """Optional self-described demographics, kept apart from the account.

    A row exists only while the person consents; withdrawing consent deletes it. The figures are used
    in aggregate only (participation equity), never shown next to a name.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="demographics"
    )
    consented_at = models.DateTimeField(_("consent given"))
    age_band = models.CharField(_("age"), max_length=20, choices=AgeBand.choices, blank=True)
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices, blank=True)
    race_ethnicity = models.JSONField(_("race or ethnicity"), default=list, blank=True)
    languages_spoken = models.ManyToManyField(
        "engagements.Language", verbose_name=_("languages spoken at home"), blank=True
    )
    disability = models.CharField(
        _("disability"), max_length=20, choices=Disability.choices, blank=True
    )
    income_band = models.CharField(
        _("household income"), max_length=20, choices=IncomeBand.choices, blank=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("self-described demographics")
        verbose_name_plural = _("self-described demographics")

    def __str__(self) -> str:
        return str(_("Demographics of %(person)s")) % {"person": self.user}
