"""Which of a Chinese question's terms a paraphrase can reword, found from the question and the
collection's IDF alone (`qa.answer.windows` credits them in a window's support): seams and joints,
bigrams across the boundary of two words (`cut_terms`), and plain dictionary words no passage
holds (`plain_absent`). Kept apart from the windows, which only count them, because both read the
dictionary's cut of the question (`qa.text.gloss_kin`).
"""

from __future__ import annotations

from qa.text.cjk import CJK_RUN, fold


def cut_terms(stripped: str, terms: tuple[str, ...], absent: set[str]) -> tuple[tuple[tuple[int, int], ...], ...]:
    """(seams, joints): (term, mask of its neighbour terms) of each bigram no passage of the collection holds whose
    neighbours in the question all occur in it: 书出 of 最贵的书出自 sits on the boundary of two words
    (书, 出自) the collection writes, so a passage cannot cover it as such; it is covered as far as
    the quote covers its neighbours (`qa.answer.windows._Support.value`). A missing word (去世 of 家铉翁去世于, whose
    neighbours 翁去 and 世于 are missing too) is not a seam: a question about what the collection
    never says must keep failing to be covered (near misses).

    A bigram across two words of the question as CC-CEDICT cuts it (`qa.text.gloss_kin.word_starts`:
    遗产|地位 puts 产地 across them, 创办|了 puts 办了) is a seam too, though some passage holds it
    (茶叶的产地): what it says, its words say, so it is covered as far as its neighbours that are
    words of their own (not across a cut themselves) are. A question translated apart from its
    passage has many such bigrams, and no passage wording it otherwise could hold them (issue 27:
    zh_translated 0.883 -> 0.896, drcd_test 0.892 -> 0.895 on the hash path; near misses unmoved).

    An absent bigram across that cut whose neighbours are not all present is a joint instead (了法
    of 阻止了法国: 阻止 is missing), of its neighbours that are words of their own (法国); a name the
    dictionary does not know is cut into single characters, so its bigrams have no such neighbour
    and keep counting against support (issue 27: zh_xwiki3 29 -> 32 right, zh_xwiki 51 -> 53 on
    the real path; no unanswerable answered on any set)."""
    from qa.text.gloss_kin import word_starts

    index = {t: i for i, t in enumerate(terms)}
    found: dict[int, int] = {}
    joints: dict[int, int] = {}
    for run in CJK_RUN.findall(fold(stripped)):
        grams = [run[i:i + 2] for i in range(len(run) - 1)]
        starts = word_starts(run)
        across = [i + 1 in starts for i in range(len(grams))]
        for i, g in enumerate(grams):
            sides = grams[max(i - 1, 0):i] + grams[i + 1:i + 2]
            if g not in index:
                continue
            if g not in absent:
                if not across[i]:
                    continue
                sides = [grams[j] for j in (i - 1, i + 1) if 0 <= j < len(grams) and not across[j]]
            if sides and not any(s in absent or s not in index for s in sides):
                found[index[g]] = found.get(index[g], 0) | sum(1 << index[s] for s in sides)
            elif g in absent and across[i]:
                inside = [grams[j] for j in (i - 1, i + 1) if 0 <= j < len(grams) and not across[j] and grams[j] in index]
                if inside:
                    joints[index[g]] = joints.get(index[g], 0) | sum(1 << index[s] for s in inside)
    return tuple(found.items()), tuple((t, m) for t, m in joints.items() if t not in found)


