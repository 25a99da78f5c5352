"""The one definition of a Chinese character, and the forms text is matched in."""

from __future__ import annotations

import pytest

from qa.text.cjk import close_spaces, closed_offsets, fold, spread, unpunctuated


@pytest.mark.parametrize("text, closed", [
    ("第 50 届", "第50届"),
    ("在 2008 年的 GPS 定位", "在2008年的GPS定位"),
    ("增长 50 %的人", "增长50%的人"),
    ("纽约 New York 时报", "纽约New York时报"),  # Latin words keep the space between them
    ("洛拉·帕尼亚尼 会讲哪些语言", "洛拉·帕尼亚尼 会讲哪些语言"),  # between two Chinese words: kept
    ("第\u300050\u00a0届", "第50届"),  # ideographic and no-break spaces too
    ("3 5 个", "3 5个"),
    ("no Chinese at all 50 %", "no Chinese at all 50%"),
    # a translation's half-width marks inside Chinese text, and its spaces around brackets
    ("生于香港, 香港职业. 他说: 好", "生于香港,香港职业.他说:好"),
    ("吕志兴 (Lui Chi Hing) 是球员", "吕志兴(Lui Chi Hing)是球员"),
    ("(1994 年至 1998 年). 1998 年", "(1994年至1998年).1998年"),
    ('称为"臬仓". 直接', '称为"臬仓".直接'),
    ('前任校长为Carolyn "Biddy" Martin, 于 2011 年', '前任校长为Carolyn "Biddy" Martin,于2011年'),
    ("Hello, world. (Yes) no", "Hello, world. (Yes) no"),  # English text keeps its spaces
    ("3.5 亿, 是", "3.5亿,是"),
    # a name's dot, however written, is the lexicon's middle dot
    ("约翰•贝茨 在", "约翰·贝茨 在"),
    ("喬治‧華盛頓", "喬治·華盛頓"),
    ("奥托・莫德索恩", "奥托·莫德索恩"),
])
def test_close_spaces_joins_chinese_to_numbers_and_latin(text, closed):
    assert close_spaces(text) == closed


@pytest.mark.parametrize("text", [
    "第 50 届, 在 2008 年 (GPS) 定位. 他说: 好",
    "第50届，在2008年（GPS）定位。",
    "Hello, world. (Yes) no 第 5",
    "",
])
def test_closed_offsets_count_what_close_spaces_keeps(text):
    offsets = closed_offsets(text)
    assert len(offsets) == len(text) + 1
    assert all(offsets[i] == len(close_spaces(text[:i])) or text[i - 1].isspace() for i in range(len(text) + 1))
    assert offsets[-1] == len(close_spaces(text))


def test_a_translated_text_is_as_long_as_its_original_by_closed_offsets():
    assert closed_offsets("第 50 届, 在 2008 年 (GPS) 定位. 他")[-1] == len("第50届，在2008年（GPS）定位。他")


@pytest.mark.parametrize("text, folded", [
    ("２０２４年ＡＩ崗位", "2024年ai岗位"),
    ("喬治‧華盛頓", "乔治·华盛顿"),
    ("约翰•贝茨", "约翰·贝茨"),
    ("奥托･莫德索恩", "奥托·莫德索恩"),  # the half-width katakana dot too
])
def test_fold_reads_widths_case_script_and_name_dots_one_way(text, folded):
    assert fold(text) == folded and len(fold(text)) == len(text)


@pytest.mark.parametrize("text, bare", [
    ("「凍死不拆屋，餓死不擄掠。」", "冻死不拆屋饿死不掳掠"),
    ('"冻死不拆屋, 饿死不掳掠."', "冻死不拆屋饿死不掳掠"),
    ("政企分开、邮储分离", "政企分开邮储分离"),
    ("Mark Regnerus 的研究", "markregnerus的研究"),
    ("约翰·贝茨", "约翰贝茨"),
])
def test_unpunctuated_reads_a_saying_the_same_however_it_is_marked(text, bare):
    assert unpunctuated(text) == bare


@pytest.mark.parametrize("word, text, written", [
    ("镀银", "每张照片都制作在一块镀有抛光银层的铜板上", True),   # 镀|有抛光|银: three between
    ("镀银", "镀银", True),
    ("母亲", "他的母校在城里的父亲", False),                 # 母 … 亲: six between
    ("月球", "今年9月，全球人口众多", False),                # a comma between: two phrases
    ("银镀", "一块镀有抛光银层的铜板", False),               # out of order
])
def test_spread_reads_a_word_written_around_others_in_one_phrase(word, text, written):
    assert spread(word, text) is written
