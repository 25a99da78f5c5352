"""News constructions the question's words do not fence (qa.answer.frames): the frame around the
question word (在X指导下, 在X上), the actor as the subject of the question's verb (X近期印发《…》 for
是哪个部门印发的) and the place written before the thing (黑龙江省黑河市的仓储中心 for 位于哪个城市);
each construction, the cases it must not fire on, and each lexicon entry by a row."""

from __future__ import annotations

import re

import pytest

from qa.answer.frames import actor, before_predicate, framed, modifier_place
from qa.answer.short import _ASK, pick, short_answer
from qa.text import lexicon
from qa.text.cjk import fold

BRAIN = ("在脑机接口的检验检测和标准化工作方面,上海在国家药监局指导下,积极构建脑机接口医疗器械标准体系,"
         "上海市医疗器械检验研究院已牵头发布国内首个相关行业标准,立项多个国标和行标。")
SEED = [
    # (question, a seed sentence, the short answer; the picker's other passes place none)
    ("上海构建脑机接口医疗器械标准体系，是在哪个部门的指导下进行的？", BRAIN, "国家药监局"),
    ("在刚刚结束的哪项全国性运动会上，脑机接口产品被用于广东运动员的辅助训练？",
     "在刚刚结束的十五运会上,脑机接口产品还被用于广东运动员的辅助训练……", "十五运会"),
    ("国内首个脑机接口相关行业标准是由哪家机构牵头发布的？", BRAIN, "上海市医疗器械检验研究院"),
    ("《计量促进民营经济发展壮大若干措施》是哪个部门印发的？",
     "市场监管总局近期印发《计量促进民营经济发展壮大若干措施》,提出一系列切实可行的政策举措。", "市场监管总局"),
    ("《商业银行托管业务监督管理办法(试行)》是由哪个机构制定的？",
     "为进一步加强商业银行托管业务监督管理,国家金融监督管理总局近期制定了《商业银行托管业务监督管理办法(试行)》。",
     "国家金融监督管理总局"),
    ("国欧物流仓储中心位于哪个城市？", "走进黑龙江省黑河市的国欧物流仓储中心,一派繁忙有序的景象扑面而来。", "黑河市"),
    ("十八道弯盘山公路在哪个景区？", "12月20日拍摄的四川省达州市宣汉县巴山大峡谷景区的十八道弯盘山公路。", "巴山大峡谷景区"),
    ("李远清团队做的哪款产品在美国卖得很火？", "李远清介绍,团队研发的脑机接口正念冥想系统在美国热销。", "脑机接口正念冥想系统"),
]


@pytest.mark.parametrize("question, text, expected", SEED)
def test_a_news_construction_gives_the_short_answer(question, text, expected):
    assert short_answer(question, [text]) == expected
    assert pick(question, [text], constructions=False) is None  # a pass of its own: no quote that placed one moves


def _run(find, question: str, text: str, *args):
    q = fold(question).rstrip("？?")
    found = find(q, _ASK.search(q), text, *args)
    return text[found[0]:found[1]] if found else None


FRAMES = [
    # (question, sentence, the name in the frame; None: nothing certain)
    ("上海构建标准体系，是在哪个部门的指导下进行的？", "上海在国家药监局的指导下,积极构建标准体系。", "国家药监局"),  # 的 too
    ("许多阿罗汉选择入灭是在哪一个宗教的故事中提到？", "许多阿罗汉选择入灭，这在佛教的故事中提到。", "佛教"),
    ("上海是在哪个部门指导下构建标准体系的？", BRAIN, "国家药监局"),  # no 的: the noun asked is two characters
    ("在哪项全国性运动会上，运动员获得金牌？", "在十五运会上,运动员获得金牌。", None),  # no words open the frame
    ("在哪里上车？", "乘客在北京西站上车。", None),  # nothing in the frame but the question word
    ("在刚刚结束的哪项运动会上，运动员获得金牌？", "在刚刚结束的十五运会上,观众热情高涨。", None),  # the rest unsaid
    ("在刚刚结束的哪项运动会上，运动员获得金牌？", "在刚刚结束的比赛中运动员的表现上,运动员获得金牌。", None),  # 的: a clause
]


@pytest.mark.parametrize("question, text, expected", FRAMES)
def test_the_frame_around_the_question_word_holds_the_answer(question, text, expected):
    assert _run(framed, question, text, 30) == expected


