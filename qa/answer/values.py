"""Does the quote hold a value of the kind an English or Spanish question asks for? A question
asking a year, a date, a measure or a count (`qa.answer.latin_question.asked`) is not answered by
a sentence that holds none: "How many Tasmanian devils are left in the wild?" by the one that says
the devil vanished from the mainland "some 3,000 years ago", "¿Qué altura tiene el Iztaccíhuatl?"
by the one saying it pairs with Popocatépetl, "How much was the licence fee…?" by the one saying a
fee was charged, «¿En qué año abrió sus puertas la taberna La Bola?» by «a finales del siglo XIX».
Such a sentence shares the question's words, so its support is high; what it lacks is the value.

The answerer's answer-type cue (`qa.answer.windows`) only lowers support and reads the question
with the Chinese question words' reader, which sees no year in «¿En qué año…?»; here the Latin
reader decides, and a quote without the value has a "value" gap. What counts as a value:
  - a year or a date: a year (`latin_year`) or a date (`latin_date`) the question does not say,
    for a bare "when" also a clock time, a season, a century or an event (`time_mark`: "leaves at
    seven", "after the war"), unless a date is asked in so many words (`date_word`);
  - a measure (a unit asked: "how tall", "how much did it cost"): a figure of that unit, or one
    said as a multiple (`qa.answer.short_latin.carries`);
  - a count: a figure (digits or words) the question does not say that is not a bare year nor a
    span of time ("3,000 years" counts no devils, unless years are what it counts: "how many years
    ago") nor a date's day («fundó la ciudad el 6 de diciembre de 1534» counts no inhabitants of
    Quito), or a fraction ("la mitad de su superficie"); a count of years, days… (the noun counted
    is a unit of time) only a span of that time.
Nothing is checked for other questions, nor over Chinese quotes (`qa.answer.across` reads those).

A Chinese question asking a year is refused by the answer-type cue over a quote holding no year
(`qa.answer.windows`: x 0.2; none of 330 right answers of the Chinese dev sets lacks one). What it
misses is a quote holding a year of another event and the asked one dated by its century alone
(`coarse_year`): "夏农河与厄恩湖之间的那条运河是在哪一年被废弃的？" over "自 1994 年修复后的…水道重新开通
了一条在 19 世纪被废弃的运河航道": the date nearest before the event word in its clause is the one it
is dated by. And a count asked of a year the question names (`other_year`: "中国摔跤队在2008年北京奥运会
上获得了几枚金牌？") is not answered by clauses holding the counted word and a figure that each name
another year and not the asked one ("2004年雅典奥运会首次获得1枚金牌"); a clause naming no year (同年:
it points back) is not read.

A Chinese question counting a noun (多少士兵: `qa.answer.slots.focus`, no measure word, no attribute
measured such as 收入 or 比例) is checked likewise (`missing_count`): "爱德华二世带了多少士兵来到班诺克本？"
is not answered by the sentence giving the battle's dates and "3 英里", whose every figure is a date
or a measure (a unit of zh.toml's `dimension` / `asked_unit` / `slot_unit`), and counts nothing.
"""

from __future__ import annotations

import re
from functools import cache

from qa.text import lexicon
from qa.text.cjk import CJK
from qa.text.numeral_words import in_word
from qa.text.questions import TIME_Q

__all__ = ["ageless", "cjk_value_gaps", "coarse_year", "latin_coarse_year", "missing_count", "missing_value", "other_number",
           "other_sense", "other_year", "undated"]


@cache
def _patterns() -> tuple[re.Pattern, ...]:
    # a year of three digits after a preposition of time is a year too ("until 759": `era_year`)
    return (re.compile(lexicon.pattern("latin_year") + "|" + lexicon.pattern("era_year")), lexicon.regex("latin_date", re.IGNORECASE),
            lexicon.regex("latin_figure", re.IGNORECASE),
            re.compile(r"\s*(?:%s)\b" % lexicon.alternation("time_unit"), re.IGNORECASE),
            # an ordinal is no share: "the third woman", "the third-tallest bird" ("How many cassowaries are
            # left?" was answered by the latter)
            re.compile(r"(?<!\bthe )\b(?:%s)\b(?!-)" % lexicon.alternation("fraction_word"), re.IGNORECASE),
            lexicon.regex("ratio_figure", re.IGNORECASE),
            re.compile(r"\b(?:%s)\b" % lexicon.alternation("date_word"), re.IGNORECASE),
            re.compile(r"\b(?:%s)\b|\b(?:%s)\s+(?:\d{1,2}\b|%s\b)" % (
                lexicon.alternation("time_mark"), lexicon.alternation("clock_lead"), lexicon.alternation("number_word")),
                re.IGNORECASE))


