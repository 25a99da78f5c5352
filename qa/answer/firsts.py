"""Is the ordinal a question binds to its subject said with what it asks? "Which country won the
first bandy world championship?" over "An international federation… held the first world
championship two years later in Helsinki, and since then almost every title has been won either by
the Soviet Union… or by Sweden": every word of the question is in the sentence, "first" too, but the
first championship is the object of one clause (it was held) and the winning is said in another,
of every title since; nobody is said to have won the first. Likewise "Which county won the first
All-Ireland hurling championship?" over "…Championship, first held in 1887, ends each summer…, and
Kilkenny has won the title more often than any other county".

A question binds an ordinal to a thing when an article or a possessive leads it ("the first
championship", «la primera edición»: `ordinal_lead`; not the adverb of "Who first climbed…"). The
quote's sentences are cut into clauses where a comma and a joiner start one with its own subject
(`clause_break_word`: ", and", ", but", «, y»; and at a semicolon or a colon). Where the quote says
the ordinal (`ordinal_rank`: first, inaugural; primer, primera…), the verb a who- or which-question
asks (`ordinal_asked_verb`: "won" of "Which county won…") that some clause says but none of the
ordinal's clauses does is said of something else: the quote does not answer for the first. Only
that verb is read: another word of the question said in another clause is often said in the
ordinal's by a synonym ("the first recorded climb" as "the first recorded ascent…, and the
mountain has been climbed by thousands since"). A quote that never says the ordinal is not read
(the first may be told by its date, "in 1887").
Checked by `qa.answer.latin_slots.worded_gaps` for English and Spanish questions over text in
their language.

A Chinese question (`cjk_unbound_ordinal`) binds one by a measure word (首届, 第一届, 第3次:
`cjk_bound_ordinal`), and only what it asks of the edition is read, its attribute (首届…锦标赛的
冠军是哪个国家 -> 冠军) or its closing verb (…是哪个郡赢得的 -> 赢得): its bigram terms hold the
topic nouns a Chinese sentence sets apart by a comma. Clauses are cut at every clause stop
(`clause_stop`), but a Chinese clause after a comma mostly goes on with the same subject
("2008年欧洲足球锦标赛是第十三届欧洲国家杯，于2008年6月7日至29日在奥地利及瑞士举行" held the 13th;
"发动第五次北伐，目标是…" its goal), so what is asked must be said only in clauses binding another
edition or every one (`cjk_every_edition`: "并于两年后在赫尔辛基举办了第一届世界锦标赛，从那以后，几乎
每一届冠军都由苏联…获得": 冠军 of every championship).
"""

from __future__ import annotations

import re
from functools import cache

from qa.text import lexicon
from qa.text.sentences import split_sentences
from qa.text.tokens import WORD

__all__ = ["cjk_unbound_ordinal", "other_ordinal", "unbound_ordinal"]



@cache
def _ranks() -> tuple[tuple[str, re.Pattern], ...]:
    """(rank, its forms as a whole word) for English and Spanish together."""
    out = []
    for lang in ("en", "es"):
        for rank, forms in lexicon.glossary("ordinal_rank", lang).items():
            out.append((rank, re.compile(r"(?<!\w)(?:" + forms + r")(?!\w)", re.I)))
    return tuple(out)


@cache
def _breaks() -> re.Pattern:
    return re.compile(r"[;:]|,\s+" + lexicon.alternation("clause_break_word") + r"\b", re.I)


@cache
def _leads() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("ordinal_lead"))


@cache
def _stop() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("stop_word"))


def _bound(question: str) -> tuple[str, re.Pattern, int] | None:
    """(the ordinal, its rank's forms, where it ends) where `question` binds one to a thing."""
    for _, forms in _ranks():
        for m in forms.finditer(question):
            before = question[:m.start()].split()
            if before and before[-1].lower() in _leads() and WORD.match(question, m.end() + 1):
                return m.group(0), forms, m.end()
    return None


def unbound_ordinal(question: str, quote: str) -> str:
    """"'<word>' of the <ordinal> <thing>" when `quote` says the ordinal the question binds to a
    thing but says the verb the question asks of it (`ordinal_asked_verb`: "Which country won…")
    only in clauses without it; "" else."""
    from qa.text.paraphrase import says

    if not (bound := _bound(question)):
        return ""
    ordinal, forms, end = bound
    clauses = [c for s in split_sentences(quote) for c in _breaks().split(quote[s.start:s.end]) if c.strip()]
    held = [c for c in clauses if forms.search(c)]
    others = [c for c in clauses if not forms.search(c)]
    if not held or not others:
        return ""
    if not (verb := lexicon.regex("ordinal_asked_verb", re.I).search(question)):
        return ""
    word = next(g for g in verb.groups() if g)  # one group per language file
    thing = []  # the words of the thing after the ordinal ("bandy world championship"), for the reason
    for w in re.match(r"[\w'’ -]*", question[end:]).group(0).split()[:4]:
        if w.lower() in _stop():
            break
        thing.append(w)
    if not any(says(c, word, question) for c in held) and any(says(c, word, question) for c in others):
        return f"'{word}' of the {ordinal} {' '.join(thing)}"
    return ""


