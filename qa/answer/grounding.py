"""Entity grounding (issue 23): the names a question is about must be where the quote is.

A question that names one article's subject ("尤金袋鼠为什么会被认为是害虫?") and is asked with
another name in its place ("泡泡战士为什么…") still shares every other word with the first
article, so coverage of the question's words finds that article's sentence and quotes it about
the wrong entity. Here the quote is checked for the question's names: each must be in the quote's
*grounding*, the text a reader takes the quote to be about: the article's title, the passage up
to the end of the quote and the sentence after it, and the earlier passages of the same article
that were retrieved. A later mention does not ground it: in a news page that speaks of Beijing's
plan and then Shanghai's, the sentence on Beijing's plan is no answer about Shanghai.

There is no word segmenter at question time (jieba takes a second to load), so names are found
from the question and the corpus, not from a dictionary of names:
  - quoted spans: 《title》, “…”, 「…」 (`quoted_name` in the lexicon); a long one (5+ characters)
    is grounded by most of its character pairs, as a question may write an official name otherwise (《中华人民共和国宪法》 for 《宪法》);
  - the titles of the retrieved articles that the question contains (a title names a subject);
  - a word in Latin letters in a Chinese question (Xbox 360, iPhone): a name or a model, which a
    quote that does not give it does not answer for (《无双大蛇Z》的Xbox 360版 against the sentence on its PlayStation 3 release);
  - the question's *missing spans*: runs of its characters that no character pair of the
    grounding covers (上海 in "上海以标准赋能…" against a quote on 北京市以标准赋能…), that look
    like a name: a region of the lexicon (广东, 上海), or a place or an organisation by its ending
    (the `entity` pattern: 市, 公司, 大学…) that a retrieved passage holds (a word the corpus never
    says is no entity it knows), or that stands where the grounding writes the quote's own subject
    (its article's title), with the same words around it: "世界上的第一枚恒星是哪个国家发行的?"
    against "世界上第一枚邮票是英国发行的" of the article 邮票 (`_in_place`). This is what finds a
    name by no ending of its own (恒星, 网球 are common nouns, and DRCD's articles are named so).
    A collection title the quote's own article also says (in a passage retrieved) is one of its
    words, not another subject's name: DRCD has articles titled 政策, 科学 and 文明.
A span right after the question word it completes (哪一|个地区, 什么|政策) is the kind of the
answer, not a name (`asked_kind_before`); a title's disambiguation note is no part of its name (贝尔 (消歧义), 民主黨_(美國)).
Rarity is no cue: on cmrc_trial (590 chunks) the missing spans of answerable questions are as rare
as names (职务, 别名, 擅长: 2-3 chunks, as many as 马飚 or 泡泡), being the words a question uses in place of the passage's.
A transliterated name the grounding writes in other characters of a like sound (拉埃内克 for
雷奈克: `qa.text.sounds`) is no missing span, nor a missing quoted name.
A name missing from the grounding is a gap of kind "entity" ("the passages do not mention 上海").

The other way round, the quote names the entity but says nothing of what is asked, while another
article says it: `qa.answer.elsewhere`. A quote that opens on another region than the one asked about (`displaced`: 广东省…规划 for
上海's plan, in a page that named Shanghai first): its sentence names its own subject.

Matching is on folded text (`qa.text.cjk.fold`: Traditional to Simplified), as everywhere.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from qa.text import lexicon
from qa.text.cjk import CJK_RUN, fold, spread, unpunctuated
from qa.text.places import apart, divisions_in, located_place, named_places, opening_place, place_before, without_ending
from qa.text.places import level as place_level
from qa.text.questions import question_type, strip_question
from qa.text.sentences import split_sentences
from qa.text.sounds import sounded
from qa.types import Hit


_QUOTED = lexicon.regex("quoted_name")
_LATIN = lexicon.regex("latin_name")
_ENTITY = lexicon.regex("entity")
_REGIONS = frozenset(lexicon.words("region"))
_CATEGORY = lexicon.regex("category_word")
_ASKED_KIND = lexicon.regex("asked_kind_before")
_NOT_START, _NOT_END = frozenset(lexicon.words("not_word_start")), frozenset(lexicon.words("not_word_end"))
_ASKING_CHARS = frozenset(lexicon.words("asking_char"))
_SUBJECT_NEXT = frozenset(lexicon.words("subject_next"))
_INTRODUCER = re.compile("^(?:" + lexicon.alternation("introducer") + ")")
_STAND_IN = (lexicon.regex("demonstrative"), lexicon.regex("place_demonstrative"), lexicon.regex("pronoun_start"))
# 贝尔 (消歧义), 民主黨_(美國) (DRCD writes a page's name as its address does): the name is the part
# before the note
_TITLE_NOTE = re.compile(r"[\s_]*[(（][^)）]*[)）]\s*$")


def grounding(hit: Hit, start: int, end: int, hits: list[Hit], folded: bool = True) -> str:
    """What the quote `hit.text[start:end]` is read as being about (see the module doc), folded
    (as written without `folded`: a name's capitals spell its initials); its first line is the
    article's title."""
    after = next((s for s in split_sentences(hit.text) if s.start >= end), None)
    stop = after.end if after is not None else end
    earlier = [h.text for h in hits if h.source == hit.source and h.article_id == hit.article_id
               and h.end and h.end <= hit.start]
    text = "\n".join([hit.title, *earlier, hit.text[:stop]])
    return fold(text) if folded else text


def _name_of(title: str) -> str:
    """An article title as a name: folded, without its note."""
    return fold(_TITLE_NOTE.sub("", title.strip()))


def _titles(hits: Iterable[Hit]) -> list[str]:
    names = {_name_of(h.title) for h in hits if h.title}
    return sorted((t for t in names if len(t) >= 2), key=len, reverse=True)


def _missing_spans(question: str, ground: str) -> list[str]:
    """Runs of at least two question characters (question words and particles taken out) that no
    character pair of `ground` covers."""
    out = []
    for run in CJK_RUN.findall(strip_question(question)):
        covered = [False] * len(run)
        for i in range(len(run) - 1):
            if run[i:i + 2] in ground:
                covered[i] = covered[i + 1] = True
        marks = "".join("1" if c else "0" for c in covered)
        out += [run[m.start():m.end()] for m in re.finditer("0{2,}", marks)]
    return out


# A quoted name of this many characters or more is grounded by this share of its character pairs:
# a question quoting a long official name writes it otherwise than the passage (《中华人民共和国宪法》
# for 《宪法》 after 中华人民共和国主席, 南斯拉夫人民联邦共和国 for 南斯拉夫联邦人民共和国).
QUOTED_LONG = 5
QUOTED_PAIRS = 0.7


def _mostly_in(name: str, ground: str) -> bool:
    """Are most character pairs of the long quoted `name` in `ground`?"""
    pairs = [name[i:i + 2] for i in range(len(name) - 1)]
    return len(name) >= QUOTED_LONG and sum(p in ground for p in pairs) >= QUOTED_PAIRS * len(pairs)


# A quoted name of `QUOTED_LONG` characters or more is grounded by a name the grounding quotes that
# matches this share of its characters in order (difflib's ratio, 2M/T), when what differs holds no
# figure: a translation transliterates a foreign name its own way (《斯特拉尔松条约》 for
# 《施特拉尔松德条约》: 0.8) and words a title apart from its passage (《黎明的港湾》 for 《黎明时的港口》:
# 0.73), while a sequel differs by its number (《第九交响曲》, 《第五交响曲》) and a short name by one
# character is another name (《中国日报》, 《中国时报》: 0.75, too short). zh_translated +1 at 0.7 against
# 0.75, nothing else moved on the dev sets; like `QUOTED_PAIRS`, a reading of "the same name".
QUOTED_SPELLING = 0.7
_FIGURE = lexicon.regex("numeral_mention")


def _spelled_otherwise(name: str, ground: str) -> bool:
    """Does `ground` quote `name` (folded) in other characters: mostly the same ones, in order,
    and no other number?"""
    from difflib import SequenceMatcher

    if len(name) < QUOTED_LONG:
        return False
    for m in _QUOTED.finditer(ground):
        other = next(g for g in m.groups() if g)
        match = SequenceMatcher(None, name, other, autojunk=False)
        if match.ratio() < QUOTED_SPELLING:
            continue
        differ = "".join(name[i1:i2] + other[j1:j2] for op, i1, i2, j1, j2 in match.get_opcodes() if op != "equal")
        if not _FIGURE.search(differ):
            return True
    return False


def _heard(name: str, ground: str) -> bool:
    """Is quoted `name` a transliteration that `ground` writes in other characters of a like sound
    (`qa.text.sounds`), all but one character of it?"""
    rest = name
    for h in sounded(name, ground):
        rest = rest.replace(h, "")
    return rest != name and len(rest.strip()) <= 1


def _absent_scope(question: str, span: str, absent: frozenset[str], ground: str = "") -> str:
    """A dictionary word of `span` (cut as `qa.text.gloss_kin.word_starts` cuts it) that opens
    `question`, marked as its scope or owner (月球上, 东京的: zh.toml `scope_mark`), and that no
    chunk of the collection holds (each of its character pairs among the question's `absent` terms):
    what the question is about, which the collection never speaks of ("" if none, and without
    `absent`). Not a word only the retrieved passages lack: on drcd_test that refused 7 (現今的,
    當時的, 戰機中 opening a question the collection words otherwise elsewhere). Only the opening word: inside a question 的 ties modifiers as often (国家层面的
    实施意见, 层面 a word no passage writes).
    Whatever else the question shares with a passage (人口, 产业规划) is then said of another
    subject: "月球的人口有多少?" over a page on 广东's population. A plain word so marked already gets
    no rewording's credit (`qa.answer.seams.plain_absent`); this refuses the quote outright.
    Not a word saying when its thing was (原来的穹顶 over 最初的穹顶: zh.toml `time_qualifier`), nor
    one a phrase of the grounding `ground` writes spread out (镀银的铜板 over 镀有抛光银层的铜板:
    `qa.text.cjk.spread`): both are the article's own thing worded apart (zh_xwiki9, zh_xwiki19)."""
    from qa.answer.seams import scoped
    from qa.text.gloss_kin import is_word, word_starts

    cuts = sorted(word_starts(span)) + [len(span)]
    for a, b in zip(cuts, cuts[1:]):
        word = span[a:b]
        if b - a >= 2 and question.startswith(word) and is_word(word) and scoped(question, word) \
                and all(word[i:i + 2] in absent for i in range(len(word) - 1)) \
                and word not in _TIME_QUALIFIER and not (ground and spread(word, ground)):
            return word
    return ""


_TIME_QUALIFIER = frozenset(lexicon.words("time_qualifier"))



def _asked_kind(question: str, span: str) -> bool:
    """`span` follows the question word it completes (哪一|个地区, 什么|政策): the kind of the answer."""
    i = question.find(span)
    return i > 0 and bool(_ASKED_KIND.search(question[:i]))


# Characters of context that a name standing in the quote's subject's place shares with the quote,
# both sides together, two at least on one side. On drcd_test's swaps and answers (2 characters on
# one side: wrong entity 0.206 -> 0.120 but 3 more right answers refused, by coincidences such as
# 优先|使用 against 战斗机|使用; 3: 0.206 -> 0.143, none refused). cmrc's swaps unmoved either way.
PLACE_CONTEXT = 3


def _in_place(question: str, span: str, ground: str, subjects: list[str]) -> str:
    """The part of missing `span` that stands where the grounding writes one of its `subjects` (the
    quote's article title, the titles of retrieved articles it names), with the same words around:
    "世界上的第一枚恒星是…" against "世界上第一枚邮票是…" of the article 邮票. The quote says this
    of its own subject, and the question asks it of another: the wrong entity. The span may carry a
    particle the quote writes otherwise (设立于|辅音 against 设立于关岛; 南韩|用碳 against 恒星用碳),
    so the name is cut where the context matches. "" when no subject stands there."""
    i = question.find(span)
    j = i + len(span)
    for subject in subjects:
        at = ground.find(subject)
        while at >= 0:
            after = at + len(subject)
            lefts = [(_shared(question[max(0, a - 4):a][::-1], ground[max(0, at - 4):at][::-1]), -a)
                     for a in range(i, j - 1)]
            rights = [(_shared(question[b:b + 4], ground[after:after + 4]), b) for b in range(i + 2, j + 1)]
            (left, a), (right, b) = max(lefts), max(rights)
            a = -a if left >= 2 else i
            b = b if right >= 2 else j
            if left + right >= PLACE_CONTEXT and max(left, right) >= 2 and b - a >= 2:
                name = question[a:b]
                if CJK_RUN.fullmatch(name) and not _CATEGORY.match(name) and not _ASKED_KIND.search(question[:a]) \
                        and name[0] not in _NOT_START and name[-1] not in _NOT_END \
                        and not _ASKING_CHARS.intersection(name) \
                        and not any(p.match(name) for p in _STAND_IN):
                    return name
            at = ground.find(subject, at + 1)
    return ""


def _shared(a: str, b: str) -> int:
    """How many characters `a` and `b` begin with alike, counted only when the first two are words
    to align by: Chinese characters, not particles (的 and 是 stand around any noun)."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n] and a[n] != "\n":
        n += 1
    return n if n >= 2 and CJK_RUN.fullmatch(a[:2]) and strip_question(a[:2]) == a[:2] else 0


def _overlap(question: str, span: str, name: str) -> bool:
    """Do `span` and `name` share characters where `question` writes them (广州天 and 天河区)?"""
    i, j = question.find(span), question.find(name)
    return i >= 0 and j >= 0 and i < j + len(name) and j < i + len(span)


def _name_like(span: str) -> bool:
    """A region (上海), or a place or organisation by its ending (3+ characters: 地区 and 学院 alone
    are categories, not names)."""
    return span in _REGIONS or (len(span) >= 3 and bool(_ENTITY.search(span)) and not _CATEGORY.match(span))


@lru_cache(maxsize=4)  # one collection's titles, for every question asked of it (a store may hold 100k)
def _known(titles: tuple[str, ...]) -> frozenset[str]:
    """The names of `titles` (`_name_of`) that can name a subject."""
    return frozenset(t for t in map(_name_of, titles) if len(t) >= 2 and not _CATEGORY.fullmatch(t))


def _title_in(span: str, question: str, titles: tuple[str, ...]) -> str:
    """The longest part of `span` that is one of the collection's titles, or "": looked up part by
    part (a span is a few characters; the titles may be 100k), computed only for a span no other
    cue has named."""
    if not titles:
        return ""
    known = _known(titles)
    for size in range(len(span), 1, -1):
        for i in range(len(span) - size + 1):
            if (part := span[i:i + size]) in known and not _asked_kind(question, part):
                return part
    return ""


def missing_names(question: str, ground: str, hits: list[Hit], titles: Iterable[str] = (),
                  absent: frozenset[str] = frozenset()) -> list[str]:
    """The names `question` (folded) is about that `ground` (folded) does not hold, in question order.
    `titles`: the collection's article titles, when the caller knows them: a missing span holding
    one is a name (恒星, 网球: DRCD's articles are named by common nouns that no ending marks, and
    the keyword search does not retrieve the article a swapped-in name belongs to). `qa ask` passes
    the store's (`Store.titles`, through `answer_extractive`): drcd_test's swaps answered about the
    wrong entity 0.144 -> 0.032 (docs/benchmarks.md, "Entity swaps")."""
    found: list[str] = []
    bare = None
    for m in _QUOTED.finditer(question):
        name = next(g for g in m.groups() if g)
        # read past punctuation and spaces: the question may quote with other marks than the passage
        bare = unpunctuated(ground) if bare is None else bare
        if fold(name) not in ground and (not unpunctuated(name) or unpunctuated(name) not in bare) \
                and not _mostly_in(fold(name), ground) and not _spelled_otherwise(fold(name), ground) \
                and not _heard(fold(name), ground):
            found.append(name)
    low = fold(question)
    for m in _LATIN.finditer(question):
        if len(m.group(0)) >= 2 and CJK_RUN.search(question) and fold(m.group(0)) not in ground \
                and not any(fold(m.group(0)) in fold(f) for f in found):
            found.append(m.group(0))
    same = len(low) == len(question)  # offsets kept: a title found in `low` is shown as `question` writes it
    retrieved = _titles(hits)
    # a one-character title (镍, 铁) names the subject of a question it opens (镍是在哪一年被命名的？)
    opening = [t for t in {_name_of(h.title) for h in hits} if len(t) == 1 and low.startswith(t)
               and low[1:2] in _SUBJECT_NEXT]
    for title in retrieved + opening:
        if _CATEGORY.fullmatch(title) or _asked_kind(low, title):
            continue  # an article on 地区 or 国家 is named by a word any question may use
        if (i := low.find(title)) >= 0 and title not in ground and not any(title in f for f in found):
            found.append(question[i:i + len(title)] if same else title)
    corpus = fold("\n".join(f"{h.title}\n{h.text}" for h in hits))
    # the quote's own subject: its article's title (the grounding's first line), and the retrieved
    # articles' titles it names, when the question does not name them
    own = _TITLE_NOTE.sub("", ground.split("\n", 1)[0].strip())
    article = fold("\n".join(h.text for h in hits if _name_of(h.title) == own))  # its passages retrieved
    subjects = [t for t in dict.fromkeys([own, *retrieved]) if len(t) >= 2 and t in ground and t not in low
                and not _CATEGORY.fullmatch(t)]
    heard = None
    for span in _missing_spans(question, ground):
        if any(span in f or f in span for f in found):
            continue
        heard = sounded(low, ground) if heard is None else heard
        if any(span in h or h in span for h in heard):
            continue  # a transliteration the grounding writes otherwise (拉埃内克, 雷奈克)
        # a region is a name wherever it is asked; a span read as a name by its ending only when
        # the corpus has it (a word the corpus never says is no entity it knows)
        # (read without the preposition or conjunction the span starts with: 在|中国, 于|鹤岗市)
        bare = _INTRODUCER.sub("", span)
        if span in _REGIONS or (_name_like(bare) and bare in corpus and not _asked_kind(question, span)):
            found.append(span if span in _REGIONS else bare)
        elif place := next((p for p in divisions_in(question) if _overlap(question, bare, p) and p not in ground
                            and without_ending(p) not in ground), ""):
            # a division named in full (位于|云南省|哪个县 over 四川省's quote): a place, in the corpus or
            # not; read in the question, where its span may be cut short (天河区 over 海珠区's: 河区 is in 黑河区)
            found.append(place)
        elif name := _absent_scope(question, span, absent, ground):
            found.append(name)
        elif name := _in_place(question, span, ground, subjects):
            found.append(name)
        elif (name := _title_in(span, question, tuple(titles))) and name not in article:
            # a title the quote's own article says too (in a passage retrieved) is one of its words
            # (政策 in "拿破仑的三项经济政策" over the article 拿破仑三世), not another subject's name
            found.append(name)
    return sorted(found, key=question.find)


def displaced(question: str, quote: str) -> str:
    """The place `quote` (folded) names as its subject in place of one `question` (folded) asks
    about, or "": a sentence of it that says other words of the question without naming its place
    opens with another (after a preposition at most) or writes one right before the question's
    words (`places.place_before`: "…为导向,上海发布《…》" for 深圳's plan; "上海的规划是什么?" against
    "广东省“十五五”规划建议明确提出…"). The grounding takes an earlier mention for the quote's subject
    (an article names its subject once, then says "该市"), but a sentence naming its own subject
    speaks of that one; a place later in it is a detail ("东接福建省…" of Guangdong: a drcd_test
    answer refused when any region before the question's words counted). Places: `qa.text.places`;
    one starting as the asked one does is it written longer or shorter (都安县, 都安瑶族自治县); a lower
    one may lie in it (闵行区 of 上海), unless no province holds both (广州's 海珠区: `places.apart`)."""
    named, rest = named_places(question), strip_question(question)
    if not named:
        return ""
    rest = re.sub("|".join(map(re.escape, named)), "\n", rest)
    # where a division's thing is located (在上海…启动建设) is read unless the place is what is asked
    # (另一个现在位于哪一个国家: drcd_test 4982-14-2), and not for a river's or a mountain's (发源于宁强县)
    divisions, asks_place = set(divisions_in(question)) & set(named), question_type(question)[0] == "place"
    pairs = {run[i:i + 2] for run in CJK_RUN.findall(rest) for i in range(len(run) - 1)}
    # any sentence of a quote not naming the asked place; in one naming it, the one saying most of
    # the question's words (广州、深圳等地… then 广州海珠区…为契机 for 深圳's 契机: the second)
    spans = [quote[s.start:s.end] for s in split_sentences(quote)]
    best = max(spans, default="", key=lambda t: (sum(p in t for p in pairs), all(n in t for n in named)))
    for sentence in [best] if all(n in quote for n in named) else spans:
        if all(n in sentence for n in named) or not any(p in sentence for p in pairs):
            continue
        other = _opening(sentence) or place_before(sentence, pairs) \
            or (located_place(sentence, pairs) if divisions and not asks_place else "") \
            or _referred(spans, spans.index(sentence), named)
        # a lower division may lie inside the asked one (闵行区 of 上海): one as high or higher, or in another province
        if other and other not in question and not any(p[:2] == other[:2] for p in named) \
                and any(place_level(other) <= place_level(p) or apart(other, p) for p in named if p not in sentence):
            return other
    return ""


def _opening(sentence: str) -> str:
    """The place `sentence` opens with (after punctuation and a preposition), or ""."""
    return opening_place(_INTRODUCER.sub("", sentence.lstrip(" \t\n，,。、；;：:“”\"「」…")))


def _referred(spans: list[str], k: int, named: list[str]) -> str:
    """The place sentence `k` of `spans` names by a demonstrative (该区, 本市: `place_reference`): the
    one the sentence before it opens with ("广州海珠区以…为契机…。今年9月,该区启动《琶洲脑谷三年行动计划》
    编制" for 深圳's plan), or "" (also where that sentence names the `named` places asked: 该区 is
    海珠区 of 广州海珠区)."""
    if k < 1 or not lexicon.regex("place_reference").search(spans[k]) or all(n in spans[k - 1] for n in named):
        return ""
    return _opening(spans[k - 1])


__all__ = ["displaced", "grounding", "missing_names"]
