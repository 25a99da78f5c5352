"""What a question asks about, and the gaps between that and a candidate quote.

Near misses are the hard refusals: a page that names a ward but not its beds, a subsidy for big
firms but not for start-ups, the first half of this year but not last year's total. Coverage of
the question's words cannot see them: the quote shares every rare word (the names) and misses
only a common one (床位, 全年). So the extractive answerer asks narrower questions of its best
quote and the sentences around it; each "no" is a `Gap`, and its kind decides how much support
drops (`extractive.ExtractiveParams.gap_factors`):

  - focus: the word the question word hangs on is absent: the attribute of "X的Y是多少" (密度,
    人口, 转会费), the noun counted by "多少张Y" (床位, 金牌), the person of "Y是谁" (CEO, 领队).
    Category nouns ("哪个国家", "哪些地区") are not focus words: the answer names a country, not
    the word 国家. "loose": the same, where the noun's end was guessed (多少个就业岗位 -> 就业).
  - event: the verb of "哪一年Y" / "Y于哪一年" / "由谁Y" (设立, 建成, 提出) is absent (none read
    after an agent or object, 何时由X印制, nor before the question word when a verb follows it).
  - period: a figure is asked for a period (2024年, 去年, 全年, 上半年, 每天) and the quote names
    only other ones (今年上半年, 日均).
  - instance: "哪家医院" / "哪个区" / "哪部电影" wants a named one; a quote that says only
    "知名三甲医院" or "在上海", or gives no 《title》, does not name it. Asked words opening with
    a category (哪一区域可以, 哪一等级学校) want none.
  - english: an English question's attribute (population, wife, how many parcels), looked up in a
    small glossary of the ways Chinese text says it, is absent.
  - name: none of an English question's pinyin names (Heihe, Fan Tingsong) is in the passage
    (`qa.text.pinyin`).
  - value: a count of a noun asked (多少士兵) of a quote whose figures are all dates or measures;
    for English and Spanish, a year, a measure or a count asked of a quote holding none
    (`qa.answer.values`).
An English or Spanish question's checks (english and name over Chinese text; focus and event over
text in its own language) are read in `qa.answer.latin_slots`.

The patterns are plain regular expressions (no segmenter to load at question time). They were
written against CMRC development questions and their near misses, and the factors chosen by
`python -m eval.bench.tune_answer --gaps`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.answer.abridged import abridged, agent_verb  # 首播 for 第一次播出, 德国轮船 for 德国船
from qa.answer.asked_kinds import kind_gaps  # 多少奖金 over no sum; 后来成为 asked when
from qa.answer.instances import instance_gap  # a gap of its own module, read by gaps() here
from qa.answer.posts import deputy_only, deputy_unsaid, unnamed_holder
from qa.answer.slot_frames import banned, measured_from
from qa.answer.zh_events import said_by_object
from qa.text import lexicon
from qa.text.cjk import CJK, HAN
from qa.text.gloss_kin import is_word
from qa.text.questions import NUMBER_Q, QUESTION_TIME, ROLE, SIZE_Q, STOP_CHARS, TIME_Q, WHO_Q, said_otherwise


@dataclass(frozen=True)
class Gap:
    kind: str  # focus | loose | event | period | instance | english | name | entity | elsewhere | value | unread | unfound
    detail: str  # the word or period the quote lacks, for the user

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "detail": self.detail, "reason": self.describe()}

    def describe(self) -> str:
        if self.kind == "period":
            return f"the passages give no figure for {self.detail}"
        if self.kind == "instance":
            return f"the passages name no {self.detail}"
        if self.kind == "value":
            return f"the passages give no {self.detail}"
        if self.kind == "elsewhere":
            return f"the passages say this of {self.detail}, not of what the question names"
        if self.kind == "unread":
            return f"no word of the question can be read in the articles' language: {self.detail}"
        if self.kind == "unfound":
            return f"the passages write none of the question's words: {self.detail}"
        return f"the passages do not mention {self.detail}"


# The words and shapes read here are in the lexicon (qa/text/lexicon/zh.toml; English in en.toml).
_N = lexicon.pattern("count")  # a number, but not a bare 一 ("一件货品" is a piece of goods)
_TRAIL = lexicon.regex("trail")  # words between the focus word and the question word
_LEAD = lexicon.regex("lead_run")
# "X的Y是(多少)": Y ends at the copula; only then is the word before the question word an attribute.
_ATTRIBUTE = lexicon.regex("attribute")
_CLEAN_END = lexicon.regex("clean_end")
_STOP = lexicon.regex("stop")
# A focus word that is a category, not an attribute: its answer never repeats it; nor one that
# ends in a category (参赛对象, 使用比例).
_CATEGORY = lexicon.regex("category_word")
_CATEGORY_END = lexicon.regex("category_ending")
_HEAD = lexicon.regex("head")
_EVENT_BEFORE = lexicon.regex("event_before_when")
_NOT_START = frozenset(lexicon.words("not_word_start"))
_NOT_END = frozenset(lexicon.words("not_word_end"))
_LIGHT_EVENT = frozenset(lexicon.words("light_event"))
# words that only pad a question (至少, 左右, 以上): read where the word asked about was expected,
# they mean the reader found none
_PADDING = frozenset(lexicon.words("approximate") + lexicon.words("filler"))
_WHEN_FRAME = lexicon.regex("when_frame")
_SUBJECT_THEN = lexicon.regex("subject_then")
_HAN_CHAR = re.compile(r"[" + HAN + r"]")
_MODIFIED_HEAD = lexicon.regex("modified_head")
_MODAL_VERB = lexicon.regex("modal_verb_end")
_OBJECT_FIRST = re.compile("(?:" + lexicon.alternation("object_first") + ")")
_SIZE_NOUN = lexicon.regex("size_noun")  # 多远|的距离: the dimension named after the size word
_SIZE_SPAN = lexicon.regex("size_span")  # 从源头到入海口|有多长: the thing measured is named before 从
_NUMERAL_MEASURE = lexicon.regex("numeral_measure")


def _clip(text: str) -> str:
    """The last run of Chinese/Latin characters of `text`, without fillers, at most 4 characters."""
    text = _STOP.split(text)[-1]
    text = _TRAIL.sub("", lexicon.regex("determiner_measure").split(text)[-1])  # 这艘研究船 -> 研究船
    text = _NUMERAL_MEASURE.split(text)[-1]  # 最大一条河 -> 河 (a category: no focus word)
    m = re.search(r"[" + HAN + r"A-Za-z]+$", text)
    return m.group(0)[-4:] if m else ""


def _head(text: str) -> str:
    """The first two Chinese characters of `text` after leading fillers (the first word, mostly:
    without a segmenter a longer cut would run into the next word, 企业登台亮相)."""
    text = _LEAD.sub("", _STOP.split(text)[0])
    m = _HEAD.match(text)
    return m.group(0) if m else ""


def _attribute(before: str) -> str:
    """"X的Y是" -> Y: the attribute a copula-ended question asks the value of ("" otherwise)."""
    m = _ATTRIBUTE.search(before)
    return _clip(m.group(1)) if m else ""


def focus(question: str) -> tuple[str, str]:
    """(focus word, kind): "focus" for a thing, "loose" when its end was guessed, "event" for the
    verb of a when/by-whom question; ("", kind) when there is nothing to check."""
    q = question.strip().rstrip("？?。.!！ ")
    word, kind = "", "focus"
    if m := NUMBER_Q.search(q):
        rest = q[m.end():]
        after = _head(rest)  # 多少个就业岗位 -> 就业岗位
        if len(rest) == 1 and _HAN_CHAR.match(rest) and rest not in STOP_CHARS \
                and q[m.end() - 1] in lexicon.words("counting_measure"):
            # 多少种鱼, 多少辆车: a noun of one character after the measure word ends the question; the
            # figure counts it, and a passage saying it writes its character (300多种鸟类 counts no 鱼)
            return rest, "focus"
        if len(after) < 2 and m.end() - m.start() == 3 and q[m.end() - 1] in lexicon.words("measure_noun_start"):
            rest = q[m.end() - 1:]
            after = _head(rest)  # 多少人口: 人 read as a measure word was the noun's start (not 辆 of 多少辆车)
        if len(after) >= 2:
            word = after
            # Two characters are a guess at the noun when more text follows (几首歌进入...): weaker.
            if not _CLEAN_END.match(_LEAD.sub("", rest)[2:]):
                kind = "loose"
        else:
            word = _attribute(q[:m.start()])  # 密度是多少 -> 密度
    elif m := SIZE_Q.search(q):
        # 多大面积 / 多大年龄: the noun after names the dimension, which the answer gives as a unit
        # 种子有多大 -> 种子; 一次充电能跑多远: the size of an action, no thing to check;
        # 流经多远的距离: a dimension of the glossary named after 的 is what a figure with its unit
        # says (距离: 公里), where the words before it may be a verb's (要流经)
        named = _SIZE_NOUN.match(q[m.end():])
        if named and any(re.fullmatch(names, noun := _head(named.group(1))) for names in _DIMENSIONS):
            word = noun
        elif named and any(re.search(f"(?:{names})$", noun := _clip(named.group(1))) for names in _DIMENSIONS):
            word = noun  # 多大的放大倍数 -> 放大倍数: a compound ending in a dimension (倍数), said by its unit
        elif dimension := measured_from(q[:m.start()], m.group(0)):  # 离陆地有多远 -> 距离, said by its unit
            word = dimension
        else:
            before = q[:m.start()]
            before = before[:span.start()] if (span := _SIZE_SPAN.search(before)) else before
            word = "" if len(_head(q[m.end():])) >= 2 or _MODAL_VERB.search(before) else _clip(before)
    elif m := TIME_Q.search(q):
        kind = "event"
        rest = _WHEN_FRAME.sub("", q[m.end():])
        rest = rest[subject.end():] if (subject := _SUBJECT_THEN.match(rest)) else rest
        after = _head(rest)  # 哪一年设立的 -> 设立; 哪一年的时候发现 -> 发现; 何时学者才确定 -> 确定
        before = q[:m.start()]
        if _OBJECT_FIRST.match(_LEAD.sub("", rest)):
            word = ""  # 何时由自己的印刷厂印制, 哪一年对广岛投掷: no cut delimits the words before the verb
        elif len(after) >= 2:
            word = after
        elif not _HAN_CHAR.search(rest) and (v := _EVENT_BEFORE.search(before)):
            # 成立于哪一年 -> 成立; 被废止是在什么时候 -> 废止; not where a verb follows (关岛议会在什么
            # 时候砍了7席: the verb is 砍, and 议会 the subject)
            word = v.group(1)
    elif m := lexicon.regex("where_attribute_q").search(q):
        word = m.group(1)  # 联合会的总部在哪里 -> 总部
    elif m := WHO_Q.search(q):
        before = q[:m.start()]
        if m.group(0) in lexicon.words("by_whom"):
            kind = "event"
            rest = q[m.end():]
            # 由谁来判犯规 -> 判: the auxiliary is no part of the verb (由谁来数 asks who counts), unless
            # the two make a word of the dictionary (由谁来到, 由谁去世)
            if rest[:1] in lexicon.words("by_whom_auxiliary") and not is_word(rest[:2]):
                rest = rest[1:]
            word = _head(rest)  # 由谁首先提出 -> 提出
        elif r := re.search(ROLE + "$", before):
            word = r.group(0)  # 办事处主任是谁 -> 主任
        else:
            word = _attribute(before + "是")  # 公司的CEO是谁 -> CEO
    if len(word) < 2 or _CATEGORY.match(word) or _CATEGORY_END.search(word) or not (CJK.search(word) or word.isupper()):
        return "", kind
    if word[0] in _NOT_START or word[-1] in _NOT_END or word in _PADDING or (kind == "event" and word in _LIGHT_EVENT):
        return "", kind
    return word, kind


# Glossaries: attributes a passage gives as a number with a unit (体重 -> "约8公斤重"); kinship words
# written with one character (弟为北宋文人魏泰); event verbs said another way (去世 -> 死去).
_DIMENSIONS = lexicon.glossary("dimension")
_DIMENSION_COUNT = lexicon.pattern("dimension_count")
_KIN = lexicon.glossary("kin")
_KIN_BEFORE = lexicon.pattern("kin_before")
_EVENTS = tuple(lexicon.glossary("event").values())
_COUNTED_ALIKE = tuple(v.split("|") for v in lexicon.glossary("counted_alike").values())
_COUNT_SUFFIX = lexicon.regex("count_suffix_end")


def mentions(text: str, word: str) -> bool:
    """Does `text` speak of `word`: the word itself, most of its character pairs (3+ characters),
    its stem for an agent noun (经营方 -> 经营), a number with the unit of a dimension (体重 -> 8公斤),
    or a kinship word's one-character form standing alone (弟弟 -> 弟, not the 父 of 神父)? A counted
    noun of one character (鱼 of 多少种鱼) only by itself or its `counted_alike` class (蛋 -> 卵)."""
    if word in text or (len(word) >= 3 and word[0] in lexicon.words("modifier_start") and word[1:] in text):
        return True  # 新跑道 -> 这条跑道: "the new runway" says which, the passage names it once
    if len(word) == 1 and any(word in alike and any(c in text for c in alike) for alike in _COUNTED_ALIKE):
        return True  # a counted noun of one character (多少个蛋) written as its translation's other one (卵)
    pairs = [word[i:i + 2] for i in range(len(word) - 1)]
    if len(word) >= 3 and sum(p in text for p in pairs) * 2 >= len(pairs) + 1:
        return True
    stem = _COUNT_SUFFIX.sub("", word)  # 人口数量 -> 人口
    if stem != word and len(stem) >= 2 and stem in text:
        return True
    if len(word) >= 3 and word[-1] in lexicon.words("agent_suffix") and mentions(text, word[-3:-1]):
        return True  # 建立者 -> 建立 (or 创建), 经营方 -> 经营, 台湾地区代理人 -> 代理
    for names, units in _DIMENSIONS.items():
        if re.fullmatch(names, word) or re.search(r"(?:" + names + r")$", word):
            if re.search(_DIMENSION_COUNT + r"(?:" + units + r")|(?:" + units + r")\s*" + _N, text):
                return True
    if word in _KIN and re.search(f"(?:{_KIN_BEFORE})(?:{_KIN[word]})", text):
        return True
    return any(word in verbs and re.search(verbs, text) for verbs in _EVENTS) or said_otherwise(text, word) \
        or kin_written(text, word)


def kin_written(text: str, word: str, most: int | None = None) -> bool:
    """Does `text` write a word CC-CEDICT glosses as `word` (`qa.text.gloss_kin`: 签署 for 签订,
    坐落 for 位于)? A question translated apart from its passage words its verb another way.
    `most`: the headwords a shared gloss may have (`gloss_kin.MAX_KIN` unless given)."""
    from qa.text.gloss_kin import MAX_KIN, kin_words, writes

    return any(w == word and any(writes(text, o) for o in kin) for w, kin in kin_words(word, most or MAX_KIN))


def said_by_kin(word: str, quote: str) -> bool:
    """Does the quote itself write a word sharing a CC-CEDICT gloss of up to `gloss_kin.MAX_FOCUS_KIN`
    headwords with the asked `word` (率领 for 指挥: "to command")? A question translated apart from its
    passage names the thing asked another way: wider kin than `mentions` allows, in the quote only."""
    from qa.text.gloss_kin import MAX_FOCUS_KIN
    from qa.text.head_kin import said_by_head

    return kin_written(quote, word, MAX_FOCUS_KIN) or said_by_head(word, quote) or bool(  # 创造者 said by 创作
        (verb := agent_verb(word)) and said_by_kin(verb, quote))


# Periods: classes of equivalent wordings; the quote must name one of the asked class, or none.
_PERIOD_CLASSES = lexicon.glossary("period")
_YEAR = lexicon.regex("calendar_year")  # 2024年: a period of its own


def periods(text: str) -> set[str]:
    found = {name for name, pattern in _PERIOD_CLASSES.items() if re.search(pattern, text)}
    found |= {m.group(1) for m in _YEAR.finditer(text)}
    return found


def period_gap(question: str, quote: str, context: str) -> str:
    """The question's period when the quote (with its context) names other periods but not it."""
    asked = periods(QUESTION_TIME.sub(" ", question))
    if not asked:
        return ""
    said = periods(quote)
    if not said or asked & (said | periods(context)):
        return ""
    # 2024年 asked, 今年/去年 said: the page's date is unknown, so these are other periods.
    return "".join(p + "年" if p.isdigit() else p for p in sorted(asked, key=question.find))


