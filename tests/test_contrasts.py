import pytest

from qa.answer.contrasts import other_member
from qa.answer.slots import gaps
from qa.text import lexicon

# (question, quote, the member the quote writes in place of the asked one; "" when it may answer)
CASES = [
    ("恒河鳄的成年雌性体长可达多少？", "成年雄性的体长可达约6米，而且只有它们的吻端会长出一个球状隆起。", "雄性"),
    ("恒河鳄的成年雄性体长可达多少？", "成年雄性的体长可达约6米。", ""),
    ("恒河鳄的成年雌性体长可达多少？", "成年雄性体长可达约6米，雌性约4米。", ""),  # both written
    ("恒河鳄的成年雌性体长可达多少？", "成年恒河鳄体长可达约6米。", ""),  # neither: another check's
    ("这条河下游的河道有多宽？", "河流上游的河道宽约30米。", "上游"),
    ("雄性和雌性的区别是什么？", "雄性的吻端有球状隆起。", ""),  # the question asks both
    ("华强广场今年几月开业？", "签约率达98%,计划明年1月开业,可创造1000个就业岗位。", "明年"),  # the seed probe's u011
    ("华强广场明年几月开业？", "签约率达98%,计划明年1月开业。", ""),
    ("壁球双打场地的长度是多少？", "标准的单打场地长9.75米、宽6.4米。", "单打"),  # the probe's zp-eng08-u0
]


@pytest.mark.parametrize("question, quote, other", CASES)
def test_other_member(question, quote, other):
    assert other_member(question, quote) == other
    assert (("elsewhere", other) in [(g.kind, g.detail) for g in gaps(question, quote, "")]) is bool(other)


def test_every_pair_reads_both_ways():
    pairs = lexicon.glossary("contrast", "zh")
    for asked, other in pairs.items():
        assert pairs[other] == asked
        assert other_member(f"它的{asked}部分有多长？", f"它的{other}部分长约30米。") == other, asked
        assert other_member(f"它的{asked}部分有多长？", f"它的{asked}部分长约30米。") == "", asked