def missing_value(question: str, quote: str) -> str:
    """The kind of value ("year", "date", "figure") `question` asks that `quote` does not hold, or ""."""
    from qa.answer.latin_question import asked as read, said
    from qa.answer.short_latin import carries

    if CJK.search(question) or CJK.search(quote):
        return ""  # a Chinese question or quote: its figures are read by qa.answer.slots / qa.answer.across
    a = read(question)
    if a is None or a.wants not in ("year", "date", "number"):
        return ""
    year, date, figure, span_of_time, fraction, ratio, date_word, time_mark = _patterns()
    if a.wants == "date" and not date_word.search(question) and time_mark.search(quote):
        return ""  # a bare "when": a clock time, a season or an event answers it as well as a date
    if a.wants in ("year", "date"):
        pattern = year if a.wants == "year" else date
        return "" if any(not said(a, m.group(0)) for m in pattern.finditer(quote)) else a.wants
    if a.unit is not None:  # a measure: a figure of its unit, and a depth, a width… by its word too
        return (_unsaid_sense(question, quote) or _named_other(question, quote)) if carries(a, quote) else "figure"
    timed = any(span_of_time.fullmatch(word) for word in a.words)  # "how many years ago": years are its count
    # and where years (days, …) are the noun counted («¿Cuántos años vive…?»), only a span of them
    # answers: "superó los 2.000 individuos" is no lifespan, "vive unos 13 años" is
    counts_time = bool(a.noun) and bool(span_of_time.fullmatch(a.noun[0]))
    # a date's day counts nothing («el 6 de diciembre de 1534» holds no count of inhabitants)
    days = [(d.start(), d.end()) for d in date.finditer(quote)]
    for m in figure.finditer(quote):
        value = m.group(0)
        if said(a, value) or year.fullmatch(value.strip()) or (not timed and span_of_time.match(quote, m.end())) \
                or any(s <= m.start() < e for s, e in days) \
                or (counts_time and not span_of_time.match(quote, m.end())):
            continue
        return ""
    return "" if fraction.search(quote) or ratio.search(quote) else "figure"


def _unsaid_sense(question: str, quote: str) -> str:
    """The sense of length `question` asks (`length_sense`) when it is one a sentence names by its
    word (`sense_by_word`: a depth, a width, a thickness) and `quote` writes no word of it; ""
    else. "How deep is the Mackenzie River?" was answered with "runs north-west for about 1,740
    kilometres", its length."""
    from qa.text.paraphrase import plain, same_word

    asked = [plain(w) for w in re.findall(r"[^\W\d_]+", question)]
    said = [plain(w) for w in re.findall(r"[^\W\d_]+", quote)]
    for language in ("en", "es"):
        for sense, words in lexicon.glossary("length_sense", language).items():
            forms = [plain(w) for w in words.split("|")]
            if sense in lexicon.words("sense_by_word") and any(f in forms for f in asked) \
                    and not any(same_word(f, w) for f in forms for w in said):
                return sense
    return ""


def _named_other(question: str, quote: str) -> str:
    """The sense of length `question` asks by its word ("How tall", «¿Qué altura…?») when the word after
    every length `quote` gives names another ("two metres wide", «800 metros de longitud»); "" else.
    "How tall is the Flatiron Building in metres?" was answered 0.91 by "about two metres wide"."""
    from qa.text.paraphrase import named_sense, sense_of

    asked = next((sense for w in re.findall(r"[^\W\d_]+", question) if (sense := sense_of(w))), "")
    named = [named_sense(quote, m.end()) for m in lexicon.regex("length_value", re.IGNORECASE).finditer(quote)] if asked else []
    return asked if named and all(n and n != asked for n in named) else ""


@cache
def _cjk_patterns() -> tuple[re.Pattern, ...]:
    units = [u for name in ("dimension", "asked_unit") for v in lexicon.glossary(name, "zh").values() for u in v.split("|")]
    units += [*lexicon.words("slot_unit"), "%", "％"]
    unit = "|".join(sorted({re.escape(u) for u in units if u}, key=len, reverse=True))
    return (lexicon.regex("numeral_mention"), lexicon.regex("one_date"),
            re.compile(r"\s*[%s]?\s*(?:%s)" % ("".join(lexicon.words("magnitude")), unit)),
            lexicon.regex("quantity_attribute"))


