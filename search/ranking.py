"""How relevance is scored: one table that both backends follow, so a query puts the same
things first whichever backend answers (the database backend adds these points in SQL,
the Elasticsearch backend as constant-score clauses and a function score).

Matching is not scored: every folded query word must appear somewhere in the entry's text
(name, description, store, group, province), the last one as a word prefix because the
buyer may still be typing. Among the matches:

per query word
    NAME_WORD     the word is in the name (folded: "mat" finds "Mật")
    EXACT_NAME    the word was typed with diacritics and is spelled so in the name
    EXACT_TEXT    ... and spelled so anywhere in the text ("đậu" ranks Đậu phộng above Dầu tràm)
once per query
    PHRASE        two words or more, together and in order in the name
    WHOLE_LAST    the last word is a whole word of the name ("tra": Trà before Tráng)
    NAME_STARTS   the name starts with the whole query ("mắm": Mắm ruốc before Nước mắm)
and for every entry
    STAR          per verified OCOP star (only verified, unexpired certificates count)
    IN_STOCK      the product can be bought now

NAME_STARTS outweighs the most any entry gets from stars and stock (5 + 1): a Vietnamese
product name starts with what the thing is, so "mật ong" puts honey above honey sweets.
Ties are broken by the newest publication, then by kind and id.
"""

NAME_WORD = 10
EXACT_NAME = 6
EXACT_TEXT = 3
PHRASE = 8
WHOLE_LAST = 3
NAME_STARTS = 7
STAR = 1
IN_STOCK = 1


def typed_with_diacritics(folded: list[str], exact: list[str]) -> list[bool]:
    """For each query word, whether the buyer typed it with diacritics (so its exact spelling counts)."""
    return [e != f for f, e in zip(folded, exact, strict=False)]
