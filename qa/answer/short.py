"""The short answer: the words of the quote that answer the question (2027年, 1000个, 张三,
《红楼梦》), taken from the best supported sentence, offline. An English or Spanish question is
read by `qa.answer.short_latin`; what follows is the Chinese one.

A question asks with one question word (多少个, 哪一年, 谁, 哪里, 什么...), and a sentence that
answers it usually says the same thing with the answer in that word's place: "生命数耗完即算为什么"
-> "生命数耗完即算为踢爆". So the words just before the question word (the longest end of them found
in the sentence) and just after it (the longest start of them, found after that) fence the answer
(`qa.answer.fence`). When the question wants a kind of thing the answerer recognises (a figure with its
unit, a date, a 《title》), the span of that kind inside the fence, or else the one nearest to the
question's words in the sentence, is the answer (`_one`, `qa.answer.figures`; of several in one sentence,
the one whose own words the question names: `qa.answer.owned`); a figure must carry the asked
unit, and a count asked of a dimension (体重是多少) is never a count of things (三个亚种). Of a
sentence "A和B分别X和Y", asked of B, the answer is inside Y (`qa.answer.respective`). Where the
question's words place nothing, a 哪些 question takes the sentence's longest list (`qa.answer.lists`)
and a 什么 question the one term the sentence quotes (`qa.answer.terms.quoted_term`); a place or
person is what follows the fence's last 在/于 or 由/被 (`qa.answer.spans.after_place_word`).

Some questions have a reading of their own, before all that: "X又称什么" and "什么是X" (what a
sentence says X is: `qa.answer.terms`), someone's post (担任什么职务: `qa.answer.posts`), why (the
cause a connective marks, 由于X, X，所以: `qa.answer.causes`); a question ending with its copula
(首都为？) asks 什么 there. The others go through `pick`'s passes, in the order of its two tables:
whose (谁的名义: the owner written before 的N, or a parent before 之子, `qa.answer.whose`), the
fence, a second look at the best quote (`qa.answer.loose`: a sentence that says the question's
words its own way places it by their pieces, and "Y是X" answers "X是什么"), the quotes read without
their bracketed asides (X（学名：…）位于Y). Then by construction: a person asked is X of 由X/被X
before the question's verb (`qa.answer.agents`: 由袁丽嫦原唱), a place what follows a verb of place
(生于, 发现于); a country asked the country's name the sentence writes (`qa.answer.nations`), a
time a period it names (`qa.answer.periods`: 四国征伐后, 清咸丰年间), a rank asked by its noun the
rank with it (`qa.answer.ordinals`: 第三产业); where someone is from (哪里人) the phrase "Y人" a
biography writes, their occupation (职业) a phrase ending in 家/员/手, a kind asked (什么颜色) a word
with its ending (银灰色); a thing or person asked the rest of a list (`qa.answer.lists`), the
subject of the clause that says the question's words after it (`qa.answer.fronted`: 《四十二章经》
for 现存中国最早的佛经是哪一部), a word ending with the kind asked (`qa.answer.heads`: 实行盟旗制
for 以什么制度), the constructions news writes an answer in (`qa.answer.frames`: 在X指导下 for 是
哪个部门印发的); last, a how question's means or cause a connective marks (怎样得来的).

Nothing is returned when nothing is certain enough: no fence and no typed span, a span longer than
`MAX_CHARS`, one the question already says, a question asking for a description (有什么特点: its
answer is the quote), a why or how question whose cause no connective marks, a yes/no question (a
quote cannot say no offline). Spans are offsets into the original quote; matching is on
`qa.text.cjk.fold`ed text, which keeps every offset (it falls back to the raw text otherwise).
The question words, edges and shapes are data (`qa/text/lexicon/zh.toml`, "short answers").
No segmenter: jieba would cost seconds of start-up per question (docs/internals.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.answer.agents import agent, located, occupation, of_kind, origin
from qa.answer.called import called, calls
from qa.answer.causes import asks_how, cause
from qa.answer.described import describes_kind
from qa.answer.fence import aligned
from qa.answer.figures import typed_spans, widened
from qa.answer.frames import actor, before_predicate, framed, modifier_place
from qa.answer.fronted import fronted
from qa.answer.heads import headed
from qa.answer.lists import completed, listed
from qa.answer.loose import loose_span
from qa.answer.nations import asks_nation, country, nation
from qa.answer.ordinals import ranked
from qa.answer.owned import owner_span
from qa.answer.periods import period
from qa.answer.persons import dotted_name, only_dotted
from qa.answer.posts import asks_post, post
from qa.answer.ranges import endpoint
from qa.answer.respective import WHOLE, respective
from qa.answer.short_latin import latin_span
from qa.answer.spans import (
    PERSON_LEAD,
    PLACE_LEAD,
    SPEECH,
    after_place_word,
    balanced,
    marked,
    nearest,
    trim,
)
from qa.answer.terms import definition, full_name, quoted_term
from qa.answer.whose import owner
from qa.text import lexicon
from qa.text.cjk import CJK, fold
from qa.text.questions import question_type

__all__ = ["MAX_CHARS", "MAX_LIST_CHARS", "Short", "pick", "short_answer"]

LOOSE_QUOTES = 1
_LOOSE_WANTS = ("", "name", "place", "person")
MAX_CHARS = 30  # a longer span is a clause, not a short answer: the quote says it better
MAX_CLAUSE_CHARS = 60  # a cause is a clause (qa.answer.causes), and may take two
MAX_LIST_CHARS = 90  # ...but a list asked for (哪些地区) is the answer however long: 越南、老挝、…等地
_ASK = lexicon.regex("short_ask")
_DATE = lexicon.regex("date_span")
_FIGURE = lexicon.regex("figure_span")
_YES_NO = lexicon.regex("yes_no")
_AS_WHAT = lexicon.regex("as_what")
_DESCRIBE = lexicon.regex("describe_q")
_ELLIPTIC = tuple(lexicon.words("naming_copula"))  # 首都为？
_UNASKED = lexicon.words("describe_noun") + lexicon.words("list_rest_q")
_WHAT_WORD = min(lexicon.words("what_q"), key=len)  # 什么
_WHAT = set(lexicon.words("what_q"))
_TITLE = lexicon.regex("book_title")
_LIST_Q = lexicon.words("list_q")
_LIST_MARK = lexicon.words("list_mark")
_EMPTY = set(lexicon.words("empty_span"))
_TYPED = {"year": _DATE, "month": _DATE, "day": _DATE, "time": _DATE, "number": _FIGURE}
_QUESTION_END = "？?。.!！ 吗呢吧啊"
_LOOSE_TIME = 6
_DEFINE = lexicon.regex("rewrite_define")
_ASIDE = lexicon.regex("bracket_aside")
_NAMED_FOR = lexicon.regex("named_for_q")
_CALLED = lexicon.regex("called_q")
_EVENT = re.compile("|".join(lexicon.glossary("event").values()))
_PRECISE = ("number", "year", "month", "day")
_DATES = ("year", "month", "day", "time")  # a fence without such a span is not the answer
_ROLES = lexicon.words("role")
_ADMIN = set(lexicon.words("admin_suffix"))


@dataclass(frozen=True)
class Short:
    text: str
    quote: int  # index of the quote it was taken from
    start: int  # offsets into that quote
    end: int


def short_answer(question: str, quotes: list[str]) -> str | None:
    """From `quotes` (best first), or None; never from a last one alone placing it (`extractive._placing`'s hedge)."""
    hedge = len(quotes) > 1 and not pick(question, quotes[:-1], False) and pick(question, quotes[-1:], False)
    found = pick(question, quotes[:-1] if hedge else quotes)
    return found.text if found else None


def pick(question: str, quotes: list[str], constructions: bool = True) -> Short | None:
    """The short answer and where it stands; `constructions=False` leaves out the last passes
    (`qa.answer.agents`), for the anaphora join, whose use of the picker was measured without them."""
    if not CJK.search(question):  # English or Spanish: qa.answer.short_latin. Not for the anaphora join and the
        # placing quote (constructions=False): they were measured on Chinese questions only
        found = latin_span(question, quotes) if constructions else None
        return Short(quotes[found[0]][found[1]:found[2]], *found) if found else None
    if _YES_NO.search(question):
        return None
    wants, measure = question_type(question)
    q = fold(question).strip().rstrip(_QUESTION_END)
    if not _ASK.search(q) and q.endswith(_ELLIPTIC) and wants != "reason" and not q[:-1].endswith(_UNASKED):
        q += _WHAT_WORD  # 首都为？ asks 首都为什么; not 结果是？ (a description) nor 另一个是？ (the rest of a list)
    named = _NAMED_FOR.search(q)
    if named:
        return _first(quotes, lambda text: full_name(named.group("x"), named.group("n"), text, MAX_CHARS))
    defined = _DEFINE.match(q)
    if defined and not _ASK.search(defined.group("x")):
        return _first(quotes, lambda text: definition(defined.group("x"), text, MAX_CHARS))
    if _CALLED.search(q) and calls(fold(quotes[0])) and (found := _first(quotes[:1], lambda text: called(q, text))):
        return found  # 被称为雄蜂的雄性蜜蜂: the name a calling verb gives the thing asked
    if asks_post(q):
        return _first(quotes, lambda text: post(q, text, MAX_CHARS))
    if wants == "reason":
        if not _AS_WHAT.search(q):  # why: the cause a connective marks in the best quote, or nothing
            return _first(quotes[:1] if constructions else [], lambda text: cause(q, text, MAX_CLAUSE_CHARS))
        wants = ""  # 更名为什么: as what, not why
    asked = _ASK.search(q)
    if _DESCRIBE.search(q):
        return None  # 有什么特点/作用: a description, which the quote gives better
    best = quotes[:1]
    # The passes in order, each (whether it is asked, the quotes it reads, what it places in one):
    # the first placing an answer gives it. The fence and the typed spans first; whose before them
    # (the fence would take the lead word: 并以天皇); not for the anaphora join (constructions=False).
    found = _first_of((
        (constructions and asked and wants == "person", best, lambda text: owner(q, asked, text)),
        (True, quotes, lambda text: _one(q, asked, text, wants, measure)),
        (asked and wants in _LOOSE_WANTS, quotes[:LOOSE_QUOTES], lambda text: loose_span(q, asked, text, wants)),
        (True, quotes, lambda text: _past_asides(q, asked, text, wants, measure)),
    ))
    if found and wants in _DATES:  # 2027年 of 2025—2027年 for 到哪一年 (`qa.answer.ranges`)
        found = _narrowed(found, quotes, lambda text: endpoint(q, text, found.start, found.end))
    nation_asked = asks_nation(q)
    if found and constructions and nation_asked:  # 葡萄牙F1 (the fence of 哪个国家的赛车手) -> 葡萄牙
        return _narrowed(found, quotes, lambda text: country(q, text, found.start, found.end))
    if found and described(q, asked, quotes, found, wants):
        found = None  # 法国天文学家 for 哪位天文学家: a description of the kind asked, not its name
    if found or not constructions:
        return _person(found, quotes, wants)
    thing = asked and wants not in _TYPED  # a thing or a person, not a figure or a date
    return _finished(q, asked, _first_of((  # then by construction
        (asked and wants == "person", quotes, lambda text: agent(q, asked, text, MAX_CHARS)),
        (wants == "place", quotes, lambda text: located(q, text, MAX_CHARS)),
        (nation_asked, best, lambda text: nation(q, nation_asked, text)),
        (asked and wants == "time", best, lambda text: period(q, asked, text)),
        (wants == "number", best, lambda text: ranked(q, text)),
        (True, best, lambda text: origin(q, text, MAX_CHARS) or occupation(q, text, MAX_CHARS) or of_kind(q, text)),
        (thing, best, lambda text: completed(q, asked, text) or fronted(q, asked, text)
         or (wants != "person" and headed(q, asked, text)) or None),
        (thing, best, lambda text: framed(q, asked, text, MAX_CHARS) or actor(q, asked, text, MAX_CHARS)
         or (wants == "place" and modifier_place(q, asked, text)) or before_predicate(q, asked, text) or None),
        (not asked and asks_how(q), best, lambda text: cause(q, text, MAX_CLAUSE_CHARS, how=True)),  # 怎样得来的
        (asked and wants == "person", best, lambda text: only_dotted(q, text)),  # 谁是市场经理: 罗莎·德尔加多
    )), quotes, wants)


def _finished(q: str, asked: re.Match | None, found: Short | None, quotes: list[str], wants: str) -> Short | None:
    """A construction's answer as the passes' is given (`_person`), none when it only describes the kind asked."""
    return None if found and described(q, asked, quotes, found, wants) else _person(found, quotes, wants)


def described(q: str, asked: re.Match | None, quotes: list[str], found: Short, wants: str) -> bool:
    """Does `found` only describe the kind the question asks (`qa.answer.described`)?"""
    quote = quotes[found.quote]
    text = fold(quote)
    return describes_kind(q, asked, text if len(text) == len(quote) else quote, found.start, found.end, wants)


def _person(found: Short | None, quotes: list[str], wants: str) -> Short | None:
    """A person's span cut to the one dotted name it holds (`qa.answer.persons`)."""
    if found is None or wants != "person":
        return found
    return _narrowed(found, quotes, lambda text: dotted_name(text, found.start, found.end))


def _narrowed(found: Short, quotes: list[str], narrow) -> Short:
    """`found` cut to the part `narrow` places inside it (on the folded quote, as `_first` reads it)."""
    quote = quotes[found.quote]
    text = fold(quote)
    span = narrow(text if len(text) == len(quote) else quote)
    return Short(quote[span[0]:span[1]], found.quote, *span) if span else found


def _first_of(passes) -> Short | None:
    """The answer of the first pass asked that places one (`_first`)."""
    return next((found for asked, quotes, find in passes if asked and (found := _first(quotes, find))), None)


def _first(quotes: list[str], find) -> Short | None:
    """The span `find` places in the first quote it places one in, matched on the folded quote
    (or the quote as written where folding changed its length) and cut from the quote as written."""
    for i, quote in enumerate(quotes):
        text = fold(quote)
        span = find(text if len(text) == len(quote) else quote)
        if span is not None and (span := balanced(quote, *span))[1] > span[0]:
            return Short(quote[span[0]:span[1]], i, *span)
    return None


def _past_asides(q: str, asked: re.Match | None, text: str, wants: str, measure: str) -> tuple[int, int] | None:
    """The span `_one` finds in the quote read without its bracketed asides, which split the words
    a question says together ("基督教神学院（Ecumenical Theological Seminary）位于密歇根州…" for
    基督教神学院位于哪里), as offsets into the quote; None when it finds none, or one that would
    hold an aside."""
    kept = [i for i, keep in enumerate(_outside_asides(text)) if keep]
    if len(kept) == len(text):
        return None
    span = _one(q, asked, "".join(text[i] for i in kept), wants, measure)
    if span is None or span[1] <= span[0]:
        return None
    start, end = kept[span[0]], kept[span[1] - 1] + 1
    if span[0] and kept[span[0] - 1] != start - 1:
        return None  # an aside right before it (家铉翁（1213年－？）号则堂): it was no part of the words that place it
    return (start, end) if end - start == span[1] - span[0] else None


def _outside_asides(text: str) -> list[bool]:
    keep = [True] * len(text)
    for m in _ASIDE.finditer(text):
        keep[m.start():m.end()] = [False] * (m.end() - m.start())
    return keep


def _one(q: str, asked: re.Match | None, text: str, wants: str, measure: str) -> tuple[int, int] | None:
    fence = aligned(q, asked, text) if asked else None
    if fence is not None:
        fence = trim(text, *fence)
        if wants == "place" and _suffix_left(q, text, *fence):
            fence = (fence[0] + 1, fence[1])  # 北京|市海淀区 for 北京哪个区: the 市 is the anchor's
        if not 0 < fence[1] - fence[0] or text[fence[0]:fence[1]] in q or text[fence[0]:fence[1]] in _EMPTY:
            fence = None
    pattern = _TITLE if "《" in text and (wants == "name" or (asked and "部" in asked.group(0))) else _TYPED.get(wants)
    paired = respective(q, text, wants)  # A和B分别X和Y: asked of B, the answer is Y, whatever the fence or nearness say
    if pattern is not None:
        spans = typed_spans(q, text, pattern, measure, wants)
        inside = [s for s in spans if paired and paired[0] <= s[0] and s[1] <= paired[1]]
        if inside:
            return widened(q, text, inside[0], wants)
        inside = [s for s in spans if fence and fence[0] <= s[0] and s[1] <= fence[1]]
        if inside:
            return widened(q, text, _owned(q, asked, text, spans, inside[0]), wants)
        if fence is None or wants in _PRECISE or pattern is _TITLE or (spans and wants == "time"):
            found = nearest(q, text, spans)
            return widened(q, text, _owned(q, asked, text, spans, found), wants) if found else None
        if wants == "time" and fence[1] - fence[0] > _LOOSE_TIME:
            return None  # no date in the sentence, and more than a word (夏季, 战后) in the fence
    if paired and wants in WHOLE:
        fence = paired
    placed = fence is not None  # by the question's words: a list so placed may be long
    if fence is None and any(w in q for w in _LIST_Q):
        fence = listed(text)
    elif fence is None and asked and asked.group(0) in _WHAT and wants in ("", "name"):
        fence = quoted_term(q, text)
    if fence is not None and wants in ("place", "person"):
        fence = after_place_word(text, *fence, PLACE_LEAD if wants == "place" else PERSON_LEAD)
    if fence is not None and wants == "place":
        fence = _before_kind(text, *fence)
    if fence is not None and wants == "person":
        event = _EVENT.search(text, fence[0] + 2, fence[1])
        fence = trim(text, fence[0], event.start()) if event else fence  # 皮埃尔·特鲁多去世 -> 皮埃尔·特鲁多
        said = SPEECH.search(text, fence[0] + 2, fence[1] + 1)
        fence = trim(text, fence[0], said.start()) if said and said.start() < fence[1] else fence  # 张其军介绍, 李广子认(为)
        fence = _after_role(q, text, *fence)
    if fence is not None and wants in ("", "name"):
        fence = marked(text, *fence)
    if fence is None or fence[1] - fence[0] < 2:
        return None  # one character (后, 随) is a particle or a verb the fence caught, not an answer
    several = placed and any(w in q for w in _LIST_Q) and any(w in text[fence[0]:fence[1]] for w in _LIST_MARK)
    return fence if fence[1] - fence[0] <= (MAX_LIST_CHARS if several else MAX_CHARS) else None


def _owned(q: str, asked: re.Match | None, text: str, spans: list[tuple[int, int]], found: tuple[int, int]):
    """Of two values of the kind asked in one sentence, the one whose own words the question names
    (`qa.answer.owned`: 2款 of "5款侵入式…和2款非侵入式新产品" for 几款非侵入式新产品)."""
    return owner_span(q, asked, text, spans, found) if asked else found


def _before_kind(text: str, start: int, end: int) -> tuple[int, int]:
    """A place written before what the sentence says its subject is ("分布于热带美洲的一种多年生植物",
    "座落香港九龙…8号的一个私人住宅物业项目"): the place, up to the 的 before one of a kind (`empty_span`)."""
    for w in _EMPTY:
        at = text.find("的" + w, start, end)
        if at > start:
            return trim(text, start, at)
    return start, end


def _suffix_left(q: str, text: str, start: int, end: int) -> bool:
    """Does a place span open with the administrative suffix of the place name just before it, which
    the question writes without it (北京哪个区 over "北京市海淀区"), and end with one of its own?"""
    return (end - start > 2 and text[start] in _ADMIN and text[end - 1] in _ADMIN and start >= 2
            and text[start - 2:start] in q and text[start - 2:start + 1] not in q)


def _after_role(q: str, text: str, start: int, end: int) -> tuple[int, int]:
    """A person's name without the posts written before it ("…研究中心主任李远清" -> 李远清): the
    two to four characters after the last role word (`role`) the span holds, when the question
    asks who holds a post rather than names one (常务副主任是谁)."""
    cut = max((text.rfind(r, start, end) + len(r) for r in _ROLES if 0 <= text.rfind(r, start, end)), default=-1)
    name = text[cut:end] if cut > start else ""
    return (cut, end) if 2 <= len(name) <= 4 and CJK.fullmatch(name[0]) and all(CJK.match(c) for c in name) else (start, end)