def straddles(question: str, word: str, text: str) -> bool:
    """Was the two-character `word` cut across a word boundary of the question (去马祖 -> 去马,
    和滚石 -> 和滚, 其农业 -> 其农)? Without a segmenter the slot reader takes the two characters
    after the question word, which may be the end of one word and the start of the next. Then
    `text` (the passage) lacks the cut but writes the pair across its end (马祖, 滚石, 农业): a
    word the question names, and the absence of a non-word is no gap. A word the passage writes
    anywhere is a word, cut or not; a cut at the word's start (灯塔建于 -> 塔建) is not sought:
    the verb it ends in (建) is still what the quote must say."""
    at = question.find(word)
    if len(word) != 2 or at < 0 or word in text:
        return False
    pair, after = question[at + 1:at + 3], question[at + 2:at + 3]
    return bool(_HAN_CHAR.fullmatch(after)) and after not in STOP_CHARS and pair in text


_DATED = lexicon.pattern("dated_thing")
_SUBJECT_START = re.compile(r"[" + HAN + r"]{2}")
_DATED_AFTER = lexicon.regex("dated_after")


def dated(question: str, quote: str) -> bool:
    """Does `quote` date the thing a when-question is about, without a verb (1815年的维也纳会议 for
    维也纳会议于何年召开, 1926年的《烟雾消除法》 for 《烟雾消除法》于何年颁布)? The thing is named by
    the first two characters before the question word; the absent verb is then no near miss."""
    m = TIME_Q.search(question)
    thing = _SUBJECT_START.search(question[:m.start()]) if m else None
    after = _DATED_AFTER.match(question[m.end():]) if m else None  # 哪一天举行的选举 -> 选举
    return any(re.search(_DATED + re.escape(t), quote) for t in (thing and thing.group(0), after and after.group(1)) if t)


