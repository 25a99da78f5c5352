"""Follow-ups rewritten into the standalone question that is searched for.

With a chat model, `prompts/condense.txt` asks it (as llama-index's CondensePlusContextChatEngine
does); without one, or when it fails, rules do it. The rules read only the last turn's searched
question, and change a question only when it has a follow-up's shape:

- an ellipsis, "那上海呢?", "签约率呢?", "what about Shanghai?", "and X?": X takes the place of
  the same kind of thing in the last question (a place for a place, an organisation for an
  organisation), or, when X is an attribute (a rate, a time, a name, a role), it is asked about
  the last question's subject;
- a pronoun or a demonstrative in the subject's place ("它什么时候开业?", "该院…", "When does it
  open?") is replaced by the last question's subject, or by the thing the demonstrative names;
- a question that starts with a modal and names no subject ("能创造多少就业岗位?") gets it.

Anything else is left as typed: a wrong rewrite searches for the wrong thing, which is worse than
searching for a follow-up as it stands. The cues are grammatical (suffixes, function words,
capitals), not lists of the seed's names; spaCy or jieba would do better at finding the noun
phrases, but they cost seconds to load at the chat's first prompt and are optional here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.answer.llm import THINK, condense_messages
from qa.errors import ProviderError
from qa.text import lexicon
from qa.text.cjk import HAN, language
from qa.text.questions import ASKING_WORDS, has_words
from qa.text.script import to_simplified, unfold

__all__ = ["Exchange", "has_subject", "leans_on_last", "rewrite", "rewrite_by_rules"]


@dataclass(frozen=True)
class Exchange:
    """One earlier turn of a conversation."""

    question: str  # what the user typed
    standalone: str  # what was searched (the rewrite, or the question itself)
    answer: str  # the answer text shown ("" for a refusal is fine)


# The model sees the recent conversation only: older turns rarely hold the referent, and long
# answers would push the follow-up itself far down the prompt.
_TURNS = 6
_ANSWER_CHARS = 600


def rewrite(question: str, history: list[Exchange], llm=None) -> str:
    """The standalone question to search for. With `llm` (a `qa.llm.ChatLLM`) the condense prompt
    asks the model; when it fails or replies with nothing usable, the rules decide. Without
    history the question is already standalone."""
    if not history:
        return question
    if llm is not None:
        try:
            condensed = _condense(question, history, llm)
        except ProviderError:
            condensed = ""
        if condensed:
            return condensed
    return rewrite_by_rules(question, history)


def _condense(question: str, history: list[Exchange], llm) -> str:
    turns: list[tuple[str, str]] = []
    for ex in history[-_TURNS:]:
        turns.append(("user", ex.question))
        if ex.answer:
            turns.append(("assistant", ex.answer[:_ANSWER_CHARS]))
    reply = THINK.sub("", llm.complete(condense_messages(turns, question)).text)
    line = next((s.strip() for s in reply.splitlines() if s.strip()), "")
    line = _LABEL.sub("", line).strip().strip("\"'“”「」‘’`").strip()
    # A reply far longer than the question and the last one is an answer or an explanation,
    # not a rewrite: searching for it would retrieve by the model's own words.
    limit = 3 * max(len(question), len(history[-1].standalone)) + 40
    return line if has_words(line) and len(line) <= limit else ""


_LABEL = lexicon.regex("condense_label", re.I)


def rewrite_by_rules(question: str, history: list[Exchange]) -> str:
    """The follow-up `question` made standalone from the last turn's searched question, or
    `question` unchanged when it is not a follow-up or its referent cannot be found."""
    if not history:
        return question
    previous = history[-1].standalone or history[-1].question
    if language(question) == "zh":
        # Read in Simplified, like the lexicon's patterns; written back in the user's own characters.
        found = _chinese(to_simplified(question), to_simplified(previous))
        return unfold(found, question, previous) if found else question
    return _english(question, previous) or question


# A follow-up that leans on the last turn without saying so is short ("什么时候开业?", "How many
# jobs are created?"); a long question that opens on a question word ("By which year does the
# national implementation opinion on … aim to …?") has said what it is about in its own words.
_SHORT_CHARS = 16  # Chinese: characters
_SHORT_WORDS = 8  # other languages: words


def has_subject(question: str) -> bool:
    """Does `question` name what it asks about? A Chinese one when it opens on a noun phrase (not
    on a question word: "什么时候开业?" names nothing), an English one when it holds a name."""
    if language(question) == "zh":
        return bool(_subject(to_simplified(question)))
    return bool(_names(question))


def leans_on_last(question: str) -> bool:
    """Is `question`, as typed, about what the conversation was about: short and naming no subject
    of its own? (`qa.chat.session` then searches the article the last answer cited first.)"""
    short = len(question.strip()) <= _SHORT_CHARS if language(question) == "zh" \
        else len(question.split()) <= _SHORT_WORDS
    return short and not has_subject(question)


# -- Chinese ----------------------------------------------------------------------------------------
# The patterns are in the lexicon (qa/text/lexicon/zh.toml), which says what each one matches.
_H = f"[{HAN}]"
_ELLIPSIS = lexicon.regex("ellipsis")  # "那上海呢?": a noun phrase and 呢, nothing asked of it
_PRONOUN = lexicon.regex("pronoun")
_PRONOUN_START = lexicon.regex("pronoun_start")
_PRONOUN_OPENER = lexicon.regex("pronoun_opener")
_DEMONSTRATIVE = lexicon.regex("demonstrative")
_PLACE_DEMONSTRATIVE = lexicon.regex("place_demonstrative")  # "那里在哪个省?": the place named before
_PLURAL_DEMONSTRATIVE = lexicon.regex("plural_demonstrative")  # "这些是谁介绍的?": things of the subject
# A measure word after a demonstrative's noun is part of it (该奖项: 奖 names the award, 项 counts it).
_MEASURE = frozenset(lexicon.words("measure"))
_MODAL_START = lexicon.regex("modal_start")  # a question that opens on a modal has left its subject out
_SUBJECT_END = lexicon.regex("subject_end")  # where a question's subject ends
_DEFINE = lexicon.regex("rewrite_define")
_TITLE = lexicon.regex("title_start")
_CLAUSE_OPENER = lexicon.regex("clause_opener")
_CLAUSE = lexicon.regex("clause_comma")
# The kind of a noun phrase, by its last characters: places and organisations...
_ENTITY = lexicon.regex("entity")
# ...and attributes, grouped by the question word that asks for them (`_ASKING_FOR`). Rewrite's
# time and name are the ends of attribute nouns, named apart from the time and name an answer
# sentence holds (qa.text.questions).
_QUANTITY = lexicon.regex("quantity_attribute")
_TIME = lexicon.regex("time_attribute")
_NAME = lexicon.regex("name_attribute")
_ROLE = lexicon.regex("role_attribute")
_ASKING_FOR = lexicon.glossary("asking_for")


def _chinese(question: str, previous: str) -> str:
    if m := _ELLIPSIS.match(question):
        x = m.group("x").strip()
        if not ASKING_WORDS.search(x) and len(x) <= 20:
            return _ellipsis(x, previous, _mark(question))
    # A demonstrative that stands alone as the subject (what follows it ends a subject: 在, 是, a
    # question word) names no noun to look for: it stands for the last question's subject. 那里 is
    # replaced by it; 这些 is kept, as things of it (X的这些), so no word of the follow-up is lost.
    for pattern, keep in ((_PLACE_DEMONSTRATIVE, False), (_PLURAL_DEMONSTRATIVE, True)):
        if (m := pattern.match(question)) and _SUBJECT_END.match(question, m.end()):
            s = _previous_subject(previous)
            rest = question[m.end():]
            return (f"{s}的{m.group('d')}{rest}" if keep else s + rest) if s else ""
    if (m := _DEMONSTRATIVE.match(question)) and (noun := _noun(m.group("n"))):
        span, head = _referent_head(previous, noun)
        if not span:
            return ""
        # Only the words the referent stands for are replaced: 该区发展和改革局 -> 新华区发展和改革局
        # (区 named 新华区; 发展 is the follow-up's own word), 该奖项 -> 奥斯卡最佳视觉效果奖.
        kept = noun[len(head):]
        if len(kept) == 1 and kept in _MEASURE:
            kept = ""
        return span + kept + question[m.start("n") + len(noun):]
    if _PRONOUN_START.match(question) or (_PRONOUN.search(question) and not _subject(question)):
        s = _previous_subject(previous)
        # 其 is "its": 其创始人 -> X的创始人; 它/他们 stand for the name itself.
        return _PRONOUN.sub(lambda p: s + "的" if p.group(0) == "其" else s, _strip_opener(question), count=1) \
            if s else ""
    if _MODAL_START.match(question):
        s = _subject(previous)
        return s + question if s else ""
    return ""


def _ellipsis(x: str, previous: str, mark: str) -> str:
    s = _subject(previous)
    if _PRONOUN.search(x):
        # "那它的经纬度呢?": the pronoun names the subject, x names what is asked of it.
        return (_PRONOUN.sub(lambda _: s, x, count=1) + "是" + _asking(x) + mark) if s else ""
    entity = _ENTITY.search(x)
    attribute = _QUANTITY.search(x) or _TIME.search(x) or _NAME.search(x) or _ROLE.search(x)
    # Bare names (上海, 黄独) are taken for a thing of the subject's kind unless the subject is
    # marked as a place or organisation and x is not: 重大平台 is not another 闵行区.
    if not attribute and (entity or re.fullmatch(r"[A-Za-z][\w .·-]*", x) or not (s and _ENTITY.search(s))):
        if entity:
            span = _referent(previous, entity.group(0), whole=True)
            if span and span != x:
                return previous.replace(span, x, 1)
        # The name in the subject is what x replaces, the rest stays: 北京市以标准赋能… -> 上海以标准赋能…
        s = _named(s)
        return previous.replace(s, x, 1) if s and s != x else ""
    return f"{s}的{x}是{_asking(x)}{mark}" if s else ""


def _asking(attribute: str) -> str:
    if _QUANTITY.search(attribute):
        return _ASKING_FOR["quantity"]
    if _TIME.search(attribute):
        return _ASKING_FOR["time"]
    if _ROLE.search(attribute):
        return _ASKING_FOR["role"]
    return _ASKING_FOR["other"]


def _mark(question: str) -> str:
    return "？" if question.rstrip().endswith("？") else "?"


def _strip_opener(question: str) -> str:
    return _PRONOUN_OPENER.sub("", question)


def _previous_subject(previous: str) -> str:
    """What a pronoun or a bare demonstrative in a follow-up stands for: the last question's subject."""
    return _subject(previous) if language(previous) == "zh" else _en_subject(previous)


