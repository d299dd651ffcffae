"""The short code printed in a label's QR code: /xac-minh/<code>/.

Ten characters of Crockford's base32 alphabet (digits and lower-case letters without
i, l, o, u), drawn with `secrets`: 32**10 ≈ 10**15 codes, so a code cannot be guessed from
another (the product's database id is never shown). Reading is forgiving as Crockford
intends: upper case is folded, O reads as 0 and I/L as 1, so a code typed from the sticker
by hand still opens the page.
"""

import re
import secrets

ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
LENGTH = 10
PATTERN = re.compile(rf"^[{ALPHABET}]{{{LENGTH}}}$")
_READ_AS = str.maketrans({"o": "0", "i": "1", "l": "1"})


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(text: str) -> str | None:
    """The code as stored, or None when `text` cannot be one (the page then answers 404)."""
    code = text.strip().lower().translate(_READ_AS).replace("-", "")
    return code if PATTERN.match(code) else None