def missing_count(question: str, quote: str) -> str:
    """The noun a Chinese how-many question counts (多少士兵 -> 士兵) when `quote` holds no figure
    but dates and measures, or ""."""
    noun = _counted(question)
    if not noun:
        return ""
    figure, date, measured, _ = _cjk_patterns()
    for m in figure.finditer(quote):
        if m.group(0) in question or m.group(0) == "一":
            continue
        if date.match(quote, m.start()) or measured.match(quote, m.end()) or in_word(quote, m.start(), m.end()):
            continue  # 1314 年 6 月 23 日, 3 英里, 三位一体: a date, a measure or a word counts nothing
        return ""
    return noun


def _counted(question: str) -> str:
    """The noun written right after 多少 / 几 (a measure word between: 多少名士兵), or "": not for an
    attribute before the question word (海拔是多少) nor a size (多长: its figures are measures), a
    count in time, in a unit or in money (几世纪, 多少百分比, 多少钱, 多少投资: figures of those are
    what it asks), nor where another question word asks (带领几个同伙建立哪个国家: 几 is "a few"; 几何).
    People counted by a measure word (多少人, 多少名选手: `people_measure`) are its measure word."""
    from qa.answer.slots import focus
    from qa.text.questions import NUMBER_Q, question_type

    wants, measure = question_type(question)
    asked = NUMBER_Q.search(question)
    if wants == "number" and asked and measure in lexicon.words("people_measure") and asked.group(0).endswith(measure):
        return measure  # 多少人, 多少名选手: people counted, whatever noun follows
    if wants != "number" or measure or not asked:
        return ""
    word, kind = focus(question)
    _, date, measured, attribute = _cjk_patterns()
    if not word or kind == "event" or attribute.search(word) \
            or word not in question[asked.end():asked.end() + len(word) + 1]:
        return ""
    said = asked.group(0)
    if any(measured.match(said, k) for k in range(1, len(said))) or date.match("1" + word) or measured.match(word):
        return ""
    if re.search(lexicon.glossary("cjk_life_event", "zh")["cost"], question) \
            or any(w in re.split(r"[，,。？?！!]", question[asked.end():])[0] for w in lexicon.words("money_noun")):
        return ""  # a sum of money (多少钱, 多少固定资产投资): its figures are in 元
    return "" if any(m.start() != asked.start() for m in lexicon.regex("short_ask").finditer(question)) else word


def coarse_year(question: str, quote: str) -> str:
    """The event word of a Chinese which-year question (哪一年被废弃 -> 废弃) when `quote` says it and
    dates it, everywhere it does, by a century, a decade or "some years ago" only (the date nearest
    before it in its clause, or in its sentence where the clause has none: "在 19 世纪被废弃",
    "数年前便开始探索…，孵化华南脑控"), or ""."""
    from qa.answer.slots import focus
    from qa.text.questions import question_type

    coarse, date, stop = lexicon.regex("coarse_date"), lexicon.regex("one_date"), lexicon.regex("clause_stop")
    if question_type(question)[0] != "year" or coarse.search(question):
        return ""  # 哪一年代 asks a decade
    word, kind = focus(question)
    if kind != "event" or not word or word not in quote:
        return ""
    for m in re.finditer(re.escape(word), quote):
        clause = stop.split(quote[:m.start()])[-1]
        # by where each date ends, a coarse one last where both read the same words (19 世纪)
        marks = sorted([(d.end(), False) for d in date.finditer(clause)] + [(c.end(), True) for c in coarse.finditer(clause)])
        if not marks:
            # a clause going on from its sentence's date ("数年前便开始探索…，孵化华南脑控公司"): that one
            sentence = lexicon.regex("sentence_stop").split(quote[:m.start()])[-1]
            marks = sorted([(d.end(), False) for d in date.finditer(sentence)] + [(c.end(), True) for c in coarse.finditer(sentence)])
        if not marks or not marks[-1][1]:
            return ""
    return word


