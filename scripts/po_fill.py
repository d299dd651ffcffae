#!/usr/bin/env python
"""Fill Vietnamese translations into locale/vi/LC_MESSAGES/django.po and compile the .mo.

    python scripts/po_fill.py translations.json   # {"English msgid": "Vietnamese", ...}
    python scripts/po_fill.py --compile           # only recompile the .mo

A msgid not yet in the catalogue is added (so new strings can be translated before the
next `make messages`, which then adds their source references). Keys may carry a context
as "context\x04msgid", gettext's own separator.

    python scripts/po_fill.py --wagtail tr.json   # Wagtail's (and Django's) strings their Vietnamese lacks
    python scripts/po_fill.py --wagtail-js tr.json  # the same for the admin's scripts (djangojs)

Wagtail's missing translations live in their own catalogues, locale_wagtail/vi/LC_MESSAGES
(second in LOCALE_PATHS): `make messages` rewrites locale/ from the project's sources and
would drop them there. A msgid Wagtail does not have is refused, and plural forms and flags
are copied from Wagtail's English catalogue.

Plural entries take a list ["one form"] (Vietnamese has one plural form). Runs under a
file lock so several people (or helpers) can fill the shared catalogue in turn. Uses
polib, so no GNU gettext is needed; `make messages` (which does need it) extracts new
strings first.
"""

import fcntl
import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"
LOCK = ROOT / "var" / ".messages.lock"
WAGTAIL_PO = {"--wagtail": ROOT / "locale_wagtail" / "vi" / "LC_MESSAGES" / "django.po",
              "--wagtail-js": ROOT / "locale_wagtail" / "vi" / "LC_MESSAGES" / "djangojs.po"}


def wagtail_entries(domain: str) -> dict:
    """{(msgctxt, msgid): entry} of the English catalogues of Wagtail and what its admin
    shows of django-taggit and Django ("5 minutes ago")."""
    import django
    import taggit
    import wagtail

    found = {}
    for package in (wagtail, taggit, django):
        base = Path(package.__file__).parent / ("conf" if package is django else "")
        for path in sorted(base.glob(f"**/locale/en/LC_MESSAGES/{domain}.po")):
            for entry in polib.pofile(str(path)):
                found.setdefault((entry.msgctxt, entry.msgid), entry)
    return found


def open_catalogue(path: Path):
    if path.exists():
        return polib.pofile(str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    po = polib.POFile()
    po.metadata = {"Project-Id-Version": "Chợ Số OCOP (Wagtail admin)", "Language": "vi",
                   "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
                   "Content-Transfer-Encoding": "8bit", "Plural-Forms": "nplurals=1; plural=0;"}
    return po


def main(argv: list[str]) -> int:
    LOCK.parent.mkdir(exist_ok=True)
    target = argv.pop(0) if argv and argv[0] in WAGTAIL_PO else None
    path = WAGTAIL_PO[target] if target else PO
    source = wagtail_entries("djangojs" if target == "--wagtail-js" else "django") if target else None
    with open(LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        po = open_catalogue(path)
        missing = []
        if argv and argv[0] != "--compile":
            translations = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
            for key, msgstr in translations.items():
                context, _sep, msgid = key.rpartition("\x04")
                entry = po.find(msgid, msgctxt=context or False)
                if entry is None and source is not None:
                    original = source.get((context or None, msgid))
                    if original is None:
                        print(f"not a Wagtail msgid, left out: {key!r}")
                        continue
                    entry = polib.POEntry(msgid=msgid, msgctxt=original.msgctxt, msgid_plural=original.msgid_plural,
                                          flags=[f for f in original.flags if f != "fuzzy"],
                                          occurrences=original.occurrences[:3])
                    po.append(entry)
                if entry is None and isinstance(msgstr, list):
                    missing.append(f"{msgid} (plural: run `make messages` first)")
                    continue
                if entry is None:
                    entry = polib.POEntry(msgid=msgid, msgctxt=context or None)
                    po.append(entry)
                    missing.append(msgid)
                if entry.msgid_plural:
                    forms = msgstr if isinstance(msgstr, list) else [msgstr]
                    entry.msgstr_plural = dict(enumerate(forms))
                else:
                    entry.msgstr = msgstr
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
            po.save(str(path))
        po.save_as_mofile(str(path.with_suffix(".mo")))
        left = [e.msgid for e in po if not e.translated() and not e.obsolete]
    for msgid in missing:
        print(f"added to the catalogue (`make messages` adds where it is used): {msgid!r}")
    print(f"{len(left)} untranslated entries left")
    for msgid in left[:50]:
        print(f"  {msgid!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
