"""Short answers a sentence writes before or after the question's verb rather than in the question
word's place: who did it, written 由X/被X before the verb (《鳄鱼泪》同名主题曲的原唱是谁 over
"由袁丽嫦原唱"; 那须盐原车站的经营方是谁 over "由东日本旅客铁道（JR东日本）所经营"), and where a thing
is, written after a verb of place (位于, 生于, 发现于: 浮龙化石在哪里发现的 over "化石发现于加州费雷斯诺县");
where someone is from and what they do, written as a phrase of its own in a biography ("元皇后，
河南郡洛阳县（…）人", "牛佬，香港漫画家") or after an article count (是一名德国男演员); and a word of
the kind a question asks by (什么颜色 -> 银灰色, 什么季节 -> 秋季), by its ending.
The question's words (its verb, its noun) rarely stand around the answer as the question says them,
so `qa.answer.short` finds no fence; these constructions place the answer instead, and are read
only where nothing else placed one. The words are data (`qa/text/lexicon/zh.toml`, "short answers").
"""

from __future__ import annotations

import re

from qa.answer.spans import beside, clause_start, pairs, trim
from qa.text import lexicon

__all__ = ["agent", "located", "occupation", "of_kind", "origin"]

_NOT_AGENT = tuple(lexicon.words("not_agent"))
_AGENT_END = tuple(lexicon.words("agent_end"))
_PLACE_VERB = re.compile(lexicon.alternation("place_verb"))
_CLAUSE_END = lexicon.regex("clause_end")
_PHRASE_END = lexicon.regex("sentence_stop")
_COMMA = ("，", ",")
_WHICH = "".join(lexicon.words("which_q"))
_COPULA = tuple(lexicon.words("naming_copula"))
_NOT_PLACE = ("的", "是")  # a clause about the place (东非国家, 濟州島中部的漢拏山是…), not the place
_DATE = lexicon.regex("date_span")  # 生于1950年: a date, not a place
_ORIGIN_Q = tuple(lexicon.words("origin_q"))
_OCCUPATION_Q = tuple(lexicon.words("occupation_q"))
_OCCUPATION_END = tuple(lexicon.words("occupation_end"))
_ARTICLE = tuple(lexicon.words("empty_span"))  # 一名, 一位: what follows is the occupation
_NOT_NOUN = ("的", "是", "在", "了", "有")  # a clause with these says more than a name or a noun
_KINDS = {re.compile(f"(?:{'|'.join(lexicon.words('what_q'))})(?:{names})"): re.compile(ends)
          for names, ends in lexicon.glossary("kind_end").items()}
_EDGE = set(lexicon.words("span_edge")) | set(lexicon.words("kind_lead"))
KIND_CHARS = 6  # 淡蓝红色: a word of the kind, not a clause
_LEAD = re.compile(lexicon.alternation("person_lead"))


def agent(q: str, asked: re.Match, text: str, limit: int) -> tuple[int, int] | None:
    """Who `text` says did what the question asks: X of "由X(所)V" or "被X V", V being the question's
    verb: the first or last two characters of its words after the question word and the noun it asks
    by (被谁制成, 哪一个人负责, 哪一个人替《…》作词), or of the noun before a closing 是谁 (主题曲的原唱是谁, 经营方是谁). X may also end at 于
    when V's first character follows in its clause (由莫瓦桑于1905年制得 for 被谁制成). X says none of
    the question's words (被江青等人称为: those are who the question names, not who it asks); it holds no 的
    (由波士顿的望族洛厄尔家族的…: whose name is not certain) and no clause mark but an aside's
    brackets (东日本旅客铁道（JR东日本）)."""
    verbs = _verbs(q, asked)
    if not verbs:
        return None
    for m in _LEAD.finditer(text):
        if text.startswith(_NOT_AGENT, m.start()) or text.endswith(_NOT_AGENT, 0, m.end()):
            continue
        stop = _PHRASE_END.search(text, m.end())
        commas = [i for i in (text.find(c, m.end()) for c in _COMMA) if i >= 0]
        limit_at = min([stop.start() if stop else len(text), *commas])
        for p in range(m.end() + 2, min(limit_at, m.end() + limit + 1)):
            at = p + 1 if text.startswith(_AGENT_END, p) else p
            if text.startswith(verbs, at) or (text[p] == "于" and any(v[0] in text[p:limit_at] for v in verbs)):
                start, end = trim(text, m.end(), p)
                opened = sum(text.count(c, start, end) for c in "（(") - sum(text.count(c, start, end) for c in "）)")
                end += opened > 0 and text.startswith(("）", ")"), end)  # trim took the aside's closing bracket
                got = text[start:end]
                if (end - start >= 2 and not pairs(got) & pairs(q) and "的" not in got
                        and not _CLAUSE_END.search(_unbracketed(got))):
                    return start, end
                break
    return None


