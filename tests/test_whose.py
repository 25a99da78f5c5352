"""A question asking whose (谁的N) is answered by the owner the sentence writes before "的N", or a
parent before "之K" of kin (qa.answer.whose), through the picker (qa.answer.short.short_answer) as
`qa ask` reads it; each word of `owner_lead` in zh.toml opens the owner."""

from __future__ import annotations

import pytest

from qa.answer.short import short_answer
from qa.answer.whose import owner
from qa.text import lexicon
from qa.text.cjk import fold

OWNERS = [
    # (question, quote, short answer)
    ("史继偕是谁的儿子？", "史继偕，字世程，明朝政治人物、榜眼。湖广右布政使史朝宜之子。", "湖广右布政使史朝宜"),  # kin: 之子
    ("織田信長征伐全國其他不服從的大名是以誰的名義?", "他們取得實權，並以天皇的名義征伐全國其他不服從的大名。", "天皇"),
    ("1967年時以哪個人的名義提交了一份修改國歌歌詞的方案?", "1967年，以田春蔚的名義提交了一份修改國歌歌詞的方案。", "田春蔚"),  # 哪個人的
    ("成公英是谁的将领？", "成公英，表字不详，金城人，东汉末群雄韩遂的将领。", "东汉末群雄韩遂"),  # 将 is no edge here
    ("希臘人帝國尼西亞帝國是在誰的支持下建立的?", "尼西亞帝國後得到擔心拉丁人勢力東擴的塞爾柱人蘇丹的支持而建立。", "塞爾柱人蘇丹"),  # back to 的
]

NOT_OWNERS = [
    # (question, quote): no owner certain
    ("史继偕是谁的儿子？", "湖广右布政使史朝宜之子。"),  # the quote says none of the question's words
    ("麦克劳林建筑群是在谁的监督之下所完工？", "麦克劳林建筑群是在麦克劳林建筑群的监督下完工。"),  # the question's words
]


@pytest.mark.parametrize("question, quote, expected", OWNERS)
def test_the_owner_before_the_thing_owned_answers_whose(question, quote, expected):
    assert short_answer(question, [quote]) == expected


@pytest.mark.parametrize("question, quote", NOT_OWNERS)
def test_no_owner_where_the_quote_does_not_fit(question, quote):
    assert short_answer(question, [quote]) is None


@pytest.mark.parametrize("word", lexicon.words("owner_lead"))
def test_the_owner_follows_its_lead_word(word):
    quote = f"这座建筑{word}张三丰的监督下完工。"
    assert short_answer("这座建筑是在谁的监督下完工的？", [quote]) == "张三丰"


NOT_READ = [
    # (question, quote): what owner() itself leaves, where the fence may still place a word
    ("麦克劳林建筑群是在谁的监督之下所完工", "麦克劳林建筑群是在他们的监督下完工。"),  # a pronoun: named elsewhere
    ("这座建筑是在谁的监督下完工的？", "这座建筑是在前者的监督下完工。"),  # a word pointing back
    ("这座建筑是在谁的监督下完工的？", "这座建筑是在湖广右布政使兼都察院右副都御史史朝宜的监督下完工。"),  # a clause, not a name
    ("这座建筑是谁的家？", "这座建筑是张三丰的家。"),  # one character owned: too little to find it by
]


def _owner(question: str, quote: str):
    q = fold(question).rstrip("？?")
    found = owner(q, lexicon.regex("short_ask").search(q), fold(quote))
    return quote[found[0]:found[1]] if found else None


def test_owner_reads_the_name_before_the_thing_owned():
    assert _owner("麦克劳林建筑群是在谁的监督之下所完工", "麦克劳林建筑群是在张三丰的监督下完工。") == "张三丰"


@pytest.mark.parametrize("question, quote", NOT_READ)
def test_owner_reads_no_pronoun_no_clause_and_no_one_character_thing(question, quote):
    assert _owner(question, quote) is None
