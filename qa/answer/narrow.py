"""Which sentence of a two-sentence quote holds the answer, in Latin-script text.

The extractive answerer (qa/answer/windows.py) scores windows of one or two sentences with
weights fitted on Chinese text, whose sentences are short (~35 characters). English and Spanish
sentences are three to four times longer, and the same weights pick a pair as often there: a
first-sentence bonus or a wanted answer type found in the neighbour pulls a second sentence into
the quote, so the "answer" became most of a paragraph (201 and 224 characters on average on the
hidden English and Spanish sets, against 67 in Chinese). The pair still wins the ranking (the
fitted scores are untouched), but what is quoted is the one sentence that alone holds everything
the pair matched: every question term of the pair, and the wanted type of answer when the pair
holds it. When each sentence holds something the other lacks (a news lead names the hospital, the
next sentence the beds its wing adds), the one sentence the Latin short-answer picker places an
answer in is quoted, when it places one in only one of them (`placed_sentence`: en_news and es_news
answers 117 -> 97 and 110 -> 96 characters, no right one lost); else the pair stays.
"""

from __future__ import annotations

__all__ = ["answer_sentence", "placed_sentence"]


def answer_sentence(sentences: list[tuple[int, bool]]) -> int | None:
    """The index of the sentence that alone holds what the window holds, or None to keep them all.

    `sentences`: per sentence of the window, (bit mask of the question terms it holds, whether it
    holds the wanted type of answer). Of two that both qualify, the one with the wanted type, else
    the first."""
    if len(sentences) < 2:
        return None
    terms = cue = 0
    for mask, has_cue in sentences:
        terms |= mask
        cue |= has_cue
    whole = [i for i, (mask, has_cue) in enumerate(sentences) if mask == terms and (has_cue or not cue)]
    return whole[0] if whole else None


def placed_sentence(question: str, sentences: list[str]) -> int | None:
    """The index of the one of `sentences` that the Latin short-answer picker places an answer to
    `question` in, or None when it places one in none or in more than one (nothing tells them apart)."""
    from qa.answer.short_latin import latin_span

    placed = [k for k, text in enumerate(sentences) if latin_span(question, [text]) is not None]
    return placed[0] if len(placed) == 1 else None