def _verbs(q: str, asked: re.Match) -> tuple[str, ...]:
    before, after = beside(q, asked)
    if asked.group(0).startswith("哪"):  # 哪一|个人负责: the noun asked by is no part of the verb
        after = after.lstrip(_WHICH).removeprefix("人")
    after = after.strip("所的了")
    if len(after) < 2:
        noun = before[:-1].rsplit("的", 1)[-1] if before.endswith(_COPULA) else ""
        return (noun[:2],) if len(noun) >= 2 else ()
    return tuple(dict.fromkeys((after[:2], after[-2:])))


def _unbracketed(words: str) -> str:
    return re.sub(r"[（(][^）)]*[）)]", "", words)


def located(q: str, text: str, limit: int) -> tuple[int, int] | None:
    """Where `text` says the thing asked is: what follows a verb of place (位于, 生于, 发现于) up to
    the clause's end, the first such verb that says a character of the question's (发现于 for 在哪里
    发现) or follows the question's words in its clause (首府位于吉斯伯恩市 for 首府在哪里)."""
    pieces = pairs(q)
    for m in _PLACE_VERB.finditer(text):
        lead = text[clause_start(text, m.start()):m.start()]
        said = any(c in q for c in m.group(0) if c not in "于在") or bool(pairs(lead) & pieces)
        if not said:
            continue
        stop = _CLAUSE_END.search(text, m.end())
        start, end = trim(text, m.end(), stop.start() if stop else len(text))
        got = text[start:end]
        if 2 <= end - start <= limit and got not in q and not _DATE.match(got) and not any(w in got for w in _NOT_PLACE):
            return start, end
    return None


def _phrases(text: str) -> list[tuple[int, int]]:
    """The phrases of `text` between commas and sentence stops, an aside in brackets kept inside."""
    out, start = [], 0
    for i, c in enumerate(text):
        if (c in _COMMA or _PHRASE_END.match(c)) and not any(b in _unbracketed(text[start:i]) for b in "（("):
            out.append((start, i))
            start = i + 1
    out.append((start, len(text)))
    return out


def origin(q: str, text: str, limit: int) -> tuple[int, int] | None:
    """Where someone asked about (哪里人, 祖籍何处) is from: Y of the first phrase "Y人" standing
    alone in `text` (元皇后，河南郡洛阳县（今中国河南省洛阳市东）人，…; 新加坡人), a name or a place
    and nothing more (no 的, 是: 一个有名的人 says something else)."""
    if not any(w in q for w in _ORIGIN_Q):
        return None
    for a, b in _phrases(text):
        start, end = trim(text, a, b)
        if end - start >= 3 and text[end - 1] == "人" and end - 1 - start <= limit:
            got = text[start:end - 1]
            if got not in q and not any(w in _unbracketed(got) for w in _NOT_NOUN) and not any(c.isdigit() for c in got):
                return start, end - 1
    return None


def occupation(q: str, text: str, limit: int) -> tuple[int, int] | None:
    """Someone's occupation asked (职业是什么): the first phrase of `text` that ends in a word of
    occupation (家, 员, 手, 师) and is a noun alone (，香港漫画家，) or follows an article count
    (是一名德国男演员, 当了一名售货员): what follows the count."""
    if not any(w in q for w in _OCCUPATION_Q):
        return None
    for a, b in _phrases(text):
        start, end = trim(text, a, b)
        if end - start < 2 or not text.endswith(_OCCUPATION_END, start, end):
            continue
        cut = max((text.find(w, start, end) + len(w) for w in _ARTICLE if text.find(w, start, end) >= 0), default=start)
        got = text[cut:end]
        if 2 <= len(got) <= min(limit, 10) and got.isalnum() and got not in q and not any(w in got for w in _NOT_NOUN):
            return cut, end
    return None


def of_kind(q: str, text: str) -> tuple[int, int] | None:
    """A word of the kind a question asks by (什么颜色 -> 银灰色, 什么季节 -> 秋季): the first word of
    `text` with the kind's ending, read back to a joining word (呈, 为), a mark or the question's
    own words (外皮黄褐色 for 外皮是什么颜色), at most `KIND_CHARS` characters and more than the ending."""
    ends = next((e for asked, e in _KINDS.items() if asked.search(q)), None)
    if ends is None:
        return None
    pieces = pairs(q)
    for m in ends.finditer(text):
        start = m.start()
        while (start > 0 and m.end() - start < KIND_CHARS and text[start - 1].isalnum() and text[start - 1] not in _EDGE
               and text[start - 2:start] not in pieces):
            start -= 1
        start, end = trim(text, start, m.end())
        if start < m.start() and text[start:end] not in q and any(c not in q for c in text[start:m.start()]):
            return start, end  # 体色 for 身体是什么颜色: the words before the ending must say more than the question
    return None