def latin_coarse_year(question: str, quote: str) -> str:
    """The verb of an English or Spanish which-year question (`year_event`: "In what year was the
    canal link… abandoned?" -> abandoned) when `quote` says it and dates it, everywhere it does, by
    a century or a decade only (`latin_coarse_date`, the date nearest it in its clause: "Since 1994,
    when the restored Shannon–Erne Waterway reopened a canal link abandoned in the nineteenth
    century": 1994 dates the reopening), or "" (`coarse_year` for Chinese)."""
    from qa.answer.latin_question import asked
    from qa.text.paraphrase import plain, same_word

    a = asked(question)
    coarse, year = lexicon.regex("latin_coarse_date", re.I), lexicon.regex("latin_year")
    if a is None or a.wants != "year" or coarse.search(question) \
            or not (m := lexicon.regex("year_event").search(question)):
        return ""
    verb, dated = next(g for g in m.groups() if g), False
    for clause in re.split(r"[,;:]", quote):
        for w in re.finditer(r"[^\W\d_]+", clause):
            if not same_word(plain(verb), plain(w.group(0))):
                continue
            # the nearest date, a coarse one first where both read the same words ("the 1850s")
            marks = sorted([(abs(d.start() - w.start()), 1) for d in year.finditer(clause)]
                           + [(abs(c.start() - w.start()), 0) for c in coarse.finditer(clause)])
            if not marks or marks[0][1]:
                return ""  # undated in its clause, or dated by a year
            dated = True
    return verb if dated else ""


def other_year(question: str, quote: str) -> str:
    """The year a Chinese how-many question names (2008年) when every clause of `quote` giving a
    figure beside the question's focus word names another year and not it, or ""."""
    from qa.answer.slots import focus
    from qa.text.questions import question_type

    year, figure, stop = lexicon.regex("cjk_year"), lexicon.regex("numeral_mention"), lexicon.regex("clause_stop")
    asked = {m.group(1) for m in year.finditer(question)}
    word = focus(question)[0]
    if question_type(question)[0] != "number" or len(asked) != 1 or not word:
        return ""
    clauses = [c for c in stop.split(quote)
               if word in c and any(m.group(0) not in question for m in figure.finditer(c.replace(word, "")))]
    for clause in clauses:
        named = {m.group(1) for m in year.finditer(clause)}
        if not named or named & asked:
            return ""
    return f"{next(iter(asked))}年" if clauses else ""


# a number and the words it names a thing by (2024脑机接口大会, 第1668号决议案): digits, then three
# Chinese characters that are no unit nor date (180海里而且, 1984年至: a quantity or a time, named
# by its number; drcd_test lost two right answers to 38海里 against 114海里 when they counted)
_NUMBERED = re.compile(r"(?<!\d)(?<!\d[.,])(\d{2,})\s*([\u4e00-\u9fff]{3})")
_QUANTITY = (lexicon.regex("figure"), lexicon.regex("length_figure"), lexicon.regex("one_date"))


def other_number(question: str, quote: str) -> str:
    """The numbered name `quote` writes where the Chinese `question` names another number in the
    same words, when the quote never writes the asked number, or "": "2024脑机接口大会在哪里召开？"
    was answered by "2025脑机接口大会…在上海召开" over the seed (0.88), and drcd_test's "第1668號決議案"
    by the sentence on resolution 1630. A number written before the same words names the thing as
    much as they do; a year of the same event (2008年奥运会, 2004年奥运会) likewise."""
    for m in _NUMBERED.finditer(question):
        number, words = m.group(1), m.group(2)
        if number in quote or any((q := p.match(m.group(0))) and q.end() > len(number) for p in _QUANTITY):
            continue
        for other in _NUMBERED.finditer(quote):
            if other.group(1) != number and other.group(2).startswith(words):
                return other.group(1) + re.match(r"[\u4e00-\u9fff]{0,8}", quote[other.start(2):]).group(0)
    return ""


_TIME_MARK = lexicon.regex("time_mark")


def undated(question: str, quote: str) -> bool:
    """Is `question` a when-question (何时, 什么时候, 哪一年; in English "when", "what year") and the
    Chinese `quote` without any mark of a time (`time_mark`: no digit, numeral, unit of time or
    period word)? "托管业务新规什么时候施行？" was answered from rules that say what banks must do
    (实施 echoing 施行), and no date: what the quote says is not when. The class is broad, so a
    quote dating the thing in any way passes."""
    if CJK.search(question):
        asks = bool(TIME_Q.search(question))
    else:
        from qa.answer.latin_question import asked

        a = asked(question)
        asks = a is not None and a.wants in ("year", "date")
    return asks and not _TIME_MARK.search(quote)


_AGE_Q = re.compile(lexicon.alternation("age_q"))
_AGE_SAID = re.compile(lexicon.alternation("age_said"))


def ageless(question: str, quote: str) -> bool:
    """Is an age asked (几岁, 多大年纪) of a Chinese `quote` that writes no age (岁)? "李远清今年多大年
    纪？" was answered 2025 from the sentence on his team: a year is no age."""
    return bool(_AGE_Q.search(question)) and not _AGE_SAID.search(quote)


_LENGTH = lexicon.regex("length_figure")
_LEADS = sorted(lexicon.words("approximate_lead"), key=len, reverse=True)