def _named(subject: str) -> str:
    """The longest start of `subject` that ends like a place or an organisation (北京市 of
    北京市以标准赋, which `_SUBJECT_END` cut at the 能 of 赋能), or `subject` when none does."""
    for end in range(len(subject), 1, -1):
        if _ENTITY.search(subject[:end]):
            return subject[:end]
    return subject


def _subject(question: str) -> str:
    """The leading noun phrase of a Chinese question: what a pronoun in the next one stands for."""
    if m := _DEFINE.match(question):
        return m.group("x").strip()
    if m := _TITLE.match(question):
        return m.group(0)
    clauses = [c for c in _CLAUSE.split(question) if c.strip()]
    # "1990年，范廷颂担任…", "在上海的…发布会上，有…": an opening time or place is not the subject.
    if len(clauses) > 1 and _CLAUSE_OPENER.match(clauses[0]):
        question = "，".join(clauses[1:]).strip()
    # A question that opens on a question word or a particle ("谁创办了它?") has no subject to lend.
    m = _SUBJECT_END.search(question)
    if not m or m.start() < 2:
        return ""
    end = m.start()
    # "托管业务迎来了…": 了 follows a verb, which is no part of the subject (most verbs have two characters).
    if m.group(0) == "了" and end >= 4:
        end -= 2
    return question[:end].strip()


