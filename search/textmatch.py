"""Word lists and highlighting for the database backend, built on core.text.fold."""

import re
from collections import Counter
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.text import fold, fold_tokens
from core.text import words as exact_tokens

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TOKENS = 8
EXTRACT_CHARS = 160


def padded(words: list[str]) -> str:
    """" w1 w2 ": a word is then `" w "`, a word prefix `" w"` (LIKE patterns, no regex)."""
    return f" {' '.join(words)} "


def query_tokens(text: str) -> tuple[list[str], list[str]]:
    """(folded, exact) words of a query, at most MAX_TOKENS."""
    return fold_tokens(text)[:MAX_TOKENS], exact_tokens(text)[:MAX_TOKENS]


def spellings(names: Iterable[str]) -> dict[str, Counter]:
    """{folded word: Counter of its spellings with diacritics} over `names`: how "mat" is
    written back as "mật" in a "did you mean" (both backends)."""
    found: dict[str, Counter] = {}
    for name in names:
        for folded, exact in zip(fold_tokens(name), exact_tokens(name), strict=False):
            found.setdefault(folded, Counter())[exact] += 1
    return found


def _matches(word: str, tokens: list[str]) -> bool:
    folded = fold(word)
    return any(folded == t or (i == len(tokens) - 1 and folded.startswith(t)) for i, t in enumerate(tokens))


def highlight(text: str, tokens: list[str]) -> SafeString:
    """`text` escaped, with words matching the folded query `tokens` wrapped in <mark>.

    The last token matches word prefixes (the buyer may still be typing). Nothing but
    our own <mark> tags is left unescaped.
    """
    if not text:
        return mark_safe("")  # noqa: S308 — constant
    out, pos = [], 0
    for match in _WORD.finditer(text):
        out.append(escape(text[pos:match.start()]))
        word = match.group(0)
        out.append(f"<mark>{escape(word)}</mark>" if tokens and _matches(word, tokens) else escape(word))
        pos = match.end()
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))  # noqa: S308 — every piece above is escaped


def extract(text: str, tokens: list[str], size: int = EXTRACT_CHARS) -> SafeString:
    """A window of `text` around the first matching word, highlighted."""
    if not text or not tokens:
        return highlight(text[:size], tokens) if text else mark_safe("")  # noqa: S308
    start = 0
    for match in _WORD.finditer(text):
        if _matches(match.group(0), tokens):
            start = max(0, match.start() - size // 4)
            break
    else:
        return mark_safe("")  # noqa: S308 — nothing matched in the description: show none
    window = text[start:start + size]
    prefix = "…" if start else ""
    suffix = "…" if start + size < len(text) else ""
    return mark_safe(f"{prefix}{highlight(window, tokens)}{suffix}")  # noqa: S308 — highlight escapes
