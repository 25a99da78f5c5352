"""Short answers news and encyclopaedic text write inside a construction the question words do not
fence: the frame around the question word (在哪个部门的指导下 over "在国家药监局指导下" -> 国家药监局;
在刚刚结束的哪项运动会上 over "在刚刚结束的十五运会上" -> 十五运会), the actor written as the subject
of the question's verb (是哪个部门印发的 over "市场监管总局近期印发《…》" -> 市场监管总局; 是由哪家机构
牵头发布的 over "…研究院已牵头发布国内首个…标准"), and the place written before the thing as its
modifier (国欧物流仓储中心位于哪个城市 over "走进黑龙江省黑河市的国欧物流仓储中心" -> 黑河市).

`qa.answer.short` looks for the answer between the words the question writes before and after its
question word; these sentences hold those words with something between them (的 dropped, an
adverb such as 近期 or 已, a category the sentence names by its instance) or in another order, so
no fence is found. Each construction is checked by the question's other words: the sentence says
most of them where the construction puts them. Read only where nothing else placed an answer
(`qa.answer.short.pick`, constructions=True), so no quote that placed one moves. The words are data
(`qa/text/lexicon/zh.toml`, "short answers": frame_close, actor_adverb, place_level, place_kind).
"""

from __future__ import annotations

import re

from qa.answer.spans import clause_start, joined_pairs, longest_first, trim
from qa.text import lexicon

__all__ = ["actor", "before_predicate", "framed", "modifier_place"]

FRAME_CHARS = 16  # what a frame holds is a name, not a clause
PREDICATE_CHARS = 3  # the question's words after the thing asked, as the sentence writes them: more than a particle
NOUN_CHARS = 2  # the noun after 哪个 (部门, 机构): what follows it in the frame the sentence writes too
COVER = 0.5  # share of the question's other words (pairs of characters) the sentence must say
_CLAUSE_END = lexicon.regex("clause_end")
_SENTENCE_END = lexicon.regex("sentence_stop")
_QUESTION_BREAK = re.compile(f"{lexicon.pattern('sentence_stop')}|[,，]")
_CLOSE = longest_first(lexicon.words("frame_close"))
_ADVERB = longest_first(lexicon.words("actor_adverb"))
_NOT_SUBJECT = tuple(lexicon.words("not_subject"))
_OPENER = tuple(lexicon.words("not_subject_start"))
_LEVEL = lexicon.words("place_level")
_KINDS = lexicon.glossary("place_kind")
_WHICH = "".join(lexicon.words("which_measure"))
_BY = tuple(lexicon.words("actor_q_lead"))
_COPULA = longest_first(_BY, lexicon.words("cleft_copula"))
_PLACE_VERB = tuple(lexicon.words("located_q"))
_PERSON = lexicon.regex("q_person")


def _says(words: str, window: str) -> bool:
    """Whether `window` holds most (`COVER`) of the pairs of characters of `words`."""
    pieces = joined_pairs(words)
    return bool(pieces) and len(pieces & joined_pairs(window)) >= COVER * len(pieces)


def _clause(q: str, asked: re.Match) -> tuple[int, int]:
    """The question's clause around its question word: a bracket inside it (办法(试行)) does not end it."""
    starts = [m.end() for m in _QUESTION_BREAK.finditer(q, 0, asked.start())]
    stop = _QUESTION_BREAK.search(q, asked.end())
    return (starts[-1] if starts else 0), (stop.start() if stop else len(q))


def _sentence(text: str, at: int) -> tuple[int, int]:
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    stop = _SENTENCE_END.search(text, at)
    return (starts[-1] if starts else 0), (stop.start() if stop else len(text))


def _name(text: str, start: int, end: int, q: str, limit: int) -> tuple[int, int] | None:
    """The span trimmed, when it is a name or a noun: two characters or more, at most `limit`, none
    of the question's own words, no digit (a date), no word that says more than a name (的, 是)."""
    start, end = trim(text, start, end)
    got = text[start:end]
    if not 2 <= end - start <= limit or got in q or _CLAUSE_END.search(got) or any(c.isdigit() for c in got):
        return None
    if any(w in got for w in _NOT_SUBJECT) or got.startswith(_OPENER):
        return None
    return start, end