_AUTHOR_WORDS = frozenset(lexicon.words("author_word"))
_TITLE = lexicon.regex("book_title")
_AUTHOR_BEFORE = lexicon.pattern("author_before")


def authored(question: str, word: str, text: str) -> bool:
    """Does `text` name the author (`word`: 作者) of the work `question` names in 《》 by a name
    joined to its title (志费尼的《世界征服者史》, 洪迈在《容斋随笔》中), as passages quoting it do?"""
    return word in _AUTHOR_WORDS and any(re.search(_AUTHOR_BEFORE + re.escape(t), text)
                                         for t in _TITLE.findall(question))


def wants_figure(question: str) -> bool:
    """A period qualifies a figure (2024年的生产总值); elsewhere (1990年担任什么职务) the year may
    be stated sentences away from the answer."""
    return bool(NUMBER_Q.search(question) or SIZE_Q.search(question))


def counted_head(question: str) -> str:
    """The noun after 的 that ends a how-many question (多少座可能活跃的火山 -> 火山): what is counted,
    when the word read after the question word (活跃) only says which ones; "" for other questions."""
    m = NUMBER_Q.search(question.strip().rstrip("？?。.!！ "))
    head = _MODIFIED_HEAD.match(question.strip().rstrip("？?。.!！ ")[m.end():]) if m else None
    return head.group(1) if head else ""