def _rank(m: re.Match) -> str:
    return "一" if m.group(2) else m.group(1)


def cjk_unbound_ordinal(question: str, quote: str) -> str:
    """"<word> of <ordinal>" when the Chinese `quote` says the edition `question` binds (首届) but
    what it asks of it (its attribute or closing verb) only in clauses without it; "" else."""
    from qa.answer.slots import _attribute, mentions

    bound = lexicon.regex("cjk_bound_ordinal")
    if not (m := bound.search(question)):
        return ""
    rank, q = _rank(m), question.strip()
    word = _attribute(q[:q.index("是") + 1]) if "是" in q[m.end():] else ""
    if not word and (v := lexicon.regex("cjk_closing_verb").search(q)):
        word = v.group(1)
    if len(word) < 2:
        return ""
    clauses = [c for c in lexicon.regex("clause_stop").split(quote) if c.strip()]
    held = [c for c in clauses if any(_rank(o) == rank for o in bound.finditer(c))]
    saying = [c for c in clauses if c not in held and mentions(c, word)]
    # a Chinese clause after a comma goes on with the same subject ("…是第十三届欧洲国家杯，于2008年…
    # 举行"): only a clause binding another edition, or every one, says it of another
    other = [c for c in saying if lexicon.regex("cjk_every_edition").search(c)
             or any(_rank(o) != rank for o in bound.finditer(c))]
    if held and saying and other == saying and not any(mentions(c, word) for c in held):
        return f"{word}（{m.group(0)}）"
    return ""


_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}


def _value(rank: str) -> int:
    """The number a rank writes (3, 三, 十二, 二十一; 首 and 一 are 1), 0 when it cannot be read."""
    if rank.isdigit():
        return int(rank)
    if rank == "首":
        return 1
    if "十" in rank:
        tens, _, ones = rank.partition("十")
        return (_DIGIT.get(tens, 0) if tens else 1) * 10 + (_DIGIT.get(ones, 0) if ones else 0)
    return _DIGIT.get(rank, 0) if len(rank) == 1 else 0


def _ranked(text: str, ordinal_only: bool) -> list[tuple[int, str]]:
    """(rank, the thing ranked) of each ordinal in `text`: the measure word after it (第三代 -> 代),
    or the first two characters of another word (第二人民医院 -> 人民). `ordinal_only`: without a
    count of one (一次, 一篇), which ranks nothing in a question."""
    measures = lexicon.words("ordinal_measure")
    out = []
    for m in lexicon.regex("cjk_ranked").finditer(text):
        rank = m.group(1) or m.group(2) or m.group(3)
        after = m.group(4)
        if m.group(3) and (ordinal_only or after[0] not in measures):
            continue  # 一 before a measure word counts one; before another word (一般, 一致) it is no number
        if value := _value(rank):
            out.append((value, after[0] if after[0] in measures else after))
    return out


def other_ordinal(question: str, quote: str) -> str:
    """The ordinal `quote` (Chinese) ranks the thing by where `question` ranks it otherwise, when
    the quote never ranks it as asked, or "": "第三代256通道无线植入式脑机接口系统是在哪里发布的？"
    was answered 0.998 by "会上发布第二代256通道…系统", "广东省第三人民医院的…基地是什么时候成立的？"
    by 第二人民医院's, "第二例…临床植入是在什么时候？" by the 首例, "第二次大规模修复" by "进行了一次大规模
    修复". An ordinal ranks a thing by the measure word after it (`ordinal_measure`: 代, 例, 次) or
    by the word it opens (第二人民医院); 首 and 一 rank alike (首例 is the 第一例). Only a rank past
    every one the quote writes is read: drcd_test's "首次被稱為天可汗的中國皇帝" and "日本第一大汽車製造商"
    are answered by quotes saying 第二次 and 第二大."""
    for rank, thing in _ranked(question, True):
        said = [r for r, t in _ranked(quote, False) if t == thing]
        # a later rank presupposes the earlier ones, which a quote tells without their ordinal
        # (唐太宗 首次被称为天可汗, told by "…第二次在灵州被…尊为天可汗"; 第一大 by 第二大, 仅次于…)
        if said and rank > max(said):
            m = next(m for m in lexicon.regex("cjk_ranked").finditer(quote)
                     if _value(m.group(1) or m.group(2) or m.group(3)) == said[0] and m.group(4).startswith(thing))
            return quote[m.start():m.start(4)].strip() + thing
    return ""
