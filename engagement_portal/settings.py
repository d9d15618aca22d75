"""Settings for Engagement Portal, read from the environment.

With no environment at all the portal runs *embedded*: SQLite, Celery tasks executed eagerly,
local-memory cache, console email and DEBUG on, so that `make run` works on a fresh machine.
Setting DATABASE_URL, REDIS_URL, EMAIL_URL and friends switches to the production parts; see the
configuration table in README.md.
"""

import secrets
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DATABASE_URL = env.str("DATABASE_URL", default="")
REDIS_URL = env.str("REDIS_URL", default="")

# A portal pointed at a real database is a deployment unless told otherwise; the embedded
# default is a development machine.
DEBUG = env.bool("DEBUG", default=not DATABASE_URL)


def _secret_key() -> str:
    key = env.str("SECRET_KEY", default="")
    if key:
        return key
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG off the portal refuses to start without it. "
            "Set SECRET_KEY to a long random value, for example the output of: "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    # Development only: a key generated once per checkout and kept out of git, so sessions survive
    # restarts without a secret ever living in the code.
    key_file = BASE_DIR / ".secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_celery_beat",
    "phonenumber_field",
    "rules.apps.AutodiscoverRulesConfig",
    "rest_framework",
    "drf_spectacular",
    # Swagger UI's files served from our own static files: the API docs work with no internet.
    "drf_spectacular_sidecar",
    # The platform.
    "accounts",
    "engagements",
    "notices",
    # The spectrum.
    "announcements",
    "programs",
    "surveys",
    "advisory_boards",
    # Reads all of the above through the platform's registries.
    "insights",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.StaffMFARequiredMiddleware",
]

ROOT_URLCONF = "engagement_portal.urls"
WSGI_APPLICATION = "engagement_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.portal",
                "notices.context_processors.inbox",
            ],
        },
    },
]

# --- Data -----------------------------------------------------------------------------------------

if DATABASE_URL:
    DATABASES = {"default": env.db_url("DATABASE_URL")}
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env.str("SQLITE_PATH", default=str(BASE_DIR / "db.sqlite3")),
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="portal"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Accounts and authentication ------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Never tell a stranger whether an address has an account (sign-up, reset, login).
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
# allauth's defaults, stated so that they are reviewed with the rest of the policy. The Django admin
# login is routed through allauth (see urls.py), so these limits cover it too.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/300s/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
    "confirm_email": "1/180s/key",
    # The portal's own public forms, limited without a CAPTCHA that would lock out screen readers.
    "portal_input": "10/10m/ip",
    "portal_receipt": "30/m/ip",
    "portal_survey": "20/h/ip",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env.str("AGENCY_NAME", default="Lakeside Police Department")

# Staff and admin pages open only to people who have set up an authenticator app. Off in the
# embedded demo so a newcomer can try the staff side at once.
PORTAL_STAFF_MFA_REQUIRED = env.bool("STAFF_MFA_REQUIRED", default=not DEBUG)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
PHONENUMBER_DEFAULT_REGION = env.str("PHONE_REGION", default="US")

# --- Languages and time -----------------------------------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("vi", _("Vietnamese")),
    ("zh-hans", _("Simplified Chinese")),
    ("ar", _("Arabic")),
]
# Our own catalogues first; `locale-vendor` fills strings of third-party apps that ship no
# catalogue for one of our languages (allauth has no Vietnamese).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale-vendor"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env.str("TIME_ZONE", default="America/Chicago")

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

