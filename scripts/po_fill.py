#!/usr/bin/env python
"""Fill Vietnamese translations into locale/vi/LC_MESSAGES/django.po and compile the .mo.

    python scripts/po_fill.py translations.json   # {"English msgid": "Vietnamese", ...}
    python scripts/po_fill.py --compile           # only recompile the .mo

A msgid not yet in the catalogue is added (so new strings can be translated before the
next `make messages`, which then adds their source references). Keys may carry a context
as "context\x04msgid", gettext's own separator.

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


def main(argv: list[str]) -> int:
    LOCK.parent.mkdir(exist_ok=True)
    with open(LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        po = polib.pofile(str(PO))
        missing = []
        if argv and argv[0] != "--compile":
            translations = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
            for key, msgstr in translations.items():
                context, _sep, msgid = key.rpartition("\x04")
                entry = po.find(msgid, msgctxt=context or False)
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
            po.save()
        po.save_as_mofile(str(PO.with_suffix(".mo")))
        left = [e.msgid for e in po if not e.translated() and not e.obsolete]
    for msgid in missing:
        print(f"added to the catalogue (`make messages` adds where it is used): {msgid!r}")
    print(f"{len(left)} untranslated entries left")
    for msgid in left[:50]:
        print(f"  {msgid!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
