"""qa.answer.abridged and the lexicon rows it and the focus check read: a word a passage writes as a
compound of one of its characters, a size or a position given by its units, where-words that are
categories, and time adverbs that pad a question."""

from __future__ import annotations

import pytest

from qa.answer.abridged import abridged, first_abridged, head_lengthened
from qa.answer.slots import focus, gaps, mentions
from qa.text import lexicon


@pytest.mark.parametrize("asked", lexicon.glossary("synonym")["first_time"].split("|"))
@pytest.mark.parametrize("prefix", lexicon.words("first_abridged"))
def test_an_event_asked_as_a_first_one_is_said_by_the_prefix_and_a_character(asked, prefix):
    question = f"电视剧《鳄鱼泪》{asked}播出是什么时候？"
    assert first_abridged(question, "播出", f"1978年4月23日{prefix}播，共89集。")
    assert not first_abridged(question, "播出", "1978年4月23日重播，共89集。")  # a rerun is no first time
    # not asked as a first one: the first time says no other broadcast
    assert not first_abridged("电视剧《鳄鱼泪》是什么时候播出的？", "播出", f"1978年4月23日{prefix}播")


@pytest.mark.parametrize("word, text, found", [
    ("德国船", "1916年被凿沉的德国轮船“格拉夫·冯·格岑”号", True),   # 轮船 a word ending in 船
    ("德国船", "1916年被凿沉的德国的船", False),                     # 的船 is no word
    ("德国船", "德国海军的一艘驱逐舰", False),
    ("船", "德国轮船", False),                                      # one character: no modifier to keep
])
def test_a_one_character_head_written_as_a_word_of_two(word, text, found):
    assert head_lengthened(word, text) is found


def test_abridged_is_read_by_the_focus_check():
    question = "电视剧《鳄鱼泪》第一次播出是什么时候？"
    assert focus(question) == ("播出", "event")
    assert [g.kind for g in gaps(question, "《鳄鱼泪》，香港丽的电视经典电视剧，1978年4月23日首播，共89集。", "")] == []
    assert [g.kind for g in gaps(question, "《鳄鱼泪》，香港丽的电视经典电视剧，共89集。", "")] == ["event"]
    assert abridged("那艘德国船如今叫什么名字？", "德国船", "德国轮船")


@pytest.mark.parametrize("names, units", [(n, u) for n, u in lexicon.glossary("dimension").items()
                                          if "尺寸" in n or "经纬度" in n])
def test_a_size_or_a_position_is_said_by_its_units(names, units):
    for word in names.split("|"):
        for unit in units.split("|"):
            quote = f"{unit}23度" if "经纬度" in names else f"宽3{unit}"
            assert mentions(quote, word), (word, quote)
        assert not mentions("这座塔建于清代", word)


@pytest.mark.parametrize("question, word", [
    ("手球球门的尺寸是多少？", "尺寸"),
    ("塔顶的经纬度是多少？", "经纬度"),
])
def test_size_and_coordinates_questions_check_their_units(question, word):
    assert focus(question)[0] == word
    assert [g.kind for g in gaps(question, "这座塔建于清代，是当地的名胜。", "")] == ["focus"]


@pytest.mark.parametrize("word", ["位置", "地理位置", "所在地", "方位"])
def test_where_a_thing_lies_is_a_category_the_answer_never_repeats(word):
    assert word in lexicon.words("category")
    assert focus(f"巴黎第四区的{word}在哪里？") == ("", "focus")


@pytest.mark.parametrize("adverb", ["如今", "现今", "现在", "目前"])
def test_a_time_adverb_before_the_question_word_is_no_focus(adverb):
    word, _ = focus(f"1916年沉没的那艘德国船{adverb}叫什么名字？")
    assert adverb not in word


@pytest.mark.parametrize("word, quote, found", [
    ("创造者", "占士·邦是一个由伊恩·法兰明所创作的虚构人物", True),   # 创造 and 创作: "to create"
    ("创造者", "伊恩·法兰明是英国作家", False),
    ("创造", "伊恩·法兰明是英国作家", False),
])
def test_an_agent_noun_is_said_by_its_verbs_kin_in_the_quote(word, quote, found):
    from qa.answer.slots import said_by_kin

    assert said_by_kin(word, quote) is found
