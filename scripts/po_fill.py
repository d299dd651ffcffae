#!/usr/bin/env python
"""Fill Vietnamese translations into locale/vi/LC_MESSAGES/django.po and compile the .mo.

    python scripts/po_fill.py translations.json   # {"English msgid": "Vietnamese", ...}
    python scripts/po_fill.py --compile           # only recompile the .mo

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
            for msgid, msgstr in translations.items():
                entry = po.find(msgid)
                if entry is None:
                    missing.append(msgid)
                    continue
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
        print(f"not in catalogue (run `make messages` first): {msgid!r}")
    print(f"{len(left)} untranslated entries left")
    for msgid in left[:50]:
        print(f"  {msgid!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