def framed(q: str, asked: re.Match, text: str, limit: int) -> tuple[int, int] | None:
    """The name a sentence writes in the frame the question puts its question word in: 在 + the
    question's words before it + X + a closing word (上, 下, 中, 期间: `frame_close`). The words
    between the question's noun and the closing one go too when the sentence writes them (在哪个部门
    的指导下, 在哪个部门指导下 over 在国家药监局指导下: 指导, after 的 or after a noun of two characters);
    a noun the question asks by may be left unwritten when words before it open the frame (在刚刚结束的
    哪项全国性运动会上 over 在刚刚结束的十五运会上). The question's other words must be the sentence's."""
    start, stop = _clause(q, asked)
    at = q.rfind("在", start, asked.start())
    shut = min(((i, w) for w in _CLOSE if (i := q.find(w, asked.end(), stop)) >= 0), default=None)
    if at < 0 or shut is None:
        return None
    close = shut[1]
    lead = q[at + 1:asked.start()]
    inner = q[asked.end():shut[0]]
    said = inner.rsplit("的", 1)[1] if "的" in inner else inner[NOUN_CHARS:] if len(inner) > NOUN_CHARS + 1 else ""
    frames = [w + close for w in ([said] if said else []) + ([""] if len(lead) >= 2 else [])]
    if not frames:
        return None  # 在哪里上: nothing in the frame but the question word
    rest = q[:at] + q[shut[0] + len(close):]
    for frame in frames:
        for m in re.finditer(re.escape("在" + lead), text):
            end = _CLAUSE_END.search(text, m.end())
            end = end.start() if end else len(text)
            shut = next((i for i in range(m.end() + 2, end) if text.startswith(frame, i)), None)
            if shut is None or (rest and not _says(rest, text[slice(*_sentence(text, m.start()))])):
                continue
            found = _name(text, m.end(), shut, q, min(limit, FRAME_CHARS))
            if found:
                return found
    return None


def actor(q: str, asked: re.Match, text: str, limit: int) -> tuple[int, int] | None:
    """Who did what the question asks by its verb: the subject of the clause in which the sentence
    writes that verb, without the adverbs before the verb (近期, 已: `actor_adverb`) and anything
    before a 由; the sentence writes the thing done (the question's other words) after the verb."""
    found = _deed(q, asked, text)
    if found is None:
        return None
    verb, done = found
    for m in re.finditer(re.escape(verb), text):
        if not _says(done, text[m.end():_sentence(text, m.end())[1]]):
            continue
        begin, end = clause_start(text, m.start()), m.start()
        while True:
            adverb = next((w for w in _ADVERB if text.endswith(w, begin, end)), "")
            if not adverb:
                break
            end -= len(adverb)
        by = text.rfind("由", begin, end)
        begin = by + 1 if by >= 0 else begin
        if any(w in text[begin:end] for w in _NOT_SUBJECT):
            continue  # 在中国东北新发现: a place or a clause before the verb, not who did it
        found = _name(text, begin, end, q, limit)
        if found:
            return found
    return None


