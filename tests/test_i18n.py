"""Five languages: pages render in the reader's language and direction, and every catalogue is
complete, current and compiled."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from tests.factories import EngagementFactory

ROOT = Path(settings.BASE_DIR)
CATALOGUES = sorted(ROOT.glob("locale/*/LC_MESSAGES/django.po"))
VENDOR_CATALOGUES = sorted(ROOT.glob("locale-vendor/*/LC_MESSAGES/django.po"))
LANGUAGE_DIRS = {"es", "vi", "zh_Hans", "ar"}


def _untranslated(catalogue: polib.POFile) -> list[str]:
    bad = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            bad.append(f"fuzzy: {entry.msgid}")
        elif entry.msgid_plural:
            if not entry.msgstr_plural or not all(entry.msgstr_plural.values()):
                bad.append(entry.msgid)
        elif not entry.msgstr:
            bad.append(entry.msgid)
    return bad


def test_there_is_a_catalogue_for_every_language_but_english():
    assert {path.parent.parent.name for path in CATALOGUES} == LANGUAGE_DIRS


@pytest.mark.parametrize(
    "path", CATALOGUES + VENDOR_CATALOGUES, ids=lambda p: str(p.relative_to(ROOT))
)
def test_every_msgid_is_translated(path):
    catalogue = polib.pofile(str(path))
    assert len(catalogue) > 0
    assert _untranslated(catalogue) == []


@pytest.mark.parametrize(
    "path", CATALOGUES + VENDOR_CATALOGUES, ids=lambda p: str(p.relative_to(ROOT))
)
def test_compiled_catalogue_matches_its_source(path):
    compiled = path.with_suffix(".mo")
    assert compiled.exists(), f"run `make messages` to compile {path}"
    source = {
        (e.msgctxt, e.msgid): (e.msgstr, dict(e.msgstr_plural))
        for e in polib.pofile(str(path))
        if e.translated()
    }
    built = {
        (e.msgctxt, e.msgid): (e.msgstr, dict(e.msgstr_plural))
        for e in polib.mofile(str(compiled))
        if e.msgid
    }
    assert built == source, f"{compiled} is stale: run `make messages`"


def test_vendor_catalogue_covers_every_allauth_string():
    import allauth

    allauth_es = Path(allauth.__file__).parent / "locale/es/LC_MESSAGES/django.po"
    wanted = {
        (e.msgctxt, e.msgid) for e in polib.pofile(str(allauth_es)) if e.msgid and not e.obsolete
    }
    have = {
        (e.msgctxt, e.msgid)
        for e in polib.pofile(str(ROOT / "locale-vendor/vi/LC_MESSAGES/django.po"))
    }
    assert wanted - have == set(), "run `make vendor-messages` and translate the new strings"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_catalogues_hold_every_string_of_the_source(tmp_path):
    """makemessages on a copy of the tree finds no msgid the committed catalogues lack."""
    copy = tmp_path / "src"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv",
            "node_modules",
            ".git",
            "staticfiles",
            "media",
            "*.mo",
            "__pycache__",
            ".*cache",
        ),
    )
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "es",
            "--no-location",
            "-i",
            "tests/*",
            "-i",
            "locale-vendor/*",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "engagement_portal.settings",
            "DEBUG": "1",
            "SQLITE_PATH": str(tmp_path / "unused.sqlite3"),
        },
    )
    fresh = {
        (e.msgctxt, e.msgid)
        for e in polib.pofile(str(copy / "locale/es/LC_MESSAGES/django.po"))
        if not e.obsolete
    }
    committed = {
        (e.msgctxt, e.msgid)
        for e in polib.pofile(str(ROOT / "locale/es/LC_MESSAGES/django.po"))
        if not e.obsolete
    }
    assert fresh - committed == set(), "new strings: run `make messages` and translate them"


@pytest.mark.django_db
def test_a_spanish_request_renders_spanish(client):
    EngagementFactory(title_en="Coffee with a Cop", title_es="Café con un policía")
    response = client.get("/es/")
    body = response.content.decode()
    with translation.override("es"):
        take_part = translation.gettext("Take part")
        open_now = translation.gettext("Open now")
    assert take_part != "Take part"
    assert take_part in body
    assert open_now in body
    assert "Café con un policía" in body
    assert '<html lang="es" dir="ltr">' in body


@pytest.mark.django_db
def test_an_arabic_request_renders_right_to_left(client):
    body = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in body
    assert "bootstrap.rtl.min.css" in body
    assert "portal-rtl.css" in body
    with translation.override("ar"):
        assert translation.gettext("Skip to main content") in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "direction"),
    [("en", "ltr"), ("es", "ltr"), ("vi", "ltr"), ("zh-hans", "ltr"), ("ar", "rtl")],
)
@pytest.mark.parametrize(
    "path", ["", "engagements/", "account/login/", "account/signup/", "accessibility/", "privacy/"]
)
def test_every_page_declares_language_and_direction(client, code, direction, path):
    response = client.get(f"/{code}/{path}")
    assert response.status_code == 200
    body = response.content.decode()
    assert f'<html lang="{code}" dir="{direction}">' in body
    assert 'class="skip-link" href="#main"' in body
    assert '<main id="main"' in body
    assert 'id="language-select"' in body


@pytest.mark.django_db
def test_allauth_pages_are_vietnamese_too(client):
    body = client.get("/vi/account/login/").content.decode()
    assert "Sign In" not in body
    with translation.override("vi"):
        assert translation.gettext("Sign In") != "Sign In"
