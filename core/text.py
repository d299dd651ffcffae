"""Vietnamese text folding: the one function search, slugs and sorting share.

NFC-normalise, strip tone and vowel marks, map đ→d, lower-case: "Nước mắm Phú Quốc"
folds to "nuoc mam phu quoc". Buyers type without diacritics on phones; everything that
compares Vietnamese text compares folded forms.
"""

import re
import unicodedata

from django.utils.text import slugify

# Word characters are letters, digits and "_"; everything else (spaces, punctuation,
# hyphens, dots) separates words, so "Shan-tuyết 1.5kg" is four words: shan, tuyết, 1, 5kg.
# Elasticsearch's standard tokenizer keeps each of these words whole, so both search
# backends see exactly the same words.
_SEPARATORS = re.compile(r"[^\w]+", re.UNICODE)


def fold(text: str) -> str:
    """Return `text` lower-cased with Vietnamese diacritics removed."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped).lower()


def vietnamese_slugify(text: str, max_length: int = 80) -> str:
    """An ASCII slug from Vietnamese text: "Mật ong Bạc Hà" → "mat-ong-bac-ha"."""
    return slugify(fold(text))[:max_length].strip("-")


def words(text: str) -> list[str]:
    """Lower-cased words of `text` with their diacritics (NFC), punctuation dropped."""
    return _SEPARATORS.sub(" ", unicodedata.normalize("NFC", text or "").lower()).split()


def fold_tokens(text: str) -> list[str]:
    """Folded words of `text`: the unit of search. `fold_tokens(t)[i]` is `fold(words(t)[i])`."""
    return words(fold(text))
