"""Does a Chinese quote give a sum of money where the question asks one, and the year it names?

A sum asked (多少奖金, 赎金是多少, 花了多少钱: zh.toml `sum_asked`, a money word before or after 多少)
is written as a figure in a currency (4.1 亿美元, 三千两: `sum_unit`), a large figure whose unit
is dropped (奖金100万) or a currency's sign; a quote holding none gives no sum, whatever else it
counts. "鲍尔丹奖给了柯瓦列夫斯卡娅多少奖金？" was answered 0.49 by the sentence saying the judges
raised the prize, which holds years (1888年), a span (两年后) and an age (四十一岁): figures, so the
answer-type cue passed it, and no sum. The answer-type cue reads a currency only after 多少钱
(`dimension_asked`) and only lowers support; this is the gap a sum's absence is. (English and
Spanish read their sums by `qa.answer.latin_question.asked`'s money unit.)

A year a Chinese question names (2027年) that the quoted passage (its title and whole chunk) never
writes while the quote writes others dates another thing: "工信部等7部门的实施意见对2027年提出了什么
目标？" was answered 0.76 by the sentence on the goal for 2030. The rule is English's
(`qa.answer.event_dates.other_year`), read with a Chinese question's digits, over the passage and not
the quote's neighbours only: a Chinese biography dates a post once and goes on (同年7月…; "1992年7月，
日本政府授予长谷川町子什么奖项？" and "杨朝祥在2011年被聘为什么职务？" were refused when only the
neighbours were read: cmrc_trial −2, cmrc_train30 −1).
"""

from __future__ import annotations

from qa.text import lexicon

__all__ = ["cjk_sum_gaps", "unsummed"]


def unsummed(question: str, quote: str) -> str:
    """The money word a Chinese question asks a sum of (奖金) when `quote` writes no sum; "" else."""
    asked = lexicon.regex("sum_asked").search(question)
    if not asked or lexicon.regex("sum_said").search(quote):
        return ""
    return asked.group(1) or asked.group(2)


def cjk_sum_gaps(question: str, quote: str, passage: str) -> list[tuple[str, str]]:
    """(gap kind, detail) of a sum the Chinese `question` asks that `quote` does not give, and of the
    year it names that `quote`'s `passage` (its title and text) never writes, the quote writing others."""
    from qa.answer.event_dates import other_year

    out = []
    if word := unsummed(question, quote):
        out.append(("value", f"sum of {word}"))  # "the passages give no sum of 奖金"
    # a quote dated by the sentence before (同年7月, 次年: `time_anaphor`) may be of the year asked
    # where the passage's chunk starts after it (cmrc_trial TRIAL_11_QUERY_1)
    if not any(w in quote for w in lexicon.words("time_anaphor")) and (years := other_year(question, quote, passage)):
        out.append(("elsewhere", years))
    return out