@cache
def _senses() -> dict[str, str]:
    """Each word of zh.toml's `length_sense` with the sense of length it measures."""
    return {w: sense for sense, words in lexicon.glossary("length_sense", "zh").items() for w in words.split("|")}


SENSE_REACH = (8, 3)  # characters from a sense's word to the figure after it, from a figure to the word after it


def _measured(quote: str, sense: str) -> bool:
    """Does `quote` write a word of `sense` beside a length (深达1,642米, 最深处为1,642米, 2公里宽)?
    A word of it elsewhere is an adjective (一个宽阔的三角洲, 深远的影响) and measures nothing."""
    figures = list(_LENGTH.finditer(quote))
    for w in (w for w, s in _senses().items() if s == sense):
        for m in re.finditer(re.escape(w), quote):
            if any(0 <= f.start() - m.end() <= SENSE_REACH[0] or 0 <= m.start() - f.end() <= SENSE_REACH[1] for f in figures):
                return True
    return False


def other_sense(question: str, quote: str) -> str:
    """The sense of length a Chinese size question asks (`cjk_sense_asked`: 多宽, 深度) when the
    Chinese `quote` writes no word of it (`length_sense`), "" else. A depth, a breadth, a thickness
    is written with its word beside the figure (`sense_by_word`, as in English: 深达, 水深, 宽约,
    直径; `_measured`), so a quote without one gives none ("伊洛瓦底江有多宽？" over "流经约 2,170 公里
    后，经由一个宽阔的…三角洲注入安达曼海"): "麦肯齐河有多深？" over "向西北流经约 1,740 公里" (its length). A length
    and a height are often given bare ("流经约 1,006 公里"), so for them each length the quote gives
    must be said, right before it, to be of another sense: "十八道弯盘山公路有多宽？" was answered 1.0
    by "该公路长约50公里" and "它有多长？" by "直径约31米". The units alone cannot tell (米 measures
    all five); a quote with a length no word names passes a length or a height asked."""
    m = lexicon.regex("cjk_sense_asked").search(question)
    asked = _senses().get(m.group(1) or m.group(2), "") if m else ""
    if not asked or any(w in quote for w, sense in _senses().items() if sense == asked) \
            and (asked not in lexicon.words("sense_by_word") or _measured(quote, asked)):
        return ""
    if asked in lexicon.words("sense_by_word"):
        return asked
    said = []
    for f in _LENGTH.finditer(quote):
        before = quote[max(0, f.start() - 6):f.start()].rstrip()
        before = next((before[:-len(w)] for w in _LEADS if before.endswith(w)), before)
        said.append(next((sense for w, sense in sorted(_senses().items(), key=lambda x: -len(x[0]))
                          if before.endswith(w)), ""))
    return asked if said and all(s and s != asked for s in said) else ""


def cjk_value_gaps(question: str, quote: str) -> list[tuple[str, str]]:
    """(gap kind, detail) of each value a Chinese question asks that `quote` does not give."""
    out = []
    if undated(question, quote):
        out.append(("value", "date"))
    if ageless(question, quote):
        out.append(("value", "age"))
    if noun := missing_count(question, quote):
        out.append(("value", f"number of {noun}"))
    if event := coarse_year(question, quote):
        out.append(("value", f"year of {event}"))
    from qa.answer.event_dates import finer_unit  # 成立于2022年 gives no month of the founding

    if asked := finer_unit(question, quote):
        out.append(("value", asked))
    if sense := other_sense(question, quote):
        out.append(("value", sense))  # "the passages give no depth"
    from qa.answer.unfigured import unfigured_attribute  # 描述了它的密度: the noun, no figure of it

    if attribute := unfigured_attribute(question, quote):
        out.append(("value", attribute))
    if named := other_number(question, quote):
        out.append(("elsewhere", named))  # "the passages say this of 2025脑机接口大会, not of what the question names"
    if year := other_year(question, quote):
        out.append(("period", year))  # "the passages give no figure for 2008年"
    from qa.answer.firsts import cjk_unbound_ordinal, other_ordinal  # 首届's 冠军 said of another edition

    if unbound := cjk_unbound_ordinal(question, quote):
        out.append(("value", unbound))
    if ranked := other_ordinal(question, quote):
        out.append(("elsewhere", ranked))  # "the passages say this of 第二代, not of what the question names"
    from qa.answer.contrasts import other_member  # 雄性's length for 雌性's

    if member := other_member(question, quote):
        out.append(("elsewhere", member))
    return out