# --- Static files and media -------------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.str("MEDIA_ROOT", default=str(BASE_DIR / "media"))
PRIVATE_MEDIA_ROOT = env.str("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private_media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Board material: outside MEDIA_ROOT and without a URL, so files are only ever served by the
    # permission-checked (and logged) download view.
    "board_files": {
        "BACKEND": "advisory_boards.storage.PrivateFileStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Email ------------------------------------------------------------------------------------------

if env.str("EMAIL_URL", default=""):
    globals().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="engagement@localhost")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# --- Notices --------------------------------------------------------------------------------------

# Absolute links in emails and texts (unsubscribe, report-backs) start with this.
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://127.0.0.1:8000")
NOTICES_CHANNEL_BACKENDS = {
    "email": env.str("NOTICES_EMAIL_BACKEND", default="notices.channels.email.EmailChannel"),
    "sms": env.str("NOTICES_SMS_BACKEND", default="notices.channels.sms.SmsChannel"),
    "in_app": "notices.channels.in_app.InAppChannel",
}
NOTICES_SMS_PROVIDER = env.str("SMS_PROVIDER", default="notices.channels.sms.ConsoleSmsProvider")
NOTICES_SMS_FILE_PATH = env.str("SMS_FILE_PATH", default=str(BASE_DIR / "var" / "sms.jsonl"))
# No texts between these hours (agency time); texts due then wait until the end.
NOTICES_SMS_QUIET_HOURS = (
    env.int("SMS_QUIET_HOURS_START", default=21),
    env.int("SMS_QUIET_HOURS_END", default=8),
)
NOTICES_WRITE_BATCH_SIZE = env.int("NOTICES_WRITE_BATCH_SIZE", default=5000)
NOTICES_SEND_BATCH_SIZE = env.int("NOTICES_SEND_BATCH_SIZE", default=500)
NOTICES_MAX_ATTEMPTS = env.int("NOTICES_MAX_ATTEMPTS", default=6)
NOTICES_SWEEP_AFTER_SECONDS = env.int("NOTICES_SWEEP_AFTER_SECONDS", default=120)

# The loop: when to remind owners of actions and of missing report-backs.
PORTAL_ACTION_DUE_SOON_DAYS = env.int("ACTION_DUE_SOON_DAYS", default=7)
PORTAL_REPORT_BACK_DUE_DAYS = env.int("REPORT_BACK_DUE_DAYS", default=30)

# --- Celery -----------------------------------------------------------------------------------------

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", default="celery")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
# A task is acknowledged after it ran, and re-queued if its worker dies: tasks must be idempotent.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=120)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=180)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "notices-sweep": {"task": "notices.tasks.deliveries_sweep", "schedule": 60.0},
    "notices-release-due": {"task": "notices.tasks.notices_release_due", "schedule": 60.0},
    "programs-session-messages": {
        "task": "programs.tasks.sessions_send_messages",
        "schedule": 300.0,
    },
    "boards-review-windows": {
        "task": "advisory_boards.tasks.drafts_advance",
        "schedule": crontab(hour=7, minute=0),
    },
    "loop-daily-reminders": {
        "task": "engagements.tasks.loop_send_reminders",
        "schedule": crontab(hour=7, minute=30),
    },
    # Periods and the on/off switch per rule are edited in the admin (Retention periods).
    "retention-daily": {
        "task": "engagements.tasks.retention_apply",
        "schedule": crontab(hour=3, minute=15),
    },
}

# --- Open data API (/api/v1/) -----------------------------------------------------------------------

# Anonymous, read-only, the same answer for everyone: no authentication, so no session, no CSRF and
# no chance of a signed-in person's view leaking into a cached public response.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    # The API's views name their throttle, pagination and schema class (engagements.api_base).
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # `format` is a filter of engagements (town hall, ride-out...); pick JSON or the browsable page
    # with the Accept header instead.
    "URL_FORMAT_OVERRIDE": None,
    # How many proxies append to X-Forwarded-For. 0 (the default) counts the connecting address and
    # ignores the header, which a client could forge to get a fresh allowance per request; behind a
    # load balancer set API_NUM_PROXIES so the throttle counts clients, not the balancer.
    "NUM_PROXIES": env.int("API_NUM_PROXIES", default=0),
}
# check --deploy warns until a deployment says how many proxies it has (engagements.checks).
PORTAL_API_NUM_PROXIES_SET = "API_NUM_PROXIES" in env.ENVIRON
# Requests per client address; read on every request (see engagements.api_base.PublicAPIThrottle).
PORTAL_API_RATE = env.str("API_RATE", default="120/minute")
PORTAL_API_MAX_AGE = env.int("API_MAX_AGE", default=60)
SPECTACULAR_SETTINGS = {
    "TITLE": "Engagement Portal open data API",
    "DESCRIPTION": (
        "Read-only public data of the engagement portal: published engagements, sessions, "
        "announcements, survey results (small groups suppressed), report-backs and accountability "
        "figures. No personal data. See docs/api.md."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "EngagementStatusEnum": "engagements.models.Status",
        "ActionStatusEnum": "engagements.models.ActionStatus",
        "SessionStatusEnum": "programs.models.SessionStatus",
        "SurveyStatusEnum": "surveys.models.SurveyStatus",
        "QuestionKindEnum": "surveys.models.QuestionKind",
    },
}

# --- Security ---------------------------------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)

# --- The agency -------------------------------------------------------------------------------------

PORTAL_AGENCY_NAME = env.str("AGENCY_NAME", default="Lakeside Police Department")
PORTAL_CONTACT_EMAIL = env.str("AGENCY_CONTACT_EMAIL", default=DEFAULT_FROM_EMAIL)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