def _referent(previous: str, noun: str, whole: bool = False) -> str:
    """The noun phrase of `previous` that ends with `noun`, or with its first characters (该奖项 for
    奥斯卡最佳视觉效果奖, 该院 for 广东省第二人民医院); it starts where a clause or phrase does."""
    return _referent_head(previous, noun, whole)[0]


def _referent_head(previous: str, noun: str, whole: bool = False) -> tuple[str, str]:
    """(`_referent`, the start of `noun` it ends with), or ("", "")."""
    if _TIME.search(noun):
        return "", ""  # 这时, 那个时候, 这一年 point at a time, not at a thing named before
    stops = {m.end() for m in _SUBJECT_END.finditer(previous)}
    heads = [noun] if whole else list(dict.fromkeys([noun, noun[:2], noun[:1]]))
    for head in heads:
        at = previous.find(head)
        if at < 0:
            continue
        start = at
        while start > 0 and start not in stops and re.match(_H + r"|[A-Za-z0-9·]", previous[start - 1]):
            start -= 1
        span = previous[start:at + len(head)]
        if len(span) > len(head) and not ASKING_WORDS.search(span):
            return span, head
    return "", ""


def _noun(text: str) -> str:
    m = _SUBJECT_END.search(text)
    return text[:m.start()] if m else text