ACTORS = [
    # (question, sentence, who did it; None: nobody certain)
    ("欧洲第一种警用散弹枪是由哪一个国家开发的？", "英国于是开发了欧洲第一种警用散弹枪。", None),  # 于是: an adverb not listed
    ("欧洲第一种警用散弹枪是由哪一个国家开发的？", "1990年，英国率先开发了欧洲第一种警用散弹枪。", "英国"),
    ("该标准是由哪家机构牵头发布的？", "该标准由上海市医疗器械检验研究院牵头发布该标准。", "上海市医疗器械检验研究院"),  # after 由
    ("岳飞被哪一个皇帝赐死？", "宋高宗赐死岳飞。", "宋高宗"),  # the passive asks the active's subject
    ("哪家机构牵头发布了国内首个脑机接口相关行业标准？", BRAIN, "上海市医疗器械检验研究院"),  # opening with 哪家
    ("哪个部门印发了《办法》？", "市场监管总局近期印发《办法》。", "市场监管总局"),
    ("哪个部门印发了《办法》？", "市场监管总局的领导近期印发《办法》。", None),  # 的: whose deed is unsure
    ("马尼拉是哪一个国家的城市？", "马尼拉是菲律宾第一大城市。", None),  # 的: a thing of X, not what X did
    ("孙权派谁夺取荆州？", "孙权派吕蒙夺取荆州。", None),  # no cleft (是…的), no passive
    ("孔子鸟是哪一个国家发现的？", "孔子鸟是在中国东北新发现的孔子鸟化石。", None),  # 在: a place before the verb
    ("《办法》是哪个部门印发的？", "市场监管总局近期印发了通知。", None),  # the thing done is not what the verb takes
    ("《办法》是哪个部门印发的？", "2024年5月印发《办法》。", None),  # a date is nobody
]


@pytest.mark.parametrize("question, text, expected", ACTORS)
def test_the_actor_is_the_subject_of_the_questions_verb(question, text, expected):
    assert _run(actor, question, text, 30) == expected


PLACES = [
    # (question, sentence, the place; None: none certain)
    ("国欧物流仓储中心位于哪个城市？", "走进黑龙江省黑河区的国欧物流仓储中心。", None),  # not the kind asked (区, not 市)
    ("国欧物流仓储中心位于哪个城市？", "走进黑河市的国欧物流仓储中心。", None),  # no level above: where the name starts is unsure
    ("国欧物流仓储中心位于哪个城市？", "黑龙江省黑河市有国欧物流仓储中心。", None),  # not its modifier
    ("中心在哪个景区？", "四川省巴山大峡谷景区的中心。", None),  # the thing too short to find (2 characters)
]


@pytest.mark.parametrize("question, text, expected", PLACES)
def test_the_place_is_the_things_modifier(question, text, expected):
    assert _run(modifier_place, question, text) == expected


@pytest.mark.parametrize("word", lexicon.words("frame_close"))
def test_frame_close_shuts_the_frame(word):
    question = f"在刚刚结束的哪项比赛{word}，运动员获得金牌？"
    assert _run(framed, question, f"在刚刚结束的全运会{word}，运动员获得金牌。", 30) == "全运会"


@pytest.mark.parametrize("word", lexicon.words("actor_adverb"))
def test_actor_adverb_is_no_part_of_who_did_it(word):
    assert _run(actor, "《办法》是哪个部门印发的？", f"市场监管总局{word}印发《办法》。", 30) == "市场监管总局"


@pytest.mark.parametrize("word", lexicon.words("place_level"))
def test_place_level_starts_the_place_after_it(word):
    text = f"走进黑龙江{word}黑河市的国欧物流仓储中心。"
    assert _run(modifier_place, "国欧物流仓储中心位于哪个城市？", text) == "黑河市"


@pytest.mark.parametrize("names, ending", lexicon.glossary("place_kind").items())
def test_place_kind_ends_the_place(names, ending):
    for name in re.split(r"\|", names):
        text = f"走进某某县大河{ending}的国欧物流仓储中心。"
        assert _run(modifier_place, f"国欧物流仓储中心在哪个{name}？", text) == f"大河{ending}"


PREDICATES = [
    # (question, sentence, the thing before the question's words; None: none certain)
    ("团队研发的哪款产品在美国热销？", "团队研发的冥想系统在美国热销。", "冥想系统"),
    ("哪款产品在美国热销？", "团队研发的冥想系统在美国热销。", None),  # no modifier: who is asked about is unsure
    ("李远清团队做的哪款产品在美国卖得很火？", "公司生产的冥想系统在美国热销。", None),  # the modifier unsaid: another's product
    ("团队研发的哪款产品在美国热销？", "团队研发的产品在美国热销。", None),  # the question's own noun
    ("团队研发的哪款产品在美国热销？", "团队研发的系统于美国热销。", None),  # fewer than three of its words
]


@pytest.mark.parametrize("question, text, expected", PREDICATES)
def test_the_thing_stands_before_what_the_question_says_of_it(question, text, expected):
    assert _run(before_predicate, question, text) == expected


@pytest.mark.parametrize("word", lexicon.words("actor_q_lead") + lexicon.words("cleft_copula"))
def test_a_question_so_worded_asks_who_did_it(word):
    question = f"《办法》{word}哪个部门印发的？"
    assert _run(actor, question, "市场监管总局近期印发《办法》。", 30) == "市场监管总局"


@pytest.mark.parametrize("word", lexicon.words("located_q"))
def test_located_q_asks_where_the_thing_is(word):
    text = "走进黑龙江省黑河市的国欧物流仓储中心。"
    assert _run(modifier_place, f"国欧物流仓储中心{word}哪个城市？", text) == "黑河市"
