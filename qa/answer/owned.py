"""Which of several values of the asked kind in one sentence the question's words belong to
(`qa.answer.short`).

A sentence often gives two figures or dates of one kind: "发布5款侵入式新产品和2款非侵入式新产品",
"创新型中小企业8家、专精特新中小企业6家", "日均客流量稳定在30万人次左右，其中省外游客超2万人次".
The picker's first choice (the fence's first span, or the span nearest the question's words)
may be the first of them; the answer is the one whose own words say what the question names
beside its question word (几款|非侵入式新产品, 多少家|专精特新中小企业, 客流量大约|多少人次).

Each value's own words (`_own`) are cut from the sentence by the clauses and the list marks
between the values. A value scores the longest start of the question's words after its question
word that its own words hold and no other value's do (`_said`); where no value holds any, the
longest end of the words before it (the thing a 多少 question ends on: 客流量, 增长). The value
scoring most, alone, and more than the first choice, replaces it; anything else keeps the first
choice. A change asked (增长了多少) is said by any change word (增速为5.6%: `change_word`, read as one).
"""

from __future__ import annotations

import re

from qa.answer.spans import beside, sentences, strip_end
from qa.text import lexicon

__all__ = ["owner_span"]

_CLAUSE_END = lexicon.regex("clause_end")
_CUT = tuple(sorted(lexicon.words("list_mark") + lexicon.words("list_join"), key=len, reverse=True))
_HEDGE = tuple(sorted(lexicon.words("approximate"), key=len, reverse=True))  # 大约多少: no part of what is named
_CHANGE = re.compile("|".join(sorted(lexicon.words("change_word"), key=len, reverse=True)))
_CHANGE_AS = lexicon.words("change_word")[0]  # the one word every change word is read as
_TAIL = lexicon.regex("asked_tail")
_MIN = 2  # one character (的, 了, 年) is said by any clause


def owner_span(q: str, asked: re.Match, text: str, spans: list[tuple[int, int]],
               chosen: tuple[int, int]) -> tuple[int, int]:
    """Of `spans` in the sentence of `chosen`, the one whose own words alone hold most of the
    question's words beside its question word (the module's docstring), where it holds more than
    every other span and than `chosen`; else `chosen`."""
    sentence = next(((a, b) for a, b in sentences(text) if a <= chosen[0] < b), (0, len(text)))
    near = [s for s in spans if sentence[0] <= s[0] and s[1] <= sentence[1]]
    if len(near) < 2 or chosen not in near:
        return chosen
    before, after = beside(q, asked)
    before, after = _read(_unhedged(strip_end(before))), _read(_TAIL.sub("", after).removeprefix("的"))
    owns = [_read(words) for words in _own(text, near, sentence)]
    others = [owns[:i] + owns[i + 1:] for i in range(len(owns))]
    # the words after the question word first: in "X有多少Y" Y names the value, X (written once,
    # often in the first clause) the whole sentence's subject (皮划艇队共计40人，其中运动员23人)
    scores = [_said("", after, words, rest) for words, rest in zip(owns, others)]
    if not any(scores):
        scores = [_said(before, "", words, rest) for words, rest in zip(owns, others)]
    best = max(scores)
    if best < _MIN or scores.count(best) > 1 or best <= scores[near.index(chosen)]:
        return chosen
    return near[scores.index(best)]


def _own(text: str, spans: list[tuple[int, int]], sentence: tuple[int, int]) -> list[str]:
    """Each span's own words, the span itself left out (its unit is no word of the question's
    that it says). The clauses of the sentence before the first span's are every span's (the
    topic); the words after the last span the last span's (a clause without a value goes on with
    the one before: "1962年正式改制为县辖市，成为台北县首个县辖市"). Between two spans, the clause of
    each is its own and the clauses between are both's ("1966年开始的文化大革命中，田汉被打成右派，
    于1968年含冤去世"); in one clause the words are cut at the last list mark or conjunction
    ("5款侵入式新产品和2款", "8家、专精特新中小企业6家"), and spans joined by one alone are one
    list, whose words are all of theirs ("在2008年8月15日及8月16日在北京…举行")."""
    first = spans[0][0]
    split = max([sentence[0], *(m.end() for m in _CLAUSE_END.finditer(text, sentence[0], first))])
    topic = text[sentence[0]:split]
    own = [[topic, text[split:a] if i == 0 else "", "|"] for i, (a, _) in enumerate(spans)]
    joined = [False] * len(spans)
    for i, ((_, b), (a, _)) in enumerate(zip(spans, spans[1:])):
        gap = text[b:a]
        marks = list(_CLAUSE_END.finditer(text, b, a))
        if marks:
            shared = text[marks[0].end():marks[-1].start()]
            own[i] += [text[b:marks[0].start()], shared]
            own[i + 1][1:1] = [shared, text[marks[-1].end():a]]
            continue
        at, word = max(((text.rfind(w, b, a), w) for w in _CUT), default=(-1, ""))
        if at < 0:
            own[i].append(gap)
            own[i + 1][1:1] = [gap]
            continue
        joined[i] = not gap.replace(word, "", 1).strip()
        own[i].append(text[b:at])
        own[i + 1][1:1] = [text[at + len(word):a]]
    own[-1].append(text[spans[-1][1]:sentence[1]])
    words = ["|".join(w) for w in own]
    for i in range(len(spans) - 2, -1, -1):
        if joined[i]:
            words[i] = words[i + 1] = words[i] + "|" + words[i + 1]
    return words


def _said(before: str, after: str, words: str, others: list[str]) -> int:
    """The longest end of `before` or start of `after` (of `_MIN` characters or more) that `words`
    hold and none of `others` does; 0 for none."""
    ends = (k for k in range(len(before), _MIN - 1, -1)
            if before[-k:] in words and not any(before[-k:] in o for o in others))
    starts = (k for k in range(len(after), _MIN - 1, -1)
              if after[:k] in words and not any(after[:k] in o for o in others))
    return max(next(ends, 0), next(starts, 0))


def _unhedged(words: str) -> str:
    """The question's words before its question word without the hedge right before it (大约, 平均)."""
    while (cut := next((w for w in _HEDGE if words.endswith(w)), "")) and len(words) > len(cut):
        words = strip_end(words[:-len(cut)])
    return words


def _read(words: str) -> str:
    """`words` with each change word read as one (增速, 增幅, 增长率 -> 增长)."""
    return _CHANGE.sub(_CHANGE_AS, words)