# -- English ----------------------------------------------------------------------------------------
# The rules for a question in a language written in words; their patterns are in the lexicon
# (qa/text/lexicon/en.toml, named apart from zh.toml's), which says what each one matches.
_EN_ELLIPSIS = lexicon.regex("worded_ellipsis", re.I)  # "what about Shanghai?", "and its budget?"
_EN_PRONOUN = lexicon.regex("worded_pronoun", re.I)
_EN_DETERMINER = lexicon.regex("worded_determiner", re.I)
_OPENERS = frozenset(lexicon.words("name_opener"))  # open a question with a capital without being a name
_JOINERS = frozenset(lexicon.words("name_joiner"))  # "Bank of China" is one name
_NAME_RUN = lexicon.regex("worded_name_run")
_EN_ATTRIBUTE_OF = lexicon.regex("worded_attribute_of", re.I)
_EN_ATTRIBUTE_POSSESSIVE = lexicon.regex("worded_attribute_possessive")


def _names(question: str) -> list[str]:
    out = []
    for m in _NAME_RUN.finditer(question):
        words = m.group(0).split()
        if m.start() == 0 and words[0].lower() in _OPENERS:
            words = words[1:]
        run: list[str] = []
        for word in words:
            if word.lower() in _JOINERS:
                # "Bank of China" is one name; "CEO of Beijing Zhiran" is a role's acronym, then a name.
                if run and not run[-1].isupper():
                    run.append(word)
                elif run:
                    out.append(" ".join(run))
                    run = []
                continue
            run.append(word)
        if run and run != ["I"]:
            out.append(" ".join(run))
    return out


def _en_subject(question: str) -> str:
    names = _names(question)
    # A run with a capitalised word ("Beijing Zhiran Medical Technology") is a name; an
    # all-capitals one ("CEO", "BCI") more often an acronym for a kind of thing.
    titled = [n for n in names if any(w[:1].isupper() and not w.isupper() for w in n.split())]
    return (titled or names or [""])[0]


def _english(question: str, previous: str) -> str:
    if m := _EN_ELLIPSIS.match(question.strip()):
        x = (m.group("x") or m.group("y")).strip()
        # "its budget" asks for the budget of the last subject: the article or possessive goes
        # ("What is the its budget of…" is no question).
        bare = _EN_DETERMINER.sub("", x)
        if _EN_PRONOUN.fullmatch(bare):
            return ""  # "what about it?" names nothing new to search for
        s = _previous_subject(previous)
        if bare[:1].isupper():
            same = [n for n in _names(previous) if n.isupper() == bare.isupper()] or _names(previous)
            return previous.replace(same[0], bare, 1) if same else ""
        if a := _EN_ATTRIBUTE_OF.match(previous):
            return a.group("head") + bare + a.group("tail")
        if a := _EN_ATTRIBUTE_POSSESSIVE.search(previous):
            return previous[:a.start("a")] + bare + a.group("tail")
        return f"What is the {bare} of {s}?" if s else ""
    if _EN_PRONOUN.search(question) and not _names(question):
        s = _en_subject(previous) if language(previous) == "en" else _subject(previous)
        if not s:
            return ""

        def name(p: re.Match) -> str:
            return s + "'s" if p.group("own") or p.group("her") else s

        return _EN_PRONOUN.sub(name, question, count=1)
    return ""
