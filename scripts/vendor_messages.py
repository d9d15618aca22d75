"""Refresh locale-vendor/vi: the Vietnamese catalogue for third-party apps that ship none.

Takes the msgids from those apps' Spanish catalogues (the most complete ones they ship), keeps every
translation already made, and adds new msgids with an empty msgstr for a translator. The test suite
fails while any msgstr is empty.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "locale-vendor/vi/LC_MESSAGES/django.po"
SOURCES = ("allauth", "phonenumber_field")


def source_catalogues() -> list[Path]:
    import importlib

    paths = []
    for package in SOURCES:
        module = importlib.import_module(package)
        paths.append(Path(module.__file__).parent / "locale/es/LC_MESSAGES/django.po")
    return paths


def main() -> int:
    existing = polib.pofile(str(TARGET)) if TARGET.exists() else polib.POFile()
    known = {(entry.msgctxt, entry.msgid): entry for entry in existing}
    refreshed = polib.POFile()
    refreshed.header = existing.header
    refreshed.metadata = existing.metadata or {
        "Language": "vi",
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    seen = set()
    for path in source_catalogues():
        for source in polib.pofile(str(path)):
            key = (source.msgctxt, source.msgid)
            if source.obsolete or not source.msgid or key in seen:
                continue
            seen.add(key)
            entry = known.get(key) or polib.POEntry(
                msgid=source.msgid, msgctxt=source.msgctxt, msgstr=""
            )
            if source.msgid_plural and not entry.msgid_plural:
                entry.msgid_plural = source.msgid_plural
                entry.msgstr_plural = {0: ""}
            refreshed.append(entry)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    refreshed.save(str(TARGET))
    refreshed.save_as_mofile(str(TARGET.with_suffix(".mo")))
    missing = sum(1 for entry in refreshed if not entry.translated())
    print(f"{TARGET.relative_to(ROOT)}: {len(refreshed)} entries, {missing} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