def gaps(question: str, quote: str, context: str, passage: str = "") -> list[Gap]:
    """What the question asks that `quote` (with `context`, its neighbouring sentences) lacks.
    `passage` (the quoted passage with its title) is where an English question's names are sought."""
    if not CJK.search(question):
        from qa.answer.latin_slots import english_gaps, worded_gaps  # here: it builds on this module's Gap

        if CJK.search(quote):
            return english_gaps(question, quote, context, passage)
        return worded_gaps(question, quote, context, passage.split("\n", 1)[0] if "\n" in passage else "", passage)
    out = []
    word, kind = focus(question)
    said = quote + context
    if word and (not mentions(said, word) or deputy_only(question, word, said) or deputy_unsaid(question, word, said)
                 or unnamed_holder(question, word, said)) \
            and not straddles(question, word, passage or said) \
            and not (kind == "event" and (dated(question, quote) or said_by_object(question, word, quote) or banned(question, word, quote))) \
            and not (authored(question, word, said) or abridged(question, word, said)) \
            and not ((head := counted_head(question)) and mentions(said, head)):
        if not said_by_kin(word, quote):
            out.append(Gap(kind, word))
    # a death, birth or marriage asked of text that says none (qa.answer.zh_events): a closed class,
    # so the gap refuses, in place of the open verb's (one reason, not two)
    from qa.answer.rates import cjk_rate_gap
    from qa.answer.zh_events import life_event_gap

    if event := life_event_gap(question, quote + context, passage):
        out = [g for g in out if g.detail != event]
        if not any(g.kind == "focus" and event in g.detail for g in out):  # 建立者 says 建立's reason
            out.append(Gap("focus", event))
    if wants_figure(question) and (period := period_gap(question, quote, context) or cjk_rate_gap(question, quote)):
        out.append(Gap("period", period))
    if category := instance_gap(question, quote):
        out.append(Gap("instance", category))
    from qa.answer.values import cjk_value_gaps  # a count of dates only, a year of a century, a figure of another year

    out += [Gap(kind, detail) for kind, detail in cjk_value_gaps(question, quote)]
    from qa.answer.cjk_counts import dates_only  # 多少个国家 over 成立于1985年…2015年

    if noun := dates_only(question, quote):
        out.append(Gap("value", f"number of {noun}"))
    from qa.answer.phases import other_phase  # 熔点 for 沸点

    if phase := other_phase(question, quote):
        out.append(Gap("value", phase))
    from qa.answer.respective import unlisted  # 头部企业和重大平台…分别 for 初创企业

    if member := unlisted(question, quote):
        out.append(Gap("focus", member))
    from qa.answer.members import member_elsewhere  # 雌鸟 asked, the figure in 雄鸟's clause

    if other := member_elsewhere(question, quote, wants_figure(question)):
        out.append(Gap("elsewhere", other))
    from qa.answer.death_causes import causeless_death  # 死因 over 他去世十六年之后

    if causeless_death(question, quote + context):
        out.append(Gap("value", "cause of death"))
    return out + [Gap(k, d) for k, d in kind_gaps(question, quote)]
