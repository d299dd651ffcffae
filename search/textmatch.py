"""Words, spellings and highlighting for both search backends, built on core.text."""

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

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


@lru_cache(maxsize=65_536)
def _folded_word(word: str) -> str:
    return fold(word)  # the same few thousand words come back in every page of results


def _matcher(tokens: list[str]):
    """word → whether it matches: any query word whole, the last one also as a prefix."""
    whole, last = set(tokens), tokens[-1]
    return lambda word: (folded := _folded_word(word)) in whole or folded.startswith(last)


def highlight(text: str, tokens: list[str]) -> SafeString:
    """`text` escaped, with words matching the folded query `tokens` wrapped in <mark>.

    The last token matches word prefixes (the buyer may still be typing). Nothing but
    our own <mark> tags is left unescaped.
    """
    if not text:
        return mark_safe("")  # noqa: S308 — constant
    if not tokens:
        return mark_safe(escape(text))  # noqa: S308 — escaped
    matches = _matcher(tokens)
    out, pos = [], 0
    for match in _WORD.finditer(text):
        if matches(match.group(0)):
            out.append(escape(text[pos:match.start()]))
            out.append(f"<mark>{escape(match.group(0))}</mark>")
            pos = match.end()
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))  # noqa: S308 — every piece above is escaped


def extract(text: str, tokens: list[str], size: int = EXTRACT_CHARS) -> SafeString:
    """A window of `text` around the first matching word, highlighted."""
    if not text or not tokens:
        return highlight(text[:size], tokens) if text else mark_safe("")  # noqa: S308
    start, matches = 0, _matcher(tokens)
    for match in _WORD.finditer(text):
        if matches(match.group(0)):
            start = max(0, match.start() - size // 4)
            break
    else:
        return mark_safe("")  # noqa: S308 — nothing matched in the description: show none
    window = text[start:start + size]
    prefix = "…" if start else ""
    suffix = "…" if start + size < len(text) else ""
    return mark_safe(f"{prefix}{highlight(window, tokens)}{suffix}")  # noqa: S308 — highlight escapes
