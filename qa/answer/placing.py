"""What the Latin short-answer picker places in a cut of a long English or Spanish sentence
(`qa.answer.clauses` quotes a run of its phrases): whether two cuts place the same answer, and
whether the question asks a kind of span the picker reads by its form, so that a cut placing the
same answer as a longer one holds the answer as well; and a cut past the budget ended after the
year, date or figure it places.
"""

from __future__ import annotations

from qa.answer.latin_question import asked as read_question
from qa.answer.phrase_words import stop_words, term_masks
from qa.answer.short_latin import latin_span
from qa.text.paraphrase import plain
from qa.text.sentences import Span

__all__ = ["kind_named", "same_answer", "trimmed"]

# The kinds the picker reads by their form (a name's capitals, a year's or a figure's digits)
_FORMED = ("person", "place", "year", "date", "number")
# Of those, the kinds told by their digits: a cut past the answer of one of these is trimmed
_DIGITS = ("year", "date", "number")


def same_answer(question: str, quote: str, shorter: str) -> bool:
    """Does the Latin short-answer picker place the same answer in `shorter` as in `quote`?"""
    a, b = latin_span(question, [quote]), latin_span(question, [shorter])
    return a is not None and b is not None and quote[a[1]:a[2]] == shorter[b[1]:b[2]]


def kind_named(question: str) -> bool:
    """Does `question` ask a span of a kind the picker reads by its form (`_FORMED`) or name the kind
    of thing it asks ("Which castle…", «¿Qué río…?»)? Not «¿Por qué se…?», whose "noun" the
    question reader takes to be «se»: a function word names no kind."""
    asked = read_question(question)
    if asked is None:
        return False
    if asked.wants != "which":
        return asked.wants in _FORMED
    return any(plain(w) not in stop_words() for w in asked.noun)


def trimmed(text: str, span: Span, question: str, terms: tuple[str, ...], parts: list[Span],
            out: tuple[int, int], budget: int) -> tuple[int, int]:
    """`out`, a cut of the sentence `span` of `text` past `budget`, ended at the first phrase end
    (of `parts`) after the answer the picker places in it, when the question asks a year, a date or
    a figure (`_DIGITS`), the picker places the same answer in the shorter cut, and the phrases
    dropped hold at most one question term the cut holds and no other span of the kind asked (a rival
    reading: `clauses._extended` quotes both) ("Medía unos 22 metros de eslora y
    funcionaba con baterías…, | lo que lo convirtió en uno de los primeros submarinos…" for «¿Qué
    longitud tenía la nave?» ends at the first phrase). Measured on the real path (session 14, after `clauses._cored`): 10 en/es dev
    answers 24-101 characters shorter, none lost, nothing else moved. Not for persons, places or a
    kind named ("In which town…"): the picker reads any capitalised run as one, and the trim lost
    four en/es dev answers whose answer came after the name it placed."""
    asked = read_question(question)
    if out[1] - out[0] <= budget or asked is None or asked.wants not in _DIGITS:
        return out
    quote = text[out[0]:out[1]]
    placed = latin_span(question, [quote])
    if placed is None:
        return out
    _, masks = term_masks(question, terms, text, span, parts)
    inside = [(p, m) for p, m in zip(parts, masks) if p.start < out[1] and p.end > out[0]]
    held = kept = 0
    for _p, m in inside:
        held |= m
    for p, m in inside:
        kept |= m
        end = p.end - (text[p.end - 1] in ",:;")
        if end >= out[1]:
            break
        if end >= out[0] + placed[2] and (held & ~kept).bit_count() <= 1 \
                and latin_span(question, [text[end:out[1]]]) is None \
                and same_answer(question, quote, text[out[0]:end]):
            return out[0], end
    return out
