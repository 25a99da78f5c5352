"""The edges of a short answer's span, shared by the picker (`qa.answer.short`) and its second
look at paraphrased sentences (`qa.answer.loose`): the particles, verbs and lead words that join a
span to the words around it and are no part of it, read from the lexicon ("short answers"); and
the pieces every pass of the picker reads a question and a quote by, written once: the words of
the question's clause beside its question word, a quote's sentences, the start of the clause a
place stands in, the character pairs of some words.

The sentences and clauses are cut at every mark of the lexicon's `sentence_stop` and `clause_end`,
not by `qa.text.sentences.split_sentences` (which reads abbreviations and Latin text): the passes
were written and measured on these plain cuts."""

from __future__ import annotations

import re

from qa.text import lexicon
from qa.text.questions import question_terms

__all__ = ["CLOSING", "EDGE", "LEAD", "OPENING", "PERSON_LEAD", "PLACE_LEAD", "SPEECH", "after_place_word", "balanced", "beside",
           "clause_start", "joined_pairs", "longest_first", "marked", "nearest", "noun", "pairs", "sentences", "strip_end", "trim"]


def longest_first(*classes: tuple[str, ...]) -> tuple[str, ...]:
    """The words of `classes` together, longest first: a longer word is matched before a shorter
    one it starts or ends with (约为 before 约, 之一 before 一)."""
    return tuple(sorted(sum(classes, ()), key=len, reverse=True))


EDGE = set(lexicon.words("span_edge"))
PLACE_LEAD = lexicon.words("place_lead")
PERSON_LEAD = lexicon.words("person_lead")
# a span also drops an article count it starts with (一位葡萄牙F1赛车手 -> 葡萄牙F1...): empty_span
LEAD = longest_first(lexicon.words("span_lead"), lexicon.words("empty_span"))
# a verb of saying ends the person before it (张其军介绍); not 任, 说: they stand inside words (主任, 传说)
SPEECH = re.compile("|".join(w for w in lexicon.words("speech_verb") if len(w) > 1))
_NAMING = tuple(lexicon.words("naming_word"))
_OPEN = lexicon.words("term_open")
_CLOSE = lexicon.words("term_close")
_PAIRS = dict(zip("（(《“「『", "）)》”」』"))  # opening -> closing bracket or quotation mark
OPENING, CLOSING = "".join(_PAIRS), "".join(_PAIRS.values())
_CLAUSE_END = lexicon.regex("clause_end")
_SENTENCE_END = lexicon.regex("sentence_stop")


def beside(q: str, asked: re.Match) -> tuple[str, str]:
    """The words of the question's clause before its question word `asked` and after it, as written
    (位于哪个城市 -> 位于, 城市 of its clause)."""
    return _CLAUSE_END.split(q[:asked.start()])[-1], _CLAUSE_END.split(q[asked.end():])[0]


def sentences(text: str) -> list[tuple[int, int]]:
    """Each sentence of `text` as (start, stop), its closing mark inside it; the last runs to the
    text's end (empty when the text ends with a mark)."""
    stops = [*(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]
    return list(zip([0, *stops[:-1]], stops))


def clause_start(text: str, at: int, start: int = 0) -> int:
    """Where the clause holding `at` starts: after the last clause end (`clause_end`) of
    text[start:at], or `start`."""
    ends = [m.end() for m in _CLAUSE_END.finditer(text, start, at)]
    return ends[-1] if ends else start


def pairs(*words: str) -> set[str]:
    """The pairs of characters of each of `words`, none across two of them: how much of a
    question a span or a clause says is read by pairs, which need no segmenter."""
    return {w[i:i + 2] for w in words for i in range(len(w) - 1)}


def joined_pairs(text: str) -> set[str]:
    """The pairs of characters of `text` that are letters, digits or Han, none across a mark or a
    space (体系，是): the pairs a clause shares with a question whatever its punctuation."""
    return {text[i:i + 2] for i in range(len(text) - 1) if text[i].isalnum() and text[i + 1].isalnum()}


def noun(words: str) -> int:
    """How much of the words after 哪个/哪所 is the noun asked for (哪所大学毕业 -> 大学): up to the
    first joining word, at most 4 characters."""
    n = 0
    while n < min(len(words), 4) and words[n] not in EDGE:
        n += 1
    return n


def strip_end(words: str) -> str:
    while words and words[-1] in EDGE and not words.endswith(_NAMING):  # 简称 keeps its 称
        words = words[:-1]
    return words


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without spaces, punctuation or the particles and verbs that join it to its fence
    (位于, 包括: `span_lead`)."""
    while start < end:
        lead = next((w for w in LEAD if text.startswith(w, start, end)), "")
        if lead:
            start += len(lead)
        elif (text[start] in EDGE or not text[start].isalnum()) and text[start] != "《":
            start += 1
        else:
            break
    while end > start and (text[end - 1] in EDGE or not text[end - 1].isalnum()) and text[end - 1] not in "》%％":
        if text.endswith(_NAMING, start, end):
            break  # 统称, 简称: a naming word keeps its 称
        end -= 1
    return start, end


def after_place_word(text: str, start: int, end: int, leads: tuple[str, ...]) -> tuple[int, int]:
    """A place asked for is named after the last locative word in its fence (在, 于), a person
    after 由 or 被: what comes before it says when or who ("1999年8月28日乐团于台北市立体育场" ->
    台北市立体育场)."""
    cut = max((text.rfind(w, start, end - 1) + len(w) for w in leads if text.rfind(w, start, end - 1) >= 0),
              default=start)
    return trim(text, cut, end) if cut > start else (start, end)


def marked(text: str, start: int, end: int) -> tuple[int, int]:
    """The term a span sets in quotation marks, without what the sentence says before it (因此此店
    亦以「太史五蛇羹」 -> 太史五蛇羹): the span after its one opening mark, up to the closing one."""
    opened = [i for i in range(start + 1, end) if text[i] in _OPEN]
    if len(opened) != 1 or any(c in text[start - 1:opened[0]] for c in _CLOSE):
        return start, end  # none, or several terms (“夜香花”、“夜兰香”): the span as it is
    close = next((i for i in range(opened[0] + 1, end) if text[i] in _CLOSE), end)
    got = trim(text, opened[0] + 1, close)
    return got if got[1] - got[0] >= 2 else (start, end)


def balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without a closing bracket or mark at its end whose opening one it lacks, nor an
    opening one at its start that it does not close ("2025—2030年)" of "(2025—2030年)" is 2025—2030年)."""
    closing = {c: o for o, c in _PAIRS.items()}
    while end > start and text[end - 1] in closing and \
            text.count(closing[text[end - 1]], start, end) < text.count(text[end - 1], start, end):
        end -= 1
    while start < end and text[start] in _PAIRS and \
            text.count(_PAIRS[text[start]], start, end) < text.count(text[start], start, end):
        start += 1
    return start, end


def nearest(q: str, text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """Of `spans`, the one nearest to the question's words in text[start:end]; where it says none of
    them, the only one (the same words written twice are one: 日本…日本), else None."""
    if not spans:
        return None
    anchors = [start + m.start() for t in question_terms(q) for m in re.finditer(re.escape(t), text[start:end])]
    if not anchors:
        return spans[0] if len({text[a:b] for a, b in spans}) == 1 else None
    return min(spans, key=lambda s: min(abs(s[0] - a) for a in anchors))