def _deed(q: str, asked: re.Match, text: str) -> tuple[str, str] | None:
    """The question's verb as `text` writes it and the thing done, for the questions that ask who did
    it: a cleft (是哪个部门印发的, 是谁发明的: the verb the longest end of the words after the question
    word that `text` holds, the thing done the words before 是), 由哪个X V or 被哪个X V, and a question
    opening with 哪个X (哪个部门印发了《…》: the verb the longest start of the words after the noun, the
    thing done what follows it)."""
    word = asked.group(0)
    if not (word.startswith("哪") or _PERSON.fullmatch(word)):
        return None
    start, stop = _clause(q, asked)
    tail = q[asked.end():stop]
    head = q[start:asked.start()]
    copula = next((c for c in _COPULA if head.endswith(c)), "")
    opening = not head and word.startswith("哪")
    if not (opening or copula in _BY or (copula and tail.endswith("的"))):
        return None  # only those: 是哪一个国家的城市 asks a thing of X, 派谁夺取 someone sent
    tail = tail.removesuffix("的").removesuffix("了")
    if "的" in tail and not opening:
        return None  # 是哪一个国家的城市: a thing of X, not what X did
    if word.startswith("哪") and tail[:1] in _WHICH and word[-1] not in _WHICH:
        tail = tail[1:]  # 哪一|个国家: the measure word, not the noun (哪个|部门: 部 is the noun's)
    if opening:
        words = tail[NOUN_CHARS:]
        verb = next((words[:i] for i in range(len(words), 1, -1) if words[:i] in text), "")
        return (verb, words[len(verb):].lstrip("了")) if verb and "的" not in verb else None
    verb = next((tail[i:] for i in range(len(tail) - 1) if tail[i:] in text), "")
    done = head[:-len(copula)]
    return (verb, done) if len(verb) >= 2 and len(done) >= 2 else None


def before_predicate(q: str, asked: re.Match, text: str) -> tuple[int, int] | None:
    """The thing a question asks by its modifier and what it says of it (李远清团队做的哪款产品在美国卖得
    很火 over "团队研发的脑机接口正念冥想系统在美国热销"): the words the sentence writes right before the
    longest start (`PREDICATE_CHARS` or more) of the question's words after its noun, back to the
    sentence's last 的 or its clause's start, when that clause says a pair of the modifier's characters."""
    start, stop = _clause(q, asked)
    head = q[start:asked.start()]
    if not asked.group(0).startswith("哪") or not head.endswith("的"):
        return None
    tail = q[asked.end():stop]
    if asked.group(0) == "哪" or (tail[:1] in _WHICH and asked.group(0)[-1] not in _WHICH):
        tail = tail[1:]  # 哪款, 哪一|个: the measure word
    words = tail[NOUN_CHARS:]
    said = next((words[:i] for i in range(len(words), PREDICATE_CHARS - 1, -1) if words[:i] in text), "")
    if not said:
        return None
    for m in re.finditer(re.escape(said), text):
        begin = clause_start(text, m.start())
        if not joined_pairs(head) & joined_pairs(text[begin:m.start()]):
            continue
        cut = text.rfind("的", begin, m.start())
        found = _name(text, cut + 1 if cut >= 0 else begin, m.start(), q, FRAME_CHARS)
        if found:
            return found
    return None


def modifier_place(q: str, asked: re.Match, text: str) -> tuple[int, int] | None:
    """Where a thing is, written before it as its modifier (走进黑龙江省黑河市的国欧物流仓储中心 for
    国欧物流仓储中心位于哪个城市): the place before "的" + the question's thing, of the kind the
    question asks by (城市: ending in 市, 景区: in 景区: `place_kind`), from after the level above it
    (省 of 黑龙江省黑河市: `place_level`)."""
    start, stop = _clause(q, asked)
    head = q[start:asked.start()]
    verb = next((v for v in _PLACE_VERB if head.endswith(v)), "")
    noun = q[asked.end():stop] or asked.group(0).lstrip("哪").lstrip(_WHICH)
    ending = next((e for kinds, e in _KINDS.items() if re.fullmatch(kinds, noun)), "")
    thing = head[:-len(verb)] if verb else ""
    if not ending or len(thing) < 3:
        return None
    at = text.find("的" + thing)
    if at < 0 or not text.endswith(ending, 0, at):
        return None
    begin = clause_start(text, at)
    levels = [text.rfind(w, begin, at - len(ending)) + len(w) for w in _LEVEL if text.rfind(w, begin, at - len(ending)) >= 0]
    if not levels:
        return None
    found = _name(text, max(levels), at, q, FRAME_CHARS)
    return found if found and found[1] - found[0] > len(ending) else None