def plain_absent(stripped: str, terms: tuple[str, ...], absent: int, joints: tuple[tuple[int, int], ...],
                 question: str = "") -> int:
    """Mask over `terms` of the absent ones (no passage holds them) inside a plain word of the
    question, one the dictionary gives with lower-case pinyin (`qa.text.gloss_kin.is_plain`: 来源,
    市场, 威胁): a translation words those otherwise (得名于, 集市, 易危). A name is no plain word,
    and one the dictionary lacks is cut into characters, inside no word: a question about a name
    the collection never writes keeps its missing terms (near misses, entity swaps). Not the joints,
    nor a word `question` (folded) marks as its scope or owner (zh.toml `scope_mark`: 月球上有多少
    人口 over a page on 广东's population, which no rewording of 月球 can be)."""
    from qa.text.gloss_kin import is_plain, word_starts

    if not absent:
        return 0
    index = {t: i for i, t in enumerate(terms)}
    skip = {t for t, _ in joints}
    bits = 0
    for run in CJK_RUN.findall(fold(stripped)):
        cuts = sorted(word_starts(run)) + [len(run)]
        for a, b in zip(cuts, cuts[1:]):
            if b - a < 2 or not is_plain(run[a:b]) or scoped(question, run[a:b]):
                continue
            for k in range(a, b - 1):
                i = index.get(run[k:k + 2])
                if i is not None and absent >> i & 1 and i not in skip:
                    bits |= 1 << i
    return bits


def scoped(question: str, word: str) -> bool:
    """Does `question` follow `word` with a mark of its scope or owner (上, 的: zh.toml `scope_mark`)?"""
    from qa.text import lexicon

    at = question.find(word)
    return at >= 0 and bool(lexicon.regex("scope_mark").match(question, at + len(word)))


def letter_terms(stripped: str, terms: tuple[str, ...], absent: int, chars: tuple[str, ...],
                 pairs: tuple[tuple[int, int], ...] = (), kind: int = 0) -> tuple[tuple[int, int], ...]:
    """(term, mask over `chars`) of each bigram no passage holds across the dictionary's cut that is
    neither seam nor joint (in `pairs`: it has no word of two characters or more beside it) nor the
    kind asked (`kind`, a mask over `terms`: `qa.answer.kinds`), and holds a
    word of one character (来|孵, 能|走, 河|把): a translation writes such a word inside a compound of
    its own (孵卵, 行走, 河流), so the bigram is covered as far as the quote writes its one-character
    words (`credited`). `chars`: the question's informative characters (no function characters:
    zh.toml `stop_char`), as `qa.answer.windows.Question.chars`."""
    from qa.text.gloss_kin import word_starts

    index = {t: i for i, t in enumerate(terms)}
    at = {c: i for i, c in enumerate(chars)}
    skip = {t for t, _ in pairs} | {i for i in range(len(terms)) if kind >> i & 1}
    found: dict[int, int] = {}
    for run in CJK_RUN.findall(fold(stripped)):
        starts = word_starts(run)
        ends = starts | {len(run)}
        for k in range(len(run) - 1):
            i = index.get(run[k:k + 2])
            if i is None or not absent >> i & 1 or i in skip or k + 1 not in starts:
                continue
            mask = (1 << at[run[k]] if k in starts and run[k] in at else 0) \
                | (1 << at[run[k + 1]] if k + 2 in ends and run[k + 1] in at else 0)
            if mask:
                found[i] = found.get(i, 0) | mask
    return tuple(found.items())


def credited(corpus, held: int, chars: int, seams, joints, letters, params, letter_weigh=None, top: float = 1.0) -> float:
    """How much of the seams, joints and letter terms (above) a window covers that holds the terms
    `held` and the characters `chars` (masks over the question's terms and characters), by their
    weights (`corpus`: a mask -> its summed weight) and `params`' credits: a seam or a joint as far
    as the words beside it are held, a letter term as far as its one-character words are written,
    each by its weight among the candidate sentences (`letter_weigh`, a mask -> summed weight; `top`
    the most one character can weigh there): 鸟, which every sentence of a page on a bird writes,
    says little of 亲|鸟, and 孵, which one sentence writes, much of 来|孵."""
    covered = 0.0
    for term, sides in seams:
        if not held >> term & 1:
            covered += params.seam_credit * corpus(1 << term) * (held & sides).bit_count() / sides.bit_count()
    for term, sides in joints:
        if not held >> term & 1:
            covered += params.joint_credit * corpus(1 << term) * (held & sides).bit_count() / sides.bit_count()
    for term, sides in letters if params.letter_credit and letter_weigh else ():
        if not held >> term & 1:
            covered += params.letter_credit * corpus(1 << term) * letter_weigh(chars & sides) / (sides.bit_count() * top)
    return covered
